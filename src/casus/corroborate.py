"""Near-duplicate sentence clusters, and independent sources versus copies.

Web articles copy each other: the same sentence, give or take a word, turns up
on several sites. Evidence must count the sentence once. `cluster_sentences`
groups near-duplicates: identical text after normalisation at once (fast path),
the rest by MinHash LSH over word shingles (datasketch) to find candidates,
each candidate pair then checked by exact Jaccard similarity, clusters closed
transitively. Everything is seeded and ordered, so the same input gives the same
cluster ids.

Example:
    >>> items = [(1, "a.com", "Russia condemned the strikes on Iran as illegal."),
    ...          (2, "b.com", "Russia condemned the strikes on Iran as illegal and unprovoked."),
    ...          (3, "c.com", "China sold missiles to Pakistan.")]
    >>> c = cluster_sentences(items)
    >>> c[1] == c[2] != c[3]
    True
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from functools import lru_cache


K = TypeVar("K", bound=Hashable)

NUM_PERM = 128  # MinHash permutations
# Up to this many distinct sentences every pair is compared exactly (about 1 µs a pair);
# above it MinHash LSH proposes candidates, which are then checked the same way.
ALL_PAIRS_MAX = 300
SEED = 1  # fixed: clusters must not change between runs
SHINGLE = 2  # word n-grams; bigrams keep one edited word from costing more than two shingles
MIN_SHINGLES = 4  # shorter sentences join a cluster only by exact (normalised) match
CANDIDATE_THRESHOLD = 0.5  # LSH recall threshold; every candidate is verified exactly
CONTAINMENT = 0.9  # a sentence quoted inside a longer one: share of the shorter's shingles
MIN_CONTAINED_SHINGLES = 8  # ... only when the shorter one is long enough to be distinctive
COMMON_RUN = 12  # sharing this many consecutive words is copying (a copied sentence with a new tail)

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " "})
_NON_WORD = re.compile(r"[^\w']+")


def normalise(text: str) -> str:
    """Lower-case words only: quotes, markdown, punctuation and spacing do not count."""
    words = _NON_WORD.sub(" ", text.translate(_QUOTES).lower()).split()
    return " ".join(w.strip("'") for w in words if w.strip("'"))


def shingles(norm: str, n: int = SHINGLE) -> frozenset[str]:
    """Word n-grams of a normalised sentence (the whole sentence when shorter)."""
    words = norm.split()
    if len(words) <= n:
        return frozenset([norm]) if norm else frozenset()
    return frozenset(" ".join(words[i : i + n]) for i in range(len(words) - n + 1))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 1.0


def containment(a: frozenset[str], b: frozenset[str]) -> float:
    """Share of the smaller set found in the larger."""
    small = min(len(a), len(b))
    return len(a & b) / small if small else 0.0


@lru_cache(maxsize=1)
def _template() -> Any:
    """One MinHash whose permutations every sentence shares (computing them is most of the cost)."""
    from datasketch import MinHash  # datasketch imports scipy: load it only when hashing

    return MinHash(num_perm=NUM_PERM, seed=SEED)


def _minhash(sh: frozenset[str]) -> Any:
    from datasketch import MinHash

    t = _template()
    m = MinHash(num_perm=NUM_PERM, seed=SEED, permutations=t.permutations, scheme=t.scheme)
    m.update_batch([s.encode("utf-8") for s in sorted(sh)])
    return m


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a != b:
            self.parent[max(a, b)] = min(a, b)  # the earliest item names the cluster


def _similar(a: frozenset[str], b: frozenset[str], threshold: float) -> bool:
    """Jaccard >= threshold, or the smaller set (long enough) contained in the larger: one intersection for both."""
    la, lb = len(a), len(b)
    small = min(la, lb)
    if small < MIN_CONTAINED_SHINGLES and small < threshold * max(la, lb):
        return False  # too short to be contained, too unequal in size to reach the Jaccard threshold
    inter = len(a & b) if la <= lb else len(b & a)
    if inter >= threshold * (la + lb - inter):
        return True
    return small >= MIN_CONTAINED_SHINGLES and inter >= CONTAINMENT * small


def cluster_sentences(items: Iterable[tuple[K, str, str]], threshold: float = 0.7) -> dict[K, int]:
    """Cluster id per key: near-duplicate sentences (word-bigram Jaccard >= threshold) share one.

    `items` are (key, source_id, sentence). Ids are 0, 1, 2, ... in order of each
    cluster's first item. Identical normalised texts always share a cluster; so do
    sentences sharing a verbatim run of 12 words, and a sentence quoted whole
    inside a longer one (containment >= 0.9).
    """
    rows = list(items)
    norms = [normalise(text) for _, _, text in rows]
    uf = _UnionFind(len(rows))

    first_of: dict[str, int] = {}  # exact fast path
    for i, norm in enumerate(norms):
        if norm in first_of:
            uf.union(first_of[norm], i)
        else:
            first_of[norm] = i

    reps = sorted(first_of.values())  # one representative per distinct text
    run_owner: dict[str, int] = {}  # verbatim runs of COMMON_RUN words
    for i in reps:
        words = norms[i].split()
        for k in range(len(words) - COMMON_RUN + 1):
            run = " ".join(words[k : k + COMMON_RUN])
            if run in run_owner:
                uf.union(run_owner[run], i)
            else:
                run_owner[run] = i
    sh = {i: shingles(norms[i]) for i in reps}
    fuzzy = [i for i in reps if len(sh[i]) >= MIN_SHINGLES]
    if 1 < len(fuzzy) <= ALL_PAIRS_MAX:  # few sentences: compare every pair exactly, no hashing
        for n, i in enumerate(fuzzy):
            for j in fuzzy[:n]:
                if _similar(sh[i], sh[j], threshold):
                    uf.union(j, i)
    elif len(fuzzy) > ALL_PAIRS_MAX:
        from datasketch import MinHashLSH  # imports scipy: only when LSH is worth it

        lsh = MinHashLSH(threshold=min(threshold, CANDIDATE_THRESHOLD), num_perm=NUM_PERM)
        hashes = {i: _minhash(sh[i]) for i in fuzzy}
        for i in fuzzy:
            for j in sorted(lsh.query(hashes[i])):
                if _similar(sh[i], sh[j], threshold):
                    uf.union(j, i)
            lsh.insert(i, hashes[i])

    ids: dict[int, int] = {}
    return {key: ids.setdefault(uf.find(i), len(ids)) for i, (key, _, _) in enumerate(rows)}


# --- counting sources -------------------------------------------------------------


def independent_sources(cluster_members: Iterable[str]) -> tuple[int, int]:
    """(independent, copies) for one cluster, given its members' source ids.

    A cluster is one piece of text, so it is one independent source however many
    sites carry it; every further occurrence (another site, or the same site
    again) is a copy. A cluster seen in 3 documents: (1, 2).
    """
    n = sum(1 for _ in cluster_members)
    return (1, n - 1) if n else (0, 0)


@dataclass(frozen=True, slots=True)
class Cluster:
    """One cluster: its members (keys, in input order), their sources, and the counts."""

    id: int
    keys: tuple[Hashable, ...]
    sources: tuple[str, ...]

    @property
    def n_sources(self) -> int:
        """Distinct sources carrying the sentence."""
        return len(set(self.sources))

    @property
    def n_independent(self) -> int:
        return independent_sources(self.sources)[0]

    @property
    def n_copies(self) -> int:
        return independent_sources(self.sources)[1]


def clusters_of(items: Iterable[tuple[K, str, str]], threshold: float = 0.7) -> list[Cluster]:
    """Cluster records, ordered by id, for items (key, source_id, sentence)."""
    rows = list(items)
    ids = cluster_sentences(rows, threshold)
    keys: dict[int, list[Hashable]] = defaultdict(list)
    sources: dict[int, list[str]] = defaultdict(list)
    for key, source, _ in rows:
        keys[ids[key]].append(key)
        sources[ids[key]].append(source)
    return [Cluster(cid, tuple(keys[cid]), tuple(sources[cid])) for cid in sorted(keys)]


def evidence_weights(clusters: Mapping[K, int]) -> dict[K, float]:
    """Weight per key so that each cluster sums to 1: copies share one vote."""
    size: dict[int, int] = defaultdict(int)
    for cid in clusters.values():
        size[cid] += 1
    return {key: 1.0 / size[cid] for key, cid in clusters.items()}
