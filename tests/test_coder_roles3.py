"""Roles on unseen text, round 3 (fresh training sets): sentences written for this test.

Each row: a short passage (coded as one document, in order) and the exact (source, event, target, negated) set its
LAST sentence must give.
"""

from __future__ import annotations

import pytest

from .coding import last_keys

PUBLISHED = "2025-11-01"

CASES = [
    # a named armed group's home country as its adjective ("the Lebanese militant group Hezbollah"): the group is the
    # party, not the state
    (["Israeli jets struck the Lebanese militant group Hezbollah on Sunday."], {("ISR", "ASSAULT", "HEZBOLLAH", False)}),
    (["Tehran has stepped up its arms deliveries to the Lebanese group Hezbollah."], {("IRN", "AID", "HEZBOLLAH", False)}),
    # the country after "in" right after the group says where the group is: a place, no second target
    (["Israel said it bombed depots of the Shia movement Hezbollah in southern Lebanon."],
     {("ISR", "ASSAULT", "HEZBOLLAH", False)}),
    (["Washington said it struck two bases of Kataib Hezbollah in Iraq."], {("USA", "ASSAULT", "IRQ_MILITIAS", False)}),
    # (and a state listed after that place is a place too)
    (["Israel said it bombed Hezbollah in Lebanon and Syria."], {("ISR", "ASSAULT", "HEZBOLLAH", False)}),
    # near misses: a state adjective on the attacker, a verb between it and the group, is the attacker
    (["Israeli jets struck Hezbollah in southern Lebanon."], {("ISR", "ASSAULT", "HEZBOLLAH", False)}),
    (["American forces struck Hamas overnight."], {("USA", "ASSAULT", "HAMAS", False)}),
    # near misses: a state named as a party of its own stays one
    (["Israel bombed Hezbollah and Lebanon."], {("ISR", "ASSAULT", "HEZBOLLAH", False), ("ISR", "ASSAULT", "LBN", False)}),
    (["Israel struck Lebanon on Monday."], {("ISR", "ASSAULT", "LBN", False)}),
    # (an organisation that is no armed group keeps the state after it: "the UN in Lebanon" is no place rule)
    (["The United Nations in Geneva condemned Israel's strike on Lebanon."],
     {("UN", "ACCUSE", "ISR", False), ("ISR", "ASSAULT", "LBN", False)}),
    # "the two sides", "they" after talks coded in the sentence or the two before: the two who met, not a third
    # state named on the way
    (["Pakistan's foreign minister met the Chinese ambassador in Islamabad on Monday.",
      "He said India's missile strikes on Pakistani towns were a grave violation.",
      "The two sides agreed to stay in close contact."],
     {("PAK", "AGREE", "CHN", False), ("CHN", "AGREE", "PAK", False), ("PAK", "CONSULT", "CHN", False),
      ("CHN", "CONSULT", "PAK", False)}),
    (["Japan's defence minister held talks with his US counterpart in Tokyo.",
      "On China's moves at sea, he said force must not change the status quo.",
      "They reaffirmed their cooperation on regional security."],
     {("USA", "COOPERATE", "JPN", False), ("JPN", "COOPERATE", "USA", False)}),
    # near misses: an object pronoun is whoever is acted on ("help them"), and a pact just signed keeps its parties
    (["Japan's defence minister held talks with his US counterpart in Tokyo.",
      "On China's moves at sea, he said force must not change the status quo.",
      "Washington is willing to help them at sea, he said."],
     {("USA", "AID", "JPN", False), ("USA", "AID", "CHN", False)}),
    (["Egypt and Sudan signed a water pact on Monday.", "Ethiopia criticised the deal.",
      "The two countries agreed to meet again."],
     {("SDN", "AGREE", "EGY", False), ("EGY", "AGREE", "SDN", False), ("EGY", "CONSULT", "SDN", False),
      ("SDN", "CONSULT", "EGY", False)}),
]


@pytest.mark.parametrize(("doc", "expected"), CASES)
def test_roles3(doc: list[str], expected: set[tuple[str, str, str | None, bool]]) -> None:
    assert last_keys(doc, PUBLISHED) == expected
