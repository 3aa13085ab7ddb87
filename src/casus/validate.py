"""Checks on user-given values, each failing with one line that says the expected form."""

from __future__ import annotations

import re
from datetime import date

from casus.errors import CasusError

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def check_iso_date(value: str) -> str:
    """Return value if it is YYYY, YYYY-MM or YYYY-MM-DD and a real date; CasusError otherwise."""
    m = _ISO.match(value.strip())
    if m:
        year, month, day = int(m[1]), int(m[2] or 1), int(m[3] or 1)
        try:
            date(year, month, day)
            return value.strip()
        except ValueError:
            pass
    raise CasusError(f"cannot read date {value!r}: expected YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2025-06-12)")
