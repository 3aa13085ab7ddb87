"""Actor mentions in a sentence: their roles, groups and coreference (pronouns, "the two countries", "the alliance")."""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from operator import attrgetter
from typing import Any

from casus.datafiles import read_yaml
from casus.months import MONTHS
from casus.events.actors import gazetteer, names_actor, pick
from casus.events.lexicon import Lexicon
from casus.events.sentence import (
    Context,
    Mention,
    Sentence,
    _next_ws,
    _nw,
    _nwords,
    _prev_ws,
    quote_spans,
)
from casus.events.words import AUX, DETS, PREPS, WORD_RE

# The open-class word lists (suffixes, partner and envoy nouns, speaking verbs ...) are in data/events.yaml
# (`word_lists`, through the Lexicon passed in); grammar words (determiners, prepositions, auxiliaries) stay here.
_BY_START = attrgetter("start")

# Patterns used inside functions, compiled once (re's own cache costs a lookup per call).
_TITLE_BEFORE = re.compile(r"\b[A-Z][a-z]+\s+$")  # a capitalised title right before a name ("President ")
_NOUN_AFTER = re.compile(r"\s+[a-z][\w-]*\s*,")  # a lowercase head noun and a comma: "Pentagon document,"
_HYPHEN_BEFORE = re.compile(r"\w-[a-z]+ed\s+$")  # "Iran-backed " right before a mention: a compound adjective


def _resolve_mentions(
    sent: Sentence,
    lex: Lexicon,
    corefs: list[tuple[int, int, str, str]],
    militia: list[tuple[int, int]],
    attr_spans: list[tuple[int, int]],
    ctx: Context | None,
) -> None:
    """Give mentions their roles; build militia mentions; keep pronouns for later resolution."""
    text, low = sent.text, sent.low
    mentions = sent.mentions
    # Militias: "<adj> militias", "militias in <country>", "<possessor> allies in <country>".
    for ms, me in militia:
        after = next((m for m in mentions if 0 <= m.start - me <= 5 and m.kind in ("name", "adj", "capital")), None)
        before = next((m for m in reversed(mentions) if 0 <= ms - m.end <= 12 and m.kind in ("name", "adj") and not m.poss), None)
        base = after if (after is not None and low[ms:me].endswith(" in") or after is not None and low[me:after.start].strip() == "in") else None
        if base is None and before is not None and _nw(sent, before.end, ms) <= 1:
            base = before
        if base is None and after is not None and low[ms:me].strip() == "allies in":
            base = after
        if base is None:
            continue
        start, end = min(ms, base.start), max(me, base.end)
        # absorb a possessive just before ("its allies in Iraq", "Russia's allies in Iraq")
        pron_start = low.rfind(" ", 0, max(0, start - 1))
        prev = low[pron_start + 1:start].strip()
        if prev in ("its", "their", "his") or prev.endswith("'s"):
            start = pron_start + 1
        mentions = [m for m in mentions if m.end <= start or m.start >= end]
        mil = Mention(start, end, (base.codes[0] + "_MILITIAS",), "militia")
        mentions.append(mil)
        corefs = [c for c in corefs if c[1] <= start or c[0] >= end]
    for cs, ce, cat, key in corefs:
        if cat == "expletive":
            continue
        if key == "both" and any(0 <= m.start - ce <= 2 for m in mentions):
            continue  # "both Iran and Israel": a determiner
        if cat == "first" and '"' not in text:
            continue  # we/us/our stand for an actor only inside a quotation ("Let us agree": the author's)
        if key == "both" and text[ce:ce + 1] == " " and (nx := _next_ws(sent, ce, ce + 30, 1)) and nx[0].endswith("s") \
                and nx[0] not in _SUBJECT_NEXT:
            continue  # "both vulnerabilities and strengths": a determiner of a plural noun
        if cs > 0 and " " in key and text[cs + key.rfind(" ") + 1].isupper() and text[ce + 1:ce + 2].isupper():
            continue  # "the Former Soviet Union": a capitalised phrase inside a sentence is a name, not an anaphor
        poss = key.endswith(("'s",)) or key in ("its", "their", "his", "her")
        mentions.append(Mention(cs, ce, (), "coref:" + cat, poss))
    mentions.sort(key=_BY_START)
    if corefs:  # (no pronoun, nothing to drop)
        # "its European allies", "their Iranian partners": the pronoun is only a determiner.
        mentions = [m for i, m in enumerate(mentions) if not (
            m.kind == "coref:single" and m.poss and i + 1 < len(mentions) and mentions[i + 1].codes
            and 0 <= mentions[i + 1].start - m.end <= 12 and _nw(sent, m.end, mentions[i + 1].start) <= 1)]
    dl = _DATELINE.match(text) if mentions and mentions[0].start < 4 else None
    if dl:
        # "BRUSSELS [Belgium]:", "WASHINGTON —": where the story was filed, not an actor
        mentions = [m for m in mentions if m.start >= dl.end()]
    titles = mention_data().leader_titles
    person_titles = _all_titles(lex)
    for m in mentions:
        if m.kind == "leader" and titles:
            _absorb_title(text, m, titles, mentions)
    # Merge "Russian President Vladimir Putin" into one mention.
    merged: list[Mention] = []
    for m in mentions:
        if merged:
            p = merged[-1]
            gap = text[p.end:m.start]
            if p.codes and p.codes == m.codes and not p.poss and _nwords(gap) <= 3 and "," not in gap and (all(
                w[0].isupper() for w in WORD_RE.findall(gap)
            ) or (p.kind in ("adj", "name") and not p.poss and m.kind == "leader" and _title_gap(gap, lex)) or (
                    p.kind in ("name", "adj") and m.kind == "leader" and _of_title_gap(gap, person_titles))):
                # "Russian President Vladimir Putin", "his Belarusian counterpart Alexander Lukashenko"
                p.end, p.poss = m.end, m.poss
                if m.kind == "leader" or p.kind == "adj":
                    p.kind = "leader" if m.kind == "leader" else m.kind
                p.role = "agent"
                continue
        merged.append(m)
    mentions = merged
    for m in mentions:
        hyphen = text[m.end:m.end + 1] == "-"  # both suffix patterns start with one
        if hyphen and lex.maker_suffix_re.match(text, m.end):
            m.role = "maker"
        elif hyphen and lex.link_suffix_re.match(text, m.end):
            m.role = "mod"
        elif hyphen and lex.led_suffix_re.match(text, m.end):
            m.role = "agent"
        elif m.poss and text[max(0, m.start - 2):m.start] == ", " and lex.appositive_tail_re.match(low, m.end):
            m.role = "appos"  # "China, Pakistan's closest ally, urged ...": a description of China
        elif attr_spans and any(s <= m.end + 40 and s >= m.end for s, _ in attr_spans) and not m.poss and not (
                m.kind in ("name", "capital") and text[m.end:m.end + 1] == ",") and _attr_follows(low, m.end, lex, mentions):
            m.role = "agent" if _listed(low, m.start, m.end, mentions) and _attr_acts(sent, m.end, lex, mentions) else "attr"
        elif m.kind in ("name", "capital") and not m.poss and (nxt := _next_ws(sent, m.end, m.end + 40, 3)) and (
                nxt[0] in lex.background_nouns or " ".join(nxt[:2]) in lex.background_nouns):
            m.role = "mod"  # "the Ukraine war": background, not an actor here
        elif m.kind in ("adj",) and not m.poss:
            nxt = _next_ws(sent, m.end, m.end + 40, 3)
            head = " ".join(nxt[:2])
            if nxt and (nxt[0] in lex.agent_nouns or head in lex.agent_nouns):
                m.role = "agent"
            elif nxt and nxt[0] in ("and", "or") and _attr_follows(low, m.end, lex, mentions):
                m.role = "agent" if _attr_acts(sent, m.end, lex, mentions) else "attr"
            elif nxt and (nxt[0] in ("and", "or") or text[m.end:m.end + 1] == ",") and _agent_follows(sent, m.end, lex, mentions):
                m.role = "agent"  # "the Iranian and Saudi foreign ministers", "French, German and Polish leaders": all act
            else:
                m.role = "mod"
        lead = _prev_ws(sent, m.start, 3)
        if len(lead) > 1 and lead[-1] in lex.agent_nouns and _TITLE_BEFORE.search(text, max(0, m.start - 30), m.start):
            lead.pop()  # "met President Assad": the title is part of the name; the verb before it takes the object
        # "adding that Russia ...", "warned that Pyongyang may ...": the subject of a that-clause, not the verb's object
        clause_subject = len(lead) > 1 and lead[-1] == "that" and (lead[-2].endswith("ing") or m.kind != "adj") or (
            m.kind != "adj" and bool(lead) and _says(lead[-1], lex) and _aux_next(sent, m))
        # ("saying Pyongyang had sent troops": the subject of what was said)
        while lead and lead[-1] in DETS:
            lead.pop()
        if lead and lead[-1] == "including":
            lead = _including_lead(sent, m.start) or lead
        if lead and (lead[-1] in lex.verb_forms or lead[-1] in lex.word_lists["common_verbs"] or (
                lead[-1].endswith(("ing", "ed")) and lead[-1] not in PREPS and len(lead[-1]) > 4)) and not clause_subject and \
                not _HYPHEN_BEFORE.search(low, max(0, m.start - 30), m.start):
            m.obj = True  # (not "Iran-backed Hezbollah": a compound adjective, not a verb taking an object)
        while lead and lead[-1] in lex.word_lists["lead_modifiers"]:
            lead.pop()
        while lead and lead[-1] in DETS:
            lead.pop()  # "by a top Moscow official": the determiner before the modifier
        if lead and lead[-1] in PREPS and not (lead[-1] == "from" and len(lead) > 1 and lead[-2] in lex.word_lists["envoy_nouns"]) and not (
                lead[-1] == "for" and len(lead) > 1 and lead[-2] in lex.word_lists["spokes_nouns"]):  # "a spokesman for X said": X speaks
            m.prep = lead[-1]
            nxt_w = _next_ws(sent, m.end + (2 if m.poss else 0), m.end + 32, 2)
            if len(nxt_w) == 2 and (nxt_w[0] in lex.word_lists["gerund_adverbs"] or nxt_w[0].endswith("ly")):
                nxt_w = nxt_w[1:]  # "with Trump again threatening Iran": an adverb before the gerund
            if m.prep in ("with", "without", "for") and nxt_w and nxt_w[0].endswith("ing") and not m.poss and text[m.end:m.end + 1] == " " and nxt_w[0] not in (
                    "during", "including", "regarding", "concerning", "following", "according"):
                m.prep = None  # "with Russia assisting", "for Tehran supplying": the subject of a gerund
    for m in mentions:
        if m.prep == "to" and _envoy_host(sent, m, lex):
            m.role = "attr"  # "Russia's ambassador to the EU": where the envoy serves, not who speaks or acts
        if m.role == "np" and not m.poss and m.start < 60 and lex.report_source_re.fullmatch(low, 0, m.start) and \
                _NOUN_AFTER.match(low, m.end):
            m.role = "attr"  # "According to a Pentagon document, ...": whose report it is, no party to what it tells
    _partner_descriptions(sent, mentions, lex)
    _group_locations(sent, mentions)
    # Coordinated groups: "Russia and China", "the United States and its European allies".
    gid = 0
    for i, m in enumerate(mentions):
        gap = low[mentions[i - 1].end:m.start] if i else ""
        # ("a meeting of Armenian, Azerbaijani, Russian and Turkish ministers": a bare comma inside an of-list goes on)
        of_list = gap.strip() == "," and mentions[i - 1].prep == "of" and m.kind == "adj" if i else False
        if i and _coordinated(gap, mentions[i - 1], m) and not ("," in gap and (m.role == "agent" and not of_list and not _leader_list(gap, mentions[i - 1], m)
                                                                   or _verb_follows(sent, m, lex))) and not (
                gap.strip() == "," and mentions[i - 1].prep is not None and (
                    any(0 < t.start - m.end <= 2 for t in sent.triggers) or _verb_next(sent, m))):
            # not ", and Israeli jets ...", nor "According to the Pentagon, China provided ...", nor "During a visit to
            # Tehran, Lavrov said ...": a new subject
            m.group = mentions[i - 1].group
            if m.prep is None:  # a coordinated mention shares its preposition
                m.prep = mentions[i - 1].prep
        else:
            gid += 1
            m.group = gid
    # "proxy forces, including Hezbollah and the Houthis": the named ones stand for the group.
    for i, m in enumerate(mentions):
        if i + 1 < len(mentions):
            gap = low[m.end:mentions[i + 1].start]
            if len(gap) >= 5 and lex.expansion_gap_re.fullmatch(gap):
                g = mentions[i + 1].group
                m.expand = [x for x in mentions if x.group == g]
    sent.mentions = mentions


_DATELINE = re.compile(r"[\W_]{0,3}[A-Z][\w.'-]*(?:[ ,]+[A-Z][\w.'-]*){0,2}\s*(?:\[[^\]]{1,40}\]|\([^)]{1,40}\))?"
                       r"\s*(?::|\u2014|\u2013|--)\s")


_CAPITALISED_BEFORE = re.compile(r"(?:[A-Z][a-z]+[ -])+$")


def _absorb_title(text: str, m: Mention, titles: frozenset[str], mentions: list[Mention]) -> None:
    """'Acting Prime Minister Phumtham Wechayachai': a capitalised title right before a leader's name belongs to the
    mention, so "X and Acting Prime Minister Y" is a list of two leaders."""
    hit = _CAPITALISED_BEFORE.search(text, max(0, m.start - 40), m.start)
    if hit is None:
        return
    words = hit.group().replace("-", " ").split()
    k = len(words)
    while k and words[k - 1].lower() in titles:
        k -= 1
    if k == len(words):
        return
    start = m.start - len(" ".join(hit.group().split()[k:])) - 1 if k else hit.start()
    start = max(start, hit.start())
    if not any(x is not m and x.end > start and x.start < m.start for x in mentions):
        m.start = start


def _of_title_gap(gap: str, titles: frozenset[str]) -> bool:
    """Whether the words between a state's name or adjective and a leader's mention are title words, perhaps ending
    in 'of' ("U.S. Secretary of State Antony Blinken", "Ugandan commander Jean Mbeki"), so both are one mention."""
    ws = gap.strip().lower().split()
    if ws and ws[-1] == "of":
        ws = ws[:-1]  # "Secretary of"
    return bool(ws) and all(w in titles for w in ws)


def _title_gap(gap: str, lex: Lexicon) -> bool:
    """Whether the words between a state's adjective and a leader's name are a title ("counterpart", "prime
    minister"), so both are one mention."""
    g = gap.strip().lower()
    return bool(g) and (g in lex.agent_nouns or all(w in lex.agent_nouns for w in g.split()))


def _verb_follows(sent: Sentence, m: Mention, lex: Lexicon) -> bool:
    """Whether a finite verb comes right after the mention ("..., and Venezuela found out", "..., and Iran vowed"):
    it opens a clause of its own, not a list."""
    nxt = _next_ws(sent, m.end, m.end + 30, 1)
    if not nxt or m.poss:
        return False
    w = nxt[0]
    at = sent.low.find(w, m.end)
    if at >= 0 and sent.text[at].isupper():
        return False  # "Pakistan Occupied Kashmir": a capitalised word belongs to a name
    return w in lex.word_lists["clause_verbs"] or (
        w.endswith("ed") and not w.endswith("eed") and len(w) > 4)


def _including_lead(sent: Sentence, pos: int) -> list[str]:
    """'help from allies including X': the preposition of the noun that 'including' lists, for X (else [])."""
    w = _prev_ws(sent, pos, 6)
    while w and w[-1] in DETS:
        w.pop()
    if not w or w[-1] != "including":
        return []
    before = w[:-1]
    for k in range(len(before) - 2, max(-1, len(before) - 5), -1):
        if before[k] in PREPS:
            return [before[k]]
    return []


def _envoy_host(sent: Sentence, m: Mention, lex: Lexicon) -> bool:
    """Whether the mention is where an envoy serves ('ambassador to the EU', 'envoy to the United Nations')."""
    before = _prev_ws(sent, m.start, 4)
    while before and before[-1] in DETS:
        before.pop()
    return len(before) >= 2 and before[-1] == "to" and before[-2] in lex.word_lists["posted_envoy_nouns"]


def envoy_sender(sent: Sentence, m: Mention, lex: Lexicon) -> list[Mention] | None:
    """For the place an envoy serves ('Russia's ambassador to the EU'), the state that sent the envoy, named by a
    possessive or adjective just before the envoy noun or by 'of X' after it ([] when unnamed); None for any
    other mention. The envoy speaks for the state that sent it."""
    if m.prep != "to" or not _envoy_host(sent, m, lex):
        return None
    noun = sent.low.rfind(" to", 0, m.start)
    sender = [x for x in sent.mentions if x.end <= noun and x.codes and x is not m and x.role != "attr"
              and _nwords(sent.text[x.end:noun]) <= 3]
    return sender[-1:]


def _leader_list(gap: str, prev: Mention, m: Mention) -> bool:
    """'President Lula, Indian Prime Minister Modi and ...': a comma between two leaders lists them; so does one
    between two adjectives of the people who act ('French, German and Polish leaders')."""
    return gap.strip() == "," and not prev.poss and (prev.kind == "leader" and m.kind == "leader" or (
        prev.kind == "adj" and m.kind == "adj" and prev.role == "agent"))


def _coordinated(gap: str, prev: Mention, m: Mention | None = None) -> bool:
    if prev.poss or (m is not None and m.poss and gap.strip() == ","):
        return False  # "China, Pakistan's closest ally, urged ...": an apposition, not a list
    if m is not None and m.poss and m.kind == "coref:single":
        return False  # "aid to Ukraine and its intelligence sharing": a possessive determiner opens a new phrase
    g = gap.strip()
    if gap == "-" and m is not None and m.kind == "adj":
        return True  # "U.S.-Israeli strikes", "Russian-Iranian drills": both act
    return g in ("and", "or", ",", ", and", ", or", "&", "as well as", "and its", "and their", "and the", ", and the",
                 "or the", "and its european", "nor")


_ATTR_JOINERS = frozenset({"and", "or"})  # grammar; with `attr_modifiers` inside an attribution phrase


def _agent_follows(sent: Sentence, pos: int, lex: Lexicon, mentions: list[Mention]) -> bool:
    """Whether an agent noun heads the list of actor adjectives that goes on at `pos` ('[Iranian] and Saudi foreign
    ministers')."""
    j = bisect_left(sent.starts, pos)
    while j < len(sent.words) and (sent.words[j] in ("and", "or") or any(
            x.start <= sent.starts[j] < x.end and x.kind == "adj" for x in mentions)):
        j += 1
    nxt = sent.words[j:j + 2]
    return bool(nxt) and j > bisect_left(sent.starts, pos) + 1 and (nxt[0] in lex.agent_nouns or " ".join(nxt) in lex.agent_nouns)




def _listed(low: str, start: int, end: int, mentions: list[Mention]) -> bool:
    """Whether the mention at start:end is listed with another ("Iranian and U.S. officials")."""
    if re.match(r"\s+(?:and|or)\s", low[end:end + 5]):
        return True  # listed before another
    head = low[:start].rstrip()
    if not head.endswith((" and", " or")):
        return False
    cut = head.rsplit(" ", 1)[0].rstrip()
    return any(m.end == len(cut) for m in mentions)


def _attr_acts(sent: Sentence, pos: int, lex: Lexicon, mentions: list[Mention]) -> bool:
    """Whether the officials' phrase that starts at `pos` is the subject of an event trigger right after it
    ("Iranian and U.S. officials held talks"): officials of two states listed together act for their states, they do
    not only speak (a verb of saying is no trigger; one state's officials stay speakers)."""
    low = sent.low
    end = -1
    for w in WORD_RE.finditer(low, pos, min(len(low), pos + 60)):
        if w.group() in lex.attribution_nouns:
            end = w.end()
            break
    if end < 0:
        return False
    for t in sent.triggers:
        if end < t.start <= end + 30 and t.trig.frame != "speech":  # (officials who accuse are read as speakers)
            between = WORD_RE.findall(low[end:t.start])
            if len(between) <= 3 and lex.word_lists["say_verbs"].isdisjoint(between) and lex.word_lists["say_words"].isdisjoint(between) and \
                    not any(c in low[end:t.start] for c in ",;:\"") and not (between and between[0] in ("who", "that")):
                return True
    return False


def _attr_follows(low: str, pos: int, lex: Lexicon, mentions: list[Mention]) -> bool:
    """Whether an attribution noun ('officials', 'media') heads the phrase that starts at `pos`
    ('Iranian officials', 'Russian and Iranian officials', 'Biden administration officials')."""
    first = True
    for m in WORD_RE.finditer(low[pos:pos + 60]):
        word = m.group()
        at = pos + m.start()
        if first and word in lex.attribution_nouns and "," in low[pos:at]:
            return False  # "to defend Taiwan, analysts say": a new clause, not "Taiwanese analysts"
        first = False
        if word in lex.attribution_nouns or low[at:at + 20].startswith(tuple(n + " " for n in sorted(lex.word_lists["attribution_phrases"]))):
            return True
        if word in _ATTR_JOINERS or word in lex.word_lists["attr_modifiers"] or any(x.start <= at < x.end for x in mentions):
            continue
        return False
    return False


# --------------------------------------------------------------------------- coreference


def resolve_corefs(sent: Sentence, ctx: Context, lex: Lexicon) -> None:
    """Give pronouns, pairs and 'its ally' their codes from this sentence or the context."""
    done: list[Mention] = []
    firsts: list[Mention] = []
    for m in sent.mentions:
        if not m.kind.startswith("coref:"):
            done.append(m)
            continue
        cat = m.kind[6:]
        key = sent.low[m.start:m.end]
        prior = [x for x in done if x.codes and x.role not in ("maker", "appos")]
        if cat == "pair" and key in _PLAIN_PRONOUNS and (plural := _plural_antecedent(sent, prior)):
            m.codes = plural  # "the Houthis agreed to cease their attacks": one actor with a plural name
        elif cat == "pair" and key in _PLURAL_PRONOUNS and len(many := _listed_parties(prior)) >= 3:
            m.codes = many  # "Chile, Peru and Bolivia ... their summit": all of the list, not its last two
        elif cat == "pair":
            codes: list[str] = []
            for x in reversed(prior):
                if x.kind == "capital" and x.prep in ("in", "at") and not x.poss:
                    continue  # "signed a deal in Washington, with the two countries ...": where, not who
                for c in x.codes:
                    if c not in codes and not c.endswith("_MILITIAS"):
                        codes.append(c)
            codes = codes[:2]
            if m.prep == "between" and (pair := _coordinated_pair(prior)):
                codes = pair  # "tensions between X and Y, Z welcomed the ceasefire between the two countries"
            single = codes if len(codes) == 1 else []
            if len(codes) == 1:
                codes = []
            if key in ("bilateral", "mutual") and any(x.codes for x in sent.mentions if x is not m):
                # "Pyongyang signed a mutual defence treaty with Moscow": the parties are in the sentence already
                pass
            elif single and _pair_is_object(sent, prior[-1], m):
                # "Russia called on the sides to ...": the sides are the others, never the one addressing them
                codes = other_pair(ctx, single[0])
            elif len(codes) < 2 and key in _PLAIN_PRONOUNS and not single and not any(
                    len(set(c)) >= 2 for c in ctx.recent_codes[-2:]):
                codes = []  # "they" with no two actors in this or the two sentences before: no antecedent (convention 6)
            elif len(codes) < 2 and key not in _OBJECT_PRONOUNS and (met := _met_pair(ctx)) and (
                    not single or single[0] in met):
                codes = [met[1], met[0]]  # "X's minister met Y's ... The two sides agreed ...": the two who met
            elif len(codes) < 2:
                # the pair just named ("X and Y signed ... Each side ..."), else the document's two main actors
                pool = ctx.prev_subject if len(ctx.prev_subject) >= 2 else (
                    ctx.prev_codes if len(ctx.prev_codes) == 2 else _recent_pair(ctx))
                for c in (*pool, *single, *ctx.prev_codes):
                    if c not in codes:
                        codes.append(c)
                    if len(codes) == 2:
                        break
            if key in _PLURAL_PRONOUNS and len(ctx.prev_subject) == 3 and not prior:
                codes = list(reversed(ctx.prev_subject))  # "The three leaders met ... They agreed ...": all three
            m.codes = tuple(reversed(codes)) if len(codes) in (2, 3) else ()
            if len(m.codes) == 2 and lex.state_pair_re.search(key) and not all(c in state_codes() for c in m.codes):
                m.codes = _state_pair(prior, ctx)  # "the two countries": states, never "the West" or a bloc
        elif cat == "trio":
            m.codes = _trio(prior, ctx)
        elif cat == "single":
            person = key in ("he", "his", "she", "her", "him")
            if key in ("it", "him", "them") and prior and prior[-1].prep is None and not prior[-1].obj and \
                    _OBJECT_PRONOUN_GAP.fullmatch(sent.low[prior[-1].end:m.start]) and not _subject_of_clause(sent, m) \
                    and not _reported_subject(sent, m, lex):
                # "Moscow failed to defend it": an object pronoun is not its own verb's subject
                # (but "Yerevan denied it has troops there": it is the subject of the clause it opens; so is
                # "Russia said it condemned ...": a saying verb's clause)
                prior = prior[:-1]
            last = prior[-1] if prior else None
            ahead = _fronted_subject(sent, m) if person and key in ("his", "her") else ()
            if ahead:
                m.codes = ahead  # "On his first trip to Lima, Lula praised ...": the subject after the phrase
            elif person and key in ("he", "she") and _after_fronted_gerund(sent, m) and ctx.prev_subject:
                # "Commenting on tensions between X and Y, he welcomed ...": the states of the opening phrase are
                # its topic; the person is the one the text was about
                m.codes = ctx.prev_subject[:1]
            elif last is not None and last.obj and not person and _TO_VERB_GAP.fullmatch(sent.low[last.end:m.start]):
                m.codes = last.codes[:1]  # "urged Israel to halt its strikes": its is the one urged
            elif person and '"' in sent.text and not _in_quote(sent, m.start):
                m.codes = _speaker_pronoun(sent, prior, ctx)
            else:
                m.codes = _antecedent(prior, ctx, person)
        elif cat == "partner":
            # "its ally", "its key Asian ally", "its neighbour": another actor of this sentence, else of the document
            ref = _antecedent(prior, ctx, False)
            others = [c for x in reversed(prior) if x.role not in ("attr", "maker") for c in x.codes if c not in ref]
            # of several, one of the document's pair first ("avoided supplying aid to its ally" after "the invasion of X")
            others = sorted(others, key=lambda c: c not in ctx.dyad()) or [c for c in ctx.dyad() if c not in ref]
            if not others:
                others = [c for x in prior for c in x.codes if c not in ref]
            m.codes = (others[0],) if others else ()
        elif cat == "partnerof":
            # "Manila's strongest ally": a treaty partner of the possessor present in the document, else the
            # document's other main actor
            ref = m.codes
            others = treaty_partner(ref, prior, ctx) or [c for c in ctx.dyad() if c not in ref]
            if not others:
                others = [c for x in prior for c in x.codes if c not in ref]
            m.codes = (others[0],) if others else ()
        elif cat == "body":
            # "the alliance", "the bloc", "the council": the organisation of that kind named last, here or a few
            # sentences before
            named = [x for x in prior if x.kind == "group"]
            fits = mention_data().bodies.get(key.removeprefix("the ").removesuffix("'s"))
            if fits is not None:
                named = [x for x in named if x.codes[:1] and x.codes[0] in fits]
                m.codes = named[-1].codes[:1] if named else _recent_body(ctx, fits, key.removeprefix("the ").removesuffix("'s"))
            else:
                m.codes = named[-1].codes[:1] if named else ctx.last_group[:1]
        elif cat == "described":
            m.codes = _described(sent, m, key, prior, ctx)
        elif cat == "partnerdesc":
            # "the island's closest ally": the partner of the state described
            ref = _described(sent, m, key[:key.index("'")], prior, ctx) if "'" in key else ()
            others = treaty_partner(ref, prior, ctx) or [c for c in ctx.dyad() if c not in ref] if ref else []
            m.codes = (others[0],) if others else ()
        elif cat == "first":
            firsts.append(m)  # resolved below, once the speaker's own pronoun ("he said") has its code
            done.append(m)
            continue
        elif cat == "latter":
            m.codes = prior[-1].codes[-1:] if prior else ctx.prev_codes[-1:]
        elif cat == "former":
            m.codes = prior[-2].codes[:1] if len(prior) >= 2 else ()
        else:
            m.codes = ()
        if m.codes:
            m.kind = "pair" if cat in ("pair", "trio") and len(m.codes) > 1 else "pron"
            if cat == "pair" and key in ("bilateral", "mutual"):
                m.role = "mod"
            done.append(m)
    if firsts:
        done = _resolve_first_person(sent, ctx, done, firsts, lex)
        own = {c for f in firsts for c in f.codes}
        if own:
            _others_in_quote(sent, ctx, done, own)
    sent.mentions = done


_PLURAL_PRONOUNS = frozenset({"they", "their", "them", "themselves"})


_FRONTING_PREPS = frozenset("on during in after before at while upon for".split())


def _verb_next(sent: Sentence, m: Mention) -> bool:
    """Whether a verb follows the mention right away (an auxiliary or a reporting verb): it is a clause's subject."""
    nxt = _next_ws(sent, m.end + (2 if m.poss else 0), m.end + 20, 1)
    if not nxt:
        return False
    return nxt[0] in _SUBJECT_NEXT or any(0 < s - m.end <= 2 for s, _e, _k in sent.cues.get("report", ()))


def _fronted_subject(sent: Sentence, m: Mention) -> tuple[str, ...]:
    """The leader who is the subject right after a sentence-opening phrase that holds a possessive pronoun
    ('On his first trip to Lima in years, Lula said ...'): the pronoun points forward to them."""
    if not sent.words or sent.words[0] not in _FRONTING_PREPS:
        return ()
    comma = sent.text.find(",")
    if comma < 0 or comma < m.end:
        return ()
    nxt = next((x for x in sent.mentions if x.start > comma and x.codes), None)
    if nxt is None or nxt.kind != "leader" or nxt.poss or not sent.text[comma + 1:nxt.start].strip(" ") == "":
        return ()
    return nxt.codes[:1]


def _after_fronted_gerund(sent: Sentence, m: Mention) -> bool:
    """Whether a pronoun stands right after the comma closing a sentence-opening gerund phrase ('Commenting on
    X, he ...')."""
    if not sent.words or not sent.words[0].endswith("ing") or len(sent.words[0]) < 6:
        return False
    comma = sent.text.find(",")
    return 0 < comma < m.start and not sent.text[comma + 1:m.start].strip(" ")


def _trio(prior: list[Mention], ctx: Context) -> tuple[str, ...]:
    """'the three leaders', 'all three': the last three states named in the sentence, else the three of the last
    subject, else of a sentence just before that named three or more (convention 6)."""
    codes: list[str] = []
    for x in reversed(prior):
        for c in x.codes:
            if c not in codes and not c.endswith("_MILITIAS"):
                codes.append(c)
    if len(codes) >= 3:
        return tuple(reversed(codes[:3]))
    if len(ctx.prev_subject) == 3:
        return ctx.prev_subject
    for recent in reversed(ctx.recent_codes):
        named = [c for c in recent if not c.endswith("_MILITIAS")]
        if len(named) >= 3:
            return tuple(named[:3])
    return ()
_PAIR_OBJECT_PREPS = frozenset({"on", "to", "between", "for", "with", "among", "from"})


def _pair_is_object(sent: Sentence, last: Mention, m: Mention) -> bool:
    """Whether a pair phrase is the object of the clause whose subject is the one actor named before it
    ("Russia urged both sides", "Moscow called on the parties"), so the pair does not include that actor."""
    if not (m.obj or m.prep in _PAIR_OBJECT_PREPS) or last.prep is not None or last.obj:
        return False
    gap = sent.low[last.end:m.start]
    return _nwords(gap) <= 6 and not any(ch in gap for ch in ",;:\"\u201c\u201d")


def other_pair(ctx: Context, addresser: str) -> list[str]:
    """The two actors of the recent passage other than `addresser`: the last subject, the last sentences' actors,
    the document's main actors, in that order."""
    out: list[str] = []
    ranked = sorted(ctx.counts.items(), key=lambda kv: kv[1], reverse=True)
    pool = (*ctx.prev_subject, *ctx.prev_codes, *(c for codes in reversed(ctx.recent_codes) for c in codes),
            *(c for c, _ in ranked))
    for c in pool:
        if c != addresser and c not in out and not c.endswith("_MILITIAS"):
            out.append(c)
        if len(out) == 2:
            break
    return out if len(out) == 2 else []


_PLAIN_PRONOUNS = frozenset({"they", "their", "them"})


_PLURAL_KINDS = frozenset({"group", "dem", "militia"})


def _listed_parties(prior: list[Mention]) -> tuple[str, ...]:
    """The codes of the list of actors named last ("Chile, Peru and Bolivia", or a 'they' already resolved to three),
    when it names three or more; else ()."""
    last = next((x for x in reversed(prior) if x.role not in ("attr", "maker", "mod")
                 and not (x.kind == "capital" and x.prep in ("in", "at") and not x.poss)), None)
    if last is None:
        return ()
    if last.kind == "pair" and len(last.codes) >= 3:
        return last.codes
    if last.group < 0:
        return ()
    codes: list[str] = []
    for x in prior:
        if x.group == last.group:
            codes.extend(c for c in x.codes if c not in codes and not c.endswith("_MILITIAS"))
    return tuple(codes) if len(codes) >= 3 else ()


def _plural_antecedent(sent: Sentence, prior: list[Mention]) -> tuple[str, ...]:
    """'They/their' after an actor with a plural name ("the Houthis", "the Russians", "Iran-backed militias") as the
    nearest actor, not listed with another: that one actor, else ()."""
    last = next((x for x in reversed(prior) if x.role not in ("attr", "maker", "mod")), None)
    if last is None or last.kind not in _PLURAL_KINDS or len(last.codes) != 1:
        return ()
    if not sent.low[last.start:last.end].endswith("s") or last.codes[0] in _BLOC_PLURALS:
        return ()
    if sum(1 for x in prior if x.group == last.group) > 1:
        return ()  # "Iran and the Houthis ... their": a pair
    return last.codes


_BLOC_PLURALS = frozenset({"GULF", "WEST"})  # "Gulf states", "Western countries": several states, a pair or more




@lru_cache(maxsize=1)
def state_codes() -> frozenset[str]:
    """The codes the gazetteer knows as states (a capital, an adjective or a country name), not organisations."""
    return frozenset(e.code for entries in gazetteer().phrases.values() for e in entries if e.kind in ("capital", "adj"))


def _state_pair(prior: list[Mention], ctx: Context) -> tuple[str, ...]:
    """The two states named last: in this sentence, then the previous subject and the last sentences, then the
    document's main actors; () unless two are found."""
    states = state_codes()
    ranked = sorted(ctx.counts.items(), key=lambda kv: kv[1], reverse=True)
    out: list[str] = []
    # a capital after "in"/"at" is where it happened ("signed a deal in Washington, with the two countries ..."),
    # not one of the two
    for c in (*(c for x in reversed(prior) if not (x.kind == "capital" and x.prep in ("in", "at")) for c in x.codes),
              *ctx.prev_subject,
              *(c for codes in reversed(ctx.recent_codes) for c in codes), *(c for c, _ in ranked)):
        if c in states and c not in out:
            out.append(c)
        if len(out) == 2:
            break
    return tuple(reversed(out)) if len(out) == 2 else ()


MET_WINDOW = 2  # sentences back: convention 6
_OBJECT_PRONOUNS = frozenset({"them", "their", "themselves"})  # ("help them": whoever is helped, not the two who met)


def _met_pair(ctx: Context) -> tuple[str, ...]:
    """The two parties of the talks coded in the same or the previous two sentences, when they are exactly two:
    what "the two sides", "both leaders", "they" then stand for, rather than a third state named on the way
    ("briefed the Chinese ambassador on India's strikes. The two sides agreed ..."); else ()."""
    if ctx.last_index.get("CONSULT", -99) < ctx.index - MET_WINDOW or "CONSULT" not in ctx.last_by_type:
        return ()
    s_, g_ = ctx.last_by_type["CONSULT"]
    parts = tuple(dict.fromkeys([*s_, *g_]))
    return parts if len(parts) == 2 else ()


def _recent_pair(ctx: Context) -> tuple[str, ...]:
    """The two actors of a sentence just before that named exactly two, one of them the last subject; else the
    document's two main actors."""
    dyad = ctx.dyad()
    for codes in reversed(ctx.recent_codes[:-1]):
        if len(codes) == 2 and ctx.prev_subject[:1] and ctx.prev_subject[0] in codes:
            other = [c for c in codes if c != ctx.prev_subject[0]]
            rival = [c for c in dyad if c != ctx.prev_subject[0]]
            if not rival or not other or 4 * ctx.counts.get(other[0], 0.0) >= ctx.counts.get(rival[0], 0.0):
                return codes  # unless the document's main pair dwarfs it (an aside about a third state)
            break
    return dyad


def _resolve_first_person(sent: Sentence, ctx: Context, done: list[Mention], firsts: list[Mention],
                          lex: Lexicon) -> list[Mention]:
    """'"We will defend our ally," the minister said': inside a quotation, we/our/us is the speaker's side (named in
    the sentence, else the last speaker, a sentence back); outside one (the author's "we") it is no actor."""
    speaker = quote_speaker(sent, lex) or (ctx.last_speaker if ctx.last_speaker_index >= ctx.index - 1 else ())
    out: list[Mention] = []
    for m in done:
        if m in firsts:
            if not speaker or not _in_quote(sent, m.start):
                continue
            m.codes, m.kind = speaker[:1], "pron"
        out.append(m)
    return out


def _others_in_quote(sent: Sentence, ctx: Context, done: list[Mention], own: set[str]) -> None:
    """'"They don't want to fight ... we will stop," Trump said': in a quotation whose "we" is the speaker's side,
    "they" and "both sides" are others: the speaker leaves the pair ("they" the other one; "both sides" the two main
    actors other than the speaker, when there are two)."""
    for m in done:
        if m.kind != "pair" or not _in_quote(sent, m.start) or own.isdisjoint(m.codes):
            continue
        rest = tuple(c for c in m.codes if c not in own)
        if sent.low[m.start:m.end] not in _PLAIN_PRONOUNS:
            others = tuple(other_pair(ctx, next(iter(own)))) if len(own) == 1 else ()
            if len(others) == 2:
                m.codes = others
                continue
        m.codes, m.kind = rest[:1], "pron"


def _speaker_pronoun(sent: Sentence, prior: list[Mention], ctx: Context) -> tuple[str, ...]:
    """'"... the Russians gave Israel the data," he claimed': a person pronoun outside a quotation is not one of the
    actors quoted; the nearest actor outside it, else the previous subject."""
    outside = [x for x in prior if not _in_quote(sent, x.start)]
    if outside:
        return _antecedent(outside, ctx, True)
    if ctx.last_speaker and ctx.last_speaker_index >= ctx.index - 1:
        return ctx.last_speaker[:1]  # '"...," he added' right after a quotation attributed to a named speaker
    return _antecedent([], ctx, True)


def _coordinated_pair(prior: list[Mention]) -> list[str]:
    """The codes of the last two mentions coordinated as one group ('X and Y'), last first; [] if none."""
    for i in range(len(prior) - 1, 0, -1):
        a, b = prior[i - 1], prior[i]
        if a.group == b.group and a.group >= 0 and len(a.codes) == 1 and len(b.codes) == 1 and a.codes != b.codes and (
                i < 2 or prior[i - 2].group != a.group):
            return [b.codes[0], a.codes[0]]
    return []


def _antecedent(prior: list[Mention], ctx: Context, person: bool) -> tuple[str, ...]:
    """The actor a pronoun refers to: the nearest subject-like mention, else the previous sentence's subject."""
    if person:
        # a leader who is a subject ("Putin condemned the killing of Khamenei, but he ..."), else the nearest leader
        for x in reversed(prior):
            if x.kind == "leader" and x.prep is None and not x.obj:
                return x.codes[:1]
        for x in reversed(prior):
            if x.kind == "leader":
                return x.codes[:1]
        return ctx.prev_subject[:1] if not prior else prior[-1].codes[:1]
    # "it"/"its" is a state or body, not a person, nor a people ("Indians are boycotting Turkey over its ...")
    for x in reversed(prior):
        if x.role in ("attr", "maker") or x.kind in ("militia", "leader", "dem") or (x.obj and not x.poss):
            continue
        if x.prep is None:
            return x.codes[:1]
    for x in reversed(prior):
        if x.role not in ("attr",) and x.kind != "leader" and x.prep is None:
            return x.codes[:1]
    speakers = [x for x in prior if x.role == "attr" and x.kind == "adj" and x.prep is None]
    if len(speakers) == 1 and len(prior) == 1:
        return speakers[0].codes[:1]  # "Lebanese officials say the deal it agreed ...": the only state named
    return ctx.prev_subject[:1]
_OBJECT_PRONOUN_GAP = re.compile(r"\s+(?:\w+\s+){0,3}?(?:to\s+)?[a-z]+\s+")  # "Moscow failed to defend it"
_TO_VERB_GAP = re.compile(r"\s+to\s+(?:[a-z]+ly\s+)?[a-z-]+\s+")  # "X to halt its", "X to quickly end their"

# After a pronoun, a verb or auxiliary makes it the subject of the clause it opens ("denied it has troops").
_AUX_NEXT = frozenset("has had have is was were are will would could can may might must should shall does did".split())
_SUBJECT_NEXT = _AUX_NEXT | frozenset("never also still already".split())


def _reported_subject(sent: Sentence, m: Mention, lex: Lexicon) -> bool:
    """'Russia said (on Monday) (that) it condemned the strikes': a few words after a saying verb (`report_verbs`) a
    pronoun opens the reported clause, so it is that clause's subject, not the verb's object."""
    before = _prev_ws(sent, m.start, 4)  # "said it", "said that it", "said on Monday it"
    return not lex.word_lists["report_verbs"].isdisjoint(before)


def _says(word: str, lex: Lexicon) -> bool:
    """Whether a word is a reporting or complement-taking verb form ('said', 'saying', 'claiming', 'believe')."""
    wl = lex.word_lists
    return word in wl["report_verbs"] or word in wl["complement_verbs"] or word in wl["saying_forms"]


def _aux_next(sent: Sentence, m: Mention) -> bool:
    """Whether an auxiliary follows a name ('said Iran has sent', 'saying Pyongyang will'): it opens a clause."""
    nxt = _next_ws(sent, m.end + (2 if m.poss else 0), m.end + 30, 1)
    return not m.poss and bool(nxt) and nxt[0] in _AUX_NEXT


def _subject_of_clause(sent: Sentence, m: Mention) -> bool:
    nxt = _next_ws(sent, m.end, m.end + 30, 1)
    return bool(nxt) and nxt[0] in _SUBJECT_NEXT


# --------------------------------------------------------------------------- the data: mentions.yaml


class MentionData:
    """What definite descriptions can name (casus/data/mentions.yaml), validated on loading."""

    __slots__ = ("bodies", "descriptions", "participle_by", "transfer_suffix", "leader_titles",
                 "named_groups", "group_members")

    def __init__(self, bodies: dict[str, frozenset[str]],
                 descriptions: dict[str, tuple[tuple[str, ...], bool, tuple[str, ...]]],
                 agent_participles: tuple[str, ...] = (),
                 transfer_suffixes: tuple[str, ...] = (), leader_titles: frozenset[str] = frozenset(),
                 named_groups: dict[str, tuple[str, ...]] | None = None) -> None:
        self.bodies = bodies
        self.named_groups = named_groups or {}
        self.group_members = frozenset(self.named_groups.values())  # each named group's codes, for a lookup
        self.leader_titles = leader_titles
        self.descriptions = descriptions
        # "paid for by X": a listed participle right before "by (the)" at the end of a gap
        self.participle_by = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in agent_participles) + r")\s+by\s+(?:the\s+)?$"
                                        if agent_participles else r"(?!)")
        self.transfer_suffix = re.compile(r"-(?:" + "|".join(re.escape(w) for w in transfer_suffixes) + r")\b"
                                          if transfer_suffixes else r"(?!)")


_DESCRIPTION_KEYS = frozenset({"codes", "needs", "capitalised"})
_MENTION_SECTIONS = frozenset({"body_nouns", "descriptions", "agent_participles", "transfer_suffixes",
                               "leader_titles", "named_groups"})


def validate_mention_data(data: Any, known: frozenset[str], name: str = "mentions.yaml") -> MentionData:
    """Check the file's sections, keys and actor codes; ValueError naming the file and row on the first fault."""
    if not isinstance(data, dict) or not {"body_nouns", "descriptions"} <= set(data) <= _MENTION_SECTIONS:
        raise ValueError(f"{name}: expected the sections body_nouns and descriptions (and {sorted(_MENTION_SECTIONS)}), "
                         f"got {sorted(data or {})}")
    titles = data.get("leader_titles", [])
    if not isinstance(titles, list) or not all(isinstance(v, str) and v.islower() and " " not in v for v in titles):
        raise ValueError(f"{name}: leader_titles: expected a list of lower-case single words")
    lists: dict[str, tuple[str, ...]] = {}
    for key in ("agent_participles", "transfer_suffixes"):
        words = data.get(key, [])
        if not isinstance(words, list) or not all(isinstance(v, str) and v and v == v.lower().strip() for v in words):
            raise ValueError(f"{name}: {key}: expected a list of lower-case words or phrases")
        lists[key] = tuple(words)

    def codes(row: str, value: Any) -> tuple[str, ...]:
        if not isinstance(value, list) or not value:
            raise ValueError(f"{name}: {row}: expected a list of actor codes")
        bad = [c for c in value if str(c) not in known]
        if bad:
            raise ValueError(f"{name}: {row}: unknown actor code {bad[0]!r}")
        return tuple(str(c) for c in value)

    bodies = {str(k): frozenset(codes(f"body_nouns.{k}", v)) for k, v in data["body_nouns"].items()}
    descriptions: dict[str, tuple[tuple[str, ...], bool, tuple[str, ...]]] = {}
    for k, v in data["descriptions"].items():
        if not isinstance(v, dict) or not set(v) <= _DESCRIPTION_KEYS or "codes" not in v:
            raise ValueError(f"{name}: descriptions.{k}: expected keys {sorted(_DESCRIPTION_KEYS)} (codes required)")
        needs = codes(f"descriptions.{k}.needs", v["needs"]) if "needs" in v else ()
        descriptions[str(k)] = (codes(f"descriptions.{k}.codes", v["codes"]), bool(v.get("capitalised")), needs)
    groups = data.get("named_groups", {})
    if not isinstance(groups, dict):
        raise ValueError(f"{name}: named_groups: expected a mapping of a group's name to its members' codes")
    named = {str(k): codes(f"named_groups.{k}", v) for k, v in groups.items()}
    return MentionData(bodies, descriptions, lists["agent_participles"], lists["transfer_suffixes"],
                       frozenset(titles), named)


@lru_cache(maxsize=1)
def mention_data() -> MentionData:
    """mentions.yaml, loaded and checked once."""
    return validate_mention_data(read_yaml("mentions.yaml"), gazetteer().codes)


# the last union _all_titles made: (leader titles, person titles, their union); it holds both sets, so an identity
# test of them is safe
_TITLES_UNION: list[tuple[frozenset[str], frozenset[str], frozenset[str]]] = []


def _all_titles(lex: Lexicon) -> frozenset[str]:
    """mentions.yaml's leader titles and the lexicon's `person_titles`, united once per lexicon, not per sentence."""
    leaders, persons = mention_data().leader_titles, lex.word_lists["person_titles"]
    if _TITLES_UNION and _TITLES_UNION[0][0] is leaders and _TITLES_UNION[0][1] is persons:
        return _TITLES_UNION[0][2]
    union = leaders | persons
    _TITLES_UNION[:] = [(leaders, persons, union)]
    return union


@lru_cache(maxsize=1)
def _treaty_rows() -> tuple[tuple[frozenset[str], int, int], ...]:
    """(parties, first year, last year) of each treaty in treaties.yaml."""
    rows = []
    for t in read_yaml("treaties.yaml")["treaties"]:
        start = int(str(t.get("signed") or "0")[:4])
        end = int(str(t["ended"])[:4]) if t.get("ended") else 9999
        rows.append((frozenset(t["parties"]) | frozenset((t.get("joined") or {}).keys()), start, end))
    return tuple(rows)


# --------------------------------------------------------------------------- descriptions of actors


def treaty_partner(ref: tuple[str, ...], prior: list[Mention], ctx: Context) -> list[str]:
    """'Manila's strongest ally': a state bound to the possessor by a treaty in force in the document's year
    (treaties.yaml), the one most present in the document so far; [] when none is present."""
    if not ref:
        return []
    year = ctx.year or 9999
    bound = {c for parties, a, b in _treaty_rows() if ref[0] in parties and a <= year <= b for c in parties} - set(ref)
    score = {c: ctx.counts.get(c, 0.0) + sum(1.0 for x in prior if c in x.codes) for c in bound}
    present = [c for c in sorted(score, key=lambda c: score[c], reverse=True) if score[c] > 0]
    if present:
        return present[:1]
    # none named yet: the partner of a bilateral treaty ("Manila's strongest ally" before the US is named)
    pairs = [c for parties, a, b in _treaty_rows() if len(parties) == 2 and ref[0] in parties and a <= year <= b
             for c in sorted(parties - set(ref))]
    return pairs[:1] if len(set(pairs)) == 1 else []


BODY_WINDOW = 2  # sentences back: convention 6 (an antecedent in the same or the previous two sentences)


def _recent_body(ctx: Context, fits: frozenset[str], noun: str = "") -> tuple[str, ...]:
    """The organisation of this kind named last, within BODY_WINDOW sentences; further back, the only one of this
    kind the document has named, if it was named with this very noun ("the council" five sentences after "the Gulf
    Cooperation Council": a short name, not an anaphor; "the bloc" after "the EU" is one)."""
    for i, code in reversed(ctx.bodies):
        if ctx.index - i > BODY_WINDOW:
            break
        if code in fits:
            return (code,)
    named = {code for _, code in ctx.bodies if code in fits}
    if len(named) != 1 or not noun:
        return ()
    code = named.pop()
    return (code,) if noun in ctx.body_names.get(code, "").split() else ()


def _described(sent: Sentence, m: Mention, key: str, prior: list[Mention], ctx: Context) -> tuple[str, ...]:
    """'the island', 'the North', 'the kingdom': the state of that description most present so far, if any."""
    name = key.removeprefix("the ").removesuffix("'s").removesuffix("'")
    members = mention_data().named_groups.get(name)
    if members:
        return members  # "the Baltic states": every member of the named group
    entry = mention_data().descriptions.get(name)
    if entry is None:
        return ()
    cands, capitalised, needs = entry
    if capitalised and not sent.text[m.start + 4:m.start + 5].isupper():
        return ()  # "the north of the country": a direction
    if needs and not any(ctx.counts.get(c) or any(c in x.codes for x in prior) for c in needs):
        return ()
    score = {c: ctx.counts.get(c, 0.0) + sum(2.0 for x in prior if c in x.codes) for c in cands}
    best = max(cands, key=lambda c: score[c])
    if score[best] > 0 and sum(1 for c in cands if score[c] == score[best]) > 1:
        return ()  # "the Nordic country" after Finland and Sweden named alike: ambiguous (convention 6)
    return (best,) if score[best] > 0 or needs else ()


_LIST_GAP = re.compile(r"^\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)$")
_GROUP_NOUN_GAP = re.compile(r"(?:\s+[a-z]+){1,3}\s+")  # "Lebanese (militant) group Hezbollah"
# "Yemen's Houthi militia", "Yemen's Iran-backed Houthis": a possessive, then at most two hyphenated modifiers (not
# "Lebanon's government condemned Hezbollah")
_STATE_GROUP_GAP = re.compile(r"'s\s+(?:\w+-[\w-]+\s+){0,2}")
_GROUP_IN_GAP = re.compile(r"\s+in\s+(?:the\s+)?(?:[a-z]+\s+)?")  # "Hezbollah in (southern) Lebanon": a place


def _names_group(gap: str, code: str) -> bool:
    """Whether the words between a state adjective and a group's name end in a noun that names that group
    ("Lebanese militant group Hezbollah", "the Lebanese Shiite movement Hezbollah"; `body_nouns` in mentions.yaml),
    so the adjective is the group's home; not a verb phrase ("Israeli jets struck Hezbollah")."""
    if not _GROUP_NOUN_GAP.fullmatch(gap):
        return False
    return code in mention_data().bodies.get(gap.split()[-1].lower(), frozenset())


def _armed_group(m: Mention, armed: frozenset[str]) -> bool:
    """Whether the mention names one of the armed groups listed in mentions.yaml (Hezbollah, Hamas, the Houthis)."""
    return m.kind == "group" and len(m.codes) == 1 and m.codes[0] in armed


def _group_locations(sent: Sentence, mentions: list[Mention]) -> None:
    """'Iranian proxy forces in Iraq, Syria and Yemen have mounted attacks': the states listed after a militia phrase
    that names its place ("proxy forces in Iraq") say where the forces are too: places, no actors (fresh1,
    2026-12-02). (A state struck where a group's targets are, "strikes on Houthi targets in Yemen", stays a
    target: dev gold codes the country of "airstrikes across the country, targeting Iranian-linked assets".)"""
    text = sent.text
    armed = mention_data().bodies.get("militants", frozenset())  # the armed groups "the militants" can name
    place = False  # the mention before is such a place
    for i in range(1, len(mentions)):
        p, m = mentions[i - 1], mentions[i]
        if p.kind == "adj" and not p.poss and _armed_group(m, armed) and _names_group(text[p.end:m.start], m.codes[0]):
            p.codes = m.codes  # "the Lebanese militant group Hezbollah": the group's home stands for the group
        if p.kind in ("name", "capital") and p.poss and _armed_group(m, armed) and _STATE_GROUP_GAP.fullmatch(text, p.end, m.start):
            p.codes = m.codes  # "launched by Yemen's Iran-backed Houthis": the state says where the group is, not who acts
        if m.kind not in ("name", "capital") or m.poss:
            place = False
            continue
        gap = text[p.end:m.start]
        listed = bool(_LIST_GAP.match(gap))
        own = p.kind == "militia" and " in " in text[p.start:p.end].lower() and listed
        # "the group Hezbollah in neighbouring Lebanon": where a named armed group is (train3 blind15-06, blind2-06)
        if _armed_group(p, armed) and not p.poss and _GROUP_IN_GAP.fullmatch(gap):
            m.role, m.codes = "mod", p.codes  # (the place then stands for the group, as the group's object phrase)
            place = True
            continue
        place = own or (place and listed)
        if place:
            m.role, m.codes = "mod", ()  # a place, no actor (nor an antecedent)


# between a partner noun and the name right after it ("its ally Serbia", "its treaty ally the Philippines", "its ally,
# Turkey"): the partner is named, no description to resolve
_NAMED_AFTER = re.compile(r",?\s{0,2}(?:the\s+)?")


def _partner_descriptions(sent: Sentence, mentions: list[Mention], lex: Lexicon) -> None:
    """'Manila's strongest ally', 'its key Asian ally': a description of the possessor's partner, resolved with the
    pronouns (not when the partner is named right after, 'Russia's ally Iran', nor in an apposition)."""
    low = sent.low
    if not any(w in low for w in lex.partner_heads):
        return
    for i, m in enumerate(mentions):
        if not m.poss:
            continue
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        if m.kind == "coref:single":
            hit = lex.pronoun_partner_re.match(low, m.end) if low[m.start:m.end] in ("its", "his", "her", "their") else None
            if hit is not None and not (nxt is not None and _NAMED_AFTER.fullmatch(low, hit.end(), nxt.start)):
                m.kind, m.end, m.poss = "coref:partner", hit.end(), False
            continue
        if m.kind == "coref:described":
            hit = lex.pronoun_partner_re.match(low, m.end)  # "the island's closest ally"
            if hit is not None:
                appos = sent.text[max(0, m.start - 2):m.start] == ", " and sent.text[hit.end():hit.end() + 1] == ","
                # "Washington, the island's closest ally, said": a description of the actor just named
                m.kind = "coref:appos" if appos else "coref:partnerdesc"
                m.end, m.poss = hit.end(), False
            continue
        if m.role == "appos" or not m.codes or m.kind not in ("name", "capital", "inst", "adj"):
            continue
        hit = lex.partner_of_re.match(low, m.end)
        if hit is None or (nxt is not None and _NAMED_AFTER.fullmatch(low, hit.end(), nxt.start)):
            continue
        m.kind, m.end, m.poss = "coref:partnerof", hit.end(), False


def inner_name(text: str, low: str, start: int, end: int, lex: Lexicon, year: int | None) -> Mention | None:
    """A capitalised name inside a longer match that is no name here ('the state of Qatar', 'the nation of Qatar':
    'state of qatar' is listed, but written in lower case it is a description around the name)."""
    pos = low.find(" ", start, end)
    while pos >= 0:
        m = lex.regex.match(low, pos + 1)
        if m is not None and m.end() <= end:
            info = lex.info.get(m.group())
            if info is not None and info.actors and names_actor(text, low, m.start(), m.end(), info.exact):
                best = pick(info.actors, year) if info.dated and year else info.best
                if best is not None:
                    return Mention(m.start(), m.end(), (best.code,), best.kind, text[m.end():m.end() + 2] == "'s")
        pos = low.find(" ", pos + 1, end)
    return None


# --------------------------------------------------------------------------- quotations




def quote_speaker(sent: Sentence, lex: Lexicon) -> tuple[str, ...]:
    """The actor a quotation in the sentence is attributed to ('..., Putin said', 'said Lukashenko'), else ()."""
    if '"' not in sent.text:
        return ()
    spans = sent.quotes or quote_spans(sent.text)
    says = lex.word_lists["say_verbs"]
    for m in sent.mentions:
        if not m.codes or m.kind.startswith("coref:") or any(a < m.start < b for a, b in spans):
            continue
        after = _next_ws(sent, m.end, m.end + 40, 3)
        people = 0
        while after and people < 2 and m.kind in ("group", "name") and after[0] in lex.agent_nouns:
            after, people = after[1:], people + 1  # "..., G7 leaders said": the bloc's leaders speak for it
        while after and (after[0] in ("also", "has", "had", "then", "later") or after[0].endswith("ly")):
            after = after[1:]
        before = _prev_ws(sent, m.start, 3)
        while before and before[-1] in DETS:
            before.pop()
        # (not the one told: "..., a US official told Chinese diplomats")
        if (after and after[0] in says) or (before and before[-1] in says and before[-1] not in lex.word_lists[
                "addressee_verbs"]) or (
                m.role == "agent" and m.kind == "adj" and says.intersection(after)) or (  # "the German chancellor said"
                m.prep is None and not m.poss and says.intersection(after) and _speaker_head(sent, m, says, lex)):
            sender = envoy_sender(sent, m, lex)
            if sender is None:
                return m.codes[:1]
            if sender:
                return sender[0].codes[:1]  # "..., Russia's ambassador to the EU said": Russia speaks
    return ()


def _speaker_head(sent: Sentence, m: Mention, says: frozenset[str], lex: Lexicon) -> bool:
    """'the U.S. ambassador said', 'U.S. Ambassador Jane Doe said': only a title or name (no punctuation, no other
    actor) between the actor and the saying verb; a lower-case word there must belong to an `agent_nouns` phrase
    ('EU experts said': experts do not speak for the EU)."""
    at = min((a for w, a in zip(sent.words, sent.starts) if a > m.end and w in says), default=-1)
    if at <= 0 or any(ch in sent.text[m.end:at] for ch in ',;:"') or any(
            m.end <= x.start < at for x in sent.mentions if x is not m):
        return False
    head_words = _words_of(lex.agent_nouns)
    return all(w[:1].isupper() or w.lower() in head_words for w in sent.text[m.end:at].split())


@lru_cache(maxsize=8)
def _words_of(phrases: frozenset[str]) -> frozenset[str]:
    """The single words of a set of phrases, built once per lexicon (a frozenset keeps its hash)."""
    return frozenset(w for phrase in phrases for w in phrase.split())


def _in_quote(sent: Sentence, pos: int) -> bool:
    return any(a < pos < b for a, b in (sent.quotes or quote_spans(sent.text)))


# --------------------------------------------------------------------------- the document: what a sentence leaves


def update_context(sent: Sentence | None, ctx: Context, lex: Lexicon) -> None:
    """Record what the sentence leaves for the next ones: its actors (the document's counts), its subject, the
    organisations and the speaker it names."""
    ctx._dyad = None
    if sent is None:
        ctx.prev_codes = ()
        return
    codes: list[str] = []
    subject: tuple[str, ...] = ()
    first = sent.bounds[0] if sent.bounds and sent.low.lstrip(" \"'").split(" ", 1)[0].strip(",") in lex.subordinators else -1
    for m in sent.mentions:
        if not m.codes:
            continue
        for c in m.codes:
            if c not in codes:
                codes.append(c)
            if m.role != "maker":
                ctx.counts[c] = ctx.counts.get(c, 0.0) + (1.0 if m.prep not in ("in", "at") else 0.5)
        if not subject and m.start > first and (m.prep is None) and m.role in ("np", "agent") and m.kind != "militia":
            subject = m.codes
    if not subject:
        for m in sent.mentions:
            if m.codes and m.prep is None and m.role in ("np", "agent"):
                subject = m.codes
                break
    ctx.prev_subject = subject or ctx.prev_subject
    ctx.prev_codes = tuple(codes)
    ctx.recent_codes.append(ctx.prev_codes)
    del ctx.recent_codes[:-3]
    speaker = quote_speaker(sent, lex)
    if speaker:
        ctx.last_speaker, ctx.last_speaker_index = speaker, ctx.index
    groups = [m for m in sent.mentions if m.kind == "group" and m.codes]
    for m in groups:
        ctx.bodies.append((ctx.index, m.codes[0]))
        ctx.body_names[m.codes[0]] = ctx.body_names.get(m.codes[0], "") + " " + sent.low[m.start:m.end]
    if groups:
        ctx.last_group, ctx.last_group_index = groups[-1].codes[:1], ctx.index
    elif ctx.index - ctx.last_group_index > 2:
        ctx.last_group = ()  # convention 6: an antecedent in the same or the previous two sentences


def recent_actor(ctx: Context, exclude: list[str]) -> list[str]:
    """The source of the event coded last in this sentence or the two before ("the campaign" just told), unless it
    is one of `exclude`."""
    best = max(((i, typ) for typ, i in ctx.last_index.items() if i >= ctx.index - 2 and typ in ctx.last_by_type),
               default=None)
    if best is None:
        return []
    return [c for c in ctx.last_by_type[best[1]][0][:1] if c not in exclude]


# --------------------------------------------------------------------------- the document's persons

_STATE_KINDS = frozenset({"name", "adj", "capital", "inst", "group", "leader"})  # what can own an official
# grammar and calendar words, never part of a person's name ("Last Monday, Turkish Foreign Minister ...")
_NOT_NAME = DETS | PREPS | AUX | frozenset(m.lower() for m in MONTHS) | frozenset(
    "monday tuesday wednesday thursday friday saturday sunday last next this that these those then meanwhile "
    "earlier later today yesterday tomorrow".split())


def person_mentions(text: str, low: str, mentions: list[Mention], persons: dict[str, str], lex: Lexicon,
                    starts: list[int], words: list[str]) -> None:
    """Mentions of the document's persons, and new persons learned: a run of capitalised words that is no actor
    name is a person of state X when a state marker and title words come right before it ("German Defence
    Minister Boris Pistorius", "China's UN ambassador Zhang Jun", "his Lithuanian counterpart, Arvydas Anusauskas")
    or an apposition right after it ("Zhang Jun, China's ambassador to the UN,"). From then on (never backwards)
    the full name, the surname, the first of two names (family-first names: "Zhang") and "Mr/Ms + surname" are
    leader mentions of X. `persons` (the Context's registry) maps those keys to X; a key met for two states is
    dropped (""). One pass over the sentence's words."""
    if not words:
        return
    titles = _all_titles(lex)
    honor = lex.word_lists["honorifics"]
    info = lex.info
    n = len(words)
    spans = sorted((m.start, m.end, m) for m in mentions)
    at: dict[int, Mention] = {}  # word index -> the mention it lies in
    k = 0
    for i, s in enumerate(starts):
        while k < len(spans) and spans[k][1] <= s:
            k += 1
        if k < len(spans) and spans[k][0] <= s < spans[k][1]:
            at[i] = spans[k][2]
    added: list[Mention] = []
    i = 0
    while i < n:
        s = starts[i]
        w = words[i]
        if i in at or not text[s].isupper() or w in titles or w in honor or w in DETS:
            i += 1
            continue
        j = i + 1
        while j < n and j - i < 4 and j not in at and text[starts[j]].isupper() and words[j] not in titles and \
                low[starts[j - 1] + len(words[j - 1]):starts[j]] == " " and not words[j - 1].endswith("'s"):
            j += 1
        names = [x[:-2] if x.endswith("'s") else x.rstrip("'") for x in words[i:j]]
        end = starts[j - 1] + len(names[-1])
        poss = words[j - 1].endswith(("'s", "'"))
        full = " ".join(names)
        code = persons.get(full) if j - i > 1 else persons.get(names[0])
        if code is None and j - i > 1 and all(x not in info and x not in _NOT_NAME for x in names) and not (
                low[end:end + 2] == ", " and j < n and j not in at and text[starts[j]].isupper()):
            # (not "the Supreme Revolutionary Committee, Mohammed Ali ...": a body that a name follows)
            code = _introducer(low, starts, words, i, at, titles, honor) or _apposition(low, starts, words, j, end, at, titles)
            if code:
                _learn(persons, names, code, info)
        if code:
            begin = s
            if i > 0 and words[i - 1] in honor and i - 1 not in at and low[starts[i - 1] + len(words[i - 1]):s] in (" ", ". "):
                begin = starts[i - 1]  # "Mr Pistorius"
            added.append(Mention(begin, end, (code,), "inst" if text[s:end].isupper() else "leader", poss))
        i = j
    if added:
        mentions.extend(added)
        mentions.sort(key=_BY_START)
    if "(" in text:
        _learn_acronyms(text, mentions, persons, info)


_ACRONYM_DEF = re.compile(r"\(([A-Z]{2,6})\)")
_NAME_LINKS = frozenset({"of", "in", "the", "for", "and"})


def _learn_acronyms(text: str, mentions: list[Mention], persons: dict[str, str], info: dict[str, Any]) -> None:
    """'the Kenya Defence Forces (KDF)', 'Islamic Resistance in Iraq (IRI)': an acronym defined in parentheses after
    a capitalised name holding one actor's mention stands for that actor from then on (a registry key, as a person's
    surname is). Its letters must be the initials of the name's capitalised words, in order; a known phrase is left."""
    for hit in _ACRONYM_DEF.finditer(text):
        acr = hit.group(1)
        if acr.lower() in info:
            continue
        toks = list(re.finditer(r"\S+", text[:hit.start()]))
        k = len(toks)
        while k > 0 and len(toks) - k < 8 and (toks[k - 1].group()[0].isupper() or toks[k - 1].group() in _NAME_LINKS):
            k -= 1
        while k < len(toks) and not toks[k].group()[0].isupper():
            k += 1  # the name starts with a capital ("the Kenya ...": not "the")
        if k >= len(toks):
            continue
        begin = toks[k].start()
        initials = "".join(t.group()[0] for t in toks[k:] if t.group()[0].isupper())
        it = iter(initials)
        if not all(c in it for c in acr):
            continue  # not its initials: "Russia (TASS)"
        codes = {m.codes[0] for m in mentions if m.codes and begin <= m.start < hit.start()}
        if len(codes) == 1:
            code, key = codes.pop(), acr.lower()
            persons[key] = code if persons.get(key) in (None, code) else ""


def _learn(persons: dict[str, str], names: list[str], code: str, info: dict[str, Any]) -> None:
    """Record a person's keys: the full name, the surname, and the first of two names; not a name that is also a
    state's or a place's (a phrase of the lexicon), and not a key already held by another state (dropped: "")."""
    keys = [" ".join(names), names[-1]] + (names[:1] if len(names) == 2 else [])
    for key in keys:
        if key in info or len(key) < 3:
            continue
        old = persons.get(key)
        persons[key] = code if old is None or old == code else ""


def _word_at(starts: list[int], pos: int) -> int:
    """The index of the word that starts at or after `pos`."""
    return bisect_left(starts, pos)


def _introducer(low: str, starts: list[int], words: list[str], i: int, at: dict[int, Mention],
                titles: frozenset[str], honor: frozenset[str]) -> str:
    """The state of a name at word i named right before it by a state marker and title words ("German Defence
    Minister", "China's UN ambassador", "his Lithuanian counterpart,"); an envoy's host ("ambassador to the UN")
    is skipped, the sending state owns the envoy. "" if none."""
    k = i - 1
    owner = ""
    saw_title = False
    comma = False
    while k >= 0:
        gap = low[starts[k] + len(words[k]):starts[k + 1]].strip()
        if gap == "," and not comma and not owner:
            comma = True  # "his Lithuanian counterpart, Arvydas Anusauskas"
        elif gap and not (gap == "." and (words[k] in honor or k in at)):
            break  # (but "U.S. Secretary ...": the dot closes the state's abbreviation)
        if words[k] in honor and not owner:
            k -= 1  # "counterpart, Mr Arvydas ...", "commander, Brig. Gen. Mohammad ..."
            continue
        m = at.get(k)
        if m is not None:
            if not m.codes or m.kind not in _STATE_KINDS:
                break
            f = _word_at(starts, m.start)
            p = f - 1
            if p >= 0 and words[p] == "the":
                p -= 1
            if p > 0 and words[p] == "to" and words[p - 1] in titles and not owner:
                k = p - 1  # "US Ambassador to the UN Linda Thomas-Greenfield": the host is not the owner
                continue
            if not saw_title:
                break
            owner = m.codes[0]
            k = f - 1
            continue
        if words[k] in titles:
            if owner:
                break  # "... Russian President's adviser": the owner stands right before its titles
            saw_title = True
            k -= 1
            continue
        if words[k] == "of" and saw_title and not owner and k > 0 and words[k - 1] in titles:
            k -= 1  # "U.S. Secretary of State Jane Morrow", "Minister of Defence X": a title with 'of'
            continue
        break
    return owner


def _apposition(low: str, starts: list[int], words: list[str], j: int, end: int, at: dict[int, Mention],
                titles: frozenset[str]) -> str:
    """The state of a name ending at `end` (word j next) told by an apposition: "Zhang Jun, China's ambassador to
    the UN," or ", the German defence minister,". "" if none."""
    if j >= len(words) or low[end:starts[j]] != ", ":
        return ""
    if words[j] == "the":
        j += 1
    m = at.get(j)
    if m is None or not m.codes or m.kind not in _STATE_KINDS:
        return ""
    q = _word_at(starts, m.end)
    if q < len(words) and starts[q] < m.end:
        q += 1  # "china's": the possessive's word
    if q < len(words) and words[q] in titles:
        return m.codes[0]
    return ""
