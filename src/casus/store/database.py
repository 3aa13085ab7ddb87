"""All SQL behind one store: SQLite with WAL, foreign keys, named migrations.

Writes happen one document per `BEGIN IMMEDIATE` transaction, so a process killed
mid-batch leaves only whole documents behind, and two writers queue instead of
failing. Readers get plain dicts.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from casus.errors import CasusError
from casus.records import ProcessedDocument
from casus.store.clusters import SCHEMA as CLUSTERS_SCHEMA
from casus.store.clusters import PrefixIndex, assign_document, backfill

BUSY_TIMEOUT_MS = 60_000
# Rows per index that ANALYZE samples: enough for the planner to tell a selective index from a scan.
ANALYSIS_LIMIT = 1000

Migration = Callable[[sqlite3.Connection], None]


def _run_script(conn: sqlite3.Connection, script: str) -> None:
    """Run statements one by one (executescript would commit the open transaction)."""
    for statement in script.split(";"):
        if statement.strip():
            conn.execute(statement)


def _m001_initial(conn: sqlite3.Connection) -> None:
    _run_script(
        conn,
        """
        CREATE TABLE documents (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            title TEXT,
            published TEXT,
            site TEXT,
            text TEXT NOT NULL,
            ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
        );
        CREATE TABLE locations (
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            location TEXT NOT NULL,
            PRIMARY KEY (doc_id, location)
        );
        CREATE INDEX locations_location ON locations(location);
        CREATE TABLE junk (
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            kind TEXT NOT NULL,
            text TEXT NOT NULL,
            PRIMARY KEY (doc_id, seq)
        );
        CREATE TABLE sentences (
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL,
            PRIMARY KEY (doc_id, idx)
        );
        CREATE TABLE events (
            id INTEGER PRIMARY KEY,
            doc_id TEXT NOT NULL,
            sent_idx INTEGER NOT NULL,
            source TEXT NOT NULL,
            event TEXT NOT NULL,
            mode TEXT,
            target TEXT,
            date TEXT,
            modality TEXT NOT NULL,
            negated INTEGER NOT NULL,
            attribution TEXT,
            FOREIGN KEY (doc_id, sent_idx) REFERENCES sentences(doc_id, idx) ON DELETE CASCADE
        );
        CREATE INDEX events_source_target ON events(source, target, event);
        CREATE INDEX events_target ON events(target, event);
        CREATE INDEX events_date ON events(date);
        CREATE INDEX events_doc ON events(doc_id, sent_idx);
        CREATE TABLE claims (
            id INTEGER PRIMARY KEY,
            doc_id TEXT NOT NULL,
            sent_idx INTEGER NOT NULL,
            patron TEXT NOT NULL,
            client TEXT NOT NULL,
            stance TEXT NOT NULL,
            factor TEXT NOT NULL,
            FOREIGN KEY (doc_id, sent_idx) REFERENCES sentences(doc_id, idx) ON DELETE CASCADE
        );
        CREATE INDEX claims_dyad ON claims(patron, client);
        CREATE INDEX claims_doc ON claims(doc_id, sent_idx);
        """
    )


def _m002_published_index(conn: sqlite3.Connection) -> None:
    conn.execute("CREATE INDEX documents_published ON documents(published)")


def _m003_query_indexes(conn: sqlite3.Connection) -> None:
    """Indexes for interactive queries on large stores (benchmarks/README.md, 1M events).

    documents(name, id): `casus events` lists in document-name order, so with a
    LIMIT it walks this index and stops early instead of sorting every event.
    events(event, source): `--type` alone, or `--type` with `--source`.
    """
    _run_script(
        conn,
        """
        CREATE INDEX documents_name ON documents(name, id);
        CREATE INDEX events_event_source ON events(event, source)
        """,
    )


def _m004_document_meta(conn: sqlite3.Connection) -> None:
    """A document's url (front matter, page metadata or the fetched address) and its other
    front-matter keys as a JSON object (NULL when it had none)."""
    _run_script(conn, "ALTER TABLE documents ADD COLUMN url TEXT; ALTER TABLE documents ADD COLUMN meta TEXT")


def _m005_sentence_clusters(conn: sqlite3.Connection) -> None:
    """Near-copy clusters of the sentences that carry an event or a claim (casus.store.clusters), kept as
    documents are written; a store made before is back-filled here, by the first writer that opens it."""
    _run_script(conn, CLUSTERS_SCHEMA)
    backfill(conn)


MIGRATIONS: list[tuple[str, Migration]] = [
    ("001_initial", _m001_initial),
    ("002_published_index", _m002_published_index),
    ("003_query_indexes", _m003_query_indexes),
    ("004_document_meta", _m004_document_meta),
    ("005_sentence_clusters", _m005_sentence_clusters),
]

_EVENT_SELECT = """
SELECT e.id, d.name AS doc, e.doc_id, s.idx AS sent_index, s.text AS sentence, s.start, s."end",
       e.source, e.event, e.mode, e.target, e.date, e.modality, e.negated, e.attribution,
       d.published, d.site, d.title
FROM events e
JOIN sentences s ON s.doc_id = e.doc_id AND s.idx = e.sent_idx
JOIN documents d ON d.id = e.doc_id
"""

# iter_events orders: by document name (False), or newest documents first (True).
_ORDERS = {False: "d.name, e.doc_id, e.id", True: "d.published DESC, e.doc_id, e.id"}
# Event columns that lead an index (migrations 001 and 003): counting their matches is cheap.
_INDEXED = ("source", "target", "event")

_CLAIM_SELECT = """
SELECT c.id, d.name AS doc, c.doc_id, s.idx AS sent_index, s.text AS sentence, s.start, s."end",
       c.patron, c.client, c.stance, c.factor, d.published, d.site, d.title
FROM claims c
JOIN sentences s ON s.doc_id = c.doc_id AND s.idx = c.sent_idx
JOIN documents d ON d.id = c.doc_id
"""


# The near-copy cluster of an event's or claim's sentence (alias {t}), read with `clusters=True`: NULL for
# a row written around the store (casus.run.bench's bulk store), which readers then cluster themselves.
_CLUSTER_COLUMN = (", (SELECT k.cluster FROM clusters k WHERE k.doc_id = {t}.doc_id AND k.idx = {t}.sent_idx)"
                   " AS cluster")


class NoStore(CasusError):
    """A read command was given a path where no store is; the CLI exits 2."""

    exit_code = 2


def no_store_message(path: Path) -> str:
    return f"no casus store at {path}; make one with `casus ingest ARTICLES --db {path}`"


def connect_readonly(path: Path) -> tuple[sqlite3.Connection, bool]:
    """A read-only connection that never writes the file or creates one beside it.

    `mode=ro` first; when SQLite cannot open the WAL index beside the file (a
    read-only folder or mount, no -shm there), `immutable=1`, which reads the
    file as it is. The URI is percent-encoded, so any file name works. Returns the
    connection and whether it is immutable.
    """
    base = path.resolve().as_uri()
    last: sqlite3.OperationalError | None = None
    for query in ("mode=ro", "mode=ro&immutable=1"):
        wal = path.with_name(path.name + "-wal")
        if "immutable" in query and wal.exists() and wal.stat().st_size > 0:
            raise CasusError(f"{path} has recent writes in {wal.name} that cannot be read here (the folder is"
                             " read-only); open it once where it can be written, then read it anywhere")
        conn = sqlite3.connect(f"{base}?{query}", uri=True, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return conn, "immutable" in query
        except sqlite3.OperationalError as exc:  # cannot open the -shm/-wal: try immutable
            conn.close()
            last = exc
    assert last is not None
    raise last


def casus_tables(conn: sqlite3.Connection) -> tuple[set[str], bool]:
    """(the database's own tables, whether it is a casus store: a `_migrations` table recording 001_initial)."""
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
              if not r[0].startswith("sqlite_")}
    if "_migrations" not in tables or "documents" not in tables:
        return tables, False
    return tables, conn.execute("SELECT 1 FROM _migrations WHERE name = '001_initial'").fetchone() is not None


def _others(tables: set[str]) -> str:
    names = sorted(tables)
    return ", ".join(names[:5]) + (f" and {len(names) - 5} more" if len(names) > 5 else "")


class ForeignDatabase(CasusError):
    """A writer was pointed at another program's database; the CLI exits 2 (nothing ingested)."""

    exit_code = 2


class Store:
    """A casus database. `Store(path)` creates it (and its schema) if needed.

    `Store(path, readonly=True)` only reads: it never creates, migrates or writes
    anything (NoStore when the file is missing, unless `missing_ok`, which gives an
    empty store in memory). A writer refuses a database of another program (tables
    but no casus schema) unless `force`.
    """

    def __init__(self, path: str | Path, readonly: bool = False, force: bool = False,
                 missing_ok: bool = False) -> None:
        self.path = Path(path)
        self.readonly = readonly
        self.immutable = False  # read as an immutable file (a read-only folder: no WAL index can be made)
        self._prefixes = PrefixIndex()  # near-copy candidates of this writer (casus.store.clusters)
        if readonly and not self.path.exists():
            if not missing_ok:
                raise NoStore(no_store_message(self.path))
            self.conn = sqlite3.connect(":memory:", isolation_level=None)
            self._migrate()
            return
        if not readonly:
            parent = self.path.parent
            if not parent.exists():
                raise CasusError(f"cannot create database {self.path}: folder {parent} does not exist")
        try:
            if readonly:
                self.conn, self.immutable = connect_readonly(self.path)
            else:
                self.conn = sqlite3.connect(self.path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
                self._refuse_foreign(force)
            self.conn.row_factory = sqlite3.Row
            self.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            self.conn.execute("PRAGMA foreign_keys = ON")
            if not readonly:
                self.conn.execute("PRAGMA journal_mode = WAL")
                self.conn.execute("PRAGMA synchronous = NORMAL")
                self._migrate()
            else:
                self._check_schema()
        except sqlite3.DatabaseError as exc:
            raise CasusError(f"{self.path} is not a usable casus database ({exc})") from exc

    # -- schema -----------------------------------------------------------

    def _migrate(self) -> None:
        """Apply the migrations not yet recorded, each in its own transaction."""
        self.conn.row_factory = sqlite3.Row
        with self.transaction():
            self.conn.execute(
                "CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL"
                " DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')))"
            )
            done = {r[0] for r in self.conn.execute("SELECT name FROM _migrations")}
            for name, migration in MIGRATIONS:
                if name not in done:
                    migration(self.conn)
                    self.conn.execute("INSERT INTO _migrations (name) VALUES (?)", (name,))

    def _refuse_foreign(self, force: bool) -> None:
        """CasusError, before anything is written, if the file is another program's database (unless `force`)."""
        tables, is_casus = casus_tables(self.conn)
        if tables and not is_casus and not force:
            self.conn.close()
            raise ForeignDatabase(f"{self.path} is another program's SQLite database (tables: {_others(tables)}); casus"
                             " will not add its tables to it: give another --db, or pass --force")

    def _check_schema(self) -> None:
        """A reader's check: a casus store with every migration applied; nothing is changed."""
        tables, is_casus = casus_tables(self.conn)
        if not is_casus:
            what = f"it holds other tables: {_others(tables)}" if tables else "it has no tables"
            self.conn.close()
            raise CasusError(f"{self.path} is not a casus store ({what}); give the right --db, or make one with"
                             f" `casus ingest ARTICLES --db {self.path}`")
        done = {r[0] for r in self.conn.execute("SELECT name FROM _migrations")}
        missing = [n for n, _ in MIGRATIONS if n not in done]
        if missing:
            self.conn.close()
            raise CasusError(f"{self.path} was made by an older casus (it lacks {', '.join(missing)}); readers do"
                             f" not change it: bring it up to date by ingesting into it (casus ingest ARTICLES"
                             f" --db {self.path})")

    def schema_version(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT name FROM _migrations ORDER BY name")]

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One `BEGIN IMMEDIATE` write transaction; rolled back on any error."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            self._prefixes.reset()  # it may hold sets that were rolled back: rebuilt from the store on the next write
            raise
        self.conn.execute("COMMIT")

    def optimize(self) -> None:
        """Refresh the query planner's statistics from a sample (milliseconds, even on millions of rows)."""
        self.conn.execute(f"PRAGMA analysis_limit = {ANALYSIS_LIMIT}")
        self.conn.execute("ANALYZE")

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writes -----------------------------------------------------------

    def has_document(self, doc_id: str) -> bool:
        return self.conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone() is not None

    def add_location(self, doc_id: str, location: str) -> None:
        with self.transaction() as c:
            c.execute("INSERT OR IGNORE INTO locations (doc_id, location) VALUES (?, ?)", (doc_id, location))

    def write_document(self, doc: ProcessedDocument) -> bool:
        """Store a processed document in one transaction. False if it was already known."""
        with self.transaction() as c:
            return _insert_document(c, doc, self._prefixes)

    def write_batch(self, items: Sequence[ProcessedDocument | tuple[str, str]]) -> list[bool]:
        """Processed documents and (doc_id, location) pairs of known ones, in order, in one transaction.

        A kill mid-batch loses the whole batch, never part of a document. Returns,
        per item, whether a document was new (False for every location pair).
        """
        written: list[bool] = []
        with self.transaction() as c:
            for item in items:
                if isinstance(item, ProcessedDocument):
                    written.append(_insert_document(c, item, self._prefixes))
                else:
                    c.execute("INSERT OR IGNORE INTO locations (doc_id, location) VALUES (?, ?)", item)
                    written.append(False)
        return written

    # -- reads ------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        return {
            t: self.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # noqa: S608 (fixed names)
            for t in ("documents", "locations", "sentences", "events", "claims", "junk")
        }

    def event_documents(self, source: str, target: str) -> set[str]:
        """The ids of the documents holding an event from `source` to `target` (index events_source_target)."""
        sql = "SELECT DISTINCT doc_id FROM events WHERE source = ? AND target = ?"
        return {r[0] for r in self.conn.execute(sql, (source, target))}

    def sentence_clusters(self) -> dict[tuple[str, int], int]:
        """Cluster id per (doc_id, sentence index) of every stored sentence that carries an event or a claim."""
        return {(r[0], r[1]): r[2] for r in self.conn.execute("SELECT doc_id, idx, cluster FROM clusters ORDER BY sid")}

    def iter_documents(self) -> Iterator[dict[str, Any]]:
        rows = self.conn.execute(
            "SELECT d.id, d.name, d.url, d.title, d.published, d.site, d.meta, d.text,"
            " (SELECT count(*) FROM sentences s WHERE s.doc_id = d.id) AS sentences,"
            " (SELECT count(*) FROM events e WHERE e.doc_id = d.id) AS events"
            " FROM documents d ORDER BY d.name, d.id"
        )
        for row in rows:
            rec = dict(row)
            rec["meta"] = json.loads(rec["meta"]) if rec["meta"] else {}
            rec["locations"] = self.locations(rec["id"])
            yield rec

    def locations(self, doc_id: str) -> list[str]:
        return [r[0] for r in self.conn.execute(
            "SELECT location FROM locations WHERE doc_id = ? ORDER BY rowid", (doc_id,))]

    def find_document(self, key: str) -> dict[str, Any]:
        """A document by id, id prefix, name, or location."""
        row = self.conn.execute("SELECT * FROM documents WHERE id = ?", (key,)).fetchone()
        if row is None:
            rows = self.conn.execute(
                "SELECT DISTINCT d.* FROM documents d LEFT JOIN locations l ON l.doc_id = d.id"
                " WHERE d.id LIKE ? OR d.name = ? OR l.location = ?",
                (key.replace("%", "") + "%", key, key),
            ).fetchall()
            if len(rows) > 1:
                raise CasusError(f"'{key}' matches {len(rows)} documents; give more of the id (see `casus docs`)")
            row = rows[0] if rows else None
        if row is None:
            raise CasusError(f"no document '{key}'; list them with `casus docs`")
        rec = dict(row)
        rec["locations"] = self.locations(rec["id"])
        rec["junk"] = [dict(r) for r in self.conn.execute(
            "SELECT seq, kind, text FROM junk WHERE doc_id = ? ORDER BY seq", (rec["id"],))]
        return rec

    def iter_sentences(self, doc_id: str | None = None) -> Iterator[dict[str, Any]]:
        sql = ('SELECT d.name AS doc, s.doc_id, s.idx AS sent_index, s.start, s."end", s.text AS sentence'
               " FROM sentences s JOIN documents d ON d.id = s.doc_id")
        args: tuple[Any, ...] = ()
        if doc_id:
            sql += " WHERE s.doc_id = ?"
            args = (doc_id,)
        for row in self.conn.execute(sql + " ORDER BY d.name, s.doc_id, s.idx", args):
            yield dict(row)

    def iter_events(
        self,
        source: str | None = None,
        target: str | None = None,
        event: str | None = None,
        modality: str | None = None,
        since: str | None = None,
        until: str | None = None,
        mode: str | None = None,
        limit: int | None = None,
        newest_first: bool = False,
        undated: bool = False,
        clusters: bool = False,
    ) -> Iterator[dict[str, Any]]:
        """Events with their sentence and document; dates compare on the event date, else the published date.

        `undated=True` keeps, under since/until, the events that have neither date.
        `clusters=True` adds `cluster`: the sentence's near-copy cluster id (casus.store.clusters).

        In document-name order, or newest documents (published date) first. With
        a limit, the page is found first (see `_event_page`), and sentences are
        read for its rows only.
        """
        equal = {"source": source, "target": target, "event": event, "modality": modality, "mode": mode}
        where: list[str] = []
        args: list[Any] = []
        for col, val in equal.items():
            if val is not None:
                where.append(f"e.{col} = ?")
                args.append(val)
        or_undated = "COALESCE(e.date, d.published) IS NULL OR " if undated else ""
        if since:
            where.append(f"({or_undated}COALESCE(e.date, d.published) >= ?)")
            args.append(since)
        if until:
            where.append(f"({or_undated}substr(COALESCE(e.date, d.published), 1, ?) <= ?)")
            args.extend([len(until), until])
        order = _ORDERS[newest_first]
        if limit:
            indexed = {k: v for k, v in equal.items() if k in _INDEXED and v is not None}
            page = self._event_page(where, args, indexed, int(limit), newest_first)
            sql = _EVENT_SELECT.replace("FROM events e", f"FROM ({page}) page JOIN events e ON e.id = page.id", 1)
        else:
            sql = _EVENT_SELECT + (" WHERE " + " AND ".join(where) if where else "")
        if clusters:
            sql = sql.replace("\nFROM ", _CLUSTER_COLUMN.format(t="e") + "\nFROM ", 1)
        sql += " ORDER BY " + order
        for row in self.conn.execute(sql, args):
            rec = dict(row)
            rec["negated"] = bool(rec["negated"])
            yield rec

    def count_undated_events(self, source: str | None = None, target: str | None = None, event: str | None = None,
                             modality: str | None = None, mode: str | None = None) -> int:
        """How many events matching these filters have neither an event date nor a published date."""
        equal = {"source": source, "target": target, "event": event, "modality": modality, "mode": mode}
        where = ["e.date IS NULL", "d.published IS NULL"] + [f"e.{col} = ?" for col, v in equal.items() if v is not None]
        sql = "SELECT count(*) FROM events e JOIN documents d ON d.id = e.doc_id WHERE " + " AND ".join(where)
        return int(self.conn.execute(sql, [v for v in equal.values() if v is not None]).fetchone()[0])

    def _event_page(self, where: list[str], args: list[Any], indexed: dict[str, str], limit: int,
                    newest_first: bool = False) -> str:
        """SQL for the ids of the first `limit` matching events in document order (name, or newest first).

        Two plans: when few events match an indexed filter, look them up by index
        and sort them; when many match (or none is indexed), walk documents in
        order (index documents_name or documents_published) and stop at the
        limit. Walking reads about limit * total / matches events, sorting reads
        matches, so walk when matches^2 > limit * total.
        """
        walk = not indexed
        if indexed:
            cond = " AND ".join(f"{col} = ?" for col in indexed)
            matches = self.conn.execute(f"SELECT count(*) FROM events WHERE {cond}",  # noqa: S608 (fixed names)
                                        list(indexed.values())).fetchone()[0]
            total = self.conn.execute("SELECT max(id) FROM events").fetchone()[0] or 0
            walk = matches * matches > limit * total
        if walk:  # `+col` keeps SQLite off the filter indexes; CROSS JOIN keeps documents outermost
            terms = [w.replace("e.", "+e.", 1) if w.split(" ")[0][2:] in _INDEXED else w for w in where]
            joins = "FROM documents d CROSS JOIN events e ON e.doc_id = d.id"
        else:
            terms, joins = where, "FROM events e JOIN documents d ON d.id = e.doc_id"
        cond = " WHERE " + " AND ".join(terms) if terms else ""
        return f"SELECT e.id {joins}{cond} ORDER BY {_ORDERS[newest_first]} LIMIT {limit}"

    def iter_claims(
        self, patron: str | None = None, client: str | None = None, until: str | None = None,
        clusters: bool = False,
    ) -> Iterator[dict[str, Any]]:
        """Claims with their sentence and document; `until` compares on the published date.

        `clusters=True` adds `cluster`: the sentence's near-copy cluster id (casus.store.clusters).
        """
        where: list[str] = []
        args: list[Any] = []
        for col, val in (("c.patron", patron), ("c.client", client)):
            if val is not None:
                where.append(f"{col} = ?")
                args.append(val)
        if until:
            where.append("substr(d.published, 1, ?) <= ?")
            args.extend([len(until), until])
        sql = _CLAIM_SELECT + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY d.name, c.doc_id, c.id"
        if clusters:
            sql = sql.replace("\nFROM ", _CLUSTER_COLUMN.format(t="c") + "\nFROM ", 1)
        for row in self.conn.execute(sql, args):
            yield dict(row)


def _insert_document(c: sqlite3.Connection, doc: ProcessedDocument, index: PrefixIndex) -> bool:
    """Insert one document and its rows inside the caller's transaction; False if it was already known."""
    cur = c.execute(
        "INSERT OR IGNORE INTO documents (id, name, url, title, published, site, meta, text)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (doc.id, display_name(doc.location), doc.url, doc.title, doc.published, doc.site,
         json.dumps(doc.meta, ensure_ascii=False, sort_keys=True) if doc.meta else None, doc.text),
    )
    c.execute("INSERT OR IGNORE INTO locations (doc_id, location) VALUES (?, ?)", (doc.id, doc.location))
    if cur.rowcount == 0:
        return False
    c.executemany(
        "INSERT INTO junk (doc_id, seq, kind, text) VALUES (?, ?, ?, ?)",
        [(doc.id, i, j.kind, j.text) for i, j in enumerate(doc.junk)],
    )
    c.executemany(
        'INSERT INTO sentences (doc_id, idx, start, "end", text) VALUES (?, ?, ?, ?, ?)',
        [(doc.id, s.index, s.start, s.end, s.text) for s in doc.sentences],
    )
    c.executemany(
        "INSERT INTO events (doc_id, sent_idx, source, event, mode, target, date, modality, negated,"
        " attribution) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (doc.id, s.index, e.source, e.event, e.mode, e.target, e.date, e.modality, int(e.negated), e.attribution)
            for s in doc.sentences
            for e in s.events
        ],
    )
    c.executemany(
        "INSERT INTO claims (doc_id, sent_idx, patron, client, stance, factor) VALUES (?, ?, ?, ?, ?, ?)",
        [(doc.id, s.index, cl.patron, cl.client, cl.stance, cl.factor) for s in doc.sentences for cl in s.claims],
    )
    assign_document(c, doc, index)
    return True


def display_name(location: str) -> str:
    """The name a record's `doc` field carries: a URL as is, a path's file name."""
    if "://" in location:
        return location
    return Path(location).name
