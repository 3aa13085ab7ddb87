"""Statements aimed through the act they judge: a condemned pact's parties, a condemned act's author, a vow to
punish. Sentences are our own."""

from __future__ import annotations

from tests.coding import last_keys

PUB = "2024-05-01"


def test_condemning_a_pact_between_states_accuses_its_parties() -> None:
    """'condemned the pact between X, Y and Z': aimed at each party of the act condemned."""
    doc = ["On Friday, Iran condemned the naval agreement between Britain, France and Germany."]
    assert last_keys(doc, PUB) == {("IRN", "ACCUSE", "GBR", False), ("IRN", "ACCUSE", "FRA", False),
                                   ("IRN", "ACCUSE", "DEU", False)}


def test_condemning_the_launch_told_before_accuses_its_author() -> None:
    """'condemned the launch': the act was told just before; aimed at who did it."""
    doc = ["North Korea fired a rocket at Japan on Sunday.", "Australia condemned the launch."]
    assert last_keys(doc, PUB) == {("AUS", "ACCUSE", "PRK", False)}
