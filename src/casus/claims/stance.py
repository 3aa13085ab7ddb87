"""Stance of sentences on 'will PATRON defend CLIENT' (claims stage).

One document at a time: the pair (patron -> client) comes from the document's front
matter (`meta["patron"]`, `meta["client"]`, and `meta["attacker"]` when given); without
it, it is detected from the title and text, and a run of paragraphs about another pair
gets claims for that pair (`paragraph_dyads`). Each sentence is then read with a cue
lexicon shipped as data (`casus/data/claims.yaml`). Actor mentions are masked first, so
the cues speak of {P}atron, {C}lient, the {K} attacker and {T}hird parties and hold for
any dyad: "ties with {T}" is a competing tie, "{C} supplied drones to {P}" gives the
patron a stake in the client, "{P} provided {K} with data" is against. Negators flip
cues ("no defence clause", "unlikely to intervene"), concessive clauses ("While X, Y")
count less than the main clause, acts of the patron's count less when someone else is
their subject, and a sentence whose for and against evidence are both strong and close
is neutral. No claim: a sentence about the relationship in general (every cue generic),
the article's question restated, press boilerplate. The coder's events fill in where
the cues are silent and always add their factor; an act cue with no factor of its own
takes it from its clause's time (a pledge: commitment; a past act: precedent).

Example:
    >>> claims = code_claims(["China is obliged by treaty to defend North Korea."], [[]],
    ...                      title="Will China defend North Korea?")
    >>> claims[0][0].stance, claims[0][0].factor
    ('for', 'commitment')
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from casus.datafiles import read_yaml
from casus.events import actors
from casus.events.actors import ActorEntry
from casus.records import FACTORS, CodedClaim, CodedEvent
from casus.text.patterns import trie_regex

# Mask tokens: lower-case letters only so that case-insensitive cue regexes and
# \b boundaries treat them as ordinary words; unlikely to occur in real text.
# K is the attacker the front matter names (a third party too: {T} matches it).
TOKENS = {"P": "zpatronz", "C": "zclientz", "T": "zthirdz", "X": "zpairz", "K": "zattackz"}
_PLACEHOLDERS = {
    "{P}": TOKENS["P"],
    "{C}": TOKENS["C"],
    "{T}": f"(?:{TOKENS['T']}|{TOKENS['K']})",
    "{K}": TOKENS["K"],
    "{X}": f"(?:{TOKENS['X']}|{TOKENS['P']} and {TOKENS['C']}|{TOKENS['C']} and {TOKENS['P']})",
    "{A}": f"(?:{TOKENS['P']}|{TOKENS['C']}|{TOKENS['T']}|{TOKENS['K']}|{TOKENS['X']})",
}
THIRD_TOKENS = (TOKENS["T"], TOKENS["K"])


def _names_third(text: str) -> bool:
    """Does masked text name a third party (the attacker included)?"""
    return TOKENS["T"] in text or TOKENS["K"] in text
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " "})


def _straight(text: str) -> str:
    """Straight quotes and plain spaces (every character _QUOTES maps is non-ASCII: ASCII text is left as is)."""
    return text if text.isascii() else text.translate(_QUOTES)


# --- data -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Cue:
    """One lexicon entry: a regex and the stance/factor evidence it carries."""

    pattern: re.Pattern[str]
    stance: str  # for | against | neutral | none
    factor: str | None
    weight: float
    negatable: bool = True
    who: str | None = None  # "P": an act of the patron's; discounted when someone else is the subject
    anchors: tuple[frozenset[str], ...] = ()  # every match contains a literal of each set (see _anchors)
    generic: bool = False  # a word for the relationship in general ("partnership", "close ties", "deepened")
    factor_scale: float = 1.0  # the share of its weight that goes to its factor (claims.yaml `fw`)


@dataclass(frozen=True, slots=True)
class EventRules:
    """What the coder's events add to a sentence's evidence (claims.yaml `events`)."""

    rules: dict[tuple[str, str], tuple[str, str]]  # (event type, "P>C"-style roles) -> (stance, factor)
    weight: float
    only_below: float
    factor_weight: float
    generic: frozenset[str]


_ROLES = re.compile(r"^[PCTK]>[PCTK]$")


def read_event_rules(raw: Mapping[str, Any]) -> EventRules:
    """Check and compile claims.yaml's `events` section; CasusError naming the first bad entry."""
    from casus.errors import CasusError
    from casus.records import EVENT_TYPES

    rules: dict[tuple[str, str], tuple[str, str]] = {}
    for row in raw.get("rules") or []:
        event, roles, stance, factor = (row.get(k) for k in ("event", "roles", "stance", "factor"))
        if (event not in EVENT_TYPES or not isinstance(roles, str) or not _ROLES.match(roles)
                or stance not in ("for", "against") or factor not in FACTORS or (event, roles) in rules):
            raise CasusError(f"claims.yaml events.rules: bad or repeated entry {row!r} (expected an event type of "
                             f"{', '.join(EVENT_TYPES)}, roles like P>C, stance for|against, factor of {', '.join(FACTORS)})")
        rules[(event, roles)] = (stance, factor)
    generic = frozenset(raw.get("generic") or ())
    if not generic <= set(EVENT_TYPES):
        raise CasusError(f"claims.yaml events.generic: unknown event types {sorted(generic - set(EVENT_TYPES))}")
    return EventRules(rules, float(raw["weight"]), float(raw["only_below"]), float(raw["factor_weight"]), generic)


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The whole of claims.yaml, compiled."""

    cues: tuple[Cue, ...]
    negators: re.Pattern[str]
    long_negators: re.Pattern[str]
    short_negators: re.Pattern[str]
    short_window: int
    scope_breakers: re.Pattern[str]
    partial_negators: re.Pattern[str]
    window: int
    flip_against_to_for: float
    negated_for_multiplier: float
    boundaries: re.Pattern[str]
    concessive: re.Pattern[str]
    contrast: re.Pattern[str]
    conditional: re.Pattern[str]
    concessive_weight: float
    before_contrast_weight: float
    conditional_weight: float
    decision: dict[str, Any]
    events: EventRules
    anaphors: re.Pattern[str]
    meta: re.Pattern[str]
    restated: re.Pattern[str] | None = None  # the article's question restated (decision.restated_question)
    others_view: re.Pattern[str] | None = None  # third parties' view of the relationship (decision.others_view)
    past_markers: re.Pattern[str] | None = None  # a clause about the past (decision.past_markers)
    future_markers: re.Pattern[str] | None = None  # a clause about a pledge or plan (decision.future_markers)
    anchor_re: re.Pattern[str] | None = None  # finds every cue anchor (lookahead, so overlapping ones too)
    anchor_prefixes: dict[str, tuple[str, ...]] = field(default_factory=dict)  # anchor -> the anchors it starts with
    anchor_cues: dict[str, tuple[int, ...]] = field(default_factory=dict)  # anchor -> cues whose first set holds it
    # anchor found by anchor_re -> the cues to try for it (those of the anchors it starts with)
    anchor_tries: dict[str, tuple[int, ...]] = field(default_factory=dict)
    unanchored: tuple[int, ...] = ()  # cues with no known anchors: always tried


def _expand(regex: str) -> str:
    for key, value in _PLACEHOLDERS.items():
        regex = regex.replace(key, value)
    return regex


def _any_of(patterns: Iterable[str]) -> re.Pattern[str]:
    """One regex for alternatives. A run of ones that start with \\b and have no top-level "|" shares that \\b:
    the same matches (an ordered alternation of the same branches), but a position inside a word is rejected
    once instead of once per branch, which makes long negator lists several times faster."""
    parts: list[str] = []
    run: list[str] = []

    def flush() -> None:
        if len(run) > 1:
            parts.append(r"\b(?:" + "|".join(f"(?:{p[2:]})" for p in run) + ")")
        elif run:
            parts.append(f"(?:{run[0]})")
        run.clear()

    for p in map(_expand, patterns):
        if p.startswith(r"\b") and _top_level_branches(p) == 1:
            run.append(p)
            continue
        flush()
        parts.append(f"(?:{p})")
    flush()
    return re.compile("|".join(parts), re.IGNORECASE)


def _top_level_branches(regex: str) -> int:
    """How many alternatives `regex` has at its top level (2 when unsure)."""
    depth, i, in_class, n = 0, 0, False, 1
    while i < len(regex):
        ch = regex[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
            if regex[i + 1 : i + 2] in ("]", "^"):
                return 2  # a class that starts with "]" or "^]": not worth parsing here
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            n += 1
        i += 1
    return n if depth == 0 and not in_class else 2


def _read_yaml(name: str) -> Any:
    return read_yaml(name)


# Characters that IGNORECASE matches to an ASCII letter but str.lower() does not turn into it
# (dotted/dotless i, long s, Kelvin sign): a text with one of them skips the anchor prefilter.
_FOLD_ODD = frozenset("\u0130\u0131\u017f\u212a")


_LOWER_RX: dict[re.Pattern[str], re.Pattern[str]] = {}
_NONSPACE = re.compile(r"\S+")


def _lower_rx(rx: re.Pattern[str]) -> re.Pattern[str]:
    """`rx` for lower-cased ASCII text: without IGNORECASE when its source has no upper-case letter (the same
    matches, found faster), else `rx` itself (IGNORECASE finds the same spans in the lower-cased text)."""
    fast = _LOWER_RX.get(rx)
    if fast is None:
        fast = rx
        if rx.flags & re.IGNORECASE and not re.search(r"[A-Z]", re.sub(r"\\.", "", rx.pattern)):
            fast = re.compile(rx.pattern, rx.flags & ~re.IGNORECASE)
        _LOWER_RX[rx] = fast
    return fast


def _same_rx(rx: re.Pattern[str]) -> re.Pattern[str]:
    return rx


def _anchors(regex: str) -> tuple[frozenset[str], ...]:
    """Sets of lower-case literals such that every match of `regex` (IGNORECASE) contains one of each set.

    Read from the parsed pattern: a run of literal characters must occur; an alternation needs one of its
    branches' requirements; a repeat counts only if it must occur at least once. The likely rarest sets
    come first; () when nothing is known, and the cue is then always tried.
    """
    try:
        try:
            from re import _constants as sre_c  # type: ignore[attr-defined]
            from re import _parser as sre_p  # type: ignore[attr-defined]
        except ImportError:  # Python 3.10
            import sre_constants as sre_c  # type: ignore[no-redef]
            import sre_parse as sre_p  # type: ignore[no-redef]

        clauses = _seq_anchors(list(sre_p.parse(regex, re.IGNORECASE)), sre_c)
    except (ImportError, AttributeError, TypeError, ValueError, re.error):  # pragma: no cover - a private module
        # changed: no prefilter, the same results
        return ()
    return tuple(sorted(set(clauses), key=_rarity)[:3])


def _rarity(clause: frozenset[str]) -> tuple[int, int]:
    """Sort key, rarest first: long literals are rare, the mask tokens and short ones are not."""
    def score(anchor: str) -> int:
        return 2 if any(t in anchor for t in TOKENS.values()) else len(anchor.strip())

    return (-min(score(a) for a in clause), len(clause))


def _seq_anchors(items: list[Any], c: Any) -> list[frozenset[str]]:
    """The requirements of a pattern sequence: a list of sets, one literal of each must occur."""
    out: list[frozenset[str]] = []
    run: list[str] = []

    def flush() -> None:
        if len(run) >= 3:
            out.append(frozenset({"".join(run)}))
        run.clear()

    for op, av in items:
        if op is c.LITERAL:
            ch = chr(av).lower()
            if len(ch) == 1 and ch.isascii():
                run.append(ch)
            else:
                flush()
            continue
        if op is c.AT:  # zero-width (\b, ^): the literals on either side are still adjacent
            continue
        flush()
        if op is c.SUBPATTERN:
            out.extend(_seq_anchors(list(av[-1]), c))
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT) and av[0] >= 1:
            out.extend(_seq_anchors(list(av[2]), c))
        elif op is c.BRANCH:
            parts = [sorted(set(_seq_anchors(list(b), c)), key=_rarity) for b in av[1]]
            if all(parts):
                # (A1 and A2) or (B1 and B2) needs (A1 or B1) and (A1 or B2) and ...: a few best combinations
                k = 2 if 2 ** len(parts) <= 8 else 1
                combos: list[list[frozenset[str]]] = [[]]
                for part in parts:
                    combos = [[*combo, clause] for combo in combos for clause in part[:k]]
                out.extend(frozenset().union(*combo) for combo in combos)
    flush()
    return out


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Compile `data/claims.yaml` once."""
    raw = _read_yaml("claims.yaml")
    cues = tuple(
        Cue(
            pattern=re.compile(_expand(c["re"]), re.IGNORECASE),
            stance=c["stance"],
            factor=c.get("factor"),
            weight=float(c["w"]),
            negatable=bool(c.get("neg", True)),
            who=c.get("who"),
            generic=bool(c.get("generic", False)),
            factor_scale=float(c.get("fw", 1.0)),
            anchors=_anchors(_expand(c["re"])),
        )
        for c in raw["cues"]
    )
    anchors = sorted({a for c in cues for clause in c.anchors for a in clause}, key=len, reverse=True)
    anchor_re = re.compile("(?=(" + trie_regex(anchors) + "))") if anchors else None
    known = set(anchors)
    prefixes = {a: tuple(a[:k] for k in range(1, len(a) + 1) if a[:k] in known) for a in anchors}
    anchor_cues: dict[str, list[int]] = {}
    for i, cue in enumerate(cues):
        for a in cue.anchors[0] if cue.anchors else ():
            anchor_cues.setdefault(a, []).append(i)
    neg, cl, dec = raw["negation"], raw["clauses"], raw["decision"]
    return Lexicon(
        cues=cues,
        negators=_any_of(neg["negators"]),
        long_negators=_any_of(neg["long_scope"]),
        short_negators=_any_of(neg["short_scope"]),
        short_window=int(neg["short_window"]),
        scope_breakers=_any_of(neg["scope_breakers"]),
        partial_negators=_any_of(neg["partial"]),
        window=int(neg["window"]),
        flip_against_to_for=float(neg["flip_against_to_for"]),
        negated_for_multiplier=float(neg["negated_for_multiplier"]),
        boundaries=re.compile(cl["boundaries"]),
        concessive=_any_of(cl["concessive_openers"]),
        contrast=_any_of(cl["contrast_markers"]),
        conditional=_any_of(cl["conditional_openers"]),
        concessive_weight=float(cl["concessive_weight"]),
        before_contrast_weight=float(cl["before_contrast_weight"]),
        conditional_weight=float(cl["conditional_weight"]),
        decision=dec,
        events=read_event_rules(raw["events"]),
        anaphors=_any_of([dec["anaphors"]]),
        meta=_any_of([dec["meta"]]),
        restated=_any_of([dec["restated_question"]]) if dec.get("restated_question") else None,
        others_view=_any_of([dec["others_view"]]) if dec.get("others_view") else None,
        past_markers=_any_of([dec["past_markers"]]) if dec.get("past_markers") else None,
        future_markers=_any_of([dec["future_markers"]]) if dec.get("future_markers") else None,
        anchor_re=anchor_re,
        anchor_prefixes=prefixes,
        anchor_cues={a: tuple(ix) for a, ix in anchor_cues.items()},
        anchor_tries={a: tuple(sorted({i for b in prefixes[a] for i in anchor_cues.get(b, ())})) for a in anchors},
        unanchored=tuple(i for i, cue in enumerate(cues) if not cue.anchors),
    )


# --- actors -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Mention:
    """An actor named in a text: its code and character span."""

    code: str
    start: int
    end: int


@lru_cache(maxsize=1)
def _pair_pattern() -> re.Pattern[str]:
    """Phrases that name both parties at once ("the two countries"), from data/claims_actors.yaml."""
    phrases = _read_yaml("claims_actors.yaml")["pair_phrases"]
    return re.compile(r"\b(" + "|".join(re.escape(p) for p in phrases) + r")\b", re.IGNORECASE)


# Non-ASCII characters that IGNORECASE matches to an ASCII letter: in a pattern for lower-cased ASCII
# text they must match that letter too.
_ASCII_FOLD = {"\u0131": "[i\u0131]", "\u0130": "[i\u0130]", "\u017f": "[s\u017f]", "\u212a": "[k\u212a]"}


def _escape_folded(ch: str) -> str:
    return _ASCII_FOLD.get(ch) or re.escape(ch)


@dataclass(frozen=True, slots=True)
class _ActorIndex:
    """casus.events.actors' gazetteer as one regex: phrase -> its actor meanings (none for outlets, commentators)."""

    pattern: re.Pattern[str]
    codes: dict[str, str]  # phrase -> the meaning without a year (actors.pick), '' for non-actors
    dated: dict[str, tuple[ActorEntry, ...]]  # leader names whose meaning depends on the year -> their meanings
    exact: dict[str, frozenset[str]]  # acronyms -> the only surfaces that count ("US", "U.S.", not "us")
    states: frozenset[str]
    # the same regex without IGNORECASE, for the lower-cased text of an ASCII sentence (faster, same matches:
    # the keys are lower case, and the few non-ASCII letters IGNORECASE folds to ASCII match it explicitly)
    lower_pattern: re.Pattern[str] | None = None


@lru_cache(maxsize=1)
def _actor_index() -> _ActorIndex:
    """Build the mention index from casus.events.actors' gazetteer, with the coder's meanings (casus.events.actors.pick:
    a leader in office in the document's year, else the most recent one)."""
    import pycountry

    gaz = actors.gazetteer()
    codes: dict[str, str] = {}
    dated: dict[str, tuple[ActorEntry, ...]] = {}
    exact = actors.acronym_surfaces()
    for key, entries in gaz.phrases.items():
        if not key or len(key) < 2:
            continue
        meanings = tuple(e for e in entries if e.kind in actors.ACTOR_KINDS)
        entry = actors.pick(meanings)
        # non-actor phrases (outlets: "Moscow Times") stay in the index to absorb their words
        codes[key] = entry.code if entry is not None else ""
        if any(e.kind == "leader" for e in meanings) and len({e.code for e in meanings}) > 1:
            dated[key] = meanings
    alternation = trie_regex(codes)
    pattern = re.compile(rf"(?<![\w.])(?:the\s+)?({alternation})(?![\w+])", re.IGNORECASE)
    states = frozenset(c.alpha_3 for c in pycountry.countries) | {"XKX"}
    lower = None
    if all(key == key.lower() for key in codes):
        lower = re.compile(rf"(?<![\w.])(?:the\s+)?({trie_regex(codes, _escape_folded)})(?![\w+])")
    return _ActorIndex(pattern, codes, dated, exact, states, lower)


def _find_with_actors(text: str, index: _ActorIndex, year: int | None = None) -> list[Mention]:
    """The actors named in a quote-normalised text, by the event coder's rules: a phrase names its actor where
    casus.events.actors.names_actor says so (capitalised, acronyms as written, not in an anti-/pro- compound), and a
    name whose meaning depends on the year is read for `year` (casus.events.actors.pick; the document's year, as the
    coder reads it)."""
    out: list[Mention] = []
    low = text.lower()
    if len(low) != len(text):  # a character whose lower case is longer: keep offsets aligned (as the coder does)
        low = "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)
    if index.lower_pattern is not None and text.isascii():
        found = index.lower_pattern.finditer(low)  # same offsets: ASCII
    else:
        found = index.pattern.finditer(text)
    for m in found:
        start, end = m.span(1)
        surface = text[start:end]
        key = " ".join(surface.lower().split())
        if key.endswith("'s"):
            key, surface = key[:-2], surface[:-2]
        code = index.codes.get(key, "")
        if not code:
            continue
        if not actors.names_actor(text, low, start, start + len(surface), index.exact.get(key)):
            continue
        if year is not None and key in index.dated:
            entry = actors.pick(index.dated[key], year)
            code = entry.code if entry is not None else code
        out.append(Mention(code, start, end))
    return out


def find_mentions(text: str, year: int | None = None) -> list[Mention]:
    """Actors named in `text`, in order, from casus.events.actors' gazetteer; leaders read for `year` if given."""
    return list(_mentions(_straight(text), year))


@lru_cache(maxsize=4096)
def _mentions(text: str, year: int | None = None) -> tuple[Mention, ...]:
    """Mentions from casus.events.actors' index in a quote-normalised text, cached: dyad detection, tagging and
    masking all read the same sentence."""
    return tuple(_find_with_actors(text, _actor_index(), year))


def is_state(code: str) -> bool:
    """True for an ISO3 state code, False for groups (WEST, NATO, UN, IRQ_MILITIAS, ...)."""
    return code in _actor_index().states


# --- dyad -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Dyad:
    """The pair a document is about: will `patron` defend `client`? (against `attacker`, when known; leaders'
    names read for `year`, the document's)"""

    patron: str
    client: str
    attacker: str | None = None
    year: int | None = None


_S = r"(?:[\w'\-]+\s+)"  # one filler word
_DEFEND = (
    r"(?:protect|defend|save|rescue|back|help|aid|support|shield|fight for|go to war for|"
    r"intervene (?:for|on behalf of)|stand by|abandon|come to the (?:aid|defen[cs]e|rescue) of)"
)
_ORIENTED = [
    re.compile(
        rf"\b(?:will|would|can|could|should|does|did|is|might|may|must)\s+{_S}{{0,2}}?<(?P<a>[A-Z]{{3}})>\s+"
        rf"{_S}{{0,2}}?{_DEFEND}\s+{_S}{{0,2}}?<(?P<b>[A-Z]{{3}})>",
        re.IGNORECASE,
    ),
    re.compile(
        rf"<(?P<a>[A-Z]{{3}})>\s+{_S}{{0,3}}?(?:come|comes|coming|came|rush|rushing|go|going)\s+to\s+"
        rf"<(?P<b>[A-Z]{{3}})>'s\s+(?:aid|defen[cs]e|rescue|help)",
        re.IGNORECASE,
    ),
    re.compile(
        rf"<(?P<a>[A-Z]{{3}})>'s\s+{_S}{{0,2}}?(?:commitment|protection|defen[cs]e|"
        rf"security guarantees?|guarantees?)\s+(?:for|to|of)\s+<(?P<b>[A-Z]{{3}})>",
        re.IGNORECASE,
    ),
]
# Weaker: support flows both ways between partners ("Iran's support for Russia's
# war"), so these orient a title but not a vote from the body text.
_ORIENTED_WEAK = [
    re.compile(
        rf"<(?P<a>[A-Z]{{3}})>'s\s+{_S}{{0,2}}?(?:support|backing|alliance)\s+(?:for|to|of|with)\s+<(?P<b>[A-Z]{{3}})>",
        re.IGNORECASE,
    ),
    re.compile(
        r"\bwhy\s+<(?P<a>[A-Z]{3})>\s+(?:supports|backs|protects|defends|helps)\s+<(?P<b>[A-Z]{3})>",
        re.IGNORECASE,
    ),
]
_ADVERSARIAL = re.compile(
    rf"<(?P<a>[A-Z]{{3}})>(?:'s)?\s+{_S}{{0,2}}?(?:attack|attacks|attacked|invade|invades|invaded|invasion of|"
    rf"strike|strikes|struck|blockade|blockades|bomb|bombed|war (?:on|against)|attack on|strikes on)\s+"
    rf"{_S}{{0,2}}?<(?P<b>[A-Z]{{3}})>",
    re.IGNORECASE,
)


@lru_cache(maxsize=4096)
def _tag(text: str, year: int | None = None) -> str:
    """Replace each state mention with <CODE> (groups are left as text)."""
    text = _straight(text)
    out, last = [], 0
    for m in find_mentions(text, year):
        if is_state(m.code):
            out.append(text[last : m.start])
            out.append(f"<{m.code}>")
            last = m.end
    out.append(text[last:])
    return "".join(out)


@lru_cache(maxsize=1)
def _strength() -> dict[str, float]:
    raw = _read_yaml("claims_strength.yaml")
    ranked = dict(raw["usd_bn"])
    for i, code in enumerate(raw["unlisted_order"]):
        ranked.setdefault(code, -1.0 - i)
    return {k: float(v) for k, v in ranked.items()}


def orient(a: str, b: str, year: int | None = None) -> Dyad:
    """Order a pair patron -> client by military spending (SIPRI), unknowns last."""
    s = _strength()
    return Dyad(a, b, year=year) if s.get(a, -100.0) >= s.get(b, -100.0) else Dyad(b, a, year=year)


def oriented_in(text: str, weak: bool = False, year: int | None = None) -> list[tuple[str, str]]:
    """(patron, client) pairs a text states outright: 'will X defend Y' (and, if weak, "X's support for Y")."""
    tagged = _tag(text, year)
    if tagged.count("<") < 2:
        return []  # every pattern needs two tagged states
    patterns = _ORIENTED + (_ORIENTED_WEAK if weak else [])
    return [(m["a"], m["b"]) for rx in patterns for m in rx.finditer(tagged) if m["a"] != m["b"]]


def detect_dyad(sentences: Sequence[str], title: str | None = None, year: int | None = None) -> Dyad | None:
    """The (patron, client) pair a document is about, or None when it names < 2 states.

    The title's "will X protect Y" wins outright; otherwise oriented phrases in the
    text and co-mentions in the same sentence vote, pairs that attack each other
    are discounted, and the winner is oriented by the phrases or by strength.
    """
    if title:
        found = oriented_in(title, weak=True, year=year)
        if found:
            return Dyad(*found[0], year=year)
    pair_votes: Counter[frozenset[str]] = Counter()
    direction: Counter[tuple[str, str]] = Counter()
    texts = ([title] * 3 if title else []) + list(sentences)
    for text in texts:
        states = sorted({m.code for m in find_mentions(text, year) if is_state(m.code)})
        for i, a in enumerate(states):
            for b in states[i + 1 :]:
                pair_votes[frozenset((a, b))] += 1
        for a, b in oriented_in(text, year=year):
            direction[(a, b)] += 1
            pair_votes[frozenset((a, b))] += 3
        tagged = _tag(text, year)
        for m in _ADVERSARIAL.finditer(tagged) if tagged.count("<") >= 2 else ():
            if m["a"] != m["b"]:
                pair_votes[frozenset((m["a"], m["b"]))] -= 2
    if not pair_votes or max(pair_votes.values()) <= 0:
        return None
    best = max(pair_votes.items(), key=lambda kv: (kv[1], sorted(kv[0])))[0]
    a, b = sorted(best)
    if direction[(a, b)] != direction[(b, a)]:
        return Dyad(a, b, year=year) if direction[(a, b)] > direction[(b, a)] else Dyad(b, a, year=year)
    return orient(a, b, year)


# --- masking and clauses ------------------------------------------------------


@lru_cache(maxsize=1)
def _code_aliases() -> dict[str, frozenset[str]]:
    """Front-matter code -> the actor codes that name the same party (data/claims_actors.yaml)."""
    table = _read_yaml("claims_actors.yaml").get("code_aliases") or {}
    return {str(k): frozenset(map(str, v)) | {str(k)} for k, v in table.items()}


def same_actor(code: str | None, wanted: str) -> bool:
    """Is an actor code (a mention's, an event's) the party `wanted` (a front-matter code), aliases included?"""
    return code is not None and (code == wanted or code in _code_aliases().get(wanted, ()))


@lru_cache(maxsize=4096)
def mask(text: str, dyad: Dyad) -> str:
    """Replace actor mentions (with a leading "the") by patron / client / third / pair tokens."""
    pair = _pair_pattern()
    text = _straight(text)
    out, last = [], 0
    for m in find_mentions(text, dyad.year):
        token = (TOKENS["P"] if same_actor(m.code, dyad.patron) else TOKENS["C"] if same_actor(m.code, dyad.client)
                 else TOKENS["K"] if dyad.attacker and same_actor(m.code, dyad.attacker) else TOKENS["T"])
        start = m.start - 4 if text[max(0, m.start - 4) : m.start].lower() == "the " else m.start
        out.append(text[last:max(start, last)])
        out.append(token)
        last = m.end
    out.append(text[last:])
    masked = "".join(out)
    if masked.isascii() and not _lower_rx(pair).search(masked.lower()):
        return masked  # no pair phrase: the substitution would change nothing
    return pair.sub(lambda m: _pair_token(masked[: m.start()]), masked)


def _pair_token(before: str) -> str:
    """The token for "the two countries": the pair, unless the sentence has so far named a third party and only
    one of the pair ("Pyongyang moved closer to Moscow; the two countries signed a pact", patron China): then the
    two are that one and the third party, and the phrase is a third party's."""
    has_p, has_c = TOKENS["P"] in before, TOKENS["C"] in before
    if _names_third(before) and has_p != has_c:
        return TOKENS["T"]
    return TOKENS["X"]


@dataclass(frozen=True, slots=True)
class Clause:
    """A span of the masked sentence and how much its cues count."""

    start: int
    end: int
    weight: float


def split_clauses(masked: str, lex: Lexicon | None = None) -> list[Clause]:
    """Cut at commas, semicolons, dashes and contrast words; weight by role."""
    lex = lex or load_lexicon()
    # an ASCII sentence is matched lower-cased, without IGNORECASE: the same spans, faster
    fast, text = (_lower_rx, masked.lower()) if masked.isascii() else (_same_rx, masked)
    cuts = {0, len(masked)}
    for m in lex.boundaries.finditer(masked):
        cuts.add(m.end())
    for rx in (lex.contrast, lex.concessive):
        for m in fast(rx).finditer(text):
            cuts.add(m.start())
    bounds = sorted(cuts)
    spans = [(s, e) for s, e in zip(bounds, bounds[1:]) if masked[s:e].strip(" ,;:-\u2013\u2014")]
    heads = [masked[s:e].lstrip(" ,;:-\u2013\u2014\"'*(").lower() for s, e in spans]
    weights = [1.0] * len(spans)
    concessive, contrast, conditional = fast(lex.concessive), fast(lex.contrast), fast(lex.conditional)
    for i, head in enumerate(heads):
        if concessive.match(head):
            weights[i] *= lex.concessive_weight
            if i == 0:  # "While X, Y, Z": everything before the main (last) clause
                for j in range(1, len(spans) - 1):
                    if contrast.match(heads[j]):
                        break
                    weights[j] *= lex.concessive_weight
        elif conditional.match(head):
            weights[i] *= lex.conditional_weight
        if contrast.match(head) and not head.startswith(("still", "yet to")):
            for j in range(i):
                weights[j] *= lex.before_contrast_weight
    return [Clause(s, e, w) for (s, e), w in zip(spans, weights)]


# --- scoring ------------------------------------------------------------------


@dataclass(slots=True)
class Hit:
    """One cue that fired, after negation and clause weighting."""

    text: str
    stance: str
    factor: str | None
    weight: float
    negated: bool
    generic: bool = False


@dataclass(slots=True)
class Scores:
    """The evidence a sentence carries."""

    stance: dict[str, float] = field(default_factory=lambda: {"for": 0.0, "against": 0.0, "neutral": 0.0})
    factor: dict[str, float] = field(default_factory=lambda: dict.fromkeys(FACTORS, 0.0))
    hits: list[Hit] = field(default_factory=list)
    # the part of each factor's weight that came with for or against evidence: the factor a sentence rests on is
    # that of the evidence that decides its stance, not of the side it outweighs (see decide)
    sided: dict[str, dict[str, float]] = field(
        default_factory=lambda: {s: dict.fromkeys(FACTORS, 0.0) for s in ("for", "against")})

    def add_factor(self, factor: str, weight: float, stance: str) -> None:
        """Factor evidence, carried by a hit of this stance (for | against | neutral | none)."""
        self.factor[factor] += weight
        if stance in self.sided:
            self.sided[stance][factor] += weight

    @property
    def evidence(self) -> float:
        return sum(abs(h.weight) for h in self.hits)


def _negated(clause_text: str, pos: int, lex: Lexicon, stance: str) -> bool:
    """Is the cue at `pos` in `clause_text` inside a negator's scope?

    Ordinary negators reach `window` tokens ahead; long-scope ones ("rather than",
    "without", "whether") reach to the end of the clause, object-negating verbs
    ("repudiated", "abandoned") only `short_window` tokens. An odd count flips.
    """
    before = clause_text[:pos]
    # an ASCII clause is matched lower-cased, without IGNORECASE: the same spans, faster
    fast = _same_rx
    if before.isascii():
        before, fast = before.lower(), _lower_rx
    breaks = list(fast(lex.scope_breakers).finditer(before))
    if breaks:
        before = before[breaks[-1].end() :]
    tokens = list(_NONSPACE.finditer(before))
    if not tokens:
        return False
    window_start = tokens[max(0, len(tokens) - lex.window)].start()
    scope = before[window_start:]
    partial = list(fast(lex.partial_negators).finditer(scope))
    full = [m for m in fast(lex.negators).finditer(scope) if not any(p.start() <= m.start() < p.end() for p in partial)]
    far = [m for m in fast(lex.long_negators).finditer(before[:window_start])]
    near = fast(lex.short_negators).findall(before[tokens[max(0, len(tokens) - lex.short_window)].start() :])
    flips = len(full) + len(far) + len(near) + (len(partial) if stance == "against" else 0)
    return flips % 2 == 1


def _matches(masked: str, lex: Lexicon) -> list[tuple[re.Match[str], Cue]]:
    """Cue matches in a sentence: stance cues longest-first without overlap; factor-only cues all."""
    stance_hits: list[tuple[re.Match[str], Cue]] = []
    factor_hits: list[tuple[re.Match[str], Cue]] = []
    low = masked.lower()
    ascii_text = masked.isascii()
    cues: Iterable[Cue] = lex.cues
    if lex.anchor_re is not None and _FOLD_ODD.isdisjoint(masked):
        # One scan finds every cue's anchors; only cues all of whose anchor sets occur can match,
        # tried in lexicon order as before.
        found: set[str] = set()
        tried = set(lex.unanchored)
        prefixes, tries = lex.anchor_prefixes, lex.anchor_tries
        for key in set(lex.anchor_re.findall(low)):
            found.update(prefixes[key])
            tried.update(tries[key])
        cues = [
            cue for cue in (lex.cues[i] for i in sorted(tried))
            if all(not found.isdisjoint(clause) for clause in cue.anchors[1:])
        ]
    for cue in cues:
        # an ASCII sentence is matched lower-cased, without IGNORECASE (compiled on first use): the same matches
        for m in (_lower_rx(cue.pattern).finditer(low) if ascii_text else cue.pattern.finditer(masked)):
            if m.end() == m.start():
                continue
            (factor_hits if cue.stance == "none" and cue.weight > 0 else stance_hits).append((m, cue))
    taken = bytearray(len(masked))  # 1 where a kept stance cue already covers the character
    kept: list[tuple[re.Match[str], Cue]] = []
    for m, cue in sorted(stance_hits, key=lambda mc: (mc[0].start() - mc[0].end(), mc[0].start())):
        if taken.find(1, m.start(), m.end()) != -1:
            continue
        taken[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
        if cue.weight > 0:  # weight-0 cues only block ("{T}'s allies" is not the patron's ally)
            kept.append((m, cue))
    return sorted(kept + factor_hits, key=lambda mc: mc[0].start())


_ACTOR_TOKEN = re.compile("|".join(TOKENS.values()))
# How far before a cue (in characters, within its clause) a negator may stand; a real clause is far
# shorter, so this only bounds the work on run-on text.
NEGATION_REACH_CHARS = 1000


# a third party as a party to something in the clause: "signed with {T}", "{T}'s pact", "{P} and {T}"
_THIRD_PARTY_LINK = re.compile(
    rf"\b(?:with|and|to|in) (?:the )?(?:{TOKENS['T']}|{TOKENS['K']})\b|\b(?:{TOKENS['T']}|{TOKENS['K']})(?:'s| and)\b"
)


def _third_party_clause(masked: str, clause: Clause, others_only: bool) -> bool:
    """Is a commitment in this clause someone else's: the sentence names a third party but not the patron,
    or the clause names neither the client nor the pair but a third party as a party to something ("unlike the
    pact {P} signed with {T}"; not "in the face of {T} sanctions")?"""
    text = masked[clause.start : clause.end]
    if not _names_third(text):
        return False
    return others_only or (
        TOKENS["C"] not in text and TOKENS["X"] not in text and _THIRD_PARTY_LINK.search(text) is not None
    )


def _others_act(masked: str, start: int, end: int) -> bool:
    """Is the act a cue at `end` names someone else's than the patron's? Yes when the clause's first actor
    (the speaker or subject: "{P} said that {T}'s strikes were a gross violation") and the nearest actor
    before the cue ("criticism in {C} over {P}'s refusal") are both the client or a third party."""
    found = [m.group(0) for m in _ACTOR_TOKEN.finditer(masked, start, end)]
    others = (TOKENS["C"], *THIRD_TOKENS)
    return bool(found) and found[0] in others and found[-1] in others


def drop_restated_question(masked: str, lex: Lexicon) -> str:
    """Blank out the article's question where a sentence only restates it ('the question of "will {P} protect
    {C}"', '**why {P} supports {C}**', 'the extent to which {P} will intervene'): its verbs are no evidence."""
    if lex.restated is None:
        return masked
    return lex.restated.sub(lambda m: " " * len(m.group(0)), masked)


def score_sentence(sentence: str, dyad: Dyad, lex: Lexicon | None = None) -> Scores:
    """Weighted stance and factor evidence of one sentence for `dyad`.

    Cues match the whole masked sentence; each hit takes the weight of the clause
    it starts in, and negators count only inside that clause.
    """
    lex = lex or load_lexicon()
    masked = drop_restated_question(mask(sentence, dyad), lex)
    clauses = split_clauses(masked, lex)
    starts = [c.start for c in clauses]
    scores = Scores()
    # "North Korea signed a mutual defence treaty with Russia" (patron China): a commitment between the client
    # and a third party, or between third parties, says nothing of the patron's
    others_only = _names_third(masked) and TOKENS["P"] not in masked and TOKENS["X"] not in masked
    for m, cue in _matches(masked, lex):
        i = bisect_right(starts, m.start()) - 1  # the clause the cue starts in (clauses are sorted, disjoint)
        clause = clauses[i] if i >= 0 and m.start() < clauses[i].end else Clause(0, len(masked), 1.0)
        stance, weight, negated = cue.stance, cue.weight * clause.weight, False
        if cue.who == "P" and _others_act(masked, clause.start, m.start()):
            weight *= float(lex.decision["other_subject_weight"])
        if cue.negatable and stance in ("for", "against"):
            inner = masked[m.start() : m.end()]
            # A negator's reach is bounded so that a run-on "sentence" of 50,000 words stays linear.
            reach = max(clause.start, m.start() - NEGATION_REACH_CHARS)
            if _negated(masked[reach : m.end()], m.start() - reach, lex, stance) != bool(
                len(inner.split()) > 3 and lex.negators.search(inner[: max(0, len(inner) - 2)])
            ):
                negated = True
                if stance == "for":
                    stance, weight = "against", weight * lex.negated_for_multiplier
                else:
                    stance, weight = "for", weight * lex.flip_against_to_for
        if cue.factor == "commitment" and stance == "for" and _third_party_clause(masked, clause, others_only):
            weight *= float(lex.decision["third_party_commitment_weight"])
        if stance in scores.stance:
            scores.stance[stance] += weight
        if cue.factor:
            scores.add_factor(cue.factor, weight * cue.factor_scale, stance)
        elif stance in ("for", "against"):
            tense = _tense_factor(masked[clause.start : clause.end], lex)
            if tense:
                scores.add_factor(tense, weight * float(lex.decision["tense_factor_weight"]), stance)
        scores.hits.append(Hit(masked[m.start() : m.end()], stance, cue.factor, weight, negated, cue.generic))
    return scores


def _tense_factor(clause: str, lex: Lexicon) -> str | None:
    """The factor an act cue with none of its own ("refused", "defend", "military aid") rests on, from its
    clause's time: a pledge or plan is a commitment, a past act a precedent; None when the clause does not say."""
    text = clause.lower() if clause.isascii() else clause
    fast = _lower_rx if clause.isascii() else _same_rx
    if lex.future_markers is not None and fast(lex.future_markers).search(text):
        return "commitment"
    if lex.past_markers is not None and fast(lex.past_markers).search(text):
        return "precedent"
    return None


# Event nudges: the rules are data (claims.yaml `events`). The coder does not see the
# rhetoric around an act, so events fill gaps and never overrule the cues. Measured on
# 2026-12-02 (negation 0.99 on role-matched events; seeds 0.857, dev A-C 0.753, D-G
# 0.763 without): letting every patron->client event overrule contrary cues gives
# 0.788, 0.737, 0.738 (the event is mostly the act the sentence concedes: "Russia's
# limited military aid"); only where one cue stands against it 0.833, 0.757, 0.749;
# only negated or refused events 0.857, 0.753, 0.762; only pledges 0.857, 0.757,
# 0.759. What helps the A-C batch fails on D-G: none is used.


def _event_rule(ev: CodedEvent, roles: str, lex: Lexicon | None = None) -> tuple[str, str] | None:
    """(stance, factor) an event bears on the pair, before negation (claims.yaml `events.rules`); None when it bears
    on nothing."""
    rules = (lex or load_lexicon()).events.rules
    rule = rules.get((ev.event, roles)) or rules.get((ev.event, roles.replace("K", "T")))
    if rule and ev.event == "AID" and roles == "P>C" and ev.modality == "future":
        return rule[0], "commitment"  # a pledged or treaty-bound transfer or defence is a commitment
    return rule


def add_events(scores: Scores, events: Sequence[CodedEvent], dyad: Dyad) -> Scores:
    """Fold the coder's events for this sentence into its scores: their stance where the cues are (nearly)
    silent, their factor always."""
    conf = load_lexicon().events
    silent = max(scores.stance["for"], scores.stance["against"]) < conf.only_below

    def role(code: str | None) -> str:
        if code and dyad.attacker and same_actor(code, dyad.attacker):
            return "K"
        return "P" if same_actor(code, dyad.patron) else "C" if same_actor(code, dyad.client) else "T" if code else "-"

    for ev in events:
        rule = _event_rule(ev, f"{role(ev.source)}>{role(ev.target)}")
        if not rule:
            continue
        stance, factor = rule
        if ev.negated:
            stance = "against" if stance == "for" else "for"
        weight = conf.weight * (0.5 if ev.modality in ("hedged", "future") else 1.0)
        if silent:
            scores.stance[stance] += weight
            scores.add_factor(factor, weight, stance)
            # cooperating, meeting, agreeing: the relationship in general, as generic as "ties" (see is_generic)
            scores.hits.append(Hit(f"<{ev.event} {ev.source}->{ev.target}>", stance, factor, weight, ev.negated,
                                   ev.event in conf.generic))
        else:
            scores.add_factor(factor, conf.factor_weight, stance)
    return scores


# --- decision -----------------------------------------------------------------


def is_candidate(sentence: str, lex: Lexicon | None = None, headline: bool = False) -> bool:
    """Could this sentence be a claim at all? (long enough, not meta, not a question).

    A title-case line is a section heading and no claim, unless it is the document's headline
    (`headline`): a news headline states the story ("X Vows To Defend Y After Strike").
    """
    lex = lex or load_lexicon()
    text = _straight(sentence).strip(" *#\"'")
    return not (
        len(text.split()) < int(lex.decision["min_words"])
        or text.endswith("?")
        or (_lower_rx(lex.meta).search(text.lower()) if text.isascii() else lex.meta.search(text))
        or (not headline and is_heading(text))
    )


def _same_text(a: str, b: str) -> bool:
    """The same words, whatever the quotes, spaces, case and markdown at the edges."""
    def norm(s: str) -> str:
        return " ".join(_straight(s).strip(" *#\"'").lower().split())

    return bool(a.strip()) and norm(a) == norm(b)


def is_heading(text: str) -> bool:
    """A title-case line with no closing punctuation ("The Limits of Alliance: When Russia Holds Back")."""
    if text.rstrip().endswith((".", "!", "?", '"', "'", ")")):
        return False
    words = [w for w in re.findall(r"[A-Za-z][\w'-]*", text) if len(w) > 3]
    return bool(words) and sum(w[0].isupper() for w in words) >= 0.6 * len(words)


def is_anchored(sentence: str, dyad: Dyad, lex: Lexicon | None = None) -> bool:
    """Does the sentence name the patron, the client or the pair, or refer back to the relationship ("this
    pact", "their")? A sentence about third parties only ("Azerbaijan blockaded the enclave") is not."""
    lex = lex or load_lexicon()
    masked = mask(sentence, dyad)
    return any(t in masked for t in (TOKENS["P"], TOKENS["C"], TOKENS["X"])) or bool(lex.anaphors.search(masked))


def is_generic(scores: Scores) -> bool:
    """Does the sentence only speak of the relationship in general? Every cue that fired is a generic one
    ("partnership", "ties", "strategic partnership", "shared interests"), none of them negated, and every coded
    event that filled in for the cues is of a generic kind (cooperating, meeting, agreeing: decision.generic_events
    in claims.yaml): no claim (issue 13)."""
    hits = [h for h in scores.hits if h.weight > 0]
    return bool(hits) and all(h.generic and not h.negated for h in hits)


_SUBJECT_PRONOUN = re.compile(r"\b(it|he|she|they)\b", re.IGNORECASE)
# a sentence that opens with a gerund or an infinitive leaves its actor implicit ("Providing Iran with jets would
# ...", "To arm Kyiv now would ..."): it may be the patron
_IMPLICIT_SUBJECT = re.compile(r"[\s\"'*]*(to [a-z]+|[A-Za-z]+ing)\b", re.IGNORECASE)


def is_about_others(sentence: str, dyad: Dyad, lex: Lexicon | None = None) -> bool:
    """Does the sentence speak only of the client and third parties: it names both, but not the patron or the
    pair, and neither an anaphor of the relationship nor a subject pronoun (it, he, she, they) brings the patron
    in, nor does it open with a gerund or infinitive whose actor is left implicit? ("Kyiv said it was open to a
    ceasefire with Moscow", patron the US.) Such a sentence is no claim: the
    client's acts towards others leak no stance onto the patron (issue 13). The third parties must all be states:
    an alliance or organisation ("a member of the CSTO", "help from NATO") may be the patron's own."""
    lex = lex or load_lexicon()
    masked = mask(sentence, dyad)
    if TOKENS["C"] not in masked or not _names_third(masked):
        return False
    if TOKENS["P"] in masked or TOKENS["X"] in masked or lex.anaphors.search(masked):
        return False
    if _SUBJECT_PRONOUN.search(masked) or _IMPLICIT_SUBJECT.match(masked):
        return False
    others = [m.code for m in find_mentions(_straight(sentence), dyad.year)
              if not (same_actor(m.code, dyad.patron) or same_actor(m.code, dyad.client))]
    return bool(others) and all(is_state(code) for code in others)


def is_others_view(sentence: str, dyad: Dyad, lex: Lexicon | None = None) -> bool:
    """Is the sentence how third parties see the relationship ("their deepening ties are viewed with concern by
    Western powers", "for Washington, the pact is a threat")? That is the others' perception, no claim on whether
    the patron will defend the client."""
    lex = lex or load_lexicon()
    return lex.others_view is not None and bool(lex.others_view.search(mask(sentence, dyad)))


def is_patron_statement(sentence: str, dyad: Dyad, scores: Scores) -> bool:
    """A statement (a speech cue: said, told, spokesman, ...) whose first actor is the patron, with no stance
    evidence either way ("The Kremlin said it was in contact with Tehran's leadership")."""
    if max(scores.stance.values()) > 0 or scores.factor["signal"] <= 0:
        return False
    first = _ACTOR_TOKEN.search(mask(sentence, dyad))
    return first is not None and first.group(0) == TOKENS["P"]


def decide(scores: Scores, anchored: bool = True, lex: Lexicon | None = None) -> tuple[str, str] | None:
    """(stance, factor) from the evidence, or None when it is not enough for a claim."""
    lex = lex or load_lexicon()
    dec = lex.decision
    st = scores.stance
    needed = float(dec["min_evidence"] if anchored else dec["min_evidence_unanchored"])
    if scores.evidence < needed or max(st.values()) <= 0:
        return None
    pro, con = st["for"], st["against"]
    lo, hi = min(pro, con), max(pro, con)
    if st["neutral"] >= hi or (lo >= float(dec["neutral_min"]) and lo >= float(dec["neutral_ratio"]) * hi):
        stance = "neutral"
    else:
        stance = "for" if pro > con else "against"
    order = list(dec["factor_order"])
    other = {"for": "against", "against": "for"}.get(stance)
    losing = float(dec.get("losing_side_factor_weight", 1.0))
    weights = {f: scores.factor[f] - (1.0 - losing) * (scores.sided[other][f] if other else 0.0) for f in order}
    factor = max(order, key=lambda f: (weights[f], -order.index(f)))
    if scores.factor[factor] <= 0:
        factor = "interest"
    return stance, factor


def code_sentence(
    sentence: str, dyad: Dyad, events: Sequence[CodedEvent] = (), lex: Lexicon | None = None,
    headline: bool = False,
) -> CodedClaim | None:
    """The claim one sentence makes about `dyad`, if any."""
    lex = lex or load_lexicon()
    if not is_candidate(sentence, lex, headline):
        return None
    scores = add_events(score_sentence(sentence, dyad, lex), events, dyad)
    if is_patron_statement(sentence, dyad, scores):
        # the patron speaking, with no cue for either way: a signal whose direction the text leaves open
        scores.stance["neutral"] += float(lex.decision["patron_statement_weight"])
    if is_generic(scores) or is_about_others(sentence, dyad, lex) or is_others_view(sentence, dyad, lex):
        return None
    decided = decide(scores, is_anchored(sentence, dyad, lex), lex)
    if decided is None:
        return None
    return CodedClaim(patron=dyad.patron, client=dyad.client, stance=decided[0], factor=decided[1])


def document_year(sentences: Sequence[str], published: str | None = None) -> int | None:
    """The year a document's leaders are read for, the event coder's (casus.events.coder.document_present): that of
    `published` (an ISO date), else that of the latest date with a month written in the text, else None (each
    name's most recent meaning)."""
    from casus.events.coder import document_present

    present = document_present(sentences, published)
    return present[0] if present else None


def meta_dyad(meta: Mapping[str, object] | None, year: int | None = None) -> Dyad | None:
    """The pair a document's front matter names (`patron`, `client`; `attacker` if given): actor codes, or names
    resolved as the event coder resolves them (casus.events.actors.resolve_actor: "Russia", "the Kremlin", a leader
    in office in `year`); what it cannot resolve is taken as a code."""
    if not meta:
        return None
    patron, client, attacker = meta.get("patron"), meta.get("client"), meta.get("attacker")

    def code(value: str) -> str:
        return actors.resolve_actor(value, year) or value.strip().upper()

    if isinstance(patron, str) and isinstance(client, str) and patron.strip() and client.strip():
        known = code(attacker) if isinstance(attacker, str) and attacker.strip() else None
        return Dyad(code(patron), code(client), known, year)
    return None


def code_claims(
    sentences: Sequence[str],
    events: Sequence[Sequence[CodedEvent]],
    title: str | None = None,
    *,
    dyad: tuple[str, str] | None = None,
    meta: Mapping[str, object] | None = None,
    paragraphs: Sequence[int] | None = None,
    published: str | None = None,
) -> list[list[CodedClaim]]:
    """Per sentence, the claims it makes on 'will PATRON defend CLIENT'.

    The dyad is given as (patron, client), or read from the document's front matter (`meta["patron"]`,
    `meta["client"]`), or else detected from the title and text; then, when `paragraphs` gives each
    sentence's paragraph number, a run of paragraphs about another pair gets claims for that pair
    (see `paragraph_dyads`). `events` may be empty lists; when the coder found events they nudge the stance.
    Actors are named as the event coder names them, leaders for the document's year (`document_year`: the
    year `published`, an ISO date, gives, else that of the latest full date in the text).
    """
    lex = load_lexicon()
    year = document_year(sentences, published)
    given = Dyad(*dyad, year=year) if dyad else meta_dyad(meta, year)
    found = given or detect_dyad(sentences, title, year)
    if found is None:
        return [[] for _ in sentences]
    pairs = [found] * len(sentences)
    if given is None and paragraphs is not None and len(paragraphs) == len(sentences):
        pairs = paragraph_dyads(sentences, paragraphs, found)
    out: list[list[CodedClaim]] = []
    for i, sentence in enumerate(sentences):
        evs = events[i] if i < len(events) else ()
        claim = code_sentence(sentence, pairs[i], evs, lex, headline=bool(title) and _same_text(sentence, title or ""))
        out.append([claim] if claim else [])
    return out


def paragraph_dyads(sentences: Sequence[str], paragraphs: Sequence[int], doc: Dyad) -> list[Dyad]:
    """The pair each sentence is read for, when the document's front matter names none.

    The document's pair holds until a paragraph names neither of its states but names two other states
    together in one sentence (or states one's defence of the other: "will X defend Y"); from there that
    pair holds, until a paragraph names one of the document's states again. Paragraphs naming no state
    keep the current pair.
    """
    groups: dict[int, list[int]] = {}
    for i, par in enumerate(paragraphs):
        groups.setdefault(par, []).append(i)
    current, out = doc, [doc] * len(sentences)
    for par in sorted(groups):
        idx = groups[par]
        named = [{m.code for m in find_mentions(sentences[i], doc.year) if is_state(m.code)} for i in idx]
        if any(doc.patron in n or doc.client in n for n in named):
            current = doc
        else:
            other = _paragraph_pair([sentences[i] for i in idx], named, doc.year)
            if other is not None:
                current = other
        for i in idx:
            out[i] = current
    return out


# A paragraph's own pair needs an oriented phrase or this many sentences naming both states: one passing
# mention ("the pact, unlike Russia's with North Korea") is no change of subject.
PARAGRAPH_PAIR_MIN_SENTENCES = 2


def _paragraph_pair(sentences: Sequence[str], named: Sequence[set[str]], year: int | None = None) -> Dyad | None:
    """The pair a paragraph is about: an oriented phrase ("will X defend Y"), else the states most often
    named together in one sentence, in at least PARAGRAPH_PAIR_MIN_SENTENCES of them (oriented by strength)."""
    for text in sentences:
        found = oriented_in(text, year=year)
        if found:
            return Dyad(*found[0], year=year)
    votes: Counter[tuple[str, str]] = Counter()
    for states in named:
        ordered = sorted(states)
        for j, a in enumerate(ordered):
            for b in ordered[j + 1 :]:
                votes[(a, b)] += 1
    if not votes:
        return None
    (a, b), n = max(votes.items(), key=lambda kv: (kv[1], kv[0]))
    return orient(a, b, year) if n >= PARAGRAPH_PAIR_MIN_SENTENCES else None


def paragraph_numbers(text: str, spans: Sequence[tuple[int, int]]) -> list[int]:
    """Each sentence's paragraph number: a new paragraph starts where a line break separates two sentences."""
    out: list[int] = []
    par, last = 0, 0
    for start, end in spans:
        if out and "\n" in text[last:start]:
            par += 1
        out.append(par)
        last = end
    return out


def explain(sentence: str, patron: str, client: str) -> list[Hit]:
    """The cues that fired in a sentence, for reports and debugging."""
    return score_sentence(sentence, Dyad(patron, client)).hits
