"""What one write changed, so that a view redraws exactly that and reads nothing else.

Every transaction of a `Session` fills one `Changes` (as Anki's operations return `OpChanges`);
`Session.poll()` makes one for what other programs wrote to the file.  Spans carry their new value,
so the window applies them without reading the project again; bulk writes (suggestions for a whole
report, an import) name the documents whose spans should be read again instead.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from annotator.core.model import Span


@dataclass
class Changes:
    spans_added: dict[int, Span] = field(default_factory=dict)    # id → the span as it is now
    spans_updated: dict[int, Span] = field(default_factory=dict)  # id → the span as it is now
    spans_removed: dict[int, int] = field(default_factory=dict)   # id → its document
    reload: set[int] = field(default_factory=set)       # documents whose spans changed in bulk: read them again
    statuses: set[int] = field(default_factory=set)     # documents whose status changed
    documents_added: set[int] = field(default_factory=set)
    relations: set[int] = field(default_factory=set)    # documents whose relations changed
    schema: bool = False
    lexicon: bool = False
    model: bool = False      # the learnt model was trained again (and the reports' uncertainty with it)
    team: bool = False       # assignments or annotators' versions changed (assign, merge)
    undo: bool = False       # what undo and redo would do may have changed
    external: bool = False   # written by another program or window (from Session.poll)

    # recording (the store calls these inside the transaction) --------------------------

    def added(self, span: Span) -> None:
        self.spans_added[span.id] = span

    def updated(self, span: Span) -> None:
        if span.id in self.spans_added:
            self.spans_added[span.id] = span
        else:
            self.spans_updated[span.id] = span

    def removed(self, span_id: int, document_id: int) -> None:
        if self.spans_added.pop(span_id, None) is None:
            self.spans_removed[span_id] = document_id
        self.spans_updated.pop(span_id, None)

    # reading (views ask these) ----------------------------------------------------------

    @property
    def documents(self) -> set[int]:
        """Every document something in it changed (spans, status, relations)."""
        return ({s.document_id for s in self.spans_added.values()} | {s.document_id for s in self.spans_updated.values()}
                | set(self.spans_removed.values()) | self.reload | self.statuses | self.documents_added
                | self.relations)

    def spans_of(self, document_id: int) -> tuple[list[int], list[Span]]:
        """(ids removed or replaced, spans added or replaced) in one document."""
        gone = [i for i, d in self.spans_removed.items() if d == document_id]
        new = [s for s in (*self.spans_added.values(), *self.spans_updated.values()) if s.document_id == document_id]
        return gone + [s.id for s in new if s.id in self.spans_updated], new

    def __bool__(self) -> bool:
        return bool(self.documents or self.schema or self.lexicon or self.model or self.team or self.undo)

    def merge(self, other: "Changes") -> None:
        """Fold a later change into this one (several writes shown at once)."""
        for span_id, document_id in other.spans_removed.items():
            self.removed(span_id, document_id)
        for span in other.spans_added.values():
            self.added(span)
        for span in other.spans_updated.values():
            self.updated(span)
        self.reload |= other.reload
        self.statuses |= other.statuses
        self.documents_added |= other.documents_added
        self.relations |= other.relations
        self.schema |= other.schema
        self.lexicon |= other.lexicon
        self.model |= other.model
        self.team |= other.team
        self.undo |= other.undo
        self.external |= other.external
