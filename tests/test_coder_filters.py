"""False alarms on fresh text: readings that name no event (docs/coder-filters.md)."""

from __future__ import annotations

from casus.events.coder import code_sentences

from .coding import keys


def _keys(sentence: str) -> set:
    return keys(code_sentences([sentence], "2024-05-01")[0])


def test_plural_noun_is_no_verb() -> None:
    """A verb-only trigger's -s form after a preposition or adjective is a plural noun: "amid protests"."""
    assert _keys("Chile sent riot police to the capital amid protests over fuel prices.") == set()
    assert _keys("Peru faced student protests across the country last week.") == set()


def test_named_subject_keeps_the_verb() -> None:
    """After an actor's name the -s form is its verb, even where the name ends like an adjective ("Beijing")."""
    assert _keys("Beijing supports Pakistan in the dispute, the minister said.") == {("CHN", "SUPPORT", "PAK", False)}
    assert _keys("Mali receives rifles from Russia.") == {("RUS", "AID", "MLI", False)}
