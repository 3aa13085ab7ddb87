"""Month names, the one table every stage reads them from (page dates, event dates, the coder, the benchmarks).

Kept at the package root, the lowest floor, so that reading inputs, the event
coder and the run engines may all import it (scripts/import_floors.py).
"""

from __future__ import annotations

#: The months in calendar order, as written in English prose.
MONTHS: tuple[str, ...] = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
                           "October", "November", "December")

#: Each month's abbreviations, in calendar order; the longer of two comes first ("Sept" before "Sep") so a
#: regular expression built from them tries it first. May has none.
MONTH_ABBREVIATIONS: tuple[tuple[str, ...], ...] = (
    ("Jan",), ("Feb",), ("Mar",), ("Apr",), (), ("Jun",), ("Jul",), ("Aug",), ("Sept", "Sep"), ("Oct",), ("Nov",),
    ("Dec",),
)

#: A month's number (1-12) by its lower-case name or abbreviation.
MONTH_NUMBERS: dict[str, int] = {
    name.lower(): number
    for number, (full, short) in enumerate(zip(MONTHS, MONTH_ABBREVIATIONS, strict=True), start=1)
    for name in (full, *short)
}
