"""The systematic reference class: scripts/build_episodes.py rules on a tiny synthetic data set,
and the shipped tables reproduced from ../shared when it is present."""

from __future__ import annotations

import csv
import importlib.util
from pathlib import Path

import pytest

from tests.conftest import ROOT, SHARED

CONFLICT = SHARED / "data" / "conflict"


def _script():
    spec = importlib.util.spec_from_file_location("build_episodes", ROOT / "scripts" / "build_episodes.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _write(path: Path, header: str, rows: list[str]) -> None:
    path.write_text(header + "\n" + "".join(r + "\n" for r in rows), encoding="utf-8")


PART_HEAD = ("dispnum,ccode,styear,stmon,stday,endyear,endmon,endday,obsid_start,obsid_end,dummy_stday,dummy_endday,"
             "sidea,hiact,orig,anymiss_leader_start,anymiss_leader_end,allmiss_leader_start,allmiss_leader_end")


def _part(disp: int, cc: int, year: int, sidea: int, hiact: int, orig: int) -> str:
    return f"{disp},{cc},{year},1,1,{year},2,1,X,X,0,0,{sidea},{hiact},{orig},0,0,0,0"


@pytest.fixture
def tiny(tmp_path: Path) -> Path:
    """Three disputes in 1990 and 1993 among five made-up states (COW codes of real ones, for ISO mapping)."""
    d = tmp_path / "conflict"
    d.mkdir()
    _write(d / "cow_states.csv", "stateabb,ccode,statenme,styear,stmonth,stday,endyear,endmonth,endday,version", [
        "USA,2,United States of America,1816,1,1,2016,12,31,2016", "FRN,220,France,1816,1,1,2016,12,31,2016",
        "IRQ,645,Iraq,1932,1,1,2016,12,31,2016", "KUW,690,Kuwait,1961,1,1,2016,12,31,2016",
        "SAU,670,Saudi Arabia,1932,1,1,2016,12,31,2016"])
    _write(d / "atop_dyad_year.csv", "ccode1,ccode2,year,atop_defense,atop_offense,atop_neutral,atop_nonagg,atop_consul", [
        "670,690,1990,1,0,0,0,0",      # Saudi defence pledge to Kuwait
        "220,690,1990,0,0,0,0,1",      # French consultation pledge to Kuwait
        "2,645,1990,0,0,0,1,0",        # US-Iraq non-aggression (ties with the attacker)
        "670,690,1993,1,0,0,0,0"])
    _write(d / "cow_interstate_war_dyad_year.csv", "warnum,ccode1,ccode2,year,cowinterongoing,cowinteronset,sidea1,sidea2,"
           "initiator1,initiator2,outcome1,outcome2,batdeath1,batdeath2,resume", [])
    _write(d / "cow_nmc.csv", "ccode,year,milex,milper,irst,pec,tpop,upop,cinc", [
        "2,1990,1,1,1,1,1,1,0.15", "645,1990,1,1,1,1,1,1,0.01", "670,1990,1,1,1,1,1,1,0.01", "690,1990,1,1,1,1,1,1,0.001",
        "220,1990,1,1,1,1,1,1,0.02"])
    _write(d / "cow_contiguity.csv", "ccode1,ccode2,conttype,stdate,enddate", [
        "670,690,1,1961-06-19,2016-12-31", "645,690,1,1961-06-19,2016-12-31"])
    _write(d / "cow_major_powers.csv", "ccode,styear,stmonth,stday,endyear,endmonth,endday,version", [
        "2,1898,8,13,2016,12,31,2016", "220,1945,8,15,2016,12,31,2016"])
    _write(d / "gml_mid_disputes.csv", "dispnum,styear,stmon,outcome,settle,fatality,mindur,maxdur,hiact,hostlev,recip",
           ["1,1990,8,1,1,1,1,1,20,5,1", "2,1990,9,1,1,0,1,1,7,3,0", "3,1993,1,1,1,0,1,1,17,4,1"])
    _write(d / "gml_mid_participants.csv", PART_HEAD, [
        _part(1, 645, 1990, 1, 20, 1),   # Iraq attacks (begins a war)
        _part(1, 690, 1990, 0, 16, 1),   # Kuwait, the target
        _part(1, 670, 1990, 0, 17, 0),   # Saudi Arabia joins with force -> direct
        _part(1, 220, 1990, 0, 1, 0),    # France joins with threats only -> statement
        _part(2, 645, 1990, 1, 7, 1),    # a show of force only: no episode
        _part(2, 690, 1990, 0, 0, 1),
        _part(3, 645, 1993, 1, 17, 1),   # a clash three years later: Saudi Arabia stays out
        _part(3, 690, 1993, 0, 17, 1)])
    return d


def test_rules_on_a_tiny_data_set(tiny: Path) -> None:
    mod = _script()
    d = mod.Data(tiny)
    rows = mod.episodes(d, {"USA": 1945})
    got = {(r["dispnum"], r["patron"]): r for r in rows}
    # dispute 2 is a show of force: not an attack, no episode
    assert {k[0] for k in got} == {1, 3}
    sau, fra = got[(1, "SAU")], got[(1, "FRA")]
    assert sau["level"] == 6 and sau["defense_pact"] == 1 and sau["shares_border"] == 1
    assert fra["level"] == 1 and fra["pledge_consult"] == 1 and fra["defense_pact"] == 0 and fra["patron_major"] == 1
    assert sau["capability_share"] == 0.5 and sau["war"] == 1 and sau["client"] == "KWT" and sau["attacker"] == "IRQ"
    # the US: a major power without a pledge to Kuwait and no close ties to it -> no candidate
    assert (1, "USA") not in got
    later = got[(3, "SAU")]
    assert later["level"] == 0 and later["war"] == 0
    # Saudi Arabia and Kuwait within five years: one twin group across both disputes
    assert later["group"] == sau["group"] == fra["group"]


def test_close_ties_from_past_co_belligerence(tiny: Path) -> None:
    mod = _script()
    d = mod.Data(tiny)
    # Saudi Arabia fought on Kuwait's side in 1990: close ties in 1993, but not in 1990 itself or after ten years
    assert d.close_ties(670, 690, 1993) == 1
    assert d.close_ties(670, 690, 1990) == 0
    assert d.close_ties(670, 690, 2001) == 0


def test_missing_data_dir_is_one_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    mod = _script()
    assert mod.main(["--data", str(tmp_path / "nowhere"), "--out", str(tmp_path / "out")]) == 2
    assert "no conflict data" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_shipped_tables_are_reproduced_from_shared() -> None:
    if not (CONFLICT / "gml_mid_participants.csv").exists():
        pytest.skip(f"conflict data not found at {CONFLICT} (../shared beside the repo)")
    tables = _script().build(CONFLICT)
    for name, text in tables.items():
        shipped = (ROOT / "src" / "casus" / "data" / name).read_text(encoding="utf-8")
        assert text == shipped, f"{name} differs from what scripts/build_episodes.py builds: rerun it"


def test_shipped_episodes_cite_their_sources() -> None:
    text = (ROOT / "src" / "casus" / "data" / "episodes.csv").read_text(encoding="utf-8")
    head = [l for l in text.splitlines() if l.startswith("#")]
    joined = "\n".join(head)
    for needle in ("ATOP v5", "MID v2.2.1", "Inter-State War v4", "Capabilities v6", "Contiguity v3.2", "accessed 20"):
        assert needle in joined
    rows = list(csv.DictReader(l for l in text.splitlines() if not l.startswith("#")))
    assert len(rows) > 5000
    assert {r["level"] for r in rows} <= {"0", "1", "6"}


def _dyads_script():
    import sys

    sys.path.insert(0, str(ROOT / "scripts"))
    spec = importlib.util.spec_from_file_location("build_dyads", ROOT / "scripts" / "build_dyads.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_dyad_table_on_a_tiny_data_set(tiny: Path) -> None:
    text = _dyads_script().build(tiny)
    rows = list(csv.DictReader(l for l in text.splitlines() if not l.startswith("#")))
    got = {(r["a"], r["b"], r["kind"], r["start"], r["end"]) for r in rows}
    # pledge spells, either direction; the 1990 spells reach ATOP's last year in this tiny set only for 1993
    assert ("KWT", "SAU", "pledge", "1990", "1990") in got and ("KWT", "SAU", "pledge", "1993", "") in got
    assert ("FRA", "KWT", "pledge", "1990", "1990") in got and ("IRQ", "USA", "pledge", "1990", "1990") in got
    # core spells leave out non-aggression-only pledges (US-Iraq here) and keep consultation (France-Kuwait)
    assert ("FRA", "KWT", "core", "1990", "1990") in got and not any(g[:3] == ("IRQ", "USA", "core") for g in got)
    # rivals: use of force (hostlev >= 4) on opposite sides; the show of force (dispute 2) is not one
    rivals = {g for g in got if g[2] == "rival"}
    assert rivals == {("IRQ", "KWT", "rival", "1990", "1"), ("FRA", "IRQ", "rival", "1990", "1"),
                      ("IRQ", "SAU", "rival", "1990", "1"), ("IRQ", "KWT", "rival", "1993", "3")}


def test_shipped_dyads_are_reproduced_from_shared() -> None:
    if not (CONFLICT / "gml_mid_participants.csv").exists():
        pytest.skip(f"conflict data not found at {CONFLICT} (../shared beside the repo)")
    shipped = (ROOT / "src" / "casus" / "data" / "dyads.csv").read_text(encoding="utf-8")
    assert _dyads_script().build(CONFLICT) == shipped, "dyads.csv differs from what scripts/build_dyads.py builds"
    assert "ATOP v5" in shipped and "MID v2.2.1" in shipped
