"""Fitting the ladder model and backtesting it (numpy): the training pool, penalised logistic fits, C
chosen by inner cross-validation, the bootstrap, and `casus backtest`.

Only a cache miss (`casus.assess.model.fit`) or a backtest imports this module; answers
are scored by the pure `casus.assess.ladder`.
"""

from __future__ import annotations

import json
import math
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import numpy as np

from casus.assess import knowledge
from casus.assess.ladder import (
    DIRECT,
    LEVELS,
    LadderModel,
    RungFit,
    _cache_key,
    cache_dir,
    derived_features,
    episodes,
    feature_names,
    hand_cases,
    level,
    settings,
    store_cached,
)
from casus.datafiles import read_pickle
from casus.errors import CasusError
from casus.records import RUNGS

INNER_FOLDS = 5

# ---------------------------------------------------------------- fitting

def _sigmoid(z: np.ndarray | float) -> np.ndarray | float:
    return 1.0 / (1.0 + np.exp(-np.clip(z, -35, 35)))


def fit_penalised(X: np.ndarray, y: np.ndarray, pen: np.ndarray, iters: int = 60,
                  weights: np.ndarray | None = None, offset: np.ndarray | None = None) -> np.ndarray:
    """Logistic regression with a free intercept and per-coefficient L2 penalties, by damped Newton steps.

    Minimises sum(weights * log-loss) + sum(pen * coef**2) / 2; returns [intercept, coefs]. `y`
    may be a proportion when `weights` are counts (rows of equal features collapsed). If every
    label is the same the coefficients are 0 and the intercept is the add-half log-odds.
    `offset` (per row) is added to the linear predictor: with offset X @ b0 the returned
    coefficients are deviations from b0, so the penalty shrinks toward b0 instead of 0.
    """
    n, p = X.shape
    wt = np.ones(n) if weights is None else np.asarray(weights, dtype=float)
    off = np.zeros(n) if offset is None else np.asarray(offset, dtype=float)
    total = float(wt.sum())
    pos = float((wt * y).sum())
    if pos <= 0 or pos >= total:
        rate = (pos + 0.5) / (total + 1.0)
        return np.concatenate([[math.log(rate / (1 - rate))], np.zeros(p)])
    Xa = np.hstack([np.ones((n, 1)), X])
    penalty = np.concatenate([[0.0], pen])
    rate = float(np.clip(pos / total, 1e-3, 1 - 1e-3))
    w = np.zeros(p + 1)
    w[0] = math.log(rate / (1 - rate))

    def objective(v: np.ndarray) -> float:
        z = Xa @ v + off
        return float(np.sum(wt * (np.logaddexp(0.0, z) - y * z)) + 0.5 * np.sum(penalty * v * v))

    current = objective(w)
    for _ in range(iters):
        mu = np.asarray(_sigmoid(Xa @ w + off))
        grad = Xa.T @ (wt * (mu - y)) + penalty * w
        hess = Xa.T @ (Xa * (wt * mu * (1 - mu))[:, None]) + np.diag(penalty) + 1e-9 * np.eye(p + 1)
        step = np.linalg.solve(hess, grad)
        t = 1.0
        while t > 1e-4:
            trial = w - t * step
            value = objective(trial)
            if value <= current + 1e-12:
                break
            t /= 2
        else:
            break
        w, current = trial, value
        if np.max(np.abs(t * step)) < 1e-9:
            break
    return w


def collapse(X: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Rows of equal features merged: (unique X, share of positives, count); the fit is unchanged."""
    uniq, inv = np.unique(X, axis=0, return_inverse=True)
    inv = inv.ravel()
    count = np.bincount(inv, minlength=len(uniq)).astype(float)
    pos = np.bincount(inv, weights=y, minlength=len(uniq))
    return uniq, pos / count, count


def fit_logistic(X: np.ndarray, y: np.ndarray, C: float, iters: int = 60) -> np.ndarray:
    """L2-penalised logistic regression (penalty sum(coef**2) / (2C), as in scikit-learn); [intercept, coefs].

    Written out because the backtest fits thousands of small models and this solver is
    much faster per fit here than scikit-learn's, to which tests/test_model.py holds it equal.
    """
    return fit_penalised(X, y, np.full(X.shape[1], 1.0 / C), iters)



# ---------------------------------------------------------------- the training data

@dataclass(slots=True)
class Pool:
    """Both populations as arrays: features, ladder level, population (1 = hand-coded case), year, twin group.

    Fits take a weight per row (0 = left out, k = drawn k times), so training subsets and
    bootstrap draws never copy the data; the episodes' equal feature rows are merged once
    (`patterns`, `inv`) and a fit sums their weights.
    """

    X: np.ndarray
    lev: np.ndarray
    hand: np.ndarray
    year: np.ndarray
    group: np.ndarray
    ids: list[str]
    patterns: np.ndarray = field(default_factory=lambda: np.zeros((0, 0)))
    inv: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=int))
    direct_only: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=bool))

    def __post_init__(self) -> None:
        s = self.hand == 0
        if s.any():
            uniq, inv = np.unique(self.X[s], axis=0, return_inverse=True)
            self.patterns, full = uniq, np.full(len(self.hand), -1, dtype=int)
            full[np.flatnonzero(s)] = inv.ravel()
            self.inv = full
        else:
            self.patterns, self.inv = np.zeros((0, self.X.shape[1])), np.full(len(self.hand), -1, dtype=int)


def twin_groups(rows: Sequence[Mapping[str, Any]], years: int) -> np.ndarray:
    """Twin group per row: the same dispute, or the same patron and client within `years` years (transitively)."""
    parent = list(range(len(rows)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        ri, rj = find(i), find(j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)

    first: dict[Any, int] = {}
    pairs: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, r in enumerate(rows):
        d = r.get("dispnum")
        if d not in (None, ""):
            if d in first:
                union(i, first[d])
            else:
                first[d] = i
        pairs[(str(r["patron"]), str(r["client"]))].append(i)
    for idx in pairs.values():
        idx.sort(key=lambda i: int(rows[i]["year"]))
        for a, b in zip(idx, idx[1:]):
            if int(rows[b]["year"]) - int(rows[a]["year"]) <= years:
                union(a, b)
    roots: dict[int, int] = {}
    return np.array([roots.setdefault(find(i), len(roots)) for i in range(len(rows))], dtype=int)


def build_pool(cases: Sequence[Mapping[str, Any]] | None = None, eps: Sequence[Mapping[str, Any]] | None = None,
               features: Sequence[str] | None = None) -> Pool:
    """The two populations as one Pool (the shipped ones by default), with joint twin groups."""
    hand_rows = list(cases) if cases is not None else hand_cases()
    ep_rows = list(eps) if eps is not None else episodes()
    feats = tuple(features) if features is not None else feature_names()
    for c in hand_rows:
        if "capability_share" not in c:
            c.update(derived_features(str(c["patron"]), c.get("attacker"), int(c["year"]),  # type: ignore[attr-defined]
                                      client=str(c["client"]) if c.get("client") else None))
    rows = list(ep_rows) + list(hand_rows)
    X = np.array([[float(r[f]) for f in feats] for r in rows], dtype=float).reshape(len(rows), len(feats))
    lev = np.array([int(r["level"]) for r in ep_rows] + [level(str(c["rung"])) for c in hand_rows], dtype=int)
    hand = np.array([0] * len(ep_rows) + [1] * len(hand_rows), dtype=int)
    year = np.array([int(r["year"]) for r in rows], dtype=int)
    group = twin_groups(rows, int(settings()["twin_years"]))
    ids = [f"MID{r['dispnum']}:{r['patron']}-{r['client']}" for r in ep_rows] + [str(c.get("id")) for c in hand_rows]
    pool = Pool(X, lev, hand, year, group, ids)
    pool.direct_only = direct_only_mask(feats)
    return pool


def direct_only_mask(features: Sequence[str]) -> np.ndarray:
    """Per feature, True when features.yaml limits it to the `direct` rung (`rungs: [direct]`)."""
    spec = settings()["features"]
    return np.array([list(spec.get(f, {}).get("rungs") or []) == ["direct"] for f in features], dtype=bool)


def _direct_penalty(p: int, C: float, c_shared: float) -> np.ndarray:
    return np.concatenate([[0.0], np.full(p, 1.0 / c_shared), np.full(p, 1.0 / C)])


def _group_folds(groups: np.ndarray, k: int) -> list[np.ndarray]:
    """Deterministic k folds of distinct group ids (by order of first appearance)."""
    uniq = list(dict.fromkeys(groups.tolist()))
    return [np.array([g for i, g in enumerate(uniq) if i % k == f]) for f in range(min(k, len(uniq)))]


def _fit_direct(pool: Pool, wrow: np.ndarray, C: float, c_shared: float) -> np.ndarray:
    """Direct-rung weights [intercept, hand, shared..., deviation...] on both populations.

    Design: [hand, X, hand * X] -- a population intercept, shared slopes, case-specific deviations.
    """
    p = pool.X.shape[1]
    y = (pool.lev >= DIRECT).astype(float)
    s = pool.hand == 0
    n_pat = len(pool.patterns)
    count = np.bincount(pool.inv[s], weights=wrow[s], minlength=n_pat)
    pos = np.bincount(pool.inv[s], weights=wrow[s] * y[s], minlength=n_pat)
    keep = count > 0
    Xs = pool.patterns[keep]
    S = np.hstack([np.zeros((len(Xs), 1)), Xs, np.zeros_like(Xs)])
    h = (pool.hand == 1) & (wrow > 0)
    Xh = pool.X[h]
    Hd = np.hstack([np.ones((len(Xh), 1)), Xh, Xh])
    design = np.vstack([S, Hd])
    yy = np.concatenate([pos[keep] / count[keep], y[h]])
    ww = np.concatenate([count[keep], wrow[h]])
    return fit_penalised(design, yy, _direct_penalty(p, C, c_shared), weights=ww)


def _direct_for_hand(w: np.ndarray, p: int) -> np.ndarray:
    """[intercept, coefs] of the direct rung for a hand-coded-style crisis.

    The intercept is the episodes' plus `direct_intercept_blend` (features.yaml, 1 = the
    cases' own intercept) times the cases' shift from it."""
    blend = float(settings().get("direct_intercept_blend", 1.0))
    return np.concatenate([[w[0] + blend * w[1]], w[2:2 + p] + w[2 + p:]])


def _lower_prior(pool: Pool, wrow: np.ndarray, c_direct: float, c_shared: float) -> np.ndarray | None:
    """The slopes the lower rungs are shrunk toward: None (zero, the registered model), or with
    `lower_prior: episodes` the episodes' `direct` slopes fitted on these weights."""
    if settings().get("lower_prior", "zero") not in ("episodes", "index") or not (wrow[pool.hand == 0] > 0).any():
        return None
    p = pool.X.shape[1]
    b = _fit_direct(pool, wrow, c_direct, c_shared)[2:2 + p]
    return np.where(pool.direct_only, 0.0, b)


def _fit_rung(pool: Pool, wrow: np.ndarray, rung: int, C: float, c_shared: float,
              prior: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray | None]:
    """[intercept, coefs] of one rung for crises, and for `direct` the episode-population fit.

    A lower rung's slopes are shrunk toward `prior` (per feature) when given, else toward 0."""
    p = pool.X.shape[1]
    if rung == DIRECT and (wrow[pool.hand == 0] > 0).any():
        w = _fit_direct(pool, wrow, C, c_shared)
        return _direct_for_hand(w, p), np.concatenate([[w[0]], w[2:2 + p]])
    h = (pool.hand == 1) & (wrow > 0)
    y = (pool.lev[h] >= rung).astype(float)
    X = pool.X[h]
    if pool.direct_only.any():
        X = np.where(pool.direct_only[None, :], 0.0, X)   # a zero column: its coefficient stays 0
    if settings().get("lower_structure") == "ordinal" and rung != DIRECT:
        return _fit_ordinal_lower(pool.lev[h], X, wrow[h], rung, C), None
    military = settings().get("lower_prior_rungs")
    if military is not None and RUNGS[rung - 1] not in military:
        prior = None
    if prior is None or rung == DIRECT:
        return fit_penalised(X, y, np.full(p, 1.0 / C), weights=wrow[h]), None
    if settings().get("lower_prior") == "index":
        # the episodes' direct index x @ prior as one more column, its scale shrunk toward 0 like the slopes
        w = fit_penalised(np.hstack([X, (X @ prior)[:, None]]), y, np.full(p + 1, 1.0 / C), weights=wrow[h])
        return np.concatenate([[w[0]], w[1:1 + p] + w[1 + p] * prior]), None
    w = fit_penalised(X, y, np.full(p, 1.0 / C), weights=wrow[h], offset=X @ prior)
    return np.concatenate([[w[0]], w[1:] + prior]), None


def _fit_ordinal_lower(lev: np.ndarray, X: np.ndarray, wt: np.ndarray, rung: int, C: float) -> np.ndarray:
    """Rung `rung`'s [cut, slopes] from a cumulative logit over the rungs below `direct` (proportional odds:
    one slope vector shared by every lower rung, a free cut-point per rung), fitted by stacking the cases once per rung."""
    n, p = X.shape
    k = DIRECT - 1
    dummies = np.kron(np.eye(k)[:, 1:], np.ones((n, 1)))           # rung 2..k indicators, rung 1 is the intercept
    design = np.hstack([dummies, np.tile(X, (k, 1))])
    y = np.concatenate([(lev >= r).astype(float) for r in range(1, k + 1)])
    pen = np.concatenate([np.full(k - 1, 1e-6), np.full(p, 1.0 / C)])
    w = fit_penalised(design, y, pen, weights=np.tile(wt, k))
    cut = w[0] + (w[rung - 1] if rung > 1 else 0.0)
    return np.concatenate([[cut], w[k:]])


def _choose_c(pool: Pool, wrow: np.ndarray, rung: int, grid: Sequence[float], c_shared: float,
              k: int = INNER_FOLDS, c_direct: float | None = None) -> float:
    """The C in `grid` with the lowest cross-validated Brier on the hand-coded cases (folds over twin groups).

    `c_direct` (a lower rung with `lower_prior: episodes`): the direct rung's C, for the prior's fit in each fold."""
    hmask = (pool.hand == 1) & (wrow > 0)
    folds = _group_folds(pool.group[hmask], k)
    if len(folds) < 2:
        return float(grid[0])
    train = [np.where(hmask & np.isin(pool.group, g), 0.0, wrow) for g in folds]
    priors = [_lower_prior(pool, w, c_direct, c_shared) if c_direct is not None and rung != DIRECT else None
              for w in train]
    best_c, best = float(grid[0]), math.inf
    for c in grid:
        sq = 0.0
        for test_groups, wtrain, prior in zip(folds, train, priors):
            test = hmask & np.isin(pool.group, test_groups)
            w, _ = _fit_rung(pool, wtrain, rung, c, c_shared, prior)
            pr = _sigmoid(w[0] + pool.X[test] @ w[1:])
            sq += float(np.sum(wrow[test] * (pr - (pool.lev[test] >= rung)) ** 2))
        if sq < best - 1e-12:
            best_c, best = float(c), sq
    return best_c


def _choose_cs(pool: Pool, wrow: np.ndarray, grid: Sequence[float], c_shared: float) -> list[float]:
    """C per rung: `direct` first, since with `lower_prior: episodes` the lower rungs' prior is fitted with its C."""
    c_direct = _choose_c(pool, wrow, DIRECT, grid, c_shared)
    return [_choose_c(pool, wrow, i, grid, c_shared, c_direct=c_direct) for i in range(1, DIRECT)] + [c_direct]


def _fit_weights(pool: Pool, wrow: np.ndarray, cs: Sequence[float], c_shared: float) -> tuple[np.ndarray, np.ndarray | None]:
    """Per-rung [intercept, coefs] for crises (rungs x (1+p)), and the episode direct fit."""
    W = np.zeros((len(RUNGS), pool.X.shape[1] + 1))
    W[DIRECT - 1], ep = _fit_rung(pool, wrow, DIRECT, cs[DIRECT - 1], c_shared)
    prior = _lower_prior(pool, wrow, cs[DIRECT - 1], c_shared)
    for i in range(1, DIRECT):
        W[i - 1], _ = _fit_rung(pool, wrow, i, cs[i - 1], c_shared, prior)
    return W, ep


def _fit_averaged(pool: Pool, wrow: np.ndarray, grid: Sequence[float], c_shared: float) -> tuple[np.ndarray, np.ndarray | None]:
    """`c_average`: each rung's [intercept, coefs] averaged over the fits at every C of the grid (no selection)."""
    fits = [_fit_weights(pool, wrow, [float(c)] * len(RUNGS), c_shared) for c in grid]
    W = np.mean([f[0] for f in fits], axis=0)
    eps = [f[1] for f in fits if f[1] is not None]
    return W, (np.mean(eps, axis=0) if eps else None)


def _fit_pool(pool: Pool, wrow: np.ndarray | None, features: Sequence[str], grid: Sequence[float], c_shared: float,
              boot: int = 0, seed: int = 0, through: str = "", interval_level: float = 0.9) -> LadderModel:
    """Fit on the rows with positive weight (all rows when `wrow` is None)."""
    wrow = np.ones(len(pool.lev)) if wrow is None else wrow.astype(float)
    hmask = (pool.hand == 1) & (wrow > 0)
    smask = (pool.hand == 0) & (wrow > 0)
    if not hmask.any():
        raise CasusError("no hand-coded cases before this date: the model cannot be fitted")
    if settings().get("c_average"):
        cs = [float(np.mean(grid))] * len(RUNGS)
        W, ep = _fit_averaged(pool, wrow, grid, c_shared)
    else:
        cs = _choose_cs(pool, wrow, grid, c_shared)
        W, ep = _fit_weights(pool, wrow, cs, c_shared)
    hl = pool.lev[hmask]
    rungs = {r: RungFit(r, cs[j], float(W[j, 0]), {f: float(v) for f, v in zip(features, W[j, 1:])},
                        float((hl >= j + 1).mean())) for j, r in enumerate(RUNGS)}
    ep_fit = None
    if ep is not None:
        ep_fit = RungFit("direct", cs[-1], float(ep[0]), {f: float(v) for f, v in zip(features, ep[1:])},
                         float((pool.lev[smask] >= DIRECT).mean()))
    means = {f: float(v) for f, v in zip(features, pool.X[hmask].mean(axis=0))}
    avg = tuple(grid) if settings().get("c_average") else ()
    reps = as_tuples(_bootstrap(pool, wrow, cs, c_shared, boot, seed, avg)) if boot else None
    return LadderModel(tuple(features), rungs, means, int(hmask.sum()), int(smask.sum()), through, ep_fit, reps,
                       interval_level)


def _bootstrap(pool: Pool, wrow: np.ndarray, cs: Sequence[float], c_shared: float, n: int, seed: int,
               grid: Sequence[float] = ()) -> np.ndarray:
    """Refit with the chosen C (or, given `grid`, averaged over it) on resampled twin groups (within each
    population): replicates x rungs x (1+p)."""
    rng = np.random.default_rng(seed)
    out = []
    per_pop = []
    for pop in (0, 1):
        rows = np.flatnonzero((pool.hand == pop) & (wrow > 0))
        groups, codes = np.unique(pool.group[rows], return_inverse=True)
        per_pop.append((rows, codes.ravel(), len(groups)))
    for _ in range(n):
        w = np.zeros(len(pool.lev))
        for rows, codes, k in per_pop:
            if k:
                draws = np.bincount(rng.integers(0, k, k), minlength=k)
                w[rows] = draws[codes] * wrow[rows]
        W, _ = _fit_averaged(pool, w, grid, c_shared) if grid else _fit_weights(pool, w, cs, c_shared)
        out.append(W)
    return np.array(out)


def as_tuples(boot: np.ndarray) -> tuple[tuple[tuple[float, ...], ...], ...]:
    """Bootstrap replicates (replicates x rungs x (1+p)) as plain floats: a cached model unpickles without numpy."""
    return tuple(tuple(tuple(float(v) for v in rung) for rung in rep) for rep in boot)


def _one_thread() -> Any:
    """BLAS limited to one thread while fitting: these matrices are small, and on a busy machine
    threaded BLAS made each fit ten times slower (threadpoolctl)."""
    from threadpoolctl import threadpool_limits  # type: ignore[import-untyped]

    return threadpool_limits(limits=1)


def fit_uncached(cases: Sequence[Mapping[str, Any]] | None, eps: Sequence[Mapping[str, Any]] | None,
                  year: int | None, boot: int) -> LadderModel:
    with _one_thread():
        return _fit_uncached_inner(cases, eps, year, boot)


def _fit_uncached_inner(cases: Sequence[Mapping[str, Any]] | None, eps: Sequence[Mapping[str, Any]] | None,
                        year: int | None, boot: int) -> LadderModel:
    cfg = settings()
    features = feature_names()
    hand_rows = [dict(c) for c in (cases if cases is not None else hand_cases())]
    ep_rows = list(eps) if eps is not None else episodes()
    if year is not None:
        hand_rows = [c for c in hand_rows if int(c["year"]) < year]
        ep_rows = [e for e in ep_rows if int(e["year"]) < year]
    pool = build_pool(hand_rows, ep_rows, features)
    last = int(pool.year.max()) if len(pool.year) else 0
    through = min(f"{last}-12-31", knowledge.today())
    if year is not None:
        through = f"{min(year - 1, last)}-12-31"
    return _fit_pool(pool, None, features, cfg["c_grid"], float(cfg["c_shared"]), boot, int(cfg["bootstrap_seed"]),
                     through, float(cfg["interval"]))


# ---------------------------------------------------------------- backtest

def _brier(p: np.ndarray, y: np.ndarray) -> float:
    return float(np.mean((p - y) ** 2)) if len(y) else float("nan")


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


@dataclass(slots=True)
class Scored:
    """Out-of-sample predictions of one validation scheme: model and base rate, per row and rung."""

    hand: list[tuple[str, int, list[float], list[float]]] = field(default_factory=list)   # id, level, model, base
    episodes: list[tuple[float, float, float]] = field(default_factory=list)              # y, model, base

    def summary(self, edges: Sequence[float]) -> dict[str, Any]:
        """Brier per rung and population, improvement over the base rate, calibration per rung."""
        out: dict[str, Any] = {"cases": {"n": len(self.hand), "rungs": {}, "reliability": {}},
                               "episodes": {"n": len(self.episodes), "rungs": {}, "reliability": {}}}
        if self.hand:
            lev = np.array([h[1] for h in self.hand])
            P = np.array([h[2] for h in self.hand])
            B = np.array([h[3] for h in self.hand])
            for j, r in enumerate(RUNGS):
                y = (lev >= j + 1).astype(float)
                out["cases"]["rungs"][r] = _score_row(P[:, j], B[:, j], y)
                out["cases"]["reliability"][r] = reliability_table(P[:, j], y, edges)
        if self.episodes:
            E = np.array(self.episodes)
            out["episodes"]["rungs"]["direct"] = _score_row(E[:, 1], E[:, 2], E[:, 0])
            out["episodes"]["reliability"]["direct"] = reliability_table(E[:, 1], E[:, 0], edges)
        return out


def _score_row(p: np.ndarray, b: np.ndarray, y: np.ndarray) -> dict[str, float]:
    bm, bb = _brier(p, y), _brier(b, y)
    return {"brier": round(bm, 4), "base_rate_brier": round(bb, 4),
            "improvement": round(1 - bm / bb, 4) if bb > 0 else 0.0, "base_rate": round(float(y.mean()), 4), "n": int(len(y))}


def _score_into(sc: Scored, m: LadderModel, pool: Pool, train: np.ndarray, test: np.ndarray) -> None:
    """Add the test rows' predictions (and the base rates of the `train` rows) to `sc`."""
    th, ts = train & (pool.hand == 1), train & (pool.hand == 0)
    base_h = [float((pool.lev[th] >= i).mean()) if th.any() else 0.5 for i in range(1, len(RUNGS) + 1)]
    base_s = float((pool.lev[ts] >= DIRECT).mean()) if ts.any() else base_h[-1]
    for i in np.flatnonzero(test):
        x = dict(zip(m.features, pool.X[i]))
        if pool.hand[i]:
            lad = m.ladder(x)
            sc.hand.append((pool.ids[i], int(pool.lev[i]), [lad[r] for r in RUNGS], base_h))
        else:
            sc.episodes.append((float(pool.lev[i] >= DIRECT), m.ladder_episode(x), base_s))


@dataclass(slots=True)
class Backtest:
    """Forward-in-time and twin-grouped out-of-sample scores of the model and the base rate."""

    n: int
    n_episodes: int
    twin: dict[str, Any]
    forward: dict[str, Any]
    base_rates: dict[str, Any]
    target: dict[str, Any]
    predictions: list[dict[str, Any]] = field(default_factory=list)

    @property
    def rungs(self) -> dict[str, dict[str, float]]:
        """The hand-coded cases' twin-LOO scores per rung (the headline table)."""
        return self.twin["cases"]["rungs"]

    @property
    def reliability(self) -> dict[str, Any]:
        """Calibration per rung of the cases' twin-LOO predictions."""
        return self.twin["cases"]["reliability"]

    def to_dict(self, with_predictions: bool = False) -> dict[str, Any]:
        out = {"n_cases": self.n, "n_episodes": self.n_episodes,
               "method": {"twin": "cases: leave-one-twin-group-out; episodes: grouped k-fold over twin groups; "
                                  "C chosen by CV inside each training fold",
                          "forward": "fit on rows before each cut year, score rows from it on (pooled over cuts)"},
               "rungs": self.rungs, "reliability": self.reliability, "twin": self.twin, "forward": self.forward,
               "base_rates": self.base_rates, "target": self.target}
        if with_predictions:
            out["predictions"] = self.predictions
        return out


def backtest(cases: Sequence[Mapping[str, Any]] | None = None, features: Sequence[str] | None = None,
             eps: Sequence[Mapping[str, Any]] | None = None) -> Backtest:
    """Twin-grouped and forward-in-time validation, per population, with base rates from the same training data.

    `features` restricts the model to a subset (an ablation); by default all of them.
    """
    with _one_thread():
        return _backtest(cases, features, eps)


def _backtest(cases: Sequence[Mapping[str, Any]] | None, features: Sequence[str] | None,
              eps: Sequence[Mapping[str, Any]] | None) -> Backtest:
    cfg = settings()
    feats = tuple(features) if features is not None else feature_names()
    pool = build_pool([dict(c) for c in cases] if cases is not None else None, eps, feats)
    grid, c_shared = cfg["c_grid"], float(cfg["c_shared"])
    edges = cfg["reliability_bins"]
    hmask = pool.hand == 1

    twin = Scored()
    for g in list(dict.fromkeys(pool.group[hmask].tolist())):
        test = hmask & (pool.group == g)
        train = pool.group != g
        _score_into(twin, _fit_pool(pool, train.astype(float), feats, grid, c_shared), pool, train, test)
    sgroups = pool.group[~hmask]
    for fold in _group_folds(sgroups, int(cfg["episode_folds"])):
        test = ~hmask & np.isin(pool.group, fold)
        train = ~np.isin(pool.group, fold)
        _score_into(twin, _fit_pool(pool, train.astype(float), feats, grid, c_shared), pool, train, test)

    fwd = Scored()
    per_cut = {}
    for cut in cfg["forward_cuts"]:
        train_mask = pool.year < cut
        if not (train_mask & hmask).any():
            continue
        one = Scored()
        m = _fit_pool(pool, train_mask.astype(float), feats, grid, c_shared)
        _score_into(one, m, pool, train_mask, ~train_mask)
        fwd.hand += one.hand
        fwd.episodes += one.episodes
        s = one.summary(edges)
        per_cut[str(cut)] = {"cases": s["cases"]["rungs"], "episodes": s["episodes"]["rungs"]}

    tw, fw = twin.summary(edges), fwd.summary(edges)
    fw["per_cut"] = per_cut
    target = cfg["target"]
    met = {}
    for scheme, summ in (("twin", tw), ("forward", fw)):
        for pop in ("cases", "episodes"):
            for r in target["rungs"]:
                if r in summ[pop]["rungs"]:
                    met[f"{scheme}/{pop}/{r}"] = summ[pop]["rungs"][r]["improvement"] >= target["min_improvement"]
    preds = [{"id": h[0], "observed": LEVELS[h[1]], "ladder": {r: round(p, 4) for r, p in zip(RUNGS, h[2])}} for h in twin.hand]
    return Backtest(int(hmask.sum()), int((~hmask).sum()), tw, fw, base_rates(pool),
                    {"rungs": target["rungs"], "min_improvement": target["min_improvement"], "met": met}, preds)


def base_rates(pool: Pool | None = None) -> dict[str, Any]:
    """Observed rates per population (never only pooled), beside the literature's."""
    pool = pool or build_pool()
    h = pool.hand == 1
    eps = episodes()
    wars = [e for e in eps if e["war"] == 1]
    pact_wars_post = [e for e in wars if e["defense_pact"] == 1 and e["post_1945"] == 1]
    pact_wars_pre = [e for e in wars if e["defense_pact"] == 1 and e["post_1945"] == 0]

    def rate(rows: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
        return {"rate": round(sum(r["level"] >= DIRECT for r in rows) / len(rows), 4) if rows else None, "n": len(rows)}

    hand_rows = [i for i in range(len(pool.lev)) if h[i]]
    post_pact = [i for i in hand_rows if pool.year[i] > 1945 and pool.X[i, feature_names().index("defense_pact")] >= 0.5]
    return {
        "cases": {r: round(float((pool.lev[h] >= j + 1).mean()), 4) for j, r in enumerate(RUNGS)} | {"n": int(h.sum())},
        "cases_direct_post1945_pact": {"rate": round(float(np.mean([pool.lev[i] >= DIRECT for i in post_pact])), 4)
                                       if post_pact else None, "n": len(post_pact)},
        "episodes_direct": rate(eps),
        "episodes_direct_wars": rate(wars),
        "episodes_direct_wars_defence_pact_post1945": rate(pact_wars_post),
        "episodes_direct_wars_defence_pact_pre1946": rate(pact_wars_pre),
        "literature": settings()["literature"],
    }


@lru_cache(maxsize=1)
def default_backtest() -> Backtest:
    """The backtest on the shipped data (computed once per process, cached on disk)."""
    key = "backtest-" + _cache_key(None, 0)
    path = cache_dir() / f"{key}.pickle"
    obj = read_pickle(path)
    if isinstance(obj, Backtest):
        return obj
    bt = backtest()
    store_cached(path, bt)
    return bt


def _table(lines: list[str], title: str, rows: Mapping[str, Mapping[str, float]]) -> None:
    lines += [title, f"  {'rung':<13}{'n':>6}{'model':>8}{'base rate':>11}{'better by':>11}{'P(reach)':>10}"]
    for r, s in rows.items():
        lines.append(f"  {r:<13}{s['n']:>6}{s['brier']:>8.3f}{s['base_rate_brier']:>11.3f}{s['improvement']:>10.0%}"
                     f"{s['base_rate']:>10.0%}")


def backtest_report(fmt: str = "text", result: Backtest | None = None) -> str:
    """The backtest as text tables or JSON (`{"rungs": ..., "twin": ..., "forward": ..., "base_rates": ...}`)."""
    if fmt not in ("text", "json"):
        raise CasusError(f"unknown backtest format {fmt!r}: use text or json")
    bt = result or default_backtest()
    if fmt == "json":
        return json.dumps(bt.to_dict(), indent=2)
    br = bt.base_rates
    lines = [f"Backtest over {bt.n} hand-coded cases and {bt.n_episodes} systematic episodes "
             "(docs/reference-class.md); C chosen inside each training fold.", ""]
    lines += ["Base rates, each population separately, beside the literature:"]
    lines.append(f"  hand-coded cases (n={br['cases']['n']}): direct {br['cases']['direct']:.0%}, materiel or higher "
                 f"{br['cases']['materiel']:.0%}; post-1945 with a defence pact: direct "
                 f"{_pct(br['cases_direct_post1945_pact'])}")
    lines.append(f"  systematic episodes: joined with force {_pct(br['episodes_direct'])}; in disputes that became wars "
                 f"{_pct(br['episodes_direct_wars'])}; defence pact in war, after 1945 "
                 f"{_pct(br['episodes_direct_wars_defence_pact_post1945'])}, before "
                 f"{_pct(br['episodes_direct_wars_defence_pact_pre1946'])}")
    for lit in br["literature"]:
        lines.append(f"  literature: {lit['rate']:.0%}  {lit['population']} ({lit['source']})")
    lines.append("")
    _table(lines, "Twin-grouped leave-one-out, hand-coded cases (near-twins held out together):", bt.twin["cases"]["rungs"])
    _table(lines, "Twin-grouped k-fold, systematic episodes (direct only is observed):", bt.twin["episodes"]["rungs"])
    lines.append("")
    cuts = ", ".join(bt.forward.get("per_cut", {}))
    _table(lines, f"Forward in time (fit before each cut year {cuts}; pooled over cuts), hand-coded cases:",
           bt.forward["cases"]["rungs"])
    _table(lines, "Forward in time, systematic episodes:", bt.forward["episodes"]["rungs"])
    lines += ["", "Brier score: lower is better; a constant 50% scores 0.250. Base rate: the training data's own rate.", "",
              "Calibration per rung (twin-grouped, hand-coded cases): predicted bin -> n, mean predicted, observed"]
    for r in RUNGS:
        cells = []
        for row in bt.twin["cases"]["reliability"][r]:
            if row["n"]:
                cells.append(f"{row['bin']}: {row['n']}, {row['mean_predicted']:.2f}, {row['observed']:.2f}")
        lines.append(f"  {r:<13}" + "; ".join(cells))
    if bt.twin["episodes"]["reliability"]:
        cells = [f"{row['bin']}: {row['n']}, {row['mean_predicted']:.3f}, {row['observed']:.3f}"
                 for row in bt.twin["episodes"]["reliability"]["direct"] if row["n"]]
        lines.append(f"  {'direct (S)':<13}" + "; ".join(cells))
    goal = bt.target
    verdicts = ", ".join(f"{k} {'met' if ok else 'NOT met'}" for k, ok in goal["met"].items())
    lines += ["", f"Target: at least {goal['min_improvement']:.0%} below the base-rate Brier on {', '.join(goal['rungs'])}: "
              f"{verdicts}."]
    return "\n".join(lines)


def _pct(r: Mapping[str, Any]) -> str:
    return "-" if r.get("rate") is None else f"{r['rate']:.1%} of {r['n']}"