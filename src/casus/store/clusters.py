"""Near-copy clusters kept in the store: each coded sentence gets its cluster as its document is written.

Corroboration as a stored stage. Every sentence that carries an event or a
claim gets a row in `clusters` inside its document's transaction, and the
partition is the one `casus.corroborate.clusters.cluster_sentences` gives on all
of them at once: the connected components of the pair rule
(`casus.text.nearcopy.near_copies`), kept up to date one sentence at a time.
A cluster's id is the `sid` of its first sentence; when a new sentence links
clusters, the later ones are renamed into the earliest.

How a new sentence x finds the clusters it links to without comparing it to
everything stored:

- exact copies: one owner per normal form (`cluster_keys`, kind TEXT); a copy
  joins the owner's cluster and indexes nothing (most copies across sites);
- 12-word runs: one owner per run (kind RUN); every sentence holding a run is
  already in its owner's cluster, so one owner is enough;
- Jaccard on word bigrams, by prefix filtering (Bayardo et al., "Scaling up all
  pairs similarity search", 2007): under one total order of bigrams, two sets
  with Jaccard >= t share a bigram among their first |x| - ceil(t |x|) + 1;
- containment (a sentence of 8+ bigrams quoted inside a longer one): the
  smaller set's first |s| - ceil(0.9 |s|) + MATCHES bigrams meet the larger set
  MATCHES times. x smaller: x's such prefix probes every bigram of larger
  stored sets; x larger: all of x's bigrams probe the stored sets' such prefixes.

The prefixes are one longer than the classic ones and a candidate must share
MATCHES (2) bigrams in them (Wang, Li and Feng, SIGMOD 2012), which halves the
candidates on templated text. The order is rarest first, by the bigram
frequencies among the stored sets when it was drawn; it stays fixed while the
store grows and is redrawn (every prefix re-indexed) each time the number of
distinct texts doubles. Prefixes live in memory (`PrefixIndex`, one per writer,
rebuilt from `cluster_sets` and never saved): any fixed order keeps prefix
filtering exact, so each writer may hold its own.

Candidates are tested on their hashed bigrams (an upper bound of the overlap)
and then verified with the pair rule on their text. The one way this could
differ from `cluster_sentences`: two bigrams of one sentence with the same
64-bit hash (blake2b; about 1e-17 per sentence), which would shrink its hashed
set. Every other collision only adds candidates.

Cost: exact copies and runs cost a few indexed lookups whatever the store's
size. On templated text, where near-threshold pairs grow with the square of
the corpus, prefix candidates grow faster than the corpus too (see
benchmarks/README.md, "Stored clusters", for measured figures).
"""

from __future__ import annotations

import hashlib
import json
import math
import sqlite3
import sys
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import lru_cache
from itertools import chain

from casus.records import ProcessedDocument
from casus.text.nearcopy import (
    CONTAINMENT,
    MIN_CONTAINED_SHINGLES,
    THRESHOLD,
    Signature,
    near_copies,
    signature,
    similar_counts,
)

TEXT, RUN = 0, 1  # cluster_keys kinds: a normal form, a run of COMMON_RUN words

SCHEMA = """
CREATE TABLE clusters (
    sid INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL,
    idx INTEGER NOT NULL,
    cluster INTEGER NOT NULL,
    UNIQUE (doc_id, idx),
    FOREIGN KEY (doc_id, idx) REFERENCES sentences(doc_id, idx) ON DELETE CASCADE
);
CREATE INDEX clusters_cluster ON clusters(cluster);
CREATE TABLE cluster_keys (
    kind INTEGER NOT NULL,
    token INTEGER NOT NULL,
    sid INTEGER NOT NULL,
    PRIMARY KEY (kind, token, sid)
) WITHOUT ROWID;
CREATE TABLE cluster_sets (
    sid INTEGER PRIMARY KEY,
    size INTEGER NOT NULL,
    tokens BLOB NOT NULL
)
"""
TABLES = ("clusters", "cluster_keys", "cluster_sets")
MATCHES = 2  # shared prefix bigrams a candidate needs (prefixes one longer per extra match; at most 3)
FIRST_EPOCH = 64  # the order is first drawn when this many distinct texts are indexed, then at every doubling


@lru_cache(maxsize=1 << 13)
def token(text: str) -> int:
    """A stable signed 64-bit hash of a normal form, run or bigram."""
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "big", signed=True)


def _pack(toks: list[int]) -> bytes:
    """Hashed bigrams as a blob: signed 64-bit little-endian integers (the same file on any machine)."""
    a = array("q", toks)
    if sys.byteorder == "big":
        a.byteswap()
    return a.tobytes()


def _unpack(blob: bytes) -> array[int]:
    a = array("q", blob)
    if sys.byteorder == "big":
        a.byteswap()
    return a


def _ints(values: Iterable[int]) -> str:
    """A list of integers as one bound parameter, read in SQL with json_each: the statement text stays the
    same whatever the list's length, so SQLite prepares it once (a literal IN (?, ?, ...) list of each
    length is a new statement, and preparing dominated the cost)."""
    return json.dumps(sorted(values))


_IN = "IN (SELECT value FROM json_each(?))"


def assign_document(c: sqlite3.Connection, doc: ProcessedDocument, index: PrefixIndex) -> None:
    """Cluster every sentence of a just-inserted document that carries an event or a claim (caller's transaction)."""
    coded = [s for s in doc.sentences if s.events or s.claims]
    if coded:
        index.sync(c)
        for s in coded:
            assign(c, index, doc.id, s.index, s.text)


def backfill(c: sqlite3.Connection) -> int:
    """Cluster the coded sentences of a store made before clusters were kept, in the order they were written."""
    rows = c.execute(
        "SELECT s.doc_id, s.idx, s.text FROM sentences s JOIN documents d ON d.id = s.doc_id"
        " WHERE EXISTS (SELECT 1 FROM events e WHERE e.doc_id = s.doc_id AND e.sent_idx = s.idx)"
        " OR EXISTS (SELECT 1 FROM claims k WHERE k.doc_id = s.doc_id AND k.sent_idx = s.idx)"
        " ORDER BY d.rowid, s.idx"
    ).fetchall()
    index = PrefixIndex()
    index.sync(c)
    for doc_id, idx, text in rows:
        assign(c, index, doc_id, idx, text)
    return len(rows)


class _Texts:
    """Signatures of stored sentences by sid, read once per assignment."""

    def __init__(self, c: sqlite3.Connection) -> None:
        self.c = c
        self.cache: dict[int, tuple[int, Signature]] = {}

    def load(self, sids: Iterable[int]) -> None:
        want = sorted(set(sids) - self.cache.keys())
        if want:
            for sid, cluster, text in self.c.execute(
                    "SELECT k.sid, k.cluster, s.text FROM clusters k JOIN sentences s ON s.doc_id = k.doc_id"
                    f" AND s.idx = k.idx WHERE k.sid {_IN}", (_ints(want),)):
                self.cache[sid] = (cluster, signature(text))

    def get(self, sid: int) -> tuple[int, Signature]:
        self.load([sid])
        return self.cache[sid]


def assign(c: sqlite3.Connection, index: PrefixIndex, doc_id: str, idx: int, text: str) -> int:
    """Give one stored sentence its cluster, inside the caller's transaction; returns the cluster id.

    `index` must be in step with the store (`PrefixIndex.sync` in this transaction).
    """
    sig = signature(text)
    texts = _Texts(c)
    norm_token = token(sig.norm)
    owners = [r[0] for r in c.execute("SELECT sid FROM cluster_keys WHERE kind = ? AND token = ?", (TEXT, norm_token))]
    texts.load(owners)
    for owner in owners:
        cluster, other = texts.get(owner)
        if other.norm == sig.norm:  # an exact copy: every near-copy of this text is already in that cluster
            c.execute("INSERT INTO clusters (doc_id, idx, cluster) VALUES (?, ?, ?)", (doc_id, idx, cluster))
            return cluster
    sid = c.execute("INSERT INTO clusters (doc_id, idx, cluster) VALUES (?, ?, -1)", (doc_id, idx)).lastrowid
    assert sid is not None
    matched: set[int] = set()
    new_keys = [(TEXT, norm_token, sid)]
    new_keys += _runs(c, texts, sig, sid, matched)
    if sig.fuzzy:
        _fuzzy(c, index, texts, sig, sid, matched)
    target = min(matched) if matched else sid
    others = sorted(matched - {target})
    if others:
        c.execute(f"UPDATE clusters SET cluster = ? WHERE cluster {_IN}", (target, _ints(others)))
    c.execute("UPDATE clusters SET cluster = ? WHERE sid = ?", (target, sid))
    c.executemany("INSERT OR IGNORE INTO cluster_keys (kind, token, sid) VALUES (?, ?, ?)", new_keys)
    return target


def _runs(c: sqlite3.Connection, texts: _Texts, sig: Signature, sid: int, matched: set[int]) -> list[tuple[int, int, int]]:
    """Clusters x shares a 12-word run with (into `matched`); the keys x owns (runs no stored sentence holds)."""
    mine = {token(r): r for r in sig.runs()}
    if not mine:
        return []
    hits: dict[int, list[int]] = {}
    for tok, owner in c.execute(f"SELECT token, sid FROM cluster_keys WHERE kind = {RUN} AND token {_IN}",
                                (_ints(mine),)):
        hits.setdefault(tok, []).append(owner)
    texts.load(o for owners in hits.values() for o in owners)
    owned = []
    for tok, run in mine.items():
        found = False
        for owner in hits.get(tok, ()):
            cluster, other = texts.get(owner)
            if run in other.runs():
                matched.add(cluster)
                found = True
        if not found:
            owned.append((RUN, tok, sid))
    return owned


def prefix_length(size: int, share: float) -> int:
    """Bigrams a set indexes and probes: any set sharing `share` of it meets MATCHES of its first this many."""
    return min(size, size - math.ceil(share * size - 1e-9) + MATCHES)


@lru_cache(maxsize=4096)
def jaccard_matches(a: int, b: int) -> int:
    """Shared bigrams two Jaccard prefixes of sets of sizes a and b hold at least, when Jaccard >= THRESHOLD.

    With o the overlap the pair needs, ceil(t (a + b) / (1 + t)), and o_a, o_b
    the overlaps each prefix was cut for (ceil(t a), ceil(t b)): the first
    MATCHES + o - max(o_a, o_b) shared bigrams lie in both prefixes (Wang, Li
    and Feng, "Can we beat the prefix filtering?", SIGMOD 2012, for MATCHES).
    """
    t = THRESHOLD
    o = math.ceil(t * (a + b) / (1 + t) - 1e-9)
    return MATCHES + o - max(math.ceil(t * a - 1e-9), math.ceil(t * b - 1e-9))


class PrefixIndex:
    """The prefixes of every stored set under one order, in memory: one per writing connection.

    Rebuilt from `cluster_sets` (the store's record of every distinct text's
    hashed bigrams), so it never needs saving: `sync` reads the sets other
    writers added since it last looked, and redraws the order (rarest bigrams
    first, by their frequency among the sets now) whenever the number of sets has
    doubled since the last draw. Every prefix in it is under the same order, which
    is all prefix filtering needs; another process may hold another order. The
    store drops it when a transaction rolls back (`reset`).
    """

    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        self.order: dict[int, int] = {}
        self.drawn = 0  # sets when the order was drawn
        self.count = 0  # sets indexed
        self.last = 0  # the highest sid indexed
        self.size: dict[int, int] = {}
        self.sets: dict[int, bytes] = {}  # sid -> its bigram hashes (`_pack`): proposals are tested on these
        # token -> size -> sids: a probe reads only the sizes its length filter allows
        self.jaccard: defaultdict[int, dict[int, list[int]]] = defaultdict(dict)
        self.contained: defaultdict[int, dict[int, list[int]]] = defaultdict(dict)
        self.full: defaultdict[int, list[int]] = defaultdict(list)  # every bigram of sets of 8 or more

    def ranked(self, toks: Iterable[int]) -> list[int]:
        """Bigram hashes in the order: rarest first (bigrams the order has not seen count 0), then by hash."""
        get = self.order.get
        return sorted(toks, key=lambda t: (get(t, 0), t))

    def add(self, sid: int, ordered: list[int], blob: bytes) -> None:
        """Index one set (its bigram hashes in the order)."""
        size = len(ordered)
        self.size[sid] = size
        self.sets[sid] = blob
        self._add_prefixes(sid, ordered)
        if size >= MIN_CONTAINED_SHINGLES:
            for t in ordered:
                self.full[t].append(sid)
        self.count += 1
        self.last = max(self.last, sid)

    def _add_prefixes(self, sid: int, ordered: list[int]) -> None:
        size = len(ordered)
        for t in ordered[: prefix_length(size, THRESHOLD)]:
            self.jaccard[t].setdefault(size, []).append(sid)
        if size >= MIN_CONTAINED_SHINGLES:
            for t in ordered[: prefix_length(size, CONTAINMENT)]:
                self.contained[t].setdefault(size, []).append(sid)

    def sync(self, c: sqlite3.Connection) -> None:
        """Catch up with the sets in the store (call inside the write transaction, before assigning)."""
        for sid, blob in c.execute("SELECT sid, tokens FROM cluster_sets WHERE sid > ? ORDER BY sid", (self.last,)):
            self.add(sid, self.ranked(_unpack(blob)), blob)
        self.redraw_when_due()

    def redraw_when_due(self) -> None:
        """Redraw the order once the sets have doubled since the last draw: the prefixes again, the rest kept."""
        if self.count < max(FIRST_EPOCH, 2 * self.drawn):
            return
        sets = [(sid, _unpack(blob)) for sid, blob in sorted(self.sets.items())]
        freq: Counter[int] = Counter()
        for _, toks in sets:
            freq.update(toks)
        self.order = dict(freq)
        self.drawn = len(sets)
        self.jaccard.clear()
        self.contained.clear()
        for sid, toks in sets:
            self._add_prefixes(sid, self.ranked(toks))

    def jaccard_candidates(self, prefix: list[int], size: int) -> Counter[int]:
        """Stored sets whose Jaccard prefix meets this one, sizes within [t |x|, |x| / t]: hits per set."""
        low, high = math.ceil(THRESHOLD * size - 1e-9), math.floor(size / THRESHOLD + 1e-9)
        empty: dict[int, list[int]] = {}
        return Counter(chain.from_iterable(sids for t in prefix for osize, sids in self.jaccard.get(t, empty).items()
                                           if low <= osize <= high))

    def containing_candidates(self, prefix: list[int], size: int) -> Counter[int]:
        """Stored sets of at least `size` bigrams holding these bigrams: hits per set."""
        sizes = self.size
        return Counter(o for t in prefix for o in self.full.get(t, ()) if sizes[o] >= size)

    def contained_candidates(self, toks: list[int], size: int) -> Counter[int]:
        """Stored sets of at most `size` bigrams whose containment prefix meets these bigrams: hits per set."""
        empty: dict[int, list[int]] = {}
        return Counter(chain.from_iterable(sids for t in toks for osize, sids in self.contained.get(t, empty).items()
                                           if osize <= size))


def _fuzzy(c: sqlite3.Connection, index: PrefixIndex, texts: _Texts, sig: Signature, sid: int,
           matched: set[int]) -> None:
    """Clusters x is similar to on bigrams (into `matched`); then x is indexed.

    Three probes, each proposing the stored sets that meet x at least MATCHES
    times in it: Jaccard (x's prefix against the stored prefixes, sizes within
    [t |x|, |x| / t]), a smaller set inside x (all of x's bigrams against the
    stored containment prefixes), x inside a larger set (x's containment prefix
    against all bigrams of sets as large or larger). Each
    proposal is tested on its hashed bigrams (`similar_counts` on the
    intersection of hashes, no text read); only those that pass are read and
    verified on their text.
    """
    size = sig.size
    toks = sorted({token(s) for s in sig.shingles})
    ordered = index.ranked(toks)
    hits = index.jaccard_candidates(ordered[: prefix_length(size, THRESHOLD)], size)
    sizes = index.size
    need = {b: jaccard_matches(size, b) for b in range(math.ceil(THRESHOLD * size - 1e-9),
                                                       math.floor(size / THRESHOLD + 1e-9) + 1)}
    proposed = {o for o, n in hits.items() if n >= need[sizes[o]]}
    if size >= MIN_CONTAINED_SHINGLES:
        hits = index.contained_candidates(toks, size)
        proposed.update(o for o, n in hits.items() if n >= MATCHES)
        hits = index.containing_candidates(ordered[: prefix_length(size, CONTAINMENT)], size)
        proposed.update(o for o, n in hits.items() if n >= MATCHES)
    mine = set(toks)
    sets = index.sets
    passed = [o for o in proposed
              if similar_counts(size, sizes[o], len(mine.intersection(_unpack(sets[o]))), THRESHOLD)]
    texts.load(passed)
    for other in sorted(passed):
        cluster, osig = texts.get(other)
        if cluster not in matched and near_copies(sig, osig):
            matched.add(cluster)
    blob = _pack(toks)
    c.execute("INSERT INTO cluster_sets (sid, size, tokens) VALUES (?, ?, ?)", (sid, size, blob))
    index.add(sid, ordered, blob)
    index.redraw_when_due()
