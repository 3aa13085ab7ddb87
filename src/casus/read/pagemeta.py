"""What a saved page says about itself: its title and its publication date, read from its text."""

from __future__ import annotations

import re

from casus.months import MONTH_ABBREVIATIONS, MONTHS

# How far down a plain-text file a publication date may stand, and how long its line may be.
DATE_LINES = 15
DATE_LINE_MAX_CHARS = 90
_MON = {m[:3].lower(): i for i, m in enumerate(MONTHS, start=1)}
# A month's first three letters or its abbreviation, then any letters ("sept", "Sept.", "September").
_STEMS = dict.fromkeys(s.lower() for m, short in zip(MONTHS, MONTH_ABBREVIATIONS, strict=True) for s in (m[:3], *short))
_MONTH_RE = r"(?P<mon>" + "|".join(sorted(_STEMS, key=lambda s: (_MON[s[:3]], len(s)))) + r")[a-z]*\.?"
_DATE_PATTERNS = [
    re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b"),
    re.compile(_MONTH_RE + r"\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)\b", re.I),
    re.compile(r"\b(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+" + _MONTH_RE + r",?\s+(?P<y>(?:19|20)\d\d)\b", re.I),
]
_PUBLISHED_CUE = re.compile(r"\b(published|posted|updated|date|last modified)\b", re.I)


TITLE_MAX_CHARS = 200
TITLE_MAX_WORDS = 25


def find_title(clean: str) -> str | None:
    """The first line of the cleaned text when it reads as a heading (``#``-marked, or short and unterminated)."""
    for line in clean.split("\n", 20)[:20]:
        stripped = line.strip()
        if not stripped:
            continue
        marked = stripped.startswith("#")
        title = stripped.lstrip("#").strip().strip("*").strip()
        if not title or len(title) > TITLE_MAX_CHARS:
            return None
        if marked or (len(title.split()) <= TITLE_MAX_WORDS and not title.endswith((".", ":", ";", ","))):
            return title
        return None
    return None


def find_published(text: str) -> str | None:
    """A publication date near the top: on a short line of its own, or after 'Published'/'Updated'."""
    for line in text.split("\n", DATE_LINES)[:DATE_LINES]:
        line = line.strip()
        if not line or (len(line) > DATE_LINE_MAX_CHARS and not _PUBLISHED_CUE.search(line[:40])):
            continue
        date = parse_date(line)
        if date:
            return date
    return None


def parse_date(text: str) -> str | None:
    """The first full date (day, month, year) in text as ISO, or None."""
    for pattern in _DATE_PATTERNS:
        m = pattern.search(text)
        if not m:
            continue
        g = m.groupdict()
        month = int(g["m"]) if "m" in g and g.get("m") else _MON.get(g["mon"][:3].lower())
        day, year = int(g["d"]), int(g["y"])
        if month and 1 <= month <= 12 and 1 <= day <= 31:
            return f"{year:04d}-{month:02d}-{day:02d}"
    return None
