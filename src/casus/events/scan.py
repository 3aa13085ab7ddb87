"""The sentence scan: one pass of the lexicon regex builds a sentence's mentions, triggers, cues and clause bounds."""

from __future__ import annotations

import re
from bisect import bisect_left

from casus.events.actors import names_actor, pick
from casus.events.lexicon import Lexicon, PhraseNode, Trigger
from casus.events.mentions import _resolve_mentions, inner_name, person_mentions
from casus.events.sentence import _COMPILED, Mention, Sentence, TrigHit, _words, quote_spans, word_index
from casus.events.words import AUX, DETS, PREPS

# --------------------------------------------------------------------------- scanning


_LAUNCH = Trigger("ASSAULT", "verb", "assault", "auto", "aerial", frozenset({"target"}), False, False, False, False, None, None)


def scan(text: str, lex: Lexicon, year: int | None, persons: dict[str, str] | None = None) -> Sentence:
    """Find every lexicon phrase in one pass and build the sentence's mentions, triggers and cues. `persons` is the
    document's registry of persons (Context.persons): their names are mentions, and new ones are learned into it."""
    low = text.lower()
    if len(low) != len(text):  # a character whose lower case is longer: keep offsets aligned
        low = "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)
    mentions: list[Mention] = []
    triggers: list[TrigHit] = []
    domains: list[tuple[int, int, str]] = []
    cues: dict[str, list[tuple[int, int, str]]] = {}
    agree_nouns: list[tuple[int, int, str | None, str]] = []
    corefs: list[tuple[int, int, str, str]] = []
    militia: list[tuple[int, int]] = []
    attr_spans: list[tuple[int, int]] = []
    infos = lex.info
    starts, words = word_index(low)
    for start, end, key in phrase_hits(low, lex):
        info = infos.get(key)
        if info is None:
            continue
        if info.actors and names_actor(text, low, start, end, info.exact):
            best = pick(info.actors, year) if info.dated and year else info.best
            if best is not None:
                tail = text[end:end + 2]
                poss = tail == "'s" or (tail[:1] == "'" and (end + 1 >= len(text) or not text[end + 1].isalpha()))
                mentions.append(Mention(start, end, (best.code,), best.kind, poss))
                continue  # an actor name is not also a trigger
        elif info.actors and " " in key and not text[start].isupper():
            inner = inner_name(text, low, start, end, lex, year)  # "the state of Qatar"
            if inner is not None:
                mentions.append(inner)
                continue
        if info.outlet:
            surface = text[start:end]
            if (info.exact is None or surface in info.exact) and surface[0].isupper():
                attr_spans.append((start, end))
        elif info.commentator:
            attr_spans.append((start, end))
        if info.militia:
            militia.append((start, end))
        for d in info.domains:
            domains.append((start, end, d))
        for c in info.cues:
            if c == "hedge" and key == "may" and text[start] == "M" and start > 0:
                continue  # the month
            cues.setdefault(c, []).append((start, end, key))
        for r in info.corefs:
            corefs.append((start, end, r, key))
        for g in info.agree:
            agree_nouns.append((start, end, g, key))
        if info.trigs and not (start and low[start - 1] == "-" and " " not in key):
            # a trigger word inside a compound ("nuclear-armed", "Western-controlled") is no trigger
            if len(info.trigs) > 1 or info.trigs[0].pos == "verb":
                j = bisect_left(starts, end)
                nxt = words[j] if j < len(words) and low[end:starts[j]].strip() == "" else ""
                prev = _prev_word(low, start, starts, words)
                if nxt in PREPS and any(e.pos == "noun" for e in info.trigs) and _determined_actor_before(low, start, mentions, starts, words):
                    prev = "the"  # "the U.S. strikes on Iran": a determined actor name modifies a noun
                named = bool(mentions) and not low[mentions[-1].end:start].strip()  # "Beijing supports": its subject
                trig = _choose_pos(list(info.trigs), low, start, prev, lex, nxt, info.blocked, named)
                if trig is not None and trig.pos == "verb" and trig.type == "ASSAULT":
                    trig = _attack_noun(list(info.trigs), low, start, text[end:end + 40]) or trig
                    prev = _prev_word(low, start, starts, words)
                    if _participle_modifier(key, prev, text[end:end + 40], lex):
                        trig = None  # "the war with invading Russian forces": the forces, not an attack told
                    elif key.endswith("ing") and prev == "for" and any(t.trig.type in ("AID", "COOPERATE") for t in triggers):
                        trig = None  # "providing intelligence to Iran for targeting U.S. forces": the help's purpose
            else:
                trig = info.trigs[0]
            if trig is not None:
                triggers.append(TrigHit(start, end, trig, key))
    for mention in mentions:
        if mention.kind == "inst" and low.endswith(" military", 0, mention.end):
            swallowed = _swallowed_trigger(low, mention.end, lex)
            if swallowed is not None and not any(t.start == swallowed.start for t in triggers):
                triggers.append(swallowed)
    if lex.launch_re is not None and any(p in low for p in lex.launch_prefixes):
        for hit in lex.launch_re.finditer(low):
            if "," in hit.group() or any(t.start <= hit.start() < t.end for t in triggers):
                continue  # "launched talks, and missiles ...": another clause; "fired missiles": listed already
            if _elaborates_attack(low, hit.start(), hit.group(), triggers):
                continue  # "carried out an air assault, launching 270 drones": the same attack told again
            triggers.append(TrigHit(hit.start(), hit.end(), _LAUNCH, hit.group()))
        triggers.sort(key=lambda h: h.start)  # in text order: "fired missiles at X, and Y condemned the attack"
    if "joint " in low:  # "joint missile defense exercise": joint drills with modifiers the phrase list does not hold
        drill = Trigger("COOPERATE", "noun", "joint", "military", None, frozenset(), False, False, False, False, None, None,
                        args=lex.frames["drills"])  # held by the parties named together or "with X", none from the context
        for hit in lex.joint_drill_re.finditer(low):
            covered = [t for t in triggers if t.start < hit.end() and hit.start() < t.end]
            if all(hit.start() <= t.start and t.end <= hit.end() for t in covered) and not any(
                    t.start == hit.start() and t.end == hit.end() for t in covered):  # "joint naval drills": listed
                # (the phrase holds the shorter triggers inside it: "missile defense", "exercise")
                triggers = [t for t in triggers if all(t is not c for c in covered)]
                triggers.append(TrigHit(hit.start(), hit.end(), drill, hit.group()))
        triggers.sort(key=lambda h: h.start)
    if persons is not None:
        person_mentions(text, low, mentions, persons, lex, starts, words)
    if not triggers and not agree_nouns:
        sent = Sentence(text, low, mentions, [], domains, cues, agree_nouns, [], [], False, starts, words)
        _resolve_mentions(sent, lex, corefs, militia, attr_spans, None)
        return sent
    bounds = _boundaries(text, low, lex)
    quotes = quote_spans(text)
    sent = Sentence(text, low, mentions, triggers, domains, cues, agree_nouns, bounds, quotes, text.rstrip().endswith("?"),
                    starts, words)
    _resolve_mentions(sent, lex, corefs, militia, attr_spans, None)
    return sent


def phrase_hits(low: str, lex: Lexicon) -> list[tuple[int, int, str]]:
    """(start, end, phrase) of each lexicon phrase in `low`, left to right: the matches of lex.regex.finditer(low),
    each the longest phrase at its start that no word character follows. Compiled, a walk of lex.phrase_trie finds
    them several times faster than the regex; as pure Python the regex is faster."""
    if _COMPILED and lex.phrase_trie is not None:
        return _past_the(low, lex, trie_hits(low, lex.phrase_trie))
    return _past_the(low, lex, [(m.start(), m.end(), m.group()) for m in lex.regex.finditer(low)])


def _past_the(low: str, lex: Lexicon, hits: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A phrase that starts with "the" ("the north", "the south": descriptions) gives way to a longer phrase that
    starts at the next word ("the North Korean leader", "the North Atlantic Treaty Organization": the name); the
    text after that phrase is searched again from its end."""
    for i, (start, end, key) in enumerate(hits):
        if key.startswith("the "):
            longer = lex.regex.match(low, start + 4)
            if longer is not None and longer.end() > end:
                rest = [(m.start(), m.end(), m.group()) for m in lex.regex.finditer(low, longer.end())]
                return hits[:i] + [(longer.start(), longer.end(), longer.group())] + _past_the(low, lex, rest)
    return hits


def _is_word(ch: str) -> bool:
    """\\w of a str pattern: alphanumeric or the underscore."""
    return ch.isalnum() or ch == "_"


def trie_hits(low: str, root: PhraseNode) -> list[tuple[int, int, str]]:
    """phrase_hits by the trie. A phrase that matches at p starts a word run there and holds the whole runs of `low`
    up to its last word (each of its separators is a whole run: word characters close it on both sides), then
    perhaps a tail of the next separator that a word character does not follow. Each start keeps its longest phrase,
    and the next search starts after it, as finditer's does."""
    run_start: list[int] = []
    run_end: list[int] = []
    n = len(low)
    i = 0
    while i < n:
        if _is_word(low[i]):
            j = i + 1
            while j < n and _is_word(low[j]):
                j += 1
            run_start.append(i)
            run_end.append(j)
            i = j
        else:
            i += 1
    out: list[tuple[int, int, str]] = []
    runs = len(run_start)
    k = 0
    while k < runs:
        node = root.next.get(low[run_start[k]:run_end[k]])
        if node is None:
            k += 1
            continue
        best_end, best_key, best_run = -1, "", k
        j = k
        while True:
            end = run_end[j]
            if node.key is not None:
                best_end, best_key, best_run = end, node.key, j
            sep = low[end:run_start[j + 1] if j + 1 < runs else n]
            for tail, phrase in node.tails:
                if sep.startswith(tail) and (len(tail) < len(sep) or j + 1 == runs):
                    best_end, best_key, best_run = end + len(tail), phrase, j
                    break
            if j + 1 == runs:
                break
            after = node.next.get(sep)
            word = after.next.get(low[run_start[j + 1]:run_end[j + 1]]) if after is not None else None
            if word is None:
                break
            node = word
            j += 1
        if best_end < 0:
            k += 1
            continue
        out.append((run_start[k], best_end, best_key))
        k = best_run + 1  # (the next run starts after the phrase: a tail never reaches a word)
    return out


def _swallowed_trigger(low: str, end: int, lex: Lexicon) -> TrigHit | None:
    """A nominal trigger whose first word an institution's name took ("U.S. military activity", "the Russian military
    operation"): the longest "military ..." trigger phrase over the next three words, as a hit on those words."""
    after = low[end:end + 60].split()[:3]
    for n in (3, 2, 1):
        if len(after) < n:
            continue
        tail = " ".join(after[:n]).rstrip(".,;:!?")
        info = lex.info.get("military " + tail)
        nouns = [t for t in info.trigs if t.pos == "noun"] if info is not None else []
        if nouns:
            start = low.index(after[0], end)
            return TrigHit(start, start + len(tail), nouns[0], "military " + tail)
    return None


# Grammar (determiners, prepositions, auxiliaries, pronouns, clause words) stays in code; the open-class word lists
# the rules below read are in data/events.yaml (`word_lists`, through the Lexicon passed in).
_NOUN_LEAD = DETS | frozenset({"following", "after", "amid", "despite", "since", "of", "by", "in", "from", "with"})
_NOT_MODIFIER = AUX | frozenset({"that", "which", "who", "it", "they", "he", "she", "we", "then", "and", "or", "to"})


_PARTICIPLE_PREPS = frozenset({"with", "against", "the", "of", "from"})  # grammar; with `resist_verbs` before a participle
_CAPITALISED_THEN = re.compile(r"\s+[A-Z][\w-]*\s+([a-z]+)\b")


def _participle_modifier(key: str, prev: str, after: str, lex: Lexicon) -> bool:
    """An attack verb's -ing form modifying a state's forces (object_words.forces) after a preposition ('with
    invading Russian forces')."""
    if not key.endswith("ing") or (prev not in _PARTICIPLE_PREPS and prev not in lex.word_lists["resist_verbs"]):
        return False
    m = _CAPITALISED_THEN.match(after)
    return m is not None and m.group(1) in lex.object_words["forces"]


def _attack_noun(entries: list[Trigger], low: str, start: int, after: str) -> Trigger | None:
    """The noun reading of an attack word read as a verb when a determiner or a preposition opens its phrase two or
    three words before, with only modifiers between ('following U.S. strikes', 'a "large scale strike" on X'), and
    no object after it ('after Israel strikes Iran' stays a verb)."""
    nouns = [e for e in entries if e.pos == "noun"]
    nxt = _words(after.lower())[:1]
    if not nouns or (nxt and nxt[0] in DETS) or after.lstrip(" \"\u201d")[:1].isupper():
        return None
    before = _words(low[max(0, start - 40):start].replace("\"", " ").replace("\u201c", " "))[-4:]
    for k in (2, 3):
        if len(before) >= k and before[-k] in _NOUN_LEAD and not set(before[-k + 1:]) & _NOT_MODIFIER:
            return nouns[0]
    return None


def _elaborates_attack(low: str, start: int, hit: str, triggers: list[TrigHit]) -> bool:
    """Whether a launch in a participle clause (", launching 270 drones") tells how an attack named before it in the
    sentence was made: one line of attack is one record (gold convention)."""
    return hit.split(" ", 1)[0].endswith("ing") and low[:start].rstrip().endswith(",") and any(
        t.trig.type == "ASSAULT" and t.end <= start for t in triggers)


# adjective endings (morphology, not a word list): a word before a phrase ending so makes the phrase a noun
_ADJ_END = ("al", "ic", "ive", "ed", "ous", "ful", "ent", "ant", "ary", "ern", "ian", "an", "ese", "ish", "est", "ing", "li")
_VERB_PREV = AUX | frozenset("to it they we he she who which that also".split())  # grammar; with `verb_adverbs`


def _prev_word(low: str, start: int, starts: list[int], words: list[str]) -> str:
    """The last word in the 40 characters before `start`, cut where that window cuts it."""
    if not low.isascii():
        before = _words(low[max(0, start - 40):start])
        return before[-1] if before else ""
    j = bisect_left(starts, start)
    if not j:
        return ""
    lo = max(0, start - 40)
    s0 = starts[j - 1]
    e0 = min(s0 + len(words[j - 1]), start)
    return low[max(s0, lo):e0] if e0 > lo else ""


def _determined_actor_before(low: str, start: int, mentions: list[Mention], starts: list[int], words: list[str]) -> bool:
    """Whether an actor name ends right before `start` and a determiner or possessive opens it ("the U.S.", "its
    EU"): the name is a noun's modifier there, not a clause's subject."""
    if not mentions or low[mentions[-1].end:start].strip() or mentions[-1].poss:
        return False
    j = bisect_left(starts, mentions[-1].start)
    return j > 0 and words[j - 1] in DETS


def _plural_form(low: str, start: int) -> bool:
    """Whether the one-word phrase at `start` ends in a plural's -s (not -ss): "protests", not "discuss"."""
    m = _WORD_AT.match(low, start)
    return m is not None and m.group(0).endswith("s") and not m.group(0).endswith("ss")


_WORD_AT = re.compile(r"[a-z][a-z-]*")
_PLURAL_LEAD = frozenset({"of", "for", "no", "any", "with", "without", "amid", "despite"})  # grammar: a noun phrase opens
_NATION_ADJ_END = ("ian", "ese", "ish", "ic")  # morphology: "Palestinian", "Chinese", "public" (not "continent")


def _choose_pos(entries: list[Trigger], low: str, start: int, prev: str, lex: Lexicon, nxt: str = "",
                blocked: bool = False, named: bool = False) -> Trigger | None:
    """Verb or noun reading of a phrase listed as both ('supply', 'support'): a determiner or adjective before means noun.

    `prev` is the word before the phrase, `nxt` the word right after it ("" after punctuation), `named` whether an actor's
    name ends just before it (its subject: "Beijing supports"). Returns None for a
    verb-only phrase used as a noun ('the demands of', 'commercial ships in').
    """
    words = lex.word_lists
    if (prev in ("a", "an") or prev in words["participle_adverbs"]) and low[start:start + 30].split()[0].endswith("ed"):
        return None  # "a fully armed Iran": an adjective
    # "helped defend", "helps fund" (`help_verbs`): a bare infinitive after help is a verb, not a noun after an -ed adjective
    if prev in _VERB_PREV or prev in words["verb_adverbs"] or prev in words["help_verbs"] or prev.endswith("ly"):
        want = "verb"
    elif prev in DETS or prev.endswith("'s") or prev in ("of", "for", "no", "and", "or", "any", "with", "without", "amid", "little", "much",
                                                         "despite") or prev.endswith(_ADJ_END):
        want = "noun"
    else:
        want = "verb"
    for e in entries:
        if e.pos == want:
            return e
    if want == "noun" and blocked:
        return None  # "Iranian targets", "spending targets": a noun listed as no event
    if want == "noun" and not named and (prev in _PLURAL_LEAD or prev.endswith(_NATION_ADJ_END)) and all(
            e.pos == "verb" for e in entries) and _plural_form(low, start):
        return None  # "amid protests", "pro-Palestinian protests": a plural noun ("the continent stands" keeps its verb)
    if want == "verb" and nxt in words["not_recipient_preps"] and all(e.frame == "transfer" for e in entries):
        return None  # "a treaty that extends across domains": no transfer
    if want == "noun" and all(e.pos == "verb" for e in entries) and (prev in DETS or (prev.endswith("ed") and not prev.endswith("eed")) or (
            all(e.frame == "transfer" for e in entries) and ((nxt in PREPS and nxt != "to") or not nxt))):
        return None  # "commercial ships in the Red Sea": a transfer verb has its object next, not a preposition
    return entries[0]


def _boundaries(text: str, low: str, lex: Lexicon) -> list[int]:
    """Character positions where a clause ends: strong connectives, semicolons, an opening subordinate clause's comma."""
    bounds = [m.start() for m in (lex.boundary_ascii if low.isascii() else lex.boundary).finditer(low)]
    words = low.lstrip(" \"'*#").split(" ", 2)
    first = words[0].strip(",") if words else ""
    two = " ".join(words[:2])
    if first in lex.subordinators or two in lex.subordinators:
        comma = text.find(",")
        if comma > 0:
            bounds.append(comma)
    bounds.sort()
    return bounds
