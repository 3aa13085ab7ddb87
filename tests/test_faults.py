"""Fault injection: SIGKILL an ingest at ten varied points; the database stays whole and the rerun catches up.

The ten kills are chained to keep the test fast: each run resumes what the
killed one before it left, and is itself killed at a new point (during start-up
and schema creation, after the first document, mid-batch, near the end). After
every kill the database must pass ``PRAGMA integrity_check`` and hold only
whole documents: each document present has exactly the sentences, events and
claims it has in an uninterrupted run. The last rerun goes to the end and must
match the uninterrupted run exactly.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from functools import lru_cache
from pathlib import Path

from casus.run.bench import write_corpus

N_DOCS = 150
KILLS = 10


@lru_cache(maxsize=1)
def ingest_cmd() -> tuple[str, ...]:
    """`casus ingest` with one worker when the option exists (a pool's children die with the group anyway)."""
    base = (sys.executable, "-m", "casus", "ingest")
    helptext = subprocess.run([*base, "--help"], capture_output=True, text=True, check=True).stdout
    return (*base, "-q", *(("--workers", "1") if "--workers" in helptext else ()))


def _count(db: Path) -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def per_document(db: Path) -> dict[str, tuple[int, int, int]]:
    """Each document's (sentences, events, claims) counts."""
    conn = sqlite3.connect(db)
    try:
        out = {}
        for (doc,) in conn.execute("SELECT id FROM documents"):
            out[doc] = tuple(
                conn.execute(f"SELECT count(*) FROM {t} WHERE doc_id = ?", (doc,)).fetchone()[0]
                for t in ("sentences", "events", "claims")
            )
        return out
    finally:
        conn.close()


def totals(db: Path) -> tuple[int, ...]:
    conn = sqlite3.connect(db)
    try:
        return tuple(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                     for t in ("documents", "sentences", "events", "claims", "locations"))
    finally:
        conn.close()


def check_whole(db: Path, reference: dict[str, tuple[int, int, int]]) -> int:
    """The killed database is intact and every document in it is complete; returns its document count."""
    if not db.exists():
        return 0
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        conn.close()
    try:
        found = per_document(db)
    except sqlite3.OperationalError as exc:  # killed before the schema was created
        assert "no such table" in str(exc)
        return 0
    for doc, counts in found.items():
        assert counts == reference[doc], f"document {doc} is partial: {counts} != {reference[doc]}"
    return len(found)


def kill_at(cmd: list[str], db: Path, docs_at_least: int | None, after_s: float | None) -> int:
    """Start an ingest, SIGKILL its process group once the store has `docs_at_least` documents or `after_s` passed."""
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    started = time.monotonic()
    deadline = started + 120
    while proc.poll() is None and time.monotonic() < deadline:
        if after_s is not None and time.monotonic() - started >= after_s:
            break
        if docs_at_least is not None and db.exists() and _count(db) >= docs_at_least:
            break
        time.sleep(0.01)
    finished = proc.poll() is not None
    if not finished:
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    stderr = proc.stderr.read().decode() if proc.stderr else ""
    proc.stderr.close() if proc.stderr else None
    assert "Traceback" not in stderr and "locked" not in stderr, stderr
    return proc.returncode


def test_ten_kills_then_rerun_matches_uninterrupted(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    write_corpus(corpus, N_DOCS, seed=21)
    cmd = list(ingest_cmd())
    reference_db = tmp_path / "ref.db"
    subprocess.run([*cmd, str(corpus), "--db", str(reference_db)], check=True, capture_output=True)
    reference = per_document(reference_db)
    assert len(reference) == N_DOCS

    rng = random.Random(1234)
    db = tmp_path / "killed.db"
    # Kill points: by time during start-up and schema creation, then by document counts spread over the batch.
    targets = sorted(rng.sample(range(1, N_DOCS), KILLS - 3))
    plan: list[tuple[int | None, float | None]] = [(None, 0.05), (None, rng.uniform(0.2, 1.0)), (1, None)]
    plan += [(t, None) for t in targets]
    kills = 0
    for docs_at_least, after_s in plan:
        code = kill_at([*cmd, str(corpus), "--db", str(db)], db, docs_at_least, after_s)
        kills += code == -signal.SIGKILL
        have = check_whole(db, reference)
        if docs_at_least is not None:
            assert have >= min(docs_at_least, N_DOCS)
    assert kills >= KILLS - 2, "most runs should have been killed, not finished"

    result = subprocess.run([*cmd, str(corpus), "--db", str(db)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert per_document(db) == reference
    assert totals(db) == totals(reference_db)
