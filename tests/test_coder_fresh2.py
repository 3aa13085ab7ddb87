"""Exact-record tests for the fresh2 fixes, found on fresh news text (sentences written for these tests)."""

from __future__ import annotations

from .coding import last_keys

_CTX = "Kenya held talks with Uganda on Monday."  # a document pair the fallback target could wrongly take


def test_support_for_an_uncoded_group_has_no_state_target() -> None:
    assert last_keys([_CTX, "Kenya is directly supporting the M44 rebels."], "2025-03-01") == set()


def test_support_for_a_bare_group_has_no_state_target() -> None:
    assert last_keys([_CTX, "Kenya backed local rebels in 1999, officials said."], "2025-03-01") == set()


def test_support_noun_for_a_group_has_no_state_target() -> None:
    assert last_keys([_CTX, "Kenya pledged to end support for rebel militias -- and Uganda welcomed the move."],
                     "2025-03-01") == set()


def test_backing_its_own_claim_is_no_support() -> None:
    assert last_keys([_CTX, "Kenya has offered no evidence to back its claim."], "2025-03-01") == set()


def test_get_it_back_is_no_support() -> None:
    doc = [_CTX, "Kenya's ambassador said on Monday that Lamu was Kenya's wealth and would be reclaimed.",
           "\"The question now is not whether Lamu is ours or not, but how do we get it back?\" the ambassador said."]
    assert last_keys(doc, "2025-03-01") == set()


def test_arms_depot_is_no_aid() -> None:
    assert last_keys([_CTX, "Kenyan soldiers guard a huge arms depot near the border."], "2025-03-01") == set()


def test_support_for_a_state_phrase_keeps_its_target() -> None:
    # the state noun heads the phrase: the document's other state is meant
    assert last_keys([_CTX, "Kenya is a vital source of political support for the isolated landlocked state."],
                     "2025-03-01") == {("KEN", "SUPPORT", "UGA", False)}


def test_backing_a_named_state_is_support() -> None:
    assert last_keys([_CTX, "Kenya openly backed Uganda in the dispute."], "2025-03-01") == {
        ("KEN", "SUPPORT", "UGA", False)}


def test_deal_brokered_by_mediators_is_their_mediation() -> None:
    doc = ["Kenya and Uganda signed a peace deal on Friday.",
           "The two foreign ministers signed the deal brokered by Egypt, Qatar and the African Union."]
    assert last_keys(doc, "2025-03-01") == {("KEN", "AGREE", "UGA", False), ("UGA", "AGREE", "KEN", False)} | {
        (m, "CONSULT", p, False) for m in ("EGY", "QAT", "AU") for p in ("KEN", "UGA")}


def test_deal_brokered_by_one_mediator_named_parties() -> None:
    assert last_keys(["Kenya and Uganda signed the accord brokered by Qatar."], "2025-03-01") == {
        ("KEN", "AGREE", "UGA", False), ("UGA", "AGREE", "KEN", False),
        ("QAT", "CONSULT", "KEN", False), ("QAT", "CONSULT", "UGA", False)}


def test_collective_security_council_is_the_csto_not_the_un() -> None:
    got = last_keys(["Kazakhstan asked the Collective Security Council for military help on Monday."], "2025-03-01")
    assert got == {("KAZ", "REQUEST", "CSTO", False)}


def test_west_african_is_no_western_actor() -> None:
    # (Kenya's instructors there are its military aid to that nation: no record names the West)
    got = last_keys(["Kenya held talks with Uganda on Monday.",
                     "Kenyan instructors are training soldiers in the West African nation."], "2025-03-01")
    assert got and not {k for k in got if "WEST" in k}


def test_capital_where_a_deal_was_signed_is_not_one_of_the_two() -> None:
    got = last_keys(["Kenya and Tanzania signed a border accord on Friday in Kampala, with the two countries pledging "
                     "to back each other."], "2025-03-01")
    assert ("KEN", "AGREE", "TZA", False) in got and not {k for k in got if "UGA" in k}


def test_place_named_before_an_attack_in_another_clause_is_not_its_target() -> None:
    got = last_keys(["Kenya and Tanzania signed a peace accord on Friday in Kampala to end fighting that has killed "
                     "thousands."], "2025-03-01")
    assert got == {("KEN", "AGREE", "TZA", False), ("TZA", "AGREE", "KEN", False)}


def test_fronted_place_is_the_attack_target() -> None:
    assert last_keys(["In Somalia, Kenya has launched a series of airstrikes."], "2025-03-01") == {
        ("KEN", "ASSAULT", "SOM", False)}


def test_named_operation_is_a_new_attack() -> None:
    assert last_keys(["Kenya launched Operation Linda Nchi against militants based in Somalia on Sunday."],
                     "2025-03-01") == {("KEN", "ASSAULT", "SOM", False)}


def test_report_source_opening_the_sentence_is_no_party() -> None:
    got = last_keys([_CTX, "According to a leaked Kenyan memo, Ghana agreed in 2024 to supply rifles to Togo."],
                    "2025-03-01")
    assert got == {("GHA", "AGREE", "TGO", False), ("TGO", "AGREE", "GHA", False), ("GHA", "AID", "TGO", False)}


def test_agreed_with_a_time_phrase_takes_the_counterparty_of_what_was_agreed() -> None:
    got = last_keys([_CTX, "Ghana agreed last year to sell rifles to Togo."], "2025-03-01")
    assert got == {("GHA", "AGREE", "TGO", False), ("TGO", "AGREE", "GHA", False), ("GHA", "AID", "TGO", False)}


def test_deployment_of_a_states_forces_is_that_states_mobilisation() -> None:
    assert last_keys(["Ghana warned that the growing deployment of Nigerian troops on the border is a danger."],
                     "2025-03-01") == {("NGA", "MOBILIZE", None, False)}


def test_a_states_defence_companies_selling_arms_are_that_state() -> None:
    got = last_keys(["Mali accused Ghana of betrayal, alleging that Ghanaian defence companies are selling rifles "
                     "to Togo."], "2025-03-01")
    assert got == {("MLI", "ACCUSE", "GHA", False), ("GHA", "AID", "TGO", False)}


def test_a_forum_before_and_is_not_the_next_acts_agent() -> None:
    got = last_keys(["Ghana criticised Mali's junta at the African Union and voiced support for Togo's sovereignty."],
                    "2025-03-01")
    assert ("GHA", "SUPPORT", "TGO", False) in got and not {k for k in got if k[0] == "AU"}


def test_action_against_a_thing_in_a_country_is_no_attack_on_it() -> None:
    assert last_keys(["Ghana will continue its joint action against piracy in the gulf, including in Togo."],
                     "2025-03-01") == set()


def test_minsk_group_is_no_belarus() -> None:
    got = last_keys(["Armenia will ask to dissolve the OSCE Minsk Group, which had mediated the conflict."],
                    "2025-03-01")
    assert not {k for k in got if "BLR" in k}


def test_a_trigger_word_inside_a_title_is_no_trigger() -> None:
    assert last_keys([_CTX, "The country is now run by Finance Minister Ama Mensah, who acts as interim leader."],
                     "2025-03-01") == set()


def test_a_trigger_word_inside_a_mission_name_is_no_trigger() -> None:
    got = last_keys([_CTX, "Kenya will lead the UN Security Support Mission in the capital next year."], "2025-03-01")
    assert not {k for k in got if k[0] == "UN"}


def test_the_one_controlling_a_territory_does_not_support() -> None:
    got = last_keys(["Although Accra refused to join sanctions on Togo, it criticised Lome's policies at the United "
                     "Nations and voiced support for Benin's territorial integrity, including the areas held by Togo."],
                    "2025-03-01")
    assert ("GHA", "SUPPORT", "BEN", False) in got and not {k for k in got if k[0] in ("UN", "TGO")}


def test_a_verb_form_after_a_possessive_takes_the_possessor_as_source() -> None:
    got = last_keys([_CTX, "Some of Ghana's demands, such as a new border post in Togo, were ignored."], "2025-03-01")
    assert got == {("GHA", "REQUEST", "TGO", False)}


def test_security_guarantees_between_two_states_go_both_ways() -> None:
    got = last_keys(["Ghana and Togo on Friday signed a treaty on security guarantees between Ghana and Togo."],
                    "2025-03-01")
    assert got == {("GHA", "AGREE", "TGO", False), ("TGO", "AGREE", "GHA", False),
                   ("GHA", "AID", "TGO", False), ("TGO", "AID", "GHA", False)}



def test_they_with_no_two_actors_in_the_two_sentences_before_has_no_antecedent() -> None:
    doc = [_CTX, "The weather was hot.", "The report gave no further details.", "Crowds gathered outside.",
           "They condemned Ghana for the raid."]
    assert last_keys(doc, "2025-03-01") == set()


def test_they_after_a_pair_just_named_is_that_pair() -> None:
    doc = [_CTX, "They condemned Ghana for the raid."]
    assert last_keys(doc, "2025-03-01") == {("KEN", "ACCUSE", "GHA", False), ("UGA", "ACCUSE", "GHA", False)}
