"""COOPERATE and AGREE as conduct (helper coop): sentences written for this test, none from an article.

Each row: sentences coded as one document, and the (source, event, target, negated) tuples the last one must give,
exactly. Each rule has at least one row; it was kept only if the dev set as a whole improved and neither batch dropped.
"""

from __future__ import annotations

import pytest

from casus.events.coder import code_sentences

from .coding import keys

PUBLISHED = "2025-11-01"

CASES: list[tuple[list[str], set[tuple[str, str, str | None, bool]]]] = [
    # intelligence passed one way (convention 3): "to X", and the possessor right before the noun is the giver
    (["Washington to restore intelligence sharing to Kyiv"], {("USA", "COOPERATE", "UKR", False)}),
    (["Canada will restore its loans to Ukraine and its intelligence sharing with Kyiv."],
     {("CAN", "AID", "UKR", False), ("CAN", "COOPERATE", "UKR", False)}),
    # two parties signing, with nothing after the verb: an agreement (convention 5)
    (["Erdogan and Aliyev signed!"], {("TUR", "AGREE", "AZE", False), ("AZE", "AGREE", "TUR", False)}),
    (["Azerbaijan signed."], set()),
    # ratifying or signing into law by one party is that party's act alone
    (["The Greek parliament ratified the treaty with France."], {("GRC", "AGREE", "FRA", False)}),
    (["The Serbian president signed into law an accord with Hungary on Friday."], {("SRB", "AGREE", "HUN", False)}),
    (["Cuba and Mexico held talks.", "The Cuban minister called the simultaneous ratification very important."],
     {("CUB", "AGREE", "MEX", False), ("MEX", "AGREE", "CUB", False)}),
    (["Cuba's ratification of the pact with Mexico came first."], {("CUB", "AGREE", "MEX", False)}),
    (["Cuba and Mexico welcomed the simultaneous ratification."],
     {("CUB", "AGREE", "MEX", False), ("MEX", "AGREE", "CUB", False),
      ("CUB", "CONSULT", "MEX", False), ("MEX", "CONSULT", "CUB", False)}),
    # accepting condolences or thanks is no agreement; accepting a proposal is
    (["Kenya said: 'Please accept my sympathy, Uganda.'"], {("KEN", "SUPPORT", "UGA", False)}),
    (["Lebanon accepted the Egyptian proposal."], {("LBN", "AGREE", "EGY", False)}),
    # the cooperation an agreement is named for is no conduct of its own; signing it is an agreement
    (["Oman signed a naval cooperation pact with India."], {("OMN", "AGREE", "IND", False), ("IND", "AGREE", "OMN", False)}),
    # what an agreement provides for is cooperation, future, both ways, when no trigger names it
    (["Chile and Peru signed an accord that extends across mining and transport."],
     {("CHL", "AGREE", "PER", False), ("PER", "AGREE", "CHL", False),
      ("CHL", "COOPERATE", "PER", False), ("PER", "COOPERATE", "CHL", False)}),
    (["Chile and Peru signed an accord that extends across mining and transport cooperation."],
     {("CHL", "AGREE", "PER", False), ("PER", "AGREE", "CHL", False),
      ("CHL", "COOPERATE", "PER", False), ("PER", "COOPERATE", "CHL", False)}),
    # inviting another state's forces in is military cooperation from the host
    (["Colombia invited American troops to its bases for the first time."], {("COL", "COOPERATE", "USA", False)}),
    # one state's forces joining another's in an operation: military cooperation both ways
    (["British jets joined French aircraft in patrolling the border."],
     {("GBR", "COOPERATE", "FRA", False), ("FRA", "COOPERATE", "GBR", False)}),
    # joining a bloc is no cooperation but agreeing to its treaty, both ways (fresh text: a state joining NATO)
    (["Finland joined NATO in 2023."], {("FIN", "AGREE", "NATO", False), ("NATO", "AGREE", "FIN", False)}),
    # parties agreeing with each other; "analysts agree" is no act of the state named after it
    (["India and Australia agreed that the buildup threatens the region."],
     {("IND", "AGREE", "AUS", False), ("AUS", "AGREE", "IND", False)}),
    (["Most analysts agree that Vietnam will not arm Laos."], {("VNM", "AID", "LAO", True)}),
    # cooperation talked about is no cooperation; the talk is coded as it is
    (["Kenya and Uganda held talks but did not address cooperation in energy."],
     {("KEN", "CONSULT", "UGA", False), ("UGA", "CONSULT", "KEN", False)}),
    (["Kenya and Uganda have deepened cooperation in energy."],
     {("KEN", "COOPERATE", "UGA", False), ("UGA", "COOPERATE", "KEN", False)}),
    # "coop" in headlines; opposing a policy together is a common diplomatic line
    (["Kenya-Uganda military coop advancing"], {("KEN", "COOPERATE", "UGA", False), ("UGA", "COOPERATE", "KEN", False)}),
    # working closely with another state's forces is cooperation, both ways; bare "work with" is not in the lexicon
    (["Ugandan troops will work closely with the Burundian army."],
     {("UGA", "COOPERATE", "BDI", False), ("BDI", "COOPERATE", "UGA", False)}),
    (["Norway was working very closely with Denmark."],
     {("NOR", "COOPERATE", "DNK", False), ("DNK", "COOPERATE", "NOR", False)}),
    (["Peru will work with its partners to stop smuggling."], set()),
    (["Brazil and Argentina both oppose protectionism."],
     {("BRA", "COOPERATE", "ARG", False), ("ARG", "COOPERATE", "BRA", False)}),
]


@pytest.mark.parametrize(("sentences", "want"), CASES, ids=[c[0][-1][:40] for c in CASES])
def test_cooperate(sentences: list[str], want: set[tuple[str, str, str | None, bool]]) -> None:
    got = keys(code_sentences(sentences, PUBLISHED)[-1])
    assert got == want


def test_treaty_content_is_future() -> None:
    events = code_sentences(["Chile and Peru signed an accord that extends across mining and transport."], PUBLISHED)[0]
    assert {e.modality for e in events if e.event == "COOPERATE"} == {"future"}
    assert {e.modality for e in events if e.event == "AGREE"} == {"asserted"}


def test_intelligence_mode() -> None:
    events = code_sentences(["Washington to restore intelligence sharing to Kyiv"], PUBLISHED)[0]
    assert [e.mode for e in events] == ["intelligence"]
