"""The compiled event coder (mypyc, from ``pip install .``) gives exactly what its pure-Python source gives.

With a compiled install, the installed package's own .py files (the very sources that were
compiled, shipped beside the extensions) are copied without the extensions and run in a child
Python, so every compiled module (casus.native.COMPILABLE) is pure there; both builds code the
same documents and read the same dates. Under an editable install or CASUS_PURE=1 there is only
one build and the comparison is skipped.
"""

from __future__ import annotations

import importlib.machinery
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

import casus
import casus.events.coder
import casus.events.dates
from casus.native import COMPILABLE, coder_build, compiled_modules, is_compiled
from casus.run.bench import synthetic_sentences

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"
DOC_SIZE = 40
PUBLISHED = [None, "2024-03-15"]
ANCHORS = [None, [2024, 3, 15], [2024, None, None]]

EDGE = [
    "On 3 May 2024 Russia sent air-defence systems to Iran, officials said.",
    "Last year Moscow did not sign a mutual-defence treaty with Tehran; in January it promised support.",
    "Iran\u2019s \u201cstrategic partnership\u201d with Russia is not a defence pact, Kalin said on June 13.",
    "R\u0130SK: the \u212aremlin\u2019s guarantee\u017f, \u0131f any, were signed in 1961.",
    "Half a year ago China supplied drones to Iran. Six months earlier, it condemned the strike.",
    "",
    "   ",
    # longer than MAX_CODED_CHARS: coded window by window
    " ".join(["Russia condemned the Israeli strike on Iran on 14 April 2024 and urged restraint;"] * 60),
]

needs_compiled = pytest.mark.skipif(
    not is_compiled("casus.events.coder"),
    reason="casus.events.coder is pure Python here (editable install or CASUS_PURE=1); nothing to compare",
)

# Run in the child: code the documents and read the dates with the pure package, print JSON.
CHILD = """
import json, sys
import casus.events.coder as coder, casus.events.dates as dates
from casus.native import compiled_modules
assert compiled_modules() == [], compiled_modules()
job = json.load(sys.stdin)
events = [[[list(_row(e)) for e in sent] for sent in coder.code_sentences(doc, published)]
          for doc, published in job["documents"]]
found = [[[list(_date(d)) for d in dates.find_dates(s, tuple(a) if a else None)] for a in job["anchors"]]
         for s in job["dated"]]
json.dump({"events": events, "dates": found,
           "anchors": [dates.parse_anchor(p) for p in job["published"]]}, sys.stdout)
"""
HELPERS = """
def _row(e):
    return (e.source, e.event, e.target, e.mode, e.date, e.modality, e.negated, e.attribution)
def _date(d):
    return (d.start, d.end, d.iso, d.needs_passage_year, d.month, d.day)
"""


def _row(e: Any) -> list[Any]:
    return [e.source, e.event, e.target, e.mode, e.date, e.modality, e.negated, e.attribution]


def _date(d: Any) -> list[Any]:
    return [d.start, d.end, d.iso, d.needs_passage_year, d.month, d.day]


@pytest.fixture(scope="module")
def pure_package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the installed casus package without its compiled extensions: pure Python, same sources."""
    installed = Path(casus.__file__).parent
    dest = tmp_path_factory.mktemp("pure") / "casus"
    suffixes = tuple(importlib.machinery.EXTENSION_SUFFIXES)
    shutil.copytree(installed, dest, ignore=lambda _d, names: [n for n in names if n.endswith(suffixes)
                                                                   or n == "__pycache__"])
    for name in COMPILABLE:
        source = dest.joinpath(*name.split(".")[1:]).with_suffix(".py")
        assert source.is_file(), f"the install ships no source for {name} ({source})"
    return dest.parent


def _pure_run(pure_package: Path, documents: Sequence[tuple[Sequence[str], str | None]],
              dated: Sequence[str] = (), published: Sequence[str | None] = ()) -> dict[str, Any]:
    job = {"documents": [[list(doc), pub] for doc, pub in documents], "dated": list(dated), "anchors": ANCHORS,
           "published": list(published)}
    env = {**os.environ, "PYTHONPATH": str(pure_package)}
    done = subprocess.run([sys.executable, "-c", HELPERS + CHILD], input=json.dumps(job), capture_output=True,
                          text=True, env=env, check=False, cwd=pure_package)
    assert done.returncode == 0, done.stderr[-2000:]
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def _compiled_events(documents: Sequence[tuple[Sequence[str], str | None]]) -> list[Any]:
    return [[[_row(e) for e in sent] for sent in casus.events.coder.code_sentences(doc, published)]
            for doc, published in documents]


def _assert_same_events(pure_package: Path, documents: Sequence[Sequence[str]]) -> int:
    """Code every document with both builds, with and without a published date; the number of events."""
    jobs = [(doc, published) for published in PUBLISHED for doc in documents]
    want = _pure_run(pure_package, jobs)["events"]
    got = json.loads(json.dumps(_compiled_events(jobs)))
    for i, (g, w) in enumerate(zip(got, want, strict=True)):
        assert g == w, f"document {i % len(documents)} (published={jobs[i][1]}) differs between mypyc and pure Python"
    return sum(len(sent) for doc in got for sent in doc)


@needs_compiled
@pytest.mark.parametrize("seed", [7, 11])
def test_compiled_coder_equals_pure_on_synthetic(pure_package: Path, seed: int) -> None:
    sentences = synthetic_sentences(3000, seed=seed)
    documents = [sentences[i:i + DOC_SIZE] for i in range(0, len(sentences), DOC_SIZE)]
    assert _assert_same_events(pure_package, documents + [EDGE]) > 0


@needs_compiled
def test_compiled_coder_equals_pure_on_seeds(pure_package: Path) -> None:
    if not SEEDS.is_dir():
        pytest.skip(f"seed corpus not found at {SEEDS} (../shared beside the repo)")
    from casus.text.segment import split_sentences

    documents = []
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        documents.append([text[s.start:s.end] for s in split_sentences(text)])
    assert documents, f"no seed texts in {SEEDS}"
    assert _assert_same_events(pure_package, documents) > 0


@needs_compiled
def test_compiled_dates_equal_pure(pure_package: Path) -> None:
    dates = casus.events.dates
    sentences = [s for s in synthetic_sentences(3000, seed=5) + EDGE if dates.DATE_RE.search(s)]
    assert len(sentences) > 20
    published = [None, "", "2024-03-15", "2024-03", "2024", "not a date"]
    pure = _pure_run(pure_package, [], sentences, published)
    got = [[[_date(d) for d in dates.find_dates(s, tuple(a) if a else None)] for a in ANCHORS]  # type: ignore[arg-type]
           for s in sentences]
    assert json.loads(json.dumps(got)) == pure["dates"]
    assert json.loads(json.dumps([dates.parse_anchor(p) for p in published])) == pure["anchors"]


def test_compiled_modules_matches_files() -> None:
    compiled = compiled_modules()
    assert isinstance(compiled, list)
    suffixes = tuple(importlib.machinery.EXTENSION_SUFFIXES)
    for name in COMPILABLE:
        module = importlib.import_module(name)
        assert module.__file__ is not None and module.__spec__ is not None
        assert (name in compiled) == module.__file__.endswith(suffixes), (name, module.__file__)
        assert (name in compiled) == isinstance(module.__spec__.loader, importlib.machinery.ExtensionFileLoader)
    # setup.py builds all or none: never a compiled coder over a pure part of it, or the reverse
    assert compiled in ([], list(COMPILABLE))
    assert coder_build() == ("mypyc" if "casus.events.coder" in compiled else "pure Python")
