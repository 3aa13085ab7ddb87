"""`casus eval` gives exactly the figures of the scorer casus is judged with (../shared/tools/score.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from casus.cli import main
from casus.evaluate import judged

from .conftest import SHARED

SCORER = SHARED / "tools" / "score.py"


def test_same_sentence_rules() -> None:
    assert judged.same_sentence("Turkey  met Iran.", "turkey met iran.")
    assert judged.same_sentence("Turkey met Iran in Ankara today.", "Turkey met Iran in Ankara today. More")
    assert not judged.same_sentence("Turkey met Iran.", "Turkey met Iran in Ankara on a long and busy Monday.")
    assert not judged.same_sentence("", "")


def test_one_to_one_matching_and_attributes() -> None:
    def rec(**kw: object) -> dict:
        return {"doc": "d.md", "sentence": "Turkey sent drones to Azerbaijan.", "source": "TUR", "event": "AID",
                "target": "AZE", "negated": False, "mode": "military", "modality": "asserted", "date": None, **kw}
    gold = [rec(), rec()]
    pred = [rec(doc="/some/folder/d.md", mode="intervention")]
    r = judged.score_events(gold, pred)
    assert (r["hit"], r["gold"], r["pred"]) == (1, 2, 1) and r["attributes"]["mode"] == 0.0
    assert judged.score_events(gold, [rec(negated=True)])["hit"] == 0


def _scorer(kind: str, gold: Path, export: Path, docs: str | None = None) -> list[str]:
    cmd = [sys.executable, str(SCORER), kind, str(gold), str(export)] + (["--docs", docs] if docs else [])
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    return [line for line in out.splitlines() if line.strip()]


@pytest.fixture(scope="module")
def stores(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    if not SCORER.exists():
        pytest.skip(f"the scorer is not at {SCORER} (../shared beside the repo)")
    out = {}
    runner = CliRunner()
    for name in ("seeds", "dev"):
        corpus = SHARED / "corpus" / name
        if not corpus.is_dir():
            pytest.skip(f"{corpus} not found")
        db = tmp_path_factory.mktemp(name) / f"{name}.db"
        result = runner.invoke(main, ["ingest", str(corpus), "--db", str(db), "--workers", "1"])
        assert result.exit_code == 0, result.output
        out[name] = db
    return out


@pytest.mark.parametrize("corpus, docs", [("seeds", None), ("dev", None), ("dev", "^dev-[A-C]"), ("dev", "^dev-[D-G]")])
@pytest.mark.parametrize("kind", ["events", "claims"])
def test_eval_prints_the_scorers_figures(stores: dict[str, Path], tmp_path: Path, kind: str, corpus: str,
                                         docs: str | None) -> None:
    runner = CliRunner()
    db = stores[corpus]
    export = tmp_path / f"{kind}.jsonl"
    result = runner.invoke(main, ["export", kind, "--format", "jsonl", "--db", str(db), "-o", str(export)])
    assert result.exit_code == 0, result.output
    gold = SHARED / "gold" / f"{corpus}.{kind}.jsonl"
    expected = _scorer(kind, gold, export, docs)
    args = ["eval", kind, str(gold), "--db", str(db), "--no-extras"] + (["--docs", docs] if docs else [])
    got = runner.invoke(main, args)
    assert got.exit_code == 0, got.output
    assert got.output.splitlines() == expected
    with_extras = runner.invoke(main, [a for a in args if a != "--no-extras"])
    assert with_extras.exit_code == 0 and with_extras.output.startswith(got.output)


def test_eval_extras_list_documents_and_error_kinds(stores: dict[str, Path]) -> None:
    result = CliRunner().invoke(main, ["eval", "events", str(SHARED / "gold" / "seeds.events.jsonl"),
                                       "--db", str(stores["seeds"])])
    assert result.exit_code == 0
    assert "per document (worst first)" in result.output and "error kinds" in result.output
