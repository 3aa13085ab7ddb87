"""The coder on events it did not see at all on fresh news text (helper trig, 2026-12-02): a definite drill or
exercise after joint drills were coded names those drills;
"the military alliance" is the bloc named last;
a deal announced or clinched is made; an arms deal's supplier from its buyer or maker;
a state's instructors in another are military aid to it;
forces sent to drills are part of the drills; a call named as an occasion is a call. Sentences written for this test, none from an article.

Each row: sentences coded together, and the (source, event, target, negated) keys the last one must give, exactly.
"""

from __future__ import annotations

import pytest

from tests.coding import last_keys

PUBLISHED = "2025-11-01"

CHILE_PERU = {("CHL", "COOPERATE", "PER", False), ("PER", "COOPERATE", "CHL", False)}
DRILLS = "Chile and Peru began joint naval drills off the coast on Monday."

CASES = [
    # "the drills", "the exercise", "such drill": the joint drills just named, each party with the other
    ([DRILLS, "The drills will involve 2,000 sailors and last a week."], CHILE_PERU),
    ([DRILLS, "As part of the exercise, Peruvian frigates docked in Valparaiso."], CHILE_PERU),
    ([DRILLS, "The first such drill was held in Lima in 2019."], CHILE_PERU),
    ([DRILLS, "Chilean and Peruvian aircraft also took part in the week-long exercise."], CHILE_PERU),
    ([DRILLS, "Additional ground and naval exercises took place near Arica in May."], CHILE_PERU),
    # a drill noun without a determiner, or "exercise" as a verb or "the exercise of" a right, names no drills
    ([DRILLS, "Bolivia urged both sides to exercise restraint."],
     {("BOL", "REQUEST", "CHL", False), ("BOL", "REQUEST", "PER", False)}),
    ([DRILLS, "The exercise of such rights at sea is lawful, an expert said."], set()),
    # a state not among the parties holding "the drills" is not their drills
    ([DRILLS, "Bolivia held the drills near its border in May."], set()),
    # no joint drills named before: "the exercise" names none
    (["Chile and Peru held talks on Monday.", "The exercise will involve 2,000 sailors."], set()),
    # drills named long before are another passage
    ([DRILLS, *["The weather was mild on the coast."] * 7, "The drills will involve 2,000 sailors."], set()),
    # "the military alliance" is the bloc named last, as "the alliance" is
    (["NATO held a summit in Brussels on Monday.", "Peru became the 33rd member of the military alliance in a ceremony."],
     {("PER", "AGREE", "NATO", False), ("NATO", "AGREE", "PER", False)}),
    # a deal announced or clinched is made, both ways; not its end, nor a withdrawal from it
    (["Chile announced a new defence partnership with Peru."],
     {("CHL", "AGREE", "PER", False), ("PER", "AGREE", "CHL", False)}),
    (["Chile and Peru clinched a military cooperation pact on Monday."],
     {("CHL", "AGREE", "PER", False), ("PER", "AGREE", "CHL", False)}),
    (["Chile announced a probe into the defence deal with Peru."], set()),
    (["Chile announced that it would withdraw from the defence pact with Peru."], set()),
    (["Chile announced plans to review the treaty with Peru."], set()),
    # an arms deal's supplier: the other party of the buyer named after "for", or the maker named on the weapons
    (["Chile has announced a $1bn missile deal for Peru."],
     {("CHL", "AGREE", "PER", False), ("PER", "AGREE", "CHL", False), ("CHL", "AID", "PER", False)}),
    (["Chile and Peru signed an arms deal for Peruvian frigates."],
     {("CHL", "AGREE", "PER", False), ("PER", "AGREE", "CHL", False), ("PER", "AID", "CHL", False)}),
    # no buyer or maker named: no supply told
    (["Chile and Peru signed an arms deal on Monday."], {("CHL", "AGREE", "PER", False), ("PER", "AGREE", "CHL", False)}),
    # a state's instructors or trainers in another state: military aid to it; its troops there are no aid
    (["There are now 400 Chilean instructors in Peru, the ministry said."], {("CHL", "AID", "PER", False)}),
    (["There are now 400 Chilean troops in Peru, the ministry said."], set()),
    (["The instructors arrived on Monday."], set()),
    # a partner noun with the partner's name right after it ("its treaty ally the Philippines") names that partner,
    # with or without "the" or a comma between
    (["Chile after the Bolivia incident", "Peru is standing by its treaty ally the Dominican Republic."],
     {("PER", "SUPPORT", "DOM", False)}),
    (["Chile after the Bolivia incident", "Peru is standing by its treaty ally, Colombia."], {("PER", "SUPPORT", "COL", False)}),
    # forces sent or flown to take part in drills are part of the drills, no aid of their own
    (["Chile sent 2,000 sailors and three frigates to participate in a large-scale joint exercise with Peru."],
     {("CHL", "COOPERATE", "PER", False), ("PER", "COOPERATE", "CHL", False)}),
    (["Chile sent warships to Peru for joint drills."],
     {("CHL", "COOPERATE", "PER", False), ("PER", "COOPERATE", "CHL", False)}),
    # forces sent with no drills to go to stay aid
    (["Chile sent warships to Peru on Monday."], {("CHL", "AID", "PER", False)}),
    # a call named as the occasion of what was said is a call between the two, never denied by the clause's negator
    (["The Peruvian defence minister pledged to stand with Chile in a call on Friday with his Chilean counterpart."],
     {("PER", "SUPPORT", "CHL", False), ("PER", "CONSULT", "CHL", False), ("CHL", "CONSULT", "PER", False)}),
    (["Peru and Chile held talks on Monday.", "The Peruvian president did not address trade in the call but praised Chile."],
     {("PER", "CONSULT", "CHL", False), ("CHL", "CONSULT", "PER", False), ("PER", "SUPPORT", "CHL", False)}),
    # contact denied stays denied
    (["Peru was not in contact with Chile."], {("PER", "CONSULT", "CHL", True), ("CHL", "CONSULT", "PER", True)}),
]


@pytest.mark.parametrize("doc,expected", CASES)
def test_trig(doc: list[str], expected: set[tuple[str, str, str | None, bool]]) -> None:
    assert last_keys(doc, PUBLISHED) == expected
