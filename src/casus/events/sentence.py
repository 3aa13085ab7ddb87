"""Per-sentence structures (mentions, trigger hits, the sentence, the document context) and word-index helpers."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from casus.events.lexicon import Trigger
from casus.events.words import _NORM, _SPACES, WORD_RE

WORD_RE_ASCII = re.compile(r"[\w'-]+", re.ASCII)  # the same words in ASCII text, without Unicode lookups
_SPACES_TO_FIX = re.compile(r"[^\S ]|  ")  # whitespace that _SPACES.sub(" ", ...) would change


# --------------------------------------------------------------------------- per-sentence structures


class Mention:
    """An actor reference in a sentence: a name, adjective, pronoun or pair ("the two countries")."""

    __slots__ = ("start", "end", "codes", "kind", "poss", "role", "prep", "group", "expand", "obj")

    def __init__(self, start: int, end: int, codes: tuple[str, ...], kind: str, poss: bool = False) -> None:
        self.start, self.end, self.codes, self.kind, self.poss = start, end, codes, kind, poss
        self.role = "np"  # np | agent | mod | attr | maker | appos | loc
        self.prep: str | None = None
        self.group: int = -1
        self.expand: list[Mention] | None = None
        self.obj = False  # the object of a verb ("supports Iran"), so not a subject

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"M({self.codes},{self.kind},{self.role},{self.prep},{self.start})"


class TrigHit:
    """A trigger phrase found in a sentence."""

    __slots__ = ("start", "end", "trig", "key")

    def __init__(self, start: int, end: int, trig: Trigger, key: str) -> None:
        self.start, self.end, self.trig, self.key = start, end, trig, key


def _by_count(item: tuple[str, float]) -> float:
    return item[1]


@dataclass(slots=True)
class Context:
    """What one sentence leaves for the next: recent actors, subject, last events by type."""

    counts: dict[str, float] = field(default_factory=dict)
    prev_subject: tuple[str, ...] = ()
    prev_codes: tuple[str, ...] = ()
    last_agree_mode: str | None = None  # the mode of the last agreement coded ("the accord" is that treaty)
    last_group: tuple[str, ...] = ()  # the organisation named last in the previous two sentences ("the alliance")
    last_group_index: int = -9
    bodies: list[tuple[int, str]] = field(default_factory=list)  # (sentence index, code) of each organisation named
    body_names: dict[str, str] = field(default_factory=dict)  # code -> the words an organisation was named with
    last_speaker: tuple[str, ...] = ()  # the actor the last quotation was attributed to ("we" in the next one)
    last_speaker_index: int = -9
    recent_codes: list[tuple[str, ...]] = field(default_factory=list)  # the codes of the last three sentences
    last_by_type: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = field(default_factory=dict)
    last_drills: tuple[str, ...] = ()  # the parties of the last joint drills coded ("the drills" later names them)
    last_drills_index: int = -99
    last_index: dict[str, int] = field(default_factory=dict)
    anchor: tuple[int, int | None, int | None] | None = None
    passage_years: list[tuple[int, int]] = field(default_factory=list)  # (sentence index, year)
    index: int = 0
    year: int | None = None
    persons: dict[str, str] = field(default_factory=dict)  # a person's name or surname -> the state they serve


    _dyad: tuple[str, ...] | None = None

    def dyad(self) -> tuple[str, ...]:
        """The two actors the document is mostly about so far."""
        if self._dyad is None:
            # most_common(2), without its heap: a stable sort keeps the same order among ties
            self._dyad = tuple(c for c, _ in sorted(self.counts.items(), key=_by_count, reverse=True)[:2])
        return self._dyad


@dataclass(slots=True)
class Sentence:
    """The analysed sentence: normalised text, lexicon hits, mentions, triggers, cues, clauses."""

    text: str
    low: str
    mentions: list[Mention]
    triggers: list[TrigHit]
    domains: list[tuple[int, int, str]]
    cues: dict[str, list[tuple[int, int, str]]]
    agree_nouns: list[tuple[int, int, str | None, str]]
    bounds: list[int]
    quotes: list[tuple[int, int]]
    question: bool
    starts: list[int] = field(default_factory=list)  # start offset of each word
    words: list[str] = field(default_factory=list)  # the lower-cased words, as WORD_RE finds them
    # the named speaker of each reporting cue, filled by casus.events.attributes.speaker_of as triggers ask
    speakers: dict[tuple[int, int, str], tuple[str | None, tuple[str, ...]]] = field(default_factory=dict)


# Compiled by mypyc (setup.py), a loop over characters beats the regex engine for the word index; as
# pure Python it is many times slower, so each build takes its faster, equivalent path.
_COMPILED = not __file__.endswith((".py", ".pyc"))


def _word_index_ascii_loop(low: str) -> tuple[list[int], list[str]]:
    """word_index for ASCII text as a plain character loop: the words are runs of [A-Za-z0-9_'-]."""
    starts: list[int] = []
    words: list[str] = []
    n = len(low)
    i = 0
    while i < n:
        ch = low[i]
        if ch.isalnum() or ch == "_" or ch == "'" or ch == "-":
            j = i + 1
            while j < n:
                c = low[j]
                if c.isalnum() or c == "_" or c == "'" or c == "-":
                    j += 1
                else:
                    break
            starts.append(i)
            words.append(low[i:j])
            i = j
        else:
            i += 1
    return starts, words


def word_index(low: str) -> tuple[list[int], list[str]]:
    """The start offset of each word and the words, once per sentence, so word counts and neighbours are
    bisections, not regex runs."""
    if _COMPILED and low.isascii():
        return _word_index_ascii_loop(low)
    words = (WORD_RE_ASCII if low.isascii() else WORD_RE).findall(low)
    starts: list[int] = []
    at = 0
    for w in words:
        # only characters outside [\w'-] lie between two words, so the next occurrence is the word itself
        at = low.find(w, at)
        starts.append(at)
        at += len(w)
    return starts, words


def _nw(sent: Sentence, a: int, b: int) -> int:
    """Number of words starting in [a, b)."""
    return bisect_left(sent.starts, b) - bisect_left(sent.starts, a) if b > a else 0


def _ws(sent: Sentence, a: int, b: int) -> list[str]:
    """The words starting in [a, b)."""
    return sent.words[bisect_left(sent.starts, a):bisect_left(sent.starts, b)] if b > a else []


def _next_ws(sent: Sentence, pos: int, limit: int, n: int) -> list[str]:
    """At most n words starting in [pos, limit): _ws(sent, pos, limit)[:n] without building the whole slice."""
    j = bisect_left(sent.starts, pos)
    out = sent.words[j:j + n]
    starts = sent.starts
    for k in range(len(out)):
        if starts[j + k] >= limit:
            return out[:k]
    return out


def _prev_ws(sent: Sentence, pos: int, n: int = 3) -> list[str]:
    """The n words before `pos`."""
    j = bisect_left(sent.starts, pos)
    return sent.words[max(0, j - n):j]


def normalise(text: str) -> str:
    """Straight quotes, single spaces, no markdown emphasis."""
    if text.isascii():
        # the common case, without a translate and a substitution that would change nothing
        if "*" in text:
            text = text.replace("*", " ")
        if ("  " in text or not text.isprintable()) and _SPACES_TO_FIX.search(text):  # tab, newline: not printable
            text = _SPACES.sub(" ", text)
        return text.strip()
    for old, new in _NORM_PAIRS:  # str.translate with a dict looks up every character: replacing the few is faster
        if old in text:
            text = text.replace(old, new)
    if _SPACES_TO_FIX.search(text):  # (else every whitespace run is one space already)
        text = _SPACES.sub(" ", text)
    return text.strip()


# _NORM as (character, replacement) pairs; no replacement is another's character, so replacing one by one is translating
_NORM_PAIRS: tuple[tuple[str, str], ...] = tuple((chr(k), str(v)) for k, v in _NORM.items())


def _words(text: str) -> list[str]:
    return (WORD_RE_ASCII if text.isascii() else WORD_RE).findall(text.lower())


def _nwords(text: str) -> int:
    return len((WORD_RE_ASCII if text.isascii() else WORD_RE).findall(text))


def quote_spans(text: str) -> list[tuple[int, int]]:
    """The (open, close) offsets of each double-quoted span; an unclosed quotation runs to the end."""
    pos: list[int] = []
    i = text.find('"')
    while i >= 0:
        pos.append(i)
        i = text.find('"', i + 1)
    spans = [(pos[i], pos[i + 1]) for i in range(0, len(pos) - 1, 2)]
    if len(pos) % 2:
        spans.append((pos[-1], len(text)))
    return spans
