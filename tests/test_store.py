"""The store: migrations, one transaction per document, concurrent writers."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from casus.errors import CasusError
from casus.records import (
    CodedClaim,
    CodedEvent,
    Junk,
    ProcessedDocument,
    SentenceRecord,
)
from casus.store.database import MIGRATIONS, Store


def make_doc(doc_id: str = "abc", location: str = "/x/a.txt") -> ProcessedDocument:
    text = "Russia condemned the strike. Iran thanked it."
    return ProcessedDocument(
        id=doc_id, location=location, text=text, title="T", published="2025-06-14", site="example.org",
        junk=[Junk("Share your thoughts below", "cta")],
        sentences=[
            SentenceRecord(0, 0, 28, text[0:28], [CodedEvent("RUS", "ACCUSE", "ISR", "disapprove")],
                           [CodedClaim("RUS", "IRN", "for", "signal")]),
            SentenceRecord(1, 29, 45, text[29:45]),
        ],
    )


def test_migrations_recorded_and_rerun_safe(db_path: Path) -> None:
    Store(db_path).close()
    store = Store(db_path)
    assert store.schema_version() == [name for name, _ in MIGRATIONS]
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_write_and_read_back(fresh_store: Store) -> None:
    assert fresh_store.write_document(make_doc()) is True
    assert fresh_store.write_document(make_doc(location="/y/a.txt")) is False
    doc = fresh_store.find_document("abc")
    assert doc["locations"] == ["/x/a.txt", "/y/a.txt"]
    assert doc["junk"][0]["kind"] == "cta"
    (event,) = fresh_store.iter_events(source="RUS")
    assert event["sentence"] == "Russia condemned the strike."
    assert event["doc"] == "a.txt" and event["negated"] is False
    assert [c["stance"] for c in fresh_store.iter_claims(patron="RUS")] == ["for"]


@pytest.mark.parametrize(("until", "expected"), [("2025-06-13", 0), ("2025-06-14", 1), ("2025-06", 1), ("2024", 0)])
def test_until_filters_on_published_date(fresh_store: Store, until: str, expected: int) -> None:
    fresh_store.write_document(make_doc())
    assert len(list(fresh_store.iter_events(until=until))) == expected


def test_failed_write_leaves_nothing(fresh_store: Store) -> None:
    doc = make_doc()
    doc.sentences[1].events.append(CodedEvent("IRN", "AID", None))
    doc.sentences[1].events[0].modality = None  # type: ignore[assignment]  # NOT NULL violation mid-write
    with pytest.raises(sqlite3.IntegrityError):
        fresh_store.write_document(doc)
    assert fresh_store.counts() == dict.fromkeys(fresh_store.counts(), 0)


def test_readonly_missing_db_is_refused_or_empty(tmp_path: Path) -> None:
    from casus.store.database import NoStore

    with pytest.raises(NoStore, match="no casus store at"):
        Store(tmp_path / "nope.db", readonly=True)
    store = Store(tmp_path / "nope.db", readonly=True, missing_ok=True)
    assert store.counts()["documents"] == 0
    assert not (tmp_path / "nope.db").exists()


def test_not_a_database(tmp_path: Path) -> None:
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(CasusError, match="not a usable casus database"):
        Store(bad)


def test_two_writers_at_once(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    Store(db).close()
    script = (
        "import sys; from casus.store.database import Store; from tests.test_store import make_doc\n"
        "s = Store(sys.argv[1])\n"
        "for i in range(40): s.write_document(make_doc(f'{sys.argv[2]}{i % 30}', f'/{sys.argv[2]}/{i}.txt'))\n"
    )
    procs = [subprocess.Popen([sys.executable, "-c", script, str(db), tag], cwd=Path(__file__).parents[1])
             for tag in ("a", "a", "b")]
    assert [p.wait(timeout=120) for p in procs] == [0, 0, 0]
    store = Store(db)
    assert store.counts()["documents"] == 60
    assert store.counts()["locations"] == 80


def test_reader_leaves_an_older_store_as_it_is(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Readers never migrate (issue 14, defect 7): they name the fix; a writer brings the store up to date."""
    import casus.store.database

    monkeypatch.setattr(casus.store.database, "MIGRATIONS", MIGRATIONS[:-1])  # a store made by an older casus
    Store(db_path).close()
    monkeypatch.setattr(casus.store.database, "MIGRATIONS", MIGRATIONS)
    with pytest.raises(CasusError, match="older casus"):
        Store(db_path, readonly=True)
    Store(db_path).close()
    store = Store(db_path, readonly=True)
    assert store.schema_version() == [name for name, _ in MIGRATIONS]
