"""`casus bench code`: the coder's rate, its peak memory and the spaCy baseline, from one run."""

from __future__ import annotations

import importlib.util

import pytest
from click.testing import CliRunner

from casus.cli import main
from casus.run.bench import synthetic_sentences
from casus.run.bench_code import run


def test_run_reports_rate_memory_build_and_baseline() -> None:
    res = run(synthetic_sentences(400, seed=2), min_seconds=0.05)
    assert res["sentences"] == 400 and 0 < res["sentences_with_events"] <= 400
    assert res["casus_sentences_per_s"] > 0 and res["casus_peak_kib"] > 0
    assert res["coder_build"] in ("mypyc", "pure Python")
    if importlib.util.find_spec("spacy") is None:
        assert "skipped" in res["spacy"]
    else:
        assert res["spacy"]["sentences_per_s"] > 0 and res["spacy"]["patterns"] > 1000
        assert res["ratio_vs_spacy"] == pytest.approx(res["casus_sentences_per_s"] / res["spacy"]["sentences_per_s"], abs=1e-3)
        assert res["casus_sentences_per_s_median"] <= res["casus_sentences_per_s"]


def test_cli_prints_the_numbers() -> None:
    out = CliRunner().invoke(main, ["bench", "code", "--sentences", "300", "--format", "json"])
    assert out.exit_code == 0, out.output
    assert '"casus_sentences_per_s"' in out.output and '"coder_build"' in out.output


def test_corpus_documents_read_as_ingest_reads_and_repeat_to_the_count(tmp_path) -> None:
    from casus.run.bench_code import corpus_documents

    (tmp_path / "a.md").write_text("---\npublished: 2026-03\npatron: TUR\n---\nTurkey and Azerbaijan held talks."
                                   " Turkey sent drones to Azerbaijan.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Japan and the Philippines signed a defence pact.\n", encoding="utf-8")
    docs, info = corpus_documents(tmp_path, 7)
    assert info["documents"] == 2 and info["distinct_sentences"] == 3 and info["skipped"] == 0
    sentences = [s for doc, _ in docs for s in doc]
    assert len(sentences) >= 7 and not any("patron" in s or "---" in s for s in sentences)
    assert ("2026-03" in {published for _, published in docs})


def test_cli_times_a_corpus_beside_the_synthetic_one(tmp_path) -> None:
    (tmp_path / "a.md").write_text("Turkey sent drones to Azerbaijan on Monday.\n", encoding="utf-8")
    out = CliRunner().invoke(main, ["bench", "code", "--sentences", "40", "--corpus", str(tmp_path), "--format", "json"])
    assert out.exit_code == 0, out.output
    import json

    res = json.loads(out.output)
    assert set(res) == {"synthetic", "corpus"} and res["corpus"]["documents"] == 1
    assert res["corpus"]["sentences"] >= 40 and res["corpus"]["coder_build"] in ("mypyc", "pure Python")
