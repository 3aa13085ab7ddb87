"""Tests for casus.model: fitting, monotone ladder, backtest target, scenarios."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import numpy as np
import pytest

from casus import model
from casus.errors import CasusError
from casus.records import RUNGS

BASE = {"patron": "CHN", "client": "PRK", "attacker": "USA", "year": 2026, "defense_pact": 1,
        "patron_at_war_elsewhere": 0, "patron_ties_with_attacker": 0, "shares_border": 1, "attacker_nuclear": 1}


def _x(**kw: float) -> dict[str, float]:
    x = {f: 0.0 for f in model.feature_names()}
    x.update(kw)
    return x


def test_model_fits_every_rung_with_finite_coefficients() -> None:
    m = model.default_model()
    assert tuple(m.rungs) == RUNGS and m.n_cases >= 40
    for fit in m.rungs.values():
        assert np.isfinite(fit.intercept) and all(np.isfinite(v) for v in fit.coef.values())
        assert fit.C in model.settings()["c_grid"]


def test_ladder_is_monotone_for_every_binary_scenario() -> None:
    m = model.default_model()
    names = model.feature_names()
    for values in itertools.product((0.0, 1.0), repeat=len(names)):
        ladder = m.ladder(dict(zip(names, values)))
        probs = [ladder[r] for r in RUNGS]
        assert all(a >= b for a, b in zip(probs, probs[1:])), values
        assert all(0.0 <= p <= 1.0 for p in probs)


@pytest.mark.parametrize("values,expected", [
    ([0.9, 0.8, 0.85, 0.2], [0.9, 0.825, 0.825, 0.2]),
    ([0.1, 0.5], [0.3, 0.3]),
    ([0.5, 0.4, 0.3], [0.5, 0.4, 0.3]),
])
def test_pool_adjacent_violators(values: list[float], expected: list[float]) -> None:
    assert model.pav_nonincreasing(values) == pytest.approx(expected)


def test_newton_fit_matches_scikit_learn() -> None:
    from sklearn.linear_model import LogisticRegression

    rng = np.random.default_rng(0)
    X = rng.integers(0, 2, size=(60, 4)).astype(float)
    y = (X @ np.array([1.0, -1.0, 0.5, 0.0]) + rng.normal(0, 1, 60) > 0).astype(float)
    ours = model.fit_logistic(X, y, C=1.0)
    ref = LogisticRegression(C=1.0, tol=1e-10, max_iter=1000).fit(X, y)
    assert ours[0] == pytest.approx(ref.intercept_[0], abs=1e-3)
    assert ours[1:] == pytest.approx(ref.coef_[0], abs=1e-3)


def test_single_class_rung_falls_back_to_smoothed_rate() -> None:
    w = model.fit_logistic(np.zeros((4, 2)), np.ones(4), C=1.0)
    assert list(w[1:]) == [0.0, 0.0] and 0.5 < 1 / (1 + np.exp(-w[0])) < 1.0


def test_defense_pact_raises_direct_when_not_at_war_elsewhere() -> None:
    with_pact = model.score_scenario({**BASE, "defense_pact": 1, "patron_at_war_elsewhere": 0})
    without = model.score_scenario({**BASE, "defense_pact": 0, "patron_at_war_elsewhere": 0})
    assert with_pact["ladder"]["direct"] > without["ladder"]["direct"]


def test_contributions_add_up_to_the_rung_logit() -> None:
    out = model.score_scenario(BASE)
    for r in RUNGS:
        assert sum(out["contributions"][r].values()) == pytest.approx(out["logit"][r], abs=1e-3)


def test_backtest_beats_base_rate_by_target_on_materiel_and_direct() -> None:
    bt = model.default_backtest()
    assert bt.n >= 40
    for r in ("materiel", "direct"):
        s = bt.rungs[r]
        assert s["brier"] <= 0.8 * s["base_rate_brier"], (r, s)
    assert all(bt.target["met"].values())


def test_backtest_report_json_shape() -> None:
    data = json.loads(model.backtest_report("json"))
    assert set(data["rungs"]) == set(RUNGS)
    for s in data["rungs"].values():
        assert {"brier", "base_rate_brier"} <= set(s)
    rows = data["reliability"]["all_rungs"]
    assert sum(r["n"] for r in rows) == data["n_cases"] * len(RUNGS)
    for row in rows:
        assert {"bin", "n", "mean_predicted", "observed"} <= set(row)


def test_backtest_report_text_lists_every_rung() -> None:
    text = model.backtest_report("text")
    for r in RUNGS:
        assert r in text
    assert "Reliability" in text and "Target" in text


def test_backtest_report_rejects_unknown_format() -> None:
    with pytest.raises(CasusError, match="text or json"):
        model.backtest_report("csv")


@pytest.mark.parametrize("missing", model.REQUIRED_SCENARIO_FIELDS)
def test_missing_scenario_field_is_named(missing: str) -> None:
    data = {k: v for k, v in BASE.items() if k != missing}
    with pytest.raises(CasusError, match=missing):
        model.scenario_from_dict(data)


@pytest.mark.parametrize("field,value", [("defense_pact", "yes"), ("shares_border", 2), ("year", "soon"),
                                         ("patron", "china"), ("attacker_nuclear", None)])
def test_bad_scenario_values_raise(field: str, value: object) -> None:
    with pytest.raises(CasusError, match=field):
        model.scenario_from_dict({**BASE, field: value})


def test_scenario_file_ignores_unknown_fields(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    path.write_text(json.dumps({**BASE, "comment": "extra fields are ignored"}), encoding="utf-8")
    sc = model.load_scenario(path)
    assert "comment" not in sc and sc["defense_pact"] == 1.0
    out = model.score_scenario(sc)
    assert out["features"]["attacker_nonstate"] == 0.0  # derived from the attacker code


@pytest.mark.parametrize("text,match", [("{not json", "not valid JSON"), ("[1, 2]", "JSON object")])
def test_scenario_file_errors(tmp_path: Path, text: str, match: str) -> None:
    path = tmp_path / "s.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CasusError, match=match):
        model.load_scenario(path)


def test_missing_scenario_file() -> None:
    with pytest.raises(CasusError, match="not found"):
        model.load_scenario("/nonexistent/scenario.json")
