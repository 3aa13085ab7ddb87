"""The event lexicon: triggers, cue words, domains and actors compiled into one trie regex (casus/data/events.yaml)."""

from __future__ import annotations

import re
from collections.abc import Iterable
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
_NEVER = re.compile(r"(?!)")  # a pattern that matches nothing: the default of a Lexicon's compiled word-list patterns


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


class PhraseNode:
    """A node of the phrase trie (build_phrase_trie): the trie is walked by runs of word characters and by the
    separator runs between them, so a phrase is found with a few dict lookups instead of a regex pass."""

    __slots__ = ("next", "key", "tails")

    def __init__(self) -> None:
        self.next: dict[str, PhraseNode] = {}  # the word run (after a separator) or separator run (after a word) next
        self.key: str | None = None  # the phrase that ends with this node's word run
        self.tails: list[tuple[str, str]] = []  # (its last characters, phrase) of phrases ending in non-word characters


_WORD_RUN = re.compile(r"\w+")


def build_phrase_trie(phrases: Iterable[str]) -> PhraseNode | None:
    """The phrases as a trie of word runs and separator runs ("u.s." is u, ., s and the tail "."); None if one does
    not start with a word character (the regex then stands alone). casus.events.scan.phrase_hits walks it."""
    root = PhraseNode()
    for phrase in phrases:
        if not _WORD_RUN.match(phrase):
            return None
        node = root
        pos = 0
        for m in _WORD_RUN.finditer(phrase):
            for part in ((phrase[pos:m.start()], m.group()) if m.start() > pos else (m.group(),)):
                child = node.next.get(part)
                if child is None:
                    child = node.next[part] = PhraseNode()
                node = child
            pos = m.end()
        if pos < len(phrase):
            node.tails.append((phrase[pos:], phrase))
            node.tails.sort(key=_longest_tail_first)
        else:
            node.key = phrase
    return root


def _longest_tail_first(tail: tuple[str, str]) -> tuple[int, str]:
    return -len(tail[0]), tail[0]


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
    ties_ascii: re.Pattern[str]  # `ties` for lower-cased ASCII text (the same matches, faster)
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
    # "joint", up to three `drill_modifiers` and one of `joint_drill_nouns` ("joint military flight drills")
    joint_drill_re: re.Pattern[str] = _NEVER
    # a `presence_verbs` form, up to two words and "presence"; or "presence" and a passive of one ("will be stepped up")
    presence_re: re.Pattern[str] = _NEVER
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
    # the open-class word lists the code reads by name (`word_lists` of data/events.yaml; names in WORD_LISTS)
    word_lists: dict[str, frozenset[str]] = field(default_factory=dict)
    # before "that" within six words, a verb of signalling (`signal_stems` and any letters after it): reported speech
    signalled_that_re: re.Pattern[str] = _NEVER
    # right before "will": a possessive, article or `will_adjectives` word makes it the noun ("the political will")
    noun_will_re: re.Pattern[str] = _NEVER
    # auxiliaries, relative words and `speaker_fillers`, dropped from a speaker's phrase
    speaker_filler_re: re.Pattern[str] = _NEVER
    # auxiliaries, modals and `speaker_tail_words` at a speaker phrase's end
    speaker_tail_re: re.Pattern[str] = _NEVER
    # right before a trigger: one of `stop_verbs` ("to stop firing")
    stop_before_re: re.Pattern[str] = _NEVER
    # a substring of every form of `launch_verbs` (its first three letters): a quick test before launch_re
    launch_prefixes: tuple[str, ...] = ()
    attack_words_re: re.Pattern[str] = _NEVER  # any of `attack_nouns`
    nation_of_re: re.Pattern[str] = _NEVER  # a gap "the energy-rich nation of " (`nation_nouns`)
    thing_object_re: re.Pattern[str] = _NEVER  # a directed verb's object that is a thing, not a state (`state_object_nouns`)
    # a sentence opening with `source_report_cues` and up to four words before a mention ("According to a classified ")
    report_source_re: re.Pattern[str] = _NEVER
    thing_after_prep_re: re.Pattern[str] = _NEVER  # "for" and such a thing: "support for rebels" (`state_object_nouns`)
    definite_act_re: re.Pattern[str] = _NEVER  # "the campaign", "this move" (`definite_acts`)
    trilateral_re: re.Pattern[str] = _NEVER  # any of `trilateral_words`
    multilateral_re: re.Pattern[str] = _NEVER  # any of `multilateral_words`
    definite_dispute_re: re.Pattern[str] = _NEVER  # "the standoff", "this dispute" (`dispute_nouns`)
    faced_before_re: re.Pattern[str] = _NEVER  # a `facing_verbs` word, "under" or "amid" up to three words before
    rejected_before_re: re.Pattern[str] = _NEVER  # a refusal (`refusal_stems`) and up to four words, at the end
    declined_request_re: re.Pattern[str] = _NEVER  # a refusal of a request for something (`request_nouns`), at the end
    signing_after_re: re.Pattern[str] = _NEVER  # any of `signing_words`
    promise_to_sign_re: re.Pattern[str] = _NEVER  # a `promise_verbs` word, "to sign"
    promise_to_before_re: re.Pattern[str] = _NEVER  # a `promise_verbs` or `offer_verbs` word and "to", at the end
    light_aid_re: re.Pattern[str] = _NEVER  # a `light_aid_verbs` word and up to three words, at the end
    voiced_before_re: re.Pattern[str] = _NEVER  # a `voicing_stems` verb and modifiers, at the end
    talks_refused_re: re.Pattern[str] = _NEVER  # a `talks_refusal_stems` verb and up to three words, at the end
    copula_after_re: re.Pattern[str] = _NEVER  # right after a noun: a copula or `copula_verbs` word
    come_to_re: re.Pattern[str] = _NEVER  # a `come_verbs` word, "to", a possessor, at the end
    un_words_re: re.Pattern[str] = _NEVER  # any of `un_words`
    predicate_noun_re: re.Pattern[str] = _NEVER  # a copula or `predicate_verbs` word and an indefinite article, at the end
    topic_headline_re: re.Pattern[str] = _NEVER  # a heading part opening with an -ing word or `headline_words`
    ties_hint_re: re.Pattern[str] = _NEVER  # any of ties.nouns (a quick test before `ties`)
    ties_nouns: tuple[str, ...] = ()  # ties.nouns, as substrings for a quicker test still
    maker_suffix_re: re.Pattern[str] = _NEVER  # "-made" (`maker_suffixes`)
    link_suffix_re: re.Pattern[str] = _NEVER  # "-backed" (`link_suffixes`)
    led_suffix_re: re.Pattern[str] = _NEVER  # "-led" (`led_suffixes`)
    appositive_tail_re: re.Pattern[str] = _NEVER  # "'s closest ally," (`appositive_partner_nouns`)
    expansion_gap_re: re.Pattern[str] = _NEVER  # ", including the " (`expansion_words`)
    partner_of_re: re.Pattern[str] = _NEVER  # "'s closest ally" (`partner_modifiers`, `partner_nouns`)
    pronoun_partner_re: re.Pattern[str] = _NEVER  # " closest ally" after "its" (and `neighbour_nouns`)
    state_pair_re: re.Pattern[str] = _NEVER  # any of `state_pair_nouns`
    partner_heads: tuple[str, ...] = ()  # `partner_nouns` and `neighbour_nouns`, as substrings for a quick test
    # the object of an AID verb right after it, when it is the actor's own (`self_objects`): self-defence
    self_object_re: re.Pattern[str] | None = None
    # after a talks noun, in its clause: an auxiliary or "remain" and a `stalled_predicates` word
    stalled_after_re: re.Pattern[str] = _NEVER
    # a capitalised name run ending in or holding a `name_heads` word (case as written)
    name_head_re: re.Pattern[str] = _NEVER
    owed_aid_re: re.Pattern[str] = _NEVER  # any of `owed_aid_nouns`
    # a mutual-defence pledge: a `defence_clause_nouns` phrase, or a `shared_attack_phrases` one after "one|either|any"
    defence_clause_re: re.Pattern[str] = _NEVER
    # a defence treaty said to cover a state: `defence_treaty_nouns` then `treaty_cover_verbs`, or 'falls within|under' one
    treaty_cover_re: re.Pattern[str] = _NEVER
    # words one of which any match of defence_clause_re / treaty_cover_re holds: a quick test before each
    defence_clause_hints: tuple[str, ...] = ()
    treaty_cover_hints: tuple[str, ...] = ()
    # the phrases of `regex` as a trie over word runs (None: the regex alone); casus.events.scan.phrase_hits
    phrase_trie: PhraseNode | None = None

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
                             "mediate", "withdraw", "declined", "mobilize", "intercept", "cease", "verdict", "demand"})
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
                       "venue_nouns", "wanting_verbs", "word_lists"})
_FLAGS = ("light", "neg", "multi", "ties")
#: The open-class word lists the code reads by name, each listed once in the `word_lists` section of data/events.yaml.
#: Closed-class grammar words (prepositions, determiners, auxiliaries, clause words, pronouns) stay in
#: casus.events.words and next to the rule that reads them.
WORD_LISTS = frozenset({
    "arriving_forces",  # the subject of "arrived in X" that makes the arrival forces sent to X (AID), not a visit
    "drill_nouns",  # the last word of a drills trigger: a definite one after joint drills names those drills
    "participation_verbs",  # an actor right before one of these takes part in the drills after it, with their holders
    "membership_bodies",  # bodies a state is welcomed into ("welcome Finland to the alliance"): support for it
    "doubting_words",  # words right before a support noun that put it in doubt ("cast doubt on its commitment to")
    "stop_intent",  # the two words before a halting trigger that make it a willingness to stop, AGREE ("agreed to cease")
    "deal_nouns",  # the agreement nouns that, definite after a signing noun, name the deal just told
    "force_modifiers",  # modifiers of forces between a state adjective and a deployment noun ("Serbian military ...")
    "join_goals",  # words just before "join" that make joining a bloc a goal, not the act ("its bid to join the EU")
    "person_titles",  # title words between a state marker and a person's name (the document's person registry)
    "honorifics",  # courtesy titles before a surname ("Mr Pistorius")
    "complement_verbs",  # verbs whose that-clause a negator before them reaches ("did not say that ...")
    "joining_verbs",  # a negator before one of these does not reach a nominal trigger after it ("refused to join sanctions")
    "report_verbs",  # reporting cues that make "would" the past of "will" ("officials said X would send troops")
    "signal_stems",  # stems of signalling verbs before "that" with the same effect ("warned ... that X would")
    "will_adjectives",  # adjectives that make "will" after them a noun ("the political will", "his steadfast will")
    "wish_verbs",  # after "would", a wish, not a hedge ("would like to", "would prefer")
    "doubt_hedges",  # hedge cues that hedge a trigger wherever they stand in the sentence ("remains unclear")
    "belief_hedges",  # hedge cues that hedge a trigger only before it ("analysts expected X to ...")
    "protect_verbs",  # AID verbs of protection: intervention, or diplomatic with a diplomatic domain word
    "vague_speakers",  # words that alone name no speaker ("officials said", "some analysts")
    "unnamed_report_cues",  # report cues that name no speaker ("reportedly", "is said to")
    "source_report_cues",  # report cues whose speaker follows them ("according to X")
    "postposed_report",  # report cues that govern a trigger before them ("..., the Kremlin said.")
    "speaker_fillers",  # adverbs dropped from a speaker's phrase ("X has repeatedly said" -> "X")
    "speaker_tail_words",  # words stripped from a speaker phrase's end ("President X has declined to" -> "President X")
    "wide_irrealis",  # irrealis cues that reach a trigger up to seven words after them ("to prevent ... attacks")
    "assault_only_irrealis",  # irrealis cues only for an attack right after them and its attackers ("a potential strike")
    "adjacent_irrealis",  # irrealis cues only for a trigger at most two words after them ("in exchange for aid")
    "attacker_joiners",  # words joining a list of attackers, no gap between an irrealis cue and its attack
    "stop_verbs",  # "urged X to stop firing": asking to stop an act is no irrealis of that act
    "help_verbs",  # a trigger word right after these is a verb ("helped defend"), not a noun
    "verb_adverbs",  # adverbs right before a trigger word that make it a verb ("still supports")
    "participle_adverbs",  # adverbs before an -ed trigger word that make it an adjective ("a fully armed Iran")
    "resist_verbs",  # with a preposition or article, before an attack verb's -ing form: it modifies forces ("repel invading")
    "not_recipient_preps",  # after a transfer verb, these name a path, not a recipient ("extends across domains")
    "stay_verbs",  # with the copulas, between a support noun and `limited_support` ("support remained limited to")
    "limiting_adverbs",  # may stand before `limited_support` ("remained largely limited to")
    "region_names",  # regions named as their state (Crimea): that state is the target only of an attack or coercion
    "attack_nouns",  # an accusation with no target in a sentence naming one of these accuses the attacker
    "nation_nouns",  # "defend the energy-rich nation of X": X is the direct object
    "state_object_nouns",  # a directed verb's object with one of these names a state, not a thing ("defended its ally")
    "cause_modifiers",  # modifiers inside a cause phrase ("amid new deliveries")
    "definite_acts",  # "condemned the campaign": an act named by a definite description right after a condemnation
    "irregular_participles",  # participles not ending in -ed/-en ("were sent"): a verb trigger in the passive
    "body_nouns",  # a state's own bodies ("Iran's cabinet met"): its own meeting, no meeting with another state
    "trilateral_words",  # a meeting of three ("trilateral talks"): two named parties do not make a pair
    "multilateral_words",  # a meeting of many ("multilateral", "jointly"): several subjects meet together
    "dispute_nouns",  # "mediate the standoff": the dispute named before is the one mediated
    "facing_verbs",  # "faces mounting pressure": the coercion noun after these has its target as subject
    "light_gap_adverbs",  # with auxiliaries, may stand between an attacker and its light verb ("X then launched")
    "verdict_verbs",  # "called the strikes a crime": a verdict on an act named after them
    "shared_verdict_verbs",  # "X and Y agreed that Z's conduct poses grave threats": before "that", a verdict both voice
    "refusal_stems",  # stems of refusal verbs and any letters after them ("declined", "turned down")
    "request_nouns",  # "rejected the request for aid": after a refusal, the aid was asked for, not given
    "signing_words",  # after an agreement noun: it was signed ("the accord was signed"), an AGREE
    "promise_verbs",  # "promised to sign the pact": one side's agreement; before a trigger with "to", a pledge
    "offer_verbs",  # with `promise_verbs` before "to" and an agreement trigger: one side's offer
    "light_aid_verbs",  # "offered support": light verbs that make a support noun a transfer
    "voicing_stems",  # "voiced support": stems of verbs of saying that make a support noun words only
    "voiced_modifiers",  # may stand between a `voicing_stems` verb and the noun ("expressed strong support")
    "talks_refusal_stems",  # "refused direct talks": a refusal before talks makes them a rejection
    "copula_verbs",  # "support remains pragmatic": with the copulas, a characterisation of the noun, no act
    "copula_adverbs",  # may stand before the copula ("is still")
    "unnamed_partner_nouns",  # "defend our allies": after the actor's own possessive pronoun, partners unnamed (no target)
    "posted_envoy_nouns",  # "ambassador to the EU": the state after "<noun> to" is where the envoy serves, not its sender
    "addressee_verbs",  # "told X": X is the one told, not the speaker of the quotation
    "saying_forms",  # "claiming Moscow has fired": a state after one, before an auxiliary, is a clause subject
    "permitting_verbs",  # "allowed Kyiv to strike": the object acts (object control), not the subject
    "awaiting_verbs",  # a receiving verb of these ("Kyiv expects tanks from Berlin"): the delivery is to come (future)
    "offering_verbs",  # aid offered ("offers defensive assurances to X"): pledged, future
    "discussion_verbs",  # aid named just after these is only talked over ("discussed military aid"): hedged; their
    # direct object is a topic, not a party ("discussed Iran with Trump")
    "come_verbs",  # "come to X's aid": intervention for the possessor
    "come_to_aid_nouns",  # the aid nouns after "come to X's"
    "un_words",  # the United Nations and its texts (case as written): diplomatic support there is diplomatic aid
    "weapon_nouns",  # "attack helicopters": after "attack"/"strike", a kind of weapon
    "weapon_modifier_verbs",  # trigger words that may modify a weapon noun ("attack drones")
    "verb_subject_nouns",  # before "attack"/"strike", a subject: the word is a verb ("troops attack")
    "of_np_modifiers",  # modifiers after a determiner before "of" ("a deeper cooperation of")
    "predicate_verbs",  # "constitutes an attack": with the copulas, the attack noun is a predicate, no event
    "headline_words",  # a heading opening so ("Explainer: ...") names a topic (case as written)
    "tell_stems",  # a THREATEN verb told to someone: an order ("told X to"), or a warning ("told X not to")
    "message_verbs",  # "sent Ethiopia a stern warning": before an indirect object and a nominal statement, its addressee
    "request_to_stems",  # request verbs for which "to" after is a request ("appealed to"), not an attempt
    "push_stems",  # request verbs that need words and then "to" ("pressed X to"), not "pressing issues"
    "shoot_down_stems",  # attack verbs that, before projectiles, are an interception ("shot down missiles")
    "interceptor_nouns",  # projectiles that make a launch a defence ("fired interceptors")
    "presence_verbs",  # before "presence" (up to two words between), or after it in a passive: forces built up, MOBILIZE
    "joint_drill_nouns",  # after "joint" and `drill_modifiers`: joint drills ("joint missile defense exercise")
    "drill_modifiers",  # words between "joint" and a `joint_drill_nouns` word
    "deployment_nouns",  # forces moved; sent to a state named right after them, AID/intervention to it, else MOBILIZE
    "test_projectiles",  # a launch of these at no named target is a weapons test ("fired a ballistic missile"): MOBILIZE
    "threat_vows",  # "vowed to attack X": before an attack verb, a threat of it (THREATEN/military), not the attack
    "maker_suffixes",  # "Russian-made jets": the state after which this suffix stands made them, no party
    "link_suffixes",  # "Iran-backed militias": a modifier
    "led_suffixes",  # "the Saudi-led coalition": the leader acts
    "appositive_partner_nouns",  # "China, Pakistan's closest ally, urged": a description of the state before
    "common_verbs",  # verbs before a mention that make it an object ("urged Iran")
    "clause_verbs",  # ", and X <verb>": X opens a clause of its own, not a list ("..., and Venezuela found out")
    "lead_modifiers",  # adjectives skipped before a mention to find its preposition ("with key ally X")
    "envoy_nouns",  # "envoys from Chile began talks": the envoys' state acts, as a subject would
    "spokes_nouns",  # "a spokesman for X said": X speaks
    "gerund_adverbs",  # "with Trump again threatening Iran": an adverb before the gerund
    "expansion_words",  # "proxy forces, including X and Y": the named ones stand for the group
    "attr_modifiers",  # words inside an attribution phrase ("senior Iranian officials")
    "attribution_phrases",  # attribution nouns of two words ("state media")
    "partner_modifiers",  # "Manila's strongest ally", "its key Asian ally": up to two before the partner noun
    "partner_nouns",  # the possessor's partner ("Russia's ally")
    "neighbour_nouns",  # with `partner_nouns` after a pronoun ("its neighbour")
    "say_verbs",  # a speaking verb next to a mention: the quotation in the sentence is that actor's
    "say_words",  # with `say_verbs`, between officials and a trigger: the officials speak, they do not act
    "state_pair_nouns",  # "the two countries": a pair of states (not of other actors)
    "plural_deals",  # "X and Y secured trade agreements with Z": one deal each with Z
    "stalled_predicates",  # "negotiations ... have fallen off": talks at a standstill, not held
    "defence_treaty_nouns",  # "the security treaty", "Article 5": a defence pledge a state may fall under
    "treaty_cover_verbs",  # "applies to", "extends to": what the treaty covers follows
    "defence_clause_nouns",  # a treaty's pledge of mutual defence named as such ("the mutual defence clause")
    "readiness_words",  # right before "for"/"to" and a joint trigger: one party's readiness ("ready for cooperation with X")
    "shared_attack_phrases",  # "... shall be considered an aggression against both": an attack on one is on all
    "owed_aid_nouns",  # "provide assistance to each other": aid both ways, not cooperation
    "name_heads",  # "Defense Security Cooperation Agency": the head noun of a proper name holding a trigger word
})


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


def validate_word_lists(lists: object, name: str = "events.yaml") -> dict[str, frozenset[str]]:
    """The `word_lists` section as sets of words, or one line naming the file and the list that is wrong: a name
    the code does not read (WORD_LISTS), a name it reads that is missing, or a value that is not a non-empty list
    of non-empty strings (a bare `no` or `on` in YAML is a boolean: quote it)."""
    if not isinstance(lists, dict) or not lists:
        raise CasusError(f"{name}: 'word_lists' must be a mapping of list names to lists of words")
    unknown = sorted(str(k) for k in lists if k not in WORD_LISTS)
    if unknown:
        raise CasusError(f"{name}: word_lists: unknown list {unknown[0]!r} (known: {', '.join(sorted(WORD_LISTS))})")
    missing = sorted(WORD_LISTS - set(lists))
    if missing:
        raise CasusError(f"{name}: word_lists: missing list {missing[0]!r}")
    out: dict[str, frozenset[str]] = {}
    for key, words in lists.items():
        if not isinstance(words, list) or not words:
            raise CasusError(f"{name}: word_lists: list {key!r} must be a non-empty list of words")
        bad = [w for w in words if not isinstance(w, str) or not w.strip()]
        if bad:
            raise CasusError(f"{name}: word_lists: list {key!r} holds {bad[0]!r}, not a word (quote it)")
        out[str(key)] = frozenset(words)
    return out


# closed-class words that cannot begin a bare object noun phrase ("backing rebels", not "backing it", "backing to")
_NOT_BARE_OBJECT = ("the|its|his|her|their|this|that|these|those|a|an|any|some|our|your|my|no|every|each|both|all|either|"
                    "neither|such|it|them|him|us|me|you|one|ones|itself|themselves|to|in|on|at|by|for|with|from|of|as|"
                    "into|onto|against|toward|towards|about|over|under|through|between|among|after|before|during|and|or|"
                    "but|nor|while|when|if|because|which|who|whom|whose|where|is|are|was|were|be|been|being|has|have|"
                    "had|do|does|did|will|would|can|could|may|might|should|must|not|up|out|off|back|again|also|too|"
                    "further|then|there|here|so|than")


def _thing_object(state_nouns: frozenset[str]) -> str:
    """An object slot that holds a thing, not a state: "against", "itself", a determiner and a noun that is no
    `state_object_nouns` ("its sovereignty", "the M23 rebels"), or a bare noun phrase ("local separatists"); an
    adverb may come first ("directly supporting")."""
    states = _alternation(state_nouns)
    no_state = r"(?!(?:[\w-]+\s+){0,3}?(?:" + states + r")\b)"  # no state noun heads the phrase ("the isolated state")
    return (r"(?:\s+[a-z]+ly)?\s+(?:against\b|itself\b|themselves\b|(?:the|its|his|her|their|this|that)\s+"
            + no_state + r"[\w-]+\b|(?![a-z]+ly\b)(?!(?:" + _NOT_BARE_OBJECT + r")\b)" + no_state + r"[a-z][\w-]*\b)")


def _lead(words: Iterable[str]) -> str:
    """A lookahead for the first characters of `words`: the engine tries an alternation of them only where one could
    start (the same matches, far fewer attempts; under re.I the class takes the same cases as the letters)."""
    return "(?=[" + re.escape("".join(sorted({w[0] for w in words}))) + "])"


def _first_words(phrases: Iterable[str]) -> tuple[str, ...]:
    """The first word of each phrase: a substring of any text that holds the phrase (a quick test before a regex)."""
    return tuple(sorted({p.split(" ", 1)[0] for p in phrases}))


def _presence_re(verbs: frozenset[str]) -> re.Pattern[str]:
    """'bolstering its presence', 'an increased military presence', 'the presence will be stepped up'."""
    forms = frozenset(f for v in verbs for f in inflect(v))
    alt = _alternation(forms, r"\s+")
    return re.compile(r"\b(?:(?:" + alt + r")\s+(?:[\w-]+\s+){0,2}?presence|presence\s+(?:\w+\s+){1,2}(?:further\s+)?(?:"
                      + alt + r"))\b")


def _alternation(words: frozenset[str], space: str = " ") -> str:
    """A regex alternation of the words, longest first (then alphabetical, so the pattern does not vary by run);
    a space inside a phrase becomes `space` (a whitespace run pattern, or a plain space)."""
    return "|".join(re.escape(w).replace("\\ ", space) for w in sorted(words, key=lambda w: (-len(w), w)))


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
    word_lists = validate_word_lists(data["word_lists"])
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
    # (a lookahead for the first characters skips most positions before the alternatives are tried; same matches)
    first = "".join(sorted({w[0] for w in word_b + punct_b}))
    boundary = re.compile(r"(?=[" + re.escape(first) + r"])(?:\b(?:" + trie_regex(word_b) + r")(?!(?<=yet)\s+to\b)|(?:"
                          + trie_regex(punct_b) + r"))(?!\w)")
    domains_by_type = {t: dict(m or {}) for t, m in data["modes"].items()}
    assault_modes = {w.lower(): mode for mode, words in data["assault_modes"].items() for w in words}
    controls = sorted((str(w) for w in data["control_nouns"]), key=len, reverse=True)
    control_re = re.compile(r"\b" + _lead(controls) + r"(?:" + "|".join(re.escape(c) for c in controls) + r")\b", re.I)
    gov = sorted((str(w) for w in data["agree_governors"]), key=len, reverse=True)
    agree_governors = re.compile(r"\b" + _lead(gov) + r"(?:" + "|".join(re.escape(g) for g in gov) + r")\b", re.I)
    one = sorted((str(w) for w in data["agree_one_sided"]), key=len, reverse=True)
    agree_one_sided = re.compile(r"\b(?:" + "|".join(re.escape(g) for g in one) + r")\b", re.I)
    # every inflected form ("advancing", "intensified"), not the lemma and any letters after it
    tv = "|".join(sorted({re.escape(f) for v in data["ties"]["verbs"] for f in inflect(str(v))}, key=len, reverse=True))
    tn = "|".join(re.escape(n) for n in data["ties"]["nouns"])
    # quotation marks may close the verb or open its object ('to "steadily develop" bilateral relations')
    ties_tail = r")[\"\u201d\u2019]?\s+(?:[\"\u201c\u2018]?[\w-]+[\"\u201d\u2019]?\s+){0,3}?[\"\u201c\u2018]?(?:"
    ties = re.compile(r"\b(?:" + tv + ties_tail + tn + r")\b", re.I)
    # the same matches in lower-cased ASCII text: case-sensitive, after a lookahead for the verbs' first letters
    # (several times faster than IGNORECASE)
    tv_low = sorted({f.lower() for v in data["ties"]["verbs"] for f in inflect(str(v))}, key=len, reverse=True)
    ties_ascii = re.compile(r"(?=[" + re.escape("".join(sorted({f[0] for f in tv_low}))) + r"])\b(?:"
                            + "|".join(re.escape(f) for f in tv_low) + ties_tail
                            + "|".join(re.escape(str(n).lower()) for n in data["ties"]["nouns"]) + r")\b", re.ASCII)
    ties_purpose = _ties_purpose(data["ties"])
    pl = "|".join(sorted((re.escape(str(w).lower()) for w in data["ties"]["pledges"]), key=len, reverse=True))
    ties_pledge = re.compile(r"\b(" + pl + r")\b[\"\u201d\u2019]?\s+(?:of\s+[^;:]{1,80}?\s+)?to\s+(?:[\"\u201c\u2018]?[\w]+ly\s+)?[\"\u201c\u2018]?$",
                             re.I)
    ties_purpose_obj = re.compile(ties_purpose.pattern[:-1].replace(r"\s+(?:(?:further|\w+ly)\s+)?", r"\s+(?:(?:further|\w+ly)\s+)?(?:" + tv + r")(?:\s+[\w'-]+){0,8}?\s+", 1) + "$", re.I)
    rv = sorted((str(w) for w in data["recipient_verbs"]), key=len, reverse=True)
    recipient_re = re.compile(r"\b" + _lead(rv) + r"(?:" + "|".join(re.escape(w) for w in rv) + r")\b(?:\s+[\w-]+){0,4}\s*$", re.I)
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
    # a refusal verb and up to four words ("declined Yerevan's", "turned down the")
    partner_words = r"(?:(?:" + _alternation(word_lists["partner_modifiers"]) + r")\s+){0,2}"  # "closest", "key Asian"
    refused = r"\b(?:" + _alternation(word_lists["refusal_stems"], r"\s+") + r")\w*\s+(?:[\w.'-]+\s+){0,4}?"
    return Lexicon(
        nonevent_heads=frozenset(str(w).lower() for w in data["nonevent_heads"]),
        info=info,
        trigger_words=frozenset(first_words),
        ties=ties,
        ties_ascii=ties_ascii,
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
        wanting_re=re.compile(r"\b" + _lead(str(w) for w in data["wanting_verbs"]) + r"(?:"
                              + "|".join(re.escape(str(w)) for w in sorted(data["wanting_verbs"], key=len, reverse=True))
                              + r")\b(?:\s+[\w.'\u2019-]+){0,6}\s*$", re.I),  # "sought U.S. support", "needs Russia's help"
        regex=regex,
        phrase_trie=build_phrase_trie(keys),
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
        limited_re=re.compile(r"(?:\s+(?:for|to)\s+(?:[\w.'-]+\s+){0,3}?[\w.'-]+)?\s+(?:has\s+|have\s+|had\s+)?(?:was|were|is|are|been|"
                              + _alternation(word_lists["stay_verbs"]) + r")\s+"
                              r"(?:(?:" + _alternation(word_lists["limiting_adverbs"]) + r")\s+)?(?:"
                              + "|".join(re.escape(str(w).lower()) for w in data["limited_support"]) + r")\b", re.I),
        frames=frames,
        word_lists=word_lists,
        signalled_that_re=re.compile(r"\b(?:" + _alternation(word_lists["signal_stems"]) + r")\w*(?:\s+\S+){0,6}?\s+that\b"),
        noun_will_re=re.compile(r"(?:\b(?:his|her|its|their|our|my|the|a|" + _alternation(word_lists["will_adjectives"])
                                + r")\s+)$"),
        speaker_filler_re=re.compile(r"\b(?:has|have|had|also|who|which|as|" + _alternation(word_lists["speaker_fillers"]) + r")\b"),
        speaker_tail_re=re.compile(r"(?:\s+(?:has|have|had|is|are|was|were|did|does|do|also|not|to|would|will|could|may|might|"
                                   + _alternation(word_lists["speaker_tail_words"]) + r"))+$"),
        presence_re=_presence_re(word_lists["presence_verbs"]),
        joint_drill_re=re.compile(r"\bjoint\s+(?:(?:" + _alternation(word_lists["drill_modifiers"]) + r")\s+){0,3}(?:"
                                  + _alternation(word_lists["joint_drill_nouns"]) + r")\b"),
        launch_prefixes=tuple(sorted({f[:3] for v in data["launch_verbs"] for f in inflect(str(v))})),
        attack_words_re=re.compile(r"\b(?:" + _alternation(word_lists["attack_nouns"]) + r")\b"),
        nation_of_re=re.compile(r"\s+(?:the|its|their|our|his|her)\s+(?:[\w-]+\s+){0,3}?(?:"
                                + _alternation(word_lists["nation_nouns"]) + r")\s+of\s+$"),
        thing_object_re=re.compile(_thing_object(word_lists["state_object_nouns"])),
        report_source_re=re.compile(r"\W*(?:" + _alternation(word_lists["source_report_cues"]) + r")\s+(?:[\w'.-]+\s+){0,4}"),
        thing_after_prep_re=re.compile(r"\s+for" + _thing_object(word_lists["state_object_nouns"])),
        definite_act_re=re.compile(r"\s+(?:the|this|that|these|those)\s+(?:\w+\s+)?(?:"
                                   + _alternation(word_lists["definite_acts"]) + r")\b"),
        trilateral_re=re.compile(r"\b(?:" + _alternation(word_lists["trilateral_words"]) + r")\b"),
        multilateral_re=re.compile(r"\b(?:" + _alternation(word_lists["multilateral_words"]) + r")\b"),
        definite_dispute_re=re.compile(r"\s+(?:the|this|that|current)\s+(?:[\w-]+\s+){0,2}?(?:"
                                       + _alternation(word_lists["dispute_nouns"]) + r")\b"),
        faced_before_re=re.compile(r"\b(?:under|amid|" + _alternation(word_lists["facing_verbs"])
                                   + r")\s+(?:[\w\"'\u201c-]+\s+){0,3}$"),
        rejected_before_re=re.compile(refused + r"$", re.I),
        declined_request_re=re.compile(refused + r"(?:" + _alternation(word_lists["request_nouns"])
                                       + r")\s+for\s+(?:[\w-]+\s+){0,2}$", re.I),
        signing_after_re=re.compile(r"\b(?:" + _alternation(word_lists["signing_words"]) + r")\b"),
        promise_to_sign_re=re.compile(r"\b(?:" + _alternation(word_lists["promise_verbs"]) + r")\s+to\s+sign"),
        promise_to_before_re=re.compile(r"\b(?:" + _alternation(word_lists["promise_verbs"] | word_lists["offer_verbs"])
                                        + r")\s+to\s+$"),
        light_aid_re=re.compile(r"\b(?:" + _alternation(word_lists["light_aid_verbs"]) + r")\b(?:\s+[\w'-]+){0,3}\s*$", re.I),
        voiced_before_re=re.compile(r"\b(?:" + _alternation(word_lists["voicing_stems"]) + r")\w*(?:\s+(?:its|their|his|her|the|"
                                    + _alternation(word_lists["voiced_modifiers"]) + r"))*\s+$", re.I),
        talks_refused_re=re.compile(r"\b(?:" + _alternation(word_lists["talks_refusal_stems"], r"\s+")
                                    + r")\w*\s+(?:[\w'-]+\s+){0,3}?$", re.I),
        copula_after_re=re.compile(r"^\s*(?:for\s+(?:the\s+)?[\w.' -]+?\s*)?(?:,[^,]*,\s*)?(?:(?:also|"
                                   + _alternation(word_lists["copula_adverbs"]) + r")\s+)?\b(?:is|was|are|were|has been|had been|"
                                   + _alternation(word_lists["copula_verbs"]) + r")\b", re.I),
        come_to_re=re.compile(r"\b(?:" + _alternation(word_lists["come_verbs"])
                              + r")\s+to\s+(?:the\s+)?[\w'.-]+(?:\s+[\w'.-]+)?'s?\s+$"),
        un_words_re=re.compile(r"\b(?:" + _alternation(word_lists["un_words"]) + r")\b"),
        predicate_noun_re=re.compile(r"\b(?:is|was|are|were|be|been|" + _alternation(word_lists["predicate_verbs"])
                                     + r")\s+(?:an?|another|no less than an?)\s+(?:[\w-]+\s+){0,2}$"),
        topic_headline_re=re.compile(r"(?:^|[:?]\s+)(?:[A-Z][a-z]+ing|" + _alternation(word_lists["headline_words"]) + r")\b"),
        ties_hint_re=re.compile(r"\b(?:" + _alternation(frozenset(str(n) for n in data["ties"]["nouns"])) + r")\b"),
        ties_nouns=tuple(str(n) for n in data["ties"]["nouns"]),
        maker_suffix_re=re.compile(r"-(?:" + _alternation(word_lists["maker_suffixes"]) + r")\b", re.I),
        link_suffix_re=re.compile(r"-(?:" + _alternation(word_lists["link_suffixes"]) + r")\b", re.I),
        led_suffix_re=re.compile(r"-(?:" + _alternation(word_lists["led_suffixes"]) + r")\b", re.I),
        appositive_tail_re=re.compile(r"'s?\s+(?:[\w-]+\s+){0,2}?(?:" + _alternation(word_lists["appositive_partner_nouns"])
                                      + r")\s*,"),
        expansion_gap_re=re.compile(r"\s*,?\s*(?:" + _alternation(word_lists["expansion_words"]) + r")\s+(?:the\s+)?"),
        partner_of_re=re.compile(r"'s?\s+" + partner_words + r"(?:" + _alternation(word_lists["partner_nouns"]) + r")\b"),
        pronoun_partner_re=re.compile(r"\s+" + partner_words + r"(?:"
                                      + _alternation(word_lists["partner_nouns"] | word_lists["neighbour_nouns"]) + r")\b"),
        state_pair_re=re.compile(r"\b(?:" + _alternation(word_lists["state_pair_nouns"]) + r")\b"),
        partner_heads=tuple(sorted(word_lists["partner_nouns"] | word_lists["neighbour_nouns"])),
        stop_before_re=re.compile(r"\b(?:" + _alternation(word_lists["stop_verbs"]) + r")\s+$"),
        stalled_after_re=re.compile(r"\b(?:have|has|had|remain|remains|remained|are|is|were|was)\s+(?:[a-z]+ly\s+|since\s+|long\s+)?"
                                    r"(?:been\s+)?(?:" + _alternation(word_lists["stalled_predicates"], r"\s+") + r")\b"),
        name_head_re=re.compile(r"\b(?:" + _alternation(word_lists["name_heads"]) + r")\b"),
        owed_aid_re=re.compile(r"\b(?:" + _alternation(word_lists["owed_aid_nouns"]) + r")\b"),
        treaty_cover_re=re.compile(r"\b(?:" + _alternation(word_lists["defence_treaty_nouns"], r"\s+") + r")\b[^.;]{0,40}?\b(?:"
                                   + _alternation(word_lists["treaty_cover_verbs"], r"\s+") + r")\b|\b(?:fall|falls|fell)\s+"
                                   r"(?:within|under)\s+[^.;]{0,40}?\b(?:" + _alternation(word_lists["defence_treaty_nouns"], r"\s+")
                                   + r")\b"),
        defence_clause_re=re.compile(r"\b(?:" + _alternation(word_lists["defence_clause_nouns"], r"\s+") + r")\b|"
                                     r"\b(?:on|against|upon)\s+(?:one|either|any)\b[^.;]{0,80}?\b(?:"
                                     + _alternation(word_lists["shared_attack_phrases"], r"\s+") + r")\b"),
        defence_clause_hints=_first_words(word_lists["defence_clause_nouns"] | word_lists["shared_attack_phrases"]),
        treaty_cover_hints=_first_words(word_lists["defence_treaty_nouns"]),
    )
