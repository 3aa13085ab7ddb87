"""Roles and precision on unseen text (fresh training sets): sentences written for this test.

Each row: a short passage (coded as one document, in order) and the exact (source, event, target, negated) set its
LAST sentence must give.
"""

from __future__ import annotations

import pytest

from .coding import last_keys

PUBLISHED = "2025-11-01"

CASES = [
    # "defence" before another noun names a kind of thing ("defence installations", "defence cooperation pact"):
    # no pledge to defend the possessor
    (["Turkey bombed Syria's aerial defence installations near the border."], {("TUR", "ASSAULT", "SYR", False)}),
    # (ending the pact is a sanction on the partner; no defence of Niger is pledged)
    (["Niger said it would scrap its defense cooperation pact with Germany."], {("NER", "SANCTION", "DEU", False)}),
    # near miss: the possessor's defence itself, before a preposition or a comma, is still pledged
    (["France pledged to come to Estonia's defence in any war."], {("FRA", "AID", "EST", False)}),
    # the state right after a time or cause opener ("following X's", "as X") acts in that clause: it is no
    # beneficiary of the support or intervention before it
    (["Canada renewed its support for the island nation following Russia's missile barrage."], set()),
    # (help withheld or given then goes to someone unnamed, not to the actor of the clause)
    (["British troops did not intervene as Serbia tightened its hold on the region."], {("GBR", "AID", None, True)}),
    (["Egypt and Sudan signed a water pact on Monday.",
      "The signing of the pact came weeks after Ethiopia and Eritrea fought a border war."],
     {("EGY", "AGREE", "SDN", False), ("SDN", "AGREE", "EGY", False)}),  # the pact just told: its parties, not the war's
    # near miss: the beneficiary named before the opener stays; a second agreement told after it keeps its parties
    (["Greece and Cyprus agreed a defence deal weeks after Turkey and Libya signed a maritime accord."],
     {("GRC", "AGREE", "CYP", False), ("CYP", "AGREE", "GRC", False), ("TUR", "AGREE", "LBY", False),
      ("LBY", "AGREE", "TUR", False)}),
    (["Poland pledged support to Ukraine after Russia invaded the country."], {("POL", "SUPPORT", "UKR", False)}),
    # a state named after a transfer only as the adjective of the goods ("Chinese hypersonic missiles") is where they
    # come from, not their recipient: it supplies them to the one who takes them (as the fresh gold codes
    # "agreed to station Russian tactical nuclear weapons": AID from Russia)
    (["Hungary has agreed to station Chinese hypersonic missiles on its soil."],
     {("HUN", "AGREE", "CHN", False), ("CHN", "AGREE", "HUN", False), ("CHN", "AID", "HUN", False)}),
    (["Qatari shipments include drones built on Turkish drone technology obtained by Sudan."], set()),
    # near misses: the adjective of the receiving forces after "to" is the recipient; plain forces stationed
    (["Germany shipped air defence systems to Ukrainian army units."], {("DEU", "AID", "UKR", False)}),
    (["Germany has agreed to station troops in Lithuania."], {("DEU", "AID", "LTU", False)}),
    # a condemnation of a thing: whoever made it ("by X", "between X, Y and Z", "by N, the Chinese ambassador")
    # is the one judged
    (["Russian officials condemned the security pact between Japan, the Philippines and Australia."],
     {("RUS", "ACCUSE", "JPN", False), ("RUS", "ACCUSE", "PHL", False), ("RUS", "ACCUSE", "AUS", False)}),
    (["Japan's foreign minister protested a video posted by Li Wei, the Chinese ambassador in Tokyo."],
     {("JPN", "ACCUSE", "CHN", False)}),
    # near miss: a thing with no maker named leaves the judged unnamed
    (["Moscow condemned the decision, calling it reckless."], {("RUS", "ACCUSE", None, False)}),
    # a threat or judgement with no target answers the act of the state named right after a time opener
    (["Iran has threatened to retaliate after Azerbaijan joined the exercise."], {("IRN", "THREATEN", "AZE", False)}),
    (["After Greek officials hinted at new drilling, Turkey warned that it would respond."],
     {("TUR", "THREATEN", "GRC", False)}),
    (["Russia warned of consequences after Sweden and Norway signed the accord."],
     {("RUS", "THREATEN", "SWE", False), ("RUS", "THREATEN", "NOR", False), ("SWE", "AGREE", "NOR", False),
      ("NOR", "AGREE", "SWE", False)}),
    # near miss: with no such clause the one warned stays unnamed
    (["Moscow warned of consequences."], {("RUS", "THREATEN", None, False)}),
]


@pytest.mark.parametrize("doc,want", CASES)
def test_fresh_roles(doc: list[str], want: set) -> None:
    assert last_keys(doc, PUBLISHED) == want
