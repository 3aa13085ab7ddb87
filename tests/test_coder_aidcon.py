"""Mediation, mutual-defence and aid causes seen on fresh news text (own sentences)."""

from __future__ import annotations

from .coding import last_keys


def test_effort_by_agent_reduces_tensions_between_the_two() -> None:
    doc = ["Chile and Peru traded artillery fire across the border in March.",
           "Analysts noted the efforts made by Brazil to ease the tensions between the two countries."]
    assert last_keys(doc, "2025-04-01") == {("BRA", "CONSULT", "CHL", False), ("BRA", "CONSULT", "PER", False)}


def test_calm_a_dispute_between_two_named() -> None:
    doc = ["Norway worked to calm the dispute between Chile and Peru."]
    assert last_keys(doc, "2025-04-01") == {("NOR", "CONSULT", "CHL", False), ("NOR", "CONSULT", "PER", False)}
