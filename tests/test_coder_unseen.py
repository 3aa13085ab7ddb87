"""The coder on data rows added after reading new (unseen) news on alliances and sea incidents (helper unseen):
sea names are no actors, water cannon and opening fire are attacks, "Iran-backed X" names X, not Iran, and
a clause of mutual assistance binds both parties, and Lloyd Austin's short name. Sentences written for this test, none from an article.

Each row: sentences coded together, and the (source, event, mode, target, modality, negated) records the last one
must give, exactly. Each rule was kept only if dev F1, both batches and the seeds did not drop.
"""

from __future__ import annotations

import pytest

from casus.events.coder import code_sentences

CASES = [
    # "the East China Sea" is a place: "China" inside it is no actor ("the" before it no longer hides the name)
    ("2023-10-01", ["Jordan and Egypt agreed on stability in the East China Sea."],
     {("JOR", "AGREE", None, "EGY", "asserted", False), ("EGY", "AGREE", None, "JOR", "asserted", False)}),
    # water cannon used on, fired at, or as a verb is an attack (mode null)
    ("2023-10-01", ["Vietnamese coast guard ships used water cannons on two Malaysian boats."],
     {("VNM", "ASSAULT", None, "MYS", "asserted", False)}),
    ("2023-10-01", ["The Vietnamese Coast Guard fired water cannons at a Malaysian supply boat."],
     {("VNM", "ASSAULT", None, "MYS", "asserted", False)}),
    ("2023-10-01", ["The Vietnamese Coast Guard water cannoned two Malaysian vessels."],
     {("VNM", "ASSAULT", None, "MYS", "asserted", False)}),
    # opening fire on another's vessel is an attack
    ("2023-10-01", ["Malaysian gunboats opened fire on an Indonesian tug."],
     {("MYS", "ASSAULT", None, "IDN", "asserted", False)}),
    # "Iran-backed" / "Iranian-backed" names the backed group as the one attacked, not Iran
    ("2023-10-01", ["Israeli jets struck Iranian-backed militias in Syria."],
     {("ISR", "ASSAULT", "aerial", "SYR_MILITIAS", "asserted", False)}),
    ("2023-10-01", ["Egypt said Iran-backed Hezbollah fighters shelled Israel."],
     {("HEZBOLLAH", "ASSAULT", "aerial", "ISR", "reported", False)}),
    # a pact's clause of mutual assistance: aid each party owes the other, still to come
    ("2021-10-07", ["Peru's lawmakers voted on a defense pact signed last week with Chile which includes a clause of "
                    "mutual assistance in case of attack by a third party."],
     {("PER", "AID", "military", "CHL", "future", False), ("CHL", "AID", "military", "PER", "future", False),
      ("PER", "AGREE", "pact", "CHL", "asserted", False), ("CHL", "AGREE", "pact", "PER", "asserted", False)}),
    # invoking a bloc's named "mutual assistance clause" stays a request, no aid both ways
    ("2021-10-07", ["Peru invoked the EU's mutual assistance clause."],
     {("PER", "REQUEST", "military", "EU", "asserted", False)}),
    # "Houthi rebels in Yemen" is one mention of the group: Yemen is where it is, not a second target
    ("2024-01-01", ["Houthi rebels in Yemen say they lost five fighters after their boats were attacked by US forces."],
     {("USA", "ASSAULT", None, "HOUTHIS", "reported", False)}),
    ("2024-01-01", ["Yemen's Houthis fired missiles at Israel."], {("HOUTHIS", "ASSAULT", "aerial", "ISR", "asserted", False)}),
    # two named parties discussing a third state's act: the third state is the topic, not a party to the talks
    ("2024-05-01", ["Chile and Peru discussed Bolivia's proposal."],
     {("CHL", "CONSULT", None, "PER", "asserted", False), ("PER", "CONSULT", None, "CHL", "asserted", False)}),
    # "resupply ships" are the boats attacked, not an act of resupplying; the verb still is one
    ("2021-11-19", ["Chile is standing by its treaty ally Peru after the Bolivian navy fired water cannons at resupply ships."],
     {("CHL", "SUPPORT", None, "PER", "asserted", False)}),
    ("2021-11-19", ["Russia will resupply Iran with drones."], {("RUS", "AID", "military", "IRN", "future", False)}),
    # Lloyd Austin (US defence secretary 2021-2025) by his surname alone
    ("2023-10-01", ["Austin met Jordan's king in Amman."],
     {("USA", "CONSULT", None, "JOR", "asserted", False), ("JOR", "CONSULT", None, "USA", "asserted", False)}),
]


@pytest.mark.parametrize(("published", "sentences", "expected"), CASES)
def test_unseen_records(published: str, sentences: list[str], expected: set[tuple]) -> None:
    got = {(e.source, e.event, e.mode, e.target, e.modality, e.negated)
           for e in code_sentences(sentences, published)[-1]}
    assert got == expected
