"""The response-ladder model, fitted on two reference classes with a monotone ladder.

Populations (docs/reference-class.md): S, the systematic episodes built from the
conflict data (`episodes.csv`, 1816-2010: they show only whether the patron fought,
the `direct` rung), and H, the hand-coded crisis cases (`cases.yaml`: every rung,
and the years after 2010).

For each rung r the model estimates P(highest rung reached >= r) with an L2-penalised
logistic regression. `direct` is fitted on S and H together: one free intercept per
population, shared slopes, and H-specific deviations from them shrunk toward zero. The
lower rungs are fitted on H alone. Answers use the H intercept (a crisis someone asks
about is an H-like crisis). Per-rung fits can cross, so each ladder is made
non-increasing by pooling adjacent violators: monotone by construction.

An interval per rung comes from a bootstrap over the reference class (twin groups
resampled within each population). Fitted models are cached on disk, keyed by a hash
of their inputs and the as-of year, so `casus assess` does not refit per call.

This module is the entry point. It imports no numpy: a cached fit is scored by the pure
`casus.assess.ladder`, and `casus.assess.fitting` (numpy) is imported only to fit on a
cache miss or to backtest. Its fitting names (`fit_penalised`, `twin_groups`, `build_pool`,
`backtest`, ...) are reachable from here as before.

Example:
    >>> out = score_scenario({"patron": "CHN", "attacker": "USA", "year": 2026, "defense_pact": 1,
    ...     "patron_at_war_elsewhere": 0, "patron_ties_with_attacker": 0, "shares_border": 1, "attacker_nuclear": 1})
    >>> out["ladder"]["statement"] >= out["ladder"]["direct"]
    True
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from casus.assess.ladder import (
    COW_NMC_URL,
    COW_STATES_URL,
    DIRECT,
    LEVELS,
    REQUIRED_SCENARIO_FIELDS,
    LadderModel,
    RungFit,
    _as_of_year,
    _cache_key,
    _load_cached,
    _store_cached,
    cache_dir,
    complete_features,
    corrected_ladder,
    derived_facts,
    derived_features,
    episodes,
    feature_names,
    hand_cases,
    level,
    load_scenario,
    monotone,
    pav_nonincreasing,
    quantile,
    scenario_from_dict,
    selection_offset,
    settings,
    sigmoid,
)

if TYPE_CHECKING:
    from casus.assess.fitting import Backtest

__all__ = [
    "COW_NMC_URL", "COW_STATES_URL", "DIRECT", "LEVELS", "REQUIRED_SCENARIO_FIELDS", "LadderModel", "RungFit",
    "backtest", "backtest_report", "cache_dir", "complete_features", "corrected_ladder", "default_backtest",
    "default_model", "derived_facts", "derived_features", "episodes", "feature_names", "fit", "hand_cases", "level",
    "load_scenario", "monotone", "pav_nonincreasing", "predict_interval", "quantile", "scenario_from_dict",
    "score_scenario", "selection_offset", "settings", "sigmoid",
]

# Names of casus.assess.fitting reachable as casus.assess.model.NAME (imported on first use).
_FITTING = frozenset({
    "Pool", "Scored", "Backtest", "INNER_FOLDS", "fit_penalised", "collapse", "fit_logistic", "twin_groups",
    "build_pool", "base_rates", "reliability_table",
})


def __getattr__(name: str) -> Any:
    if name in _FITTING:
        from casus.assess import fitting

        return getattr(fitting, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def fit(cases: Sequence[Mapping[str, Any]] | None = None, as_of: str | None = None,
        episodes_rows: Sequence[Mapping[str, Any]] | None = None, bootstrap: int | None = None) -> LadderModel:
    """Fit the ladder model on the reference classes (the shipped ones by default).

    `as_of` (YYYY-MM-DD) keeps only cases and episodes whose year is wholly before the
    as-of year: a case dated by its year is known only once that year is over. The
    shipped fit is cached in memory and on disk by a hash of its inputs and the as-of year.
    """
    boot = int(settings()["bootstrap"]) if bootstrap is None else bootstrap
    if cases is None and episodes_rows is None:
        return _cached_fit(_as_of_year(as_of), boot)
    return _fit_uncached(cases, episodes_rows, _as_of_year(as_of), boot)


def _fit_uncached(cases: Sequence[Mapping[str, Any]] | None, eps: Sequence[Mapping[str, Any]] | None,
                  year: int | None, boot: int) -> LadderModel:
    from casus.assess import fitting

    return fitting.fit_uncached(cases, eps, year, boot)


@lru_cache(maxsize=16)
def _cached_fit(year: int | None, boot: int) -> LadderModel:
    key = _cache_key(year, boot)
    m = _load_cached(key)
    if m is None:
        m = _fit_uncached(None, None, year, boot)
        _store_cached(key, m)
    return m


def default_model() -> LadderModel:
    """The model fitted on all shipped cases and episodes (cached)."""
    return fit()


def predict_interval(features: Mapping[str, Any], model: LadderModel | None = None) -> dict[str, tuple[float, float]]:
    """Bootstrap interval per rung for a scenario: {rung: (lo, hi)}."""
    m = model or default_model()
    return m.interval(complete_features(features))


def score_scenario(features: Mapping[str, Any], model: LadderModel | None = None) -> dict[str, Any]:
    """Ladder probabilities, interval and per-feature log-odds contributions per rung for one scenario."""
    m = model or default_model()
    x = complete_features(features)
    return {
        "features": x,
        "ladder": m.ladder(x),
        "interval": {r: list(v) for r, v in m.interval(x).items()},
        "logit": {r: round(z, 4) for r, z in m.logits(x).items()},
        "contributions": m.contributions(x),
        "model": m.reference(),
    }


# ---------------------------------------------------------------- backtest (numpy, imported on use)

def backtest(cases: Sequence[Mapping[str, Any]] | None = None, features: Sequence[str] | None = None,
             eps: Sequence[Mapping[str, Any]] | None = None) -> Backtest:
    """Twin-grouped and forward-in-time validation, per population (`casus.assess.fitting.backtest`)."""
    from casus.assess import fitting

    return fitting.backtest(cases, features, eps)


def default_backtest() -> Backtest:
    """The backtest on the shipped data (computed once per process, cached on disk)."""
    from casus.assess import fitting

    return fitting.default_backtest()


def backtest_report(fmt: str = "text", result: Backtest | None = None) -> str:
    """The backtest as text tables or JSON (`{"rungs": ..., "twin": ..., "forward": ..., "base_rates": ...}`)."""
    from casus.assess import fitting

    return fitting.backtest_report(fmt, result)
