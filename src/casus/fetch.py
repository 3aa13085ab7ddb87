"""Fetch an http(s) URL safely: size cap, timeout, redirect limit, content-type check, no private addresses.

Each hop's host is resolved and every address it resolves to is checked before
the request is sent, so a redirect or a DNS answer pointing at loopback, a
private range, link-local or a cloud metadata address is refused unless the
caller allows private addresses.
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import urllib3

from casus.errors import SkipInput

MAX_BYTES = 20 * 1024 * 1024
TIMEOUT_S = 20.0
MAX_REDIRECTS = 5
ACCEPTED_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "text/markdown", "text/x-markdown")
USER_AGENT = "casus/0.1 (+https://pypi.org/project/casus/)"

_pool = urllib3.PoolManager(retries=False, headers={"User-Agent": USER_AGENT})


@dataclass(slots=True)
class Fetched:
    url: str  # the final URL after redirects
    body: bytes
    content_type: str
    charset: str | None


def is_url(text: str) -> bool:
    return "://" in text[:12]


def check_address(host: str, port: int, allow_private: bool) -> None:
    """Raise SkipInput if the host resolves to an address casus must not reach."""
    if allow_private:
        return
    try:
        infos = socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as exc:
        raise SkipInput(f"cannot resolve host {host!r} ({exc})") from exc
    for info in infos:
        addr = ipaddress.ip_address(info[4][0].split("%")[0])
        if isinstance(addr, ipaddress.IPv6Address) and addr.ipv4_mapped:
            addr = addr.ipv4_mapped
        if not addr.is_global or addr.is_multicast:
            raise SkipInput(
                f"refused: {host} resolves to non-public address {addr}; pass --allow-private to fetch it"
            )


def fetch(url: str, allow_private: bool = False, max_bytes: int = MAX_BYTES, timeout: float = TIMEOUT_S) -> Fetched:
    """GET a URL with every safety check; raise SkipInput with one line on any failure."""
    current = url
    for _hop in range(MAX_REDIRECTS + 1):
        parts = urlsplit(current)
        if parts.scheme not in ("http", "https"):
            raise SkipInput(f"unsupported URL scheme {parts.scheme!r}: only http and https")
        if not parts.hostname:
            raise SkipInput(f"no host in URL {current!r}")
        port = parts.port or (443 if parts.scheme == "https" else 80)
        check_address(parts.hostname, port, allow_private)
        try:
            resp = _pool.request(
                "GET", current, redirect=False, preload_content=False,
                timeout=urllib3.Timeout(connect=timeout, read=timeout),
            )
        except urllib3.exceptions.HTTPError as exc:
            raise SkipInput(f"fetch failed: {type(exc).__name__}: {exc}".splitlines()[0]) from exc
        try:
            if resp.status in (301, 302, 303, 307, 308):
                location = resp.headers.get("Location")
                if not location:
                    raise SkipInput(f"HTTP {resp.status} redirect without a Location header")
                current = urljoin(current, location)
                continue
            if resp.status != 200:
                raise SkipInput(f"HTTP {resp.status} {resp.reason or ''}".strip())
            ctype_full = resp.headers.get("Content-Type", "text/html")
            ctype = ctype_full.split(";")[0].strip().lower()
            if ctype not in ACCEPTED_TYPES:
                raise SkipInput(f"unsupported content type {ctype!r}: casus reads HTML and plain text")
            length = resp.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise SkipInput(f"too large: {int(length):,} bytes > limit {max_bytes:,}")
            body = bytearray()
            for chunk in resp.stream(64 * 1024):
                body += chunk
                if len(body) > max_bytes:
                    raise SkipInput(f"too large: over the limit of {max_bytes:,} bytes")
            charset = None
            if "charset=" in ctype_full:
                charset = ctype_full.split("charset=")[-1].split(";")[0].strip().strip('"') or None
            return Fetched(url=current, body=bytes(body), content_type=ctype, charset=charset)
        except urllib3.exceptions.HTTPError as exc:
            raise SkipInput(f"fetch failed while reading: {type(exc).__name__}") from exc
        finally:
            resp.release_conn()
    raise SkipInput(f"too many redirects (more than {MAX_REDIRECTS})")
