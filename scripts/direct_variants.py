#!/usr/bin/env python3
"""Variants of the `direct` rung tried after seeing the backtest (issue 16), scored as `casus backtest` scores.

A record, not a model search: every variant here was tried on the same 48 hand-coded cases
whose registered-model scores were already known, so none of these numbers is independent
evidence, and the best of them would be an optimistic pick. Hyperparameters inside a variant
(C, the pooling strength, the weight of the episodes) are chosen by 5-fold cross-validation
over twin groups *inside* each training set (nested), never on the held-out rows.

For each variant: twin-grouped leave-one-out over the hand-coded cases and forward in time
(fit before 1946, 1980, 2000; score the cases from then on), Brier on P(direct) against the
training data's own base rate. The registered model is re-implemented for `direct` alone
(without the monotone pooling with the lower rungs, so its figures differ by a point or two
from `casus backtest`). Results measured 2026-12-02 are in docs/reference-class.md.

Usage: python scripts/direct_variants.py
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

import casus.assess.fitting as F  # noqa: E402
import casus.assess.ladder as L  # noqa: E402

Fit = Callable[..., tuple[float, np.ndarray]]
C_GRID = (0.1, 0.3, 1.0, 3.0)


class Data:
    """The shipped pool with the `direct` outcome, the episodes' war flag and their extra pledge columns."""

    def __init__(self) -> None:
        self.pool = F.build_pool(None, None, L.feature_names())
        self.h = self.pool.hand == 1
        self.y = (self.pool.lev >= L.DIRECT).astype(float)
        self.p = self.pool.X.shape[1]
        eps = L.episodes()
        self.war = np.array([e["war"] for e in eps] + [1] * int(self.h.sum()), dtype=float)


def pooled(d: Data, wrow: np.ndarray, C: float, c_shared: float = 10.0, s_weight: float = 1.0,
           wars_only: bool = False) -> tuple[float, np.ndarray]:
    """The registered design for `direct`: population intercepts, shared slopes, case deviations (1/C)."""
    pool, h, y, p = d.pool, d.h, d.y, d.p
    w_all = wrow * np.where(h, 1.0, s_weight * (d.war if wars_only else 1.0))
    hh = h & (w_all > 0)
    if not ((~h) & (w_all > 0)).any():
        w = F.fit_penalised(pool.X[hh], y[hh], np.full(p, 1.0 / C), weights=w_all[hh])
        return float(w[0]), w[1:]
    s = (~h) & (w_all > 0)
    Xs, Xh = pool.X[s], pool.X[hh]
    design = np.vstack([np.hstack([np.zeros((len(Xs), 1)), Xs, np.zeros_like(Xs)]),
                        np.hstack([np.ones((len(Xh), 1)), Xh, Xh])])
    pen = np.concatenate([[0.0], np.full(p, 1.0 / c_shared), np.full(p, 1.0 / C)])
    w = F.fit_penalised(design, np.concatenate([y[s], y[hh]]), pen, weights=np.concatenate([w_all[s], w_all[hh]]))
    return float(w[0] + w[1]), w[2:2 + p] + w[2 + p:]


def ordinal(d: Data, wrow: np.ndarray, C: float, dev: float | None = None) -> tuple[float, np.ndarray]:
    """Stacked cumulative logit on the cases (every rung): rung intercepts, shared slopes (1/C), optional
    rung-specific slope deviations (1/dev); returns the `direct` rung's intercept and slopes."""
    pool, p, R = d.pool, d.p, len(L.RUNGS)
    idx = np.flatnonzero(d.h & (wrow > 0))
    rows, ys, ws = [], [], []
    for r in range(1, R + 1):
        for i in idx:
            dummies = np.zeros(R)
            dummies[r - 1] = 1
            parts = [dummies[1:], pool.X[i]]
            if dev:
                D = np.zeros((R, p))
                D[r - 1] = pool.X[i]
                parts.append(D.ravel())
            rows.append(np.concatenate(parts))
            ys.append(float(pool.lev[i] >= r))
            ws.append(wrow[i])
    pen = np.concatenate([np.full(R - 1, 1e-4), np.full(p, 1 / C)] + ([np.full(R * p, 1 / dev)] if dev else []))
    w = F.fit_penalised(np.array(rows), np.array(ys), pen, weights=np.array(ws))
    slopes = w[R:R + p] + (w[R + p:].reshape(R, p)[-1] if dev else 0.0)
    return float(w[0] + w[R - 1]), slopes


def _pred(d: Data, fit: tuple[float, np.ndarray], rows: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-(fit[0] + d.pool.X[rows] @ fit[1])))


def _choose(d: Data, fitter: Fit, wrow: np.ndarray, grid: Sequence[tuple[float, ...]]) -> tuple[float, ...]:
    """The grid point with the lowest Brier in 5-fold CV over the training set's twin groups."""
    if len(grid) == 1:
        return grid[0]
    hm = d.h & (wrow > 0)
    folds = F._group_folds(d.pool.group[hm], 5)
    best, score = grid[0], np.inf
    for g in grid:
        sq = 0.0
        for tg in folds:
            test = hm & np.isin(d.pool.group, tg)
            sq += float(np.sum((_pred(d, fitter(d, np.where(test, 0.0, wrow), *g), test) - d.y[test]) ** 2))
        if sq < score - 1e-12:
            best, score = g, sq
    return best


def evaluate(d: Data, fitter: Fit, grid: Sequence[tuple[float, ...]]) -> dict[str, tuple[float, float, float]]:
    """{scheme: (model Brier, base-rate Brier, improvement)} for twin-grouped LOO and forward in time."""
    pool, h = d.pool, d.h
    schemes = {
        "twin": [(h & (pool.group == g), (pool.group != g).astype(float)) for g in dict.fromkeys(pool.group[h].tolist())],
        "forward": [(h & (pool.year >= c), (pool.year < c).astype(float)) for c in (1946, 1980, 2000)],
    }
    out = {}
    for name, splits in schemes.items():
        P: list[float] = []
        B: list[float] = []
        Y: list[float] = []
        for test, wrow in splits:
            g = _choose(d, fitter, wrow, grid)
            P += list(_pred(d, fitter(d, wrow, *g), test))
            Y += list(d.y[test])
            B += [float(d.y[h & (wrow > 0)].mean())] * int(test.sum())
        p_, b_, y_ = map(np.array, (P, B, Y))
        bm, bb = float(np.mean((p_ - y_) ** 2)), float(np.mean((b_ - y_) ** 2))
        out[name] = (bm, bb, 1 - bm / bb)
    return out


VARIANTS: list[tuple[str, Fit, list[tuple[float, ...]]]] = [
    ("registered: pooled, C nested, c_shared 10", pooled, [(c,) for c in C_GRID]),
    ("cases only, C nested", lambda d, w, c: pooled(d, w, c, s_weight=0.0), [(c,) for c in C_GRID]),
    ("pooled, C x c_shared {1,10,100} nested", pooled, [(c, cs) for c in C_GRID for cs in (1.0, 10.0, 100.0)]),
    ("pooled, C x episode weight {0,1} nested", lambda d, w, c, sw: pooled(d, w, c, s_weight=sw),
     [(c, sw) for c in C_GRID for sw in (0.0, 1.0)]),
    ("pooled with war episodes only, C x c_shared nested", lambda d, w, c, cs: pooled(d, w, c, cs, wars_only=True),
     [(c, cs) for c in (0.3, 1.0, 3.0) for cs in (0.1, 1.0, 10.0)]),
    ("ordinal (shared slopes), C nested", ordinal, [(c,) for c in (0.1, 0.3, 1.0, 3.0, 10.0)]),
    ("ordinal + rung deviations, C x dev nested", ordinal, [(c, dv) for c in (0.3, 1.0, 3.0) for dv in (0.1, 1.0)]),
]


def main() -> int:
    d = Data()
    print(f"{'variant':<52}{'twin LOO (model/base, better by)':>34}{'forward':>30}")
    with F._one_thread():
        for name, fitter, grid in VARIANTS:
            r = evaluate(d, fitter, grid)
            cells = [f"{r[s][0]:.3f}/{r[s][1]:.3f} {r[s][2]:>5.0%}" for s in ("twin", "forward")]
            print(f"{name:<52}{cells[0]:>34}{cells[1]:>30}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
