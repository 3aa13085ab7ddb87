"""Who is source and who is target when a sentence names several actors: sentences written for this test.

Each row: a short passage (coded as one document, in order), and the (source, event, target, negated) tuples
its LAST sentence must give, exactly.
"""

from __future__ import annotations

import pytest

from casus.events.coder import code_sentences

from .coding import keys

PUBLISHED = "2025-11-01"

CASES = [
    # "called on the sides": the sides are the two others of the passage, never the one who calls on them
    (["Azerbaijani troops shelled Armenian villages on Tuesday.",
      "Moscow called on the sides to return to talks."],
     {("RUS", "REQUEST", "AZE", False), ("RUS", "REQUEST", "ARM", False)}),
    # "the two countries": the pair named just before, unless the document's main pair dwarfs it four times over
    (["The United States struck Iranian nuclear sites on Monday.",
      "Washington said the United States would strike again if needed.",
      "The U.S. military also warned Iraq and the U.S. Navy sent ships.",
      "Moscow counts Tehran among its friends.",
      "The Kremlin denounced the American strikes on Iran.",
      "In 2025, the two countries signed a partnership treaty."],
     {("RUS", "AGREE", "IRN", False), ("IRN", "AGREE", "RUS", False)}),
    # a determined actor name before a noun-or-verb trigger and a preposition modifies the noun: the name acts
    (["Moscow has condemned the U.S. strikes on Iran."],
     {("RUS", "ACCUSE", "USA", False), ("USA", "ASSAULT", "IRN", False)}),
    # a statement about an act named with its agent ("the actions by X against Y") is aimed at the agent
    (["Hanoi condemned the reckless moves by China against Vietnamese fishing boats."],
     {("VNM", "ACCUSE", "CHN", False)}),
    # a chain of hyphenated adjectives before an act: every part is a party ("Pak" is Pakistan's short form)
    (["Analysts noted the deepening Sino-Pak-Turkish naval cooperation."],
     {(a, "COOPERATE", b, False) for a in ("CHN", "PAK", "TUR") for b in ("CHN", "PAK", "TUR") if a != b}),
    # "X-made" weapons: X aids the one who attacks with them; with no such use told, no transfer, and X is no party
    (["Iranian-made drones were central to Russian attacks on Ukrainian cities."],
     {("RUS", "ASSAULT", "UKR", False), ("IRN", "AID", "RUS", False)}),
    (["Kyiv hit targets in Russia with Western-supplied missiles."],
     {("UKR", "ASSAULT", "RUS", False), ("WEST", "AID", "UKR", False)}),
    (["Caracas said its Russian-made jets were ready to defend the country."], set()),
    # a visit (the noun) is the visitor's act towards the host, one way
    (["The order came during a visit to Washington by the Israeli prime minister."],
     {("ISR", "CONSULT", "USA", False)}),
    (["Modi's state visit to Japan ended on Friday."], {("IND", "CONSULT", "JPN", False)}),
    # "to X and its ...": the possessive opens a new phrase, it is not a second recipient
    (["Washington said it would resume its arms supplies to Ukraine and its intelligence sharing with Kyiv."],
     {("USA", "AID", "UKR", False), ("USA", "COOPERATE", "UKR", False)}),
    # "equipment used by X": X uses what it got, it does not give it
    (["Ties grew, with Tehran supplying drones and military equipment used by Russian units in Ukraine."],
     {("IRN", "AID", "RUS", False)}),
    # ", and X <verb>": X opens a clause of its own, it is not one more agent of the attack before
    (["Moscow condemned the strikes by Israel, and Iran vowed revenge."],
     {("RUS", "ACCUSE", "ISR", False), ("ISR", "ASSAULT", "IRN", False), ("IRN", "THREATEN", "ISR", False)}),
    # a joint act in the passive: among those named after it by "between" or "by"
    (["Talks were held between Egypt and Sudan in Cairo."],
     {("EGY", "CONSULT", "SDN", False), ("SDN", "CONSULT", "EGY", False)}),
    # "the council" well after "the Gulf Cooperation Council" (the only one named): a short name, not an anaphor
    (["Ministers of the Gulf Cooperation Council met in Riyadh on Sunday.",
      "They discussed the economy.", "Oil prices were low.", "Trade was slow.",
      "The council condemned Israel's strike on Doha."],
     {("GCC", "ACCUSE", "ISR", False), ("ISR", "ASSAULT", "QAT", False)}),
    # "the invasion of X" with its own target and an agent in its clause is a new act, not the attack just told
    (["Kyiv's drones struck an air base in Russia on Monday.",
      "It was the largest raid since Moscow ordered the invasion of Ukraine in 2022."],
     {("RUS", "ASSAULT", "UKR", False)}),
    # "an attack by X": its target is the one defended or backed in the same sentence, else none
    (["Two British jets helped defend Jordan during a missile attack by Iran on Sunday."],
     {("GBR", "AID", "JOR", False), ("IRN", "ASSAULT", "JOR", False)}),
    # "talks between A and B": the parties named, not the clause's subject
    (["Moscow expects the talks between Armenia and Azerbaijan to resume soon."],
     {("ARM", "CONSULT", "AZE", False), ("AZE", "CONSULT", "ARM", False)}),
    # "his Belarusian counterpart Alexander Lukashenko" is one mention, in the "with" phrase, never a subject
    (["On Friday Putin signed with his Belarusian counterpart Alexander Lukashenko a pact that offers security "
      "guarantees to Belarus."],
     {("RUS", "AGREE", "BLR", False), ("BLR", "AGREE", "RUS", False), ("RUS", "AID", "BLR", False)}),
    # a pair phrase after the act naming the sources themselves: the parties towards each other
    (["Turkish President Erdogan and Azerbaijani leader Ilham Aliyev expressed commitment to the alliance between "
      "their countries."],
     {("TUR", "SUPPORT", "AZE", False), ("AZE", "SUPPORT", "TUR", False)}),
    # mediation "between fellow members of" a bloc: the members are the passage's two others, not the bloc
    (["Azerbaijani troops shelled Armenian villages on Tuesday.",
      "Moscow brokered the peace between fellow members of the CSTO."],
     {("RUS", "CONSULT", "AZE", False), ("RUS", "CONSULT", "ARM", False)}),
    # forces deployed or stationed in another state are there for it (frame `station`); in no state: MOBILIZE
    (["Moscow deployed nuclear weapons in Belarus."], {("RUS", "AID", "BLR", False)}),
    (["Washington deployed warships in the Gulf."], {("USA", "MOBILIZE", None, False)}),
    # a joint noun takes its party from "to X" too; intelligence sharing goes one way (news convention 3)
    (["London will resume its intelligence sharing to Kyiv."], {("GBR", "COOPERATE", "UKR", False)}),
]


@pytest.mark.parametrize(("passage", "expected"), CASES, ids=[c[0][-1][:40] for c in CASES])
def test_roles(passage: list[str], expected: set[tuple[str, str, str | None, bool]]) -> None:
    got = keys(code_sentences(passage, PUBLISHED)[-1])
    assert got == expected
