"""Force and its threat (ASSAULT, THREATEN, COERCE, MOBILIZE): sentences written for this test, none from an article.

Each row: a document (one or more sentences, coded in order) and the (source, event, target, negated) tuples its
last sentence must give, exactly. Each rule was kept because the first dev batch (A-C) and the whole dev set
improved while the second batch (D-G) and the seeds did not fall.
"""

from __future__ import annotations

import pytest

from .coding import last_keys

PUBLISHED = "2025-11-01"

FORCE = [
    # a state's action against, on or in a state named in the sentence is an attack; "by X" is its agent
    (["Tehran condemned the Turkish action in Syria on Friday."],
     {("IRN", "ACCUSE", "TUR", False), ("TUR", "ASSAULT", "SYR", False)}),
    (["Hanoi denounced the reckless actions by China against Vietnamese fishing boats."],
     {("VNM", "ACCUSE", "CHN", False), ("CHN", "ASSAULT", "VNM", False)}),
    # the plural names conduct in a place, and no target comes from the context
    (["Israel struck Syria.", "Moscow's actions in Libya offer a lesson."], set()),
    (["Israel struck Syria.", "Beijing's actions are destabilising, the minister said."], set()),
    # an indefinite attack with its agent hits the one defended in the same sentence
    (["French jets helped defend Jordan during a drone attack by Iran on Sunday."],
     {("FRA", "AID", "JOR", False), ("IRN", "ASSAULT", "JOR", False)}),
    # an attack that is the means of a defence is not aimed at the defended
    (["Paris pledged to use all means including French military action to defend the small nation of Chad."],
     {("FRA", "AID", "TCD", False)}),
    # a launch in a participle clause after an attack is the same attack: one record
    (["Russia carried out a massive air assault on Ukraine overnight, launching 300 drones and 20 missiles."],
     {("RUS", "ASSAULT", "UKR", False)}),
    # water cannons fired at a state's vessels are an attack
    (["Chinese coast guard ships fired water cannons at a Vietnamese fishing boat."], {("CHN", "ASSAULT", "VNM", False)}),
    # a trigger after an institution's name that took its first word ("U.S. military activity")
    (["The talks come amid growing French military activity in the Sahel."], {("FRA", "MOBILIZE", None, False)}),
    (["Ankara condemned the Israeli military action in Lebanon."],
     {("TUR", "ACCUSE", "ISR", False), ("ISR", "ASSAULT", "LBN", False)}),
    # "potential" before the attackers' names still makes the attack no event
    (["It could not shield Syria from a potential Turkish or Israeli military operation."], set()),
    # an attack word after "following X" is a noun; with an object after it, a verb
    (["Cairo said the talks stalled following Israeli strikes."], {("ISR", "ASSAULT", "EGY", False)}),
    (["The delegation left following U.S. strikes on Yemen."], {("USA", "ASSAULT", "YEM", False)}),
    (["Seoul said the North fired after launching a \"large scale strike\" on Japan."],
     {("PRK", "ASSAULT", "JPN", False)}),
    # a capital right before an attack names where it happened
    (["Belgium asked France for help after the Brussels attacks."], {("BEL", "REQUEST", "FRA", False)}),
    # a state telling of its own attack to come threatens; an analyst's prediction stays a hedged attack
    (["Erdogan boasted on Monday that Turkey could invade Greece."], {("TUR", "THREATEN", "GRC", False)}),
    (["Putin said Russia would strike Poland if it hosted the missiles."], {("RUS", "THREATEN", "POL", False)}),
    (["Analysts said Israel could strike Lebanon."], {("ISR", "ASSAULT", "LBN", False)}),
    # a conditional opened by "should" after a comma: the attack in it is no event; the state that says what it
    # will do then warns the attacker
    (["To be clear, as the minister said, should Syria or its proxies target Turkish troops, Turkey will respond."],
     {("TUR", "THREATEN", "SYR", False)}),
    (["If Azerbaijan attacks Armenia, Russia will respond."], {("RUS", "THREATEN", "AZE", False)}),
    (["If Azerbaijan attacks Armenia, Russia will face a hard choice."], set()),
    # retaliation is aimed at the last attacker of the retaliator; a light verb's subject is the attacker
    (["Turkey struck Syria on Friday, prompting Damascus to launch retaliatory strikes."],
     {("TUR", "ASSAULT", "SYR", False), ("SYR", "ASSAULT", "TUR", False)}),
    (["Pakistan struck India on Monday.", "India retaliated with a barrage of missiles."],
     {("IND", "ASSAULT", "PAK", False)}),
    # an offensive on a region held by a state is aimed at that state
    (["Serbia relaunched an offensive on the Croatian-controlled region."], {("SRB", "ASSAULT", "HRV", False)}),
    (["Iran sold offensive weapons to Russia."], {("IRN", "AID", "RUS", False)}),
    # "the operation" just after an attack is that attack; "a rescue operation" is none
    (["Turkey struck Syria on Friday.", "Ankara defended the operation as self-defence."],
     {("TUR", "ASSAULT", "SYR", False)}),
    (["Turkey struck Syria on Friday.", "Ankara launched a rescue operation in the mountains."], set()),
    (["Ankara said the operation was a success."], set()),
    # forces deployed with no beneficiary named are a mobilisation, in the passive too (news convention 2)
    (["The United States deployed two destroyers to the eastern Mediterranean."], {("USA", "MOBILIZE", None, False)}),
    (["British destroyers are deployed to the Red Sea."], {("GBR", "MOBILIZE", None, False)}),
    (["Among the aircraft being deployed are jets from Spain and helicopters from Italy."],
     {("ESP", "MOBILIZE", None, False), ("ITA", "MOBILIZE", None, False)}),
    # a ballistic launch at no one named is a weapons test (MOBILIZE); aimed at a state it stays an attack; the test
    # noun only with its tester next to it, not the one who tracked it
    (["Pyongyang fired two ballistic missiles into the sea on Monday."], {("PRK", "MOBILIZE", None, False)}),
    (["Tehran fired ballistic missiles at Israel on Monday."], {("IRN", "ASSAULT", "ISR", False)}),
    (["Iran test-fired a new cruise missile near the coast."], {("IRN", "MOBILIZE", None, False)}),
    (["Japan's navy tracked North Korea's missile tests."], {("PRK", "MOBILIZE", None, False)}),
    (["The Japanese navy said it tracked several missile launches overnight."], set()),
    # forces built up where they are ("bolstering its presence"): a mobilisation of the subject; cutting it is none
    (["Chile said it is bolstering its presence in the Andes."], {("CHL", "MOBILIZE", None, False)}),
    (["Peru is moving to build up its naval presence near the coast."], {("PER", "MOBILIZE", None, False)}),
    (["Peru plans to reduce its naval presence near the coast."], set()),
    # an attack named as a predicate characterises the one before: no new attack
    (["Israel struck Qatar on Tuesday.", "The council said the strike on Doha was an attack on all Gulf states."],
     {("ISR", "ASSAULT", "QAT", False)}),
    # a launch told first is the attack a later "the attack" of the same sentence names
    (["Israel struck Syria.", "Iran fired 200 missiles at Israel on Tuesday, and the United States condemned the attack."],
     {("IRN", "ASSAULT", "ISR", False), ("USA", "ACCUSE", "IRN", False)}),
    # a blockade of a state coerces it (news convention 7)
    (["China's blockade of Taiwan entered its second week."], {("CHN", "COERCE", "TWN", False)}),
    # an -ing light verb after "after|before|by": the attacker is the subject of the clause it hangs on
    (["Rwandan troops seized Ugandan commander Jean Mbeki after launching a \"massive strike\" on Uganda."],
     {("RWA", "COERCE", "UGA", False), ("RWA", "ASSAULT", "UGA", False)}),
    # a "warned that" clause judging the past is no threat; one with something to come is
    (["Egypt warned that the strike had undermined the talks."], set()),
    (["Egypt warned that Ethiopia would pay for the dam."], {("EGY", "THREATEN", "ETH", False)}),
    # an attack on vessels with no state named has no target
    (["The French navy conducted strikes on smuggling boats off Libya's coast."], {("FRA", "ASSAULT", None, False)}),
    # forces deployed or stationed in a named state are sent to it (AID); in a sea, a mobilisation
    (["The treaty covers French jets stationed in Chad."], {("FRA", "AID", "TCD", False)}),
    (["Macron ruled out deploying French troops on the ground in Mali."], {("FRA", "AID", "MLI", True)}),
    (["The United States deployed warships in the Red Sea."], {("USA", "MOBILIZE", None, False)}),
    # a passive attack whose by-phrase is an attack with its agent
    (["Kuwait was hit by a drone attack by Iraq on Sunday."], {("IRQ", "ASSAULT", "KWT", False)}),
    # projectiles as an attack verb's subject: the attacker named just before
    (["Russia launched a wave of strikes on Ukraine overnight.", "The barrage of missiles targeted Kyiv and Lviv."],
     {("RUS", "ASSAULT", "UKR", False)}),
    # pressure a state faces is not pressure it puts on the one named after it
    (["Turkey faces mounting pressure to limit the scale of its campaign in Syria."], set()),
    # an indirect question "who ... whom" names no act
    (["Greece struck no deal.", "Everyone knows who is attacking whom in the Aegean, the Greek minister said."], set()),
    # an invasion named as a time is a background war; with its agent it is the act
    (["Moscow has leaned on Beijing since the invasion of Georgia."], set()),
    (["Russia's invasion of Georgia began in August."], {("RUS", "ASSAULT", "GEO", False)}),
    # an attack verb's -ing form modifying a state's forces is no attack; a gerund with its object is
    (["France urged Mali to end the fighting with invading Algerian forces."], {("FRA", "REQUEST", "MLI", False)}),
    (["Israel retaliated by attacking Iranian forces in Syria."], {("ISR", "ASSAULT", "IRN", False)}),
    # an attack named as the purpose of help ("for targeting X") is no attack of the helper
    (["Tehran is providing satellite images to Moscow for targeting Ukrainian troops."],
     {("IRN", "COOPERATE", "RUS", False)}),
    # a leader removed by force in the passive, after an attack: coerced by the attacker
    (["Ankara said Assad had been forcibly removed from Damascus following Turkish strikes."],
     {("TUR", "COERCE", "SYR", False), ("TUR", "ASSAULT", "SYR", False)}),
    # the one accused of committing an attack is its attacker
    (["Armenia accused Azerbaijan of committing an \"act of aggression\" against Armenia."],
     {("ARM", "ACCUSE", "AZE", False), ("AZE", "ASSAULT", "ARM", False)}),
]


@pytest.mark.parametrize(("doc", "expected"), FORCE, ids=[d[-1][:50] for d, _ in FORCE])
def test_force_frames(doc: list[str], expected: set[tuple]) -> None:
    assert last_keys(doc, PUBLISHED) == expected
