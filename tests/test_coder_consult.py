"""The coder on talks, contact and mediation (CONSULT): sentences written for this test, none from an article.

Each row: a sentence (or a short passage), coded alone, and the (source, event, target, negated) tuples its last
sentence must give, exactly. Each rule added for CONSULT has at least one row here; a rule was kept only if the dev
set as a whole improved and neither batch dropped.
"""

from __future__ import annotations

import pytest

from casus.events.coder import code_sentences

from .coding import keys

PUBLISHED = "2025-11-01"


def both(a: str, b: str, neg: bool = False) -> set[tuple[str, str, str, bool]]:
    """A joint act: one record per direction."""
    return {(a, "CONSULT", b, neg), (b, "CONSULT", a, neg)}


def agreed(a: str, b: str) -> set[tuple[str, str, str | None, bool]]:
    """An AGREE both ways between a and b."""
    return {(a, "AGREE", b, False), (b, "AGREE", a, False)}


CASES: list[tuple[list[str], set[tuple[str, str, str | None, bool]]]] = [
    # "talks between X and Y": the two named talk; a speaker counting on them is no party
    (["The Kremlin hopes for a new round of talks between Armenia and Azerbaijan, Peskov said."], both("ARM", "AZE")),
    (["Ankara said it welcomed the negotiations brokered by Qatar between Rwanda and Uganda."],
     both("RWA", "UGA") | {("QAT", "CONSULT", "RWA", False), ("QAT", "CONSULT", "UGA", False)}),
    # officials of two states as the subject of talks: the states talk (the venue is no party)
    (["Chilean and Peruvian diplomats held quiet talks in Geneva on Monday."], both("CHL", "PER")),
    # a meeting verb whose object is a thing is no meeting; the talks a venue hosts are the parties'
    (["Only six members of the CSTO meet the spending target."], set()),
    # (no meeting; the instructors welcomed are Turkey's military aid to Chad, as dev-G06's gold codes them)
    (["Chad intends to welcome 300 new Turkish instructors."], {("TUR", "AID", "TCD", False)}),
    (["Modi welcomed the Japanese prime minister in Delhi."], both("IND", "JPN")),
    (["Oman hosted talks between Iran and the United States."], both("IRN", "USA")),
    # a visit is the visitor's act towards the state visited; a ship visited is no state; visits exchanged are joint
    (["The Greek prime minister visited Cyprus on Monday."], {("GRC", "CONSULT", "CYP", False)}),
    (["The Greek prime minister later visited the French aircraft carrier."], set()),
    (["Ties between Chile and Peru have grown through high-level visits."], both("CHL", "PER")),
    # helping to settle a dispute between others is mediation: CONSULT to each party; with no parties named, none;
    # the mediator is the first list after the act ("in X", not a state named in a later phrase)
    (["Ankara is ready to help resolve the standoff between Athens and Nicosia."],
     {("TUR", "CONSULT", "GRC", False), ("TUR", "CONSULT", "CYP", False)}),
    (["Beijing offered to help defuse the India-Pakistan standoff."],
     {("CHN", "CONSULT", "IND", False), ("CHN", "CONSULT", "PAK", False)}),
    (["Chile and Peru must resolve their dispute."], set()),
    (["Brazil pledged to broker peace in Sudan and to take a harder line on Chad."], {("BRA", "CONSULT", "SDN", False)}),
    # calling a leader is a call, both ways; calling something a crime, calling on or for, is not
    (["Lula called his Argentine counterpart on Friday."], both("BRA", "ARG")),
    (["Lula called Xi Jinping on Friday."], both("BRA", "CHN")),
    (["Lula called the strikes a crime."], set()),
    # the subject talks with each state named in its object ("the leaders of X and Y", "Thai, Cambodian leaders");
    # those talk with each other only in a trilateral or joint setting
    (["Lula called the leaders of Chile and Peru on Monday."], both("BRA", "CHL") | both("BRA", "PER")),
    (["Lula calls Chilean, Peruvian leaders"], both("BRA", "CHL") | both("BRA", "PER")),
    (["Lula met with leaders of Chile and Peru for a trilateral summit."],
     both("BRA", "CHL") | both("BRA", "PER") | both("CHL", "PER")),
    # "the leaders of X, the U.S. and Z" as the subject: all of them; a vowed commitment to consult is that (future)
    # consultation; a quoted title ("the 'Commitment to Consult'") is a name, no act
    (["The leaders of Chile, the U.S. and Peru vowed to consult trilaterally on threats."],
     both("CHL", "USA") | both("CHL", "PER") | both("USA", "PER")),
    (["Chile and Peru have vowed commitment to consult each other on threats."], both("CHL", "PER")),
    (['Their "Commitment to Consult" binds Chile and Peru.'], set()),
    # a trilateral meeting of a pair named by "their": the third state named in the sentence takes part
    (["Officials said Yoon, Biden and Kishida spoke warmly in their trilateral summit in Maine."],
     both("KOR", "USA") | both("KOR", "JPN") | both("USA", "JPN")),
    # "the three leaders", and "they" after them: the three states just named
    # (agreeing is also their joint AGREE: gold README, "the two countries agreed")
    (["Chile, Peru and Bolivia held a summit in Lima.", "The three leaders agreed to meet again in May."],
     both("CHL", "PER") | both("CHL", "BOL") | both("PER", "BOL")
     | agreed("CHL", "PER") | agreed("CHL", "BOL") | agreed("PER", "BOL")),
    (["Chile, Peru and Bolivia held a summit in Lima.", "The three leaders signed a water pact.",
      "They will meet again in May."],
     both("CHL", "PER") | both("CHL", "BOL") | both("PER", "BOL")),
    # talks with a counterpart named by an apposition and another leader: each of them; "Greek Cypriot" is Cyprus
    (["Macron met his Greek Cypriot counterpart, Nikos Christodoulides, and the Greek prime minister on Friday."],
     both("FRA", "CYP") | both("FRA", "GRC")),
    # a matter discussed (passive) between two named, or with one named by a speaker's state
    (["The dam was discussed at length between Cairo and Addis Ababa on Monday."], both("EGY", "ETH")),
    (["Lavrov said the grain corridor had been discussed with Turkey."], both("RUS", "TUR")),
    (["The grain corridor had been discussed with Turkey."], set()),
    # talks described by their state ("the stalled border talks") are no talks held
    (["Chile and Peru blamed Bolivia for the stalled border talks."],
     {("CHL", "ACCUSE", "BOL", False), ("PER", "ACCUSE", "BOL", False)}),
    # a body's own meeting ("after the cabinet met") consults no one, whoever else the sentence names
    (["Lula spoke after the cabinet met, saying Brazil would keep its envoy in Caracas."], set()),
    (["The Chilean government met with the Peruvian envoy."], both("CHL", "PER")),
    # talks wanted are no talks held
    (["Lima said it agreed in principle but needed talks with Santiago first."], set()),
    # calls, views exchanged, standing contact; "the two ministers" are the pair just named
    (["Lula spoke by phone with the Chilean president on Friday."], both("BRA", "CHL")),
    (["Lula telephoned his Chilean counterpart."], both("BRA", "CHL")),
    (["Chile and Peru exchanged views on the border."], both("CHL", "PER")),
    (["Chile and Peru agreed to stay in close contact."], both("CHL", "PER") | agreed("CHL", "PER")),
    (["Chile and Peru signed a water pact.", "The two ministers also discussed fishing rights."], both("CHL", "PER")),
    # the ministers of two states named by a list of adjectives meet each other
    (["The Chilean and Peruvian foreign ministers met in Quito."], both("CHL", "PER")),
    # receiving a leader is a meeting; receiving arms stays aid
    (["Lula received the Chilean foreign minister in Brasilia."], both("BRA", "CHL")),
    (["Chile received two frigates from Peru."], {("PER", "AID", "CHL", False)}),
    # "help mediate": the mediation is the event, no help of its own
    (["Brazil is ready to help mediate Chile-Peru border talks."],
     {("BRA", "CONSULT", "CHL", False), ("BRA", "CONSULT", "PER", False)}),
    # negotiating a deal with its parties unnamed: no partner taken from elsewhere in the sentence
    (["The envoy from Chile, who negotiated the agreement, later said Peru would comply."], set()),
    (["Chile negotiated the agreement with Peru."], both("CHL", "PER")),
    # talks refused are a rejection aimed at the other side (mode negotiation), not talks; not negated by the refusal
    (["Lima refused direct talks with Santiago."], {("PER", "REJECT", "CHL", False)}),
    (["Lima rejected negotiations with Santiago."], {("PER", "REJECT", "CHL", False)}),
    (["The Peruvian president declined to meet Lula."], {("PER", "REJECT", "BRA", False)}),
    # an offer of mediation is mediation (CONSULT to each party), not an agreement; mediators named by adjectives
    (["Brazil offered its mediation between Chile and Peru."],
     {("BRA", "CONSULT", "CHL", False), ("BRA", "CONSULT", "PER", False)}),
    (["Brazilian and Argentine mediators are working on a deal between Chile and Peru."],
     {("BRA", "CONSULT", "CHL", False), ("BRA", "CONSULT", "PER", False),
      ("ARG", "CONSULT", "CHL", False), ("ARG", "CONSULT", "PER", False)}),
    # "On his first trip to X, <leader> ...": the pronoun points forward to the leader right after the phrase
    (["On his first trip to Chile in a decade, Lula praised Chilean wine."],
     {("BRA", "CONSULT", "CHL", False), ("BRA", "SUPPORT", "CHL", False)}),
    # "During a visit to X, <leader> said ...": the leader visits (a comma before a verb starts a new subject)
    (["During a visit to Lima, Lula said the weather was fine."], {("BRA", "CONSULT", "PER", False)}),
    # a summit as the venue of a meeting ("on the sidelines of the G7 summit") is no meeting with the bloc
    (["Lula met the Chilean foreign minister on the sidelines of the G7 summit in Rome."], both("BRA", "CHL")),
    # a deal mediated or brokered between two parties: the mediator consults each, the parties agree
    (["Brazil helped by mediating the border deal between Chile and Peru."],
     {("BRA", "CONSULT", "CHL", False), ("BRA", "CONSULT", "PER", False),
      ("CHL", "AGREE", "PER", False), ("PER", "AGREE", "CHL", False)}),
    # a bloc's own summit is a gathering of its members, no talks between the bloc and a state
    (["Chile and Peru were praised at the bloc's June summit.", "Their plans were approved at the G7 summit."], set()),
    (["The EU summit with Chile opened in Brussels."], both("EU", "CHL")),
    # a leader or a delegation arriving in or travelling to a state visits it; troops arriving do not (they are
    # forces sent to it: AID, tests/test_coder_aid3.py)
    (["The Chilean foreign minister travelled to Lima on Monday."], {("CHL", "CONSULT", "PER", False)}),
    (["A delegation from Bolivia arrived in Santiago."], {("BOL", "CONSULT", "CHL", False)}),
    (["Chilean troops arrived in Peru."], {("CHL", "AID", "PER", False)}),
    # "help settle the situation" right after the same mediator named the dispute's parties: those parties
    (["Brazil is ready to help resolve the standoff between Chile and Peru.",
      "Brasilia will contribute to the settlement of the situation by diplomatic means, Lula said."],
     {("BRA", "CONSULT", "CHL", False), ("BRA", "CONSULT", "PER", False)}),
    (["Brazil will contribute to the settlement of the situation, Lula said."], set()),
    # leaders arriving together, or at a state banquet or reception, meet
    (["Lula arrives with Chilean President Gabriel Boric to open a bridge near the border."], both("BRA", "CHL")),
    (["Lula and the Chilean president attend a state banquet in Brasilia."], both("BRA", "CHL")),
    (["Chilean troops arrived with new rifles."], set()),
    # "these talks": the parties of the talks just named, not the speaker
    (["Egypt and Ethiopia held talks on the dam in Cairo.",
      "We regret that these talks have brought so little, a Sudanese minister said."], both("EGY", "ETH")),
    # what is discussed is a topic, not a party: not the war's sides, nor a state named as an adjective
    (["Turkey discussed the war between Sudan and Chad."], set()),
    (["The emir of Qatar and his host discussed the Israeli military escalation."], set()),
    (["Jordan discussed the Syrian offensive with Oman."], both("JOR", "OMN")),
]


@pytest.mark.parametrize("passage,expected", CASES, ids=[c[0][-1][:50] for c in CASES])
def test_consult_rows(passage: list[str], expected: set[tuple[str, str, str | None, bool]]) -> None:
    got = code_sentences(passage, PUBLISHED)[-1]
    assert keys(got) == expected


def test_unknown_unless_list_stops_loading() -> None:
    from casus.errors import CasusError
    from casus.events.lexicon import _data, validate_triggers

    data = _data("events.yaml")
    data["frames"] = dict(data["frames"], meeting=dict(data["frames"]["meeting"], unless="met_thngs"))
    with pytest.raises(CasusError, match="frames row 'meeting': unknown unless list 'met_thngs'"):
        validate_triggers(data)


def test_vowed_commitment_to_consult_is_future() -> None:
    got = code_sentences(["Chile and Peru have vowed commitment to consult each other on threats."], PUBLISHED)[0]
    assert {e.modality for e in got} == {"future"}


def test_nonevent_modifiers_need_a_known_type() -> None:
    from casus.errors import CasusError
    from casus.events.lexicon import _data, build_lexicon

    data = dict(_data("events.yaml"), nonevent_modifiers={"CONSLUT": ["stalled"]})
    with pytest.raises(CasusError, match="nonevent_modifiers: unknown event type 'CONSLUT'"):
        build_lexicon(data)


def test_a_short_call_to_action_does_not_start_the_body() -> None:
    """'Support Our Newsroom!' above the headline is no body sentence: the headline after it is still article text."""
    got = code_sentences(["Support Our Newsroom!", "Brazil Says It Is Ready to Help Mediate Chile-Peru Border Talks"],
                         PUBLISHED)
    assert {(e.source, e.event, e.target) for e in got[1]} == {("BRA", "CONSULT", "CHL"), ("BRA", "CONSULT", "PER")}


def test_a_meeting_after_the_report_verb_is_told_not_reported() -> None:
    """'..., the agency said on Monday, after the ministers met': the meeting is the author's, asserted."""
    got = code_sentences(["Lula told the Chilean president that ties were strong, the agency said on Monday, after "
                          "the two presidents met in Lima."], PUBLISHED)[0]
    assert {e.modality for e in got if e.event == "CONSULT"} == {"asserted"}


def test_an_opening_while_clause_is_not_reported_by_a_later_according_to() -> None:
    got = code_sentences(["While Lula was meeting the Chilean president in Lima, protests spread to the port, according "
                          "to local officials."], PUBLISHED)[0]
    assert {e.modality for e in got if e.event == "CONSULT"} == {"asserted"}
