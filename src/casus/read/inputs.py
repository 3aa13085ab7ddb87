"""Reading inputs: files, folders and URLs into raw inputs (text plus what the page says about itself)."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import charset_normalizer

from casus.errors import SkipInput
from casus.read import fetch, frontmatter
from casus.read.pagemeta import find_published, find_title, parse_date  # noqa: F401 (re-exported)
from casus.records import RawInput

MAX_FILE_BYTES = 20 * 1024 * 1024
TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown", ".rst", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
SNIFF_BYTES = 8192




@dataclass(slots=True)
class Skip:
    location: str
    reason: str


# -- finding inputs ---------------------------------------------------------


@dataclass
class Inputs:
    """The files and URLs that `paths` name, in order; folders are walked again on each iteration.

    Only the count, the skips and the top-level paths are held, never the list of
    every file, so memory does not grow with the corpus.
    """

    roots: list[tuple[str, bool]]  # (location, is a folder to walk)
    exclude: frozenset[Path]
    count: int
    skipped: list[Skip]

    def __iter__(self) -> Iterator[str]:
        for location, is_folder in self.roots:
            if is_folder:
                yield from walk_folder(location, self.exclude)
            else:
                yield location

    def __len__(self) -> int:
        return self.count


def walk_folder(folder: str, exclude: frozenset[Path] = frozenset()) -> Iterator[str]:
    """Files under `folder`, hidden entries and `exclude` left out, in sorted path order, one at a time.

    Sorting each folder's entries with a separator after folder names gives the
    order of sorting all the paths, without holding them.
    """
    try:
        with os.scandir(folder) as it:
            entries = []
            for entry in it:
                if entry.name.startswith("."):
                    continue
                try:
                    if entry.is_dir(follow_symlinks=False):
                        entries.append((entry.name + os.sep, entry.path, True, False))
                    elif entry.is_file():
                        entries.append((entry.name, entry.path, False, entry.is_symlink()))
                except OSError:
                    continue
    except OSError:
        return
    names = {p.name for p in exclude}
    for key, path, is_folder, is_link in sorted(entries):
        if is_folder:
            yield from walk_folder(path, exclude)
        elif not ((key in names or is_link) and Path(path).resolve() in exclude):
            yield path


def find_inputs(paths: Iterable[str], exclude: Iterable[Path] = ()) -> Inputs:
    """Files (folders walked recursively, hidden entries and `exclude` left out) and URLs, counted.

    Missing paths and empty folders come back as skips.
    """
    excluded = frozenset(p.resolve() for p in exclude)
    roots: list[tuple[str, bool]] = []
    skips: list[Skip] = []
    count = 0
    for p in paths:
        if fetch.is_url(p):
            roots.append((p, False))
            count += 1
            continue
        path = Path(p)
        if path.is_dir():
            n = sum(1 for _ in walk_folder(str(path), excluded))
            if not n:
                skips.append(Skip(p, "folder has no files"))
            roots.append((str(path), True))
            count += n
        elif path.is_file():
            roots.append((p, False))
            count += 1
        elif path.exists():
            skips.append(Skip(p, "not a regular file"))
        else:
            skips.append(Skip(p, "no such file or folder"))
    return Inputs(roots, excluded, count, skips)


def expand_inputs(paths: Iterable[str], exclude: Iterable[Path] = ()) -> tuple[list[str], list[Skip]]:
    """Files (folders walked recursively, hidden entries and `exclude` left out) and URLs, in order.

    Missing paths come back as skips.
    """
    inputs = find_inputs(paths, exclude)
    return list(inputs), inputs.skipped


# -- reading ----------------------------------------------------------------


# Byte-order marks, UTF-32 before UTF-16 (the UTF-32 LE mark begins with the UTF-16 LE one).
_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"),
)


def decode(data: bytes, declared: str | None = None) -> str:
    """Bytes to text: UTF-8 first, then the declared charset, then charset detection; SkipInput if binary."""
    if not data.strip():
        raise SkipInput("empty file")
    head = data[:SNIFF_BYTES]
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(codec)
            except UnicodeDecodeError as exc:
                raise SkipInput(f"invalid {codec} text after its byte-order mark (at byte {exc.start})") from exc
    if b"\x00" in head:
        raise SkipInput("binary file (NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            return data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise SkipInput("not text: no character encoding fits")
    text = str(best)
    controls = sum(1 for ch in text[:SNIFF_BYTES] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > len(text[:SNIFF_BYTES]) * 0.05:
        raise SkipInput("binary file (control characters), not text")
    return text


def looks_like_html(text: str, suffix: str = "") -> bool:
    if suffix in HTML_SUFFIXES:
        return True
    head = text[:2048].lstrip().lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) or "<body" in head or "<article" in head


def read_file(path: str, max_bytes: int = MAX_FILE_BYTES) -> RawInput:
    """One file as a RawInput; SkipInput with the reason if it cannot be read as an article."""
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > max_bytes:
            raise SkipInput(f"too large: {size / 1e6:.1f} MB > limit {max_bytes / 1e6:.0f} MB (raise it with --max-bytes)")
        with open(p, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        raise SkipInput(f"cannot read: {exc.strerror or exc}") from exc
    text = decode(data)
    suffix = p.suffix.lower()
    if looks_like_html(text, suffix):
        return from_html(path, text)
    if suffix not in TEXT_SUFFIXES and not suffix.startswith(".txt"):
        raise SkipInput(f"unsupported file type {suffix!r}: casus reads .txt, .md and .html")
    return from_text(path, text)


def read_url(url: str, allow_private: bool = False, max_bytes: int = MAX_FILE_BYTES) -> RawInput:
    got = fetch.fetch(url, allow_private=allow_private, max_bytes=max_bytes)
    text = decode(got.body, got.charset)
    if got.content_type in ("text/html", "application/xhtml+xml") or looks_like_html(text):
        raw = from_html(url, text)
    else:
        raw = from_text(url, text)
    raw.url = raw.url or got.url
    if raw.site is None:
        host = urlsplit(got.url).hostname or ""
        raw.site = host[4:] if host.startswith("www.") else host
    return raw


# lxml's parse time grows with the square of the attributes on one tag: refuse pages that
# carry attribute floods long before that matters (real pages have a few dozen per tag).
MAX_ATTRIBUTES_PER_TAG = 1000
_LONG_TAG = re.compile(r"<[A-Za-z][^<>]{20000,}>")
_ATTRIBUTE = re.compile(r"\s[^\s=<>/\"']+\s*=")


def check_markup(html: str) -> None:
    """SkipInput if a tag carries more attributes than any real page does."""
    for m in _LONG_TAG.finditer(html):
        count = sum(1 for _ in _ATTRIBUTE.finditer(html, m.start(), m.end()))
        if count > MAX_ATTRIBUTES_PER_TAG:
            raise SkipInput(f"HTML refused: a tag with {count:,} attributes (limit {MAX_ATTRIBUTES_PER_TAG:,})")


# libxml2 (lxml, under trafilatura) stops building its tree this many elements deep: whatever
# text lies deeper would be lost, so such pages are read by a parser that builds no tree.
LXML_MAX_DEPTH = 256
_FLAT_SKIP = {"script", "style", "noscript", "template", "svg", "math", "head"}
_FLAT_BLOCKS = {"p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "li", "ul", "ol",
                "table", "tr", "td", "th", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "dd", "dt",
                "figure", "figcaption", "form", "hr", "br"}


def too_deep_for_lxml(html: str) -> bool:
    """True when lxml stops parsing the page for its depth (its error log says so); cheap for small pages."""
    if html.count("<") < LXML_MAX_DEPTH:
        return False
    from lxml import etree  # type: ignore[import-untyped]

    parser = etree.HTMLParser(encoding="utf-8", no_network=True)
    try:
        etree.fromstring(html.encode("utf-8", "surrogatepass"), parser)
    except (etree.Error, ValueError):
        return False
    return any("depth" in entry.message.lower() for entry in parser.error_log)


def flat_html_text(html: str) -> tuple[str | None, str]:
    """(title, text) of a page read as a stream of tags, with no tree: any depth, blocks kept apart."""
    from html.parser import HTMLParser

    parts: list[str] = []
    title: list[str] = []
    state = {"skip": 0, "title": False}

    class Flat(HTMLParser):
        def handle_starttag(self, tag: str, attrs: object) -> None:
            if tag == "title":
                state["title"] = True
            elif tag in _FLAT_SKIP:
                state["skip"] += 1
            elif tag in _FLAT_BLOCKS:
                parts.append("\n\n")

        def handle_endtag(self, tag: str) -> None:
            if tag == "title":
                state["title"] = False
            elif tag in _FLAT_SKIP:
                state["skip"] = max(0, state["skip"] - 1)
            elif tag in _FLAT_BLOCKS:
                parts.append("\n\n")

        def handle_data(self, data: str) -> None:
            if state["title"]:
                title.append(data)
            elif not state["skip"]:
                parts.append(data)

    flat = Flat(convert_charrefs=True)
    flat.feed(html)
    flat.close()
    blocks = (" ".join(block.split()) for block in "".join(parts).split("\n\n"))
    return " ".join("".join(title).split()) or None, "\n\n".join(b for b in blocks if b)


def from_deep_html(location: str, html: str) -> RawInput:
    """A page nested deeper than lxml goes: text from `flat_html_text`, date and site from the page's head."""
    import trafilatura

    title, text = flat_html_text(html)
    if not text:
        raise SkipInput(f"HTML nested deeper than {LXML_MAX_DEPTH} levels, and no text in it")
    meta: dict[str, object] = {}
    try:
        found = trafilatura.extract_metadata(html)
        meta = found.as_dict() if found is not None else {}
    except Exception:  # metadata is a bonus: the text is what counts  # noqa: BLE001
        meta = {}
    return RawInput(location=location, text=text, title=title or _str(meta.get("title")),
                    published=_str(meta.get("date")), site=_site_name(meta, location), is_html=True)


def _str(value: object) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def from_html(location: str, html: str) -> RawInput:
    """Main text and metadata of an HTML page, via trafilatura (`from_deep_html` when lxml cannot go deep enough)."""
    import trafilatura  # imported here: it is slow to import and only HTML needs it

    check_markup(html)
    if too_deep_for_lxml(html):
        return from_deep_html(location, html)

    try:
        doc = trafilatura.bare_extraction(
            html, url=location if fetch.is_url(location) else None, with_metadata=True,
            include_comments=False, include_tables=False, favor_precision=False,
        )
    except Exception as exc:  # trafilatura raises many kinds on hostile markup
        raise SkipInput(f"HTML could not be parsed: {type(exc).__name__}") from exc
    if doc is None:
        raise SkipInput("HTML page has no article text")
    meta = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    text = meta.get("text") or ""
    if not text.strip():
        raise SkipInput("HTML page has no article text")
    return RawInput(
        location=location, text=text, title=meta.get("title"), published=meta.get("date"),
        site=_site_name(meta, location), is_html=True, url=meta.get("url") or None,
    )


def _site_name(meta: dict[str, object], location: str) -> str | None:
    """The outlet's own name; None when trafilatura only echoed the host name."""
    site = meta.get("sitename")
    if not isinstance(site, str) or not site.strip():
        return None
    hosts = {str(meta.get("hostname") or ""), urlsplit(location).netloc if fetch.is_url(location) else ""}
    return None if site in hosts or site.split(":")[0] in hosts else site


def from_text(location: str, text: str) -> RawInput:
    """A plain-text or Markdown scrape: its YAML front matter if it has one, else a date from near the top.

    The title is left to the cleaned text (`find_title`) unless the front matter gives one,
    so a junk first line never becomes the title.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    header, body = frontmatter.split(text)
    if header is None:
        return RawInput(location=location, text=text, published=find_published(text))
    return RawInput(
        location=location, text=body, title=header.title, url=header.url,
        published=header.published if header.published else find_published(body), meta=header.meta,
    )



def read_input(location: str, allow_private: bool = False, max_bytes: int = MAX_FILE_BYTES) -> RawInput:
    if fetch.is_url(location):
        return read_url(location, allow_private=allow_private, max_bytes=max_bytes)
    return read_file(location, max_bytes=max_bytes)



def check_name(location: str) -> str | None:
    """Why a file name or URL cannot be stored (bytes that are not UTF-8), or None."""
    try:
        location.encode("utf-8")
    except UnicodeEncodeError:
        what = "URL" if fetch.is_url(location) else "file name"
        return f"{what} is not valid UTF-8; rename it (or percent-encode the URL)"
    return None


