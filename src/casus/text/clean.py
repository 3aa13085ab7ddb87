"""Remove web junk from article text.

The raw text is cut into *blocks*: one per line, and for long run-on lines
(Markdown flattened onto one line) one per inline piece (a ``---`` rule, a
``## heading`` and what follows it, a ``* [link](#anchor)`` item). A cascade of
detectors, cheap to expensive, marks blocks as junk; the thresholds and token
lists live in ``casus/data/junk.yaml``:

1. profile  ``Key : value`` field blocks (author profiles, social cards)
2. lines    one-line patterns (navigation, UI labels, social buttons, credits)
3. lists    bullet runs (tables of contents, link farms)
4. cta      sentences that ask the reader to comment, subscribe, read more
5. repeats  repeated lines and image-gallery caption runs

The clean text is the kept blocks, with the original line breaks between them;
every removed run becomes a :class:`~casus.records.Junk` whose ``text`` is the
verbatim raw text it covered. The paragraphs the cta detector split into
sentences and kept whole come along in ``Cleaned.lines``, so the segmenter does
not split them a second time.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache, partial
from typing import Any

from casus.datafiles import read_yaml
from casus.records import Cleaned, Junk, Span
from casus.text.segment import split_sentences

__all__ = ["KINDS", "clean_text", "compile_rules", "load_rules"]

KINDS = ("link_list", "author_profile", "social", "caption", "cta", "nav")  # Junk.kind values


# --- rules -------------------------------------------------------------------


def _alternation(words: Iterable[str]) -> str:
    """A regex alternation of literal phrases, longest first, spaces flexible."""
    items = sorted({w.strip().lower() for w in words if str(w).strip()}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items)


@dataclass(frozen=True)
class Rules:
    """Compiled form of ``junk.yaml``."""

    raw: dict[str, Any]
    field_line: re.Pattern[str]
    profile_keys: frozenset[str]
    social_keys: frozenset[str]
    profile_header: re.Pattern[str]
    social_header: re.Pattern[str]
    platform_line: re.Pattern[str]
    toc_header: re.Pattern[str]
    nav_any: re.Pattern[str]  # a nav line, a nav prefix or a nav pattern
    ui_word: re.Pattern[str]
    social_button: re.Pattern[str]
    share_on: re.Pattern[str]  # "Share on X": a verb, "on", any platform name, nothing else
    list_header: re.Pattern[str]
    platform_word: re.Pattern[str]
    credit_tail: re.Pattern[str]
    credit_prefix: re.Pattern[str]
    cta_trigger: re.Pattern[str]
    function_words: frozenset[str]
    cta_strong: tuple[re.Pattern[str], ...]
    cta_weak: tuple[re.Pattern[str], ...]
    gallery_index: re.Pattern[str]  # a trailing gallery number, left out of repeat keys
    byline: re.Pattern[str]

    def get(self, section: str, key: str) -> Any:
        """One threshold or list from the YAML."""
        return self.raw[section][key]


@lru_cache(maxsize=1)
def load_rules() -> Rules:
    """Read and compile ``casus/data/junk.yaml`` (cached)."""
    return compile_rules(read_yaml("junk.yaml"))


def _check_lists(node: Any, path: str = "") -> None:
    """Every list entry must be a string (YAML reads a bare ``on`` or ``no`` as a bool)."""
    if isinstance(node, dict):
        for k, v in node.items():
            _check_lists(v, f"{path}.{k}" if path else str(k))
    elif isinstance(node, list):
        for v in node:
            if not isinstance(v, str):
                raise ValueError(f"junk rules: {path} holds {v!r}, not a string; quote it in junk.yaml")


def compile_rules(raw: dict[str, Any]) -> Rules:
    """Compile the YAML mapping into regexes."""
    _check_lists(raw)
    p, ln = raw["profile"], raw["lines"]
    bullet = r"^\s*(?:[-*•·▪●◦‣]\s*)?"
    key_words = int(p["max_key_words"])
    field_line = re.compile(
        bullet + r"(?P<key>[A-Za-z][A-Za-z'\-]*(?:\s+[A-Za-z][A-Za-z'\-]*){0,%d})\s*:\s*(?P<value>\S.*)?$"
        % (key_words - 1)
    )
    colon_end = r"\s*[:：]?\s*$"
    i = re.IGNORECASE
    platforms = _alternation(p["platforms"])
    any_platform = _alternation(list(p["platforms"]) + list(p["ambiguous_platforms"]))
    credit = _alternation(ln["credit_sources"])
    return Rules(
        raw=raw,
        field_line=field_line,
        profile_keys=frozenset(k.lower() for k in p["field_keys"]),
        social_keys=frozenset(k.lower() for k in p["social_keys"]),
        profile_header=re.compile(bullet + r"(?:%s)%s" % (_alternation(p["profile_headers"]), colon_end), i),
        social_header=re.compile(bullet + r"(?:%s)%s" % (_alternation(p["social_headers"]), colon_end), i),
        platform_line=re.compile(bullet + r"(?:%s)%s" % (any_platform, colon_end), i),
        toc_header=re.compile(r"^\W{0,3}(?:%s)\W{0,3}$" % _alternation(raw["lists"]["toc_headers"]), i),
        nav_any=re.compile(
            "|".join(
                [r"^\W{0,3}(?:%s)\W{0,3}$" % _alternation(ln["nav_lines"]),
                 r"^\W{0,3}(?:%s)\s*(?:$|[:|»›>\-–—])" % _alternation(ln["nav_prefixes"])]
                + ["(?:%s)" % x for x in ln["nav_patterns"]]
            ),
            i,
        ),
        ui_word=re.compile(r"\b(?:%s)\b" % _alternation(ln["ui_words"]), i),
        social_button=re.compile(r"\b(?:%s)\b" % _alternation(ln["social_verbs"]), i),
        share_on=re.compile(
            r"^\W{0,3}(?:%s)(?:\s+us)?\s+(?:on|via|with)\s+(?:%s)\W{0,3}$"
            % (_alternation(ln["social_verbs"]), any_platform),
            i,
        ),
        list_header=re.compile(r"^\W{0,3}(?:%s)\b" % _alternation(ln["list_header_prefixes"]), i),
        platform_word=re.compile(r"\b(?:%s)\b" % platforms, i),
        credit_tail=re.compile(
            r"(?:^|[/|,;:·•(\-–—]|\bvia|\bby|\bfor)\s*(?:©\s*)?(?:%s)(?:\s+(?:%s))?\W{0,3}$"
            % (credit, _alternation(ln["credit_suffixes"])), i),
        credit_prefix=re.compile(r"^\W{0,3}(?:%s)\b\s*(?:[:/|\-–—]|by\b)" % _alternation(ln["credit_prefixes"]), i),
        function_words=frozenset(w.lower() for w in raw["lists"]["start_case_function_words"]),
        cta_trigger=re.compile(r"\b(?:%s)\b" % _alternation(raw["cta"]["triggers"]), i),
        cta_strong=tuple(re.compile(x, i) for x in raw["cta"]["strong"]),
        cta_weak=tuple(re.compile(x, i) for x in raw["cta"]["weak"]),
        gallery_index=re.compile(raw["repeats"]["gallery_index"], i),
        byline=re.compile("|".join("(?:%s)" % x for x in ln["byline_patterns"]), i),
    )


# --- blocks --------------------------------------------------------------------


@dataclass(slots=True)
class Block:
    """A stripped span of the raw text judged as one unit."""

    start: int
    end: int
    line: int  # index of the raw line the block sits on
    text: str  # raw[start:end]
    kind: str | None = None  # junk kind once marked
    role: str = "text"  # text | rule | heading | bullet
    _n: int = -1
    _k: str | None = None

    @property
    def junk(self) -> bool:
        return self.kind is not None

    def nwords(self) -> int:
        """Word count (cached)."""
        if self._n < 0:
            self._n = _nwords(self.text)
        return self._n

    def key(self) -> str:
        """Repeat-comparison key (cached)."""
        if self._k is None:
            self._k = _key(self.text)
        return self._k


def _block(raw: str, start: int, end: int, line: int, kind: str | None = None, role: str | None = None) -> Block:
    """A block over ``raw[start:end]``; its role is read from its text unless given."""
    text = raw[start:end]
    return Block(start, end, line, text, kind, role or _role(text))


_WORD = re.compile(r"[^\W_]+(?:['’.\-][^\W_]+)*")
_BULLET = re.compile(r"^(?:[-*•·▪●◦‣]|\d{1,3}[.)])\s+")
_RULE = re.compile(r"^(?:-{3,}|\*{3,}|_{3,})$")
_CUT_CHARS = re.compile(r"[-*_#•]+")  # where inline structure can start
_SENTENCE_CLOSERS = '.!?"”)'
_MD_LINK = re.compile(r"!?\[([^\[\]\n]{0,300})\]\(([^()\s]{0,500})\)")
_URL = re.compile(r"\bhttps?://\S+|\bwww\.\S+")
_EMAIL = re.compile(r"[\w.+\-]+@[\w\-]+\.[\w.\-]+")
_PHONE = re.compile(r"\+?\d[\d\s().\-]{6,}\d")
_SENT_END = re.compile(r"[.!?…][\"'”’)\]*]*$")
_TAIL_START = re.compile(r"[.!?…][\"'”’)\]*]*\s+(?=\S)")  # a sentence end inside a block
_CREDIT_SEP = re.compile(r"\s(?=[/|]\s)")  # " / © AFP": where a glued credit may start
_WORD_TOKEN = re.compile(r"[^\W_]\S*")  # from a token's first letter or digit to its end
# A hard wrap: one line break inside a sentence, after a word or a comma and before a lowercase word.
_HARD_WRAP = re.compile(r"(?<=[^\W_]|[,;])[ \t]*(?:\r\n|\n|\r)(?=[ \t]*[a-z])")


def _lines(raw: str) -> list[tuple[int, int]]:
    """(start, end) of every line, without its line break."""
    out, pos = [], 0
    for m in re.finditer(r"\r\n|\n|\r", raw):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(raw)))
    return out


def _strip(raw: str, start: int, end: int) -> tuple[int, int]:
    """Shrink (start, end) past surrounding whitespace."""
    while start < end and raw[start].isspace():
        start += 1
    while end > start and raw[end - 1].isspace():
        end -= 1
    return start, end


def _role(text: str) -> str:
    """rule (``---``), heading (``#``), bullet (``- ``, ``1.``) or text."""
    if _RULE.match(text):
        return "rule"
    if text.startswith("#"):
        return "heading"
    if _BULLET.match(text):
        return "bullet"
    return "text"


def _inline_cuts(raw: str, start: int, end: int) -> list[int]:
    """Offsets where a run-on line changes structure.

    At a horizontal rule (cut before and after it), a ``#`` heading marker, a
    bullet holding a link (``* [``), and a bullet after a sentence end, glued
    (``end.- Item``) or spaced (``end. * Item``).
    """
    cuts: list[int] = []
    for m in _CUT_CHARS.finditer(raw, start, end):
        a, b = m.start(), m.end()
        run = m.group()
        before = raw[a - 1] if a > start else " "
        after = raw[b] if b < end else " "
        spaced_before, spaced_after = before.isspace(), after.isspace()
        if len(run) >= 3 and len(set(run)) == 1 and run[0] in "-*_" and spaced_before and spaced_after:
            cuts += [a, b]  # --- rule
        elif run[0] == "#" and len(run) <= 6 and len(set(run)) == 1 and spaced_before and spaced_after:
            cuts.append(a)  # ## heading
        elif len(run) == 1 and run in "-*•" and spaced_after:
            nxt = raw[b : min(end, b + 3)].lstrip()
            if spaced_before and nxt.startswith("["):
                cuts.append(a)  # * [link]
            elif before in _SENTENCE_CLOSERS and nxt:
                cuts.append(a)  # end.- Item
            elif spaced_before and run != "-" and a - 2 >= start and raw[a - 2] in _SENTENCE_CLOSERS:
                cuts.append(a)  # end. * Item
    return [c for c in cuts if start < c < end]


def _blocks(raw: str, min_split: int) -> list[Block]:
    """Cut the raw text into line blocks, and long lines into inline pieces."""
    blocks: list[Block] = []
    for n, (ls, le) in enumerate(_lines(raw)):
        s, e = _strip(raw, ls, le)
        if s == e:
            continue
        cuts = [s]
        if e - s >= min_split:
            cuts += _inline_cuts(raw, s, e)
        cuts.append(e)
        for a, b in zip(cuts, cuts[1:]):
            a, b = _strip(raw, a, b)
            if a < b:
                blocks.append(_block(raw, a, b, n))
    return blocks


def _words(text: str) -> list[str]:
    """Words, with inner apostrophes, periods and hyphens ("Russia's", "U.S", "Iran-Russia")."""
    return _WORD.findall(text)


LONG = 10_000  # word count reported for any block too long to be short
MAX_REPEAT_CHARS = 2000  # longer blocks are prose: never compared for repeats


def _nwords(text: str) -> int:
    """Whitespace-separated tokens that hold a letter or digit; fast and bounded."""
    if len(text) > 3000:
        return LONG
    return len(_WORD_TOKEN.findall(text))


def _unbullet(text: str) -> str:
    """The text after a leading bullet or list number."""
    return _BULLET.sub("", text, count=1).strip()


def _key(text: str) -> str:
    """Comparison key for repeated-line detection: case and spacing folded."""
    return " ".join(text.split()).casefold()


def _sentence_like(text: str, min_words: int) -> bool:
    """Ends like a sentence and is long enough to be prose."""
    t = text.rstrip("*_ ")
    return _ends_sentence(t) and _nwords(t) >= min_words


def _ends_sentence(text: str) -> bool:
    """Ends in sentence punctuation, perhaps followed by closing quotes or ``**``."""
    return bool(_SENT_END.search(text[-12:]))


# --- 1. profile and social field blocks ---------------------------------------


def _field(rules: Rules, text: str) -> tuple[str, str] | None:
    """(key, value) when the line is a profile field such as ``Email : x@y.z``."""
    m = rules.field_line.match(text)
    if not m:
        return None
    key = " ".join(m.group("key").lower().split())
    if key not in rules.profile_keys and key not in rules.social_keys:
        return None
    return key, (m.group("value") or "").strip()


def _is_label(text: str, max_words: int) -> bool:
    """A short line ending in a colon ("Author details:")."""
    return text.endswith((":", "：")) and _nwords(text) <= max_words and not _ends_sentence(text[:-1])


def _is_contact(value: str) -> bool:
    """An e-mail address, URL or phone number (short values only: keeps the regexes cheap)."""
    if len(value) > 200:
        return False
    return bool(("@" in value and _EMAIL.search(value)) or _URL.search(value) or _PHONE.fullmatch(value))


def _is_social_field(rules: Rules, key: str, value: str) -> bool:
    """``followers : 12`` or a URL on a social platform."""
    if key in rules.social_keys and key not in rules.profile_keys:
        return True
    return bool(_URL.search(value) and rules.platform_word.search(value))


def _header_kind(rules: Rules, text: str) -> str | None:
    if len(text) > 60 or _nwords(text) > rules.get("profile", "max_header_words"):
        return None
    if rules.platform_line.match(text) or rules.social_header.match(text):
        return "social"
    if rules.profile_header.match(text):
        return "author_profile"
    return None


def _mark_profiles(raw: str, blocks: list[Block], rules: Rules) -> None:
    """Mark runs of field lines, with their headers, as author_profile / social."""
    min_fields = rules.get("profile", "min_field_lines")
    min_contact = rules.get("profile", "min_field_lines_with_contact")
    max_header = rules.get("profile", "max_header_words")
    min_platforms = rules.get("profile", "min_platform_lines")
    i = 0
    while i < len(blocks):
        # a candidate run: headers and field lines, nothing else between
        j, fields, contact, platforms = i, 0, False, 0
        info: list[tuple[str, tuple[str, str] | None, str | None]] = []
        while j < len(blocks) and blocks[j].kind is None:
            text = blocks[j].text
            f = _field(rules, text) if ":" in text or "：" in text else None
            h = None if f else _header_kind(rules, text)
            if not f and not h:
                break
            if f:
                fields += 1
                contact = contact or _is_contact(f[1])
            elif rules.platform_line.match(text):
                platforms += 1
            info.append((text, f, h))
            j += 1
        if fields >= min_fields or (contact and fields >= min_contact) or platforms >= min_platforms:
            kind = "author_profile"
            if i > 0 and blocks[i - 1].kind is None and _is_label(blocks[i - 1].text, max_header):
                i -= 1  # a label such as "Contact details:" heads the block, and takes its kind
                _, f0, h0 = info[0]
                first = h0 or ("social" if f0 and f0[0] in rules.social_keys - rules.profile_keys else "author_profile")
                info.insert(0, (blocks[i].text, None, first))
            for b, (_, f, h) in zip(blocks[i:j], info):
                if h:
                    kind = h
                elif f and _is_social_field(rules, *f):
                    kind = "social"
                b.kind = kind
            # headers left dangling at the end of a run (an empty "tiktok:") stay with it
            i = j
        else:
            i = max(j, i + 1)


# --- 2. one-line patterns -------------------------------------------------------


def _link_density(text: str) -> float:
    """Share of the characters inside Markdown links or bare URLs."""
    linked = sum(len(m.group(0)) for m in _MD_LINK.finditer(text))
    linked += sum(len(m.group(0)) for m in _URL.finditer(_MD_LINK.sub("", text)))
    return linked / max(1, len(text))


_CRUMB_SEP = re.compile(r"\s[>›»]\s")


def _is_breadcrumb(text: str, min_parts: int) -> bool:
    """"Home > World > Middle East": short parts between ">" signs, no sentence punctuation."""
    parts = _CRUMB_SEP.split(text)
    if len(parts) < min_parts:
        return False
    return all(p.strip() and _nwords(p) <= 5 and not re.search(r"[.!?,;]", p) for p in parts)


def _is_credit(rules: Rules, text: str, n: int) -> bool:
    """A photo credit: "Jane Roe / AFP", "Photo: Reuters", "AFP"."""
    if n > rules.get("lines", "max_credit_words") or _sentence_like(text, 4):
        return False
    return bool(rules.credit_tail.search(text[-60:]) or rules.credit_prefix.match(text))


def _link_line_kind(text: str, max_density: float) -> str | None:
    """A line that is mostly links: an image, a table of contents or a link list."""
    if _link_density(text) <= max_density:
        return None
    links = list(_MD_LINK.finditer(text))
    if links and all(m.group(0).startswith("!") for m in links):
        return "caption"  # an embedded image
    if any(m.group(2).startswith("#") for m in links):
        return "nav"  # in-page anchors: a table of contents
    return "link_list"


def _line_kind(rules: Rules, text: str, at_edge: bool) -> str | None:
    """Junk kind of a single short line, or None."""
    has_link = "](" in text or "://" in text or "www." in text
    if has_link and len(text) <= rules.get("lines", "max_link_line_chars"):
        kind = _link_line_kind(text, rules.get("lines", "max_link_density"))
        if kind:
            return kind
    if len(text) > rules.get("lines", "max_chars"):
        return None
    n = _nwords(text)
    if n > rules.get("lines", "max_words"):
        return None
    body = _unbullet(text)
    if rules.byline.match(body):
        return "author_profile"
    if rules.nav_any.search(body) or _is_breadcrumb(body, rules.get("lines", "min_breadcrumb_parts")):
        return "nav"
    if _is_credit(rules, body, n):
        return "caption"
    if not _ends_sentence(body) and (
        rules.share_on.match(body) or (rules.platform_word.search(body) and rules.social_button.search(body))
    ):
        return "social"
    if body[:1].islower() and body == body.lower() and not re.search(r"[.!?,;:]", body):
        if rules.ui_word.search(body):
            return "nav"
        if at_edge and n <= rules.get("lines", "max_lowercase_label_words"):
            return "nav"
    return None


def _mark_lines(raw: str, blocks: list[Block], rules: Rules) -> None:
    """Mark one-line navigation, UI labels, social buttons, credits, link lines."""
    if not blocks:
        return
    first, last = blocks[0].line, blocks[-1].line
    for b in blocks:
        if b.kind is None and b.role in ("text", "bullet", "heading"):
            text = b.text.lstrip("#").strip() if b.role == "heading" else b.text
            b.kind = _line_kind(rules, text, b.line in (first, last))


# --- 3. bullet runs -------------------------------------------------------------


def _is_start_case(item: str, min_words: int) -> bool:
    """Every word capitalised ("The Rise Of A Star"), and long enough to be a title."""
    words = _words(item)
    return len(words) >= min_words and all(w[0].isupper() for w in words if w[0].isalpha())


def _has_capital_function_word(item: str, function_words: frozenset[str]) -> bool:
    """A capitalised "Of", "And", "The"... after the first word: Start Case, not headline case."""
    words = _words(item)[1:]
    return any(w[0].isupper() and w.lower() in function_words for w in words)


def _heading_lines(raw: str, blocks: list[Block]) -> dict[str, int]:
    """Key of each heading-like block (short, unterminated or ``#``-marked) -> last index."""
    out: dict[str, int] = {}
    for n, b in enumerate(blocks):
        if b.role in ("text", "heading") and b.kind is None and b.nwords() <= 16 and not _ends_sentence(b.text):
            out[_key(b.text.lstrip("#")) if b.role == "heading" else b.key()] = n
    return out


def _list_kind(rules: Rules, items: list[str], headings: Callable[[str], bool]) -> str | None:
    """Junk kind of a run of bullet items, or None when it reads as article text."""
    lr = rules.raw["lists"]
    links = [_MD_LINK.search(it) for it in items]
    anchors = sum(1 for m in links if m and m.group(2).startswith("#"))
    if anchors >= lr["min_anchor_items"] and anchors >= len(items) / 2:
        return "nav"
    if len(items) < lr["min_items"]:
        return None
    plain = [_MD_LINK.sub(lambda m: m.group(1), it).strip() for it in items]
    echoes = sum(1 for t in plain if headings(_key(t)))
    if echoes / len(items) >= lr["min_heading_echo_share"]:
        return "nav"
    if any(_nwords(t) > lr["max_item_words"] for t in plain):
        return None
    linked = sum(1 for it, m in zip(items, links) if m or _URL.search(it))
    if linked / len(items) >= lr["min_link_item_share"]:
        return "link_list"
    if any(_ends_sentence(t) for t in plain):
        return None
    start_case = sum(1 for t in plain if _is_start_case(t, lr["start_case_min_words"]))
    function_words = rules.function_words
    if start_case / len(items) >= lr["min_start_case_share"] and any(
        _has_capital_function_word(t, function_words) for t in plain
    ):
        return "link_list"
    return None


def _headed_list_kind(rules: Rules, header: str, items: list[str]) -> str | None:
    """The kind of a list under a navigation header: "Table of Contents" makes it a
    TOC; "Related", "Read more" and the like make a list of short titles a link list."""
    title = _unbullet(header.lstrip("#").strip())
    if rules.toc_header.match(title):
        return "nav"
    max_words = rules.get("lists", "max_item_words")
    if rules.list_header.match(title) and all(_nwords(t) <= max_words and not _ends_sentence(t) for t in items):
        return "link_list"
    return None


def _is_list_header(rules: Rules, text: str) -> bool:
    """A short title such as "Related Coverage" over a junk list."""
    return _nwords(text) <= 5 and not _ends_sentence(text) and bool(rules.list_header.match(text))


def _mark_lists(raw: str, blocks: list[Block], rules: Rules) -> None:
    """Mark tables of contents and link farms among runs of bullet items."""
    headings = _heading_lines(raw, blocks)
    i = 0
    while i < len(blocks):
        b = blocks[i]
        if b.kind is not None or b.role != "bullet":
            i += 1
            continue
        j = i
        while j < len(blocks) and blocks[j].kind is None and blocks[j].role == "bullet":
            j += 1
        run = blocks[i:j]
        items = [_unbullet(x.text) for x in run]
        end = j

        def later(key: str, end: int = end) -> bool:  # the item comes back as a heading after the run
            return headings.get(key, -1) >= end

        kind = _list_kind(rules, items, later)
        header = blocks[i - 1] if i > 0 else None
        if kind is None and header is not None and header.kind == "nav" and header.line < run[0].line:
            kind = _headed_list_kind(rules, header.text, items)
        if kind:
            for x in run:
                x.kind = kind
        i = j
    # a title such as "Related Coverage" heads the junk list under it
    for prev, b in zip(blocks, blocks[1:]):
        heads = b.role == "bullet" and b.kind in ("link_list", "nav") and prev.kind is None and prev.line < b.line
        if heads and _is_list_header(rules, _unbullet(prev.text.lstrip("#").strip())):
            prev.kind = b.kind


# --- 4. calls to action ---------------------------------------------------------


def _cta_score(rules: Rules, sentence: str) -> int:
    """2 for a strong call to action, 1 for a question to the reader, else 0."""
    if len(sentence) > rules.get("cta", "max_sentence_chars"):
        return 0
    if any(p.search(sentence) for p in rules.cta_strong):
        return 2
    if any(p.search(sentence) for p in rules.cta_weak):
        return 1
    return 0


def _cta_spans(rules: Rules, text: str, splits: dict[str, list[Span]] | None = None) -> list[tuple[int, int]]:
    """Offsets in ``text`` of runs of call-to-action sentences; the sentences split go into ``splits``."""
    hits = [m.start() for m in rules.cta_trigger.finditer(text)]
    if not hits:
        return []
    spans = split_sentences(text)
    if splits is not None:
        splits[text] = spans
    scores = []
    for s in spans:
        k = bisect_left(hits, s.start)
        triggered = k < len(hits) and hits[k] < s.end
        scores.append(_cta_score(rules, text[s.start : s.end]) if triggered else 0)
    out, k = [], 0
    while k < len(spans):
        if scores[k] == 0:
            k += 1
            continue
        m = k
        while m < len(spans) and scores[m] > 0:
            m += 1
        if max(scores[k:m]) == 2:
            out.append((spans[k].start, spans[m - 1].end))
        k = m
    if out:
        leftover, pos = [], 0
        for a, b in out:
            leftover.append(text[pos:a])
            pos = b
        leftover.append(text[pos:])
        if _nwords(" ".join(leftover)) <= rules.get("cta", "max_leftover_words"):
            return [(0, len(text))]
    return out


def _cut(raw: str, b: Block, pieces: list[tuple[int, int, str | None]]) -> list[Block]:
    """Replace block ``b`` with sub-blocks (absolute offsets, kind)."""
    out = []
    for s, e, kind in pieces:
        s, e = _strip(raw, s, e)
        if s < e:
            out.append(_block(raw, s, e, b.line, kind, None if kind is None else b.role))
    return out


def _split_block(raw: str, b: Block, spans: list[tuple[int, int]], kind: str | None) -> list[Block]:
    """Cut ``spans`` (relative to the block) out of ``b`` as blocks of ``kind``."""
    pieces: list[tuple[int, int, str | None]] = []
    pos = b.start
    for s, e in spans:
        pieces.append((pos, b.start + s, None))
        pieces.append((b.start + s, b.start + e, kind))
        pos = b.start + e
    pieces.append((pos, b.end, None))
    return _cut(raw, b, pieces)


def _mark_cta(raw: str, blocks: list[Block], rules: Rules, splits: dict[str, list[Span]] | None = None) -> list[Block]:
    """Cut call-to-action sentence runs out of text blocks; the blocks split into sentences go into ``splits``."""
    out: list[Block] = []
    for b in blocks:
        if b.kind is None and b.role in ("text", "heading", "bullet"):
            spans = _cta_spans(rules, b.text, splits)
            if spans:
                out.extend(_split_block(raw, b, spans, "cta"))
                continue
        out.append(b)
    return out


# --- 5. repeats and galleries ---------------------------------------------------


def _split_glued_tails(raw: str, blocks: list[Block], rules: Rules) -> list[Block]:
    """Cut the last fragment off a paragraph when it is a glued caption or credit.

    A fragment after the paragraph's last sentence end that copies another
    line (a gallery caption the scraper glued on) is cut off to be judged by
    the repeat stage; one that reads as a photo credit ("Photo: Jane Roe/AP")
    is cut off as a caption.
    """
    max_words = rules.get("split", "max_glued_tail_words")
    line_keys = Counter(b.key() for b in blocks if b.kind is None and b.end - b.start < 300)
    out: list[Block] = []
    for b in blocks:
        text = b.text
        if b.kind is None and b.role == "text" and len(text) > 40 and not _ends_sentence(text):
            window = max(0, len(text) - 40 * max_words)
            ends = list(_TAIL_START.finditer(text, window)) or list(_CREDIT_SEP.finditer(text, len(text) - 40))
            if ends:
                cut = ends[-1].end()
                frag = text[cut:]
                if _nwords(frag) <= max_words and line_keys[_key(frag)] >= 1:
                    out.extend(_cut(raw, b, [(b.start, b.start + cut, None), (b.start + cut, b.end, None)]))
                    continue
                if _is_credit(rules, frag, _nwords(frag)):
                    out.extend(_cut(raw, b, [(b.start, b.start + cut, None), (b.start + cut, b.end, "caption")]))
                    continue
        out.append(b)
    return out


def _headline(blocks: list[Block], title: str | None) -> Block | None:
    """The article's headline: the first block that reads as the given title (a ``#`` mark aside)."""
    if not title:
        return None
    key = _key(title.lstrip("#"))
    for b in blocks:
        if b.kind is None and b.role in ("text", "heading") and _key(b.text.lstrip("#")) == key:
            return b
    return None


def _mark_repeats(raw: str, blocks: list[Block], rules: Rules, title: str | None = None) -> None:
    """Mark repeated lines and the image-gallery runs they sit in as captions.

    The headline (the first line that reads as ``title``, else the first line) is
    article text (gold convention 10): never marked; its later copies are ``nav``.
    """
    rr = rules.raw["repeats"]
    live = [b for b in blocks if b.kind is None and b.role != "rule" and b.end - b.start <= MAX_REPEAT_CHARS]
    keys = {id(b): rules.gallery_index.sub("", b.key()) for b in blocks}
    counts = Counter(keys[id(b)] for b in live)
    seen: set[str] = set()
    first_line = blocks[0].line if blocks else -1
    headline = _headline(blocks, title)
    title_key = keys[id(headline)] if headline else keys[id(blocks[0])] if blocks else ""
    max_short, min_sentence = rr["max_short_words"], rr["min_sentence_words"]

    def prose(b: Block) -> bool:
        return b.kind is None and b.role == "text" and (b.nwords() > max_short or _sentence_like(b.text, min_sentence))

    last_prose = max((n for n, b in enumerate(blocks) if prose(b)), default=-1)
    position = {id(b): n for n, b in enumerate(blocks)}
    title_repeat: set[int] = set()
    for b in live:
        t, k = b.text, keys[id(b)]
        if counts[k] < 2 or b.nwords() > max_short * 3:
            continue
        if b is headline or (headline is None and b.line == first_line):
            continue  # the title: it may come back as a heading
        if k == title_key:
            b.kind = "nav"  # the page title repeated (a header or breadcrumb)
            title_repeat.add(id(b))
            continue
        elif _sentence_like(t, min_sentence):
            if k in seen:
                b.kind = "caption"
            seen.add(k)
        elif b.nwords() <= max_short:
            if k not in seen and position[id(b)] < last_prose:
                seen.add(k)  # inside the article: the first occurrence is the article's own (a caption)
                continue
            b.kind = "caption"  # after the article (a gallery) or a repeat
            title_repeat.add(id(b))
    # gallery runs: short title-like blocks with only junk between them
    run: list[Block] = []

    def flush() -> None:
        if len(run) >= rr["min_gallery_blocks"] and any(id(x) in title_repeat for x in run):
            for x in run:
                if x is not headline:
                    x.kind = "caption"
        run.clear()

    for b in blocks:
        if b.role == "rule":
            continue
        if b.kind is not None and id(b) not in title_repeat:
            continue  # other junk is transparent
        short = b.nwords() <= max_short and not _sentence_like(b.text, min_sentence)
        if short and b.role in ("text", "heading"):
            run.append(b)
        else:
            flush()
    flush()


# --- assembly -------------------------------------------------------------------


def _assemble(raw: str, blocks: list[Block], splits: dict[str, list[Span]] | None = None) -> Cleaned:
    """Join kept blocks into the clean text; merge junk blocks into Junk runs.

    Of ``splits`` (block texts split into sentences), those that are whole lines of the clean text go along.
    """
    lines: dict[int, list[Block]] = {}
    for b in blocks:
        lines.setdefault(b.line, []).append(b)
    out: list[str] = []
    split_lines: dict[str, list[Span]] = {}
    prev_line: int | None = None
    line_spans = _lines(raw)
    for n in sorted(lines):
        kept = [b for b in lines[n] if not b.junk]
        # drop rules left at an edge or next to another rule
        tidy: list[Block] = []
        for b in kept:
            if b.role == "rule" and (not tidy or tidy[-1].role == "rule"):
                continue
            tidy.append(b)
        while tidy and tidy[-1].role == "rule":
            tidy.pop()
        if not tidy:
            continue
        parts: list[str] = []
        prev: Block | None = None
        gap_has_junk = False
        kept_ids = {id(b) for b in tidy}
        for b in lines[n]:
            if id(b) not in kept_ids:
                gap_has_junk = gap_has_junk or b.junk
                continue
            if prev is not None:
                between = raw[prev.end : b.start]
                parts.append(" " if gap_has_junk or (between and not between.isspace()) else between)
            parts.append(b.text)
            prev, gap_has_junk = b, False
        if prev_line is not None:
            gap = raw[line_spans[prev_line][1] : line_spans[n][0]]
            out.append("\n\n" if gap.count("\n") + gap.count("\r") - gap.count("\r\n") > 1 else "\n")
        line = "".join(parts)
        if splits and line in splits:
            split_lines[line] = splits[line]
        out.append(line)
        prev_line = n
    junk: list[Junk] = []
    run: list[Block] = []
    for b in blocks + [Block(len(raw), len(raw), -1, "")]:
        if run and (not b.junk or b.kind != run[-1].kind):
            junk.append(Junk(raw[run[0].start : run[-1].end], run[0].kind or "nav"))
            run = []
        if b.junk:
            run.append(b)
    return Cleaned(text="".join(out), junk=junk, lines=split_lines)


Stage = Callable[[str, list[Block], Rules], "list[Block] | None"]


def unwrap_lines(text: str) -> str:
    """Hard-wrapped text (reports and PDFs saved as text) rejoined: a line break inside a sentence
    becomes spaces of the same length, so every offset into the text stays valid.

    Example: ``unwrap_lines("Troops were sent\nto the border.")`` gives ``"Troops were sent to the border."``.
    """
    return _HARD_WRAP.sub(lambda m: " " * len(m.group()), text)


def clean_text(raw: str, title: str | None = None) -> Cleaned:
    """Remove link lists, author profiles, socials, captions, CTAs and navigation.

    ``title`` (the front matter's, if any) names the headline, which is kept.

    Example: ``clean_text("Story.\\n\\nRead more: Other story")`` keeps
    ``"Story."`` and returns one ``nav`` junk run.
    """
    rules = load_rules()
    blocks = _blocks(raw, rules.get("split", "min_line_chars_to_split"))
    splits: dict[str, list[Span]] = {}
    stages: tuple[Stage, ...] = (
        _mark_profiles,
        _mark_lines,
        _mark_lists,
        partial(_mark_cta, splits=splits),
        _split_glued_tails,
        partial(_mark_repeats, title=title),
    )
    for stage in stages:
        result = stage(raw, blocks, rules)
        if result is not None:
            blocks = result
    cleaned = _assemble(raw, blocks, splits)
    cleaned.text = unwrap_lines(cleaned.text)  # junk keeps the raw text; the article text is rejoined
    return cleaned
