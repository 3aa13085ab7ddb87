"""Exports: documents, sentences, events and claims as JSON Lines or CSV, streamed.

Field names are the evidence schema's, so an export and a gold file compare line by line.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from typing import IO, Any

from casus.errors import CasusError
from casus.outputs.atomic import atomic_open, atomic_path
from casus.outputs.terminal import json_line
from casus.store.database import Store

FORMATS = ("jsonl", "csv")

FIELDS: dict[str, list[str]] = {
    "documents": ["id", "name", "locations", "url", "title", "published", "site", "meta", "text"],
    "sentences": ["doc", "doc_id", "index", "start", "end", "sentence"],
    "events": ["id", "doc", "sentence", "source", "event", "mode", "target", "date", "modality", "negated",
               "attribution", "start", "end"],
    "claims": ["id", "doc", "sentence", "patron", "client", "stance", "factor", "start", "end"],
}


def records(store: Store, kind: str, **filters: Any) -> Iterator[dict[str, Any]]:
    """The records of one kind, in the export's field order."""
    if kind == "documents":
        rows: Iterator[dict[str, Any]] = store.iter_documents()
    elif kind == "sentences":
        rows = ({**r, "index": r["sent_index"]} for r in store.iter_sentences())
    elif kind == "events":
        rows = store.iter_events(**filters)
    elif kind == "claims":
        rows = store.iter_claims(**filters)
    else:
        raise CasusError(f"unknown export {kind!r}: choose one of {', '.join(FIELDS)}")
    names = FIELDS[kind]
    for row in rows:
        yield {name: row.get(name) for name in names}


def write(rows: Iterator[dict[str, Any]], kind: str, fmt: str, out: IO[str]) -> int:
    """Write rows as jsonl or csv; return how many."""
    if fmt not in FORMATS:
        raise CasusError(f"unknown format {fmt!r}: use jsonl or csv")
    n = 0
    if fmt == "jsonl":
        for row in rows:
            out.write(json_line(row) + "\n")
            n += 1
        return n
    writer = csv.DictWriter(out, fieldnames=FIELDS[kind], extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        if isinstance(row.get("locations"), list):
            row = {**row, "locations": ";".join(row["locations"])}
        if isinstance(row.get("meta"), dict):
            row = {**row, "meta": meta_json(row["meta"]) or ""}
        writer.writerow(row)
        n += 1
    return n


# -- Parquet, PLOVER/POLECAT JSON, GraphML ---------------------------------------------

EXTRA_FORMATS = ("parquet", "polecat", "graphml")
CODER = "casus"
CODEBOOK = "plover-2.0 (casus mapping: evidence-schema.md, Relation to PLOVER)"

_PA_TYPES: dict[str, str] = {"id": "int64", "index": "int64", "start": "int64", "end": "int64", "negated": "bool"}


def parquet_schema(kind: str) -> Any:
    """The pyarrow schema of one export kind: the export's fields, typed."""
    import pyarrow as pa

    types = {"int64": pa.int64(), "bool": pa.bool_()}
    fields = []
    for name in FIELDS[kind]:
        if kind == "documents" and name == "locations":
            fields.append(pa.field(name, pa.list_(pa.string())))
        elif kind == "documents" and name == "id":
            fields.append(pa.field(name, pa.string()))
        else:
            fields.append(pa.field(name, types.get(_PA_TYPES.get(name, ""), pa.string())))
    return pa.schema(fields)


def meta_json(meta: dict[str, Any] | None) -> str | None:
    """A document's front-matter metadata as one JSON text (CSV and Parquet columns); None when empty."""
    return json.dumps(meta, ensure_ascii=False, sort_keys=True) if meta else None


def write_parquet(rows: Iterator[dict[str, Any]], kind: str, path: str, batch_size: int = 10_000) -> int:
    """Write rows as one Parquet file, in batches so memory stays flat; return how many.

    A document's `meta` (front-matter keys of any shape) is one JSON text column. Written
    beside `path` and renamed over it when complete (casus.outputs.atomic).
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = parquet_schema(kind)
    n = 0
    with atomic_path(path) as tmp, pq.ParquetWriter(str(tmp), schema, compression="zstd") as writer:
        batch: list[dict[str, Any]] = []
        for row in rows:
            if isinstance(row.get("meta"), dict):
                row = {**row, "meta": meta_json(row["meta"])}
            batch.append(row)
            if len(batch) >= batch_size:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                n += len(batch)
                batch = []
        if batch or n == 0:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            n += len(batch)
    return n


_CONTEXT_OF_MODE = {"military": "military", "intervention": "military", "economic": "economic",
                    "diplomatic": "diplomatic", "nuclear": "nuclear", "intelligence": "intelligence",
                    "trade": "economic", "treaty": "diplomatic", "pact": "diplomatic"}


def plover_event(rec: dict[str, Any]) -> tuple[str, list[str], list[str]]:
    """(event, mode list, context list) in PLOVER/POLECAT terms for one casus event (evidence-schema mapping)."""
    event, mode = rec["event"], rec.get("mode")
    context = [_CONTEXT_OF_MODE[mode]] if mode in _CONTEXT_OF_MODE else []
    if event == "AID" and rec.get("negated"):
        return "REJECT", ["assist"], context
    if event == "AGREE" and mode in ("treaty", "pact", "trade") and rec.get("modality") != "future":
        return "SUPPORT", [], context
    if event in ("AID", "COOPERATE"):
        return event, [], context
    return event, [mode] if mode else [], []


def polecat_record(rec: dict[str, Any]) -> dict[str, Any]:
    """One event as a PLOVER-manual JSON record (field names from its "PLOVER JSON" table), casus fields added."""
    from casus.outputs import goldstein

    event, mode, context = plover_event(rec)
    doc = str(rec.get("doc") or "")
    url = doc if doc.startswith(("http://", "https://")) else None
    return {
        "id": f"casus-{rec['doc_id'][:16]}-{rec['id']}",
        "date": rec.get("date") or rec.get("published"),
        "source": [{"code": rec["source"]}],
        "recipient": [{"code": rec["target"]}] if rec.get("target") else [],
        "event": [event],
        "mode": mode,
        "context": context,
        "quad_code": goldstein.quad(event),
        "event_scale": goldstein.score(rec),
        "text": rec.get("sentence"),
        "text_info": {"sequence": rec.get("sent_index"), "start": rec.get("start"), "end": rec.get("end")},
        "cite_info": {"url": url, "title": rec.get("title"), "publication": rec.get("site"), "coder": CODER,
                      "codebook": CODEBOOK},
        "coder": CODER,
        # casus's own fields (PLOVER defines modality and negation but no coder fills them)
        "doc": doc,
        "modality": rec.get("modality"),
        "negated": bool(rec.get("negated")),
        "attribution": rec.get("attribution"),
        "casus_event": rec["event"],
        "casus_mode": rec.get("mode"),
    }


def write_polecat(rows: Iterator[dict[str, Any]], out: IO[str]) -> int:
    """Write events as PLOVER/POLECAT-style JSON Lines; return how many."""
    n = 0
    for rec in rows:
        out.write(json_line(polecat_record(rec)) + "\n")
        n += 1
    return n


def write_extra(store: Store, kind: str, fmt: str, output: str | None) -> int:
    """Export in parquet, polecat or graphml to `output` (stdout for polecat and graphml when None)."""
    import sys

    if fmt not in EXTRA_FORMATS:
        raise CasusError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS + EXTRA_FORMATS)}")
    if fmt in ("polecat", "graphml") and kind != "events":
        raise CasusError(f"--format {fmt} exports events only: use `casus export events --format {fmt}`")
    if fmt == "parquet" and not output:
        raise CasusError("Parquet is a binary file: give one with -o, e.g. -o events.parquet")
    try:
        if fmt == "parquet":
            return write_parquet(records(store, kind), kind, str(output))
        if fmt == "polecat":
            if not output:
                return write_polecat(store.iter_events(), sys.stdout)
            with atomic_open(output, "w", encoding="utf-8") as out:
                return write_polecat(store.iter_events(), out)
        from casus.outputs.network import build_graph, write_graphml

        graph = build_graph(store.iter_events())
        if not output:
            write_graphml(graph, sys.stdout.buffer)
        else:
            with atomic_open(output, "wb") as binary:
                write_graphml(graph, binary)
        return int(graph.number_of_edges())
    except OSError as exc:
        raise CasusError(f"cannot write {output}: {exc.strerror or exc}; choose another path with -o") from exc
