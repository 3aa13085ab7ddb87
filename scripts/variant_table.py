"""The table the backtest variant scripts print (scripts/model_variants.py, scripts/standing_variants.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

HEADER = ("| variant | twin direct | twin materiel+ | twin episodes | forward direct | forward materiel+ | forward episodes |\n"
          "|---|---|---|---|---|---|---|")


def cells(bt: dict[str, Any]) -> list[str]:
    """Brier model / base rate and the gain: the cases' direct and materiel+, the episodes' direct, per scheme."""
    out = []
    for scheme in ("twin", "forward"):
        for r in ("direct", "materiel"):
            s = bt[scheme]["cases"]["rungs"][r]
            out.append(f"{s['brier']:.3f}/{s['base_rate_brier']:.3f} {s['improvement']:+.0%}")
        e = bt[scheme]["episodes"]["rungs"]["direct"]
        out.append(f"{e['brier']:.4f}/{e['base_rate_brier']:.4f} {e['improvement']:+.0%}")
    return out


def print_table(row: Callable[[str], str], names: Iterable[str]) -> None:
    """One line per named variant, under the header."""
    print(HEADER)
    for name in names:
        print(row(name), flush=True)
