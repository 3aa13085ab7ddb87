"""Stored near-copy clusters (migration 005): the same partition `cluster_sentences` gives, kept incrementally.

The store assigns each sentence carrying an event or a claim a cluster when its
document is written; these tests compare the stored partition with what
`cluster_sentences` computes on the same sentences at once (synthetic sentences
written here, and the seed and dev corpora from ../shared when present), and
check that assess and report give the same answers from stored ids as when
they compute them.
"""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from casus.corroborate.clusters import cluster_sentences, same_partition
from casus.records import CodedClaim, CodedEvent, ProcessedDocument, SentenceRecord
from casus.store.database import MIGRATIONS, Store
from casus.text.nearcopy import near_copies, signature, similar

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"

WORDS = ("envoy minister treaty border convoy pledge summit sanction frigate harbour garrison militia ceasefire"
         " corridor airspace reactor delegation parliament ultimatum blockade artillery drone shipment grain loan"
         " pipeline embassy patrol alliance exercise guarantee").split()
FILLER = "the of and to in a on for with at by from".split()


def _sentence(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS if rng.random() < 0.7 else FILLER) for _ in range(n)).capitalize() + "."


def _variant(rng: random.Random, base: str, pool: list[str]) -> str:
    """A near-copy or not: an edited word, a new tail, quoted inside another, a shared 12-word run, or new text."""
    words = base.rstrip(".").split()
    kind = rng.randrange(7)
    if kind == 0:
        return base
    if kind == 1 and words:
        words[rng.randrange(len(words))] = rng.choice(WORDS)
        return " ".join(words) + "."
    if kind == 2:
        return base.rstrip(".") + ", " + _sentence(rng, rng.randint(1, 6)).lower()
    if kind == 3:
        return f"“{base}” " + _sentence(rng, rng.randint(1, 3))
    if kind == 4 and len(words) >= 12:
        k = rng.randrange(len(words) - 11)
        return _sentence(rng, rng.randint(3, 15)).rstrip(".") + " " + " ".join(words[k : k + 12]) + "."
    if kind == 5 and pool:
        return rng.choice(pool).upper()  # an exact copy, different case
    return _sentence(rng, rng.randint(2, 30))


def _doc(doc_id: str, sentences: list[str], coded: list[bool]) -> ProcessedDocument:
    text = " ".join(sentences)
    recs, pos = [], 0
    for i, (s, c) in enumerate(zip(sentences, coded, strict=True)):
        events = [CodedEvent("RUS", "CONSULT", "IRN")] if c and i % 2 == 0 else []
        claims = [CodedClaim("RUS", "IRN", "for", "signal")] if c and i % 2 == 1 else []
        recs.append(SentenceRecord(i, pos, pos + len(s), s, events, claims))
        pos += len(s) + 1
    return ProcessedDocument(id=doc_id, location=f"/x/{doc_id}.txt", text=text, title=None, published=None,
                             site=f"{doc_id}.example", junk=[], sentences=recs)


def _synthetic_docs(seed: int, n_docs: int = 40) -> list[ProcessedDocument]:
    rng = random.Random(seed)
    bases = [_sentence(rng, rng.randint(2, 28)) for _ in range(25)]
    pool: list[str] = []
    docs = []
    for d in range(n_docs):
        sents = [_variant(rng, rng.choice(bases), pool) for _ in range(rng.randint(1, 8))]
        pool.extend(sents)
        docs.append(_doc(f"d{seed}-{d:03d}", sents, [rng.random() < 0.85 for _ in sents]))
    return docs


def _stored_vs_computed(store: Store) -> tuple[dict[Any, int], dict[Any, int]]:
    rows = store.conn.execute("SELECT k.doc_id, k.idx, s.text, k.cluster FROM clusters k JOIN sentences s"
                              " ON s.doc_id = k.doc_id AND s.idx = k.idx ORDER BY k.sid").fetchall()
    stored = {(r[0], r[1]): r[3] for r in rows}
    computed = cluster_sentences(((r[0], r[1]), r[0], r[2]) for r in rows)
    return stored, computed


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_synthetic_stored_clusters_match_cluster_sentences(tmp_path: Path, seed: int) -> None:
    docs = _synthetic_docs(seed)
    with Store(tmp_path / "s.db") as store:
        for doc in docs[:10]:
            store.write_document(doc)
        store.write_batch(docs[10:25])
        store.write_batch(docs[25:])
        stored, computed = _stored_vs_computed(store)
        coded = sum(1 for d in docs for s in d.sentences if s.events or s.claims)
        assert len(stored) == coded  # every coded sentence, and only those
        assert len(set(computed.values())) < len(computed)  # the set has copies to find
        assert same_partition(stored, computed)


def test_bridge_sentence_merges_two_clusters(fresh_store: Store) -> None:
    a = "The envoy said the treaty on the border corridor would be signed at the summit next week."
    b = "Officials said the frigate patrol in the harbour would continue through the winter months ahead."
    bridge = a.rstrip(".") + " and " + b[0].lower() + b[1:]  # contains a 12-word run of each
    fresh_store.write_document(_doc("one", [a], [True]))
    fresh_store.write_document(_doc("two", [b], [True]))
    ids = fresh_store.sentence_clusters()
    assert ids[("one", 0)] != ids[("two", 0)]
    fresh_store.write_document(_doc("three", [bridge], [True]))
    ids = fresh_store.sentence_clusters()
    assert ids[("one", 0)] == ids[("two", 0)] == ids[("three", 0)]


def test_short_sentence_stored_after_the_longer_one_quoting_it(fresh_store: Store) -> None:
    short = "The delegation flies to the capital on Monday for talks."  # under 12 words: no shared run
    longer = (f"Speaking to reporters after a long cabinet meeting, the deputy minister said: {short} He gave no"
              " further details about who would lead it or how long the talks were expected to last.")
    fresh_store.write_document(_doc("long", [longer], [True]))  # found only through the larger one's shingles
    fresh_store.write_document(_doc("short", [short], [True]))
    ids = fresh_store.sentence_clusters()
    assert ids[("long", 0)] == ids[("short", 0)]


def test_shared_twelve_word_run_alone_joins(fresh_store: Store) -> None:
    # short words in the run, long ones around it: the index prefixes (longest bigrams first) miss the run
    run = "he said it was not up to us to say who he is"
    a = ("Parliamentarians questioned whether ceasefire negotiations, already postponed repeatedly, could survive;"
         f" {run}, insisted spokeswoman Ekaterina Vasilievskaya yesterday.")
    b = ("Correspondents reported deteriorating humanitarian conditions throughout northeastern provinces, and"
         f" {run}, explained ambassador Maximilian Oberhauser afterwards.")
    sa, sb = signature(a), signature(b)
    assert not similar(sa.shingles, sb.shingles, 0.7)  # neither Jaccard nor containment: the run alone
    fresh_store.write_document(_doc("a", [a], [True]))
    fresh_store.write_document(_doc("b", [b], [True]))
    ids = fresh_store.sentence_clusters()
    assert ids[("a", 0)] == ids[("b", 0)]


def test_uncoded_sentences_get_no_cluster(fresh_store: Store) -> None:
    fresh_store.write_document(_doc("one", ["Nothing coded here at all.", "Russia met Iran."], [False, True]))
    assert set(fresh_store.sentence_clusters()) == {("one", 1)}


def test_near_copies_is_the_pair_rule() -> None:
    base = "Beijing warned that moving missiles to the northern border would cross a line it had drawn long ago."
    assert near_copies(signature(base), signature(base.upper()))
    assert near_copies(signature(base), signature(base.rstrip(".") + ", officials said."))
    assert not near_copies(signature(base), signature("China sold missiles to Pakistan."))


def test_older_store_is_migrated_and_backfilled(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    docs = _synthetic_docs(7, n_docs=20)
    with Store(db) as store:
        store.write_batch(docs)
        before = store.sentence_clusters()
    conn = sqlite3.connect(db)  # make it a store from before migration 005
    conn.executescript("DROP TABLE cluster_keys; DROP TABLE cluster_sets;"
                       " DROP TABLE clusters;"
                       " DELETE FROM _migrations WHERE name = '005_sentence_clusters';")
    conn.close()
    with pytest.raises(Exception, match="older casus"):
        Store(db, readonly=True)
    with Store(db) as store:  # a writer migrates and back-fills
        assert store.schema_version() == [n for n, _ in MIGRATIONS]
        after = store.sentence_clusters()
        assert same_partition(before, after)
        stored, computed = _stored_vs_computed(store)
        assert same_partition(stored, computed)


@pytest.fixture(scope="module")
def corpus_store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    dirs = [CORPUS / "seeds", CORPUS / "dev"]
    if not all(d.is_dir() for d in dirs):
        pytest.skip(f"seed and dev corpora not found under {CORPUS} (../shared beside the repo)")
    from casus.run.ingest import ingest

    store = Store(tmp_path_factory.mktemp("corpus") / "c.db")
    ingest(store, [str(d) for d in dirs])
    return store


def test_corpus_stored_clusters_match_cluster_sentences(corpus_store: Store) -> None:
    stored, computed = _stored_vs_computed(corpus_store)
    assert len(stored) > 100
    assert same_partition(stored, computed)


class _NoStoredClusters:
    """The same store, seen as a stand-in without stored clusters (assess and report compute them)."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def __getattr__(self, name: str) -> Any:
        if name == "sentence_clusters":
            raise AttributeError(name)
        return getattr(self._store, name)


@pytest.mark.parametrize("as_of", [None, "2025-06-12"])
def test_assess_and_report_same_from_stored_ids(corpus_store: Store, as_of: str | None) -> None:
    from casus.assess.answer import assess
    from casus.outputs.report import build_context

    stored = assess(corpus_store, "RUS", "IRN", attacker="ISR", as_of=as_of).to_dict()
    computed = assess(_NoStoredClusters(corpus_store), "RUS", "IRN", attacker="ISR", as_of=as_of).to_dict()
    assert stored == computed
    a = build_context(corpus_store, "RUS", "IRN", attacker="ISR", as_of=as_of)
    b = build_context(_NoStoredClusters(corpus_store), "RUS", "IRN", attacker="ISR", as_of=as_of)
    for key in ("timeline", "corroboration"):
        assert a[key] == b[key]


def test_parallel_and_parquet_load_store_the_same_clusters(tmp_path: Path) -> None:
    """Workers (the parent is the only writer) and a Parquet load give the clusters a one-process ingest gives."""
    from casus.run.bench import write_corpus
    from casus.run.ingest import ingest

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    write_corpus(corpus, 30)
    with Store(tmp_path / "one.db") as store:
        ingest(store, [str(corpus)], workers=1)
        one = store.sentence_clusters()
    with Store(tmp_path / "two.db") as store:
        ingest(store, [str(corpus)], workers=2)
        assert store.sentence_clusters() == one
    assert one
    pytest.importorskip("distributed", reason="the Dask engine needs the 'dask' extra")
    pytest.importorskip("pyarrow", reason="the Dask engine needs the 'dask' extra")
    from casus.run.distributed import ingest_to_parquet
    from casus.run.load import load_parquet

    ingest_to_parquet([str(corpus)], tmp_path / "pq", partition_docs=8)
    with Store(tmp_path / "pq.db") as store:
        load_parquet(store, tmp_path / "pq")
        assert same_partition(store.sentence_clusters(), one)


def _templated_docs(n_docs: int, per_doc: int = 25, seed: int = 5) -> list[ProcessedDocument]:
    """Documents of the benchmark's templated sentences: every bigram is common, near-threshold pairs abound."""
    from casus.run.bench import synthetic_sentences

    sents = synthetic_sentences(n_docs * per_doc, seed=seed)
    return [_doc(f"t{seed}-{d:04d}", sents[d * per_doc : (d + 1) * per_doc], [True] * per_doc)
            for d in range(n_docs)]


def test_templated_text_stored_clusters_match_cluster_sentences(tmp_path: Path) -> None:
    """Thousands of templated sentences: the order is redrawn several times (64, 128, ... distinct texts)."""
    docs = _templated_docs(120)
    with Store(tmp_path / "t.db") as store:
        for doc in docs:
            store.write_document(doc)
        stored, computed = _stored_vs_computed(store)
        assert len(stored) == 3000
        assert len(set(computed.values())) < len(computed)
        assert store._prefixes.drawn >= 1024  # redrawn as the store grew
        assert same_partition(stored, computed)


def test_two_writers_on_one_store_keep_one_partition(tmp_path: Path) -> None:
    """Each writer holds its own prefixes (its own order); each catches up with the other's sets."""
    docs = _synthetic_docs(11, n_docs=40) + _templated_docs(20, seed=6)
    random.Random(3).shuffle(docs)
    with Store(tmp_path / "w.db") as one, Store(tmp_path / "w.db") as two:
        for i, doc in enumerate(docs):
            (one if i % 3 else two).write_document(doc)
        stored, computed = _stored_vs_computed(one)
        assert same_partition(stored, computed)


def test_a_rolled_back_batch_leaves_no_trace_in_the_clusters(tmp_path: Path) -> None:
    docs = _synthetic_docs(12, n_docs=30)
    bad = _doc("bad", ["Russia met Iran in the capital to sign the pact."], [True])
    bad.sentences[0].events[0] = None  # type: ignore[call-overload]  # fails when the events are written
    with Store(tmp_path / "r.db") as store:
        store.write_batch(docs[:10])
        with pytest.raises(Exception):
            store.write_batch(docs[10:20] + [bad])
        store.write_batch(docs[10:])
        stored, computed = _stored_vs_computed(store)
        assert len(stored) == sum(1 for d in docs for s in d.sentences if s.events or s.claims)
        assert same_partition(stored, computed)
