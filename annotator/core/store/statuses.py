"""A report's status and the rules about it, the same for the window and the command line.

todo → in_progress when its first annotation is made (by hand or by accepting a suggestion);
done and skipped are set by a person; "unfinished" is todo or in_progress.
"""
from __future__ import annotations

from annotator.core.model import STATUSES, AnnotatorError
from annotator.core.store.clock import now
from annotator.core.store.session import Session

UNFINISHED = ("todo", "in_progress")


class Statuses:
    def __init__(self, session: Session):
        self.session = session

    def get(self, doc_id: int) -> tuple[str, str]:
        row = self.session.db.execute("SELECT status, skip_reason FROM documents WHERE id = ?", [doc_id]).fetchone()
        if row is None:
            raise AnnotatorError(f"no document {doc_id} in this project")
        return row[0], row[1]

    def set(self, doc_id: int, status: str, reason: str = "") -> None:
        if status not in STATUSES:
            raise AnnotatorError(f"unknown status {status!r}; use one of {', '.join(STATUSES)}")
        reason = reason if status == "skipped" else ""
        with self.session.write():
            before, before_reason = self.get(doc_id)
            self.write({"document_id": doc_id, "status": before, "reason": before_reason},
                       {"document_id": doc_id, "status": status, "reason": reason})

    def write(self, before: dict, after: dict) -> None:
        """Set a document's status as `after` says and log it (undo and redo replay this too)."""
        self.session.db.execute("UPDATE documents SET status = ?, skip_reason = ?, updated_at = ? WHERE id = ?",
                                [after["status"], after["reason"], now(), after["document_id"]])
        self.session.log("set_status", document_id=after["document_id"], before=before, after=after)
        self.session.changes.statuses.add(after["document_id"])

    def started(self, doc_id: int) -> None:
        """An annotation was made in this report: a report still to do is now in progress."""
        status, reason = self.get(doc_id)
        if status == "todo":
            self.write({"document_id": doc_id, "status": status, "reason": reason},
                       {"document_id": doc_id, "status": "in_progress", "reason": ""})

    def next_unfinished(self, after: int | None, *, unsure_first: bool = False) -> int | None:
        """The first unfinished report after `after` in id order, wrapping round; None when none is left.
        `unsure_first`: the unfinished report the learnt model is least sure of, when it has judged any."""
        db, marks = self.session.db, ",".join("?" * len(UNFINISHED))
        if unsure_first:
            row = db.execute(f"SELECT d.id FROM documents d JOIN uncertainty u ON u.document_id = d.id WHERE"
                             f" d.status IN ({marks}) AND d.id != ? ORDER BY u.value DESC, d.id LIMIT 1",
                             [*UNFINISHED, after or 0]).fetchone()
            if row:
                return row[0]
        row = db.execute(f"SELECT id FROM documents WHERE status IN ({marks}) AND id > ? ORDER BY id LIMIT 1",
                         [*UNFINISHED, after or 0]).fetchone() or db.execute(
            f"SELECT id FROM documents WHERE status IN ({marks}) AND id != ? ORDER BY id LIMIT 1",
            [*UNFINISHED, after or 0]).fetchone()
        return row[0] if row else None
