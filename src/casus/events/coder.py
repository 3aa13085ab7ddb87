"""Code sentences into PLOVER events: who did what to whom, how sure, when.

A dictionary coder with shallow argument structure, no parser:

1. one compiled trie regex (casus.events.lexicon) finds every lexicon phrase in a
   sentence at once (casus.events.scan): actors (casus.events.actors), event
   triggers, mode words and cue words (casus/data/events.yaml);
2. actor mentions get a role (subject-like, object of a preposition, modifier,
   speaker) from the words around them; pronouns and "the two countries"
   resolve from the sentence or the ones before (casus.events.mentions);
3. each trigger's frame finds its source and target (casus.events.roles:
   subject / possessor / adjective -> object / "to X" / "with X" ...), its mode
   from the domain words near it, and its negation, modality, attribution and
   date from cue words in its clause (casus.events.attributes);
4. this module codes a sentence from those pieces (retyping, filters, merging)
   and walks a document, carrying the context from sentence to sentence.

Everything is compiled once; a sentence with no trigger costs one regex scan.
"""

from __future__ import annotations

import re
from functools import lru_cache
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from dataclasses import replace

from casus.events.attributes import (
    asks_a_question,
    date_for,
    is_irrealis,
    modality_of,
    modes_for,
    negated,
    speaker_of,
)
from casus.events.dates import DateMention, find_dates, latest_full_date, parse_anchor
from casus.events.lexicon import (
    Lexicon,
    Trigger,
    build_lexicon,
    inflect,
    lexicon,
    validate_triggers,
)
from casus.events.mentions import mention_data, resolve_corefs, update_context
from casus.events.roles import (
    drill_participants,
    drills_between,
    _adjacent_agent,
    _anaphoric,
    named_act,
    _between_parties,
    _clause,
    _passive,
    _codes,
    _conjuncts,
    _group,
    _document_content,
    _leader_object,
    _object_is,
    _domain_hits,
    _left_mod_start,
    _needs_ok,
    _object_end,
    _pairs_for,
    _recent,
    _welcomed,
    absorbed,
    left_agent,
    other_actors,
    deployed_to,
    warned_about,
    place_modifier,
    right_target,
)
from casus.events.scan import _LAUNCH, scan
from casus.events.sentence import (
    Context,
    Mention,
    Sentence,
    TrigHit,
    _next_ws,
    _nw,
    _prev_ws,
    _words,
    _ws,
    normalise,
    word_index,
)
from casus.events.words import AUX, CLAUSE_WORDS, DETS, DIRECT_PREPS, PREPS, TRANSFER_PREPS
from casus.months import MONTHS
from casus.records import CodedEvent

_TELL_TO = re.compile(r"\s+(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*\s+to\s+(?!not\b)[a-z]+")
_DESPITE = re.compile(r"\bdespite\b")
_TO_AFTER = re.compile(r"\s+to\b")
_WORDS_THEN_TO = re.compile(r"\s+(?:[\w'-]+\s+){1,5}?to\s")

# The coder's public face: what ingest, the scorers and users import from casus.events.coder.
__all__ = ["code_sentences", "build_lexicon", "sentence_windows", "is_heading", "lexicon", "validate_triggers", "inflect", "scan",
           "normalise", "word_index", "find_dates", "document_present", "MAX_CODED_CHARS"]


def _starts(key: str, stems: frozenset[str]) -> bool:
    """Whether a trigger's key starts with one of the stems."""
    return any(key.startswith(w) for w in stems)


def _before_subordinate(right: str, lex: Lexicon) -> str:
    """The text after an agreement noun up to a comma that opens a subordinate clause ("a pact with Japan, after
    Tokyo forged agreements with ..."): a signing verb past it governs another noun."""
    for m in _COMMA_WORD.finditer(right):
        if m.group(1).lower() in lex.subordinators:
            return right[:m.start()]
    return right


_COMMA_WORD = re.compile(r",\s+([A-Za-z]+)")


def _agree_noun_events(sent: Sentence, lex: Lexicon) -> list[TrigHit]:
    """Agreement nouns governed by a signing verb or 'marked by/through': pseudo-triggers for AGREE."""
    out: list[TrigHit] = []
    for s, e, mode, key in sent.agree_nouns:
        if any(0 < s2 - e <= 2 for s2, _e2, _m2, _k2 in sent.agree_nouns):
            continue  # "a strategic partnership treaty": the head noun ("treaty") names the agreement
        if any(o.trig.type == "AGREE" and o.trig.pos == "noun" and o.end <= s and _nw(sent, o.end, s) <= 2
               for o in sent.triggers):
            continue  # "the signing of the pact": the signing trigger codes it
        lo, hi = _clause(sent, s)
        left = sent.text[max(lo, s - 60):s]
        right = _before_subordinate(sent.text[e:min(len(sent.text), e + 70)], lex)
        left_words = _words(left)[-5:]
        governed = bool(lex.agree_governors.search(" ".join(left_words))) or bool(
            lex.signing_after_re.search(" ".join(_words(right)[:12])))
        if _DESPITE.search(" ".join(_ws(sent, max(0, s - 60), s)[-6:])):
            governed = False
        if governed:
            one_sided = lex.promise_to_sign_re.search(sent.low[max(lo, s - 60):s])
            trig = Trigger("AGREE", "noun", "directed" if one_sided else "joint", mode, None, frozenset(), False, False, False,
                           False, None, None)
            out.append(TrigHit(s, e, trig, key))
    return out


_BY_MEANS = re.compile(r"^\s*(?:[\w'-]+\s+){0,3}by\s+\w+ing\b", re.I)




# grammar (auxiliaries, negators, pronouns, clause words); with `verb_subject_nouns`
_VERB_BEFORE = frozenset("to will would could can may might must should shall did does do not never also they we it he she "
                         "who which that and or".split())


def _weapon_modifier(sent: Sentence, t: TrigHit, lex: Lexicon) -> bool:
    """'attack' or 'strike' as the modifier of a weapon noun ('more than 80 attack drones', 'sold attack drones'):
    before a projectile or aircraft noun, not after a subject, an auxiliary or 'to' ('Israel will attack drone sites')."""
    nxt = _next_ws(sent, t.end, len(sent.text), 1)
    if not nxt or not (nxt[0] in lex.word_lists["weapon_nouns"] or nxt[0] in lex.object_words["projectiles"]):
        return False
    j = bisect_left(sent.starts, t.start)
    if j == 0:
        return True
    prev, at = sent.words[j - 1], sent.starts[j - 1]
    # a capitalised word before it is a subject only when it is an actor's name ("Hamas attack drone sites"), not a
    # weapon's own name or a maker ("Shahed attack drones", "Iranian-designed attack drones")
    named = sent.text[at:at + 1].isupper() and any(m.start <= at and at + len(prev) <= m.end for m in sent.mentions)
    return prev not in _VERB_BEFORE and prev not in lex.word_lists["verb_subject_nouns"] and not named


def _ends_pact(sent: Sentence, t: TrigHit, lex: Lexicon) -> bool:
    """Whether the object of a stopping verb is a pact or cooperation ("end its defence pact"), not a campaign."""
    words = set(_ws(sent, t.end, _object_end(sent, t, 8)))
    return not words.isdisjoint(lex.object_words["pacts"]) and words.isdisjoint(lex.object_words["campaign"])


_JOIN = frozenset({"join", "joins", "joined", "joining"})
_SEND = frozenset({"send", "sends", "sent", "sending"})


def _names_recipient(sent: Sentence, t: TrigHit, lex: Lexicon) -> bool:
    """Whether a transfer verb names a state to receive what is sent, in the sentence ("sent troops to X", "sent X
    troops")."""
    _lo, hi = _clause(sent, t.start)
    if any(o.trig.type == "AID" and t.end <= o.start < hi for o in sent.triggers):
        return True  # "to send ground troops to defend Taiwan": the act it serves names the one helped
    return any(t.end <= m.start < hi and m.codes and m.role != "attr" and not (m.poss and m.kind == "pron")
               and (m.poss or not place_modifier(sent, m)) and (
        m.prep in TRANSFER_PREPS or (m.prep == "in" and _nw(sent, t.end, m.start) <= 6) or (
            m.prep is None and _nw(sent, t.end, m.start) <= 1 and m.kind != "adj")) for m in sent.mentions)


def _joins_bloc(sent: Sentence, t: TrigHit, lex: Lexicon) -> bool:
    """Whether 'join' takes an alliance or bloc as its object ("joined NATO", "joins the alliance") and is the act,
    not a goal ("its bid to join the EU", "wants to join")."""
    obj = next((m for m in sent.mentions if m.start >= t.end), None)
    names_bloc = obj is not None and _nw(sent, t.end, obj.start) <= 1 and bool(set(obj.codes) & lex.blocs)
    if not names_bloc and lex.object_words["blocs_joined"].isdisjoint(_ws(sent, t.end, _object_end(sent, t, 4))):
        return False
    before = _prev_ws(sent, t.start, 3)
    return lex.word_lists["join_goals"].isdisjoint(before) and not lex.wanting_re.search(" ".join(before))


def _region_only(sent: Sentence, code: str, lex: Lexicon) -> bool:
    """Whether the sentence names `code` only by a region of it (word list region_names: "Crimea")."""
    regions = lex.word_lists["region_names"]
    ms = [m for m in sent.mentions if code in m.codes]
    return bool(ms) and all(sent.low[m.start:m.end] in regions for m in ms)


def _forces_subject(sent: Sentence, t: TrigHit, lex: Lexicon) -> bool:
    """Whether the subject of a verb trigger is armed forces: an `arriving_forces` noun among the five words before it
    in its clause, and no person noun ("Russian soldiers have arrived in", not "the minister arrived in")."""
    lo, _hi = _clause(sent, t.start)
    before = _ws(sent, max(lo, t.start - 60), t.start)[-5:]
    forces = lex.word_lists["arriving_forces"]
    people = lex.object_words["persons"] | lex.object_words["delegations"]
    return not forces.isdisjoint(before) and people.isdisjoint(before)


def _retype(sent: Sentence, t: TrigHit, lex: Lexicon) -> TrigHit | None:
    """Context that changes a trigger's type: support offered or military is aid; 'seek to' is no request."""
    trig = t.trig
    left = sent.text[max(0, t.start - 60):t.start]
    if trig.type in ("AID", "SUPPORT") and trig.pos == "noun" and " for " in left and lex.declined_request_re.search(left):
        # "Russia declined Yerevan's request for help": help withheld from the one who asked
        mode = trig.mode if trig.mode != "auto" else None
        new = Trigger("AID", "noun", "declined", mode, None, frozenset(), False, True, False, False, None, None)
        return TrigHit(t.start, t.end, new, t.key)
    if trig.frame == "cease" and trig.pos == "verb" and _ends_pact(sent, t, lex):
        # "decided to end its defence pact with X": a pact or cooperation ended, not a campaign: support withdrawn
        new = Trigger("SANCTION", "verb", "directed", None, None, frozenset({"target"}), False, False, False, False, "pacts",
                      None, args=lex.frames["end_pact"])
        return TrigHit(t.start, t.end, new, t.key)
    if trig.type == "COOPERATE" and trig.pos == "verb" and t.key in _JOIN and _joins_bloc(sent, t, lex):
        # "Finland officially joined NATO": agreeing to the bloc's treaty, both ways
        new = Trigger("AGREE", "verb", "joint", "treaty", None, frozenset(), False, False, False, False, None, None,
                      args=lex.frames["joint_subject"])
        return TrigHit(t.start, t.end, new, t.key)
    if trig.type == "THREATEN" and _starts(t.key, lex.word_lists["tell_stems"]) and _TELL_TO.match(sent.text[t.end:t.end + 40]):
        # "told Beijing to abide by the ruling": an order, a request (not "told X not to", a warning)
        new = Trigger("REQUEST", "verb", "request", "auto", None, frozenset({"target"}), False, False, False, False, None, None)
        return TrigHit(t.start, t.end, new, t.key)
    if trig.type == "THREATEN" and t.key.startswith("warn") and warned_about(sent, t):
        # "warned of a Serbian buildup", "warned that Russia was renewing efforts to ...": another state's conduct
        # judged, no consequence threatened: an accusation of that state ("a warning that ...": the same)
        new = Trigger("ACCUSE", trig.pos, "speech", "disapprove", None, frozenset(), False, False, False, False, None, None,
                      args=lex.frames["speech"])
        return TrigHit(t.start, t.end, new, t.key)
    if trig.type == "THREATEN" and trig.pos == "verb" and _judged_act_after_that(sent, t):
        # "warning that the strike undermined Qatar's mediation": a judgement of an act told, disapproval of its actor
        new = Trigger("ACCUSE", "verb", "speech", "disapprove", None, frozenset(), False, False, False, False, None, None,
                      args=lex.frames["speech"])
        return TrigHit(t.start, t.end, new, t.key)
    if trig.type == "CONSULT" and trig.pos == "verb" and t.key.startswith("welcom") and _welcomed(sent, t, lex):
        # "welcomed the ceasefire between X and Y", "welcome Finland to the alliance": support, not a meeting
        new = Trigger("SUPPORT", "verb", "speech", "rhetorical", None, frozenset(), False, False, False, False, None, None,
                      args=lex.frames["welcome"])
        return TrigHit(t.start, t.end, new, t.key)
    if trig.type == "COERCE" and trig.pos == "verb" and t.key.startswith(("seiz", "captur")) and \
            _object_is(sent, t, lex.object_words["ground"]):
        # "troops seized some Armenian territory", "captured a village near X": ground taken by force is an attack
        # (a seized ship, cargo or leader stays COERCE)
        new = Trigger("ASSAULT", "verb", "assault", "ground", None, frozenset(), False, False, False, False, None, None,
                      args=lex.frames["assault"])
        return TrigHit(t.start, t.end, new, t.key)
    if trig.type == "CONSULT" and trig.pos == "verb" and t.key.startswith("arriv") and \
            _forces_subject(sent, t, lex):
        # "Russian military advisers have arrived in Mali", "100 German soldiers arrived there": forces arriving in
        # a named state are there for it (news convention 1), not a visit
        new = Trigger("AID", "verb", "transfer", "auto", "military", frozenset({"mode", "target"}), False, False, False,
                      False, None, ("intervention", "military"), args=lex.frames["station"])
        return TrigHit(t.start, t.end, new, t.key)
    if trig.type in ("AID", "SUPPORT") and trig.pos == "noun" and lex.wanting_re.search(left):
        return None  # "Iran may demand more support": wanted, not given (the REQUEST is coded)
    if trig.type == "CONSULT" and trig.pos == "noun" and (w := lex.wanting_re.search(left)) and _nw_text(w.group()) <= 4 \
            and not _between_parties(sent, t):
        # "needed talks with Cambodia", "seeks negotiations": wanted, not held (but "hopes for talks between X and Y"
        # are others' talks, still to come)
        return None
    if trig.type == "RETREAT" and trig.frame == "cease" and " ".join(_prev_ws(sent, t.start, 2)) in lex.word_lists["stop_intent"]:
        # "agreed to cease their attacks", "their desire to end hostilities": a willingness to stop, PLOVER's AGREE,
        # not the halt itself
        return TrigHit(t.start, t.end, replace(trig, type="AGREE"), t.key)
    if trig.withheld and negated(sent, t, lex):
        # "its failure to stand by its partner": defence withheld (the negation is read again from the sentence)
        new = Trigger(trig.withheld, trig.pos, trig.frame, "intervention", None, trig.need, False, False, False, False, None,
                      None, args=trig.args)
        return TrigHit(t.start, t.end, new, t.key)
    if trig.type == "SUPPORT":
        if trig.pos == "noun" and _doubted(sent, t, lex):
            return None  # "cast doubt on Washington's commitment to defending its partners": no support given
        if _limited_support(sent, t, lex):
            # "its support remained limited to statements": words of support (the withheld aid: _extra_triggers)
            new = Trigger("SUPPORT", "noun", "directed", "diplomatic", None, trig.need - {"target"}, False, False, False, False,
                          None, None)
            return TrigHit(t.start, t.end, new, t.key)
        if _BY_MEANS.match(sent.text[t.end:t.end + 60]):
            return None  # "support Iran by supplying weapons": the means is the event
        if _outcome_object(sent, t, lex):
            return None  # "expressed support for a ceasefire", "praised the deal": an outcome backed, no state
        if trig.pos == "noun" and trig.mode == "auto" and lex.copula_after_re.match(sent.text[t.end:t.end + 60]):
            return None  # "Russia's support for Iran remains pragmatic": a characterisation, not an act
        hi = _object_end(sent, t, 8)
        light = trig.pos == "noun" and lex.light_aid_re.search(left)
        if trig.mode == "diplomatic" and lex.un_words_re.search(sent.text[t.end:hi]):
            new = Trigger("AID", trig.pos, "transfer", "diplomatic", None, trig.need - {"target"}, False, False, False, False, None, None)
            return TrigHit(t.start, t.end, new, t.key)
        if trig.pos == "noun" and trig.mode == "auto" and lex.voiced_before_re.search(left):
            # "voiced support for X's security concerns": words of support, whatever the object's domain
            new = Trigger("SUPPORT", "noun", "directed", "rhetorical", None, trig.need, False, False, False, False, None, None)
            return TrigHit(t.start, t.end, new, t.key)
        if trig.mode == "auto":
            doms = _domain_hits(sent, _left_mod_start(sent, t), hi)
            if light or "military" in doms or "intervention" in doms:
                new = Trigger("AID", trig.pos, "transfer" if light else "directed", "auto", "military", trig.need - {"target"},
                              False, False, False, False, None, None)
                return TrigHit(t.start, t.end, new, t.key)
    # a refusal verb and up to three words before talks ("refused direct talks", "ruled out any negotiations")
    refused = lex.talks_refused_re.search(left) if trig.type == "CONSULT" and trig.frame == "joint" else None
    if refused:
        # "Iran refused direct talks with the US", "declined to meet X": no talks, a rejection aimed at the other side
        # (the phrase starts at the refusal, which so negates nothing)
        return TrigHit(max(0, t.start - 60) + refused.start(), t.end, Trigger("REJECT", trig.pos, "directed", "negotiation", None, frozenset({"target"}), False,
                                               False, False, False, None, None, args=lex.frames["refused_talks"]), t.key)
    if trig.type == "AID" and trig.frame == "receive" and trig.pos == "verb" and (
            _object_is(sent, t, lex.object_words["persons"]) or _leader_object(sent, t)):
        # "Erdogan received the Iranian foreign minister": a host receiving a visitor, a meeting both ways
        return TrigHit(t.start, t.end, Trigger("CONSULT", "verb", "joint", None, None, frozenset(), False, False, False,
                                               False, None, None), t.key)
    if trig.type == "REQUEST" and trig.pos == "verb" and "question" in sent.cues and asks_a_question(sent, t.end, lex):
        return None  # "asked (him) whether ...": a question, not a request
    if trig.type == "REQUEST" and trig.pos == "verb":
        after = sent.text[t.end:t.end + 60]
        if _TO_AFTER.match(after) and not _starts(t.key, lex.word_lists["request_to_stems"]):
            return None  # "seek to bolster": an attempt, not a request
        if _starts(t.key, lex.word_lists["push_stems"]) and not _WORDS_THEN_TO.match(after) and \
                lex.frame_of(trig).name != "request_open":
            return None  # "pressing imperatives", "push them closer" (not "pushed for talks", "urged restraint")
    if trig.type == "AID" and trig.light and trig.frame == "transfer" and any(d == "intelligence" for _, _, d in sent.domains):
        doms = _domain_hits(sent, t.end, _object_end(sent, t, 8))
        if "intelligence" in doms and not {"military", "economic", "intervention"} & set(doms):
            # "provided satellite imagery to Russia": intelligence passed on is intelligence cooperation
            new = Trigger("COOPERATE", trig.pos, "transfer", "intelligence", None, frozenset({"target"}), False, False, False,
                          False, None, None)
            return TrigHit(t.start, t.end, new, t.key)
    if trig.type == "ASSAULT" and trig.pos == "verb" and _starts(t.key, lex.word_lists["shoot_down_stems"]) and not \
            lex.object_words["projectiles"].isdisjoint(_next_ws(sent, t.end, _clause(sent, t.start)[1], 8)):
        # (the projectiles may lie past another trigger word: "shot down more than 80 attack drones")
        # "shot down the missiles": an interception, which defends the one they were fired at
        new = Trigger("AID", "verb", "intercept", "intervention", None, frozenset(), False, False, False, False, None, None)
        return TrigHit(t.start, t.end, new, t.key)
    if trig is _LAUNCH and t.key.rsplit(" ", 1)[-1] in lex.word_lists["interceptor_nouns"]:
        # "fired a dozen interceptors": a defence, not an attack
        new = Trigger("AID", "verb", "intercept", "intervention", None, frozenset(), False, False, False, False, None, None)
        return TrigHit(t.start, t.end, new, t.key)
    if trig is _LAUNCH and not lex.word_lists["test_projectiles"].isdisjoint(t.key.split()) and \
            not right_target(sent, t, lex, lex.frames["assault"].preps or TRANSFER_PREPS):
        # "North Korea fired a ballistic missile into the sea": a weapons test at no one, a show of force (MOBILIZE)
        new = Trigger("MOBILIZE", "verb", "mobilize", None, None, frozenset(), False, False, False, False, None, None)
        return TrigHit(t.start, t.end, new, t.key)
    if trig.type == "AID" and trig.light and t.key in _SEND and not _names_recipient(sent, t, lex) and \
            not lex.object_words["forces"].isdisjoint(_ws(sent, t.end, _object_end(sent, t, 4))):
        # "is sending additional troops to the border": forces moved with no state to receive them (convention 2)
        new = Trigger("MOBILIZE", trig.pos, "mobilize", None, None, frozenset(), False, False, False, False, None, None)
        return TrigHit(t.start, t.end, new, t.key)
    if trig.type == "MOBILIZE" and trig.pos == "noun" and t.key in lex.word_lists["deployment_nouns"] and \
            deployed_to(sent, t):
        # "the deployment of Russian troops in X", "sending reinforcements to X": forces there for X (convention 1)
        new = Trigger("AID", "noun", "mobilize", "intervention", None, frozenset(), False, False, False, False, None, None,
                      args=lex.frames["station"])
        return TrigHit(t.start, t.end, new, t.key)
    if trig.untargeted and not right_target(sent, t, lex, lex.frame_of(trig).preps or TRANSFER_PREPS) and (
            set(modes_for(sent, t, lex)) & {"military", "intervention"} or (
            _passive(sent, t, lex) and {"military", "intervention"} & set(_domain_hits(sent, _clause(sent, t.start)[0], t.start)))):
        # ("two destroyers are deployed to the Mediterranean": the passive's subject names the forces)
        # "deployed warships near Iran": forces raised or moved with no beneficiary named
        new = Trigger(trig.untargeted, trig.pos, "mobilize", None, None, frozenset(), False, False, False, False, None, None)
        return TrigHit(t.start, t.end, new, t.key)
    if t.key == "given" and _prev_ws(sent, t.start, 1)[:1] != [] and _prev_ws(sent, t.start, 1)[0] not in AUX and \
            (_next_ws(sent, t.end, len(sent.text), 1) or [""])[0] in DETS:
        return None  # "given the boost in spending": 'given' as a preposition ('considering'), no transfer
    if trig.type == "AID" and trig.pos == "verb" and t.key.endswith("ed") and \
            (_next_ws(sent, t.end, len(sent.text), 1) or [""])[0] == "with" and (_prev_ws(sent, t.start, 1) or [""])[0] not in AUX:
        return None  # "the carrier, equipped with 20 jets": a description of a thing, no transfer
    if trig.type == "AID" and trig.light and t.key.startswith("offer"):
        hi = _object_end(sent, t, 8)
        if set(_ws(sent, t.end, hi)) & lex.offer_objects:
            new = Trigger("AGREE", "verb", "directed", None, None, frozenset(), False, False, False, False, None, None)
            return TrigHit(t.start, t.end, new, t.key)
    if trig.type == "AGREE" and lex.promise_to_before_re.search(
                                          sent.low[max(0, t.start - 30):t.start] + ("" if trig.pos == "verb" else "")):
        new = Trigger("AGREE", trig.pos, "directed", trig.mode, trig.default, trig.need, False, False, False, False, None, None)
        return TrigHit(t.start, t.end, new, t.key)
    if trig.type == "AID" and trig.pos == "noun" and t.key in lex.word_lists["come_to_aid_nouns"] and lex.come_to_re.search(
            sent.low[max(0, t.start - 60):t.start]):
        # "did not come to Yerevan's aid": intervention for the possessor
        new = Trigger("AID", "noun", "directed", "intervention", None, frozenset({"possessor"}), False, False, False, False, None, None)
        return TrigHit(t.start, t.end, new, t.key)
    return t


_THAT_ACT = re.compile(r" that (?:the|this|these|those|its|their|[A-Z][\w.-]*'s) (?:[\w-]+ ){0,2}$")


def _judged_act_after_that(sent: Sentence, t: TrigHit) -> bool:
    """'warned that the strike undermined the talks': the that-clause's subject is an attack or coercion told (an
    attack trigger within three words of 'that'), and the clause holds nothing to come (cues.warn_content)."""
    if not sent.low.startswith(" that ", t.end):
        return False
    _lo, hi = _clause(sent, t.start)
    if any(t.end < c[0] < hi for c in sent.cues.get("warn_content", ())):
        return False
    return any(o.trig.type in ("ASSAULT", "COERCE") and o.trig.pos == "noun" and t.end < o.start
               and _THAT_ACT.match(sent.text[t.end:o.start]) for o in sent.triggers)


def _nw_text(text: str) -> int:
    """The number of words in a piece of text."""
    return len(text.split())


_INDEFINITE = re.compile(r"\s(?:a|an)\s", re.I)
_DET_BEFORE = re.compile(r"\b(?:the|their|its|a|an|these|those|this|such)\s+$")


def _judged_dyad(sent: Sentence, pairs: list[tuple[str, str | None]], ctx: Context) -> list[tuple[str, str | None]]:
    """A disapproval of an act (a `definite_acts` noun in the sentence) with no one named as its target ('the move was
    an encroachment on our security', 'condemned the launch'), by one of the two actors the document is about, when
    the other is not named in the sentence: aimed at that other."""
    dyad = ctx.dyad()
    if len(dyad) != 2:
        return pairs
    named = {c for m in sent.mentions for c in m.codes}
    out: list[tuple[str, str | None]] = []
    for a, g in pairs:
        other = dyad[1] if a == dyad[0] else dyad[0] if a == dyad[1] else None
        out.append((a, other) if g is None and other is not None and other not in named else (a, g))
    return out


def _doubted(sent: Sentence, t: TrigHit, lex: Lexicon) -> bool:
    """Whether a `doubting_words` phrase ends at most four words before a nominal trigger, in its clause."""
    lo, _hi = _clause(sent, t.start)
    words = _ws(sent, lo, t.start)[-8:]
    for phrase in lex.word_lists["doubting_words"]:
        p = phrase.split()
        for end in range(max(len(p), len(words) - 4), len(words) + 1):
            if words[end - len(p):end] == p:
                return True
    return False


def _outcome_object(sent: Sentence, t: TrigHit, lex: Lexicon) -> bool:
    """Whether the object right after a trigger (at most four words in) is an outcome (`offer_objects`: a ceasefire,
    talks, the deal) named before any actor."""
    hi = min(_object_end(sent, t, 5), _clause(sent, t.start)[1])
    first = min((m.start for m in sent.mentions if t.end <= m.start < hi and m.codes), default=hi)
    words = _ws(sent, t.end, first)
    return bool(words) and len(words) <= 5 and not lex.offer_objects.isdisjoint(words)


def _bare_verb_after(sent: Sentence, pos: int) -> bool:
    """Whether a bare verb follows ('will help expand trade', 'to help diplomatically resolve'): the help is that act,
    not aid to anyone (not 'help Iran', 'help the army', 'help with', 'help it fight')."""
    j = bisect_left(sent.starts, pos)
    while j < len(sent.words) and sent.words[j].endswith("ly") and not sent.text[pos:sent.starts[j]].strip(" "):
        pos = sent.starts[j] + len(sent.words[j])
        j += 1
    if j >= len(sent.words):
        return False
    w, at = sent.words[j], sent.starts[j]
    if sent.text[pos:at].strip(" "):
        return False  # punctuation between: "helped, ..."
    if w in DETS or w in PREPS or w in AUX or w.endswith("'s") or not w.isalpha() or sent.text[at:at + 1].isupper():
        return False
    return not any(m.start <= at < m.end for m in sent.mentions)


def _limited_support(sent: Sentence, t: TrigHit, lex: Lexicon) -> bool:
    """A support noun followed by a copula and 'limited to' ('Russia's support remained limited to statements')."""
    return t.trig.type == "SUPPORT" and t.trig.pos == "noun" and lex.limited_re is not None and \
        lex.limited_re.match(sent.text, t.end) is not None


_PRESENCE = Trigger("MOBILIZE", "verb", "mobilize", None, None, frozenset(), False, False, False, False, None, None)


_FIRED_BY = Trigger("ASSAULT", "verb", "assault", "auto", "aerial", frozenset(), False, False, False, False, None, None)


@lru_cache(maxsize=4)
def _fired_by_re(projectiles: tuple[str, ...]) -> re.Pattern[str]:
    """A projectile noun, then "(that|which) (was|were|had been) fired|launched by": a passive attack by the agent."""
    nouns = "|".join(re.escape(p) for p in sorted(projectiles, key=len, reverse=True))
    return re.compile(r"\b(?:" + nouns + r")\s+(?:(?:that|which)\s+)?(?:(?:was|were|had been|have been|has been)\s+)?"
                      r"(fired|launched)(?= by )")


def _extra_triggers(sent: Sentence, lex: Lexicon) -> list[TrigHit]:
    """Triggers found by rules rather than phrases: agreements signed, ties built, weapons made by one actor."""
    out = _agree_noun_events(sent, lex)
    low = sent.low
    hint = any(n in low for n in lex.ties_nouns) and lex.ties_hint_re.search(low)  # substrings first: cheap
    for hit in (_tie_matches(sent, lex) if hint else ()):
        if _DET_BEFORE.search(sent.low, max(0, hit.start() - 8), hit.start()):
            continue  # "the deepening ties between them": a participle describing the ties, no act
        if _INDEFINITE.search(hit.group()):
            continue  # "cultivated a relationship rooted in ...": the relationship described, a label
        if lex.ties_purpose.search(sent.text, max(0, hit.start() - 40), hit.start()):
            continue  # "signed a treaty to deepen their ties", "a summit aimed at boosting ties": a purpose, no act
        trig = Trigger("COOPERATE", "verb", "joint", "auto", "diplomatic", frozenset(), False, False, True, True, None, None)
        out.append(TrigHit(hit.start(), hit.end(), trig, hit.group().lower()))
    if "presence" in low:
        for hit in lex.presence_re.finditer(low):
            # "NATO is bolstering its presence in Kosovo": forces built up, no beneficiary (news convention 2)
            out.append(TrigHit(hit.start(), hit.end(), _PRESENCE, hit.group()))
    out.extend(_treaty_content(sent))
    if any(w in low for w in lex.defence_clause_hints):
        for hit in lex.defence_clause_re.finditer(low):
            out.append(TrigHit(hit.start(), hit.end(), _DEFENCE_CLAUSE, hit.group()))
    if " fired by " in low or " launched by " in low:
        for hit in _fired_by_re(tuple(sorted(lex.object_words["projectiles"]))).finditer(low):
            # "intercepted a ballistic missile fired by the Houthis": the fire itself is the by-agent's attack
            out.append(TrigHit(hit.start(1), hit.end(1), _FIRED_BY, hit.group(1)))
    for t in sent.triggers:
        if t.key in lex.word_lists["tell_stems"]:
            # "Wang told French foreign minister X that ...": telling another state's official is talking with it,
            # both ways, as a call is (only with a person as the object: not "told reporters")
            out.append(TrigHit(t.start, t.end, _TOLD_PERSON, t.key))
    if any(w in low for w in lex.treaty_cover_hints):
        for hit in lex.treaty_cover_re.finditer(low):
            out.append(TrigHit(hit.start(), hit.end(), _TREATY_COVER, hit.group()))
    for hit in (_BECAME_MEMBER.finditer(low) if "member" in low else ()):
        nxt = next((m for m in sent.mentions if m.start >= hit.end()), None)
        if not (nxt is not None and _nw(sent, hit.end(), nxt.start) <= 3 and set(nxt.codes) & lex.blocs):
            continue  # "became a member of the Security Council": a seat, no bloc joined (or none resolved)
        # "Finland became the 31st member of the alliance": joining it, both ways (not "steps away from becoming")
        trig = Trigger("AGREE", "verb", "joint", "treaty", None, frozenset(), False, False, False, False, None, None,
                       args=lex.frames["membership"])
        out.append(TrigHit(hit.start(), hit.end(), trig, hit.group()))
    for t in sent.triggers:
        if _limited_support(sent, t, lex):
            # "support remained limited to statements": help beyond words withheld, a negated AID/intervention
            trig = Trigger("AID", "noun", "directed", "intervention", None, frozenset(), False, True, False, False, None, None)
            out.append(TrigHit(t.start, t.end, trig, t.key))
    for m in sent.mentions:
        if m.role == "maker" and any(s >= m.end and s - m.end < 30 and d == "military" for s, _, d in sent.domains):
            trig = Trigger("AID", "noun", "transfer", "military", None, frozenset(), False, False, False, False, None, None)
            out.append(TrigHit(m.start, m.end, trig, "made"))
    return out


def _tie_matches(sent: Sentence, lex: Lexicon) -> Iterator[re.Match[str]]:
    """The tie-building phrases of a sentence (lex.ties); for ASCII text, by the faster pattern on its lower case."""
    return lex.ties_ascii.finditer(sent.low) if sent.text.isascii() else lex.ties.finditer(sent.text)


# a state becoming a member of a bloc (finite forms only: "becoming a member" is a prospect, dev-E07)
_BECAME_MEMBER = re.compile(r"\b(?:became|becomes|become)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}members?\s+of\b")
# a treaty's mutual-defence pledge ("the mutual defence clause", "an attack on either shall be deemed an attack on
# both"): each party's defence of the other, still to come (news convention 1)
_DEFENCE_CLAUSE = Trigger("AID", "noun", "joint", "intervention", None, frozenset(), False, False, False, False, None, None)
_TOLD_PERSON = Trigger("CONSULT", "verb", "joint", None, None, frozenset({"person_object"}), False, False, False, False, None, None)
# a defence treaty said to cover a state ("the X-Y treaty applies to the islands Y holds"): the other party's defence
_TREATY_COVER = Trigger("AID", "noun", "directed", "intervention", None, frozenset(), False, False, False, False, None, None)
_TREATY_CONTENT = Trigger("COOPERATE", "noun", "joint", "auto", None, frozenset(), False, False, False, False, None, None)


def _clause_parties(sent: Sentence, t: TrigHit, pairs: list[tuple[str, str | None]], ctx: Context) -> list[tuple[str, str | None]]:
    """Who pledges defence in a mutual-defence clause: two parties named in the sentence, else those of the pact just
    coded ("the agreement states that an attack on either ..."), never the document's pair; none for one body's own
    clause ("NATO's mutual defence clause": an existing commitment named, no new pledge)."""
    if _POSSESSIVE_END.search(sent.low, max(0, t.start - 7), t.start):
        return []
    named = {c for m in sent.mentions if m.role not in ("attr", "mod") and m.kind not in _NOT_NAMES
             and not m.kind.startswith("coref") for c in m.codes}
    if pairs and all(a in named and b in named for a, b in pairs):
        owner = [m for m in sent.mentions if m.codes and not m.poss and m.end <= t.start and not sent.text[m.end:t.start].strip()]
        if owner and any(a in owner[-1].codes for a, _ in pairs):
            # "would invoke US mutual defense commitments": the one state whose commitment it is defends the other
            return [(a, b) for a, b in pairs if a in owner[-1].codes]
        return pairs
    if not _recent(ctx, "AGREE"):
        return []
    s_, g_ = ctx.last_by_type["AGREE"]
    parts = list(dict.fromkeys([*s_, *g_]))
    return [(a, b) for a in parts for b in parts if a != b] if len(parts) == 2 else []


def _teller_and_told(sent: Sentence, t: TrigHit, pairs: list[tuple[str, str | None]], ctx: Context) -> list[tuple[str, str | None]]:
    """'X told Y's minister (that ...)': only the teller, named before the verb, and the one told, named just after
    it, talk (not a state named in what was told: 'told President Z that Iran would pay'); what was told at talks
    the sentence before coded is those talks again ('The two held talks. He told Xi ...')."""
    if _recent(ctx, "CONSULT"):
        s_, g_ = ctx.last_by_type["CONSULT"]
        met = set(s_) | set(g_)
        pairs = [(a, b) for a, b in pairs if not (a in met and b in met)]
    told = next((m for m in sent.mentions if m.start >= t.end and m.codes), None)
    if told is None or _nw(sent, t.end, told.start) > 4:
        return []
    tellers = {c for m in sent.mentions if m.end <= t.start and m.role != "attr" for c in m.codes}
    return [(a, b) for a, b in pairs if (a in told.codes and b in tellers) or (b in told.codes and a in tellers)]


def _covered_party(sent: Sentence, t: TrigHit) -> list[tuple[str, str | None]]:
    """Who defends whom when a treaty named for two states ('the X-Y security treaty') is said to cover one: the one
    named just after the phrase ('applies to the Y-held islands'), else the other of the one who says so ('X said the
    islands fall within the X-Y treaty'); the other party defends it."""
    lo, hi = max(0, t.start - 50), t.end + 40
    text = sent.text
    named = [m for m in sent.mentions if lo <= m.start and m.end <= hi and len(m.codes) == 1 and (
        text[m.end:m.end + 1] == "-" or text[m.start - 1:m.start] == "-")]
    pair = list(dict.fromkeys(m.codes[0] for m in named))
    if len(pair) != 2:
        return []
    after = next((m for m in sent.mentions if m.start >= t.end and _nw(sent, t.end, m.start) <= 5 and m not in named
                  and set(m.codes) & set(pair)), None)
    if after is not None:
        covered = next(c for c in after.codes if c in pair)
        return [(next(c for c in pair if c != covered), covered)]
    sayer = next((m for m in sent.mentions if m.end <= t.start and m not in named and len(m.codes) == 1
                  and m.codes[0] in pair and m.role != "attr"), None)
    if sayer is None:
        return []
    return [(sayer.codes[0], next(c for c in pair if c != sayer.codes[0]))]


_NOT_NAMES = frozenset({"pair", "pron"})  # mentions that refer back, not name a party
_POSSESSIVE_END = re.compile(r"(?:['’]s?|\bits|\btheir)\s+$")


def _treaty_content(sent: Sentence) -> list[TrigHit]:
    """'a pact that includes provisions for countering threats', 'an accord that extends across trade and security':
    what an agreement provides for is cooperation still to come, when no trigger of its own names it."""
    out: list[TrigHit] = []
    for c in sent.cues.get("provisions", []):
        if not any(a[1] <= c[0] and _nw(sent, a[1], c[0]) <= 8 for a in sent.agree_nouns):
            continue
        lo, hi = _clause(sent, c[0])
        if any(c[1] <= o.start < hi and o.trig.type for o in sent.triggers):
            continue  # "the treaty covers military cooperation": the trigger names it
        out.append(TrigHit(c[0], c[1], _TREATY_CONTENT, c[2]))
    return out


def _attacker_using(sent: Sentence, t: TrigHit, maker: list[str], lex: Lexicon, ctx: Context) -> list[str]:
    """The attacker of an attack in the clause of an 'X-made' weapons mention (the nearest before it, else the first
    after it): who used them, and so got them."""
    lo, hi = _clause(sent, t.start)
    before = sorted((o for o in sent.triggers if lo <= o.start < t.start), key=lambda o: -o.start)
    after = [o for o in sent.triggers if t.start < o.start < hi]  # "X-made drones played a role in Russian attacks"
    for o in before + after:  # the nearest attack before the weapons, else the first after them
        if o.trig.type == "ASSAULT":
            att = [c for c in _codes(_adjacent_agent(sent, o) or left_agent(sent, o, lex, ctx)) if c not in maker]
            if att:
                return att[:1]
    return []


def code_sentence(sent: Sentence, lex: Lexicon, ctx: Context, dates: list[DateMention]) -> list[CodedEvent]:
    """All events of one analysed sentence."""
    events: list[CodedEvent] = []
    seen: set[tuple] = set()
    modifiers = lex.word_lists["weapon_modifier_verbs"]
    if any(t.key in modifiers for t in sent.triggers):
        # "80 attack drones", "strike aircraft": a kind of weapon, no trigger (nor the end of another's object), also
        # where the scan read it as a noun ("Iranian-designed attack drones")
        sent.triggers = [t for t in sent.triggers if not (t.key in modifiers and _weapon_modifier(sent, t, lex))]
    if any("anaphor" in t.trig.need for t in sent.triggers):
        # "the operation" names an attack only just after one; else it is no trigger at all (not an inner attack)
        sent.triggers = [t for t in sent.triggers if "anaphor" not in t.trig.need or named_act(sent, t) or (
            _anaphoric(sent, t) and _recent(ctx, t.trig.type)) or _drills_told(sent, t, lex, ctx)]
    if any(t.trig.pos == "noun" and t.trig.type in _NAME_TYPES and sent.text[t.start:t.start + 1].isupper()
           for t in sent.triggers):
        # "the Defense Security Cooperation Agency": words of a proper name, no trigger
        sent.triggers = [t for t in sent.triggers if not _inside_name(sent, t, lex)]
    if _NAME_CASE.search(sent.text) and not _title_case(sent.text):
        # "Finance Minister Michel Boisvert", "the UN Security Support Mission": a word of a name, no trigger
        sent.triggers = [t for t in sent.triggers if not _in_name(sent, t)]
    raw = [t for t in sent.triggers if t.trig.type] + _extra_triggers(sent, lex)
    # (a stopping verb retyped as a pact ended absorbs the pact: "ended its defence pact with X")
    acts = [(_retype(sent, a, lex) or a) if a.trig.frame == "cease" else a for a in raw]
    swallowed = {id(o) for a in acts for o in absorbed(sent, a, lex) if _needs_ok(sent, a, lex) and not is_irrealis(sent, a, lex)}
    if swallowed:
        # "halted its airstrikes": the halt, not the strikes ("urged Israel to halt its strikes": they go on)
        raw = [t for t in raw if id(t) not in swallowed]
    reverse = "vice versa" in sent.low
    mediators: set[str] | None = None  # the sources of a mediation in this sentence, computed when needed
    for t0 in raw:
        t = _retype(sent, t0, lex)
        if t is None or t.trig.type is None:
            continue
        etype: str = t.trig.type
        if etype == "REJECT" and t.trig.pos == "verb" and any(
                o.trig.type == "CONSULT" and o.start >= t.end and _nw(sent, t.end, o.start) <= 3
                for o in raw):
            continue  # "rejected negotiations with X": the talks refused carry the rejection and its target
        if etype == "AID" and t.trig.pos == "noun" and any(o.trig.type == "AGREE" and o.start == t.start for o in raw):
            continue  # "signed an arms deal": an agreement now, its deliveries to come (convention 4)
        if t.trig.unmoded and any(o.start > t.end and o.trig.type == "CONSULT" and (o.trig.pos == "verb" or o.trig.frame == "mediate")
                                  and _nw(sent, t.end, o.start) <= 2 for o in sent.triggers):
            continue  # "ready to help mediate the Chile-Peru talks": the mediation is the event, not help
        modes = modes_for(sent, t, lex)
        if t.trig.unmoded and "mode" in t.trig.need and (not modes or modes == [None]):
            # "helped Iran with its nuclear energy" is cooperation (a civilian sector found); "helped Iran" alone is aid;
            # "helped Iran build a plant": the verb after it names the event
            if any(o.start > t.end and o.trig.pos == "verb" and o.trig.type and _nw(sent, t.end, o.start) <= 3
                   for o in sent.triggers) or _bare_verb_after(sent, t.end):
                continue
            unmoded = t.trig.unmoded
            t = TrigHit(t.start, t.end, replace(t.trig, type=unmoded, mode="auto", need=t.trig.need - {"mode"},
                                                modes=None, unmoded=None), t.key)
            etype = unmoded
            modes = modes_for(sent, t, lex)
        if t.trig.light and t.trig.type == "AID" and t.trig.pos == "verb" and _sent_for_drills(sent, t, raw, lex):
            continue  # "sent 2,000 soldiers to take part in a joint exercise with Russia": the drills, no aid
        if t.trig.light and t.trig.type == "AID" and modes == [None]:
            earlier: list[str | None] = [e.mode for e in events if e.event == "AID" and e.mode]
            if not earlier or lex.elliptic_re is None or not lex.elliptic_re.match(sent.low, t.end):
                continue
            modes = earlier[-1:]  # "sold S-400s to Turkey but refused to sell similar systems to Iran": the same kind
        if t.trig.type == "AID" and t.trig.pos == "verb" and lex.self_object_re is not None and \
                lex.self_object_re.match(sent.low, t.end):
            continue  # "the right to defend itself", "to defend our people": self-defence, no aid
        if "possessor" in t.trig.need and t.trig.pos == "noun" and _compound_modifier(sent, t):
            continue  # "Hezbollah's aerial defense installations", "its defence cooperation pact": a kind of thing, no aid
        told = _drills_told(sent, t, lex, ctx)  # "the drills" named just before: their parties, if the sentence names none
        only_told = bool(told) and not _needs_ok(sent, t, lex)
        if (t.trig is not _DEFENCE_CLAUSE and t.trig is not _TREATY_COVER and is_irrealis(sent, t, lex)) or (
                not only_told and not _needs_ok(sent, t, lex)) or _document_content(sent, t, lex):
            continue  # (a defence clause is conditional by nature: "any attack on either ..." is no hypothetical)
        if etype == "COOPERATE" and _purpose_of_pact(sent, t, raw, lex):
            continue
        if etype == "CONSULT" and _stalled_talks(sent, t, lex):
            continue
        if etype == "ASSAULT" and _named_conflict(sent, t, lex):
            continue
        if etype == "CONSULT" and _unnamed_body_meets(sent, t, lex):
            continue
        if etype == "COOPERATE" and t.trig.pos == "noun" and (_talk_topic(sent, t) or _purpose_object(sent, t, lex)):
            continue
        if "mode" in t.trig.need and (not modes or modes == [None]):
            continue
        if etype == "AGREE" and modes == [None] and ctx.last_agree_mode and _recent(ctx, "AGREE") and (
                set(_prev_ws(sent, t.start, 2)) & {"the", "this", "that"}):
            modes = [ctx.last_agree_mode]  # "the accord was ratified": the treaty named just before
        pairs: list[tuple[str, str | None]]
        sent_for: list[tuple[str, str | None]] = []
        if t.key == "made":
            src = [t_m for t_m in sent.mentions if t_m.start == t.start]
            sc = _codes(src)
            others = [c for c in other_actors(sent, t, sc) if not c.endswith("_MILITIAS")]
            dyad = ctx.dyad()
            if sc and sc[0] in dyad and len(dyad) == 2:
                others = [c for c in dyad if c != sc[0]]
            attacker = _attacker_using(sent, t, sc, lex, ctx)
            if attacker:
                others = attacker  # "struck X with Western-supplied weapons": the maker aids the attacker
            elif not mention_data().transfer_suffix.match(sent.low, t.end):  # a transfer suffix, not just an origin
                others = []  # "its Russian-made missiles": where weapons were made, no transfer told
            pairs = [(sc[0], others[0])] if sc and others else []
        elif only_told:
            pairs = list(told)
        else:
            pairs = _pairs_for(sent, t, lex, ctx)
            sent_for = _sender_and_host(sent, t, raw, lex, ctx) if etype == "COOPERATE" else []
            if sent_for:
                pairs = sent_for  # "Turkey sent helicopters to Azerbaijan for joint drills": the sender and the host
            if etype == "ACCUSE" and any(g is None for _, g in pairs) and not lex.word_lists["definite_acts"].isdisjoint(sent.words):
                pairs = _judged_dyad(sent, pairs, ctx)
        if t.trig is _DEFENCE_CLAUSE:
            pairs = _clause_parties(sent, t, pairs, ctx)
        if t.trig is _TREATY_COVER:
            pairs = _covered_party(sent, t)
        if t.trig is _TOLD_PERSON:
            pairs = _teller_and_told(sent, t, pairs, ctx)
        if pairs and not only_told and not sent_for and etype == "COOPERATE" and t.trig.pos == "noun" and lex.frame_of(t.trig).name in (
                "joint_subject", "drills"):
            # "the U.S. and South Korea resumed the drills": drills are joint only among a pair named together
            together = _coordinated_parties(sent, t) or set(drills_between(sent, t, lex))
            if together:
                together = together | set(drill_participants(sent, t, lex))  # "Z took part in drills held by X and Y"
            partners = _drill_partners(sent, t) if not together else set()
            if partners:
                # "Peru held military exercises with Chile": the subject drills with those named after "with"
                pairs = [p for p in pairs if p[0] in partners or p[1] in partners]
            else:
                pairs = [p for p in pairs if p[0] in together and p[1] in together]
        if not pairs and told:
            pairs = told
        if pairs and t.trig.frame == "joint":
            between = _between_parties(sent, t)
            if len(between) >= 2:
                # "counting on talks between Iran and the United States": the parties are the two named, not the speaker
                pairs = [p for p in pairs if p[0] in between and p[1] in between]
        if pairs and etype == "AID" and t.trig.pos == "noun" and t.trig.frame == "directed" and \
                t.trig.mode == "intervention":
            between = _between_parties(sent, t)
            if len(between) == 2:
                # "a treaty on security guarantees between Russia and Belarus": given both ways (mutual)
                a, b = sorted(between)
                pairs = [(a, b), (b, a)]
        if pairs and t.trig.pos == "noun" and (etype in _TOPIC_TYPES or (
                etype == "SUPPORT" and _prev_ws(sent, t.start, 1) in (["of"], ["for"]))):  # "accused X of backing ..."
            accusers = _accusers_before(sent, t, raw, lex, ctx)
            if accusers:
                # "blamed Ethiopia for stalled talks", "accuses France of fomenting war with arms sales": what the
                # accusation is about is not the accuser's own act
                joint = t.trig.frame == "joint"
                pairs = [p for p in pairs if p[0] not in accusers and not (joint and p[1] in accusers)]
        if pairs and etype in _PARTICIPANT_TYPES and any(g and _adjunct_subject(sent, t, g) for _, g in pairs):
            # "reiterated support for the country following China's actions", "hardly intervened as Azerbaijan
            # tightened its grip", "the signing comes months after X and Y fought": the actor of a time or cause
            # clause is no beneficiary or party
            if etype == "AID":
                # "Russian peacekeepers stood by as Azerbaijani troops seized the enclave": help withheld from
                # someone unnamed, not from the attacker
                pairs = list(dict.fromkeys((p[0], None if p[1] and _adjunct_subject(sent, t, p[1]) else p[1])
                                           for p in pairs))
            else:
                # (a joint act keeps a party that also acts in it: "the signing of the pact comes months after
                # Pakistan and India fought", Pakistan being a signer just named, its partner signs with it too)
                acting = {a for a, _ in pairs} if t.trig.frame == "joint" else set()
                pairs = [p for p in pairs if not (p[1] and p[1] not in acting and _adjunct_subject(sent, t, p[1]))]
            if not pairs:
                continue
        if pairs and etype == "AID" and t.trig.frame in ("transfer", "receive") and \
                any(g and _goods_origin(sent, t, g) for _, g in pairs):
            # "agreed to station Russian nuclear weapons", "based on Israeli missile technology": where the goods
            # come from, not who receives them
            # the goods' origin supplies them to the one who takes them ("Belarus agreed to station Russian weapons"),
            # not where a design comes from ("based on Israeli missile technology")
            turned: list[tuple[str, str | None]] = []
            for a, g in pairs:
                if g and _goods_origin(sent, t, g):
                    if _origin_supplies(sent, t, g) and (g, a) not in turned:
                        turned.append((g, a))
                elif (a, g) not in turned:
                    turned.append((a, g))
            pairs = turned
            if not pairs:
                continue
        if pairs and etype == "ACCUSE" and t.trig.pos == "verb" and not any(g for _, g in pairs):
            makers = _condemned_makers(sent, t, [p[0] for p in pairs])
            if makers:
                # "condemned the agreement between X, Y and Z", "protested a post by N, the Chinese consul": the
                # makers of the thing condemned are the ones judged
                pairs = [(p[0], g) for p in pairs for g in makers]
        if pairs and etype in ("ACCUSE", "THREATEN") and not any(g for _, g in pairs):
            reacted = _reacted_to(sent, [p[0] for p in pairs])
            if reacted:
                # "Russia threatened countermeasures after Finland joined NATO", "After Netanyahu speculated ...,
                # Putin cautioned that ...": the one whose act is answered
                pairs = [(p[0], g) for p in pairs for g in reacted]
        if t0.trig.type == "THREATEN" and etype == "ACCUSE" and not any(g for _, g in pairs):
            continue  # "warned that the strike undermined the talks", with no attacker known: no one judged
        if not pairs:
            continue
        if t.trig.pos == "noun" and t.trig.frame in ("speech",) and not _explicit(sent, t, pairs):
            continue
        if t.trig.pos == "noun" and not _nominal_ok(sent, t, modes, lex):
            continue
        if etype in ("CONSULT", "AGREE") and t.trig.frame == "joint" and mediators is None:
            mediators = {p[0] for o in raw if o.trig.frame == "mediate" for p in _pairs_for(sent, o, lex, ctx)}
        if etype in ("CONSULT", "AGREE") and t.trig.frame == "joint" and mediators:
            # "Qatar mediated talks between Israel and Hamas": the parties talk; the mediator consults each of them
            # ("the deal brokered by Qatar": the parties agree, not the mediator)
            pairs = [p for p in pairs if p[0] not in mediators and p[1] not in mediators]
            if not pairs:
                continue
        if etype == "COOPERATE" and t.trig.frame == "joint" and modes == ["intelligence"]:
            giver = _possessor_before(sent, t) or _codes(left_agent(sent, t, lex, ctx))
            if len(giver) == 1 and any(p[0] == giver[0] for p in pairs):
                # "its intelligence sharing with Kyiv": intelligence passed one way (news convention 3)
                pairs = [p for p in pairs if p[0] == giver[0]]
        if etype in ("COOPERATE", "CONSULT") and t.trig.frame == "joint" and len(pairs) == 2 and _readiness_before(sent, t, lex):
            actor = _one_party(sent, t, lex, ctx)
            if actor and any(p[0] == actor for p in pairs):
                pairs = [p for p in pairs if p[0] == actor]  # '"We are ready for full cooperation with Iran"': one promise
        if etype == "AGREE" and t.trig.frame == "joint" and _one_sided_agree(sent, t, lex):
            actor = _one_party(sent, t, lex, ctx)
            if actor and any(p[0] == actor for p in pairs):
                pairs = [p for p in pairs if p[0] == actor]  # "Greece ratified the deal": Greece's act alone
        elif etype == "AGREE" and t.trig.frame == "joint" and t.trig.pos == "noun" and len(by := _ratified_by(sent, t, lex)) == 1 \
                and any(p[0] == by[0] for p in pairs):
            pairs = [p for p in pairs if p[0] == by[0]]  # "the agreement ... as it is ratified by the Turkish parliament"
        if etype == "AID" and (rec := _RECIPROCAL.search(sent.low, t.end, _clause(sent, t.start)[1])) and len(pairs) == 2 and \
                pairs[0] == (pairs[1][1], pairs[1][0]) and not lex.owed_aid_re.search(sent.low, t.start, rec.start()):
            # "will deploy both countries' troops on each other's soil": help given both ways is cooperation (not
            # "obliged to provide military assistance to each other": aid each owes the other, both ways)
            etype = "COOPERATE"
            modes = ["military" if m in ("military", "intervention") else m for m in modes]
        if etype == "COOPERATE" and t.trig.frame in ("directed", "named_object") and len(pairs) == 1 and pairs[0][1] and \
                {pairs[0][0], pairs[0][1]} <= set(_codes(left_agent(sent, t, lex, ctx))):
            # "the two countries will build corridors to Iranian ports": both parties act, so both ways
            pairs = [pairs[0], (pairs[0][1], pairs[0][0])]
        if etype == "COOPERATE" and not t.trig.ties and t.trig is not _TREATY_CONTENT and _provided_for(sent, t):
            # "the treaty includes a system to help track grain": what an agreement provides is joint, both ways
            pairs = list(dict.fromkeys([*pairs, *((g, a) for a, g in pairs if g is not None)]))
        if t.trig.ties and len(pairs) == 2:
            pledger = _pledging_party(sent, t, lex)
            if pledger and any(p[0] == pledger for p in pairs):
                pairs = [p for p in pairs if p[0] == pledger]  # "it was his will to develop relations": its own promise
        neg = negated(sent, t, lex)
        speaker = speaker_of(sent, t, lex)
        modality = modality_of(sent, t, [p[0] for p in pairs], speaker, lex)
        # (the type first: a trigger equal to either is an AID, and comparing dataclasses field by field is slow)
        if t.trig.type == "AID" and t.trig in (_DEFENCE_CLAUSE, _TREATY_COVER) and modality in ("asserted", "reported", "hedged"):
            modality = "future"  # a pledge of defence: "would be deemed an aggression against both" is no hedge
        if t.trig is _TREATY_CONTENT and modality in ("asserted", "reported"):
            modality = "future"  # what the agreement provides for is still to be carried out
        if modality == "asserted" and _headline_infinitive(sent, t):
            modality = "future"  # "Trump administration to resume military aid to Ukraine": a headline's "X to do" (dev-B04)
        if etype == "AID" and modality in ("asserted", "reported"):
            if t.trig.frame == "receive" and t.key.split(" ", 1)[0] in lex.word_lists["awaiting_verbs"]:
                modality = "future"  # "Kyiv expects more air defence systems from Germany": a delivery to come
            elif not neg and _offered(sent, t, lex):
                modality = "future"  # "US offers defensive assurances to Saudi Arabia": aid pledged, still to come (dev-G01)
            elif t.trig.pos == "noun" and _discussed(sent, t, lex):
                if not _aid_parties_named(sent, t, lex):
                    continue  # "the two discussed military aid": who would give it to whom is not told
                modality = "hedged"  # "Kyiv and Berlin discussed more aid to Ukraine": talked over, not given
        attribution = speaker[0] if speaker else None
        if etype == "ASSAULT" and modality in ("future", "hedged") and not neg and speaker and _own_attack(pairs, speaker[1]) \
                and t.trig.pos == "verb" and not _MODALS.isdisjoint(_prev_ws(sent, t.start, 3)):
            # "Erdogan boasted that Turkey could invade Israel": a state telling of its own attack to come threatens
            etype, modes, modality, attribution = "THREATEN", ["military"], "asserted", None
        if etype == "ASSAULT" and not neg and t.trig.pos == "verb" and _vowed_attack(sent, t, lex):
            # "the Houthis vowed to attack Israel": the attack is only threatened
            etype, modes, modality, attribution = "THREATEN", ["military"], "asserted", None
        if attribution and modality == "asserted":
            attribution = None
        if etype == "AGREE":
            date = _agreement_date(sent, t, dates, lex)
        else:
            date = date_for(sent, t, dates)
        if reverse and t.trig.frame != "joint":
            pairs = pairs + [(g, s_) for s_, g in pairs if g]
        for s_, g in pairs:
            if g and etype not in ("ASSAULT", "COERCE") and _region_only(sent, g, lex):
                continue  # "Putin visited Crimea": a region names its state only as the ground attacked or seized
            for mode in modes:
                key = (s_, etype, g, mode, neg)
                if key in seen:
                    continue
                seen.add(key)
                events.append(CodedEvent(s_, etype, g, mode, date, modality, neg, attribution))
        if etype == "AGREE" and pairs and pairs[0][1] and not neg:
            supply = _arms_deal_supply(sent, t, pairs[0], lex)
            if supply is not None and (supply[0], "AID", supply[1], "military", False) not in seen:
                # an arms deal signed: the supplier's deliveries are still to come (news convention 4)
                seen.add((supply[0], "AID", supply[1], "military", False))
                events.append(CodedEvent(supply[0], "AID", supply[1], "military", date, "future", False, attribution))
        if etype == "AGREE" and modes[0] is not None:
            ctx.last_agree_mode = modes[0]
        ctx.last_by_type[etype] = (tuple(dict.fromkeys(p[0] for p in pairs)), tuple(dict.fromkeys(p[1] for p in pairs if p[1])))
        ctx.last_index[etype] = ctx.index
        if etype == "COOPERATE" and t.trig.pos == "noun" and t.key.rsplit(" ", 1)[-1] in lex.word_lists["drill_nouns"]:
            drillers = tuple(dict.fromkeys(c for p in pairs for c in p if c))
            if len(drillers) >= 2:
                ctx.last_drills, ctx.last_drills_index = drillers, ctx.index
    if any(e.event == "AID" and e.target is None and e.mode in ("military", "economic") for e in events):
        events = _recipient_lost(sent, events)
    defended = {(e.source, e.target) for e in events if e.event == "AID" and e.mode == "intervention" and not e.negated}
    if defended:
        # "X helped intercept the weapons in the strike on Y": the defender is not the attacker of the defended
        events = [e for e in events if not (e.event == "ASSAULT" and (e.source, e.target) in defended)]
    for s_, g in _conditional_warnings(sent, lex, ctx):
        if (s_, "THREATEN", g, "warn", False) not in seen:
            seen.add((s_, "THREATEN", g, "warn", False))
            events.append(CodedEvent(s_, "THREATEN", g, "warn", None, "asserted", False, None))
    return _merge(events, _two_agreements(sent, events))


_CLAUSE_PUNCT_RE = re.compile(r"[,;:()]")
_NEXT_WORD = re.compile(r" ([a-z][\w-]*)")
_GRAMMAR = PREPS | DETS | AUX | CLAUSE_WORDS


def _compound_modifier(sent: Sentence, t: TrigHit) -> bool:
    """Whether a noun trigger modifies the noun right after it ("defense installations"), not heads its phrase."""
    m = _NEXT_WORD.match(sent.text, t.end)
    return m is not None and m.group(1) not in _GRAMMAR


_PARTICIPANT_TYPES = frozenset({"AID", "SUPPORT", "AGREE", "CONSULT", "COOPERATE"})
_OPENERS = frozenset("as after following when while amid since because before until once".split())
_REACTION_OPENERS = frozenset({"after", "following", "because"})  # what a threat or judgement answers


def _reacted_to(sent: Sentence, sources: list[str]) -> list[str]:
    """The states of the one actor (or coordinated list) named right after "after", "following" or "because"
    ("after Finland joined", "After Netanyahu speculated", "after Sweden and Norway signed"), other than the
    sources; [] when none or several."""
    found: set[tuple[str, ...]] = set()
    for m in sent.mentions:
        if not m.codes or m.kind in ("pron", "pair") or m.codes[0] in sources:
            continue
        prev = [w for w in _prev_ws(sent, m.start, 2) if w not in DETS]
        if prev and prev[-1] in _REACTION_OPENERS:
            found.add(tuple(c for c in _codes(_group(sent, m)) if c not in sources))
    return list(found.pop()) if len(found) == 1 else []


def _adjunct_subject(sent: Sentence, t: TrigHit, code: str) -> bool:
    """Whether a state is named (pronouns and pairs aside) only after the trigger, each time right after a clause or time
    opener ("as Azerbaijan", "following China's"): the actor of that clause, not the trigger's object."""
    ms = [m for m in sent.mentions if code in m.codes and m.kind not in ("pron", "pair")]
    if not ms or any(m.start < t.end for m in ms):
        return False
    for m in ms:
        head = next((x for x in sent.mentions if x.group == m.group), m) if m.group >= 0 else m
        prev = [w for w in _prev_ws(sent, head.start, 2) if w not in DETS]
        if not prev or prev[-1] not in _OPENERS:
            return False
    return True


_BY_PERSON_APPOS = re.compile(r" (?:[\w'-]+ ){0,5}by (?:[A-Z][\w.'-]* ){0,3}[A-Z][\w.'-]*, (?:the|a|an) ")


def _condemned_makers(sent: Sentence, t: TrigHit, sources: list[str]) -> list[str]:
    """The states that made what a condemnation verb's object names: a "by X" or "between X and Y" phrase in
    that object, or a person's nationality in an apposition after "by N," (at most eight words on, no trigger
    between)."""
    _lo, hi = _clause(sent, t.start)
    m = next((x for x in sent.mentions if x.start >= t.end and x.codes and x.role != "attr"), None)
    if m is None or m.start >= hi or _nw(sent, t.end, m.start) > 8 or \
            any(t.end <= o.start < m.start and o.trig.type for o in sent.triggers):
        return []
    if m.prep in ("by", "between"):
        codes = _codes(_conjuncts(sent, m, hi) if m.prep == "between" else _group(sent, m))
    elif m.kind == "adj" and _BY_PERSON_APPOS.fullmatch(sent.text, t.end, m.start):
        codes = list(m.codes)
    else:
        return []
    return [c for c in codes if c not in sources]


def _goods_origin(sent: Sentence, t: TrigHit, code: str) -> bool:
    """Whether a state is named after the trigger only by adjectives of goods ("Russian tactical nuclear weapons":
    a domain word at most two words on), none after "to" or "for" (the recipient's "to Ukrainian air defence units")."""
    ms = [m for m in sent.mentions if code in m.codes and not _pronoun(m) and m.start >= t.end]
    if not ms:
        return _goods_named_before(sent, t, code)
    for m in ms:
        prev = [w for w in _prev_ws(sent, m.start, 2) if w not in DETS]
        if m.role != "mod" or m.kind != "adj" or (prev and prev[-1] in TRANSFER_PREPS):
            return False
        if t.trig.pos == "noun" and _OF_GOODS.fullmatch(sent.low, t.end, m.start):
            continue  # "the delivery of 10 recently arrived Russian armored vehicles": the goods the noun names
        nxt = next((d for d in sent.domains if d[0] > m.end), None)
        if nxt is None or len(_ws(sent, m.end, nxt[0])) > 2 or \
                _CLAUSE_PUNCT_RE.search(sent.text, m.end, nxt[0]):
            return False
    return True


_OF_GOODS = re.compile(r"\s+of\s+(?:(?:the|some|more|new|additional|[\d,]+|[a-z]+ly|[a-z]+ed)\s+)*")


def _pronoun(m: Mention) -> bool:
    """A pronoun or a resolved reference ("their", "the two countries"), not a name."""
    return m.kind in ("pron", "pair") or m.kind.startswith("coref:")


def _goods_named_before(sent: Sentence, t: TrigHit, code: str) -> bool:
    """Whether a state is named before a nominal transfer trigger only as the adjective of goods in an earlier
    phrase ("requested advanced Russian air defense systems ... and shipments are on their way"): a domain word
    right after each adjective, and none of them the trigger's own modifier (its officials aside: "a visit by a
    top Moscow official")."""
    ms = [m for m in sent.mentions if code in m.codes and not _pronoun(m) and m.end <= t.start and m.role != "attr"]
    if t.trig.pos != "noun" or not ms:
        return False
    for m in ms:
        if m.role != "mod" or m.kind != "adj" or len(_ws(sent, m.end, t.start)) <= 4:
            return False
        nxt = next((d for d in sent.domains if d[0] > m.end), None)
        if nxt is None or nxt[0] - m.end > 12 or _CLAUSE_PUNCT_RE.search(sent.text, m.end, nxt[0]):
            return False
    return True


def _origin_supplies(sent: Sentence, t: TrigHit, code: str) -> bool:
    """Whether the state an adjective of the goods names is their supplier: not after "on" ("based on Israeli
    technology": a design's origin)."""
    m = next(m for m in sent.mentions if code in m.codes and not _pronoun(m))
    return _prev_ws(sent, m.start, 1) not in (["on"], ["upon"])


def _recipient_lost(sent: Sentence, events: list[CodedEvent]) -> list[CodedEvent]:
    """Arms or money with no recipient, where the sentence names another state ("Russia and India signed a contract
    to supply the systems", "India: Russia begun delivering") or the giver's aid to someone is coded too: the
    recipient was missed, and a record with none is wrong; with no one else named ("France also sent air
    defences") the record stays."""
    named = {c for m in sent.mentions for c in m.codes}
    given = {e.source for e in events if e.event == "AID" and e.target is not None}
    return [e for e in events if not (e.event == "AID" and e.target is None and e.mode in ("military", "economic") and (
        e.source in given or named - {e.source}))]


_NAME_CASE = re.compile(r"[a-z,;]\s+[A-Z][a-z]+\s+[A-Z]")  # a capitalised word inside a sentence, before another
_CAP_WORD = re.compile(r"[A-Z][\w'-]*")


def _title_case(text: str) -> bool:
    """A headline in title case ("Kenya On Standby As US Raises Funds"): its capitals name nothing."""
    words = text.split()
    return len(words) >= 3 and sum(1 for w in words if "A" <= w[0] <= "Z") * 2 > len(words)  # _CAP_WORD.match(w)


def _in_name(sent: Sentence, t: TrigHit) -> bool:
    """A capitalised one-word trigger inside a run of capitalised words, not opening the sentence: part of a name
    or title ("Finance Minister", "Security Support Mission"); a named operation ("Operation Sindoor") stays."""
    if " " in t.key or not sent.text[t.start:t.start + 1].isupper() or t.start == 0 or "anaphor" in t.trig.need:
        return False
    before = sent.text[max(0, t.start - 30):t.start].rstrip().rsplit(" ", 1)[-1]
    after = sent.text[t.end:t.end + 30].lstrip().split(" ", 1)[0]
    return bool(_CAP_WORD.fullmatch(before.strip("\"'(")) and before[:1].isupper() and not before.endswith((".", ":")))\
        or bool(after[:1].isupper() and _CAP_WORD.match(after))


def _vowed_attack(sent: Sentence, t: TrigHit, lex: Lexicon) -> bool:
    """'Iran vowed to strike Israel': an attack verb right after a vow or a threat to do it."""
    before = sent.low[max(0, t.start - 40):t.start].rstrip()
    return any(before.endswith(" " + w) or before == w for w in lex.word_lists["threat_vows"])


_CONDITION = re.compile(r"(?:\bif|\bunless|[,;:\u201c\"]\s*should)\s+[^;]{0,60}$")
_WILL_AFTER = re.compile(r"\s+(?:will|shall|is going to|are going to)\b")


def _conditional_warnings(sent: Sentence, lex: Lexicon, ctx: Context) -> list[tuple[str, str]]:
    """'Should Iran target our forces, the United States will take every measure': a state saying what it will do
    if another attacks warns that other (THREATEN/warn), though the attack itself is no event."""
    out: list[tuple[str, str]] = []
    for t in sent.triggers:
        if t.trig.type != "ASSAULT":
            continue
        if not _CONDITION.search(sent.low, max(0, t.start - 100), t.start):
            continue
        comma = sent.text.find(",", t.end)
        if comma < 0:
            continue
        attackers = _codes(left_agent(sent, t, lex, ctx))
        main = [m for m in sent.mentions if comma < m.start and m.codes and m.prep is None and not m.poss
                and _WILL_AFTER.match(sent.low, m.end) and _nw(sent, comma, m.start) <= 3
                and any(m.end < c[0] and _nw(sent, m.end, c[0]) <= 3 for c in sent.cues.get("response", ()))]
        for m in main[:1]:
            out.extend((c, a) for c in m.codes for a in attackers if c != a)
    return out


_MODALS = frozenset({"could", "would", "will", "might", "may", "shall"})


def _own_attack(pairs: list[tuple[str, str | None]], speakers: tuple[str, ...]) -> bool:
    """Whether every attacker of an attack told as to come is the state of the one telling it."""
    return bool(speakers) and bool(pairs) and all(p[0] in speakers and p[1] for p in pairs)


def _purpose_of_pact(sent: Sentence, t: TrigHit, raw: list[TrigHit], lex: Lexicon) -> bool:
    """Whether the trigger is the purpose of an agreement or a meeting just before it ("signed a treaty to deepen
    their ties", "consult regularly to coordinate"): its aim, not an act of its own. A verb right before the
    purpose marker ("vowed to expand") makes it a complement, not a purpose."""
    if lex.purpose_re is None:
        return False
    m = lex.purpose_re.search(sent.low, max(0, t.start - 30), t.start)
    if m is None:
        return False
    lo, _hi = _clause(sent, t.start)
    for o in raw:
        if o is t or o.trig.type not in ("AGREE", "CONSULT") or not lo <= o.start < o.end <= m.start():
            continue
        gap = _nw(sent, o.end, m.start())
        if gap <= 4 and (o.trig.pos == "noun" or gap >= 1) and not any(
                ch in sent.text[o.end:m.start()] for ch in ",;:"):
            return True
    return False


def _sender_and_host(sent: Sentence, t: TrigHit, raw: list[TrigHit], lex: Lexicon, ctx: Context) -> list[tuple[str, str | None]]:
    """'Turkey sent helicopters to Azerbaijan for joint military drills': drills named as the purpose ("for") of forces
    or equipment sent to a state are held by the sender and that state, both ways; else []."""
    if t.trig.pos != "noun" or _prev_ws(sent, t.start, 1) != ["for"]:
        return []
    lo, _hi = _clause(sent, t.start)
    for o in raw:
        if o.trig.type == "AID" and o.trig.pos == "verb" and o.trig.light and lo <= o.start and o.end <= t.start:
            sent_to = [(a, b) for a, b in _pairs_for(sent, o, lex, ctx) if b is not None and a != b]
            if len(sent_to) == 1:
                a, b = sent_to[0]
                return [(a, b), (b, a)]
    return []


def _drill_partners(sent: Sentence, t: TrigHit) -> set[str]:
    """The actors of a "with X (and Y)" phrase right after a trigger (at most two words between), in its clause."""
    lo, hi = _clause(sent, t.start)
    if any(o is not t and o.trig.type and lo <= o.start and o.end <= t.start for o in sent.triggers):
        return set()  # "Peru criticized the exercises with Chile": another act stands between
    first = next((m for m in sent.mentions if m.start >= t.end), None)
    if first is None or first.start >= hi or first.prep != "with" or not first.codes or _nw(sent, t.end, first.start) > 3:
        return set()
    return {c for m in sent.mentions if m.group == first.group and m.start < hi for c in m.codes}


def _coordinated_parties(sent: Sentence, t: TrigHit) -> set[str]:
    """The states of the nearest coordinated list ("the U.S. and South Korea", "Chile, Peru and Bolivia") before a
    trigger in its clause with no other trigger between, or right after it with "by"; empty when none names a pair."""
    lo, hi = _clause(sent, t.start)
    groups: dict[int, set[str]] = {}
    ends: dict[int, int] = {}
    by_groups: set[int] = set()
    for m in sent.mentions:
        by = m.prep == "by" and m.start >= t.end and (_nw(sent, t.end, m.start) <= 3 or m.group in by_groups)
        if by:
            by_groups.add(m.group)  # "drills held by X and Y": the whole list after "by"
        if m.codes and lo <= m.start < hi and m.group >= 0 and (m.end <= t.start or by):
            groups.setdefault(m.group, set()).update(m.codes)
            ends[m.group] = m.end
    pairs = [g for k, g in groups.items() if len(g) >= 2 and not any(
        o is not t and o.trig.type and ends[k] <= o.start and o.end <= t.start for o in sent.triggers)]
    return pairs[-1] if pairs else set()  # (not "X and Y criticised the drills": another act stands between)


_TOPIC_TYPES = frozenset({"CONSULT", "COOPERATE", "AGREE", "AID"})


def _accusers_before(sent: Sentence, t: TrigHit, raw: list[TrigHit], lex: Lexicon, ctx: Context) -> set[str]:
    """The sources of an accusation or warning (a verb, or a noun with its target) at most ten words before a nominal
    trigger in the same clause: the trigger names what they accuse or warn about."""
    lo, _hi = _clause(sent, t.start)
    out: set[str] = set()
    for o in raw:
        if o.trig.type in ("ACCUSE", "THREATEN") and lo <= o.start and o.end <= t.start and _nw(sent, o.end, t.start) <= 10:
            out.update(p[0] for p in _pairs_for(sent, o, lex, ctx) if p[1])
    return out


def _unnamed_body_meets(sent: Sentence, t: TrigHit, lex: Lexicon) -> bool:
    """'after the security Cabinet met': a body noun right before a meeting verb, no state named in its phrase and
    no party after the verb: a domestic meeting, whoever else the sentence names."""
    if t.trig.pos != "verb" or " with" in t.key:
        return False
    prev = _prev_ws(sent, t.start, 1)
    if not prev or prev[0] not in lex.word_lists["body_nouns"]:
        return False
    if _next_ws(sent, t.end, _clause(sent, t.start)[1], 1)[:1] in (["with"], ["between"]):
        return False
    return not any(m.end <= t.start and _nw(sent, m.end, t.start) <= 4 for m in sent.mentions if m.codes)


def _named_conflict(sent: Sentence, t: TrigHit, lex: Lexicon) -> bool:
    """'amid rising Israel-Iran clashes', 'India-China clash:': a conflict named by its parties (the names a
    modifier of a background noun, casus.events.mentions) is background, not an attack (gold: background wars)."""
    if t.key not in lex.background_nouns:
        return False
    return any(m.role == "mod" and 0 <= t.start - m.end <= 1 for m in sent.mentions)


def _arms_deal_supply(sent: Sentence, t: TrigHit, pair: tuple[str, str | None], lex: Lexicon) -> tuple[str, str] | None:
    """(supplier, buyer) of an arms deal: weapons named at the agreement, and a verb saying who buys or who sells
    ('signed a deal with Russia to acquire missiles': Russia supplies). None when the text does not say."""
    subject, other = pair
    if other is None:
        return None
    lo, hi = _clause(sent, t.start)
    near = _ws(sent, max(lo, t.start - 40), min(len(sent.text), t.end + 120))
    if not any(w in lex.arms_words for w in near):
        return None
    after = _ws(sent, t.end, min(len(sent.text), t.end + 120))
    for i, w in enumerate(after[1:], 1):
        if after[i - 1] != "to":
            continue  # only the deal's purpose ("to acquire", "to supply"), not "the purchase of"
        if w in lex.arms_buy:
            return (other, subject)
        if w in lex.arms_sell:
            if _goods_origin(sent, t, other):
                return (other, subject)  # "agreed to station Russian nuclear weapons": Russia's weapons, hosted
            return (subject, other)
    return _deal_buyer_or_maker(sent, t, pair, lex)


def _deal_buyer_or_maker(sent: Sentence, t: TrigHit, pair: tuple[str, str | None], lex: Lexicon) -> tuple[str, str] | None:
    """(supplier, buyer) of an arms deal from the buyer after "for" ("a missile deal for Ukraine") or the maker's
    adjective on the weapons ("includes an order for three French frigates"), either one of the deal's parties."""
    subject, other = pair
    if other is None:
        return None
    for m in sent.mentions:
        if m.start < t.end or m.start > t.end + 120 or not m.codes or m.codes[0] not in pair:
            continue
        if m.prep == "for" and _nw(sent, t.end, m.start) <= 6 and m.kind not in ("pron", "adj"):
            return (other, subject) if m.codes[0] == subject else (subject, other)  # the buyer
        nxt = _next_ws(sent, m.end, len(sent.text), 1)
        if m.kind == "adj" and nxt and nxt[0] in lex.arms_words:
            return (m.codes[0], other if m.codes[0] == subject else subject)  # the maker
    return None


def _one_sided_agree(sent: Sentence, t: TrigHit, lex: Lexicon) -> bool:
    """Ratifying or signing into law: named by the trigger itself, just after a signing verb, or in the five words
    before an agreement noun ("the vote to ratify the deal")."""
    lo, _hi = _clause(sent, t.start)
    if t.trig.pos == "verb":
        window = sent.text[t.start:min(len(sent.text), t.end + 10)]
    else:
        window = " ".join(_ws(sent, max(lo, t.start - 60), t.start)[-5:] + [t.key])
    return bool(lex.agree_one_sided.search(window))


def _readiness_before(sent: Sentence, t: TrigHit, lex: Lexicon) -> bool:
    """Whether a `readiness_words` word, "for" or "to" and at most one word come right before the trigger."""
    before = _prev_ws(sent, t.start, 3)
    for i, w in enumerate(before):
        if w in lex.word_lists["readiness_words"] and i + 1 < len(before) and before[i + 1] in ("for", "to") and \
                len(before) - i - 2 <= 1:
            return True
    return False


_PASSIVE_BE = re.compile(r"\b(?:is|was|are|were|be|been|being)\s+(?:\w+\s+)?$")


def _ratified_by(sent: Sentence, t: TrigHit, lex: Lexicon) -> list[str]:
    """The agent of a passive one-sided verb at most 60 characters after an agreement noun ("the agreement would be
    public as it is ratified by the Turkish parliament"): the state that ratifies; [] if none."""
    hit = lex.agree_one_sided.search(sent.text, t.end, min(len(sent.text), t.end + 60))
    if hit is None or not sent.low.startswith(" by ", hit.end()) or not _PASSIVE_BE.search(sent.low, max(0, hit.start() - 30),
                                                                                         hit.start()):
        return []
    by = [m for m in sent.mentions if m.start >= hit.end() and m.prep == "by" and m.codes and _nw(sent, hit.end(), m.start) <= 3]
    return list(by[0].codes) if by else []


def _one_party(sent: Sentence, t: TrigHit, lex: Lexicon, ctx: Context) -> str | None:
    """The single actor that acts (no pair, no coordinated group), or None. The act named by a noun ("Russia's
    ratification") is its possessor's or adjective's; "X called the simultaneous ratification ..." names no one party."""
    if t.trig.pos == "noun" and lex.agree_one_sided.fullmatch(t.key):
        owner = _possessor_before(sent, t) or _codes(
            [m for m in sent.mentions if m.kind == "adj" and m.end <= t.start and len(_ws(sent, m.end, t.start)) <= 1])
        return owner[0] if len(owner) == 1 else None
    agent = left_agent(sent, t, lex, ctx)
    codes = _codes(agent)
    if len(codes) != 1 or any(m.kind == "pair" for m in agent):
        return None
    return codes[0]


_RECIPROCAL = re.compile(r"\b(?:each other|one another)\b")


def _provided_for(sent: Sentence, t: TrigHit) -> bool:
    """Whether a trigger is what an agreement provides for: after a `provisions` cue ("includes", "covers") that comes
    at most eight words after an agreement noun, in the trigger's clause."""
    lo, _hi = _clause(sent, t.start)
    return any(lo <= c[0] and c[1] <= t.start and _nw(sent, c[1], t.start) <= 8 and any(
        a[1] <= c[0] and _nw(sent, a[1], c[0]) <= 8 for a in sent.agree_nouns) for c in sent.cues.get("provisions", []))


def _pledging_party(sent: Sentence, t: TrigHit, lex: Lexicon) -> str | None:
    """The one party whose will or promise a tie-building verb follows ("it was his firm will to develop relations",
    "the will of X to develop ..."): the actor after "of", else the last actor before the pledge word; None for two."""
    lo, _hi = _clause(sent, t.start)
    hit = lex.ties_pledge.search(sent.text, max(0, t.start - 140), t.start)
    if hit is None:
        return None
    inner = [m for m in sent.mentions if hit.end(1) <= m.start < t.start and m.codes]
    before = [m for m in sent.mentions if m.end <= hit.start(1) and m.codes and m.prep is None and not m.obj
              and hit.start(1) - m.end <= 80]
    who = inner[:1] or before[:1]  # the main clause's subject: "X told Y that it was his will to ..."
    if not who or who[0].kind == "pair":
        return None
    codes = set(who[0].codes) | {c for m in sent.mentions if m.group == who[0].group and who[0].group >= 0 for c in m.codes}
    return next(iter(codes)) if len(codes) == 1 else None


def _purpose_object(sent: Sentence, t: TrigHit, lex: Lexicon) -> bool:
    """'a mechanism to further deepen security cooperation', 'a summit aimed at boosting cooperation': the cooperation
    a thing is for, no conduct (ties.purpose)."""
    lo, _hi = _clause(sent, t.start)
    return lex.ties_purpose_obj.search(sent.text, max(lo, t.start - 120), t.start) is not None


# grammar: a year right before an agreement noun's words ("the 1961 treaty", "the 1951 Mutual Defense Treaty"), not
# after a preposition ("in 1961"); between an agreement noun and the signing verb of a relative clause on it
# (", signed in", "that was signed", "they signed"), with the words that may stand there
_PACT_YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)\s+(?:[A-Za-z][\w'-]*\s+){0,3}$")
_YEAR_PREP = re.compile(r"\b(?:in|since|from|during|by|until|before|after|of|to)\s+$", re.I)
_RELATIVE_GAP = re.compile(
    r"(?:\s*,|\s*,?\s*(?:that|which)\b|\s+(?:they|we|it|both|the two(?:\s+[a-z]+)?|[A-Z][\w.-]*(?:\s+(?:and\s+)?[A-Z][\w.-]*){0,3}))"
    r"(?:\s+(?:had|has|have|was|were|been|first|originally|jointly|later))*\s*$")


def _agreement_date(sent: Sentence, t: TrigHit, dates: list[DateMention], lex: Lexicon) -> str | None:
    """An agreement's date. A signing told in a relative clause on the agreement noun ('the treaty they signed in
    1951', 'the 1961 treaty, signed in Beijing,') takes a date inside that clause, else the year the noun is named
    by, never the sentence's 'on Monday'; any other agreement takes its own date, else that year ('the 1961 treaty
    commits ...'; but 'renewed their 1961 treaty on Monday' is Monday's)."""
    near = [a for a in sent.agree_nouns if a[0] == t.start or (a[1] <= t.start and _nw(sent, a[1], t.start) <= 4)
            or (a[0] >= t.end and _nw(sent, t.end, a[0]) <= 4)]
    year = next((y.group(1) for y in (_PACT_YEAR.search(sent.text, max(0, a[0] - 60), a[0]) for a in near)
                 if y and not _YEAR_PREP.search(sent.text, max(0, y.start() - 10), y.start())), None)
    rel_end = -1  # where the signing verb of a relative clause on the agreement noun ends
    if t.trig.pos == "verb":
        if any(e_ <= t.start and _RELATIVE_GAP.fullmatch(sent.text, e_, t.start) for _s, e_, _m, _k in near):
            rel_end = t.end
    else:
        v = lex.signing_after_re.search(sent.low, t.end, min(len(sent.low), t.end + 60))
        if v is not None and _RELATIVE_GAP.fullmatch(sent.text, t.end, v.start()):
            rel_end = v.end()
    if rel_end < 0:
        return date_for(sent, t, dates) or year
    stop = sent.text.find(",", rel_end)
    return next((d.iso for d in dates if d.iso and d.start >= rel_end and (stop < 0 or d.start < stop)), None) or year


# grammar: a headline opening with its subject (capitalised words, at most one lower-case word) and "to" + a verb:
# "Trump administration to resume aid", "Germany to send tanks" (not "China has declined to offer")
_HEADLINE_TO = re.compile(r"\s*(?:The\s+)?(?:[A-Z][\w'\u2019.-]*\s+){1,4}(?:[a-z]+\s+)?to\s+(?P<verb>[a-z]+)\b")
_ENDS_SENTENCE = re.compile(r"[.!?:;\"'\u201d\u2019)]\s*$")


def _headline_infinitive(sent: Sentence, t: TrigHit) -> bool:
    """A trigger in a headline's infinitive predicate ('Germany to send more tanks to Ukraine'): what is announced."""
    m = _HEADLINE_TO.match(sent.text)
    return m is not None and t.start >= m.start("verb") and not _ENDS_SENTENCE.search(sent.text)


def _offered(sent: Sentence, t: TrigHit, lex: Lexicon) -> bool:
    """Aid offered: the trigger is an offering verb ('offered to send', 'offers jets to X') or an aid noun in its
    clause at most three words after one ('offers defensive assurances')."""
    offer = lex.word_lists["offering_verbs"]
    if t.trig.pos == "verb":
        return t.key.split(" ", 1)[0] in offer
    lo, _hi = _clause(sent, t.start)
    return not offer.isdisjoint(_ws(sent, lo, t.start)[-4:])


def _discussed(sent: Sentence, t: TrigHit, lex: Lexicon) -> bool:
    """A nominal trigger at most four words after a discussion verb in its clause ('discussed further military aid')."""
    lo, _hi = _clause(sent, t.start)
    before = _ws(sent, lo, t.start)[-5:]
    return not lex.word_lists["discussion_verbs"].isdisjoint(before)


def _aid_parties_named(sent: Sentence, t: TrigHit, lex: Lexicon) -> bool:
    """Whether the aid noun itself names a party: its owner or adjective ('US aid'), or a recipient after it ('aid
    to Ukraine', 'weapons for Kyiv')."""
    return bool(_adjacent_agent(sent, t)) or bool(right_target(sent, t, lex, frozenset({"to", "for"}), direct=False, span=6))


def _talk_topic(sent: Sentence, t: TrigHit) -> bool:
    """'did not address military cooperation', 'discussed closer collaboration': the cooperation talked about."""
    lo, _hi = _clause(sent, t.start)
    return any(lo <= c[0] and c[1] <= t.start and _nw(sent, c[1], t.start) <= 5 for c in sent.cues.get("topic", []))


def _possessor_before(sent: Sentence, t: TrigHit) -> list[str]:
    """The possessor right before a nominal trigger, alone ("Ukraine and its intelligence sharing": its, not Ukraine)."""
    before = [m for m in sent.mentions if m.end <= t.start and m.codes]
    if before and before[-1].poss and t.trig.pos == "noun" and len(_ws(sent, before[-1].end + 2, t.start)) <= 2:
        return list(before[-1].codes)
    return []


_TIME_ANCHOR = re.compile(r"\b(?:since|before|until|prior to)\s+the\s+(?:(?:beginning|start|outbreak|onset)\s+of\s+the\s+)?"
                          r"(?:[\w-]+\s+)?$")
_OF_NP = frozenset("their this its the a an such".split())  # grammar (determiners); with `of_np_modifiers`


def _nominal_ok(sent: Sentence, t: TrigHit, modes: list[str | None], lex: Lexicon) -> bool:
    """A nominal trigger names an event only with its actors in view: not 'this support has limits',
    'a history of cooperation', 'military aid limitations'."""
    nxt = sent.words[bisect_left(sent.starts, t.end):][:1]
    if nxt and nxt[0] in lex.nonevent_heads and sent.text[t.end:t.end + 1] == " ":
        return False
    typ = t.trig.type
    if typ in lex.nonevent_modifiers and not lex.nonevent_modifiers[typ].isdisjoint(_prev_ws(sent, t.start, 2)):
        return False  # "blamed X for the stalled dam talks": the talks' state, not talks held
    if typ == "CONSULT" and not lex.venue_nouns.isdisjoint(_prev_ws(sent, t.start, 5)):
        return False  # "met Putin on the sidelines of the BRICS summit": where they met
    if typ == "ASSAULT" and lex.predicate_noun_re.search(sent.low, max(0, t.start - 50), t.start):
        return False  # "the attack on Qatar was an attack on all Gulf states": a characterisation, no new attack
    if typ == "ASSAULT" and t.key.endswith("invasion") and _TIME_ANCHOR.search(sent.low, max(0, t.start - 30), t.start) \
            and not _adjacent_agent(sent, t):
        return False  # "isolated since the invasion of Ukraine": a war named as a time, background (gold convention)
    if typ == "SUPPORT":
        lo, _hi = _clause(sent, t.start)
        has_source = any(lo <= m.start < t.start and m.codes and m.role != "attr" for m in sent.mentions)
        if not has_source and not right_target(sent, t, lex, DIRECT_PREPS, span=6):
            return False
    if typ == "COOPERATE" and nxt and nxt[0] in lex.agree_objects and sent.text[t.end:t.end + 1] == " ":
        return False  # "a military cooperation deal": the agreement is named, its cooperation is not conduct (convention 5)
    if typ == "COOPERATE" and modes == [None]:
        prev = _prev_ws(sent, t.start, 4)
        while prev and (prev[-1] in _OF_NP or prev[-1] in lex.word_lists["of_np_modifiers"]):
            prev.pop()
        if prev and prev[-1] in ("of", "for"):
            return False
    return True


def _stalled_talks(sent: Sentence, t: TrigHit, lex: Lexicon) -> bool:
    """Talks at a standstill, not held: 'the long-stalled talks with X' (a `nonevent_modifiers` word at most two
    words before; "talks with" may scan as a verb), or 'negotiations with X have fallen off', 'the talks remain
    stalled' (within eight words after, in the clause, a `stalled_predicates` predicate)."""
    if not lex.nonevent_modifiers.get("CONSULT", frozenset()).isdisjoint(_prev_ws(sent, t.start, 2)):
        return True
    hi = _clause(sent, t.start)[1]
    m = lex.stalled_after_re.search(sent.low, t.end, hi)
    return m is not None and _nw(sent, t.end, m.start()) <= 8


_NAME_RUN = re.compile(r"[A-Z][\w'-]*(?:,?\s+(?:(?:of|on|and|for|the)\s+)*[A-Z][\w'-]*)*")
_NAME_TYPES = frozenset({"COOPERATE", "AID", "SUPPORT"})


def _inside_name(sent: Sentence, t: TrigHit, lex: Lexicon) -> bool:
    """'the Treaty on Friendship, Cooperation and Mutual Assistance', 'the Defense Security Cooperation Agency': a
    capitalised cooperation or aid noun inside a proper name whose head is a `name_heads` word (not the head
    itself) names no act. Not in a title-case heading, where every word is capitalised."""
    if t.trig.pos != "noun" or t.trig.type not in _NAME_TYPES or not sent.text[t.start:t.start + 1].isupper():
        return False
    if is_heading(sent.text):
        return False
    for run in _NAME_RUN.finditer(sent.text, max(0, t.start - 120), min(len(sent.text), t.end + 120)):
        if run.start() <= t.start and t.end <= run.end():
            inner = sent.text[run.start():run.end()]
            return any(not (run.start() + h.start() < t.end and t.start < run.start() + h.end())
                       for h in lex.name_head_re.finditer(inner))
    return False


def _explicit(sent: Sentence, t: TrigHit, pairs: list[tuple[str, str | None]]) -> bool:
    """A nominal speech act ('warnings') needs a named target or an anaphoric determiner."""
    if any(g for _, g in pairs):
        return True
    return _anaphoric(sent, t)


def _two_agreements(sent: Sentence, events: list[CodedEvent]) -> bool:
    """Whether a sentence with a mode-less AGREE record has two agreement verbs: "agreed on the text of the treaty,
    which will be signed", "signed the pact, updating a 2007 accord signed by ...": two acts of one pair."""
    if not any(e.event == "AGREE" and e.mode is None for e in events):
        return False
    return sum(1 for t in sent.triggers if t.trig.type == "AGREE" and t.trig.pos == "verb") >= 2


def _merge(events: list[CodedEvent], two_agreements: bool = False) -> list[CodedEvent]:
    """Drop an event that repeats another with the same actors and type but no mode (unless `two_agreements`: an
    AGREE told by a second agreement verb is an act of its own), or only differs by polarity noise."""
    out: list[CodedEvent] = []
    for e in events:
        if e.mode is None and not (two_agreements and e.event == "AGREE") and any(o.source == e.source and o.event == e.event and o.target == e.target and o.negated == e.negated
                                  and o.mode is not None for o in events):
            continue
        if e.event == "ASSAULT" and any(o.source == e.source and o.event == e.event and o.target == e.target
                                        and o.negated == e.negated for o in out):
            continue  # "an air assault, launching 270 drones and 10 missiles": one line of attack is one record
        out.append(e)
    return out


# --------------------------------------------------------------------------- public API


# A "sentence" longer than this (a scraped table, a run-on with no punctuation) is coded in
# windows of at most this many characters, cut at clause punctuation or spaces: the coder's
# cost grows with mentions x triggers within one sentence, and news sentences are far shorter.
MAX_CODED_CHARS = 1000
_WINDOW_BREAK = re.compile(r"[;:,]\s|\s")


def sentence_windows(sentence: str, limit: int = MAX_CODED_CHARS) -> list[str]:
    """The sentence itself, or consecutive windows of at most `limit` characters that cover it."""
    windows: list[str] = []
    rest = sentence
    while len(rest) > limit:
        cut = max((m.end() for m in _WINDOW_BREAK.finditer(rest, limit // 2, limit)), default=limit)
        windows.append(rest[:cut].strip())
        rest = rest[cut:]
    if rest.strip():
        windows.append(rest.strip())
    return windows or [sentence]


# between the forces sent and the drills they go to: "sent troops to take part in", "flew bombers in", "for"
_FOR_DRILLS = re.compile(r"\b(?:to (?:take part|participate) in|to join|in|for)\s+(?:[\w-]+\s+){0,3}$")


def _sent_for_drills(sent: Sentence, t: TrigHit, raw: list[TrigHit], lex: Lexicon) -> bool:
    """Whether forces a light transfer verb sends or flies go to drills named after it in its clause ("sent 2,000
    soldiers to take part in a large-scale joint exercise", "flew bombers in a military exercise"): the sending is
    part of the drills (COOPERATE), no aid of its own."""
    _lo, hi = _clause(sent, t.start)
    for o in raw:
        if o.trig.type != "COOPERATE" or o.trig.pos != "noun" or not t.end < o.start < hi or _nw(sent, t.end, o.start) > 24 \
                or o.key.rsplit(" ", 1)[-1] not in lex.word_lists["drill_nouns"]:
            continue
        if _FOR_DRILLS.search(sent.low, max(t.end, _left_mod_start(sent, o) - 40), _left_mod_start(sent, o)):
            return True
    return False


DRILLS_RECENT = 6  # joint drills coded this many sentences back can still be "the drills"
_DRILL_DETERMINERS = frozenset({"the", "this", "these", "those", "such", "additional", "further", "subsequent"})


def _drills_told(sent: Sentence, t: TrigHit, lex: Lexicon, ctx: Context) -> list[tuple[str, str | None]]:
    """'The drills will be held in Baku', 'as part of the exercise, Russian bombers landed in China', 'further
    naval drills took place': a definite or additional drill noun (`drill_nouns`) after joint drills were coded in
    the last sentences names those drills: their parties, each with each; [] when the sentence's subject is a state
    not among them ("China held the drills alone")."""
    if t.trig.type != "COOPERATE" or t.trig.pos != "noun" or len(ctx.last_drills) < 2 or \
            ctx.index - ctx.last_drills_index > DRILLS_RECENT or t.key.rsplit(" ", 1)[-1] not in lex.word_lists["drill_nouns"]:
        return []
    if _DRILL_DETERMINERS.isdisjoint(_prev_ws(sent, t.start, 6)) or sent.low.startswith(" of ", t.end):
        return []  # "to exercise restraint", "the exercise of its right": no drills
    subject = _codes(left_agent(sent, t, lex, Context()))
    if any(c not in ctx.last_drills for c in subject):
        return []
    return [(a, b) for a in ctx.last_drills for b in ctx.last_drills if a != b]


def code_sentences(sentences: Sequence[str], published: str | None = None,
                   lex: Lexicon | None = None) -> list[list[CodedEvent]]:
    """Code the sentences of one document, in order: the events of each sentence.

    Sentences over MAX_CODED_CHARS are coded window by window and their events
    merged (identical records once), which keeps the time per sentence bounded.
    `lex` is the shipped lexicon unless given (casus.events.lexicon.build_lexicon).
    """
    if lex is None:
        lex = lexicon()
    if all(len(s) <= MAX_CODED_CHARS for s in sentences):
        return _code_sentences(sentences, published, lex)
    windows: list[str] = []
    owner: list[int] = []
    for i, sentence in enumerate(sentences):
        for window in sentence_windows(sentence):
            windows.append(window)
            owner.append(i)
    out: list[list[CodedEvent]] = [[] for _ in sentences]
    for i, events in zip(owner, _code_sentences(windows, published, lex)):
        for event in events:
            if event not in out[i]:
                out[i].append(event)
    return out


def _code_sentences(sentences: Sequence[str], published: str | None, lex: Lexicon) -> list[list[CodedEvent]]:
    """Code the sentences of one document, in order: the events of each sentence.

    `published` (ISO date) anchors relative dates ("last year"); without it,
    the latest full date in the document anchors "last year" and "... ago",
    and a bare month stays None. A sentence whose words include no trigger
    is skipped after a set lookup; its actors are read only if the next
    sentence needs them for coreference.
    """
    texts = [normalise(s) for s in sentences]
    anchor = parse_anchor(published)
    found, present = _document_dates(texts, anchor)
    if anchor is None and present is not None:
        for i in found:
            if _RELATIVE_HINT.search(texts[i]):
                found[i] = find_dates(texts[i], None, present)
    full_years = {i: int(d.iso[:4]) for i, ds in found.items() for d in ds if d.iso and len(d.iso) == 10 and not d.needs_passage_year}
    ctx = Context(anchor=anchor, year=present[0] if present else None)
    out: list[list[CodedEvent]] = []
    scanned = -1  # the last sentence whose actors are in the context
    prose = False  # whether body text (a sentence that is no heading) has begun
    titles = lex.word_lists["person_titles"]
    for i, text in enumerate(texts):
        ctx.index = i
        heading = is_heading(text)
        plain = _plain_words(text)
        member = "member" in text and _BECAME_MEMBER.search(text.lower()) is not None  # made in code, no trigger word
        if (lex.trigger_words.isdisjoint(plain) and not member) or (
                heading and (prose or lex.topic_headline_re.search(text))):
            # a headline before the body is article text (news convention 10); a section heading inside it names a topic
            prose = prose or _begins_prose(text)
            out.append([])
            if not titles.isdisjoint(plain):
                scan(text, lex, ctx.year, ctx.persons)  # no event, but it may introduce a person ("... Minister X")
            continue
        prose = prose or _begins_prose(text)
        if scanned < i - 1 and i > 0:
            prev = scan(texts[i - 1], lex, ctx.year, ctx.persons)  # the sentence before, for pronouns
            resolve_corefs(prev, ctx, lex)
            update_context(prev, ctx, lex)
        sent = scan(text, lex, ctx.year, ctx.persons)
        resolve_corefs(sent, ctx, lex)
        dates = _resolve_dates(found.get(i, []), i, present, anchor, full_years)
        # a sentence whose only event is found by a rule ("have expanded their economic ties") is coded too
        rules = bool(sent.triggers or sent.agree_nouns) or member or any(m.role == "maker" for m in sent.mentions) or bool(
            lex.ties_hint_re.search(sent.low) and next(_tie_matches(sent, lex), None) is not None)
        out.append(code_sentence(sent, lex, ctx, dates) if rules else [])
        update_context(sent, ctx, lex)
        scanned = i
    return out


def _document_dates(texts: Sequence[str], anchor: tuple[int, int | None, int | None] | None
                    ) -> tuple[dict[int, list[DateMention]], tuple[int, int | None, int | None] | None]:
    """The dates of a document's normalised sentences (by index, only those with a date hint) and its present: the
    published date (`anchor`), else the latest date with a month in its text, else None."""
    found = {i: find_dates(t, anchor) for i, t in enumerate(texts) if _date_hint(t)}
    return found, anchor or latest_full_date(list(found.values()))


def document_present(sentences: Sequence[str], published: str | None = None) -> tuple[int, int | None, int | None] | None:
    """The date a document is read at, as code_sentences reads it (its context's year): `published` (an ISO date),
    else the latest date with a month written in the text, else None."""
    anchor = parse_anchor(published)
    if anchor is not None:
        return anchor
    return _document_dates([normalise(s) for s in sentences], None)[1]


# an explainer's headline names a topic ("Unpacking Moscow's Support For Tehran", "Why X Backs Y"), not an event
_ENDS_PROSE = re.compile(r"[.!?][\"'\u201d\u2019)]*\s*$")  # a body sentence ends so; a site name or menu line does not


def _begins_prose(text: str) -> bool:
    """A body sentence: ends as one, and is longer than a call to action ('Support The Moscow Times!')."""
    return _ENDS_PROSE.search(text) is not None and (not text.rstrip().endswith("!") or len(text.split()) > 5)


_SMALL_WORDS = frozenset("a an the and or of for to in on at by with from as vs versus".split())


def is_heading(text: str) -> bool:
    """A title-case line without final punctuation ('Reciprocal Support: Drones for Defense Systems'):
    a heading names a topic, it reports no event."""
    if not text or text.rstrip()[-1:] in ".!?\"')”’":
        return False
    words = [w for w in text.split() if w[:1].isalpha()]
    content = [w for w in words if w.lower() not in _SMALL_WORDS]
    return len(content) >= 2 and sum(w[0].isupper() for w in content) >= 0.75 * len(content)


# Words that make a date likely: relative-time words (also capitalised, opening a sentence: "Last year"), the months (casus.months) and the weekdays.
_DATE_WORDS = "|".join(("last", "next", "this", "Last", "Next", "This", "ago", "prior", *MONTHS, "Monday", "Tuesday", "Wednesday", "Thursday",
                        "Friday", "Saturday", "Sunday"))
_DATE_HINT = re.compile(r"\d|\b(?:" + _DATE_WORDS + r")\b")
_DIGIT = re.compile(r"\d")
_DIGIT_ASCII = re.compile(r"\d", re.ASCII)
# _DATE_HINT's words without the leading \b: a search the engine starts only at their first letters (fast);
# a hit is confirmed with _DATE_HINT itself
_DATE_WORD_QUICK = re.compile(r"(?:" + _DATE_WORDS + r")\b")
_DATE_WORD_QUICK_ASCII = re.compile(_DATE_WORD_QUICK.pattern, re.ASCII)


def _date_hint(text: str) -> bool:
    """_DATE_HINT.search(text), decided faster: a digit, else a date word (most sentences have neither)."""
    if text.isascii():
        return bool(_DIGIT_ASCII.search(text) or (_DATE_WORD_QUICK_ASCII.search(text) and _DATE_HINT.search(text)))
    return bool(_DIGIT.search(text) or (_DATE_WORD_QUICK.search(text) and _DATE_HINT.search(text)))


_RELATIVE_HINT = re.compile(r"\b(?:last|next|this|ago|prior|earlier)\b", re.I)
_PUNCT_TO_SPACE = str.maketrans({c: " " for c in ",.;:!?\"()[]{}*#/"})
_PUNCT_BYTES = bytes.maketrans(b",.;:!?\"()[]{}*#/", b" " * 16)  # the same, for ASCII text (much faster)


def _plain_words(text: str) -> list[str]:
    """The lower-cased words of a sentence split at spaces and punctuation: what the trigger prefilter looks up."""
    if text.isascii():
        return text.lower().encode("ascii").translate(_PUNCT_BYTES).decode("ascii").split()
    return text.lower().translate(_PUNCT_TO_SPACE).split()


def _resolve_dates(dates: list[DateMention], i: int, present: tuple[int, int | None, int | None] | None,
                   anchor: tuple[int, int | None, int | None] | None, full_years: dict[int, int]) -> list[DateMention]:
    """Finish a sentence's dates: "last year" against the document's present, "June 13" with the year of a full
    date in the same passage (five sentences either side)."""
    out: list[DateMention] = []
    for d in dates:
        if d.iso is None and d.needs_passage_year and d.month and d.day:
            near = sorted((abs(j - i), y) for j, y in full_years.items() if abs(j - i) <= 5)
            if near:
                d = DateMention(d.start, d.end, f"{near[0][1]:04d}-{d.month:02d}-{d.day:02d}", True, d.month, d.day)
        out.append(d)
    return out
