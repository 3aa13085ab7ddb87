"""Date expressions in a sentence, resolved to ISO dates as precise as the text allows.

Explicit dates ("17 January 2025", "June 19, 2025", "February 2022", "in
1586") resolve on their own. Relative ones ("last year", "in January",
"half a year ago", "June 13") need an anchor: the document's published date,
or for a day and month without a year, a full date in the same passage. With
no anchor the date is None, never a guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from casus.months import MONTH_ABBREVIATIONS, MONTH_NUMBERS, MONTHS

# "January|...|December|Jan|...|Sept|Sep|...|Dec": full names first, then the abbreviations (casus.months).
_MONTH = (r"(?P<{}>" + "|".join((*MONTHS, *(a for short in MONTH_ABBREVIATIONS for a in short))) + r")\.?")
_YEAR = r"(?P<{}>1[5-9]\d\d|20\d\d)"
_CTX = r"(?:[Ii]n|[Ss]ince|[Ff]rom|[Dd]uring|[Ee]arly|[Ll]ate|[Mm]id-?|[Bb]y|[Uu]ntil|[Bb]efore|[Aa]fter|[Oo]f)"

# What every alternative below starts with (a digit, a capital, or one of these words): a cheap lookahead that
# rejects most word starts before the alternatives are tried one by one. It changes no match.
_START = (r"(?=\d|[A-Z]|last|this|next|a year|one year|two years|half a year|six months"
          r"|(?:a|one|two|three|four|five|six|seven|eight|nine|ten) (?:years?|months?|weeks?) ago|(?:earlier|later) this"
          r"|(?:in|since|from|during|early|late|by|until|before|after|of|on)\s|mid)")
_COUNT = r"(?:[Aa]|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en|\d{1,2})"
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_NUMBERS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
            "ten": 10}

# One alternation, most specific first; group names tell the pattern apart. Month names must be capitalised
# (so "may" the verb is no month); no IGNORECASE, which would make this several times slower.
DATE_RE = re.compile(
    r"\b" + _START + r"(?:"
    + r"(?P<iso>(?:1[5-9]|20)\d\d-[01]\d-[0-3]\d)"
    + r"|(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH.format("m1") + r",?\s+" + _YEAR.format("y1")
    + r"|" + _MONTH.format("m2") + r"\s+(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?,?\s+" + _YEAR.format("y2")
    + r"|" + _MONTH.format("m3") + r",?\s+(?:of\s+)?" + _YEAR.format("y3")
    + r"|" + _MONTH.format("m4") + r"\s+(?P<d4>[0-3]?\d)(?:st|nd|rd|th)?\b"
    + r"|(?P<d5>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH.format("m5")
    + r"|(?P<rel>[Ll]ast year|[Tt]his year|[Nn]ext year|" + _COUNT + r" (?:years?|months?|weeks?) ago"
    + r"|[Hh]alf a year (?:ago|prior|earlier)|[Ss]ix months (?:prior|earlier)|[Ll]ast month|[Tt]his month"
    + r"|[Ll]ast week|[Tt]his week|(?:[Ee]arlier|[Ll]ater) this (?:year|month|week))"
    + r"|(?:[Oo]n\s+)?(?P<wd>" + "|".join(_WEEKDAYS) + r")(?![\w-])"
    + r"|" + _CTX + r"(?:\s+|(?<=-))" + _MONTH.format("m6") + r"(?![\w-])(?!,?\s+\d)"  # "in March", "mid-March"
    + r"|(?P<yr_ctx>" + _CTX + r")\s+(?:the\s+year\s+)?" + _YEAR.format("y7") + r"(?![\w-])"
    + r")"
)

DATE_RE_ASCII = re.compile(DATE_RE.pattern, re.ASCII)  # the same matches in ASCII text, without Unicode lookups


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression found in a sentence."""

    start: int
    end: int
    iso: str | None  # resolved value, None when it cannot be anchored
    needs_passage_year: bool = False  # a day and month with no year ("June 13")
    month: int | None = None
    day: int | None = None


def _month(value: str) -> int:
    return MONTH_NUMBERS[value.lower().rstrip(".")]


def _shift_months(year: int, month: int, delta: int) -> tuple[int, int]:
    total = year * 12 + (month - 1) + delta
    return total // 12, total % 12 + 1


def parse_anchor(published: str | None) -> tuple[int, int | None, int | None] | None:
    """(year, month, day) of an ISO date string, or None."""
    if not published:
        return None
    m = re.match(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", published.strip())
    if not m:
        return None
    return int(m.group(1)), int(m.group(2)) if m.group(2) else None, int(m.group(3)) if m.group(3) else None


def _relative(rel: str, anchor: tuple[int, int | None, int | None] | None) -> str | None:
    if anchor is None:
        return None
    year, month, day = anchor
    rel = rel.lower()
    words = rel.split()
    if rel in ("this year", "earlier this year", "later this year"):
        return f"{year:04d}"
    if rel == "last year":
        return f"{year - 1:04d}"
    if rel == "next year":
        return f"{year + 1:04d}"
    count = _NUMBERS.get(words[0]) or (int(words[0]) if words[0].isdigit() else 0)
    if words[-1] == "ago" and words[1].startswith("year"):
        return f"{year - count:04d}"
    if month is None:
        return None
    if rel.startswith("half a year") or rel.startswith("six months") or (words[-1] == "ago" and words[1].startswith("month")):
        y, m = _shift_months(year, month, -(count if words[-1] == "ago" and not rel.startswith("half") else 6))
        return f"{y:04d}-{m:02d}"
    if rel == "last month":
        y, m = _shift_months(year, month, -1)
        return f"{y:04d}-{m:02d}"
    if rel in ("this month", "earlier this month", "later this month", "this week", "earlier this week"):
        return f"{year:04d}-{month:02d}"
    if day is not None and (rel == "last week" or (words[-1] == "ago" and words[1].startswith("week"))):
        try:
            back = date(year, month, day) - timedelta(days=7 * (count if words[-1] == "ago" else 1))
        except (ValueError, OverflowError):  # an anchor that is no calendar date ("2024-13-45")
            return None
        return f"{back.year:04d}-{back.month:02d}"  # a week back: the month it falls in
    return None


def _weekday(name: str, anchor: tuple[int, int | None, int | None] | None) -> str | None:
    """'on Tuesday' in a dated article: the latest such day on or before the publication date."""
    if anchor is None or anchor[1] is None or anchor[2] is None:
        return None
    try:
        published = date(anchor[0], anchor[1], anchor[2])
        back = (published.weekday() - _WEEKDAYS.index(name)) % 7
        return (published - timedelta(days=back)).isoformat()
    except (ValueError, OverflowError):  # an anchor that is no calendar date ("2024-13-45")
        return None


def _month_in_past(month: int, day: int | None, anchor: tuple[int, int | None, int | None] | None) -> str | None:
    """The latest `month` (and `day`) not after the anchor date."""
    if anchor is None or anchor[1] is None:
        return None
    year, amonth, aday = anchor
    if (month, day or 0) > (amonth, aday or 31):
        year -= 1
    return f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day else "")


def find_dates(
    text: str,
    anchor: tuple[int, int | None, int | None] | None = None,
    present: tuple[int, int | None, int | None] | None = None,
) -> list[DateMention]:
    """Date expressions in `text`, resolved against `anchor` (the published date) when relative.

    `present` (the document's own latest full date) stands in for a missing
    `anchor` for "last year" and "... ago", never for a bare month.
    """
    out: list[DateMention] = []
    for m in (DATE_RE_ASCII if text.isascii() else DATE_RE).finditer(text):
        g = m  # m["name"]: one group at a time, no dict of all thirty
        if g["iso"]:
            iso: str | None = g["iso"]
            out.append(DateMention(m.start(), m.end(), iso))
        elif g["y1"]:
            out.append(DateMention(m.start(), m.end(), f"{int(g['y1']):04d}-{_month(g['m1']):02d}-{int(g['d1']):02d}"))
        elif g["y2"]:
            out.append(DateMention(m.start(), m.end(), f"{int(g['y2']):04d}-{_month(g['m2']):02d}-{int(g['d2']):02d}"))
        elif g["y3"]:
            if g["m3"].lower() == "may" and not g["m3"][0].isupper():
                continue
            out.append(DateMention(m.start(), m.end(), f"{int(g['y3']):04d}-{_month(g['m3']):02d}"))
        elif g["m4"] or g["m5"]:
            name = g["m4"] or g["m5"]
            if not name[0].isupper():
                continue
            day = int(g["d4"] or g["d5"])
            if not 1 <= day <= 31:
                continue
            month = _month(name)
            out.append(DateMention(m.start(), m.end(), _month_in_past(month, day, anchor), True, month, day))
        elif g["rel"]:
            out.append(DateMention(m.start(), m.end(), _relative(g["rel"], anchor or present)))
        elif g["wd"]:
            out.append(DateMention(m.start(), m.end(), _weekday(g["wd"], anchor)))
        elif g["m6"]:
            if not g["m6"][0].isupper():
                continue
            out.append(DateMention(m.start(), m.end(), _month_in_past(_month(g["m6"]), None, anchor), month=_month(g["m6"])))
        elif g["y7"]:
            out.append(DateMention(m.start(), m.end(), g["y7"]))
    return out


def latest_full_date(found: list[list[DateMention]]) -> tuple[int, int | None, int | None] | None:
    """The latest date with at least a month among dates found: a document's own 'present' without a published date."""
    best: tuple[int, int, int] | None = None
    for dates in found:
        for d in dates:
            if d.iso and len(d.iso) >= 7 and not d.needs_passage_year:
                parts = tuple(int(p) for p in d.iso.split("-")) + (0,)
                key = (parts[0], parts[1], parts[2])
                if best is None or key > best:
                    best = key
    if best is None:
        return None
    return best[0], best[1], best[2] or None
