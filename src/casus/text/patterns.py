"""Regex building shared by the stages that match many literal phrases (the event lexicon, claim cues, actors)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any


def trie_regex(phrases: Iterable[str], escape: Callable[[str], str] = re.escape) -> str:
    """One regex alternation of `phrases`, shaped as a character trie: fast, and longer matches win.

    `escape` turns one character into its pattern (re.escape by default).
    """
    trie: dict[str, Any] = {}
    for phrase in phrases:
        node = trie
        for ch in phrase:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        ends = "" in node
        branches = [escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return build(trie)
