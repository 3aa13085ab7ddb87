"""Statements aimed through the act they judge: a condemned pact's parties, a condemned act's author, a vow to
punish. Sentences are our own."""

from __future__ import annotations

from casus.events.coder import code_sentences
from tests.coding import keys, last_keys

PUB = "2025-05-01"


def test_condemning_a_pact_between_states_accuses_its_parties() -> None:
    """'condemned the pact between X, Y and Z': aimed at each party of the act condemned."""
    doc = ["On Friday, Iran condemned the naval agreement between Britain, France and Germany."]
    assert last_keys(doc, PUB) == {("IRN", "ACCUSE", "GBR", False), ("IRN", "ACCUSE", "FRA", False),
                                   ("IRN", "ACCUSE", "DEU", False)}


def test_condemning_the_launch_told_before_accuses_its_author() -> None:
    """'condemned the launch': the act was told just before; aimed at who did it."""
    doc = ["North Korea fired a rocket at Japan on Sunday.", "Australia condemned the launch."]
    assert last_keys(doc, PUB) == {("AUS", "ACCUSE", "PRK", False)}


def test_vow_to_punish_is_a_warning_to_the_one_punished() -> None:
    """'will punish X', 'vowed to punish X': a warning of the speaker's own act, aimed at X."""
    assert last_keys(["Greece said it would punish Turkey for the incursion."], PUB) >= {("GRC", "THREATEN", "TUR", False)}
    assert last_keys(["Iran vowed to punish Israel."], PUB) == {("IRN", "THREATEN", "ISR", False)}
    assert last_keys(["Iran punished Israel."], PUB) == set()


def test_support_noun_followed_by_a_possessive_pronoun_is_no_characterisation() -> None:
    """'voiced his support for X in his speech': 'his' is no copula ('support for X is limited' is one)."""
    doc = ["Erdogan voiced his support for Pakistan in his speech."]
    assert last_keys(doc, PUB) == {("TUR", "SUPPORT", "PAK", False)}


def test_its_is_no_people() -> None:
    """'Greeks are boycotting Turkey in response to its backing of Libya': 'its' is Turkey's, not the Greeks'."""
    doc = ["Greeks are boycotting Turkey in response to its backing of Libya."]
    assert ("TUR", "SUPPORT", "LBY", False) in last_keys(doc, PUB)
    assert ("GRC", "SUPPORT", "LBY", False) not in last_keys(doc, PUB)


def test_commitment_to_defend_is_support_unless_doubted() -> None:
    """'falls under X's commitment to defend Y': diplomatic support for Y; 'cast doubt on' that commitment: none."""
    doc = ["Canberra said the atoll falls under Washington's firm commitment to defend Australia."]
    assert ("USA", "SUPPORT", "AUS", False) in last_keys(doc, PUB)
    doc = ["The senator cast doubt on Washington's commitment to defend Australia."]
    assert ("USA", "SUPPORT", "AUS", False) not in last_keys(doc, PUB)


def test_quoted_verdict_on_the_act_it_qualifies_and_he_added() -> None:
    """'"X's ships, in blatant violation of international law, rammed" our boat, <official> said': the verdict
    qualifies the act after it; the next quotation's '..., he added' is the same speaker's, and a 'by X' agent of
    the acts judged counts a few words further on."""
    doc = ["\u201cChinese navy ships, in flagrant violation of international law, rammed\u201d our patrol boat, "
           "Vietnamese Defence Minister Phan Van Giang said on Friday.",
           "\u201cThis is a grave violation of the peaceful rules observed by the Chinese government for years,\u201d he added."]
    out = code_sentences(doc, PUB)
    assert ("VNM", "ACCUSE", "CHN", False) in keys(out[0])
    assert keys(out[1]) == {("VNM", "ACCUSE", "CHN", False)}


def test_verdict_on_an_act_aims_at_the_documents_other_party() -> None:
    """'Moscow said its accession was an encroachment on our security' in a Russia-Sweden document: an act judged
    with no author named is the other party's; with no act noun ('the escalation grows'), no one is judged."""
    doc = ["Sweden joined NATO on Thursday after Russia warned Sweden.",
           "Sweden and Russia have long been at odds over Sweden.",
           "Moscow said its accession was an encroachment on our security."]
    assert last_keys(doc, PUB) == {("RUS", "ACCUSE", "SWE", False)}


def test_request_for_a_states_weapons_stops_at_a_time_adjunct() -> None:
    """'requested Russian fighter jets following a visit to Baghdad': the supplier the weapons' adjective names, not
    a place in the adjunct after the object."""
    doc = ["Iraq has requested Russian fighter jets following a visit to Iraq by a Moscow delegation."]
    assert ("IRQ", "REQUEST", "RUS", False) in last_keys(doc, PUB)


def test_the_request_is_the_one_just_told() -> None:
    """'The request came after a visit by <official>': the request told before, with its parties (not the visitor's)."""
    doc = ["Armenia has asked France for more armoured vehicles, officials said on Monday.",
           "The request came after a visit to Yerevan by the French defence minister."]
    assert ("ARM", "REQUEST", "FRA", False) in last_keys(doc, PUB)
    assert ("FRA", "REQUEST", "ARM", False) not in last_keys(doc, PUB)


def test_a_warning_for_a_state_is_aimed_at_it() -> None:
    """'saying it was a stern warning for X': the warning's addressee after 'for'."""
    doc = ["Iran confirmed the test on Sunday, saying it was a stern warning for Israel."]
    assert ("IRN", "THREATEN", "ISR", False) in last_keys(doc, PUB)


def test_welcome_of_an_outcome_or_a_new_member_is_support() -> None:
    """'welcomed the truce between the two countries' (the pair coordinated before), 'welcome Sweden to the
    alliance': rhetorical support for them; a leader welcomed is a meeting; an outcome with no parties, nothing."""
    doc = ["Amid tensions between Armenia and Azerbaijan, France welcomed the truce between the two countries."]
    assert last_keys(doc, PUB) == {("FRA", "SUPPORT", "ARM", False), ("FRA", "SUPPORT", "AZE", False)}
    assert last_keys(["Poland welcomed Sweden to the alliance."], PUB) == {("POL", "SUPPORT", "SWE", False)}
    assert ("POL", "SUPPORT", "DEU", False) not in last_keys(["Poland welcomed Chancellor Scholz to Warsaw."], PUB)
    assert last_keys(["Poland welcomed the decision."], PUB) == set()


def test_he_after_a_fronted_gerund_phrase_is_the_person_told_before() -> None:
    """'Commenting on tensions between X and Y, he welcomed ...': 'he' is the subject the text was about, not Y."""
    doc = ["French President Emmanuel Macron spoke in Paris on Monday.",
           "Commenting on tensions between Armenia and Azerbaijan, he welcomed the truce between the two countries."]
    assert last_keys(doc, PUB) == {("FRA", "SUPPORT", "ARM", False), ("FRA", "SUPPORT", "AZE", False)}


def test_state_title_of_name_is_one_speaker() -> None:
    """'..., U.S. Secretary of State <name> pleaded with X': the state, the 'Secretary of' title and the leader are
    one mention, not a list with the leader named before the comma."""
    doc = ["During talks on Monday with Albanian Prime Minister Edi Rama, U.S. Secretary of State Marco Rubio "
           "pleaded with Albania for calm."]
    assert ("USA", "REQUEST", "ALB", False) in last_keys(doc, PUB)


def test_warned_that_reads_past_a_relative_clause() -> None:
    """'warned that X, which has ..., will use all means': the warning's content is past the relative clause."""
    doc = ["Tehran warned that Iran, which has many missiles, will use all means to defend itself."]
    assert last_keys(doc, PUB) == {("IRN", "THREATEN", None, False)}
    doc = ["Tehran warned that Iran, which has many missiles, had been attacked."]
    assert ("IRN", "THREATEN", None, False) not in last_keys(doc, PUB)
