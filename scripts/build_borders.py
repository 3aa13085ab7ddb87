"""Build src/casus/data/borders.yaml: land borders (COW Direct Contiguity v3.2, type 1) as ISO3 pairs with spells.

Usage: python scripts/build_borders.py [../shared/data/conflict] > src/casus/data/borders.yaml

COW state codes are mapped to ISO 3166 alpha-3 through their names (pycountry),
with the exceptions below for historical states and names pycountry does not
resolve; states with no modern code (the German and Italian states before
unification, Zanzibar) are left out. Directed spells are folded into one
undirected pair; a spell still open at the data's end (2016-12) is written
with `until: null`.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import pycountry

EXCEPTIONS = {  # COW ccode -> code used by casus (cases.yaml conventions)
    "255": "DEU", "260": "DEU", "265": "DDR", "300": "AUT", "315": "CZE", "316": "CZE", "345": "SRB",
    "347": "XKX", "365": "RUS", "437": "CIV", "490": "COD", "484": "COG", "551": "ZMB", "678": "YEM",
    "679": "YEM", "680": "YEM_SOUTH", "713": "TWN", "730": "KOR", "731": "PRK", "732": "KOR",
    "816": "VNM", "817": "VNM_SOUTH", "850": "IDN", "860": "TLS", "343": "MKD", "572": "SWZ",
    "630": "IRN", "640": "TUR", "652": "SYR", "700": "AFG", "740": "JPN", "775": "MMR", "811": "KHM",
    "812": "LAO", "710": "CHN", "571": "BWA", "339": "ALB", "70": "MEX", "40": "CUB", "41": "HTI",
    "436": "NER", "402": "CPV", "56": "LCA", "57": "VCT", "58": "ATG", "60": "KNA",
}
# States with no modern code: left out (German and Italian states before unification, Zanzibar).
NO_CODE = {"240", "245", "267", "269", "271", "273", "275", "280", "327", "329", "332", "335", "337", "511"}


def iso3(ccode: str, name: str) -> str | None:
    if ccode in NO_CODE:
        return None
    if ccode in EXCEPTIONS:
        return EXCEPTIONS[ccode]
    try:
        return pycountry.countries.search_fuzzy(name)[0].alpha_3
    except LookupError:
        return None


def main(folder: str = "../shared/data/conflict") -> None:
    base = Path(folder)
    states = {r["ccode"]: r["statenme"] for r in csv.DictReader(open(base / "cow_states.csv", encoding="utf-8"))}
    codes = {c: iso3(c, n) for c, n in states.items()}
    spells: dict[tuple[str, str], list[tuple[str, str | None]]] = {}
    for r in csv.DictReader(open(base / "cow_contiguity.csv", encoding="utf-8")):
        if r["conttype"] != "1":
            continue
        a, b = codes.get(r["ccode1"]), codes.get(r["ccode2"])
        if not a or not b or a == b:
            continue
        key = (min(a, b), max(a, b))
        end = None if r["enddate"].startswith("2016-12") else r["enddate"][:7]
        spell = (r["stdate"][:7], end)
        if spell not in spells.setdefault(key, []):
            spells[key].append(spell)
    out = sys.stdout
    out.write("# Land borders (river and lake boundaries count), from COW Direct Contiguity v3.2,\n"
              "# contiguity type 1, built by scripts/build_borders.py from ../shared/data/conflict.\n"
              "# Each row: [state, state, from YYYY-MM, until YYYY-MM or null]; null = still open in\n"
              "# December 2016, where the data end. Changes after 2016 go under `later_changes`.\n")
    out.write("source: Stinnett, Tir, Schafer, Diehl and Gochman, 'The Correlates of War Project Direct Contiguity Data, "
              "Version 3.0', Conflict Management and Peace Science 19(2), 2002; data v3.2 as processed by peacesciencer\n")
    out.write("url: https://correlatesofwar.org/data-sets/direct-contiguity/\n")
    out.write('accessed: "2026-12-01"\n')
    out.write("later_changes: []  # none recorded by casus after 2016-12\n")
    out.write("pairs:\n")
    for (a, b), ss in sorted(spells.items()):
        for since, until in sorted(ss, key=lambda s: s[0]):
            end = f'"{until}"' if until else "null"
            out.write(f'  - [{a}, {b}, "{since}", {end}]\n')


if __name__ == "__main__":
    main(*sys.argv[1:])
