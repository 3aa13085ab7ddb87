"""Ingest on all local cores: worker processes read and analyse, this process alone writes.

Workers run `casus.ingest.process_one` (read, clean, segment, code, claims: pure
functions) on chunks of locations, and check whether a document is already
known through their own read-only connection to the store, so known documents
skip the costly analysis. The parent is the single writer: each chunk's
results go into the store in one transaction, in input order, so the store ends
up exactly as a one-process ingest leaves it (document ids are content hashes,
event ids follow input order) and a kill leaves only whole documents.

Memory stays bounded: at most `workers * IN_FLIGHT_PER_WORKER` chunks are out at
once, and only the list of locations is held for the whole run.

Example:
    >>> from casus.store import Store
    >>> from casus.ingest import ingest
    >>> report = ingest(Store("casus.db"), ["articles/"], workers=4)  # doctest: +SKIP
"""

from __future__ import annotations

import multiprocessing as mp
import sqlite3
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from multiprocessing.pool import AsyncResult, Pool
from pathlib import Path
from typing import Any

from casus.ingest import IngestReport, Known, Outcome, Skip, process_one, record
from casus.pipeline import StageClock, warm_up
from casus.records import ProcessedDocument
from casus.store import BUSY_TIMEOUT_MS, Store

# Locations per task: large enough that inter-process traffic is small beside the
# analysis (about 30 ms a document), small enough that the cores finish together.
CHUNK_SIZE = 8
# Chunks handed out per worker before the writer waits for the oldest: bounds memory.
IN_FLIGHT_PER_WORKER = 4
# spawn: workers start clean on every platform (no inherited locks, threads or connections).
START_METHOD = "spawn"

_worker: dict[str, Any] = {}


def chunked(items: Sequence[str], size: int) -> Iterator[list[str]]:
    """Consecutive slices of `items`, `size` at a time."""
    for i in range(0, len(items), size):
        yield list(items[i:i + size])


def _init_worker(db: str | None, read_opts: dict[str, Any], sample_memory: bool) -> None:
    """Once per worker process: load every dictionary, open the store read-only for the known-document check."""
    warm_up()
    conn = None
    if db and Path(db).exists():
        conn = sqlite3.connect(f"file:{Path(db).resolve()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    _worker.update(conn=conn, read_opts=read_opts, sample_memory=sample_memory)


def _is_known(doc_id: str) -> bool:
    conn = _worker.get("conn")
    if conn is None:
        return False
    try:
        return conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone() is not None
    except sqlite3.Error:  # the check only saves work; the writer decides
        return False


def process_chunk(locations: list[str]) -> tuple[list[Outcome], StageClock]:
    """In a worker: the outcome of each location, in order, and the time spent per stage."""
    clock = StageClock(sample_memory=_worker.get("sample_memory", False))
    opts = _worker.get("read_opts", {})
    return [process_one(loc, _is_known, clock, **opts) for loc in locations], clock


def write_outcomes(store: Store, outcomes: list[Outcome], report: IngestReport) -> None:
    """Write one chunk's documents and known locations in one transaction, then note each outcome."""
    items: list[ProcessedDocument | tuple[str, str]] = [
        o if isinstance(o, ProcessedDocument) else (o.doc_id, o.location) for o in outcomes if not isinstance(o, Skip)
    ]
    written = iter(store.write_batch(items)) if items else iter(())
    for outcome in outcomes:
        record(report, outcome, None if isinstance(outcome, Skip) else next(written))


def _location(outcome: Outcome) -> str:
    return outcome.location


def ingest_parallel(
    store: Store,
    locations: Sequence[str],
    report: IngestReport,
    workers: int,
    on_item: Callable[[str], None] | None = None,
    clock: StageClock | None = None,
    chunk_size: int = CHUNK_SIZE,
    **read_opts: Any,
) -> None:
    """Process `locations` in `workers` processes; write results here, chunk by chunk, in input order."""
    workers = max(1, min(workers, -(-len(locations) // chunk_size)))
    sample_memory = bool(clock and clock.sample_memory)
    ctx = mp.get_context(START_METHOD)
    pool: Pool = ctx.Pool(workers, initializer=_init_worker, initargs=(str(store.path), read_opts, sample_memory))
    try:
        pending: deque[AsyncResult[tuple[list[Outcome], StageClock]]] = deque()
        chunks = chunked(locations, chunk_size)
        limit = workers * IN_FLIGHT_PER_WORKER
        for chunk in chunks:
            pending.append(pool.apply_async(process_chunk, (chunk,)))
            if len(pending) >= limit:
                _drain_one(store, pending, report, on_item, clock)
        while pending:
            _drain_one(store, pending, report, on_item, clock)
        pool.close()
    except BaseException:
        pool.terminate()
        raise
    finally:
        pool.join()


def _drain_one(
    store: Store,
    pending: deque[AsyncResult[tuple[list[Outcome], StageClock]]],
    report: IngestReport,
    on_item: Callable[[str], None] | None,
    clock: StageClock | None,
) -> None:
    """Wait for the oldest chunk, write it, and report progress."""
    outcomes, worker_clock = pending.popleft().get()
    if clock is not None:
        clock.merge(worker_clock)
        started = time.perf_counter()
        write_outcomes(store, outcomes, report)
        clock.lap("store", started)
    else:
        write_outcomes(store, outcomes, report)
    if on_item:
        for outcome in outcomes:
            on_item(_location(outcome))
