"""Property-based tests: cleaning, segmentation, event coding and claims on any Unicode text.

Each stage must not raise, must give offsets inside its text, and must give the
same output for the same input. Example counts are modest so that the whole
file runs in a few seconds on CI.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casus.claims.stance import code_claims
from casus.events.coder import code_sentences, lexicon, scan
from casus.records import EVENT_TYPES, FACTORS, MODALITIES, STANCES
from casus.text.clean import KINDS, clean_text
from casus.text.segment import split_sentences

# CASUS_PROPERTY_EXAMPLES raises the count for a longer local bug hunt.
EXAMPLES = int(os.environ.get("CASUS_PROPERTY_EXAMPLES", "150"))
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Words and punctuation that reach the interesting paths (actors, triggers, abbreviations,
# Markdown markers, junk cues), mixed with arbitrary Unicode (any code point but lone surrogates):
# combining marks, line and paragraph separators, and characters whose case mapping changes length.
VOCAB = [
    "Russia", "Iran", "China", "North Korea", "the United States", "Moscow", "Tehran", "Beijing", "Israel",
    "signed", "a defence pact", "with", "delivered", "drones", "to", "will", "defend", "would not", "condemned",
    "attacked", "sanctions", "talks", "held", "officials said", "according to", "Reuters", "last year",
    "on Monday", "in June 2024", "March 3, 2024", "Gen.", "Dr.", "U.S.", "e.g.", "St.", "No.", "Mr.",
    ".", "?", "!", "…", ",", ";", ":", "\"", "'", "“", "”", "(", ")", "[", "]", "**", "__", "#", "##", "---",
    "*", "•", "-", "\n", "\n\n", "\r\n", "\u2028", "\u2029", "\t", " ", "İ", "ß", "ﬁ", "ǅ", "\u0301",
    "\u200b", "\ufeff", "Share", "Read more", "Subscribe", "comments below", "Email :", "Name :", "https://x.y/z",
    "[link](#a)", "|", ">", "İstanbul", "ΣΑΣ", "İİİ.", "Ⅻ", "١٢٣",
]
words = st.sampled_from(VOCAB)
any_text = st.text(max_size=400)
wordy_text = st.lists(st.one_of(words, st.text(max_size=6)), max_size=80).map(" ".join)
texts = st.one_of(any_text, wordy_text)


def _sentences(text: str) -> list[str]:
    return [text[s.start:s.end] for s in split_sentences(text)]


@SETTINGS
@given(texts)
def test_clean_never_raises_and_is_deterministic(text: str) -> None:
    a = clean_text(text)
    b = clean_text(text)
    assert a.text == b.text and [(j.text, j.kind) for j in a.junk] == [(j.text, j.kind) for j in b.junk]
    assert isinstance(a.text, str) and len(a.text) <= len(text)
    for junk in a.junk:
        assert junk.kind in KINDS
        assert junk.text in text  # junk is verbatim raw text


@SETTINGS
@given(texts)
def test_segment_offsets_inside_text_and_ordered(text: str) -> None:
    spans = split_sentences(text)
    assert [(s.start, s.end) for s in spans] == [(s.start, s.end) for s in split_sentences(text)]
    prev_end = 0
    for s in spans:
        assert 0 <= s.start < s.end <= len(text)
        assert s.start >= prev_end  # in order, not overlapping
        assert text[s.start:s.end].strip()  # no empty sentence
        prev_end = s.end


@SETTINGS
@given(texts)
def test_segment_after_clean(text: str) -> None:
    clean = clean_text(text).text
    for s in split_sentences(clean):
        assert 0 <= s.start < s.end <= len(clean)


@SETTINGS
@given(st.lists(texts, max_size=6), st.one_of(st.none(), st.sampled_from(["2024-05-02", "1999-12-31", "2024-13-45", "x"])))
def test_coder_never_raises_and_is_deterministic(sentences: list[str], published: str | None) -> None:
    out = code_sentences(sentences, published)
    assert len(out) == len(sentences)
    again = code_sentences(sentences, published)
    assert out == again
    for events in out:
        for e in events:
            assert e.event in EVENT_TYPES and e.modality in MODALITIES and e.source
            assert e.date is None or (isinstance(e.date, str) and e.date[:4].isdigit())


@SETTINGS
@given(texts)
def test_coder_scan_offsets_inside_sentence(text: str) -> None:
    sent = scan(text, lexicon(), 2024)
    n = len(sent.text)
    assert len(sent.low) == n
    for m in sent.mentions:
        assert 0 <= m.start <= m.end <= n
    for t in sent.triggers:
        assert 0 <= t.start <= t.end <= n
    for spans in sent.cues.values():
        for a, b, _ in spans:
            assert 0 <= a <= b <= n
    for a, b, _ in sent.domains:
        assert 0 <= a <= b <= n


@SETTINGS
@given(texts, st.one_of(st.none(), texts))
def test_claims_never_raise_and_are_deterministic(text: str, title: str | None) -> None:
    sentences = _sentences(text)
    events = code_sentences(sentences)
    claims = code_claims(sentences, events, title)
    assert len(claims) == len(sentences)
    assert claims == code_claims(sentences, events, title)
    for cs in claims:
        for c in cs:
            assert c.stance in STANCES and c.factor in FACTORS


@SETTINGS
@given(st.lists(texts, max_size=5), st.sampled_from([("RUS", "IRN"), ("CHN", "PRK"), ("USA", "TWN")]))
def test_claims_with_given_dyad(sentences: list[str], dyad: tuple[str, str]) -> None:
    claims = code_claims(sentences, [[] for _ in sentences], dyad=dyad)
    assert len(claims) == len(sentences)
    for cs in claims:
        for c in cs:
            assert (c.patron, c.client) == dyad


@settings(max_examples=max(40, EXAMPLES // 4), deadline=None)
@given(texts)
def test_whole_pipeline(text: str) -> None:
    """prepare + analyse on arbitrary text: a document or a SkipInput, nothing else."""
    from casus.errors import SkipInput
    from casus.records import RawInput
    from casus.run.pipeline import process

    try:
        doc = process(RawInput(location="x", text=text))
    except SkipInput:
        return
    for s in doc.sentences:
        assert doc.text[s.start:s.end] == s.text
