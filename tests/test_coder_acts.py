"""Exact-record tests for material and agreement acts found missing on fresh news text (sentences written for
these tests): pacts ended, forces withdrawn."""

from __future__ import annotations

from .coding import last_keys

_CTX = "Kenya held talks with Uganda on Monday."  # a document pair the fallback target could wrongly take


def test_ending_a_defence_pact_is_a_sanction_on_the_partner() -> None:
    assert last_keys([_CTX, "Ghana has decided to end its defence pact with Spain."], "2025-03-01") == {
        ("GHA", "SANCTION", "ESP", False)}


def test_suspending_cooperation_is_a_sanction_not_a_negated_cooperation() -> None:
    assert last_keys([_CTX, "Ghana suspended its cooperation with Spain."], "2025-03-01") == {
        ("GHA", "SANCTION", "ESP", False)}


def test_breaking_off_cooperation_absorbs_the_cooperation() -> None:
    assert last_keys([_CTX, "Ghana has broken off military cooperation with Spain."], "2025-03-01") == {
        ("GHA", "SANCTION", "ESP", False)}


def test_ending_a_campaign_stays_a_retreat() -> None:
    assert last_keys([_CTX, "Ghana halted its strikes on Togo."], "2025-03-01") == {("GHA", "RETREAT", "TGO", False)}


def test_withdrawal_of_a_states_troops_is_that_states_retreat() -> None:
    assert last_keys([_CTX, "The withdrawal of Spanish troops from Ghana began on Monday."], "2025-03-01") == {
        ("ESP", "RETREAT", "GHA", False)}


def test_joining_an_alliance_is_agreeing_both_ways() -> None:
    assert last_keys([_CTX, "Norway officially joined NATO on Tuesday."], "2025-03-01") == {
        ("NOR", "AGREE", "NATO", False), ("NATO", "AGREE", "NOR", False)}


def test_a_goal_of_joining_is_no_agreement() -> None:
    assert last_keys([_CTX, "Serbia wants to join the European Union."], "2025-03-01") == set()


def test_deciding_to_join_stays_one_way() -> None:
    assert last_keys([_CTX, "Norway decided to join NATO."], "2025-03-01") == {("NOR", "AGREE", "NATO", False)}


_PACT = "Ghana and Togo signed a defence pact on Monday."


def test_the_deal_reached_is_the_deal_just_signed() -> None:
    assert last_keys([_PACT, "The deal was reached two days after a strike in Mali."], "2025-03-01") == {
        ("GHA", "AGREE", "TGO", False), ("TGO", "AGREE", "GHA", False)}


def test_the_signing_of_the_pact_is_among_its_signers_only() -> None:
    doc = [_PACT, "The signing of the pact comes months after Benin and Niger fought a war."]
    assert last_keys(doc, "2025-03-01") == {("GHA", "AGREE", "TGO", False), ("TGO", "AGREE", "GHA", False)}


def test_a_singular_joint_exercise_is_cooperation_both_ways() -> None:
    assert last_keys([_CTX, "Japan and India on Monday staged a joint missile exercise."], "2025-03-01") == {
        ("JPN", "COOPERATE", "IND", False), ("IND", "COOPERATE", "JPN", False)}


def test_a_deployment_of_a_states_force_is_its_mobilisation() -> None:
    doc = [_CTX, "Kenya said it was watching a worrying deployment of a large Ugandan force."]
    assert last_keys(doc, "2025-03-01") == {("UGA", "MOBILIZE", None, False)}


def test_mobilisations_voiced_concern_about_are_coded_too() -> None:
    doc = [_CTX, "Kenya expressed concern about Ugandan military mobilisations."]
    assert last_keys(doc, "2025-03-01") == {("UGA", "MOBILIZE", None, False), ("KEN", "ACCUSE", "UGA", False)}


def test_troops_sent_to_a_border_are_a_mobilisation() -> None:
    doc = [_CTX, "Germany is sending additional troops to the Lithuania-Belarus border."]
    assert last_keys(doc, "2025-03-01") == {("DEU", "MOBILIZE", None, False)}


def test_troops_sent_to_a_state_stay_aid() -> None:
    assert last_keys([_CTX, "Germany sent troops to Lithuania."], "2025-03-01") == {("DEU", "AID", "LTU", False)}


def test_cooperation_with_two_partners_is_with_each_not_between_them() -> None:
    doc = [_CTX, "Ghana will build the ships in cooperation with Spain and Italy, its president said."]
    assert last_keys(doc, "2025-03-01") == {("GHA", "COOPERATE", "ESP", False), ("ESP", "COOPERATE", "GHA", False),
                                            ("GHA", "COOPERATE", "ITA", False), ("ITA", "COOPERATE", "GHA", False)}


def test_becoming_a_member_of_a_bloc_is_joining_it() -> None:
    assert last_keys([_CTX, "Norway became the 33rd member of NATO on Tuesday."], "2025-03-01") == {
        ("NOR", "AGREE", "NATO", False), ("NATO", "AGREE", "NOR", False)}


def test_a_seat_on_a_council_or_a_prospect_of_membership_is_no_joining() -> None:
    assert last_keys([_CTX, "Norway became a member of the UN Security Council."], "2025-03-01") == set()
    doc = [_CTX, "The vote leaves Norway a few steps away from becoming the 33rd member of NATO."]
    assert ("NOR", "AGREE", "NATO", False) not in last_keys(doc, "2025-03-01")
