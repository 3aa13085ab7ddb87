"""False alarms on fresh text: readings that name no event (docs/coder-filters.md)."""

from __future__ import annotations

from casus.events.coder import code_sentences

from .coding import keys


def _keys(sentence: str) -> set:
    return keys(code_sentences([sentence], "2024-05-01")[0])


def test_plural_noun_is_no_verb() -> None:
    """A verb-only trigger's -s form after a preposition or adjective is a plural noun: "amid protests"."""
    assert _keys("Chile sent riot police to the capital amid protests over fuel prices.") == set()
    assert _keys("Peru faced public protests across the country last week.") == set()


def test_named_subject_keeps_the_verb() -> None:
    """After an actor's name the -s form is its verb, even where the name ends like an adjective ("Beijing")."""
    assert _keys("Beijing supports Pakistan in the dispute, the minister said.") == {("CHN", "SUPPORT", "PAK", False)}
    assert _keys("Mali receives rifles from Russia.") == {("RUS", "AID", "MLI", False)}


def test_noun_subject_keeps_the_verb() -> None:
    """After a common noun that only looks like an adjective ("government") the -s form stays a verb."""
    assert _keys("The Chilean government supports Peru in the dispute.") == {("CHL", "SUPPORT", "PER", False)}


def test_meeting_a_threat_or_obligation_is_no_meeting() -> None:
    """"Meet" whose object is a thing met (met_things), past a quantifier's "of" and two joined modifiers."""
    assert _keys("Chile vowed to meet all of its treaty obligations, Peru said.") == set()
    assert _keys("The new radar will help Peru meet current and future threats.") == set()
    assert _keys("Chile and Peru pledged to act to meet the common danger.") == set()


def test_meeting_states_is_still_a_meeting() -> None:
    """A state met is a meeting, also when two are joined by "and"."""
    assert _keys("Brazil will meet Chile and Peru next week.") == {
        ("BRA", "CONSULT", "CHL", False), ("CHL", "CONSULT", "BRA", False),
        ("BRA", "CONSULT", "PER", False), ("PER", "CONSULT", "BRA", False)}


def test_threatening_peace_is_no_threat() -> None:
    """An act said to threaten peace, stability or security is judged, not a threat made; a state threatened stays one."""
    assert _keys("Peru said the missile tests threaten regional stability.") == set()
    assert _keys("Chile warned that the border raids threatened the security of the region.") == set()
    assert _keys("Chile threatened Peru with sanctions.") == {("CHL", "THREATEN", "PER", False)}
