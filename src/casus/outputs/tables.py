"""Terminal tables for `casus docs` and `casus events` that fit any width from 80 columns up.

Short columns (ids, dates, codes) are as wide as their longest value, never
wider than a cap; when the line is too narrow, the columns that may be elided
shrink (longest first, down to their floor) until the text column (sentence or
title) has SENTENCE_MIN (TITLE_MIN) characters; the text column wraps and takes what is left.

Example:
    >>> from rich.console import Console
    >>> import io
    >>> c = Console(width=80, record=True, file=io.StringIO())
    >>> c.print(events_table([{"date": "2024-03-01", "published": None, "source": "RUS", "event": "AID",
    ...     "target": "IRN", "mode": "military", "modality": "asserted", "negated": False, "doc": "a.txt",
    ...     "sentence": "Russia sent air defence systems to Iran."}], width=80))
    >>> "Russia sent air defence" in c.export_text()
    True
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

SENTENCE_MIN = 24  # characters a line the event sentence keeps at least, on an 80-column line
TITLE_MIN = 16  # the same for a document title
EDGE = 2  # the table's outer margin (one space each side)
GAP = 2  # between two columns


@dataclass(frozen=True)
class Col:
    """A short column: its header, its widest allowed width, and the floor it may be elided to (None: never)."""

    name: str
    cap: int
    floor: int | None = None
    right: bool = False
    wrap: bool = False


def fit_widths(cols: Sequence[Col], cells: Sequence[Sequence[str]], width: int, text_min: int) -> list[int]:
    """Widths of the short columns so that the text column after them keeps `text_min` on a `width` line."""
    widths = [min(c.cap, max([len(c.name)] + [len(row[i]) for row in cells])) for i, c in enumerate(cols)]
    budget = width - EDGE - GAP * len(cols) - text_min
    while sum(widths) > budget:
        shrinkable = [i for i, c in enumerate(cols) if c.floor is not None and widths[i] > c.floor]
        if not shrinkable:
            break
        i = max(shrinkable, key=lambda k: widths[k])
        widths[i] -= 1
    return widths


def _table(cols: Sequence[Col], text: str, text_min: int, cells: Sequence[Sequence[str]], width: int) -> Any:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    from casus.outputs.terminal import one_line

    cells = [[one_line(c) for c in row] for row in cells]  # no control character from an article reaches the terminal

    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, expand=True, collapse_padding=True)
    for col, w in zip(cols, fit_widths(cols, cells, width, text_min)):
        table.add_column(col.name, width=w, no_wrap=not col.wrap, overflow="fold" if col.wrap else "ellipsis",
                         justify="right" if col.right else "left")
    table.add_column(text, min_width=text_min, ratio=1, overflow="fold")
    for row in cells:
        table.add_row(*(Text(c) for c in row))  # Text: rich markup in a title or sentence stays text
    return table


DOC_COLS = (Col("id", 16), Col("name", 24, floor=8), Col("published", 10), Col("site", 20, floor=6),
            Col("sents", 7, right=True), Col("events", 7, right=True))

EVENT_COLS = (Col("date", 10), Col("src", 8, floor=4), Col("event", 10, floor=7), Col("tgt", 8, floor=4),
              Col("how", 10, wrap=True), Col("doc", 24, floor=6))


def docs_table(documents: Iterable[Mapping[str, Any]], width: int = 80) -> Any:
    """The documents: id whole, name and site elided when the line is short, the title wraps."""
    cells = [(str(d["id"]), d["name"] or "", d["published"] or "", d["site"] or "", str(d["sentences"]),
              str(d["events"]), d["title"] or "") for d in documents]
    return _table(DOC_COLS, "title", TITLE_MIN, cells, width)


def events_table(rows: Iterable[Mapping[str, Any]], width: int = 80) -> Any:
    """The events: mode, modality and negation share the `how` column ("not military reported"), the sentence wraps.

    The date is the event's, else its document's published date, else "undated".
    """
    cells = []
    for r in rows:
        how = " ".join(x for x in ("not" if r["negated"] else "", r["mode"] or "", r["modality"] or "") if x)
        cells.append((r["date"] or r["published"] or "undated", r["source"] or "", r["event"] or "",
                      r["target"] or "", how, r["doc"] or "", r["sentence"] or ""))
    return _table(EVENT_COLS, "sentence", SENTENCE_MIN, cells, width)
