"""The command line, through click's CliRunner: exit codes and one-line errors."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from casus.cli import main
from casus.run.bench import write_corpus

ARTICLE = (
    "Tokyo weighs its options\nMay 2, 2024\n\n"
    "Japan and the United States held talks in Tokyo on Tuesday. "
    "Washington reaffirmed that the treaty covers the islands, officials said.\n"
)


def run(*args: str) -> object:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture
def ingested(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    db = tmp_path / "c.db"
    result = run("ingest", str(tmp_path / "a.txt"), "--db", str(db))
    assert result.exit_code == 0, result.output
    assert "1 new, 0 already known, 0 skipped" in result.output
    return db


def test_ingest_exit_codes(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("")
    db = str(tmp_path / "c.db")
    partial = run("ingest", str(tmp_path), "--db", db)
    assert partial.exit_code == 1
    assert "skipped" in partial.output and "empty file" in partial.output
    assert run("ingest", str(tmp_path / "a.txt"), "--db", db).exit_code == 0
    assert run("ingest", str(tmp_path / "empty.txt"), "--db", db).exit_code == 2


def test_docs_show_export(ingested: Path) -> None:
    db = str(ingested)
    assert "Tokyo weighs" in run("docs", "--db", db).output
    shown = run("show", "a.txt", "--db", db)
    assert shown.exit_code == 0 and "published: 2024-05-02" in shown.output
    docs = [json.loads(line) for line in run("export", "documents", "--db", db).output.splitlines()]
    assert set(docs[0]) >= {"id", "locations", "title", "published", "site", "text"}
    sentences = list(csv.DictReader(io.StringIO(run("export", "sentences", "--format", "csv", "--db", db).output)))
    text = docs[0]["text"]
    for s in sentences:
        assert text[int(s["start"]):int(s["end"])] == s["sentence"] and s["doc"] == "a.txt"


def test_export_to_unwritable_path(ingested: Path) -> None:
    result = CliRunner().invoke(main, ["export", "events", "--db", str(ingested), "-o", "/nonexistent/dir/x.jsonl"])
    assert result.exit_code == 1
    assert result.output.count("\n") == 1 and "cannot write" in result.output


def test_show_unknown_document(ingested: Path) -> None:
    result = CliRunner().invoke(main, ["show", "nope", "--db", str(ingested)])
    assert result.exit_code == 1 and "casus docs" in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["assess", "Rusia", "Iran"], "unknown actor 'Rusia'"),
        (["assess", "RUS", "IRN", "--as-of", "12/06/2025"], "expected YYYY"),
        (["events", "--since", "June"], "expected YYYY"),
        (["assess"], "PATRON and CLIENT"),
    ],
)
def test_one_line_errors(tmp_path: Path, args: list[str], message: str) -> None:
    result = CliRunner().invoke(main, [*args, "--db", str(tmp_path / "none.db")])
    assert result.exit_code != 0
    assert message in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    ("content", "message"),
    [("{not json", "not valid JSON"), ('{"patron": "RUS", "client": "IRN"}', "missing the field")],
)
def test_bad_scenario_file(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "s.json"
    path.write_text(content)
    result = CliRunner().invoke(main, ["assess", "--scenario", str(path)])
    assert result.exit_code == 1 and message in result.output and "Traceback" not in result.output


def test_assess_on_empty_store_by_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # no store at the default --db: shipped knowledge (a --db given must exist)
    result = run("assess", "Russia", "Iran", "--attacker", "Israel", "--format", "json")
    out = json.loads(result.output)
    assert (out["patron"], out["client"], out["attacker"]) == ("RUS", "IRN", "ISR")
    values = [out["ladder"][r] for r in ("statement", "diplomatic", "economic", "materiel", "intelligence", "direct")]
    assert values == sorted(values, reverse=True)
    assert not (tmp_path / "casus.db").exists()


def test_backtest_json_shape() -> None:
    out = json.loads(run("backtest", "--format", "json").output)
    for rung in ("materiel", "direct"):
        assert out["rungs"][rung]["brier"] < out["rungs"][rung]["base_rate_brier"]


def test_killed_ingest_resumes(tmp_path: Path) -> None:
    """SIGKILL mid-batch leaves a consistent database; the rerun ends where an uninterrupted run does."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    write_corpus(corpus, 300, seed=3)
    cmd = [sys.executable, "-m", "casus", "ingest", str(corpus), "-q", "--db"]
    reference = tmp_path / "ref.db"
    subprocess.run([*cmd, str(reference)], check=True, capture_output=True)
    db = tmp_path / "killed.db"
    proc = subprocess.Popen([*cmd, str(db)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    while time.time() < deadline and proc.poll() is None:
        if db.exists() and _count(db) >= 20:
            break
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    orphans = conn.execute("SELECT count(*) FROM documents d WHERE NOT EXISTS"
                           " (SELECT 1 FROM sentences s WHERE s.doc_id = d.id)").fetchone()[0]
    assert orphans == 0
    conn.close()
    subprocess.run([*cmd, str(db)], check=True, capture_output=True)
    assert _all(db, "SELECT id FROM documents") == _all(reference, "SELECT id FROM documents")
    for table in ("sentences", "events", "claims"):
        q = f"SELECT count(*) FROM {table}"
        assert _all(db, q) == _all(reference, q)


def _count(db: Path) -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.Error:
        return 0


def _all(db: Path, sql: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(db)
    try:
        return sorted(conn.execute(sql).fetchall())
    finally:
        conn.close()
