"""The coder's and the claims stage's fast paths give exactly what the plain computations give.

Each speed-up (cue prefilter, lower-cased matching, shared word boundaries, quick hints) is checked
against the straightforward version on generated sentences and on text built to hit the edge cases
(non-ASCII case folding, odd whitespace, words that merely contain a cue).
"""

from __future__ import annotations

import random
import re

import pytest

from casus.claims import stance as claims
from casus.events import coder, dates, words
from casus.events import sentence as sentence_module
from casus.run.bench import synthetic_sentences

EDGE = [
    "The Kremlin did not rule out sending troops; instead, it urged restraint.",
    "Iran\u2019s \u201cstrategic partnership\u201d with Russia is not a defence pact.",
    "R\u0130SK and ri\u017fk: the \u212aremlin\u2019s guarantee\u017f, \u0131f any, remain vague.",
    "Whilst Moscow supplied drones to Tehran, it never extended its security umbrella.",
    "Neither Beijing nor Pyongyang signed a mutual-defence treaty in 1961?",
    "NOT unlikely: Russia WILL defend Iran, officials said, rather than abandon it.",
    "Undeclared, unspecified, unsigned: the accord\u00a0lapsed\tlast  year.",
    "Ibrahim Kalin and Cevdet Yilmaz met the Saudi foreign minister on 3 May 2024.",
    "",
    "   ",
]


def _sentences() -> list[str]:
    r = random.Random(5)
    words = ['not', 'no', 'never', 'defend', 'treaty', 'pact', 'ally', 'allies', 'risk', 'costly', 'Russia',
             'Iran', 'China', 'the', 'of,', ';', '-', '\u2019s', '\u017f', '\u0130', '\u0131', '\u212a', 'May', '2020',
             'last', 'year', 'since', 'in', 'on', 'Moscow', 'Tehran']
    noise = [" ".join(r.choice(words) for _ in range(r.randint(1, 20))) for _ in range(300)]
    return synthetic_sentences(400, seed=3) + EDGE + noise


def _all_cues(masked: str, lex: claims.Lexicon) -> list[tuple[int, int, int]]:
    """_matches without any prefilter or lower-casing: every cue, IGNORECASE, on the masked text."""
    stance_hits, factor_hits = [], []
    for i, cue in enumerate(lex.cues):
        for m in cue.pattern.finditer(masked):
            if m.end() == m.start():
                continue
            (factor_hits if cue.stance == "none" and cue.weight > 0 else stance_hits).append((m, i))
    taken = bytearray(len(masked))
    kept = []
    for m, i in sorted(stance_hits, key=lambda mc: (mc[0].start() - mc[0].end(), mc[0].start())):
        if taken.find(1, m.start(), m.end()) != -1:
            continue
        taken[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
        if lex.cues[i].weight > 0:
            kept.append((m, i))
    return [(m.start(), m.end(), i) for m, i in sorted(kept + factor_hits, key=lambda mc: mc[0].start())]


def test_cue_prefilter_finds_every_match() -> None:
    lex = claims.load_lexicon()
    index = {id(c): i for i, c in enumerate(lex.cues)}
    for dyad in (claims.Dyad("RUS", "IRN"), claims.Dyad("CHN", "PRK")):
        for sentence in _sentences():
            masked = claims.mask(sentence, dyad)
            fast = [(m.start(), m.end(), index[id(c)]) for m, c in claims._matches(masked, lex)]
            assert fast == _all_cues(masked, lex), masked


def test_cue_anchors_are_necessary() -> None:
    lex = claims.load_lexicon()
    for sentence in _sentences():
        masked = claims.mask(sentence, claims.Dyad("RUS", "IRN"))
        if not claims._FOLD_ODD.isdisjoint(masked):
            continue
        low = masked.lower()
        for cue in lex.cues:
            if cue.pattern.search(masked):
                assert all(any(a in low for a in clause) for clause in cue.anchors), (cue.pattern.pattern, masked)


def test_lower_cased_matching_is_the_same() -> None:
    lex = claims.load_lexicon()
    patterns = [c.pattern for c in lex.cues] + [lex.negators, lex.long_negators, lex.short_negators,
                                                 lex.scope_breakers, lex.partial_negators, lex.concessive,
                                                 lex.contrast, lex.conditional, lex.meta, lex.anaphors]
    for sentence in _sentences():
        if not sentence.isascii():
            continue
        low = sentence.lower()
        for rx in patterns:
            assert [m.span() for m in claims._lower_rx(rx).finditer(low)] == [m.span() for m in rx.finditer(sentence)]


@pytest.mark.parametrize("patterns", [
    [r"\bnot\b", r"n't\b", r"\bno\b", r"\bnever\b", r"\bthan\b(?!\s+\d)", r"\bnon-"],
    [r"\ba|b", r"\b(x|y)z", r"\b[|]q", r"\bwere (it|to)\b", r"c\b", r"\bif\b"],
])
def test_shared_word_boundary_alternation(patterns: list[str]) -> None:
    plain = re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)
    grouped = claims._any_of(patterns)
    for text in _sentences() + ["a b xz yz |q were it were to c if not n't non-x than 5 than"]:
        assert [m.span() for m in grouped.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_actor_mentions_lower_cased_path() -> None:
    index = claims._actor_index()
    assert index is not None and index.lower_pattern is not None
    texts = [s for s in _sentences() if s.isascii()] + ["KALIN and Kalin met kalin; the US and us."]
    for text in texts:
        slow = [(m.start(1), m.end(1)) for m in index.pattern.finditer(text)]
        assert [(m.start(1), m.end(1)) for m in index.lower_pattern.finditer(text.lower())] == slow


def test_coder_normalise_fast_path() -> None:
    r = random.Random(1)
    alphabet = "ab *\t\n\r\x0b\x0c\x1c\x1f\x85 .\u2019\u2018\u201c\u201d\u00a0\u2009\u202f\u2013\u2014'\""
    texts = _sentences() + ["".join(r.choice(alphabet) for _ in range(r.randint(0, 12))) for _ in range(5000)]
    for text in texts:
        assert sentence_module.normalise(text) == words._SPACES.sub(" ", text.translate(words._NORM)).strip()


def test_coder_hints_and_prefilter_words() -> None:
    for text in _sentences() + ["blast", "Mayday", "in May", "4", "prior"]:
        assert coder._date_hint(text) == bool(coder._DATE_HINT.search(text))
        assert coder._plain_words(text) == text.lower().translate(coder._PUNCT_TO_SPACE).split()


def test_date_regex_start_guard_changes_nothing() -> None:
    plain = re.compile(dates.DATE_RE.pattern.replace(r"\b" + dates._START, r"\b", 1))
    assert plain.pattern != dates.DATE_RE.pattern
    r = random.Random(3)
    words = ['in', 'In', 'since', '12', '2020', 'May', 'may', 'June', 'last', 'Last', 'this', 'year', 'a',
             'year', 'ago', 'one', 'two', 'years', 'half', 'six', 'months', 'mid', 'mid-', 'early', 'of',
             'the', 'March', '3rd', '15', 'of', '1999', 'x', ',', '.', '-', '2020-01-02', 'During', 'during']
    texts = _sentences() + [" ".join(r.choice(words) for _ in range(r.randint(1, 12))) for _ in range(3000)]
    for text in texts:
        fast = [(m.span(), m.groupdict()) for m in dates.DATE_RE.finditer(text)]
        assert fast == [(m.span(), m.groupdict()) for m in plain.finditer(text)], text


def test_boundary_first_character_guard_changes_nothing() -> None:
    """The clause-boundary regex's first-character lookahead skips positions, never a boundary."""
    from casus.events.lexicon import lexicon

    fast = lexicon().boundary
    assert fast.pattern.startswith("(?=[")
    plain = re.compile(fast.pattern[fast.pattern.index("])") + 2:])
    r = random.Random(4)
    words = ["while", "whilst", "but", "yet", "yet to", "as", "as well as", ",", ", and", ", which", ";", "although",
             "because", "whereas", "the", "Iran", "awhile", "butter", "a", "t", "w", "eyes"]
    texts = [s.lower() for s in _sentences()] + [" ".join(r.choice(words) for _ in range(r.randint(1, 12)))
                                                 for _ in range(3000)]
    for text in texts:
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)], text


def test_ties_ascii_pattern_finds_the_same_phrases() -> None:
    """lex.ties_ascii on the lower-cased text finds exactly the spans lex.ties finds (IGNORECASE) in ASCII text."""
    from casus.events.lexicon import lexicon

    lex = lexicon()
    r = random.Random(6)
    words = ["Deepen", "deepened", "EXPAND", "expanding", "strengthen", "their", "bilateral", "ties", "Relations",
             "cooperation", "links", '"steadily', 'develop"', "to", "the", "and", "Russia", "a", "boost", "forged", "x"]
    texts = [t for t in _sentences() if t.isascii()] + [" ".join(r.choice(words) for _ in range(r.randint(1, 12)))
                                                        for _ in range(3000)]
    hits = 0
    for text in texts:
        slow = [m.span() for m in lex.ties.finditer(text)]
        assert [m.span() for m in lex.ties_ascii.finditer(text.lower())] == slow, text
        hits += len(slow)
    assert hits > 100


def test_word_index_loop_equals_regex() -> None:
    """The compiled build's character loop finds exactly the words (and offsets) of the word regex."""
    r = random.Random(11)
    alphabet = "abcXYZ019_'- \t,.;:!?\"()-'"
    texts = synthetic_sentences(500, seed=3) + ["", " ", "--", "'s", "a-b'c d", "_x_ y__", "end-", "-start"]
    texts += ["".join(r.choice(alphabet) for _ in range(r.randint(0, 40))) for _ in range(2000)]
    for text in texts:
        low = text.lower()
        found = list(sentence_module.WORD_RE_ASCII.finditer(low))
        assert sentence_module._word_index_ascii_loop(low) == ([m.start() for m in found], [m.group() for m in found]), text
