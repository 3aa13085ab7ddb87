"""The coder on real news: events F1 on the dev set (../shared/corpus/dev) and the seeds, ingested as a user would,
scored with the judged scorer (casus.evaluate.judged, which agrees with shared/tools/score.py).

Gates sit at the figure measured when they were set, minus 0.01 (issue 12): a change that loses more fails.
Skipped when ../shared is not beside the repository.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from casus.evaluate.judged import score_store
from casus.run.ingest import ingest
from casus.store.database import Store

SHARED = Path(__file__).resolve().parents[1].parent / "shared"

# measured with `casus ingest` of the corpus and `casus eval events GOLD [--docs REGEX]` (what these tests compute)
# (2026-12-02, session 8, after the relax, trig and targets branches of issue 12 were merged: dev 0.789,
# A-C 0.808, D-G 0.776, seeds 0.828; role-matched on dev mode 0.896, modality 0.893, negation 0.997, 732 events.) Each gate is the
# measured figure minus 0.01.
GATES = {
    ("dev", None): 0.779,
    ("dev", "^dev-[A-C]"): 0.798,
    ("dev", "^dev-[D-G]"): 0.766,
    ("seeds", None): 0.818,
}
ATTRIBUTE_GATES = {"mode": 0.886, "modality": 0.883, "negated": 0.987}  # dev, on role-matched events


def _load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def stores(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Store]:
    out = {}
    for name in ("dev", "seeds"):
        corpus, gold = SHARED / "corpus" / name, SHARED / "gold" / f"{name}.events.jsonl"
        if not corpus.is_dir() or not gold.exists():
            pytest.skip(f"{name} corpus or gold not found under {SHARED} (../shared beside the repo)")
        store = Store(tmp_path_factory.mktemp(name) / "casus.db")
        ingest(store, [str(corpus)])
        out[name] = store
    return out


@pytest.mark.parametrize(("corpus", "docs"), list(GATES), ids=[f"{c}-{d or 'all'}" for c, d in GATES])
def test_events_f1_gate(stores: dict[str, Store], corpus: str, docs: str | None) -> None:
    gold = _load(SHARED / "gold" / f"{corpus}.events.jsonl")
    result = score_store("events", gold, stores[corpus], docs)
    assert result["f1"] >= GATES[(corpus, docs)], f"{corpus} {docs or ''} F1 {result['f1']:.3f}"


def test_dev_attribute_gates(stores: dict[str, Store]) -> None:
    gold = _load(SHARED / "gold" / "dev.events.jsonl")
    attrs = score_store("events", gold, stores["dev"])["attributes"]
    for field, floor in ATTRIBUTE_GATES.items():
        assert attrs[field] >= floor, f"{field} {attrs[field]:.3f}"
