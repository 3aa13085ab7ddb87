"""Issue 14's eleven defects, each reproduced: names, terminal escapes, stores, writes, fetch, serve, HTML.

Every test here failed on the code before its fix. Fixtures are sentences written
for these tests; servers listen on 127.0.0.1 only and every wait is bounded.
"""

from __future__ import annotations

import os
import sqlite3
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
    (tmp_path / "m.txt").write_text("[link=http://evil.example]click[/link] [bold]x[/]\n\n" + ARTICLE,
                                    encoding="utf-8")
    db = tmp_path / "c.db"
    run("ingest", str(tmp_path / "m.txt"), "--db", str(db), "-q")
    out = CliRunner(env={"COLUMNS": "300"}).invoke(main, ["docs", "--db", str(db)], color=True).output
    assert "[link=http" in out and "\x1b]8" not in out


@pytest.mark.parametrize(("text", "expected"), [
    ("plain", "plain"), ("a\x1b[2Jb", "a\\x1b[2Jb"), ("keep\nlines\tand tabs", "keep\nlines\tand tabs"),
    ("bidi \u202eevil", "bidi \\u202eevil"), ("byte " + "\udcff", "byte \\xff"), ("\x9b", "\\x9b"),
])
def test_visible(text: str, expected: str) -> None:
    from casus.terminal import visible

    assert visible(text) == expected


def test_one_line_escapes_newlines() -> None:
    from casus.terminal import one_line

    assert one_line("a\nb\rc\u2028d") == "a\\nb\\rc\\u2028d"
