"""Who did what to whom among several actors (issue 12): sentences written for this test.

Each row: a short passage (coded as one document, in order) and the exact (source, event, target, negated) set its
LAST sentence must give. Each construction has positives and a near miss that must keep its own reading.
"""

from __future__ import annotations

import pytest

from .coding import last_keys

PUBLISHED = "2025-11-01"

CASES = [
    # object control: the object of a permitting verb does what the infinitive says; the permitter is no attacker
    (["Washington allowed Kyiv to strike targets inside Russia."], {("UKR", "ASSAULT", "RUS", False)}),
    (["Britain has permitted Ukraine to attack Russian territory with its missiles."], {("UKR", "ASSAULT", "RUS", False)}),
    (["Reports say Moscow has pushed its allies in Iraq to keep firing rockets at Israel."],
     {("IRQ_MILITIAS", "ASSAULT", "ISR", False), ("RUS", "REQUEST", "IRQ_MILITIAS", False)}),
    # near miss: with no object before the infinitive, the subject acts; "strike targets" is one attack
    (["Washington struck targets inside Russia."], {("USA", "ASSAULT", "RUS", False)}),
    (["Kyiv expects Germany to send tanks."], {("DEU", "AID", "UKR", False)}),
    # a state right after "VERB that" is the subject of the that-clause, not the verb's object (a warning of its
    # conduct, no consequence threatened, accuses it: fresh training gold blind17-01, test_coder_types3)
    (["Seoul warned that Pyongyang could attack the South."],
     {("KOR", "ACCUSE", "PRK", False), ("PRK", "ASSAULT", "KOR", False)}),
    # ... and after a reporting verb, before an auxiliary ("saying X had sent")
    (["Washington and Seoul condemned the deployment, saying Pyongyang had sent thousands of troops to Russia."],
     {("USA", "ACCUSE", "RUS", False), ("KOR", "ACCUSE", "RUS", False), ("PRK", "AID", "RUS", False)}),
    (["Kyiv condemned the shelling, claiming Moscow has fired missiles at Ukrainian cities."],
     {("UKR", "ACCUSE", "RUS", False), ("RUS", "ASSAULT", "UKR", False)}),
    # near miss: the warned state as the verb's own object is the target of the warning
    (["Seoul warned Pyongyang against attacking the South."], {("KOR", "THREATEN", "PRK", False)}),
    # a third party's act in a relative clause of an accusation is its own, not the accusers'
    (["The United States and South Korea criticised Russia over its ties with North Korea, which is accused of "
      "sending troops to Russia."],
     {("USA", "ACCUSE", "RUS", False), ("KOR", "ACCUSE", "RUS", False), ("PRK", "AID", "RUS", False)}),
    (["Tokyo criticised China over its links with Iran, which is suspected of supplying drones to Russia."],
     {("JPN", "ACCUSE", "CHN", False), ("IRN", "AID", "RUS", False)}),
    (["Washington will support Gulf states that are ready to send troops to Yemen."],
     {("USA", "SUPPORT", "GULF", False), ("GULF", "AID", "YEM", False)}),
    # "from X to Y" after a passive or participle transfer: X gives, Y gets (every conjunct gives)
    (["Weapons were sent from Iran to Russia last year."], {("IRN", "AID", "RUS", False)}),
    (["Drones shipped from Iran to Russia were used in the attacks."], {("IRN", "AID", "RUS", False)}),
    (["Tanks were sent to Ukraine from Poland and the Czech Republic."],
     {("POL", "AID", "UKR", False), ("CZE", "AID", "UKR", False)}),
    # near miss: the origin adjective still gives
    (["Iranian drones were delivered to Russia."], {("IRN", "AID", "RUS", False)}),
    # a veto: what the vetoed text would have done is not the vetoer's act; it shields the one the text is against,
    # never its sponsor, and the vetoer shielding itself helps no other state
    (["The US vetoed a Security Council resolution that criticised Israel."], {("USA", "AID", "ISR", False)}),
    (["China and Russia vetoed a resolution that would have imposed sanctions on North Korea."],
     {("CHN", "AID", "PRK", False), ("RUS", "AID", "PRK", False)}),
    (["Russia vetoed a UN resolution condemning its invasion of Ukraine."], {("RUS", "ASSAULT", "UKR", False)}),
    (["The United States vetoed a draft put forward by Algeria on Gaza."], set()),
    (["Russia vetoed a resolution condemning Israel."], {("RUS", "AID", "ISR", False)}),
    # the host of a signing is not a signer
    (["Armenia and Azerbaijan signed a peace deal in Washington, hosted by Trump."],
     {("ARM", "AGREE", "AZE", False), ("AZE", "AGREE", "ARM", False)}),
    (["Serbia and Kosovo signed an accord in Brussels, chaired by the European Union."],
     {("SRB", "AGREE", "XKX", False), ("XKX", "AGREE", "SRB", False)}),
    # the quoted "we" is the speaker's side, never the one told (here the speaker has no state: no one)
    (['"We will defend Taiwan," a US official told Chinese diplomats.'], set()),
    (['"We will help Syria," Iranian officials told Russian reporters.'], set()),
    # a subordinate clause whose subject is a name of no known state: its verb is not the main subject's act
    (["Moscow Slams Kyiv Talks as Anna Berg Warns Washington"], {("RUS", "ACCUSE", "UKR", False)}),
    (["Moscow protested on Monday as Anna Berg warned Washington."], {("RUS", "ACCUSE", None, False)}),
    (["Tehran objected while Lars Holm threatened Israel."], set()),
    # near miss: a known state as that subject acts
    (["Russia condemned the strike while Iran warned Israel."],
     {("RUS", "ACCUSE", None, False), ("IRN", "THREATEN", "ISR", False)}),
    # an attack whose target is implicit hits the one helped, not the helper
    (["Germany helped Ukraine to repel Russian attacks."], {("DEU", "AID", "UKR", False), ("RUS", "ASSAULT", "UKR", False)}),
    (["Britain helped Israel fend off Iranian missile attacks."],
     {("GBR", "AID", "ISR", False), ("IRN", "ASSAULT", "ISR", False)}),
]


@pytest.mark.parametrize(("doc", "expected"), CASES)
def test_roles(doc: list[str], expected: set[tuple[str, str, str | None, bool]]) -> None:
    assert last_keys(doc, PUBLISHED) == expected
