"""Record types passed between stages (see shared/design/evidence-schema.md)."""

from __future__ import annotations

from dataclasses import dataclass, field

EVENT_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
MODALITIES = ("asserted", "reported", "hedged", "future")
FACTORS = ("commitment", "capability", "interest", "precedent", "signal")
STANCES = ("for", "against", "neutral")
RUNGS = ("statement", "diplomatic", "economic", "materiel", "intelligence", "direct")


@dataclass(slots=True)
class Junk:
    """A run of web boilerplate removed from the raw text."""

    text: str
    kind: str  # link_list | author_profile | social | caption | cta | nav


@dataclass(slots=True)
class Span:
    """A sentence as character offsets into the clean text."""

    start: int
    end: int


@dataclass(slots=True)
class Cleaned:
    """The article text with junk removed, what was removed, and the lines cleaning split into sentences.

    `lines` maps a line's text to its sentences (offsets within the line): the
    call-to-action filter splits the paragraphs it reads, and the segmenter takes
    those splits instead of making them again (`split_sentences(text, lines)`).
    """

    text: str
    junk: list[Junk] = field(default_factory=list)
    lines: dict[str, list[Span]] = field(default_factory=dict)


@dataclass(slots=True)
class CodedEvent:
    """One event read from one sentence (schema fields minus doc and sentence)."""

    source: str
    event: str
    target: str | None = None
    mode: str | None = None
    date: str | None = None
    modality: str = "asserted"
    negated: bool = False
    attribution: str | None = None


@dataclass(slots=True)
class CodedClaim:
    """A sentence's stance on 'will PATRON defend CLIENT', and the factor it rests on."""

    patron: str
    client: str
    stance: str
    factor: str


@dataclass(slots=True)
class RawInput:
    """What a source yields before cleaning: text plus any metadata found."""

    location: str  # path or URL
    text: str
    title: str | None = None
    published: str | None = None  # ISO date
    site: str | None = None
    is_html: bool = False
    url: str | None = None
    meta: dict[str, object] = field(default_factory=dict)  # front-matter keys other than title/url/published


@dataclass(slots=True)
class SentenceRecord:
    index: int
    start: int
    end: int
    text: str
    events: list[CodedEvent] = field(default_factory=list)
    claims: list[CodedClaim] = field(default_factory=list)


@dataclass(slots=True)
class ProcessedDocument:
    """A document after clean, segment, code and claims: what the store writes in one transaction."""

    id: str
    location: str
    text: str
    title: str | None
    published: str | None
    site: str | None
    junk: list[Junk]
    sentences: list[SentenceRecord]
    url: str | None = None
    meta: dict[str, object] = field(default_factory=dict)
