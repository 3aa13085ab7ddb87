"""casus.text.segment: sentence spans on tricky fixtures, the seed gold set, and any text."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casus.records import Span
from casus.text.segment import parse_lexicon, split_sentences

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
GOLD = SHARED / "gold"
SEEDS = SHARED / "corpus" / "seeds"


def sentences(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text)]


CASES = [
    ("plain", "Moscow signed. Tehran agreed!", ["Moscow signed.", "Tehran agreed!"]),
    ("footnote marker", "Drills were extended.[2] More drills followed.", ["Drills were extended.[2]", "More drills followed."]),
    ("titles and months", "Gen. Ivan Petrov met Dr. Lee in St. Petersburg on Jan. 5. Talks ended.",
     ["Gen. Ivan Petrov met Dr. Lee in St. Petersburg on Jan. 5.", "Talks ended."]),
    ("acronym mid-sentence", "The U.S. Treasury imposed sanctions. Moscow objected.",
     ["The U.S. Treasury imposed sanctions.", "Moscow objected."]),
    ("acronym ends a sentence", "The order came from the U.S. The allies followed.",
     ["The order came from the U.S.", "The allies followed."]),
    ("acronym possessive", "It contrasts with the U.S.'s open support. Fine.",
     ["It contrasts with the U.S.'s open support.", "Fine."]),
    ("initials", "John F. Kennedy met Nikita S. Khrushchev. They talked.",
     ["John F. Kennedy met Nikita S. Khrushchev.", "They talked."]),
    ("decimals and money", "Trade grew 3.5 percent to $4.8 billion. It fell later.",
     ["Trade grew 3.5 percent to $4.8 billion.", "It fell later."]),
    ("number abbreviation", "Resolution No. 2231 was adopted. It expired.",
     ["Resolution No. 2231 was adopted.", "It expired."]),
    ("quote ends sentence", 'He said the deal was "near." Then he left.',
     ['He said the deal was "near."', "Then he left."]),
    ("curly quote ends sentence", "The accord will be ready “soon.” Few believe it.",
     ["The accord will be ready “soon.”", "Few believe it."]),
    ("question inside quote", 'He asked "is it over?" with a smile. Nobody answered.',
     ['He asked "is it over?" with a smile.', "Nobody answered."]),
    ("sentence opens with a quote", 'It ended. "We won," he said.', ["It ended.", '"We won," he said.']),
    ("ellipsis", "He paused... Then he spoke.", ["He paused...", "Then he spoke."]),
    ("lower case after period", "See e.g. the 2019 accord. It lapsed.", ["See e.g. the 2019 accord.", "It lapsed."]),
    ("newline ends a sentence", "A title without a stop\nThe body starts here.",
     ["A title without a stop", "The body starts here."]),
    ("glued heading after a period", "It protects its ally.The Next Chapter",
     ["It protects its ally.", "The Next Chapter"]),
    ("inline heading", "## The Rise of Drones The sky is full. More follow.",
     ["The Rise of Drones", "The sky is full.", "More follow."]),
    ("inline heading, sentence opener after a name",
     "### The Red Line on Israeli Strikes While Moscow hesitates, Tehran waits.",
     ["The Red Line on Israeli Strikes", "While Moscow hesitates, Tehran waits."]),
    ("inline heading, name opens the paragraph", "### Regional Constraints Russia's actions speak. Fine.",
     ["Regional Constraints", "Russia's actions speak.", "Fine."]),
    ("inline heading ending in a question", "## Is It Over? Nobody knows.", ["Is It Over?", "Nobody knows."]),
    ("inline heading then bold", "### Heading Words **Bold sentence here.** Next one.",
     ["Heading Words", "Bold sentence here.", "Next one."]),
    ("headings inside a run-on paragraph", "First part ends. ## A New Era The sides met. ### Next Steps They wait.",
     ["First part ends.", "A New Era", "The sides met.", "Next Steps", "They wait."]),
    ("bold run over sentences", "**First bold sentence. Second bold one.** Plain third.",
     ["First bold sentence.", "Second bold one.", "Plain third."]),
    ("bold inside a sentence", "This is **why it matters** today. Next.",
     ["This is **why it matters** today.", "Next."]),
    ("bold before the period", "This is a reason **why it matters**. Next.",
     ["This is a reason **why it matters**.", "Next."]),
    ("italics kept", "Russia supplied *some* systems. Next.", ["Russia supplied *some* systems.", "Next."]),
    ("horizontal rule", "End here. --- Next part starts.", ["End here.", "Next part starts."]),
    ("bullets", "- First item\n* Second item\n1. Third item\n• Fourth item",
     ["First item", "Second item", "Third item", "Fourth item"]),
    ("em dash inside", "Russia declined to give the support—say, jets—to Iran. Next.",
     ["Russia declined to give the support—say, jets—to Iran.", "Next."]),
    ("no punctuation at all", "just some words", ["just some words"]),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_sentences(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize("text", ["", " ", "\n\n", "---", "## ", "**", "* * *", "...", "“”"])
def test_nothing_to_split(text: str) -> None:
    assert split_sentences(text) == []


def test_offsets_point_into_the_text() -> None:
    text = "  One here.\n\n  Two there.  "
    assert split_sentences(text) == [Span(2, 11), Span(15, 25)]


def test_lexicon_sections() -> None:
    lex = parse_lexicon("# comment\n[no_split]\nGen\n[starters]\nThe\n[title_minor]\nOF\n")
    assert lex.no_split == {"Gen"} and lex.starters == {"The"} and lex.title_minor == {"of"}


@pytest.mark.parametrize(
    "text, seconds",
    [
        # Generous bounds (about 10x a busy machine's time): never flaky, still fatal to a quadratic path.
        (("word " * 200_000)[:1_000_000], 5.0),
        ("." * 1_000_000, 5.0),
        ("x" * 1_000_000, 5.0),
        # worst case: a candidate sentence end every four characters (linear, not quadratic)
        (("U.S. Gen. A. " * 80_000)[:1_000_000], 20.0),
    ],
    ids=["no punctuation", "dots", "one token", "abbreviations"],
)
def test_one_megabyte_is_fast(text: str, seconds: float) -> None:
    start = time.perf_counter()
    split_sentences(text)
    assert time.perf_counter() - start < seconds


def _check_spans(text: str, spans: list[Span]) -> None:
    prev_end = 0
    for s in spans:
        assert 0 <= prev_end <= s.start < s.end <= len(text)
        piece = text[s.start : s.end]
        assert piece == piece.strip()
        prev_end = s.end


@settings(max_examples=400, deadline=None)
@given(st.text())
def test_any_text_gives_ordered_spans(text: str) -> None:
    spans = split_sentences(text)
    _check_spans(text, spans)
    assert split_sentences(text) == spans


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["Gen.", "U.S.", "A.", "##", "###", "**", "*", "---", "-", "•", "...", "?", "!",
                                 ".", '"', "“", "”", "The", "the", "Iran", "of", "3.5", "\n", " ", "ally.The"]),
                max_size=40))
def test_markdown_soup_gives_ordered_spans(tokens: list[str]) -> None:
    text = " ".join(tokens)
    spans = split_sentences(text)
    _check_spans(text, spans)
    assert split_sentences(text) == spans


def test_seed_gold_sentences_come_out_exactly() -> None:
    if not GOLD.is_dir() or not SEEDS.is_dir():
        pytest.skip(f"seed gold set not found at {SHARED} (shared/ beside the repository)")
    from casus.evaluate.segment import score_segmentation

    result = score_segmentation(GOLD, SEEDS)
    assert result["exact_match"] >= 0.97, result["misses"][:5]
