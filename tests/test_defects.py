"""Issue 14's eleven defects, each reproduced: names, terminal escapes, stores, writes, fetch, serve, HTML.

Every test here failed on the code before its fix. Fixtures are sentences written
for these tests; servers listen on 127.0.0.1 only and every wait is bounded.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from casus.cli import main

ARTICLE = (
    "Harbour talks in Oslo\nMarch 3, 2024\n\n"
    "Norway and Denmark signed a fisheries accord in Oslo on Monday. "
    "Officials in Copenhagen said the pact would last a decade.\n"
)
OTHER = (
    "River dispute\nApril 9, 2024\n\n"
    "Egypt accused Ethiopia of filling the dam without a deal. "
    "Cairo said it would take the matter to the Security Council.\n"
)
THIRD = (
    "Steel quotas\nJune 1, 2024\n\n"
    "Canada and Mexico agreed on steel quotas after talks in Ottawa. "
    "Both trade ministers called the result fair.\n"
)


def run(*args: str, color: bool = True) -> object:
    """The command as a terminal would see it: color=True keeps whatever escapes click would print."""
    return CliRunner().invoke(main, list(args), catch_exceptions=False, color=color)


def fsname(name: bytes) -> str:
    """A file name from raw bytes, as Python's os functions spell it (surrogateescape)."""
    return os.fsdecode(name)


# -- 1 and 6: file names that are not UTF-8, or hold a newline -------------------------------------


def test_non_utf8_file_name_is_one_skip_line_and_the_batch_goes_on(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / fsname(b"b\xff.txt")).write_text(OTHER, encoding="utf-8")
    (folder / "c.txt").write_text(THIRD, encoding="utf-8")
    db = tmp_path / "c.db"
    result = run("ingest", str(folder), "--db", str(db), "-q")
    assert result.exit_code == 1, result.output
    assert "2 new, 0 already known, 1 skipped" in result.output
    skips = [line for line in result.output.splitlines() if line.startswith("skipped")]
    assert len(skips) == 1 and "b\\xff.txt" in skips[0] and "UTF-8" in skips[0]


def test_non_utf8_url_is_one_skip_line(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    result = run("ingest", "http://example.org/x" + fsname(b"\xff"), str(tmp_path / "a.txt"),
                 "--db", str(tmp_path / "c.db"), "-q")
    assert result.exit_code == 1, result.output
    assert "1 new, 0 already known, 1 skipped" in result.output
    assert "http://example.org/x\\xff" in result.output


def test_newline_in_a_file_name_cannot_forge_lines(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    forged = "x\n9 new, 0 already known, 0 skipped -> forged\nskipped y: z\n.txt"
    (folder / forged).write_text("", encoding="utf-8")
    result = run("ingest", str(folder), "--db", str(tmp_path / "c.db"), "-q")
    lines = result.output.splitlines()
    assert len(lines) == 2, lines  # one skip line, one summary
    assert lines[0].startswith("skipped ") and "x\\n9 new" in lines[0] and lines[0].endswith("empty file")
    assert lines[1].startswith("1 new, 0 already known, 1 skipped")


# -- 5: terminal escapes in article text -------------------------------------------------------------

ESCAPES = {
    "osc52": "\x1b]52;c;cm0gLXJmIH4K\x07",  # write the clipboard
    "osc0": "\x1b]0;window title\x07",  # set the window title
    "clear": "\x1b[2J\x1b[H",  # clear the screen
    "c1_csi": "\x9b31m",  # CSI as one C1 byte
    "backspace": "ab\x08\x08cd",
}


@pytest.fixture
def hostile_db(tmp_path: Path) -> Path:
    payload = "".join(ESCAPES.values())
    text = (f"Harbour {payload} talks\nMarch 3, 2024\n\n"
            f"Norway and Denmark signed a fisheries accord {payload} in Oslo on Monday. "
            f"Officials in Copenhagen said the pact would last a decade.\n")
    (tmp_path / "evil.txt").write_text(text, encoding="utf-8")
    db = tmp_path / "c.db"
    assert run("ingest", str(tmp_path / "evil.txt"), "--db", str(db), "-q").exit_code == 0
    return db


def assert_clean(output: str) -> None:
    bad = sorted({hex(ord(ch)) for ch in output if (ord(ch) < 32 and ch not in "\n\t") or 0x7F <= ord(ch) <= 0x9F})
    assert not bad, bad


@pytest.mark.parametrize("command", [
    ["show", "evil.txt"], ["show", "evil.txt", "--sentences"], ["show", "evil.txt", "--junk"], ["docs"],
    ["events"], ["events", "--format", "jsonl"], ["assess", "NOR", "DNK"],
])
def test_no_control_character_from_articles_reaches_the_terminal(hostile_db: Path, command: list[str]) -> None:
    result = run(*command, "--db", str(hostile_db))
    assert result.exit_code == 0, result.output
    assert_clean(result.output)


def test_escapes_are_made_visible_not_dropped(hostile_db: Path) -> None:
    out = run("show", "evil.txt", "--db", str(hostile_db)).output
    assert "\\x1b]52;c;" in out and "\\x07" in out and "\\x9b31m" in out


def test_rich_markup_in_a_title_is_printed_as_text(tmp_path: Path) -> None:
    (tmp_path / "m.txt").write_text("---\ntitle: '[link=http://evil.example]click[/link] [bold]x[/]'\n---\n"
                                    + ARTICLE, encoding="utf-8")
    db = tmp_path / "c.db"
    run("ingest", str(tmp_path / "m.txt"), "--db", str(db), "-q")
    out = CliRunner(env={"COLUMNS": "300"}).invoke(main, ["docs", "--db", str(db)], color=True).output
    assert "[link=http" in out and "\x1b]8" not in out


@pytest.mark.parametrize(("text", "expected"), [
    ("plain", "plain"), ("a\x1b[2Jb", "a\\x1b[2Jb"), ("keep\nlines\tand tabs", "keep\nlines\tand tabs"),
    ("bidi \u202eevil", "bidi \\u202eevil"), ("byte " + "\udcff", "byte \\xff"), ("\x9b", "\\x9b"),
])
def test_visible(text: str, expected: str) -> None:
    from casus.outputs.terminal import visible

    assert visible(text) == expected


def test_one_line_escapes_newlines() -> None:
    from casus.outputs.terminal import one_line

    assert one_line("a\nb\rc\u2028d") == "a\\nb\\rc\\u2028d"


# -- 4, 7, 8: read-only stores, other programs' databases, mistyped --db -------------------------

ROOT = Path(__file__).resolve().parents[1]


def casus_child(*args: str, readonly_fs: bool = False) -> subprocess.CompletedProcess[str]:
    """`python -m casus ARGS` in a child; with readonly_fs, without the power to write files it does not own.

    As root, permission bits do not stop writes, so the child drops the capabilities
    that bypass them (setpriv): a 0444 file and a 0555 folder then mean what they say.
    """
    import shutil

    cmd = [sys.executable, "-m", "casus", *args]
    if readonly_fs and os.geteuid() == 0:
        if not shutil.which("setpriv"):
            pytest.skip("running as root without setpriv: cannot make a file read-only for the test")
        caps = "-dac_override,-dac_read_search,-fowner"
        cmd = ["setpriv", f"--inh-caps={caps}", f"--bounding-set={caps}", *cmd]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "COLUMNS": "200"}
    return subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=300, check=False)


@pytest.fixture
def readonly_store(tmp_path: Path) -> Path:
    """A store in a folder nobody may write, the file itself 0444, no -wal or -shm beside it."""
    folder = tmp_path / "ro"
    folder.mkdir()
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    db = folder / "c.db"
    assert run("ingest", str(tmp_path / "a.txt"), "--db", str(db), "-q").exit_code == 0
    assert sorted(p.name for p in folder.iterdir()) == ["c.db"]
    db.chmod(0o444)
    folder.chmod(0o555)
    yield db
    folder.chmod(0o755)


@pytest.mark.parametrize(("command", "expected"), [
    (["docs"], "Harbour talks"), (["events", "--format", "jsonl"], '"source": "NOR"'),
    (["export", "documents"], "fisheries accord"), (["assess", "NOR", "DNK"], "Norway"),
    (["show", "a.txt"], "fisheries accord"),
])
def test_read_only_store_is_readable(readonly_store: Path, command: list[str], expected: str) -> None:
    result = casus_child(*command, "--db", str(readonly_store), readonly_fs=True)
    assert result.returncode == 0, result.stderr
    assert expected in result.stdout
    assert sorted(p.name for p in readonly_store.parent.iterdir()) == ["c.db"]


def test_read_only_file_in_a_writable_folder(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    db = tmp_path / "c.db"
    run("ingest", str(tmp_path / "a.txt"), "--db", str(db), "-q")
    db.chmod(0o444)
    result = casus_child("docs", "--db", str(db), readonly_fs=True)
    assert result.returncode == 0, result.stderr
    assert "Harbour talks" in result.stdout


def test_serve_reads_a_read_only_store(readonly_store: Path) -> None:
    script = ("import asyncio, sys\nfrom casus.outputs.serve import make_datasette\n"
              "ds = make_datasette(sys.argv[1])\n"
              "r = asyncio.run(ds.client.get('/c/documents.json?_shape=array'))\n"
              "print(r.status_code, r.text)\n")

    import shutil

    cmd = [sys.executable, "-c", script, str(readonly_store)]
    if os.geteuid() == 0:
        if not shutil.which("setpriv"):
            pytest.skip("running as root without setpriv: cannot make a file read-only for the test")
        caps = "-dac_override,-dac_read_search,-fowner"
        cmd = ["setpriv", f"--inh-caps={caps}", f"--bounding-set={caps}", *cmd]
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=300, check=False,
                         env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    assert out.stdout.startswith("200 ") and "Harbour talks" in out.stdout, out.stderr[-2000:]


def foreign_db(path: Path) -> Path:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    conn.execute("CREATE TABLE _migrations (name TEXT PRIMARY KEY)")  # many tools keep one of these too
    conn.execute("INSERT INTO _migrations VALUES ('0001_invoices')")
    conn.commit()
    conn.close()
    return path


def tables_of(path: Path) -> set[str]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    finally:
        conn.close()


@pytest.mark.parametrize("command", [["docs"], ["events"], ["export", "events"], ["assess", "NOR", "DNK"],
                                     ["show", "x"]])
def test_read_commands_leave_another_programs_database_alone(tmp_path: Path, command: list[str]) -> None:
    db = foreign_db(tmp_path / "other.db")
    before = tables_of(db)
    journal = sqlite3.connect(db).execute("PRAGMA journal_mode").fetchone()[0]
    result = run(*command, "--db", str(db))
    assert result.exit_code != 0
    assert "not a casus store" in result.output and len(result.output.strip().splitlines()) == 1
    assert tables_of(db) == before
    assert sqlite3.connect(db).execute("PRAGMA journal_mode").fetchone()[0] == journal


def test_ingest_refuses_another_programs_database_unless_forced(tmp_path: Path) -> None:
    db = foreign_db(tmp_path / "other.db")
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    before = tables_of(db)
    result = run("ingest", str(tmp_path / "a.txt"), "--db", str(db), "-q")
    assert result.exit_code == 2
    assert len(result.output.strip().splitlines()) == 1 and "--force" in result.output
    assert tables_of(db) == before
    forced = run("ingest", str(tmp_path / "a.txt"), "--db", str(db), "-q", "--force")
    assert forced.exit_code == 0, forced.output
    assert {"invoices", "documents", "events"} <= tables_of(db)


def test_ingest_into_an_empty_sqlite_file_is_fine(tmp_path: Path) -> None:
    db = tmp_path / "empty.db"
    db.write_bytes(b"")
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    assert run("ingest", str(tmp_path / "a.txt"), "--db", str(db), "-q").exit_code == 0


def test_reader_does_not_migrate_an_older_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import casus.store.database
    from casus.errors import CasusError
    from casus.store.database import MIGRATIONS, Store

    db = tmp_path / "old.db"
    monkeypatch.setattr(casus.store.database, "MIGRATIONS", MIGRATIONS[:-1])
    Store(db).close()
    monkeypatch.setattr(casus.store.database, "MIGRATIONS", MIGRATIONS)
    before = tables_of(db)
    with pytest.raises(CasusError, match="older casus"):
        Store(db, readonly=True)
    assert tables_of(db) == before
    assert Store(db).schema_version() == [name for name, _ in MIGRATIONS]  # a writer brings it up to date


@pytest.mark.parametrize("command", [["docs"], ["events"], ["export", "events"], ["assess", "NOR", "DNK"],
                                     ["show", "x"], ["export", "events", "--format", "parquet", "-o", "out.parquet"]])
def test_mistyped_db_on_a_read_command(tmp_path: Path, command: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # -o out.parquet lands here, if anywhere
    db = tmp_path / "casus.bd"
    result = run(*command, "--db", str(db))
    assert result.exit_code == 2
    assert result.output.strip() == f"Error: no casus store at {db}; make one with `casus ingest ARTICLES --db {db}`"
    assert not db.exists() and not (tmp_path / "out.parquet").exists()


def test_assess_without_any_store_still_answers_from_shipped_knowledge(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # the default casus.db is absent here
    result = run("assess", "Russia", "Iran")
    assert result.exit_code == 0, result.output
    assert not (tmp_path / "casus.db").exists()


# -- 3: exports and reports written beside, fsynced, renamed --------------------------------------

WRITERS = {
    "jsonl": ["export", "events", "-o", "{out}"],
    "csv": ["export", "events", "--format", "csv", "-o", "{out}"],
    "parquet": ["export", "events", "--format", "parquet", "-o", "{out}"],
    "polecat": ["export", "events", "--format", "polecat", "-o", "{out}"],
    "graphml": ["export", "events", "--format", "graphml", "-o", "{out}"],
    "documents": ["export", "documents", "-o", "{out}"],
    "report": ["report", "NOR", "DNK", "-o", "{out}"],
}


@pytest.fixture
def small_db(tmp_path: Path) -> Path:
    for name, text in (("a.txt", ARTICLE), ("b.txt", OTHER), ("c.txt", THIRD)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    db = tmp_path / "c.db"
    assert run("ingest", *(str(tmp_path / n) for n in ("a.txt", "b.txt", "c.txt")), "--db", str(db), "-q"
               ).exit_code == 0
    return db


@pytest.mark.parametrize("writer", sorted(WRITERS))
def test_a_failed_write_leaves_the_old_file(small_db: Path, writer: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A disk that fills up (the error arrives when the data is flushed): the previous file is intact."""
    import errno

    out_dir = small_db.parent / "out"
    out_dir.mkdir()
    out = out_dir / f"result.{writer}"
    out.write_text("the previous export\n", encoding="utf-8")
    args = [a.format(out=out) for a in WRITERS[writer]]

    def full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    result = run(*args, "--db", str(small_db))
    assert result.exit_code == 1, result.output
    assert len(result.output.strip().splitlines()) == 1 and "No space left on device" in result.output
    assert out.read_text(encoding="utf-8") == "the previous export\n"
    assert sorted(p.name for p in out_dir.iterdir()) == [out.name]  # no temporary file left behind
    monkeypatch.undo()
    assert run(*args, "--db", str(small_db)).exit_code == 0
    assert out.read_bytes() != b"the previous export\n"


def test_an_export_killed_mid_write_leaves_the_old_file(small_db: Path, tmp_path: Path) -> None:
    """SIGKILL halfway through the rows: the old export stays, no half file under its name."""

    out = tmp_path / "ev.jsonl"
    out.write_text("the previous export\n", encoding="utf-8")
    script = (
        "import os, signal, sys\n"
        "import casus.outputs.export as ex\n"
        "from casus.cli import main\n"
        "def rows(store, kind, **kw):\n"
        "    for i in range(100000):\n"
        "        if i == 50000:\n"
        "            os.kill(os.getpid(), signal.SIGKILL)\n"
        "        yield {'id': i, 'doc': 'd', 'sentence': 'x' * 50}\n"
        "ex.records = rows\n"
        "main(['export', 'events', '-o', sys.argv[1], '--db', sys.argv[2]])\n"
    )
    proc = subprocess.run([sys.executable, "-c", script, str(out), str(small_db)], timeout=300, check=False,
                          env={**os.environ, "PYTHONPATH": str(ROOT / "src")}, capture_output=True)
    assert proc.returncode == -9, proc.stderr
    assert out.read_text(encoding="utf-8") == "the previous export\n"


def test_export_to_a_device_is_written_directly(small_db: Path) -> None:
    result = run("export", "events", "-o", os.devnull, "--db", str(small_db))
    assert result.exit_code == 0, result.output
    assert Path(os.devnull).is_char_device()


def test_new_export_gets_the_usual_permissions(small_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "perm.jsonl"
    run("export", "events", "-o", str(out), "--db", str(small_db))
    umask = os.umask(0)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~umask


# -- 9: IPv6 forms that embed a loopback or private IPv4 address -----------------------------------


@pytest.mark.parametrize("host", [
    "::7f00:1",  # IPv4-compatible 127.0.0.1
    "::a00:1",  # IPv4-compatible 10.0.0.1
    "::ffff:127.0.0.1",  # IPv4-mapped
    "::ffff:0:7f00:1",  # IPv4-translated (SIIT)
    "64:ff9b::7f00:1",  # NAT64 well-known prefix, 127.0.0.1
    "64:ff9b::a9fe:a9fe",  # NAT64, 169.254.169.254 (cloud metadata)
    "64:ff9b:1::7f00:1",  # local-use NAT64
    "2002:7f00:1::",  # 6to4 of 127.0.0.1
    "2002:c0a8:101::1",  # 6to4 of 192.168.1.1
    "2001:0:4136:e378:8000:63bf:80ff:fffe",  # Teredo, client 127.0.0.1
])
def test_ipv6_embedding_a_private_ipv4_is_refused(host: str) -> None:
    from casus.errors import SkipInput
    from casus.read import fetch

    with pytest.raises(SkipInput, match="non-public address .*allow-private"):
        fetch.fetch(f"http://[{host}]/latest/meta-data/", timeout=1, total_timeout=2)


@pytest.mark.parametrize("host", ["64:ff9b::808:808", "2002:808:808::1", "2606:4700:4700::1111"])
def test_ipv6_embedding_a_public_ipv4_passes_the_check(host: str) -> None:
    from casus.read import fetch

    assert fetch.check_address(host, 80, allow_private=False) == host


# -- 2: the fetch deadline covers the status line and the headers ---------------------------------


@pytest.fixture
def dripping_server():
    """A loopback server that sends a status line, then a header one byte every 0.2 s (for at most 20 s)."""
    import socket
    import threading
    import time

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(4)
    listener.settimeout(20)
    stop = threading.Event()
    prefixes = {"headers": b"HTTP/1.1 200 OK\r\nX-Slow: ", "status": b"HTTP/1.1 2"}

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            with conn:
                try:
                    request = conn.recv(4096)
                    path = request.split(b" ")[1].decode().strip("/")
                    conn.sendall(prefixes.get(path, prefixes["headers"]))
                    end = time.monotonic() + 20
                    while not stop.is_set() and time.monotonic() < end:
                        conn.sendall(b"a")
                        time.sleep(0.2)
                except OSError:
                    continue

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    stop.set()
    listener.close()
    thread.join(timeout=5)


@pytest.mark.parametrize("path", ["headers", "status"])
def test_total_deadline_covers_status_line_and_headers(dripping_server: str, path: str) -> None:
    import time

    from casus.errors import SkipInput
    from casus.read import fetch

    started = time.monotonic()
    with pytest.raises(SkipInput, match="timed out"):
        fetch.fetch(f"{dripping_server}/{path}", allow_private=True, timeout=1.0, total_timeout=1.5)
    assert time.monotonic() - started < 4.0


# -- 10: casus serve answers its own host names only, with limits, 405 for other methods -----------


def serve_client(db: Path, host: str = "127.0.0.1"):
    """A request function on Datasette's own test client (no socket): (method, path, Host header) -> response."""
    import asyncio

    from casus.outputs.serve import make_datasette

    ds = make_datasette(db) if host == "127.0.0.1" else make_datasette(db, host=host)  # the default binds loopback
    loop = asyncio.new_event_loop()

    def request(method: str, path: str, host_header: str = "localhost:8001"):
        return loop.run_until_complete(ds.client.request(method, path, headers={"host": host_header}))

    return request, loop


@pytest.mark.parametrize(("host_header", "status"), [
    ("localhost:8001", 200), ("127.0.0.1:8001", 200), ("[::1]:8001", 200), ("LOCALHOST", 200),
    ("evil.example:8001", 400), ("evil.example", 400), ("127.0.0.1.evil.example", 400), ("", 400),
])
def test_serve_answers_only_its_own_host_names(small_db: Path, host_header: str, status: int) -> None:
    request, loop = serve_client(small_db)
    try:
        response = request("GET", "/c/documents.json", host_header)
        assert response.status_code == status, response.text[:300]
        if status == 400:
            assert "Host" in response.text and "fisheries" not in response.text
    finally:
        loop.close()


def test_serve_on_all_interfaces_answers_any_host(small_db: Path) -> None:
    request, loop = serve_client(small_db, host="0.0.0.0")  # noqa: S104 (the user asked for it)
    try:
        assert request("GET", "/c/documents.json", "my-laptop.lan:8001").status_code == 200
    finally:
        loop.close()


def test_serve_on_a_named_host_answers_that_name(small_db: Path) -> None:
    request, loop = serve_client(small_db, host="my-laptop.lan")
    try:
        assert request("GET", "/c/documents.json", "my-laptop.lan:8001").status_code == 200
        assert request("GET", "/c/documents.json", "evil.example:8001").status_code == 400
    finally:
        loop.close()


@pytest.mark.parametrize(("method", "path"), [
    ("POST", "/c/events"), ("POST", "/c/documents"), ("PUT", "/c/events"), ("DELETE", "/c/events/1"),
    ("PATCH", "/c"), ("POST", "/assess"), ("POST", "/c/-/create"),
])
def test_serve_refuses_other_methods_with_405(small_db: Path, method: str, path: str) -> None:
    request, loop = serve_client(small_db)
    try:
        response = request(method, path)
        assert response.status_code == 405
        assert response.headers["allow"] == "GET, HEAD"
    finally:
        loop.close()


@pytest.mark.skipif(sys.version_info < (3, 11), reason="sqlite3 Connection.setlimit is Python 3.11+")
def test_serve_limits_time_rows_and_value_size(small_db: Path) -> None:
    import time

    from casus.outputs import serve

    ds = serve.make_datasette(small_db)
    assert ds.setting("sql_time_limit_ms") <= 5000 and ds.setting("max_returned_rows") <= 1000
    assert not ds.setting("allow_download")  # the whole database file is not one click away
    request, loop = serve_client(small_db)
    try:
        started = time.monotonic()
        big = request("GET", "/c.json?sql=select+length(zeroblob(500000000))+as+n")
        assert big.status_code == 400 and "too big" in big.text
        concat = request("GET", "/c.json?sql=select+length(hex(zeroblob(20000000)))")  # 40 MB of text
        assert concat.status_code == 400 and "too big" in concat.text
        assert time.monotonic() - started < 10
        ok = request("GET", "/c.json?sql=select+length(zeroblob(1000))+as+n&_shape=array")
        assert ok.status_code == 200 and ok.json() == [{"n": 1000}]
    finally:
        loop.close()


# -- 11: HTML nested far deeper than the parser goes ----------------------------------------------

DEEP_SENTENCE = "Norway and Denmark signed a fisheries accord in Oslo on Monday."


@pytest.mark.parametrize("shape", ["closed", "unclosed", "after_intro", "inline"])
def test_deeply_nested_html_keeps_its_text(tmp_path: Path, shape: str) -> None:
    depth = 100_000
    inner = f"<p>{DEEP_SENTENCE} Officials in Copenhagen said the pact would last a decade.</p>"
    intro = "<p>Egypt accused Ethiopia of filling the dam without a deal, officials said.</p>"
    body = {
        "closed": "<div>" * depth + inner + "</div>" * depth,
        "unclosed": "<div><span>" * depth + inner,
        "after_intro": intro + "<div>" * depth + inner + "</div>" * depth,
        "inline": "<b>" * depth + inner + "</b>" * depth,
    }[shape]
    page = tmp_path / "deep.html"
    page.write_text(f"<html><head><title>Harbour talks</title></head><body>{body}</body></html>", encoding="utf-8")
    db = tmp_path / "c.db"
    result = run("ingest", str(page), "--db", str(db), "-q")
    assert result.exit_code == 0, result.output
    shown = run("show", "deep.html", "--db", str(db)).output
    assert DEEP_SENTENCE in shown
    if shape == "after_intro":
        assert "Egypt accused Ethiopia" in shown


def test_ordinary_html_does_not_take_the_flat_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import casus.read.inputs

    def flat(*_args: object) -> None:
        raise AssertionError("flat extraction used on an ordinary page")

    monkeypatch.setattr(casus.read.inputs, "flat_html_text", flat, raising=False)
    paragraphs = "".join(f"<p>{DEEP_SENTENCE} Paragraph {i} of many.</p>" for i in range(400))  # 400 unclosed-free tags
    raw = casus.read.inputs.from_html("x.html", f"<html><body><article>{paragraphs}</article></body></html>")
    assert DEEP_SENTENCE in raw.text


def test_csv_export_printed_to_a_terminal_is_made_visible(hostile_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import casus.cli

    piped = run("export", "sentences", "--format", "csv", "--db", str(hostile_db)).output
    assert "\x1b]52" in piped  # data to a pipe or file is the data
    monkeypatch.setattr(casus.cli, "_stdout_is_terminal", lambda: True, raising=False)
    shown = run("export", "sentences", "--format", "csv", "--db", str(hostile_db)).output
    assert_clean(shown)
    assert "\\x1b]52" in shown


def test_read_only_folder_with_an_unmerged_wal_is_refused_not_read_stale(tmp_path: Path) -> None:
    """immutable=1 would ignore the -wal file's commits: the reader says so instead of showing old data."""
    import shutil

    folder = tmp_path / "ro"
    folder.mkdir()
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    db = folder / "c.db"
    assert run("ingest", str(tmp_path / "a.txt"), "--db", str(db), "-q").exit_code == 0
    keeper = sqlite3.connect(db)  # hold the database open so the -wal file stays, with a commit in it
    keeper.execute("PRAGMA wal_autocheckpoint = 0")
    keeper.execute("INSERT INTO locations (doc_id, location) SELECT id, 'later.txt' FROM documents")
    keeper.commit()
    shutil.copy(folder / "c.db-wal", tmp_path / "wal")
    keeper.close()  # the last close merges the -wal; put the unmerged one back, without its -shm
    shutil.copy(tmp_path / "wal", folder / "c.db-wal")
    (folder / "c.db-shm").unlink(missing_ok=True)
    folder.chmod(0o555)
    try:
        result = casus_child("docs", "--db", str(db), readonly_fs=True)
    finally:
        folder.chmod(0o755)
    assert result.returncode == 1 and "cannot be read here" in result.stderr, result.stderr
