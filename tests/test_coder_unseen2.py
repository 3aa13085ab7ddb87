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


def test_named_group_is_each_member() -> None:
    assert last_keys(["The Baltic states condemned Russia on Monday."], "2025-03-01") == {
        ("EST", "ACCUSE", "RUS", False), ("LVA", "ACCUSE", "RUS", False), ("LTU", "ACCUSE", "RUS", False)}


def test_named_group_as_target() -> None:
    assert last_keys(["Russia threatened the Baltic countries with retaliation."], "2025-03-01") == {
        ("RUS", "THREATEN", "EST", False), ("RUS", "THREATEN", "LVA", False), ("RUS", "THREATEN", "LTU", False)}


def test_named_group_in_a_joint_act_meets_the_other_party_only() -> None:
    assert last_keys(["The Baltic states met Germany in Vilnius."], "2025-03-01") == {
        (a, "CONSULT", b, False) for x in ("EST", "LVA", "LTU") for a, b in ((x, "DEU"), ("DEU", x))}


def test_named_group_does_not_act_on_its_own_members() -> None:
    got = last_keys(["The Baltic countries asked NATO to send a brigade to Estonia, Latvia and Lithuania."], "2025-03-01")
    assert got == {(c, "REQUEST", "NATO", False) for c in ("EST", "LVA", "LTU")}


def test_named_group_without_article() -> None:
    assert last_keys(["Poland and Baltic countries condemned Russia."], "2025-03-01") == {
        (c, "ACCUSE", "RUS", False) for c in ("POL", "EST", "LVA", "LTU")}


def test_owner_of_what_is_delivered_gives_it() -> None:
    assert last_keys(["Iran's minister praised the delivery of Russia's jets to Iran."], "2025-03-01") == {
        ("RUS", "AID", "IRN", False)}


def test_owner_gives_to_the_subject_when_no_recipient_is_named() -> None:
    got = last_keys(["Lukashenko welcomed the delivery of Putin's missiles to his country."], "2025-03-01")
    assert ("RUS", "AID", "BLR", False) in got and ("BLR", "AID", "RUS", False) not in got


def test_support_sought_from_an_abbreviated_state_is_not_given() -> None:
    assert last_keys(["The Philippines sought U.S. military support."], "2025-03-01") == {
        ("PHL", "REQUEST", "USA", False)}


def test_threatened_attack_is_a_threat_at_its_target() -> None:
    assert last_keys(["Iran has threatened to strike Israel."], "2025-03-01") == {("IRN", "THREATEN", "ISR", False)}
