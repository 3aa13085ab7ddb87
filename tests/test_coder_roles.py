"""Who is source and who is target when a sentence names several actors: sentences written for this test.

Each row: a short passage (coded as one document, in order), and the (source, event, target, negated) tuples
its LAST sentence must give, exactly.
"""

from __future__ import annotations

import pytest

from casus.events.coder import code_sentences

PUBLISHED = "2025-11-01"

CASES = [
    # "called on the sides": the sides are the two others of the passage, never the one who calls on them
    (["Azerbaijani troops shelled Armenian villages on Tuesday.",
      "Moscow called on the sides to return to talks."],
     {("RUS", "REQUEST", "AZE", False), ("RUS", "REQUEST", "ARM", False)}),
]


@pytest.mark.parametrize(("passage", "expected"), CASES, ids=[c[0][-1][:40] for c in CASES])
def test_roles(passage: list[str], expected: set[tuple[str, str, str | None, bool]]) -> None:
    got = {(e.source, e.event, e.target, e.negated) for e in code_sentences(passage, PUBLISHED)[-1]}
    assert got == expected
