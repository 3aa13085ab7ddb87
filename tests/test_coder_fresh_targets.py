"""Roles on unseen text when the event type is right (fresh training sets): sentences written for this test.

Each row: a short passage (coded as one document, in order) and the exact (source, event, target, negated) set its
LAST sentence must give.
"""

from __future__ import annotations

import pytest

from .coding import last_keys

PUBLISHED = "2025-11-01"

CASES = [
    # a meeting whose participants are a coordinated list the frame found no role for ("host a meeting of Chilean,
    # Bolivian and Brazilian ministers"): every listed state takes part, not only the first, and all of them meet
    (["Lima will host a meeting of Chilean, Bolivian and Brazilian foreign ministers."],
     {(a, "CONSULT", b, False) for a in ("PER", "CHL", "BOL", "BRA") for b in ("PER", "CHL", "BOL", "BRA") if a != b}),
    # a name among the adjectives of such a list does not cut it ("Chilean, Bolivia, Brazilian and Argentine")
    (["Lima will host a meeting of Chilean, Bolivia, Brazilian and Argentine foreign ministers."],
     {(a, "CONSULT", b, False) for a in ("PER", "CHL", "BOL", "BRA", "ARG") for b in ("PER", "CHL", "BOL", "BRA", "ARG")
      if a != b}),
    # near miss: a call to the leaders of two states is the caller's with each (the hub rule stays)
    (["Lima called the leaders of Chile and Bolivia on Monday."],
     {("PER", "CONSULT", "CHL", False), ("CHL", "CONSULT", "PER", False), ("PER", "CONSULT", "BOL", False),
      ("BOL", "CONSULT", "PER", False)}),
    # near miss: one state named, one pair
    (["Lima will host a meeting of Chilean foreign ministers."],
     {("PER", "CONSULT", "CHL", False), ("CHL", "CONSULT", "PER", False)}),
    # a target the frame leaves to the fallback that opens a "to" list: every listed state is visited
    (["Talks stalled, although recent visits by U.S. envoy John Harlan and German Foreign Minister Petra Lindqvist to "
      "Lima and La Paz have reportedly produced little."],
     {("USA", "CONSULT", "PER", False), ("USA", "CONSULT", "BOL", False), ("DEU", "CONSULT", "PER", False),
      ("DEU", "CONSULT", "BOL", False)}),
    # near miss: one capital, one target
    (["Talks stalled, although recent visits by U.S. envoy John Harlan and German Foreign Minister Petra Lindqvist to "
      "Lima have reportedly produced little."],
     {("USA", "CONSULT", "PER", False), ("DEU", "CONSULT", "PER", False)}),
    # the accused acts in what it is accused of, also as the adjective of its ships, past a quoted adverb or a verb
    # of trying ("accused Peruvian ships of 'deliberately' ramming", "accused Peru of attempting to send arms")
    (["Chile accused Peruvian ships of \u201cdeliberately\u201d ramming its boats."],
     {("CHL", "ACCUSE", "PER", False), ("PER", "ASSAULT", "CHL", False)}),
    (["Chile accused Peru of attempting to send arms to Bolivia."],
     {("CHL", "ACCUSE", "PER", False), ("PER", "AID", "BOL", False)}),
    # the plain form, as before
    (["Chile accused Peru of ramming its boats."], {("CHL", "ACCUSE", "PER", False), ("PER", "ASSAULT", "CHL", False)}),
    # "attack" before a weapon noun is a kind of weapon also when the scan reads it as a noun and a maker or a weapon's
    # name comes before it: the maker attacks no one
    (["Peru has launched hundreds of Chilean-designed Condor attack drones against Bolivia."],
     {("CHL", "AID", "PER", False), ("PER", "ASSAULT", "BOL", False)}),
    (["Peru has launched hundreds of Chilean-designed attack drones against Bolivia."],
     {("CHL", "AID", "PER", False), ("PER", "ASSAULT", "BOL", False)}),
    # the adjective of the goods a delivery noun names ("the delivery of 10 recently arrived Chilean vehicles") is
    # their supplier, the one who takes them the recipient
    (["President Lula inspected the delivery of 10 recently arrived Chilean armored patrol vehicles at a Brazilian "
      "army base."], {("CHL", "AID", "BRA", False)}),
    # goods named by their origin's adjective before a delivery noun in a later clause: the origin ships them to the one
    # who asked for them, not the other way
    (["Chile has requested advanced Brazilian air defense systems after a visit by a senior Brasilia official and "
      "shipments are already on their way."],
     {("CHL", "REQUEST", "BRA", False), ("BRA", "CONSULT", "CHL", False), ("BRA", "AID", "CHL", False)}),
    # near miss: the adjective of the delivery noun itself is its source, as before
    (["Brazilian shipments of air defense systems to Chile are already on their way."], {("BRA", "AID", "CHL", False)}),
    # near miss of the goods' origin as supplier: a design's origin after "based on" supplies nothing
    (["Peruvian deliveries include anti-tank missiles, based on Chilean missile technology."], set()),
    # a target the sentence does not name is not taken from the previous sentence's subject or the document's pair
    (["Bolivia sought a resolution condemning Chile at the United Nations.", "Peru vetoed the resolution on Monday."],
     set()),
    (["Chile held firm against the pressure.", "Peru was providing all possible support."], set()),
    # near miss: a pronoun names it ("gave it")
    (["Chile held firm against the pressure.", "Peru gave it all possible support."], {("PER", "SUPPORT", "CHL", False)}),
    # a signer of the pact just told who is also the subject of a time clause after it stays a party, both ways
    (["Chile and Peru signed a defence pact on Wednesday.",
      "The signing of the pact comes just months after Peru and Bolivia fought a border war that killed 70 people."],
     {("CHL", "AGREE", "PER", False), ("PER", "AGREE", "CHL", False)}),
    # near miss: the time clause's states are no party when neither signed
    (["Chile and Argentina signed a defence pact on Wednesday.",
      "The signing of the pact comes just months after Peru and Bolivia fought a border war that killed 70 people."],
     {("CHL", "AGREE", "ARG", False), ("ARG", "AGREE", "CHL", False)}),
    # a denial does not reach past "and" into a second saying verb's clause
    (["On Friday, Chilean state television denied that rebels had entered the city and said Peru was providing air "
      "support to the Chilean army."], {("PER", "AID", "CHL", False)}),
    # near miss: what is denied stays denied
    (["Chilean state television denied that Peru was providing air support to the Chilean army."],
     {("PER", "AID", "CHL", True)}),
    # nor past a comma into a participle's clause ("refused to criticize X, blaming Y")
    (["Peru has categorically refused to criticize Chile's actions, blaming Bolivia and Brazil for provoking Santiago."],
     {("PER", "ACCUSE", "CHL", True), ("PER", "ACCUSE", "BOL", False), ("PER", "ACCUSE", "BRA", False)}),
    # one party's act on a joint thing is coded one way: the state whose mutual-defence commitment is invoked defends
    # the other, and a passive ratification is the ratifier's
    (["In a statement, Chile also reaffirmed that an armed attack on Peruvian vessels would invoke Chilean mutual "
      "defense commitments under the 1951 Peru-Chile treaty."], {("CHL", "AID", "PER", False)}),
    (["Peru and Chile signed a defence agreement in Lima on Monday.",
      "A Peruvian defence official declined to comment, saying that the contents of the agreement would be public once "
      "it is ratified by the Peruvian parliament."], {("PER", "AGREE", "CHL", False)}),
    # near miss: with no owner named the clause is mutual
    (["In a statement, Chile also reaffirmed that an armed attack on Peruvian vessels would invoke the mutual defense "
      "commitments under the 1951 Peru-Chile treaty."], {("CHL", "AID", "PER", False), ("PER", "AID", "CHL", False)}),
    # one party's readiness for a joint act is its own promise, one way
    (['"We are ready for full cooperation with Chile on regional issues," the Peruvian minister said.'],
     {("PER", "COOPERATE", "CHL", False)}),
    # near misses: two parties ready together, and cooperation itself, are both ways
    (["Peru and Chile are ready to cooperate."], {("PER", "COOPERATE", "CHL", False), ("CHL", "COOPERATE", "PER", False)}),
    (["Peru cooperates with Chile."], {("PER", "COOPERATE", "CHL", False), ("CHL", "COOPERATE", "PER", False)}),
    # a subject held before a relative clause gives the help it promises, not the recipient named before the noun
    (["Russia, which sent bombers to Syria in 2015, has promised Damascus more military aid."],
     {("RUS", "AID", "SYR", False)}),
    # near miss: without the relative clause, as before
    (["Russia has promised Damascus more military aid."], {("RUS", "AID", "SYR", False)}),
    # "in neighboring Bolivia": a place adjective between a preposition and a name leaves it a place, not the deal's
    # party nor the strike's subject
    (["Chile and Argentina signed a defence pact on Monday.",
      "The deal was reached two days after a Peruvian strike in neighboring Bolivia shocked the region."],
     {("CHL", "AGREE", "ARG", False), ("ARG", "AGREE", "CHL", False), ("PER", "ASSAULT", "BOL", False)}),
    (["Chile and Argentina signed a defence pact on Monday.",
      "The deal was reached two days after a Peruvian strike in Bolivia shocked the region."],
     {("CHL", "AGREE", "ARG", False), ("ARG", "AGREE", "CHL", False), ("PER", "ASSAULT", "BOL", False)}),
]


@pytest.mark.parametrize("doc,expected", CASES)
def test_fresh_target_roles(doc: list[str], expected: set[tuple[str, str, str | None, bool]]) -> None:
    assert last_keys(doc, PUBLISHED) == expected
