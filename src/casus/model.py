"""The response-ladder model: per-rung logistic regressions fitted on the shipped
reference cases, regularised for a small sample, with a monotone ladder.

For each rung r the model estimates P(highest rung reached >= r) from the scenario
features (features.yaml). Coefficients carry an L2 penalty whose strength C is
chosen per rung by cross-validation inside the training data; the intercept is not
penalised, so heavy shrinkage pulls each rung to its base rate. Per-rung fits can
cross, so the ladder is made non-increasing by pooling adjacent violators.

`backtest()` scores the whole procedure by leave-one-out over the cases, choosing C
again inside every training fold (nested), and compares it in the same run with the
leave-one-out base rate.

Example:
    >>> out = score_scenario({"defense_pact": 1, "patron_at_war_elsewhere": 0,
    ...     "patron_ties_with_attacker": 0, "shares_border": 1, "attacker_nuclear": 0})
    >>> out["ladder"]["statement"] >= out["ladder"]["direct"]
    True
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from casus import knowledge
from casus.errors import CasusError
from casus.records import RUNGS

LEVELS: tuple[str, ...] = ("none",) + RUNGS
REQUIRED_SCENARIO_FIELDS = (
    "patron", "client", "attacker", "year",
    "defense_pact", "patron_at_war_elsewhere", "patron_ties_with_attacker", "shares_border", "attacker_nuclear",
)
INNER_FOLDS = 5


def settings() -> dict[str, Any]:
    """The `model` section of features.yaml."""
    return knowledge.load_data("features.yaml")["model"]


def feature_names() -> tuple[str, ...]:
    """Model features in order."""
    return tuple(settings()["features"])


def level(rung: str) -> int:
    """Index of a rung on the ladder (none = 0, direct = 6)."""
    if rung not in LEVELS:
        raise CasusError(f"unknown rung {rung!r}: use one of {', '.join(LEVELS)}")
    return LEVELS.index(rung)


# ---------------------------------------------------------------- fitting

def _sigmoid(z: np.ndarray | float) -> np.ndarray | float:
    return 1.0 / (1.0 + np.exp(-np.clip(z, -35, 35)))


def fit_logistic(X: np.ndarray, y: np.ndarray, C: float, iters: int = 50) -> np.ndarray:
    """L2-penalised logistic regression by Newton's method; returns [intercept, coefs].

    Written out because the backtest fits about 12,000 tiny models (48 cases, 6
    features) and this solver is some 30 times faster per fit here than
    scikit-learn's, to which tests/test_model.py holds it equal.

    The penalty is sum(coef**2) / (2C), as in scikit-learn; the intercept is free.
    If every label is the same the coefficients are 0 and the intercept is the
    add-half log-odds, so a rung never gets a probability of exactly 0 or 1.
    """
    n, p = X.shape
    if y.min() == y.max():
        rate = (y.sum() + 0.5) / (n + 1.0)
        return np.concatenate([[math.log(rate / (1 - rate))], np.zeros(p)])
    Xa = np.hstack([np.ones((n, 1)), X])
    pen = np.full(p + 1, 1.0 / C)
    pen[0] = 0.0
    rate = float(np.clip(y.mean(), 1e-3, 1 - 1e-3))
    w = np.zeros(p + 1)
    w[0] = math.log(rate / (1 - rate))
    for _ in range(iters):
        mu = np.asarray(_sigmoid(Xa @ w))
        grad = Xa.T @ (mu - y) + pen * w
        hess = Xa.T @ (Xa * (mu * (1 - mu))[:, None]) + np.diag(pen) + 1e-9 * np.eye(p + 1)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.max(np.abs(step)) < 1e-9:
            break
    return w


def _folds(n: int, k: int) -> list[np.ndarray]:
    """Deterministic k-fold split by index (case order is the shipped order)."""
    idx = np.arange(n)
    return [idx[idx % k == f] for f in range(min(k, n))]


def choose_c(X: np.ndarray, y: np.ndarray, grid: Sequence[float], k: int = INNER_FOLDS) -> float:
    """The C in `grid` with the lowest k-fold cross-validated Brier score (ties: smaller C)."""
    best_c, best = float(grid[0]), math.inf
    for c in grid:
        sq = 0.0
        for test in _folds(len(y), k):
            train = np.setdiff1d(np.arange(len(y)), test)
            w = fit_logistic(X[train], y[train], c)
            p = _sigmoid(w[0] + X[test] @ w[1:])
            sq += float(np.sum((p - y[test]) ** 2))
        if sq < best - 1e-12:
            best_c, best = float(c), sq
    return best_c


def pav_nonincreasing(values: Sequence[float]) -> list[float]:
    """Closest non-increasing sequence (equal weights): pool adjacent violators."""
    blocks: list[list[float]] = []  # [mean, count]
    for v in values:
        blocks.append([float(v), 1.0])
        while len(blocks) > 1 and blocks[-2][0] < blocks[-1][0]:
            m2, c2 = blocks.pop()
            m1, c1 = blocks.pop()
            blocks.append([(m1 * c1 + m2 * c2) / (c1 + c2), c1 + c2])
    out: list[float] = []
    for mean, count in blocks:
        out.extend([mean] * int(count))
    return out


def monotone(ladder: Mapping[str, float]) -> dict[str, float]:
    """Make P(reach rung) non-increasing up the ladder."""
    fixed = pav_nonincreasing([ladder[r] for r in RUNGS])
    return {r: round(min(1.0, max(0.0, p)), 6) for r, p in zip(RUNGS, fixed)}


@dataclass(slots=True)
class RungFit:
    """One rung's fitted logistic regression."""

    rung: str
    C: float
    intercept: float
    coef: dict[str, float]
    base_rate: float


@dataclass(slots=True)
class LadderModel:
    """Per-rung fits plus the feature means used to express contributions."""

    features: tuple[str, ...]
    rungs: dict[str, RungFit]
    means: dict[str, float]
    n_cases: int

    def logits(self, x: Mapping[str, float]) -> dict[str, float]:
        """Raw per-rung log-odds (before the monotone adjustment)."""
        return {r: f.intercept + sum(f.coef[k] * float(x[k]) for k in self.features) for r, f in self.rungs.items()}

    def contributions(self, x: Mapping[str, float]) -> dict[str, dict[str, float]]:
        """Per rung: the log-odds of the average reference case and each feature's push from it."""
        out = {}
        for r, f in self.rungs.items():
            base = f.intercept + sum(f.coef[k] * self.means[k] for k in self.features)
            row = {"baseline": round(base, 4)}
            row.update({k: round(f.coef[k] * (float(x[k]) - self.means[k]), 4) for k in self.features})
            out[r] = row
        return out

    def ladder(self, x: Mapping[str, float]) -> dict[str, float]:
        """Monotone P(reach rung)."""
        return monotone({r: float(_sigmoid(z)) for r, z in self.logits(x).items()})

    def to_dict(self) -> dict[str, Any]:
        """Coefficients, C and base rate per rung."""
        return {"n_cases": self.n_cases, "features": list(self.features), "means": self.means,
                "rungs": {r: {"C": f.C, "intercept": round(f.intercept, 4),
                              "coef": {k: round(v, 4) for k, v in f.coef.items()},
                              "base_rate": round(f.base_rate, 4)} for r, f in self.rungs.items()}}


def case_matrix(cases: Sequence[Mapping[str, Any]], features: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """Feature matrix and ladder level (0-6) of each case."""
    X = np.array([[float(c[f]) for f in features] for c in cases], dtype=float)
    lev = np.array([level(c["rung"]) for c in cases], dtype=int)
    return X, lev


def _fit_arrays(X: np.ndarray, lev: np.ndarray, features: Sequence[str], grid: Sequence[float]) -> LadderModel:
    rungs = {}
    for i, r in enumerate(RUNGS, start=1):
        y = (lev >= i).astype(float)
        c = choose_c(X, y, grid)
        w = fit_logistic(X, y, c)
        rungs[r] = RungFit(r, c, float(w[0]), {f: float(v) for f, v in zip(features, w[1:])}, float(y.mean()))
    means = {f: float(v) for f, v in zip(features, X.mean(axis=0))}
    return LadderModel(tuple(features), rungs, means, len(lev))


def fit(cases: Sequence[Mapping[str, Any]] | None = None) -> LadderModel:
    """Fit the ladder model on the reference cases (the shipped ones by default)."""
    if cases is None:
        return default_model()
    features = feature_names()
    X, lev = case_matrix(cases, features)
    return _fit_arrays(X, lev, features, settings()["c_grid"])


@lru_cache(maxsize=1)
def default_model() -> LadderModel:
    """The model fitted on the shipped cases (fitted once per process)."""
    features = feature_names()
    X, lev = case_matrix(knowledge.cases(), features)
    return _fit_arrays(X, lev, features, settings()["c_grid"])


# ---------------------------------------------------------------- scoring

def complete_features(features: Mapping[str, Any]) -> dict[str, float]:
    """Model features from a scenario dict; attacker_nonstate is derived if absent."""
    out = {}
    for f in feature_names():
        if f in features and features[f] is not None:
            out[f] = _unit_value(features[f], f)
        elif f == "attacker_nonstate":
            attacker = features.get("attacker")
            out[f] = 0.0 if not attacker or knowledge.is_state(str(attacker)) else 1.0
        else:
            raise CasusError(f"scenario is missing {f!r}: give it as 0 or 1 (or a probability between them)")
    return out


def score_scenario(features: Mapping[str, Any], model: LadderModel | None = None) -> dict[str, Any]:
    """Ladder probabilities and per-feature log-odds contributions per rung for one scenario."""
    m = model or default_model()
    x = complete_features(features)
    return {
        "features": x,
        "ladder": m.ladder(x),
        "logit": {r: round(z, 4) for r, z in m.logits(x).items()},
        "contributions": m.contributions(x),
    }


def _unit_value(value: Any, name: str) -> float:
    if isinstance(value, bool):
        return float(value)
    try:
        v = float(value)
    except (TypeError, ValueError):
        raise CasusError(f"scenario field {name!r} must be 0 or 1 (or a probability between them), not {value!r}") from None
    if not 0.0 <= v <= 1.0 or math.isnan(v):
        raise CasusError(f"scenario field {name!r} must be between 0 and 1, not {value!r}")
    return v


def scenario_from_dict(data: Mapping[str, Any]) -> dict[str, Any]:
    """Validate a scenario: required fields present and well typed; extra fields ignored."""
    if not isinstance(data, Mapping):
        raise CasusError("a scenario must be a JSON object with fields " + ", ".join(REQUIRED_SCENARIO_FIELDS))
    for f in REQUIRED_SCENARIO_FIELDS:
        if f not in data or data[f] is None:
            raise CasusError(f"scenario is missing the field {f!r}: add it (fields: {', '.join(REQUIRED_SCENARIO_FIELDS)})")
    out: dict[str, Any] = {}
    for role in ("patron", "client", "attacker"):
        out[role] = knowledge.check_code(data[role], f"scenario field {role!r}:")
    try:
        out["year"] = int(data["year"])
    except (TypeError, ValueError):
        raise CasusError(f"scenario field 'year' must be a year such as 2025, not {data['year']!r}") from None
    for f in REQUIRED_SCENARIO_FIELDS[4:]:
        out[f] = _unit_value(data[f], f)
    if data.get("attacker_nonstate") is not None:
        out["attacker_nonstate"] = _unit_value(data["attacker_nonstate"], "attacker_nonstate")
    return out


def load_scenario(path: str | Path) -> dict[str, Any]:
    """Read and validate a scenario JSON file (`casus assess --scenario FILE.json`)."""
    p = Path(path)
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CasusError(f"scenario file {str(p)!r} not found: check the path") from None
    except json.JSONDecodeError as exc:
        raise CasusError(f"scenario file {str(p)!r} is not valid JSON ({exc.msg} at line {exc.lineno})") from None
    return scenario_from_dict(data)


# ---------------------------------------------------------------- backtest

@dataclass(slots=True)
class Backtest:
    """Leave-one-out scores of the model and of the base rate, from the same run."""

    n: int
    rungs: dict[str, dict[str, float]]
    reliability: dict[str, list[dict[str, float]]]
    predictions: list[dict[str, Any]] = field(default_factory=list)
    target: dict[str, Any] = field(default_factory=dict)

    def to_dict(self, with_predictions: bool = False) -> dict[str, Any]:
        out = {"n_cases": self.n, "method": "leave-one-out; C chosen by 5-fold CV inside each training fold",
               "rungs": self.rungs, "reliability": self.reliability, "target": self.target}
        if with_predictions:
            out["predictions"] = self.predictions
        return out


def _brier(p: np.ndarray, y: np.ndarray) -> float:
    return float(np.mean((p - y) ** 2))


def reliability_table(p: np.ndarray, y: np.ndarray, edges: Sequence[float]) -> list[dict[str, Any]]:
    """Bins of predicted probability with the observed frequency in each."""
    rows = []
    for i, (lo, hi) in enumerate(zip(edges[:-1], edges[1:])):
        last = i == len(edges) - 2
        mask = (p >= lo) & ((p <= hi) if last else (p < hi))
        n = int(mask.sum())
        rows.append({"bin": f"{lo:.1f}-{hi:.1f}", "n": n,
                     "mean_predicted": round(float(p[mask].mean()), 3) if n else None,
                     "observed": round(float(y[mask].mean()), 3) if n else None})
    return rows


def backtest(cases: Sequence[Mapping[str, Any]] | None = None, features: Sequence[str] | None = None) -> Backtest:
    """Leave-one-out over the cases: Brier per rung for the model and the LOO base rate.

    `features` restricts the model to a subset (an ablation); by default all of them.
    """
    rows = list(cases) if cases is not None else knowledge.cases()
    features = tuple(features) if features is not None else feature_names()
    X, lev = case_matrix(rows, features)
    grid = settings()["c_grid"]
    n = len(lev)
    P = np.zeros((n, len(RUNGS)))
    B = np.zeros((n, len(RUNGS)))
    Y = np.array([[float(l >= i) for i in range(1, len(LEVELS))] for l in lev])
    for i in range(n):
        train = np.arange(n) != i
        m = _fit_arrays(X[train], lev[train], features, grid)
        x = dict(zip(features, X[i]))
        ladder = m.ladder(x)
        P[i] = [ladder[r] for r in RUNGS]
        B[i] = Y[train].mean(axis=0)
    per_rung = {}
    for j, r in enumerate(RUNGS):
        bm, bb = _brier(P[:, j], Y[:, j]), _brier(B[:, j], Y[:, j])
        per_rung[r] = {"brier": round(bm, 4), "base_rate_brier": round(bb, 4),
                       "improvement": round(1 - bm / bb, 4) if bb > 0 else 0.0,
                       "base_rate": round(float(Y[:, j].mean()), 4)}
    edges = settings()["reliability_bins"]
    reliability = {"all_rungs": reliability_table(P.ravel(), Y.ravel(), edges)}
    reliability.update({r: reliability_table(P[:, j], Y[:, j], edges) for j, r in enumerate(RUNGS)})
    target = settings()["target"]
    met = {r: per_rung[r]["improvement"] >= target["min_improvement"] for r in target["rungs"]}
    preds = [{"id": c.get("id"), "observed": c["rung"], "ladder": {r: round(float(P[i, j]), 4) for j, r in enumerate(RUNGS)}}
             for i, c in enumerate(rows)]
    return Backtest(n, per_rung, reliability, preds,
                    {"rungs": target["rungs"], "min_improvement": target["min_improvement"], "met": met})


@lru_cache(maxsize=1)
def default_backtest() -> Backtest:
    """The backtest on the shipped cases (computed once per process)."""
    return backtest()


def backtest_report(fmt: str = "text", result: Backtest | None = None) -> str:
    """The backtest as a text table or JSON (`{"rungs": {rung: {"brier", "base_rate_brier"}}, "reliability": ...}`)."""
    bt = result or default_backtest()
    if fmt == "json":
        return json.dumps(bt.to_dict(), indent=2)
    if fmt != "text":
        raise CasusError(f"unknown backtest format {fmt!r}: use text or json")
    lines = [f"Leave-one-out backtest over {bt.n} reference cases (C chosen inside each training fold).",
             "", f"{'rung':<13}{'model':>8}{'base rate':>11}{'better by':>11}{'P(reach)':>10}"]
    for r, s in bt.rungs.items():
        lines.append(f"{r:<13}{s['brier']:>8.3f}{s['base_rate_brier']:>11.3f}{s['improvement']:>10.0%}{s['base_rate']:>10.0%}")
    lines += ["", "Brier score: lower is better; a constant 50% scores 0.250.", "",
              "Reliability, all rungs pooled:", f"{'predicted':<12}{'n':>5}{'mean pred':>11}{'observed':>10}"]
    for row in bt.reliability["all_rungs"]:
        mp = "-" if row["mean_predicted"] is None else f"{row['mean_predicted']:.2f}"
        ob = "-" if row["observed"] is None else f"{row['observed']:.2f}"
        lines.append(f"{row['bin']:<12}{row['n']:>5}{mp:>11}{ob:>10}")
    goal = bt.target
    verdicts = ", ".join(f"{r} {'met' if ok else 'NOT met'}" for r, ok in goal["met"].items())
    lines += ["", f"Target: at least {goal['min_improvement']:.0%} below the base-rate Brier on {', '.join(goal['rungs'])}: {verdicts}."]
    return "\n".join(lines)
