"""Ingest: files, folders, URLs, bad input, idempotence, exit codes."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from casus.errors import SkipInput
from casus.read import fetch
from casus.read.inputs import decode, read_file
from casus.read.pagemeta import find_published, parse_date
from casus.run.ingest import ingest
from casus.store.database import Store

ARTICLE = (
    "Neighbours weigh a defence pact\n"
    "March 3, 2024\n\n"
    "China and North Korea held talks in Beijing on Monday. "
    "Officials said both sides agreed to expand trade.\n\n"
    "Analysts doubt that Beijing would send troops if the peninsula saw war.\n"
)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store(tmp_path / "c.db")
    yield s
    s.close()


def test_same_article_two_paths_is_one_document(tmp_path: Path, store: Store) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "copy.md").write_text(ARTICLE, encoding="utf-8")
    report = ingest(store, [str(tmp_path / "a.txt"), str(tmp_path / "sub")])
    assert (len(report.new), len(report.known), report.exit_code) == (1, 1, 0)
    (doc,) = store.iter_documents()
    assert len(doc["locations"]) == 2
    assert doc["published"] == "2024-03-03"
    assert doc["title"] == "Neighbours weigh a defence pact"
    again = ingest(store, [str(tmp_path)])
    assert (len(again.new), len(again.known)) == (0, 2)
    assert store.counts()["documents"] == 1


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\n ", "empty"),
        ("bin.txt", b"\x00\x01\x02binary\x00" * 50, "binary"),
        ("image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binary"),
        ("sheet.csv", b"a,b\n1,2\n", "unsupported file type"),
    ],
)
def test_bad_files_are_skipped_with_a_reason(tmp_path: Path, store: Store, name: str, content: bytes,
                                             reason: str) -> None:
    (tmp_path / name).write_bytes(content)
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    report = ingest(store, [str(tmp_path / name), str(tmp_path / "good.txt")])
    assert len(report.new) == 1
    (skip,) = report.skipped
    assert reason in skip.reason and "\n" not in skip.reason
    assert report.exit_code == 1


def test_other_encodings_are_detected(tmp_path: Path) -> None:
    text = "Déclaration: la France et l'Algérie ont signé un accord à Alger; le ministre a salué « une étape »."
    (tmp_path / "latin1.txt").write_bytes(((text + "\n") * 5).encode("cp1252"))
    raw = read_file(str(tmp_path / "latin1.txt"))
    assert "Algérie" in raw.text


def test_too_large_file(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("word " * 3000)
    with pytest.raises(SkipInput, match="too large"):
        read_file(str(big), max_bytes=10_000)


def test_nothing_readable_exits_2(tmp_path: Path, store: Store) -> None:
    (tmp_path / "empty").mkdir()
    report = ingest(store, [str(tmp_path / "empty"), str(tmp_path / "missing.txt")])
    assert report.exit_code == 2
    assert [s.reason for s in report.skipped] == ["folder has no files", "no such file or folder"]


def test_html_uses_trafilatura_metadata(tmp_path: Path, store: Store) -> None:
    html = (
        "<html><head><title>Pact news</title><meta property='og:site_name' content='Example Wire'>"
        "<meta property='article:published_time' content='2024-06-19'></head><body><nav>Home | World</nav>"
        "<article><h1>Russia and North Korea sign a pact</h1>"
        "<p>Russia and North Korea signed a comprehensive strategic partnership treaty in Pyongyang.</p>"
        "<p>The treaty obliges each side to give military assistance if the other is attacked, officials said.</p>"
        "</article></body></html>"
    )
    (tmp_path / "p.html").write_text(html, encoding="utf-8")
    ingest(store, [str(tmp_path / "p.html")])
    (doc,) = store.iter_documents()
    assert doc["published"] == "2024-06-19"
    assert doc["site"] == "Example Wire"
    assert "Pyongyang" in doc["text"] and "Home | World" not in doc["text"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Title\nJanuary 17, 2025\n\nBody.", "2025-01-17"),
        ("Title\nPublished: 5 March 2024 10:00\nBody.", "2024-03-05"),
        ("Title\n2023-11-02\nBody.", "2023-11-02"),
        ("Title\n" + "A long caption line about a ceremony held in the capital with many words on "
         "January 17, 2025 and more words after it.\nBody.", None),
        ("Title\nNo date here.\n", None),
    ],
)
def test_find_published(text: str, expected: str | None) -> None:
    assert find_published(text) == expected


def test_parse_date_rejects_impossible() -> None:
    assert parse_date("February 40, 2024") is None
    assert parse_date("Sept. 9, 2001") == "2001-09-09"


def test_decode_prefers_utf8() -> None:
    assert decode("Kyiv — Київ".encode()) == "Kyiv — Київ"


# -- URLs -----------------------------------------------------------------------------


@pytest.mark.parametrize("url", ["ftp://example.org/a.txt", "file:///etc/passwd", "gopher://x"])
def test_non_http_schemes_refused(url: str, store: Store) -> None:
    report = ingest(store, [url])
    assert report.exit_code == 2
    assert "scheme" in report.skipped[0].reason


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "10.1.2.3", "169.254.169.254", "[::1]", "192.168.0.1"])
def test_private_addresses_refused_by_default(host: str) -> None:
    with pytest.raises(SkipInput, match="allow-private"):
        fetch.fetch(f"http://{host}:9/x")


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        routes = {
            "/article": (200, "text/html; charset=utf-8",
                         b"<html><body><article><p>Armenia and Russia held talks in Yerevan on security "
                         b"guarantees for the region.</p><p>Moscow said it would keep its base.</p></article>"
                         b"</body></html>"),
            "/pdf": (200, "application/pdf", b"%PDF-1.4"),
            "/big": (200, "text/plain", b"x" * 50_000),
            "/missing": (404, "text/plain", b"no"),
        }
        if self.path == "/loop":
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.end_headers()
            return
        status, ctype, body = routes.get(self.path, (404, "text/plain", b""))
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{srv.server_address[1]}"
    srv.shutdown()


def test_url_ingest_on_loopback_with_flag(server: str, store: Store) -> None:
    refused = ingest(store, [server + "/article"])
    assert refused.exit_code == 2 and "allow-private" in refused.skipped[0].reason
    report = ingest(store, [server + "/article", server + "/pdf", server + "/missing", server + "/loop"],
                    allow_private=True)
    assert len(report.new) == 1
    reasons = [s.reason for s in report.skipped]
    assert "content type" in reasons[0] and "404" in reasons[1] and "redirects" in reasons[2]
    (doc,) = store.iter_documents()
    assert doc["locations"] == [server + "/article"] and doc["site"] == "127.0.0.1"


def test_url_size_cap(server: str) -> None:
    with pytest.raises(SkipInput, match="too large"):
        fetch.fetch(server + "/big", allow_private=True, max_bytes=10_000)
