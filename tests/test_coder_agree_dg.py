"""AGREE and COOPERATE on the second dev batch (helper coop2): sentences written for this test, none from an article.

Each row: sentences coded as one document, and the (source, event, target, negated) tuples the last one must give,
exactly. Each rule was kept only if the dev set as a whole improved and the first batch did not drop.
"""

from __future__ import annotations

import pytest

from casus.events.coder import code_sentences

from .coding import keys

PUBLISHED = "2025-11-01"

CASES: list[tuple[list[str], set[tuple[str, str, str | None, bool]]]] = [
    # a tie-building verb that names what an agreement or a meeting is for is a purpose, not conduct
    (["Chile and Peru sign a treaty to deepen their ties."],
     {("CHL", "AGREE", "PER", False), ("PER", "AGREE", "CHL", False)}),
    (["Chile and Peru signed a pact aimed at boosting economic and security ties."],
     {("CHL", "AGREE", "PER", False), ("PER", "AGREE", "CHL", False)}),
    # so is cooperation named as what a mechanism or a summit is for
    (["Chile and Peru set up a mechanism to further deepen security cooperation between the two countries."], set()),
    (["Chile and Peru met at a summit aimed at boosting economic cooperation."],
     {("CHL", "CONSULT", "PER", False), ("PER", "CONSULT", "CHL", False)}),
    (["Chile and Peru vowed to deepen security cooperation."],
     {("CHL", "COOPERATE", "PER", False), ("PER", "COOPERATE", "CHL", False)}),
    # a relative clause between the state and its tie-building verb: the state is still the subject
    (["Chile, which holds large copper reserves, has strengthened its military ties with Peru."],
     {("CHL", "COOPERATE", "PER", False), ("PER", "COOPERATE", "CHL", False)}),
    (["Chile, which Peru fears, has strengthened its military ties with Bolivia."],
     {("CHL", "COOPERATE", "BOL", False), ("BOL", "COOPERATE", "CHL", False)}),
    # one party agreeing to act towards another agrees with it, both ways; the act agreed to is coded too (future)
    (["Paris agreed to sell its renowned howitzers to Armenia."],
     {("FRA", "AGREE", "ARM", False), ("ARM", "AGREE", "FRA", False), ("FRA", "AID", "ARM", False)}),
    (["Lima has agreed to expand its role in supplying weapons to Chile."],
     {("PER", "AGREE", "CHL", False), ("CHL", "AGREE", "PER", False), ("PER", "AID", "CHL", False)}),
    (["Chile and Peru agreed to meet once a year."],
     {("CHL", "AGREE", "PER", False), ("PER", "AGREE", "CHL", False),
      ("CHL", "CONSULT", "PER", False), ("PER", "CONSULT", "CHL", False)}),
    # no other party named: no agreement with the speaker or the document's pair; agreeing to halt strikes is a
    # willingness to stop, AGREE with no target (as the dev gold codes "agreed to cease their attacks"), not the halt
    (["Trump said the pause came after the Houthis agreed to halt their strikes on tankers."],
     {("HOUTHIS", "AGREE", None, False)}),
    # war games held together are military cooperation (the trigger's own word pair names the mode)
    (["Chile and Peru held a series of joint war games."],
     {("CHL", "COOPERATE", "PER", False), ("PER", "COOPERATE", "CHL", False)}),
    # "has yet to" denies the act after it ("yet" before "to" is no connective)
    (["Chile has yet to strike a deal with Peru."], {("CHL", "AGREE", "PER", True), ("PER", "AGREE", "CHL", True)}),
    (["Chile had no choice but to sign the deal with Peru."],
     {("CHL", "AGREE", "PER", False), ("PER", "AGREE", "CHL", False)}),
    # one party's will or promise to build ties is its own act, one way; quotation marks may split the phrase
    (['Chile told Peru that it was its "firm will" to "steadily develop" bilateral relations.'],
     {("CHL", "COOPERATE", "PER", False)}),
    (["Chile vowed to deepen its ties with Peru."], {("CHL", "COOPERATE", "PER", False)}),
    (['Chile has "deepened" its ties with Peru.'],
     {("CHL", "COOPERATE", "PER", False), ("PER", "COOPERATE", "CHL", False)}),
    # a past participle opening the sentence, the agreement after the comma: signed by the parties of its by-phrase
    (["Signed in Lima by the Chilean and Peruvian ministers, the pact crowns months of talks."],
     {("CHL", "AGREE", "PER", False), ("PER", "AGREE", "CHL", False)}),
    (["Signed, the letter went to Peru."], set()),
    # help an agreement provides for is joint, both ways
    (["Britain and Ukraine signed a treaty on Friday.",
      "The treaty also includes a system to help trace looted Ukrainian grain."],
     {("GBR", "COOPERATE", "UKR", False), ("UKR", "COOPERATE", "GBR", False)}),
    # both parties as the subject of a one-sided sector verb act together, both ways; one party alone, one way
    (["Chile and Peru met in Lima.", "The two countries will build a railway to Peruvian ports."],
     {("CHL", "COOPERATE", "PER", False), ("PER", "COOPERATE", "CHL", False)}),
    (["Chile and Peru met.", "Chile will invest in Peru's gas sector."], {("CHL", "COOPERATE", "PER", False)}),
    # help given both ways ("each other") is cooperation
    (["Chile and Peru signed a pact that will deploy both countries' troops on each other's soil."],
     {("CHL", "AGREE", "PER", False), ("PER", "AGREE", "CHL", False),
      ("CHL", "COOPERATE", "PER", False), ("PER", "COOPERATE", "CHL", False)}),
    # proposing an agreement is an offer: AGREE, one way; proposing talks is no agreement
    (["Chile proposed a defence pact to Peru."], {("CHL", "AGREE", "PER", False)}),
    (["Chile and Peru met.", "Chile's proposals for joint defense agreements remain at an early stage."],
     {("CHL", "AGREE", "PER", False)}),
    (["Chile proposed talks to Peru."], set()),
    # cooperation named as what guidelines are about is a topic, no conduct
    (["The Lima Principles outline guidelines on the advancement of three-way cooperation between Chile and Peru."], set()),
    # several subjects securing agreements (plural) with one party: one deal each with it, none among themselves
    (["Chile, Peru and Bolivia have secured trade agreements with Brazil."],
     {(a, "AGREE", b, False) for x in ("CHL", "PER", "BOL") for a, b in ((x, "BRA"), ("BRA", x))}),
    (["Chile and Peru signed an agreement with Brazil."],
     {(a, "AGREE", b, False) for a in ("CHL", "PER", "BRA") for b in ("CHL", "PER", "BRA") if a != b}),
    # information passed to a state is intelligence cooperation, one way (news convention 3)
    (["It was the Chileans who provided Peru with this information."], {("CHL", "COOPERATE", "PER", False)}),
    # deciding to join an alliance is agreeing to it, one way; joining talks is no agreement
    (["Chile decided to join NATO last May."], {("CHL", "AGREE", "NATO", False)}),
    (["Chile decided to join the talks with Peru."], {("CHL", "CONSULT", "PER", False), ("PER", "CONSULT", "CHL", False)}),
    # a pledge to deepen ties is still coded
    (["Chile and Peru vowed to deepen their ties."],
     {("CHL", "COOPERATE", "PER", False), ("PER", "COOPERATE", "CHL", False)}),
]


@pytest.mark.parametrize(("sentences", "expected"), CASES)
def test_exact_records(sentences: list[str], expected: set[tuple[str, str, str | None, bool]]) -> None:
    coded = code_sentences(sentences, PUBLISHED)[-1]
    assert keys(coded) == expected


def test_war_games_mode() -> None:
    coded = code_sentences(["Chile and Peru held joint war games."], PUBLISHED)[-1]
    assert {e.mode for e in coded} == {"military"}


def test_fronted_signing_mode() -> None:
    coded = code_sentences(["Signed in Lima by Chile and Peru, the pact crowns months of talks."], PUBLISHED)[-1]
    assert {e.mode for e in coded} == {"pact"}


def test_offered_mediation_is_no_agreement() -> None:
    """Offering mediation is a consultation offered (gold: CONSULT only), not an agreement."""
    coded = code_sentences(["Chile and Peru clashed.", "Brazil has offered its mediation efforts."], PUBLISHED)[-1]
    assert not [e for e in coded if e.event == "AGREE"]
    offered = code_sentences(["Brazil offered a ceasefire to Peru."], PUBLISHED)[-1]
    assert {(e.source, e.event, e.target) for e in offered} == {("BRA", "AGREE", "PER")}
