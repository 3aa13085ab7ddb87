"""An event's attributes: mode, negation, modality, attribution (speaker), irrealis readings and date."""

from __future__ import annotations

import re
from bisect import bisect_left

from casus.events.dates import DateMention
from casus.events.lexicon import Lexicon
from casus.events.mentions import envoy_sender
from casus.events.roles import (
    _fronted_participle,
    _clause,
    _domain_hits,
    _left_mod_start,
    _object_end,
    _passive,
)
from casus.events.sentence import Sentence, TrigHit, _nw, _prev_ws, _words, _ws
from casus.events.words import _CLAUSE_PUNCT, _SPACES, SPEECH_TYPES

# Grammar patterns (auxiliaries, relative and clause words) stay here; the open-class word lists the rules below
# read are in data/events.yaml (`word_lists`, reached through the Lexicon passed in).
_TRAILING_AUX = re.compile(r"\b(?:have|has|had|also)\b\s*$")
_INVERTED_CONDITIONAL = re.compile(r"\W*(?:should|were|had)\s")
_SHOULD_CLAUSE = re.compile(r"[,;:\u201c\"]\s*should\s+[^;]{0,60}$")
# "... should Iran attack it": a conditional by inversion inside the sentence, a name right after "should"
_SHOULD_NAME = re.compile(r"\bshould\s+(?:the\s+)?[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)*\s+(?:[a-z]+\s+)?$")
_TO_BEFORE = re.compile(r"\b(?:not\s+)?to\s+$")
_CAPITAL = re.compile(r"[A-Z]")
_RELATIVE_WORD = re.compile(r"\b(?:that|which|who)\b")


def modes_for(sent: Sentence, t: TrigHit, lex: Lexicon) -> list[str | None]:
    """The mode(s) of a trigger: fixed, or read from domain words in its modifiers and object."""
    trig = t.trig
    if trig.mode != "auto":
        return [trig.mode]
    typ = trig.type or ""
    lo = _clause(sent, t.start)[0] if _passive(sent, t, lex) else _left_mod_start(sent, t)  # a passive's theme comes first
    hi = _object_end(sent, t, 12 if trig.multi else 8)
    found = _domain_hits(sent, lo, hi)
    key = t.key
    parts = key.split()
    # the trigger's own words and word pairs ("joint war games": military)
    own = [w for w in parts if w in lex.domain_words] + [
        p for p in (" ".join(parts[i:i + 2]) for i in range(len(parts) - 1)) if p in lex.domain_words]
    found = [lex.domain_words[w] for w in own] + found
    if typ == "REQUEST" and not found:
        # "asked Putin to deploy more weapons", "sought help to restore its air defences": the act asked for
        _lo, clause_hi = _clause(sent, t.start)
        j = bisect_left(sent.starts, t.end)
        end = sent.starts[j + 12] if j + 12 < len(sent.starts) else len(sent.text)
        found = _domain_hits(sent, t.end, min(clause_hi, end))
    if typ == "ASSAULT":
        window = sent.low[max(0, t.start - 40):min(len(sent.text), t.end + 25)]
        best = None
        for w in _words(window):
            mode = lex.assault_modes.get(w)
            if mode is not None:
                best = mode
                if w in _words(key):
                    break
        for w in _words(key):
            if w in lex.assault_modes:
                return [lex.assault_modes[w]]
        return [best or trig.default]
    if typ == "AGREE":
        return [_agree_mode(sent, t, lex)]
    mapping = lex.domains_by_type.get(typ, {})
    allowed = trig.modes
    modes: list[str] = []
    for d in found:
        mode = mapping.get(d)
        if mode and (allowed is None or d in allowed) and mode not in modes:
            modes.append(mode)
    if typ == "COOPERATE" and not modes and trig.ties:
        for d in _domain_hits(sent, 0, len(sent.text)):
            mode = mapping.get(d)
            if mode and mode != "diplomatic":
                modes.append(mode)
                break
    if typ == "AID" and not modes and trig.pos == "noun" and trig.frame == "transfer" and not trig.light:
        for d in _domain_hits(sent, 0, len(sent.text)):  # "a willing supplier" of what the sentence is about
            if d in ("military", "economic"):
                modes.append(d)
                break
    if typ == "COOPERATE" and "nuclear" in modes and "economic" in modes:
        modes.remove("economic")
    if typ == "AID" and key in lex.word_lists["protect_verbs"]:
        return ["diplomatic" if "diplomatic" in modes else "intervention"]
    if not modes:
        return [trig.default]
    if trig.multi:
        return _in_text_order(sent, t, modes, mapping, lo, hi)  # type: ignore[return-value]
    order = list(mapping.values())
    modes.sort(key=lambda x: order.index(x) if x in order else 99)
    return [modes[0]]


def _in_text_order(sent: Sentence, t: TrigHit, modes: list[str], mapping: dict[str, str], lo: int, hi: int) -> list[str]:
    """Several modes of one act in the order the sentence names them ("trade and military cooperation": economic,
    then military); a mode named by the trigger itself sits at the trigger; ties fall back to the type's order."""
    order = list(mapping.values())
    first: dict[str, int] = {}
    for s, e, d in sent.domains:
        m = mapping.get(d)
        if m is not None and lo <= s and e <= hi and m not in first:
            first[m] = s
    return sorted(modes, key=lambda x: (first.get(x, t.start), order.index(x) if x in order else 99))


def _agree_mode(sent: Sentence, t: TrigHit, lex: Lexicon) -> str | None:
    hi = _object_end(sent, t, 8)
    if _fronted_participle(sent, t):
        comma = sent.text.find(",", t.end)  # "Signed in Lima by X and Y, the pact ...": the noun after the comma
        hi = max(hi, _object_end(sent, TrigHit(comma, comma + 1, t.trig, t.key), 4))
    mode: str | None = None
    for s, e, m, _key in sent.agree_nouns:
        if s >= t.start and e <= hi:
            mode = m if m else mode
    if mode is None and t.trig.mode not in (None, "auto"):
        return t.trig.mode
    if mode is None:
        for d in _domain_hits(sent, _left_mod_start(sent, t), hi):
            if d == "nuclear":
                return "nuclear"
            if d in ("economic", "trade"):
                return "trade"
    return mode


# --------------------------------------------------------------------------- modality, negation, attribution


def _cue_before(sent: Sentence, cat: str, pos: int, lo: int, max_words: int | None = None) -> tuple[int, int, str] | None:
    """The last cue of a category between lo and pos (within max_words of pos); a cue inside a quotation that does
    not also hold pos is no cue for it ('"we will not attack," Trump said during a meeting')."""
    best = None
    for c in sent.cues.get(cat, ()):
        if c[1] <= pos and c[0] >= lo:
            if max_words is not None and _nw(sent, c[1], pos) > max_words:
                continue
            if sent.quotes and any(qs <= c[0] < qe and not qs <= pos < qe for qs, qe in sent.quotes):
                continue
            best = c
    return best


def negated(sent: Sentence, t: TrigHit, lex: Lexicon) -> bool:
    """Whether the trigger is denied: a negator before it in its clause, a refusal, 'rather than', 'unlikely'."""
    if t.trig.neg:
        return True
    if t.trig.pos == "noun" and _OCCASION.match(t.key):
        return False  # "did not address cooperation in the call": the call is the occasion, not what was denied
    lo, hi = _clause(sent, t.start)
    c = _cue_before(sent, "neg", t.start, lo, 8)
    if c is not None and (c[2] != "no" or _nw(sent, c[1], t.start) <= 4) and _scope_reaches(sent, c, t, lex) and not (
            t.trig.pos == "noun" and _cue_before(sent, "adjunct_preps", t.start, c[1]) is not None):
        return True
    if _cue_before(sent, "hedge_neg", t.start, lo, 10) is not None:
        return True
    c = _cue_before(sent, "neg_scope", t.start, lo, 14)
    if c is not None and "whether" in _ws(sent, lo, c[0]):
        c = None  # "did not say whether they agreed to halt the attacks": left open
    if c is not None and _scope_reaches(sent, c, t, lex) and not (
            t.trig.pos == "noun" and _cue_before(sent, "adjunct_preps", t.start, c[1]) is not None):
        if c[2] in ("instead of", "rather than"):
            if "," not in sent.text[c[1]:t.start]:
                return True
        else:
            return True
    # "a preference for X over Y", "more about X than Y"
    c = _cue_before(sent, "contrast", t.start, lo, 3)
    if c is not None and not sent.low[max(0, c[0] - 5):c[0]].endswith("more "):  # "more than 1,000 strikes": a count
        if _cue_before(sent, "preference", c[0], lo, 14) is not None:
            return True
    return False


_OCCASION = re.compile(r"(?:in|during) (?:a|the|their) ")  # grammar: a noun trigger that is an adjunct ("in the call")


_DO_NEGATORS = frozenset({"didn't", "doesn't", "don't"})  # grammar: the negated auxiliaries


def _scope_reaches(sent: Sentence, cue: tuple[int, int, str], t: TrigHit, lex: Lexicon) -> bool:
    """A negator does not reach into a relative clause ('not on the scale that X supports'), only into a verb's complement;
    nor past 'and' to a second finite verb ('did not recognise X and imposed sanctions'), nor from 'refused to join'
    into the others' act it names ('refused to join Western sanctions')."""
    words = _ws(sent, cue[1], t.start)
    if "whether" in words:
        return False  # "declined to say whether X would defend Y": a question left open, not a denial
    if t.trig.pos == "verb" and t.key.split()[0].endswith("ed") and ("and" in words or "but" in words) and (
            cue[2] in _DO_NEGATORS or (cue[2] == "not" and _prev_ws(sent, cue[0], 1) in (["did"], ["does"], ["do"]))):
        return False  # after "did not" a verb is a bare infinitive: a past form is a new predicate
    if t.trig.pos == "noun" and not lex.word_lists["joining_verbs"].isdisjoint(words):
        return False
    if t.trig.pos == "verb" and t.key.split()[0].endswith("ed") and any(
            cue[1] < m.start and m.end <= t.start and m.codes and not m.obj and m.prep is None and not m.poss and
            not sent.text[m.end:t.start].strip() for m in sent.mentions):
        return False  # "failed to deliver the jets Iran requested": a new subject and its own past verb, a relative clause
    if t.trig.pos == "verb" and t.key.split()[0].endswith("ing") and sent.text[cue[1]:t.start].rstrip().endswith(","):
        return False  # "refused to criticize Moscow, blaming the US": a participle after a comma is its own predicate
    clause_verbs = lex.word_lists["clause_verbs"]
    if any(w == "and" and nxt in clause_verbs for w, nxt in zip(words, words[1:])):
        return False  # "denied that rebels had entered the city and said Russia was providing air support": a new predicate
    for i, w in enumerate(words):
        if w in ("that", "which", "who", "whom"):
            complements = lex.word_lists["complement_verbs"]
            return any(x in complements for x in words[:i])
        if w in ("when", "if", "because", "after", "before", "since", "while", "whereas", "although", "unless", "as"):
            return False
    return True


def modality_of(sent: Sentence, t: TrigHit, source: list[str], speaker: tuple[str | None, tuple[str, ...]] | None,
                lex: Lexicon) -> str:
    """hedged > future > reported > asserted, from cues in the trigger's clause and sentence."""
    lo, hi = _clause(sent, t.start)
    hedge = _cue_before(sent, "hedge", t.start, lo)
    if hedge is not None and hedge[2] == "would" and sent.low[hedge[1]:hedge[1] + 10].startswith(_wish_after_would(lex)):
        hedge = None  # "I would like to ask you": a polite wish, no hedge
    if hedge is not None and _backshifted_would(sent, hedge, lo, t.start, lex):
        return "future"  # "officials said Moscow would not send troops": reported speech's will, no hedge
    if hedge is not None or _cue_before(sent, "hedge_neg", t.start, lo):
        return "hedged"
    doubts, beliefs = lex.word_lists["doubt_hedges"], lex.word_lists["belief_hedges"]
    for c in sent.cues.get("hedge", ()):
        if c[2] in doubts or (c[2] in beliefs and c[0] < t.start):
            return "hedged"
    fut = _cue_before(sent, "future", t.start, lo)
    if fut is not None and (_blocked(sent, t, fut) or _noun_will(sent, fut, lex)):
        fut = None
    if fut is None and t.trig.pos == "noun":
        for c in sent.cues.get("future", ()):
            if c[0] >= t.end and c[0] < hi and _nw(sent, t.end, c[0]) <= 5 and _ws(sent, t.end, c[0])[-1:] != ["and"]:
                fut = c  # (not "a show of support and promises to help": the promise is its own act)
        if fut is None:
            fut = _cue_before(sent, "future_noun", t.start, lo, 4)
    if fut is not None or _provision(sent, t, lo):
        return "future"
    rep = _cue_before(sent, "report", t.start, 0)
    if speaker is not None and rep is not None and _blocked(sent, t, rep, report=True):
        speaker = None  # "ministers announced steps after Israel's strike": the strike is no part of what was said
    if speaker is not None:
        spk_text, spk_codes = speaker
        if (t.trig.type in SPEECH_TYPES and t.trig.frame in ("speech", "verdict", "demand") or t.trig.type == "SUPPORT") and \
                set(spk_codes) & set(source):
            return "asserted"  # a state's own statement of support or blame ("Biden says US support remains ironclad")
        return "reported"
    for qs, qe in sent.quotes:
        if qs < t.start < qe and _nw(sent, qs, qe) >= 8 and _nw(sent, qs, t.start) >= 2:
            if t.trig.frame not in ("speech", "verdict"):
                return "reported"
    return "asserted"


def _noun_will(sent: Sentence, c: tuple[int, int, str], lex: Lexicon) -> bool:
    """'will' as a noun ('his steadfast will', 'the political will'), not the future auxiliary."""
    return c[2] == "will" and bool(lex.noun_will_re.search(sent.low, max(0, c[0] - 12), c[0]))


def _provision(sent: Sentence, t: TrigHit, lo: int) -> bool:
    """A treaty's provision ('the pact commits the two sides to cooperate', 'under the treaty, both must defend'):
    what it provides for is still to be carried out."""
    p = _cue_before(sent, "provisions", t.start, lo, 12)
    if p is not None and any(a[1] <= p[0] and _nw(sent, a[1], p[0]) <= 8 for a in sent.agree_nouns):
        return True
    u = _cue_before(sent, "provision_preps", t.start, lo)
    return u is not None and any(u[1] <= a[0] < t.start and _nw(sent, u[1], a[0]) <= 4 for a in sent.agree_nouns)


def _wish_after_would(lex: Lexicon) -> tuple[str, ...]:
    """What starts the ten characters after a "would" of a wish: " like ", " prefer " (`wish_verbs`)."""
    return tuple(sorted(f" {w} " for w in lex.word_lists["wish_verbs"]))


def _blocked(sent: Sentence, t: TrigHit, cue: tuple[int, int, str], report: bool = False) -> bool:
    """A nominal trigger just after 'after', 'amid', 'following' ... names a past fact that the earlier cue does not reach;
    so does any trigger right after one ('said after talks with'); a reporting cue does not reach past 'at', 'during'."""
    cats = ("scope_blockers", "adjunct_preps") if report else ("scope_blockers",)
    for cat in cats:
        b = _cue_before(sent, cat, t.start, cue[1], 6 if t.trig.pos == "noun" else 2)
        if b is not None and cat == "adjunct_preps" and _nw(sent, cue[1], b[0]) > 2:
            continue  # "said during talks", "said Friday at a meeting": the saying's own adjunct, not its content
        if b is not None and (t.trig.pos == "noun" or not any(b[1] <= m.start < t.start for m in sent.mentions)):
            return True  # (a verb after "after Russia": a clause of its own, which the cue may well report)
    if report and t.trig.pos == "verb":
        b = _cue_before(sent, "scope_blockers", t.start, cue[1], 6)
        if b is not None and sent.text[max(0, b[0] - 2):b[0]] == ", " and b[2] in ("after", "following", "since"):
            return True  # "the agency said on Monday, after the two presidents met": the meeting is told, not reported
    return False


def _backshifted_would(sent: Sentence, hedge: tuple[int, int, str], lo: int, pos: int, lex: Lexicon) -> bool:
    """'would' as the past of 'will' in reported speech: a speaking verb in the sentence, no other hedge before
    the trigger, and no 'would have' (a counterfactual) or condition."""
    if hedge[2] != "would" or sent.low[hedge[1]:hedge[1] + 10].startswith((" have ", *_wish_after_would(lex))):
        return False
    if any(c[2] != "would" and lo <= c[0] < pos for c in sent.cues.get("hedge", ())):
        return False
    if sent.cues.get("hypothetical"):
        return False
    reports = lex.word_lists["report_verbs"]
    return any(c[2] in reports for c in sent.cues.get("report", ())) or bool(
        lex.signalled_that_re.search(sent.low, 0, hedge[0]))


_REPORTED_BY = re.compile(r"as reported by ([A-Z][^,.;]+)")


def _postposed(sent: Sentence, c: tuple[int, int, str]) -> bool:
    """A reporting verb after the trigger governs it only when it is not inside a quotation and does not open a
    complement of its own ('..., the Kremlin said.', not 'At the call, Blinken told Kishida that ...')."""
    if any(qs < c[0] < qe for qs, qe in sent.quotes):
        return False
    tail = sent.low[c[1]:]
    end = len(tail)
    for stop in (". ", "; "):
        k = tail.find(stop)
        if k >= 0:
            end = min(end, k)
    tail = tail[:end]
    return not _OPENS_COMPLEMENT.search(tail)


_OPENS_COMPLEMENT = re.compile(r"\bthat\b|[:\u201c\"]")


_OPENING_SUBORDINATORS = frozenset("while when as after before since".split())  # grammar: subordinating conjunctions


def _in_opening_clause(sent: Sentence, t: TrigHit, c: tuple[int, int, str]) -> bool:
    """Whether the trigger lies in a sentence-opening 'While/When/As ...' clause and the postposed reporting cue past
    its comma ('While Lula was meeting Boric, protests spread ..., according to officials'): background, not reported."""
    if not sent.bounds or not sent.words or sent.words[0] not in _OPENING_SUBORDINATORS:
        return False
    first = next((b for b in sent.bounds if b > 0), None)  # ("While" itself may open a bound at 0)
    return first is not None and t.end <= first < c[0]


def speaker_of(sent: Sentence, t: TrigHit, lex: Lexicon) -> tuple[str | None, tuple[str, ...]] | None:
    """The reporting cue governing the trigger and its named speaker: ('Iranian officials', ('IRN',)) or (None, ())."""
    best = None
    for c in sent.cues.get("report", ()):
        if c[1] <= t.start:
            best = c
    if best is None:
        # postposed: "..., officials said."
        for c in sent.cues.get("report", ()):
            if c[0] > t.end and c[2] in lex.word_lists["postposed_report"] and _postposed(sent, c) and not _in_opening_clause(sent, t, c):
                best = c
                break
        if best is None:
            return None
    found = sent.speakers.get(best)
    if found is None:
        found = sent.speakers[best] = _speaker_at(sent, best, lex)  # once per cue: triggers share their speaker
    return found


def _speaker_at(sent: Sentence, best: tuple[int, int, str], lex: Lexicon) -> tuple[str | None, tuple[str, ...]]:
    """The named speaker of one reporting cue: the phrase before it (or after 'according to') and its actors."""
    start, end, key = best
    if key in lex.word_lists["unnamed_report_cues"]:
        return (None, ())
    if key in lex.word_lists["source_report_cues"]:
        seg_start, seg_end = end, len(sent.text)
        m = _CLAUSE_PUNCT.search(sent.text[end:])
        if m:
            seg_end = end + m.start()
    else:
        seg_end = start
        seg_start = max(sent.text.rfind(",", 0, start), sent.text.rfind('"', 0, start), sent.text.rfind(";", 0, start))
        for w in (" that ", " As ", " as "):
            k = sent.text.rfind(w, 0, start)
            if k > seg_start and w.strip().lower() == "as":
                seg_start = k + 1
        seg_start = max(seg_start + 1, 0)
    phrase = sent.text[seg_start:seg_end].strip(" ,\"'")
    phrase = lex.speaker_filler_re.sub(" ", phrase)
    phrase = _SPACES.sub(" ", phrase).strip(" ,")
    phrase = lex.speaker_tail_re.sub("", phrase)  # "President Trump has declined to" -> "President Trump"
    if key == "accused":
        phrase = sent.text[:start].strip(" ,")
        phrase = _TRAILING_AUX.sub("", phrase).strip()
    # (not where a speaking envoy serves: "Iran's ambassador to Russia said" is Iran speaking)
    codes = tuple(c for m in sent.mentions if m.start >= seg_start and m.end <= seg_end + 1
                  and envoy_sender(sent, m, lex) is None for c in m.codes)
    if key == "accused":
        codes = tuple(c for m in sent.mentions if m.end <= start for c in m.codes)
    words = _words(phrase)
    vague = lex.word_lists["vague_speakers"]
    if not words or len(words) > 10 or all(w in vague for w in words):
        return (None, codes)
    if not any(ch.isupper() for ch in phrase) and not codes:
        return (None, codes)
    rep = _REPORTED_BY.search(sent.text)
    if rep and rep.start() > start:
        phrase = f"{phrase}, as reported by {rep.group(1).strip()}"
    return (phrase, codes)


# --------------------------------------------------------------------------- filters


def _agent_gap(sent: Sentence, a: int, b: int, lex: Lexicon) -> int:
    """The words in [a, b) outside actor mentions, not counting the joiners of a list of attackers: "a potential
    Israeli or US military operation" has no words between "potential" and the attack but its attackers."""
    words = [(p, w) for p, w in zip(sent.starts[bisect_left(sent.starts, a):], _ws(sent, a, b))]
    inside = [m for m in sent.mentions if a <= m.start < b]
    n = 0
    joiners = lex.word_lists["attacker_joiners"]
    for p, w in words:
        if w in joiners or any(m.start <= p < m.end for m in inside):
            continue
        n += 1
    return n + (1 if inside and n == 0 else 0)


_PUNCT = re.compile(r"[,;:]")


def _question_end(sent: Sentence, pos: int, lex: Lexicon) -> int:
    """The end of the question word ("whether", "why", "about") at most four words after a `question` verb ending at
    `pos`, with no comma between; -1 if there is none."""
    rx = lex.question_re
    m = rx.match(sent.low, pos) if rx is not None else None
    return m.end() if m else -1


def asks_a_question(sent: Sentence, pos: int, lex: Lexicon) -> bool:
    """Whether a `question` verb ending at `pos` asks a question ("asked whether", "asked Erdogan if"), not for help."""
    return _question_end(sent, pos, lex) >= 0


def in_question(sent: Sentence, t: TrigHit, lex: Lexicon) -> bool:
    """Whether the trigger is what a reporter's question asks about, up to the next comma: "Asked whether he would
    send troops, Macron said ..." (the sending is no event; what is said after the comma is)."""
    for _qs, qe, _k in sent.cues.get("question", ()):
        if qe > t.start:
            break
        we = _question_end(sent, qe, lex)
        if 0 <= we <= t.start and not _PUNCT.search(sent.low, we, t.start):
            return True
    return False


def in_slogan(sent: Sentence, t: TrigHit) -> bool:
    """Whether the trigger is inside a short quotation named as a slogan or a name ('banners reading "Defend X"',
    'an operation dubbed "Iron Shield"'): words on a banner are no act."""
    for qs, qe in sent.quotes:
        if qs <= t.start < qe and len(sent.text[qs:qe].split()) <= 6:
            for _cs, ce, _k in sent.cues.get("slogan", ()):
                if 0 <= qs - ce <= 4 and not any(ch.isalnum() for ch in sent.text[ce:qs]):
                    return True
    return False


_TITLE_SMALL = frozenset("a an the and or of for to in on at by with from".split())  # grammar: a title's small words


def in_title(sent: Sentence, t: TrigHit) -> bool:
    """Whether the trigger is inside a short quoted title ('the "Commitment to Consult" stipulates ...'): every
    word of the quotation capitalised but small words, and the quotation not the sentence's start; a name, no act."""
    for qs, qe in sent.quotes:
        if qs < t.start < qe and qs > 0:
            words = sent.text[qs + 1:qe].split()
            if 2 <= len(words) <= 6 and all(w[:1].isupper() or w.lower() in _TITLE_SMALL for w in words):
                return True
    return False


def is_irrealis(sent: Sentence, t: TrigHit, lex: Lexicon) -> bool:
    """A hypothetical, a question, a slogan or title, or an act only warned against, avoided or wanted: no event."""
    if sent.question:
        return True
    if sent.cues and (("question" in sent.cues and in_question(sent, t, lex)) or ("slogan" in sent.cues and in_slogan(sent, t))):
        return True
    if sent.quotes and in_title(sent, t):
        return True
    lo, hi = _clause(sent, t.start)
    if lo == 0 and sent.bounds and _INVERTED_CONDITIONAL.match(sent.low):
        return True  # "Should Azerbaijan attack Armenia, ...": a conditional by inversion
    if "should" in sent.low and _SHOULD_CLAUSE.search(sent.low, max(0, t.start - 100), t.start):
        return True  # "as the minister said, should Iran target our forces, ...": a conditional after a comma
    if "should" in sent.low and _SHOULD_NAME.search(sent.text, max(lo, t.start - 60), t.start):
        return True  # "Britain will defend Jordan should Iran attack it"
    hyp = _cue_before(sent, "hypothetical", t.start, lo, 12)
    if hyp is not None and _cue_before(sent, "continuation", t.start, hyp[0]) is None:
        return True
    # "telling the United States not to strike Iran", "urged X to attack": what is asked for is no event,
    # unless it is to stop doing it ("pushed its allies to stop firing")
    if _TO_BEFORE.search(sent.low[max(0, t.start - 8):t.start]):
        for o in sent.triggers:
            if o is not t and o.trig.type in ("THREATEN", "REQUEST") and o.trig.pos == "verb" and o.end <= t.start and \
                    _nw(sent, o.end, t.start) <= 7 and not set(_ws(sent, o.end, t.start)) & {
                        "if", "of", "that", "because", "which", "when", "while"}:
                if not lex.stop_before_re.search(sent.low[max(0, t.start - 8):t.start]):
                    return True
    if t.trig.frame == "verdict":
        return False  # "attacks against Iran are a gross violation": a verdict on the act named before it, said now
    c = _cue_before(sent, "irrealis", t.start, lo, 7)
    wide, assault_only = lex.word_lists["wide_irrealis"], lex.word_lists["assault_only_irrealis"]
    if c is not None and _nw(sent, c[1], t.start) > 3 and c[2] not in wide and not (
            t.trig.type == "ASSAULT" and c[2] in assault_only and _agent_gap(sent, c[1], t.start, lex) <= 1):
        c = _cue_before(sent, "irrealis", t.start, lo, 3)
    if c is not None:
        gap = _nw(sent, c[1], t.start)
        agents = _agent_gap(sent, c[1], t.start, lex) if t.trig.type == "ASSAULT" else gap
        if c[2] in assault_only and (agents > 1 or t.trig.type != "ASSAULT"):
            return False
        if c[2] == "further" and (gap > 1 or t.trig.type != "ASSAULT"):
            return False
        if c[2] == "question of" and _cue_before(sent, "neg", c[0], lo, 4) is not None:
            return False  # "there is no question of an intervention": denied, not hypothetical
        if c[2] == "commitment to" and t.trig.type in ("AGREE", "CONSULT"):
            return False  # "a commitment to consult": the talks pledged, future
        if c[2] in lex.word_lists["adjacent_irrealis"]:
            return gap <= 2 and not _CAPITAL.search(sent.text[c[1]:t.start])
        if c[2] == "any" and (_cue_before(sent, "neg", c[0], lo, 8) is not None or gap > 2):
            return False
        return True
    return False


# --------------------------------------------------------------------------- dates


def date_for(sent: Sentence, t: TrigHit, dates: list[DateMention]) -> str | None:
    """The date expression that belongs to the trigger: same clause, or a sentence-opening adjunct."""
    if not dates:
        return None
    lo, hi = _clause(sent, t.start)
    first_bound = sent.bounds[0] if sent.bounds else len(sent.text)
    best: DateMention | None = None
    for d in dates:
        if d.iso is None:
            continue
        if lo <= d.start < hi:
            between = sent.low[min(d.end, t.end):max(d.start, t.start)]
            if d.start > t.end and _RELATIVE_WORD.search(between):
                continue
            if best is None or abs(d.start - t.start) < abs(best.start - t.start):
                best = d
        elif d.end <= first_bound and first_bound < len(sent.text) and t.start > first_bound and lo <= first_bound + 1:
            best = best or d
    return best.iso if best else None
