"""Event attributes (issue 12): modality and negation on sentences written for this test, none from an article.

Each row: a sentence coded alone and the exact (source, event, target, modality, negated) tuples it must give.
Each rule was kept only if the dev set as a whole and the seeds did not drop.
"""

from __future__ import annotations

import pytest

from casus.events.coder import code_sentences

CASES = [
    # a reporting verb after the trigger: "X reports" governs it too
    ("Ukraine signs secret drone deal with Poland, Reuters reports",
     {("UKR", "AGREE", "POL", "reported", False), ("POL", "AGREE", "UKR", "reported", False)}),
    # ... but not when it opens a complement of its own: the call itself is asserted
    ("During a phone call Tuesday, Blinken told Kishida that the treaty applies.",
     {("USA", "CONSULT", "JPN", "asserted", False), ("JPN", "CONSULT", "USA", "asserted", False)}),
    # "vowing to" is a pledge: future
    ("Macron Issues A Decree Vowing To Protect Lebanon", {("FRA", "AID", "LBN", "future", False)}),
    # a negator before "at" denies the verb, not the summit named after it
    ("Officials said Israel never came up at the summit with Egypt.",
     {("ISR", "CONSULT", "EGY", "reported", False), ("EGY", "CONSULT", "ISR", "reported", False)}),
    # a strike named after "after" is a past fact, not part of what the ministers announced
    ("Ministers of the Arab League announced new steps on Thursday after Israel's air strike on Qatar.",
     {("ISR", "ASSAULT", "QAT", "asserted", False)}),
    # "ahead of" talks: the talks are still to come
    ("Ahead of summit talks between Biden and Kishida, the White House sent a letter.",
     {("USA", "CONSULT", "JPN", "future", False), ("JPN", "CONSULT", "USA", "future", False)}),
    # "would like to" is a wish, not a hedge
    ("Serbia would like to ask Russia to send troops.", {("SRB", "REQUEST", "RUS", "asserted", False)}),
    # a cue inside a quotation does not reach the talks outside it; "during" shields them from "said"
    ("\"We are not going to strike your ports,\" Biden said during a meeting with the Japanese prime minister.",
     {("USA", "CONSULT", "JPN", "asserted", False), ("JPN", "CONSULT", "USA", "asserted", False)}),
    ("Starmer said after talks with Zelensky in Kyiv that Europe must pay.",
     {("GBR", "CONSULT", "UKR", "asserted", False), ("UKR", "CONSULT", "GBR", "asserted", False)}),
    # frozen aid is withheld aid
    ("Washington has frozen all military aid to Ukraine.", {("USA", "AID", "UKR", "asserted", True)}),
    # "more than 400 strikes" is a count, not a preference
    ("Israel has conducted more than 400 strikes against Hezbollah targets since June.",
     {("ISR", "ASSAULT", "HEZBOLLAH", "asserted", False)}),
    # "it may be" keeps its hedge
    ("\"It may be by cooperating with French forces in Mali,\" the German minister told reporters.",
     {("FRA", "COOPERATE", "DEU", "hedged", False), ("DEU", "COOPERATE", "FRA", "hedged", False)}),
    # "would not hesitate" is no denial; after "reassured ... that" the "would" is reported speech's will
    ("He also reassured the Sudanese in plain words that Egypt would not hesitate to come to Sudan's aid.",
     {("EGY", "AID", "SDN", "future", False)}),
    # a treaty's provisions are future; an aid package's contents are not
    ("Under the treaty, Japan and India are obliged to defend each other.",
     {("JPN", "AID", "IND", "future", False), ("IND", "AID", "JPN", "future", False)}),
    ("The 2024 pact between Cuba and Russia includes military cooperation between Havana and Moscow.",
     {("CUB", "COOPERATE", "RUS", "future", False), ("RUS", "COOPERATE", "CUB", "future", False)}),
    ("The aid package for Ukraine includes American tanks from the United States.",
     {("USA", "AID", "UKR", "asserted", False)}),
    # a writer's "this suggests that" is no hedge on the act it describes; "could" still is
    ("This suggests that Russia supplies drones to Iran.", {("RUS", "AID", "IRN", "asserted", False)}),
    ("Analysts believe that Russia could supply drones to Iran.", {("RUS", "AID", "IRN", "hedged", False)}),
    # a relative clause inside reported speech is background, not the claim
    ("The paper argued that the partnership, which culminated in the signing of a treaty between Cuba and Russia "
     "in 2024, has failed.",
     {("CUB", "AGREE", "RUS", "asserted", False), ("RUS", "AGREE", "CUB", "asserted", False)}),
    # a mechanism for talks: the talks are to come
    ("The two leaders agreed on a mechanism for regular talks between Seoul and Tokyo.",
     {("KOR", "CONSULT", "JPN", "future", False), ("JPN", "CONSULT", "KOR", "future", False)}),
    # "support and promises to help": the promise does not make the support future
    ("Germany signed a deal with Ukraine on Monday, part of a show of support and promises to keep helping Kyiv.",
     {("DEU", "AGREE", "UKR", "asserted", False), ("UKR", "AGREE", "DEU", "asserted", False),
      ("DEU", "SUPPORT", "UKR", "asserted", False), ("DEU", "AID", "UKR", "future", False)}),  # promised help: AID, future
    # "highlighted that" reports
    ("Sadr also highlighted that Moscow sold S-400 systems to Turkey.", {("RUS", "AID", "TUR", "reported", False)}),
]


@pytest.mark.parametrize("sentence,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_attributes(sentence: str, expected: set) -> None:
    got = {(e.source, e.event, e.target, e.modality, e.negated) for e in code_sentences([sentence], "2025-11-01")[0]}
    assert got == expected
