"""Benchmarks on a synthetic corpus: every article is written by the generator below, none is copied.

The generator varies actors, verbs, tenses, hedges, negations, dates, paragraph
shape and web junk (link lists, fake profiles, calls to comment), so cleaning,
segmentation and coding all do real work.
"""

from __future__ import annotations

import contextlib
import multiprocessing as mp
import random
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from queue import Empty
from typing import Any

from casus.months import MONTHS
from casus.store.tables import store_digest

# progress(phase, done, total): how far a benchmark is ("generate", "ingest"), for a progress bar
Progress = Callable[[str, int, int], None]
PROGRESS_EVERY_S = 0.2  # how often the ingest child reports progress

STATES = [
    ("Russia", "Moscow", "Russian"), ("Iran", "Tehran", "Iranian"), ("China", "Beijing", "Chinese"),
    ("North Korea", "Pyongyang", "North Korean"), ("the United States", "Washington", "American"),
    ("Taiwan", "Taipei", "Taiwanese"), ("Armenia", "Yerevan", "Armenian"), ("Azerbaijan", "Baku", "Azerbaijani"),
    ("Israel", "Jerusalem", "Israeli"), ("Turkey", "Ankara", "Turkish"), ("India", "New Delhi", "Indian"),
    ("Pakistan", "Islamabad", "Pakistani"), ("Japan", "Tokyo", "Japanese"), ("France", "Paris", "French"),
    ("Syria", "Damascus", "Syrian"), ("Ukraine", "Kyiv", "Ukrainian"), ("Saudi Arabia", "Riyadh", "Saudi"),
    ("Egypt", "Cairo", "Egyptian"), ("Brazil", "Brasilia", "Brazilian"), ("Germany", "Berlin", "German"),
]
ACTS = [
    "signed a defence agreement with {b}", "delivered air defence systems to {b}", "condemned the strikes on {b}",
    "warned {b} against further escalation", "held talks with {b}", "imposed sanctions on {b}",
    "launched missile strikes on {b}", "declined to send troops to {b}", "offered to mediate between {b} and {c}",
    "expanded trade with {b}", "supplied drones to {b}", "blocked a resolution against {b} at the UN",
    "refused to provide fighter jets to {b}", "agreed to deepen military cooperation with {b}",
    "accused {b} of violating the ceasefire", "promised economic aid to {b}", "shared intelligence with {b}",
]
FRAMES = [
    "{A} {act}.", "{A} {act} in {month} {year}.", "Officials said {A} {act}.", "{A} could have {act2} instead.",
    "According to {outlet}, {A} {act} last year.", "{A} will soon have {act2}, analysts expect.",
    "{A} did not say whether it {act}.", "On {day} {month} {year}, {A} {act}.",
    "It remains unclear if {A} {act}; the {adj} government gave no details.",
    "In a statement, the {adj} foreign ministry said {A} {act}, a claim {B} denied.",
]
FILLER = [
    "The relationship has a long and complicated history.", "Observers note that much depends on domestic politics.",
    "Trade figures rose by 4.5% over the period, according to U.S. data.",
    "The region remains tense after months of incidents at sea.",
    "Experts disagree about what the pact means in practice.",
]
OUTLETS = ["Reuters", "the Associated Press", "state media", "a regional newspaper", "TASS"]
JUNK = [
    lambda r: "\n".join(f"- {r.choice(['Best', 'Top', 'Why'])} {r.randint(3, 20)} "
                        f"{r.choice(['Recipes', 'Cars', 'Stars', 'Tips'])} You Must See" for _ in range(5)),
    lambda r: f"Detail Author:\n  • Name : {r.choice(['Ann', 'Bob', 'Cy'])} Doe\n  • Email : x{r.randint(1, 999)}@example.com"
              f"\n  • Phone : 555-{r.randint(1000, 9999)}",
    lambda r: "What do you think? Share your thoughts in the comments below and follow us for more.",
]


def _act(r: random.Random) -> str:
    """A past-tense act; every verb used has the same past and past-participle form."""
    b, c = r.sample(STATES, 2)
    return r.choice(ACTS).format(b=b[0], c=c[0])


def synthetic_sentence(r: random.Random) -> str:
    a, b = r.sample(STATES, 2)
    frame = r.choice(FRAMES)
    return frame.format(
        A=r.choice([a[0], a[1]]), B=b[0], adj=a[2], act=_act(r), act2=_act(r),
        month=r.choice(MONTHS), year=r.randint(1990, 2026), day=r.randint(1, 28), outlet=r.choice(OUTLETS),
    )


def synthetic_sentences(n: int, seed: int = 7) -> list[str]:
    r = random.Random(seed)
    return [synthetic_sentence(r) if r.random() < 0.8 else r.choice(FILLER) for _ in range(n)]


def synthetic_article(r: random.Random, i: int) -> str:
    """One article: title, date line, 3-8 paragraphs of 2-7 sentences, and some web junk."""
    a, b = r.sample(STATES, 2)
    lines = [f"Will {a[0]} defend {b[0]}? Report {i}", f"{r.choice(MONTHS)} {r.randint(1, 28)}, {r.randint(2015, 2026)}", ""]
    for _ in range(r.randint(3, 8)):
        para = " ".join(synthetic_sentence(r) if r.random() < 0.75 else r.choice(FILLER) for _ in range(r.randint(2, 7)))
        lines += [para, ""]
    for make in r.sample(JUNK, r.randint(0, len(JUNK))):
        lines += [make(r), ""]
    return "\n".join(lines)


def write_corpus(folder: Path, n_docs: int, seed: int = 7, progress: Progress | None = None) -> int:
    """Write n synthetic articles as .txt files; return total bytes."""
    r = random.Random(seed)
    total = 0
    for i in range(n_docs):
        if progress and i % 100 == 0:
            progress("generate", i, n_docs)
        text = synthetic_article(r, i)
        sub = folder / f"{i // 1000:03d}"
        sub.mkdir(exist_ok=True)
        (sub / f"article_{i:06d}.txt").write_text(text, encoding="utf-8")
        total += len(text.encode("utf-8"))
    if progress:
        progress("generate", n_docs, n_docs)
    return total


def peak_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    """Peak resident memory in MB of this process, or with RUSAGE_CHILDREN of its largest finished child.

    ru_maxrss is KB on Linux, bytes on macOS.
    """
    peak = resource.getrusage(who).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def cpu_seconds(who: int) -> float:
    """User plus system CPU seconds of this process (RUSAGE_SELF) or its finished children."""
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


CORPUS_MARK = ".casus-bench-corpus"


def ensure_corpus(folder: Path, n_docs: int, seed: int = 7, progress: Progress | None = None) -> int:
    """Write the synthetic corpus into `folder` unless the same one is already there; return its bytes."""
    mark = folder / CORPUS_MARK
    want = f"{n_docs} {seed}"
    if mark.exists():
        have = mark.read_text(encoding="utf-8").split()
        if " ".join(have[:2]) == want:
            return int(have[2])
    folder.mkdir(parents=True, exist_ok=True)
    nbytes = write_corpus(folder, n_docs, seed, progress)
    mark.write_text(f"{want} {nbytes}", encoding="utf-8")
    return nbytes


class _Reporter:
    """In the ingest child: documents done, sent to the parent's queue at most every PROGRESS_EVERY_S."""

    def __init__(self, queue: Any) -> None:
        self.queue, self.total, self.done, self.last = queue, 0, 0, 0.0

    def start(self, total: int) -> None:
        self.total = total
        self.queue.put(("progress", 0, total))

    def item(self, _location: str) -> None:
        self.done += 1
        now = time.perf_counter()
        if now - self.last >= PROGRESS_EVERY_S or self.done == self.total:
            self.last = now
            self.queue.put(("progress", self.done, self.total))


def _ingest_child(corpus: str, db: str, queue: Any, workers: int = 1) -> None:
    from casus.run.ingest import ingest
    from casus.run.pipeline import StageClock
    from casus.store.database import Store

    store = Store(db)
    clock = StageClock(sample_memory=True)
    reporter = _Reporter(queue)
    t0 = time.perf_counter()
    report = ingest(store, [corpus], workers=workers, clock=clock, on_start=reporter.start, on_item=reporter.item)
    elapsed = time.perf_counter() - t0
    counts = store.counts()
    store.close()
    queue.put({"elapsed": elapsed, "new": len(report.new), "skipped": len(report.skipped), "counts": counts,
               "cpu_s": cpu_seconds(resource.RUSAGE_SELF) + cpu_seconds(resource.RUSAGE_CHILDREN),
               "peak_rss_mb": peak_rss_mb(), "workers_peak_rss_mb": peak_rss_mb(resource.RUSAGE_CHILDREN),
               "stage_seconds": clock.seconds, "stage_rss_mb": clock.peak_rss_mb})


def ingest_in_child(corpus: Path, db: Path, workers: int = 1, progress: Progress | None = None,
                    phase: str = "ingest") -> dict[str, Any]:
    """Ingest `corpus` into `db` in a fresh spawned process (so its peak memory is the ingest's alone)."""
    ctx = mp.get_context("spawn")
    queue = ctx.Queue()
    child = ctx.Process(target=_ingest_child, args=(str(corpus), str(db), queue, workers))
    child.start()
    out = None
    while out is None and (child.is_alive() or not queue.empty()):
        with contextlib.suppress(Empty):  # keep waiting while the child lives
            msg = queue.get(timeout=1)
            if isinstance(msg, tuple):  # ("progress", done, total)
                if progress:
                    progress(phase, msg[1], msg[2])
            else:
                out = msg
    child.join()
    if child.exitcode != 0 or out is None:
        raise RuntimeError(f"benchmark ingest process failed (exit code {child.exitcode})")
    return out


def run_ingest_bench(n_docs: int, seed: int = 7, workers: int = 1, corpus: Path | None = None,
                     progress: Progress | None = None) -> dict[str, Any]:
    """Generate n_docs articles (or reuse them in `corpus`), ingest them with `workers` processes in a fresh
    child process, and report rates, seconds per stage, and peak memory of the writer and of the workers.

    `progress(phase, done, total)` is called as the corpus is written and as documents are ingested.
    """
    with tempfile.TemporaryDirectory(prefix="casus-bench-") as tmp:
        folder = corpus or Path(tmp) / "corpus"
        t0 = time.perf_counter()
        nbytes = ensure_corpus(folder, n_docs, seed, progress)
        gen_s = time.perf_counter() - t0
        out = ingest_in_child(folder, Path(tmp) / "bench.db", workers, progress)
    secs = out["elapsed"]
    counts = out["counts"]
    result = {
        "articles": n_docs,
        "workers": workers,
        "corpus_mb": round(nbytes / 1e6, 1),
        "generate_s": round(gen_s, 2),
        "ingest_s": round(secs, 2),
        "cpu_s": round(out["cpu_s"], 2),
        "documents_per_s": round(out["new"] / secs, 1),
        "sentences": counts["sentences"],
        "sentences_per_s": round(counts["sentences"] / secs, 1),
        "events": counts["events"],
        "claims": counts["claims"],
        "skipped": out["skipped"],
        "peak_rss_mb": round(out["peak_rss_mb"], 1),
    }
    if workers > 1:
        result["workers_peak_rss_mb"] = round(out["workers_peak_rss_mb"], 1)
    for stage, sec in out["stage_seconds"].items():
        result[f"{stage}_s"] = round(sec, 2)
    for stage, mb in out["stage_rss_mb"].items():
        result[f"{stage}_rss_mb"] = round(mb, 1)
    return result


def run_speedup_bench(n_docs: int, workers: int, seed: int = 7, corpus: Path | None = None,
                      progress: Progress | None = None) -> dict[str, Any]:
    """Ingest the same corpus with one worker and with `workers`; the speedup, and whether the stores are equal."""
    with tempfile.TemporaryDirectory(prefix="casus-bench-") as tmp:
        folder = corpus or Path(tmp) / "corpus"
        ensure_corpus(folder, n_docs, seed, progress)
        one = ingest_in_child(folder, Path(tmp) / "one.db", 1, progress, "ingest, 1 worker")
        many = ingest_in_child(folder, Path(tmp) / "many.db", workers, progress, f"ingest, {workers} workers")
        same = store_digest(Path(tmp) / "one.db") == store_digest(Path(tmp) / "many.db")
    return {
        "articles": n_docs,
        "workers": workers,
        "one_worker_s": round(one["elapsed"], 2),
        f"{workers}_workers_s": round(many["elapsed"], 2),
        "speedup": round(one["elapsed"] / many["elapsed"], 2),
        "identical_output": same,
        "one_worker_cpu_s": round(one["cpu_s"], 2),
        f"{workers}_workers_cpu_s": round(many["cpu_s"], 2),
        # What the speedup would be on `workers` free cores, from CPU seconds: other load on a shared
        # machine lowers the measured speedup, not this.
        "speedup_on_free_cores": round(min(workers, workers * one["cpu_s"] / many["cpu_s"]), 2),
        "one_worker_peak_rss_mb": round(one["peak_rss_mb"], 1),
        "writer_peak_rss_mb": round(many["peak_rss_mb"], 1),
        "workers_peak_rss_mb": round(many["workers_peak_rss_mb"], 1),
    }


# -- a big store, built directly ------------------------------------------------------

CODES = ["RUS", "IRN", "CHN", "PRK", "USA", "TWN", "ARM", "AZE", "ISR", "TUR", "IND", "PAK", "JPN", "FRA", "SYR",
         "UKR", "SAU", "EGY", "BRA", "DEU"]
EVENT_MODES = {"AID": ["military", "economic", "humanitarian", None], "SANCTION": ["economic", None],
               "ASSAULT": ["aerial", "ground", None], "COOPERATE": ["military", "economic", None]}
# Per document, as in an ingested synthetic corpus: ~27 sentences, ~21 events and ~17 claims.
SENTENCES_PER_DOC = 27
EVENTS_PER_DOC = 21
CLAIMS_PER_DOC = 17


def build_big_store(db: Path, n_events: int, seed: int = 7, batch_docs: int = 2_000) -> dict[str, int]:
    """A store with about `n_events` events, bulk-inserted from synthetic rows (no ingest): for query benchmarks."""
    from casus.records import EVENT_TYPES, FACTORS, MODALITIES, STANCES
    from casus.store.database import Store
    from casus.store.tables import insert_rows

    r = random.Random(seed)
    n_docs = max(1, n_events // EVENTS_PER_DOC)
    store = Store(db)
    for first in range(0, n_docs, batch_docs):
        docs, sents, events, claims = [], [], [], []
        for i in range(first, min(n_docs, first + batch_docs)):
            doc_id = f"{i:016x}"
            published = f"{r.randint(2015, 2026)}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}"
            texts = [synthetic_sentence(r) for _ in range(SENTENCES_PER_DOC)]
            docs.append((doc_id, f"article_{i:07d}.txt", f"Report {i}", published, "example.org", " ".join(texts)))
            pos = 0
            for k, t in enumerate(texts):
                sents.append((doc_id, k, pos, pos + len(t), t))
                pos += len(t) + 1
            for _ in range(EVENTS_PER_DOC):
                source, target = r.sample(CODES, 2)
                event = r.choice(EVENT_TYPES)
                events.append((doc_id, r.randrange(SENTENCES_PER_DOC), source, event,
                               r.choice(EVENT_MODES.get(event, [None])), target if r.random() < 0.9 else None,
                               published if r.random() < 0.5 else None, r.choice(MODALITIES), int(r.random() < 0.1),
                               None))
            for _ in range(CLAIMS_PER_DOC):
                patron, client = r.sample(CODES, 2)
                claims.append((doc_id, r.randrange(SENTENCES_PER_DOC), patron, client, r.choice(STANCES),
                               r.choice(FACTORS)))
        with store.transaction() as c:
            insert_rows(c, "documents", ("id", "name", "title", "published", "site", "text"), docs)
            insert_rows(c, "locations", ("doc_id", "location"), [(d[0], d[1]) for d in docs])
            insert_rows(c, "sentences", ("doc_id", "idx", "start", "end", "text"), sents)
            insert_rows(c, "events", ("doc_id", "sent_idx", "source", "event", "mode", "target", "date", "modality",
                                      "negated", "attribution"), events)
            insert_rows(c, "claims", ("doc_id", "sent_idx", "patron", "client", "stance", "factor"), claims)
    store.optimize()  # what every ingest does at its end
    counts = store.counts()
    store.close()
    return counts
