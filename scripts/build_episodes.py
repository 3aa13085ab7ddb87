#!/usr/bin/env python3
"""Build casus's systematic reference class from the shared conflict data.

Reads ../shared/data/conflict/ (GML MIDs, ATOP, COW wars, NMC, contiguity, major powers,
states) and writes two compact tables into the package:

* src/casus/data/episodes.csv: one row per (attacked target, candidate patron) episode,
  with features computed from the data and the outcome on casus's ladder;
* src/casus/data/state_years.csv: CINC and major-power status per state-year, so the
  hand-coded cases and live questions get the same capability features.

The rules are those of docs/reference-class.md; every rule there is a function here.
Only the standard library (csv) and casus itself (its twin grouping, so script and model group alike) are used.

Usage: python scripts/build_episodes.py [--data DIR] [--out DIR]
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "conflict"
DEFAULT_OUT = ROOT / "src" / "casus" / "data"
ACCESSED = "2026-12-01"

ATTACK_ACTS = {13, 14, 16, 17, 18, 19, 20}   # blockade, occupation, attack, clash, declaration, CBR, begin war
WAR_ACT = 20                                   # begin interstate war (21 = join war)
DIRECT_ACT = 7                                 # show of force or more
TIES_LOOKBACK = 10                             # years of past co-belligerence that count as close ties
TWIN_YEARS = 5

# COW codes whose names pycountry cannot read, or that casus codes by its own convention
# (cases.yaml: historical states take their modern successor's code).
ISO_EXCEPTIONS = {
    56: "LCA", 57: "VCT", 58: "ATG", 60: "KNA", 255: "DEU", 260: "DEU", 265: "DDR", 300: "AUT",
    305: "AUT", 315: "CZE", 341: "MNE", 343: "MKD", 345: "SRB", 347: "XKX", 349: "SVN", 365: "RUS",
    402: "CPV", 437: "CIV", 490: "COD", 572: "SWZ", 640: "TUR", 678: "YEM", 680: "YEM_SOUTH",
    730: "KOR", 731: "PRK", 732: "KOR", 816: "VNM", 817: "VNM_SOUTH", 835: "BRN", 860: "TLS",
    225: "CHE", 220: "FRA", 200: "GBR", 710: "CHN", 713: "TWN", 740: "JPN", 2: "USA",
}

SOURCES = [
    ("gml_mid_participants.csv, gml_mid_disputes.csv", "Gibler-Miller-Little MID", "2.2.1", "gibleretal2016amid"),
    ("atop_dyad_year.csv", "ATOP", "5", "leedsetal2002atop"),
    ("cow_interstate_war_dyad_year.csv", "COW Inter-State War", "4", "sarkeeswayman2010rw"),
    ("cow_nmc.csv", "COW National Material Capabilities", "6", "singer1987rcwd"),
    ("cow_contiguity.csv", "COW Direct Contiguity", "3.2", "stinnettetal2002cow"),
    ("cow_major_powers.csv, cow_states.csv", "COW State System", "2016", "cowstates2016"),
]

EPISODE_COLUMNS = [
    "dispnum", "year", "client", "patron", "attacker", "war", "pledge_defense", "pledge_offense",
    "pledge_neutral", "pledge_consult", "close_ties", "defense_pact", "patron_at_war_elsewhere",
    "patron_ties_with_attacker", "shares_border", "attacker_nuclear", "patron_major", "capability_share",
    "post_1945", "client_major", "client_share", "client_vs_patron", "attacker_major", "level", "group",
]


def read(data: Path, name: str) -> list[dict[str, str]]:
    """Rows of one CSV file in the conflict folder."""
    with open(data / name, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def iso_codes(states: Iterable[dict[str, str]]) -> dict[int, str]:
    """COW code -> casus actor code (ISO alpha-3 where one exists)."""
    import pycountry

    out: dict[int, str] = {}
    for row in states:
        cc = int(row["ccode"])
        if cc in out:
            continue
        if cc in ISO_EXCEPTIONS:
            out[cc] = ISO_EXCEPTIONS[cc]
            continue
        try:
            out[cc] = pycountry.countries.lookup(row["statenme"]).alpha_3
        except LookupError:
            out[cc] = "COW_" + row["stateabb"]
    return out


def nuclear_since() -> dict[str, int]:
    """casus's nuclear table (knowledge.yaml): state -> first year."""
    sys.path.insert(0, str(ROOT / "src"))
    from casus.assess import knowledge

    return {k: int(v) for k, v in knowledge.load_data("knowledge.yaml")["nuclear"]["states"].items()}


def _year(value: str) -> int:
    return int(value[:4])


class Data:
    """Lookups built once from the conflict files."""

    def __init__(self, data: Path) -> None:
        self.iso = iso_codes(read(data, "cow_states.csv"))
        self.atop: dict[tuple[int, int, int], dict[str, int]] = {}
        for r in read(data, "atop_dyad_year.csv"):
            self.atop[(int(r["ccode1"]), int(r["ccode2"]), int(r["year"]))] = {
                k: int(r[k]) for k in ("atop_defense", "atop_offense", "atop_neutral", "atop_nonagg", "atop_consul")}
        self.cinc: dict[tuple[int, int], float] = {}
        for r in read(data, "cow_nmc.csv"):
            if r["cinc"] not in ("", "NA"):
                self.cinc[(int(r["ccode"]), int(r["year"]))] = float(r["cinc"])
        # a spell that runs to the end of the State System version (2016) is carried forward
        majors = read(data, "cow_major_powers.csv")
        last = max(int(r["endyear"]) for r in majors)
        self.majors = [(int(r["ccode"]), int(r["styear"]), 9999 if int(r["endyear"]) == last else int(r["endyear"]))
                       for r in majors]
        self.land: dict[tuple[int, int], list[tuple[int, int]]] = defaultdict(list)
        for r in read(data, "cow_contiguity.csv"):
            if r["conttype"] == "1":
                self.land[(int(r["ccode1"]), int(r["ccode2"]))].append((_year(r["stdate"]), _year(r["enddate"])))
        self.war_years: dict[tuple[int, int], set[int]] = defaultdict(set)   # (state, year) -> opponents
        for r in read(data, "cow_interstate_war_dyad_year.csv"):
            self.war_years[(int(r["ccode1"]), int(r["year"]))].add(int(r["ccode2"]))
        self.parts = read(data, "gml_mid_participants.csv")
        self.disputes = {int(r["dispnum"]): r for r in read(data, "gml_mid_disputes.csv")}
        self.by_dispute: dict[int, list[dict[str, str]]] = defaultdict(list)
        for r in self.parts:
            self.by_dispute[int(r["dispnum"])].append(r)
        # MID war-level participation, per state-year, with the opposing states
        self.mid_war: dict[tuple[int, int], set[int]] = defaultdict(set)
        for d, rows in self.by_dispute.items():
            for r in rows:
                if int(r["hiact"]) >= WAR_ACT:
                    opp = {int(o["ccode"]) for o in rows if o["sidea"] != r["sidea"]}
                    for y in range(int(r["styear"]), int(r["endyear"]) + 1):
                        self.mid_war[(int(r["ccode"]), y)] |= opp
        # side-B co-belligerence: (a, b) -> start years of disputes where both were on one side
        self.same_side: dict[tuple[int, int], list[int]] = defaultdict(list)
        for d, rows in self.by_dispute.items():
            for a in rows:
                for b in rows:
                    if a["ccode"] != b["ccode"] and a["sidea"] == b["sidea"]:
                        self.same_side[(int(a["ccode"]), int(b["ccode"]))].append(int(a["styear"]))

    def pledge(self, a: int, b: int, year: int) -> dict[str, int]:
        """ATOP pledge flags from a to b in that year (all 0 when none)."""
        return self.atop.get((a, b, year), {"atop_defense": 0, "atop_offense": 0, "atop_neutral": 0,
                                            "atop_nonagg": 0, "atop_consul": 0})

    def any_pledge(self, a: int, b: int, year: int) -> bool:
        """Any ATOP pledge, in either direction, non-aggression included."""
        return any(self.pledge(a, b, year).values()) or any(self.pledge(b, a, year).values())

    def major(self, c: int, year: int) -> int:
        """1 if c is a COW major power in that year."""
        return int(any(cc == c and s <= year <= e for cc, s, e in self.majors))

    def contiguous(self, a: int, b: int, year: int) -> int:
        """1 if a land-contiguity spell between a and b covers the year."""
        return int(any(s <= year <= e for s, e in self.land.get((a, b), [])))

    def close_ties(self, p: int, t: int, year: int) -> int:
        """A non-aggression pledge in force, or fought on t's side in a MID of the previous ten years."""
        if self.pledge(p, t, year)["atop_nonagg"] or self.pledge(t, p, year)["atop_nonagg"]:
            return 1
        return int(any(year - TIES_LOOKBACK <= y < year for y in self.same_side.get((p, t), [])))

    def at_war_elsewhere(self, p: int, year: int, exclude: set[int]) -> int:
        """1 if p fights a war that year (COW war or a war-level MID) against anyone not in `exclude`."""
        opponents = self.war_years.get((p, year), set()) | self.mid_war.get((p, year), set())
        return int(bool(opponents - exclude))

    def capability_share(self, p: int, a: int, year: int) -> float:
        """CINC(p) / (CINC(p) + CINC(a)); 0.5 when either is unknown or both are 0."""
        cp, ca = self.cinc.get((p, year)), self.cinc.get((a, year))
        if cp is None or ca is None or cp + ca <= 0:
            return 0.5
        return round(cp / (cp + ca), 2)


def episodes(d: Data, nuclear: dict[str, int]) -> list[dict[str, object]]:
    """Every (target, candidate patron) episode of docs/reference-class.md, with features and outcome."""
    rows: list[dict[str, object]] = []
    for disp in sorted(d.by_dispute):
        parts = d.by_dispute[disp]
        year = min(int(r["styear"]) for r in parts)
        side_a = {int(r["ccode"]) for r in parts if r["sidea"] == "1"}
        attackers = [r for r in parts if r["sidea"] == "1" and r["orig"] == "1" and int(r["hiact"]) in ATTACK_ACTS]
        if not attackers:
            continue
        primary = int(sorted(attackers, key=lambda r: (-int(r["hiact"]), int(r["ccode"])))[0]["ccode"])
        targets = sorted({int(r["ccode"]) for r in parts if r["sidea"] == "0" and r["orig"] == "1"})
        originators = {int(r["ccode"]) for r in parts if r["orig"] == "1"}
        joiners_b = {int(r["ccode"]): int(r["hiact"]) for r in parts if r["sidea"] == "0" and r["orig"] == "0"}
        war = int(any(int(r["hiact"]) >= WAR_ACT for r in parts))
        for t in targets:
            cands = _candidates(d, t, year, side_a | originators)
            for p, kind in sorted(cands.items()):
                pl = d.pledge(p, t, year)
                if p in joiners_b:
                    level = 6 if joiners_b[p] >= DIRECT_ACT else 1
                else:
                    level = 0
                att_iso = d.iso.get(primary, str(primary))
                rows.append({
                    "dispnum": disp, "year": year, "client": d.iso.get(t, str(t)), "patron": d.iso.get(p, str(p)),
                    "attacker": att_iso, "war": war,
                    "pledge_defense": pl["atop_defense"], "pledge_offense": pl["atop_offense"],
                    "pledge_neutral": pl["atop_neutral"], "pledge_consult": pl["atop_consul"],
                    "close_ties": int(kind == "ties"),
                    "defense_pact": pl["atop_defense"],
                    "patron_at_war_elsewhere": d.at_war_elsewhere(p, year, side_a | {t}),
                    "patron_ties_with_attacker": int(any(d.any_pledge(p, a, year) for a in side_a)),
                    "shares_border": d.contiguous(p, t, year),
                    "attacker_nuclear": int(att_iso in nuclear and nuclear[att_iso] <= year),
                    "patron_major": d.major(p, year),
                    "capability_share": d.capability_share(p, primary, year),
                    "post_1945": int(year > 1945),
                    "client_major": d.major(t, year),
                    "client_share": d.capability_share(t, primary, year),
                    "client_vs_patron": d.capability_share(t, p, year),
                    "attacker_major": d.major(primary, year),
                    "level": level,
                })
    _twin_groups(rows)
    return rows


def _candidates(d: Data, t: int, year: int, excluded: set[int]) -> dict[int, str]:
    """Candidate patrons of target t: pledged states, and majors or land neighbours with close ties."""
    out: dict[int, str] = {}
    for (a, b, y), pl in _pledges_to(d, t, year):
        if a in excluded:
            continue
        if pl["atop_defense"] or pl["atop_offense"] or pl["atop_neutral"] or pl["atop_consul"]:
            out[a] = "pledge"
    others = {c for c, s, e in d.majors if s <= year <= e}
    others |= {b for (a, b), spells in d.land.items() if a == t and any(s <= year <= e for s, e in spells)}
    for p in sorted(others - excluded - set(out) - {t}):
        if d.close_ties(p, t, year):
            out[p] = "ties"
    return out


_PLEDGE_INDEX: dict[tuple[int, int], list[tuple[tuple[int, int, int], dict[str, int]]]] = {}


def _pledges_to(d: Data, t: int, year: int) -> list[tuple[tuple[int, int, int], dict[str, int]]]:
    if not _PLEDGE_INDEX:
        for key, pl in d.atop.items():
            _PLEDGE_INDEX.setdefault((key[1], key[2]), []).append((key, pl))
    return _PLEDGE_INDEX.get((t, year), [])


def _twin_groups(rows: list[dict[str, object]]) -> None:
    """Group ids: same dispute, or same patron and client within five years (transitively), as the model groups."""
    from casus.assess.model import twin_groups

    for r, group in zip(rows, twin_groups(rows, TWIN_YEARS), strict=True):
        r["group"] = int(group)


def state_years(d: Data) -> list[dict[str, object]]:
    """CINC (5 significant digits) and major-power status per (actor code, year)."""
    out: dict[tuple[str, int], dict[str, object]] = {}
    for (c, y), v in sorted(d.cinc.items()):
        code = d.iso.get(c)
        if code is None:
            continue
        key = (code, y)
        # two COW codes can share a casus code (GFR and Germany): keep the larger state
        if key in out and float(out[key]["cinc"]) >= v:  # type: ignore[arg-type]
            continue
        out[key] = {"actor": code, "year": y, "cinc": float(f"{v:.5g}"), "major": d.major(c, y)}
    return [out[k] for k in sorted(out)]


def header(table: str, extra: str) -> str:
    """Comment lines naming every source with version and access date."""
    lines = [f"# casus {table}: built by scripts/build_episodes.py from ../shared/data/conflict "
             f"(peacesciencer processed copies), accessed {ACCESSED}. {extra}",
             "# Definition: docs/reference-class.md. Sources (file: data set, version, BibTeX key):"]
    lines += [f"#   {f}: {name} v{ver} [{key}]" for f, name, ver, key in SOURCES]
    return "\n".join(lines) + "\n"


def render(rows: list[dict[str, object]], columns: list[str], head: str) -> str:
    """The table as CSV text with its comment header."""
    buf = io.StringIO()
    buf.write(head)
    w = csv.DictWriter(buf, fieldnames=columns, lineterminator="\n")
    w.writeheader()
    for r in rows:
        w.writerow({k: r[k] for k in columns})
    return buf.getvalue()


def build(data: Path) -> dict[str, str]:
    """File name -> CSV text for both tables."""
    d = Data(data)
    eps = episodes(d, nuclear_since())
    return {
        "episodes.csv": render(eps, EPISODE_COLUMNS, header(
            "systematic episodes", "level: 6 joined on the target's side with a show of force or more (direct), "
            "1 joined with threats only (statement), 0 did not join (below direct; lower rungs unobserved).")),
        "state_years.csv": render(state_years(d), ["actor", "year", "cinc", "major"], header(
            "state-years", "cinc: COW CINC share of world capabilities; major: COW major power that year (spells open at the end of the 2016 list carried forward).")),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args(argv)
    if not (args.data / "gml_mid_participants.csv").exists():
        print(f"error: no conflict data in {args.data} (expected gml_mid_participants.csv and the rest)", file=sys.stderr)
        return 2
    tables = build(args.data)
    args.out.mkdir(parents=True, exist_ok=True)
    for name, text in tables.items():
        tmp = args.out / (name + ".tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(args.out / name)
        print(f"wrote {args.out / name} ({text.count(chr(10))} lines)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
