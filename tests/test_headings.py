"""Headlines, headings and captions at the text layer (gold convention 10), in our own words.

Headlines and the first caption of an article's own photo are article text;
credits, repeated captions, bylines, date lines and mastheads are junk.
"""

from __future__ import annotations

import pytest

from casus.events.coder import code_sentences
from casus.text.clean import clean_text
from casus.text.segment import split_sentences

HEAD = "Lisbon and Oslo sign a fishing accord"
PROSE = "The two governments signed the accord in the harbour on Tuesday, officials said."
MORE = "Fishing crews from both countries welcomed the deal, a spokesman added."


def _sentences(text: str) -> list[str]:
    return [text[s.start:s.end] for s in split_sentences(text)]


def _junk(raw: str, title: str | None = None) -> list[tuple[str, str]]:
    return [(j.kind, j.text) for j in clean_text(raw, title).junk]


def test_headline_under_a_date_line_is_kept_and_its_copy_removed() -> None:
    raw = f"1. World\nMay 4, 2026, 9:15 AM\n\n{HEAD}\n\n{HEAD}\n\n{PROSE}\n\n{MORE}\n"
    cleaned = clean_text(raw, HEAD)
    assert cleaned.text == f"{HEAD}\n\n{PROSE}\n\n{MORE}"
    assert _junk(raw, HEAD) == [("nav", "1. World\nMay 4, 2026, 9:15 AM"), ("nav", HEAD)]


def test_headline_first_among_photo_captions_is_kept() -> None:
    cap = "A trawler leaves the harbour, May 2, 2026 (File photo: Reuters)"
    raw = f"{HEAD}\n\n{cap}\n{cap}\n\n{HEAD}\n\n{cap}\n\n{PROSE}\n\n{MORE}\n"
    cleaned = clean_text(raw, HEAD)
    assert cleaned.text == f"{HEAD}\n\n{PROSE}\n\n{MORE}"
    assert [k for k, _ in _junk(raw, HEAD)] == ["caption"]


def test_without_a_title_the_first_line_stays_the_headline() -> None:
    raw = f"{HEAD}\n\n{PROSE}\n\n{MORE}\n"
    assert clean_text(raw).text == f"{HEAD}\n\n{PROSE}\n\n{MORE}"


def test_numbered_gallery_copy_of_the_headline_is_removed() -> None:
    head = "Lisbon and Oslo agreed! Fishing crews may now cross the line"
    raw = f"{head}\n\n{head} - 1\n\n{PROSE}\n\n{MORE}\n\n{head} - 1\n"
    cleaned = clean_text(raw, head)
    assert cleaned.text == f"{head}\n\n{PROSE}\n\n{MORE}"
    assert _junk(raw, head) == [("nav", f"{head} - 1"), ("nav", f"{head} - 1")]


@pytest.mark.parametrize(
    "line, kind",
    [
        ("June 23, 2025", "nav"),
        ("June 19, 2024 7:51 pm CET", "nav"),
        ("Publish Date: 24 November 2025", "nav"),
        ("Sun, 3 Mar 2024", "nav"),
        ("News ID: 6964", "nav"),
        ("- Share via", "nav"),
        ("By Jane Roe and John Doe", "author_profile"),
        ("- By Jane Roe SENIOR CORRESPONDENT", "author_profile"),
        ("Support The Harbour Gazette!", "cta"),
        ("Dear readers,", "cta"),
        ("A Message from The Harbour Gazette:", "cta"),
        ("World", "nav"),
        ("1. Politics", "nav"),
        ("English", "nav"),
        ("Your Comment", "nav"),
        ("You are replying to: .", "nav"),
    ],
)
def test_date_id_byline_and_appeal_lines_are_junk(line: str, kind: str) -> None:
    raw = f"{PROSE}\n\n{line}\n\n{MORE}\n"
    assert _junk(raw) == [(kind, line)]
    assert clean_text(raw).text == f"{PROSE}\n\n{MORE}"


@pytest.mark.parametrize(
    "line",
    [
        "June 23, 2025, was the day Lisbon signed the accord.",
        "On June 23, 2025 Lisbon signed the accord",
        "By Monday, the talks in Oslo had failed.",
        "Support for the accord grew in both parliaments!",
        "World leaders welcomed the accord",
    ],
)
def test_prose_with_dates_or_by_is_kept(line: str) -> None:
    raw = f"{PROSE}\n\n{line}\n\n{MORE}\n"
    assert _junk(raw) == []


def test_newsletter_blurb_is_a_call_to_action() -> None:
    blurb = ("Our weekly newsletter brings a selection of stories from the Gazette. "
             "You will receive it in your inbox every Monday. Never miss the latest news. Preview")
    raw = f"{PROSE}\n\nSign up for our free weekly newsletter\n\n{blurb}\n\n{MORE}\n"
    assert clean_text(raw).text == f"{PROSE}\n\n{MORE}"


@pytest.mark.parametrize(
    "caption, kept, credit",
    [
        ("Two ministers shake hands on the quay in Lisbon on May 3 / © AFP",
         "Two ministers shake hands on the quay in Lisbon on May 3", "/ © AFP"),
        ("Two ministers shake hands on the quay in Lisbon after the signing. (Reuters photo)",
         "Two ministers shake hands on the quay in Lisbon after the signing.", "(Reuters photo)"),
    ],
)
def test_credit_glued_to_a_caption_is_cut_off(caption: str, kept: str, credit: str) -> None:
    raw = f"{PROSE}\n\n{caption}\n\n{MORE}\n"
    assert clean_text(raw).text == f"{PROSE}\n\n{kept}\n\n{MORE}"
    assert _junk(raw) == [("caption", credit)]


def test_sentence_end_with_closing_quote_glued_to_next_sentence() -> None:
    text = "They signed what they called “the Harbour Accord.”The ministers then left."
    assert _sentences(text) == ["They signed what they called “the Harbour Accord.”", "The ministers then left."]


def test_glued_quote_end_before_an_abbreviation_is_not_split() -> None:
    assert _sentences("He cited the U.S.”Report of May") == ["He cited the U.S.”Report of May"]


def test_headline_on_its_own_line_is_coded() -> None:
    text = f"Portugal criticises Norway\n\n{PROSE}"
    sentences = _sentences(text)
    assert sentences[0] == "Portugal criticises Norway"
    events = code_sentences(sentences, "2026-05-05")[0]
    assert [(e.source, e.event, e.target) for e in events] == [("PRT", "ACCUSE", "NOR")]
