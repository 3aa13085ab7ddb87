"""The CSTO named by its usual description, "the Russia-led security bloc" (2026-12-02, fresh training text), on
sentences written for this test, none from an article."""

from __future__ import annotations

import pytest

from .coding import last_keys

CASES = [
    (["Armenia has appealed to a Russia-led security bloc for support."], {("ARM", "REQUEST", "CSTO", False)}),
    (["Kyrgyzstan asks Russian-led alliance for military help"], {("KGZ", "REQUEST", "CSTO", False)}),
    # the Russia-led economic union is no security bloc: no actor, no event
    (["Armenia is a member of the Russia-led Eurasian Economic Union."], set()),
]


@pytest.mark.parametrize("doc,expected", CASES)
def test_bloc_description(doc: list[str], expected: set[tuple[str, str, str | None, bool]]) -> None:
    assert last_keys(doc, "2024-05-01") == expected
