"""Near-duplicate sentence clusters, and independent sources versus copies.

Web articles copy each other: the same sentence, give or take a word, turns up
on several sites. Evidence must count the sentence once. `cluster_sentences`
groups near-duplicates: identical text after normalisation at once (fast path),
the rest by exact Jaccard similarity of word shingles, pair by pair for a few
sentences and, for more, on the candidate pairs that prefix filtering proposes
(exact: it misses no pair that reaches the threshold), clusters closed
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

import math
from collections import defaultdict
from collections.abc import Hashable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, TypeVar

from casus.text.nearcopy import (
    COMMON_RUN,
    CONTAINMENT,
    MIN_CONTAINED_SHINGLES,
    MIN_SHINGLES,
    SHINGLE,
    containment,
    jaccard,
    near_copies,
    normalise,
    shingles,
    signature,
)
from casus.text.nearcopy import similar as _similar

__all__ = ["COMMON_RUN", "CONTAINMENT", "MIN_CONTAINED_SHINGLES", "MIN_SHINGLES", "SHINGLE", "Cluster",
           "cluster_sentences", "clusters_of", "containment", "evidence_weights", "group_labels",
           "independent_sources", "jaccard", "near_copies", "normalise", "same_partition", "shingles"]

K = TypeVar("K", bound=Hashable)

NUM_PERM = 128  # MinHash permutations (method="lsh", benchmarks only)
# Up to this many distinct sentences every pair is compared; above it prefix filtering proposes the
# candidates. Measured (benchmarks/corroborate_sizes.py, benchmarks/README.md "Near-duplicates"): at 100
# sentences the two take the same 0.01-0.02 s; at 300, all pairs 0.07-0.19 s, prefix 0.03-0.08 s; at 3,000,
# 9-29 s against 0.4-0.8 s, with the same clusters. datasketch's MinHash LSH (dropped with scipy, 143 MB)
# took 0.1-0.2 s at 300 and 1.4-3.2 s at 3,000, and is approximate.
ALL_PAIRS_MAX = 100
SEED = 1  # fixed: clusters must not change between runs
CANDIDATE_THRESHOLD = 0.5  # LSH recall threshold; every candidate is verified exactly


@lru_cache(maxsize=1)
def _template() -> Any:
    """One MinHash whose permutations every sentence shares (computing them is most of the cost)."""
    from datasketch import (
        MinHash,  # datasketch imports scipy: load it only when hashing
    )

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


def candidate_pairs(sh: Mapping[int, frozenset[str]], keys: list[int], threshold: float,
                    method: str = "auto") -> Iterable[tuple[int, int]]:
    """Pairs (later, earlier) that may be similar; every pair `_similar` accepts is among them.

    `all`: every pair (up to ALL_PAIRS_MAX sentences, and for "auto" below it);
    `prefix`: exact prefix filtering (`_prefix_pairs`), no pair `_similar` would
    accept is missed; `lsh`: datasketch MinHash LSH (approximate; kept for the
    comparison in benchmarks/corroborate_sizes.py, needs datasketch).
    """
    if method == "auto":
        method = "all" if len(keys) <= ALL_PAIRS_MAX else "prefix"
    if method == "all":
        return ((i, j) for n, i in enumerate(keys) for j in keys[:n])
    if method == "lsh":
        return _lsh_pairs(sh, keys, threshold)
    return _prefix_pairs(sh, keys, threshold)


def _prefix(ordered: list[str], share: float) -> list[str]:
    """The first |x| - ceil(share |x|) + 1 shingles: a set sharing `share` of x's shingles meets them."""
    n = len(ordered)
    return ordered[: n - math.ceil(share * n - 1e-9) + 1]


def _prefix_pairs(sh: Mapping[int, frozenset[str]], keys: list[int], threshold: float) -> Iterator[tuple[int, int]]:
    """Exact candidates for both tests of `_similar`, by prefix filtering (shingles ordered rarest first).

    Jaccard >= t: the two share at least ceil(t max(|x|, |y|)) shingles, so the
    prefixes of both (at that share) meet, and |y| lies within [t |x|, |x| / t].
    Containment >= c of the smaller s: s's prefix at share c meets the larger set.
    Yields (k, other) per k in order, each pair at least once.
    """
    freq: dict[str, int] = defaultdict(int)
    for k in keys:
        for s in sh[k]:
            freq[s] += 1
    ordered = {k: sorted(sh[k], key=lambda s: (freq[s], s)) for k in keys}
    contained_index: dict[str, list[int]] = defaultdict(list)
    for k in keys:  # containment: the smaller one's prefix, probed with every shingle of the larger
        if len(sh[k]) >= MIN_CONTAINED_SHINGLES:
            for s in _prefix(ordered[k], CONTAINMENT):
                contained_index[s].append(k)
    jaccard_index: dict[str, list[int]] = defaultdict(list)
    for k in keys:
        size = len(sh[k])
        found: set[int] = set()
        pre = _prefix(ordered[k], threshold)
        for s in pre:  # Jaccard: prefix against the earlier prefixes, sizes within the length filter
            for other in jaccard_index.get(s, ()):
                if threshold * size <= len(sh[other]) <= size / threshold:
                    found.add(other)
        if size >= MIN_CONTAINED_SHINGLES:
            for s in sh[k]:
                for small in contained_index.get(s, ()):
                    if small != k and len(sh[small]) <= size:
                        found.add(small)
        for s in pre:
            jaccard_index[s].append(k)
        for other in sorted(found):
            yield k, other


def _lsh_pairs(sh: Mapping[int, frozenset[str]], keys: list[int], threshold: float) -> list[tuple[int, int]]:
    from datasketch import MinHashLSH  # optional: benchmarks only

    lsh = MinHashLSH(threshold=min(threshold, CANDIDATE_THRESHOLD), num_perm=NUM_PERM)
    hashes = {i: _minhash(sh[i]) for i in keys}
    pairs: list[tuple[int, int]] = []
    for i in keys:
        pairs.extend((i, j) for j in sorted(lsh.query(hashes[i])))
        lsh.insert(i, hashes[i])
    return pairs


def cluster_sentences(items: Iterable[tuple[K, str, str]], threshold: float = 0.7,
                      method: str = "auto") -> dict[K, int]:
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
    for i, j in candidate_pairs(sh, fuzzy, threshold, method):
        if uf.find(i) != uf.find(j) and _similar(sh[i], sh[j], threshold):  # already one cluster: nothing to learn
            uf.union(j, i)

    ids: dict[int, int] = {}
    return {key: ids.setdefault(uf.find(i), len(ids)) for i, (key, _, _) in enumerate(rows)}


def same_partition(a: Mapping[Any, Hashable], b: Mapping[Any, Hashable]) -> bool:
    """Whether two cluster labellings of the same keys group them alike (the ids may differ)."""
    if a.keys() != b.keys():
        return False
    fwd: dict[Hashable, Hashable] = {}
    back: dict[Hashable, Hashable] = {}
    return all(fwd.setdefault(a[k], b[k]) == b[k] and back.setdefault(b[k], a[k]) == a[k] for k in a)


def group_labels(items: Iterable[tuple[K, str, str, int | None]], threshold: float = 0.7) -> dict[K, Hashable]:
    """Cluster label per key for items (key, source, sentence, stored cluster id or None).

    Items that carry a stored cluster (the store's `clusters` table, filled as
    documents are written) keep it: nothing is re-clustered. Items without one
    (the shipped ledger's rows, a stand-in store's) are clustered among
    themselves with `cluster_sentences` and joined to a stored cluster when the
    pair rule links them to one of its items here, so the labels group items as
    `cluster_sentences` on all of them would, with stored clusters closed over
    the whole store rather than over this list.
    """
    rows = list(items)
    stored = [(k, text, c) for k, _, text, c in rows if c is not None]
    loose = [(k, src, text) for k, src, text, c in rows if c is None]
    labels: dict[K, Hashable] = {k: ("stored", c) for k, _, c in stored}
    if not loose:
        return labels
    computed = cluster_sentences(loose, threshold)
    parent: dict[Hashable, Hashable] = {}

    def find(x: Hashable) -> Hashable:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    sigs = [(c, signature(text)) for _, text, c in stored]
    for key, _, text in loose:
        a = find(("computed", computed[key]))
        sig = signature(text)
        for c, other in sigs:
            b = find(("stored", c))
            if a != b and near_copies(sig, other, threshold):
                parent[b] = a  # a stored cluster joins: keep the computed label's root
    labels.update({k: ("computed", computed[k]) for k, _, _ in loose})
    return {k: find(v) for k, v in labels.items()}


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
