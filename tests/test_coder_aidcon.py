"""Mediation, mutual-defence and aid causes seen on fresh news text (own sentences)."""

from __future__ import annotations

from .coding import last_keys


def test_effort_by_agent_reduces_tensions_between_the_two() -> None:
    doc = ["Chile and Peru traded artillery fire across the border in March.",
           "Analysts noted the efforts made by Brazil to ease the tensions between the two countries."]
    assert last_keys(doc, "2025-04-01") == {("BRA", "CONSULT", "CHL", False), ("BRA", "CONSULT", "PER", False)}


def test_calm_a_dispute_between_two_named() -> None:
    doc = ["Norway worked to calm the dispute between Chile and Peru."]
    assert last_keys(doc, "2025-04-01") == {("NOR", "CONSULT", "CHL", False), ("NOR", "CONSULT", "PER", False)}


def test_attack_on_one_deemed_attack_on_both_is_aid_both_ways() -> None:
    doc = ["Under the accord Chile and Peru signed on Monday, an attack on either would be treated as an attack on both."]
    assert last_keys(doc, "2025-04-01") == {("CHL", "AGREE", "PER", False), ("PER", "AGREE", "CHL", False),
                                            ("CHL", "AID", "PER", False), ("PER", "AID", "CHL", False)}


def test_clause_takes_the_parties_of_the_pact_just_coded() -> None:
    doc = ["Chile and Peru signed a defence pact on Monday.",
           "The text says any aggression against one of them shall count as an aggression against both, officials said."]
    assert last_keys(doc, "2025-04-01") == {("CHL", "AID", "PER", False), ("PER", "AID", "CHL", False)}


def test_a_bodys_own_clause_is_no_new_pledge() -> None:
    doc = ["Norway cited NATO's mutual defence clause in its statement."]
    assert last_keys(doc, "2025-04-01") == set()


def test_treaty_applies_to_the_covered_state() -> None:
    doc = ["Officials stressed that Article 5 of the Chile-Peru defence treaty applies to Peruvian islands in the bay."]
    assert last_keys(doc, "2025-04-01") == {("CHL", "AID", "PER", False)}


def test_falls_within_the_treaty_said_by_the_defender() -> None:
    doc = ["Chile issued a statement saying the islands fall within the scope of the Chile-Peru security treaty."]
    assert last_keys(doc, "2025-04-01") == {("CHL", "AID", "PER", False)}


def test_treaty_without_a_named_pair_covers_no_one() -> None:
    doc = ["Chile said the treaty applies to the islands in the bay."]
    assert last_keys(doc, "2025-04-01") == set()


def test_telling_another_states_minister_is_consultation_both_ways() -> None:
    doc = ["\"Our ties are strong,\" Chile's president told Peru's foreign minister."]
    assert last_keys(doc, "2025-04-01") == {("CHL", "CONSULT", "PER", False), ("PER", "CONSULT", "CHL", False)}


def test_a_state_named_in_what_was_told_is_no_party() -> None:
    doc = ["Chilean President Gabriel Boric told Peruvian foreign minister Elmer Schialer that Bolivia would pay."]
    assert last_keys(doc, "2025-04-01") == {("CHL", "CONSULT", "PER", False), ("PER", "CONSULT", "CHL", False)}


def test_telling_reporters_is_no_consultation() -> None:
    assert last_keys(["Chilean President Gabriel Boric told reporters that ties with Peru were strong."],
                     "2025-04-01") == set()


def test_visits_by_a_titled_envoy_and_a_minister_to_a_capital() -> None:
    doc = ["Recent visits by U.S. envoy Steve Witkoff and German Foreign Minister Annalena Baerbock to Lima went well."]
    assert last_keys(doc, "2025-04-01") == {("USA", "CONSULT", "PER", False), ("DEU", "CONSULT", "PER", False)}


def test_visit_by_a_top_official_named_by_a_capital() -> None:
    doc = ["Peru bought radars after a visit to the country by a top Moscow official."]
    assert ("RUS", "CONSULT", "PER", False) in last_keys(doc, "2025-04-01")


def test_what_was_told_at_talks_just_coded_is_those_talks() -> None:
    doc = ["Chile's president held talks with Peru's foreign minister in Lima on Monday.",
           "\"Our ties are strong,\" Chile's president told Peru's foreign minister."]
    assert last_keys(doc, "2025-04-01") == set()
