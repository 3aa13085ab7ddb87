"""Joint press appearances and welcomes on arrival (2026-12-02, fresh training text), on
sentences written for this test, none from an article.

Each row: a document (its last sentence is checked, the others are its context) and the exact key set it must give.
"""

from __future__ import annotations

import pytest

from .coding import last_keys

CASES = [
    # a joint news conference with, or remarks to reporters alongside, a named leader: both sides meet
    (["The Vietnamese president said at a joint press conference with US President Barack Obama that ties were normal."],
     {("USA", "CONSULT", "VNM", False), ("VNM", "CONSULT", "USA", False)}),
    (["Macron told reporters alongside Zelenskyy that the war must end."],
     {("FRA", "CONSULT", "UKR", False), ("UKR", "CONSULT", "FRA", False)}),
    # ... with no one named beside the speaker, no meeting
    (["The minister told a joint news conference that the plan was ready."], set()),
    # a leader greeted or received on arrival by another state's official meets it
    (["Mr Putin was greeted by Indian foreign minister Sushma Swaraj at the airport."],
     {("IND", "CONSULT", "RUS", False), ("RUS", "CONSULT", "IND", False)}),
    (["The Indian army chief was received at the airport by the Nepali army chief."],
     {("IND", "CONSULT", "NPL", False), ("NPL", "CONSULT", "IND", False)}),
]


@pytest.mark.parametrize("doc,expected", CASES)
def test_appearance(doc: list[str], expected: set[tuple[str, str, str | None, bool]]) -> None:
    assert last_keys(doc, "2024-05-01") == expected
