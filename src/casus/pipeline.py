"""The stages in order, as plain functions: raw input -> cleaned text -> sentences -> events and claims.

`prepare` is cheap (cleaning and the content hash) so the store can tell a known
document before the costlier `analyse` runs.
"""

from __future__ import annotations

import hashlib

from casus.claims import code_claims
from casus.clean import clean_text
from casus.coder import code_sentences
from casus.errors import SkipInput
from casus.records import Cleaned, ProcessedDocument, RawInput, SentenceRecord
from casus.segment import split_sentences

ID_HEX_CHARS = 16


def document_id(clean: str) -> str:
    """A document's id: the first 16 hex digits of the SHA-256 of its clean text."""
    return hashlib.sha256(clean.encode("utf-8")).hexdigest()[:ID_HEX_CHARS]


def prepare(raw: RawInput) -> tuple[str, Cleaned]:
    """Clean the raw text and key it; SkipInput if no article text is left."""
    cleaned = clean_text(raw.text)
    if not cleaned.text.strip():
        raise SkipInput("no article text left after removing web junk")
    return document_id(cleaned.text), cleaned


def analyse(raw: RawInput, cleaned: Cleaned, doc_id: str) -> ProcessedDocument:
    """Segment, code events and claims: everything the store writes for one document."""
    text = cleaned.text
    spans = split_sentences(text)
    sentences = [text[s.start:s.end] for s in spans]
    events = code_sentences(sentences, raw.published)
    claims = code_claims(sentences, events, raw.title)
    return ProcessedDocument(
        id=doc_id,
        location=raw.location,
        text=text,
        title=raw.title,
        published=raw.published,
        site=raw.site,
        junk=cleaned.junk,
        sentences=[
            SentenceRecord(i, span.start, span.end, sentences[i], events[i], claims[i])
            for i, span in enumerate(spans)
        ],
    )


def process(raw: RawInput) -> ProcessedDocument:
    """All stages for one raw input."""
    doc_id, cleaned = prepare(raw)
    return analyse(raw, cleaned, doc_id)
