"""The stage order is written once, in casus.run.pipeline: no other module calls two stages one after the other.

Ingest, the worker processes, the Dask tasks and the pipeline scorers all go
through `process_one` / `process` (and `prepare` + `segment`); a scorer or
benchmark of one stage calls that stage alone.
"""

from __future__ import annotations

import ast

from .conftest import ROOT

STAGES = {"clean_text", "split_sentences", "code_sentences", "code_claims"}
PACKAGE = ROOT / "src" / "casus"


def stage_calls() -> dict[str, set[str]]:
    """For each module, the stage functions it calls."""
    out: dict[str, set[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        called = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                f = node.func
                name = f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else None
                if name in STAGES:
                    called.add(name)
        if called:
            out[str(path.relative_to(PACKAGE))] = called
    return out


def test_only_the_pipeline_calls_more_than_one_stage() -> None:
    calls = stage_calls()
    assert calls.get("run/pipeline.py") == STAGES
    several = {m: c for m, c in calls.items() if len(c) > 1 and m != "run/pipeline.py"}
    assert several == {}


def test_the_engines_run_the_pipeline() -> None:
    for engine in ("run/ingest.py", "run/parallel.py", "run/distributed.py"):
        source = (PACKAGE / engine).read_text(encoding="utf-8")
        assert "process_one(" in source, engine
        assert engine not in stage_calls(), engine
