"""The house: a folder per stage, no import loops, no import up a floor, nothing imports the CLI."""

from __future__ import annotations

import runpy

from .conftest import ROOT

FLOORS = runpy.run_path(str(ROOT / "scripts" / "import_floors.py"))


def test_no_loops_no_import_up_a_floor() -> None:
    g = FLOORS["graph"]()
    assert len(g) > 40
    assert FLOORS["upward"](g) == []
    assert FLOORS["loops"](g) == []


def test_the_checker_sees_a_loop_and_an_upward_import() -> None:
    g = {"casus.text.clean": {"casus.assess.model"}, "casus.assess.model": {"casus.text.clean"}}
    assert FLOORS["upward"](g) == [("casus.text.clean", "casus.assess.model")]
    assert FLOORS["loops"](g)
    assert FLOORS["upward"]({"casus.outputs.serve": {"casus.cli"}}) == [("casus.outputs.serve", "casus.cli")]


def test_every_stage_has_its_folder() -> None:
    for stage in ("read", "text", "events", "claims", "store", "corroborate", "assess", "outputs", "run", "evaluate"):
        assert (ROOT / "src" / "casus" / stage / "__init__.py").exists(), stage
    flat = sorted(p.stem for p in (ROOT / "src" / "casus").glob("*.py"))
    assert flat == ["__init__", "__main__", "cli", "datafiles", "errors", "months", "native", "records", "validate"]
