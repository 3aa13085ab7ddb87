"""The store's own column lists and the SQL the run engines use through it (casus.store.tables, .views)."""

from __future__ import annotations

from pathlib import Path

import pytest

from casus.store.database import Store
from casus.store.tables import COLUMNS, TABLES, KnownCheck, insert_rows, store_digest

from .test_store import make_doc


def test_every_stored_column_is_in_the_one_list(fresh_store: Store) -> None:
    """Each SQLite table's columns (bar the ingest time and row ids) are the listed ones."""
    assert set(COLUMNS) == set(TABLES)
    for table in TABLES:
        stored = {r[1] for r in fresh_store.conn.execute(f"PRAGMA table_info({table})")} - {"id", "ingested_at"}
        listed = {name for name, _ in COLUMNS[table]} - {"id"}
        extra = {"documents": {"location"}, "locations": {"seq"}}.get(table, set())  # the Parquet hand-over's
        assert stored == listed - extra, table


def test_bulk_rows_read_back_as_written(fresh_store: Store) -> None:
    with fresh_store.transaction() as c:
        insert_rows(c, "documents", ("id", "name", "title", "published", "site", "text"),
                    [("d1", "a.txt", "T", "2025-01-02", "example.org", "Some text.")])
        insert_rows(c, "locations", ("doc_id", "location"), [("d1", "/x/a.txt")])
        insert_rows(c, "sentences", ("doc_id", "idx", "start", "end", "text"), [("d1", 0, 0, 10, "Some text.")])
    assert fresh_store.counts()["sentences"] == 1
    assert [s["end"] for s in fresh_store.iter_sentences("d1")] == [10]


def test_bulk_insert_refuses_a_column_no_table_has(fresh_store: Store) -> None:
    with pytest.raises(ValueError, match="no column colour"), fresh_store.transaction() as c:
        insert_rows(c, "documents", ("id", "colour"), [("d1", "red")])
    assert fresh_store.counts()["documents"] == 0


def test_known_check_sees_stored_documents_only(db_path: Path) -> None:
    assert KnownCheck(db_path)("abc") is False  # no store yet: nothing is known, nothing is created
    assert not db_path.exists()
    with Store(db_path) as store:
        store.write_document(make_doc("abc"))
    check = KnownCheck(db_path)
    assert check("abc") is True
    assert check("abd") is False
    assert check.conn is not None
    check.conn.close()
    assert check("abc") is False  # a broken connection only costs the saved work


def test_digest_tells_stores_apart(tmp_path: Path) -> None:
    for name, doc_id in (("a.db", "abc"), ("b.db", "abc"), ("c.db", "abd")):
        with Store(tmp_path / name) as store:
            store.write_document(make_doc(doc_id))
    assert store_digest(tmp_path / "a.db") == store_digest(tmp_path / "b.db")
    assert store_digest(tmp_path / "a.db")["documents"] != store_digest(tmp_path / "c.db")["documents"]
