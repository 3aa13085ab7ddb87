"""Ingest on all local cores: worker processes read and analyse, this process alone writes.

Workers run `casus.run.pipeline.process_one` (read, clean, segment, code, claims: pure
functions) on chunks of locations, and check whether a document is already
known through their own read-only connection to the store, so known documents
skip the costly analysis. The parent is the single writer: each chunk's
results go into the store in one transaction, in input order, so the store ends
up exactly as a one-process ingest leaves it (document ids are content hashes,
event ids follow input order) and a kill leaves only whole documents.

Memory stays bounded: at most `workers * IN_FLIGHT_PER_WORKER` chunks are out at
once, and only the list of locations is held for the whole run.

Example:
    >>> from casus.store.database import Store
    >>> from casus.run.ingest import ingest
    >>> report = ingest(Store("casus.db"), ["articles/"], workers=4)  # doctest: +SKIP
"""

from __future__ import annotations

import multiprocessing as mp
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sized
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from typing import Any

from casus.read.inputs import Skip
from casus.records import ProcessedDocument
from casus.run.outcomes import IngestReport, Outcome, record
from casus.run.pipeline import StageClock, process_one, warm_up
from casus.store.database import Store
from casus.store.tables import KnownCheck

# Locations per task: large enough that inter-process traffic is small beside the
# analysis (about 30 ms a document), small enough that the cores finish together.
CHUNK_SIZE = 8
# Chunks handed out per worker before the writer waits for the oldest: bounds memory.
IN_FLIGHT_PER_WORKER = 4
# spawn: workers start clean on every platform (no inherited locks, threads or connections).
START_METHOD = "spawn"
# How often a worker checks that the ingest that started it is still alive.
PARENT_CHECK_S = 1.0

_worker: dict[str, Any] = {}


def chunked(items: Iterable[str], size: int) -> Iterator[list[str]]:
    """Consecutive lists of `size` items (the last may be shorter), read lazily."""
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def _exit_with_parent(parent: int) -> None:
    """End this worker once its parent is gone (killed with SIGKILL, say), instead of waiting for tasks forever."""
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK_S)
    os._exit(1)


def _init_worker(parent: int, db: str | None, read_opts: dict[str, Any], sample_memory: bool) -> None:
    """Once per worker process: load every dictionary, open the store read-only for the known-document check.

    `parent` is the ingest's pid, taken there: if it died while this worker was starting, the watch ends it now.
    """
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()
    warm_up()
    _worker.update(is_known=KnownCheck(db), read_opts=read_opts, sample_memory=sample_memory)


def process_chunk(locations: list[str]) -> tuple[list[Outcome], StageClock]:
    """In a worker: the outcome of each location, in order, and the time spent per stage."""
    clock = StageClock(sample_memory=_worker.get("sample_memory", False))
    opts = _worker.get("read_opts", {})
    return [process_one(loc, _worker.get("is_known"), clock, **opts) for loc in locations], clock


def write_outcomes(store: Store, outcomes: list[Outcome], report: IngestReport) -> None:
    """Write one chunk's documents and known locations in one transaction, then note each outcome."""
    items: list[ProcessedDocument | tuple[str, str]] = [
        o if isinstance(o, ProcessedDocument) else (o.doc_id, o.location) for o in outcomes if not isinstance(o, Skip)
    ]
    written = iter(store.write_batch(items)) if items else iter(())
    for outcome in outcomes:
        record(report, outcome, None if isinstance(outcome, Skip) else next(written))


def ingest_parallel(
    store: Store,
    locations: Iterable[str],
    report: IngestReport,
    workers: int,
    on_item: Callable[[str], None] | None = None,
    clock: StageClock | None = None,
    chunk_size: int = CHUNK_SIZE,
    **read_opts: Any,
) -> None:
    """Process `locations` (read lazily) in `workers` processes; write results here, chunk by chunk, in input order.

    A worker that dies (killed, out of memory) raises BrokenProcessPool here
    instead of hanging; every document written before it is whole.
    """
    if isinstance(locations, Sized):
        workers = max(1, min(workers, -(-len(locations) // chunk_size)))
    sample_memory = bool(clock and clock.sample_memory)
    pool = ProcessPoolExecutor(workers, mp_context=mp.get_context(START_METHOD), initializer=_init_worker,
                               initargs=(os.getpid(), str(store.path), read_opts, sample_memory))
    try:
        pending: deque[Future[tuple[list[Outcome], StageClock]]] = deque()
        limit = workers * IN_FLIGHT_PER_WORKER
        for chunk in chunked(locations, chunk_size):
            pending.append(pool.submit(process_chunk, chunk))
            if len(pending) >= limit:
                _drain_one(store, pending, report, on_item, clock)
        while pending:
            _drain_one(store, pending, report, on_item, clock)
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()


def _drain_one(
    store: Store,
    pending: deque[Future[tuple[list[Outcome], StageClock]]],
    report: IngestReport,
    on_item: Callable[[str], None] | None,
    clock: StageClock | None,
) -> None:
    """Wait for the oldest chunk, write it, and report progress."""
    outcomes, worker_clock = pending.popleft().result()
    if clock is not None:
        clock.merge(worker_clock)
        started = time.perf_counter()
        write_outcomes(store, outcomes, report)
        clock.lap("store", started)
    else:
        write_outcomes(store, outcomes, report)
    if on_item:
        for outcome in outcomes:
            on_item(outcome.location)
