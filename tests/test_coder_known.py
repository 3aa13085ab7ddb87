"""Exact-record tests for the fixes found on fresh news (issue 12, helper `known`; sentences written for these tests)."""

from __future__ import annotations

from .coding import last_keys

D = "2025-03-01"


def _both(a: str, b: str, neg: bool = False) -> set[tuple[str, str, str | None, bool]]:
    return {(a, "CONSULT", b, neg), (b, "CONSULT", a, neg)}


# --------------------------------------------------------------------------- 1. a bloc's own meetings


def test_bloc_ministers_meeting_consults_no_one() -> None:
    assert last_keys(["NATO defence ministers met in Oslo on Tuesday."], D) == set()


def test_bloc_leaders_gathering_for_a_summit_consults_no_one() -> None:
    assert last_keys(["EU leaders gathered for a summit in Lisbon on Friday."], D) == set()


def test_ministers_of_a_bloc_meeting_consult_no_one() -> None:
    assert last_keys(["Defence ministers of NATO met in Rome."], D) == set()


def test_member_at_a_meeting_of_the_bloc_does_not_consult_it() -> None:
    assert last_keys(["At a meeting of NATO foreign ministers in Oslo, Germany pledged more troops."], D) == set()


def test_bloc_meeting_to_discuss_a_state_consults_no_one() -> None:
    assert last_keys(["NATO's defence ministers met in Rome to discuss Ukraine."], D) == set()


def test_bloc_and_a_state_holding_talks_stay_coded() -> None:
    assert last_keys(["NATO and Russia held talks in Vienna."], D) == _both("NATO", "RUS")


def test_bloc_and_a_state_meeting_stay_coded() -> None:
    assert last_keys(["NATO and Russia met in Vienna."], D) == _both("NATO", "RUS")


def test_bloc_meeting_with_a_state_stays_coded() -> None:
    assert last_keys(["EU leaders met with Zelensky in Lisbon."], D) == _both("EU", "UKR")


def test_bloc_ministers_meeting_a_counterpart_stay_coded() -> None:
    assert last_keys(["NATO defence ministers met their Ukrainian counterpart in Oslo."], D) == _both("NATO", "UKR")


def test_leaders_of_a_bloc_and_a_state_stay_coded() -> None:
    assert last_keys(["The leaders of the EU and China met in Beijing."], D) == _both("EU", "CHN")


def test_two_states_meeting_at_a_bloc_summit_stay_coded() -> None:
    assert last_keys(["Macron met Scholz at the EU summit in Lisbon."], D) == _both("FRA", "DEU")


def test_discussed_state_is_a_topic_the_with_party_talks() -> None:
    assert last_keys(["Putin discussed Iran with Trump by phone."], D) == _both("RUS", "USA")


# --------------------------------------------------------------------------- 4. meetings of three or more states


def _all_pairs(*codes: str) -> set[tuple[str, str, str | None, bool]]:
    return {(a, "CONSULT", b, False) for a in codes for b in codes if a != b}


def test_leaders_of_three_states_meet_pairwise() -> None:
    assert last_keys(["Leaders of France, Germany and Poland met in Weimar."], D) == _all_pairs("FRA", "DEU", "POL")


def test_foreign_ministers_of_three_states_meet_pairwise() -> None:
    assert last_keys(["The foreign ministers of France, Germany and Poland met in Weimar."], D) == _all_pairs(
        "FRA", "DEU", "POL")


def test_defence_ministers_of_two_states_meet() -> None:
    assert last_keys(["The defence ministers of Japan and Australia met in Tokyo."], D) == _both("JPN", "AUS")


# --------------------------------------------------------------------------- 2. aid talked over, expected or hoped for


def _coded(doc: list[str]) -> set[tuple[str, str, str | None, str | None, str, bool]]:
    from casus.events.coder import code_sentences
    return {(e.source, e.event, e.target, e.mode, e.modality, e.negated) for e in code_sentences(doc, D)[-1]}


def test_aid_discussed_with_its_recipient_is_hedged() -> None:
    assert _coded(["Macron and Sandu discussed further military aid to Moldova."]) == {
        ("FRA", "CONSULT", "MDA", None, "asserted", False), ("MDA", "CONSULT", "FRA", None, "asserted", False),
        ("FRA", "AID", "MDA", "military", "hedged", False)}


def test_aid_discussed_by_two_with_no_giver_named_is_no_aid() -> None:
    assert _coded(["Macron met Sandu in Paris.", "The two discussed military aid."]) == set()


def test_arms_expected_from_a_giver_are_to_come() -> None:
    assert _coded(["Chisinau expects more air defence systems from France."]) == {
        ("FRA", "AID", "MDA", "military", "future", False)}


def test_arms_awaited_from_a_giver_are_to_come() -> None:
    assert _coded(["Moldova is awaiting new radars and air defence systems from Romania."]) == {
        ("ROU", "AID", "MDA", "military", "future", False)}


def test_arms_hoped_for_are_hedged() -> None:
    assert _coded(["Moldova hopes to receive air defence systems from France."]) == {
        ("FRA", "AID", "MDA", "military", "hedged", False)}


def test_arms_received_stay_asserted() -> None:
    assert _coded(["Moldova received air defence systems from France."]) == {
        ("FRA", "AID", "MDA", "military", "asserted", False)}


def test_arms_sent_stay_asserted() -> None:
    assert _coded(["France sent air defence systems to Moldova."]) == {
        ("FRA", "AID", "MDA", "military", "asserted", False)}


def test_arms_considered_stay_hedged() -> None:
    assert _coded(["Paris is considering sending air defence systems to Moldova."]) == {
        ("FRA", "AID", "MDA", "military", "hedged", False)}


# --------------------------------------------------------------------------- 3. an old pact's signing keeps its own date


def _agree_dates(doc: list[str]) -> set[tuple[str, str | None, str | None]]:
    from casus.events.coder import code_sentences
    return {(e.source, e.target, e.date) for e in code_sentences(doc, D)[-1] if e.event == "AGREE"}


def test_old_treaty_signed_in_a_relative_clause_keeps_its_year() -> None:
    assert _agree_dates(["Chile and Peru on Monday marked the 1929 treaty they signed in Lima."]) == {
        ("CHL", "PER", "1929"), ("PER", "CHL", "1929")}


def test_old_treaty_named_by_its_year_is_not_dated_by_the_saying() -> None:
    assert _agree_dates(["Boric said on Tuesday that the 1929 treaty, signed in Lima, binds Chile and Peru."]) == {
        ("CHL", "PER", "1929"), ("PER", "CHL", "1929")}


def test_treaty_signed_in_a_year_named_in_the_relative_clause() -> None:
    assert _agree_dates(["Under the border treaty Chile and Peru signed in 1929, both keep the coast."]) == {
        ("CHL", "PER", "1929"), ("PER", "CHL", "1929")}


def test_relative_signing_without_a_date_is_undated() -> None:
    assert _agree_dates(["Boric said on Tuesday that the treaty Chile and Peru signed binds both."]) == {
        ("CHL", "PER", None), ("PER", "CHL", None)}


def test_new_treaty_signed_on_a_day_keeps_that_day() -> None:
    assert _agree_dates(["Chile and Peru signed a new border treaty on Monday."]) == {
        ("CHL", "PER", "2025-02-24"), ("PER", "CHL", "2025-02-24")}


def test_treaty_signed_now_named_by_its_year_keeps_the_day() -> None:
    assert _agree_dates(["Chile and Peru signed the 2025 border treaty on Monday."]) == {
        ("CHL", "PER", "2025-02-24"), ("PER", "CHL", "2025-02-24")}


def test_passive_signing_keeps_its_date() -> None:
    assert _agree_dates(["Chile and Peru agreed on a border.", "The treaty was signed on Monday by Chile and Peru."]) == {
        ("CHL", "PER", "2025-02-24"), ("PER", "CHL", "2025-02-24")}


def test_adjectives_of_three_states_leaders_meet_pairwise() -> None:
    assert last_keys(["French, German and Polish leaders met in Weimar."], D) == _all_pairs("FRA", "DEU", "POL")


def test_leaders_of_four_states_meet_pairwise() -> None:
    assert last_keys(["The leaders of France, Germany, Italy and Poland met in Rome."], D) == _all_pairs(
        "FRA", "DEU", "ITA", "POL")


def test_adjective_before_a_comma_that_is_no_list_stays_apart() -> None:
    assert last_keys(["Unlike the French, German leaders met Tusk in Warsaw."], D) == _both("DEU", "POL")


# --------------------------------------------------------------------------- 6. exchanging letters, messages, views


def test_exchanged_congratulatory_messages_is_consultation() -> None:
    assert last_keys(["Brazil and Chile exchanged congratulatory messages on Monday."], D) == _both("BRA", "CHL")


def test_exchanged_new_year_letters_is_consultation() -> None:
    assert last_keys(["Brazil and Chile exchanged New Year letters."], D) == _both("BRA", "CHL")


def test_exchanged_views_with_is_consultation() -> None:
    assert last_keys(["Lula exchanged views with Chile on the crisis."], D) == _both("BRA", "CHL")


def test_exchanged_fire_stays_an_attack() -> None:
    assert last_keys(["India and Pakistan exchanged fire along the border."], D) == {
        ("IND", "ASSAULT", "PAK", False), ("PAK", "ASSAULT", "IND", False)}


def test_exchanged_prisoners_is_no_consultation() -> None:
    assert last_keys(["Armenia and Azerbaijan exchanged prisoners on Friday."], D) == set()


# --------------------------------------------------------------------------- 7. an envoy "to X" speaks for its sender


def test_we_of_an_envoy_to_a_bloc_is_the_sending_state() -> None:
    assert last_keys(['"We will send more howitzers to Moldova," the French ambassador to NATO said.'], D) == {
        ("FRA", "AID", "MDA", False)}


def test_we_of_an_envoy_to_a_state_is_the_sending_state() -> None:
    assert last_keys(['"We will defend Moldova," the French ambassador to Romania said.'], D) == {
        ("FRA", "AID", "MDA", False)}


def test_envoy_to_the_un_condemning_is_the_sending_state() -> None:
    assert last_keys(['"We condemn this aggression," Chile\'s envoy to the UN told the council.'], D) == {
        ("CHL", "ACCUSE", None, False)}


def test_envoy_to_a_state_supporting_it() -> None:
    assert last_keys(['"We support Moldova," France\'s ambassador to Moldova said.'], D) == {("FRA", "SUPPORT", "MDA", False)}


def test_plain_speaker_of_a_quotation_stays_its_state() -> None:
    assert last_keys(['"We will defend Moldova," the French foreign minister said.'], D) == {("FRA", "AID", "MDA", False)}


# --------------------------------------------------------------------------- 5. "we ... our allies"


def _typed(doc: list[str]) -> set[tuple[str, str, str | None, str | None, str]]:
    from casus.events.coder import code_sentences
    return {(e.source, e.event, e.mode, e.target, e.modality) for e in code_sentences(doc, D)[-1]}


def test_we_defend_our_allies_is_aid_to_no_one_named() -> None:
    assert _typed(['"We will defend our allies," the French defence minister said.']) == {
        ("FRA", "AID", "intervention", None, "future")}


def test_we_defend_our_allies_after_a_city_is_not_aid_to_the_city() -> None:
    assert _typed(["Macron spoke in Brussels.", '"We will defend our allies against any attack," he said.']) == {
        ("FRA", "AID", "intervention", None, "future")}


def test_state_supports_its_partners_with_no_target() -> None:
    assert _typed(["France will support its partners."]) == {("FRA", "SUPPORT", None, None, "future")}


def test_we_defend_our_people_stays_self_defence() -> None:
    assert _typed(['"We will defend our people," the French defence minister said.']) == set()


def test_we_of_a_blocs_leaders_is_the_bloc() -> None:
    assert last_keys(['"We will keep supporting Moldova," EU leaders said in a statement.'], D) == {
        ("EU", "SUPPORT", "MDA", False)}


def test_we_of_experts_is_no_state() -> None:
    assert last_keys(['"We will keep supporting Moldova," EU experts said in a statement.'], D) == set()


def test_arms_expected_from_the_giver_just_named() -> None:
    assert _coded(["France sent howitzers to Moldova last week.", "Chisinau expects more air defence systems."]) == {
        ("FRA", "AID", "MDA", "military", "future", False)}


def test_arms_expected_with_no_giver_named_or_just_coded_is_no_aid() -> None:
    assert _coded(["Russia threatened Moldova.", "Chisinau expects more air defence systems."]) == set()


def test_host_states_support_told_by_a_foreign_envoy_is_reported() -> None:
    from casus.events.coder import code_sentences
    got = {(e.source, e.event, e.target, e.modality, e.attribution)
           for e in code_sentences(["Chile's ambassador to Peru said Lima backed Santiago."], D)[-1]}
    assert got == {("PER", "SUPPORT", "CHL", "reported", "Chile's ambassador to Peru")}


def test_own_envoy_telling_its_states_support_stays_asserted() -> None:
    from casus.events.coder import code_sentences
    got = {(e.source, e.event, e.target, e.modality)
           for e in code_sentences(["Peru's ambassador to Chile said Lima backed Santiago."], D)[-1]}
    assert got == {("PER", "SUPPORT", "CHL", "asserted")}


def test_renewing_an_old_treaty_is_an_agreement_dated_by_the_renewal() -> None:
    assert _agree_dates(["Chile and Peru renewed their 1929 treaty on Monday."]) == {
        ("CHL", "PER", "2025-02-24"), ("PER", "CHL", "2025-02-24")}


def test_renewing_threats_is_no_agreement() -> None:
    assert _agree_dates(["Chile renewed its threats against Peru."]) == set()


def test_aid_offered_is_to_come() -> None:
    assert _coded(["France offers air defence systems to Moldova."]) == {("FRA", "AID", "MDA", "military", "future", False)}


def test_security_guarantees_offered_are_to_come() -> None:
    assert _coded(["France offered security guarantees to Moldova."]) == {
        ("FRA", "AID", "MDA", "intervention", "future", False)}


def test_refusing_to_offer_aid_stays_asserted_and_negated() -> None:
    assert _coded(["France declined to offer air defence systems to Moldova."]) == {
        ("FRA", "AID", "MDA", "military", "asserted", True)}


def test_headline_infinitive_aid_is_to_come() -> None:
    assert _coded(["France to send air defence systems to Moldova"]) == {("FRA", "AID", "MDA", "military", "future", False)}


def test_headline_present_tense_aid_stays_asserted() -> None:
    assert _coded(["France sends air defence systems to Moldova"]) == {("FRA", "AID", "MDA", "military", "asserted", False)}


def test_sentence_with_infinitive_and_full_stop_stays_asserted() -> None:
    assert _coded(["France sent air defence systems to Moldova."]) == {("FRA", "AID", "MDA", "military", "asserted", False)}


def test_a_state_expected_to_send_arms_sends_them() -> None:
    assert _coded(["Chisinau expects France to send more air defence systems."]) == {
        ("FRA", "AID", "MDA", "military", "hedged", False)}


def test_a_people_expected_to_send_arms_send_them() -> None:
    assert _coded(["Chisinau expects the French to send more air defence systems."]) == {
        ("FRA", "AID", "MDA", "military", "hedged", False)}
