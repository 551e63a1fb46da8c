"""Suggestions in the project: written beside annotations, accepted or rejected one by one.

Running suggestions is incremental: nothing accepted or rejected is touched,
a place once rejected is never suggested again, and suggestions already there
stay.  The project dictionary (entities accepted anywhere, less those
rejected) and the team's own word lists and patterns (lexicon.py) feed every
later run.  Functions take the Project as `self`.
"""
from __future__ import annotations

import json
from typing import TYPE_CHECKING

from annotator.core import metric_frames
from annotator.core.model import Span, SpanError
from annotator.core.store import lexicon as lexicon_ops, spans as span_ops
from annotator.core.store.clock import now
from annotator.core.suggest import Lexicon, Suggestion, combine, find_names, dates, metrics, orgs, persons, programs, regions

if TYPE_CHECKING:
    from annotator.core.store.project import Project

TEXT_SOURCES = (dates.suggest, metrics.suggest, orgs.suggest, persons.suggest, programs.suggest, regions.suggest)


def dictionary(self: "Project") -> dict[str, str]:
    """text → label of entities accepted in this project, less those rejected with that label."""
    accepted = self.db.execute(
        "SELECT text, label FROM spans WHERE origin != 'suggested' AND layer = 'entity' AND length(text) >= 2"
        " GROUP BY text, label").fetchall()
    rejected = set(self.db.execute("SELECT text, label FROM rejections").fetchall())
    return {text: label for text, label in accepted if (text, label) not in rejected}


def from_dictionary(text: str, entries: dict[str, str], lexicon: Lexicon | None = None) -> list[Suggestion]:
    """Every occurrence of an accepted entity, longest first."""
    if not entries:
        return []
    return find_names(text, entries, lexicon or Lexicon(entries), "dictionary", 0.9)


def suggest(self: "Project", doc_ids: list[int] | None = None) -> int:
    """Add suggestions to these documents (all by default); returns how many were added.

    Each report's suggestions are checked like any span (offsets in the text, a label of the schema,
    valid attributes, no overlap in their layer) and written in one statement."""
    entries = dictionary(self)
    lexicon = Lexicon(entries) if entries else None
    user_rows = lexicon_ops.entries(self)
    sources = TEXT_SOURCES + ((lexicon_ops.UserSource(user_rows),) if user_rows else ())
    layer_of = {label.key: label.layer for label in self.schema.labels}
    definitions = {label.key: label for label in self.schema.labels}
    self._ensure_annotator(self.annotator)
    added = 0
    for doc_id in doc_ids if doc_ids is not None else self.document_ids():
        text = self.text(doc_id)
        found = combine([s for source in sources for s in source(text)] + from_dictionary(text, entries, lexicon),
                        layer_of)
        existing = self.db.execute("SELECT layer, start, end FROM spans WHERE document_id = ?", [doc_id]).fetchall()
        rejected = set(self.db.execute("SELECT start, end, label FROM rejections WHERE document_id = ?",
                                       [doc_id]).fetchall())
        rows, stamp, spans = [], now(), None
        for s in found:  # combine left no overlaps among these: check against what was there
            layer = layer_of[s.label]
            if (s.start, s.end, s.label) in rejected or not 0 <= s.start < s.end <= len(text) or any(
                    lay == layer and a < s.end and s.start < b for lay, a, b in existing):
                continue
            definition = definitions[s.label]
            attrs = "{}"
            if definition.attributes:
                if spans is None:
                    spans = metric_frames.anchors(self, doc_id)  # once per report
                # every attribute is a proposal, and fill drops the proposals the schema refuses
                attrs = json.dumps(metric_frames.fill(self, doc_id, definition, s.start, s.end, {}, spans=spans,
                                                      parsed=s.attrs or None), ensure_ascii=False)
            rows.append([None, doc_id, s.start, s.end, s.label, layer, text[s.start:s.end],
                         *metric_frames.sentence(text, s.start, s.end), attrs, self.annotator, "suggested",
                         s.source, s.confidence, stamp, stamp])
        if rows:
            with self.change():
                self.db.conn.executemany(span_ops.INSERT, rows)
                self._log("add_suggestions", document_id=doc_id, after={"count": len(rows)})
        added += len(rows)
    return added


def accept(self: "Project", span_id: int) -> Span:
    """A suggestion becomes an annotation (refused if it overlaps one in its layer)."""
    current = span_ops.span(self, span_id)
    if current.origin != "suggested":
        raise SpanError(f"span {span_id} is not a suggestion")
    return span_ops.update_span(self, span_id, origin="manual")


def accept_all(self: "Project", doc_id: int, *, label: str | None = None,
               min_confidence: float | None = None) -> list[Span]:
    """Accept, as one change, a report's suggestions of a label and/or above a confidence;
    those that clash with an annotation stay suggestions."""
    accepted = []
    with self.change():
        for s in span_ops.spans(self, doc_id, origin="suggested"):
            if (label is None or s.label == label) and (
                    min_confidence is None or (s.confidence or 0) >= min_confidence):
                try:
                    accepted.append(span_ops.update_span(self, s.id, origin="manual"))
                except SpanError:
                    pass
    return accepted


def reject(self: "Project", span_id: int) -> None:
    """Drop a suggestion and remember the place, so it is never suggested there again."""
    current = span_ops.span(self, span_id)
    if current.origin != "suggested":
        raise SpanError(f"span {span_id} is not a suggestion")
    with self.change():
        span_ops.delete_span(self, span_id)
        write_rejection(self, {"document_id": current.document_id, "start": current.start, "end": current.end,
                               "label": current.label, "text": current.text})


def write_rejection(self: "Project", row: dict) -> None:
    cursor = self.db.execute(
        "INSERT OR IGNORE INTO rejections(document_id, start, end, label, text, annotator, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        [row["document_id"], row["start"], row["end"], row["label"], row["text"], self.annotator, now()])
    self._log("add_rejection", document_id=row["document_id"], after={**row, "id": cursor.lastrowid})


def delete_rejection(self: "Project", row: dict) -> None:
    self.db.execute("DELETE FROM rejections WHERE document_id = ? AND start = ? AND end = ? AND label = ?",
                    [row["document_id"], row["start"], row["end"], row["label"]])
    self._log("delete_rejection", document_id=row["document_id"], before=row)
