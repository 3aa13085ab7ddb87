"""The compiled event coder (mypyc, from ``pip install .``) gives exactly what its pure-Python source gives.

With a compiled install, the repository's own src/casus/events/coder.py and dates.py are loaded
as separate pure-Python modules (the pure coder wired to the pure dates module) and both
builds code the same documents. Under an editable install or CASUS_PURE=1 there is only
one build and the comparison is skipped.
"""

from __future__ import annotations

import importlib.machinery
import importlib.util
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import casus.events.coder
import casus.events.dates
from casus.native import COMPILABLE, coder_build, compiled_modules, is_compiled
from casus.run.bench import synthetic_sentences

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "casus" / "events"
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"
DOC_SIZE = 40
PUBLISHED = [None, "2024-03-15"]

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


def _load(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


def _pure_source(name: str) -> Path:
    """src/casus/events/NAME; or, if that was edited since the install, the copy the wheel shipped beside the .so:
    the very source that was compiled (so an edit in progress compares like with like instead of failing)."""
    repo = SRC / name
    shipped = Path(casus.events.coder.__file__).parent / name
    if shipped.is_file() and shipped.read_bytes() != repo.read_bytes():
        return shipped
    return repo


@pytest.fixture(scope="module")
def pure() -> Iterator[tuple[ModuleType, ModuleType]]:
    """(pure coder, pure dates) from the source (see _pure_source); sys.modules is as it was afterwards."""
    sources = {name: _pure_source(name) for name in ("coder.py", "dates.py")}
    saved = {name: sys.modules.get(name) for name in ("casus.events.dates", "_casus_pure_dates", "_casus_pure_coder")}
    try:
        dates = _load("_casus_pure_dates", sources["dates.py"])
        sys.modules["casus.events.dates"] = dates  # the pure coder's `from casus.events.dates import ...` gets the pure module
        try:
            coder = _load("_casus_pure_coder", sources["coder.py"])
        finally:
            if saved["casus.events.dates"] is None:
                del sys.modules["casus.events.dates"]
            else:
                sys.modules["casus.events.dates"] = saved["casus.events.dates"]
        assert coder.find_dates is dates.find_dates
        assert str(coder.__file__).endswith(".py") and str(dates.__file__).endswith(".py")
        yield coder, dates
    finally:
        for name, module in saved.items():
            if module is None:
                sys.modules.pop(name, None)
            else:
                sys.modules[name] = module
    assert sys.modules["casus.events.dates"] is casus.events.dates


def _events(result: list[list[Any]]) -> list[list[tuple[Any, ...]]]:
    return [[(e.source, e.event, e.target, e.mode, e.date, e.modality, e.negated, e.attribution) for e in events]
            for events in result]


def _mentions(found: list[Any]) -> list[tuple[Any, ...]]:
    return [(d.start, d.end, d.iso, d.needs_passage_year, d.month, d.day) for d in found]


def _assert_same_events(pure_coder: ModuleType, documents: Sequence[Sequence[str]]) -> int:
    """Code every document with both coders, with and without a published date; the number of events."""
    n = 0
    for published in PUBLISHED:
        for i, doc in enumerate(documents):
            want = _events(pure_coder.code_sentences(doc, published))
            got = _events(casus.events.coder.code_sentences(doc, published))
            assert got == want, f"document {i} (published={published}) differs between mypyc and pure Python"
            n += sum(map(len, got))
    return n


@needs_compiled
@pytest.mark.parametrize("seed", [7, 11])
def test_compiled_coder_equals_pure_on_synthetic(pure: tuple[ModuleType, ModuleType], seed: int) -> None:
    sentences = synthetic_sentences(3000, seed=seed)
    documents = [sentences[i:i + DOC_SIZE] for i in range(0, len(sentences), DOC_SIZE)]
    assert _assert_same_events(pure[0], documents + [EDGE]) > 0


@needs_compiled
def test_compiled_coder_equals_pure_on_seeds(pure: tuple[ModuleType, ModuleType]) -> None:
    if not SEEDS.is_dir():
        pytest.skip(f"seed corpus not found at {SEEDS} (../shared beside the repo)")
    from casus.text.segment import split_sentences

    documents = []
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        documents.append([text[s.start:s.end] for s in split_sentences(text)])
    assert documents, f"no seed texts in {SEEDS}"
    assert _assert_same_events(pure[0], documents) > 0


@needs_compiled
def test_compiled_dates_equal_pure(pure: tuple[ModuleType, ModuleType]) -> None:
    pure_dates = pure[1]
    sentences = [s for s in synthetic_sentences(3000, seed=5) + EDGE if pure_dates.DATE_RE.search(s)]
    assert len(sentences) > 20
    anchors = [None, (2024, 3, 15), (2024, None, None)]
    for s in sentences:
        for anchor in anchors:
            assert _mentions(casus.events.dates.find_dates(s, anchor)) == _mentions(pure_dates.find_dates(s, anchor)), s
        assert (_mentions(casus.events.dates.find_dates(s, None, (2023, 6, 1)))
                == _mentions(pure_dates.find_dates(s, None, (2023, 6, 1)))), s
    found = [casus.events.dates.find_dates(s) for s in sentences]
    assert casus.events.dates.latest_full_date(found) == pure_dates.latest_full_date(
        [pure_dates.find_dates(s) for s in sentences])
    for published in [None, "", "2024-03-15", "2024-03", "2024", "not a date"]:
        assert casus.events.dates.parse_anchor(published) == pure_dates.parse_anchor(published)


def test_compiled_modules_matches_files() -> None:
    compiled = compiled_modules()
    assert isinstance(compiled, list)
    suffixes = tuple(importlib.machinery.EXTENSION_SUFFIXES)
    for name in COMPILABLE:
        module = sys.modules[name]
        assert module.__file__ is not None and module.__spec__ is not None
        assert (name in compiled) == module.__file__.endswith(suffixes), (name, module.__file__)
        assert (name in compiled) == isinstance(module.__spec__.loader, importlib.machinery.ExtensionFileLoader)
    # setup.py builds both or neither: never a compiled coder over pure dates, or the reverse
    assert compiled in ([], list(COMPILABLE))
    assert coder_build() == ("mypyc" if "casus.events.coder" in compiled else "pure Python")
