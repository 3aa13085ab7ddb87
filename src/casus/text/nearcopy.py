"""When two sentences are near-copies: the pair rule that corroboration closes transitively.

Two sentences are near-copies when their normal forms (lower-case words only)
are equal, when they share a verbatim run of COMMON_RUN words, or when both have
at least MIN_SHINGLES word bigrams and their bigram sets are similar: Jaccard
>= threshold, or the smaller set (MIN_CONTAINED_SHINGLES or more) at least
CONTAINMENT inside the larger (a sentence quoted whole inside a longer one).

The rule lives here, on the text floor, so that both the store (which keeps
clusters as documents are written, casus.store.clusters) and corroboration
(which clusters a list at once, casus.corroborate.clusters) apply the same one.

Example:
    >>> a = signature("Russia condemned the strikes on Iran as illegal.")
    >>> near_copies(a, signature("Russia condemned the strikes on Iran as illegal and unprovoked."))
    True
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

THRESHOLD = 0.7  # default Jaccard threshold on word bigrams
SHINGLE = 2  # word n-grams; bigrams keep one edited word from costing more than two shingles
MIN_SHINGLES = 4  # shorter sentences join a cluster only by exact (normalised) match
CONTAINMENT = 0.9  # a sentence quoted inside a longer one: share of the shorter's shingles
MIN_CONTAINED_SHINGLES = 8  # ... only when the shorter one is long enough to be distinctive
COMMON_RUN = 12  # sharing this many consecutive words is copying (a copied sentence with a new tail)

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " "})
_NON_WORD = re.compile(r"[^\w']+")


def normalise(text: str) -> str:
    """Lower-case words only: quotes, markdown, punctuation and spacing do not count."""
    words = _NON_WORD.sub(" ", text.translate(_QUOTES).lower()).split()
    return " ".join(w.strip("'") for w in words if w.strip("'"))


def shingles(norm: str, n: int = SHINGLE) -> frozenset[str]:
    """Word n-grams of a normalised sentence (the whole sentence when shorter)."""
    words = norm.split()
    if len(words) <= n:
        return frozenset([norm]) if norm else frozenset()
    return frozenset(" ".join(words[i : i + n]) for i in range(len(words) - n + 1))


def runs(norm: str, n: int = COMMON_RUN) -> list[str]:
    """Every verbatim run of n words of a normalised sentence (none when it is shorter)."""
    words = norm.split()
    return [" ".join(words[k : k + n]) for k in range(len(words) - n + 1)]


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 1.0


def containment(a: frozenset[str], b: frozenset[str]) -> float:
    """Share of the smaller set found in the larger."""
    small = min(len(a), len(b))
    return len(a & b) / small if small else 0.0


def similar(a: frozenset[str], b: frozenset[str], threshold: float = THRESHOLD) -> bool:
    """Jaccard >= threshold, or the smaller set (long enough) contained in the larger: one intersection for both."""
    la, lb = len(a), len(b)
    small = min(la, lb)
    if small < MIN_CONTAINED_SHINGLES and small < threshold * max(la, lb):
        return False  # too short to be contained, too unequal in size to reach the Jaccard threshold
    return similar_counts(la, lb, len(a & b) if la <= lb else len(b & a), threshold)


def similar_counts(la: int, lb: int, inter: int, threshold: float = THRESHOLD) -> bool:
    """`similar` from the two set sizes and the size of their intersection."""
    if inter >= threshold * (la + lb - inter):
        return True
    small = min(la, lb)
    return small >= MIN_CONTAINED_SHINGLES and inter >= CONTAINMENT * small


@dataclass(frozen=True, slots=True)
class Signature:
    """One sentence as the pair rule sees it: its normal form and its word bigrams."""

    norm: str
    shingles: frozenset[str]

    @property
    def size(self) -> int:
        return len(self.shingles)

    @property
    def fuzzy(self) -> bool:
        """Long enough to be compared on shingles (else only exact text and runs count)."""
        return self.size >= MIN_SHINGLES

    def runs(self) -> list[str]:
        return runs(self.norm)


@lru_cache(maxsize=4096)
def signature(text: str) -> Signature:
    norm = normalise(text)
    return Signature(norm, shingles(norm))


def near_copies(a: Signature, b: Signature, threshold: float = THRESHOLD) -> bool:
    """The pair rule: same normal form, a shared run of COMMON_RUN words, or (both long enough) similar shingles."""
    if a.norm == b.norm:
        return True
    if a.fuzzy and b.fuzzy and similar(a.shingles, b.shingles, threshold):
        return True
    ra = set(a.runs())
    return bool(ra) and any(r in ra for r in b.runs())
