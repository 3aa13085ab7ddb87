"""The event lexicon: triggers, cue words, domains and actors compiled into one trie regex (casus/data/events.yaml)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from casus.datafiles import read_yaml
from casus.errors import CasusError
from casus.events.actors import (
    ACTOR_KINDS,
    ActorEntry,
    acronym_surfaces,
    gazetteer,
    pick,
)
from casus.events.words import _NORM, _SPACES
from casus.months import MONTHS
from casus.text.patterns import trie_regex

MONTH_NAMES = frozenset(m.lower() for m in MONTHS)


# --------------------------------------------------------------------------- lexicon


@dataclass(frozen=True, slots=True)
class Frame:
    """One named argument structure (the `frames` table of data/events.yaml): which phrase is the source, which
    the target, the prepositions that take the target, and what the object must hold."""

    name: str
    roles: str  # the role procedure that fills the slots (one of ROLE_PROCEDURES, casus.events.roles)
    source: str  # where the source is (one of SLOTS)
    target: str  # where the target is (one of SLOTS)
    preps: frozenset[str] | None = None  # prepositions that introduce the target; None: the procedure's own
    obj: str | None = None  # object list (object_words) a row of this frame needs unless it names its own
    fallback: bool = True  # a target the sentence leaves out may come from the context (earlier sentences, the pair)
    absorbs: bool = False  # a trigger naming the object ("halted its airstrikes") is part of this event, no event of its own
    unless: str | None = None  # object list (object_words) whose words as the object make the trigger no event ("meet the target")


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
    unmoded: str | None = None  # the type this trigger has when its `modes` find no mode ("helped Iran": AID)
    withheld: str | None = None  # the type (mode intervention) this trigger has when negated ("failed to stand by X": AID)
    args: Frame | None = None  # the named frame of its row (`frame` above is that frame's role procedure)


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
    agree_one_sided: re.Pattern[str]  # ratifying, signing into law: one party's own act on an agreement
    assault_modes: dict[str, str]
    agent_nouns: frozenset[str]
    attribution_nouns: frozenset[str]
    control_re: re.Pattern[str]
    subordinators: frozenset[str]
    ties: re.Pattern[str]
    ties_purpose: re.Pattern[str]  # the words before a tie-building verb that make it a purpose ("a treaty to deepen")
    ties_purpose_obj: re.Pattern[str]  # a purpose and its tie-building verb, up to eight words before a cooperation noun
    ties_pledge: re.Pattern[str]  # one party's will or promise right before a tie-building verb; group 1: the word
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
    # "to launch retaliatory", "carried out a massive": a light verb and up to three modifiers ending where a nominal
    # attack begins (its subject is the attacker)
    assault_light_re: re.Pattern[str] | None = None
    frames: dict[str, Frame] = field(default_factory=dict)  # the named argument structures, by name
    # after a `question` verb: at most four words (no comma, no "for"/"to" of a request) and a question word
    # ("asked Erdogan whether"; not "asked Russia for help when ...")
    question_re: re.Pattern[str] | None = None
    blocs: frozenset[str] = frozenset()  # actor codes of blocs of states: their members' joint acts have no target
    # per event type, words just before a nominal trigger that make it a state of affairs ("the stalled talks")
    nonevent_modifiers: dict[str, frozenset[str]] = field(default_factory=dict)
    venue_nouns: frozenset[str] = frozenset()  # "on the sidelines of the summit": the summit is where, not an event
    # a purpose marker ("to", "aimed at") ending right before a position (cues: purpose)
    purpose_re: re.Pattern[str] | None = None
    # after a support noun: a copula and one of `limited_support` ("support remained limited to statements")
    limited_re: re.Pattern[str] | None = None
    # an object naming the kind of a thing just mentioned ("refused to sell similar systems"): `elliptic_objects`
    elliptic_re: re.Pattern[str] | None = None
    # the object of an AID verb right after it, when it is the actor's own (`self_objects`): self-defence
    self_object_re: re.Pattern[str] | None = None

    def frame_of(self, trig: Trigger) -> Frame:
        """The named frame of a trigger: its row's, or for a trigger made in code the frame named as its procedure."""
        return trig.args or self.frames[trig.frame]


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
#: The role procedures a frame may use (casus.events.roles). Each is also a frame of the same name in data/events.yaml,
#: the one triggers made in code refer to.
ROLE_PROCEDURES = frozenset({"directed", "transfer", "receive", "joint", "request", "assault", "sanction", "speech", "veto",
                             "mediate", "withdraw", "declined", "mobilize", "intercept", "cease", "verdict"})
#: Where a frame finds its source or target.
SLOTS = frozenset({"agent", "object", "recipient", "giver", "parties", "addressee", "speaker", "beneficiary", "origin",
                   "named_in_text", "asker", "accused", "none"})
_FRAME_KEYS = frozenset({"roles", "source", "target", "preps", "object", "fallback", "absorbs", "unless"})
_TRIGGER_KEYS = frozenset({"type", "pos", "frame", "mode", "default", "need", "light", "neg", "multi", "ties", "object",
                           "modes", "untargeted", "unmoded", "withheld", "words"})
_NEEDS = frozenset({"mode", "target", "agree_object", "warn_object", "possessor", "agent", "subject", "anaphor",
                    "person_object", "person_subject"})
_SECTIONS = frozenset({"agent_nouns", "agree_governors", "agree_objects", "agree_one_sided", "blocs", "arms_deals", "assault_modes",
                       "assault_light_verbs", "attribution_nouns", "background_nouns", "control_nouns", "coref", "cues",
                       "document_nouns", "domains", "elliptic_objects", "frames", "launch_verbs", "limited_support", "modes",
                       "nonevent_heads", "nonevent_modifiers", "object_words", "offer_objects", "recipient_verbs", "self_objects", "ties", "triggers",
                       "venue_nouns", "wanting_verbs"})
_FLAGS = ("light", "neg", "multi", "ties")


_TIES_KEYS = frozenset({"verbs", "nouns", "purpose", "aims", "pledges"})


def _ties_purpose(ties: dict) -> re.Pattern[str]:
    """The text right before a tie-building verb that makes it a purpose: one of `purpose` and "to", or one of `aims`
    ("a treaty to deepen", "aimed at boosting"), an adverb or "further" allowed before the verb."""
    unknown = sorted(set(ties) - _TIES_KEYS)
    if unknown:
        raise CasusError(f"events.yaml: unknown key {unknown[0]!r} in 'ties' (known: {', '.join(sorted(_TIES_KEYS))})")
    for key in ("purpose", "aims", "pledges"):
        if not isinstance(ties.get(key), list) or not all(isinstance(w, str) and w.strip() for w in ties[key]):
            raise CasusError(f"events.yaml: 'ties' needs '{key}', a list of words")
    pw = "|".join(sorted((re.escape(w.lower()) for w in ties["purpose"]), key=len, reverse=True))
    aw = "|".join(sorted((re.escape(w.lower()) for w in ties["aims"]), key=len, reverse=True))
    return re.compile(r"(?:\b(?:" + pw + r")\s+to|\b(?:" + aw + r"))\s+(?:(?:further|\w+ly)\s+)?$", re.I)


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
    objects = set(data.get("object_words") or {})
    frames = validate_frames(data.get("frames"), objects, name)
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
        if row.get("frame", "directed") not in frames:
            raise CasusError(f"{where}: unknown frame {row['frame']!r} (known: {', '.join(sorted(frames))})")
        bad_need = sorted(set(row.get("need") or []) - _NEEDS)
        if bad_need:
            raise CasusError(f"{where}: unknown need {bad_need[0]!r} (known: {', '.join(sorted(_NEEDS))})")
        for flag in _FLAGS:
            if flag in row and not isinstance(row[flag], bool):
                raise CasusError(f"{where}: flag {flag!r} must be true or false, not {row[flag]!r}")
        if row.get("object") is not None and row["object"] not in objects:
            raise CasusError(f"{where}: unknown object list {row['object']!r} (known: {', '.join(sorted(objects))})")
        for key in ("untargeted", "unmoded", "withheld"):
            if row.get(key) is not None and row[key] not in PLOVER_TYPES:
                raise CasusError(f"{where}: unknown {key} type {row[key]!r}")


def validate_frames(rows: object, objects: set[str], name: str = "events.yaml") -> dict[str, Frame]:
    """The `frames` table as Frames, or one line naming the file and the frame that is wrong: an unknown key, role
    procedure, slot or object list, a flag that is not true/false, or a role procedure with no frame of its name."""
    if not isinstance(rows, dict) or not rows:
        raise CasusError(f"{name}: 'frames' must be a mapping of frame names to rows")
    out: dict[str, Frame] = {}
    for fname, row in rows.items():
        where = f"{name}: frames row {fname!r}"
        if not isinstance(row, dict):
            raise CasusError(f"{where}: a row must be a mapping, got {type(row).__name__}")
        unknown = sorted(set(row) - _FRAME_KEYS)
        if unknown:
            raise CasusError(f"{where}: unknown key {unknown[0]!r} (known: {', '.join(sorted(_FRAME_KEYS))})")
        roles = row.get("roles")
        if roles not in ROLE_PROCEDURES:
            raise CasusError(f"{where}: unknown role procedure {roles!r} (known: {', '.join(sorted(ROLE_PROCEDURES))})")
        for slot in ("source", "target"):
            if row.get(slot) not in SLOTS:
                raise CasusError(f"{where}: unknown {slot} slot {row.get(slot)!r} (known: {', '.join(sorted(SLOTS))})")
        preps = row.get("preps")
        if preps is not None and (not isinstance(preps, list) or not all(isinstance(p, str) and p for p in preps)):
            raise CasusError(f"{where}: 'preps' must be a list of words")
        for key in ("object", "unless"):
            if row.get(key) is not None and row[key] not in objects:
                raise CasusError(f"{where}: unknown {key} list {row[key]!r} (known: {', '.join(sorted(objects))})")
        for flag in ("fallback", "absorbs"):
            if flag in row and not isinstance(row[flag], bool):
                raise CasusError(f"{where}: flag {flag!r} must be true or false, not {row[flag]!r}")
        out[str(fname)] = Frame(name=str(fname), roles=roles, source=row["source"], target=row["target"],
                                preps=frozenset(str(p).lower() for p in preps) if preps is not None else None,
                                obj=row.get("object"), fallback=row.get("fallback", True), absorbs=row.get("absorbs", False),
                                unless=row.get("unless"))
    for proc in sorted(ROLE_PROCEDURES):
        if proc not in out or out[proc].roles != proc:
            raise CasusError(f"{name}: frames row {proc!r} missing or not using its own role procedure "
                             f"(triggers made in code name it)")
    return out


def _claim_phrase(owners: dict[tuple[str, str], tuple[int, str]], form: str, pos: str, row: int, word: str) -> None:
    """Record that trigger row `row` owns `form` as a `pos`; a second row listing the same phrase with the same part of
    speech would be silently shadowed by the first (a phrase keeps one reading per part of speech), so refuse it."""
    key = (_SPACES.sub(" ", form.translate(_NORM)).strip().lower(), pos)
    first = owners.setdefault(key, (row, word))
    if first[0] != row:
        raise CasusError(f"events.yaml: triggers row {row} ({word!r}) lists {key[0]!r} as a {pos} already listed by "
                         f"triggers row {first[0]} ({first[1]!r}): a phrase has one reading per part of speech")


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """Compile the gazetteer and the shipped event dictionary into one lexicon (once per process)."""
    return build_lexicon(_data("events.yaml"))


def build_lexicon(data: dict) -> Lexicon:
    """Validate an event dictionary (the shape of events.yaml) and compile it with the gazetteer.

    Raises CasusError, one line naming the file and row, on an unknown frame, key, flag or actor code."""
    validate_triggers(data)
    gaz = gazetteer()
    unknown_blocs = sorted(str(c) for c in data["blocs"] if str(c) not in gaz.codes)
    bad_types = sorted(str(k) for k in data["nonevent_modifiers"] if k not in PLOVER_TYPES)
    if bad_types:
        raise CasusError(f"events.yaml: nonevent_modifiers: unknown event type {bad_types[0]!r}")
    if unknown_blocs:
        raise CasusError(f"events.yaml: blocs: unknown actor code {unknown_blocs[0]!r}")
    table: dict[str, list[tuple[str, object]]] = {}
    exact = acronym_surfaces()  # acronyms: the only surfaces that count (casus.events.actors)
    frames = validate_frames(data["frames"], set(data["object_words"]))

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
    owners: dict[tuple[str, str], tuple[int, str]] = {}  # (phrase, pos) -> (1-based row, word) of its trigger row
    for i, row in enumerate(data["triggers"], 1):
        frame = frames[row.get("frame", "directed")]
        trig = Trigger(
            type=row.get("type"), pos=row.get("pos", "noun"), frame=frame.roles,
            mode=row.get("mode"), default=row.get("default"), need=frozenset(row.get("need", []) or []),
            light=bool(row.get("light")), neg=bool(row.get("neg")), multi=bool(row.get("multi")),
            ties=bool(row.get("ties")), obj=row.get("object") or frame.obj,
            modes=tuple(row["modes"]) if row.get("modes") else None, untargeted=row.get("untargeted"),
            unmoded=row.get("unmoded"), withheld=row.get("withheld"), args=frame,
        )
        for word in row["words"]:
            forms = inflect(str(word)) if trig.pos == "verb" else [str(word)]
            for form in forms:
                if trig.type:
                    _claim_phrase(owners, form, trig.pos, i, str(word))
                add(form, "T" if trig.type else "B", trig)
    for domain, words in data["domains"].items():
        for word in words:
            add(str(word), "D", domain)
    for cat, words in data["cues"].items():
        if cat in ("boundary", "subordinators", "question_words", "purpose"):
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
    # "yet" before "to" is no connective ("has yet to sign")
    boundary = re.compile(r"(?:\b(?:" + trie_regex(word_b) + r")(?!(?<=yet)\s+to\b)|(?:" + trie_regex(punct_b) + r"))(?!\w)")
    domains_by_type = {t: dict(m or {}) for t, m in data["modes"].items()}
    assault_modes = {w.lower(): mode for mode, words in data["assault_modes"].items() for w in words}
    controls = sorted((str(w) for w in data["control_nouns"]), key=len, reverse=True)
    control_re = re.compile(r"\b(?:" + "|".join(re.escape(c) for c in controls) + r")\b", re.I)
    gov = sorted((str(w) for w in data["agree_governors"]), key=len, reverse=True)
    agree_governors = re.compile(r"\b(?:" + "|".join(re.escape(g) for g in gov) + r")\b", re.I)
    one = sorted((str(w) for w in data["agree_one_sided"]), key=len, reverse=True)
    agree_one_sided = re.compile(r"\b(?:" + "|".join(re.escape(g) for g in one) + r")\b", re.I)
    # every inflected form ("advancing", "intensified"), not the lemma and any letters after it
    tv = "|".join(sorted({re.escape(f) for v in data["ties"]["verbs"] for f in inflect(str(v))}, key=len, reverse=True))
    tn = "|".join(re.escape(n) for n in data["ties"]["nouns"])
    # quotation marks may close the verb or open its object ('to "steadily develop" bilateral relations')
    ties = re.compile(r"\b(?:" + tv + r")[\"\u201d\u2019]?\s+(?:[\"\u201c\u2018]?[\w-]+[\"\u201d\u2019]?\s+){0,3}?[\"\u201c\u2018]?(?:"
                      + tn + r")\b", re.I)
    ties_purpose = _ties_purpose(data["ties"])
    pl = "|".join(sorted((re.escape(str(w).lower()) for w in data["ties"]["pledges"]), key=len, reverse=True))
    ties_pledge = re.compile(r"\b(" + pl + r")\b[\"\u201d\u2019]?\s+(?:of\s+[^;:]{1,80}?\s+)?to\s+(?:[\"\u201c\u2018]?[\w]+ly\s+)?[\"\u201c\u2018]?$",
                             re.I)
    ties_purpose_obj = re.compile(ties_purpose.pattern[:-1].replace(r"\s+(?:(?:further|\w+ly)\s+)?", r"\s+(?:(?:further|\w+ly)\s+)?(?:" + tv + r")(?:\s+[\w'-]+){0,8}?\s+", 1) + "$", re.I)
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
    alv = "|".join(sorted({re.escape(f) for v in data["assault_light_verbs"] for f in inflect(str(v))}, key=len, reverse=True))
    assault_light_re = re.compile(r"\b(" + alv + r")\s+(?:[\w\"'\u201c-]+\s+){0,3}[\"'\u201c]?$")
    info = {k: _key_info(k, v, exact.get(k)) for k, v in table.items()}
    return Lexicon(
        nonevent_heads=frozenset(str(w).lower() for w in data["nonevent_heads"]),
        info=info,
        trigger_words=frozenset(first_words),
        ties=ties,
        ties_purpose=ties_purpose,
        ties_purpose_obj=ties_purpose_obj,
        ties_pledge=ties_pledge,
        offer_objects=frozenset(str(w).lower() for w in data["offer_objects"]),
        object_words={k: frozenset(str(w).lower() for w in ws) for k, ws in data["object_words"].items()},
        document_nouns=frozenset(str(w).lower() for w in data["document_nouns"]),
        recipient_re=recipient_re,
        verb_forms=verb_forms,
        background_nouns=frozenset(str(w).lower() for w in data["background_nouns"]),
        domain_words={str(w).lower(): d for d, words in data["domains"].items() for w in words if str(w).count(" ") <= 1
                      and d not in ("intervention",)},  # words and word pairs, looked up in a trigger's own words
        wanting_re=re.compile(r"\b(?:" + "|".join(re.escape(str(w)) for w in sorted(data["wanting_verbs"], key=len, reverse=True))
                              + r")\b(?:\s+[\w-]+){0,6}\s*$", re.I),
        regex=regex,
        table=table,
        exact=dict(exact),
        boundary=boundary,
        boundary_ascii=re.compile(boundary.pattern, re.ASCII),
        domains_by_type=domains_by_type,
        agree_objects={str(k).lower(): v for k, v in data["agree_objects"].items()},
        agree_governors=agree_governors,
        agree_one_sided=agree_one_sided,
        assault_modes=assault_modes,
        agent_nouns=frozenset(str(w).lower() for w in data["agent_nouns"]),
        attribution_nouns=frozenset(str(w).lower() for w in data["attribution_nouns"]),
        control_re=control_re,
        subordinators=frozenset(str(w).lower() for w in data["cues"]["subordinators"]),
        question_re=re.compile(r"\s+(?:(?!for\b|to\b|that\b)[\w.'-]+\s+){0,4}?(?:" + trie_regex([str(w).lower() for w in data["cues"]["question_words"]])
                               + r")\b"),
        launch_re=launch_re,
        assault_light_re=assault_light_re,
        arms_words=frozenset(str(w).lower() for w in data["arms_deals"]["weapons"]),
        arms_buy=frozenset(f for w in data["arms_deals"]["buy"] for f in inflect(str(w))),
        arms_sell=frozenset(f for w in data["arms_deals"]["sell"] for f in inflect(str(w))),
        blocs=frozenset(str(c) for c in data["blocs"]),
        nonevent_modifiers={str(k): frozenset(str(w).lower() for w in v) for k, v in data["nonevent_modifiers"].items()},
        venue_nouns=frozenset(str(w).lower() for w in data["venue_nouns"]),
        purpose_re=re.compile(r"\b(?:" + trie_regex([str(w).lower() for w in data["cues"].get("purpose") or ["to"]]) + r")\s+$"),
        elliptic_re=re.compile(r"\s+(?:any\s+|the\s+)?(?:" + "|".join(re.escape(str(w).lower()) for w in data["elliptic_objects"])
                               + r")\s+[a-z]"),
        self_object_re=re.compile(r"\s+(?:" + "|".join(re.escape(str(w).lower()) for w in data.get("self_objects") or ["itself"])
                                  + r")\b"),
        limited_re=re.compile(r"(?:\s+(?:for|to)\s+(?:[\w.'-]+\s+){0,3}?[\w.'-]+)?\s+(?:has\s+|have\s+|had\s+)?(?:remained|remains|remain|was|were|is|are|been|stayed|stays)\s+"
                              r"(?:largely\s+|mostly\s+|mainly\s+|strictly\s+|only\s+)?(?:"
                              + "|".join(re.escape(str(w).lower()) for w in data["limited_support"]) + r")\b", re.I),
        frames=frames,
    )
