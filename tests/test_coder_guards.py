"""Non-event guards and roles among several actors (issue 12): sentences written for this test, none from an article.

Each row: a document (one or more sentences, coded in order) and the (source, event, target, negated) tuples its
last sentence must give, exactly. Every rule here was kept because the first dev batch improved, the second did not
fall and the seeds did not fall (docs/coder-filters.md has the measurements), or because it is a guard the issue
asks for that changes nothing on the dev set.
"""

from __future__ import annotations

import pytest

from casus.events.coder import code_sentences

from .coding import last_keys

PUBLISHED = "2025-11-01"

GUARDS = [
    # a reporter's question: what it asks about is no event, up to the comma; the asking is no request
    (["Asked whether France would send troops to Ukraine, Macron said no option was ruled out."], set()),
    (["Reporters asked Erdogan whether Turkey would attack Syria."], set()),
    (["Iran asked Russia for air defence systems."], {("IRN", "REQUEST", "RUS", False)}),
    (["Iran asked Russia for help when the war began."], {("IRN", "REQUEST", "RUS", False)}),
    (["Armenia asked Russia to intervene when Azerbaijan attacked."], {("ARM", "REQUEST", "RUS", False)}),
    # a slogan on a banner or in a chant is no act
    (['Protesters in Taipei carried banners reading "Stand with Ukraine".'], set()),
    (['Iranian protesters chanted "Attack Israel" outside the embassy.'], set()),
    # conditions: the act in the condition is hypothetical, the main clause is not
    (["China will supply arms to Pakistan as long as India threatens it."], {("CHN", "AID", "PAK", False)}),
    # "never any question of X" denies X; "the question of X" leaves X open
    (["There has never been any question of a Chinese military intervention for Iran."],
     {("CHN", "AID", "IRN", True)}),
    (["The question of a Chinese military intervention on behalf of Iran divides analysts."], set()),
    # a trigger before "schedule" or "timeline" is a modifier
    (["Tehran announced the delivery schedule of the reactor fuel."], set()),
    # "attack drones", "strike aircraft": a kind of weapon, not an attack, and no end to the object before it
    (["Iran sold attack drones to Russia."], {("IRN", "AID", "RUS", False)}),
    (["Israel will attack drone factories in Iran."], {("ISR", "ASSAULT", "IRN", False)}),
]

ROLES = [
    # interceptions: the projectiles may lie past a modifier; the victim is where they were aimed, or the last one hit
    (["American warships shot down over sixty attack drones fired at Israel."], {("USA", "AID", "ISR", False)}),
    (["Jordan intercepted Iranian drones heading toward Israel."], {("JOR", "AID", "ISR", False)}),
    (["Iran launched drones at Israel on Saturday.", "American warships shot down over sixty attack drones."],
     {("USA", "AID", "ISR", False)}),
    # the owner of the intercepted weapons, named by a noun before them, is not the one defended: the shoot-down of
    # its aircraft is the attack (the interceptor defends itself)
    (["Hezbollah has tried to shoot down Israeli jets on several occasions, intercepting four IDF drones."],
     {("HEZBOLLAH", "ASSAULT", "ISR", False)}),
    (["Hezbollah shot down an Israeli helicopter and intercepted two IDF drones."], set()),
    # firing interceptors defends; it attacks no one
    (["Israeli jets struck Syria.", "Israeli destroyers fired interceptors at the missiles."], set()),
    # a warning's target: the phrase's own preposition, or the named subject of its that-clause
    (["Iran vowed to exact a price from Israel."], {("IRN", "THREATEN", "ISR", False)}),
    (["Turkey's defence minister warned that Armenia would pay for the attack."], {("TUR", "THREATEN", "ARM", False)}),
    (["Russia warned that it would respond."], {("RUS", "THREATEN", None, False)}),
    # an arms sale from X to Y, paid for by Z: X sells to Y
    (["Germany approved the sale of tanks to Ukraine, paid for by the Netherlands."], {("DEU", "AID", "UKR", False)}),
    (["The sale of Patriot missiles to Poland by the United States was approved on Monday."],
     {("USA", "AID", "POL", False)}),
    # "the ... nation of X" is the direct object
    (["Israel and the United States held talks on Monday.", "Trump vowed to defend the energy-rich nation of Qatar."],
     {("USA", "AID", "QAT", False)}),
    # weapons made by X used in an attack: X aids the attacker
    (["Russia's strike on Ukraine followed Ukrainian strikes on Russian airfields with Western-supplied missiles."],
     {("RUS", "ASSAULT", "UKR", False), ("UKR", "ASSAULT", "RUS", False), ("WEST", "AID", "UKR", False)}),
    (["The Russian president said Ukraine struck Russian airfields with Western-supplied missiles."],
     {("UKR", "ASSAULT", "RUS", False), ("WEST", "AID", "UKR", False)}),
    # help withheld goes to the one just backed, not to an actor in a condition after it
    (["The Kremlin backed Caracas diplomatically but stopped short of offering military assistance in a war with "
      "Washington."], {("RUS", "SUPPORT", "VEN", False), ("RUS", "AID", "VEN", True)}),
    # a bloc's members acting among themselves: one record, no target (not the document's other actor)
    (["Israel struck Qatar on Tuesday.", "Gulf Cooperation Council members agreed to step up intelligence sharing."],
     {("GCC", "COOPERATE", None, False)}),
    (["Israel struck Qatar on Tuesday.", "Gulf Cooperation Council defence ministers met in Kuwait City on Thursday.",
      "The ministers agreed to hold joint air defence drills."], {("GCC", "COOPERATE", None, False)}),
    # a meeting with no party named takes none from the document; a state's own body meeting consults no one
    (["The United States and Israel held talks on Monday.", "Officials know who is meeting whom."], set()),
    (["The United States and Israel held talks on Monday.", "Israel's war cabinet met on Sunday."], set()),
    (["The United States and Israel held talks on Monday.", "Israel's war cabinet met with the American envoy on Sunday."],
     {("ISR", "CONSULT", "USA", False), ("USA", "CONSULT", "ISR", False)}),
    # an attack with no target named hit the one helped in the same sentence
    # (the support that "remains firm" is a characterisation, no event of its own)
    (["After Iranian strikes, American support for Israel remains firm, Biden said."], {("IRN", "ASSAULT", "ISR", False)}),
    # a condemned campaign is aimed at whoever deployed just before
    (["The United States deployed warships near the coast.", "Caracas denounced the campaign as a pretext."],
     {("VEN", "ACCUSE", "USA", False)}),
    # a defence with nothing after the verb names no one defended
    (["Russia struck Ukraine on Monday.", "NATO is always ready to defend, its chief said."],
     {("NATO", "AID", None, False)}),
    # "signed with X ... a treaty": the agreement noun past the "with" phrase
    (["Moscow signed with its Belarusian ally on a cold Friday in the capital a treaty on trade."],
     {("RUS", "AGREE", "BLR", False), ("BLR", "AGREE", "RUS", False)}),
    # support for a war effort is military aid
    (["Turkey stepped up its support for Azerbaijan's war effort."], {("TUR", "AID", "AZE", False)}),
]


@pytest.mark.parametrize(("doc", "expected"), GUARDS, ids=[d[-1][:50] for d, _ in GUARDS])
def test_non_event_guards(doc: list[str], expected: set[tuple]) -> None:
    assert last_keys(doc, PUBLISHED) == expected


@pytest.mark.parametrize(("doc", "expected"), ROLES, ids=[d[-1][:50] for d, _ in ROLES])
def test_roles_among_several_actors(doc: list[str], expected: set[tuple]) -> None:
    assert last_keys(doc, PUBLISHED) == expected


def test_unknown_bloc_code_is_rejected() -> None:
    """A misspelt code in events.yaml's blocs list fails loading with one line naming it."""
    from casus.errors import CasusError
    from casus.events import lexicon as lexmod

    data = dict(lexmod._data("events.yaml"))
    data["blocs"] = ["NATO", "NAOT"]
    with pytest.raises(CasusError, match="blocs: unknown actor code 'NAOT'"):
        lexmod.build_lexicon(data)


TWO_AGREEMENTS = [
    # two agreement verbs in one sentence are two acts of the pair: the mode-less record of the second is kept
    (["Chile and Peru agreed on the wording of a border treaty, which will be signed after both parliaments vote."],
     [("CHL", "AGREE", "PER", None), ("CHL", "AGREE", "PER", "treaty"),
      ("PER", "AGREE", "CHL", None), ("PER", "AGREE", "CHL", "treaty")]),
    (["The Chilean and Peruvian foreign ministers signed the accord in Lima on Friday, replacing a 1999 pact signed by "
      "their predecessors."],
     [("CHL", "AGREE", "PER", None), ("CHL", "AGREE", "PER", "pact"),
      ("PER", "AGREE", "CHL", None), ("PER", "AGREE", "CHL", "pact")]),
    # one agreement verb: one act, its mode-less repeat dropped
    (["Chile signed a strategic partnership agreement with Peru on Friday."],
     [("CHL", "AGREE", "PER", "pact"), ("PER", "AGREE", "CHL", "pact")]),
]


@pytest.mark.parametrize("doc,expected", TWO_AGREEMENTS)
def test_two_agreement_verbs_two_records(doc: list[str], expected: list[tuple[str, str, str | None, str | None]]) -> None:
    events = code_sentences(doc, PUBLISHED)[-1]
    assert sorted(((e.source, e.event, e.target, e.mode) for e in events), key=str) == sorted(expected, key=str)
