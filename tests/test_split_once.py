"""Text is split into sentences once: the lines the call-to-action filter split come back split (Cleaned.lines),
and the segmenter takes them as they are. The spans are the same as splitting the clean text afresh."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import casus.text.segment as segment_module
from casus.read.inputs import find_inputs, read_input
from casus.records import RawInput, Span
from casus.run.pipeline import prepare, segment
from casus.text.clean import clean_text
from casus.text.segment import split_sentences

from .conftest import SHARED

PARAGRAPH = "We met the envoy in Geneva on Monday. Mr. Lee said the U.S. would reply. You can see why."


def test_a_paragraph_cleaning_split_is_not_split_again(monkeypatch: pytest.MonkeyPatch) -> None:
    raw = f"# A title\n\n{PARAGRAPH}\n\nThe talks ended late. Nobody spoke after."
    cleaned = clean_text(raw)
    assert PARAGRAPH in cleaned.lines  # "We", "You": the filter read it sentence by sentence
    lines: list[str] = []
    real = segment_module._split_line

    def counting(text: str, start: int, end: int, *rest: object) -> None:
        lines.append(text[start:end])
        real(text, start, end, *rest)  # type: ignore[arg-type]

    monkeypatch.setattr(segment_module, "_split_line", counting)
    spans, sentences = segment(cleaned)
    assert PARAGRAPH not in lines
    assert "The talks ended late. Nobody spoke after." in lines
    assert sentences[1:4] == ["We met the envoy in Geneva on Monday.", "Mr. Lee said the U.S. would reply.",
                              "You can see why."]
    assert spans == split_sentences(cleaned.text)


def test_known_lines_are_taken_only_after_a_newline() -> None:
    mark = {"Mr. Lee left.": [Span(0, 3)]}  # deliberately not the real split: shows whether it was taken
    assert split_sentences("Hi.\nMr. Lee left.", mark) == [Span(0, 3), Span(4, 7)]
    assert split_sentences("Mr. Lee left.", mark) == [Span(0, 3)]
    assert split_sentences("Hi.\rMr. Lee left.", mark) == split_sentences("Hi.\rMr. Lee left.")
    assert split_sentences("Hi. Mr. Lee left.", mark) == split_sentences("Hi. Mr. Lee left.")


TOKENS = ["We", "we", "you", "You", "your", "our", "Subscribe", "to", "the", "newsletter", "comments", "below",
          "Sign", "up", "Read", "more:", "Share", "this", "Mr.", "Gen.", "U.S.", "A.", "Iran", "said", "left", ".",
          "?", "!", "...", "**", "##", "-", "*", "---", "•", '"', "“", "”", "3.5", "ally.The", "\n", "\n\n",
          "\r\n", "\r", "\u2028", "\t", "\xa0", "[link](https://example.org)", "https://example.org/x"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(TOKENS), max_size=80))
def test_taking_cleanings_splits_changes_no_span(tokens: list[str]) -> None:
    cleaned = clean_text(" ".join(tokens))
    assert split_sentences(cleaned.text, cleaned.lines) == split_sentences(cleaned.text)


def test_corpus_spans_are_the_same_as_splitting_afresh() -> None:
    corpus = SHARED / "corpus"
    if not corpus.is_dir():
        pytest.skip(f"no corpus at {corpus} (shared/ beside the repository)")
    taken = 0
    for location in find_inputs([str(corpus)]):
        raw = read_input(location)
        for text in (raw.text, raw.text.replace("\n", "\r\n"), raw.text.replace("\n", "\r")):
            _, cleaned = prepare(RawInput(location=location, text=text))
            assert segment(cleaned)[0] == split_sentences(cleaned.text), location
            taken += len(cleaned.lines)
    assert taken > 0
