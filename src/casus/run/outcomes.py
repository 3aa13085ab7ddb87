"""What reading one input comes to (skipped, already known, or analysed), and the report of a batch."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from casus.read.inputs import Skip
from casus.records import ProcessedDocument

# Document ids are short hex strings; IdList stores each behind one length byte.
MAX_ID_BYTES = 255

class IdList:
    """Document ids in order, packed in one buffer: about 17 bytes an id instead of 75 in a list.

    Reports of millions of documents stay small; it compares equal to a list of the same ids.
    """

    __slots__ = ("_buf", "_n")

    def __init__(self, ids: Iterable[str] = ()) -> None:
        self._buf = bytearray()
        self._n = 0
        self.extend(ids)

    def append(self, doc_id: str) -> None:
        data = doc_id.encode("utf-8")
        if len(data) > MAX_ID_BYTES:
            raise ValueError(f"document id longer than {MAX_ID_BYTES} bytes")
        self._buf.append(len(data))
        self._buf += data
        self._n += 1

    def extend(self, ids: Iterable[str]) -> None:
        for doc_id in ids:
            self.append(doc_id)

    def __len__(self) -> int:
        return self._n

    def __iter__(self) -> Iterator[str]:
        buf, pos = self._buf, 0
        while pos < len(buf):
            size = buf[pos]
            yield buf[pos + 1:pos + 1 + size].decode("utf-8")
            pos += 1 + size

    def __eq__(self, other: object) -> bool:
        if isinstance(other, IdList):
            return self._buf == other._buf
        if isinstance(other, (list, tuple)):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # mutable

    def __repr__(self) -> str:
        return f"IdList({list(self)!r})"


@dataclass
class IngestReport:
    """What one ingest did: new documents, ones already known, and skips with reasons."""

    new: IdList = field(default_factory=IdList)
    known: IdList = field(default_factory=IdList)
    skipped: list[Skip] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        """0 all ingested or known; 1 some skipped; 2 nothing could be ingested."""
        if not self.new and not self.known:
            return 2
        return 1 if self.skipped else 0



@dataclass(slots=True)
class Known:
    """An input whose clean text is already a document in the store: only its location is recorded."""

    doc_id: str
    location: str


# What reading one input comes to: skipped, already known, or analysed and ready to write.
Outcome = Skip | Known | ProcessedDocument



def record(report: IngestReport, outcome: Outcome, written: bool | None = None) -> None:
    """Note one outcome in the report; `written` says whether a processed document was new to the store."""
    if isinstance(outcome, Skip):
        report.skipped.append(outcome)
    elif isinstance(outcome, Known):
        report.known.append(outcome.doc_id)
    elif written:
        report.new.append(outcome.id)
    else:
        report.known.append(outcome.id)


