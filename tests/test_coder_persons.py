"""The document's registry of persons: an official named once with a state marker and a title is that state's
official in later sentences (full name, surname, "Mr + surname"); never backwards, never without a state, and never
by a surname that is a state's name. Sentences are our own, with invented names."""

from __future__ import annotations

from casus.events.coder import code_sentences
from tests.coding import keys, last_keys

PUB = "2024-05-01"
INTRO = "Polish Defence Minister Tomasz Wrobelski arrived in Vilnius on Monday."


def test_surname_after_state_and_title() -> None:
    assert last_keys([INTRO, "Wrobelski condemned Russia."], PUB) == {("POL", "ACCUSE", "RUS", False)}


def test_courtesy_title_and_surname() -> None:
    assert last_keys([INTRO, "Mr Wrobelski condemned Russia."], PUB) == {("POL", "ACCUSE", "RUS", False)}


def test_possessive_state_and_family_name_first() -> None:
    doc = ["China's UN ambassador Liang Wenbo spoke on Monday.", "Liang condemned Japan."]
    assert last_keys(doc, PUB) == {("CHN", "ACCUSE", "JPN", False)}


def test_apposition_names_the_sending_state() -> None:
    doc = ["Marta Kovalenko, Ukraine's envoy to the EU, spoke on Monday.", "Kovalenko condemned Russia."]
    assert last_keys(doc, PUB) == {("UKR", "ACCUSE", "RUS", False)}


def test_envoy_to_a_body_belongs_to_the_sender() -> None:
    doc = ["US Ambassador to the UN Kara Whitlock spoke on Monday.", "Whitlock condemned Russia."]
    assert last_keys(doc, PUB) == {("USA", "ACCUSE", "RUS", False)}


def test_counterpart_after_a_comma() -> None:
    doc = ["The Polish minister met his Lithuanian counterpart, Jonas Petraitis, on Monday.", "Petraitis condemned Russia."]
    assert last_keys(doc, PUB) == {("LTU", "ACCUSE", "RUS", False)}


def test_no_state_no_person() -> None:
    doc = ["Defence Minister Tomasz Wrobelski arrived in Vilnius on Monday.", "Wrobelski condemned Russia."]
    assert last_keys(doc, PUB) == set()


def test_not_learned_backwards() -> None:
    out = code_sentences(["Wrobelski condemned Russia.", INTRO], PUB)
    assert keys(out[0]) == set()


def test_surname_that_is_a_state_is_not_learned() -> None:
    doc = ["Polish Defence Minister Tomasz Jordan arrived in Vilnius on Monday.", "Jordan condemned Russia."]
    assert last_keys(doc, PUB) == {("JOR", "ACCUSE", "RUS", False)}


def test_time_words_are_no_name() -> None:
    doc = ["Last Monday, Turkish Foreign Minister Kemal Ozturan arrived in Vilnius.", "Monday condemned Russia."]
    assert last_keys(doc, PUB) == set()


def test_a_name_for_two_states_is_dropped() -> None:
    doc = ["Polish Defence Minister Tomasz Wrobelski arrived in Vilnius.",
           "Czech Defence Minister Pavel Wrobelski arrived in Vilnius.", "Wrobelski condemned Russia."]
    assert last_keys(doc, PUB) == set()



def test_quoted_verdict_on_an_act_by_a_state_accuses_its_author() -> None:
    """'"This test by X is a provocation," <surname> said': the speaker is the official introduced before, the
    accused the agent after 'by' in the act judged (the verdict's own 'by X' comes after it)."""
    doc = ["Japanese Defence Minister Haru Ogawara spoke to reporters on Monday.",
           "\u201cThis rocket launch by North Korea is a dangerous provocation,\u201d Ogawara said."]
    assert last_keys(doc, "2024-05-01") == {("JPN", "ACCUSE", "PRK", False)}
    doc[1] = "\u201cThis rocket launch is a dangerous provocation,\u201d Ogawara said."
    assert last_keys(doc, "2024-05-01") == set()


def test_title_with_of_and_dotted_state() -> None:
    """'U.S. Secretary of State <name>', 'Ghana's Minister of Defence <name>': a title with 'of', and the dot of
    the state's abbreviation, still introduce the person."""
    intro = "U.S. Secretary of State Jane Morrow arrived in Tirana on Monday."
    assert last_keys([intro, "Morrow urged Albania to show calm."], PUB) == {("USA", "REQUEST", "ALB", False)}
    intro = "Ghana's Minister of Defence Kofi Mensah-Boateng arrived on Monday."
    assert last_keys([intro, "Mensah-Boateng condemned Togo."], PUB) == {("GHA", "ACCUSE", "TGO", False)}
