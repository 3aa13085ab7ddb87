"""Shipped knowledge: treaties, reference cases, the flagship ledger and the facts
(nuclear states, borders, ties, wars) that turn a dyad into scenario features.

Everything is read from `casus/data/*.yaml`; each fact carries its source URLs so
an assessment can cite it. Nothing here is written per dyad: the same lookups
serve RUS-IRN, CHN-PRK or USA-TWN.

Example:
    >>> feats, prov = scenario_features("CHN", "PRK", "USA", "2026-11-22")
    >>> feats["defense_pact"], feats["shares_border"], feats["attacker_nuclear"]
    (1.0, 1.0, 1.0)
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from casus.datafiles import read_yaml
from casus.errors import CasusError

FACT_FEATURES = (
    "defense_pact",
    "patron_at_war_elsewhere",
    "patron_ties_with_attacker",
    "shares_border",
    "attacker_nuclear",
    "attacker_nonstate",
)


@lru_cache(maxsize=None)
def load_data(name: str) -> dict[str, Any]:
    """One shipped YAML file from casus/data, parsed once."""
    return read_yaml(name)


def today() -> str:
    """Today's date, ISO."""
    return dt.date.today().isoformat()


def on_or_before(date: str | None, as_of: str) -> bool:
    """A (possibly partial) ISO date falls on or before `as_of` (compared on the shorter precision)."""
    if not date:
        return False
    n = min(len(str(date)), len(as_of))
    return str(date)[:n] <= as_of[:n]


def _after(date: str | None, as_of: str) -> bool:
    """True if `date` is strictly after `as_of` (None means never)."""
    if not date:
        return True
    n = min(len(str(date)), len(as_of))
    return str(date)[:n] > as_of[:n]


def _days_between(a: str, b: str) -> int:
    """Days from ISO date a to ISO date b (partial dates padded to the first day)."""
    def parse(s: str) -> dt.date:
        parts = (str(s).split("-") + ["01", "01"])[:3]
        return dt.date(int(parts[0]), int(parts[1]), int(parts[2]))
    return (parse(b) - parse(a)).days


# ---------------------------------------------------------------- names and codes

def name(code: str | None) -> str:
    """A display name for an actor code ('RUS' -> 'Russia')."""
    if not code:
        return "an unnamed attacker"
    names = load_data("knowledge.yaml").get("names", {})
    if code in names:
        return names[code]
    try:
        import pycountry

        country = pycountry.countries.get(alpha_3=code)
        if country is not None:
            return getattr(country, "common_name", None) or country.name
    except ImportError:  # pragma: no cover - pycountry is a dependency
        pass
    return code


def is_state(code: str) -> bool:
    """True if the code names a state or a group of states (ISO alpha-3, NATO...)."""
    groups = set(load_data("knowledge.yaml").get("state_groups", []))
    if code in groups:
        return True
    if len(code) != 3 or not code.isalpha() or not code.isupper():
        return False
    import pycountry

    return pycountry.countries.get(alpha_3=code) is not None


def _is_code(code: str) -> bool:
    return bool(code) and code.replace("_", "").replace("+", "").isalnum() and code.upper() == code


def check_code(code: str, role: str) -> str:
    """Validate an actor code given on the command line or in a scenario."""
    if not isinstance(code, str) or not _is_code(code):
        raise CasusError(
            f"{role} {code!r} is not an actor code: use an ISO 3166 alpha-3 code such as RUS or IRN "
            "(casus.actors.resolve_actor turns names into codes)"
        )
    return code


# ---------------------------------------------------------------- facts with sources

@dataclass(slots=True)
class Fact:
    """A piece of shipped knowledge behind a feature value."""

    feature: str
    value: float
    text: str
    sources: list[str] = field(default_factory=list)
    date: str | None = None


def treaties(as_of: str | None = None) -> list[dict[str, Any]]:
    """All treaty records, or those in force on `as_of`."""
    rows = load_data("treaties.yaml")["treaties"]
    if as_of is None:
        return list(rows)
    return [t for t in rows if t.get("in_force") and on_or_before(t["in_force"], as_of) and _after(t.get("ended"), as_of)]


def _party_on(treaty: dict[str, Any], code: str, as_of: str) -> bool:
    if code not in treaty["parties"]:
        return False
    joined = (treaty.get("joined") or {}).get(code)
    return joined is None or on_or_before(joined, as_of)


def treaties_between(patron: str, client: str, as_of: str) -> list[dict[str, Any]]:
    """Treaties in force on `as_of` that bind both patron and client."""
    return [t for t in treaties(as_of) if _party_on(t, patron, as_of) and _party_on(t, client, as_of)]


def defense_pact(patron: str, client: str, attacker: str | None, as_of: str) -> Fact:
    """1 if a treaty in force obliges the patron to defend the client against this attacker."""
    rows = treaties_between(patron, client, as_of)
    binding = [t for t in rows if t["defense"] and not (attacker and _party_on(t, attacker, as_of))]
    if binding:
        t = binding[0]
        return Fact("defense_pact", 1.0, f"{t['name']} (in force {t['in_force']}): {t['conditions']}", list(t["sources"]), t["in_force"])
    if rows:
        t = rows[0]
        reason = " The attacker is a party too, so its defence clause does not settle the case." if t["defense"] else ""
        return Fact("defense_pact", 0.0, f"{t['name']}: {t['conditions']}{reason}", list(t["sources"]), t["in_force"])
    return Fact("defense_pact", 0.0, f"No treaty between {name(patron)} and {name(client)} is recorded in casus's treaty table.")


def shares_border(a: str, b: str) -> Fact:
    """1 if the two states share a land border (per the shipped borders table)."""
    borders = load_data("knowledge.yaml")["borders"]
    pairs = {frozenset(p) for p in borders["pairs"]}
    if frozenset((a, b)) in pairs:
        return Fact("shares_border", 1.0, f"{name(a)} and {name(b)} share a land border.", list(borders["sources"]))
    return Fact("shares_border", 0.0, f"No land border between {name(a)} and {name(b)} in casus's borders table.", list(borders["sources"]))


def is_nuclear(code: str | None, as_of: str) -> Fact:
    """1 if the attacker (or a member of an attacking group) had nuclear weapons by `as_of`."""
    nuclear = load_data("knowledge.yaml")["nuclear"]
    year = int(as_of[:4])
    if code is None:
        return Fact("attacker_nuclear", 0.0, "No attacker named.")
    members = nuclear.get("groups", {}).get(code, [code])
    armed = [m for m in members if m in nuclear["states"] and nuclear["states"][m] <= year]
    if armed:
        since = min(nuclear["states"][m] for m in armed)
        return Fact("attacker_nuclear", 1.0, f"{name(code)} is nuclear-armed (since {since}).", list(nuclear["sources"]))
    return Fact("attacker_nuclear", 0.0, f"{name(code)} has no nuclear weapons.", list(nuclear["sources"]))


def ties(patron: str, attacker: str | None, as_of: str) -> Fact:
    """1 if the patron has recorded working ties with the attacker on `as_of`."""
    if attacker is None:
        return Fact("patron_ties_with_attacker", 0.0, "No attacker named.")
    for row in load_data("knowledge.yaml").get("ties", []):
        if row["patron"] == patron and row["attacker"] == attacker and on_or_before(row.get("since"), as_of) \
                and _after(row.get("until"), as_of):
            return Fact("patron_ties_with_attacker", float(row["value"]), row["note"], list(row["sources"]), row.get("since"))
    return Fact("patron_ties_with_attacker", 0.0,
                f"No working ties between {name(patron)} and {name(attacker)} are recorded.")


def wars_of(state: str, as_of: str, exclude: tuple[str | None, ...] = ()) -> list[dict[str, Any]]:
    """Wars `state` is fighting on `as_of`, other than against the excluded parties."""
    wars = load_data("knowledge.yaml")["wars"]["list"]
    window = int(load_data("features.yaml").get("wars", {}).get("unknown_end_window_days", 90))
    active = []
    for w in wars:
        if w["state"] != state or w["opponent"] in exclude or not on_or_before(w["start"], as_of):
            continue
        if w.get("end") and not _after(w["end"], as_of):
            continue
        if w.get("end_unknown") and _days_between(w["last_confirmed"], as_of) > window:
            continue
        active.append(w)
    return active


def at_war_elsewhere(patron: str, client: str, attacker: str | None, as_of: str) -> Fact:
    """1 if the patron is fighting a war other than one against this client or attacker."""
    active = wars_of(patron, as_of, exclude=(client, attacker))
    if active:
        w = active[0]
        return Fact("patron_at_war_elsewhere", 1.0, f"{name(patron)} is at war with {name(w['opponent'])} (since {w['start']}): {w['note']}",
                    list(w["sources"]), w["start"])
    return Fact("patron_at_war_elsewhere", 0.0, f"No war involving {name(patron)}'s own forces is recorded for {as_of}.")


def nonstate(attacker: str | None) -> Fact:
    """1 if the attacker code names a non-state force."""
    if attacker is None:
        return Fact("attacker_nonstate", 0.0, "No attacker named.")
    if is_state(attacker):
        return Fact("attacker_nonstate", 0.0, f"{name(attacker)} is a state.")
    return Fact("attacker_nonstate", 1.0, f"{attacker} is a non-state force.")


def scenario_facts(patron: str, client: str, attacker: str | None, as_of: str) -> dict[str, Fact]:
    """The shipped-knowledge fact behind each scenario feature."""
    return {
        "defense_pact": defense_pact(patron, client, attacker, as_of),
        "patron_at_war_elsewhere": at_war_elsewhere(patron, client, attacker, as_of),
        "patron_ties_with_attacker": ties(patron, attacker, as_of),
        "shares_border": shares_border(patron, client),
        "attacker_nuclear": is_nuclear(attacker, as_of),
        "attacker_nonstate": nonstate(attacker),
    }


def scenario_features(patron: str, client: str, attacker: str | None, as_of: str) -> tuple[dict[str, float], dict[str, Fact]]:
    """Scenario features from shipped knowledge alone, with the facts behind them."""
    facts = scenario_facts(patron, client, attacker, as_of)
    return {k: f.value for k, f in facts.items()}, facts


# ---------------------------------------------------------------- cases and ledger

def cases(patron: str | None = None) -> list[dict[str, Any]]:
    """Reference cases (cases.yaml), optionally one patron's; adds attacker_nonstate."""
    rows = []
    for row in load_data("cases.yaml")["cases"]:
        if patron is None or row["patron"] == patron:
            rows.append({**row, "attacker_nonstate": 0 if is_state(row["attacker"]) else 1})
    return rows


def ledger(patron: str | None = None, client: str | None = None, until: str | None = None) -> list[dict[str, Any]]:
    """Curated ledger rows, filtered by dyad (actor or `about`) and by date."""
    rows = []
    for row in load_data("ledger.yaml")["events"]:
        actors = {row["source"], row.get("target"), row.get("about")}
        if patron and patron not in actors:
            continue
        if client and client not in actors:
            continue
        if until and not on_or_before(row["date"], until):
            continue
        rows.append(dict(row))
    return rows


def ledger_accessed() -> str:
    """Access date of the ledger's sources."""
    return str(load_data("ledger.yaml").get("accessed", ""))
