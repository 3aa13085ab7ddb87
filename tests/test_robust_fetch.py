"""URL ingest under attack: size cap, timeouts, redirect limit, content types, and no private addresses.

A local http.server on 127.0.0.1 plays the web. Since 127.0.0.1 is loopback, it
is reachable only with ``allow_private``; what a public host could do (redirect
to the metadata address, a DNS answer pointing inside) is shown by patching
``socket.getaddrinfo`` and, where the first hop must look public, a fake
connection pool that never touches the network.
"""

from __future__ import annotations

import gzip
import http.server
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest
import urllib3

from casus.errors import SkipInput
from casus.read import fetch
from casus.run.ingest import ingest
from casus.store.database import Store

ARTICLE = (b"<html><body><article><p>Armenia and Russia held talks in Yerevan on security guarantees for the "
           b"region.</p><p>Moscow said it would keep its base.</p></article></body></html>")
PUBLIC_IP = "93.184.216.34"  # a global address; never connected to in these tests


class _Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    hits: ClassVar[list[str]] = []

    def _send(self, status: int, ctype: str | None, body: bytes, length: bool = True,
              extra: dict[str, str] | None = None) -> None:
        self.send_response(status)
        if ctype:
            self.send_header("Content-Type", ctype)
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        if length:
            self.send_header("Content-Length", str(len(body)))
        else:
            self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(body)
        if not length:
            self.close_connection = True

    def do_GET(self) -> None:
        _Handler.hits.append(self.path)
        path = self.path
        if path == "/article":
            self._send(200, "text/html; charset=utf-8", ARTICLE)
        elif path == "/big-declared":
            self._send(200, "text/plain", b"x" * 300_000)
        elif path == "/big-undeclared":  # no Content-Length: the cap must hold while streaming
            self._send(200, "text/plain", b"word " * 200_000, length=False)
        elif path == "/chunked":  # chunked transfer encoding, 300 KB in all
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            for _ in range(30):
                self.wfile.write(b"2710\r\n" + b"c" * 10_000 + b"\r\n")
            self.wfile.write(b"0\r\n\r\n")
        elif path == "/lying-length":  # says 10 bytes, sends more
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", "10")
            self.end_headers()
            self.wfile.write(b"y" * 300_000)
        elif path == "/gzip-bomb":  # 50 MB of spaces in about 50 KB
            body = gzip.compress(b" " * 50_000_000, compresslevel=9)
            self._send(200, "text/plain", body, extra={"Content-Encoding": "gzip"})
        elif path == "/slow-headers":
            time.sleep(3)
            self._send(200, "text/plain", b"late")
        elif path == "/drip":  # a byte every 0.1 s, for a minute: each read succeeds, the whole never ends
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", "600")
            self.end_headers()
            try:
                for _ in range(600):
                    self.wfile.write(b"z")
                    self.wfile.flush()
                    time.sleep(0.1)
            except OSError:
                pass
        elif path.startswith("/redirect/"):
            n = int(path.rsplit("/", 1)[1])
            self._send(302, "text/plain", b"", extra={"Location": f"/redirect/{n - 1}" if n else "/article"})
        elif path == "/to-metadata":
            self._send(302, "text/plain", b"", extra={"Location": "http://169.254.169.254/latest/meta-data/"})
        elif path == "/to-ftp":
            self._send(302, "text/plain", b"", extra={"Location": "ftp://example.org/x"})
        elif path == "/no-location":
            self._send(302, "text/plain", b"")
        elif path == "/pdf":
            self._send(200, "application/pdf", b"%PDF-1.4 " * 100)
        elif path == "/no-type":
            self._send(200, None, ARTICLE)
        elif path == "/octet":
            self._send(200, "application/octet-stream", b"\x00\x01" * 100)
        elif path == "/binary-as-text":
            self._send(200, "text/plain", b"\x00\x01\x02\x03" * 1000)
        elif path == "/empty":
            self._send(200, "text/html", b"")
        elif path == "/latin1":
            body = ("<html><body><article><p>La France et l'Algérie ont signé un accord à Alger, "
                    "a déclaré le ministre.</p></article></body></html>").encode("latin-1")
            self._send(200, "text/html; charset=iso-8859-1", body)
        elif path == "/bad-charset":
            self._send(200, "text/html; charset=no-such-codec", ARTICLE)
        elif path == "/500":
            self._send(500, "text/plain", b"boom")
        else:
            self._send(404, "text/plain", b"no")

    def log_message(self, *args: object) -> None:
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # casus hangs up on refused and oversized answers: expected, not worth a traceback


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    srv = _QuietServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{srv.server_address[1]}"
    srv.shutdown()
    srv.server_close()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store(tmp_path / "c.db")
    yield s
    s.close()


def _fetch(url: str, **kw: object) -> fetch.Fetched:
    return fetch.fetch(url, allow_private=True, **kw)  # type: ignore[arg-type]


# -- size ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/big-declared", "/big-undeclared", "/chunked", "/gzip-bomb"])
def test_size_cap(server: str, path: str) -> None:
    with pytest.raises(SkipInput, match="too large"):
        _fetch(server + path, max_bytes=100_000)


def test_chunked_body_within_the_cap(server: str) -> None:
    assert len(_fetch(server + "/chunked", max_bytes=1_000_000).body) == 300_000


def test_body_longer_than_its_content_length(server: str) -> None:
    """Only the declared bytes are read, and the extra bytes do not poison the next request."""
    assert _fetch(server + "/lying-length", max_bytes=100_000).body == b"y" * 10
    assert b"Yerevan" in _fetch(server + "/article").body


def test_gzip_bomb_is_refused_without_inflating_it(server: str) -> None:
    """The cap counts decoded bytes, and decoding stops there."""
    with pytest.raises(SkipInput, match="too large"):
        _fetch(server + "/gzip-bomb", max_bytes=1_000_000)


# -- time ------------------------------------------------------------------------------------------


def test_read_timeout(server: str) -> None:
    """The server would answer after 3 s; a 0.5 s read timeout turns that into a skip, not a page."""
    with pytest.raises(SkipInput, match="fetch failed: ReadTimeoutError|timed out"):
        _fetch(server + "/slow-headers", timeout=0.5)


def test_slow_drip_hits_the_total_deadline(server: str) -> None:
    """Every read succeeds within the per-read timeout, but the whole download has a deadline too."""
    started = time.monotonic()
    with pytest.raises(SkipInput, match="timed out"):
        _fetch(server + "/drip", timeout=0.5, total_timeout=1.5)
    assert time.monotonic() - started < 30  # the drip lasts 60 s


def test_connect_timeout_on_unroutable_address() -> None:
    """A host that never answers: the connect timeout ends it (TEST-NET-1 is blackholed or refused)."""
    started = time.monotonic()
    with pytest.raises(SkipInput):
        fetch.fetch("http://192.0.2.1:81/x", allow_private=True, timeout=0.5)
    assert time.monotonic() - started < 15


# -- redirects -------------------------------------------------------------------------------------


def test_redirects_within_limit_are_followed(server: str) -> None:
    got = _fetch(server + f"/redirect/{fetch.MAX_REDIRECTS - 1}")
    assert got.url.endswith("/article") and b"Yerevan" in got.body


def test_redirect_limit(server: str) -> None:
    with pytest.raises(SkipInput, match="too many redirects"):
        _fetch(server + f"/redirect/{fetch.MAX_REDIRECTS}")


@pytest.mark.parametrize(("path", "message"), [("/to-ftp", "scheme"), ("/no-location", "without a Location")])
def test_bad_redirects(server: str, path: str, message: str) -> None:
    with pytest.raises(SkipInput, match=message):
        _fetch(server + path)


# -- content types and bodies ---------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/pdf", "/octet"])
def test_content_type_check(server: str, path: str) -> None:
    with pytest.raises(SkipInput, match="unsupported content type"):
        _fetch(server + path)


@pytest.mark.parametrize(("path", "reason"), [
    ("/binary-as-text", "binary"), ("/empty", "empty"), ("/500", "HTTP 500"), ("/nope", "HTTP 404"),
])
def test_bad_bodies_are_one_line_skips(server: str, store: Store, path: str, reason: str) -> None:
    report = ingest(store, [server + path], allow_private=True)
    assert report.exit_code == 2
    (skip,) = report.skipped
    assert reason in skip.reason and "\n" not in skip.reason


@pytest.mark.parametrize("path", ["/article", "/no-type", "/latin1", "/bad-charset"])
def test_good_pages_are_ingested(server: str, store: Store, path: str) -> None:
    report = ingest(store, [server + path], allow_private=True)
    assert len(report.new) == 1, report.skipped


# -- where casus may connect ------------------------------------------------------------------------


@pytest.mark.parametrize("url", [
    "ftp://example.org/a.txt", "file:///etc/passwd", "gopher://x/", "javascript:alert(1)", "data:text/html,hi",
    "HTTP://", "http:///path-only",
])
def test_only_http_and_https(url: str) -> None:
    with pytest.raises(SkipInput, match="scheme|no host"):
        fetch.fetch(url)


@pytest.mark.parametrize("host", [
    "127.0.0.1", "127.1.2.3", "localhost", "0.0.0.0", "10.0.0.1", "172.16.5.4", "192.168.1.1", "100.64.0.1",
    "169.254.169.254", "[::1]", "[fe80::1]", "[fd00::1]", "[::ffff:127.0.0.1]", "[::ffff:169.254.169.254]",
    "2130706433", "0x7f.1", "017700000001", "224.0.0.1",
])
def test_non_public_addresses_refused(host: str) -> None:
    with pytest.raises(SkipInput, match="allow-private|cannot resolve"):
        fetch.fetch(f"http://{host}/latest/meta-data/", timeout=1)


def test_loopback_server_needs_allow_private(server: str, store: Store) -> None:
    refused = ingest(store, [server + "/article"])
    assert refused.exit_code == 2 and "allow-private" in refused.skipped[0].reason
    allowed = ingest(store, [server + "/article"], allow_private=True)
    assert len(allowed.new) == 1


def _fake_dns(monkeypatch: pytest.MonkeyPatch, answers: dict[str, list[str]]) -> list[str]:
    """Resolve the names in `answers` to the given addresses (one after another on repeated lookups)."""
    real = socket.getaddrinfo
    asked: list[str] = []

    def getaddrinfo(host, port, *args, **kwargs):  # type: ignore[no-untyped-def]
        if host in answers:
            asked.append(host)
            seq = answers[host]
            ip = seq[min(len(asked) - 1, len(seq) - 1)] if len(seq) > 1 else seq[0]
            fam = socket.AF_INET6 if ":" in ip else socket.AF_INET
            return [(fam, socket.SOCK_STREAM, socket.IPPROTO_TCP, "", (ip, port or 80))]
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return asked


@pytest.mark.parametrize("answer", ["127.0.0.1", "10.9.8.7", "169.254.169.254", "::1", "fd12::1", "::ffff:10.0.0.1"])
def test_public_name_resolving_inside_is_refused(monkeypatch: pytest.MonkeyPatch, answer: str) -> None:
    _fake_dns(monkeypatch, {"news.example.com": [answer]})
    with pytest.raises(SkipInput, match="non-public address"):
        fetch.fetch("http://news.example.com/story", timeout=1)


def test_dns_answer_pointing_at_local_server_is_refused(
    monkeypatch: pytest.MonkeyPatch, server: str, store: Store
) -> None:
    """The name resolves to the live local server: refused by default, fetched with allow_private."""
    port = server.rsplit(":", 1)[1]
    _fake_dns(monkeypatch, {"story.example.net": ["127.0.0.1"]})
    url = f"http://story.example.net:{port}/article"
    report = ingest(store, [url])
    assert report.exit_code == 2 and "non-public address 127.0.0.1" in report.skipped[0].reason
    assert len(ingest(store, [url], allow_private=True).new) == 1


def test_dns_rebinding_cannot_reach_local_server(monkeypatch: pytest.MonkeyPatch, server: str) -> None:
    """First answer public (passes the check), later answers loopback: the connection goes to the checked address."""
    port = server.rsplit(":", 1)[1]
    _Handler.hits.clear()
    asked = _fake_dns(monkeypatch, {"rebind.example.org": [PUBLIC_IP, "127.0.0.1"]})
    connected: list[tuple[str, str | None]] = []

    def request(url: str, addr: str | None, timeout: float) -> object:
        connected.append((url, addr))
        raise SkipInput("fetch failed: this test does not touch the network")

    monkeypatch.setattr(fetch, "_request", request)
    with pytest.raises(SkipInput):
        fetch.fetch(f"http://rebind.example.org:{port}/article", timeout=0.5)
    assert connected == [(f"http://rebind.example.org:{port}/article", PUBLIC_IP)]
    assert asked == ["rebind.example.org"] and _Handler.hits == []


def test_connection_goes_to_the_checked_address_not_the_name(monkeypatch: pytest.MonkeyPatch, server: str) -> None:
    """_request connects to the address it is given; the name (here resolving elsewhere) is only the Host header."""
    port = server.rsplit(":", 1)[1]
    asked = _fake_dns(monkeypatch, {"pinned.example.org": ["10.255.255.1"]})
    resp = fetch._request(f"http://pinned.example.org:{port}/article", "127.0.0.1", 2.0)
    try:
        assert resp.status == 200 and b"Yerevan" in resp.read()
    finally:
        fetch._close(resp)
    assert asked == []


class _FakeResponse:
    def __init__(self, status: int, headers: dict[str, str], body: bytes = b"") -> None:
        self.status, self.headers, self.reason, self._body = status, headers, "", body

    def read1(self, amt: int = -1) -> bytes:
        body, self._body = self._body, b""
        return body

    def release_conn(self) -> None:
        pass


class _FakePool:
    """Answers every request with a redirect to `location`; records what was asked."""

    def __init__(self, location: str) -> None:
        self.location = location
        self.requested: list[str] = []

    def request(self, method: str, url: str, **kwargs: object) -> _FakeResponse:
        self.requested.append(url)
        return _FakeResponse(302, {"Location": self.location})



@pytest.mark.parametrize("target", [
    "http://169.254.169.254/latest/meta-data/iam/security-credentials/", "http://[fd00:ec2::254]/latest/",
    "http://metadata.google.internal/computeMetadata/v1/", "http://127.0.0.1:8080/admin", "http://10.0.0.5/",
    "https://[::ffff:169.254.169.254]/",
])
def test_redirect_from_public_host_to_inside_is_refused(monkeypatch: pytest.MonkeyPatch, target: str) -> None:
    _fake_dns(monkeypatch, {"public.example.com": [PUBLIC_IP], "metadata.google.internal": ["169.254.169.254"]})
    pool = _FakePool(target)
    monkeypatch.setattr(fetch, "_request", lambda url, addr, timeout: pool.request("GET", url))
    with pytest.raises(SkipInput, match="non-public address"):
        fetch.fetch("http://public.example.com/story")
    assert pool.requested == ["http://public.example.com/story"]  # the inside address was never requested


def test_fetch_errors_are_one_line(server: str) -> None:
    for url in (server + "/pdf", server + "/redirect/99", "http://no-such-host.invalid/", "http://[::1"):
        try:
            fetch.fetch(url, allow_private=True, timeout=1)
        except SkipInput as exc:
            assert "\n" not in str(exc)
        except ValueError:
            pytest.fail(f"{url}: ValueError escaped fetch()")


def test_https_to_the_checked_address_keeps_sni_and_certificate_checks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Connecting to a pinned address over TLS still sends the name (SNI) and verifies the certificate for it."""
    import shutil
    import ssl
    import subprocess

    if not shutil.which("openssl"):
        pytest.skip("openssl command not found")
    cert, key = tmp_path / "c.pem", tmp_path / "k.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out", str(cert),
                    "-days", "2", "-subj", "/CN=pinned.test", "-addext", "subjectAltName=DNS:pinned.test"],
                   check=True, capture_output=True)
    srv = _QuietServer(("127.0.0.1", 0), _Handler)
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(cert, key)
    srv.socket = ctx.wrap_socket(srv.socket, server_side=True)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    port = srv.server_address[1]
    monkeypatch.setenv("SSL_CERT_FILE", str(cert))
    try:
        resp = fetch._request(f"https://pinned.test:{port}/article", "127.0.0.1", 3.0)
        try:
            assert resp.status == 200 and b"Yerevan" in resp.read()
        finally:
            fetch._close(resp)
        with pytest.raises(urllib3.exceptions.HTTPError):
            fetch._request(f"https://other.test:{port}/article", "127.0.0.1", 3.0)
    finally:
        srv.shutdown()
        srv.server_close()
