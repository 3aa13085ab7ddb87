"""Parquet, PLOVER/POLECAT-style JSON and GraphML exports, through the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from casus.cli import main
from casus.outputs.export import plover_event, polecat_record

from .test_report import make_corpus_db


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_corpus_db(tmp_path_factory.mktemp("exports"))


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def jsonl(db: Path, kind: str) -> list[dict]:
    result = run("export", kind, "--db", str(db))
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.output.splitlines()]


@pytest.mark.parametrize("kind", ["events", "claims", "documents", "sentences"])
def test_parquet_holds_the_same_records_as_jsonl(db: Path, tmp_path: Path, kind: str) -> None:
    import pyarrow.parquet as pq

    out = tmp_path / f"{kind}.parquet"
    result = run("export", kind, "--format", "parquet", "-o", str(out), "--db", str(db))
    assert result.exit_code == 0, result.output
    table = pq.read_table(out)
    rows = table.to_pylist()
    if kind == "documents":  # front-matter metadata is one JSON text column in Parquet
        rows = [{**r, "meta": json.loads(r["meta"]) if r["meta"] else {}} for r in rows]
    assert rows == jsonl(db, kind)


def test_parquet_types(db: Path, tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    out = tmp_path / "e.parquet"
    run("export", "events", "--format", "parquet", "-o", str(out), "--db", str(db))
    schema = pq.read_schema(out)
    assert schema.field("negated").type == pa.bool_() and schema.field("id").type == pa.int64()


@pytest.mark.parametrize("args, words", [
    (["export", "events", "--format", "parquet"], "give one with -o"),
    (["export", "claims", "--format", "graphml"], "exports events only"),
    (["export", "documents", "--format", "polecat"], "exports events only"),
    (["export", "events", "--format", "parquet", "-o", "/nonexistent/dir/e.parquet"], "cannot write"),
])
def test_extra_formats_bad_input_is_one_line(db: Path, args: list[str], words: str) -> None:
    result = run(*args, "--db", str(db))
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and words in lines[0]


@pytest.mark.parametrize("rec, expected", [
    ({"event": "AID", "mode": "military", "negated": True, "modality": "asserted"}, ("REJECT", ["assist"], ["military"])),
    ({"event": "AID", "mode": "intervention", "negated": False, "modality": "asserted"}, ("AID", [], ["military"])),
    ({"event": "AID", "mode": "economic", "negated": False, "modality": "asserted"}, ("AID", [], ["economic"])),
    ({"event": "AGREE", "mode": "treaty", "negated": False, "modality": "asserted"}, ("SUPPORT", [], ["diplomatic"])),
    ({"event": "AGREE", "mode": "treaty", "negated": False, "modality": "future"}, ("AGREE", ["treaty"], [])),
    ({"event": "ASSAULT", "mode": "aerial", "negated": False, "modality": "asserted"}, ("ASSAULT", ["aerial"], [])),
    ({"event": "CONSULT", "mode": None, "negated": False, "modality": "asserted"}, ("CONSULT", [], [])),
])
def test_plover_mapping_follows_the_evidence_schema(rec: dict, expected: tuple) -> None:
    assert plover_event(rec) == expected


def test_polecat_records(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "e.polecat.jsonl"
    result = run("export", "events", "--format", "polecat", "-o", str(out), "--db", str(db))
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == len(jsonl(db, "events"))
    for row in rows:
        assert {"id", "date", "source", "recipient", "event", "mode", "context", "quad_code", "event_scale", "text"} <= set(row)
        assert isinstance(row["event"], list) and row["source"][0]["code"]
        assert row["quad_code"] in (1, 2, 3, 4)
    assert len({r["id"] for r in rows}) == len(rows)
    linked = [r for r in rows if r["cite_info"]["url"]]
    assert all(r["cite_info"]["url"].startswith(("http://", "https://")) for r in linked)


def test_polecat_record_keeps_casus_fields() -> None:
    rec = {"id": 7, "doc_id": "abc", "doc": "https://example.org/x", "source": "RUS", "target": "IRN", "event": "AID",
           "mode": "military", "negated": True, "modality": "reported", "sentence": "s", "date": "2025-06"}
    out = polecat_record(rec)
    assert out["event"] == ["REJECT"] and out["casus_event"] == "AID" and out["negated"] is True
    assert out["cite_info"]["url"] == "https://example.org/x" and out["event_scale"] == -4.0


def test_graphml_is_the_weighted_actor_network(db: Path, tmp_path: Path) -> None:
    import networkx as nx

    from casus.outputs import goldstein

    out = tmp_path / "net.graphml"
    result = run("export", "events", "--format", "graphml", "-o", str(out), "--db", str(db))
    assert result.exit_code == 0, result.output
    g = nx.read_graphml(out)
    assert g.is_directed() and g.nodes["RUS"]["label"] == "Russia"
    counted = [e for e in jsonl(db, "events") if e["source"] == "RUS" and e["target"] == "IRN" and goldstein.score(e) is not None]
    edge = g["RUS"]["IRN"]
    assert edge["weight"] == len(counted) > 0
    assert edge["cooperation"] > 0 and "AID" in edge["types"]


def test_graphml_to_stdout(db: Path) -> None:
    result = run("export", "events", "--format", "graphml", "--db", str(db))
    assert result.exit_code == 0 and result.output.lstrip().startswith("<?xml")
