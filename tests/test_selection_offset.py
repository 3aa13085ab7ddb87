"""The correction for the cases' selection on the lower rungs (selection_offset.yaml, docs/reference-class.md)."""

from __future__ import annotations

import pytest

from casus.assess import answer, ladder
from casus.assess.ladder import LadderModel, RungFit, corrected_ladder, monotone, sigmoid
from casus.records import RUNGS

LOGITS = {"statement": 3.0, "diplomatic": 2.5, "economic": 1.0, "materiel": 0.8, "intelligence": 0.2, "direct": -1.0}
CORRECTED = ["diplomatic", "economic", "materiel", "intelligence"]


def _is_monotone(lad: dict[str, float]) -> bool:
    return all(lad[a] >= lad[b] for a, b in zip(RUNGS, RUNGS[1:]))


def test_offset_lowers_the_corrected_rungs_only() -> None:
    out = corrected_ladder(LOGITS, -1.0, CORRECTED)
    assert out["statement"] == round(sigmoid(3.0), 6)
    assert out["direct"] == round(sigmoid(-1.0), 6)
    assert out["materiel"] == round(sigmoid(-0.2), 6)
    assert out["diplomatic"] == round(sigmoid(1.5), 6)
    assert _is_monotone(out)


def test_zero_offset_is_the_plain_monotone_ladder() -> None:
    crossing = dict(LOGITS, intelligence=-1.5)
    assert corrected_ladder(crossing, 0.0, CORRECTED) == monotone({r: sigmoid(z) for r, z in crossing.items()})


def test_a_corrected_rung_is_not_taken_below_direct() -> None:
    out = corrected_ladder(LOGITS, -4.0, CORRECTED)
    assert out["intelligence"] == out["direct"] == round(sigmoid(-1.0), 6)
    assert out["materiel"] == round(sigmoid(-1.0), 6)
    assert _is_monotone(out)


def test_model_ladder_and_interval_apply_the_shipped_offset(monkeypatch: pytest.MonkeyPatch) -> None:
    feats = ("x",)
    rungs = {r: RungFit(r, 1.0, LOGITS[r], {"x": 0.0}, 0.5) for r in RUNGS}
    boot = tuple(tuple((LOGITS[r], 0.0) for r in RUNGS) for _ in range(3))
    m = LadderModel(feats, rungs, {"x": 0.0}, 4, boot=boot)
    monkeypatch.setattr(ladder, "selection_offset", lambda: {"delta": -1.0, "rungs": CORRECTED})
    lad = m.ladder({"x": 0.0})
    assert lad == corrected_ladder(LOGITS, -1.0, CORRECTED)
    assert m.interval({"x": 0.0})["materiel"] == (round(lad["materiel"], 4), round(lad["materiel"], 4))
    monkeypatch.setattr(ladder, "selection_offset", lambda: {"delta": 0.0, "rungs": CORRECTED})
    assert m.ladder({"x": 0.0})["materiel"] == round(sigmoid(0.8), 6)


def test_the_cache_key_reads_the_offset_file() -> None:
    assert "selection_offset.yaml" in ladder.CACHE_INPUTS


def test_the_answer_names_the_correction() -> None:
    cfg = ladder.selection_offset()
    a = answer.assess(None, "RUS", "IRN", "ISR", as_of="2025-06-12")
    c = a.to_dict()["correction"]
    assert c["name"] == "selection_offset" and c["delta"] == cfg["delta"] and c["rungs"] == cfg["rungs"]
    assert c["applied"] == bool(cfg["delta"])
    text = answer.render_text(a)
    assert ("Correction for the cases' selection applied" in text) == bool(cfg["delta"])
    assert _is_monotone(a.ladder)
