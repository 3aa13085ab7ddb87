"""Ingest: files, folders and URLs into raw inputs, then through the pipeline into the store.

A bad input becomes one skip line with its reason; the batch goes on, and each
document is written in one transaction, so nothing is ever half-written.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from casus.read.inputs import MAX_FILE_BYTES, find_inputs
from casus.records import ProcessedDocument
from casus.run.outcomes import IngestReport, Known, record
from casus.run.pipeline import StageClock, process_one
from casus.store.database import Store

# Fewer inputs than this are analysed in this process: starting workers (about a
# second each, mostly loading dictionaries) costs more than it saves.
PARALLEL_MIN_INPUTS = 64

# -- the batch --------------------------------------------------------------


def ingest_one(
    store: Store, location: str, report: IngestReport, clock: StageClock | None = None, **read_opts: Any
) -> None:
    """Read, clean, and (if new) analyse and store one input; record the outcome in report."""
    outcome = process_one(location, store.has_document, clock, **read_opts)
    written = None
    if isinstance(outcome, Known):
        store.add_location(outcome.doc_id, outcome.location)
    elif isinstance(outcome, ProcessedDocument):
        started = time.perf_counter()
        written = store.write_document(outcome)
        if clock:
            clock.lap("store", started)
    record(report, outcome, written)


def default_workers() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def own_files(store: Store) -> list[Path]:
    """The store's database and its journal files, which a folder ingest must not read."""
    db = store.path
    return [db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm"), db.with_name(db.name + "-journal")]


def ingest(
    store: Store,
    paths: Iterable[str],
    allow_private: bool = False,
    max_bytes: int = MAX_FILE_BYTES,
    on_start: Callable[[int], None] | None = None,
    on_item: Callable[[str], None] | None = None,
    workers: int = 1,
    clock: StageClock | None = None,
) -> IngestReport:
    """Ingest files, folders and URLs into the store; the report says what happened to each.

    With `workers` > 1, that many processes read and analyse while this one
    writes (`casus.run.parallel`); the store ends up the same either way.
    """
    locations = find_inputs(paths, exclude=own_files(store))
    report = IngestReport(skipped=list(locations.skipped))
    if on_start:
        on_start(len(locations))
    read_opts = {"allow_private": allow_private, "max_bytes": max_bytes}
    if workers > 1 and len(locations) >= PARALLEL_MIN_INPUTS:
        from casus.run.parallel import ingest_parallel

        ingest_parallel(store, locations, report, workers=workers, on_item=on_item, clock=clock, **read_opts)
    else:
        for location in locations:
            ingest_one(store, location, report, clock, **read_opts)
            if on_item:
                on_item(location)
    if report.new:
        store.optimize()
    return report
