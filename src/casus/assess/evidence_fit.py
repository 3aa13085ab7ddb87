"""Fit the weight of article evidence by leave-one-episode-out on the dev episodes.

Each episode (data/dev_episodes.yaml: patron, client, attacker, as-of, the rung the
patron reached) is assessed twice from the same store: from shipped knowledge
alone, and with the articles visible as of its date. The evidence's effect is the
per-rung log-odds difference; the answer at weight w is knowledge + w x effect.
For each held-out episode, w is chosen from WEIGHTS on the other episodes (mean
Brier over the six rungs), then the held-out episode is scored with it. If that
leave-one-episode-out Brier does not beat knowledge alone (w = 0 for every
episode), the weight is 0.

Example:
    >>> rows = [{"knowledge": {r: 0.0 for r in RUNGS}, "evidence": {r: 1.0 for r in RUNGS}, "rung": "direct"}] * 3
    >>> loeo(rows)["evidence_brier"] < loeo(rows)["knowledge_brier"]
    True
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

from casus.assess import knowledge, model
from casus.records import RUNGS

WEIGHTS: tuple[float, ...] = (0.0, 0.25, 0.5, 0.75, 1.0, 1.5)


def episodes() -> list[dict[str, Any]]:
    """The frozen dev episodes and their outcomes."""
    return list(knowledge.load_data("dev_episodes.yaml")["episodes"])


def ladder_at(row: Mapping[str, Any], w: float) -> dict[str, float]:
    """The monotone ladder of one episode with evidence at weight w (selection correction applied)."""
    k, e = row["knowledge"], row["evidence"]
    return model.corrected_ladder({r: k[r] + w * (e[r] - k[r]) for r in RUNGS})


def brier(ladder: Mapping[str, float], rung: str) -> dict[str, float]:
    """Brier per rung and its mean over the six rungs, against the rung reached."""
    lev = model.level(rung)
    out = {r: (ladder[r] - float(lev >= i)) ** 2 for i, r in enumerate(RUNGS, start=1)}
    out["mean"] = sum(out[r] for r in RUNGS) / len(RUNGS)
    return out


def _mean_brier(rows: Sequence[Mapping[str, Any]], w: float, key: str = "mean") -> float:
    return sum(brier(ladder_at(r, w), r["rung"])[key] for r in rows) / max(1, len(rows))


def loeo(rows: Sequence[Mapping[str, Any]], weights: Sequence[float] = WEIGHTS) -> dict[str, Any]:
    """Leave-one-episode-out: w chosen on the others, the held-out episode scored; against w = 0."""
    chosen, held = [], []
    for i, row in enumerate(rows):
        rest = [r for j, r in enumerate(rows) if j != i]
        w = min(weights, key=lambda x: (round(_mean_brier(rest, x), 12), x))
        chosen.append(w)
        held.append(brier(ladder_at(row, w), row["rung"]))
    base = [brier(ladder_at(r, 0.0), r["rung"]) for r in rows]
    n = max(1, len(rows))

    def avg(scores: list[dict[str, float]], key: str) -> float:
        return round(sum(s[key] for s in scores) / n, 4)

    ev, kn = avg(held, "mean"), avg(base, "mean")
    full = min(weights, key=lambda x: (round(_mean_brier(rows, x), 12), x)) if rows else 0.0
    return {"episodes": len(rows), "evidence_brier": ev, "knowledge_brier": kn,
            "evidence_brier_direct": avg(held, "direct"), "knowledge_brier_direct": avg(base, "direct"),
            "evidence_brier_materiel": avg(held, "materiel"), "knowledge_brier_materiel": avg(base, "materiel"),
            "weights_chosen": chosen, "weight": full if ev < kn else 0.0}


def episode_rows(store: Any, rows: Sequence[Mapping[str, Any]] | None = None) -> list[dict[str, Any]]:
    """Knowledge and evidence log-odds per episode, assessed from `store` as of each episode's date."""
    from casus.assess.answer import assess

    out = []
    for ep in rows if rows is not None else episodes():
        a = assess(store, ep["patron"], ep["client"], ep["attacker"], as_of=ep["as_of"], weight=1.0)
        out.append({"id": ep["id"], "rung": ep["rung"], "knowledge": a.logits["knowledge"],
                    "evidence": a.logits["evidence"], "documents": a.as_of_view.get("documents_used", 0)})
    return out
