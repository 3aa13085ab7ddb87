"""Ingest on a Dask cluster: the same stage functions, run over chunks of files, written as Parquet.

Each Dask task takes one chunk of locations, runs `casus.run.pipeline.process_one`
(read, clean, segment, code, claims) on each, and writes the chunk's rows as one
Parquet partition per table (`casus.run.parquet`). Workers must see the input files
and the output folder (a local cluster, or a shared file system). Bring the
result into a store with `casus load FOLDER --db FILE`, or query it in place
with DuckDB.

Example:
    >>> from distributed import Client, LocalCluster
    >>> from casus.run.distributed import ingest_to_parquet
    >>> with LocalCluster(n_workers=2, threads_per_worker=1) as cluster, Client(cluster) as client:  # doctest: +SKIP
    ...     report = ingest_to_parquet(["articles/"], "out/", scheduler=client)
    >>> from casus.run.load import load_parquet  # doctest: +SKIP
    >>> load_parquet(Store("casus.db"), "out/")  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from casus.errors import CasusError
from casus.read.inputs import MAX_FILE_BYTES, Skip, expand_inputs
from casus.run import parquet
from casus.run.ingest import default_workers
from casus.run.outcomes import IngestReport, Known
from casus.run.parallel import chunked
from casus.run.pipeline import StageClock, process_one
from casus.store.database import Store

# Locations per Dask task and per Parquet partition: about 10 s of work each, a few MB of Parquet.
PARTITION_DOCS = 250


@dataclass
class PartitionSummary:
    """What one task did; small, so it travels back to the client cheaply."""

    index: int
    new: list[str] = field(default_factory=list)
    known: list[str] = field(default_factory=list)
    skipped: list[Skip] = field(default_factory=list)
    rows: dict[str, int] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)


def process_partition(index: int, locations: list[str], out: str, read_opts: dict[str, Any]) -> PartitionSummary:
    """In a Dask worker: process one chunk of locations and write it as partition `index` under `out`."""
    seen: set[str] = set()
    clock = StageClock()
    outcomes = []
    summary = PartitionSummary(index)
    for location in locations:
        outcome = process_one(location, seen.__contains__, clock, **read_opts)
        outcomes.append(outcome)
        if isinstance(outcome, Skip):
            summary.skipped.append(outcome)
        elif isinstance(outcome, Known):
            summary.known.append(outcome.doc_id)
        else:
            seen.add(outcome.id)
            summary.new.append(outcome.id)
    rows = parquet.to_rows(outcomes)
    parquet.write_partition(Path(out), index, rows)
    summary.rows = {t: len(r) for t, r in rows.items()}
    summary.seconds = clock.seconds
    return summary


@contextmanager
def dask_client(scheduler: Any = None, workers: int | None = None) -> Iterator[Any]:
    """A Dask client: the one given, one connected to a scheduler address, or a new local cluster of processes."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise CasusError("the Dask engine needs dask[distributed] and pyarrow: pip install 'casus[dask]'") from exc
    if scheduler is not None and not isinstance(scheduler, str):
        yield scheduler
        return
    with ExitStack() as stack:
        if scheduler is None:
            cluster = stack.enter_context(LocalCluster(
                n_workers=workers or default_workers(), threads_per_worker=1, processes=True,
                dashboard_address=None))
            client = stack.enter_context(Client(cluster))
        else:
            try:
                client = stack.enter_context(Client(scheduler, timeout="30s"))
            except OSError as exc:
                raise CasusError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from exc
        yield client


def ingest_to_parquet(
    paths: Iterable[str],
    out: str | Path,
    scheduler: Any = None,
    workers: int | None = None,
    partition_docs: int = PARTITION_DOCS,
    allow_private: bool = False,
    max_bytes: int = MAX_FILE_BYTES,
    on_start: Callable[[int], None] | None = None,
    on_item: Callable[[int], None] | None = None,
    exclude: Iterable[Path] = (),
) -> IngestReport:
    """Run the pipeline over `paths` on Dask and write Parquet partitions to `out` (emptied first).

    `scheduler` is a `distributed.Client`, a scheduler address, or None for a
    local cluster of `workers` processes. `on_item(n)` hears of n more inputs done.
    The report counts a document read twice in one partition as known once.
    """
    out = Path(out)
    parquet.start_folder(out)
    locations, skips = expand_inputs(paths, exclude=exclude)
    inside = out.resolve()
    locations = [loc for loc in locations if inside not in Path(loc).resolve().parents]
    report = IngestReport(skipped=list(skips))
    if on_start:
        on_start(len(locations))
    chunks = list(chunked(locations, partition_docs))
    read_opts = {"allow_private": allow_private, "max_bytes": max_bytes}
    summaries: list[PartitionSummary] = []
    if chunks:
        with dask_client(scheduler, workers) as client:
            from distributed import as_completed

            futures = client.map(process_partition, range(len(chunks)), chunks, out=str(out.resolve()),
                                 read_opts=read_opts, pure=False)
            for future in as_completed(futures):
                summary = future.result()
                summaries.append(summary)
                if on_item:
                    on_item(len(chunks[summary.index]))
                future.release()
    summaries.sort(key=lambda s: s.index)
    for s in summaries:
        report.new.extend(s.new)
        report.known.extend(s.known)
        report.skipped.extend(s.skipped)
    parquet.write_manifest(out, {
        "partitions": len(chunks),
        "rows": {t: sum(s.rows.get(t, 0) for s in summaries) for t in parquet.TABLES},
        "stage_seconds": {k: round(sum(s.seconds.get(k, 0.0) for s in summaries), 3) for k in
                          ("read", "clean", "segment", "code", "claims")},
        "skipped": [{"location": s.location, "reason": s.reason} for s in report.skipped],
    })
    return report


def ingest_on_dask(store: Store, paths: Iterable[str], scheduler: Any = None, workers: int | None = None,
                   **opts: Any) -> IngestReport:
    """Ingest `paths` into `store` on a Dask cluster: the stages run on the workers into a temporary Parquet
    folder beside the store, which is then loaded here (the store has one writer). Options as for
    `ingest_to_parquet`.

    Example:
        >>> from casus.store.database import Store
        >>> with Store("casus.db") as store:                                  # doctest: +SKIP
        ...     report = ingest_on_dask(store, ["articles/"], scheduler="tcp://10.0.0.5:8786")
    """
    import tempfile

    from casus.run.ingest import own_files
    from casus.run.load import load_parquet

    with tempfile.TemporaryDirectory(prefix="casus-dask-", dir=Path(store.path).resolve().parent) as tmp:
        ingest_to_parquet(paths, tmp, scheduler=scheduler, workers=workers, exclude=own_files(store), **opts)
        return load_parquet(store, tmp)
