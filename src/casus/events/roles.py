"""Who did it to whom: a trigger's source and target according to its frame."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

from casus.events.lexicon import Lexicon
from casus.events.mentions import envoy_sender, mention_data, other_pair, quote_speaker, recent_actor
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
)
from casus.events.words import (
    _CLAUSE_PUNCT,
    AUX,
    CLAUSE_WORDS,
    DETS,
    DIRECT_PREPS,
    PREPS,
    SPEECH_TYPES,
    TRANSFER_PREPS,
)

GAP_STOP = PREPS | AUX | CLAUSE_WORDS
_AFTER_OBJECT = frozenset({"following", "after", "before", "since", "amid", "during", "despite"})  # adjuncts of time
INTERVENTION_PREPS = DIRECT_PREPS | {"in", "of"}
# Grammar: the prepositions each role procedure reads (closed class, kept in code); the open-class word lists the
# rules below read are in data/events.yaml (`word_lists`, through the Lexicon passed in).
ASSAULT_PREPS = frozenset({"on", "against", "at", "toward", "towards", "into", "of", "in", "across", "over"})
JOINT_PREPS = frozenset({"with", "between", "and"})
REQUEST_PREPS = frozenset({"from", "to", "of"})
WITHDRAW_PREPS = frozenset({"from", "of"})
_NOTHING_AFTER = re.compile(r"\s*(?:[,.;:!?\"')\u201d]|$)")  # a verb with no object: punctuation right after it
_FORUMS = frozenset({"UN", "UNSC", "UNGA"})  # where a veto is cast, not whom it is for
COOP_PREPS = frozenset({"in", "to", "with", "for", "of"})
SPEECH_PREPS = frozenset({"to", "against", "of", "on", "at", "over"})
DYAD_TYPES = frozenset({"AID", "COOPERATE", "SUPPORT", "REQUEST", "AGREE", "CONSULT"})
_OF_FOR_WITH_GAP = re.compile(r"\s+(?:of|for|with)\s+")
# "accused Chinese coastguard ships of 'intentionally' hitting", "accused Iran of attempting to transfer": the gap from
# the accused (an adjective may lead its noun) to its act, past a quoted adverb or a verb of trying
_ACCUSED_OF_GAP = re.compile(r"\s+(?P<noun>(?:(?!(?:of|for|with|and|or|to)\s)[a-z][\w-]*\s+){0,2})(?:of|for|with)\s+"
                             r"(?P<adv>[\"\u201c\u201d']?[a-z]+ly[\"\u201c\u201d']?\s+)?(?P<try>(?:trying|attempting|seeking)\s+to\s+)?")
# a relative clause between a subject and its verb ("Chile, which holds vast reserves, has expanded ..."): the subject's clause
_RELATIVE_BETWEEN = re.compile(r"\s*,\s*(?:which|who)\b[^,;:()]*,\s*(?:[\w'-]+\s+){0,3}")
_RELATIVE_BEFORE = re.compile(r"(?:,\s*|\s)(?:which|who|that)\s+(?:[\w-]+ly\s+|also\s+|has\s+|have\s+|had\s+){0,2}"
                              r"(?:(?:is|are|was|were|would\s+be|will\s+be)\s+(?:willing|ready|prepared|set|able)\s+to\s+"
                              # "North Korea, which is accused of sending troops": the accused acts
                              r"|(?:is|are|was|were|has\s+been|have\s+been|had\s+been)\s+(?:accused|suspected|believed|"
                              r"alleged|reported|said|thought)\s+(?:of|to)\s+(?:have\s+)?)?$")
_IF_AGAINST_BEFORE = re.compile(r"\b(?:if|against|not to)\s+(?:the\s+)?$")
_TELL_NOT_TO = re.compile(r"\s+(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*\s+not to\b")
# "defend the energy-rich nation of Qatar": the state after "the ... nation of" is the direct object

# --------------------------------------------------------------------------- argument structure


def _clause(sent: Sentence, pos: int) -> tuple[int, int]:
    i = bisect_right(sent.bounds, pos)
    lo = sent.bounds[i - 1] if i else 0
    hi = sent.bounds[i] if i < len(sent.bounds) else len(sent.text)
    return lo, hi


def _group(sent: Sentence, m: Mention) -> list[Mention]:
    if m.expand:
        return m.expand
    return [x for x in sent.mentions if x.group == m.group and x.codes] if m.group >= 0 else [m]


def _codes(ms: list[Mention]) -> list[str]:
    out: list[str] = []
    for m in ms:
        for c in m.codes:
            if c not in out:
                out.append(c)
    return out


@lru_cache(maxsize=4096)
def _modifier_gap(gap: str) -> bool:
    """Whether the text between a modifier and its head is at most a few plain words (cached: gaps repeat)."""
    words = _words(gap)
    if len(words) > 4:
        return False
    return not any(w in GAP_STOP and w != "and" for w in words)


def _control_gap(gap: str, lex: Lexicon) -> bool:
    words = _words(gap)
    return len(words) <= 9 and bool(lex.control_re.search(gap)) and not any(w in ("that", "which", "who", "but") for w in words)


def _subject_ok(m: Mention, allow_obj: bool = False) -> bool:
    return bool(m.codes) and m.role in ("np", "agent") and m.prep is None and (allow_obj or not m.obj)


def _starts_subordinate(sent: Sentence, lex: Lexicon) -> bool:
    words = _ws(sent, 0, 40)
    return bool(words) and (words[0] in lex.subordinators or " ".join(words[:2]) in lex.subordinators)


# the gap between a verb's object and the trigger of its infinitive: "to", or "to" and one verb ("to stop firing")
_TO_GAP = re.compile(r" to (?:[a-z]+ )?")


def _object_control(sent: Sentence, obj: Mention, lex: Lexicon) -> bool:
    """Whether an object before 'to VERB' follows an expecting or permitting verb ('expects Germany to', 'allowed
    Kyiv to'): the object, not the clause subject, is the infinitive's agent."""
    prev = _prev_ws(sent, obj.start, 2)
    return not (lex.word_lists["awaiting_verbs"].isdisjoint(prev) and lex.word_lists["permitting_verbs"].isdisjoint(prev))


# a subordinate clause whose subject is a name of no known state right before its verb ("... as JD Vance warned")
_UNKNOWN_SUBJECT = re.compile(r"\b(?:as|while|when|after|because|since|but)\s+(?:[A-Z][\w.'-]*\s+){1,4}$")


def _verb_trigger_before(sent: Sentence, t: TrigHit) -> TrigHit | None:
    """A verb trigger of the same type just before a verb trigger ('strike targets'): the second is its object
    noun, and shares its agent."""
    for o in sent.triggers:
        if o.trig.type == t.trig.type and o.trig.pos == "verb" and o.end < t.start and not sent.text[o.end:t.start].strip():
            return o
    return None


def left_agent(sent: Sentence, t: TrigHit, lex: Lexicon, ctx: Context, pos: int | None = None) -> list[Mention]:
    """Who acts: possessor or adjective of a nominal trigger, 'by/from X', else the clause's subject."""
    pos = t.start if pos is None else pos
    lo, hi = _clause(sent, t.start)
    noun = t.trig.pos == "noun"
    before = [m for m in sent.mentions if m.end <= pos and m.codes]
    verb_before = _verb_trigger_before(sent, t) if not noun and pos == t.start else None
    if verb_before is not None:
        return left_agent(sent, verb_before, lex, ctx)  # "allowed Kyiv to strike targets": "targets" is the object
    if not noun and pos == t.start and _UNKNOWN_SUBJECT.search(sent.text, before[-1].end if before else 0, pos):
        return []  # "Russia condemned the action as JD Vance warned ...": the clause's subject is a name with no state
    if not noun and _np_subject_after_that(sent, pos):
        return []  # "Japan warned that a Chinese attack would threaten ...": the attack, not Japan, threatens
    if noun and pos == t.start and _cause_np(sent, t.start, lex):
        return []  # "sanctioned firms over the Taiwan arms deal": neither the subject nor Taiwan made the deal
    if before and not noun and before[-1].poss and before[-1].kind != "pron" and pos == t.start and \
            not sent.text[before[-1].end + 2:pos].strip():
        return _group(sent, before[-1])  # "Azerbaijan's demands": a verb form after a possessive is its noun
    if before and not noun and t.trig.type in SPEECH_TYPES and "," in sent.text[before[0].end:pos]:
        # "Beijing, which backs Tehran, urged Washington ...": the subject before the relative clause, not its object
        held = [m for m in before if m.prep is None and not m.poss and _RELATIVE_BETWEEN.fullmatch(sent.text, m.end, pos)]
        if held:
            return _group(sent, held[0])
    if before and not noun and before[-1].obj and _accused_of(sent, before[-1], pos):
        return _group(sent, before[-1])  # "accused Iran of supplying": the accused acts
    if before and not noun and before[-1].obj and not before[-1].poss and _TO_GAP.fullmatch(sent.low, before[-1].end, pos) and \
            _object_control(sent, before[-1], lex):
        return _group(sent, before[-1])  # "Kyiv expects Germany to send tanks", "allowed Kyiv to strike": the object acts
    if before and not noun and pos == t.start and t.key.split(" ", 1)[0].endswith("ing") and _prev_ws(sent, t.start, 1) == ["by"]:
        # "Sweden upset Orban by expressing concern": the means is the clause subject's act, not the object's
        subj = [m for m in before if m.start >= lo and _subject_ok(m)]
        if subj:
            return _group(sent, subj[0])
    rel = _RELATIVE_BEFORE.search(sent.low[max(0, pos - 40):pos]) if before and not noun else None
    if rel:
        rel_at = max(0, pos - 40) + rel.start()
        near = [m for m in before if m.end <= rel_at + 1 and rel_at - m.end <= 3]
        if near:
            return _group(sent, near[-1])
    if before and t.trig.frame == "speech" and not noun and before[-1].role == "attr" and before[-1].kind == "adj":
        # "Russian officials have accused Washington": the officials' statement is their state's act
        m = before[-1]
        if lo <= m.start and _nw(sent, m.end, pos) <= 4 and not _CLAUSE_PUNCT.search(sent.text[m.end:pos]):
            return _group(sent, m)
    if before:
        m = before[-1]
        gap = sent.text[m.end + (2 if m.poss else 0):pos]
        if m.role not in ("attr", "appos") and (m.role != "maker" or noun):
            # (not a place or forum in a phrase before it: "denounced X at the United Nations and expressed support")
            if noun and _modifier_gap(gap) and (m.poss or m.role in ("mod", "maker") or m.kind in ("pair", "group", "adj")
                                                 or not gap.strip()) and not (
                    m.prep in ("at", "in") and not m.poss and gap.startswith(" and ")) and \
                    not _verb_trigger_in(sent, m.end, pos):
                return _group(sent, m)
            agent = _by_from_agent(sent, t, hi) if noun else []
            if agent:
                return agent  # "Moscow slammed the strikes by Israel": the agent named after the noun, not the subject
            if (m.prep is None or (m.poss and _CONTROL_TO.fullmatch(gap) and _control_gap(gap, lex))) and not m.obj and (
                    _modifier_gap(gap) or (
                    m.poss or m.kind in ("pron", "pair", "name", "leader", "inst", "group", "capital", "adj")) and _control_gap(gap, lex)):
                if m.role != "mod" or noun:
                    return _group(sent, m)
    if noun or t.trig.frame in ("sanction",):
        agent = _by_from_agent(sent, t, hi)
        if agent:
            return agent
    if t.trig.frame == "sanction":
        return []
    if not noun and pos == t.start and _prev_ws(sent, t.start, 1) == ["and"]:
        # "he has echoed X, engaged Y and accused Z": a verb coordinated with earlier ones shares their subject
        subj = [m for m in before if _subject_ok(m) and m.role != "mod"]
        if subj and not _CLAUSE_PUNCT_SEMI.search(sent.text, subj[-1].end, t.start):
            return _group(sent, subj[-1])
    for allow_obj in (False, True):
        held_subj = _held_subject(sent, before, pos) if allow_obj else None
        if held_subj is not None:
            return _group(sent, held_subj)  # "Russia, which backs Assad, has promised Damascus aid": not the object
        for m in reversed(before):
            if m.start < lo:
                break
            if _subject_ok(m, allow_obj) or (m.poss and m.prep is None and m.role not in ("attr", "maker", "appos") and (allow_obj or not m.obj)):
                return _group(sent, m)
    for m in reversed(before):
        if _subject_ok(m) and m.role != "mod":
            return _group(sent, m)
    if t.trig.frame == "assault":
        # "Indian missiles struck ...": the adjective of the weapons that strike is the attacker
        for m in reversed(before):
            if m.start >= lo and m.kind == "adj" and not m.poss and any(0 < ds - m.end <= 2 and d == "military"
                                                                          for ds, _, d in sent.domains):
                return [m]
    appos = _APPOSITIVE_SUBJECT.match(sent.text)
    if appos and appos.end() <= pos and not noun:
        # "Mohammad Sadr, a member of Iran's council, accused ...": an unknown name described by its state
        inner = [m for m in before if appos.start(1) <= m.start < appos.end(1) and m.role not in ("attr",)]
        if inner and len(set(_codes(inner))) == 1:
            return inner[:1]
    # a fronted phrase ("Instead of direct participation, Russia could ...")
    if sent.bounds and t.start < sent.bounds[0] and _starts_subordinate(sent, lex):
        for m in sent.mentions:
            if m.start > sent.bounds[0] and _subject_ok(m):
                return _group(sent, m)
    return []




_RELATIVE_HELD = re.compile(r"\s*,\s*(?:which|who)\b[^,;:()]*,\s*")


def _held_subject(sent: Sentence, before: list[Mention], pos: int) -> Mention | None:
    """The subject held before a relative clause that closes before `pos` ("Russia, which deployed its air force to
    Syria, has promised ..."), when no other subject follows the clause."""
    for m in before:
        rel = _RELATIVE_HELD.match(sent.text, m.end) if _subject_ok(m) and not m.poss else None
        if rel is not None and rel.end() <= pos and not any(
                rel.end() <= o.start and _subject_ok(o) for o in before):
            return m
    return None


def _accused_of(sent: Sentence, m: Mention, pos: int) -> bool:
    """'accused Iran of supplying', 'accused Chinese ships of "intentionally" hitting', 'accused Iran of attempting to
    transfer': the object before the act it is accused of (a noun after it only when it is an adjective)."""
    gap = _ACCUSED_OF_GAP.fullmatch(sent.text, m.end, pos)
    return gap is not None and (not gap.group("noun") or m.kind == "adj")


def _separate_deals_with(sent: Sentence, t: TrigHit, parts: list[str], named: list[Mention],
                         lex: Lexicon) -> list[tuple[str, str | None]]:
    """'X, Y and Z have secured trade agreements with W': several subjects, plural agreements and a 'with' party are
    one deal each with that party (both ways), not deals among the subjects."""
    if t.trig.type != "AGREE" or len(parts) < 2:
        return []
    withs = [c for m in named if m.prep == "with" for c in m.codes if c not in parts]
    if not withs or lex.word_lists["plural_deals"].isdisjoint(_ws(sent, t.start, named[0].start)):
        return []
    out: list[tuple[str, str | None]] = []
    for a in parts:
        for w in withs[:1]:
            out.extend([(a, w), (w, a)])
    return out


# "agreed in 2023 to supply", "agreed last year to sell": a time phrase between the verb and "to" and a verb after it
_AGREED_TO = re.compile(r"(?:\s+(?:in|on|during|last|this|earlier|later|also|reportedly)(?:\s+[\w-]+){1,2}?)?\s+to\s+"
                        r"(?!(?:the|a|an|its|their|this|that|these|those)\b)[a-z]")


def _agreed_to(sent: Sentence, t: TrigHit) -> int | None:
    """Where what a party 'agreed to' do begins: after the trigger's own 'to', else after 'in 2023 to'; else None."""
    if t.key.endswith(" to"):
        return t.end
    if not t.key.startswith("agree"):
        return None
    m = _AGREED_TO.match(sent.low, t.end)
    return m.end() - 1 if m else None


def _agreed_counterparty(sent: Sentence, t: TrigHit, parts: list[str]) -> list[str]:
    """'X agreed to sell howitzers to Y', 'agreed to meet Y', 'agreed to buy jets from Y': the other party of what one
    party agreed to do, the first other actor after 'agreed to' in its clause, as object or after to/with/from."""
    start = _agreed_to(sent, t)
    if start is None:
        return []
    _lo, hi = _clause(sent, t.start)
    for m in sent.mentions:
        if start <= m.start < hi and m.codes and not set(m.codes) & set(parts) and m.role not in ("attr", "maker") and (
                m.prep in (None, "to", "with", "from") and not m.poss):
            return _codes(_group(sent, m))
    return []


def _object_between(sent: Sentence, t: TrigHit, hi: int) -> list[Mention]:
    """'condemned the defence pact between X, Y and Z': the parties of the act named as the verb's object, a
    'between' list within six words (the first actor after the verb), with no verb trigger before it."""
    m = _object_phrase(sent, t, hi, "between", 6, first_only=True)
    return _conjuncts(sent, m, hi) if m is not None else []


def _object_phrase(sent: Sentence, t: TrigHit, hi: int, prep: str, window: int, first_only: bool) -> Mention | None:
    """The first actor mention after a verb trigger, in its clause and within `window` words, that opens with
    `prep` and has no verb trigger between (with `first_only`, only the first actor after the verb may)."""
    for m in sent.mentions:
        if m.start < t.end or not m.codes or m.role == "attr":
            continue
        if m.start >= hi or _nw(sent, t.end, m.start) > window:
            break
        if m.prep == prep and not any(t.end <= o.start < m.start and o.trig.pos == "verb" for o in sent.triggers):
            return m
        if first_only:
            break
    return None


def _welcomed(sent: Sentence, t: TrigHit, lex: Lexicon) -> list[str]:
    """Who a welcome supports: the parties of the outcome welcomed ('welcomed the ceasefire between X and Y'), or a
    state welcomed into a body ('welcome Finland to the alliance', 'to NATO'); a leader welcomed is a meeting
    (CONSULT), and anything else no one."""
    _lo, hi = _clause(sent, t.start)
    parties = _codes(_object_between(sent, t, hi))
    if parties and any(t.end <= o.start and o.trig.type == "CONSULT" and _nw(sent, t.end, o.start) <= 3
                       for o in sent.triggers if o is not t):
        return []  # "welcomed the talks between X and Y": the talks are the event (tests/test_coder_precision.py)
    if parties:
        return parties
    after = [m for m in sent.mentions if m.start >= t.end and m.codes and m.start < hi]
    if not after or after[0].kind in ("leader", "pron") or after[0].prep is not None or _nw(sent, t.end, after[0].start) > 1:
        return []
    rest = _ws(sent, after[0].end, min(hi, after[0].end + 40))
    body = len(after) > 1 and after[1].kind == "group" and after[1].prep in ("to", "into") and \
        _nw(sent, after[0].end, after[1].start) <= 1
    if body or (rest[:1] in (["to"], ["into"]) and not lex.word_lists["membership_bodies"].isdisjoint(rest[1:3])):
        return _codes(_group(sent, after[0]))
    return []


_THE_BEFORE = re.compile(r"(?:^|\s)(?:the|this|that)\s+$")


def _request_told(sent: Sentence, t: TrigHit, ctx: Context) -> list[tuple[str, str | None]]:
    """'The request came after a visit by X': a definite request noun with no actor of its own (none named within
    three words after it) is the request coded in this or the last two sentences, with its parties."""
    if t.trig.pos != "noun" or not _THE_BEFORE.search(sent.low, max(0, t.start - 6), t.start) or not _recent(ctx, "REQUEST"):
        return []
    if any(m.codes and m.start >= t.end and _nw(sent, t.end, m.start) <= 3 for m in sent.mentions):
        return []
    srcs, tgts = ctx.last_by_type["REQUEST"]
    return [(a, g) for a in srcs for g in tgts if a != g]


def _by_from_agent(sent: Sentence, t: TrigHit, hi: int) -> list[Mention]:
    """'strikes by Israel', 'support from Moscow': among the first three actors after a nominal trigger, in its clause."""
    for m in [m for m in sent.mentions if m.start >= t.end and m.start < hi and m.codes][:3]:
        if m.prep in ("by", "from") and _nw(sent, t.end, m.start) <= 10 and not _verb_between(sent, t, m):
            if m.prep == "by" and t.trig.type in ("AID", "SUPPORT", "AGREE", "COOPERATE") and mention_data().participle_by.search(
                    sent.low[t.end:m.start]):
                # "the sale of tanks to X, paid for by Y": the one who pays is not the seller; "support for Ukraine's
                # integrity, including the territories controlled by Russia": the one in control does not support;
                # "signed a deal in Washington, hosted by X": the host did not sign
                return []
            return _group(sent, m)
    return []


def _object_agent(sent: Sentence, t: TrigHit, hi: int) -> list[Mention]:
    """'denounced the moves by X', 'condemned the decision by X to ...': the agent of the act named as the
    verb's object, a 'by X' phrase within eight words, with no verb trigger between."""
    m = _object_phrase(sent, t, hi, "by", 8, first_only=False)
    return _group(sent, m) if m is not None else []


def _np_subject_after_that(sent: Sentence, pos: int) -> bool:
    """Whether the clause that ends at `pos` starts with 'that' + a determiner and names no actor before the verb:
    its subject is a thing ('that a Chinese attack would threaten'), so the main clause's subject is not the agent."""
    j = bisect_left(sent.starts, pos)
    lo = max(0, j - 8)
    for k in range(j - 2, lo - 1, -1):
        if sent.words[k] == "that":
            if sent.words[k + 1] not in ("a", "an", "the", "any", "such", "this", "these", "those"):
                return False
            start = sent.starts[k]
            return not any(start < m.start < pos and m.codes and m.role in ("np", "agent") for m in sent.mentions)
    return False


_CAUSE_PREPS = frozenset({"over", "about", "amid"})
# a transfer's recipient that is an indefinite noun phrase, no state ("any other aid to an aggressor")
_INDEFINITE_RECIPIENT = re.compile(r"(?:\s+[\w-]+){0,6}?\s+to\s+(?:a|an|any)\s+(?!\d)[a-z]")
_CLAUSE_PUNCT_SEMI = re.compile(r"[;:.?!]")
# a sentence-initial name with an appositive ("Mohammad Sadr, a member of Iran's council and former minister, ...")
_APPOSITIVE_SUBJECT = re.compile(r"[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3},\s+((?:a|an|the)\s+[^,;]{3,120}?),\s+(?=[a-z]+\s)")
# "(criticism over) Russia's refusal to ...": a possessor and its control noun right before an infinitive
_CONTROL_TO = re.compile(r"\s*(?:[\w-]+\s+){1,2}to\s+")



def _cause_np(sent: Sentence, pos: int, lex: Lexicon) -> bool:
    """Whether the noun at `pos` heads a cause phrase ('over the Taiwan arms deal', 'amid new deliveries') with no
    possessor: up to four words back, past determiners, modifiers and actor names, a cause preposition."""
    j = bisect_left(sent.starts, pos)
    for k in range(j - 1, max(-1, j - 5), -1):
        w = sent.words[k]
        if w in _CAUSE_PREPS:
            return True
        if w.endswith("'s") or w in PREPS or w in AUX:
            return False
        at = sent.starts[k]
        if not (w in DETS or w in lex.word_lists["cause_modifiers"] or any(m.start <= at < m.end for m in sent.mentions)):
            return False
    return False


_PLACE_HEADS = frozenset({"border", "borders", "frontier", "frontiers", "region", "coast", "side", "boundary"})


def place_modifier(sent: Sentence, m: Mention) -> bool:
    """'to the Kosovo-Serbia border', 'to the Polish border': a state naming a place, not a recipient."""
    nxt = _next_ws(sent, m.end, len(sent.text), 2)
    return sent.text[m.end:m.end + 1] == "-" or bool(nxt and (nxt[0] in _PLACE_HEADS or nxt[-1:] and nxt[-1] in _PLACE_HEADS))


_DEPLOY_PREPS = frozenset({"to", "in", "into"})


def deployed_to(sent: Sentence, t: TrigHit) -> list[Mention]:
    """The states a forces noun names them going to within six words ("deployment of X troops in Y", "reinforcements
    to Y"), not a place a state names ("to the Polish border")."""
    _lo, hi = _clause(sent, t.start)
    return [m for m in sent.mentions if t.end <= m.start < hi and m.codes and m.role != "attr" and m.kind != "adj"
            and m.prep in _DEPLOY_PREPS and _nw(sent, t.end, m.start) <= 6 and not place_modifier(sent, m)]


_CONDITIONS = frozenset({"if", "unless", "should"})  # grammar: a condition opening a clause
_WARNED_OF = re.compile(r" (?:[a-z]+ )?(of|about|that) ")  # "warned of", "warned Thursday that"


def warned_about(sent: Sentence, t: TrigHit) -> list[Mention]:
    """'warned of a Russian threat', 'warned that Russia was renewing efforts': the state that what is warned of opens
    with (within six words after 'of', two after 'that'), if it is not one named before the verb (the speaker) and
    the clause threatens no consequence (cues.warn_threats); else none."""
    m = _WARNED_OF.match(sent.low, t.end)
    if not m:
        return []
    start, (lo, hi) = m.end(), _clause(sent, t.start)
    span = 2 if m.group(1) == "that" else 6
    named = [x for x in sent.mentions if start <= x.start < hi and x.codes and x.role != "attr"
             and _nw(sent, start, x.start) <= span and not place_modifier(sent, x)]
    speaker = {c for x in sent.mentions if lo <= x.start and x.end <= t.start for c in x.codes}
    if not named or set(named[0].codes) & speaker or any(start <= c[0] < hi for c in sent.cues.get("warn_threats", ())):
        return []
    if not _CONDITIONS.isdisjoint(_ws(sent, start, named[0].start)):
        return []  # "warned of a catastrophe if Israel continues": a conditional warning, a threat
    return named[:1]


def right_target(sent: Sentence, t: TrigHit, lex: Lexicon, preps: frozenset[str], direct: bool = True, span: int = 12,
                 stop_at_clause: bool = True) -> list[Mention]:
    """Who is acted on: 'to/with/on X' after the trigger, its direct object, or a possessor in the object."""
    lo, hi = _clause(sent, t.start)
    if not stop_at_clause:
        hi = len(sent.text)
    premodifier: Mention | None = None  # "deploy CSTO peacekeepers to Armenia": CSTO only if no "to X" follows
    own = t.key.rsplit(" ", 1)[-1] if " " in t.key else ""  # "called on X", "appealed to X": the phrase's own preposition
    for m in sent.mentions:
        if m.start < t.end or m.start >= hi or not m.codes:
            continue
        gap = sent.text[t.end:m.start]
        n = _nw(sent, t.end, m.start)
        if n > span:
            break
        if m.role in ("attr",):
            continue
        if m.poss and t.trig.args is not None and t.trig.args.name == "end_pact" and sent.text[m.start:m.end].lower() in _OWNER_PRONOUNS:
            continue  # "cut their ties with Qatar": whose ties they are, not whom they are cut with
        if _partner_named(sent, m, lex):
            # "standing by its treaty ally the Philippines": the ally named is the object, not "its"
            if m.prep in preps or (m.prep == own and n <= 4) or (direct and m.prep is None and n <= 3):
                return _group(sent, next(o for o in sent.mentions if o.start > m.end and o.codes))
            continue
        if premodifier is not None and not _AFTER_OBJECT.isdisjoint(_ws(sent, premodifier.end, m.start)):
            break  # "requested Russian air defence systems following a visit to X": X is past the object's phrase
        if m.prep in preps or (direct and m.prep == "of" and lex.nation_of_re.match(gap)) or (
                m.prep == own and own in PREPS and n <= 4 and own not in _ws(sent, t.end, m.start)):
            return _group(sent, m)  # "to X", or "defend the energy-rich nation of X"
        if direct and premodifier is None and m.prep is None and n <= 3 and "," not in gap and not any(
                w in GAP_STOP for w in _ws(sent, t.end, m.start)):
            if not m.poss and m.kind not in ("name", "capital", "leader", "pron", "pair") and any(
                    ds == m.end + 1 for ds, _, _ in sent.domains):
                premodifier = m
                continue
            return _group(sent, m)
        if m.prep is None and m.role == "maker":
            continue
    return _group(sent, premodifier) if premodifier is not None else []


_OWNER_PRONOUNS = frozenset({"its", "their", "his", "her", "our"})

# between a partner noun and the name right after it ("its ally Serbia", "its treaty ally the Philippines")
_NAMED_PARTNER_GAP = re.compile(r",?\s{0,2}(?:the\s+)?")


def _partner_named(sent: Sentence, m: Mention, lex: Lexicon) -> bool:
    """Whether a possessive pronoun opens a partner noun with the partner's name right after it ('its treaty ally
    the Philippines'): the pronoun is only the name's determiner."""
    if not m.poss or sent.low[m.start:m.end] not in ("its", "his", "her", "their"):
        return False
    hit = lex.pronoun_partner_re.match(sent.low, m.end)
    if hit is None:
        return False
    nxt = next((o for o in sent.mentions if o.start >= hit.end()), None)
    return nxt is not None and bool(nxt.codes) and _NAMED_PARTNER_GAP.fullmatch(sent.low, hit.end(), nxt.start) is not None


def other_actors(sent: Sentence, t: TrigHit, exclude: list[str], after_first: bool = True) -> list[str]:
    """Actors in the sentence other than `exclude`, after the trigger first; locations and speakers last."""
    good: list[tuple[int, str]] = []
    for m in sent.mentions:
        if not m.codes or m.role in ("attr", "maker"):
            continue  # a speaker's outlet, or where weapons were made ("Russian-made jets"), is no party
        for c in m.codes:
            if c in exclude or c.endswith("_MILITIAS") and False:
                continue
            rank = (0 if m.start >= t.end or not after_first else 1) + (2 if m.prep in ("in", "at", "across") else 0)
            good.append((rank, c))
    good.sort(key=lambda x: x[0])
    out: list[str] = []
    for _, c in good:
        if c not in out:
            out.append(c)
    return out


# --------------------------------------------------------------------------- modes


def _domain_hits(sent: Sentence, lo: int, hi: int) -> list[str]:
    # "the Iranian military", "Russian forces": the noun names the actor, not the domain of the act
    # (unless nothing else names a domain: "supplying the Russian military with ...")
    agents = {m.end + 1 for m in sent.mentions if m.role == "agent" and m.kind == "adj" and lo <= m.end < hi}
    out = [d for s, e, d in sent.domains if s >= lo and e <= hi and s not in agents]
    if not out and agents:
        out = [d for s, e, d in sent.domains if s >= lo and e <= hi]
    for m in sent.mentions:
        if m.start >= lo and m.end <= hi and m.codes and m.codes[0] in ("UN", "UNSC"):
            out.append("diplomatic")
    return out


def _object_end(sent: Sentence, t: TrigHit, words: int = 10) -> int:
    lo, hi = _clause(sent, t.start)
    limit = hi
    for other in sent.triggers:
        if other.start > t.end and other.start < limit and other.trig.pos == "verb" and other.trig.type:
            limit = other.start
            break
    # the indexed words after the trigger (limit is a word or clause start, so no word straddles it)
    starts, ws = sent.starts, sent.words
    i = t.end
    j = bisect_left(starts, t.end)
    for k in range(j, min(len(starts), j + words + 1)):
        at = starts[k]
        if at >= limit:
            break
        if k - j >= words or ws[k] in ("that", "which", "who", "because", "while", "but"):
            return at
        i = at + len(ws[k])
    return min(limit, i + 1)


def _left_mod_start(sent: Sentence, t: TrigHit) -> int:
    """Start of the domain words right before a trigger ('military and economic cooperation')."""
    start = t.start
    for ds, de, _ in reversed(sent.domains):
        if de > start:
            continue
        gap = sent.low[de:start]
        if gap.strip(" ,-") in ("", "and", "or", "and/or", ", and"):
            start = ds
        else:
            break
    return start


# --------------------------------------------------------------------------- events from one trigger


# an act named by a definite description right after a condemnation ("denounced the campaign", "condemned this move")

def _fallback_target(sent: Sentence, t: TrigHit, src: list[str], ctx: Context, lex: Lexicon) -> list[str]:
    """A target the text leaves implicit: the last one of this event type if just mentioned, else the document's
    other main actor, else another actor in the sentence."""
    typ = t.trig.type or ""
    lo, _hi = _clause(sent, t.start)
    if any(w.startswith("thank") for w in _ws(sent, lo, t.start)):
        # "Kim thanked Putin for Moscow's support": the support went to the one who thanks
        thanker = [m for m in sent.mentions if lo <= m.start < t.start and _subject_ok(m) and not set(m.codes) & set(src)]
        if thanker:
            return list(thanker[0].codes[:1])
    if typ == "AID" and (t.trig.mode == "intervention" or t.trig.neg):
        # "declined to intervene when Azerbaijan attacked Armenia", "offered little when X struck Y": help goes
        # (or is withheld from) the one attacked
        for o in sent.triggers:
            if o is not t and o.trig.type == "ASSAULT":
                victims = [c for c in _codes(right_target(sent, o, lex, ASSAULT_PREPS, span=10)) if c not in src]
                if victims:
                    return victims[:1]
    if typ in ("AID", "SUPPORT"):
        # "backed Caracas diplomatically, but stopped short of offering military assistance": the one just backed
        for o in sent.triggers:
            if o.end <= t.start and o.trig.type in ("AID", "SUPPORT") and o.trig.pos == "verb":
                got = [c for c in _codes(right_target(sent, o, lex, DIRECT_PREPS)) if c not in src]
                if got:
                    return got[:1]
    if ctx.last_index.get(typ, -9) >= ctx.index - 1 and typ in ctx.last_by_type:
        s_, g_ = ctx.last_by_type[typ]
        if set(s_) & set(src):
            cand = [c for c in g_ if c not in src]
            if cand:
                return cand[:1]
    dyad = ctx.dyad()
    if len(dyad) == 2 and src and src[0] in dyad:
        return [c for c in dyad if c not in src][:1]
    # (not the previous sentence's subject nor the document's pair when this sentence names no one else: "China
    # vetoed the resolution" shields no one named; convention 6 takes an antecedent only from a pronoun or a
    # description, never from the article's topic)
    others = [c for c in other_actors(sent, t, src) if t.trig.frame != "veto" or c not in _FORUMS]
    if others:
        return _listed_with(sent, t, others[0], src)
    return []


def _listed_with(sent: Sentence, t: TrigHit, code: str, src: list[str]) -> list[str]:
    """`code` and, when it opens a 'to' list after the trigger ("visits by X to Jerusalem and Beirut"), the states
    listed with it."""
    first = [m for m in sent.mentions if m.start >= t.end and code in m.codes]
    if not first or first[0].prep != "to" or first[0].group < 0:
        return [code]
    return [c for c in _codes(_group(sent, first[0])) if c not in src] or [code]


RECENT_SENTENCES = 3  # an event named this many sentences back can still be "the attacks", "this supply"


def _recent(ctx: Context, typ: str | None) -> bool:
    """Whether an event of this type was coded in the last few sentences (so an anaphor or a missing argument can
    refer to it); older ones belong to another passage."""
    return typ is not None and typ in ctx.last_by_type and ctx.last_index.get(typ, -99) >= ctx.index - RECENT_SENTENCES


def _assault_source(sent: Sentence, t: TrigHit, lex: Lexicon, ctx: Context) -> list[str]:
    """The attacker of the attack a statement is about: in the sentence, else the last one named."""
    for other in sent.triggers:
        if other.trig.type == "ASSAULT" and other is not t:
            a = _adjacent_agent(sent, other) or _by_agent(sent, other)
            if a:
                return _codes(a)
            if not _anaphoric(sent, other):
                a = left_agent(sent, other, lex, ctx)
                if a and abs(other.start - a[-1].end) < 40:
                    return _codes(a)
    if "ASSAULT" in ctx.last_by_type:
        return list(ctx.last_by_type["ASSAULT"][0][:1])
    return []



def _participle(key: str, lex: Lexicon) -> bool:
    words = key.split()
    head = words[1] if len(words) > 1 and words[0].endswith("ly") else words[0]  # "forcibly removed"
    return head.endswith(("ed", "en")) or head in lex.word_lists["irregular_participles"]


_PASSIVE_BEFORE = re.compile(r"\b(?:is|are|was|were|been|being|be)\s+(?:(?:[\w-]+ly|already|also|still|now)\s+)?$")


def _passive(sent: Sentence, t: TrigHit, lex: Lexicon) -> bool:
    """'drones were delivered', 'is being supplied': a verb trigger in the passive."""
    return t.trig.pos == "verb" and _participle(t.key, lex) and bool(_PASSIVE_BEFORE.search(sent.low[max(0, t.start - 20):t.start]))


def _from_origin(sent: Sentence, t: TrigHit, tgt: list[Mention]) -> list[Mention]:
    """'were sent from Iran to Russia', 'shipped to Russia from Iran': a 'from X' within six words after a passive
    transfer verb, in its clause, not the recipient itself."""
    _lo, hi = _clause(sent, t.start)
    for m in sent.mentions:
        if m.start >= t.end and m.start < hi and m.codes and m.prep == "from" and m.role != "attr" and \
                _nw(sent, t.end, m.start) <= 6 and not set(m.codes) & set(_codes(tgt)):
            return _group(sent, m)
    return []


def _passive_transfer(sent: Sentence, t: TrigHit, lex: Lexicon, preps: frozenset[str] = TRANSFER_PREPS) -> list[tuple[str, str | None]]:
    """'Iranian drones were delivered to Russia': with no 'by X', the origin adjective of the subject gives, the
    'to X' receives."""
    lo, _hi = _clause(sent, t.start)
    origin = [m for m in sent.mentions if lo <= m.start and m.end <= t.start and m.codes and m.kind == "adj"
              and m.role in ("mod", "maker", "agent") and not m.poss]
    tgt = right_target(sent, t, lex, preps, direct=False)
    if origin:
        origin = origin[-1:]
    else:
        origin = _from_origin(sent, t, tgt)  # "weapons were sent from Iran to Russia": the origin (all of it) gives
    if not origin:
        origin = _reporter_before(sent, t)[-1:]  # "Putin said the missiles will be deployed in Belarus": his state sends them
    if not origin or not tgt:
        return []
    return [(a, g) for a in _codes(origin) for g in _codes(tgt) if a != g]


_FRONT = re.compile(r"^[\s\"'\u201c\u2018*]*$")


def _fronted_participle(sent: Sentence, t: TrigHit) -> bool:
    """'Signed in Lima by X and Y, the pact ...': a past participle opening the sentence, its noun after the comma."""
    if t.trig.pos != "verb" or not t.key.endswith("ed") or not _FRONT.match(sent.text[:t.start]):
        return False
    comma = sent.text.find(",", t.end)
    return comma > 0 and any(comma < s_ and _nw(sent, comma, s_) <= 3 for s_, _e, _m, _k in sent.agree_nouns)


def _reporter_before(sent: Sentence, t: TrigHit) -> list[Mention]:
    """The one whose reporting verb ('said', 'replied that') comes before a passive trigger in its sentence, when
    no other actor stands between them: the speaker's side does what it tells of."""
    cues = [c for c in sent.cues.get("report", ()) if c[1] <= t.start]
    if not cues:
        return []
    at = cues[-1][0]
    if any(at < m.start < t.start and m.codes for m in sent.mentions):
        return []
    before = [m for m in sent.mentions if m.end <= at and m.codes and not m.poss and m.role not in ("attr",)]
    return before[-1:]


_PASSIVE_PARTY_PREPS = frozenset({"by", "between", "among"})


def _passive_parties(sent: Sentence, t: TrigHit) -> list[tuple[str, str | None]]:
    """'was negotiated between X and Y', 'were held by X and Y': a joint act in the passive is among the actors
    named after it by 'by', 'between' or 'among' (at least two, in its clause), each towards the others."""
    _lo, hi = _clause(sent, t.start)
    parts: list[str] = []
    for m in sent.mentions:
        if t.end <= m.start < hi and m.codes and m.prep in _PASSIVE_PARTY_PREPS and m.role not in ("attr", "maker") \
                and _nw(sent, t.end, m.start) <= 14:
            parts.extend(c for c in m.codes if c not in parts)
    parts = parts[:3]
    return [(a, b) for a in parts for b in parts if a != b] if len(parts) >= 2 else []


def _adjacent_agent(sent: Sentence, t: TrigHit) -> list[Mention]:
    """A possessor or adjective right before a nominal trigger ('Israeli strikes', "Russia's support")."""
    before = [m for m in sent.mentions if m.end <= t.start and m.codes]
    if before:
        m = before[-1]
        gap = sent.text[m.end + (2 if m.poss else 0):t.start]
        if m.role != "attr" and _modifier_gap(gap) and (m.poss or m.role in ("mod", "maker") or not gap.strip()) and \
                not _verb_trigger_in(sent, m.end, t.start):
            return _group(sent, m)
    return []


def _verb_trigger_in(sent: Sentence, a: int, b: int) -> bool:
    """A verb trigger or saying verb between a and b: "Russia's foreign ministry condemned the strikes" (or "said the
    strikes ...") is no "Russia's strikes"."""
    return any(o.trig.pos == "verb" and o.trig.type and a <= o.start < b for o in sent.triggers) or any(
        a <= c[0] < b and sent.low.startswith(_CLAUSE_OPENERS, c[1]) for c in sent.cues.get("report", ()))


_CLAUSE_OPENERS = (" the ", " that ", " a ", " an ", " this ", " these ")  # after a saying verb: its clause (not "reported aid")


def _warned_about(sent: Sentence, t: TrigHit, src: list[str]) -> list[Mention]:
    """'warning that Armenia will pay': the one a warning is about is the named subject of its that-clause
    (not an adjective, a pronoun or the speaker itself)."""
    start = t.end + 6
    if sent.low[t.end:start] != " that ":
        return []
    _lo, hi = _clause(sent, t.start)
    for m in sent.mentions:
        if start <= m.start < hi and _nw(sent, start, m.start) <= 2 and m.codes and m.prep is None \
                and m.kind not in ("adj", "pron", "pair") and m.role in ("np", "agent") and not set(m.codes) & set(src):
            return _group(sent, m)
    return []



def _own_body_meets(sent: Sentence, t: TrigHit, party: str, jpreps: frozenset[str], lex: Lexicon) -> bool:
    """Whether the one party of a meeting is a body of that state ("Israel's war cabinet met", "Iranian lawmakers
    met"), with no "with X" after the verb: a domestic meeting."""
    if right_target(sent, t, lex, jpreps, span=10):
        return False
    own = [m for m in sent.mentions if m.end <= t.start and party in m.codes]
    if not own or not (own[-1].poss or own[-1].kind == "adj"):
        return False
    return not lex.word_lists["body_nouns"].isdisjoint(_ws(sent, own[-1].end, t.start)[:3])




_POSS_PRONOUNS = frozenset({"our", "its", "their", "his", "her"})  # grammar: possessive determiners
_FRONTING = frozenset("on during in after before at while upon ahead".split())


def _meeting_owner(sent: Sentence, t: TrigHit, subject: list[str]) -> list[str]:
    """Whose meeting a CONSULT trigger names: a noun's possessor or modifier ('the alliance's summit', 'an EU
    ministers meeting'), the body after 'of' ('a meeting of NATO defence ministers'), else the subject."""
    if t.trig.pos == "noun":
        own = _adjacent_agent(sent, t)
        if own:
            return _codes(own)
        _lo, hi = _clause(sent, t.start)
        nxt = next((m for m in sent.mentions if m.start >= t.end and m.codes), None)
        if nxt is not None and nxt.start < hi and nxt.prep == "of" and all(
                w == "of" or w in DETS for w in _ws(sent, t.end, nxt.start)):
            return _codes(_group(sent, nxt))
    return subject


def _bloc_own_meeting(sent: Sentence, t: TrigHit, lex: Lexicon, subject: list[str]) -> bool:
    """A bloc's own meeting ('NATO defence ministers met in Brussels', 'at the alliance's June summit', 'EU leaders
    gathered for a summit', 'at a meeting of NATO ministers, Germany pledged ...'): its owner is blocs alone and no
    other party follows ('with X', 'between X and Y', a direct object): a gathering of its members consults no one."""
    if " with" in t.key or " between" in t.key:
        return False
    owner = _meeting_owner(sent, t, subject)
    if not owner or not set(owner) <= lex.blocs:
        return False
    return not right_target(sent, t, lex, JOINT_PREPS, direct=_direct_party(t, lex), span=8)


def _direct_party(t: TrigHit, lex: Lexicon) -> bool:
    """Whether a joint verb's direct object is a party ('met Xi'); what is discussed is a topic ('discussed
    Ukraine with Germany': the party comes with 'with'; `discussion_verbs`)."""
    return t.trig.pos == "verb" and t.key.split(" ", 1)[0] not in lex.word_lists["discussion_verbs"]


def _own_unnamed_partners(sent: Sentence, tgt: list[Mention], src_codes: list[str], lex: Lexicon) -> bool:
    """Whether the object is the actor's own unnamed partners: its own possessive pronoun before a plural partner
    noun ('defend our allies', 'help its partners'; `unnamed_partner_nouns`)."""
    return bool(tgt) and all(m.kind == "pron" and (m.poss or sent.low[m.start:m.end] in _POSS_PRONOUNS) for m in tgt) and \
        set(_codes(tgt)) <= set(src_codes) and not lex.word_lists["unnamed_partner_nouns"].isdisjoint(
            _next_ws(sent, tgt[-1].end, len(sent.text), 2))


_OF_FORCES = re.compile(r"\s+of\s+[\"“]?(?:(?:the|a|an|more|some|additional|large|larger|new|[\d,]+)\s+[\"“]?){0,2}")


def _adjective_owner(sent: Sentence, t: TrigHit, lex: Lexicon) -> list[str]:
    """'concern about Serbian military mobilisations': a state adjective just before a deployment noun, past at most
    two modifiers of forces, names whose forces they are."""
    before = [m for m in sent.mentions if m.end <= t.start and m.codes and m.kind == "adj"]
    if not before:
        return []
    gap = _ws(sent, before[-1].end, t.start)
    return _codes([before[-1]]) if len(gap) <= 2 and lex.word_lists["force_modifiers"].issuperset(gap) else []


def _with_list(sent: Sentence, codes: set[str]) -> bool:
    """Whether the first state named among `codes` is after "with" ("in cooperation with Britain and the US"): a list
    of partners of the subject, not a group acting together ("drills held by Chile and Bolivia")."""
    first = next((m for m in sent.mentions if set(m.codes) & codes), None)
    return first is not None and first.prep == "with"


def _forces_of(sent: Sentence, t: TrigHit) -> list[str]:
    """'the deployment of US military forces', 'the deployment of 5,000 Russian troops': the state whose forces
    a deployment noun names right after 'of'."""
    m = _OF_FORCES.match(sent.low, t.end)
    if not m:
        return []
    first = next((x for x in sent.mentions if x.start >= m.end()), None)
    if first is None or first.start != m.end() or not first.codes or first.role == "attr":
        return []
    return _codes(_group(sent, first))


def _mediators_by(sent: Sentence, t: TrigHit) -> list[str]:
    """'brokered by the United States, Qatar and the African Union': the mediators of a passive mediation."""
    if not sent.low.startswith(" by ", t.end):
        return []
    first = next((m for m in sent.mentions if m.start > t.end and m.codes), None)
    if first is None or first.prep != "by" or _nw(sent, t.end, first.start) > 3:
        return []
    return _codes(_group(sent, first))


def _effort_agent(sent: Sentence, t: TrigHit) -> list[str]:
    """'the efforts made by Turkey to reduce the tensions', 'efforts by the US to prevent a war': the by-phrase
    just before the infinitive is who mediates."""
    if not _TO_BEFORE.search(sent.low, max(0, t.start - 4), t.start):
        return []
    by = [m for m in sent.mentions if m.end <= t.start and m.codes and m.prep == "by" and m.role != "attr"
          and _nw(sent, m.end, t.start) <= 4]
    return _codes(_group(sent, by[-1])) if by else []


_TO_BEFORE = re.compile(r"\bto\s+$")


def _dispute_named_before(sent: Sentence, t: TrigHit, srcs: list[str], ctx: Context, lex: Lexicon) -> list[tuple[str, str | None]]:
    """'ready to contribute to the settlement of the situation': the dispute whose parties the same mediator's
    last mediation named, a sentence or two before (convention 6); else no mediation to code."""
    if not lex.definite_dispute_re.match(sent.low, t.end) or not _recent(ctx, "CONSULT"):
        return []
    s_, g_ = ctx.last_by_type["CONSULT"]
    if not set(s_) & set(srcs) or len(g_) < 2:
        return []
    return [(c, g) for c in srcs for g in g_ if c != g]


def _fronted_agent(sent: Sentence, t: TrigHit) -> list[str]:
    """The subject right after a sentence-opening phrase that holds the trigger ('During a visit to Lima, Lula
    said ...'): who made the visit or call the phrase names."""
    comma = sent.text.find(",")
    if not sent.words or sent.words[0] not in _FRONTING or comma < t.end:
        return []
    nxt = next((m for m in sent.mentions if m.start > comma and m.codes), None)
    if nxt is None or nxt.prep is not None or nxt.poss or sent.text[comma + 1:nxt.start].strip(" ") != "":
        return []
    return _codes(_group(sent, nxt))


def _people_of(sent: Sentence, t: TrigHit, lex: Lexicon) -> list[str]:
    """The states of the people a joint act is with ('met with leaders of Japan and the US', 'called the heads of
    X and Y'): the list after 'of' when the noun before it names people (an agent or attribution noun)."""
    _lo, hi = _clause(sent, t.start)
    for m in sent.mentions:
        if m.start < t.end or not m.codes:
            continue
        if m.start >= hi or _nw(sent, t.end, m.start) > 6:
            break
        before = _prev_ws(sent, m.start, 3)
        while before and before[-1] in DETS:
            before.pop()
        if m.prep == "of" and len(before) >= 2 and before[-1] == "of" and (
                before[-2] in lex.agent_nouns or before[-2] in lex.attribution_nouns):
            return _codes(_conjuncts(sent, m, hi))
        break
    return []


def _people_subject(sent: Sentence, t: TrigHit, lex: Lexicon) -> list[str]:
    """The states of a subject 'the leaders of X, Y and Z' (a people noun and 'of' opening the clause) before the
    trigger."""
    lo, _hi = _clause(sent, t.start)
    for m in sent.mentions:
        if m.start < lo or not m.codes:
            continue
        if m.end > t.start:
            break
        before = _prev_ws(sent, m.start, 4)
        while before and before[-1] in DETS:
            before.pop()
        if m.prep == "of" and len(before) >= 2 and before[-1] == "of" and (
                before[-2] in lex.agent_nouns or before[-2] in lex.attribution_nouns) and sum(
                w not in DETS for w in _ws(sent, lo, m.start)[:-2]) <= 2:  # "the foreign ministers of X, Y and Z"
            return _codes([x for x in _conjuncts(sent, m, t.start)])
        break
    return []


def _passive_joint(sent: Sentence, t: TrigHit, lex: Lexicon) -> list[tuple[str, str | None]]:
    """'Iran was discussed between Putin and Trump': the two named talk; 'the withdrawal has been discussed with
    Russia', with a speaker before it ('Cavusoglu said ...'): the speaker's state and the one named talk."""
    between = _between_parties(sent, t)
    if len(between) < 2:
        withs = _codes(right_target(sent, t, lex, frozenset({"with"}), direct=False, span=6))
        if not withs:
            return []
        said = [c for c in sent.cues.get("report", ()) if c[1] <= t.start]
        speaker = [m for m in sent.mentions if said and m.end <= said[-1][0] and m.codes and m.prep is None
                   and _nw(sent, m.end, said[-1][0]) <= 2 and not set(m.codes) & set(withs)]
        if not speaker:
            return []
        between = _codes(speaker[-1:]) + withs
    return [(a, b) for a in between for b in between if a != b]


def _between_parties(sent: Sentence, t: TrigHit) -> list[str]:
    """The parties named by 'between X and Y' right after a joint trigger ('talks between Iran and the US'), in its
    clause ('negotiations mediated by Oman between X and Y'): the whole group of the first mention after 'between'."""
    _lo, hi = _clause(sent, t.start)
    for m in sent.mentions:
        if m.start < t.end or not m.codes or m.role == "attr":
            continue
        if m.start >= hi or _nw(sent, t.end, m.start) > 6:
            break
        if m.prep == "between":
            if any(t.end <= o.start < m.start and o.trig.type and o.trig.frame != "mediate" for o in sent.triggers):
                return []  # "welcomed the negotiations between X and Y": the between phrase is the later noun's
            return _codes(_conjuncts(sent, m, hi))
    return []


_LIST_GAP_DET = re.compile(r"\s(?:the|its|their)\s*$")


def _conjuncts(sent: Sentence, first: Mention, hi: int, loose: bool = False) -> list[Mention]:
    """A list of actors from `first` to the one after its 'and' ('Iran, Iraq and Syria', 'the India-Pakistan row'),
    before `hi`: not a name after the list ('between Armenia and Azerbaijan, Peskov said'). `loose`: a few plain
    words may come before the 'and' ('with his Cypriot counterpart, Nikos Christodoulides, and Greek ...')."""
    out = [first]
    end = first.end
    for m in sent.mentions:
        if m.start < end or not m.codes:
            continue
        gap = _LIST_GAP_DET.sub("", sent.low[end:m.start]).strip()
        plain = _nw(sent, end, m.start) <= 6 and not any(
            w in PREPS or (w in CLAUSE_WORDS and w != "and") for w in _ws(sent, end, m.start)) and not any(
            end <= o.start < m.start for o in sent.triggers)
        if loose and m.start < hi and plain and set(m.codes) <= set(_codes(out)):
            end = m.end  # "his Cypriot counterpart, Nikos Christodoulides, ...": the same state again, named
            continue
        if loose and m.start < hi and plain and gap.endswith(" and"):
            gap = "and"
        if m.start >= hi or gap not in (",", "and", ", and", "&", "-"):
            break
        out.append(m)
        end = m.end
        if gap not in (",", "-"):
            break
    return out


def _acting_attr(sent: Sentence, t: TrigHit, lex: Lexicon) -> list[str]:
    """Actors whose officials or diplomats are the subject of a joint act ('Iranian and U.S. officials held talks',
    'Iran, Russia top diplomats discuss'): named just before the trigger, in its clause, with no reporting verb
    between them and it."""
    lo, _hi = _clause(sent, t.start)
    near = [m for m in sent.mentions if lo <= m.start and m.end <= t.start and m.codes and m.role == "attr"
            and _nw(sent, m.end, t.start) <= 6]
    if not near:
        return []
    gap = sent.low[near[-1].end:t.start]
    if any(near[-1].end <= s < t.start for s, _e, _c in sent.cues.get("report", ())) or "," in gap:
        return []
    if not any(w in lex.attribution_nouns for w in _words(gap)):
        return []
    return _codes(near)


def _body_meets(sent: Sentence, t: TrigHit, jpreps: frozenset[str], lex: Lexicon) -> bool:
    """Whether the subject right before a meeting verb is a body ('after the security cabinet met'), with no "with X"
    after it: a body's own meeting, whoever else the sentence names."""
    j = bisect_left(sent.starts, t.start) - 1
    while j >= 0 and (sent.words[j].endswith("ly") or sent.words[j] in AUX):
        j -= 1  # "the cabinet had finally met"
    if j < 0 or sent.words[j] not in lex.word_lists["body_nouns"] or right_target(sent, t, lex, jpreps, span=10):
        return False
    at = sent.starts[j]
    if any(m.start <= at < m.end for m in sent.mentions):
        return False
    # whose body: the actors just before the noun ("an EU defence ministers meeting": one bloc's, still its own;
    # "the Iranian and Saudi foreign ministers met": two states', a meeting between them)
    owners = {c for m in sent.mentions if m.end <= at and _nw(sent, m.end, at) <= 3 and m.codes for c in m.codes}
    return len(owners) <= 1


def _named_group_in(sent: Sentence, parts: list[str]) -> set[str]:
    """The members of a named group of states in the sentence ("the Baltic states") that are all among the parties."""
    groups = mention_data().group_members
    for m in sent.mentions:
        if m.codes in groups and set(m.codes) <= set(parts):
            return set(m.codes)
    return set()


def _within_group(sent: Sentence, pairs: list[tuple[str, str | None]]) -> list[tuple[str, str | None]]:
    """Drop one-way pairs from a member of a named group in the sentence to another member ("the Baltic countries
    asked NATO to deploy a brigade to Estonia, Latvia and Lithuania": the group does not act on itself)."""
    members = mention_data().group_members
    groups = [set(m.codes) for m in sent.mentions if m.codes in members]
    if not groups:
        return pairs
    return [p for p in pairs if not any(p[0] in g and p[1] in g for g in groups)]


_OF_BEFORE = re.compile(r"\s+of\s+(?:the\s+)?$")


def _possessor_of_object(sent: Sentence, t: TrigHit) -> Mention | None:
    """'the delivery of Russia's weapons': the possessor right after 'of' that follows a noun trigger."""
    for m in sent.mentions:
        if m.start >= t.end and m.poss and m.codes and _OF_BEFORE.match(sent.low[t.end:m.start]):
            return m
        if m.start > t.end + 12:
            break
    return None


def _threat_targets(sent: Sentence, attack: TrigHit, src_codes: list[str], lex: Lexicon,
                    ctx: Context) -> list[tuple[str, str | None]]:
    """'Iran threatened to attack Israel': the threateners with each target of the attack they threaten."""
    hit = [pair[1] for pair in _frame_pairs(sent, attack, lex, ctx) if pair[1] and pair[1] not in src_codes]
    return [(src, goal) for src in src_codes for goal in dict.fromkeys(hit)]


def _bloc_alone(parts: list[str], ctx: Context, lex: Lexicon) -> str | None:
    """The bloc whose members a joint act is among: the only party named is a bloc ("GCC members agreed to ..."),
    or none is named and the last sentence's subject was one ("The ministers, meeting in Doha, endorsed ...")."""
    if len(parts) == 1 and parts[0] in lex.blocs:
        return parts[0]
    if not parts and ctx.prev_subject[:1] and ctx.prev_subject[0] in lex.blocs:
        return ctx.prev_subject[0]
    return None


def _pairs_for(sent: Sentence, t: TrigHit, lex: Lexicon, ctx: Context) -> list[tuple[str, str | None]]:
    """(source, target) pairs for a trigger according to its frame; a named group never acts one-way on itself."""
    pairs = _frame_pairs(sent, t, lex, ctx)
    return pairs if t.trig.frame == "joint" else _within_group(sent, pairs)


def _frame_pairs(sent: Sentence, t: TrigHit, lex: Lexicon, ctx: Context) -> list[tuple[str, str | None]]:
    """(source, target) pairs for a trigger according to its frame."""
    trig = t.trig
    frame = trig.frame  # the role procedure; `fr` the named frame, with its prepositions and fallback
    fr = lex.frame_of(trig)
    anaphoric = _anaphoric(sent, t) or _signing_of_the_deal(sent, t, lex)
    if frame == "joint" and trig.type == "AGREE" and _fronted_participle(sent, t):
        return _passive_parties(sent, t)  # "Signed in Lima by X and Y, the pact ...": among the signers
    if (_passive(sent, t, lex) and frame != "mobilize") or (
            trig.pos == "verb" and t.key.endswith(("ed", "en")) and sent.low[t.end:t.end + 4] == " by "):
        # passive: "Iran was backed by Russia", "attacked by Israel"
        agent = [m for m in sent.mentions if m.start >= t.end and m.prep == "by" and (_nw(sent, t.end, m.start) <= 4 or (
            # "was hit by a missile attack by Iran": the agent of the attack named in the by-phrase
            trig.type == "ASSAULT" and _nw(sent, t.end, m.start) <= 8 and any(
                o.trig.type == "ASSAULT" and o.trig.pos == "noun" and t.end < o.start < m.start for o in sent.triggers)))]
        if not agent and frame == "transfer":
            return _passive_transfer(sent, t, lex, fr.preps or TRANSFER_PREPS)
        if frame == "joint":
            return _passive_parties(sent, t) or _passive_joint(sent, t, lex)
        if not agent and trig.type == "COERCE" and any(o.trig.type == "ASSAULT" for o in sent.triggers):
            # "Maduro had been forcibly removed following U.S. strikes": removed by the attacker
            removed = _codes(left_agent(sent, t, lex, ctx))
            return [(a, p) for a in _assault_source(sent, t, lex, ctx) for p in removed if a != p]
        if not agent:
            return []
        patient = left_agent(sent, t, lex, ctx)
        patients: list[str | None] = list(_codes(patient)) or [None]
        if patients == [None] and trig.type == "ACCUSE" and frame == "speech" and any(
                o.trig.type == "ASSAULT" and o.end <= t.start for o in sent.triggers):
            # "the strikes were condemned by Russia": the condemnation is aimed at the attacker
            patients = list(_assault_source(sent, t, lex, ctx)) or [None]
        return [(a, p) for a in _codes(_group(sent, agent[0])) for p in patients if a != p]
    held: list[Mention] = []
    if trig.ties and trig.pos == "verb":
        lo, _hi = _clause(sent, t.start)
        held = [m for m in sent.mentions if m.codes and m.end <= t.start and m.prep is None and not m.poss
                and _RELATIVE_BETWEEN.fullmatch(sent.text, m.end, t.start)]
        subj = _group(sent, held[0]) if held else left_agent(sent, t, lex, ctx)
        if not subj or (subj[0].start < lo and not held and not _starts_subordinate(sent, lex)) or (
                subj[0].poss and subj[0].kind != "pair"):
            return []  # "the pact enhances diplomatic ties": only states building ties is conduct
    if _WHO_BEFORE.search(sent.low, max(0, t.start - 20), t.start) and _WHOM_AFTER.match(sent.low, t.end):
        return []  # "we all know who is threatening whom": an indirect question names no act
    if "anaphor" in trig.need and not (anaphoric and _recent(ctx, trig.type)) and not named_act(sent, t):
        return []  # "a rescue operation": only "the operation" just after an attack is that attack
    adjacent = _adjacent_agent(sent, t) if trig.type == "ASSAULT" and trig.pos == "noun" else []
    if adjacent and all(m.kind == "capital" and not m.poss for m in adjacent):
        return []  # "the Paris attacks": a city before an attack names where it happened, not who attacked
    by_agent = _by_agent(sent, t) if trig.type == "ASSAULT" and trig.pos == "noun" and not adjacent else []
    if by_agent:
        src = by_agent  # "the dangerous actions by China against X": the agent after the noun attacked
        src_codes = _codes(src)
    elif trig.type == "ASSAULT" and trig.pos == "noun" and anaphoric and _recent(ctx, "ASSAULT") and not _adjacent_agent(sent, t) \
            and not _definite_new_act(sent, t, lex, ctx):
        src = []  # "the attacks": the attacker named before
        src_codes = list(ctx.last_by_type["ASSAULT"][0])
    else:
        io = _indirect_object(sent, t, lex) if trig.type in SPEECH_TYPES else None
        src = _group(sent, held[0]) if held else left_agent(sent, t, lex, ctx, pos=io[1] if io else None)
        src_codes = _codes(src)
        if io and _PARTICIPLE_AFTER.search(sent.low, max(0, io[1] - 8), io[1]):
            src_codes = _main_subject(sent, t, ctx)  # "signed a pact, sending Ethiopia a stern warning"
        if trig.type in SPEECH_TYPES and trig.pos == "verb" and _PARTICIPLE_AFTER.search(sent.low, max(0, t.start - 8), t.start) \
                and t.key.split(" ", 1)[0].endswith("ing"):
            main = _main_subject(sent, t, ctx)
            if main:
                src, src_codes = [], main  # "the ministers vowed support for the steps Doha takes, while warning ..."
        light = _light_verb_agent(sent, t, lex) if trig.type == "ASSAULT" and trig.pos == "noun" and not adjacent else []
        if light:
            src, src_codes = light, _codes(light)  # "prompting Tehran to launch retaliatory strikes"
        elif trig.type in ("ASSAULT", "MOBILIZE") and trig.pos == "noun" and src and not _adjacent_agent(sent, t) and not _by_agent(sent, t) and (any(
                o.end <= t.start and o.trig.type in SPEECH_TYPES for o in sent.triggers)
                or not lex.word_lists["verdict_verbs"].isdisjoint(_prev_ws(sent, t.start, 3))):
            # "Turkey condemned the strikes on China", "Putin called the killing a murder": the speaker did not strike;
            # "Seoul condemned the deployment": nor deploy
            src, src_codes = [], []
    if not src_codes and trig.type in SPEECH_TYPES:
        # "According to the Kremlin, the president condemned the attack": the side the statement is attributed to;
        # '"Europe stands with Estonia," von der Leyen wrote': a quoted statement with no actor as its subject, the speaker's
        src_codes = _according_to(sent, t, lex) or _codes(_postposed_speaker(sent, t, lex))
    if not src_codes and trig.type == "CONSULT":
        src_codes = _fronted_agent(sent, t)
    if frame == "joint" and trig.type == "CONSULT" and _bloc_own_meeting(
            sent, t, lex, src_codes or _people_subject(sent, t, lex)):
        return []  # "accepted at the alliance's June summit": the bloc's own meeting, no talks with another state
    between = drills_between(sent, t, lex) if frame == "joint" else []
    if between:
        return [(a, b) for a in between for b in between if a != b]  # "exercises held between X and Y": theirs
    if frame == "joint":
        parts = list(src_codes) or _acting_attr(sent, t, lex)
        if trig.pos == "noun" and "by" in (fr.preps or frozenset()) and _participle_by(sent, t, lex):
            # "the exercise conducted by X and Y": the agents hold it together; "Z took part in it": Z too
            parts = parts or _codes(_by_agent(sent, t))
            parts += [c for c in drill_participants(sent, t, lex) if c not in parts]
        if not parts and not fr.fallback:
            return []  # "most analysts agree that X ...": no party is the subject
        people = _people_subject(sent, t, lex) if trig.type == "CONSULT" else []
        if len(people) >= 2 and set(parts) <= set(people):
            parts = people  # "the leaders of Chile, the U.S. and Peru will consult": all three
        subjects = list(parts)
        if anaphoric and _recent(ctx, trig.type) and not _adjacent_agent(sent, t):
            # "progress in these negotiations": the parties of the talks just named, not the clause's subject
            s_, g_ = ctx.last_by_type[trig.type or ""]
            parts = list(dict.fromkeys([*s_, *g_]))
            if len(parts) >= 2 and _signing_of_the_deal(sent, t, lex):
                return [(a, b) for a in parts for b in parts if a != b]  # its signers only, not states named after it
        if len(parts) == 1 and trig.type == "AGREE" and _agreed_to(sent, t) is not None:
            # "Paris agreed to sell howitzers to X": with the other party of what it agreed to do, else with no one named
            other = _agreed_counterparty(sent, t, parts)
            agreed: list[tuple[str, str | None]] = [(parts[0], c) for c in other]
            agreed.extend((c, parts[0]) for c in other)
            return agreed
        jbase = fr.preps or JOINT_PREPS
        jpreps = jbase | {"to"} if t.key.endswith(" to") or trig.pos == "noun" else jbase  # "spoke to X", "a call to X"
        objs = right_target(sent, t, lex, jpreps, direct=_direct_party(t, lex), span=10)
        if trig.pos == "noun" and not _adjacent_agent(sent, t) and len(_codes(objs)) >= 2 and all(
                m.prep in ("between", "among") for m in objs):
            parts = []  # "welcomed talks between Armenia and Azerbaijan": the parties are named, the subject is none
        if trig.type == "CONSULT" and len(parts) >= 2:
            objs = [m for m in objs if not (m.poss and m.prep is None)]  # "X and Y discussed Z's aggression": a topic
        if objs and trig.type == "CONSULT":
            objs = objs + _conjuncts(sent, objs[-1], _clause(sent, t.start)[1], loose=True)  # "called Thai, Cambodian leaders"
        hub = _separate_deals_with(sent, t, parts, objs, lex)
        if hub:
            return hub  # "X, Y and Z have secured trade agreements with W": each its own deal with W
        for m in objs:
            for c in m.codes:
                if c not in parts:
                    parts.append(c)
        for c in _people_of(sent, t, lex):
            if c not in parts:
                parts.append(c)
        topic = trig.type == "CONSULT" and trig.pos == "verb" and not _direct_party(t, lex)
        between = [] if topic else _between_parties(sent, t)  # "discussed the war between X and Y": a topic
        if len(between) >= 2:
            parts = subjects = between  # "counting on talks between Iran and the US": the two named talk, not the speaker
        # "who negotiated the agreement": the deal is the object, its parties are not named (not any state later)
        deal_object = trig.type == "CONSULT" and trig.pos == "verb" and len(parts) < 2 and any(
            t.end <= s_ and _nw(sent, t.end, s_) <= 2 for s_, _e, _m, _k in sent.agree_nouns)
        if deal_object:
            return []
        met_list = False  # the parties came from a list in the clause ("a meeting of X, Y and Z"): all of them meet
        if len(parts) < 2:
            lo, hi = _clause(sent, t.start)
            for m in sent.mentions:
                if topic and m.start >= t.end and m.prep != "with":
                    continue  # "X discussed the Israeli escalation": what is discussed is no party to the talks
                if m.codes and lo <= m.start < hi and m.role not in ("attr", "maker", "mod") and (m.prep not in (
                        "in", "at", "against", "from", "by", "to", "over", "on", "like", "than") or (
                        m.prep == "to" and m.end <= t.start)):  # "sent jets to Azerbaijan for joint drills"
                    in_list = len(parts) < 2 and m.group >= 0 and len(_group(sent, m)) >= 2 and trig.type == "CONSULT"
                    # "hosted a meeting of Chilean, Bolivian and Brazilian ministers": each listed state takes part
                    met_list = met_list or in_list
                    for c in (_codes(_group(sent, m)) if in_list else m.codes):
                        if c not in parts and not c.endswith("_MILITIAS") and (len(parts) < 2 or in_list):
                            parts.append(c)
        if len(parts) < 2 and anaphoric and trig.type in ctx.last_by_type:
            s_, g_ = ctx.last_by_type[trig.type]
            parts = list(dict.fromkeys([*parts, *s_, *g_]))
        if not parts and not anaphoric and trig.pos == "verb":
            return []  # "aware of who is talking to whom": no party named, none to take from the document
        if trig.type == "CONSULT" and trig.pos == "verb" and (len(parts) == 1 and _own_body_meets(sent, t, parts[0], jpreps, lex)
                                                              or _body_meets(sent, t, jpreps, lex)):
            return []  # "Israel's war cabinet met on Sunday": a state's own body meeting consults no other state
        bloc = _bloc_alone(parts, ctx, lex)
        if bloc:
            return [(bloc, None)]
        if len(parts) < 2:
            for c in ctx.dyad():
                if c not in parts and len(parts) < 2:
                    parts.append(c)
        if len(parts) < 2:
            return []
        if len(parts) == 2 and trig.type in ("CONSULT", "AGREE") and lex.trilateral_re.search(sent.low):
            # "X, Y and Z ... in their trilateral summit": the third state named in the sentence takes part
            third = [c for c in other_actors(sent, t, parts) if not c.endswith("_MILITIAS")]
            parts = parts + third[:1]
        group = _named_group_in(sent, parts)
        if group and set(parts) - group:
            # "Britain signed a pact with the Nordic countries": each member with the other party, not with each other
            return [(a, b) for a in parts for b in parts if a != b and not (a in group and b in group)]
        parts = parts[:6]
        if (trig.type == "CONSULT" or (trig.type == "COOPERATE" and _with_list(sent, set(parts) - set(subjects)))) and \
                subjects and len(set(parts) - set(subjects)) >= 2 and not lex.multilateral_re.search(sent.low) and not met_list:
            # "Trump called the leaders of Thailand and Cambodia": the subject talks with each; they need not talk;
            # "X will build them in cooperation with Y and Z": X works with each, Y and Z not with each other
            return [(a, b) for a in parts for b in parts if a != b and (a in subjects or b in subjects)]
        return [(a, b) for a in parts for b in parts if a != b]
    if frame == "declined":
        # the one who declined (subject of the clause) withholds from the one who asked (possessor of "request")
        lo, _hi = _clause(sent, t.start)
        asker = [m for m in sent.mentions if lo <= m.start < t.start and m.poss and m.codes]
        decliner = [m for m in sent.mentions if lo <= m.start < t.start and _subject_ok(m) and m not in asker]
        if not decliner or not asker:
            return []
        return [(a, g) for a in _codes(_group(sent, decliner[0])) for g in _codes([asker[-1]]) if a != g]
    if frame == "withdraw":
        # who leaves is the subject (or possessor), or the state whose forces the noun names ("the withdrawal of
        # French troops from X": France); where from is "from X" / "out of X"
        _lo, hi = _clause(sent, t.start)
        leaver = _forces_of(sent, t) if trig.pos == "noun" else []
        if leaver:
            src_codes = leaver
        froms = [m for m in sent.mentions if t.end <= m.start < hi and m.prep in (fr.preps or WITHDRAW_PREPS) and not m.poss
                 and m.codes and not set(m.codes) & set(src_codes) and _nw(sent, t.end, m.start) <= 10]
        places: list[str | None] = list(_codes(_group(sent, froms[0]))) if froms else [None]
        return [(c, g) for c in src_codes for g in places if c != g]
    if frame == "cease":
        # "halted its strikes on Lebanon", "stop the bombing of the Houthis": aimed at whom the campaign was
        _lo, hi = _clause(sent, t.start)
        verbs = [o.end for o in absorbed(sent, t, lex) if o.trig.pos == "verb"]  # "stop bombing the Houthis"
        aimed = [m for m in sent.mentions if t.end <= m.start < hi and m.codes and m.kind != "pron"
                 and (m.prep in (fr.preps or ASSAULT_PREPS) or (m.prep is None and any(0 <= _nw(sent, e, m.start) <= 2 for e in verbs)))
                 and _nw(sent, t.end, m.start) <= 8 and not set(m.codes) & set(src_codes)]
        targets: list[str | None] = list(_codes(_group(sent, aimed[0]))) if aimed else [None]
        return [(c, g) for c in src_codes for g in targets if c != g]
    if frame == "verdict":
        return _verdict_pairs(sent, t, lex, ctx)
    if frame == "demand":
        return _demand_pairs(sent, t, lex, ctx)
    if frame == "intercept":
        defended = _intercepted_for(sent, t, src_codes, ctx, lex, fr.preps or frozenset())
        if not defended and src_codes and src_codes[0] in lex.blocs and not _fire_intercepted(sent, t, lex):
            return [(src_codes[0], None)]  # "NATO intercepted the Russian aircraft": the bloc defends its members
        return [(c, g) for c in src_codes for g in defended if c != g]
    if frame == "mobilize":
        # "the deployment of US forces", "Serbian military mobilisations": whose forces the noun names
        deployer = (_forces_of(sent, t) or _codes(_adjacent_agent(sent, t)) or _adjective_owner(sent, t, lex)) if trig.pos == "noun" else []
        if trig.type == "AID":
            # "the deployment of Russian troops in Mali", "is sending reinforcements to Syria": aid to the state the
            # forces go to (casus.events.coder._retype)
            senders = deployer or src_codes or list(ctx.prev_subject[:1])
            hosts = [c for m in deployed_to(sent, t) for c in m.codes if c not in senders][:1]
            return [(c, g) for c in senders for g in hosts]
        if deployer:
            return [(c, None) for c in deployer]  # "warned that the deployment of US forces ...": the US deploys
        if not src_codes and _passive(sent, t, lex):
            lo, _hi = _clause(sent, t.start)
            origin = [m for m in sent.mentions if lo <= m.start and m.end <= t.start and m.codes and m.kind == "adj"]
            src_codes = _codes(origin[-1:])
            if not src_codes:
                # "being deployed are F-16s from Denmark, Rafales from France": each "from X" sends forces
                _lo, hi = _clause(sent, t.start)
                src_codes = list(dict.fromkeys(c for m in sent.mentions if t.end <= m.start < hi and m.prep == "from"
                                               for c in m.codes))
        return [(c, None) for c in (src_codes or list(ctx.prev_subject[:1]))]
    if frame == "mediate":
        # mediation is CONSULT towards each party (news convention 8): those named after it, else in the sentence
        _lo, hi = _clause(sent, t.start)
        mediators = _mediators_by(sent, t)
        if mediators:
            # "the deal brokered by X, Y and Z": the by-phrase mediates; the parties are the "between" list, else
            # the subject (who signed the deal)
            listed = [m for m in sent.mentions if t.end <= m.start < hi and m.prep == "between" and m.codes]
            signers = _codes(_conjuncts(sent, listed[0], hi)) if listed else [
                c for c in src_codes if c not in mediators] or [
                c for m in sent.mentions if m.codes and m.role != "attr" and m.end <= t.start for c in m.codes]
            mediated: list[str | None] = [p for p in dict.fromkeys(signers) if p not in mediators] or [None]
            return [(c, g) for c in mediators for g in mediated if c != g]
        srcs = _effort_agent(sent, t) or src_codes or list(ctx.prev_subject[:1])
        after_ms = [m for m in sent.mentions if t.end <= m.start < hi and m.codes and m.role != "attr"
                    and not set(m.codes) <= set(srcs)]
        between_ms = [m for m in after_ms if m.prep == "between"]
        # the parties are the first list named after it ("broker peace in Sudan and take a harder line on Chad":
        # Sudan), or the "between" list ("mediated in Yemen between X and Y")
        first = between_ms[0] if between_ms else after_ms[0] if after_ms else None
        if trig.obj is not None:
            # "help resolve the standoff between X and Y", "defuse the US-Iran row": the dispute's own parties
            # only; with none named ("helped resolve the crisis"), no mediation to code
            hi = _object_end(sent, t, 10)
            first = next((m for m in between_ms if m.start < hi), None) or next(
                (m for m in after_ms if m.start < hi and sent.text[m.end:m.end + 1] == "-"), None)
            if first is None:
                return _dispute_named_before(sent, t, srcs, ctx, lex)
        after = _codes(_conjuncts(sent, first, hi)) if first is not None else []
        if first is not None and first.kind == "pair" and set(first.codes) & set(srcs):
            # "Turkey's efforts to reduce the tensions between the two countries": the two of the passage, not
            # the mediator named just before
            after = other_pair(ctx, srcs[0])
        anywhere = [c for m in sent.mentions if m.codes and m.role != "attr" for c in m.codes]
        party_codes = [c for c in dict.fromkeys(after or anywhere) if c not in srcs][:3]
        if party_codes and all(c in lex.blocs for c in party_codes):
            # "brokered the peace between fellow members of the CSTO": the members, the passage's two others
            party_codes = [c for c in other_pair(ctx, srcs[0]) if c not in lex.blocs] if srcs else []
        parties: list[str | None] = list(party_codes) if party_codes else [None]
        return [(c, g) for c in srcs for g in parties if c != g]
    if frame == "receive":
        giver = right_target(sent, t, lex, fr.preps or frozenset({"from"}), direct=False)
        implicit = src_codes and fr.fallback and t.key.startswith(("receiv", "obtain"))  # not "get bogged down", not buying
        gcodes = _codes(giver) or (_implicit_giver(ctx, src_codes) if implicit else [])
        if not gcodes and src_codes and t.key.split(" ", 1)[0] in lex.word_lists["awaiting_verbs"] and _recent(ctx, "AID"):
            givers, got = ctx.last_by_type["AID"]  # "Germany sent Patriots to Kyiv. Kyiv expects more air defence."
            gcodes = [c for c in givers if c not in src_codes][:1] if set(got) & set(src_codes) else []
        return [(g, r) for g in gcodes for r in src_codes if g != r] if gcodes and src_codes else []
    recipient = False
    if trig.type in ("AID", "SUPPORT") and trig.pos == "noun":
        left = sent.text[max(0, t.start - 60):t.start]
        if lex.recipient_re.search(left):
            recipient = True
    if recipient:
        # "Iran cannot expect full military backing (from Russia)": the subject receives.
        giver = right_target(sent, t, lex, frozenset({"from", "by"}), direct=False)
        gcodes = _codes(giver) or _fallback_target(sent, t, src_codes, ctx, lex)
        return [(g, r) for g in gcodes for r in src_codes if g != r]
    tgt: list[Mention]
    if frame == "transfer":
        tgt = right_target(sent, t, lex, fr.preps or TRANSFER_PREPS)
        owner = _possessor_of_object(sent, t)
        if owner and trig.pos == "noun":
            # "welcomed the delivery of Putin's missiles to his country": the owner of what is delivered gives it
            tgt = [m for m in tgt if m is not owner and not set(m.codes) & set(owner.codes)]
            if not tgt and src_codes and not set(src_codes) & set(owner.codes):
                return [(c, g) for c in owner.codes for g in src_codes if c != g]
            src_codes = list(owner.codes)
        if not tgt and _INDEFINITE_RECIPIENT.match(sent.low, t.end, _object_end(sent, t, 10)):
            return []  # "not to offer any aid to an aggressor": given to no state named or meant
        if not src_codes and trig.pos == "verb" and tgt and _participle(t.key, lex):
            src_codes = _codes(_from_origin(sent, t, tgt))  # "drones shipped from Iran to Russia were used": Iran gives
        if not src_codes:
            hi = _object_end(sent, t, 10)
            for m in sent.mentions:
                if t.end <= m.start < hi and m.role in ("mod", "maker") and m.codes and (not tgt or m.codes[0] not in _codes(tgt)):
                    src_codes = list(m.codes)
                    break
    elif frame == "assault":
        # a frame without fallback names its target by a preposition ("action in X"), never a direct object
        tgt = right_target(sent, t, lex, fr.preps or ASSAULT_PREPS, direct=fr.fallback or trig.pos == "verb", span=10)
        if tgt and all(m.prep == "in" for m in tgt) and _against_a_thing(sent, t):
            tgt = []  # "joint action against terrorism in the Sahel, including in Niger": where, not against whom
        if tgt and any(o.trig.type in ("AID", "SUPPORT") and _means_of(sent, t, o) and o.start < tgt[0].start
                       for o in sent.triggers):
            tgt = []  # "military action to defend the nation of Chad": Chad is defended, not attacked
        if not tgt and fr.fallback and not _against_a_thing(sent, t):
            for m in sent.mentions:
                # "struck targets in Syria", "In Syria, Israel struck": where the attack fell; not a place named
                # before it ("signed a deal in Washington to end fighting that has killed thousands")
                if m.codes and m.prep == "in" and m.codes[0] not in src_codes and m.role != "attr" and (
                        m.start >= t.end or _FRONTED_IN.fullmatch(sent.low, 0, m.start)):
                    tgt = [m]
                    break
    elif frame == "request":
        if fr.name == "at_request":
            # "sent troops at the request of X": X asked, the subject was asked
            askers = _codes(right_target(sent, t, lex, fr.preps or frozenset({"of"}), direct=False, span=8))
            # the subject of the act, not the actor nearest the noun ("sent troops to X at the request of Y")
            asked = _main_subject(sent, t, ctx) or list(src_codes)
            near = [m for m in sent.mentions if m.end <= t.start and m.codes and m.prep in (None, "of")]
            if not asked and near:
                asked = list(near[-1].codes)  # "The Government of X, at the request of Y, will ..."
            return [(a, c) for a in askers for c in asked if a != c]
        told = _request_told(sent, t, ctx)
        if told:
            return told
        # an open call ("appealed for restraint after Greek flights", no fallback) takes only the addressee right after it
        tgt = right_target(sent, t, lex, fr.preps or REQUEST_PREPS, span=12 if fr.fallback else 1)
        lo, _hi = _clause(sent, t.start)
        if trig.pos == "noun" and lex.rejected_before_re.search(sent.low[max(lo, t.start - 60):t.start]):
            # "Russia declined Yerevan's request": the request was made to the one who declined it
            decliner = [m for m in sent.mentions if lo <= m.start < t.start and _subject_ok(m) and not m.poss
                        and not set(m.codes) & set(src_codes)]
            if decliner:
                tgt = _group(sent, decliner[0])
    elif frame == "speech" and fr.name == "welcome":
        return [(c, g) for c in src_codes for g in _welcomed(sent, t, lex) if c != g]
    elif frame == "speech":
        io_ = _indirect_object(sent, t, lex)
        if io_:
            return [(c, g) for c in src_codes for g in _codes(_group(sent, io_[0])) if c != g]
        hi = _object_end(sent, t, 12)
        inner = [o for o in sent.triggers if o is not t and o.trig.type == "ASSAULT" and t.end <= o.start <= hi]
        last = t.key.rsplit(" ", 1)[-1]
        speech_preps = fr.preps or SPEECH_PREPS
        if last in PREPS:
            speech_preps = speech_preps | {last}  # "exact a price from X": the phrase's own preposition
        if trig.type == "THREATEN" and trig.pos == "noun":
            speech_preps = speech_preps | {"for"}  # "a stern warning for the US"
        tgt = right_target(sent, t, lex, speech_preps, span=6 if trig.pos == "noun" else 12)
        by = _object_agent(sent, t, hi) if trig.pos == "verb" else []
        if by and (not tgt or by[0].start < tgt[0].start):
            tgt = by  # "condemned the actions by China against X": aimed at the one whose acts they are
        if not tgt and trig.type == "ACCUSE":
            tgt = _object_between(sent, t, hi)  # "condemned the pact between X, Y and Z": aimed at its parties
        if not tgt and trig.type == "ACCUSE" and t.key.startswith("warn"):
            tgt = warned_about(sent, t)  # "warned that Russia was renewing efforts to ...": aimed at Russia
        if inner and (not tgt or tgt[0].start > inner[0].start):
            # "condemned the strikes on Iran": the statement is aimed at the attacker
            codes = _assault_source(sent, t, lex, ctx)
            if trig.type == "THREATEN" and codes and src_codes and set(codes) <= set(src_codes):
                # "Iran threatened to attack Israel": its own attack threatened, aimed at the attack's target
                # (a warning against an act, "will not tolerate any attack on its allies", frame deter: no one named)
                own = _threat_targets(sent, inner[0], src_codes, lex, ctx) if fr.name != "deter" else []
                if own:
                    return own
                codes = []
            if codes:
                return [(c, g) for c in (src_codes or list(ctx.prev_subject[:1])) for g in codes if c != g]
            if trig.type == "ACCUSE":
                # "condemned the killing of X" with no killer named: aimed at no one named, never at the victim
                return [(c, None) for c in (src_codes or list(ctx.prev_subject[:1]))]
        if not tgt:
            for m in sent.mentions:
                if m.start > t.end and m.codes and _IF_AGAINST_BEFORE.search(sent.low[max(0, m.start - 14):m.start]):
                    if _nw(sent, t.end, m.start) <= 8:
                        tgt = [m]
                        break
        if not tgt and trig.type == "THREATEN" and src_codes:
            # "threatened to cut ties with Lithuania": a threat of the speaker's own sanction or coercion is aimed at
            # whom that act would hit
            acts = [o for o in sent.triggers if o.trig.type in ("SANCTION", "COERCE") and t.end <= o.start <= hi]
            hit = [g for g in dict.fromkeys(p[1] for p in _frame_pairs(sent, acts[0], lex, ctx) if p[1]) if g not in src_codes] \
                if acts else []
            if hit:
                return [(c, g) for c in src_codes for g in hit]
        if not tgt and trig.type == "THREATEN" and trig.pos == "verb":
            tgt = _warned_about(sent, t, src_codes)
        if not tgt and trig.type == "ACCUSE" and lex.attack_words_re.search(sent.low):
            codes = _assault_source(sent, t, lex, ctx)
            for typ_ in ("MOBILIZE", "COERCE"):
                # "Caracas denounced the campaign" after the deployments were named: aimed at who deployed
                if not codes and _recent(ctx, typ_):
                    codes = [c for c in ctx.last_by_type[typ_][0] if c not in src_codes][:1]
            if codes:
                return [(c, g) for c in (src_codes or list(ctx.prev_subject[:1])) for g in codes if c != g]
        if not tgt and trig.type == "ACCUSE" and lex.definite_act_re.match(sent.low, t.end):
            # "Hanoi denounced the operation": aimed at the one whose act was just told (mentions.recent_actor)
            codes = recent_actor(ctx, src_codes)
            if codes:
                return [(c, g) for c in (src_codes or list(ctx.prev_subject[:1])) for g in codes if c != g]
    elif frame == "veto":
        # the forum (UN, Security Council) is not the target; whoever the vetoed text named is
        _lo, hi = _clause(sent, t.start)
        # (not its sponsor, "a draft put forward by Algeria"; the subject itself first, "condemning its invasion of
        # Ukraine", shields no one else)
        named = [m for m in sent.mentions if t.end <= m.start < hi and m.codes and m.role != "attr"
                 and not set(m.codes) <= _FORUMS and _nw(sent, t.end, m.start) <= 15]
        if named and (named[0].prep == "by" or set(named[0].codes) & set(src_codes)):
            return []
        tgt = _group(sent, named[0]) if named else []
    elif frame == "sanction":
        if not src_codes:
            return []
        tgt = right_target(sent, t, lex, fr.preps or frozenset({"on", "against"}), direct=False)
        if not tgt:
            before = [m for m in sent.mentions if m.end <= t.start and m.codes and m.role not in ("attr", "maker", "mod")
                      and not set(m.codes) & set(src_codes) and (m.prep is None or m.poss)]
            if before:
                tgt = _group(sent, before[-1])
            else:
                for m in sent.mentions:
                    if m.start > t.end and m.codes and _subject_ok(m) and not set(m.codes) & set(src_codes):
                        tgt = _group(sent, m)
                        break
        if not tgt:
            return []
    else:
        if fr.name == "directed" or fr.preps is None:
            base = fr.preps or DIRECT_PREPS
            preps = COOP_PREPS if trig.type == "COOPERATE" else base | {"in", "of"} if trig.mode == "intervention" else base
        else:
            preps = fr.preps  # a frame of its own: its prepositions only
        last = t.key.rsplit(" ", 1)[-1]
        if last in PREPS:
            preps = preps | {last}  # "refused to negotiate with X": the phrase's own preposition takes the target
        tgt = right_target(sent, t, lex, preps)
        if trig.type == "CONSULT" and tgt and all(m.kind == "adj" and m.role == "mod" and any(
                ds == m.end + 1 for ds, _, _ in sent.domains) for m in tgt):
            tgt = []  # "visited the French aircraft carrier": a thing of that state's, not the state visited
        if "possessor" in trig.need:
            before = [m for m in sent.mentions if m.end <= t.start and m.codes]
            if before and before[-1].poss and _modifier_gap(sent.text[before[-1].end + 2:t.start]):
                tgt = _group(sent, before[-1])
                src = left_agent(sent, t, lex, ctx, pos=before[-1].start)
                if before[-1].kind == "pron" and set(_codes(src)) == set(_codes(tgt)):
                    tgt = []
                    src_codes = _codes(src)
                    return [(c, g) for c in src_codes for g in _fallback_target(sent, t, src_codes, ctx, lex) if c != g]
                src_codes = [c for c in _codes(src) if c not in _codes(tgt)]
                if not src_codes:
                    prior = [m for m in sent.mentions if m.end <= before[-1].start and m.codes and m.role not in ("attr",)
                             and not set(m.codes) & set(_codes(tgt))]
                    src_codes = list(prior[-1].codes) if prior else []
            elif not tgt or sent.low[t.end:t.end + 4] != " of ":
                return []
    if trig.type == "COERCE" and trig.pos == "noun" and lex.faced_before_re.search(sent.low, max(0, t.start - 40), t.start):
        return []  # "Israel faces international pressure to ...": the subject is pressed, by no state named as such
    tgt_codes = _codes(tgt)
    if trig.type in ("AID", "SUPPORT") and _own_unnamed_partners(sent, tgt, src_codes, lex):
        return [(c, None) for c in src_codes]  # '"We will defend our allies," Rutte said': allies unnamed, no target
    if tgt and trig.type in ("AID", "SUPPORT") and trig.pos == "verb" and frame == "directed" and \
            all(m.kind == "pron" and m.poss for m in tgt) and set(tgt_codes) <= set(src_codes) and (
            trig.type == "AID" or lex.thing_object_re.match(sent.low, t.end)):
        # "China will defend its sovereignty", "to back its claim": its own things, no aid or support to anyone
        return []
    if tgt and all(m.kind == "pron" for m in tgt) and set(tgt_codes) <= set(src_codes):
        tgt_codes = _fallback_target(sent, t, src_codes, ctx, lex)  # "Moscow coming to its defence": its is not Moscow
    if fr.name == "rebut" and not tgt_codes and _recent(ctx, "ACCUSE"):
        # "Pakistan denied the allegations": aimed at whoever accused it just before
        s_, g_ = ctx.last_by_type["ACCUSE"]
        tgt_codes = [c for c in s_ if c not in src_codes] if set(g_) & set(src_codes) else []
    if fr.name == "revenge" and not tgt_codes:
        tgt_codes = _retaliated_on(ctx, src_codes)  # "Iran vowed revenge": on whoever just attacked it
    if fr.name == "retaliate" and not tgt_codes:
        if not src_codes and _recent(ctx, "ASSAULT"):
            src_codes = [c for c in ctx.last_by_type["ASSAULT"][1]]  # "the retaliation": by the one attacked last
        tgt_codes = _retaliated_on(ctx, src_codes)
        return [(c, g) for c in src_codes for g in tgt_codes if c != g]
    if trig.type == "ASSAULT" and not tgt_codes and not fr.fallback:
        return []  # the frame's target must be named in the sentence
    if trig.type == "ASSAULT" and not tgt_codes and src_codes and "ASSAULT" in ctx.last_by_type:
        s_, g_ = ctx.last_by_type["ASSAULT"]
        if set(s_) & set(src_codes):
            tgt_codes = [c for c in g_ if c not in src_codes]
    if trig.type == "ASSAULT" and not tgt_codes and src_codes and trig.pos == "noun" and (
            _adjacent_agent(sent, t) or _by_agent(sent, t)) and (
            not {"a", "an", "any"} & set(_prev_ws(sent, t.start, 3)) or _helped(sent, t, src_codes, lex)):
        # "helped defend Israel during a missile attack by Iran": an indefinite attack hit the one helped
        tgt_codes = _assault_fallback_target(sent, t, src_codes, ctx, lex)
    # Missing arguments: anaphora ("This supply ...", "the attacks") and the document's dyad.
    if not src_codes:
        family = [trig.type] + (["AID", "SUPPORT"] if trig.type in ("AID", "SUPPORT") else [])
        if trig.type == "ASSAULT":
            if (trig.pos == "noun" or _projectile_subject(sent, t, lex)) and _recent(ctx, "ASSAULT"):
                # "the attacks", "the barrage of missiles targeted X": the attacker named before
                src_codes = [c for c in ctx.last_by_type["ASSAULT"][0] if c not in tgt_codes]
        elif trig.type in DYAD_TYPES or trig.type in SPEECH_TYPES:
            for typ in family:
                if typ is not None and _recent(ctx, typ):
                    s_, g_ = ctx.last_by_type[typ]
                    src_codes = [c for c in s_ if c not in tgt_codes]
                    if not tgt_codes and anaphoric:
                        tgt_codes = [c for c in g_ if c not in src_codes]
                    break
            if not src_codes and trig.type in DYAD_TYPES:
                src_codes = [c for c in ctx.prev_subject[:1] if c not in tgt_codes] or [c for c in ctx.dyad() if c not in tgt_codes][:1]
    if not src_codes:
        return []
    if not tgt_codes and anaphoric and trig.type in ctx.last_by_type and fr.fallback:
        tgt_codes = [c for c in ctx.last_by_type[trig.type][1] if c not in src_codes]
    if not tgt_codes and trig.type == "AID" and trig.pos == "verb" and trig.frame == "directed" and \
            _NOTHING_AFTER.match(sent.text, t.end):
        return [(c, None) for c in src_codes]  # "we are always ready to defend,": no one named, no one implied
    if not tgt_codes and len(src_codes) >= 2 and trig.type in DYAD_TYPES and _own_pair_after(sent, t, src_codes):
        tgt_codes = list(src_codes)  # "Putin and Xi expressed commitment to the alliance between their countries"
    if not tgt_codes and trig.type in DYAD_TYPES and fr.fallback and not _object_is_a_thing(sent, t, lex):
        tgt_codes = _fallback_target(sent, t, src_codes, ctx, lex)
    if not tgt_codes and trig.type == "ASSAULT" and fr.fallback and _on_things(sent, t, lex):
        return [(c, None) for c in src_codes]  # "several strikes on vessels": an attack on no state
    if not tgt_codes and ("target" in trig.need or trig.type == "ASSAULT"):
        return []
    out: list[tuple[str, str | None]] = []
    for code in src_codes:
        if tgt_codes:
            out.extend((code, g) for g in tgt_codes if code != g)
        else:
            out.append((code, None))
    return out


def _verdict_pairs(sent: Sentence, t: TrigHit, lex: Lexicon, ctx: Context) -> list[tuple[str, str | None]]:
    """'X called the offensive a plot by Y', 'X said the strikes were a violation of international law': X (the first
    subject, before a saying or calling verb) accuses the agent named after the verdict ('by Y'), else the one who did
    the act named before it, else an actor modifying what was judged ('the Turkish minister's statement'), else no one."""
    shared = lex.word_lists["shared_verdict_verbs"]
    said = [c[0] for c in sent.cues.get("report", ()) if c[0] < t.start] + [
        at for w, at in zip(sent.words, sent.starts) if at < t.start and (w in lex.word_lists["verdict_verbs"] or (
            w in shared and sent.low.startswith(" that ", at + len(w))))]
    if said:
        verb_at = min(said)
        speakers = [m for m in sent.mentions if m.end <= verb_at and _subject_ok(m)]
    else:
        speakers = _postposed_speaker(sent, t, lex)  # '"... reckless Russian behaviour," the minister said'
        # the acts judged are the quotation's, from its start ('"The PRC's actions are destabilizing," Miller added')
        verb_at = next((qs for qs, qe in sent.quotes if qs < t.start < qe), t.start)
    src = _codes(_group(sent, speakers[0])) if speakers else _named_last_speaker(sent, t, lex, ctx)
    if not src:
        return []
    _lo, hi = _clause(sent, t.start)
    # (not "a violation of Qatar's sovereignty", "of Qatari airspace": the one wronged, named as a possessor or adjective)
    # ("a serious escalation of the illegal activities conducted by X": the agent of the acts judged, further on)
    by = [m for m in sent.mentions if t.end <= m.start < hi and m.codes and m.prep in ("by", "of", "from") and (
          _nw(sent, t.end, m.start) <= 4 or (m.prep == "by" and _nw(sent, t.end, m.start) <= 8
                                            and not _CLAUSE_PUNCT.search(sent.text, t.end, m.start)))
          and not (m.prep == "of" and (m.poss or m.kind == "adj"))]
    accused = [c for c in _codes(_group(sent, by[0])) if c not in src] if by else []
    if not accused:
        # "reckless Russian behaviour", "dangerous Chinese actions": the actor modifying the conduct judged
        next_to = [m for m in sent.mentions if t.end <= m.start < hi and m.codes and m.prep is None and (
                   m.kind == "adj" or m.poss) and _nw(sent, t.end, m.start) == 0]
        accused = [c for c in _codes(next_to[:1]) if c not in src]
    if not accused:
        for o in sent.triggers:
            if verb_at < o.start < t.start and o.trig.type in ("ASSAULT", "COERCE", "AID"):
                accused = [c for c in _codes(left_agent(sent, o, lex, ctx)) if c not in src]
                if accused:
                    break
    if not accused:
        # "the strikes were unacceptable", '"such actions are untenable," the ministry said': an act with no agent
        # named, told just before (an attack, coercion or deployment of the last sentences), is that actor's
        for o in sent.triggers:
            if verb_at <= o.start < t.start and o.trig.type in _JUDGED_TYPES and _recent(ctx, o.trig.type) and \
                    set(_codes(left_agent(sent, o, lex, ctx))) <= set(src):
                accused = [c for c in ctx.last_by_type[o.trig.type][0] if c not in src]
                if accused:
                    break
    if not accused:
        after = speakers[0].end if speakers and speakers[0].end <= t.start else 0
        # ('"This launch by X is a provocation"': the act's agent after "by" is its author)
        accused = [c for m in sent.mentions if after < m.start < t.start and m.codes and (
                   m.role in ("mod", "agent") or m.poss or m.prep == "by") and (said or _nw(sent, m.end, t.start) <= 4)
                   for c in m.codes if c not in src][-1:]
    if not accused and trig_in_quote(sent, t):
        # '"X's vessels, in blatant violation of international law, hit" our boat, the minister said': the verdict
        # qualifies the act that follows it in the quotation; its agent is accused
        qe = next(e for b, e in sent.quotes if b < t.start < e)
        for o in sent.triggers:
            if t.end <= o.start < qe and o.trig.type in ("ASSAULT", "COERCE") and o.trig.pos == "verb":
                accused = [c for c in _codes(left_agent(sent, o, lex, ctx)) if c not in src]
                break
    victims = {c for m in sent.mentions if t.end <= m.start < hi and m.prep in ("against", "on") and _nw(sent, t.end, m.start) <= 2
               for c in m.codes}
    accused = [c for c in accused if c not in victims]  # "what it called aggression against Tehran": Iran is wronged
    if not accused and not said:
        return []  # a quotation's verdict with no one named as its author: too loose to code
    targets: list[str | None] = list(accused) if accused else [None]
    return [(c, g) for c in src for g in targets]


def trig_in_quote(sent: Sentence, t: TrigHit) -> bool:
    """Whether a trigger lies inside a quotation of the sentence."""
    return any(b < t.start < e for b, e in sent.quotes)


_JUDGED_TYPES = frozenset({"ASSAULT", "COERCE", "MOBILIZE"})  # acts a verdict's target may be the actor of
_NAME_BEFORE_CUE = re.compile(r"(?:^|[\s,])(?:[A-Z][\w'.-]+\s+){1,2}$")  # '..., Miller added': a bare person name


def _named_last_speaker(sent: Sentence, t: TrigHit, lex: Lexicon, ctx: Context) -> list[str]:
    """'"... disregard for international law," Miller added': a quotation attributed to a person no actor names
    (a surname), right after a quotation by a named speaker in the sentence before, is that speaker's."""
    if ctx.last_speaker_index < ctx.index - 1 or not ctx.last_speaker:
        return []
    cues = [c for c in sent.cues.get("report", ()) if c[0] >= t.end]
    if not cues or not any(qs < t.start < qe <= cues[0][0] for qs, qe in sent.quotes):
        return []
    qe = max(qe for qs, qe in sent.quotes if qe <= cues[0][0])
    gap = sent.text[qe + 1:cues[0][0]]
    return list(ctx.last_speaker[:1]) if _NAME_BEFORE_CUE.search(gap) and "," in sent.text[qe - 2:qe + 2] else []


def _indirect_object(sent: Sentence, t: TrigHit, lex: Lexicon) -> tuple[Mention, int] | None:
    """'sent Ethiopia a stern warning', 'gave Moscow an ultimatum': the actor between a `message_verbs` verb and the
    nominal statement (after an article and at most two modifiers) is its addressee; with the verb's start."""
    before = [m for m in sent.mentions if m.end <= t.start and m.codes]
    if not before or before[-1].poss or not _INDIRECT_GAP.fullmatch(sent.low, before[-1].end, t.start):
        return None
    m = before[-1]
    verb = _prev_ws(sent, m.start, 1)
    if not verb or verb[0] not in lex.word_lists["message_verbs"]:
        return None
    at = sent.starts[bisect_left(sent.starts, m.start) - 1]
    return m, at


_INDIRECT_GAP = re.compile(r" (?:a|an|the|another|one more) (?:[a-z-]+ ){0,2}")


def _according_to(sent: Sentence, t: TrigHit, lex: Lexicon) -> list[str]:
    """The actor an 'according to X' before the trigger names (at most three words after the cue)."""
    cues = [c for c in sent.cues.get("report", ()) if c[1] <= t.start and c[2] in lex.word_lists["source_report_cues"]]
    if not cues:
        return []
    return _codes([m for m in sent.mentions if cues[-1][1] <= m.start < t.start and m.codes and
                   _nw(sent, cues[-1][1], m.start) <= 3][:1])


def _demand_pairs(sent: Sentence, t: TrigHit, lex: Lexicon, ctx: Context) -> list[tuple[str, str | None]]:
    """'"Israel must stop its attacks," Erdogan said', 'Trump said that Japan must pay more': a speaker saying what
    a state must do asks it of that state (the speaker's source, the state named right before the modal the target).
    The speaker is the one a quotation is attributed to, or the subject before a saying verb; with neither (the
    author's or an analyst's "must"), or with the speaker's own side as the subject ("we must"), nothing."""
    named = [m for m in sent.mentions if m.end <= t.start and m.codes and m.prep is None and not m.poss
             and _nw(sent, m.end, t.start) <= 1 and m.role in ("np", "agent")]
    if not named:
        return []
    subject = _group(sent, named[-1])
    if any(qs < t.start < qe for qs, qe in sent.quotes):
        speakers = _codes(_postposed_speaker(sent, t, lex)) or list(quote_speaker(sent, lex))
    else:
        said = [c for c in sent.cues.get("report", ()) if c[1] <= subject[0].start and
                _nw(sent, c[1], subject[0].start) <= 1 and c[2] in lex.word_lists["say_verbs"]]
        lo = sent.low.rfind(",", 0, said[-1][0]) if said else 0
        speakers = _codes([m for m in sent.mentions if lo <= m.start and m.end <= said[-1][0] and _subject_ok(m)][:1]) \
            if said else []
    targets = _codes(subject)
    return [(c, g) for c in dict.fromkeys(speakers) for g in targets if c != g]


def _postposed_speaker(sent: Sentence, t: TrigHit, lex: Lexicon) -> list[Mention]:
    """The speaker of a quotation whose saying verb comes after it: the actor just before the verb ('..., Healey said'),
    else just after it ('..., said Azerbaijan's defence ministry')."""
    cues = [c for c in sent.cues.get("report", ()) if c[0] >= t.end]
    if not cues or not sent.quotes or not any(qs < t.start < qe <= cues[0][0] + 2 for qs, qe in sent.quotes):
        return []
    at = cues[0][0]
    # (the speaker's head noun may stand between: '..., the Saudi foreign ministry said')
    # ('"...," EU experts said': experts, not in `agent_nouns`, do not speak for the EU; '..., EU leaders said' do)
    before = [m for m in sent.mentions if t.end <= m.start and m.end <= at and m.codes and (_nw(sent, m.end, at) == 0 or (
              _nw(sent, m.end, at) == 1 and " ".join(_ws(sent, m.end, at)) in lex.agent_nouns) or (
              m.kind == "adj" and m.role == "agent" and _nw(sent, m.end, at) <= 3 and not _CLAUSE_PUNCT.search(sent.text, m.end, at)))]
    if before:
        sender = envoy_sender(sent, before[-1], lex)
        return before[-1:] if sender is None else sender  # "..., Iran's envoy to the UN said": Iran speaks
    return [m for m in sent.mentions if m.start >= cues[0][1] and m.codes and _nw(sent, cues[0][1], m.start) <= 3][:1]


def _implicit_giver(ctx: Context, recipients: list[str]) -> list[str]:
    """Who supplied what a state 'has received' with no 'from X': the supplier of the last aid coded just before
    (to this recipient), else the other state of the document's pair."""
    if _recent(ctx, "AID"):
        givers, got = ctx.last_by_type["AID"]
        if set(got) & set(recipients):
            return [c for c in givers if c not in recipients][:1]
    dyad = ctx.dyad()
    if len(dyad) == 2 and recipients[0] in dyad:
        return [c for c in dyad if c not in recipients]
    return []


def _own_pair_after(sent: Sentence, t: TrigHit, src: list[str]) -> bool:
    """Whether a pair phrase after the trigger, in its clause, names the sources themselves ("their countries",
    "each other"): an act of the parties towards each other."""
    _lo, hi = _clause(sent, t.start)
    return any(t.end <= m.start < hi and m.kind == "pair" and set(m.codes) == set(src) for m in sent.mentions)


def _intercepted_for(sent: Sentence, t: TrigHit, src: list[str], ctx: Context, lex: Lexicon,
                     preps: frozenset[str] = frozenset()) -> list[str]:
    """Whom an interception defends: the one attacked in this sentence ('missiles fired at Israel') or in the
    last attack coded just before; nobody if that is the interceptor itself (self-defence is no aid). `preps` (the
    frame's) take the one the projectiles were aimed at ('drones headed for Israel')."""
    hi = _object_end(sent, t, 8)
    _lo, chi = _clause(sent, t.start)
    for m in sent.mentions:
        # "intercepted Russian jets violating Estonian airspace": the owner of the airspace is defended
        if t.end <= m.start < chi and m.codes and _nw(sent, t.end, m.start) <= 8 and \
                _next_ws(sent, m.end, chi, 1) == ["airspace"] and not set(m.codes) & set(src):
            return list(m.codes[:1])
    # the owner of what is intercepted is not the one defended: an adjective in the object ("Iranian missiles"), or a
    # name or possessor right before the intercepted things ("five IDF drones", "Israel's drones")
    things = lex.object_words["interceptable"]
    origin = {c for m in sent.mentions if t.end <= m.start < hi and (m.kind == "adj" or (
        m.prep is None and m.kind != "pron" and set(_next_ws(sent, m.end, chi, 1)) & things)) for c in m.codes}
    for o in sent.triggers:
        if o.start != t.start and o.trig.type == "ASSAULT":
            victims = _codes(right_target(sent, o, lex, ASSAULT_PREPS, span=10))
            if victims:
                return [c for c in victims if c not in src and c not in origin][:1]
    lo, chi = _clause(sent, t.start)
    for m in sent.mentions:
        if t.end < m.start < chi and m.codes and m.prep in preps and m.role != "attr" and _nw(sent, t.end, m.start) <= 10 \
                and not set(m.codes) & (set(src) | origin):
            return list(m.codes[:1])
    if _recent(ctx, "ASSAULT"):
        attackers, last_victims = ctx.last_by_type["ASSAULT"]
        if last_victims and not set(last_victims) & set(src) and not set(attackers) & set(src) and (
                not origin or origin & set(attackers)):
            return list(last_victims[:1])
    return []


def _fire_intercepted(sent: Sentence, t: TrigHit, lex: Lexicon) -> bool:
    """Whether what an interception stopped is fire (missiles, drones), not aircraft."""
    return not lex.object_words["projectiles"].isdisjoint(_ws(sent, t.end, _object_end(sent, t, 8)))


_PARTICIPLE_AFTER = re.compile(r"(?:,|\bwhile|\bwhilst)\s+$")  # ", calling ...", "while warning ...": a participle clause


def _main_subject(sent: Sentence, t: TrigHit, ctx: Context) -> list[str]:
    """Who a sentence-final participle clause of speech is by: the sentence's subject, the actor named first if it
    stands before the sentence's first trigger; else, when no actor stands there ("The ministers vowed ..."), the
    previous sentence's subject."""
    said = [c for c in sent.cues.get("report", ()) if c[1] <= t.start and _nw(sent, c[1], t.start) <= 1]
    if said:
        # "..., the Philippine military said, condemning ...": the speaker of the saying verb just before
        comma = sent.low.rfind(",", 0, said[-1][0])
        near = [m for m in sent.mentions if comma < m.start and m.end <= said[-1][0] and m.codes] or [
            m for m in sent.mentions if said[-1][1] <= m.start < t.start and m.codes]
        return list(near[-1].codes) if near else []
    first = sent.triggers[0].start if sent.triggers else len(sent.low)
    cues = [c[0] for c in sent.cues.get("report", ())]
    first = min([first, *cues])
    head = [m for m in sent.mentions if m.end <= first and m.codes]
    if head:
        return _codes(_group(sent, head[0])) if _subject_ok(head[0]) else []
    return list(ctx.prev_subject[:1])


def _verb_between(sent: Sentence, t: TrigHit, m: Mention) -> bool:
    """'The strikes were condemned by Russia': a verb trigger of another type between a nominal trigger and a
    by-phrase takes that agent (its passive), so it is not the noun's."""
    return any(o.trig.pos == "verb" and o.trig.type and o.trig.type != t.trig.type and t.end <= o.start < m.start
               for o in sent.triggers)


def _by_agent(sent: Sentence, t: TrigHit) -> list[Mention]:
    """'strikes by Israel and the United States', 'the attack on Iran by X': the agent after a nominal trigger,
    past its target."""
    _lo, hi = _clause(sent, t.start)
    for m in sent.mentions:
        if m.start >= t.end and m.codes:
            if m.start >= hi or _nw(sent, t.end, m.start) > 8:
                break
            if m.prep == "by":
                return [] if _verb_between(sent, t, m) else _group(sent, m)
            if m.prep not in ASSAULT_PREPS:
                break
    return []


def _participle_by(sent: Sentence, t: TrigHit, lex: Lexicon) -> bool:
    """'the exercise conducted by X and Y': a participle and a 'by X' agent right after a nominal trigger."""
    words = _next_ws(sent, t.end, _clause(sent, t.start)[1], 2)
    return len(words) == 2 and words[1] == "by" and _participle(words[0], lex) and bool(_by_agent(sent, t))


def drills_between(sent: Sentence, t: TrigHit, lex: Lexicon) -> list[str]:
    """'the exercises taking place between the Chinese and Pakistani air forces': the two or more parties of a
    "between" phrase right after a drill noun (frame drills, `_between_parties`) hold the drills together; else []."""
    fr = t.trig.args
    if t.trig.pos != "noun" or fr is None or fr.name != "drills":
        return []
    parties = list(dict.fromkeys(_between_parties(sent, t)))
    return parties if len(parties) >= 2 else []


def drill_participants(sent: Sentence, t: TrigHit, lex: Lexicon) -> list[str]:
    """'allow Japan to take part in the exercise held by X and Y': the actor right before a `participation_verbs`
    phrase that governs the drill noun (at most ten words before it, in its clause); else []."""
    lo, _hi = _clause(sent, t.start)
    for w in lex.word_lists["participation_verbs"]:
        k = sent.low.rfind(" " + w + " ", lo, t.start)
        if k < 0 or _nw(sent, k, t.start) > 10:
            continue
        near = [m for m in sent.mentions if m.codes and lo <= m.start and m.end <= k and _nw(sent, m.end, k + 1) <= 1]
        if near:
            return list(near[-1].codes)
    return []


def _warns_of_more(sent: Sentence, t: TrigHit) -> bool:
    """Whether a 'warned that' clause holds something to come or a readiness (cues.warn_content) before the
    clause ends."""
    _lo, hi = _clause(sent, t.start)
    if _RELATIVE_AT.match(sent.low, hi):
        # "warned that Russia, which has more weapons than any country, will use all means": past the relative clause
        close = sent.low.find(",", hi + 2)
        if close > 0:
            hi = _clause(sent, close + 1)[1]
    return any(t.end < c[0] < hi for c in sent.cues.get("warn_content", ()))


_RELATIVE_AT = re.compile(r",\s+(?:which|who)\b")


def _on_things(sent: Sentence, t: TrigHit, lex: Lexicon) -> bool:
    """Whether an attack is aimed 'on|against|at' things of `object_words.struck_things` right after it."""
    after = _next_ws(sent, t.end, _clause(sent, t.start)[1], 4)
    return bool(after) and after[0] in ("on", "against", "at") and not lex.object_words["struck_things"].isdisjoint(after[1:])


_WHO_BEFORE = re.compile(r"\bwho\s+(?:is\s+|are\s+|was\s+|were\s+|has\s+been\s+)?$")
_WHOM_AFTER = re.compile(r"\s+(?:\w+\s+)?whom\b")
_ING_LEADS = frozenset("after before by while when since following".split())
_LIGHT_GAP = frozenset("to has have had will would could may might is was were also".split())  # grammar; with `light_gap_adverbs`


def _light_verb_agent(sent: Sentence, t: TrigHit, lex: Lexicon) -> list[Mention]:
    """The attacker of a nominal attack that is a light verb's object: the mention right before the verb ("Tehran to
    launch retaliatory strikes", "Russia carried out a massive air assault"); none for an -ing verb, whose subject
    is the clause's ("captured X after launching a strike")."""
    if lex.assault_light_re is None:
        return []
    m = lex.assault_light_re.search(sent.low, max(0, t.start - 60), t.start)
    if m is None:
        return []
    p = m.start(1)
    before = [x for x in sent.mentions if x.end <= p and x.codes and x.role != "attr"]
    if not before:
        return []
    x = before[-1]
    gap = _ws(sent, x.end, p)
    if m.group(1).split()[0].endswith("ing"):
        # "accused X of committing an act of aggression": the one accused
        if gap == ["of"] and x.prep is None and not x.poss:
            return _group(sent, x)
        # "X captured Y after launching a strike on Z": the subject of the clause the -ing phrase hangs on
        if _prev_ws(sent, p, 1) and _prev_ws(sent, p, 1)[0] in _ING_LEADS:
            subjects = [y for i, y in enumerate(before) if _subject_ok(y) and y.kind != "adj" and not (
                i and before[i - 1].obj and _nw(sent, before[i - 1].end, y.start) <= 2)]  # "captured X leader Y": Y is X
            return _group(sent, subjects[-1]) if subjects else []
        return []
    if len(gap) > 3 or not all(w in _LIGHT_GAP or w in lex.word_lists["light_gap_adverbs"] for w in gap) or x.prep is not None or x.poss:
        return []
    return _group(sent, x)


def _projectile_subject(sent: Sentence, t: TrigHit, lex: Lexicon) -> bool:
    """Whether an attack verb's subject is the projectiles themselves ("The barrage of missiles targeted X",
    "the drones hit Y"): the words of its clause before it name projectiles and no actor."""
    lo, _hi = _clause(sent, t.start)
    before = _ws(sent, lo, t.start)
    return 0 < len(before) <= 6 and not lex.object_words["projectiles"].isdisjoint(before) and not any(
        lo <= m.start < t.start and m.codes for m in sent.mentions)


def _retaliated_on(ctx: Context, src: list[str]) -> list[str]:
    """Whom a retaliation is aimed at: the attackers of the last attack coded (in this sentence or just before)
    if it hit the retaliator."""
    if not src or not _recent(ctx, "ASSAULT"):
        return []
    attackers, victims = ctx.last_by_type["ASSAULT"]
    if not set(victims) & set(src):
        return []
    return [c for c in attackers if c not in src]


def _means_of(sent: Sentence, t: TrigHit, o: TrigHit) -> bool:
    """Whether the attack `t` is the means of the help `o` right after it ("military action to defend Qatar"):
    then it is not aimed at the one helped."""
    return t.end <= o.start and sent.low[max(t.end, o.start - 4):o.start] == " to " and _nw(sent, t.end, o.start) <= 2


def _helped(sent: Sentence, t: TrigHit, src: list[str], lex: Lexicon) -> list[str]:
    """The one an AID or SUPPORT trigger of the sentence helps, if not the attacker ("helped defend Israel")."""
    for o in sent.triggers:
        # (a helping verb the coder retypes to AID is COOPERATE here: "helped Ukraine repel Russian attacks", its
        # direct object)
        if o.trig.type in ("AID", "SUPPORT", "COOPERATE") and o is not t and not _means_of(sent, t, o):
            got = right_target(sent, o, lex, DIRECT_PREPS | TRANSFER_PREPS)
            if o.trig.type == "COOPERATE" and not (o.trig.pos == "verb" and got and got[0].prep is None):
                continue
            helped = [c for c in _codes(got) if c not in src]
            if helped:
                return helped[:1]
    return []


def _assault_fallback_target(sent: Sentence, t: TrigHit, src: list[str], ctx: Context, lex: Lexicon) -> list[str]:
    """The attacked when the text leaves them implicit ("following Israeli strikes in June", "killed in air
    strikes by X"): the one helped in the same sentence ("after Iranian strikes, U.S. support for Israel"), else
    another actor of the sentence."""
    helped = _helped(sent, t, src, lex)
    if helped:
        return helped
    means = [c for o in sent.triggers if o.trig.type in ("AID", "SUPPORT") and _means_of(sent, t, o)
             for c in _codes(right_target(sent, o, lex, DIRECT_PREPS | TRANSFER_PREPS))]
    # (not an agent "by X" of the passive verb after it: "the Iran strike was repelled by a U.S.-led coalition")
    agents = {c for m in sent.mentions if m.prep == "by" and m.start > t.end for c in m.codes}
    others = [c for c in other_actors(sent, t, src) if c not in means and c not in agents]
    if others:
        return others[:1]
    return []



_AGAINST = re.compile(r"\s+against\s+")


def _against_a_thing(sent: Sentence, t: TrigHit) -> bool:
    """'joint action against terrorism in the Sahel, including in Niger': what the act is against is named, and
    it is no state, so a place named after it is where, not whom."""
    m = _AGAINST.match(sent.low, t.end)
    if not m:
        return False
    return not any(x.codes and m.end() <= x.start and _nw(sent, m.end(), x.start) <= 2 for x in sent.mentions)


_FRONTED_IN = re.compile(r"\W*in\s+(?:the\s+)?")  # a sentence opening "In Syria, ..."
_PHRASE_BREAK = re.compile(r"[,;:()\u2014\u2013]|\s--\s|\s(?:and|but|while|as)\s")


def _object_is_a_thing(sent: Sentence, t: TrigHit, lex: Lexicon) -> bool:
    """'Washington defended the operation', 'to defend against threats': the object slot of a directed verb holds a
    thing or nothing, so the act has no implicit state target."""
    if t.trig.type not in ("AID", "SUPPORT") or (t.trig.pos == "verb" and t.trig.frame != "directed"):
        return False
    # a noun's object follows "for": "support for guerrillas" (not "commitment to a treaty": to its parties)
    m = lex.thing_object_re.match(sent.low, t.end) if t.trig.pos == "verb" else None
    m = m or lex.thing_after_prep_re.match(sent.low, t.end)
    if not m:
        return False
    # "defending its NATO partners", "defend the energy-rich nation of Qatar": a state after all (in the same
    # phrase: not "support for guerrillas -- and President Trump")
    return not any(t.end <= x.start and _nw(sent, t.end, x.start) <= 4 and x.codes
                   and not _PHRASE_BREAK.search(sent.low, t.end, x.start) for x in sent.mentions)


def _definite_new_act(sent: Sentence, t: TrigHit, lex: Lexicon, ctx: Context) -> bool:
    """'the Kremlin ordered the invasion of its neighbour': a definite attack noun (no demonstrative) with its own
    target right after it and an agent in its clause names a new act, not the attacks told before."""
    if any(w in ("this", "these", "such", "those") for w in _prev_ws(sent, t.start, 3)):
        return False
    if not right_target(sent, t, lex, ASSAULT_PREPS, direct=False, span=3):
        return False
    lo, _hi = _clause(sent, t.start)
    return any(m.start >= lo for m in left_agent(sent, t, lex, ctx))


_NAMED_ACT = re.compile(r"\s+[A-Z][\w-]*")  # "Operation Sindoor": a capitalised name after the capitalised noun


def named_act(sent: Sentence, t: TrigHit) -> bool:
    """'India launched Operation Sindoor': a named operation is a new act of its own, not one told before."""
    return sent.text[t.start:t.start + 1].isupper() and bool(_NAMED_ACT.match(sent.text, t.end))


_DEFINITE_NOUN = re.compile(r"\s+(?:the|this|that)\s+(?:new\s+)?([a-z]+)\b(?!\s+(?:with|between)\b)")


def _signing_of_the_deal(sent: Sentence, t: TrigHit, lex: Lexicon) -> bool:
    """'The signing of the pact comes after ...': an agreement noun naming the deal just coded, whose parties are that
    deal's (not states named later in the sentence); not 'the signing of the treaty with Iran'."""
    if t.trig.type != "AGREE" or t.trig.pos != "noun":
        return False
    m = _DEFINITE_NOUN.match(sent.low, t.end)  # a definite `deal_nouns` word, not followed by "with" or "between"
    return m is not None and m.group(1) in lex.word_lists["deal_nouns"]


def _anaphoric(sent: Sentence, t: TrigHit) -> bool:
    """'This supply', 'these warnings', 'the attacks' (the last only for attacks): an event named before.
    Only a noun is anaphoric ('the Houthis have attacked' names a new act)."""
    if t.trig.pos != "noun":
        return False
    prev = _prev_ws(sent, t.start, 4)
    dets = ("this", "these", "such", "those", "the") if t.trig.type == "ASSAULT" else ("this", "these", "such", "those")
    return any(w in dets for w in prev[-3:])


def absorbed(sent: Sentence, t: TrigHit, lex: Lexicon) -> list[TrigHit]:
    """The triggers that name the object of a trigger whose frame absorbs its object ("halted its airstrikes",
    "stop bombing"): within three words after it, a trigger whose last word is in the frame's object list."""
    if not lex.frame_of(t.trig).absorbs or t.trig.obj is None or t.trig.obj not in lex.object_words:
        return []
    words = lex.object_words[t.trig.obj]
    return [o for o in sent.triggers if o is not t and o.start >= t.end and _nw(sent, t.end, o.start) <= 3
            and o.key.rsplit(" ", 1)[-1] in words]


def _needs_ok(sent: Sentence, t: TrigHit, lex: Lexicon) -> bool:
    trig = t.trig
    need = trig.need
    if "agree_object" in need and _fronted_participle(sent, t):
        pass  # "Signed in Lima by X and Y, the pact ...": the agreement is the noun after the comma
    elif "agree_object" in need:
        # "signed with his counterpart in the capital a treaty": past a "with X" phrase the object lies further on
        hi = _object_end(sent, t, 16 if sent.low.startswith(" with ", t.end) else 8)
        if not any(s >= t.end and e <= hi for s, e, _, _ in sent.agree_nouns) and not (
            trig.pos == "noun" and any(s >= t.end and s - t.end < 40 for s, e, _, _ in sent.agree_nouns)) and not (
                _bare_signing(sent, t)):
            return False
    if "agent" in need and not (_adjacent_agent(sent, t) or _by_agent(sent, t) or _light_verb_agent(sent, t, lex)):
        return False
    if "subject" in need and not _names_subject(sent, t, lex) and not (trig.pos == "noun" and _participle_by(sent, t, lex)) \
            and not drills_between(sent, t, lex):
        return False  # "the treaty calls for talks", "this doesn't guarantee X": no actor acts in the clause
    if trig.type == "THREATEN" and trig.pos == "verb" and sent.low.startswith(" that ", t.end) and not _warns_of_more(sent, t):
        return False  # "warning that the strike undermined the talks": a judgement of the past
    if "warn_object" in need and any(t.key.startswith(w) for w in lex.word_lists["tell_stems"]):
        if not _TELL_NOT_TO.match(sent.text[t.end:t.end + 40]):
            return False
    if "person_object" in need and not (_object_is(sent, t, lex.object_words["persons"]) or _leader_object(sent, t)):
        return False  # "called Erdogan", "called his Turkish counterpart"; not "called the strikes a crime"
    if "person_subject" in need and not _person_subject(sent, t, lex):
        return False  # "the minister arrived in Moscow" is a visit; "the troops arrived in Poland" is not
    unless = lex.frame_of(trig).unless
    if unless is not None and _object_is(sent, t, lex.object_words[unless]):
        return False  # "meet the 2% target", "welcomed the decision": a thing met or welcomed, no meeting
    if trig.obj is not None:
        hi = _object_end(sent, t, 8)
        if lex.object_words[trig.obj].isdisjoint(_ws(sent, t.end, hi)) and not absorbed(sent, t, lex):
            return False
    return True


_QUANTIFIERS = frozenset("all each both any some most many".split())  # grammar: "all of its obligations"


def _object_is(sent: Sentence, t: TrigHit, heads: frozenset[str]) -> bool:
    """Whether the direct object of a verb trigger is one of `heads`: within five words after it, before any
    preposition, punctuation or actor (actor adjectives and possessors are passed: 'welcome new Russian instructors',
    'called Thai, Cambodian leaders', 'meet the alliance's 2% target'), past a quantifier's "of" ('all of its
    obligations') and an "and|or" joining two modifiers ('current and future threats')."""
    if t.trig.pos != "verb":
        return False
    j = bisect_left(sent.starts, t.end)
    prev_end, prev_adj = t.end, False
    quantified = j < len(sent.words) and sent.words[j] in _QUANTIFIERS  # ("all of" adds two words)
    for k in range(j, min(len(sent.words), j + 7 if quantified else j + 5)):
        w, at = sent.words[k], sent.starts[k]
        gap = sent.text[prev_end:at]
        if _CLAUSE_PUNCT.search(gap) and not (prev_adj and gap.strip() == ","):
            return False  # (a list of adjectives may have commas: "Thai, Cambodian leaders")
        if w in heads:
            return True
        if w == "of" and k > j and sent.words[k - 1] in _QUANTIFIERS:
            prev_end = at + len(w)
            continue  # "meet all of its obligations": the quantified object
        if w in ("and", "or") and k > j and not prev_adj and k + 2 < len(sent.words) and sent.words[k + 2] in heads and \
                not sent.words[k - 1].endswith("s"):
            return True  # "meet current and future threats": two modifiers of one object
        if w in PREPS or w in CLAUSE_WORDS:
            return False
        inside = [m for m in sent.mentions if m.start <= at < m.end]
        if any(m.kind != "adj" and not m.poss for m in inside):
            return False
        prev_end, prev_adj = at + len(w), bool(inside)
    return False


def _person_subject(sent: Sentence, t: TrigHit, lex: Lexicon) -> bool:
    """Whether the subject of a verb trigger is a person: a leader's name just before it, or a person noun
    ('minister', 'delegation', 'envoy') among the few words before it in its clause."""
    lo, _hi = _clause(sent, t.start)
    before = [m for m in sent.mentions if lo <= m.start and m.end <= t.start and m.codes]
    if before and before[-1].kind == "leader" and _nw(sent, before[-1].end, t.start) <= 3:
        return True
    people = lex.object_words["persons"] | lex.object_words["delegations"]
    return not people.isdisjoint(_ws(sent, max(lo, t.start - 60), t.start)[-5:])


def _leader_object(sent: Sentence, t: TrigHit) -> bool:
    """Whether a leader's name is the direct object of a verb trigger ('called Erdogan on Friday')."""
    nxt = next((m for m in sent.mentions if m.start >= t.end), None)
    return nxt is not None and nxt.kind == "leader" and not nxt.poss and not sent.low[t.end:nxt.start].strip(" ")
_CLAUSE_END = re.compile(r"\s*(?:[!.;]|$)")


def _bare_signing(sent: Sentence, t: TrigHit) -> bool:
    """'X and Y signed!': two parties signing with nothing after the verb signed the document the passage is about."""
    if t.trig.pos != "verb" or not t.key.startswith("sign") or not _CLAUSE_END.match(sent.text, t.end):
        return False
    lo, _hi = _clause(sent, t.start)
    before = [m for m in sent.mentions if lo <= m.start and m.end <= t.start and m.codes and m.prep is None]
    return bool(before) and (before[-1].kind == "pair" or len(_codes(_group(sent, before[-1]))) >= 2)


_NEW_SUBJECT = frozenset("this that these those which what".split())


def _names_subject(sent: Sentence, t: TrigHit, lex: Lexicon) -> bool:
    """Whether the sentence names who does the trigger: an agent found before it, with no 'this', 'that' or 'which'
    (a new, non-actor subject) between that agent and the trigger."""
    agent = left_agent(sent, t, lex, Context())
    if not agent:
        return False
    end = max(m.end for m in agent)
    # ("Beijing, which backs Tehran, urged ...": a relative clause between the agent and its verb is no new subject)
    return _NEW_SUBJECT.isdisjoint(_ws(sent, end, t.start)) or bool(_RELATIVE_BETWEEN.fullmatch(sent.text, end, t.start))


# a relative clause right after a noun, up to the verb it opens: "resolution that would have", "draft which"
_DOC_RELATIVE = re.compile(r"\b([a-z]+)\s+(?:that|which)\s+(?:(?:would|could|will|might|may)\s+)?(?:have\s+)?(?:been\s+)?$")


def _document_content(sent: Sentence, t: TrigHit, lex: Lexicon) -> bool:
    """'vetoed a resolution condemning X': the -ing verb says what the vetoed text says, no act of the subject."""
    if t.trig.pos != "verb":
        return False
    before = _prev_ws(sent, t.start, 4)
    rel = _DOC_RELATIVE.search(sent.low, max(0, t.start - 40), t.start)  # "a resolution that would have imposed"
    if not (before and before[-1] in lex.document_nouns and t.key.endswith("ing")) and not (
            rel and rel.group(1) in lex.document_nouns):
        return False
    return any(o.end <= t.start and _nw(sent, o.end, t.start) <= 8 and (
        o.trig.frame == "veto" or o.trig.type == "REJECT" or (o.trig.type == "AID" and o.trig.mode == "diplomatic"))
        for o in sent.triggers)
