"""The coder on news phrasing (issue 12): sentences written for this test, none from an article.

Each row: a sentence, coded alone, and the (source, event, target, negated) tuples it must give, exactly.
Each rule added for issue 12 has at least one row here; the rule was kept only if the dev set as a whole
improved and the seeds did not drop.
"""

from __future__ import annotations

import pytest

from casus.events.coder import code_sentences

from .coding import keys

PUBLISHED = "2025-11-01"

CASES = [
    # attacks named as nouns: "attack on X" is an event; a hyphenated pair of adjectives both act
    ("Moscow condemned the U.S.-Israeli attacks on Iran.",
     {("RUS", "ACCUSE", "USA", False), ("RUS", "ACCUSE", "ISR", False),
      ("USA", "ASSAULT", "IRN", False), ("ISR", "ASSAULT", "IRN", False)}),
    ("Qatar said Israel's attack on Doha broke international law.", {("ISR", "ASSAULT", "QAT", False)}),
    # the attacked left implicit: another actor of the sentence
    ("Syria lost three generals on Monday in air strikes by Turkey.", {("TUR", "ASSAULT", "SYR", False)}),
    ("Egypt closed its airspace in May, following Turkish strikes in April.", {("TUR", "ASSAULT", "EGY", False)}),
    # a condemnation of an attack is aimed at the attacker, or at no one named, never at the victim
    ("Putin on Sunday condemned the killing of Syrian general Ali Hassan as a crime.", {("RUS", "ACCUSE", None, False)}),
    ("Egypt was quick in its condemnation of the attack on Jordan by Iran.",
     {("EGY", "ACCUSE", "IRN", False), ("IRN", "ASSAULT", "JOR", False)}),
    # forces deployed with no beneficiary named: MOBILIZE, no target; to a named state: AID
    ("Washington had deployed warships near the strait.", {("USA", "MOBILIZE", None, False)}),
    ("The Kremlin expanded naval deployments in the Baltic.", {("RUS", "MOBILIZE", None, False)}),
    ("Moscow deployed troops to Belarus.", {("RUS", "AID", "BLR", False)}),
    # contacts: calls, conversations, greetings are CONSULT both ways
    ("China's foreign minister spoke to his Egyptian counterpart on Monday.",
     {("CHN", "CONSULT", "EGY", False), ("EGY", "CONSULT", "CHN", False)}),
    ("Erdogan and Aliyev held a video call on Friday.", {("TUR", "CONSULT", "AZE", False), ("AZE", "CONSULT", "TUR", False)}),
    ("Modi welcomed the Japanese prime minister in Delhi.",
     {("IND", "CONSULT", "JPN", False), ("JPN", "CONSULT", "IND", False)}),
    # inaction is a negated AID/intervention for the one attacked (convention 1)
    ("Azerbaijani forces shelled Armenian border towns, but Russian peacekeepers took no action.",
     {("AZE", "ASSAULT", "ARM", False), ("RUS", "AID", "ARM", True)}),
    # launching projectiles at a state is an attack
    ("Iran fired 200 ballistic missiles at Israel on Tuesday.", {("IRN", "ASSAULT", "ISR", False)}),
    ("The Houthis launched drones toward Saudi Arabia.", {("HOUTHIS", "ASSAULT", "SAU", False)}),
    # shooting down one's own attackers' drones is self-defence, no event; another's jet is an attack
    ("Russia shot down 300 Ukrainian drones.", set()),
    ("Turkey shot down a Russian jet in 2015.", {("TUR", "ASSAULT", "RUS", False)}),
    # condolences, thanks, praise: SUPPORT/rhetorical; solidarity, reassurance: SUPPORT/diplomatic (convention 8)
    ("The Egyptian president conveyed his condolences to Jordan.", {("EGY", "SUPPORT", "JOR", False)}),
    ("Vucic thanked Putin for the new tanks.", {("SRB", "SUPPORT", "RUS", False)}),
    ("Canada expressed its solidarity with Denmark.", {("CAN", "SUPPORT", "DNK", False)}),
    ("The budget will balance, thanks to high oil prices.", set()),
    # "PH" in Philippine outlets
    ("Washington stands in support of PH.", {("USA", "SUPPORT", "PHL", False)}),
    # a state's officials making a statement: the state acts
    ("Turkish officials have accused Athens of arming the islands.", {("TUR", "ACCUSE", "GRC", False)}),
    # intelligence passed one way is one record (convention 3); shared by a pair, both ways
    ("Washington lifted its suspension of intelligence sharing with Kyiv.", {("USA", "COOPERATE", "UKR", False)}),
    ("Moscow was providing targeting information to the Iranian military.", {("RUS", "COOPERATE", "IRN", False)}),
    # (and their agreeing is AGREE both ways: "the two countries agreed", seeds conventions)
    ("Seoul and Tokyo agreed on intelligence sharing.",
     {("KOR", "COOPERATE", "JPN", False), ("JPN", "COOPERATE", "KOR", False),
      ("KOR", "AGREE", "JPN", False), ("JPN", "AGREE", "KOR", False)}),
    # a directed verb whose object is a thing, or "against": no implicit state target
    # "armed" before a noun is an adjective, no arming
    ("Ankara condemned the act of armed aggression.", {("TUR", "ACCUSE", None, False)}),
    # a transfer verb followed by "across", "into": no transfer
    ("The treaty that Egypt signed extends across security domains.", set()),
    # mediation is CONSULT to each party; the parties' own talks stay, the mediator is no party to them
    ("Algeria brokered a ceasefire between Morocco and Mali.",
     {("DZA", "CONSULT", "MAR", False), ("DZA", "CONSULT", "MLI", False)}),
    ("Qatar mediated talks between Israel and Hamas.",
     {("QAT", "CONSULT", "ISR", False), ("QAT", "CONSULT", "HAMAS", False),
      ("ISR", "CONSULT", "HAMAS", False), ("HAMAS", "CONSULT", "ISR", False)}),
    # a summons or a diplomatic protest is ACCUSE/disapprove
    ("Beijing summoned the Japanese ambassador on Friday.", {("CHN", "ACCUSE", "JPN", False)}),
    # an airspace violation not called an attack is COERCE (convention 7); a capture too
    ("Russian jets violated Estonian airspace on Friday.", {("RUS", "COERCE", "EST", False)}),
    ("US forces captured Venezuelan leader Nicolas Maduro.", {("USA", "COERCE", "VEN", False)}),
    # stopping a campaign is RETREAT, towards whom it was aimed; the halted strikes are part of it (the cease frame
    # absorbs its object), not a new attack
    ("Israel halted its strikes on Lebanon on Monday.", {("ISR", "RETREAT", "LBN", False)}),
    ("The talks could end the deadlock.", set()),
    # round 2: a bare infinitive after "helped" is a verb; pledges to defend each other are AID both ways
    ("The British navy helped defend Jordan on Sunday.", {("GBR", "AID", "JOR", False)}),
    ("Chile and Peru will come to each other's aid in a war.",
     {("CHL", "AID", "PER", False), ("PER", "AID", "CHL", False)}),
    ("Kenya and Uganda pledged to defend one another.", {("KEN", "AID", "UGA", False), ("UGA", "AID", "KEN", False)}),
    # the agent after a nominal attack ("by X") beats the clause's subject
    ("Cairo slammed the strikes by Sudan on Chad.", {("EGY", "ACCUSE", "SDN", False), ("SDN", "ASSAULT", "TCD", False)}),
    # "cautioned" warns; letters exchanged are contacts; acting together is cooperation; military activity a mobilisation
    ("Ankara cautioned Athens against new drilling.", {("TUR", "THREATEN", "GRC", False)}),
    ("Seoul and Tokyo exchanged letters on Monday.", {("JPN", "CONSULT", "KOR", False), ("KOR", "CONSULT", "JPN", False)}),
    ("Rwanda and Burundi acted together against the rebels.",
     {("BDI", "COOPERATE", "RWA", False), ("RWA", "COOPERATE", "BDI", False)}),
    ("Russia stepped up military activity near Finland.", {("RUS", "MOBILIZE", None, False)}),
    # "from allies including X": X is what the preposition governs
    ("Egypt gets drones from partners including Russia.", {("RUS", "AID", "EGY", False)}),
    # a gerund after an adverb still has its subject ("with X again threatening Y"); exacting a price is a warning
    ("Trade fell, with Ankara again threatening Cyprus with force.", {("TUR", "THREATEN", "CYP", False)}),
    ("Peru said it would exact a price if Chile intervened.", {("PER", "THREATEN", "CHL", False)}),
    # "Sino-" is Chinese; officials from X act for X, as a subject
    ("Analysts noted growing Sino-Russian military cooperation.",
     {("CHN", "COOPERATE", "RUS", False), ("RUS", "COOPERATE", "CHN", False)}),
    ("Senior officials from Chile and Peru opened talks in Lima.",
     {("CHL", "CONSULT", "PER", False), ("PER", "CONSULT", "CHL", False)}),
    # "told X to do": a request; "told X not to": a warning
    ("Cairo told Khartoum to reopen the border.", {("EGY", "REQUEST", "SDN", False)}),
    ("Cairo told Khartoum not to close the border.", {("EGY", "THREATEN", "SDN", False)}),
    # a commitment reaffirmed to a state is SUPPORT; to a goal, nothing
    ("Tokyo reaffirmed its commitment to Manila.", {("JPN", "SUPPORT", "PHL", False)}),
    ("Paris reaffirmed its commitment to the climate goals.", set()),
    # signing or ratifying a partnership or declaration is AGREE (convention 5); a compound agreement noun is one
    ("Last year Egypt and Sudan signed a strategic partnership.",
     {("EGY", "AGREE", "SDN", False), ("SDN", "AGREE", "EGY", False)}),
    ("Egypt and Sudan signed a strategic partnership treaty.",
     {("EGY", "AGREE", "SDN", False), ("SDN", "AGREE", "EGY", False)}),
    ("Egypt and Sudan are strategic partners.", set()),
    # an arms deal signed: AGREE both ways plus the supplier's AID/military, future (convention 4)
    ("Egypt signed an arms deal with France to buy Rafale jets.",
     {("EGY", "AGREE", "FRA", False), ("FRA", "AGREE", "EGY", False), ("FRA", "AID", "EGY", False)}),
    ("Algeria signed a deal with Moscow to supply it with fighter jets.",
     {("DZA", "AGREE", "RUS", False), ("RUS", "AGREE", "DZA", False), ("DZA", "AID", "RUS", False)}),
    # who supplies is not guessed when the text does not say
    ("Italy and Spain signed a deal covering the Spanish purchase of four corvettes.",
     {("ITA", "AGREE", "ESP", False), ("ESP", "AGREE", "ITA", False)}),
    # negation does not reach past ", unlike"
    ("The pact stops short of a defence clause, unlike the treaty Egypt has signed with Sudan.",
     {("EGY", "AGREE", "SDN", False), ("SDN", "AGREE", "EGY", False)}),
    # military action, air assaults, aggression with its agent are attacks; generic aggression is not
    ("The general died in the Israeli aggression against Lebanon.", {("ISR", "ASSAULT", "LBN", False)}),
    ("The pact allows nuclear weapons to be used in response to aggression.", set()),
    ("Russia carried out a large air assault on Ukraine overnight.", {("RUS", "ASSAULT", "UKR", False)}),
    # help withheld: "offered little", "little real help"
    ("Cairo offered little help to Khartoum.", {("EGY", "AID", "SDN", True)}),
    ("When Turkish jets struck Syrian bases, Moscow offered little more than words.",
     {("TUR", "ASSAULT", "SYR", False), ("RUS", "AID", "SYR", True)}),
    # refusing to take part or to negotiate is REJECT; refusing help stays a negated AID
    ("Kazakhstan refused to host the planned CSTO drills.", {("KAZ", "REJECT", "CSTO", False)}),
    ("Kyiv refused to negotiate with Moscow.", {("UKR", "REJECT", "RUS", False)}),
    ("Moscow refused to send troops to Armenia.", {("RUS", "AID", "ARM", True)}),
    # "Russian drones" act like "Russian jets"
    ("Russian drones crossed into Polish airspace this week.", {("RUS", "COERCE", "POL", False)}),
    # "targets" as a noun is no attack
    ("Analysts listed the Iranian targets.", set()),
    # an indefinite attack is not a specific one
    ("Japan has warned that a Chinese attack would threaten its own security.", {("JPN", "THREATEN", None, False)}),
]


@pytest.mark.parametrize(("sentence", "want"), CASES, ids=[c[0][:40] for c in CASES])
def test_news(sentence: str, want: set[tuple[str, str, str | None, bool]]) -> None:
    got = keys(code_sentences([sentence], PUBLISHED)[0])
    assert got == want


def test_the_alliance_is_the_organisation_named_just_before() -> None:
    got = code_sentences(["NATO leaders met in The Hague on Tuesday.", "The alliance condemned Russia's strikes on Ukraine."],
                         PUBLISHED)
    assert {(e.source, e.event, e.target) for e in got[1]} == {("NATO", "ACCUSE", "RUS"), ("RUS", "ASSAULT", "UKR")}


def test_the_bloc_has_no_antecedent_three_sentences_back() -> None:
    got = code_sentences(["The EU met in Brussels.", "Prices rose.", "Rain fell.", "Snow fell.",
                          "The bloc condemned Russia's strikes on Ukraine."], PUBLISHED)
    assert {(e.source, e.event) for e in got[4]} == {("RUS", "ASSAULT")}


def test_organisations_and_groups_are_actors() -> None:
    got = code_sentences(["The Gulf Cooperation Council condemned the Iranian strikes on Qatar.",
                          "Hayat Tahrir al-Sham attacked Syrian government forces in Aleppo."], PUBLISHED)
    assert ("GCC", "ACCUSE", "IRN") in {(e.source, e.event, e.target) for e in got[0]}
    assert ("HTS", "ASSAULT", "SYR") in {(e.source, e.event, e.target) for e in got[1]}


def test_shooting_down_missiles_fired_at_another_state_defends_it() -> None:
    got = code_sentences(["Iran fired 200 ballistic missiles at Israel on Tuesday.",
                          "U.S. forces shot down more than 80 drones, Central Command said."], PUBLISHED)
    assert {(e.source, e.event, e.target, e.mode) for e in got[1]} == {("USA", "AID", "ISR", "intervention")}


def test_interceptor_that_was_attacked_gives_no_aid() -> None:
    got = code_sentences(["Iran fired missiles at Israel.", "Israel intercepted most of the missiles."], PUBLISHED)
    assert got[1] == []


def test_headline_before_the_body_is_coded_but_a_section_heading_is_not() -> None:
    got = code_sentences(["Egypt Condemns Israeli Strikes On Lebanon",
                          "Cairo said the raids broke the truce.",
                          "Israel Strikes Lebanon Again"], PUBLISHED)
    assert ("EGY", "ACCUSE", "ISR") in {(e.source, e.event, e.target) for e in got[0]}
    assert got[2] == []


@pytest.mark.parametrize("second", ["Cairo defended the operation as lawful.",
                                    "Khartoum has missiles to defend against threats."])
def test_defending_a_thing_has_no_implicit_state_target(second: str) -> None:
    got = code_sentences(["Egypt met Sudan on Monday.", second], PUBLISHED)
    assert got[1] == []


def test_defending_the_nation_of_a_state_is_aid_to_it() -> None:
    got = code_sentences(["Egypt met Sudan on Monday.", "Cairo vowed to defend the river nation of Sudan."], PUBLISHED)
    assert {(e.source, e.event, e.target) for e in got[1]} == {("EGY", "AID", "SDN")}


def test_headline_after_a_site_name_line_is_still_a_headline() -> None:
    got = code_sentences(["Daily Planet / world", "Egypt Condemns Israeli Strikes On Lebanon", "Cairo said the raids broke the truce."],
                         PUBLISHED)
    assert ("EGY", "ACCUSE", "ISR") in {(e.source, e.event, e.target) for e in got[1]}


def test_explainer_headline_names_a_topic() -> None:
    got = code_sentences(["Egypt And Sudan: Unpacking Cairo's Support For Khartoum", "Cairo met Khartoum."], PUBLISHED)
    assert got[0] == []


def test_compound_agreement_noun_has_the_head_noun_mode() -> None:
    got = code_sentences(["Egypt and Sudan signed a strategic partnership treaty."], PUBLISHED)[0]
    assert {e.mode for e in got} == {"treaty"}


def test_arms_deal_supply_is_future() -> None:
    got = code_sentences(["Egypt signed an arms deal with France to buy Rafale jets."], PUBLISHED)[0]
    assert [(e.modality, e.mode) for e in got if e.event == "AID"] == [("future", "military")]


# --------------------------------------------------------------------------- lexicon validation


def _events_yaml() -> dict:
    from casus.events.lexicon import _data
    return _data("events.yaml")


def test_shipped_lexicon_is_valid() -> None:
    from casus.events.lexicon import validate_triggers
    validate_triggers(_events_yaml())


@pytest.mark.parametrize(("field", "value", "message"), [
    ("frame", "transfr", "unknown frame 'transfr'"),
    ("type", "ATTACK", "unknown event type 'ATTACK'"),
    ("need", ["taget"], "unknown need 'taget'"),
    ("light", "yes", "flag 'light' must be true or false"),
    ("object", "weapons", "unknown object list 'weapons'"),
    ("moods", ["x"], "unknown key 'moods'"),
])
def test_lexicon_row_errors_name_the_file_and_row(field: str, value: object, message: str) -> None:
    from casus.errors import CasusError
    from casus.events.lexicon import validate_triggers
    data = _events_yaml()
    data["triggers"][2][field] = value
    with pytest.raises(CasusError) as err:
        validate_triggers(data)
    text = str(err.value)
    assert text.startswith("events.yaml: triggers row 3 (") and message in text and "\n" not in text


def test_lexicon_unknown_section_is_rejected() -> None:
    from casus.errors import CasusError
    from casus.events.lexicon import validate_triggers
    data = _events_yaml()
    data["trigers"] = []
    with pytest.raises(CasusError, match="unknown section 'trigers'"):
        validate_triggers(data)


def test_the_accord_takes_the_mode_of_the_treaty_just_named() -> None:
    got = code_sentences(["Egypt and Sudan signed a defence treaty on Monday.",
                          "The accord was ratified by the Egyptian parliament."], PUBLISHED)
    assert {e.mode for e in got[1] if e.event == "AGREE"} == {"treaty"}


def test_security_agreement_is_a_pact() -> None:
    got = code_sentences(["Egypt signed a security agreement with Sudan."], PUBLISHED)[0]
    assert {(e.source, e.event, e.target, e.mode) for e in got} == {("EGY", "AGREE", "SDN", "pact"), ("SDN", "AGREE", "EGY", "pact")}


def test_request_mode_reads_the_act_asked_for() -> None:
    got = code_sentences(["Minsk asked Moscow to deploy more advanced weapons to Belarus."], PUBLISHED)[0]
    assert {(e.source, e.event, e.target, e.mode) for e in got} == {("BLR", "REQUEST", "RUS", "military")}
