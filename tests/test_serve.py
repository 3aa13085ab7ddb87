"""`casus serve`: Datasette pages, casus's /assess and /report, escaping, port and database errors (no browser)."""

from __future__ import annotations

import asyncio
import socket
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import html as lxml_html

from casus.cli import main
from casus.errors import CasusError
from casus.outputs.serve import check_port, make_datasette

from .test_report import EVIL_SCRIPT, make_corpus_db


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_corpus_db(tmp_path_factory.mktemp("serve"))


@pytest.fixture(scope="module")
def get(db: Path):
    ds = make_datasette(db)
    loop = asyncio.new_event_loop()

    def fetch(path: str):
        return loop.run_until_complete(ds.client.get(path))

    yield fetch
    loop.close()


def test_front_page_links_the_casus_pages(get) -> None:
    doc = lxml_html.fromstring(get("/").text)
    hrefs = {a.get("href") for a in doc.cssselect("a[href]")}
    assert {"/assess", "/corpus/events_with_text", "/corpus/claims_with_text"} <= hrefs


@pytest.mark.parametrize("query, check", [
    ("", lambda r: len(r) > 5),
    ("?type=AID", lambda r: r and all(x["event"] == "AID" for x in r)),
    ("?actor=ISR", lambda r: r and all("ISR" in (x["source"], x["target"]) for x in r)),
    ("?actor=irn&type=aid&modality=reported", lambda r: r and all(x["modality"] == "reported" for x in r)),
    ("?since=2025-02&until=2025-02", lambda r: r and all(x["date"].startswith("2025-02") for x in r)),
    ("?type=SANCTION", lambda r: r == []),
])
def test_events_filters(get, query: str, check) -> None:
    sep = "&" if query else "?"
    rows = get(f"/corpus/events_with_text.json{query}{sep}_shape=array").json()
    assert check(rows), rows[:3]


def test_claims_filters(get) -> None:
    rows = get("/corpus/claims_with_text.json?patron=RUS&client=IRN&stance=against&_shape=array").json()
    assert rows and all(r["stance"] == "against" for r in rows)


def test_events_table_has_facets_and_csv(get) -> None:
    data = get("/corpus/events.json?_facet=event&_facet=modality").json()
    assert {"event", "modality"} <= set(data["facet_results"])
    csv_text = get("/corpus/events_with_text.csv?type=AID").text
    assert csv_text.splitlines()[0].startswith("id,date,source,event")


@pytest.mark.parametrize("path", ["/corpus/documents", "/corpus/events_with_text", "/corpus/claims_with_text"])
def test_datasette_pages_escape_article_text(get, path: str) -> None:
    page = get(path).text
    assert EVIL_SCRIPT not in page and "onerror=\"window" not in page
    assert "&lt;script&gt;window.__xss" in page


def test_assess_page(get) -> None:
    resp = get("/assess?patron=Russia&client=Iran&attacker=Israel&as_of=2026-03-01")
    assert resp.status_code == 200
    doc = lxml_html.fromstring(resp.text)
    assert "Russia" in doc.cssselect("#casus-verdict")[0].text_content()
    link = doc.cssselect("#casus-report-link")[0].get("href")
    assert link.startswith("/report?") and "patron=RUS" in link and "attacker=ISR" in link


def test_assess_form_alone(get) -> None:
    doc = lxml_html.fromstring(get("/assess").text)
    assert doc.cssselect("form.casus-form input[name=patron]") and not doc.cssselect("#casus-error")


@pytest.mark.parametrize("query, words", [
    ("patron=Narnia&client=Iran", "unknown actor"),
    ("patron=RUS", "give a patron and a client"),
    ("patron=RUS&client=IRN&as_of=yesterday", "yesterday"),
    ("patron=%3Cscript%3Ealert(1)%3C/script%3E&client=IRN", "unknown actor"),
])
def test_assess_errors_are_shown_escaped(get, query: str, words: str) -> None:
    resp = get(f"/assess?{query}")
    assert resp.status_code == 400
    assert "<script>alert(1)</script>" not in resp.text
    assert words in lxml_html.fromstring(resp.text).cssselect("#casus-error")[0].text_content()


def test_report_page(get) -> None:
    resp = get("/report?patron=RUS&client=IRN&attacker=ISR&as_of=2026-03-01")
    assert resp.status_code == 200
    doc = lxml_html.fromstring(resp.text)
    assert doc.cssselect("p.verdict") and doc.cssselect("script#spec-ladder")
    assert EVIL_SCRIPT not in resp.text


def test_report_page_bad_request(get) -> None:
    assert get("/report?patron=RUS").status_code == 400


def test_port_in_use_is_one_line(db: Path) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        with pytest.raises(CasusError, match=f"port {port} on 127.0.0.1 is already in use.*--port"):
            check_port("127.0.0.1", port)
        result = CliRunner().invoke(main, ["serve", "--db", str(db), "--port", str(port)])
    assert result.exit_code == 1
    assert len(result.output.strip().splitlines()) == 1 and "already in use" in result.output


def test_free_port_passes() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    check_port("127.0.0.1", port)


@pytest.mark.parametrize("kind", ["missing", "not casus"])
def test_serve_needs_a_casus_database(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "x.db"
    if kind == "not casus":
        sqlite3.connect(path).execute("CREATE TABLE t (a)").connection.close()
    with pytest.raises(CasusError, match="casus ingest"):
        make_datasette(path)
