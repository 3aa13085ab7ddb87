"""Code sentences into PLOVER events: who did what to whom, how sure, when.

A dictionary coder with shallow argument structure, no parser:

1. one compiled trie regex finds every lexicon phrase in a sentence at once:
   actors (casus.events.actors), event triggers, mode words and cue words
   (casus/data/events.yaml);
2. actor mentions get a role (subject-like, object of a preposition, modifier,
   speaker) from the words around them; pronouns and "the two countries"
   resolve from the sentence or the ones before (light coreference);
3. each trigger's frame finds its source and target (subject / possessor /
   adjective -> object / "to X" / "with X" ...), its mode from the domain words
   near it, and its negation, modality, attribution and date from cue words
   in its clause.

Everything is compiled once; a sentence with no trigger costs one regex scan.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from operator import attrgetter
from typing import Any

from casus.datafiles import read_yaml
from casus.errors import CasusError
from casus.events.actors import ACTOR_KINDS, ActorEntry, gazetteer, pick
from casus.events.dates import DateMention, find_dates, latest_full_date, parse_anchor
from casus.records import CodedEvent
from casus.text.patterns import trie_regex

# --------------------------------------------------------------------------- word classes

PREPS = frozenset(
    "of to with for against on in from at towards toward into between over than about among amid including "
    "like via through across by under within beyond behind near upon onto despite".split()
)
DETS = frozenset("the a an its their his her this that these those some any all our such".split())
AUX = frozenset(
    "is are was were be been being has have had do does did will would shall should can could may might must "
    "not n't also".split()
)
CLAUSE_WORDS = frozenset("that which who whom whose where when while if but and or as because so".split())
GAP_STOP = PREPS | AUX | CLAUSE_WORDS
TRANSFER_PREPS = frozenset({"to", "for"})
DIRECT_PREPS = frozenset({"to", "for", "on", "against", "toward", "towards", "over"})
INTERVENTION_PREPS = DIRECT_PREPS | {"in", "of"}
ASSAULT_PREPS = frozenset({"on", "against", "at", "toward", "towards", "into", "of", "in", "across", "over"})
JOINT_PREPS = frozenset({"with", "between", "and"})
REQUEST_PREPS = frozenset({"from", "to", "of"})
WITHDRAW_PREPS = frozenset({"from", "of"})
_FORUMS = frozenset({"UN", "UNSC", "UNGA"})  # where a veto is cast, not whom it is for
COOP_PREPS = frozenset({"in", "to", "with", "for", "of"})
SPEECH_PREPS = frozenset({"to", "against", "of", "on", "at", "over"})
DYAD_TYPES = frozenset({"AID", "COOPERATE", "SUPPORT", "REQUEST", "AGREE", "CONSULT"})
SPEECH_TYPES = frozenset({"ACCUSE", "THREATEN", "REQUEST", "REJECT", "SUPPORT", "PROTEST"})
MAKER_SUFFIX = re.compile(r"-(?:made|built|supplied|manufactured|produced|designed)\b", re.I)
LINK_SUFFIX = re.compile(r"-(?:backed|linked|aligned|allied|affiliated|sponsored|supported)\b", re.I)
LED_SUFFIX = re.compile(r"-(?:led|commanded|headed)\b", re.I)  # "the Saudi-led coalition": the leader acts
WORD_RE = re.compile(r"[\w'-]+")
WORD_RE_ASCII = re.compile(r"[\w'-]+", re.ASCII)  # the same words in ASCII text, without Unicode lookups
_NORM = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " ",
                       "\u2009": " ", "\u202f": " ", "*": " ", "\u2013": "\u2014"})
_SPACES = re.compile(r"\s+")
_SPACES_TO_FIX = re.compile(r"[^\S ]|  ")  # whitespace that _SPACES.sub(" ", ...) would change
_BY_START = attrgetter("start")
MONTH_NAMES = frozenset("january february march april may june july august september october november december".split())

# Patterns used inside functions, compiled once (re's own cache costs a lookup per call).
_EXPANSION_GAP = re.compile(r"\s*,?\s*(?:including|such as|notably|namely|like|in particular)\s+(?:the\s+)?")
_OF_FOR_WITH_GAP = re.compile(r"\s+(?:of|for|with)\s+")
_RELATIVE_BEFORE = re.compile(r"(?:,\s*|\s)(?:which|who|that)\s+(?:[\w-]+ly\s+|also\s+|has\s+|have\s+|had\s+){0,2}$")
_CLAUSE_PUNCT = re.compile(r"[,.;]")
_SPEAKER_FILLER = re.compile(r"\b(?:has|have|had|also|explicitly|openly|repeatedly|publicly|reportedly|once|who|which|as)\b")
_TRAILING_AUX = re.compile(r"\b(?:have|has|had|also)\b\s*$")
_INVERTED_CONDITIONAL = re.compile(r"\W*(?:should|were|had)\s")
_TO_BEFORE = re.compile(r"\b(?:not\s+)?to\s+$")
_STOP_BEFORE = re.compile(r"\b(?:stop|cease|halt|end)\s+$")
_CAPITAL = re.compile(r"[A-Z]")
_RELATIVE_WORD = re.compile(r"\b(?:that|which|who)\b")
_IF_AGAINST_BEFORE = re.compile(r"\b(?:if|against|not to)\s+(?:the\s+)?$")
_ATTACK_WORDS = re.compile(r"\b(?:attacks?|strikes?|bombings?|aggression)\b")
_TELL_TO = re.compile(r"\s+(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*\s+to\s+(?!not\b)[a-z]+")
_TELL_NOT_TO = re.compile(r"\s+(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*\s+not to\b")
_SIGNING_AFTER = re.compile(r"\b(?:to be signed|intends? to sign|will sign|sign(?:ed)?|forged|concluded|signing|ratified|"
                            r"finali[sz]ed)\b")
_DESPITE = re.compile(r"\bdespite\b")
_PROMISE_TO_SIGN = re.compile(r"\b(?:promised|promises|pledged|pledges|vowed|vows)\s+to\s+sign")
_TO_AFTER = re.compile(r"\s+to\b")
_WORDS_THEN_TO = re.compile(r"\s+(?:[\w'-]+\s+){1,5}?to\s")
_PROMISE_TO_BEFORE = re.compile(r"\b(?:promised|promises|pledged|pledges|vowed|vows|offered|offers)\s+to\s+$")


# --------------------------------------------------------------------------- lexicon


@dataclass(frozen=True, slots=True)
class Trigger:
    """One dictionary entry: a phrase that names an event type."""

    type: str | None
    pos: str
    frame: str
    mode: str | None
    default: str | None
    need: frozenset[str]
    light: bool
    neg: bool
    multi: bool
    ties: bool
    obj: str | None
    modes: tuple[str, ...] | None
    untargeted: str | None = None  # the type this trigger has when no target follows ("deployed warships": MOBILIZE)


@dataclass(frozen=True, slots=True)
class KeyInfo:
    """Everything one lexicon phrase can mean, precomputed so scanning does no work per entry."""

    actors: tuple[ActorEntry, ...]
    best: ActorEntry | None  # the actor meaning without a year
    dated: bool  # a leader name whose meaning depends on the year
    exact: frozenset[str] | None  # acronyms: the only surfaces that count
    outlet: bool
    commentator: bool
    militia: bool
    trigs: tuple[Trigger, ...]
    domains: tuple[str, ...]
    cues: tuple[str, ...]
    corefs: tuple[str, ...]
    agree: tuple[str | None, ...]
    blocked: bool = False  # also listed as a non-event noun ("targets"): its noun reading is no event


def _key_info(key: str, entries: list[tuple[str, Any]], exact: frozenset[str] | None) -> KeyInfo:
    actors: tuple[ActorEntry, ...] = tuple(e for k, e in entries if k == "A" and e.kind in ACTOR_KINDS)
    kinds = {e.kind for k, e in entries if k == "A"}
    month = key == "may" or key in MONTH_NAMES
    return KeyInfo(
        actors=actors,
        best=pick(actors) if actors else None,
        dated=any(a.kind == "leader" for a in actors) and len({a.code for a in actors}) > 1,
        exact=exact,
        outlet="outlet" in kinds,
        commentator="commentator" in kinds,
        militia="militia" in kinds,
        trigs=tuple(p for k, p in entries if k == "T"),  # type: ignore[misc]
        domains=() if month else tuple(p for k, p in entries if k == "D"),  # type: ignore[misc]
        cues=tuple(p for k, p in entries if k == "C"),  # type: ignore[misc]
        corefs=tuple(p for k, p in entries if k == "R"),  # type: ignore[misc]
        agree=tuple(p for k, p in entries if k == "G"),  # type: ignore[misc]
        blocked=any(k == "B" for k, _ in entries),
    )


@dataclass(slots=True)
class Lexicon:
    """Compiled dictionary: one regex for all phrases, and what each phrase means."""

    regex: re.Pattern[str]
    table: dict[str, list[tuple[str, object]]]
    info: dict[str, KeyInfo]
    exact: dict[str, frozenset[str]]
    boundary: re.Pattern[str]
    boundary_ascii: re.Pattern[str]  # the same, for ASCII text (no Unicode lookups for \b)
    domains_by_type: dict[str, dict[str, str]]
    agree_objects: dict[str, str | None]
    agree_governors: re.Pattern[str]
    assault_modes: dict[str, str]
    agent_nouns: frozenset[str]
    attribution_nouns: frozenset[str]
    control_re: re.Pattern[str]
    subordinators: frozenset[str]
    ties: re.Pattern[str]
    offer_objects: frozenset[str]
    object_words: dict[str, frozenset[str]]
    document_nouns: frozenset[str]
    recipient_re: re.Pattern[str]
    verb_forms: frozenset[str]
    background_nouns: frozenset[str]
    wanting_re: re.Pattern[str]
    domain_words: dict[str, str]
    trigger_words: frozenset[str]
    nonevent_heads: frozenset[str]
    arms_words: frozenset[str] = frozenset()  # weapons that make an agreement an arms deal
    arms_buy: frozenset[str] = frozenset()  # "to acquire": the deal's subject buys
    arms_sell: frozenset[str] = frozenset()  # "to supply": the deal's subject sells
    launch_re: re.Pattern[str] | None = None  # "fired 200 ballistic missiles": a launch verb, a few words, projectiles


def inflect(spec: str) -> list[str]:
    """Forms of a verb lemma: 'supply' -> supply, supplies, supplied, supplying; 'a|b|c|d' as given."""
    if "|" in spec:
        parts = [p.strip() for p in spec.split("|")]
        head, _, rest = parts[0].partition(" ")
        return list(dict.fromkeys([*parts, _third(head) + (" " + rest if rest else "")]))
    head, _, rest = spec.partition(" ")
    tail = " " + rest if rest else ""
    forms = [head, _third(head), _past(head), _ing(head)]
    return list(dict.fromkeys(f + tail for f in forms))


def _third(v: str) -> str:
    if v.endswith(("s", "x", "z", "ch", "sh")):
        return v + "es"
    if v.endswith("y") and len(v) > 1 and v[-2] not in "aeiou":
        return v[:-1] + "ies"
    return v + "s"


def _past(v: str) -> str:
    if v.endswith("e"):
        return v + "d"
    if v.endswith("y") and v[-2] not in "aeiou":
        return v[:-1] + "ied"
    return v + "ed"


def _ing(v: str) -> str:
    if v.endswith("ie"):
        return v[:-2] + "ying"
    if v.endswith("e") and not v.endswith("ee"):
        return v[:-1] + "ing"
    return v + "ing"


def _data(name: str) -> dict:
    return read_yaml(name)


PLOVER_TYPES = frozenset("AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT THREATEN PROTEST "
                         "SANCTION MOBILIZE COERCE ASSAULT".split())
#: The argument structures a trigger row may name (see the header of data/events.yaml).
FRAMES = frozenset({"directed", "transfer", "receive", "joint", "request", "assault", "sanction", "speech", "veto",
                    "mediate", "withdraw", "declined", "mobilize", "intercept", "cease"})
_TRIGGER_KEYS = frozenset({"type", "pos", "frame", "mode", "default", "need", "light", "neg", "multi", "ties", "object",
                           "modes", "untargeted", "words"})
_NEEDS = frozenset({"mode", "target", "agree_object", "warn_object", "possessor", "agent"})
_SECTIONS = frozenset({"agent_nouns", "agree_governors", "agree_objects", "arms_deals", "assault_modes", "attribution_nouns",
                       "background_nouns", "control_nouns", "coref", "cues", "document_nouns", "domains", "launch_verbs",
                       "modes", "nonevent_heads", "object_words", "offer_objects", "recipient_verbs", "ties", "triggers",
                       "wanting_verbs"})
_FLAGS = ("light", "neg", "multi", "ties")


def validate_triggers(data: dict, name: str = "events.yaml") -> None:
    """Reject a trigger row with an unknown key, frame, type, need, flag or object list: one line naming the file
    and the row (1-based) and what is wrong, so a misspelt frame cannot load silently."""
    unknown_sections = sorted(set(data) - _SECTIONS)
    if unknown_sections:
        raise CasusError(f"{name}: unknown section {unknown_sections[0]!r} (known: {', '.join(sorted(_SECTIONS))})")
    missing = sorted(_SECTIONS - set(data))
    if missing:
        raise CasusError(f"{name}: missing section {missing[0]!r}")
    rows = data.get("triggers")
    if not isinstance(rows, list):
        raise CasusError(f"{name}: 'triggers' must be a list of rows")
    objects = set(data.get("object_words") or {}) | {"capability"}
    for i, row in enumerate(rows, 1):
        where = f"{name}: triggers row {i}"
        if not isinstance(row, dict):
            raise CasusError(f"{where}: a row must be a mapping, got {type(row).__name__}")
        words = row.get("words")
        if words:
            where += f" ({str(words[0])!r}...)"
        unknown = sorted(set(row) - _TRIGGER_KEYS)
        if unknown:
            raise CasusError(f"{where}: unknown key {unknown[0]!r} (known: {', '.join(sorted(_TRIGGER_KEYS))})")
        if not isinstance(words, list) or not words:
            raise CasusError(f"{where}: 'words' must be a non-empty list")
        if row.get("type") is not None and row["type"] not in PLOVER_TYPES:
            raise CasusError(f"{where}: unknown event type {row['type']!r}")
        if row.get("pos", "noun") not in ("verb", "noun"):
            raise CasusError(f"{where}: pos must be verb or noun, not {row['pos']!r}")
        if row.get("frame", "directed") not in FRAMES:
            raise CasusError(f"{where}: unknown frame {row['frame']!r} (known: {', '.join(sorted(FRAMES))})")
        bad_need = sorted(set(row.get("need") or []) - _NEEDS)
        if bad_need:
            raise CasusError(f"{where}: unknown need {bad_need[0]!r} (known: {', '.join(sorted(_NEEDS))})")
        for flag in _FLAGS:
            if flag in row and not isinstance(row[flag], bool):
                raise CasusError(f"{where}: flag {flag!r} must be true or false, not {row[flag]!r}")
        if row.get("object") is not None and row["object"] not in objects:
            raise CasusError(f"{where}: unknown object list {row['object']!r} (known: {', '.join(sorted(objects))})")
        if row.get("untargeted") is not None and row["untargeted"] not in PLOVER_TYPES:
            raise CasusError(f"{where}: unknown untargeted type {row['untargeted']!r}")


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """Compile the gazetteer and the event dictionary into one lexicon (once per process)."""
    data = _data("events.yaml")
    validate_triggers(data)
    gaz = gazetteer()
    table: dict[str, list[tuple[str, object]]] = {}
    exact: dict[str, set[str]] = {}

    def add(phrase: str, kind: str, payload: object) -> None:
        key = _SPACES.sub(" ", phrase.translate(_NORM)).strip().lower()
        if not key or not (key[0].isalnum()):
            return
        bucket = table.setdefault(key, [])
        if (kind, payload) not in bucket:
            bucket.append((kind, payload))

    for key, entries in gaz.phrases.items():
        for entry in entries:
            add(key, "A", entry)
            if key in gaz.exact_case:
                exact.setdefault(key, set()).add(entry.display.translate(_NORM))
    for row in data["triggers"]:
        trig = Trigger(
            type=row.get("type"), pos=row.get("pos", "noun"), frame=row.get("frame", "directed"),
            mode=row.get("mode"), default=row.get("default"), need=frozenset(row.get("need", []) or []),
            light=bool(row.get("light")), neg=bool(row.get("neg")), multi=bool(row.get("multi")),
            ties=bool(row.get("ties")), obj=row.get("object"),
            modes=tuple(row["modes"]) if row.get("modes") else None, untargeted=row.get("untargeted"),
        )
        for word in row["words"]:
            forms = inflect(str(word)) if trig.pos == "verb" else [str(word)]
            for form in forms:
                add(form, "T" if trig.type else "B", trig)
    for domain, words in data["domains"].items():
        for word in words:
            add(str(word), "D", domain)
    for cat, words in data["cues"].items():
        if cat in ("boundary", "subordinators"):
            continue
        for word in words:
            add(str(word), "C", cat)
    for cat, words in data["coref"].items():
        for word in words:
            add(str(word), "R", cat)
    for word in data["agree_objects"]:
        add(str(word), "G", data["agree_objects"][word])

    keys = sorted(table, key=len, reverse=True)
    # matched against the lower-cased sentence, so no IGNORECASE (faster)
    regex = re.compile(r"\b(?:" + trie_regex(keys) + r")(?!\w)")
    bwords = [str(w).lower() for w in data["cues"]["boundary"]]
    word_b = [w.strip() for w in bwords if w.strip()[0].isalnum()]
    punct_b = [w for w in bwords if not w.strip()[0].isalnum()]
    boundary = re.compile(r"(?:\b(?:" + trie_regex(word_b) + r")|(?:" + trie_regex(punct_b) + r"))(?!\w)")
    domains_by_type = {t: dict(m or {}) for t, m in data["modes"].items()}
    assault_modes = {w.lower(): mode for mode, words in data["assault_modes"].items() for w in words}
    controls = sorted((str(w) for w in data["control_nouns"]), key=len, reverse=True)
    control_re = re.compile(r"\b(?:" + "|".join(re.escape(c) for c in controls) + r")\b", re.I)
    gov = sorted((str(w) for w in data["agree_governors"]), key=len, reverse=True)
    agree_governors = re.compile(r"\b(?:" + "|".join(re.escape(g) for g in gov) + r")\b", re.I)
    tv = "|".join(sorted({re.escape(v) for v in data["ties"]["verbs"]}, key=len, reverse=True))
    tn = "|".join(re.escape(n) for n in data["ties"]["nouns"])
    ties = re.compile(r"\b(?:" + tv + r")\w*\s+(?:[\w-]+\s+){0,3}?(?:" + tn + r")\b", re.I)
    rv = sorted((str(w) for w in data["recipient_verbs"]), key=len, reverse=True)
    recipient_re = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in rv) + r")\b(?:\s+[\w-]+){0,4}\s*$", re.I)
    verb_forms = frozenset(
        f for row in data["triggers"] if row.get("pos") == "verb" and row.get("type")
        for w in row["words"] for f in inflect(str(w)) if " " not in f
    )
    first_words = {k.split()[0] for k, entries in table.items() if any(kind in ("T", "G") for kind, _ in entries)}
    for verb in data["ties"]["verbs"]:
        first_words.update(inflect(str(verb)))
        first_words.add(str(verb) + "s")
    lv = "|".join(sorted({re.escape(f) for v in data["launch_verbs"] for f in inflect(str(v))}, key=len, reverse=True))
    pw = "|".join(sorted((re.escape(str(w)) for w in data["object_words"]["projectiles"]), key=len, reverse=True))
    launch_re = re.compile(r"\b(?:" + lv + r")\s+(?:[\w$.,'-]+\s+){0,5}?(?:" + pw + r")\b")
    exact_f = {k: frozenset(v) for k, v in exact.items()}
    info = {k: _key_info(k, v, exact_f.get(k)) for k, v in table.items()}
    return Lexicon(
        nonevent_heads=frozenset(str(w).lower() for w in data["nonevent_heads"]),
        info=info,
        trigger_words=frozenset(first_words),
        ties=ties,
        offer_objects=frozenset(str(w).lower() for w in data["offer_objects"]),
        object_words={k: frozenset(str(w).lower() for w in ws) for k, ws in data["object_words"].items()},
        document_nouns=frozenset(str(w).lower() for w in data["document_nouns"]),
        recipient_re=recipient_re,
        verb_forms=verb_forms,
        background_nouns=frozenset(str(w).lower() for w in data["background_nouns"]),
        domain_words={str(w).lower(): d for d, words in data["domains"].items() for w in words if " " not in str(w)
                      and d not in ("intervention",)},
        wanting_re=re.compile(r"\b(?:" + "|".join(re.escape(str(w)) for w in sorted(data["wanting_verbs"], key=len, reverse=True))
                              + r")\b(?:\s+[\w-]+){0,6}\s*$", re.I),
        regex=regex,
        table=table,
        exact={k: frozenset(v) for k, v in exact.items()},
        boundary=boundary,
        boundary_ascii=re.compile(boundary.pattern, re.ASCII),
        domains_by_type=domains_by_type,
        agree_objects={str(k).lower(): v for k, v in data["agree_objects"].items()},
        agree_governors=agree_governors,
        assault_modes=assault_modes,
        agent_nouns=frozenset(str(w).lower() for w in data["agent_nouns"]),
        attribution_nouns=frozenset(str(w).lower() for w in data["attribution_nouns"]),
        control_re=control_re,
        subordinators=frozenset(str(w).lower() for w in data["cues"]["subordinators"]),
        launch_re=launch_re,
        arms_words=frozenset(str(w).lower() for w in data["arms_deals"]["weapons"]),
        arms_buy=frozenset(f for w in data["arms_deals"]["buy"] for f in inflect(str(w))),
        arms_sell=frozenset(f for w in data["arms_deals"]["sell"] for f in inflect(str(w))),
    )


# --------------------------------------------------------------------------- per-sentence structures


class Mention:
    """An actor reference in a sentence: a name, adjective, pronoun or pair ("the two countries")."""

    __slots__ = ("start", "end", "codes", "kind", "poss", "role", "prep", "group", "expand", "obj")

    def __init__(self, start: int, end: int, codes: tuple[str, ...], kind: str, poss: bool = False) -> None:
        self.start, self.end, self.codes, self.kind, self.poss = start, end, codes, kind, poss
        self.role = "np"  # np | agent | mod | attr | maker | appos | loc
        self.prep: str | None = None
        self.group: int = -1
        self.expand: list[Mention] | None = None
        self.obj = False  # the object of a verb ("supports Iran"), so not a subject

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"M({self.codes},{self.kind},{self.role},{self.prep},{self.start})"


class TrigHit:
    """A trigger phrase found in a sentence."""

    __slots__ = ("start", "end", "trig", "key")

    def __init__(self, start: int, end: int, trig: Trigger, key: str) -> None:
        self.start, self.end, self.trig, self.key = start, end, trig, key


def _by_count(item: tuple[str, float]) -> float:
    return item[1]


@dataclass(slots=True)
class Context:
    """What one sentence leaves for the next: recent actors, subject, last events by type."""

    counts: dict[str, float] = field(default_factory=dict)
    prev_subject: tuple[str, ...] = ()
    prev_codes: tuple[str, ...] = ()
    last_agree_mode: str | None = None  # the mode of the last agreement coded ("the accord" is that treaty)
    last_group: tuple[str, ...] = ()  # the organisation named last in the previous two sentences ("the alliance")
    last_group_index: int = -9
    last_by_type: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = field(default_factory=dict)
    last_index: dict[str, int] = field(default_factory=dict)
    anchor: tuple[int, int | None, int | None] | None = None
    passage_years: list[tuple[int, int]] = field(default_factory=list)  # (sentence index, year)
    index: int = 0
    year: int | None = None

    _dyad: tuple[str, ...] | None = None

    def dyad(self) -> tuple[str, ...]:
        """The two actors the document is mostly about so far."""
        if self._dyad is None:
            # most_common(2), without its heap: a stable sort keeps the same order among ties
            self._dyad = tuple(c for c, _ in sorted(self.counts.items(), key=_by_count, reverse=True)[:2])
        return self._dyad


@dataclass(slots=True)
class Sentence:
    """The analysed sentence: normalised text, lexicon hits, mentions, triggers, cues, clauses."""

    text: str
    low: str
    mentions: list[Mention]
    triggers: list[TrigHit]
    domains: list[tuple[int, int, str]]
    cues: dict[str, list[tuple[int, int, str]]]
    agree_nouns: list[tuple[int, int, str | None, str]]
    bounds: list[int]
    quotes: list[tuple[int, int]]
    question: bool
    starts: list[int] = field(default_factory=list)  # start offset of each word
    words: list[str] = field(default_factory=list)  # the lower-cased words, as WORD_RE finds them


# Compiled by mypyc (setup.py), a loop over characters beats the regex engine for the word index; as
# pure Python it is many times slower, so each build takes its faster, equivalent path.
_COMPILED = not __file__.endswith((".py", ".pyc"))


def _word_index_ascii_loop(low: str) -> tuple[list[int], list[str]]:
    """word_index for ASCII text as a plain character loop: the words are runs of [A-Za-z0-9_'-]."""
    starts: list[int] = []
    words: list[str] = []
    n = len(low)
    i = 0
    while i < n:
        ch = low[i]
        if ch.isalnum() or ch == "_" or ch == "'" or ch == "-":
            j = i + 1
            while j < n:
                c = low[j]
                if c.isalnum() or c == "_" or c == "'" or c == "-":
                    j += 1
                else:
                    break
            starts.append(i)
            words.append(low[i:j])
            i = j
        else:
            i += 1
    return starts, words


def word_index(low: str) -> tuple[list[int], list[str]]:
    """The start offset of each word and the words, once per sentence, so word counts and neighbours are
    bisections, not regex runs."""
    if _COMPILED and low.isascii():
        return _word_index_ascii_loop(low)
    words = (WORD_RE_ASCII if low.isascii() else WORD_RE).findall(low)
    starts: list[int] = []
    at = 0
    for w in words:
        # only characters outside [\w'-] lie between two words, so the next occurrence is the word itself
        at = low.find(w, at)
        starts.append(at)
        at += len(w)
    return starts, words


def _nw(sent: Sentence, a: int, b: int) -> int:
    """Number of words starting in [a, b)."""
    return bisect_left(sent.starts, b) - bisect_left(sent.starts, a) if b > a else 0


def _ws(sent: Sentence, a: int, b: int) -> list[str]:
    """The words starting in [a, b)."""
    return sent.words[bisect_left(sent.starts, a):bisect_left(sent.starts, b)] if b > a else []


def _next_ws(sent: Sentence, pos: int, limit: int, n: int) -> list[str]:
    """At most n words starting in [pos, limit): _ws(sent, pos, limit)[:n] without building the whole slice."""
    j = bisect_left(sent.starts, pos)
    out = sent.words[j:j + n]
    starts = sent.starts
    for k in range(len(out)):
        if starts[j + k] >= limit:
            return out[:k]
    return out


def _prev_ws(sent: Sentence, pos: int, n: int = 3) -> list[str]:
    """The n words before `pos`."""
    j = bisect_left(sent.starts, pos)
    return sent.words[max(0, j - n):j]


def normalise(text: str) -> str:
    """Straight quotes, single spaces, no markdown emphasis."""
    if text.isascii():
        # the common case, without a translate and a substitution that would change nothing
        if "*" in text:
            text = text.replace("*", " ")
        if ("  " in text or not text.isprintable()) and _SPACES_TO_FIX.search(text):  # tab, newline: not printable
            text = _SPACES.sub(" ", text)
        return text.strip()
    return _SPACES.sub(" ", text.translate(_NORM)).strip()


def _words(text: str) -> list[str]:
    return (WORD_RE_ASCII if text.isascii() else WORD_RE).findall(text.lower())


def _nwords(text: str) -> int:
    return len((WORD_RE_ASCII if text.isascii() else WORD_RE).findall(text))


# --------------------------------------------------------------------------- scanning


_LAUNCH = Trigger("ASSAULT", "verb", "assault", "auto", "aerial", frozenset({"target"}), False, False, False, False, None, None)


def scan(text: str, lex: Lexicon, year: int | None) -> Sentence:
    """Find every lexicon phrase in one pass and build the sentence's mentions, triggers and cues."""
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
    for m in lex.regex.finditer(low):
        start, end = m.span()
        key = m.group()
        info = infos.get(key)
        if info is None:
            continue
        if info.actors:
            surface = text[start:end]
            if (info.exact is None or surface in info.exact) and (surface[0].isupper() or surface[0].isdigit()) and not (
                    start > 3 and low[start - 1] == "-" and low[max(0, start - 5):start].endswith(("anti-", "pro-", "non-", "post-", "pre-"))):
                best = pick(info.actors, year) if info.dated and year else info.best
                if best is not None:
                    tail = text[end:end + 2]
                    poss = tail == "'s" or (tail[:1] == "'" and (end + 1 >= len(text) or not text[end + 1].isalpha()))
                    mentions.append(Mention(start, end, (best.code,), best.kind, poss))
                    continue  # an actor name is not also a trigger
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
                trig = _choose_pos(list(info.trigs), low, start, _prev_word(low, start, starts, words),
                                   words[j] if j < len(words) and low[end:starts[j]].strip() == "" else "", info.blocked)
            else:
                trig = info.trigs[0]
            if trig is not None:
                triggers.append(TrigHit(start, end, trig, key))
    if lex.launch_re is not None and (
            "fir" in low or "launch" in low or "sen" in low or "hurl" in low or "lob" in low):
        for hit in lex.launch_re.finditer(low):
            if "," in hit.group() or any(t.start <= hit.start() < t.end for t in triggers):
                continue  # "launched talks, and missiles ...": another clause; "fired missiles": listed already
            triggers.append(TrigHit(hit.start(), hit.end(), _LAUNCH, hit.group()))
    if not triggers and not agree_nouns:
        sent = Sentence(text, low, mentions, [], domains, cues, agree_nouns, [], [], False, starts, words)
        _resolve_mentions(sent, lex, corefs, militia, attr_spans, None)
        return sent
    bounds = _boundaries(text, low, lex)
    quotes = _quotes(text)
    sent = Sentence(text, low, mentions, triggers, domains, cues, agree_nouns, bounds, quotes, text.rstrip().endswith("?"),
                    starts, words)
    _resolve_mentions(sent, lex, corefs, militia, attr_spans, None)
    return sent


_ADJ_END = ("al", "ic", "ive", "ed", "ous", "ful", "ent", "ant", "ary", "ern", "ian", "an", "ese", "ish", "est", "ing", "li")
_VERB_PREV = AUX | frozenset("to it they we he she who which that also then still now jointly reportedly openly".split())


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


# "helped defend", "helps fund": a bare infinitive after help is a verb, not a noun after an -ed adjective.
_HELP = frozenset({"help", "helps", "helped", "helping"})
_NOT_RECIPIENT_PREPS = frozenset({"across", "into", "beyond", "through", "throughout", "over", "until", "from"})


def _choose_pos(entries: list[Trigger], low: str, start: int, prev: str, nxt: str = "",
                blocked: bool = False) -> Trigger | None:
    """Verb or noun reading of a phrase listed as both ('supply', 'support'): a determiner or adjective before means noun.

    `prev` is the word before the phrase, `nxt` the word right after it ("" after punctuation). Returns None for a
    verb-only phrase used as a noun ('the demands of', 'commercial ships in').
    """
    if prev in ("a", "an", "fully", "well", "heavily", "newly", "lightly") and low[start:start + 30].split()[0].endswith("ed"):
        return None  # "a fully armed Iran": an adjective
    if prev in _VERB_PREV or prev in _HELP or prev.endswith("ly"):
        want = "verb"
    elif prev in DETS or prev.endswith("'s") or prev in ("of", "for", "no", "and", "or", "any", "with", "without", "amid",
                                                         "despite") or prev.endswith(_ADJ_END):
        want = "noun"
    else:
        want = "verb"
    for e in entries:
        if e.pos == want:
            return e
    if want == "noun" and blocked:
        return None  # "Iranian targets", "spending targets": a noun listed as no event
    if want == "verb" and nxt in _NOT_RECIPIENT_PREPS and all(e.frame == "transfer" for e in entries):
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


def _quotes(text: str) -> list[tuple[int, int]]:
    pos: list[int] = []
    i = text.find('"')
    while i >= 0:
        pos.append(i)
        i = text.find('"', i + 1)
    spans = [(pos[i], pos[i + 1]) for i in range(0, len(pos) - 1, 2)]
    if len(pos) % 2:
        spans.append((pos[-1], len(text)))
    return spans


def _prev_words(low: str, pos: int, n: int = 3) -> list[str]:
    return _words(low[max(0, pos - 40):pos])[-n:]


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
    # Merge "Russian President Vladimir Putin" into one mention.
    merged: list[Mention] = []
    for m in mentions:
        if merged:
            p = merged[-1]
            gap = text[p.end:m.start]
            if p.codes and p.codes == m.codes and not p.poss and _nwords(gap) <= 3 and "," not in gap and all(
                w[0].isupper() for w in WORD_RE.findall(gap)
            ):
                p.end, p.poss = m.end, m.poss
                if m.kind == "leader" or p.kind == "adj":
                    p.kind = "leader" if m.kind == "leader" else m.kind
                p.role = "agent"
                continue
        merged.append(m)
    mentions = merged
    for m in mentions:
        hyphen = text[m.end:m.end + 1] == "-"  # both suffix patterns start with one
        if hyphen and MAKER_SUFFIX.match(text, m.end):
            m.role = "maker"
        elif hyphen and LINK_SUFFIX.match(text, m.end):
            m.role = "mod"
        elif hyphen and LED_SUFFIX.match(text, m.end):
            m.role = "agent"
        elif m.poss and text[max(0, m.start - 2):m.start] == ", " and _APPOSITIVE_TAIL.match(low, m.end):
            m.role = "appos"  # "China, Pakistan's closest ally, urged ...": a description of China
        elif attr_spans and any(s <= m.end + 40 and s >= m.end for s, _ in attr_spans) and not m.poss and not (
                m.kind in ("name", "capital") and text[m.end:m.end + 1] == ",") and _attr_follows(low, m.end, lex, mentions):
            m.role = "attr"
        elif m.kind in ("name", "capital") and not m.poss and (nxt := _next_ws(sent, m.end, m.end + 40, 3)) and (
                nxt[0] in lex.background_nouns or " ".join(nxt[:2]) in lex.background_nouns):
            m.role = "mod"  # "the Ukraine war": background, not an actor here
        elif m.kind in ("adj",) and not m.poss:
            nxt = _next_ws(sent, m.end, m.end + 40, 3)
            head = " ".join(nxt[:2])
            if nxt and (nxt[0] in lex.agent_nouns or head in lex.agent_nouns):
                m.role = "agent"
            elif nxt and nxt[0] in ("and", "or") and _attr_follows(low, m.end, lex, mentions):
                m.role = "attr"
            else:
                m.role = "mod"
        lead = _prev_ws(sent, m.start, 3)
        while lead and lead[-1] in DETS:
            lead.pop()
        if lead and lead[-1] == "including":
            lead = _including_lead(sent, m.start) or lead
        if lead and (lead[-1] in lex.verb_forms or lead[-1] in _COMMON_VERBS or (
                lead[-1].endswith(("ing", "ed")) and lead[-1] not in PREPS and len(lead[-1]) > 4)):
            m.obj = True
        while lead and lead[-1] in ("key", "global", "close", "closest", "main", "new", "old", "own", "long-time", "strategic",
                                    "senior", "top", "some", "many", "other", "powerful", "fellow", "regional",
                                    "northern", "southern", "eastern", "western", "central", "north", "south", "east",
                                    "west", "northeastern", "northwestern", "southeastern", "southwestern", "occupied"):
            lead.pop()
        if lead and lead[-1] in PREPS and not (lead[-1] == "from" and len(lead) > 1 and lead[-2] in _ENVOY_NOUNS):
            m.prep = lead[-1]
            nxt_w = _next_ws(sent, m.end + (2 if m.poss else 0), m.end + 32, 2)
            if len(nxt_w) == 2 and (nxt_w[0] in _GERUND_ADVERBS or nxt_w[0].endswith("ly")):
                nxt_w = nxt_w[1:]  # "with Trump again threatening Iran": an adverb before the gerund
            if m.prep in ("with", "without", "for") and nxt_w and nxt_w[0].endswith("ing") and not m.poss and text[m.end:m.end + 1] == " " and nxt_w[0] not in (
                    "during", "including", "regarding", "concerning", "following", "according"):
                m.prep = None  # "with Russia assisting", "for Tehran supplying": the subject of a gerund
    # Coordinated groups: "Russia and China", "the United States and its European allies".
    gid = 0
    for i, m in enumerate(mentions):
        gap = low[mentions[i - 1].end:m.start] if i else ""
        if i and _coordinated(gap, mentions[i - 1], m) and not ("," in gap and m.role == "agent") and not (
                gap.strip() == "," and mentions[i - 1].prep is not None and any(0 < t.start - m.end <= 2 for t in sent.triggers)):
            # not ", and Israeli jets ...", nor "According to the Pentagon, China provided ...": a new subject
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
            if len(gap) >= 5 and _EXPANSION_GAP.fullmatch(gap):
                g = mentions[i + 1].group
                m.expand = [x for x in mentions if x.group == g]
    sent.mentions = mentions


_DATELINE = re.compile(r"[\W_]{0,3}[A-Z][\w.'-]*(?:[ ,]+[A-Z][\w.'-]*){0,2}\s*(?:\[[^\]]{1,40}\]|\([^)]{1,40}\))?"
                       r"\s*(?::|\u2014|\u2013|--)\s")
_COMMON_VERBS = frozenset(
    "is are was were be been has have had become became remain remains remained make makes made see sees saw view views "
    "viewed consider considers considered allow allows allowed leave leaves left push pushes pushed urge urges urged "
    "tell tells told ask asks asked give gives gave offer offers offered provide provides provided defend defends protect "
    "protects shield shields support supports supported back backs warn warns warned condemn condemns condemned".split()
)


# "envoys from Chile and Peru began talks": the envoys' states act, as a subject would.
_ENVOY_NOUNS = frozenset("officials delegations delegates representatives envoys diplomats negotiators ministers "
                         "leaders officers commanders".split())
_GERUND_ADVERBS = frozenset("again also still now once already even repeatedly openly".split())


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


def _coordinated(gap: str, prev: Mention, m: Mention | None = None) -> bool:
    if prev.poss or (m is not None and m.poss and gap.strip() == ","):
        return False  # "China, Pakistan's closest ally, urged ...": an apposition, not a list
    g = gap.strip()
    if gap == "-" and m is not None and m.kind == "adj":
        return True  # "U.S.-Israeli strikes", "Russian-Iranian drills": both act
    return g in ("and", "or", ",", ", and", ", or", "&", "as well as", "and its", "and their", "and the", ", and the",
                 "or the", "and its european", "nor")


_ATTR_MODIFIERS = frozenset("and or senior state government military administration top foreign ministry security "
                             "intelligence defense defence news some several western unnamed anonymous".split())


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
        if word in lex.attribution_nouns or low[at:at + 20].startswith(tuple(n + " " for n in ("state media", "state tv"))):
            return True
        if word in _ATTR_MODIFIERS or any(x.start <= at < x.end for x in mentions):
            continue
        return False
    return False


# --------------------------------------------------------------------------- coreference


def resolve_corefs(sent: Sentence, ctx: Context) -> None:
    """Give pronouns, pairs and 'its ally' their codes from this sentence or the context."""
    done: list[Mention] = []
    for m in sent.mentions:
        if not m.kind.startswith("coref:"):
            done.append(m)
            continue
        cat = m.kind[6:]
        key = sent.low[m.start:m.end]
        prior = [x for x in done if x.codes and x.role not in ("maker", "appos")]
        if cat == "pair":
            codes: list[str] = []
            for x in reversed(prior):
                for c in x.codes:
                    if c not in codes and not c.endswith("_MILITIAS"):
                        codes.append(c)
            codes = codes[:2]
            single = codes if len(codes) == 1 else []
            if len(codes) == 1:
                codes = []
            if key in ("bilateral", "mutual") and any(x.codes for x in sent.mentions if x is not m):
                # "Pyongyang signed a mutual defence treaty with Moscow": the parties are in the sentence already
                pass
            elif len(codes) < 2:
                # the pair just named ("X and Y signed ... Each side ..."), else the document's two main actors
                pool = ctx.prev_subject if len(ctx.prev_subject) >= 2 else (
                    ctx.prev_codes if len(ctx.prev_codes) == 2 else ctx.dyad())
                for c in (*pool, *single, *ctx.prev_codes):
                    if c not in codes:
                        codes.append(c)
                    if len(codes) == 2:
                        break
            m.codes = tuple(reversed(codes)) if len(codes) == 2 else ()
        elif cat == "single":
            person = key in ("he", "his", "she", "her", "him")
            if key in ("it", "him", "them") and prior and prior[-1].prep is None and not prior[-1].obj and \
                    _OBJECT_PRONOUN_GAP.fullmatch(sent.low[prior[-1].end:m.start]):
                # "Moscow failed to defend it": an object pronoun is not its own verb's subject
                prior = prior[:-1]
            last = prior[-1] if prior else None
            if last is not None and last.obj and not person and _TO_VERB_GAP.fullmatch(sent.low[last.end:m.start]):
                m.codes = last.codes[:1]  # "urged Israel to halt its strikes": its is the one urged
            else:
                m.codes = _antecedent(prior, ctx, person)
        elif cat == "partner":
            ref = _antecedent(prior, ctx, False)
            others = [c for c in ctx.dyad() if c not in ref]
            if not others:
                others = [c for x in prior for c in x.codes if c not in ref]
            m.codes = (others[0],) if others else ()
        elif cat == "body":
            # "the alliance", "the bloc", "the council": the organisation named last, here or just before
            named = [x for x in prior if x.kind == "group"]
            m.codes = named[-1].codes[:1] if named else ctx.last_group[:1]
        elif cat == "latter":
            m.codes = prior[-1].codes[-1:] if prior else ctx.prev_codes[-1:]
        elif cat == "former":
            m.codes = prior[-2].codes[:1] if len(prior) >= 2 else ()
        else:
            m.codes = ()
        if m.codes:
            m.kind = "pair" if cat == "pair" else "pron"
            if cat == "pair" and key in ("bilateral", "mutual"):
                m.role = "mod"
            done.append(m)
    sent.mentions = done


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
    # "it"/"its" is a state or body, not a person
    for x in reversed(prior):
        if x.role in ("attr", "maker") or x.kind in ("militia", "leader") or (x.obj and not x.poss):
            continue
        if x.prep is None:
            return x.codes[:1]
    for x in reversed(prior):
        if x.role not in ("attr",) and x.kind != "leader" and x.prep is None:
            return x.codes[:1]
    return ctx.prev_subject[:1]


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


def left_agent(sent: Sentence, t: TrigHit, lex: Lexicon, ctx: Context, pos: int | None = None) -> list[Mention]:
    """Who acts: possessor or adjective of a nominal trigger, 'by/from X', else the clause's subject."""
    pos = t.start if pos is None else pos
    lo, hi = _clause(sent, t.start)
    noun = t.trig.pos == "noun"
    before = [m for m in sent.mentions if m.end <= pos and m.codes]
    if not noun and _np_subject_after_that(sent, pos):
        return []  # "Japan warned that a Chinese attack would threaten ...": the attack, not Japan, threatens
    if noun and pos == t.start and _cause_np(sent, t.start):
        return []  # "sanctioned firms over the Taiwan arms deal": neither the subject nor Taiwan made the deal
    if before and not noun and before[-1].obj and _OF_FOR_WITH_GAP.fullmatch(sent.text[before[-1].end:pos]):
        return _group(sent, before[-1])  # "accused Iran of supplying": the accused acts
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
            if noun and _modifier_gap(gap) and (m.poss or m.role in ("mod", "maker") or m.kind in ("pair", "group", "adj")
                                                 or not gap.strip()):
                return _group(sent, m)
            agent = _by_from_agent(sent, t, hi) if noun else []
            if agent:
                return agent  # "Moscow slammed the strikes by Israel": the agent named after the noun, not the subject
            if m.prep is None and not m.obj and (_modifier_gap(gap) or (
                    m.poss or m.kind in ("pron", "pair", "name", "leader", "inst", "group", "capital", "adj")) and _control_gap(gap, lex)):
                if m.role != "mod" or noun:
                    return _group(sent, m)
    if noun or t.trig.frame in ("sanction",):
        agent = _by_from_agent(sent, t, hi)
        if agent:
            return agent
    if t.trig.frame == "sanction":
        return []
    for allow_obj in (False, True):
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
    # a fronted phrase ("Instead of direct participation, Russia could ...")
    if sent.bounds and t.start < sent.bounds[0] and _starts_subordinate(sent, lex):
        for m in sent.mentions:
            if m.start > sent.bounds[0] and _subject_ok(m):
                return _group(sent, m)
    return []


def _by_from_agent(sent: Sentence, t: TrigHit, hi: int) -> list[Mention]:
    """'strikes by Israel', 'support from Moscow': among the first three actors after a nominal trigger, in its clause."""
    for m in [m for m in sent.mentions if m.start >= t.end and m.start < hi and m.codes][:3]:
        if m.prep in ("by", "from") and _nw(sent, t.end, m.start) <= 10:
            return _group(sent, m)
    return []


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
_NP_WORDS = DETS | frozenset("new latest recent planned proposed reported alleged continued".split())


def _cause_np(sent: Sentence, pos: int) -> bool:
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
        if not (w in _NP_WORDS or any(m.start <= at < m.end for m in sent.mentions)):
            return False
    return False


def right_target(sent: Sentence, t: TrigHit, preps: frozenset[str], direct: bool = True, span: int = 12,
                 stop_at_clause: bool = True) -> list[Mention]:
    """Who is acted on: 'to/with/on X' after the trigger, its direct object, or a possessor in the object."""
    lo, hi = _clause(sent, t.start)
    if not stop_at_clause:
        hi = len(sent.text)
    premodifier: Mention | None = None  # "deploy CSTO peacekeepers to Armenia": CSTO only if no "to X" follows
    for m in sent.mentions:
        if m.start < t.end or m.start >= hi or not m.codes:
            continue
        gap = sent.text[t.end:m.start]
        n = _nw(sent, t.end, m.start)
        if n > span:
            break
        if m.role in ("attr",):
            continue
        if m.prep in preps:
            return _group(sent, m)
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


def other_actors(sent: Sentence, t: TrigHit, exclude: list[str], after_first: bool = True) -> list[str]:
    """Actors in the sentence other than `exclude`, after the trigger first; locations and speakers last."""
    good: list[tuple[int, str]] = []
    for m in sent.mentions:
        if not m.codes or m.role in ("attr",):
            continue
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


def modes_for(sent: Sentence, t: TrigHit, lex: Lexicon) -> list[str | None]:
    """The mode(s) of a trigger: fixed, or read from domain words in its modifiers and object."""
    trig = t.trig
    if trig.mode != "auto":
        return [trig.mode]
    typ = trig.type or ""
    lo = _clause(sent, t.start)[0] if _passive(sent, t) else _left_mod_start(sent, t)  # a passive's theme comes first
    hi = _object_end(sent, t, 12 if trig.multi else 8)
    found = _domain_hits(sent, lo, hi)
    key = t.key
    found = [lex.domain_words[w] for w in key.split() if w in lex.domain_words] + found
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
    if typ == "AID" and key in ("defend", "defends", "defended", "defending", "protect", "protects", "protected", "protecting",
                                "shield", "shields", "shielded", "shielding", "safeguard", "safeguards", "safeguarded", "safeguarding"):
        return ["diplomatic" if "diplomatic" in modes else "intervention"]
    if not modes:
        return [trig.default]
    if trig.multi:
        order = list(mapping.values())
        modes.sort(key=lambda x: order.index(x) if x in order else 99)
        return modes  # type: ignore[return-value]
    order = list(mapping.values())
    modes.sort(key=lambda x: order.index(x) if x in order else 99)
    return [modes[0]]


def _agree_mode(sent: Sentence, t: TrigHit, lex: Lexicon) -> str | None:
    hi = _object_end(sent, t, 8)
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


_COMPLEMENT_VERBS = frozenset("mean means meant confirm confirmed say said think believe expect suggest indicate imply "
                              "guarantee guarantees show shows appear seem".split())


def negated(sent: Sentence, t: TrigHit) -> bool:
    """Whether the trigger is denied: a negator before it in its clause, a refusal, 'rather than', 'unlikely'."""
    if t.trig.neg:
        return True
    lo, hi = _clause(sent, t.start)
    c = _cue_before(sent, "neg", t.start, lo, 8)
    if c is not None and (c[2] != "no" or _nw(sent, c[1], t.start) <= 4) and _scope_reaches(sent, c, t) and not (
            t.trig.pos == "noun" and _cue_before(sent, "adjunct_preps", t.start, c[1]) is not None):
        return True
    if _cue_before(sent, "hedge_neg", t.start, lo, 10) is not None:
        return True
    c = _cue_before(sent, "neg_scope", t.start, lo, 14)
    if c is not None and "whether" in _ws(sent, lo, c[0]):
        c = None  # "did not say whether they agreed to halt the attacks": left open
    if c is not None and _scope_reaches(sent, c, t) and not (
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


_DO_NEGATORS = frozenset({"didn't", "doesn't", "don't"})
_JOINING_VERBS = frozenset("join joining back backing endorse endorsing recognise recognize recognising recognizing follow "
                           "following accept accepting".split())


def _scope_reaches(sent: Sentence, cue: tuple[int, int, str], t: TrigHit) -> bool:
    """A negator does not reach into a relative clause ('not on the scale that X supports'), only into a verb's complement;
    nor past 'and' to a second finite verb ('did not recognise X and imposed sanctions'), nor from 'refused to join'
    into the others' act it names ('refused to join Western sanctions')."""
    words = _ws(sent, cue[1], t.start)
    if "whether" in words:
        return False  # "declined to say whether X would defend Y": a question left open, not a denial
    if t.trig.pos == "verb" and t.key.split()[0].endswith("ed") and ("and" in words or "but" in words) and (
            cue[2] in _DO_NEGATORS or (cue[2] == "not" and _prev_ws(sent, cue[0], 1) in (["did"], ["does"], ["do"]))):
        return False  # after "did not" a verb is a bare infinitive: a past form is a new predicate
    if t.trig.pos == "noun" and not _JOINING_VERBS.isdisjoint(words):
        return False
    for i, w in enumerate(words):
        if w in ("that", "which", "who", "whom"):
            return any(x in _COMPLEMENT_VERBS for x in words[:i])
        if w in ("when", "if", "because", "after", "before", "since", "while", "whereas", "although", "unless", "as"):
            return False
    return True


def modality_of(sent: Sentence, t: TrigHit, source: list[str], speaker: tuple[str | None, tuple[str, ...]] | None) -> str:
    """hedged > future > reported > asserted, from cues in the trigger's clause and sentence."""
    lo, hi = _clause(sent, t.start)
    hedge = _cue_before(sent, "hedge", t.start, lo)
    if hedge is not None and hedge[2] == "would" and sent.low[hedge[1]:hedge[1] + 10].startswith(_WISH_AFTER_WOULD):
        hedge = None  # "I would like to ask you": a polite wish, no hedge
    if hedge is not None and _backshifted_would(sent, hedge, lo, t.start):
        return "future"  # "officials said Moscow would not send troops": reported speech's will, no hedge
    if hedge is not None or _cue_before(sent, "hedge_neg", t.start, lo):
        return "hedged"
    for c in sent.cues.get("hedge", ()):
        if c[2] in ("remains in doubt", "remain in doubt", "in doubt", "unclear",
                    "it seemed", "it seems", "believe", "believes", "believed", "anticipate", "anticipates", "anticipated",
                    "expect", "expects", "expected", "raise doubts", "raises doubts", "doubts about"):
            if c[0] < t.start or c[2] in ("remains in doubt", "remain in doubt", "in doubt", "unclear"):
                return "hedged"
    fut = _cue_before(sent, "future", t.start, lo)
    if fut is not None and (_blocked(sent, t, fut) or _noun_will(sent, fut)):
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
        if (t.trig.type in SPEECH_TYPES and t.trig.frame == "speech" or t.trig.type == "SUPPORT") and set(spk_codes) & set(source):
            return "asserted"  # a state's own statement of support or blame ("Biden says US support remains ironclad")
        return "reported"
    for qs, qe in sent.quotes:
        if qs < t.start < qe and _nw(sent, qs, qe) >= 8 and _nw(sent, qs, t.start) >= 2:
            if not (t.trig.frame == "speech"):
                return "reported"
    return "asserted"


_NOUN_WILL_BEFORE = re.compile(r"(?:\b(?:his|her|its|their|our|my|the|a|political|steadfast|strong|firm|good|free)\s+)$")


def _noun_will(sent: Sentence, c: tuple[int, int, str]) -> bool:
    """'will' as a noun ('his steadfast will', 'the political will'), not the future auxiliary."""
    return c[2] == "will" and bool(_NOUN_WILL_BEFORE.search(sent.low, max(0, c[0] - 12), c[0]))


def _provision(sent: Sentence, t: TrigHit, lo: int) -> bool:
    """A treaty's provision ('the pact commits the two sides to cooperate', 'under the treaty, both must defend'):
    what it provides for is still to be carried out."""
    p = _cue_before(sent, "provisions", t.start, lo, 12)
    if p is not None and any(a[1] <= p[0] and _nw(sent, a[1], p[0]) <= 8 for a in sent.agree_nouns):
        return True
    u = _cue_before(sent, "provision_preps", t.start, lo)
    return u is not None and any(u[1] <= a[0] < t.start and _nw(sent, u[1], a[0]) <= 4 for a in sent.agree_nouns)


_WISH_AFTER_WOULD = (" like ", " prefer ", " rather ", " love ")


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
    return False


_SIGNALLED_THAT = re.compile(r"\b(?:signal|indicat|warn|made clear|make clear|makes clear|hint|announc|insist|stipulat|"
                             r"reassur|pledg|promis|vow)\w*(?:\s+\S+){0,6}?\s+that\b")
_REPORT_VERBS = frozenset("say says said saying state states stated told tell reporters noted claim claims claimed announced "
                          "announces insisted insists confirmed confirms added stressed assured signalled signaled "
                          "signals indicated indicates warned".split())


def _backshifted_would(sent: Sentence, hedge: tuple[int, int, str], lo: int, pos: int) -> bool:
    """'would' as the past of 'will' in reported speech: a speaking verb in the sentence, no other hedge before
    the trigger, and no 'would have' (a counterfactual) or condition."""
    if hedge[2] != "would" or sent.low[hedge[1]:hedge[1] + 10].startswith((" have ", " like ", " prefer ", " rather ")):
        return False
    if any(c[2] != "would" and lo <= c[0] < pos for c in sent.cues.get("hedge", ())):
        return False
    if sent.cues.get("hypothetical"):
        return False
    return any(c[2] in _REPORT_VERBS for c in sent.cues.get("report", ())) or bool(
        _SIGNALLED_THAT.search(sent.low, 0, hedge[0]))


_VAGUE_SPEAKERS = frozenset(
    "reports report some many several experts analysts observers critics sources officials media it they this that".split()
)


_SPEAKER_TAIL = re.compile(r"(?:\s+(?:has|have|had|is|are|was|were|did|does|do|also|again|repeatedly|publicly|not|never|"
                           r"declined|refused|to|would|will|could|may|might|previously|recently|once))+$")
_REPORTED_BY = re.compile(r"as reported by ([A-Z][^,.;]+)")


_POSTPOSED_REPORT = frozenset({"said", "says", "told", "added", "according to", "stated", "noted", "claimed", "reported",
                               "reports", "wrote", "wrote on", "posted on", "tweeted"})


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
    return not re.search(r"\bthat\b|[:\u201c\"]", tail)


def speaker_of(sent: Sentence, t: TrigHit) -> tuple[str | None, tuple[str, ...]] | None:
    """The reporting cue governing the trigger and its named speaker: ('Iranian officials', ('IRN',)) or (None, ())."""
    best = None
    for c in sent.cues.get("report", ()):
        if c[1] <= t.start:
            best = c
    if best is None:
        # postposed: "..., officials said."
        for c in sent.cues.get("report", ()):
            if c[0] > t.end and c[2] in _POSTPOSED_REPORT and _postposed(sent, c):
                best = c
                break
        if best is None:
            return None
    start, end, key = best
    if key in ("reportedly", "allegedly", "reports have emerged", "reports emerged", "report that", "reports that",
               "is said to", "are said to", "was said to", "were said to"):
        return (None, ())
    if key in ("according to", "as reported by"):
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
    phrase = _SPEAKER_FILLER.sub(" ", phrase)
    phrase = _SPACES.sub(" ", phrase).strip(" ,")
    phrase = _SPEAKER_TAIL.sub("", phrase)  # "President Trump has declined to" -> "President Trump"
    if key == "accused":
        phrase = sent.text[:start].strip(" ,")
        phrase = _TRAILING_AUX.sub("", phrase).strip()
    codes = tuple(c for m in sent.mentions if m.start >= seg_start and m.end <= seg_end + 1 for c in m.codes)
    if key == "accused":
        codes = tuple(c for m in sent.mentions if m.end <= start for c in m.codes)
    words = _words(phrase)
    if not words or len(words) > 10 or all(w in _VAGUE_SPEAKERS for w in words):
        return (None, codes)
    if not any(ch.isupper() for ch in phrase) and not codes:
        return (None, codes)
    rep = _REPORTED_BY.search(sent.text)
    if rep and rep.start() > start:
        phrase = f"{phrase}, as reported by {rep.group(1).strip()}"
    return (phrase, codes)


# --------------------------------------------------------------------------- filters


_WIDE_IRREALIS = frozenset({"prevent", "preventing", "to prevent", "avoid", "avoids", "avoiding", "avoided", "to avoid",
                            "extent to which", "degree to which", "seen as", "be seen as", "perceived as", "viewed as",
                            "regarded as", "why"})
_ASSAULT_ONLY_IRREALIS = frozenset({"potential", "possible", "hypothetical", "such", "future"})
_ADJACENT_IRREALIS = frozenset({"in exchange for", "in return for", "need of", "need for", "in need of", "in dire need of"})


def is_irrealis(sent: Sentence, t: TrigHit) -> bool:
    """A hypothetical, a question, or an act only warned against, avoided or wanted: not an event."""
    if sent.question:
        return True
    lo, hi = _clause(sent, t.start)
    if lo == 0 and sent.bounds and _INVERTED_CONDITIONAL.match(sent.low):
        return True  # "Should Azerbaijan attack Armenia, ...": a conditional by inversion
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
                if not _STOP_BEFORE.search(sent.low[max(0, t.start - 8):t.start]):
                    return True
    c = _cue_before(sent, "irrealis", t.start, lo, 7)
    if c is not None and _nw(sent, c[1], t.start) > 3 and c[2] not in _WIDE_IRREALIS:
        c = _cue_before(sent, "irrealis", t.start, lo, 3)
    if c is not None:
        gap = _nw(sent, c[1], t.start)
        if c[2] in _ASSAULT_ONLY_IRREALIS and (gap > 1 or t.trig.type != "ASSAULT"):
            return False
        if c[2] == "further" and (gap > 1 or t.trig.type != "ASSAULT"):
            return False
        if c[2] == "commitment to" and t.trig.type == "AGREE":
            return False
        if c[2] in _ADJACENT_IRREALIS:
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


# --------------------------------------------------------------------------- events from one trigger


def _fallback_target(sent: Sentence, t: TrigHit, src: list[str], ctx: Context) -> list[str]:
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
                victims = [c for c in _codes(right_target(sent, o, ASSAULT_PREPS, span=10)) if c not in src]
                if victims:
                    return victims[:1]
    if ctx.last_index.get(typ, -9) >= ctx.index - 1 and typ in ctx.last_by_type:
        s_, g_ = ctx.last_by_type[typ]
        if set(s_) & set(src):
            cand = [c for c in g_ if c not in src]
            if cand:
                return cand[:1]
    dyad = ctx.dyad()
    if len(dyad) == 2 and src and src[0] in dyad:
        return [c for c in dyad if c not in src][:1]
    others = [c for c in other_actors(sent, t, src) if t.trig.frame != "veto" or c not in _FORUMS]
    if others:
        return others[:1]
    return [c for c in dyad if c not in src][:1]


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


_IRREGULAR_PARTICIPLES = frozenset("sent sold given struck built lent met told sought bought got shown held hit made "
                                   "seen taken brought fought done".split())


def _participle(key: str) -> bool:
    head = key.split()[0]
    return head.endswith(("ed", "en")) or head in _IRREGULAR_PARTICIPLES


_PASSIVE_BEFORE = re.compile(r"\b(?:is|are|was|were|been|being|be)\s+(?:[\w-]+ly\s+)?$")


def _passive(sent: Sentence, t: TrigHit) -> bool:
    """'drones were delivered', 'is being supplied': a verb trigger in the passive."""
    return t.trig.pos == "verb" and _participle(t.key) and bool(_PASSIVE_BEFORE.search(sent.low[max(0, t.start - 20):t.start]))


def _passive_transfer(sent: Sentence, t: TrigHit) -> list[tuple[str, str | None]]:
    """'Iranian drones were delivered to Russia': with no 'by X', the origin adjective of the subject gives, the
    'to X' receives."""
    lo, _hi = _clause(sent, t.start)
    origin = [m for m in sent.mentions if lo <= m.start and m.end <= t.start and m.codes and m.kind == "adj"
              and m.role in ("mod", "maker", "agent") and not m.poss]
    tgt = right_target(sent, t, TRANSFER_PREPS, direct=False)
    if not origin or not tgt:
        return []
    return [(a, g) for a in _codes([origin[-1]]) for g in _codes(tgt) if a != g]


def _adjacent_agent(sent: Sentence, t: TrigHit) -> list[Mention]:
    """A possessor or adjective right before a nominal trigger ('Israeli strikes', "Russia's support")."""
    before = [m for m in sent.mentions if m.end <= t.start and m.codes]
    if before:
        m = before[-1]
        gap = sent.text[m.end + (2 if m.poss else 0):t.start]
        if m.role != "attr" and _modifier_gap(gap) and (m.poss or m.role in ("mod", "maker") or not gap.strip()):
            return _group(sent, m)
    return []


def _pairs_for(sent: Sentence, t: TrigHit, lex: Lexicon, ctx: Context) -> list[tuple[str, str | None]]:
    """(source, target) pairs for a trigger according to its frame."""
    trig = t.trig
    frame = trig.frame
    anaphoric = _anaphoric(sent, t)
    if _passive(sent, t) or (
            trig.pos == "verb" and t.key.endswith(("ed", "en")) and sent.low[t.end:t.end + 4] == " by "):
        # passive: "Iran was backed by Russia", "attacked by Israel"
        agent = [m for m in sent.mentions if m.start >= t.end and m.prep == "by" and _nw(sent, t.end, m.start) <= 4]
        if not agent and frame == "transfer":
            return _passive_transfer(sent, t)
        if not agent or frame == "joint":
            return []
        patient = left_agent(sent, t, lex, ctx)
        patients: list[str | None] = list(_codes(patient)) or [None]
        return [(a, p) for a in _codes(_group(sent, agent[0])) for p in patients if a != p]
    if trig.ties and trig.pos == "verb":
        lo, _hi = _clause(sent, t.start)
        subj = left_agent(sent, t, lex, ctx)
        if not subj or (subj[0].start < lo and not _starts_subordinate(sent, lex)) or (subj[0].poss and subj[0].kind != "pair"):
            return []  # "the pact enhances diplomatic ties": only states building ties is conduct
    if trig.type == "ASSAULT" and trig.pos == "noun" and anaphoric and _recent(ctx, "ASSAULT") and not _adjacent_agent(sent, t):
        src = []  # "the attacks": the attacker named before
        src_codes = list(ctx.last_by_type["ASSAULT"][0])
    else:
        src = left_agent(sent, t, lex, ctx)
        src_codes = _codes(src)
        if trig.type == "ASSAULT" and trig.pos == "noun" and src and not _adjacent_agent(sent, t) and not _by_agent(sent, t) and (any(
                o.end <= t.start and o.trig.type in SPEECH_TYPES for o in sent.triggers)
                or not _VERDICT_VERBS.isdisjoint(_prev_ws(sent, t.start, 3))):
            # "Turkey condemned the strikes on China", "Putin called the killing a murder": the speaker did not strike
            src, src_codes = [], []
    if frame == "joint":
        parts = list(src_codes)
        jpreps = JOINT_PREPS | {"to"} if t.key.endswith(" to") else JOINT_PREPS  # "spoke to X", "talked to X"
        for m in right_target(sent, t, jpreps, direct=trig.pos == "verb", span=10):
            for c in m.codes:
                if c not in parts:
                    parts.append(c)
        if len(parts) < 2:
            lo, hi = _clause(sent, t.start)
            for m in sent.mentions:
                if m.codes and lo <= m.start < hi and m.role not in ("attr", "maker", "mod") and (m.prep not in (
                        "in", "at", "against", "from", "by", "to", "over", "on", "like", "than") or (
                        m.prep == "to" and m.end <= t.start)):  # "sent jets to Azerbaijan for joint drills"
                    for c in m.codes:
                        if c not in parts and not c.endswith("_MILITIAS") and len(parts) < 2:
                            parts.append(c)
        if len(parts) < 2 and anaphoric and trig.type in ctx.last_by_type:
            s_, g_ = ctx.last_by_type[trig.type]
            parts = list(dict.fromkeys([*parts, *s_, *g_]))
        if len(parts) < 2:
            for c in ctx.dyad():
                if c not in parts and len(parts) < 2:
                    parts.append(c)
        if len(parts) < 2:
            return []
        parts = parts[:3]
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
        # who leaves is the subject (or possessor); where from is "from X" / "out of X"
        _lo, hi = _clause(sent, t.start)
        froms = [m for m in sent.mentions if t.end <= m.start < hi and m.prep in WITHDRAW_PREPS and not m.poss
                 and m.codes and not set(m.codes) & set(src_codes) and _nw(sent, t.end, m.start) <= 10]
        places: list[str | None] = list(_codes(_group(sent, froms[0]))) if froms else [None]
        return [(c, g) for c in src_codes for g in places if c != g]
    if frame == "cease":
        # "halted its strikes on Lebanon", "stop the bombing of the Houthis": aimed at whom the campaign was
        _lo, hi = _clause(sent, t.start)
        aimed = [m for m in sent.mentions if t.end <= m.start < hi and m.codes and m.kind != "pron"
                 and m.prep in ASSAULT_PREPS and _nw(sent, t.end, m.start) <= 8 and not set(m.codes) & set(src_codes)]
        targets: list[str | None] = list(_codes(_group(sent, aimed[0]))) if aimed else [None]
        return [(c, g) for c in src_codes for g in targets if c != g]
    if frame == "intercept":
        return [(c, g) for c in src_codes for g in _intercepted_for(sent, t, src_codes, ctx) if c != g]
    if frame == "mobilize":
        if not src_codes and _passive(sent, t):
            lo, _hi = _clause(sent, t.start)
            origin = [m for m in sent.mentions if lo <= m.start and m.end <= t.start and m.codes and m.kind == "adj"]
            src_codes = _codes(origin[-1:])
        return [(c, None) for c in (src_codes or list(ctx.prev_subject[:1]))]
    if frame == "mediate":
        # mediation is CONSULT towards each party (news convention 8): those named after it, else in the sentence
        srcs = src_codes or list(ctx.prev_subject[:1])
        _lo, hi = _clause(sent, t.start)
        after = [c for m in sent.mentions if t.end <= m.start < hi and m.codes and m.role != "attr" for c in m.codes]
        anywhere = [c for m in sent.mentions if m.codes and m.role != "attr" for c in m.codes]
        party_codes = [c for c in dict.fromkeys(after or anywhere) if c not in srcs][:3]
        parties: list[str | None] = list(party_codes) if party_codes else [None]
        return [(c, g) for c in srcs for g in parties if c != g]
    if frame == "receive":
        giver = right_target(sent, t, frozenset({"from"}), direct=False)
        return [(g, r) for g in _codes(giver) for r in src_codes if g != r] if giver and src_codes else []
    recipient = False
    if trig.type in ("AID", "SUPPORT") and trig.pos == "noun":
        left = sent.text[max(0, t.start - 60):t.start]
        if lex.recipient_re.search(left):
            recipient = True
    if recipient:
        # "Iran cannot expect full military backing (from Russia)": the subject receives.
        giver = right_target(sent, t, frozenset({"from", "by"}), direct=False)
        gcodes = _codes(giver) or _fallback_target(sent, t, src_codes, ctx)
        return [(g, r) for g in gcodes for r in src_codes if g != r]
    tgt: list[Mention]
    if frame == "transfer":
        tgt = right_target(sent, t, TRANSFER_PREPS)
        if not src_codes:
            hi = _object_end(sent, t, 10)
            for m in sent.mentions:
                if t.end <= m.start < hi and m.role in ("mod", "maker") and m.codes and (not tgt or m.codes[0] not in _codes(tgt)):
                    src_codes = list(m.codes)
                    break
    elif frame == "assault":
        tgt = right_target(sent, t, ASSAULT_PREPS, span=10)
        if not tgt:
            for m in sent.mentions:
                if m.codes and m.prep == "in" and m.codes[0] not in src_codes and m.role != "attr":
                    tgt = [m]
                    break
    elif frame == "request":
        tgt = right_target(sent, t, REQUEST_PREPS)
        lo, _hi = _clause(sent, t.start)
        if trig.pos == "noun" and _REJECTED_BEFORE.search(sent.low[max(lo, t.start - 60):t.start]):
            # "Russia declined Yerevan's request": the request was made to the one who declined it
            decliner = [m for m in sent.mentions if lo <= m.start < t.start and _subject_ok(m) and not m.poss
                        and not set(m.codes) & set(src_codes)]
            if decliner:
                tgt = _group(sent, decliner[0])
    elif frame == "speech":
        hi = _object_end(sent, t, 12)
        inner = [o for o in sent.triggers if o is not t and o.trig.type == "ASSAULT" and t.end <= o.start <= hi]
        tgt = right_target(sent, t, SPEECH_PREPS, span=6 if trig.pos == "noun" else 12)
        if inner and (not tgt or tgt[0].start > inner[0].start):
            # "condemned the strikes on Iran": the statement is aimed at the attacker
            codes = _assault_source(sent, t, lex, ctx)
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
        if not tgt and trig.type == "ACCUSE" and _ATTACK_WORDS.search(sent.low):
            codes = _assault_source(sent, t, lex, ctx)
            if codes:
                return [(c, g) for c in (src_codes or list(ctx.prev_subject[:1])) for g in codes if c != g]
    elif frame == "veto":
        # the forum (UN, Security Council) is not the target; whoever the vetoed text named is
        _lo, hi = _clause(sent, t.start)
        named = [m for m in sent.mentions if t.end <= m.start < hi and m.codes and m.role != "attr"
                 and not set(m.codes) <= _FORUMS and not set(m.codes) & set(src_codes) and _nw(sent, t.end, m.start) <= 15]
        tgt = _group(sent, named[0]) if named else []
    elif frame == "sanction":
        if not src_codes:
            return []
        tgt = right_target(sent, t, frozenset({"on", "against"}), direct=False)
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
        preps = COOP_PREPS if trig.type == "COOPERATE" else INTERVENTION_PREPS if trig.mode == "intervention" else DIRECT_PREPS
        last = t.key.rsplit(" ", 1)[-1]
        if last in PREPS:
            preps = preps | {last}  # "refused to negotiate with X": the phrase's own preposition takes the target
        tgt = right_target(sent, t, preps)
        if "possessor" in trig.need:
            before = [m for m in sent.mentions if m.end <= t.start and m.codes]
            if before and before[-1].poss and _modifier_gap(sent.text[before[-1].end + 2:t.start]):
                tgt = _group(sent, before[-1])
                src = left_agent(sent, t, lex, ctx, pos=before[-1].start)
                if before[-1].kind == "pron" and set(_codes(src)) == set(_codes(tgt)):
                    tgt = []
                    src_codes = _codes(src)
                    return [(c, g) for c in src_codes for g in _fallback_target(sent, t, src_codes, ctx) if c != g]
                src_codes = [c for c in _codes(src) if c not in _codes(tgt)]
                if not src_codes:
                    prior = [m for m in sent.mentions if m.end <= before[-1].start and m.codes and m.role not in ("attr",)
                             and not set(m.codes) & set(_codes(tgt))]
                    src_codes = list(prior[-1].codes) if prior else []
            elif not tgt or sent.low[t.end:t.end + 4] != " of ":
                return []
    tgt_codes = _codes(tgt)
    if tgt and all(m.kind == "pron" for m in tgt) and set(tgt_codes) <= set(src_codes):
        tgt_codes = _fallback_target(sent, t, src_codes, ctx)  # "Moscow coming to its defence": its is not Moscow
    if trig.type == "ASSAULT" and not tgt_codes and src_codes and "ASSAULT" in ctx.last_by_type:
        s_, g_ = ctx.last_by_type["ASSAULT"]
        if set(s_) & set(src_codes):
            tgt_codes = [c for c in g_ if c not in src_codes]
    if trig.type == "ASSAULT" and not tgt_codes and src_codes and trig.pos == "noun" and (
            _adjacent_agent(sent, t) or _by_agent(sent, t)) and not {"a", "an", "any"} & set(_prev_ws(sent, t.start, 3)):
        tgt_codes = _assault_fallback_target(sent, t, src_codes, ctx)
    # Missing arguments: anaphora ("This supply ...", "the attacks") and the document's dyad.
    if not src_codes:
        family = [trig.type] + (["AID", "SUPPORT"] if trig.type in ("AID", "SUPPORT") else [])
        if trig.type == "ASSAULT":
            if trig.pos == "noun" and _recent(ctx, "ASSAULT"):
                src_codes = list(ctx.last_by_type["ASSAULT"][0])
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
    if not tgt_codes and anaphoric and trig.type in ctx.last_by_type:
        tgt_codes = [c for c in ctx.last_by_type[trig.type][1] if c not in src_codes]
    if not tgt_codes and trig.type in DYAD_TYPES and not _object_is_a_thing(sent, t):
        tgt_codes = _fallback_target(sent, t, src_codes, ctx)
    if not tgt_codes and ("target" in trig.need or trig.type == "ASSAULT"):
        return []
    out: list[tuple[str, str | None]] = []
    for code in src_codes:
        if tgt_codes:
            out.extend((code, g) for g in tgt_codes if code != g)
        else:
            out.append((code, None))
    return out


def _intercepted_for(sent: Sentence, t: TrigHit, src: list[str], ctx: Context) -> list[str]:
    """Whom an interception defends: the one attacked in this sentence ('missiles fired at Israel') or in the
    last attack coded just before; nobody if that is the interceptor itself (self-defence is no aid)."""
    hi = _object_end(sent, t, 8)
    origin = {c for m in sent.mentions if t.end <= m.start < hi and m.kind == "adj" for c in m.codes}  # "Iranian missiles"
    for o in sent.triggers:
        if o.start != t.start and o.trig.type == "ASSAULT":
            victims = _codes(right_target(sent, o, ASSAULT_PREPS, span=10))
            if victims:
                return [c for c in victims if c not in src and c not in origin][:1]
    if _recent(ctx, "ASSAULT"):
        attackers, last_victims = ctx.last_by_type["ASSAULT"]
        if last_victims and not set(last_victims) & set(src) and not set(attackers) & set(src) and (
                not origin or origin & set(attackers)):
            return list(last_victims[:1])
    return []


def _by_agent(sent: Sentence, t: TrigHit) -> list[Mention]:
    """'strikes by Israel and the United States', 'the attack on Iran by X': the agent after a nominal trigger,
    past its target."""
    _lo, hi = _clause(sent, t.start)
    for m in sent.mentions:
        if m.start >= t.end and m.codes:
            if m.start >= hi or _nw(sent, t.end, m.start) > 8:
                break
            if m.prep == "by":
                return _group(sent, m)
            if m.prep not in ASSAULT_PREPS:
                break
    return []


def _assault_fallback_target(sent: Sentence, t: TrigHit, src: list[str], ctx: Context) -> list[str]:
    """The attacked when the text leaves them implicit ("following Israeli strikes in June", "killed in air
    strikes by X"): another actor of the sentence, else the document's other main actor."""
    others = other_actors(sent, t, src)
    if others:
        return others[:1]
    return []


_THING_OBJECT = re.compile(r"\s+(?:against\b|itself\b|themselves\b|(?:the|its|his|her|their|this|that)\s+"
                           r"(?!country\b|nation\b|state\b|kingdom\b|republic\b|ally\b|allies\b|partner\b|island\b)"
                           r"[a-z-]+\b)")


def _object_is_a_thing(sent: Sentence, t: TrigHit) -> bool:
    """'Washington defended the operation', 'to defend against threats': the object slot of a directed verb holds a
    thing or nothing, so the act has no implicit state target."""
    if t.trig.pos != "verb" or t.trig.frame != "directed" or t.trig.type != "AID":
        return False
    m = _THING_OBJECT.match(sent.low, t.end)
    if not m:
        return False
    # "defending its NATO partners", "defend the energy-rich nation of Qatar": a state after all
    return not any(t.end <= x.start and _nw(sent, t.end, x.start) <= 4 and x.codes for x in sent.mentions)


def _anaphoric(sent: Sentence, t: TrigHit) -> bool:
    """'This supply', 'these warnings', 'the attacks' (the last only for attacks): an event named before.
    Only a noun is anaphoric ('the Houthis have attacked' names a new act)."""
    if t.trig.pos != "noun":
        return False
    prev = _prev_ws(sent, t.start, 4)
    dets = ("this", "these", "such", "those", "the") if t.trig.type == "ASSAULT" else ("this", "these", "such", "those")
    return any(w in dets for w in prev[-3:])


def _needs_ok(sent: Sentence, t: TrigHit, lex: Lexicon) -> bool:
    trig = t.trig
    need = trig.need
    if "agree_object" in need:
        hi = _object_end(sent, t, 8)
        if not any(s >= t.end and e <= hi for s, e, _, _ in sent.agree_nouns) and not (
            trig.pos == "noun" and any(s >= t.end and s - t.end < 40 for s, e, _, _ in sent.agree_nouns)):
            return False
    if "agent" in need and not (_adjacent_agent(sent, t) or _by_agent(sent, t)):
        return False
    if "warn_object" in need and t.key.startswith(("tell", "told")):
        if not _TELL_NOT_TO.match(sent.text[t.end:t.end + 40]):
            return False
    if trig.obj == "capability":
        hi = _object_end(sent, t, 8)
        if "capabilit" not in sent.low[t.end:hi]:
            return False
    elif trig.obj is not None:
        hi = _object_end(sent, t, 8)
        if lex.object_words[trig.obj].isdisjoint(_ws(sent, t.end, hi)):
            return False
    return True


def _document_content(sent: Sentence, t: TrigHit, lex: Lexicon) -> bool:
    """'vetoed a resolution condemning X': the -ing verb says what the vetoed text says, no act of the subject."""
    if t.trig.pos != "verb" or not t.key.endswith("ing"):
        return False
    before = _prev_ws(sent, t.start, 1)
    if not before or before[0] not in lex.document_nouns:
        return False
    return any(o.end <= t.start and _nw(sent, o.end, t.start) <= 8 and (
        o.trig.frame == "veto" or o.trig.type == "REJECT" or (o.trig.type == "AID" and o.trig.mode == "diplomatic"))
        for o in sent.triggers)


def _agree_noun_events(sent: Sentence, lex: Lexicon) -> list[TrigHit]:
    """Agreement nouns governed by a signing verb or 'marked by/through': pseudo-triggers for AGREE."""
    out: list[TrigHit] = []
    for s, e, mode, key in sent.agree_nouns:
        if any(0 < s2 - e <= 2 for s2, _e2, _m2, _k2 in sent.agree_nouns):
            continue  # "a strategic partnership treaty": the head noun ("treaty") names the agreement
        lo, hi = _clause(sent, s)
        left = sent.text[max(lo, s - 60):s]
        right = sent.text[e:min(len(sent.text), e + 70)]
        left_words = _words(left)[-5:]
        governed = bool(lex.agree_governors.search(" ".join(left_words))) or bool(
            _SIGNING_AFTER.search(" ".join(_words(right)[:12])))
        if _DESPITE.search(" ".join(_ws(sent, max(0, s - 60), s)[-6:])):
            governed = False
        if governed:
            one_sided = _PROMISE_TO_SIGN.search(sent.low[max(lo, s - 60):s])
            trig = Trigger("AGREE", "noun", "directed" if one_sided else "joint", mode, None, frozenset(), False, False, False,
                           False, None, None)
            out.append(TrigHit(s, e, trig, key))
    return out


_LIGHT_AID = re.compile(r"\b(?:offer|offers|offered|offering|provide|provides|provided|providing|give|gives|gave|giving|"
                        r"extend|extends|extended|extending|lend|lends|lent|lending)\b(?:\s+[\w'-]+){0,3}\s*$", re.I)
_APPOSITIVE_TAIL = re.compile(r"'s?\s+(?:[\w-]+\s+){0,2}?(?:ally|allies|partner|partners|neighbour|neighbor|friend|backer|"
                              r"patron|client|protector|rival|arch-rival|archrival|foe|enemy)\s*,")
_VERDICT_VERBS = frozenset("called calls call described describes describe labelled labeled termed branded dubbed "
                            "denounced decried deplored".split())
_OBJECT_PRONOUN_GAP = re.compile(r"\s+(?:\w+\s+){0,3}?(?:to\s+)?[a-z]+\s+")  # "Moscow failed to defend it"
_TO_VERB_GAP = re.compile(r"\s+to\s+(?:[a-z]+ly\s+)?[a-z-]+\s+")  # "X to halt its", "X to quickly end their"
# a refusal verb and up to four words ("declined Yerevan's", "turned down the")
_REFUSED = r"\b(?:declin|reject|refus|rebuff|ignor|den(?:y|ied|ies)|turn(?:ed|s|ing)?\s+down)\w*\s+(?:[\w.'-]+\s+){0,4}?"
_REJECTED_BEFORE = re.compile(_REFUSED + r"$", re.I)
_DECLINED_REQUEST = re.compile(
    _REFUSED + r"(?:request|requests|appeal|appeals|plea|pleas|call|calls)\s+for\s+(?:[\w-]+\s+){0,2}$", re.I)
_VOICED_BEFORE = re.compile(r"\b(?:voic|express|reiterat|reaffirm|affirm|declar|underlin|emphasi[sz]|stress|signal)\w*"
                            r"(?:\s+(?:its|their|his|her|the|full|strong|firm|unwavering|continued|public))*\s+$", re.I)
_BY_MEANS = re.compile(r"^\s*(?:[\w'-]+\s+){0,3}by\s+\w+ing\b", re.I)


_COPULA_AFTER = re.compile(r"^\s*(?:for\s+(?:the\s+)?[\w.' -]+?\s*)?(?:,[^,]*,\s*)?(?:often\s+|still\s+|also\s+)?"
                           r"(?:remains?|remained|is|was|are|were|appears?|seems?|manifests?|has been|had been)\b", re.I)
_COME_TO = re.compile(r"\b(?:come|comes|came|coming|rush|rushes|rushed|rushing)\s+to\s+(?:the\s+)?[\w'.-]+(?:\s+[\w'.-]+)?'s?\s+$")
_UN_WORDS = re.compile(r"\b(?:UN|U\.N\.|United Nations|Security Council|veto|resolutions?)\b")


def _retype(sent: Sentence, t: TrigHit, lex: Lexicon) -> TrigHit | None:
    """Context that changes a trigger's type: support offered or military is aid; 'seek to' is no request."""
    trig = t.trig
    left = sent.text[max(0, t.start - 60):t.start]
    if trig.type in ("AID", "SUPPORT") and trig.pos == "noun" and " for " in left and _DECLINED_REQUEST.search(left):
        # "Russia declined Yerevan's request for help": help withheld from the one who asked
        mode = trig.mode if trig.mode != "auto" else None
        new = Trigger("AID", "noun", "declined", mode, None, frozenset(), False, True, False, False, None, None)
        return TrigHit(t.start, t.end, new, t.key)
    if trig.type == "THREATEN" and t.key.startswith(("tell", "told")) and _TELL_TO.match(sent.text[t.end:t.end + 40]):
        # "told Beijing to abide by the ruling": an order, a request (not "told X not to", a warning)
        new = Trigger("REQUEST", "verb", "request", "auto", None, frozenset({"target"}), False, False, False, False, None, None)
        return TrigHit(t.start, t.end, new, t.key)
    if trig.type in ("AID", "SUPPORT") and trig.pos == "noun" and lex.wanting_re.search(left):
        return None  # "Iran may demand more support": wanted, not given (the REQUEST is coded)
    if trig.type == "SUPPORT":
        if _BY_MEANS.match(sent.text[t.end:t.end + 60]):
            return None  # "support Iran by supplying weapons": the means is the event
        if trig.pos == "noun" and trig.mode == "auto" and _COPULA_AFTER.match(sent.text[t.end:t.end + 60]):
            return None  # "Russia's support for Iran remains pragmatic": a characterisation, not an act
        hi = _object_end(sent, t, 8)
        light = trig.pos == "noun" and _LIGHT_AID.search(left)
        if trig.mode == "diplomatic" and _UN_WORDS.search(sent.text[t.end:hi]):
            new = Trigger("AID", trig.pos, "transfer", "diplomatic", None, trig.need - {"target"}, False, False, False, False, None, None)
            return TrigHit(t.start, t.end, new, t.key)
        if trig.pos == "noun" and trig.mode == "auto" and _VOICED_BEFORE.search(left):
            # "voiced support for X's security concerns": words of support, whatever the object's domain
            new = Trigger("SUPPORT", "noun", "directed", "rhetorical", None, trig.need, False, False, False, False, None, None)
            return TrigHit(t.start, t.end, new, t.key)
        if trig.mode == "auto":
            doms = _domain_hits(sent, _left_mod_start(sent, t), hi)
            if light or "military" in doms or "intervention" in doms:
                new = Trigger("AID", trig.pos, "transfer" if light else "directed", "auto", "military", trig.need - {"target"},
                              False, False, False, False, None, None)
                return TrigHit(t.start, t.end, new, t.key)
    if trig.type == "REQUEST" and trig.pos == "verb":
        after = sent.text[t.end:t.end + 60]
        if _TO_AFTER.match(after) and not t.key.startswith(("appeal", "turn")):
            return None  # "seek to bolster": an attempt, not a request
        if t.key.startswith(("push", "press", "urg")) and not _WORDS_THEN_TO.match(after):
            return None  # "pressing imperatives", "push them closer"
    if trig.type == "AID" and trig.light and trig.frame == "transfer" and any(d == "intelligence" for _, _, d in sent.domains):
        doms = _domain_hits(sent, t.end, _object_end(sent, t, 8))
        if "intelligence" in doms and not {"military", "economic", "intervention"} & set(doms):
            # "provided satellite imagery to Russia": intelligence passed on is intelligence cooperation
            new = Trigger("COOPERATE", trig.pos, "transfer", "intelligence", None, frozenset({"target"}), False, False, False,
                          False, None, None)
            return TrigHit(t.start, t.end, new, t.key)
    if trig.type == "ASSAULT" and trig.pos == "verb" and t.key.startswith(("shoot", "shot", "down")) and not \
            lex.object_words["projectiles"].isdisjoint(_ws(sent, t.end, _object_end(sent, t, 8))):
        # "shot down the missiles": an interception, which defends the one they were fired at
        new = Trigger("AID", "verb", "intercept", "intervention", None, frozenset(), False, False, False, False, None, None)
        return TrigHit(t.start, t.end, new, t.key)
    if trig.untargeted and not right_target(sent, t, TRANSFER_PREPS) and (
            set(modes_for(sent, t, lex)) & {"military", "intervention"}):
        # "deployed warships near Iran": forces raised or moved with no beneficiary named
        new = Trigger(trig.untargeted, trig.pos, "mobilize", None, None, frozenset(), False, False, False, False, None, None)
        return TrigHit(t.start, t.end, new, t.key)
    if trig.type == "AID" and trig.light and t.key.startswith("offer"):
        hi = _object_end(sent, t, 8)
        if set(_ws(sent, t.end, hi)) & lex.offer_objects:
            new = Trigger("AGREE", "verb", "directed", None, None, frozenset(), False, False, False, False, None, None)
            return TrigHit(t.start, t.end, new, t.key)
    if trig.type == "AGREE" and _PROMISE_TO_BEFORE.search(
                                          sent.low[max(0, t.start - 30):t.start] + ("" if trig.pos == "verb" else "")):
        new = Trigger("AGREE", trig.pos, "directed", trig.mode, trig.default, trig.need, False, False, False, False, None, None)
        return TrigHit(t.start, t.end, new, t.key)
    if trig.type == "AID" and trig.pos == "noun" and t.key in ("aid", "assistance", "rescue", "help") and _COME_TO.search(
            sent.low[max(0, t.start - 60):t.start]):
        # "did not come to Yerevan's aid": intervention for the possessor
        new = Trigger("AID", "noun", "directed", "intervention", None, frozenset({"possessor"}), False, False, False, False, None, None)
        return TrigHit(t.start, t.end, new, t.key)
    return t


_TIES_WORDS = ("ties", "relations", "links", "relationship", "bonds", "contacts", "partnership", "cooperation")
_TIES_HINT = re.compile(r"\b(?:" + "|".join(_TIES_WORDS) + r")\b")


def _extra_triggers(sent: Sentence, lex: Lexicon) -> list[TrigHit]:
    """Triggers found by rules rather than phrases: agreements signed, ties built, weapons made by one actor."""
    out = _agree_noun_events(sent, lex)
    low = sent.low
    hint = ("ties" in low or "relation" in low or "links" in low or "bonds" in low or "contacts" in low
            or "partnership" in low or "cooperation" in low) and _TIES_HINT.search(low)  # substrings first: cheap
    for hit in (lex.ties.finditer(sent.text) if hint else ()):
        trig = Trigger("COOPERATE", "verb", "joint", "auto", "diplomatic", frozenset(), False, False, True, True, None, None)
        out.append(TrigHit(hit.start(), hit.end(), trig, hit.group().lower()))
    for m in sent.mentions:
        if m.role == "maker" and any(s >= m.end and s - m.end < 30 and d == "military" for s, _, d in sent.domains):
            trig = Trigger("AID", "noun", "transfer", "military", None, frozenset(), False, False, False, False, None, None)
            out.append(TrigHit(m.start, m.end, trig, "made"))
    return out


def code_sentence(sent: Sentence, lex: Lexicon, ctx: Context, dates: list[DateMention]) -> list[CodedEvent]:
    """All events of one analysed sentence."""
    events: list[CodedEvent] = []
    seen: set[tuple] = set()
    raw = [t for t in sent.triggers if t.trig.type] + _extra_triggers(sent, lex)
    if any(t.trig.ties for t in raw):
        # a sentence that names the cooperation itself needs no second record from "deepened ties"
        if any(t.trig.type == "COOPERATE" and not t.trig.ties for t in raw):
            raw = [t for t in raw if not t.trig.ties]
    reverse = "vice versa" in sent.low
    mediators: set[str] | None = None  # the sources of a mediation in this sentence, computed when needed
    for t0 in raw:
        t = _retype(sent, t0, lex)
        if t is None or t.trig.type is None:
            continue
        etype: str = t.trig.type
        if etype == "AID" and t.trig.pos == "noun" and any(o.trig.type == "AGREE" and o.start == t.start for o in raw):
            continue  # "signed an arms deal": an agreement now, its deliveries to come (convention 4)
        modes = modes_for(sent, t, lex)
        if t.trig.light and t.trig.type == "AID" and modes == [None]:
            continue
        if is_irrealis(sent, t) or not _needs_ok(sent, t, lex) or _document_content(sent, t, lex):
            continue
        if "mode" in t.trig.need and (not modes or modes == [None]):
            continue
        if etype == "AGREE" and modes == [None] and ctx.last_agree_mode and _recent(ctx, "AGREE") and (
                set(_prev_ws(sent, t.start, 2)) & {"the", "this", "that"}):
            modes = [ctx.last_agree_mode]  # "the accord was ratified": the treaty named just before
        pairs: list[tuple[str, str | None]]
        if t.key == "made":
            src = [t_m for t_m in sent.mentions if t_m.start == t.start]
            sc = _codes(src)
            others = [c for c in other_actors(sent, t, sc) if not c.endswith("_MILITIAS")]
            dyad = ctx.dyad()
            if sc and sc[0] in dyad and len(dyad) == 2:
                others = [c for c in dyad if c != sc[0]]
            pairs = [(sc[0], others[0])] if sc and others else []
        else:
            pairs = _pairs_for(sent, t, lex, ctx)
        if not pairs:
            continue
        if t.trig.pos == "noun" and t.trig.frame in ("speech",) and not _explicit(sent, t, pairs):
            continue
        if t.trig.pos == "noun" and not _nominal_ok(sent, t, modes, lex):
            continue
        if etype == "CONSULT" and t.trig.frame == "joint" and mediators is None:
            mediators = {p[0] for o in raw if o.trig.frame == "mediate" for p in _pairs_for(sent, o, lex, ctx)}
        if etype == "CONSULT" and t.trig.frame == "joint" and mediators:
            # "Qatar mediated talks between Israel and Hamas": the parties talk; the mediator consults each of them
            pairs = [p for p in pairs if p[0] not in mediators and p[1] not in mediators]
            if not pairs:
                continue
        if etype == "COOPERATE" and t.trig.frame == "joint" and modes == ["intelligence"]:
            giver = _codes(left_agent(sent, t, lex, ctx))
            if len(giver) == 1 and any(p[0] == giver[0] for p in pairs):
                # "its intelligence sharing with Kyiv": intelligence passed one way (news convention 3)
                pairs = [p for p in pairs if p[0] == giver[0]]
        neg = negated(sent, t)
        speaker = speaker_of(sent, t)
        modality = modality_of(sent, t, [p[0] for p in pairs], speaker)
        attribution = speaker[0] if speaker else None
        if attribution and modality == "asserted":
            attribution = None
        date = date_for(sent, t, dates)
        if reverse and t.trig.frame != "joint":
            pairs = pairs + [(g, s_) for s_, g in pairs if g]
        for s_, g in pairs:
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
    return _merge(events)


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
            return (subject, other)
    return None


_OF_NP = frozenset("their this its the a an deeper closer continued further mutual bilateral such greater more".split())


def _nominal_ok(sent: Sentence, t: TrigHit, modes: list[str | None], lex: Lexicon) -> bool:
    """A nominal trigger names an event only with its actors in view: not 'this support has limits',
    'a history of cooperation', 'military aid limitations'."""
    nxt = sent.words[bisect_left(sent.starts, t.end):][:1]
    if nxt and nxt[0] in lex.nonevent_heads and sent.text[t.end:t.end + 1] == " ":
        return False
    typ = t.trig.type
    if typ == "SUPPORT":
        lo, _hi = _clause(sent, t.start)
        has_source = any(lo <= m.start < t.start and m.codes and m.role != "attr" for m in sent.mentions)
        if not has_source and not right_target(sent, t, DIRECT_PREPS, span=6):
            return False
    if typ == "COOPERATE" and modes == [None]:
        prev = _prev_ws(sent, t.start, 4)
        while prev and prev[-1] in _OF_NP:
            prev.pop()
        if prev and prev[-1] in ("of", "for"):
            return False
    return True


def _explicit(sent: Sentence, t: TrigHit, pairs: list[tuple[str, str | None]]) -> bool:
    """A nominal speech act ('warnings') needs a named target or an anaphoric determiner."""
    if any(g for _, g in pairs):
        return True
    return _anaphoric(sent, t)


def _merge(events: list[CodedEvent]) -> list[CodedEvent]:
    """Drop an event that repeats another with the same actors and type but no mode, or only differs by polarity noise."""
    out: list[CodedEvent] = []
    for e in events:
        if e.mode is None and any(o.source == e.source and o.event == e.event and o.target == e.target and o.negated == e.negated
                                  and o.mode is not None for o in events):
            continue
        out.append(e)
    return out


def _update_context(sent: Sentence | None, ctx: Context) -> None:
    ctx._dyad = None
    if sent is None:
        ctx.prev_codes = ()
        return
    codes: list[str] = []
    subject: tuple[str, ...] = ()
    first = sent.bounds[0] if sent.bounds and sent.low.lstrip(" \"'").split(" ", 1)[0].strip(",") in lexicon().subordinators else -1
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
    groups = [m for m in sent.mentions if m.kind == "group" and m.codes]
    if groups:
        ctx.last_group, ctx.last_group_index = groups[-1].codes[:1], ctx.index
    elif ctx.index - ctx.last_group_index > 2:
        ctx.last_group = ()  # convention 6: an antecedent in the same or the previous two sentences


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


def code_sentences(sentences: Sequence[str], published: str | None = None) -> list[list[CodedEvent]]:
    """Code the sentences of one document, in order: the events of each sentence.

    Sentences over MAX_CODED_CHARS are coded window by window and their events
    merged (identical records once), which keeps the time per sentence bounded.
    """
    if all(len(s) <= MAX_CODED_CHARS for s in sentences):
        return _code_sentences(sentences, published)
    windows: list[str] = []
    owner: list[int] = []
    for i, sentence in enumerate(sentences):
        for window in sentence_windows(sentence):
            windows.append(window)
            owner.append(i)
    out: list[list[CodedEvent]] = [[] for _ in sentences]
    for i, events in zip(owner, _code_sentences(windows, published)):
        for event in events:
            if event not in out[i]:
                out[i].append(event)
    return out


def _code_sentences(sentences: Sequence[str], published: str | None = None) -> list[list[CodedEvent]]:
    """Code the sentences of one document, in order: the events of each sentence.

    `published` (ISO date) anchors relative dates ("last year"); without it,
    the latest full date in the document anchors "last year" and "... ago",
    and a bare month stays None. A sentence whose words include no trigger
    is skipped after a set lookup; its actors are read only if the next
    sentence needs them for coreference.
    """
    lex = lexicon()
    texts = [normalise(s) for s in sentences]
    anchor = parse_anchor(published)
    found = {i: find_dates(t, anchor) for i, t in enumerate(texts) if _date_hint(t)}
    present = anchor or latest_full_date(list(found.values()))
    if anchor is None and present is not None:
        for i in found:
            if _RELATIVE_HINT.search(texts[i]):
                found[i] = find_dates(texts[i], None, present)
    full_years = {i: int(d.iso[:4]) for i, ds in found.items() for d in ds if d.iso and len(d.iso) == 10 and not d.needs_passage_year}
    ctx = Context(anchor=anchor, year=present[0] if present else None)
    out: list[list[CodedEvent]] = []
    scanned = -1  # the last sentence whose actors are in the context
    prose = False  # whether body text (a sentence that is no heading) has begun
    for i, text in enumerate(texts):
        ctx.index = i
        heading = is_heading(text)
        if lex.trigger_words.isdisjoint(_plain_words(text)) or (heading and (prose or _TOPIC_HEADLINE.search(text))):
            # a headline before the body is article text (news convention 10); a section heading inside it names a topic
            prose = prose or _ENDS_PROSE.search(text) is not None
            out.append([])
            continue
        prose = prose or _ENDS_PROSE.search(text) is not None
        if scanned < i - 1 and i > 0:
            prev = scan(texts[i - 1], lex, ctx.year)  # the sentence before, for pronouns
            resolve_corefs(prev, ctx)
            _update_context(prev, ctx)
        sent = scan(text, lex, ctx.year)
        resolve_corefs(sent, ctx)
        dates = _resolve_dates(found.get(i, []), i, present, anchor, full_years)
        out.append(code_sentence(sent, lex, ctx, dates) if sent.triggers or sent.agree_nouns else [])
        _update_context(sent, ctx)
        scanned = i
    return out


# an explainer's headline names a topic ("Unpacking Moscow's Support For Tehran", "Why X Backs Y"), not an event
_TOPIC_HEADLINE = re.compile(r"(?:^|[:?]\s+)(?:[A-Z][a-z]+ing|Why|How|What|Inside|Explainer|Analysis)\b")
_ENDS_PROSE = re.compile(r"[.!?][\"'\u201d\u2019)]*\s*$")  # a body sentence ends so; a site name or menu line does not
_SMALL_WORDS = frozenset("a an the and or of for to in on at by with from as vs versus".split())


def is_heading(text: str) -> bool:
    """A title-case line without final punctuation ('Reciprocal Support: Drones for Defense Systems'):
    a heading names a topic, it reports no event."""
    if not text or text.rstrip()[-1:] in ".!?\"')”’":
        return False
    words = [w for w in text.split() if w[:1].isalpha()]
    content = [w for w in words if w.lower() not in _SMALL_WORDS]
    return len(content) >= 2 and sum(w[0].isupper() for w in content) >= 0.75 * len(content)


_DATE_HINT = re.compile(r"\d|\b(?:last|next|this|ago|prior|January|February|March|April|May|June|July|August|September|"
                        r"October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_DIGIT = re.compile(r"\d")
_DIGIT_ASCII = re.compile(r"\d", re.ASCII)
# _DATE_HINT's words without the leading \b: a search the engine starts only at their first letters (fast);
# a hit is confirmed with _DATE_HINT itself
_DATE_WORD_QUICK = re.compile(r"(?:last|next|this|ago|prior|January|February|March|April|May|June|July|August|"
                              r"September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|"
                              r"Saturday|Sunday)\b")
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
