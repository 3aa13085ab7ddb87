"""A region named as its state (Crimea, Ukrainian under international law): annexing or seizing it is an attack on that
state; acts merely done there (a visit, a deployment) are no acts on it (fresh training blind6-08, blind15-04,
blind17-02)."""

from __future__ import annotations

import pytest

from tests.coding import Key, last_keys

CASES: list[tuple[list[str], set[Key]]] = [
    # annexing a state's region (the verb) is an attack on the state
    (["NATO sent troops to Poland after Moscow annexed Crimea."], {("RUS", "ASSAULT", "UKR", False),
                                                                    ("NATO", "AID", "POL", False)}),
    # (the noun "annexation" is no trigger: a recogniser was read as the annexer, see events.yaml)
    (["Warsaw still recalls Russia's annexation of Crimea in 2014."], set()),
    (["Russia seized Crimea in 2014."], {("RUS", "ASSAULT", "UKR", False)}),
    # annexing with no state named is nothing; a visit or a deployment there is no act on the state
    (["Russia annexed the town."], set()),
    (["The Russian president visited Crimea on Friday."], set()),
    (["Moscow sent tanks to Ukraine and engineers to Crimea."], {("RUS", "AID", "UKR", False)}),
]


@pytest.mark.parametrize("doc,expected", CASES, ids=[c[0][-1] for c in CASES])
def test_regions(doc: list[str], expected: set[Key]) -> None:
    """Each sentence codes exactly the records listed."""
    assert last_keys(doc, "2019-05-01") == expected
