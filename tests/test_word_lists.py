"""The open-class word lists of data/events.yaml (`word_lists`): loading rejects an unknown or missing list and a
list that is not a non-empty list of words (one line naming the file and the list), and a list changed in data
changes what the coder reads, module by module, through build_lexicon(data) alone."""

from __future__ import annotations

import copy

import pytest

from casus.datafiles import read_yaml
from casus.errors import CasusError
from casus.events import lexicon as lexmod
from casus.events.coder import code_sentences
from casus.events.lexicon import Lexicon

PUBLISHED = "2025-06-01"


def _data() -> dict:
    return copy.deepcopy(read_yaml("events.yaml"))


def _without(name: str, *words: str) -> Lexicon:
    """The shipped lexicon with these words taken out of one word list."""
    data = _data()
    data["word_lists"][name] = [w for w in data["word_lists"][name] if w not in words]
    return lexmod.build_lexicon(data)


def _records(sentence: str, lex: Lexicon | None = None) -> set[tuple]:
    return {(e.source, e.event, e.target, e.negated, e.modality) for e in code_sentences([sentence], PUBLISHED, lex)[-1]}


def _one_line_error(data: dict) -> str:
    with pytest.raises(CasusError) as err:
        lexmod.build_lexicon(data)
    text = str(err.value)
    assert "\n" not in text
    return text


# --------------------------------------------------------------------------- loading


def test_every_declared_list_is_in_data_and_loaded() -> None:
    lex = lexmod.lexicon()
    assert set(lex.word_lists) == lexmod.WORD_LISTS
    assert all(lex.word_lists.values())


def test_an_unknown_list_name_fails_naming_the_file_and_the_list() -> None:
    data = _data()
    data["word_lists"]["report_verb"] = ["said"]
    assert _one_line_error(data).startswith("events.yaml: word_lists: unknown list 'report_verb' (known: ")


def test_a_missing_list_fails_naming_the_file_and_the_list() -> None:
    data = _data()
    del data["word_lists"]["vague_speakers"]
    assert _one_line_error(data) == "events.yaml: word_lists: missing list 'vague_speakers'"


@pytest.mark.parametrize("value", [[], "said", None, {"said": 1}])
def test_a_list_that_is_not_a_non_empty_list_fails_on_its_name(value: object) -> None:
    data = _data()
    data["word_lists"]["report_verbs"] = value
    assert _one_line_error(data) == "events.yaml: word_lists: list 'report_verbs' must be a non-empty list of words"


def test_a_yaml_boolean_in_a_list_fails_on_its_name() -> None:
    data = _data()
    data["word_lists"]["stop_verbs"] = ["stop", False]  # an unquoted `no` or `off`
    assert _one_line_error(data) == "events.yaml: word_lists: list 'stop_verbs' holds False, not a word (quote it)"


def test_a_missing_section_fails() -> None:
    data = _data()
    del data["word_lists"]
    assert _one_line_error(data) == "events.yaml: missing section 'word_lists'"


# --------------------------------------------------------------------------- attributes (modality, speakers)


def test_a_postposed_reporting_verb_taken_out_of_data_no_longer_reports() -> None:
    sentence = "Israel launched airstrikes on Lebanon on Monday, Egyptian officials said."
    assert _records(sentence) == {("ISR", "ASSAULT", "LBN", False, "reported")}
    assert _records(sentence, _without("postposed_report", "said")) == {("ISR", "ASSAULT", "LBN", False, "asserted")}


def test_a_reporting_verb_taken_out_of_data_makes_would_a_hedge_again() -> None:
    sentence = "Officials said Russia would send weapons to Serbia."
    assert _records(sentence) == {("RUS", "AID", "SRB", False, "future")}
    assert _records(sentence, _without("report_verbs", "said")) == {("RUS", "AID", "SRB", False, "hedged")}


# --------------------------------------------------------------------------- scan (part of speech)


def test_a_help_verb_taken_out_of_data_no_longer_makes_the_next_word_a_verb() -> None:
    sentence = "Turkey helped fund the Syrian army."
    assert _records(sentence) == {("TUR", "AID", "SYR", False, "asserted")}
    assert _records(sentence, _without("help_verbs", "helped")) == set()


def test_a_resist_verb_taken_out_of_data_reads_the_participle_as_an_attack() -> None:
    sentence = "Ukraine fought to repel invading Russian forces."
    assert _records(sentence) == set()
    assert _records(sentence, _without("resist_verbs", "repel")) == {("UKR", "ASSAULT", "RUS", False, "asserted")}


def test_an_added_launch_verb_is_found_past_the_quick_test() -> None:
    data = _data()
    data["launch_verbs"] = [*data["launch_verbs"], "shoot|shot|shot|shooting"]
    sentence = "Iran shot dozens of missiles at Israel."
    assert _records(sentence) == set()
    assert _records(sentence, lexmod.build_lexicon(data)) == {("IRN", "ASSAULT", "ISR", False, "asserted")}


# --------------------------------------------------------------------------- lexicon (compiled patterns)


def test_a_limiting_adverb_taken_out_of_data_no_longer_reads_support_as_words_only() -> None:
    sentence = "Russia's support for Iran remained largely limited to statements."
    assert _records(sentence) == {("RUS", "SUPPORT", "IRN", False, "asserted"), ("RUS", "AID", "IRN", True, "asserted")}
    assert _records(sentence, _without("limiting_adverbs", "largely")) == set()


# --------------------------------------------------------------------------- roles


def test_a_verdict_verb_taken_out_of_data_gives_no_verdict() -> None:
    sentence = "Erdogan called the rebel advance a plot by Israel."
    assert _records(sentence) == {("TUR", "ACCUSE", "ISR", False, "asserted")}
    assert _records(sentence, _without("verdict_verbs", "called")) == set()


def test_an_irregular_participle_taken_out_of_data_is_no_passive() -> None:
    sentence = "Weapons were sent by Germany."  # (no other state named: fresh1 drops arms aid whose recipient was missed)
    assert _records(sentence) == {("DEU", "AID", None, False, "asserted")}
    assert _records(sentence, _without("irregular_participles", "sent")) == set()


# --------------------------------------------------------------------------- coder


def test_a_refusal_stem_taken_out_of_data_withholds_no_help() -> None:
    sentence = "Russia declined Armenia's request for help."
    assert _records(sentence) == {("ARM", "REQUEST", "RUS", False, "asserted"), ("RUS", "AID", "ARM", True, "asserted")}
    assert _records(sentence, _without("refusal_stems", "declin")) == {("ARM", "REQUEST", "RUS", False, "asserted")}


def test_a_talks_refusal_stem_taken_out_of_data_leaves_the_talks() -> None:
    sentence = "Iran refused direct talks with the United States."
    assert _records(sentence) == {("IRN", "REJECT", "USA", False, "asserted")}
    assert _records(sentence, _without("talks_refusal_stems", "refus")) == {
        ("IRN", "CONSULT", "USA", False, "asserted"), ("USA", "CONSULT", "IRN", False, "asserted")}


def test_a_come_verb_taken_out_of_data_is_no_intervention_withheld() -> None:
    sentence = "Russia did not come to Armenia's aid."
    assert _records(sentence) == {("RUS", "AID", "ARM", True, "asserted")}
    assert _records(sentence, _without("come_verbs", "come")) == set()


def test_a_case_kept_list_is_matched_as_written() -> None:
    lex = lexmod.lexicon()
    assert "UN" in lex.word_lists["un_words"] and lex.un_words_re.search("at the UN") is not None
    assert lex.un_words_re.search("at the un") is None


# --------------------------------------------------------------------------- mentions


def test_a_spokes_noun_taken_out_of_data_no_longer_lets_the_state_speak() -> None:
    sentence = "A spokesman for Iran condemned Israel."
    assert _records(sentence) == {("IRN", "ACCUSE", "ISR", False, "asserted")}
    assert _records(sentence, _without("spokes_nouns", "spokesman")) == set()


def test_an_envoy_noun_taken_out_of_data_leaves_the_envoys_states_out() -> None:
    sentence = "Envoys from Chile and Peru began talks."
    assert _records(sentence) == {("CHL", "CONSULT", "PER", False, "asserted"), ("PER", "CONSULT", "CHL", False, "asserted")}
    assert _records(sentence, _without("envoy_nouns", "envoys")) == set()


def test_a_clause_verb_taken_out_of_data_makes_the_next_state_one_more_item_of_a_list() -> None:
    sentence = "Russia supplied arms to Syria, and Iran gave drones to Russia."
    assert _records(sentence) == {("RUS", "AID", "SYR", False, "asserted"), ("IRN", "AID", "RUS", False, "asserted")}
    assert _records(sentence, _without("clause_verbs", "gave")) == {("RUS", "AID", "SYR", False, "asserted"),
                                                                    ("RUS", "AID", "IRN", False, "asserted")}
