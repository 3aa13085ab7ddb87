"""Load a Parquet folder written by the Dask engine into the store, partition by partition.

Each partition goes in as one transaction through the same writer as `casus
ingest`, in input order, so the store ends up as a one-process ingest of the
same inputs leaves it. Documents already in the store only gain a location.

Example:
    >>> from casus.store.database import Store
    >>> report = load_parquet(Store("casus.db"), "out/")  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from casus.read.inputs import Skip
from casus.records import ProcessedDocument
from casus.run import parquet
from casus.run.outcomes import IngestReport
from casus.store.database import Store


def load_parquet(
    store: Store,
    folder: str | Path,
    on_start: Callable[[int], None] | None = None,
    on_item: Callable[[int], None] | None = None,
) -> IngestReport:
    """Write every partition of `folder` into `store`; skips recorded by the Dask run come back in the report."""
    folder = Path(folder)
    manifest = parquet.read_manifest(folder)
    n = int(manifest.get("partitions", 0))
    report = IngestReport(skipped=[Skip(s["location"], s["reason"]) for s in manifest.get("skipped", [])])
    if on_start:
        on_start(n)
    for index in range(n):
        items = list(parquet.store_items(parquet.read_partition(folder, index)))
        written = store.write_batch(items) if items else []
        for item, new in zip(items, written, strict=True):
            doc_id = item.id if isinstance(item, ProcessedDocument) else item[0]
            (report.new if new else report.known).append(doc_id)
        if on_item:
            on_item(1)
    if report.new:
        store.optimize()
    return report
