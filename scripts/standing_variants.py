"""Backtest the standing-deployment features (forces_present, arms_flowing) variant by variant.

Each variant is the registered eight features plus some of the two, with the systematic
episodes coded 0 (`zero`: not coded) or from standing.yaml (`table`). Prints, per variant, the
Brier of `direct` and `materiel or higher` for the hand-coded cases (twin-grouped LOO and
forward) and for the episodes' `direct`, with the gain over the base rate.

    PYTHONPATH=src python scripts/standing_variants.py [variant ...]
"""

from __future__ import annotations

import sys
from typing import Any

import variant_table
from casus.assess import fitting, ladder

BASE = ("defense_pact", "patron_at_war_elsewhere", "patron_ties_with_attacker", "shares_border", "attacker_nuclear",
        "patron_major", "capability_share", "post_1945")
VARIANTS: dict[str, tuple[tuple[str, ...], str]] = {
    "arms-table-direct": (("arms_flowing",), "table"),
    "nearby-table": (("forces_nearby",), "table"),
    "nearby-zero-direct": (("forces_nearby",), "zero"),
    "forces-zero-direct": (("forces_present",), "zero"),
    "nearby-table-direct": (("forces_nearby",), "table"),
    "nearby-arms-table-direct": (("forces_nearby", "arms_flowing"), "table"),
    "both-table-direct": (("forces_present", "arms_flowing"), "table"),
    "forces-table-direct": (("forces_present",), "table"),
    "registered": ((), "zero"),
    "forces": (("forces_present",), "zero"),
    "arms": (("arms_flowing",), "zero"),
    "both": (("forces_present", "arms_flowing"), "zero"),
    "forces-table": (("forces_present",), "table"),
    "arms-table": (("arms_flowing",), "table"),
    "both-table": (("forces_present", "arms_flowing"), "table"),
}


def episodes(mode: str) -> list[dict[str, Any]]:
    """The systematic episodes with the two features coded 0 or from the table."""
    rows = [dict(r) for r in ladder.episodes()]
    for r in rows:
        if mode == "table":
            r.update(ladder.standing_values(r["patron"], r["client"], ladder.eve(r)))
        else:
            r.update({"forces_present": 0.0, "forces_nearby": 0.0, "arms_flowing": 0.0})
    return rows


def row(name: str) -> str:
    """One line of the table for one variant."""
    extra, mode = VARIANTS[name]
    spec = ladder.settings()["features"]
    for f in ("forces_present", "forces_nearby", "arms_flowing"):
        spec[f].pop("rungs", None)
        if name.endswith("-direct"):
            spec[f]["rungs"] = ["direct"]   # fitted on the direct rung only (fitting.direct_only_mask)
    bt = fitting.backtest(features=BASE + extra, eps=episodes(mode))
    cells = variant_table.cells(bt.to_dict())
    return f"| {name} | " + " | ".join(cells) + " |"


def main(argv: list[str]) -> None:
    variant_table.print_table(row, argv or list(VARIANTS))


if __name__ == "__main__":
    main(sys.argv[1:])
