"""Precision guards (false alarms): sentences written for this test, none from an article.

Each row: a document (one or more sentences, coded in order) and the (source, event, target, negated) tuples its
last sentence must give, exactly. docs/coder-filters.md has the dev-set measurement of each rule.
"""

from __future__ import annotations

import copy

import pytest

from casus.errors import CasusError
from casus.events import lexicon as lexmod
from casus.events.coder import code_sentences

from .coding import last_keys

PUBLISHED = "2025-11-01"

GUARDS: list[tuple[list[str], set[tuple]]] = [
    # a trigger noun before an agreement noun names the agreement's kind, not an act of its own
    (["Egypt and Jordan signed a defence co-operation pact on Monday."],
     {("EGY", "AGREE", "JOR", False), ("JOR", "AGREE", "EGY", False)}),
    (["Chile and Peru expanded their security cooperation."],
     {("CHL", "COOPERATE", "PER", False), ("PER", "COOPERATE", "CHL", False)}),
    # "is seen to strengthen": a perception, not an act
    (["The accord is seen to strengthen the security cooperation of Chile and Peru."], set()),
    # the ties an agreement or a meeting is meant to build are its aim, not an act of their own
    (["Chile and Peru signed a treaty to deepen their ties."],
     {("CHL", "AGREE", "PER", False), ("PER", "AGREE", "CHL", False)}),
    (["Chile and Peru held a summit aimed at boosting economic ties."],
     {("CHL", "CONSULT", "PER", False), ("PER", "CONSULT", "CHL", False)}),
    (["Chile and Peru will consult regularly to coordinate their defence."],
     {("CHL", "CONSULT", "PER", False), ("PER", "CONSULT", "CHL", False)}),
    # a meeting verb whose object is a standard or forces meets no state
    (["Poland and Estonia meet the current 3% target."], set()),
    (["Only a few NATO members meet the alliance's 2% spending target, Spain said."], set()),
    # (no meeting; the instructors welcomed are Russia's military aid to Mali, as dev-G06's gold codes them)
    (["Mali said it would welcome 600 new Russian instructors."], {("RUS", "AID", "MLI", False)}),
    (["Mali welcomed the Russian foreign minister in Bamako."],
     {("MLI", "CONSULT", "RUS", False), ("RUS", "CONSULT", "MLI", False)}),
    (["Erdogan met the emir of Qatar in Doha."], {("TUR", "CONSULT", "QAT", False), ("QAT", "CONSULT", "TUR", False)}),
    # the object list is the meeting and visit frames' `unless` (met_things): a possessor before the thing is passed;
    # a talking verb with a standard as its topic still consults
    (["Poland met NATO's 2% spending target."], set()),
    (["Poland welcomed Russia's decision."], set()),
    (["The Chilean president travelled to the French aircraft carrier."], set()),
    (["Chile discussed the 2% target with Peru on Monday."],
     {("CHL", "CONSULT", "PER", False), ("PER", "CONSULT", "CHL", False)}),
    (["Erdogan received Iran's foreign minister in Ankara."],
     {("TUR", "CONSULT", "IRN", False), ("IRN", "CONSULT", "TUR", False)}),
    # a conflict named by its parties ("Armenia-Azerbaijan clashes") is background, not an attack
    (["Oil prices rose amid rising Armenia-Azerbaijan clashes."], set()),
    (["ARMENIA-AZERBAIJAN CLASH"], set()),
    (["Armenia and Azerbaijan clashed on the border on Monday."],
     {("ARM", "ASSAULT", "AZE", False), ("AZE", "ASSAULT", "ARM", False)}),
    # an offer of mediation is the mediation (CONSULT towards each party), no AGREE beside it
    (["Qatar offered mediation to Armenia and Azerbaijan."],
     {("QAT", "CONSULT", "ARM", False), ("QAT", "CONSULT", "AZE", False)}),
    # what an accusation is about is not the accuser's own act; the accuser's own act before it still is
    (["Chile and Peru blamed Bolivia for the stalled water talks."],
     {("CHL", "ACCUSE", "BOL", False), ("PER", "ACCUSE", "BOL", False)}),
    (["Chile and Peru held talks in Lima and blamed Bolivia for the delay."],
     {("CHL", "ACCUSE", "BOL", False), ("PER", "ACCUSE", "BOL", False), ("CHL", "CONSULT", "PER", False),
      ("PER", "CONSULT", "CHL", False)}),
    # talks or help wanted, called for or urged are not held or given
    (["Thailand said it needed talks with Cambodia first."], set()),
    # (a call for talks is a request, to no one named: issue 12)
    (["Serbia called for urgent talks with Kosovo."], {("SRB", "REQUEST", None, False)}),
    (["Serbia held urgent talks with Kosovo."], {("SRB", "CONSULT", "XKX", False), ("XKX", "CONSULT", "SRB", False)}),
    # (urging it is asking Russia for it: a request, as the seeds code "Tehran is eyeing Russian air defense systems")
    (["Armenia urged Russian military support."], {("ARM", "REQUEST", "RUS", False)}),
    # "talks between X and Y": the parties are the two named, not the speaker
    (["Turkey said it hopes for a new round of talks between Armenia and Azerbaijan."],
     {("ARM", "CONSULT", "AZE", False), ("AZE", "CONSULT", "ARM", False)}),
    (["Turkey welcomed the talks in Geneva between Armenia and Azerbaijan."],
     {("ARM", "CONSULT", "AZE", False), ("AZE", "CONSULT", "ARM", False)}),
    # a conditional by inversion inside the sentence: the act in it is hypothetical, the main clause is not
    (["Britain will defend Jordan should Iran attack it."], {("GBR", "AID", "JOR", False)}),
    (["Britain will defend Jordan should the Iranian regime attack it."], {("GBR", "AID", "JOR", False)}),
    (["Jordan would call on Britain for help, should they be attacked by Iran."], {("JOR", "REQUEST", "GBR", False)}),
    # "will strike back": a retaliation promised, no attack yet (the null phrases already held "to strike back")
    (["Israel struck Iran on Friday.", "Iran will inevitably strike back, its foreign minister said."], set()),
    # a signing verb past a comma and a subordinator governs its own agreement, not the pact before it
    (["Chile is the first to have this defence pact with Peru, after Bolivia signed similar agreements with Brazil."],
     {("BOL", "AGREE", "BRA", False), ("BRA", "AGREE", "BOL", False)}),
    # "these talks" after talks between two parties: the same two parties, not the speaker (the between-phrase
    # ends at its comma)
    (["Turkey hailed the talks between Armenia and Azerbaijan, and said it hoped these talks would resume."],
     {("ARM", "CONSULT", "AZE", False), ("AZE", "CONSULT", "ARM", False)}),
    (["As for the talks between Armenia and Azerbaijan, we are disappointed that despite progress in these talks, "
      "fighting resumed, Turkey said."], {("ARM", "CONSULT", "AZE", False), ("AZE", "CONSULT", "ARM", False)}),
    # "help" before a bare verb helps that along: no aid of its own ("help resolve the standoff between X and Y" is
    # mediation, CONSULT to each party, convention 8); "help X" still is aid
    (["Russia is ready to help diplomatically resolve the standoff between Armenia and Azerbaijan."],
     {("RUS", "CONSULT", "ARM", False), ("RUS", "CONSULT", "AZE", False)}),
    (["The treaty will help expand trade between Chile and Peru."], set()),
    (["Russia will help Armenia."], {("RUS", "AID", "ARM", False)}),
    (["China helped Pakistan with its air defences."], {("CHN", "AID", "PAK", False)}),
    # a bloc's own meeting (the bloc just before the meeting word, no party after it) consults no one
    (["France spoke during an EU defence ministers meeting in Brussels."], set()),
    (["Sweden's bid was accepted at the alliance's June summit."], set()),
    (["NATO foreign ministers met their Russian counterpart in Geneva."],
     {("NATO", "CONSULT", "RUS", False), ("RUS", "CONSULT", "NATO", False)}),
    (["Turkey and NATO met on Monday."], {("TUR", "CONSULT", "NATO", False), ("NATO", "CONSULT", "TUR", False)}),
    # an unnamed body meeting ("the security council met") consults no state the sentence names later
    (["Erdogan said after the security council met that Turkey would not attack Syria."],
     {("TUR", "ASSAULT", "SYR", True)}),
    # praise or backing of a thing ("praised the deal") implies no state it is aimed at
    (["Putin praised the deal as a breakthrough for the development of Russia, Iran and the region."], set()),
    (["Russia strongly supports its ally Iran."], {("RUS", "SUPPORT", "IRN", False)}),
    # a verb right before "to" is a promise, not a purpose: the cooperation is coded
    (["Chile and Peru vowed to expand their cooperation."],
     {("CHL", "COOPERATE", "PER", False), ("PER", "COOPERATE", "CHL", False)}),
]


@pytest.mark.parametrize(("doc", "expected"), GUARDS, ids=[d[-1][:50] for d, _ in GUARDS])
def test_precision_guards(doc: list[str], expected: set[tuple]) -> None:
    assert last_keys(doc, PUBLISHED) == expected


def test_a_phrase_listed_twice_with_one_part_of_speech_is_refused() -> None:
    """Two trigger rows giving one phrase the same part of speech: the later would be shadowed, so loading fails
    with one line naming both rows."""
    data = copy.deepcopy(lexmod._data("events.yaml"))
    rows = data["triggers"]
    first = next(i for i, r in enumerate(rows) if r.get("type") and r.get("pos", "noun") == "noun")
    word = str(rows[first]["words"][0])
    later = next(i for i, r in enumerate(rows) if i > first and r.get("type") and r.get("pos", "noun") == "noun")
    rows[later]["words"] = [*rows[later]["words"], word]
    with pytest.raises(CasusError, match=rf"triggers row {later + 1} .*{word!r} as a noun already listed by "
                                         rf"triggers row {first + 1}"):
        lexmod.build_lexicon(data)


def test_one_phrase_as_verb_and_noun_loads() -> None:
    """A phrase listed once as a verb and once as a noun ("supply") is two readings, not a shadowed row."""
    lex = lexmod.build_lexicon(copy.deepcopy(lexmod._data("events.yaml")))
    assert {t.pos for t in lex.info["supply"].trigs} == {"verb", "noun"}


def test_one_line_of_attack_is_one_record() -> None:
    """An air assault and the drones and missiles it launched, in one sentence: one ASSAULT record (gold README:
    one line of attack with two weapons is one record), the first one named."""
    events = code_sentences(["Russia carried out a massive air assault on Ukraine, launching 200 drones and 10 missiles."],
                            PUBLISHED)[-1]
    assert [(e.source, e.event, e.target, e.mode) for e in events] == [("RUS", "ASSAULT", "UKR", "aerial")]
