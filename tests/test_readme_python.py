"""Every Python example in the README runs as shown (ingest a folder, assess a pair and a scenario, Dask, one text)."""

from __future__ import annotations

import contextlib
import io
import os
import re
from pathlib import Path

import pytest

from .conftest import ROOT

BLOCK = re.compile(r"```python\n(.*?)```", re.S)
ARTICLES = {
    "ankara.md": "---\ntitle: Ministers meet\npublished: 2026-03-04\n---\n"
                 "Turkey sent drones to Azerbaijan on Monday, officials said.\n",
    "manila.txt": "Japan and the Philippines signed a defence pact in Manila.\n",
}


def blocks() -> list[str]:
    return BLOCK.findall((ROOT / "README.md").read_text(encoding="utf-8"))


def test_the_readme_has_the_three_entry_points() -> None:
    text = "\n".join(blocks())
    for name in ("ingest(", "assess(", "assess_scenario(", "ingest_on_dask(", "process("):
        assert name in text


@pytest.mark.parametrize("index", range(len(blocks())))
def test_readme_python_example_runs(index: int, tmp_path: Path) -> None:
    code = blocks()[index]
    if "ingest_on_dask" in code:
        pytest.importorskip("distributed", reason="the Dask example needs pip install '.[dask]'")
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    out = io.StringIO()
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        with contextlib.redirect_stdout(out):
            exec(compile(code, f"README.md python block {index}", "exec"), {"__name__": "__readme__"})  # noqa: S102
    finally:
        os.chdir(cwd)
    printed = out.getvalue()
    assert printed.strip()
    if "ingest(" in code and "iter_events" in code:
        assert printed.startswith("2 new, 0 skipped") and "AID military" in printed
    if "ingest_on_dask" in code:
        assert "2 new" in printed
    if "assess_scenario" in code:
        assert "direct" in printed
    if "process(RawInput" in code:
        assert printed.startswith("TUR AID military AZE 2026-03-02 reported")
