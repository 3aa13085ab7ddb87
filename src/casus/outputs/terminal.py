"""Text made safe to print: control characters from articles, file names and servers made visible.

Article text, titles, file names, URLs and a server's reason phrase all reach
the terminal. A raw ESC there can set the window title (OSC 0), write the
clipboard (OSC 52), clear the screen or forge colours; a newline in a file name
can forge whole output lines. Everything casus prints of such text goes
through `visible`, which replaces each control character by its escape
(`\\x1b`, `\\u202e`) so the reader sees that it was there. A file-name byte that
is not UTF-8 (a lone surrogate after `surrogateescape`) shows as that byte, `\\xff`.

Example:
    >>> visible("Title\\x1b]0;owned\\x07 here")
    'Title\\\\x1b]0;owned\\\\x07 here'
    >>> visible("a\\nb", multiline=False)
    'a\\\\nb'
"""

from __future__ import annotations

import re
from typing import Any

# C0 controls but tab and newline, DEL, C1 controls; bidi embeddings, overrides and
# isolates (they reorder what the reader sees); lone surrogates (unprintable).
_MULTILINE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
# On one line, also newline, tab and the Unicode line and paragraph separators.
_ONE_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    ch = match.group()
    code = ord(ch)
    if ch in _NAMED:
        return _NAMED[ch]
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8, kept by surrogateescape
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: object, multiline: bool = True) -> str:
    """`text` with every control character shown as its escape; newlines and tabs kept when `multiline`."""
    s = "" if text is None else str(text)
    return (_MULTILINE if multiline else _ONE_LINE).sub(_escape, s)


def one_line(text: object) -> str:
    """`visible` on one line: a newline in a name or reason cannot start a line of its own."""
    return visible(text, multiline=False)


_JSON_UNSAFE = re.compile("[\x7f-\x9f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def json_line(value: object, indent: int | None = None) -> str:
    """JSON (one JSON Lines record unless `indent`), safe on a terminal: the characters `visible` escapes as JSON `\\uXXXX`.

    `json.dumps` escapes C0 controls already; this adds DEL, C1, bidi controls and
    lone surrogates. A JSON reader gets back exactly the same strings.
    """
    import json

    text = json.dumps(value, ensure_ascii=False, indent=indent)
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


class TerminalWriter:
    """A text stream for data printed to a terminal (an export without -o): each write made `visible`.

    CSV's `\\r\\n` line ends become plain newlines; everything else `visible` escapes
    is escaped. Only for a terminal: a pipe or a file gets the data unchanged.
    """

    def __init__(self, stream: Any) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        self.stream.write(visible(text.replace("\r\n", "\n")))
        return len(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.stream, name)
