"""Ingest on several processes: the same store as one process, bad input handled the same, memory bounded."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from casus.cli import main
from casus.run import ingest as ingest_mod
from casus.run.bench import write_corpus
from casus.store.tables import store_digest
from casus.run.ingest import ingest
from casus.run.parallel import chunked
from casus.run.pipeline import StageClock
from casus.store.database import Store

N_DOCS = 80


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A synthetic corpus with a duplicate, an empty file and a binary file among the articles."""
    folder = tmp_path_factory.mktemp("corpus")
    write_corpus(folder, N_DOCS, seed=11)
    first = next(folder.rglob("article_000003.txt"))
    (folder / "zz_copy.txt").write_text(first.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blob.txt").write_bytes(b"\x00\x01binary\x00" * 40)
    return folder


@pytest.fixture(scope="module")
def serial_db(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, ingest_mod.IngestReport]:
    db = tmp_path_factory.mktemp("serial") / "one.db"
    with Store(db) as store:
        report = ingest(store, [str(corpus)], workers=1)
    return db, report


def test_two_workers_write_the_same_store(corpus: Path, serial_db: tuple[Path, ingest_mod.IngestReport],
                                          tmp_path: Path) -> None:
    db, serial = serial_db
    clock = StageClock()
    with Store(tmp_path / "two.db") as store:
        report = ingest(store, [str(corpus)], workers=2, clock=clock)
    assert store_digest(tmp_path / "two.db") == store_digest(db)
    assert (report.new, report.known, report.skipped) == (serial.new, serial.known, serial.skipped)
    assert (len(report.new), len(report.known), len(report.skipped), report.exit_code) == (N_DOCS, 1, 2, 1)
    assert set(clock.seconds) == {"read", "clean", "segment", "code", "claims", "store"}


def test_second_parallel_run_finds_everything_known(corpus: Path, serial_db: tuple[Path, ingest_mod.IngestReport],
                                                    tmp_path: Path) -> None:
    db = tmp_path / "again.db"
    with Store(db) as store:
        ingest(store, [str(corpus)], workers=2)
        again = ingest(store, [str(corpus)], workers=2)
    assert (len(again.new), len(again.known)) == (0, N_DOCS + 1)
    assert store_digest(db) == store_digest(serial_db[0])


def test_cli_workers_option(corpus: Path, serial_db: tuple[Path, ingest_mod.IngestReport], tmp_path: Path) -> None:
    db = tmp_path / "cli.db"
    result = CliRunner().invoke(main, ["ingest", str(corpus), "--db", str(db), "--workers", "2", "-q"])
    assert result.exit_code == 1, result.output
    assert f"{N_DOCS} new, 1 already known, 2 skipped" in result.output
    assert "skipped" in result.output and "empty file" in result.output
    assert store_digest(db) == store_digest(serial_db[0])


def test_small_batches_stay_in_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Below PARALLEL_MIN_INPUTS no worker is started."""
    (tmp_path / "c").mkdir()
    write_corpus(tmp_path / "c", 3)

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("workers started for a tiny batch")

    monkeypatch.setattr("casus.run.parallel.ingest_parallel", refuse)
    with Store(tmp_path / "c.db") as store:
        assert len(ingest(store, [str(tmp_path / "c")], workers=4).new) == 3


@pytest.mark.parametrize(("n", "size", "expected"), [(0, 3, []), (5, 2, [[0, 1], [2, 3], [4]]), (3, 8, [[0, 1, 2]])])
def test_chunked(n: int, size: int, expected: list[list[int]]) -> None:
    assert list(chunked([str(i) for i in range(n)], size)) == [[str(i) for i in c] for c in expected]


def test_write_batch_is_one_transaction(serial_db: tuple[Path, ingest_mod.IngestReport], tmp_path: Path) -> None:
    """A failing document rolls back its whole batch: nothing half-written."""
    import sqlite3

    from casus.records import CodedEvent
    from tests.test_store import make_doc

    bad = make_doc("bad", "/x/bad.txt")
    bad.sentences[1].events.append(CodedEvent("IRN", "AID", None, modality=None))  # type: ignore[arg-type]
    with Store(tmp_path / "b.db") as store:
        with pytest.raises(sqlite3.IntegrityError):
            store.write_batch([make_doc("good", "/x/good.txt"), bad])
        assert store.counts() == dict.fromkeys(store.counts(), 0)
        assert store.write_batch([make_doc("good", "/x/good.txt"), ("good", "/y/good.txt")]) == [True, False]
        assert store.find_document("good")["locations"] == ["/x/good.txt", "/y/good.txt"]


def _children(pid: int) -> list[int]:
    """Pids whose parent is `pid` (Linux /proc)."""
    out = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            out.append(int(stat.parent.name))
    return out


def _running(pid: int) -> bool:
    """Alive and not a zombie waiting to be reaped."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc (Linux)")
def test_workers_exit_when_the_ingest_is_killed(corpus: Path, tmp_path: Path) -> None:
    import os
    import signal
    import subprocess
    import sys
    import time

    proc = subprocess.Popen([sys.executable, "-m", "casus", "ingest", str(corpus), "-q", "-j", "2",
                             "--db", str(tmp_path / "k.db")], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    workers: list[int] = []
    while time.time() < deadline and proc.poll() is None and len(workers) < 2:
        workers = [c for c in _children(proc.pid) if b"spawn_main" in Path(f"/proc/{c}/cmdline").read_bytes()]
        time.sleep(0.1)
    assert workers, "no worker process started"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    deadline = time.time() + 15
    while time.time() < deadline and any(_running(w) for w in workers):
        time.sleep(0.2)
    alive = [w for w in workers if _running(w)]
    for w in alive:
        os.kill(w, signal.SIGKILL)
    assert not alive, "workers outlived the killed ingest"
