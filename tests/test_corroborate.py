"""Tests for casus.corroborate.clusters: near-duplicate clusters and independent sources."""

from __future__ import annotations

import json
import random
import time
from pathlib import Path

import pytest

from casus.corroborate.clusters import (
    cluster_sentences,
    clusters_of,
    evidence_weights,
    independent_sources,
    normalise,
    shingles,
)

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
GOLD = SHARED / "gold"

BASE = "Beijing has warned Washington that any attempt to station missiles near the Yalu River would cross a red line."

# The same sentence with small edits across three sources.
EDITED = [
    ("a", "site-a.com", BASE),
    ("b", "site-b.net", "Beijing has warned Washington that any attempt to station missiles near the Yalu river would cross a red line, officials said."),
    ("c", "site-c.org", "“Beijing has warned Washington that any attempt to station missiles near the Yalu River would cross a ‘red line’.”"),
]

DIFFERENT = [
    ("d", "site-a.com", "Russia keeps a military base in Gyumri under a treaty that runs until 2044."),
    ("e", "site-b.net", "The Taiwan Relations Act requires the United States to provide defensive arms."),
    ("f", "site-c.org", "Armenia froze its participation in the Collective Security Treaty Organization."),
]


def test_small_edits_form_one_cluster() -> None:
    ids = cluster_sentences(EDITED + DIFFERENT)
    assert ids["a"] == ids["b"] == ids["c"]
    assert len({ids[k] for k in "adef"}) == 4


def test_one_independent_two_copies() -> None:
    clusters = clusters_of(EDITED + DIFFERENT)
    big = next(c for c in clusters if "a" in c.keys)
    assert (big.n_independent, big.n_copies, big.n_sources) == (1, 2, 3)
    assert independent_sources(big.sources) == (1, 2)
    assert sum(c.n_independent for c in clusters) == 4  # 4 independent pieces of evidence, not 6


@pytest.mark.parametrize(("members", "expected"), [([], (0, 0)), (["x"], (1, 0)), (["x", "y", "z"], (1, 2)), (["x", "x"], (1, 1))])
def test_independent_sources(members: list[str], expected: tuple[int, int]) -> None:
    assert independent_sources(members) == expected


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        (BASE, BASE.upper(), True),  # exact after normalisation
        ("**Russia condemned the strikes.**", "Russia condemned the strikes", True),
        (BASE, BASE.replace("Beijing has warned", "China warned"), True),  # one edit
        (BASE, "Furthermore, " + BASE[0].lower() + BASE[1:], True),
        (BASE + " It said so on Monday.", "According to state media, " + BASE, True),  # quoted inside a longer one
        ("Russia condemned the strikes.", "China condemned the strikes.", False),  # short: exact only
        (BASE, "Washington has warned Beijing that stationing troops in Taiwan would cross a red line.", False),
        (
            "China financed the Gwadar deep-sea port that opened to shipping in 2016, showing a long-term bet on regional trade.",
            "China financed the Gwadar deep-sea port that opened to shipping in 2016, showing a lasting stake in Pakistan's coastal economy.",
            True,  # copied with a new tail: a 12-word verbatim run
        ),
    ],
)
def test_pairs(a: str, b: str, same: bool) -> None:
    ids = cluster_sentences([(1, "s1", a), (2, "s2", b)])
    assert (ids[1] == ids[2]) is same


def test_ids_are_dense_and_in_order() -> None:
    ids = cluster_sentences(DIFFERENT + EDITED)
    assert [ids[k] for k in "defabc"] == [0, 1, 2, 3, 3, 3]


def test_deterministic_and_order_independent_grouping() -> None:
    items = EDITED + DIFFERENT
    first = cluster_sentences(items)
    assert cluster_sentences(items) == first
    shuffled = items[:]
    random.Random(0).shuffle(shuffled)
    other = cluster_sentences(shuffled)
    groups = lambda ids: sorted(sorted(k for k in ids if ids[k] == c) for c in set(ids.values()))  # noqa: E731
    assert groups(other) == groups(first)


def test_evidence_weights_sum_to_one_per_cluster() -> None:
    w = evidence_weights(cluster_sentences(EDITED + DIFFERENT))
    assert w["a"] == pytest.approx(1 / 3) and w["d"] == 1.0
    assert sum(w.values()) == pytest.approx(4.0)


def test_normalise_and_shingles() -> None:
    assert normalise("“Russia’s  **pact**” — signed!") == "russia's pact signed"
    assert shingles("a b c") == frozenset({"a b", "b c"})
    assert shingles("a") == frozenset({"a"})


def test_fast_on_thousands() -> None:
    rng = random.Random(1)
    words = [f"w{i}" for i in range(400)]
    items = [(i, f"s{i % 7}", " ".join(rng.choice(words) for _ in range(25))) for i in range(3000)]
    items += [(10_000 + i, "copy", items[i][2] + " indeed") for i in range(0, 3000, 10)]
    start = time.perf_counter()
    ids = cluster_sentences(items)
    assert time.perf_counter() - start < 20
    assert all(ids[10_000 + i] == ids[i] for i in range(0, 3000, 10))


# --- seeds: sentences copied across the five seed documents --------------------------


def _seed_sentences() -> list[tuple[tuple[str, str], str, str]]:
    if not (GOLD / "seeds.claims.jsonl").exists():
        pytest.skip(f"seed gold not found in {GOLD} (needs the shared/ folder beside the repository)")
    seen: dict[tuple[str, str], None] = {}
    for name in ("seeds.claims.jsonl", "seeds.events.jsonl"):
        with (GOLD / name).open(encoding="utf-8") as f:
            for line in f:
                r = json.loads(line)
                seen.setdefault((r["doc"], r["sentence"]), None)
    return [(key, key[0], key[1]) for key in seen]


def test_seed_near_duplicates_across_documents() -> None:
    """The annotated seed sentences (claims + events, 264 distinct): 4 clusters span > 1 document.

    They are the "economic and strategic partners" sentence (000, 001), the
    "warned of a catastrophe" sentence (000, 001, 004), "Russia declined to give
    Iran the support" (000, 001) and the Bushehr sentence (000, 004).
    """
    items = _seed_sentences()
    clusters = clusters_of(items)
    multi = [c for c in clusters if c.n_sources > 1]
    texts = [" ".join(k[1] for k in c.keys) for c in multi]
    assert len(multi) == 4
    assert sorted(c.n_sources for c in multi) == [2, 2, 2, 3]
    for phrase in ("economic and strategic partners", "warned of a catastrophe", "declined to give Iran", "Bushehr"):
        assert any(phrase in t for t in texts), phrase
    # evidence counts each once: 7 copies in the clusters above and within documents
    assert sum(c.n_copies for c in clusters) == len(items) - len(clusters)
