"""YAML front matter at the top of a saved article (web clippers, static-site tools, Zotero exports).

A header is a first line of exactly ``---``, YAML, and a closing line of ``---``
or ``...``. ``title``, ``url`` and ``published`` become the document's own
fields; every other key is kept as metadata. The body after the closing line is
the article text: no header line reaches the text, its sentences or offsets.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from casus.errors import SkipInput
from casus.read.pagemeta import parse_date

OPEN = "---"
CLOSE = ("---", "...")
# Keys that become the document's own fields; the rest is metadata.
DOCUMENT_KEYS = ("title", "url", "published")
# A header longer than this is not front matter but a page that happens to start with a rule.
MAX_HEADER_LINES = 200
_ISO = re.compile(r"(?P<y>\d{4})(?:-(?P<m>\d{2})(?:-(?P<d>\d{2}))?)?(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?")


@dataclass(slots=True)
class FrontMatter:
    """What a header gave: the document's fields (None when absent) and the other keys."""

    title: str | None = None
    url: str | None = None
    published: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)


def split(text: str) -> tuple[FrontMatter | None, str]:
    """(front matter, body) of a text; (None, text) when it has no header.

    SkipInput, with the YAML error, when the header is there but malformed.
    """
    lines = text.split("\n", MAX_HEADER_LINES + 1)
    if not lines or lines[0].rstrip() != OPEN:
        return None, text
    end = next((i for i in range(1, min(len(lines), MAX_HEADER_LINES + 1)) if lines[i].rstrip() in CLOSE), None)
    if end is None:
        return None, text
    header = "\n".join(lines[1:end])
    body = text.split("\n", end + 1)[end + 1] if text.count("\n") > end else ""
    return parse(header), body


def parse(header: str) -> FrontMatter:
    """The header's YAML (safe loader) as FrontMatter; SkipInput naming the problem."""
    try:
        data = yaml.safe_load(header)
    except yaml.YAMLError as exc:
        raise SkipInput(f"front matter is not valid YAML: {_yaml_problem(exc)}") from exc
    except ValueError as exc:  # YAML's date reader on "2025-02-30"
        raise SkipInput(f"front matter holds a value that is not a date ({exc})") from exc
    if data is None:
        return FrontMatter()
    if not isinstance(data, dict):
        raise SkipInput(f"front matter is not a mapping of keys to values (it is a {type(data).__name__})")
    out = FrontMatter(
        title=_text(data.get("title"), "title"),
        url=_text(data.get("url"), "url"),
        published=published_date(data.get("published")),
    )
    out.meta = {str(k): plain(v) for k, v in data.items() if str(k) not in DOCUMENT_KEYS}
    return out


def published_date(value: Any) -> str | None:
    """A `published` value as ISO text at the precision given: YYYY-MM-DD, YYYY-MM or YYYY.

    SkipInput when it is not a date, so an article is never filed under a wrong date.
    """
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    m = _ISO.fullmatch(text)
    if m and _valid(int(m["y"]), m["m"], m["d"]):
        return text[: 4 + (3 if m["m"] else 0) + (3 if m["d"] else 0)]
    parsed = parse_date(text)
    if parsed and len(text) <= 40:
        return parsed
    raise SkipInput(f"front matter: published {text[:40]!r} is not a date (write YYYY-MM-DD, YYYY-MM or YYYY)")


def _valid(year: int, month: str | None, day: str | None) -> bool:
    if month is None:
        return 1000 <= year <= 2999
    try:
        dt.date(year, int(month), int(day) if day else 1)
    except ValueError:
        return False
    return True


def _text(value: Any, key: str) -> str | None:
    """A scalar header value as stripped text; None when empty; SkipInput for a list or mapping."""
    if value is None:
        return None
    if isinstance(value, (list, dict)):
        raise SkipInput(f"front matter: {key} must be one value, not a {type(value).__name__}")
    text = str(value).strip()
    return text or None


def plain(value: Any) -> Any:
    """A YAML value as JSON-ready data: dates as ISO text, keys as text."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set)):
        return [plain(v) for v in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def _yaml_problem(exc: yaml.YAMLError) -> str:
    """One line from a YAML error: what and where (line numbers in the file, which starts with ---)."""
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    mark = getattr(exc, "problem_mark", None)
    where = f" (line {mark.line + 2})" if mark is not None else ""
    return f"{problem}{where}"
