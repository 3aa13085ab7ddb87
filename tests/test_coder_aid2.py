"""The coder on help and words about it, second pass (AID, SUPPORT, ACCUSE, THREATEN, REQUEST): sentences written
for this test, none from an article.

Each row: a sentence, coded alone, and the (source, event, mode, target, modality, negated) records it must give,
exactly. Each rule was kept only if the dev set as a whole improved and neither batch dropped.
"""

from __future__ import annotations

import pytest

from casus.events.coder import code_sentences

from .coding import keys

PUBLISHED = "2025-11-01"

CASES = [
    # having avoided an act is its refusal (a negated AID); "to avoid" a thing is still a purpose, no event of its own
    ("Beijing has avoided supplying military aid to Moscow.", {("CHN", "AID", "military", "RUS", "asserted", True)}),
    ("Beijing sent jets to Moscow to avoid a defeat.", {("CHN", "AID", "military", "RUS", "asserted", False)}),
    # a verdict after a saying or calling verb: disregard for international law, destabilizing, unacceptable
    ("Chile called Peru's incursion unacceptable.",
     {("PER", "ASSAULT", "ground", "CHL", "asserted", False), ("CHL", "ACCUSE", "disapprove", "PER", "asserted", False)}),
    ('"Peru\'s actions are destabilizing to the region," the Chilean minister said.',
     {("CHL", "ACCUSE", "disapprove", "PER", "asserted", False)}),
    # an AID verb whose object is the actor itself or its own people is self-defence, no aid
    ("Peru has the right to defend itself.", set()),
    ('"We will take every step to defend our people," the Chilean minister said.', set()),
    ("Chile will defend Peru.", {("CHL", "AID", "intervention", "PER", "future", False)}),
    # support for a state's war is military aid; declined, a negated AID
    ("Chile declined to offer support for Peru's war in Bolivia.", {("CHL", "AID", "military", "PER", "asserted", True)}),
    ("Chile gave support to Peru's war in Bolivia.", {("CHL", "AID", "military", "PER", "asserted", False)}),
    # "if necessary" hedges a readiness, it opens no scenario: the pledge of defence stands
    ("Chile will, if necessary, defend Peru.", {("CHL", "AID", "intervention", "PER", "future", False)}),
    # forces or arms sent in the passive, told by a state's leader with no one else named: that state sends them
    ("Chilean President Gabriel Boric replied that the Iskander missiles will be deployed in Peru.",
     {("CHL", "AID", "military", "PER", "future", False)}),
    ("Chilean President Gabriel Boric said Peruvian drones were delivered to Bolivia.", {("PER", "AID", "military", "BOL", "reported", False)}),
    # a verdict's author after "from" too ("provocations from X")
    ('"We face provocations from Peru," the Chilean president said.',
     {("CHL", "ACCUSE", "disapprove", "PER", "asserted", False)}),
    # (aid2-vocab) verbs of criticism, praise, rallying and pleading; "hit out at" is words, no attack
    ("Chile hit out at Peru.", {("CHL", "ACCUSE", "disapprove", "PER", "asserted", False)}),
    ("Chile lambasted Peru.", {("CHL", "ACCUSE", "disapprove", "PER", "asserted", False)}),
    ("Chile hailed Peru for its courage.", {("CHL", "SUPPORT", "rhetorical", "PER", "asserted", False)}),
    ("Chile rallied behind Peru.", {("CHL", "SUPPORT", "diplomatic", "PER", "asserted", False)}),
    ("Chile pleaded with Peru to stop.", {("CHL", "REQUEST", None, "PER", "asserted", False)}),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES)
def test_aid2_records(sentence: str, expected: set[tuple]) -> None:
    got = {(e.source, e.event, e.mode, e.target, e.modality, e.negated) for e in code_sentences([sentence], PUBLISHED)[0]}
    assert got == expected


def test_its_ally_is_one_of_the_pair_before_a_state_named_in_passing() -> None:
    """'its ally' after an attack on a third state: the ally is the pair's other state, not the one attacked."""
    sents = ["Chile and Peru signed a defence pact.",
             "Despite its pact with Peru and the invasion of Bolivia, Chile has avoided sending military aid to its ally."]
    got = keys(code_sentences(sents, PUBLISHED)[1])
    assert ("CHL", "AID", "PER", True) in got
