"""The factor a claim rests on (issue 13): which cue's factor wins when several fire.

Sentences written for these tests; the dyad is Germany (patron) and Lithuania (client).
"""
from __future__ import annotations

from casus.claims.stance import Dyad, decide, explain, score_sentence

PAIR = Dyad("DEU", "LTU")


def _decided(sentence: str) -> tuple[str, str] | None:
    return decide(score_sentence(sentence, PAIR))


def test_partnership_words_rest_on_commitment() -> None:
    """A word for the relationship ("cooperation", "partners") is the bond a commitment covers, not a stake."""
    hits = explain("Berlin values its cooperation with Vilnius above all else.", "DEU", "LTU")
    assert [(h.text, h.factor) for h in hits if h.text == "cooperation"] == [("cooperation", "commitment")]


def test_a_base_named_as_a_place_does_not_outweigh_a_pledge() -> None:
    """A base or deployment in the sentence is weak evidence of capability: often only where a pledge is made."""
    sentence = "Speaking at an air base in Lithuania, the German chancellor said Berlin stands by its promise."
    assert _decided(sentence) == ("for", "commitment")


def test_support_said_to_be_limited_is_a_precedent() -> None:
    """ "Its support stayed limited to X": what the patron did, so the limit counts less as a commitment."""
    assert _decided("Germany's support for Lithuania stayed limited to field kitchens last winter.") == (
        "against", "precedent")


def test_a_limit_on_the_pledge_itself_stays_a_commitment() -> None:
    assert _decided("Berlin says its defence commitment to Lithuania has clear limits.")[1] == "commitment"


def test_a_first_person_pledge_by_the_speaker_is_a_signal() -> None:
    """ "I will not send soldiers": the speaker's statement now, more than a judgement of means."""
    sentence = "\"I will not send German soldiers to die for Lithuania,\" the chancellor said."
    assert _decided(sentence) == ("against", "signal")


def test_foreign_trainers_already_there_are_a_precedent() -> None:
    """Instructors or paramilitaries of the patron in the client: something the patron has already done."""
    assert _decided("Hundreds of German military instructors are helping Lithuanian units hold the border.")[1] == (
        "precedent")


def test_readiness_to_help_is_a_statement_now() -> None:
    """ "stressed its readiness to help": a signal, as "ready to help" is."""
    sentence = "Berlin's envoy stressed Germany's readiness to help Lithuania, which depends on its requests."
    assert _decided(sentence) == ("for", "signal")


def test_what_is_vowed_decides_over_the_vowing() -> None:
    """A vow wraps a pledge: the pledged act (future aid, a commitment) outweighs the verb of saying it."""
    sentence = "The German chancellor vowed that Berlin would send military support to Lithuania."
    assert _decided(sentence) == ("for", "commitment")


def test_an_event_nudges_the_factor_but_does_not_outvote_a_cue() -> None:
    """Where cues speak, a coded event's factor is a light nudge (claims.yaml `events.factor_weight`): the coder's
    roles can be wrong, and the sentence's own words say what it rests on."""
    from casus.claims.stance import add_events
    from casus.records import CodedEvent

    sentence = "Germany has given military aid to Lithuania."
    scores = add_events(score_sentence(sentence, PAIR), [CodedEvent("DEU", "COOPERATE", "LTU")], PAIR)
    assert decide(scores) == ("for", "precedent")
