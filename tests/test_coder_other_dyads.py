"""The coder on alliances other than the flagship: sentences written for this test (none from an article),
about China and North Korea, the US and Taiwan, Russia and Armenia, Turkey and Azerbaijan, and others.

Each row: a sentence, and the (source, event, target, negated) tuples it must give, exactly. A few rows also
pin the modality. Written blind first (the expectations before running the coder); the coder was then fixed
with general rules (no rule names a country of this file), and the seed gold's F1 did not drop.
"""

from __future__ import annotations

import pytest

from casus.events.coder import code_sentences

from .coding import keys

PUBLISHED = "2025-11-01"

CASES = [
    ("Beijing shipped anti-aircraft missiles to Pyongyang last spring, according to South Korean intelligence.",
     {("CHN", "AID", "PRK", False)}),
    ("Washington approved a $2 billion arms sale to Taipei in October.", {("USA", "AID", "TWN", False)}),
    ("Moscow refused to deploy CSTO peacekeepers to Armenia after Azerbaijani forces shelled Armenian border towns.",
     {("RUS", "AID", "ARM", True), ("AZE", "ASSAULT", "ARM", False)}),
    ("Yerevan accused Moscow of failing to honour its security commitments.", {("ARM", "ACCUSE", "RUS", False)}),
    ("Turkey supplied Bayraktar drones to Azerbaijan during the 2020 war.", {("TUR", "AID", "AZE", False)}),
    ("Ankara and Baku signed the Shusha Declaration, a mutual assistance pact, in June 2021.",
     {("TUR", "AGREE", "AZE", False), ("AZE", "AGREE", "TUR", False)}),
    ("Saudi-led coalition jets struck Houthi positions in Sanaa on Tuesday.", {("SAU", "ASSAULT", "HOUTHIS", False)}),
    ("The United States is unlikely to send ground troops to defend Taiwan, analysts say.",
     {("USA", "AID", "TWN", True)}),
    ("France withdrew its last troops from Mali in August 2022.", {("FRA", "RETREAT", "MLI", False)}),
    ("Russia pulled most of its forces out of Syria after the fall of Assad.", {("RUS", "RETREAT", "SYR", False)}),
    # the launches named as what is condemned are an event too (the gold codes events inside noun phrases, as
    # "during Russia's invasion"): North Korea's missile launches with no target are MOBILIZE (coop2's rule)
    ("Russia vetoed a UN Security Council resolution condemning North Korea's missile launches.",
     {("RUS", "AID", "PRK", False), ("PRK", "MOBILIZE", None, False)}),
    ("China blocked a resolution against Myanmar at the UN.", {("CHN", "AID", "MMR", False)}),
    ("The European Union imposed new sanctions on Belarus over its role in the invasion.",
     {("EU", "SANCTION", "BLR", False)}),
    ("Beijing voiced support for Pyongyang's legitimate security concerns.", {("CHN", "SUPPORT", "PRK", False)}),
    ("Israel's air force carried out strikes on Hezbollah targets in southern Lebanon.",
     {("ISR", "ASSAULT", "HEZBOLLAH", False), ("ISR", "ASSAULT", "LBN", False)}),
    ("Tehran threatened to close the Strait of Hormuz if Washington attacked.", {("IRN", "THREATEN", "USA", False)}),
    ("China sanctioned US defence firms over the Taiwan arms deal.", {("CHN", "SANCTION", "USA", False)}),
    ("Beijing protested over Washington's arms sales to Taipei.",
     {("CHN", "ACCUSE", "USA", False), ("USA", "AID", "TWN", False)}),
    ("Russian President Vladimir Putin and Armenian Prime Minister Nikol Pashinyan held talks in Moscow.",
     {("RUS", "CONSULT", "ARM", False), ("ARM", "CONSULT", "RUS", False)}),
    ("The Kremlin urged Israel to halt its strikes on Iran.",
     {("RUS", "REQUEST", "ISR", False), ("ISR", "ASSAULT", "IRN", False)}),
    ("Iranian drones were delivered to Russia through the Caspian Sea, according to Western officials.",
     {("IRN", "AID", "RUS", False)}),
    ("The delivery of Chinese J-10 fighters to Pakistan was completed in 2022.", {("CHN", "AID", "PAK", False)}),
    ("Israel and the United States conducted joint air drills over the Mediterranean last month.",
     {("ISR", "COOPERATE", "USA", False), ("USA", "COOPERATE", "ISR", False)}),
    ("Hezbollah fired rockets at northern Israel, and Israeli jets responded with strikes on Beirut.",
     {("HEZBOLLAH", "ASSAULT", "ISR", False), ("ISR", "ASSAULT", "LBN", False)}),
    ("Washington did not recognise the annexation and imposed sanctions on Moscow.",
     {("USA", "SANCTION", "RUS", False)}),
    ("Neither China nor Russia has offered military help to Venezuela.",
     {("CHN", "AID", "VEN", True), ("RUS", "AID", "VEN", True)}),
    ("Egypt has asked the United States for emergency economic aid.", {("EGY", "REQUEST", "USA", False)}),
    # "the two countries agreed" is a joint AGREE (gold conventions; seeds "Tehran has agreed to expand ...")
    ("South Korea and Japan agreed to share real-time missile warning data.",
     {("KOR", "AGREE", "JPN", False), ("JPN", "AGREE", "KOR", False)}),
    ("China's defence ministry said Beijing would never allow Taiwan independence.", set()),
    ("The Houthis have attacked commercial ships in the Red Sea since November 2023.", set()),
    ("Armenia was attacked by Azerbaijan in September 2022, but Russia declined Yerevan's request for help.",
     {("AZE", "ASSAULT", "ARM", False), ("ARM", "REQUEST", "RUS", False), ("RUS", "AID", "ARM", True)}),
    ("The Kremlin ignored Tehran's calls for assistance.", {("RUS", "AID", "IRN", True)}),
    ("Kim Jong Un thanked Putin for Moscow's support.", {("RUS", "SUPPORT", "PRK", False), ("PRK", "SUPPORT", "RUS", False)}),
    ("Yet Beijing has repeatedly signalled that it would not back Pyongyang in a war the North started.",
     {("CHN", "SUPPORT", "PRK", True)}),
    ("Moscow pushed back against Washington's demands.", set()),
    ("In 2024, Pyongyang signed a mutual defence treaty with Moscow and later sent troops to fight alongside Russian "
     "forces.", {("PRK", "AGREE", "RUS", False), ("RUS", "AGREE", "PRK", False), ("PRK", "AID", "RUS", False)}),
    ("President Trump has declined to say whether American forces would defend Taiwan if China invaded.",
     {("USA", "AID", "TWN", False)}),
    ("Tokyo and Manila have deepened their defence ties, and the Philippines has allowed US troops to use more of its "
     "bases.", {("JPN", "COOPERATE", "PHL", False), ("PHL", "COOPERATE", "JPN", False)}),
    ("Japan has warned that a Chinese attack would threaten its own security.", {("JPN", "THREATEN", None, False)}),
    ("Taipei has also bought Harpoon coastal defence systems and HIMARS launchers from Washington.",
     {("USA", "AID", "TWN", False)}),
    ("Armenia's relations with Russia have soured since Moscow failed to defend it during Azerbaijan's 2023 offensive.",
     {("RUS", "AID", "ARM", True)}),
    # (the jets sent for the drills are part of them, no aid of their own: fresh training gold, blind7-05)
    ("Ankara sent F-16 jets to Azerbaijan for joint drills in 2020.",
     {("TUR", "COOPERATE", "AZE", False), ("AZE", "COOPERATE", "TUR", False)}),
    ("Yerevan has since bought artillery and radars from France and India.",
     {("FRA", "AID", "ARM", False), ("IND", "AID", "ARM", False)}),
    ("India and Pakistan exchanged artillery fire along the Line of Control on Wednesday.",
     {("IND", "ASSAULT", "PAK", False), ("PAK", "ASSAULT", "IND", False)}),
    ("Indian missiles struck nine sites in Pakistan in May 2025.", {("IND", "ASSAULT", "PAK", False)}),
    ("Pakistan's military said it shot down five Indian aircraft.", {("PAK", "ASSAULT", "IND", False)}),
    # "offered little": help withheld from the one attacked (dev gold convention for refusals, issue 12)
    ("When US and Israeli jets pounded Iranian nuclear sites in February 2026, Moscow offered little more than words.",
     {("USA", "ASSAULT", "IRN", False), ("ISR", "ASSAULT", "IRN", False), ("RUS", "AID", "IRN", True)}),
    ("Behind the scenes, Russia may have passed satellite intelligence to Iran, according to two Western officials.",
     {("RUS", "COOPERATE", "IRN", False)}),
    ("Iranian Foreign Minister Abbas Araghchi flew to Moscow seeking air defence systems, but returned empty-handed.",
     {("IRN", "REQUEST", "RUS", False)}),
    ("Vladimir Putin called the killing of the Iranian general a cynical murder.", set()),
]


@pytest.mark.parametrize(("sentence", "want"), CASES, ids=[c[0][:40] for c in CASES])
def test_other_dyads(sentence: str, want: set[tuple[str, str, str | None, bool]]) -> None:
    got = keys(code_sentences([sentence], PUBLISHED)[0])
    assert got == want


@pytest.mark.parametrize(("sentence", "modality"), [
    # reported speech's "would" is the past of "will", not a hedge
    ("Russia's deputy foreign minister said Moscow would not transfer S-400 systems to Iran.", "future"),
    ("Moscow will provide Tehran with Su-35 fighter jets, Iranian officials said.", "future"),
    ("Russia could still offer Iran advanced air defence systems, some analysts believe.", "hedged"),
    ("Iranian drones were delivered to Russia through the Caspian Sea, according to Western officials.", "reported"),
    ("President Trump has declined to say whether American forces would defend Taiwan if China invaded.", "hedged"),
])
def test_other_dyads_modality(sentence: str, modality: str) -> None:
    events = code_sentences([sentence], PUBLISHED)[0]
    assert events and {e.modality for e in events} == {modality}


def test_an_old_attack_is_not_this_one() -> None:
    """An attack named many sentences back does not supply the attacker of 'the incursion' now."""
    doc = ["Hezbollah fired rockets at northern Israel.", "Trade rose last year.", "Talks were planned.",
           "The weather was mild.", "Japan protested to China over the incursion of coast guard ships."]
    events = code_sentences(doc, PUBLISHED)[-1]
    assert {(e.source, e.event, e.target) for e in events} == {("JPN", "ACCUSE", "CHN")}


def test_speaker_without_trailing_verbs() -> None:
    events = code_sentences(["President Trump has declined to say whether American forces would defend Taiwan."])[0]
    assert {e.attribution for e in events} == {"President Trump"}


def test_standing_by_is_not_defending() -> None:
    events = code_sentences(["Russian peacekeepers stood by as Azerbaijani troops seized the enclave."])[0]
    assert events and all(e.event == "AID" and e.negated for e in events if e.source == "RUS")


@pytest.mark.parametrize(("sentence", "want"), [
    ("The Kremlin denied that it had supplied weapons to Hamas.", {("RUS", "AID", "HAMAS", True, "reported")}),
    ("Moscow may soon deliver S-400 systems to Ankara, Turkish media reported.", {("RUS", "AID", "TUR", False, "hedged")}),
    ("According to the Pentagon, China provided satellite imagery to Russia.",
     {("CHN", "COOPERATE", "RUS", False, "reported")}),
    ("North Korea allegedly sent artillery shells to Russia.", {("PRK", "AID", "RUS", False, "reported")}),
    ("Russia is said to be considering an arms deal with Iran.", {("RUS", "AID", "IRN", False, "hedged")}),
])
def test_denials_hearsay_and_intelligence(sentence: str, want: set) -> None:
    got = {(e.source, e.event, e.target, e.negated, e.modality) for e in code_sentences([sentence], PUBLISHED)[0]}
    assert got == want


def test_an_apposition_is_no_list() -> None:
    """'China, Pakistan's closest ally, urged both sides': China acts, and 'both sides' are the two at war."""
    doc = ["India and Pakistan exchanged artillery fire on Wednesday.",
           "China, Pakistan's closest ally, urged both sides to exercise restraint."]
    events = code_sentences(doc, PUBLISHED)[-1]
    assert {(e.source, e.event, e.target) for e in events} == {("CHN", "REQUEST", "PAK"), ("CHN", "REQUEST", "IND")}
