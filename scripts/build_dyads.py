#!/usr/bin/env python3
"""Build casus's dyad table (src/casus/data/dyads.csv) from the shared conflict data.

Two kinds of rows, both per unordered pair of casus actor codes (`a` < `b`):

* `pledge`: a spell of years in which ATOP v5 records any pledge (defence, offence,
  neutrality, non-aggression, consultation) between the two, in either direction;
  `start` and `end` are years (a spell reaching ATOP's last year, 2018, is open: `end` empty);
* `core`: the same spells counting only defence, offence, neutrality and consultation pledges;
* `tie`: the `core` years plus the years of a bilateral non-aggression spell (multilateral when one
  of the two began non-aggression spells with three or more partners in its first year);
* `rival`: a GML MID (v2.2.1) that reached the use of force (`hostlev` >= 4) with the two on
  opposite sides; `start` is the dispute's start year, `end` its number.

The model's dyad features (`patron_ties_with_attacker` for the cases, `patron_rival_attacker`,
`ties_both`) are read from it for the systematic episodes, the hand-coded cases and a user's
question alike (docs/reference-class.md, "Ties and rivalry from the data for every dyad").

Usage: python scripts/build_dyads.py [--data DIR] [--out DIR]
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import build_episodes as be  # noqa: E402

USE_OF_FORCE = 4   # GML hostlev: 4 use of force, 5 war
SOURCES = [
    ("atop_dyad_year.csv", "ATOP", "5", "leedsetal2002atop"),
    ("gml_mid_participants.csv, gml_mid_disputes.csv", "Gibler-Miller-Little MID", "2.2.1", "gibleretal2016amid"),
    ("cow_states.csv", "COW State System", "2016", "cowstates2016"),
]


PLEDGE_KINDS = {"pledge": ("atop_defense", "atop_offense", "atop_neutral", "atop_nonagg", "atop_consul"),
                "core": ("atop_defense", "atop_offense", "atop_neutral", "atop_consul")}   # core: no non-aggression-only


def pledge_spells(data: Path, iso: dict[int, str], kind: str = "pledge") -> list[tuple[str, str, int, int | None]]:
    """(a, b, first year, last year or None if it reaches ATOP's last year) per spell of a pledge of `kind`."""
    years: dict[tuple[str, str], set[int]] = defaultdict(set)
    last = max(int(r["year"]) for r in be.read(data, "atop_dyad_year.csv"))
    for r in be.read(data, "atop_dyad_year.csv"):
        if not any(r[k] == "1" for k in PLEDGE_KINDS[kind]):
            continue
        a, b = iso.get(int(r["ccode1"])), iso.get(int(r["ccode2"]))
        if not a or not b or a == b:
            continue
        y = int(r["year"])
        years[(min(a, b), max(a, b))].add(y)
    out = []
    for (a, b), ys in sorted(years.items()):
        run = sorted(ys)
        start = prev = run[0]
        for y in run[1:] + [None]:  # type: ignore[list-item]
            if y is not None and y == prev + 1:
                prev = y
                continue
            out.append((a, b, start, None if prev == last else prev))
            if y is not None:
                start = prev = y
    return out


MULTILATERAL_PARTNERS = 3   # non-aggression spells begun with this many partners in one year: a multilateral instrument


def _runs(ys: set[int]) -> list[tuple[int, int]]:
    """Runs of consecutive years (first, last)."""
    run, out = sorted(ys), []
    start = prev = run[0]
    for y in run[1:]:
        if y != prev + 1:
            out.append((start, prev))
            start = y
        prev = y
    out.append((start, prev))
    return out


def tie_years(data: Path, iso: dict[int, str]) -> dict[tuple[str, str], set[int]]:
    """Per pair, the years with a core pledge or a bilateral non-aggression spell (docs/reference-class.md,
    "`ties_both` without paper ties"): a non-aggression spell is multilateral when one of the two states began
    non-aggression spells with MULTILATERAL_PARTNERS or more distinct partners in the spell's first year."""
    core: dict[tuple[str, str], set[int]] = defaultdict(set)
    nonagg: dict[tuple[str, str], set[int]] = defaultdict(set)
    for r in be.read(data, "atop_dyad_year.csv"):
        a, b = iso.get(int(r["ccode1"])), iso.get(int(r["ccode2"]))
        if not a or not b or a == b:
            continue
        key, y = (min(a, b), max(a, b)), int(r["year"])
        if any(r[k] == "1" for k in PLEDGE_KINDS["core"]):
            core[key].add(y)
        if r["atop_nonagg"] == "1":
            nonagg[key].add(y)
    runs = {k: _runs(ys) for k, ys in nonagg.items()}
    began: dict[tuple[str, int], set[str]] = defaultdict(set)
    for (a, b), rs in runs.items():
        for s, _ in rs:
            began[(a, s)].add(b)
            began[(b, s)].add(a)
    out = {k: set(v) for k, v in core.items()}
    for (a, b), rs in runs.items():
        for s, e in rs:
            if max(len(began[(a, s)]), len(began[(b, s)])) < MULTILATERAL_PARTNERS:
                out.setdefault((a, b), set()).update(range(s, e + 1))
    return out


def rivalries(data: Path, iso: dict[int, str]) -> list[tuple[str, str, int, int]]:
    """(a, b, start year, dispute number) for each use-of-force MID with a and b on opposite sides."""
    disputes = {int(r["dispnum"]): r for r in be.read(data, "gml_mid_disputes.csv")}
    by: dict[int, list[dict[str, str]]] = defaultdict(list)
    for r in be.read(data, "gml_mid_participants.csv"):
        by[int(r["dispnum"])].append(r)
    out: set[tuple[str, str, int, int]] = set()
    for d, rows in by.items():
        if int(disputes[d]["hostlev"]) < USE_OF_FORCE:
            continue
        year = min(int(r["styear"]) for r in rows)
        for x in rows:
            for y in rows:
                if x["sidea"] == "1" and y["sidea"] == "0":
                    a, b = iso.get(int(x["ccode"])), iso.get(int(y["ccode"]))
                    if a and b and a != b:
                        out.add((min(a, b), max(a, b), year, d))
    return sorted(out)


def build(data: Path) -> str:
    iso = be.iso_codes(be.read(data, "cow_states.csv"))
    buf = io.StringIO()
    buf.write("# casus dyads: built by scripts/build_dyads.py from ../shared/data/conflict (peacesciencer processed "
              f"copies), accessed {be.ACCESSED}. kind pledge: years with any ATOP pledge between a and b (either "
              "direction; end empty = in force in ATOP's last year, 2018, carried forward); kind core: the same for a defence, "
              "offence, neutrality or consultation pledge (non-aggression-only years left out); kind tie: core years and "
              "years of a bilateral non-aggression spell (multilateral: one of the two began such spells with 3 or more "
              "partners in its first year); kind rival: a MID that "
              "reached the use of force (hostlev >= 4) with a and b on opposite sides (start = its start year, end = "
              "its dispute number).\n")
    buf.write("# Definition: docs/reference-class.md. Sources (file: data set, version, BibTeX key):\n")
    for f, name, ver, key in SOURCES:
        buf.write(f"#   {f}: {name} v{ver} [{key}]\n")
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["a", "b", "kind", "start", "end"])
    for kind in PLEDGE_KINDS:
        for a, b, s, e in pledge_spells(data, iso, kind):
            w.writerow([a, b, kind, s, "" if e is None else e])
    last = max(int(r["year"]) for r in be.read(data, "atop_dyad_year.csv"))
    for (a, b), ys in sorted(tie_years(data, iso).items()):
        for s, e in _runs(ys):
            w.writerow([a, b, "tie", s, "" if e == last else e])
    for a, b, s, d in rivalries(data, iso):
        w.writerow([a, b, "rival", s, d])
    return buf.getvalue()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=be.DEFAULT_DATA)
    ap.add_argument("--out", type=Path, default=be.DEFAULT_OUT)
    args = ap.parse_args(argv)
    text = build(args.data)
    path = args.out / "dyads.csv"
    path.write_text(text, encoding="utf-8")
    print(f"wrote {path} ({text.count(chr(10))} lines)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
