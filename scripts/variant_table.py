"""The table the backtest variant scripts print (scripts/model_variants.py, dyad_variants.py, standing_variants.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from casus.assess import fitting, ladder

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


def variant_row(name: str, variant: tuple[Sequence[str], Mapping[str, Any], bool], base: Sequence[str],
                switches: Iterable[str]) -> str:
    """Backtest one variant (extra features, settings overrides, extras on `direct` only) from the
    registered model with the given switches off; its line of the table."""
    extra, overrides, direct_only = variant
    cfg = ladder.settings()
    for k in switches:
        cfg.pop(k, None)
    cfg.update(overrides)
    ladder.episodes.cache_clear()
    spec = cfg["features"]
    for f in extra:
        spec.setdefault(f, {}).pop("rungs", None)
        if direct_only:
            spec[f]["rungs"] = ["direct"]
    bt = fitting.backtest(features=tuple(base) + tuple(extra)).to_dict()
    for f in extra:
        spec[f].pop("rungs", None)
    return f"| {name} | " + " | ".join(cells(bt)) + " |"


def run(variants: Mapping[str, tuple[Sequence[str], Mapping[str, Any], bool]], base: Sequence[str],
        switches: Iterable[str], argv: Sequence[str]) -> None:
    """Print the table for the named variants (all of them when none is named)."""
    switches = tuple(switches)
    print_table(lambda name: variant_row(name, variants[name], base, switches), list(argv) or list(variants))
