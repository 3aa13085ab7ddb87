"""The HTML report: sections, charts, self-containment, untrusted text, bad input. Asserts on parsed HTML."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import html as lxml_html

from casus.cli import main
from casus.outputs import goldstein
from casus.outputs.report import build_context, render, safe_href, script_json
from casus.records import EVENT_TYPES, RUNGS

ARTICLES = {
    "a.txt": "Russia sends air defence to Iran\nMarch 3, 2025\n\n"
             "Russia delivered S-400 air defence systems to Iran in February 2025, officials said. "
             "Moscow condemned the Israeli strikes on Iran. Russia will not send troops to defend Iran, the Kremlin said.\n",
    "b.txt": "Kremlin and Tehran sign pact\nJanuary 18, 2025\n\n"
             "Russia and Iran signed a comprehensive strategic partnership treaty in Moscow on January 17, 2025. "
             "Russia delivered S-400 air defence systems to Iran in February 2025, officials said.\n",
    "evil.txt": "Evil page\nApril 2, 2025\n\n"
                "Russia delivered drones to Iran <script>window.__xss = 1</script> in March 2025, officials said. "
                "Russia is unlikely to defend Iran <img src=x onerror=\"window.__xss = 2\"> against Israel. "
                "See <a href=\"javascript:window.__xss=3\">the source</a> about Russia and Iran.\n",
}
SAFE_URL = "https://example.org/russia-iran-s400"
EVIL_SCRIPT = "<script>window.__xss = 1</script>"


def make_corpus_db(folder: Path) -> Path:
    """Ingest the small corpus (two real-looking articles, one hostile) and add a safe and a hostile location."""
    from casus.store.database import Store

    folder.mkdir(parents=True, exist_ok=True)
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    db = folder / "corpus.db"
    result = CliRunner().invoke(main, ["ingest", str(folder), "--db", str(db), "-q"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    with Store(db) as store:
        docs = {d["name"]: d["id"] for d in store.iter_documents()}
        store.add_location(docs["a.txt"], SAFE_URL)
        store.add_location(docs["evil.txt"], "javascript:window.__xss=4")
    return db


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_corpus_db(tmp_path_factory.mktemp("corpus"))


@pytest.fixture(scope="module")
def page(corpus_db: Path) -> str:
    from casus.store.database import Store

    with Store(corpus_db, readonly=True) as store:
        ctx = build_context(store, "RUS", "IRN", attacker="ISR", as_of="2026-03-01", db_label=str(corpus_db))
    return render(ctx)


@pytest.fixture(scope="module")
def doc(page: str):
    return lxml_html.fromstring(page)


@pytest.fixture(scope="module")
def empty_doc(tmp_path_factory: pytest.TempPathFactory):
    from casus.store.database import Store

    db = tmp_path_factory.mktemp("empty") / "empty.db"
    Store(db).close()
    with Store(db, readonly=True) as store:
        ctx = build_context(store, "RUS", "IRN", attacker="ISR", as_of="2026-03-01", db_label=str(db))
    return lxml_html.fromstring(render(ctx, inline_js=False))


# ---------------------------------------------------------------- helpers


@pytest.mark.parametrize("url, expected", [
    ("https://example.org/a?b=1", "https://example.org/a?b=1"),
    ("http://example.org/", "http://example.org/"),
    ("javascript:alert(1)", None),
    ("JavaScript:alert(1)", None),
    ("  javascript:alert(1)", None),
    ("data:text/html,<script>alert(1)</script>", None),
    ("file:///etc/passwd", None),
    ("//evil.example/x", None),
    ("/work/shared/corpus/seeds/a.txt", None),
    ('https://example.org/" onmouseover="alert(1)', None),
    ("https://", None),
    (None, None),
])
def test_safe_href(url: str | None, expected: str | None) -> None:
    assert safe_href(url) == expected


@pytest.mark.parametrize("value", ["</script><script>alert(1)</script>", "a & b", "\u2028", "<!--"])
def test_script_json_cannot_close_the_script(value: str) -> None:
    text = script_json({"v": value})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == {"v": value}


@pytest.mark.parametrize("rec, expected", [
    ({"event": "AID", "mode": "military", "modality": "asserted", "negated": False}, 8.3),
    ({"event": "AID", "mode": "military", "modality": "reported", "negated": False}, 8.3),
    ({"event": "AID", "mode": "military", "modality": "hedged", "negated": False}, None),
    ({"event": "AID", "mode": "military", "modality": "future", "negated": False}, None),
    ({"event": "AID", "mode": "military", "modality": "asserted", "negated": True}, -4.0),
    ({"event": "ACCUSE", "mode": "disapprove", "modality": "asserted", "negated": True}, None),
    ({"event": "AGREE", "mode": "treaty", "modality": "asserted", "negated": False}, 8.0),
    ({"event": "AGREE", "mode": None, "modality": "asserted", "negated": False}, 4.0),
    ({"event": "ASSAULT", "mode": "aerial", "modality": "asserted", "negated": False}, -10.0),
    ({"event": "ASSAULT", "mode": "made-up", "modality": "asserted", "negated": False}, -9.0),
    ({"event": "NOT_A_TYPE", "mode": None, "modality": "asserted", "negated": False}, None),
])
def test_goldstein_score(rec: dict, expected: float | None) -> None:
    assert goldstein.score(rec) == expected


@pytest.mark.parametrize("event", EVENT_TYPES)
def test_score_table_covers_every_plover_type(event: str) -> None:
    value = goldstein.base_score(event)
    assert value is not None and -10 <= value <= 10
    assert goldstein.quad(event) in (1, 2, 3, 4)


def test_score_table_states_its_sources() -> None:
    scale = goldstein.table()["scale"]
    assert (scale["min"], scale["max"]) == (-10, 10)
    assert all(s.startswith(("http://", "https://")) for s in scale["sources"])
    assert all(-10 <= r["score"] <= 10 and r["cameo"] for r in goldstein.score_rows())


def test_monthly_sums_cooperation_and_conflict_apart() -> None:
    events = [
        {"source": "RUS", "target": "IRN", "event": "AID", "mode": "military", "date": "2025-02-10", "modality": "asserted"},
        {"source": "RUS", "target": "IRN", "event": "ACCUSE", "mode": None, "date": "2025-02", "modality": "reported"},
        {"source": "RUS", "target": "IRN", "event": "AID", "mode": None, "date": "2025", "modality": "asserted"},
        {"source": "RUS", "target": "UKR", "event": "ASSAULT", "mode": None, "date": "2025-02", "modality": "asserted"},
    ]
    rows = goldstein.monthly(events, {("RUS", "IRN"): "R->I"})
    assert rows == [{"month": "2025-02", "direction": "R->I", "cooperation": 8.3, "conflict": -2.0, "net": 6.3,
                     "events": 2, "types": "ACCUSE, AID"}]


# ---------------------------------------------------------------- the page


@pytest.mark.parametrize("section", ["verdict", "ladder", "factors", "timeline", "evidence", "corroboration", "method"])
def test_report_has_every_section(doc, section: str) -> None:
    assert doc.cssselect(f"section#{section} h2"), section


def test_report_names_the_scenario(doc) -> None:
    assert "Will Russia defend Iran against Israel?" in doc.cssselect("h1")[0].text_content()
    verdict = doc.cssselect("p.verdict")[0].text_content()
    assert "Russia" in verdict and "P(direct)" in verdict


def test_ladder_table_lists_every_rung_top_first(doc) -> None:
    rungs = [tr.get("data-rung") for tr in doc.cssselect("table.ladder tbody tr")]
    assert rungs == list(reversed(RUNGS))


@pytest.mark.parametrize("chart", ["ladder", "factors", "timeline"])
def test_every_chart_ships_a_vega_lite_spec(doc, chart: str) -> None:
    fig = doc.cssselect(f'figure.chart[data-chart="{chart}"]')
    assert fig and fig[0].cssselect(f"#vis-{chart}")
    spec = json.loads(doc.cssselect(f"script#spec-{chart}")[0].text)
    assert "vega-lite" in spec["$schema"]
    assert spec.get("data") or spec.get("datasets") or any("data" in layer for layer in spec.get("layer", []))


def test_timeline_states_the_scale_and_places_the_dated_events(doc) -> None:
    assert "-10 (most conflictual) to +10 (most cooperative)" in doc.cssselect("#scale-statement")[0].text_content()
    months = {(tr[0].text_content(), tr[1].text_content()) for tr in doc.cssselect("table.months tbody tr")}
    assert ("2025-02", "Russia → Iran") in months  # the S-400 delivery, told in two documents, counted once
    assert ("2025-01", "Russia → Iran") in months  # the treaty signing


def test_page_is_self_contained(doc, page: str) -> None:
    assert not doc.cssselect("script[src], link[rel=stylesheet], iframe, object, embed")
    assert not [el for el in doc.iter() if el.get("src")]
    assert "@import" not in page
    csp = doc.cssselect('meta[http-equiv="Content-Security-Policy"]')[0].get("content")
    assert "default-src 'none'" in csp
    nonce = re.search(r"'nonce-([^']+)'", csp).group(1)
    runnable = [s for s in doc.cssselect("script") if s.get("type") != "application/json"]
    assert len(runnable) == 2 and all(s.get("nonce") == nonce for s in runnable)
    assert "vegaEmbed" in runnable[0].text and "vegaEmbed" in runnable[1].text


def test_untrusted_text_shows_as_text(doc, page: str) -> None:
    assert EVIL_SCRIPT not in page  # only ever escaped
    cells = [td.text_content() for td in doc.cssselect("td.quote")]
    assert any(EVIL_SCRIPT in c for c in cells), "the hostile sentence is shown, as text"
    assert not doc.cssselect("img")
    assert not [(el.tag, a) for el in doc.iter() if isinstance(el.tag, str) for a in el.attrib if a.lower().startswith("on")]


def test_only_http_links_become_hrefs(doc) -> None:
    hrefs = [a.get("href") for a in doc.cssselect("a[href]")]
    assert hrefs and all(h.startswith(("http://", "https://", "#")) for h in hrefs)
    assert SAFE_URL in hrefs  # an ingested document's http(s) location is linked
    assert not any("javascript" in h.lower() for h in hrefs)


def test_evidence_links_to_shipped_sources(doc) -> None:
    rows = doc.cssselect('table.evidence tr[data-kind="knowledge"]')
    assert rows and any(r.cssselect("a[href^='http']") for r in rows)
    assert doc.cssselect('table.evidence tr[data-kind="store"]')


def test_corroboration_separates_copies_from_single_sources(doc) -> None:
    copied = [tr for tr in doc.cssselect("table.clusters tr.copied") if "S-400" in tr[0].text_content()]
    assert copied and "1 independent source, 1 copy" in copied[0].text_content()
    assert len(copied[0].cssselect("ul.carriers li")) == 2
    assert doc.cssselect("table.clusters tr.single")


def test_empty_database_says_so_and_shows_shipped_knowledge(empty_doc) -> None:
    notice = empty_doc.cssselect("#empty-notice")[0].text_content()
    assert "holds nothing about Russia and Iran" in notice and "casus ingest" in notice
    assert empty_doc.cssselect('table.evidence tr[data-kind="knowledge"]')
    assert empty_doc.cssselect("#corroboration-empty")
    assert empty_doc.cssselect("table.months tbody tr"), "the shipped ledger still fills the timeline"


# ---------------------------------------------------------------- the command


def test_cli_report_writes_the_file_and_accepts_names(corpus_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    result = CliRunner().invoke(main, ["report", "Russia", "Iran", "--attacker", "Israel", "--as-of", "2026-03-01",
                                       "--db", str(corpus_db), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.output.strip().endswith(f"report -> {out}")
    assert lxml_html.fromstring(out.read_text(encoding="utf-8")).cssselect("p.verdict")


def test_cli_report_without_a_database_uses_shipped_knowledge(tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    result = CliRunner().invoke(main, ["report", "RUS", "IRN", "--db", str(tmp_path / "none.db"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "no database at" in result.output and out.exists()
    assert lxml_html.fromstring(out.read_text(encoding="utf-8")).cssselect("#empty-notice")


@pytest.mark.parametrize("target, words", [
    ("missing/dir/r.html", "does not exist"),
    (".", "it is a folder"),
    ("afile.txt/r.html", "is a file, not a folder"),
])
def test_cli_report_bad_output_is_one_line(tmp_path: Path, target: str, words: str) -> None:
    (tmp_path / "afile.txt").write_text("x")
    result = CliRunner().invoke(main, ["report", "RUS", "IRN", "--db", str(tmp_path / "none.db"),
                                       "-o", str(tmp_path / target)])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: cannot write the report") and words in lines[0]
    assert "-o" in lines[0]


@pytest.mark.parametrize("args, words", [
    (["Narnia", "Iran"], "unknown actor 'Narnia'"),
    (["RUS", "IRN", "--as-of", "June 2025"], "June 2025"),
])
def test_cli_report_bad_scenario_is_one_line(tmp_path: Path, args: list[str], words: str) -> None:
    result = CliRunner().invoke(main, ["report", *args, "--db", str(tmp_path / "none.db"), "-o", str(tmp_path / "r.html")])
    assert result.exit_code != 0
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and words in lines[0]
