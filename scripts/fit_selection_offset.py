"""Fit the correction for the hand-coded cases' selection (src/casus/data/selection_offset.yaml) on the dev episodes.

Registered in docs/reference-class.md ("A correction for the lower rungs' selection") before any fit.
Each dev episode (data/dev_episodes.yaml) is asked from shipped knowledge alone (an empty store, as of
its date); one log-odds offset `delta`, shared by the corrected rungs, minimises the summed Brier of the
corrected monotone ladder over those rungs. Validation: leave-one-group-out, twins (the same patron and
client) held out together, Brier per rung with and without the correction.

Usage:
    PYTHONPATH=src python scripts/fit_selection_offset.py [--write] [--json]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from casus.assess import model
from casus.assess.answer import assess
from casus.assess.evidence_fit import brier, episodes
from casus.records import RUNGS

OUT = Path(__file__).resolve().parents[1] / "src" / "casus" / "data" / "selection_offset.yaml"
REGISTERED = ("diplomatic", "economic", "materiel", "intelligence")
ALL_LOWER = ("statement",) + REGISTERED
GRID = tuple(round(-4.0 + 0.05 * i, 2) for i in range(101))   # -4 .. +1


def knowledge_rows() -> list[dict[str, Any]]:
    """Per dev episode: the knowledge-alone log-odds (empty store, as of its date), the rung reached, its twin group."""
    out = []
    for ep in episodes():
        a = assess(None, ep["patron"], ep["client"], ep["attacker"], as_of=ep["as_of"])
        out.append({"id": ep["id"], "rung": ep["rung"], "group": f"{ep['patron']}-{ep['client']}",
                    "knowledge": a.logits["knowledge"]})
    return out


def scores(row: Mapping[str, Any], delta: float, rungs: Sequence[str]) -> dict[str, float]:
    return brier(model.corrected_ladder(row["knowledge"], delta, rungs), row["rung"])


def loss(rows: Sequence[Mapping[str, Any]], delta: float, rungs: Sequence[str]) -> float:
    """Summed Brier over the corrected rungs and the episodes."""
    return sum(sum(scores(r, delta, rungs)[k] for k in rungs) for r in rows)


def fit_delta(rows: Sequence[Mapping[str, Any]], rungs: Sequence[str]) -> float:
    """The grid value with the lowest loss (ties: nearest 0)."""
    return min(GRID, key=lambda d: (round(loss(rows, d, rungs), 10), abs(d)))


def loo(rows: Sequence[Mapping[str, Any]], rungs: Sequence[str]) -> dict[str, Any]:
    """Leave-one-twin-group-out: delta fitted on the other groups, the held-out group scored; against delta 0."""
    held: list[dict[str, float]] = []
    chosen: dict[str, float] = {}
    for g in dict.fromkeys(r["group"] for r in rows):
        rest = [r for r in rows if r["group"] != g]
        d = fit_delta(rest, rungs)
        chosen[g] = d
        held += [scores(r, d, rungs) for r in rows if r["group"] == g]
    base = [scores(r, 0.0, rungs) for r in rows]

    def avg(s: list[dict[str, float]]) -> dict[str, float]:
        return {k: round(sum(x[k] for x in s) / len(s), 4) for k in (*RUNGS, "mean")}

    return {"rungs": list(rungs), "with": avg(held), "without": avg(base), "delta_per_group": chosen,
            "delta_all": fit_delta(rows, rungs)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--write", action="store_true", help="write selection_offset.yaml by the registered rule")
    ap.add_argument("--json", action="store_true")
    opts = ap.parse_args()
    rows = knowledge_rows()
    reg, info = loo(rows, REGISTERED), loo(rows, ALL_LOWER)
    result = {"episodes": len(rows), "groups": len({r["group"] for r in rows}), "registered": reg,
              "all_five_for_information": info,
              "per_episode": [{"id": r["id"], "rung": r["rung"],
                               "without": model.corrected_ladder(r["knowledge"], 0.0, REGISTERED),
                               "with": model.corrected_ladder(r["knowledge"], reg["delta_all"], REGISTERED)} for r in rows]}
    if opts.json:
        print(json.dumps(result, indent=2))
    else:
        for name, v in (("registered (diplomatic..intelligence)", reg), ("all five lower rungs (information)", info)):
            print(f"{name}: delta on all episodes {v['delta_all']:+.2f}; per held-out group {v['delta_per_group']}")
            for k in (*RUNGS, "mean"):
                print(f"  {k:<13} LOO with {v['with'][k]:.4f}  without {v['without'][k]:.4f}  "
                      f"change {v['with'][k] - v['without'][k]:+.4f}")
    if opts.write:
        w, wo = reg["with"], reg["without"]
        gain = 1 - w["materiel"] / wo["materiel"] if wo["materiel"] else 0.0
        worst = max(w[k] - wo[k] for k in RUNGS)
        ok = gain >= 0.05 and worst <= 0.005
        delta = reg["delta_all"] if ok else 0.0
        lines = [
            "# The correction for the hand-coded cases' selection on the lower rungs (docs/reference-class.md,",
            "# \"A correction for the lower rungs' selection\"), fitted by scripts/fit_selection_offset.py (do not edit by hand).",
            "# One log-odds offset shared by the rungs below, added before the monotone step; a corrected rung is never",
            "# taken below min(its own uncorrected probability, the uncorrected direct one).",
            f"delta: {delta}",
            f"rungs: [{', '.join(REGISTERED)}]",
            f"fitted: {str(ok).lower()}",
            f"fitted_on: \"{len(rows)} dev episodes (src/casus/data/dev_episodes.yaml), knowledge only\"",
            f"date: \"{dt.date.today().isoformat()}\"",
            f"episodes: [{', '.join(r['id'] for r in rows)}]",
            f"loo_brier_with: {json.dumps(w)}",
            f"loo_brier_without: {json.dumps(wo)}",
            f"loo_materiel_gain: {round(gain, 4)}",
            "command: PYTHONPATH=src python scripts/fit_selection_offset.py --write",
            "note: >-",
            (f"  Adopted by the registered rule: leave-one-twin-group-out Brier on materiel or higher {w['materiel']} against "
             f"{wo['materiel']} without ({gain:.0%} lower), no rung worse by more than 0.005." if ok else
             f"  Not adopted (registered rule failed: materiel gain {gain:.0%}, worst rung change {worst:+.4f}); delta 0."),
        ]
        OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"wrote {OUT} (delta {delta})")


if __name__ == "__main__":
    main()
