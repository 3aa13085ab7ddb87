"""Cooperation-conflict scores for events, and a dyad's events by month.

Scores come from `casus/data/plover_scores.yaml`: a Goldstein-style scale from
-10 (most conflictual) to +10 (most cooperative) per PLOVER type and mode, each
row naming the CAMEO code whose Goldstein value it takes. Only events that
happened count (asserted or reported); a negated event scores nothing, except a
withheld transfer (negated AID), which scores as a rejection.

Example:
    >>> score({"event": "AID", "mode": "military", "modality": "asserted", "negated": False})
    8.3
    >>> score({"event": "AID", "mode": "military", "modality": "hedged", "negated": False}) is None
    True
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

from casus.assess import knowledge

MONTH_LEN = 7  # "YYYY-MM"


def table() -> dict[str, Any]:
    """The shipped score table (plover_scores.yaml), parsed once."""
    return knowledge.load_data("plover_scores.yaml")


def scale_text() -> str:
    """One sentence that states the scale, for reports."""
    s = table()["scale"]
    return (f"{s['name']}: {s['min']:+d} (most conflictual) to {s['max']:+d} (most cooperative), "
            "one value per PLOVER event type and mode, taken from the Goldstein (1992) values of the matching "
            "CAMEO code; only events stated as fact or reported count, and copies of one sentence count once.")


def base_score(event: str, mode: str | None = None) -> float | None:
    """The table's value for a type and mode (the type's own value when the mode is not listed)."""
    row = table()["types"].get(event)
    if row is None:
        return None
    modes = row.get("modes") or {}
    if mode in modes:
        return float(modes[mode]["score"])
    return float(row["score"])


def score(rec: Mapping[str, Any]) -> float | None:
    """The score of one event record, or None when it does not count (speculative, or negated)."""
    t = table()
    if (rec.get("modality") or "asserted") not in t["counted_modalities"]:
        return None
    event = str(rec.get("event") or "")
    if rec.get("negated"):
        neg = (t.get("negated") or {}).get(event)
        return float(neg["score"]) if neg else None
    return base_score(event, rec.get("mode"))


def quad(event: str) -> int | None:
    """PLOVER quad category: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict."""
    for code, row in table()["quad"].items():
        if event in row["types"]:
            return int(code)
    return None


def month_of(rec: Mapping[str, Any]) -> str | None:
    """YYYY-MM of the event date, else of the published date; None when only a year is known."""
    for key in ("date", "published"):
        value = rec.get(key)
        if value and len(str(value)) >= MONTH_LEN:
            return str(value)[:MONTH_LEN]
        if value:
            return None
    return None


def score_rows() -> list[dict[str, Any]]:
    """The table as rows (type, mode, score, CAMEO code, note) for display."""
    rows = []
    for event, row in table()["types"].items():
        rows.append({"event": event, "mode": None, "score": float(row["score"]), "cameo": row["cameo"], "note": row["note"]})
        for mode, m in (row.get("modes") or {}).items():
            rows.append({"event": event, "mode": mode, "score": float(m["score"]), "cameo": m["cameo"], "note": m["note"]})
    for event, neg in (table().get("negated") or {}).items():
        rows.append({"event": event, "mode": "negated", "score": float(neg["score"]), "cameo": neg["cameo"], "note": neg["note"]})
    return rows


def monthly(events: Iterable[Mapping[str, Any]], direction: Mapping[tuple[str, str], str]) -> list[dict[str, Any]]:
    """Sum of cooperation (+) and conflict (-) scores per month and direction.

    `direction` maps (source, target) to a label; other events are ignored.
    Rows: month, direction, cooperation, conflict, net, events, types.
    """
    acc: dict[tuple[str, str], dict[str, Any]] = defaultdict(
        lambda: {"cooperation": 0.0, "conflict": 0.0, "events": 0, "types": defaultdict(int)})
    for rec in events:
        label = direction.get((str(rec.get("source")), str(rec.get("target"))))
        value = score(rec)
        month = month_of(rec)
        if label is None or value is None or month is None:
            continue
        cell = acc[(month, label)]
        cell["cooperation" if value > 0 else "conflict"] += value
        cell["events"] += 1
        cell["types"][str(rec.get("event"))] += 1
    out = []
    for (month, label), cell in sorted(acc.items()):
        types = ", ".join(f"{t} x{n}" if n > 1 else t for t, n in sorted(cell["types"].items()))
        out.append({"month": month, "direction": label, "cooperation": round(cell["cooperation"], 2),
                    "conflict": round(cell["conflict"], 2), "net": round(cell["cooperation"] + cell["conflict"], 2),
                    "events": cell["events"], "types": types})
    return out
