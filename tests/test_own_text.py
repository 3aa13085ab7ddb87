"""The project holds only text it wrote: no run of nine words from a seed or dev article anywhere in the repo.

Tests that need article text read it from ../shared at run time; rules are general.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .conftest import ROOT, SHARED

RUN = 9
_WORD = re.compile(r"[a-z0-9']+")
SKIP_DIRS = {".git", "build", "dist", "__pycache__", ".mypy_cache", ".pytest_cache", ".hypothesis"}
SKIP_SUFFIXES = {".png", ".jpg", ".so", ".pyc", ".parquet", ".db", ".gz", ".zst", ".whl"}


def runs(text: str) -> set[str]:
    words = _WORD.findall(text.lower().replace("\u2019", "'"))
    return {" ".join(words[i:i + RUN]) for i in range(len(words) - RUN + 1)}


def _article_body(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    if text.startswith("---\n") and "\n---\n" in text[4:]:
        text = text[4:].split("\n---\n", 1)[1]
    return text


def _repo_files() -> list[Path]:
    out = []
    for path in ROOT.rglob("*"):
        rel = path.relative_to(ROOT)
        if path.is_dir() or SKIP_DIRS & set(rel.parts) or path.suffix in SKIP_SUFFIXES or rel.parts[0].endswith(".egg-info"):
            continue
        out.append(path)
    return out


def test_no_article_run_in_the_repository() -> None:
    articles = sorted((SHARED / "corpus").glob("*/*"))
    if not articles:
        pytest.skip(f"no articles under {SHARED / 'corpus'} (../shared beside the repo)")
    known: set[str] = set()
    for path in articles:
        known |= runs(_article_body(path))
    found = {}
    for path in _repo_files():
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        hits = runs(text) & known
        if hits:
            found[str(path.relative_to(ROOT))] = sorted(hits)[:2]
    assert not found, f"article text in the repository (write your own): {found}"


def test_the_check_sees_a_pasted_run() -> None:
    sentence = "one two three four five six seven eight nine ten"
    assert runs(sentence) & runs("x " + sentence.upper() + " y")
    assert not runs("one two three four five six seven eight") & runs(sentence)
