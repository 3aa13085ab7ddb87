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

import calendar
import re
import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
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
    "forces_present",
    "arms_flowing",
    # dyads.csv facts: shown with every answer; the model reads them only when their switch in
    # features.yaml is on (both off since model4: docs/reference-class.md)
    "patron_rival_attacker",
    "ties_both",
)

# Kinds of standing deployment that count as the patron's forces present (standing.yaml's rule).
FORCE_KINDS = ("troops", "base", "air_defence", "naval")
ARMS_WINDOW_YEARS = 3


@lru_cache(maxsize=None)
def load_data(name: str) -> dict[str, Any]:
    """One shipped YAML file from casus/data, parsed once."""
    return read_yaml(name)


def today() -> str:
    """Today's date, ISO."""
    return dt.date.today().isoformat()


def period_end(date: str | None) -> str | None:
    """The last day a (possibly partial) ISO date can mean: '2025' -> '2025-12-31', '2025-02' -> '2025-02-28'.

    None for anything that is not YYYY, YYYY-MM or YYYY-MM-DD with a real month and day.
    """
    if not date:
        return None
    text = str(date)[:10]
    parts = text.split("-")
    try:
        year = int(parts[0])
        if len(parts[0]) != 4 or len(parts) > 3:
            return None
        if len(parts) == 1:
            return f"{year:04d}-12-31"
        month = int(parts[1])
        if len(parts) == 2:
            last = calendar.monthrange(year, month)[1]
            return f"{year:04d}-{month:02d}-{last:02d}"
        return dt.date(year, month, int(parts[2])).isoformat()
    except (ValueError, IndexError, calendar.IllegalMonthError):
        return None


def on_or_before(date: str | None, as_of: str) -> bool:
    """Strict as-of: the whole period a (possibly partial) date names ends on or before `as_of`.

    '2025' is not on or before 2025-06-12 (the year had not ended), '2025-05' is;
    an as-of given as a year or month means its last day. Unknown dates never count.
    """
    end, limit = period_end(date), period_end(as_of) or str(as_of)
    return end is not None and end <= limit


def _after(date: str | None, as_of: str) -> bool:
    """True unless `date` (an end) is known to have passed by `as_of` (None means it never ended)."""
    return not on_or_before(date, as_of) if date else True


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
    from casus.events.actors import iso_countries

    return iso_countries().get(code, code)


def possessive(display: str) -> str:
    """English possessive of a display name: 'Russia' -> "Russia's", 'the United States' -> "the United States'"."""
    return f"{display}'" if display.endswith("s") else f"{display}'s"


def is_state(code: str) -> bool:
    """True if the code names a state or a group of states (ISO alpha-3, NATO...)."""
    groups = set(load_data("knowledge.yaml").get("state_groups", []))
    if code in groups:
        return True
    if len(code) != 3 or not code.isalpha() or not code.isupper():
        return False
    from casus.events.actors import iso_countries

    return code in iso_countries()


def attacker_code(text: str | None) -> str | None:
    """An attacker's name or code as a code. A name casus does not know becomes the code of
    an unlisted non-state armed group (its words in capitals, joined by _), so an attack by a
    group casus has no record of is still answered; `unlisted_attacker_note` says so."""
    from casus.events.actors import actor_code

    try:
        return actor_code(text)
    except CasusError:
        code = "_".join(re.findall(r"[A-Z0-9]+", str(text).upper()))
        if not code or is_state(code):
            raise
        return code


def unlisted_attacker_note(attacker: str | None) -> str | None:
    """A note when the attacker is not an actor casus knows (answered as a non-state armed group)."""
    from casus.events.actors import resolve_actor, suggest

    if attacker is None or is_state(attacker) or resolve_actor(attacker) is not None:
        return None
    close = ", ".join(f"{n} ({c})" for n, c in suggest(attacker.replace("_", " "))[:3])
    hint = f" If a known actor was meant, name it (closest: {close})." if close else ""
    return (f"casus has no record of the attacker {attacker}: it is answered as a non-state armed group "
            f"(no nuclear weapons, no treaties or ties, no material capability of its own).{hint}")


def _is_code(code: str) -> bool:
    return bool(code) and code.replace("_", "").replace("+", "").isalnum() and code.upper() == code


def check_code(code: str, role: str) -> str:
    """Validate an actor code given on the command line or in a scenario."""
    if not isinstance(code, str) or not _is_code(code):
        raise CasusError(
            f"{role} {code!r} is not an actor code: use an ISO 3166 alpha-3 code such as RUS or IRN "
            "(casus.events.actors.resolve_actor turns names into codes)"
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

    def __post_init__(self) -> None:
        # A fact is shown as a sentence: "the United States is ..." starts with a capital.
        self.text = self.text[:1].upper() + self.text[1:]


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
    left = (treaty.get("left") or {}).get(code)
    return (joined is None or on_or_before(joined, as_of)) and _after(left, as_of)


def organisation(code: str | None) -> dict[str, Any] | None:
    """The organisations table row (knowledge.yaml) for an alliance code such as NATO, or None."""
    if not code:
        return None
    row = load_data("knowledge.yaml").get("organisations", {}).get(code)
    return dict(row) if row else None


def _treaty(tid: str) -> dict[str, Any] | None:
    return next((t for t in load_data("treaties.yaml")["treaties"] if t["id"] == tid), None)


def org_members(code: str, as_of: str) -> list[str]:
    """Members of an organisation on `as_of` (parties to its treaty then), or [] if `code` is not one."""
    org = organisation(code)
    treaty = _treaty(org["treaty"]) if org else None
    if treaty is None:
        return []
    return [m for m in treaty["parties"] if _party_on(treaty, m, as_of)]


def treaties_between(patron: str, client: str, as_of: str) -> list[dict[str, Any]]:
    """Treaties in force on `as_of` that bind both patron and client.

    An organisation as patron (NATO, CSTO, EU) is bound through its treaty: the
    client must be a party to it on that day.
    """
    org = organisation(patron)
    if org is not None:
        return [t for t in treaties(as_of) if t["id"] == org["treaty"] and _party_on(t, client, as_of)]
    return [t for t in treaties(as_of) if _party_on(t, patron, as_of) and _party_on(t, client, as_of)]


def _signed_not_in_force(patron: str, client: str, as_of: str) -> dict[str, Any] | None:
    for t in treaties():
        if patron in t["parties"] and client in t["parties"] and t.get("signed") and on_or_before(t["signed"], as_of) \
                and not (t.get("in_force") and on_or_before(t["in_force"], as_of)) and _after(t.get("ended"), as_of):
            return t
    return None


def defense_pact(patron: str, client: str, attacker: str | None, as_of: str) -> Fact:
    """1 if a treaty in force obliges the patron to defend the client against this attacker."""
    rows = treaties_between(patron, client, as_of)
    binding = [t for t in rows if t["defense"] and not (attacker and _party_on(t, attacker, as_of))]
    if binding:
        t = binding[0]
        return Fact("defense_pact", 1.0, f"{t['name']} (in force {t['in_force']}): {_conditions(t, as_of)}",
                    list(t["sources"]), t["in_force"])
    if rows:
        t = rows[0]
        reason = " The attacker is a party too, so its defence clause does not settle the case." if t["defense"] else ""
        return Fact("defense_pact", 0.0, f"{t['name']}: {_conditions(t, as_of)}{reason}", list(t["sources"]), t["in_force"])
    pending = _signed_not_in_force(patron, client, as_of)
    if pending:
        return Fact("defense_pact", 0.0, f"{pending['name']} was signed on {pending['signed']} but was not yet in force "
                                         f"on {as_of}.", list(pending["sources"]), pending["signed"])
    return Fact("defense_pact", 0.0, f"No treaty between {name(patron)} and {name(client)} is recorded in casus's treaty table.")


def _conditions(treaty: dict[str, Any], as_of: str) -> str:
    """A treaty's conditions text, or a plain line when it mentions events after `as_of` (`noted`)."""
    plain = ("It carries a defence obligation." if treaty.get("defense") else "It carries no defence obligation.")
    return " ".join(_note_as_of({**treaty, "note": " ".join(str(treaty["conditions"]).split())}, plain, as_of).split())


def patron_notes(patron: str, as_of: str) -> list[str]:
    """What the answer must say about the kind of patron: an organisation (answered through its members) or a non-state force."""
    org = organisation(patron)
    if org is not None:
        members = org_members(patron, as_of)
        return [f"{name(patron)} is an organisation, not a state: casus answers through its members' obligations under "
                f"the {org['treaty']} treaty ({len(members)} members on {as_of}). {org['obligation']}."]
    if not is_state(patron):
        warning = " ".join(str(load_data("knowledge.yaml")["nonstate_patron_warning"]).split())
        return [f"Warning: {name(patron)} {warning}"]
    return []


def border_spells() -> dict[frozenset[str], list[tuple[str, str | None]]]:
    """Land-border spells per unordered pair (borders.yaml, from COW Direct Contiguity)."""
    return _border_spells()


@lru_cache(maxsize=1)
def _border_spells() -> dict[frozenset[str], list[tuple[str, str | None]]]:
    out: dict[frozenset[str], list[tuple[str, str | None]]] = {}
    for a, b, since, until in load_data("borders.yaml")["pairs"]:
        out.setdefault(frozenset((a, b)), []).append((str(since), None if until is None else str(until)))
    for row in load_data("borders.yaml").get("later_changes") or []:
        out.setdefault(frozenset(row["pair"]), []).append((str(row["since"]), row.get("until")))
    return out


def _border_on(a: str, b: str, as_of: str) -> bool:
    for since, until in border_spells().get(frozenset((a, b)), []):
        if on_or_before(since, as_of) and _after(until, as_of):
            return True
    return False


def shares_border(a: str, b: str, as_of: str | None = None) -> Fact:
    """1 if the two states share a land border on `as_of` (today by default; COW Direct Contiguity, type 1).

    An organisation as `a` shares a border when any of its members (as of that day) does.
    """
    meta = load_data("borders.yaml")
    cite = [str(meta["url"])]
    as_of = as_of or today()
    members = org_members(a, as_of)
    for m in members or [a]:
        if m != b and _border_on(m, b, as_of):
            via = f" (through its member {name(m)})" if members else ""
            return Fact("shares_border", 1.0, f"{name(a)} and {name(b)} share a land border{via} (COW Direct Contiguity).", cite)
    return Fact("shares_border", 0.0, f"No land border between {name(a)} and {name(b)} in the COW Direct Contiguity "
                                      "table casus ships (data to 2016; later changes listed there).", cite)


def is_nuclear(code: str | None, as_of: str) -> Fact:
    """1 if the attacker (or a member of an attacking group) had nuclear weapons by `as_of`."""
    nuclear = load_data("knowledge.yaml")["nuclear"]
    if code is None:
        return Fact("attacker_nuclear", 0.0, "No attacker named.")
    members = nuclear.get("groups", {}).get(code, [code])
    # `since` is a year: strict as-of counts it only once that whole year is over
    armed = [m for m in members if m in nuclear["states"] and on_or_before(str(nuclear["states"][m]), as_of)]
    if armed:
        since = min(nuclear["states"][m] for m in armed)
        return Fact("attacker_nuclear", 1.0, f"{name(code)} is nuclear-armed (since {since}).", list(nuclear["sources"]))
    return Fact("attacker_nuclear", 0.0, f"{name(code)} has no nuclear weapons.", list(nuclear["sources"]))


def _note_as_of(row: dict[str, Any], plain: str, as_of: str) -> str:
    """A knowledge row's note, or a plain summary when the note tells of things after `as_of`.

    `noted` (or, for wars, `last_confirmed`) dates the latest fact the note mentions.
    """
    noted = row.get("noted") or row.get("last_confirmed")
    if noted and not on_or_before(noted, as_of):
        return plain + f" (casus's note on this row draws on sources up to {noted}, after the as-of date, so it is not shown)"
    return str(row["note"])


def ties(patron: str, attacker: str | None, as_of: str) -> Fact:
    """1 if the patron has recorded working ties with the attacker on `as_of`.

    Besides the `ties` rows: a treaty in force binding both (any pledge, as the systematic
    episodes code ties), and for an organisation its lead member's ties."""
    if attacker is None:
        return Fact("patron_ties_with_attacker", 0.0, "No attacker named.")
    for row in load_data("knowledge.yaml").get("ties", []):
        if row["patron"] == patron and row["attacker"] == attacker and on_or_before(row.get("since"), as_of) \
                and _after(row.get("until"), as_of):
            who = name(patron)
            plain = f"{who[:1].upper()}{who[1:]} has had working ties with {name(attacker)} since {row.get('since')}."
            return Fact("patron_ties_with_attacker", float(row["value"]), _note_as_of(row, plain, as_of),
                        list(row["sources"]), row.get("since"))
    pledge = treaties_between(patron, attacker, as_of)
    if pledge:  # as the episodes code it: any pledge between patron and attacker (docs/reference-class.md)
        t = pledge[0]
        return Fact("patron_ties_with_attacker", 1.0, f"{name(patron)[:1].upper()}{name(patron)[1:]} and "
                    f"{name(attacker)} are both bound by the {t['name']} (in force {t['in_force']}).",
                    list(t["sources"]), t["in_force"])
    if dyad_ties_from_atop() and atop_pledge(_dyad_code(patron, as_of), _dyad_code(attacker, as_of), int(as_of[:4])):
        return Fact("patron_ties_with_attacker", 1.0, f"{name(patron)[:1].upper()}{name(patron)[1:]} and "
                    f"{name(attacker)} share an alliance pledge in ATOP (any type, consultation included; ATOP's last "
                    "year, 2018, carried forward).", [ATOP_URL])
    lead = lead_member(patron, as_of) if organisation(patron) else None
    if lead and lead != attacker:
        via = ties(lead, attacker, as_of)
        if via.value:
            org = name(patron)
            return Fact("patron_ties_with_attacker", via.value, f"{org[:1].upper()}{org[1:]} is coded through its lead "
                        f"member: {via.text}", via.sources, via.date)
    return Fact("patron_ties_with_attacker", 0.0,
                f"No working ties between {name(patron)} and {name(attacker)} are recorded (casus's ties rows and "
                "treaties).")


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


# ---------------------------------------------------------------- capabilities (COW NMC, State System)

def _state_years_text() -> str:
    text = resources.files("casus").joinpath("data").joinpath("state_years.csv").read_text(encoding="utf-8")
    if "\nactor,year,cinc,major\n" not in text:
        raise CasusError("state_years.csv has unexpected columns: rebuild it with scripts/build_episodes.py")
    return text


@lru_cache(maxsize=256)
def actor_years(code: str) -> dict[int, tuple[float, int]]:
    """year -> (CINC, major power 0/1) for one actor, from state_years.csv (COW NMC v6, State System 2016).

    Only the actor's own lines are parsed: `casus assess` needs two actors, not 17,000 rows.
    """
    text = _state_years_text()
    head = f"\n{code},"
    first, last = text.find(head), text.rfind(head)
    if first < 0:
        return {}
    end = text.find("\n", last + 1)
    span = text[first:end if end >= 0 else len(text)]  # from the actor's first line to its last (the file is grouped)
    pattern = re.compile(rf"^{re.escape(code)},(\d+),([^,\n]+),(\d)$", re.M)
    return {int(y): (float(c), int(m)) for y, c, m in pattern.findall(span)}


def state_year(code: str | None, year: int) -> tuple[float, int] | None:
    """(CINC, major) for the actor in the last year on record at or before `year` (the first year if earlier)."""
    if not code:
        return None
    rows = actor_years(code)
    if not rows:
        return None
    years = [y for y in rows if y <= year]
    return rows[max(years)] if years else rows[min(rows)]



def lead_member(org: str, as_of: str) -> str | None:
    """The member carrying most of an organisation's weight on `as_of` (largest COW CINC), or None."""
    year = int(as_of[:4])
    scored = [(r[0], m) for m in org_members(org, as_of) if (r := state_year(m, year))]
    return max(scored)[1] if scored else None


def at_war_elsewhere(patron: str, client: str, attacker: str | None, as_of: str) -> Fact:
    """1 if the patron is fighting a war other than one against this client or attacker.

    An organisation is at war elsewhere when its lead member (largest capability) is: its
    forces are most of what the organisation could send."""
    lead = lead_member(patron, as_of) if organisation(patron) else None
    active = wars_of(lead or patron, as_of, exclude=(client, attacker))
    if active:
        w = active[0]
        who = name(lead or patron)
        plain = f"{who[:1].upper()}{who[1:]} is at war with {name(w['opponent'])} (since {w['start']})"
        note = _note_as_of(w, plain + ".", as_of)
        text = f"{plain}: {note}" if note == w["note"] else note
        if lead:
            org = name(patron)
            text = f"{org[:1].upper()}{org[1:]} is coded at war elsewhere through its lead member: {text}"
        return Fact("patron_at_war_elsewhere", 1.0, text, list(w["sources"]), w["start"])
    return Fact("patron_at_war_elsewhere", 0.0, f"No war involving {possessive(name(patron))} own forces is recorded for {as_of}.")


def nonstate(attacker: str | None) -> Fact:
    """1 if the attacker code names a non-state force."""
    if attacker is None:
        return Fact("attacker_nonstate", 0.0, "No attacker named.")
    if is_state(attacker):
        return Fact("attacker_nonstate", 0.0, f"{name(attacker)} is a state.")
    return Fact("attacker_nonstate", 1.0, f"{attacker} is a non-state force.")


# ---------------------------------------------------------------- standing deployments and arms flows

def _standing_sources(row: dict[str, Any]) -> list[str]:
    datasets = load_data("standing.yaml")["datasets"]
    return [str(datasets[s]) for s in row.get("source", [])]


def _standing_text(row: dict[str, Any]) -> str:
    meta = load_data("standing.yaml")
    pending = f" ({meta['check_note']})" if row.get("check") else ""
    pages = "; ".join(f"{c['title']} <{c['url']}>" for c in row.get("checked", []))
    against = f" (checked against: {pages})" if pages else ""
    return f"{row.get('note', '')}{against}{pending}".strip()


def _checked_problems(row: dict[str, Any]) -> list[str]:
    """What is wrong with a row's `checked` list: each entry needs an http(s) url, a title and what it confirms."""
    if "checked" not in row:
        return []
    entries = row["checked"]
    if not isinstance(entries, list) or not entries:
        return ["checked is not a non-empty list"]
    out = []
    for j, c in enumerate(entries):
        if not isinstance(c, dict) or set(c) != {"url", "title", "confirms"}:
            out.append(f"checked[{j}] needs exactly url, title, confirms")
        elif not str(c["url"]).startswith(("http://", "https://")) or not all(str(c[k]).strip() for k in c):
            out.append(f"checked[{j}] has an empty field or a url that is not http(s)")
    return out


DEPLOYMENT_KINDS = FORCE_KINDS + ("advisers",)


def standing_problems() -> list[str]:
    """Rows of standing.yaml that break its rule: unknown kind or dataset, bad dates, an end before the start,
    a malformed `checked` list."""
    meta = load_data("standing.yaml")
    out = []
    for table, who in (("deployments", "patron"), ("arms", "supplier"), ("checked_none", "patron")):
        for i, r in enumerate(meta.get(table, [])):
            where = f"{table}[{i}] {r.get(who)}"
            if table == "deployments" and r.get("kind") not in DEPLOYMENT_KINDS:
                out.append(f"{where}: kind {r.get('kind')!r}")
            if not r.get("source") or any(s not in meta["datasets"] for s in r["source"]):
                out.append(f"{where}: source {r.get('source')!r}")
            out.extend(f"{where}: {p}" for p in _checked_problems(r))
            if table == "checked_none":
                if r.get("table") not in ("deployments", "arms"):
                    out.append(f"{where}: table {r.get('table')!r}")
                continue
            start, end = period_end(str(r.get("from"))), period_end(str(r["to"])) if r.get("to") else None
            if start is None or (r.get("to") and (end is None or end < start)):
                out.append(f"{where}: dates {r.get('from')!r} to {r.get('to')!r}")
    return out


def deployment_rows(patron: str, client: str, as_of: str) -> list[dict[str, Any]]:
    """Standing deployments of the patron (or, for an organisation, of its members) in the client on `as_of`.

    Strict as-of: a row counts once its start period is over by `as_of` and until its end is.
    """
    members = org_members(patron, as_of) or [patron]
    return [dict(r) for r in load_data("standing.yaml")["deployments"]
            if r["patron"] in members and r["host"] == client and on_or_before(str(r["from"]), as_of)
            and _after(str(r["to"]) if r.get("to") else None, as_of)]


def forces_present(patron: str, client: str, as_of: str) -> Fact:
    """1 if the patron's own forces (troops, a base, air defence, a naval base) stand in the client on `as_of`."""
    rows = deployment_rows(patron, client, as_of)
    forces = [r for r in rows if r["kind"] in FORCE_KINDS]
    if forces:
        r = forces[0]
        via = f" (its member {name(r['patron'])})" if r["patron"] != patron else ""
        return Fact("forces_present", 1.0, f"{name(patron)}{via} has forces in {name(client)} ({r['kind']}, since "
                                           f"{r['from']}): {_standing_text(r)}", _standing_sources(r), str(r["from"]))
    advisers = "; only advisers or trainers are recorded" if rows else ""
    return Fact("forces_present", 0.0, f"No standing forces of {name(patron)} in {name(client)} are recorded "
                                       f"in casus's deployment table for {as_of}{advisers}.")


def forces_nearby(patron: str, client: str, as_of: str) -> Fact:
    """1 if the patron has forces in the client, or in a state sharing a land border with it, on `as_of`."""
    here = forces_present(patron, client, as_of)
    if here.value:
        return Fact("forces_nearby", 1.0, here.text, here.sources, here.date)
    members = org_members(patron, as_of) or [patron]
    for r in load_data("standing.yaml")["deployments"]:
        if (r["patron"] in members and r["kind"] in FORCE_KINDS and r["host"] != client
                and on_or_before(str(r["from"]), as_of) and _after(str(r["to"]) if r.get("to") else None, as_of)
                and _border_on(r["host"], client, as_of)):
            return Fact("forces_nearby", 1.0, f"{name(r['patron'])} has forces in {name(r['host'])}, a land neighbour "
                                              f"of {name(client)} ({r['kind']}, since {r['from']}): {_standing_text(r)}",
                        _standing_sources(r), str(r["from"]))
    return Fact("forces_nearby", 0.0, f"No standing forces of {name(patron)} in or next to {name(client)} are "
                                      f"recorded in casus's deployment table for {as_of}.")


def arms_flowing(patron: str, client: str, as_of: str) -> Fact:
    """1 if deliveries of major arms from the patron to the client reach into the three years before `as_of`'s year."""
    members = org_members(patron, as_of) or [patron]
    first = int(str(as_of)[:4]) - ARMS_WINDOW_YEARS
    for r in load_data("standing.yaml")["arms"]:
        if r["supplier"] not in members or r["recipient"] != client or not on_or_before(str(r["from"]), as_of):
            continue
        if r.get("to") and int(str(r["to"])[:4]) < first:
            continue
        via = f" (its member {name(r['supplier'])})" if r["supplier"] != patron else ""
        return Fact("arms_flowing", 1.0, f"{name(patron)}{via} has been delivering major arms to {name(client)} "
                                         f"since {r['from']} (SIPRI's definition). {_standing_text(r)}".strip(),
                    _standing_sources(r), str(r["from"]))
    return Fact("arms_flowing", 0.0, f"No deliveries of major arms from {name(patron)} to {name(client)} in the "
                                     f"{ARMS_WINDOW_YEARS} years before {as_of} are recorded in casus's arms table.")


def standing_features(patron: str, client: str, as_of: str) -> dict[str, float]:
    """forces_present and arms_flowing for one dyad on `as_of`, from standing.yaml."""
    return {"forces_present": forces_present(patron, client, as_of).value,
            "forces_nearby": forces_nearby(patron, client, as_of).value,
            "arms_flowing": arms_flowing(patron, client, as_of).value}


def scenario_facts(patron: str, client: str, attacker: str | None, as_of: str) -> dict[str, Fact]:
    """The shipped-knowledge fact behind each scenario feature."""
    pact, tie = defense_pact(patron, client, attacker, as_of), ties(patron, attacker, as_of)
    return {
        "defense_pact": pact,
        "patron_at_war_elsewhere": at_war_elsewhere(patron, client, attacker, as_of),
        "patron_ties_with_attacker": tie,
        "shares_border": shares_border(patron, client, as_of),
        "attacker_nuclear": is_nuclear(attacker, as_of),
        "attacker_nonstate": nonstate(attacker),
        "forces_present": forces_present(patron, client, as_of),
        "arms_flowing": arms_flowing(patron, client, as_of),
        "patron_rival_attacker": rival(patron, attacker, as_of),
        "ties_both": ties_both(patron, client, attacker, tie.value, pact.value, as_of),
    }


def scenario_features(patron: str, client: str, attacker: str | None, as_of: str) -> tuple[dict[str, float], dict[str, Fact]]:
    """Scenario features from shipped knowledge alone, with the facts behind them."""
    facts = scenario_facts(patron, client, attacker, as_of)
    return {k: f.value for k, f in facts.items()}, facts


# ---------------------------------------------------------------- cases and ledger

def case_date(case: dict[str, Any]) -> str:
    """When a case's outcome counts as known: its `date` if given, else its year (strict: the whole year)."""
    return str(case.get("date") or case["year"])


def cases(patron: str | None = None, as_of: str | None = None) -> list[dict[str, Any]]:
    """Reference cases (cases.yaml), optionally one patron's, and only those known by `as_of`; adds attacker_nonstate.

    Strict as-of: a case dated only by its year counts once that whole year is over.
    """
    rows = []
    for row in load_data("cases.yaml")["cases"]:
        if patron is not None and row["patron"] != patron:
            continue
        if as_of is not None and not on_or_before(case_date(row), as_of):
            continue
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


# ---------------------------------------------------------------- dyads from the conflict data (dyads.csv)

ATOP_URL = "https://www.atopdata.org/"
MID_URL = "https://dmgibler.people.ua.edu/mid-replication.html"
RIVAL_LOOKBACK = 10   # years of past use-of-force disputes that make the patron the attacker's rival


@lru_cache(maxsize=1)
def _dyads_text() -> str:
    return resources.files("casus").joinpath("data").joinpath("dyads.csv").read_text(encoding="utf-8")


Spells = dict[str, list[tuple[int, int | None]]]   # kind (`pledge`, `core`) -> spells


@lru_cache(maxsize=1)
def _dyads() -> dict[frozenset[str], tuple[Spells, list[int]]]:
    """Per unordered pair: its pledge spells per kind and its rival years, from dyads.csv (for the fits, which
    read thousands of pairs; one answer reads a few pairs with `_pair`). The file has no quoted fields."""
    out: dict[frozenset[str], tuple[Spells, list[int]]] = {}
    for line in _dyads_text().splitlines():
        if not line or line[0] == "#" or line.startswith("a,b,"):
            continue
        a, b, kind, start, end = line.split(",")
        _add(out.setdefault(frozenset((a, b)), ({}, [])), kind, start, end)
    return out


def load_dyads() -> None:
    """Parse the whole dyad table now (the fits read thousands of pairs)."""
    _dyads()


def _add(entry: tuple[Spells, list[int]], kind: str, start: str, end: str) -> None:
    if kind == "rival":
        entry[1].append(int(start))
    else:
        entry[0].setdefault(kind, []).append((int(start), int(end) if end else None))


@lru_cache(maxsize=256)
def _pair(a: str, b: str) -> tuple[Spells, list[int]]:
    """One pair's rows: from the parsed table once a fit has read it, else by one scan of the text."""
    key = frozenset((a, b))
    if _dyads.cache_info().currsize:
        return _dyads().get(key, ({}, []))
    lo, hi = sorted((a, b))
    entry: tuple[Spells, list[int]] = ({}, [])
    for m in re.finditer(rf"^{re.escape(lo)},{re.escape(hi)},(\w+),(\d+),(\d*)$", _dyads_text(), re.M):
        _add(entry, m.group(1), m.group(2), m.group(3))
    return entry


def atop_pledge(a: str | None, b: str | None, year: int, kind: str = "pledge") -> bool:
    """An ATOP pledge between a and b in force in `year` (ATOP's last year, 2018, carried forward): any pledge,
    or with kind `core` a defence, offence, neutrality or consultation pledge (non-aggression alone does not count)."""
    if not a or not b:
        return False
    return any(s <= year and (e is None or year <= e) for s, e in _pair(a, b)[0].get(kind, []))


def mid_rival(a: str | None, b: str | None, year: int, lookback: int = RIVAL_LOOKBACK) -> int | None:
    """The latest start year of a use-of-force MID with a and b on opposite sides in the `lookback` years before `year`."""
    if not a or not b:
        return None
    years = [y for y in _pair(a, b)[1] if year - lookback <= y < year]
    return max(years) if years else None


def ties_both_kind() -> str:
    """Which ATOP pledges `ties_both` reads: `pledge` (any) or `core` (features.yaml `ties_both_pledges`)."""
    return str(load_data("features.yaml")["model"].get("ties_both_pledges", "pledge"))


PAPER_TIE_LOOKBACK = 20   # `ties_both_attacker: rival`: years without a use-of-force dispute for a non-aggression tie


def ties_both_attacker() -> str:
    """Which patron-attacker ties `ties_both` counts (features.yaml `ties_both_attacker`): `any` (the kept rule:
    any ATOP pledge of `ties_both_pledges`), `rival` or `bilateral` (docs/reference-class.md, "without paper ties")."""
    return str(load_data("features.yaml")["model"].get("ties_both_attacker", "any"))


def attacker_tied(patron: str, attacker: str | None, year: int, as_of: str, ties_value: float) -> bool:
    """Whether `ties_both` reads the patron as tied to the attacker in `year` (codes already read through lead members)."""
    if ties_value >= 0.5:
        return True
    if not attacker:
        return False
    rule = ties_both_attacker()
    if rule == "bilateral":
        return atop_pledge(patron, attacker, year, "tie")
    if rule == "rival":
        if atop_pledge(patron, attacker, year, "core"):
            return True
        return atop_pledge(patron, attacker, year, "pledge") \
            and mid_rival(patron, attacker, year, PAPER_TIE_LOOKBACK) is None \
            and rival_war(patron, attacker, year, as_of, PAPER_TIE_LOOKBACK) is None
    return atop_pledge(patron, attacker, year, ties_both_kind())


def _dyad_code(code: str, as_of: str) -> str:
    """An organisation is read through its lead member (as for its wars and ties); a state as itself."""
    return (lead_member(code, as_of) or code) if organisation(code) else code


def rival(patron: str, attacker: str | None, as_of: str, year: int | None = None) -> Fact:
    """1 if patron and attacker were on opposite sides of a use-of-force MID in the ten years before the year
    (GML MIDs end in 2010), or a recorded war of the patron against the attacker began in that window by `as_of`."""
    if attacker is None or not is_state(attacker) and not organisation(attacker):
        return Fact("patron_rival_attacker", 0.0, "No state attacker: no disputes recorded (coded not rivals).")
    y = int(as_of[:4]) if year is None else year
    p, a = _dyad_code(patron, as_of), _dyad_code(attacker, as_of)
    last = mid_rival(p, a, y)
    war = None if last is not None else rival_war(p, a, y, as_of)
    if war is not None:
        return Fact("patron_rival_attacker", 1.0, f"{name(p)[:1].upper()}{name(p)[1:]} has fought {name(a)} since "
                    f"{war['start']}.", list(war["sources"]), war["start"])
    if last is not None:
        return Fact("patron_rival_attacker", 1.0, f"{name(p)[:1].upper()}{name(p)[1:]} and {name(a)} were on opposite "
                    f"sides of a militarized dispute with the use of force begun in {last} (GML MID data, to 2010).",
                    [MID_URL], str(last))
    return Fact("patron_rival_attacker", 0.0, f"No militarized dispute with the use of force between {name(p)} and "
                f"{name(a)} in the ten years before {y} is recorded (GML MID data end in 2010).", [MID_URL])


def dyad_ties_from_atop() -> bool:
    """True when features.yaml codes ties with the attacker from ATOP too (`dyad_ties: atop`)."""
    return load_data("features.yaml")["model"].get("dyad_ties") == "atop"


def ties_both(patron: str, client: str, attacker: str | None, ties_value: float, pact_value: float,
              as_of: str) -> Fact:
    """1 if the patron is tied to the attacker (`ties_value`, or any ATOP pledge between them) and pledged to the
    client (a defence treaty, `pact_value`, or any ATOP pledge between them) in the year."""
    year, kind = int(as_of[:4]), ties_both_kind()
    p = _dyad_code(patron, as_of)
    a = _dyad_code(attacker, as_of) if attacker else None
    tied = attacker_tied(p, a, year, as_of, ties_value)
    pledged = pact_value >= 0.5 or atop_pledge(p, _dyad_code(client, as_of), year, kind)
    value = float(tied and pledged)
    who = f"{name(patron)[:1].upper()}{name(patron)[1:]}"
    if not value:
        return Fact("ties_both", 0.0, f"{who} is not read as aligned with both sides (working ties or an ATOP pledge "
                    "with the attacker, and a pledge to the client).", [ATOP_URL])
    side_a = (f"working ties with {name(attacker)} (the ties fact)" if ties_value >= 0.5 else
              f"no working ties with {name(attacker)}, but ATOP v5 records an alliance pledge between them "
              f"({'non-aggression only' if not atop_pledge(p, a, year, 'core') else 'beyond non-aggression'}; "
              "ATOP's last year, 2018, carried forward)")
    side_c = (f"a defence treaty with {name(client)}" if pact_value >= 0.5 else
              f"an ATOP pledge to {name(client)}")
    text = f"{who} is read as aligned with both sides: {side_a}, and {side_c}."
    return Fact("ties_both", value, text, [ATOP_URL])


def rival_war(patron: str, attacker: str, year: int, as_of: str,
              lookback: int = RIVAL_LOOKBACK) -> dict[str, Any] | None:
    """A war of the patron against the attacker in knowledge.yaml begun in the `lookback` years before `year`, by `as_of`."""
    for w in load_data("knowledge.yaml")["wars"]["list"]:
        if w["state"] == patron and w["opponent"] == attacker and on_or_before(w["start"], as_of) \
                and year - lookback <= int(str(w["start"])[:4]) < year:
            return dict(w)
    return None


def rival_value(patron: str, attacker: str | None, year: int, as_of: str) -> float:
    """`patron_rival_attacker` as a number, for the fits (no text)."""
    if not attacker:
        return 0.0
    return float(mid_rival(patron, attacker, year) is not None or rival_war(patron, attacker, year, as_of) is not None)


def pair_unrecorded(patron: str, attacker: str | None, as_of: str) -> bool:
    """True when the attacker is a state and casus has no record of the pair at all by `as_of`: no `ties` row
    either way, no treaty binding both, no ATOP pledge in any year, no use-of-force MID, no war between them
    (docs/reference-class.md, "A dyad casus has no record of"). Organisations and groups are never unrecorded."""
    if attacker is None or not is_state(attacker) or organisation(patron) or organisation(attacker):
        return False
    groups = set(load_data("knowledge.yaml").get("state_groups", []))
    if patron in groups or attacker in groups:
        return False
    pair = {patron, attacker}
    year = int(as_of[:4])
    if any({r["patron"], r["attacker"]} == pair and on_or_before(r.get("since"), as_of)
           for r in load_data("knowledge.yaml").get("ties", [])):
        return False
    if any(patron in t["parties"] and attacker in t["parties"]
           and on_or_before(t.get("signed") or t.get("in_force"), as_of) for t in treaties()):
        return False
    spells, rivals = _pair(patron, attacker)
    if any(s <= year for s, _ in spells.get("pledge", [])) or any(y <= year for y in rivals):
        return False
    return not any({w["state"], w["opponent"]} == pair and on_or_before(w["start"], as_of)
                   for w in load_data("knowledge.yaml")["wars"]["list"])
