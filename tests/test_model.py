"""Tests for casus.assess.model: fitting, monotone ladder, backtest target, scenarios."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import numpy as np
import pytest

from casus.assess import model
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
    assert tuple(m.rungs) == RUNGS and m.n_cases >= 40 and m.boot is not None
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


def test_backtest_scores_both_populations_and_both_schemes() -> None:
    bt = model.default_backtest()
    assert bt.n >= 40 and bt.n_episodes > 5000
    for scheme in (bt.twin, bt.forward):
        assert set(scheme["cases"]["rungs"]) == set(RUNGS)
        assert set(scheme["episodes"]["rungs"]) == {"direct"}   # the episodes observe the top rung only
    # out of sample the model must at least beat the base rate where the target is set
    for r in ("materiel", "direct"):
        s = bt.twin["cases"]["rungs"][r]
        assert s["brier"] < s["base_rate_brier"], (r, s)
    assert bt.twin["episodes"]["rungs"]["direct"]["improvement"] > 0
    assert {"twin/cases/materiel", "twin/cases/direct", "forward/cases/direct", "twin/episodes/direct"} <= set(bt.target["met"])


def test_backtest_report_json_shape() -> None:
    data = json.loads(model.backtest_report("json"))
    assert set(data["rungs"]) == set(RUNGS)
    for s in data["rungs"].values():
        assert {"brier", "base_rate_brier", "improvement", "n"} <= set(s)
    for r in RUNGS:
        rows = data["reliability"][r]
        assert sum(row["n"] for row in rows) == data["n_cases"]
        for row in rows:
            assert {"bin", "n", "mean_predicted", "observed"} <= set(row)
    br = data["base_rates"]
    assert br["cases"]["n"] == data["n_cases"] and br["episodes_direct"]["n"] == data["n_episodes"]
    assert any(lit["rate"] == 0.22 for lit in br["literature"])


def test_backtest_report_text_shows_each_population_and_the_literature() -> None:
    text = model.backtest_report("text")
    for r in RUNGS:
        assert r in text
    for needle in ("hand-coded cases", "systematic episodes", "Berkemeier", "Sabrosky", "Forward in time",
                   "Twin-grouped", "Calibration per rung", "Target"):
        assert needle in text


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
    derived = model.derived_features("CHN", "USA", 2026)
    assert out["features"]["capability_share"] == derived["capability_share"]  # derived from the actor codes
    assert out["features"]["patron_major"] == 1.0 and "attacker_nonstate" not in out["features"]


@pytest.mark.parametrize("text,match", [("{not json", "not valid JSON"), ("[1, 2]", "JSON object")])
def test_scenario_file_errors(tmp_path: Path, text: str, match: str) -> None:
    path = tmp_path / "s.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CasusError, match=match):
        model.load_scenario(path)


def test_missing_scenario_file() -> None:
    with pytest.raises(CasusError, match="not found"):
        model.load_scenario("/nonexistent/scenario.json")


# ---------------------------------------------------------------- two populations, as-of, intervals, cache

def test_attacker_nonstate_is_not_a_model_feature() -> None:
    assert "attacker_nonstate" not in model.feature_names()
    assert {"patron_major", "capability_share", "post_1945"} <= set(model.feature_names())


def test_derived_features_from_the_state_year_table() -> None:
    assert model.derived_features("RUS", "ISR", 2026)["patron_major"] == 1.0   # the 2016 list carried forward
    assert model.derived_features("USA", "SYR_REBELS", 2015)["capability_share"] == 1.0  # non-state: CINC 0
    assert model.derived_features("NATO", "RUS", 2026)["capability_share"] > 0.5        # through its members
    assert model.derived_features("WEST", "RUS", 2026)["capability_share"] == 0.5       # no record: neutral
    weak = model.derived_features("CUB", "USA", 1961)["capability_share"]
    assert 0.0 < weak < 0.2
    assert model.derived_features("GBR", "DEU", 1914)["post_1945"] == 0.0


def test_client_major_is_derived_from_the_client_and_cited() -> None:
    assert model.derived_features("USA", "ARG", 1982, client="GBR")["client_major"] == 1.0
    assert model.derived_features("RUS", "ISR", 2025, client="IRN")["client_major"] == 0.0
    assert model.derived_features("RUS", "ISR", 2025)["client_major"] == 0.0             # no client named
    fact = model.derived_facts("BLR", "UKR", 2024, "2024-01-01", "RUS")["client_major"]
    assert fact.value == 1.0 and "major power" in fact.text and fact.sources == [model.COW_STATES_URL]
    assert "client_major" in model.feature_names()


def test_lower_rungs_shrunk_toward_the_episode_slopes_when_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    from casus.assess import fitting

    pool = fitting.build_pool()
    w = np.ones(len(pool.lev))
    assert fitting._lower_prior(pool, w, 1.0, 10.0) is None                      # registered: toward 0
    monkeypatch.setitem(model.settings(), "lower_prior", "episodes")
    prior = fitting._lower_prior(pool, w, 1.0, 10.0)
    assert prior is not None and prior[list(model.feature_names()).index("arms_flowing")] == 0.0  # direct-only column
    tight, _ = fitting._fit_rung(pool, w, 4, 1e-6, 10.0, prior)                  # a huge penalty keeps the prior
    assert np.allclose(tight[1:], prior, atol=1e-3)


def test_weighted_fit_equals_repeated_rows() -> None:
    rng = np.random.default_rng(1)
    X = rng.integers(0, 2, size=(40, 3)).astype(float)
    y = (rng.random(40) < 0.4).astype(float)
    pen = np.full(3, 1.0)
    twice = model.fit_penalised(np.vstack([X, X]), np.concatenate([y, y]), pen)
    weighted = model.fit_penalised(X, y, pen, weights=np.full(40, 2.0))
    assert weighted == pytest.approx(twice, abs=1e-6)
    Xu, yu, n = model.collapse(X, y)
    assert model.fit_penalised(Xu, yu, pen, weights=n) == pytest.approx(model.fit_penalised(X, y, pen), abs=1e-6)


def test_twin_groups_join_same_dispute_and_same_dyad_within_five_years() -> None:
    rows = [{"dispnum": 1, "patron": "A", "client": "B", "year": 1990},
            {"dispnum": 1, "patron": "C", "client": "B", "year": 1990},
            {"dispnum": 2, "patron": "A", "client": "B", "year": 1995},
            {"dispnum": 3, "patron": "A", "client": "B", "year": 2001},
            {"patron": "D", "client": "E", "year": 2001}]
    g = model.twin_groups(rows, 5)
    assert g[0] == g[1] == g[2]
    assert g[3] != g[0] and g[4] not in (g[0], g[3])


def test_direct_uses_both_populations_and_answers_for_a_crisis() -> None:
    m = model.fit(bootstrap=0)
    assert m.n_episodes > 5000 and m.episode_direct is not None
    x = {f: 0.0 for f in m.features}
    x.update(defense_pact=1.0, shares_border=1.0, capability_share=0.5, post_1945=1.0)
    # an average dispute draws far fewer patrons into the fighting than a crisis casus is asked about
    assert m.ladder_episode(x) < m.ladder(x)["direct"]
    assert m.episode_direct.base_rate < 0.05 < m.rungs["direct"].base_rate


def test_fit_as_of_sees_only_earlier_years() -> None:
    full = model.fit(bootstrap=0)
    early = model.fit(as_of="2025-06-12", bootstrap=0)
    n_before = sum(1 for c in model.hand_cases() if int(c["year"]) < 2025)
    assert early.n_cases == n_before < full.n_cases
    assert early.through == "2024-12-31" and early.reference()["cases"] == n_before
    older = model.fit(as_of="1950-01-01", bootstrap=0)
    assert older.n_episodes < early.n_episodes and older.through == "1949-12-31"
    with pytest.raises(CasusError, match="no hand-coded cases"):
        model.fit(as_of="1900-01-01", bootstrap=0)
    with pytest.raises(CasusError, match="YYYY-MM-DD"):
        model.fit(as_of="someday", bootstrap=0)


def test_interval_brackets_the_answer_and_is_ordered() -> None:
    m = model.fit(bootstrap=30)
    for sc in (BASE, {**BASE, "defense_pact": 0, "shares_border": 0, "patron_at_war_elsewhere": 1}):
        x = model.complete_features(sc)
        p, band = m.ladder(x), m.interval(x)
        for r in RUNGS:
            lo, hi = band[r]
            assert 0.0 <= lo <= hi <= 1.0
            assert lo - 0.05 <= p[r] <= hi + 0.05, (r, lo, p[r], hi)
        los = [band[r][0] for r in RUNGS]
        assert all(a >= b - 1e-9 for a, b in zip(los, los[1:]))  # each replicate is monotone, so are the quantiles
    assert set(model.predict_interval(BASE, m)) == set(RUNGS)


def test_fitted_model_is_cached_on_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CASUS_CACHE_DIR", str(tmp_path))
    model._cached_fit.cache_clear()
    first = model.fit(as_of="1990-01-01", bootstrap=3)
    assert list(tmp_path.glob("model-*.pickle"))
    model._cached_fit.cache_clear()

    def refit(*args: object, **kw: object) -> None:
        raise AssertionError("refitted although a cached fit was on disk")

    monkeypatch.setattr(model, "_fit_uncached", refit)
    again = model.fit(as_of="1990-01-01", bootstrap=3)
    assert again.to_dict() == first.to_dict()
    model._cached_fit.cache_clear()


def test_cache_key_depends_on_as_of_and_inputs() -> None:
    assert model._cache_key(2025, 10) != model._cache_key(2026, 10)
    assert model._cache_key(None, 10) != model._cache_key(None, 11)


def test_assess_json_names_the_reference_class_and_shows_intervals() -> None:
    from casus.assess import answer as assess

    a = assess.assess(None, "RUS", "IRN", "ISR")
    d = a.to_dict()
    assert d["model"]["cases"] >= 40 and d["model"]["through"][:4].isdigit()
    for r in RUNGS:
        lo, hi = d["interval"][r]
        assert lo <= d["ladder"][r] + 0.05 and d["ladder"][r] - 0.05 <= hi
    text = assess.render_text(a)
    assert "bootstrap interval" in text and "hand-coded cases" in text


def test_corrupt_cache_file_is_refitted_not_fatal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CASUS_CACHE_DIR", str(tmp_path))
    model._cached_fit.cache_clear()
    key = model._cache_key(1990, 2)
    (tmp_path / f"model-{key}.pickle").write_bytes(b"not a pickle")
    m = model.fit(as_of="1990-06-01", bootstrap=2)
    assert m.through == "1989-12-31" and m.boot is not None and len(m.boot) == 2
    model._cached_fit.cache_clear()


def test_ties_both_refined_patron_attacker_ties(monkeypatch: pytest.MonkeyPatch) -> None:
    from casus.assess import knowledge

    # kind tie: the US-North Korea and US-Russia non-aggression spells are multilateral (Amity 2009, Helsinki 1975)
    assert knowledge.atop_pledge("PRK", "USA", 2025) and not knowledge.atop_pledge("PRK", "USA", 2025, "tie")
    assert not knowledge.atop_pledge("RUS", "USA", 2025, "tie") and knowledge.atop_pledge("RUS", "USA", 1943, "tie")
    assert knowledge.atop_pledge("FRA", "RUS", 2025, "tie")   # a bilateral consultation pledge (core) counts
    assert knowledge.attacker_tied("USA", "PRK", 2026, "2026-06-01", 0.0)          # the kept rule: any pledge
    for rule in ("rival", "bilateral"):
        monkeypatch.setattr(knowledge, "ties_both_attacker", lambda rule=rule: rule)
        assert not knowledge.attacker_tied("USA", "PRK", 2026, "2026-06-01", 0.0)
        assert knowledge.attacker_tied("RUS", "AZE", 2022, "2022-06-01", 0.0)        # a core pledge
        assert knowledge.attacker_tied("USA", "PRK", 2026, "2026-06-01", 1.0)        # a working tie
    monkeypatch.setattr(knowledge, "ties_both_attacker", lambda: "rival")
    assert knowledge.attacker_tied("USA", "RUS", 2025, "2025-06-01", 0.0)   # no use-of-force MID 2005-2010
    assert not knowledge.attacker_tied("USA", "RUS", 2005, "2005-06-01", 0.0)   # the 1997 and 2000 disputes


def test_ties_both_text_names_its_source() -> None:
    from casus.assess import knowledge

    text = knowledge.ties_both("USA", "KOR", "PRK", 0.0, 1.0, "2026-06-01").text
    assert text.startswith("The United States is read as aligned with both sides: no working ties with North Korea, "
                           "but ATOP v5 records an alliance pledge between them (non-aggression only")
    assert "has ties with the attacker" not in text
    assert "working ties with Israel (the ties fact)" in knowledge.ties_both("RUS", "IRN", "ISR", 1.0, 0.0,
                                                                             "2025-06-12").text


def test_dyad_features_from_the_shipped_table() -> None:
    from casus.assess import knowledge

    assert knowledge.atop_pledge("RUS", "USA", 1980) and not knowledge.atop_pledge("RUS", "USA", 1950)
    assert knowledge.atop_pledge("RUS", "USA", 2025)              # ATOP's 2018 spell carried forward
    assert not knowledge.atop_pledge("RUS", "USA", 2025, "core")  # ... a non-aggression pledge only
    assert knowledge.atop_pledge("IRN", "RUS", 2025, "core")
    assert knowledge.mid_rival("RUS", "USA", 1962) == 1961        # the ten years before, not the year itself
    assert knowledge.mid_rival("ARG", "GBR", 2020) is None       # MIDs end in 2010: no dispute in 2010-2019
    assert knowledge.rival("RUS", "HTS", "2024-11-27").value == 0.0   # a non-state attacker has no disputes
    # Russia, pledged to Iran and with working ties to Israel, is tied to both sides on the eve of June 2025
    assert knowledge.ties_both("RUS", "IRN", "ISR", 1.0, 0.0, "2025-06-12").value == 1.0
    assert knowledge.ties_both("RUS", "IRN", "ISR", 0.0, 0.0, "2025-06-12").value == 0.0
    # switched off on branch model4 (no paper-tie refinement passes the face-validity list)
    assert "ties_both" not in model.feature_names() and "patron_rival_attacker" not in model.feature_names()
    cases = {c["id"]: c for c in model.hand_cases()}
    assert cases["FRA-CZE-1938"]["ties_both"] == 1.0 and cases["USA-KOR-1950"]["ties_both"] == 0.0
