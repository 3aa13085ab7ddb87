"""The coder on help, its refusal and words about it (AID, SUPPORT, ACCUSE, REQUEST): sentences written for this
test, none from an article.

Each row: a sentence, coded alone, and the (source, event, mode, target, modality, negated) records it must give,
exactly. Each rule was kept only if the dev set as a whole improved and neither batch dropped.
"""

from __future__ import annotations

import pytest

from casus.events.coder import code_sentences

PUBLISHED = "2025-11-01"

CASES = [
    # fighting on a state's side is intervention for it; "X-backed" before a name is an adjective, not a verb
    ("Yemen's Iran-backed Houthi movement has fought on the side of the Sudanese army.",
     {("HOUTHIS", "AID", "intervention", "SDN", "asserted", False)}),
    # flying or airlifting arms to a state is military aid
    ("Belarus flew twelve tanks to Serbia last week.", {("BLR", "AID", "military", "SRB", "asserted", False)}),
    # practical or material support is military aid; refraining from it is a negated AID
    ("Critics blamed Beijing for refraining from providing Pakistan with practical support.",
     {("CHN", "AID", "military", "PAK", "asserted", True)}),
    # a message of support is diplomatic support from the one who brings it
    ("Egypt sent a message of support to Sudan.", {("EGY", "SUPPORT", "diplomatic", "SDN", "asserted", False)}),
    # an appeal for an outcome is a request to no one unless the addressee is named
    ("Turkey issued repeated appeals for restraint after Greek officials visited the islands.",
     {("TUR", "REQUEST", None, None, "asserted", False)}),
    ("Qatar appealed for calm.", {("QAT", "REQUEST", None, None, "asserted", False)}),
    ("Qatar appealed to Egypt for calm.", {("QAT", "REQUEST", None, "EGY", "asserted", False)}),
    # with no actor named before it, an appeal (or a treaty's "calls for") is no request from the context
    ("The appeals for restraint went unheard.", set()),
    # support that stayed words: SUPPORT/diplomatic and a negated AID/intervention
    ("China's backing for Pakistan was largely confined to words.",
     {("CHN", "SUPPORT", "diplomatic", "PAK", "asserted", False), ("CHN", "AID", "intervention", "PAK", "asserted", True)}),
    ("China's support for the Pakistani army has been limited to statements.",
     {("CHN", "SUPPORT", "diplomatic", "PAK", "asserted", False), ("CHN", "AID", "intervention", "PAK", "asserted", True)}),
    # the possessor of a control noun after a preposition still acts ("anger over X's refusal to ...")
    ("There was anger in Kyiv over Berlin's refusal to help Ukraine.", {("DEU", "AID", None, "UKR", "asserted", True)}),
    # standing by a state is support; failing to is withheld defence (a negated AID/intervention)
    ("Turkey stood by Azerbaijan.", {("TUR", "SUPPORT", None, "AZE", "asserted", False)}),
    ("Turkey did not stand by Azerbaijan during the war.", {("TUR", "AID", "intervention", "AZE", "asserted", True)}),
    ("Critics in Baku lamented Ankara's failure to stand by Azerbaijan.",
     {("TUR", "AID", "intervention", "AZE", "asserted", True)}),
    # voiced concern or dissatisfaction is disapproval, aimed at a state only when one is named; "by V-ing": the subject acts
    ("Denmark angered Turkey by expressing concern about press freedom in Turkey.",
     {("DNK", "ACCUSE", "disapprove", "TUR", "asserted", False)}),
    ("Chile expressed dissatisfaction with Peru.", {("CHL", "ACCUSE", "disapprove", "PER", "asserted", False)}),
    ("Chile expressed disappointment over the result.", {("CHL", "ACCUSE", "disapprove", None, "asserted", False)}),
    ("Qatar angered Egypt by supporting Turkey.", {("QAT", "SUPPORT", None, "TUR", "asserted", False)}),
    # "Greek Cyprus" and "Greek Cypriot" name Cyprus, not Greece
    ("Paris pledged to defend Greek Cyprus.", {("FRA", "AID", "intervention", "CYP", "future", False)}),
    # intercepting aircraft in a state's airspace defends that state; a bloc intercepting aircraft defends its members
    ("British jets intercepted Russian bombers in Latvian airspace.",
     {("GBR", "AID", "intervention", "LVA", "asserted", False)}),
    ("NATO intercepted the Russian bombers.", {("NATO", "AID", "intervention", None, "asserted", False)}),
    ("Japan intercepted Chinese jets near its airspace.", set()),
    ("Israel intercepted most of the drones.", set()),
    # "help" before a bare verb is that act, not aid ("help settle the dispute between X and Y": mediation, CONSULT to
    # each party, convention 8); "help X" stays aid
    ("Ankara is ready to help peacefully settle the dispute between Armenia and Azerbaijan.",
     {("TUR", "CONSULT", None, "ARM", "future", False), ("TUR", "CONSULT", None, "AZE", "future", False)}),
    ("The accord will help expand the trade between them.", set()),
    ("Russia helped Iran.", {("RUS", "AID", None, "IRN", "asserted", False)}),
    # support for an outcome (a ceasefire, the deal) is no support of a state; a state's cause stays support
    ("Both presidents voiced support for an early truce.", set()),
    ("Erdogan praised the deal as a turning point.", set()),
    ("Russia supports Iran's right to peace.", {("RUS", "SUPPORT", "diplomatic", "IRN", "asserted", False)}),
    # a refusal does not reach into a relative clause with its own subject: the request was made
    ("Belarus has failed to deliver the fighter jets Serbia requested.",
     {("BLR", "AID", "military", "SRB", "asserted", True), ("SRB", "REQUEST", None, "BLR", "asserted", False)}),
    # "similar systems": the kind of the aid named just before
    ("Moscow sold attack helicopters to Mali but refused to sell similar systems to Niger.",
     {("RUS", "AID", "military", "MLI", "asserted", False), ("RUS", "AID", "military", "NER", "asserted", True)}),
    # guarantees: a nuclear umbrella, guaranteeing a state's security (the sentence must name who guarantees)
    ("Washington placed Manila under its nuclear umbrella.", {("USA", "AID", "intervention", "PHL", "asserted", False)}),
    ("Paris pledged to guarantee Moldova's security.", {("FRA", "AID", "intervention", "MDA", "future", False)}),
    ("While Ankara may keep its cooperation with Baku, this does not guarantee Azerbaijan's security.",
     {("TUR", "COOPERATE", None, "AZE", "hedged", False), ("AZE", "COOPERATE", None, "TUR", "hedged", False)}),
    # "met President X ... to deliver": the title is part of the name, X is the object, the visitor delivers
    ("Egypt's foreign minister met President Assad in Damascus to deliver a message of support.",
     {("EGY", "CONSULT", None, "SYR", "asserted", False), ("SYR", "CONSULT", None, "EGY", "asserted", False),
      ("EGY", "SUPPORT", "diplomatic", "SYR", "asserted", False)}),
    # a verdict after a saying or calling verb accuses whoever did the act: "by X", the act's agent, or no one named
    ("Erdogan called the rebel advance a plot by Israel.", {("TUR", "ACCUSE", "allege", "ISR", "asserted", False)}),
    ("Beijing said the Japanese strikes on Taiwan were a flagrant violation of international law.",
     {("CHN", "ACCUSE", "disapprove", "JPN", "asserted", False), ("JPN", "ASSAULT", "aerial", "TWN", "reported", False)}),
    ("Oman described the naval manoeuvres as a dangerous provocation by Iran.",
     {("OMN", "ACCUSE", "disapprove", "IRN", "asserted", False)}),
    ("Qatar said the decision was a clear violation of international law.",
     {("QAT", "ACCUSE", "disapprove", None, "asserted", False)}),
    # without a speaker there is no verdict
    ("The plot was foiled.", set()),
    # "a spokesman for X" speaks for X
    ("A spokesman for the Kremlin called on Georgia to release the detainees.",
     {("RUS", "REQUEST", None, "GEO", "asserted", False)}),
    # a quotation's verdict on a named state's conduct, with its speaker after it
    ('"Turkey\'s latest reckless behaviour is unacceptable," Mitsotakis said.',
     {("GRC", "ACCUSE", "disapprove", "TUR", "asserted", False)}),
    ('"This is a dangerous provocation," Mitsotakis said.', set()),
    # a verb coordinated with earlier ones shares their subject; an unknown name described by its state acts for it
    ("Erdogan has praised Qatar, visited Baku and accused Armenia of stalling.",
     {("TUR", "SUPPORT", "rhetorical", "QAT", "asserted", False), ("TUR", "CONSULT", None, "AZE", "asserted", False),
      ("TUR", "ACCUSE", "allege", "ARM", "asserted", False)}),
    ("Ali Vaez, a former adviser to Iran's foreign ministry, accused Russia of helping Israel.",
     {("IRN", "ACCUSE", "allege", "RUS", "asserted", False), ("RUS", "AID", None, "ISR", "reported", False)}),
    # aid to an indefinite recipient (no state) is no event; "given" before a noun phrase is a preposition
    ("The pact bars each side from offering any aid to an aggressor.", set()),
    ("Moscow sent weapons to a rebel group in Syria.", set()),
    ("The deficit will grow given the boost in security spending.", set()),
    ("Russia has given Iran drones.", {("RUS", "AID", "military", "IRN", "asserted", False)}),
    # defending its own sovereignty is self-defence, no aid
    ("Pyongyang will back the efforts of China to defend its sovereignty.",
     {("PRK", "SUPPORT", "diplomatic", "CHN", "future", False)}),
    # "X, equipped with ...": a description of a thing; "was equipped with ... by Y" stays a transfer
    ("Paris will deploy the aircraft carrier Charles de Gaulle, equipped with 20 fighter jets, to the Red Sea.",
     {("FRA", "MOBILIZE", None, None, "future", False)}),
    ("Serbia was equipped with tanks by Russia.", {("RUS", "AID", "military", "SRB", "asserted", False)}),
    # blaming a state for an outcome is disapproval; accusing it of an act is an allegation
    ("Cairo blamed Addis Ababa for the failure of the dam project.", {("EGY", "ACCUSE", "disapprove", "ETH", "asserted", False)}),
    # what help "depends on" is a condition, not an act
    ("Ankara said its help depends on Baku's requests.", set()),
]


@pytest.mark.parametrize("sentence,expected", CASES)
def test_aid_records(sentence: str, expected: set[tuple]) -> None:
    got = {(e.source, e.event, e.mode, e.target, e.modality, e.negated) for e in code_sentences([sentence], PUBLISHED)[0]}
    assert got == expected


def test_received_from_the_supplier_named_just_before() -> None:
    """'X has received ...' with no 'from Y': the supplier of the aid just coded (AID/military from the supplier)."""
    sents = ["Belarus promised to sell fighter jets to Serbia.", "So far Serbia has only received two training aircraft."]
    got = [{(e.source, e.event, e.mode, e.target, e.negated) for e in evs} for evs in code_sentences(sents, PUBLISHED)]
    assert got[1] == {("BLR", "AID", "military", "SRB", False)}


def test_getting_bogged_down_is_no_receipt() -> None:
    sents = ["Belarus sold tanks to Serbia.", "Serbia does not want to get bogged down in a long military quarrel."]
    assert code_sentences(sents, PUBLISHED)[1] == []
