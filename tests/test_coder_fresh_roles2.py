"""Roles and precision on unseen text (fresh training sets): sentences written for this test.

Each row: a short passage (coded as one document, in order) and the exact (source, event, target, negated) set its
LAST sentence must give.
"""

from __future__ import annotations

import pytest

from .coding import last_keys

PUBLISHED = "2025-11-01"

CASES = [
    # "defence" before another noun names a kind of thing ("defence installations", "defence cooperation pact"):
    # no pledge to defend the possessor
    (["Turkey bombed Syria's aerial defence installations near the border."], {("TUR", "ASSAULT", "SYR", False)}),
    (["Niger said it would scrap its defense cooperation pact with Germany."], set()),
    # near miss: the possessor's defence itself, before a preposition or a comma, is still pledged
    (["France pledged to come to Estonia's defence in any war."], {("FRA", "AID", "EST", False)}),
]


@pytest.mark.parametrize("doc,want", CASES)
def test_fresh_roles(doc: list[str], want: set) -> None:
    assert last_keys(doc, PUBLISHED) == want
