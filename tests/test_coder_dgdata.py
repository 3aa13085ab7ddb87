"""Trigger rows added for the D-G dev batch (helper dgdata): sentences written for this test, none from an article.

Each row: sentences coded as one document, and the (source, event, target, negated) tuples the last one must give,
exactly. Each row was kept only if the dev set as a whole improved and the first batch did not drop.
"""

from __future__ import annotations

import pytest

from casus.events.coder import code_sentences

from .coding import keys

PUBLISHED = "2025-11-01"

CASES: list[tuple[list[str], set[tuple[str, str, str | None, bool]]]] = [
    # artillery, gunfire or shelling traded both ways: one attack per direction
    (["Chile and Peru exchanged heavy artillery on Monday."],
     {("CHL", "ASSAULT", "PER", False), ("PER", "ASSAULT", "CHL", False)}),
    (["Chile and Peru exchanged gunfire near the border."],
     {("CHL", "ASSAULT", "PER", False), ("PER", "ASSAULT", "CHL", False)}),
    # an airspace violation named as a noun: the violator coerces the airspace's owner
    (["Lima protested Bolivia's violation of Peruvian airspace."],
     {("PER", "ACCUSE", "BOL", False), ("BOL", "COERCE", "PER", False)}),
    (["The violation by Chilean jets of Peru's airspace alarmed the region."], {("CHL", "COERCE", "PER", False)}),
    (["The strike was a violation of international law."], set()),
    # strengthening another state's military is military aid; one's own is not
    (["Moscow is bolstering Bolivia's military with tanks."], {("RUS", "AID", "BOL", False)}),
    (["Chile is boosting its military."], set()),
    # diplomatic formulas of protest named as nouns: aimed at a state only when one is named
    (["Quito expressed strong dissatisfaction and resolute opposition to Lima's remarks."],
     {("ECU", "ACCUSE", "PER", False)}),
    (["Chile lodged a strong protest with Peru."], {("CHL", "ACCUSE", "PER", False)}),
    (["Chile made stern representations to Peru over the remarks."], {("CHL", "ACCUSE", "PER", False)}),
    # surrendering is RETREAT, before whoever it yields to; "surrender" with no agent next to it is no event
    (["The Houthis surrendered to the US."], {("HOUTHIS", "RETREAT", "USA", False)}),
    (["Quito does not accept talks that lead to surrender."], set()),
    # envoys, ambassadors and deputies named by surname (leaders.yaml)
    (["Touadera thanked Rwanda for its troops."], {("CAF", "SUPPORT", "RWA", False)}),
    (["Kanasugi criticised Beijing over the post."], {("JPN", "ACCUSE", "CHN", False)}),
    (["Sun Weidong criticised Tokyo."], {("CHN", "ACCUSE", "JPN", False)}),
    # wanting to buy arms from a state asks it for them
    (["Bolivia expressed interest in buying French jets."], {("BOL", "REQUEST", "FRA", False)}),
]


@pytest.mark.parametrize(("sentences", "expected"), CASES)
def test_exact_records(sentences: list[str], expected: set[tuple[str, str, str | None, bool]]) -> None:
    """The last sentence gives exactly the expected records."""
    coded = code_sentences(sentences, PUBLISHED)
    got = keys(coded[-1])
    assert got == expected
