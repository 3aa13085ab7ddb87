"""What the coder tests compare: the (source, event, target, negated) record of each coded event."""

from __future__ import annotations

from collections.abc import Iterable

from casus.events.coder import code_sentences
from casus.events.lexicon import Lexicon
from casus.records import CodedEvent

Key = tuple[str, str, str | None, bool]


def keys(events: Iterable[CodedEvent]) -> set[Key]:
    """The scorer's key of each event: source, type, target, negated."""
    return {(e.source, e.event, e.target, e.negated) for e in events}


def last_keys(doc: list[str], published: str | None, lex: Lexicon | None = None) -> set[Key]:
    """The keys of the events of a document's last sentence, the others coded before it as its context."""
    return keys(code_sentences(doc, published, lex)[-1])
