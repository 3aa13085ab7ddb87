"""Claims against the gold files, scored by the official scorer (../shared/tools/score.py claims).

The whole pipeline runs on each corpus (front matter, clean, segment, code, claims), the claims are written as
the export writes them (doc, sentence, patron, client, stance, factor), and score.py's summary line is read.
The gates are the figures measured when they were set, minus 0.01: a change that loses more fails here.
Skipped when the shared/ folder (gold, corpora, scorer) is not beside the repository.
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import json
import re
from pathlib import Path
from types import ModuleType

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SCORER = SHARED / "tools" / "score.py"

# (corpus, --docs regex or None) -> {figure: gate}; measured on 2026-12-02 (session 7) after the fresh-text event
# work of issue 12 was merged (seeds 0.857, P 0.815, R 0.971, factor 0.794; dev 0.767, P 0.865, R 0.862, factor
# 0.729; A-C 0.759, factor 0.731; D-G 0.766, factor 0.727), minus 0.01
GATES: dict[tuple[str, str | None], dict[str, float]] = {
    ("seeds", None): {"stance_f1": 0.847, "detection_p": 0.805, "detection_r": 0.961, "factor_acc": 0.784},
    ("dev", None): {"stance_f1": 0.757, "detection_p": 0.855, "detection_r": 0.852, "factor_acc": 0.719},
    ("dev", "^dev-[A-C]"): {"stance_f1": 0.749, "factor_acc": 0.721},
    ("dev", "^dev-[D-G]"): {"stance_f1": 0.756, "factor_acc": 0.717},
}


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("casus_shared_score", SCORER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def exports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each corpus's claims, written as `casus export claims` writes them."""
    if not (SCORER.exists() and (SHARED / "gold" / "dev.claims.jsonl").exists()):
        pytest.skip(f"shared gold, corpora or scorer not found under {SHARED}")
    from casus.errors import SkipInput
    from casus.read.inputs import read_file
    from casus.run.pipeline import process

    out: dict[str, Path] = {}
    for corpus in ("seeds", "dev"):
        path = tmp_path_factory.mktemp("claims") / f"{corpus}.jsonl"
        with path.open("w", encoding="utf-8") as fh:
            for doc in sorted((SHARED / "corpus" / corpus).iterdir()):
                try:
                    processed = process(read_file(str(doc)))
                except SkipInput:
                    continue
                for sentence in processed.sentences:
                    for claim in sentence.claims:
                        record = {"doc": doc.name, "sentence": sentence.text, "patron": claim.patron,
                                  "client": claim.client, "stance": claim.stance, "factor": claim.factor}
                        fh.write(json.dumps(record) + "\n")
        out[corpus] = path
    return out


def _figures(corpus: str, export: Path, docs: str | None) -> dict[str, float]:
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        _scorer().claims(str(SHARED / "gold" / f"{corpus}.claims.jsonl"), str(export), docs_regex=docs)
    last = buf.getvalue().strip().splitlines()[-1]
    return {k: float(v) for k, v in re.findall(r"(\w+)=([0-9.]+)", last)}


@pytest.mark.parametrize(("corpus", "docs"), list(GATES))
def test_claims_hold_their_measured_figures(exports: dict[str, Path], corpus: str, docs: str | None) -> None:
    got = _figures(corpus, exports[corpus], docs)
    for figure, gate in GATES[(corpus, docs)].items():
        assert got[figure] >= gate, f"{corpus} {docs or ''} {figure} {got[figure]:.3f} < gate {gate:.3f}"
