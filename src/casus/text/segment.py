"""Split clean text into sentences with character offsets.

A hand-written, linear scan (no library, no model): every line break ends a
sentence; within a line, Markdown structure is read first (``---`` rules and
leading bullet markers are dropped, a ``## heading`` glued to its paragraph
becomes its own segment), then a sentence ends at ``.``, ``?``, ``!`` or ``…``
(with any closing quotes, brackets or ``**``) before a capitalised word, unless
the period belongs to an abbreviation, an initial or a dotted acronym. Word
lists live in ``casus/data/abbreviations.txt``.

Gold convention (``shared/gold/README.md``): ``**`` markers at the edge of a
sentence are left out of its span; a bold run inside a sentence stays.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from casus.records import Span

__all__ = ["split_sentences", "load_lexicon"]

MAX_HEADING_WORDS = 20  # an inline "## ..." run longer than this without a paragraph start is prose
MAX_ABBREVIATION_CHARS = 40  # how far back a scan for the word before a period goes
MAX_NAME_WORDS = 4  # capitalised words a paragraph may open with before its verb ("The New York Times")


@dataclass(frozen=True)
class Lexicon:
    """Word lists from ``abbreviations.txt``."""

    no_split: frozenset[str]
    before_number: frozenset[str]
    may_end: frozenset[str]
    starters: frozenset[str]
    title_minor: frozenset[str]


def parse_lexicon(text: str) -> Lexicon:
    """Parse ``[section]`` word lists; ``#`` starts a comment line."""
    sections: dict[str, set[str]] = {}
    current: set[str] | None = None
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], set())
        elif current is not None:
            current.add(line)
    def get(name: str) -> frozenset[str]:
        return frozenset(sections.get(name, ()))

    return Lexicon(
        no_split=get("no_split"),
        before_number=get("before_number"),
        may_end=get("may_end"),
        starters=get("starters"),
        title_minor=frozenset(w.lower() for w in get("title_minor")),
    )


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Read ``casus/data/abbreviations.txt`` (cached)."""
    text = resources.files("casus").joinpath("data/abbreviations.txt").read_text(encoding="utf-8")
    return parse_lexicon(text)


# Where Markdown structure can start inside a line (checked in _markers).
_MARK_CHARS = re.compile(r"[-*_#•]+")
_SENTENCE_CLOSERS = '.!?"”)'
_LEAD_BULLET = re.compile(r"[ \t]*(?:[-*•·▪●◦‣>]|\d{1,3}[.)])[ \t]+(?=\S)")
# A run of sentence-final punctuation with its closing quotes, brackets, **, and footnote markers ("[1]").
_TERM = re.compile(r"[.!?…]+[\"'”’»)\]*_]*(?:\[\d{1,3}\])*")
_OPENERS = "\"'“‘«([*_"
# A glued sentence end: one period/?/! and at most two closing quotes ("law.”The").
_GLUED_TERM = re.compile(r"[.!?][\"”’»]{0,2}")
# After a sentence end: the space, up to four opening quotes or markers, the next character.
_NEXT = re.compile(r"\s+([\"'“‘«(\[*_]{0,4})(\S?)")
_WORD = re.compile(r"[^\W_]+")
_TOKEN = re.compile(r"\S+")
_ALNUM = re.compile(r"[^\W_]")
_ACRONYM = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]")
_LINE = re.compile(r"\r\n|\n|\r|\u2028|\u2029")
_EMPHASIS = ("**", "__")


def split_sentences(text: str, known: Mapping[str, Sequence[Span]] | None = None) -> list[Span]:
    """Sentences of ``text`` as character spans, in order, without edge whitespace.

    ``known`` maps the text of a line to its sentences, split already (offsets
    within the line; ``Cleaned.lines``, what cleaning split): a line of ``text``
    found there, after ``\n`` or at the start, is not split again. The spans are
    the same either way: a sentence never crosses a line break, and a line that
    follows ``\n`` splits as it would on its own.

    Example: ``split_sentences("Gen. Smith left. He won.")`` gives two spans.
    """
    lex = load_lexicon()
    out: list[Span] = []
    pos = 0
    for m in _LINE.finditer(text):
        _line(text, pos, m.start(), lex, out, known)
        pos = m.end()
    _line(text, pos, len(text), lex, out, known)
    return out


def _line(text: str, start: int, end: int, lex: Lexicon, out: list[Span],
          known: Mapping[str, Sequence[Span]] | None) -> None:
    """One line's sentences: those split already if ``known`` has the line (and it follows ``\n``), else split."""
    if known and (start == 0 or text[start - 1] == "\n"):
        spans = known.get(text[start:end])
        if spans is not None:
            out.extend(Span(start + s.start, start + s.end) for s in spans)
            return
    _split_line(text, start, end, lex, out)


def _split_line(text: str, start: int, end: int, lex: Lexicon, out: list[Span]) -> None:
    """Split one line: Markdown structure first, then sentences in each text run."""
    m = _LEAD_BULLET.match(text, start, end)
    pos = m.end() if m else start
    heading_at: int | None = None
    for kind, a, b in _markers(text, pos, end):
        _split_region(text, pos, a, heading_at, lex, out)
        heading_at = b if kind == "heading" else None
        pos = b
    _split_region(text, pos, end, heading_at, lex, out)


def _markers(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """Markdown markers inside a line: ``---`` rules, ``#`` headings, bullets after a sentence end."""
    out = []
    for m in _MARK_CHARS.finditer(text, start, end):
        a, b = m.start(), m.end()
        run = m.group()
        spaced_before = a == start or text[a - 1].isspace()
        spaced_after = b == end or text[b].isspace()
        if not (spaced_before and spaced_after):
            continue
        same = len(set(run)) == 1
        if same and len(run) >= 3 and run[0] in "-*_":
            out.append(("rule", a, b))
        elif same and run[0] == "#" and len(run) <= 6:
            while b < end and text[b].isspace():
                b += 1
            out.append(("heading", a, b))
        elif run in ("*", "•") and a - 2 >= start and text[a - 2] in _SENTENCE_CLOSERS:
            while b < end and text[b].isspace():
                b += 1
            out.append(("bullet", a, b))
    return out


def _split_region(
    text: str, start: int, end: int, heading_at: int | None, lex: Lexicon, out: list[Span]
) -> None:
    """A run between markers; if it follows ``#``, its heading is emitted on its own."""
    if heading_at is not None:
        h = _heading_end(text, start, end, lex)
        if h > start:
            _emit(text, start, h, out)
            start = h
    _split_text(text, start, end, lex, out)


def _heading_end(text: str, start: int, end: int, lex: Lexicon) -> int:
    """Where the title-case heading text that opens ``text[start:end]`` stops.

    The heading runs over capitalised words and lower-case title words
    (``of``, ``the``...). At the first other lower-case word, the capitalised
    word before it is taken as the paragraph's first word. A ``**`` opening a
    word, or a word ending in ``?``/``!``, also ends the heading. Returns
    ``start`` when no heading can be told apart from the text.
    """
    caps: list[tuple[int, str, bool]] = []  # (offset, word, follows a capitalised word)
    prev_cap = False
    for count, tok in enumerate(_TOKEN.finditer(text, start, end), 1):
        if count > MAX_HEADING_WORDS:
            return start
        t = tok.group()
        at = tok.start()
        if t.startswith(_EMPHASIS):
            return at
        core = t.strip("\"'“”‘’()[]{}:;,.—–-")
        first = core[:1]
        if first.isupper() or first.isdigit():
            caps.append((at, core, prev_cap))
            prev_cap = True
            if t.endswith(("?", "!")):
                return tok.end()
        elif not first.isalpha() or core.lower() in lex.title_minor or t.lower() in lex.title_minor:
            prev_cap = False
        elif first.islower():
            return _paragraph_start(caps, start, lex)
        else:  # a script without case: no way to tell
            return start
    return end


def _paragraph_start(caps: list[tuple[int, str, bool]], start: int, lex: Lexicon) -> int:
    """Offset of the paragraph's first word among the heading's trailing capitalised words.

    The last capitalised word is the default ("... Constraints Russia's actions");
    a sentence opener among the few capitalised words just before it wins
    ("... Israeli Strikes While Russia is ...").
    """
    if not caps or caps[-1][0] == start:
        return start
    k = len(caps) - 1
    for back in range(MAX_NAME_WORDS):
        i = k - back
        if i <= 0:
            break
        if caps[i][1] in lex.starters:
            return caps[i][0]
        if not caps[i][2]:  # the capitalised run starts here
            break
    return caps[k][0]


def _split_text(text: str, start: int, end: int, lex: Lexicon, out: list[Span]) -> None:
    """Split plain prose at sentence ends."""
    pos = start
    for m in _TERM.finditer(text, start, end):
        a, b = m.start(), m.end()
        if b < end and not text[b].isspace():
            # only a bare period/?/!, perhaps with closing quotes, between two words may be a glued sentence end
            if not _GLUED_TERM.fullmatch(text, a, b) or a - start < 2 or end - b < 2 \
                    or not _is_glued_boundary(text, a, b, lex):
                continue
        elif b < end and not _is_boundary(text, a, b, end, lex):
            continue
        _emit(text, pos, b, out)
        pos = b
    _emit(text, pos, end, out)


def _word_before(text: str, term: int) -> str:
    """The token that ends at ``term`` (bounded scan), without opening quotes."""
    lo = max(0, term - MAX_ABBREVIATION_CHARS)
    k = max(text.rfind(" ", lo, term), text.rfind("\n", lo, term), text.rfind("\t", lo, term),
            text.rfind("\xa0", lo, term), lo - 1) + 1
    return text[k:term].lstrip(_OPENERS)


def _is_boundary(text: str, term: int, after: int, end: int, lex: Lexicon) -> bool:
    """Does the punctuation run at ``text[term:after]``, followed by space, end a sentence?"""
    m = _NEXT.match(text, after, end)
    if m is None:
        return True  # only space up to the end of the run
    c = m.group(2)
    if not c or c.islower() or not (c.isalnum() or c == "#"):
        return False
    if text[term] != "." or after - term > 1 and text[term + 1] == ".":
        return True  # ?, !, an ellipsis, or a period with closers
    prev = _word_before(text, term)
    if not prev:
        return True
    if prev in lex.no_split:
        return False
    if prev in lex.before_number:
        return not c.isdigit()
    if prev in lex.may_end or _ACRONYM.fullmatch(prev) or (len(prev) == 1 and prev.isupper()):
        # an ambiguous period (an acronym, "etc.", an initial): split before a sentence opener only, and never inside
        # a title-case headline ("China Threatens U.S. With New Measures": "With" is a headline's capital, no opener)
        w = _WORD.match(text, m.start(2), end)
        return w is not None and w.group() in lex.starters and not _title_case_around(text, term, m.start(2), end, lex)
    return True


def _title_case_around(text: str, term: int, nxt: int, end: int, lex: Lexicon) -> bool:
    """Whether the line holding an ambiguous period is a title-case headline: at least two capitalised words before
    the period and the next three words after it all capitalised (or minor words such as "of", "to")."""
    start = text.rfind("\n", 0, term) + 1
    before = _WORD.findall(text, start, term)
    after = _WORD.findall(text, nxt, end)[:3]
    if len(before) < 3 or len(after) < 3:
        return False
    return all(w[0].isupper() or w[0].isdigit() or w.lower() in lex.title_minor for w in before + after)


def _is_glued_boundary(text: str, term: int, after: int, lex: Lexicon) -> bool:
    """``word.Word`` with no space: a sentence end only between plain words."""
    if text[term] not in ".!?" or not (text[term - 1].islower() and text[term - 2].islower()):
        return False
    if not (text[after].isupper() and text[after + 1].islower()):
        return False
    prev = _word_before(text, term)
    return not (any(ch in prev for ch in "./@:") or prev in lex.no_split or prev in lex.may_end)


def _emit(text: str, start: int, end: int, out: list[Span]) -> None:
    """Append ``text[start:end]`` trimmed of whitespace and edge ``**`` markers."""
    while True:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        new_start, new_end = _trim_emphasis(text, start, end)
        if (new_start, new_end) == (start, end):
            break
        start, end = new_start, new_end
    if start < end and _ALNUM.search(text, start, end):
        out.append(Span(start, end))


def _trim_emphasis(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop ``**`` at the sentence's edges unless its partner is inside the sentence."""
    s = text[start:end]
    for mark in _EMPHASIS:
        n = s.count(mark)
        if n == 0:
            continue
        if s.startswith(mark):
            if n == 1:
                return start + 2, end
            if n == 2 and s.endswith(mark) and len(s) > 4:
                return start + 2, end - 2
        if s.endswith(mark) and n % 2 == 1 and len(s) >= 2:
            return start, end - 2
    return start, end
