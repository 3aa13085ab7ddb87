"""Event types that depend on what the sentence shows (round 3, fresh training text): sentences written for this
test, none from an article. Each row: a sentence coded alone and its exact (source, event, target, negated) set."""

from __future__ import annotations

import pytest

from casus.events.coder import code_sentences

from .coding import keys

CASES = [
    # appreciating or being grateful for a state's act is thanks: SUPPORT/rhetorical (convention 8)
    ("The Central African government appreciates the work of Russian instructors.",
     {("CAF", "SUPPORT", "RUS", False), ("RUS", "AID", "CAF", False)}),
    ("Ukraine is grateful to Germany for the new air defense systems.", {("UKR", "SUPPORT", "DEU", False)}),
    ("We appreciate the chance to speak today.", set()),
    # forces moved, as a noun, to or in a state named: AID to it (convention 1); with none named, MOBILIZE (2)
    ("The deployment of Russian troops in Mali has begun.", {("RUS", "AID", "MLI", False)}),
    ("Iran is sending reinforcements to Syria.", {("IRN", "AID", "SYR", False)}),
    ("The French deployment to Estonia began in 2017.", {("FRA", "AID", "EST", False)}),
    ("The deployment of Russian troops to the Ukrainian border alarmed Kyiv.", {("RUS", "MOBILIZE", None, False)}),
    ("Russia announced new deployments.", {("RUS", "MOBILIZE", None, False)}),
    # a warning about another state's conduct, with no consequence threatened, accuses it; a consequence or a
    # condition to come keeps it a threat
    ("Germany warned of a Russian threat to Europe.", {("DEU", "ACCUSE", "RUS", False)}),
    ("Armenia warned that Azerbaijan could provoke another escalation.", {("ARM", "ACCUSE", "AZE", False)}),
    ("Putin warned that Russia would use all means.", {("RUS", "THREATEN", None, False)}),
    ("North Korea warned of a security crisis.", {("PRK", "THREATEN", None, False)}),
    ("Moscow warned of a disaster if Israel keeps striking sites in Iran.",
     {("RUS", "THREATEN", "ISR", False), ("ISR", "ASSAULT", "IRN", False)}),
]


@pytest.mark.parametrize(("sentence", "want"), CASES, ids=[c[0][:40] for c in CASES])
def test_types(sentence: str, want: set[tuple[str, str, str | None, bool]]) -> None:
    assert keys(code_sentences([sentence], "2024-05-01")[0]) == want
