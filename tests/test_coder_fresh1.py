"""The coder on rules found by hand-judging fresh news text (helper fresh1, 2026-12-02): talks at a standstill,
trigger words inside proper names, the topic of talks, places of militias, interceptions, drills held by a pair,
aid owed both ways, wars named as a time, and arms aid whose recipient was missed. Sentences written for this test, none from an
article. Each rule was kept only if the dev set as a whole did not fall.

Each row: sentences coded together, and the (source, event, target, negated) keys the last one must give, exactly.
"""

from __future__ import annotations

import pytest

from tests.coding import last_keys

PUBLISHED = "2025-11-01"

CASES = [
    # talks that have stalled or fallen off are no meeting held; the drills go on (no talks coded)
    (["Chile and Peru have resumed patrols as negotiations with Bolivia have fallen off."], set()),
    (["Peru praised Chile, while the talks with Bolivia remain stalled."], {("PER", "SUPPORT", "CHL", False)}),
    # a stalled-talks modifier before "talks with", which scans as a verb
    (["Peru is courting Chile amid the long-stalled border talks with Bolivia."], set()),
    # talks held are still talks
    (["Peru held talks with Bolivia on Monday."], {("PER", "CONSULT", "BOL", False), ("BOL", "CONSULT", "PER", False)}),
    # cooperation and assistance words in a treaty's or an agency's title are part of the name, no event
    (["Chile and Peru marked the anniversary of the Treaty on Friendship, Cooperation and Mutual Assistance."], set()),
    (["The Peruvian Security Cooperation Agency said Peru sold rifles to Chile."],
     {("PER", "AID", "CHL", False)}),
    # the same words in running text are events
    (["Chile and Peru signed a treaty on friendship and cooperation."],
     {("CHL", "AGREE", "PER", False), ("PER", "AGREE", "CHL", False),
      ("CHL", "COOPERATE", "PER", False), ("PER", "COOPERATE", "CHL", False)}),
    # the states listed after a militia phrase naming its place are where the forces are, not attackers
    (["Peruvian proxy forces in Iraq, Syria and Yemen have attacked Chile."], {("IRQ_MILITIAS", "ASSAULT", "CHL", False)}),
    # the country where a group's targets are struck stays a target (as dev gold's "airstrikes across the country")
    (["Chile launched strikes on Houthi targets in Yemen."],
     {("CHL", "ASSAULT", "HOUTHIS", False), ("CHL", "ASSAULT", "YEM", False)}),
    # a state named with "in" after a bloc of states is still an actor (forces sent there are for it)
    (["NATO deployed jets in Poland to protect Poland."], {("NATO", "AID", "POL", False)}),
    # the state talks are "regarding" or "concerning" is their topic, not a party
    (["Chilean and Peruvian diplomats held talks regarding Bolivia."],
     {("CHL", "CONSULT", "PER", False), ("PER", "CONSULT", "CHL", False)}),
    (["Chile held talks with Peru concerning Bolivia."], {("CHL", "CONSULT", "PER", False), ("PER", "CONSULT", "CHL", False)}),
    # knocking, bringing or taking down the incoming fire defends whom it was aimed at
    (["Chile fired missiles at Peru.", "Bolivian jets knocked down some of the incoming missiles."],
     {("BOL", "AID", "PER", False)}),
    (["Chile fired rockets at Peru.", "Bolivian destroyers brought down the rockets."], {("BOL", "AID", "PER", False)}),
    (["Chile hacked websites.", "Peru took down the websites of Chile."], set()),
    # the defender in a sentence is not also the attacker of the defended (the strike is Chile's, named "from Chile")
    (["Bolivian jets helped intercept 300 weapons from Chile in the strike on Peru."], {("BOL", "AID", "PER", False)}),
    # drills held by a pair named together are joint military cooperation, "joint" or not
    (["Chile and Peru have resumed the military drills."], {("CHL", "COOPERATE", "PER", False), ("PER", "COOPERATE", "CHL", False)}),
    (["Chile and Peru are in the midst of air force drills."],
     {("CHL", "COOPERATE", "PER", False), ("PER", "COOPERATE", "CHL", False)}),
    # "joint" with modifiers the phrase list does not hold ("joint anti-ship flight drill", "joint simulation"): joint
    # drills of the parties named together, each with each; one state's "joint" drills take no partner from the context
    (["Chile, Bolivia and Peru staged a joint anti-ship flight drill on Friday."],
     {(a, "COOPERATE", b, False) for a in ("CHL", "BOL", "PER") for b in ("CHL", "BOL", "PER") if a != b}),
    (["Chile and Peru will run a joint simulation next week."],
     {("CHL", "COOPERATE", "PER", False), ("PER", "COOPERATE", "CHL", False)}),
    (["Bolivia met Peru on Monday.", "Chile announced joint coast guard patrols on Friday."], set()),
    # one state's drills near another, or drills a pair only criticised, are no cooperation
    (["Chile held military drills around Peru."], set()),
    (["Chile and Peru criticized the drills near Bolivia."],
     {("CHL", "ACCUSE", None, False), ("PER", "ACCUSE", None, False)}),
    # a war named as a time ("since the start of the invasion of X") is background, no attack
    (["Peru has courted Chile since the start of the invasion of Bolivia."], set()),
    (["The invasion of Bolivia by Chile began in May."], {("CHL", "ASSAULT", "BOL", False)}),
    # an attack with no target named: the agent "by X" of the passive after it is not the attacked
    (["Peru's response to the Chilean strike was boosted by Bolivia."], {("CHL", "ASSAULT", "PER", False)}),
    # aid each party is obliged to give the other is AID both ways; forces sent to each other's soil cooperate
    (["Under the treaty, Chile and Peru are obliged to provide military assistance to each other."],
     {("CHL", "AID", "PER", False), ("PER", "AID", "CHL", False)}),
    (["Chile and Peru signed a pact that will deploy both countries' troops on each other's soil."],
     {("CHL", "AGREE", "PER", False), ("PER", "AGREE", "CHL", False),
      ("CHL", "COOPERATE", "PER", False), ("PER", "COOPERATE", "CHL", False)}),
    # arms with no recipient while the sentence names another state: the recipient was missed, no record with none
    (["Chile and Peru signed a contract to supply the rocket launchers."],
     {("CHL", "AGREE", "PER", False), ("PER", "AGREE", "CHL", False)}),
    # with no one else named, the giver's aid stays
    (["Chile has begun delivering the new rocket launchers."], {("CHL", "AID", None, False)}),
    (["Chile has begun delivering the new rocket launchers to Peru."], {("CHL", "AID", "PER", False)}),
]


@pytest.mark.parametrize(("sentences", "expected"), CASES)
def test_fresh1_records(sentences: list[str], expected: set[tuple]) -> None:
    assert last_keys(sentences, PUBLISHED) == expected
