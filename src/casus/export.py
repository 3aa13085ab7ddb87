"""Exports: documents, sentences, events and claims as JSON Lines or CSV, streamed.

Field names are the evidence schema's, so an export and a gold file compare line by line.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from typing import Any, TextIO

from casus.errors import CasusError
from casus.store import Store

FORMATS = ("jsonl", "csv")

FIELDS: dict[str, list[str]] = {
    "documents": ["id", "name", "locations", "title", "published", "site", "text"],
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


def write(rows: Iterator[dict[str, Any]], kind: str, fmt: str, out: TextIO) -> int:
    """Write rows as jsonl or csv; return how many."""
    if fmt not in FORMATS:
        raise CasusError(f"unknown format {fmt!r}: use jsonl or csv")
    n = 0
    if fmt == "jsonl":
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
            n += 1
        return n
    writer = csv.DictWriter(out, fieldnames=FIELDS[kind], extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        if isinstance(row.get("locations"), list):
            row = {**row, "locations": ";".join(row["locations"])}
        writer.writerow(row)
        n += 1
    return n
