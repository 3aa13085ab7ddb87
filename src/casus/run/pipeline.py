"""The stages in order, as plain functions: raw input -> cleaned text -> sentences -> events and claims.

`prepare` is cheap (cleaning and the content hash) so the store can tell a known
document before the costlier `analyse` (`segment`, then events and claims) runs. Both are pure: the same functions
run in one process, in worker processes (`casus.run.parallel`) and on a Dask
cluster (`casus.run.distributed`). An optional `StageClock` adds up the seconds
(and, if asked, the resident memory) spent in each named stage.
"""

from __future__ import annotations

import hashlib
import resource
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from casus.claims.stance import code_claims, paragraph_numbers
from casus.errors import SkipInput
from casus.events.coder import code_sentences
from casus.read.inputs import Skip, check_name, read_input
from casus.read.pagemeta import find_title
from casus.records import Cleaned, ProcessedDocument, RawInput, SentenceRecord, Span
from casus.run.outcomes import Known, Outcome
from casus.text.clean import clean_text
from casus.text.segment import split_sentences

ID_HEX_CHARS = 16
# The stages a StageClock reports, in pipeline order ("store" is timed by the writer).
STAGES = ("read", "clean", "segment", "code", "claims", "store")


def current_rss_mb() -> float:
    """Resident memory of this process now, in MB (Linux /proc; elsewhere the peak so far)."""
    try:
        with open("/proc/self/statm", "rb") as fh:
            pages = int(fh.read().split()[1])
        return pages * resource.getpagesize() / (1024 * 1024)
    except (OSError, ValueError, IndexError):
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


@dataclass
class StageClock:
    """Seconds per stage, and with `sample_memory` the largest resident memory seen right after each stage."""

    sample_memory: bool = False
    seconds: dict[str, float] = field(default_factory=dict)
    peak_rss_mb: dict[str, float] = field(default_factory=dict)

    def lap(self, stage: str, started: float) -> float:
        """Charge the time since `started` to `stage`; return now, the start of the next stage."""
        now = time.perf_counter()
        self.seconds[stage] = self.seconds.get(stage, 0.0) + (now - started)
        if self.sample_memory:
            rss = current_rss_mb()
            if rss > self.peak_rss_mb.get(stage, 0.0):
                self.peak_rss_mb[stage] = rss
        return now

    def merge(self, other: StageClock) -> None:
        """Add another clock's seconds; keep the larger memory peaks."""
        for stage, secs in other.seconds.items():
            self.seconds[stage] = self.seconds.get(stage, 0.0) + secs
        for stage, mb in other.peak_rss_mb.items():
            self.peak_rss_mb[stage] = max(mb, self.peak_rss_mb.get(stage, 0.0))


def document_id(clean: str) -> str:
    """A document's id: the first 16 hex digits of the SHA-256 of its clean text."""
    return hashlib.sha256(clean.encode("utf-8")).hexdigest()[:ID_HEX_CHARS]


def prepare(raw: RawInput) -> tuple[str, Cleaned]:
    """Clean the raw text and key it; SkipInput if no article text is left."""
    cleaned = clean_text(raw.text, raw.title)
    if not cleaned.text.strip():
        raise SkipInput("no article text left after removing web junk")
    return document_id(cleaned.text), cleaned


def segment(cleaned: Cleaned) -> tuple[list[Span], list[str]]:
    """The clean text's sentences, as spans and as text; the lines cleaning split already are not split again."""
    text = cleaned.text
    spans = split_sentences(text, cleaned.lines)
    return spans, [text[s.start:s.end] for s in spans]


def analyse(raw: RawInput, cleaned: Cleaned, doc_id: str, clock: StageClock | None = None) -> ProcessedDocument:
    """Segment, code events and claims: everything the store writes for one document."""
    started = time.perf_counter()
    text = cleaned.text
    title = raw.title or find_title(text)
    spans, sentences = segment(cleaned)
    if clock:
        started = clock.lap("segment", started)
    events = code_sentences(sentences, raw.published)
    if clock:
        started = clock.lap("code", started)
    claims = code_claims(sentences, events, title, meta=raw.meta,
                         paragraphs=paragraph_numbers(text, [(s.start, s.end) for s in spans]), published=raw.published)
    if clock:
        clock.lap("claims", started)
    return ProcessedDocument(
        id=doc_id,
        location=raw.location,
        text=text,
        title=title,
        published=raw.published,
        site=raw.site,
        url=raw.url,
        meta=raw.meta,
        junk=cleaned.junk,
        sentences=[
            SentenceRecord(i, span.start, span.end, sentences[i], events[i], claims[i])
            for i, span in enumerate(spans)
        ],
    )


def process_one(
    location: str,
    is_known: Callable[[str], bool] | None = None,
    clock: StageClock | None = None,
    **read_opts: Any,
) -> Outcome:
    """Read and clean one input; unless `is_known(doc_id)`, analyse it. Pure but for reading the input."""
    started = time.perf_counter()
    bad_name = check_name(location)
    if bad_name:
        return Skip(location, bad_name)
    try:
        raw = read_input(location, **read_opts)
        if clock:
            started = clock.lap("read", started)
        doc_id, cleaned = prepare(raw)
        if clock:
            clock.lap("clean", started)
    except SkipInput as exc:
        return Skip(location, str(exc))
    except RecursionError:
        return Skip(location, "input nested too deeply to parse")
    if is_known is not None and is_known(doc_id):
        return Known(doc_id, location)
    return analyse(raw, cleaned, doc_id, clock)


def process(raw: RawInput) -> ProcessedDocument:
    """All stages for one raw input."""
    doc_id, cleaned = prepare(raw)
    return analyse(raw, cleaned, doc_id)


def warm_up() -> None:
    """Load every stage's dictionaries now (once per process), not inside the first document's timing."""
    process(RawInput(location="warm-up", text="Russia and Iran held talks in Moscow on Monday, officials said."))
