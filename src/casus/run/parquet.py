"""Processed documents as Parquet partitions, and back: the hand-over between a Dask run and the store.

A folder written by `casus ingest --engine dask --out FOLDER` holds one file per
partition for each table, and a manifest written last:

    FOLDER/documents/part-00000.parquet   id, location, name, title, published, site, text, url, meta
    FOLDER/locations/part-00000.parquet   seq, doc_id, location (every input read, in input order)
    FOLDER/junk/part-00000.parquet        doc_id, seq, kind, text
    FOLDER/sentences/part-00000.parquet   doc_id, idx, start, end, text
    FOLDER/events/part-00000.parquet      doc_id, sent_idx, source, event, mode, target, date, modality, negated, attribution
    FOLDER/claims/part-00000.parquet      doc_id, sent_idx, patron, client, stance, factor
    FOLDER/_casus.json                    partitions, counts and skips

Columns are the store's (`casus.store.tables.COLUMNS`), so DuckDB can query a folder directly:
`SELECT source, count(*) FROM 'FOLDER/events/*.parquet' GROUP BY source`.
A document read in two partitions appears in both; `casus load` keeps one, and in
DuckDB `read_parquet(..., filename = true)` with each doc_id's first file does the same.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from casus.errors import CasusError
from casus.outputs.atomic import atomic_open, atomic_path
from casus.read.inputs import Skip
from casus.records import (
    CodedClaim,
    CodedEvent,
    Junk,
    ProcessedDocument,
    SentenceRecord,
)
from casus.run.outcomes import Known, Outcome
from casus.store.database import display_name
from casus.store.tables import COLUMNS, TABLES

MANIFEST = "_casus.json"
# Written when a run starts, removed when its manifest is: marks a folder casus may clear.
STARTED = "_casus.started"
FORMAT_VERSION = 1
def _pa() -> Any:
    try:
        import pyarrow as pa
        import pyarrow.parquet  # noqa: F401 (loads pa.parquet)
    except ImportError as exc:
        raise CasusError("Parquet needs pyarrow: pip install 'casus[dask]'") from exc
    return pa


def schema(table: str) -> Any:
    pa = _pa()
    return pa.schema([(name, getattr(pa, kind)()) for name, kind in COLUMNS[table]])


def partition_name(index: int) -> str:
    return f"part-{index:05d}.parquet"


# -- outcomes -> rows -------------------------------------------------------


def to_rows(outcomes: Sequence[Outcome]) -> dict[str, list[tuple[Any, ...]]]:
    """Rows of every table for one partition's outcomes (skips leave no row)."""
    rows: dict[str, list[tuple[Any, ...]]] = {t: [] for t in TABLES}
    for seq, o in enumerate(outcomes):
        if isinstance(o, Skip):
            continue
        if isinstance(o, Known):
            rows["locations"].append((seq, o.doc_id, o.location))
            continue
        rows["locations"].append((seq, o.id, o.location))
        rows["documents"].append((o.id, o.location, display_name(o.location), o.title, o.published, o.site, o.text,
                                  o.url, json.dumps(o.meta, ensure_ascii=False, sort_keys=True) if o.meta else None))
        rows["junk"].extend((o.id, i, j.kind, j.text) for i, j in enumerate(o.junk))
        for s in o.sentences:
            rows["sentences"].append((o.id, s.index, s.start, s.end, s.text))
            rows["events"].extend((o.id, s.index, e.source, e.event, e.mode, e.target, e.date, e.modality,
                                   bool(e.negated), e.attribution) for e in s.events)
            rows["claims"].extend((o.id, s.index, c.patron, c.client, c.stance, c.factor) for c in s.claims)
    return rows


def write_partition(out: Path, index: int, rows: dict[str, list[tuple[Any, ...]]]) -> None:
    """Write one partition's tables, each file under a temporary name first, then renamed into place."""
    pa = _pa()
    for table in TABLES:
        folder = out / table
        folder.mkdir(parents=True, exist_ok=True)
        names = [name for name, _ in COLUMNS[table]]
        columns: list[Sequence[Any]] = list(zip(*rows[table], strict=True)) if rows[table] else [[] for _ in names]
        data = pa.table({n: list(col) for n, col in zip(names, columns, strict=True)}, schema=schema(table))
        with atomic_path(folder / partition_name(index)) as tmp:
            pa.parquet.write_table(data, tmp)


def start_folder(out: Path) -> None:
    """Make `out` empty for a new run; refuse a folder with other files in it."""
    import shutil

    if out.exists() and any(out.iterdir()):
        if not ((out / MANIFEST).exists() or (out / STARTED).exists()):
            raise CasusError(f"{out} is not empty and is not a casus Parquet folder; give a new folder with --out")
        shutil.rmtree(out)
    out.mkdir(parents=True, exist_ok=True)
    (out / STARTED).write_text("", encoding="utf-8")


def write_manifest(out: Path, manifest: dict[str, Any]) -> None:
    """The manifest marks the folder complete: written last, atomically."""
    with atomic_open(out / MANIFEST, "w", encoding="utf-8") as fh:
        fh.write(json.dumps({"format": FORMAT_VERSION, **manifest}, indent=1))
    (out / STARTED).unlink(missing_ok=True)


def read_manifest(folder: Path) -> dict[str, Any]:
    """The manifest of a complete folder; CasusError naming the fix if it is missing or unreadable."""
    path = folder / MANIFEST
    if not folder.is_dir():
        raise CasusError(f"no folder {folder}; write one with `casus ingest --engine dask --out {folder}`")
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise CasusError(f"{folder} has no {MANIFEST}: it is not a finished casus Parquet folder;"
                         f" rerun `casus ingest --engine dask --out {folder}`") from exc
    except (OSError, ValueError) as exc:
        raise CasusError(f"cannot read {path}: {exc}") from exc
    if manifest.get("format") != FORMAT_VERSION:
        raise CasusError(f"{path} has format {manifest.get('format')!r}; this casus reads format {FORMAT_VERSION}")
    return manifest


# -- rows -> store items ----------------------------------------------------


def read_partition(folder: Path, index: int) -> dict[str, list[dict[str, Any]]]:
    """One partition's tables as lists of row dicts."""
    pa = _pa()
    out = {}
    for table in TABLES:
        path = folder / table / partition_name(index)
        try:
            out[table] = pa.parquet.read_table(path, schema=schema(table)).to_pylist()
        except (OSError, pa.ArrowException) as exc:
            raise CasusError(f"cannot read {path}: {exc}") from exc
    return out


def store_items(tables: dict[str, list[dict[str, Any]]]) -> Iterator[ProcessedDocument | tuple[str, str]]:
    """A partition as the store writes it: each input in order, a whole document or a known (doc_id, location)."""
    by_doc: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for table in ("junk", "sentences", "events", "claims"):
        for row in tables[table]:
            by_doc.setdefault(row["doc_id"], {}).setdefault(table, []).append(row)
    docs = {(d["id"], d["location"]): d for d in tables["documents"]}
    for loc in sorted(tables["locations"], key=lambda r: r["seq"]):
        doc = docs.pop((loc["doc_id"], loc["location"]), None)
        if doc is None:
            yield (loc["doc_id"], loc["location"])
        else:
            yield _document(doc, by_doc.get(doc["id"], {}))


def _document(doc: dict[str, Any], parts: dict[str, list[dict[str, Any]]]) -> ProcessedDocument:
    sentences = [SentenceRecord(s["idx"], s["start"], s["end"], s["text"]) for s in parts.get("sentences", [])]
    by_idx = {s.index: s for s in sentences}
    for e in parts.get("events", []):
        by_idx[e["sent_idx"]].events.append(CodedEvent(
            source=e["source"], event=e["event"], target=e["target"], mode=e["mode"], date=e["date"],
            modality=e["modality"], negated=bool(e["negated"]), attribution=e["attribution"]))
    for c in parts.get("claims", []):
        by_idx[c["sent_idx"]].claims.append(CodedClaim(c["patron"], c["client"], c["stance"], c["factor"]))
    junk = [Junk(j["text"], j["kind"]) for j in sorted(parts.get("junk", []), key=lambda j: j["seq"])]
    return ProcessedDocument(id=doc["id"], location=doc["location"], text=doc["text"], title=doc["title"],
                             published=doc["published"], site=doc["site"], junk=junk, url=doc.get("url"),
                             meta=json.loads(doc["meta"]) if doc.get("meta") else {},
                             sentences=sorted(sentences, key=lambda s: s.index))
