"""Exact-record tests for verbal events (issue 12): condemnations, backing, warnings, calls and their speakers in
reported speech. Sentences written for these tests."""

from __future__ import annotations

from casus.events.coder import code_sentences

from .coding import keys, last_keys

PUB = "2025-06-20"
STRIKE = "Israel struck Iran on Friday."


def test_pronoun_after_a_saying_verb_is_the_speaker() -> None:
    # "it" opens the reported clause: Russia condemns, not Israel (the previous subject)
    assert last_keys([STRIKE, "Russia said it condemned the strikes."], PUB) == {
        ("RUS", "ACCUSE", "ISR", False), ("ISR", "ASSAULT", "IRN", False)}


def test_pronoun_after_a_saying_verb_with_two_acts() -> None:
    got = last_keys([STRIKE, "Russia said it condemned the strikes and urged both sides to show restraint."], PUB)
    assert got == {("RUS", "ACCUSE", "ISR", False), ("ISR", "ASSAULT", "IRN", False),
                   ("RUS", "REQUEST", "IRN", False), ("RUS", "REQUEST", "ISR", False)}


def test_quoted_verdict_on_an_act_told_before_accuses_its_actor() -> None:
    doc = [STRIKE, '"This attack is a flagrant violation of international law," the Saudi foreign ministry said.']
    assert ("SAU", "ACCUSE", "ISR", False) in last_keys(doc, PUB)


def test_reported_verdict_on_the_strikes_accuses_the_attacker() -> None:
    assert last_keys([STRIKE, "Peskov said the strikes were unacceptable."], PUB) == {
        ("RUS", "ACCUSE", "ISR", False), ("ISR", "ASSAULT", "IRN", False)}


def test_violation_of_a_states_sovereignty_names_the_wronged_not_the_accused() -> None:
    got = last_keys([STRIKE, "The Saudi foreign ministry said the attack was a flagrant violation of Iran's sovereignty."], PUB)
    assert ("SAU", "ACCUSE", "ISR", False) in got and ("SAU", "ACCUSE", "IRN", False) not in got


def test_surname_speaker_after_a_named_speaker_keeps_the_state() -> None:
    doc = ['"China keeps blocking Philippine boats," the U.S. ambassador said.',
           '"These actions by China are reckless behaviour," Carlson added.']
    assert ("USA", "ACCUSE", "CHN", False) in last_keys(doc, PUB)


def test_surname_speaker_with_no_speaker_before_is_no_one() -> None:
    doc = ["Chinese boats blocked the convoy.", '"This is reckless behaviour," Carlson added.']
    assert not {k for k in last_keys(doc, PUB) if k[1] == "ACCUSE"}


def test_passive_condemnation_is_the_condemners_not_an_attack_by_them() -> None:
    got = last_keys([STRIKE, "The strikes were condemned by Russia and China."], PUB)
    assert got == {("RUS", "ACCUSE", "ISR", False), ("CHN", "ACCUSE", "ISR", False), ("ISR", "ASSAULT", "IRN", False)}


def test_will_not_tolerate_is_a_warning_to_no_one_named() -> None:
    assert last_keys(["The United States will not tolerate any attack on its allies, the secretary said."], PUB) == {
        ("USA", "THREATEN", None, False)}


def test_would_not_tolerate_a_change_by_force() -> None:
    assert last_keys(["Japan would not tolerate any change to the status quo by force."], PUB) == {
        ("JPN", "THREATEN", None, False)}


def test_vowed_revenge_is_a_warning() -> None:
    assert last_keys(["Tehran vowed revenge against Israel."], PUB) == {("IRN", "THREATEN", "ISR", False)}


def test_called_for_a_ceasefire_is_a_request_to_no_one_named() -> None:
    assert last_keys(["Beijing called for an immediate ceasefire."], PUB) == {("CHN", "REQUEST", None, False)}


def test_urged_restraint_is_a_request() -> None:
    assert last_keys(["Turkey urged restraint on Sunday."], PUB) == {("TUR", "REQUEST", None, False)}


def test_a_treaty_calling_for_talks_is_no_request() -> None:
    assert last_keys(["The treaty calls for regular consultations on security."], PUB) == set()


def test_standing_firmly_behind_a_state_is_support() -> None:
    assert last_keys(["Russia stands firmly behind Iran."], PUB) == {("RUS", "SUPPORT", "IRN", False)}
    assert last_keys(["Germany stood shoulder to shoulder with Poland."], PUB) == {("DEU", "SUPPORT", "POL", False)}


def test_warning_that_an_attack_harmed_is_disapproval_of_the_attacker() -> None:
    got = last_keys(["Israel struck Qatar on Tuesday.", "Oman warned that the strike threatened regional stability."], PUB)
    assert ("OMN", "ACCUSE", "ISR", False) in got
    assert not {k for k in got if k[1] == "THREATEN"}


def test_warning_of_what_is_to_come_stays_a_warning() -> None:
    got = last_keys(["Oman warned that Israel would pay a heavy price."], PUB)
    assert ("OMN", "THREATEN", "ISR", False) in got and not {k for k in got if k[1] == "ACCUSE"}


def test_participle_after_a_saying_clause_is_the_speakers() -> None:
    doc = [STRIKE, "The attack killed ten people, the Russian foreign ministry said, condemning the strikes."]
    assert ("RUS", "ACCUSE", "ISR", False) in last_keys(doc, PUB)


def test_participle_after_while_is_the_subjects_not_the_nearest_actor() -> None:
    doc = ["Gulf ministers met in Riyadh after Israel struck Qatar.",
           "The ministers backed Qatar, while warning that the strike undermined the talks."]
    got = last_keys(doc, PUB)
    assert ("QAT", "ACCUSE", "ISR", False) not in got


def test_subject_before_a_relative_clause_makes_the_request() -> None:
    got = last_keys(["Beijing, which backs Tehran, urged Washington to show restraint."], PUB)
    assert got == {("CHN", "SUPPORT", "IRN", False), ("CHN", "REQUEST", "USA", False)}


def test_apology_is_rhetorical_support_for_the_state_wronged() -> None:
    events = code_sentences(["Netanyahu apologised to Qatar for the strike."], PUB)[-1]
    assert ("ISR", "SUPPORT", "QAT", False) in keys(events)
    assert {e.mode for e in events if e.event == "SUPPORT"} == {"rhetorical"}


# near misses: nothing coded


def test_said_it_would_consider_is_no_event() -> None:
    assert last_keys(["Japan said it would consider sending aid to the Philippines."], PUB) == set()


def test_question_of_support_is_no_event() -> None:
    assert last_keys(["Will the United States back Israel?"], PUB) == set()
    assert last_keys(["Would Russia defend Iran?"], PUB) == set()


def test_conditional_aid_is_no_event() -> None:
    assert last_keys(["Japan said it would send aid to the Philippines if asked."], PUB) == set()


def test_tolerating_is_no_warning() -> None:
    assert last_keys(["Japan has long tolerated Chinese patrols near the islands."], PUB) == set()


def test_quoted_must_is_a_demand_of_that_state() -> None:
    got = last_keys(['"Israel must stop its attacks on Gaza," the Turkish president said.'], PUB)
    assert ("TUR", "REQUEST", "ISR", False) in got


def test_said_that_a_state_must_is_a_demand() -> None:
    assert last_keys(["Lavrov said the West must stop interfering in Georgia."], PUB) == {("RUS", "REQUEST", "WEST", False)}


def test_must_with_no_speaker_or_of_the_speakers_own_side_is_no_demand() -> None:
    assert last_keys(["Russia must choose between its partners."], PUB) == set()
    assert not {k for k in last_keys(["Analysts say Russia must decide soon."], PUB) if k[1] == "REQUEST"}
    assert last_keys(['"We must stay calm," the French president said.'], PUB) == set()


def test_vowed_revenge_is_aimed_at_the_last_attacker() -> None:
    assert last_keys(["Israel struck Iran overnight.", "Tehran vowed revenge."], PUB) == {("IRN", "THREATEN", "ISR", False)}


def test_a_possessors_calls_for_help_are_no_call_by_the_subject() -> None:
    got = last_keys(["The Kremlin ignored Tehran's calls for assistance."], PUB)
    assert not {k for k in got if k[1] == "REQUEST" and k[0] == "RUS"}


def test_parties_agreeing_on_a_verdict_each_accuse() -> None:
    got = last_keys(["Canberra and Tokyo agreed that China's coercion poses grave threats to the region."], PUB)
    assert {("AUS", "ACCUSE", "CHN", False), ("JPN", "ACCUSE", "CHN", False)} <= got


def test_agreeing_to_a_step_is_no_verdict() -> None:
    got = last_keys(["Canberra and Tokyo agreed to hold talks on the grave threats in the region."], PUB)
    assert not {k for k in got if k[1] == "ACCUSE"}


def test_possessor_before_a_condemning_body_is_no_attacker() -> None:
    assert last_keys([STRIKE, "Russia's foreign ministry condemned the strikes."], PUB) == {
        ("RUS", "ACCUSE", "ISR", False), ("ISR", "ASSAULT", "IRN", False)}


def test_critical_of_an_attack_is_disapproval_of_the_attacker() -> None:
    assert ("RUS", "ACCUSE", "ISR", False) in last_keys([STRIKE, "Russia has been sharply critical of the strikes."], PUB)


def test_according_to_names_the_side_of_an_unnamed_speaker() -> None:
    got = last_keys([STRIKE, "According to the Kremlin, the president condemned the attack."], PUB)
    assert ("RUS", "ACCUSE", "ISR", False) in got


def test_staying_neutral_is_withheld_defence() -> None:
    assert last_keys(["Russia remained neutral as Israel bombed Iran."], PUB) == {
        ("RUS", "AID", "IRN", True), ("ISR", "ASSAULT", "IRN", False)}
    assert last_keys(["Russia kept out of the war."], PUB) == {("RUS", "AID", None, True)}


def test_coming_out_in_support_of_a_state() -> None:
    assert last_keys(["Turkey came out in support of Azerbaijan."], PUB) == {("TUR", "SUPPORT", "AZE", False)}


def test_pronoun_a_few_words_after_a_saying_verb_is_the_speaker() -> None:
    for s in ("Russia said that it condemned the strikes.", "Russia said on Saturday it condemned the strikes."):
        assert ("RUS", "ACCUSE", "ISR", False) in last_keys([STRIKE, s], PUB)


def test_urging_an_outcome_is_a_request_to_no_one_named() -> None:
    got = last_keys(["The two ministers urged bringing outside mediators into the talks."], PUB)
    assert not {k for k in got if k[1] == "REQUEST" and k[2] is not None}


def test_quoted_should_of_others_is_a_demand() -> None:
    doc = ["Trump criticised the NATO allies over spending.", '"They should spend far more on their armies," the American leader said.']
    assert ("USA", "REQUEST", "NATO", False) in last_keys(doc, PUB)


def test_verdict_on_aggression_against_a_state_does_not_accuse_it() -> None:
    got = last_keys(["The Kremlin said Russia was in contact with Iran's leaders after what it called outright aggression "
                     "against Tehran."], PUB)
    assert ("RUS", "ACCUSE", "IRN", False) not in got


def test_reckless_conduct_of_a_named_state_in_a_quote_accuses_it() -> None:
    got = last_keys(['"This is one more case of reckless Chinese conduct at sea," the Philippine minister said.'], PUB)
    assert ("PHL", "ACCUSE", "CHN", False) in got


def test_indirect_object_of_a_warning_is_its_addressee() -> None:
    assert last_keys(["Russia sent Israel a clear warning."], PUB) == {("RUS", "THREATEN", "ISR", False)}
    got = last_keys(["Chile and Peru signed a defence pact on Monday, sending Bolivia a stern warning."], PUB)
    assert {("CHL", "THREATEN", "BOL", False), ("PER", "THREATEN", "BOL", False)} <= got


def test_quoted_statement_with_no_actor_subject_is_the_speakers() -> None:
    doc = ["Russian jets entered Estonian airspace on Friday.",
           '"The whole continent stands with Estonia," the German chancellor said.']
    got = last_keys(doc, PUB)
    assert ("DEU", "SUPPORT", "EST", False) in got and ("RUS", "SUPPORT", "EST", False) not in got


def test_regret_over_anothers_act_is_no_support() -> None:
    got = last_keys(["India struck Pakistan on Wednesday.",
                     "China expressed regret over India's military action and urged both sides to exercise restraint."], PUB)
    assert ("CHN", "SUPPORT", "IND", False) not in got


def test_saying_verb_ends_a_possessors_reach() -> None:
    got = last_keys(["India struck Pakistan on Wednesday.", "Turkey's foreign ministry said the strikes risked a wider war."], PUB)
    assert ("TUR", "ASSAULT", "PAK", False) not in got


def test_opposing_a_thing_rejects_no_state() -> None:
    got = last_keys(["India struck Pakistan on Wednesday.", "China opposes all forms of terrorism, the ministry said."], PUB)
    assert not {k for k in got if k[1] == "REJECT"}


def test_cowardly_act_of_war_verdicts() -> None:
    for s in ('Islamabad called the strikes "an act of war".', 'Islamabad described the strikes as "cowardly".'):
        assert ("PAK", "ACCUSE", "IND", False) in last_keys(["India struck Pakistan on Wednesday.", s], PUB)


def test_accused_of_backing_is_no_support_by_the_accuser() -> None:
    assert last_keys(["India accused Pakistan of backing the militants."], PUB) == {("IND", "ACCUSE", "PAK", False)}


def test_denying_the_allegations_rejects_the_accuser() -> None:
    doc = ["India accused Pakistan of backing the militants.", "Pakistan denied the allegations on Thursday."]
    assert last_keys(doc, PUB) == {("PAK", "REJECT", "IND", False)}


def test_denial_with_no_accusation_before_names_no_one() -> None:
    assert last_keys(["Pakistan denied the allegations on Thursday."], PUB) == {("PAK", "REJECT", None, False)}


def test_rejecting_the_claims_rejects_the_accuser() -> None:
    doc = ["Georgia accused Armenia of moving troops to the border.", "Armenia rejected the claims late on Monday."]
    assert last_keys(doc, PUB) == {("ARM", "REJECT", "GEO", False)}


def test_denying_a_states_allegations_rejects_that_state() -> None:
    assert last_keys(["Moscow denied Finland's allegations about the cable."], PUB) == {("RUS", "REJECT", "FIN", False)}
    assert last_keys(["Iran dismissed the charges brought by Israel."], PUB) == {("IRN", "REJECT", "ISR", False)}


def test_denying_an_act_is_no_rejection_of_anyone() -> None:
    assert last_keys(["Moscow denied that its ships had damaged the cable."], PUB) == set()


def test_threatened_sanction_is_aimed_at_its_target() -> None:
    assert last_keys(["China threatened to cut ties with Lithuania."], PUB) == {("CHN", "THREATEN", "LTU", False)}


def test_will_not_stand_idly_by_is_a_warning_not_withheld_help() -> None:
    got = last_keys(["China will not stand idly by if Japan intervenes in Taiwan, the ministry said."], PUB)
    assert got == {("CHN", "THREATEN", "JPN", False)}
    assert last_keys(["Russia stood idly by as Israel struck Iran."], PUB) == {
        ("RUS", "AID", "IRN", True), ("ISR", "ASSAULT", "IRN", False)}


def test_act_at_the_request_of_a_state_is_its_request_of_the_actor() -> None:
    # the one named after "at the request of" asked; the subject was asked (not the reverse)
    assert last_keys(["Russia will send troops to Kazakhstan at the request of the Kazakh president."], PUB) == {
        ("KAZ", "REQUEST", "RUS", False), ("RUS", "AID", "KAZ", False)}
    assert last_keys(["The Chinese minister visited Hanoi at the invitation of Vietnam."], PUB) == {
        ("CHN", "CONSULT", "VNM", False), ("VNM", "REQUEST", "CHN", False)}
