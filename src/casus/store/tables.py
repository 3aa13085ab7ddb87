"""Every table's columns, and the SQL the run engines need beside `Store`'s own methods.

`COLUMNS` is the one list of each table's columns and their kinds (the Parquet
hand-over of a Dask run writes exactly these; the SQLite tables carry the same
names, a document's location going to `locations` and an input's place in the
run, `locations.seq`, to the row order). `insert_rows` bulk-writes rows inside a
`Store.transaction()`, `KnownCheck` is a worker's read-only "is this document
stored already?", and `store_digest` fingerprints a whole store.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from casus.store.database import BUSY_TIMEOUT_MS

TABLES = ("documents", "locations", "junk", "sentences", "events", "claims")

# Column kinds, named as pyarrow names its types.
STRING, INT, BOOL = "string", "int64", "bool_"
COLUMNS: dict[str, list[tuple[str, str]]] = {
    "documents": [("id", STRING), ("location", STRING), ("name", STRING), ("title", STRING), ("published", STRING),
                  ("site", STRING), ("text", STRING), ("url", STRING), ("meta", STRING)],
    "locations": [("seq", INT), ("doc_id", STRING), ("location", STRING)],
    "junk": [("doc_id", STRING), ("seq", INT), ("kind", STRING), ("text", STRING)],
    "sentences": [("doc_id", STRING), ("idx", INT), ("start", INT), ("end", INT), ("text", STRING)],
    "events": [("doc_id", STRING), ("sent_idx", INT), ("source", STRING), ("event", STRING), ("mode", STRING),
               ("target", STRING), ("date", STRING), ("modality", STRING), ("negated", BOOL),
               ("attribution", STRING)],
    "claims": [("doc_id", STRING), ("sent_idx", INT), ("patron", STRING), ("client", STRING), ("stance", STRING),
               ("factor", STRING)],
}

# Column names SQL needs quoted.
_RESERVED = frozenset({"end"})


def _quoted(column: str) -> str:
    return f'"{column}"' if column in _RESERVED else column


def insert_rows(conn: sqlite3.Connection, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    """Insert `rows` (values in `columns` order) into `table`, inside the caller's transaction."""
    known = {name for name, _ in COLUMNS[table]}
    unknown = [c for c in columns if c not in known]
    if unknown:
        raise ValueError(f"table {table} has no column {', '.join(unknown)}")
    names = ", ".join(_quoted(c) for c in columns)
    marks = ", ".join("?" for _ in columns)
    conn.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)  # noqa: S608 (checked names)


# Every stored row in a fixed order, ingest times left out: what store_digest reads.
_DIGEST_QUERIES = {
    "documents": "SELECT id, name, title, published, site, text FROM documents ORDER BY id",
    "locations": "SELECT doc_id, location FROM locations ORDER BY doc_id, location",
    "junk": "SELECT * FROM junk ORDER BY doc_id, seq",
    "sentences": "SELECT * FROM sentences ORDER BY doc_id, idx",
    "events": "SELECT * FROM events ORDER BY id",
    "claims": "SELECT * FROM claims ORDER BY id",
}


def store_digest(db: Path) -> dict[str, str]:
    """A SHA-256 per table over every row in a fixed order (ingest times left out): equal digests, equal stores."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        out = {}
        for table, sql in _DIGEST_QUERIES.items():
            h = hashlib.sha256()
            for row in conn.execute(sql):
                h.update(repr(row).encode("utf-8"))
            out[table] = h.hexdigest()
        return out
    finally:
        conn.close()


class KnownCheck:
    """A worker's own read-only look at the store: is a document with this id stored already?

    Only saves work: a store that is missing, or any database error, answers False
    and the writer decides.
    """

    def __init__(self, db: str | Path | None) -> None:
        self.conn: sqlite3.Connection | None = None
        if db and Path(db).exists():
            self.conn = sqlite3.connect(f"file:{Path(db).resolve()}?mode=ro", uri=True,
                                        timeout=BUSY_TIMEOUT_MS / 1000)

    def __call__(self, doc_id: str) -> bool:
        if self.conn is None:
            return False
        try:
            return self.conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone() is not None
        except sqlite3.Error:
            return False
