"""The phrase trie (the compiled coder's scan) finds exactly the lexicon regex's matches."""

from __future__ import annotations

import re

import pytest

from casus.datafiles import shared_dir
from casus.events.coder import lexicon
from casus.events.lexicon import build_phrase_trie
from casus.events.scan import phrase_hits, trie_hits
from casus.run.bench import synthetic_sentences
from casus.text.patterns import trie_regex

# Sentences written for this test: phrases with dots, hyphens and apostrophes, phrases cut short by a word
# character, a phrase at the very end, a longer phrase sharing a shorter one's start, non-ASCII letters.
OWN = [
    "The U.S. and the U.K. signed a pact; the u.s.-led talks went on.",
    "U.S.",
    "Officials in the U.S. said so, and the US. Army did not.",
    "Anti-Iranian and pro-Russian groups: the nuclear-armed state's drones struck.",
    "The United States Army and the United Nations Security Council met the united states.",
    "Strikes, strike, striking, struck; supplies, supplied, supplying.",
    "Abdel Fattah el-Sisi met Abbas Araghchi in Tehran, then Abbas alone.",
    "İstanbul hosted Türkiye's envoy; Ankara's ministers and Kyiv\u2019s sent aid.",
    "Russia_ and Iran2 and 2Iran are no names, but Iran is.",
    "the state of qatar, the state of Qatar and THE STATE OF QATAR.",
    "",
    "   ",
    "...",
]


def _regex_hits(low: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in lexicon().regex.finditer(low)]


def _corpus_lines() -> list[str]:
    corpus = shared_dir() / "corpus"
    lines: list[str] = []
    for path in sorted(corpus.glob("*/*")):
        if path.is_file():
            lines += [line for line in path.read_text(encoding="utf-8", errors="replace").splitlines() if line.strip()]
    return lines


@pytest.mark.parametrize("text", OWN)
def test_trie_finds_the_regex_matches(text: str) -> None:
    lex = lexicon()
    assert lex.phrase_trie is not None
    low = text.lower()
    assert trie_hits(low, lex.phrase_trie) == _regex_hits(low) == phrase_hits(low, lex)


def test_trie_on_synthetic_and_corpus_sentences() -> None:
    lex = lexicon()
    assert lex.phrase_trie is not None
    texts = synthetic_sentences(500, seed=3) + _corpus_lines()
    for text in texts:
        low = text.lower()
        assert trie_hits(low, lex.phrase_trie) == _regex_hits(low), text


def test_tails_and_longest_phrase() -> None:
    phrases = ["u.s.", "u.s", "u", "new york", "new", "new york times", "a.b.-c"]
    root = build_phrase_trie(phrases)
    assert root is not None
    regex = re.compile(r"\b(?:" + trie_regex(sorted(phrases, key=len, reverse=True)) + r")(?!\w)")  # as build_lexicon
    for text in ("u.s. new york times", "u.s new york-times", "u.sx u.s.x new", "a.b.-c a.b.-cd", "new york."):
        assert trie_hits(text, root) == [(m.start(), m.end(), m.group()) for m in regex.finditer(text)]
    assert trie_hits("u.s. new york times", root) == [(0, 4, "u.s."), (5, 19, "new york times")]
    assert trie_hits("u.s new york-times", root) == [(0, 3, "u.s"), (4, 12, "new york")]
    assert trie_hits("u.sx u.s.x new", root) == [(0, 1, "u"), (5, 8, "u.s"), (11, 14, "new")]
    assert trie_hits("a.b.-c a.b.-cd", root) == [(0, 6, "a.b.-c")]
    assert build_phrase_trie(["ok", "-led"]) is None  # a phrase opening with punctuation: the regex alone
