"""Fetch an http(s) URL safely: size cap, timeouts, redirect limit, content-type check, no private addresses.

Each hop's host is resolved and every address it resolves to is checked before
the request is sent, so a redirect or a DNS answer pointing at loopback, a
private range, link-local or a cloud metadata address is refused unless the
caller allows private addresses. The connection then goes to the address that
was checked (the name is not looked up again), so a DNS answer that changes
between the check and the connect cannot slip through. Each hop uses a fresh
connection, closed afterwards: a refused or half-read response never leaves
bytes behind for the next request.

Time is bounded twice: `timeout` for the connect and for each read, and
`total_timeout` for the whole fetch, from the first connect to the last byte,
redirects, status line, headers and body included: a watchdog shuts the socket
down when the deadline passes, so a server that sends one byte just inside every
read timeout (in the headers as much as in the body) is cut off too. Only name
resolution, which the system resolver bounds, is outside it.
"""

from __future__ import annotations

import contextlib
import contextvars
import ipaddress
import os
import socket
import threading
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import urllib3

from casus.errors import SkipInput

MAX_BYTES = 20 * 1024 * 1024
TIMEOUT_S = 20.0
TOTAL_TIMEOUT_S = 120.0
MAX_REDIRECTS = 5
ACCEPTED_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "text/markdown", "text/x-markdown")
USER_AGENT = "casus/0.1 (+https://pypi.org/project/casus/)"
_CHUNK = 64 * 1024
_MAX_MESSAGE = 200  # characters of an exception's text kept in a skip reason


@dataclass(slots=True)
class Fetched:
    url: str  # the final URL after redirects
    body: bytes
    content_type: str
    charset: str | None


def is_url(text: str) -> bool:
    return "://" in text[:12]


# IPv6 prefixes that carry an IPv4 address in their last 32 bits: IPv4-compatible (::/96, deprecated),
# IPv4-translated (SIIT, ::ffff:0:0:0/96) and the NAT64 well-known prefix (64:ff9b::/96, RFC 6052).
_EMBEDS_IPV4_LAST_32 = tuple(ipaddress.ip_network(n) for n in ("::/96", "::ffff:0:0:0/96", "64:ff9b::/96"))
# Local-use NAT64 (RFC 8215): site-specific translation to any IPv4 address, never public.
_LOCAL_NAT64 = ipaddress.ip_network("64:ff9b:1::/48")


def embedded_ipv4(addr: ipaddress.IPv6Address) -> list[ipaddress.IPv4Address]:
    """The IPv4 addresses an IPv6 address leads to: mapped, compatible, translated, NAT64, 6to4, Teredo."""
    found = [a for a in (addr.ipv4_mapped, addr.sixtofour) if a is not None]
    if addr.teredo:
        found.extend(addr.teredo)  # (server, client)
    if any(addr in net for net in _EMBEDS_IPV4_LAST_32) and int(addr) & 0xFFFFFFFF > 1:
        found.append(ipaddress.IPv4Address(int(addr) & 0xFFFFFFFF))
    return found


def non_public(addr: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
    """How `addr` is not public (itself, or the IPv4 address it embeds), or None for a public address.

    >>> non_public(ipaddress.ip_address("64:ff9b::7f00:1"))
    '64:ff9b::7f00:1 (embeds 127.0.0.1)'
    >>> non_public(ipaddress.ip_address("2002:808:808::")) is None
    True
    """
    if not addr.is_global or addr.is_multicast:
        return str(addr)
    if isinstance(addr, ipaddress.IPv6Address):
        if addr in _LOCAL_NAT64:
            return f"{addr} (local-use NAT64)"
        for v4 in embedded_ipv4(addr):
            if not v4.is_global or v4.is_multicast:
                return f"{addr} (embeds {v4})"
    return None


def check_address(host: str, port: int, allow_private: bool) -> str | None:
    """Resolve host and raise SkipInput if any address is one casus must not reach.

    Returns the (checked) address to connect to, or None with `allow_private`,
    when the connection resolves the name itself.
    """
    if allow_private:
        return None
    try:
        infos = socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError, OSError) as exc:
        raise SkipInput(_one_line(f"cannot resolve host {host!r} ({exc})")) from exc
    checked: list[str] = []
    for info in infos:
        raw = str(info[4][0]).split("%")[0]
        bad = non_public(ipaddress.ip_address(raw))
        if bad:
            raise SkipInput(f"refused: {host} resolves to non-public address {bad}; pass --allow-private to fetch it")
        checked.append(raw)
    if not checked:
        raise SkipInput(f"cannot resolve host {host!r} (no addresses)")
    # One address is used; IPv4 first, as an IPv6 route is the one more often missing.
    return next((a for a in checked if ":" not in a), checked[0])


def _one_line(text: str) -> str:
    line = (text.splitlines() or [""])[0]
    return line if len(line) <= _MAX_MESSAGE else line[: _MAX_MESSAGE - 1] + "…"


class Watchdog:
    """Shuts down every socket it watches once `seconds` have passed: a deadline no slow server can stretch."""

    def __init__(self, seconds: float) -> None:
        self.fired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(max(seconds, 0.0), self._fire)
        self._timer.daemon = True
        self._timer.start()

    def watch(self, sock: socket.socket | None) -> None:
        if sock is None:
            return
        with self._lock:
            self._sockets.append(sock)
            if self.fired:
                self._shut(sock)

    def cancel(self) -> None:
        self._timer.cancel()

    def _fire(self) -> None:
        with self._lock:
            self.fired = True
            for sock in self._sockets:
                self._shut(sock)

    @staticmethod
    def _shut(sock: socket.socket) -> None:
        """Shut the connection down under the reader (through a duplicate, so a TLS object is not touched)."""
        with contextlib.suppress(OSError, ValueError):
            dup = socket.socket(fileno=os.dup(sock.fileno()))
            try:
                dup.shutdown(socket.SHUT_RDWR)
            finally:
                dup.close()


# The running fetch's watchdog, for the connections `_request` opens (a context variable, so that
# `_request` keeps its signature and each thread's fetch has its own).
_WATCHDOG: contextvars.ContextVar[Watchdog | None] = contextvars.ContextVar("casus_fetch_watchdog", default=None)


def _watched(cls: type, watchdog: Watchdog | None) -> type:
    """A connection class whose socket the watchdog shuts down at the deadline."""
    if watchdog is None:
        return cls
    dog: Watchdog = watchdog

    class Watched(cls):  # type: ignore[misc, valid-type]
        def connect(self) -> None:
            super().connect()
            dog.watch(self.sock)

    return Watched


def _request(url: str, addr: str | None, timeout: float) -> urllib3.BaseHTTPResponse:
    """GET url over a fresh connection to `addr` (the checked address; None: resolve the name)."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    https = parts.scheme == "https"
    port = parts.port or (443 if https else 80)
    connect_to = addr or host
    if ":" in connect_to:
        connect_to = f"[{connect_to}]"
    host_header = f"[{host}]" if ":" in host else host
    if parts.port and parts.port != (443 if https else 80):
        host_header += f":{parts.port}"
    kwargs: dict[str, object] = {}
    if https:
        kwargs = {"server_hostname": host, "assert_hostname": host, "cert_reqs": "CERT_REQUIRED"}
    cls = urllib3.HTTPSConnectionPool if https else urllib3.HTTPConnectionPool
    pool = cls(connect_to, port, maxsize=1, retries=False,
               timeout=urllib3.Timeout(connect=timeout, read=timeout), **kwargs)  # type: ignore[arg-type]
    pool.ConnectionCls = _watched(pool.ConnectionCls, _WATCHDOG.get())
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    try:
        resp = pool.urlopen(
            "GET", target, headers={"Host": host_header, "User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"},
            redirect=False, retries=False, preload_content=False, assert_same_host=False, release_conn=False,
        )
    except BaseException:
        pool.close()
        raise
    resp._casus_pool = pool  # type: ignore[attr-defined]  # closed with the response
    return resp


def _close(resp: object) -> None:
    for close in (getattr(resp, "close", None), getattr(getattr(resp, "_casus_pool", None), "close", None)):
        if close is not None:
            with contextlib.suppress(Exception):  # closing must not mask the real outcome
                close()


def fetch(
    url: str,
    allow_private: bool = False,
    max_bytes: int = MAX_BYTES,
    timeout: float = TIMEOUT_S,
    total_timeout: float = TOTAL_TIMEOUT_S,
) -> Fetched:
    """GET a URL with every safety check; raise SkipInput with one line on any failure."""
    watchdog = Watchdog(total_timeout)
    token = _WATCHDOG.set(watchdog)
    try:
        return _fetch(url, allow_private, max_bytes, timeout, total_timeout, watchdog)
    except (SkipInput, urllib3.exceptions.HTTPError, OSError) as exc:
        if watchdog.fired:
            raise SkipInput(f"timed out: the page took longer than {total_timeout:g} s to arrive") from exc
        if isinstance(exc, SkipInput):
            raise
        raise SkipInput(_one_line(f"fetch failed: {type(exc).__name__}: {exc}")) from exc
    finally:
        watchdog.cancel()
        _WATCHDOG.reset(token)


def _fetch(url: str, allow_private: bool, max_bytes: int, timeout: float, total_timeout: float,
           watchdog: Watchdog) -> Fetched:
    deadline = time.monotonic() + total_timeout
    current = url
    for _hop in range(MAX_REDIRECTS + 1):
        try:
            parts = urlsplit(current)
            scheme, hostname = parts.scheme.lower(), parts.hostname
            port = parts.port or (443 if scheme == "https" else 80)
        except ValueError as exc:
            raise SkipInput(_one_line(f"invalid URL {current!r}: {exc}")) from exc
        if scheme not in ("http", "https"):
            raise SkipInput(f"unsupported URL scheme {parts.scheme!r}: only http and https")
        if not hostname:
            raise SkipInput(f"no host in URL {current!r}")
        addr = check_address(hostname, port, allow_private)
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise SkipInput(f"timed out: no answer within {total_timeout:g} s")
        try:
            resp = _request(current, addr, min(timeout, remaining))
        except urllib3.exceptions.HTTPError as exc:
            raise SkipInput(_one_line(f"fetch failed: {type(exc).__name__}: {exc}")) from exc
        try:
            if resp.status in (301, 302, 303, 307, 308):
                location = resp.headers.get("Location")
                if not location:
                    raise SkipInput(f"HTTP {resp.status} redirect without a Location header")
                try:
                    current = urljoin(current, location.strip())
                except ValueError as exc:
                    raise SkipInput(_one_line(f"bad redirect Location {location!r}")) from exc
                continue
            if resp.status != 200:
                raise SkipInput(_one_line(f"HTTP {resp.status} {resp.reason or ''}".strip()))
            ctype_full = resp.headers.get("Content-Type", "text/html")
            ctype = ctype_full.split(";")[0].strip().lower()
            if ctype not in ACCEPTED_TYPES:
                raise SkipInput(_one_line(f"unsupported content type {ctype!r}: casus reads HTML and plain text"))
            length = resp.headers.get("Content-Length")
            if length and length.strip().isdigit() and int(length) > max_bytes:
                raise SkipInput(f"too large: {int(length):,} bytes > limit {max_bytes:,}")
            body = bytearray()
            while True:
                # read1: whatever one read brings, so the deadline is checked even when bytes trickle in.
                chunk = resp.read1(_CHUNK)
                if not chunk:
                    break
                body += chunk
                if len(body) > max_bytes:
                    raise SkipInput(f"too large: over the limit of {max_bytes:,} bytes")
                if time.monotonic() > deadline:
                    raise SkipInput(f"timed out: the page took longer than {total_timeout:g} s to arrive")
            if watchdog.fired:  # the socket was shut under the read: what came is not the whole page
                raise SkipInput(f"timed out: the page took longer than {total_timeout:g} s to arrive")
            charset = None
            if "charset=" in ctype_full:
                charset = ctype_full.split("charset=")[-1].split(";")[0].strip().strip("\"'") or None
            return Fetched(url=current, body=bytes(body), content_type=ctype, charset=charset)
        except urllib3.exceptions.HTTPError as exc:
            raise SkipInput(_one_line(f"fetch failed while reading: {type(exc).__name__}: {exc}")) from exc
        finally:
            _close(resp)
    raise SkipInput(f"too many redirects (more than {MAX_REDIRECTS})")
