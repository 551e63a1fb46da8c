"""Undo and redo, read from the event log, so they survive a restart.

Every change is a batch of events.  Undoing batch N writes a new batch (kind
"undo", target N) holding the inverse events; redoing it writes a batch (kind
"redo") holding the original events again.  Each annotator has their own
undo and redo stacks, replayed from their events: a new change clears redo.
Functions take the Project as `self` and are bound as its methods.
"""
from __future__ import annotations

import json
from dataclasses import asdict
from typing import TYPE_CHECKING

from annotator.core.model import AnnotatorError, Span
from annotator.core.store import spans as span_ops
from annotator.core.store import suggestions
from annotator.core.store.clock import now

if TYPE_CHECKING:
    from annotator.core.store.project import Project

INVERSE = {"add_span": "delete_span", "delete_span": "add_span", "update_span": "update_span",
           "set_status": "set_status", "add_relation": "delete_relation", "delete_relation": "add_relation",
           "add_rejection": "delete_rejection", "delete_rejection": "add_rejection"}


def _stacks(self: "Project") -> tuple[list[int], list[int]]:
    if self._stacks is None:
        undo: list[int] = []
        redo: list[int] = []
        batches: dict[int, tuple[str, int | None, bool]] = {}
        for batch, kind, target, action in self.db.execute(
                "SELECT batch, kind, target, action FROM events WHERE annotator = ? ORDER BY id", [self.annotator]):
            k, t, ok = batches.get(batch, (kind, target, True))
            batches[batch] = (k, t, ok and action in INVERSE)
        for batch, (kind, target, undoable) in batches.items():
            if kind == "do" and undoable:
                undo.append(batch)
                redo.clear()
            elif kind == "undo" and undo and undo[-1] == target:
                redo.append(undo.pop())
            elif kind == "redo" and redo and redo[-1] == target:
                redo.pop()
                undo.append(batch)
        self._stacks = (undo, redo)
    return self._stacks


def can_undo(self: "Project") -> bool:
    return bool(_stacks(self)[0])


def can_redo(self: "Project") -> bool:
    return bool(_stacks(self)[1])


def _events(self: "Project", batch: int) -> list[tuple[str, dict | None, dict | None]]:
    return [(action, before and json.loads(before), after and json.loads(after)) for action, before, after in
            self.db.execute("SELECT action, before, after FROM events WHERE batch = ? ORDER BY id", [batch])]


def undo(self: "Project") -> list[int]:
    """Undo this annotator's last change; returns the documents it touched ([] if nothing to undo)."""
    undo_stack, _ = _stacks(self)
    if not undo_stack:
        return []
    target = undo_stack[-1]
    inverse = [(INVERSE[action], after, before) for action, before, after in reversed(_events(self, target))]
    return _replay(self, inverse, "undo", target)


def redo(self: "Project") -> list[int]:
    """Redo the last undone change; returns the documents it touched ([] if nothing to redo)."""
    _, redo_stack = _stacks(self)
    if not redo_stack:
        return []
    target = redo_stack[-1]
    return _replay(self, _events(self, target), "redo", target)


def _replay(self: "Project", events, kind: str, target: int) -> list[int]:
    touched: list[int] = []
    try:
        with self.change(kind, target):
            for action, before, after in events:
                doc_id = _apply(self, action, before, after)
                if doc_id not in touched:
                    touched.append(doc_id)
    except AnnotatorError as exc:
        raise AnnotatorError(f"cannot {kind}: {exc}") from None
    return touched


def _apply(self: "Project", action: str, before: dict | None, after: dict | None) -> int:
    """Make the change one event describes, and log it; returns its document."""
    if action == "add_span":
        span = Span(after["start"], after["end"], after["label"], after["text"], after["attrs"],
                    after["annotator"], after["origin"], source=after.get("source", ""),
                    confidence=after.get("confidence"))
        new = span_ops.insert_span(self, after["document_id"], span, span_id=after["id"])
        for rel in after.get("relations", []):
            span_ops.insert_relation(self, rel["source_id"], rel["target_id"], rel["type"], relation_id=rel["id"])
        self._log("add_span", document_id=new.document_id, span_id=new.id, after=after)
        return new.document_id
    if action == "delete_span":
        current = span_ops.span(self, before["id"])
        gone = span_ops.relations(self, current.document_id, span_id=current.id)
        self.db.execute("DELETE FROM spans WHERE id = ?", [current.id])
        self._log("delete_span", document_id=current.document_id, span_id=current.id,
                  before={**span_ops.record(current), "relations": [asdict(r) for r in gone]})
        return current.document_id
    if action == "update_span":
        current = span_ops.span(self, before["id"])
        layer, text, s_start, s_end = span_ops.check_span(
            self, current.document_id, after["start"], after["end"], after["label"], after["attrs"], after["origin"],
            ignore_id=current.id)
        self.db.execute("UPDATE spans SET start = ?, end = ?, label = ?, layer = ?, text = ?, sentence_start = ?,"
                        " sentence_end = ?, attrs = ?, origin = ?, annotator = ?, updated_at = ? WHERE id = ?",
                        [after["start"], after["end"], after["label"], layer, text, s_start, s_end,
                         json.dumps(after["attrs"], ensure_ascii=False), after["origin"], after["annotator"],
                         now(), current.id])
        self._log("update_span", document_id=current.document_id, span_id=current.id,
                  before=span_ops.record(current), after=span_ops.record(span_ops.span(self, current.id)))
        return current.document_id
    if action == "set_status":
        self.write_status(before, after)
        return after["document_id"]
    if action == "add_relation":
        rel = span_ops.insert_relation(self, after["source_id"], after["target_id"], after["type"],
                                       relation_id=after["id"])
        doc_id = span_ops.span(self, rel.source_id).document_id
        self._log("add_relation", document_id=doc_id, relation_id=rel.id, after=after)
        return doc_id
    if action == "delete_relation":
        doc_id = span_ops.span(self, before["source_id"]).document_id
        if self.db.execute("DELETE FROM relations WHERE id = ?", [before["id"]]).rowcount != 1:
            raise AnnotatorError(f"relation {before['id']} is gone")
        self._log("delete_relation", document_id=doc_id, relation_id=before["id"], before=before)
        return doc_id
    if action == "add_rejection":
        suggestions.write_rejection(self, {k: after[k] for k in ("document_id", "start", "end", "label", "text")})
        return after["document_id"]
    if action == "delete_rejection":
        suggestions.delete_rejection(self, before)
        return before["document_id"]
    raise AnnotatorError(f"{action} cannot be undone")
