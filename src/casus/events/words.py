"""Word classes and the small patterns the coder's stages share."""

from __future__ import annotations

import re

# --------------------------------------------------------------------------- word classes

# Closed-class grammar (prepositions, determiners, auxiliaries, clause words) stays in code: it is the grammar the
# mechanisms are written in. Open-class vocabulary (verbs, nouns, adjectives, adverbs of reporting and hedging,
# domain words) lives in data/events.yaml (`word_lists`, names in casus.events.lexicon.WORD_LISTS).

PREPS = frozenset(
    "of to with for against on in from at towards toward into between over than about regarding concerning among amid including "
    "like via through across by under within beyond behind near upon onto despite".split()
)
DETS = frozenset("the a an its their his her this that these those some any all our such".split())
AUX = frozenset(
    "is are was were be been being has have had do does did will would shall should can could may might must "
    "not n't also".split()
)
CLAUSE_WORDS = frozenset("that which who whom whose where when while if but and or as because so".split())
TRANSFER_PREPS = frozenset({"to", "for"})
DIRECT_PREPS = frozenset({"to", "for", "on", "against", "toward", "towards", "over"})
SPEECH_TYPES = frozenset({"ACCUSE", "THREATEN", "REQUEST", "REJECT", "SUPPORT", "PROTEST"})
WORD_RE = re.compile(r"[\w'-]+")
_NORM = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " ",
                       "\u2009": " ", "\u202f": " ", "*": " ", "\u2013": "\u2014"})
_SPACES = re.compile(r"\s+")
_CLAUSE_PUNCT = re.compile(r"[,.;]")
