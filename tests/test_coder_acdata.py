"""The coder on data rows added for the A-C batch (helper acdata): verdicts that blame an act's agent, and "the
ministry" naming the state whose ministry was just named. Sentences written for this test, none from an article.

Each row: sentences coded together, and the (source, event, mode, target, modality, negated) records the last one
must give, exactly. Each rule was kept only if the dev set as a whole improved and neither batch dropped.
"""

from __future__ import annotations

import pytest

from casus.events.coder import code_sentences

PUBLISHED = "2025-11-01"

CASES = [
    # saying that another's acts thrust a region into the abyss blames it (ACCUSE/disapprove); the strikes are reported
    (["Peru says Chile's strikes have thrust the region into the abyss."],
     {("CHL", "ASSAULT", "aerial", "PER", "reported", False), ("PER", "ACCUSE", "disapprove", "CHL", "asserted", False)}),
    # calling another's conduct destabilising, or an escalation, is disapproval of it
    (["Peru said Chile's conduct was destabilizing."], {("PER", "ACCUSE", "disapprove", "CHL", "asserted", False)}),
    (["Peru said the Chilean shelling was a dangerous escalation."],
     {("CHL", "ASSAULT", "aerial", "PER", "reported", False), ("PER", "ACCUSE", "disapprove", "CHL", "asserted", False)}),
    # "the ministry" is the state whose ministry was named last, not the state named in between
    (["Chile's foreign ministry condemned the Peruvian strike on Bolivia.", "The ministry's statement praised Ecuador."],
     {("CHL", "SUPPORT", "rhetorical", "ECU", "asserted", False)}),
]


@pytest.mark.parametrize(("sentences", "expected"), CASES)
def test_acdata_records(sentences: list[str], expected: set[tuple]) -> None:
    got = {(e.source, e.event, e.mode, e.target, e.modality, e.negated)
           for e in code_sentences(sentences, PUBLISHED)[-1]}
    assert got == expected
