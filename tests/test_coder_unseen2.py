"""Exact-record tests for the unseen2 fixes (sentences written for these tests)."""

from __future__ import annotations

from .coding import last_keys


def test_vowed_attack_is_a_threat() -> None:
    assert last_keys(["The Houthis vowed to attack Israel on Sunday."], "2025-03-01") == {
        ("HOUTHIS", "THREATEN", "ISR", False)}


def test_vowed_retaliation_is_a_threat() -> None:
    assert last_keys(["Iran vowed to strike American bases in the region."], "2025-03-01") == {
        ("IRN", "THREATEN", "USA", False)}


def test_plain_attack_stays_an_attack() -> None:
    assert last_keys(["Israel attacked Iran on Sunday."], "2025-03-01") == {("ISR", "ASSAULT", "IRN", False)}
