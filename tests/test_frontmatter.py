"""YAML front matter: read into the document's fields and metadata, never into its text.

Every article here is written for the test.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from casus.cli import main
from casus.errors import SkipInput
from casus.read import frontmatter
from casus.read.inputs import from_text
from casus.run.ingest import ingest
from casus.store.database import Store

from .conftest import SHARED

DEV = SHARED / "corpus" / "dev"

ARTICLE = """---
url: https://news.example.org/2026/03/ankara-baku
title: "Turkey pledges support to Azerbaijan"
published: 2026-03-04
patron: TUR
client: AZE
attacker: ARM
tags: [caucasus, defence]
---
Turkey pledges support to Azerbaijan

Turkish Defence Minister Yasar Guler met his Azerbaijani counterpart in Baku on Monday.

Turkey signed a defence agreement with Azerbaijan on Feb. 26, officials said.
"""


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _ingest(tmp_path: Path, *files: Path):
    store = Store(tmp_path / "fm.db")
    report = ingest(store, [str(f) for f in files], workers=1)
    return store, report


def test_front_matter_fields_become_the_documents(tmp_path: Path) -> None:
    store, report = _ingest(tmp_path, _write(tmp_path, "a.md", ARTICLE))
    assert not report.skipped
    (doc,) = list(store.iter_documents())
    assert doc["title"] == "Turkey pledges support to Azerbaijan"
    assert doc["url"] == "https://news.example.org/2026/03/ankara-baku"
    assert doc["published"] == "2026-03-04"
    assert doc["meta"] == {"patron": "TUR", "client": "AZE", "attacker": "ARM", "tags": ["caucasus", "defence"]}


def test_no_front_matter_line_reaches_text_sentences_or_offsets(tmp_path: Path) -> None:
    store, _ = _ingest(tmp_path, _write(tmp_path, "a.md", ARTICLE))
    (doc,) = list(store.iter_documents())
    assert not doc["text"].startswith("---") and "patron:" not in doc["text"] and "url:" not in doc["text"]
    sentences = list(store.iter_sentences())
    assert sentences[0]["sentence"] == "Turkey pledges support to Azerbaijan"
    for s in sentences:
        assert "---" not in s["sentence"] and "published:" not in s["sentence"]
        assert doc["text"][s["start"]:s["end"]] == s["sentence"]  # offsets index the stored (header-free) text


@pytest.mark.parametrize("value, expected", [
    ("2026-03-04", "2026-03-04"), ("2025-09", "2025-09"), ("2025", "2025"), ('"2025"', "2025"),
    ("2026-03-04T09:30:00Z", "2026-03-04"), ("March 4, 2026", "2026-03-04"), ("", None),
])
def test_published_kept_at_the_precision_given(value: str, expected: str | None) -> None:
    raw = from_text("a.md", f"---\npublished: {value}\n---\nBody text here.\n")
    assert raw.published == expected


@pytest.mark.parametrize("header", ["published: next week", "published: 2025-13", "published: 2025-02-30"])
def test_a_published_value_that_is_no_date_is_refused(header: str) -> None:
    with pytest.raises(SkipInput, match="is not a date"):
        from_text("a.md", f"---\n{header}\n---\nBody.\n")


def test_malformed_front_matter_is_one_skip_line_and_the_batch_goes_on(tmp_path: Path) -> None:
    bad = _write(tmp_path, "bad.md", "---\ntitle: [unclosed\npatron: RUS\n---\nRussia and Iran held talks.\n")
    good = _write(tmp_path, "good.md", ARTICLE)
    store, report = _ingest(tmp_path, bad, good)
    assert [s.location for s in report.skipped] == [str(bad)]
    reason = report.skipped[0].reason
    assert reason.startswith("front matter is not valid YAML") and "line" in reason and "\n" not in reason
    assert len(list(store.iter_documents())) == 1


def test_front_matter_that_is_not_a_mapping_is_refused() -> None:
    with pytest.raises(SkipInput, match="not a mapping"):
        frontmatter.split("---\n- a\n- b\n---\nBody.\n")


def test_cli_prints_the_yaml_error_with_the_file_name(tmp_path: Path) -> None:
    bad = _write(tmp_path, "broken.md", "---\ntitle: \"no end\n---\nText.\n")
    result = CliRunner().invoke(main, ["ingest", str(bad), "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 2
    assert "broken.md" in result.output and "front matter is not valid YAML" in result.output


def test_files_without_front_matter_behave_as_before(tmp_path: Path) -> None:
    text = "# Ministers meet in Ankara\n\nPublished March 2, 2026\n\nTurkey and Azerbaijan held talks in Ankara.\n"
    raw = from_text("plain.md", text)
    assert raw.text == text and raw.meta == {} and raw.url is None and raw.published == "2026-03-02"
    store, _ = _ingest(tmp_path, _write(tmp_path, "plain.md", text))
    (doc,) = list(store.iter_documents())
    assert doc["title"] == "Ministers meet in Ankara" and doc["meta"] == {}


def test_a_rule_that_never_closes_is_no_front_matter() -> None:
    text = "---\nJust a horizontal rule and then article text.\n"
    header, body = frontmatter.split(text)
    assert header is None and body == text


def test_title_is_never_a_junk_line(tmp_path: Path) -> None:
    text = "Share on Facebook\nShare on X\n\nMinisters meet in Ankara\n\nTurkey and Azerbaijan held talks in Ankara.\n"
    store, _ = _ingest(tmp_path, _write(tmp_path, "junky.txt", text))
    (doc,) = list(store.iter_documents())
    assert doc["title"] == "Ministers meet in Ankara"


def test_title_is_none_rather_than_a_sentence(tmp_path: Path) -> None:
    store, _ = _ingest(tmp_path, _write(tmp_path, "s.txt", "Turkey and Azerbaijan held talks in Ankara on Monday.\n"))
    assert next(store.iter_documents())["title"] is None


def _event_dates(tmp_path: Path, published: str, sentence: str) -> list[str | None]:
    path = _write(tmp_path, "d.md", f"---\npublished: {published}\n---\n{sentence}\n")
    store, _ = _ingest(tmp_path, path)
    return [e["date"] for e in store.iter_events()]


@pytest.mark.parametrize("published, sentence, expected", [
    ("2026-02", "Turkey signed a defence agreement with Azerbaijan on Feb. 26.", "2026-02-26"),
    ("2026-03-04", "Turkey signed a defence agreement with Azerbaijan on Monday.", "2026-03-02"),
    ("2026-03", "Turkey signed a defence agreement with Azerbaijan on Monday.", None),
    ("2026", "Turkey signed a defence agreement with Azerbaijan last year.", "2025"),
])
def test_relative_dates_resolve_as_far_as_published_allows(
    tmp_path: Path, published: str, sentence: str, expected: str | None
) -> None:
    dates = _event_dates(tmp_path, published, sentence)
    assert dates and set(dates) == {expected}


def test_export_documents_gives_url_title_published_and_metadata(tmp_path: Path) -> None:
    db = tmp_path / "fm.db"
    store, _ = _ingest(tmp_path, _write(tmp_path, "a.md", ARTICLE))
    store.close()
    runner = CliRunner()
    out = runner.invoke(main, ["export", "documents", "--format", "jsonl", "--db", str(db)])
    assert out.exit_code == 0, out.output
    rec = json.loads(out.output.splitlines()[0])
    assert rec["url"].startswith("https://news.example.org") and rec["published"] == "2026-03-04"
    assert rec["title"] == "Turkey pledges support to Azerbaijan" and rec["meta"]["patron"] == "TUR"
    out = runner.invoke(main, ["export", "documents", "--format", "csv", "--db", str(db)])
    row = next(csv.DictReader(io.StringIO(out.output)))
    assert row["url"] == rec["url"] and json.loads(row["meta"])["attacker"] == "ARM"


@pytest.fixture(scope="module")
def dev_store(tmp_path_factory: pytest.TempPathFactory):
    if not DEV.is_dir():
        pytest.skip(f"dev corpus not found at {DEV} (../shared beside the repo)")
    store = Store(tmp_path_factory.mktemp("dev") / "dev.db")
    ingest(store, [str(DEV)], workers=1)
    yield store
    store.close()


def test_dev_set_front_matter_is_stored_and_never_text(dev_store: Store) -> None:
    docs = {d["name"]: d for d in dev_store.iter_documents()}
    files = sorted(DEV.glob("*.md"))
    assert len(docs) == len(files)
    for path in files:
        header, _ = frontmatter.split(path.read_text(encoding="utf-8"))
        assert header is not None, path.name
        doc = docs[path.name]
        assert doc["url"] == header.url and doc["published"] == header.published, path.name
        if header.title:
            assert doc["title"] == header.title, path.name
        assert {"patron", "client"} <= set(doc["meta"]), path.name
        header_lines = path.read_text(encoding="utf-8").split("\n---\n", 1)[0].splitlines()[1:]
        for s in dev_store.iter_sentences(doc["id"]):
            assert not any(line.strip() and line.strip() in s["sentence"] for line in header_lines), (path.name, s["sentence"])
