"""Undo and redo: per window session, kept in the project so that they survive a restart.

Every change is a batch of events.  Undoing batch N writes a new batch (kind "undo", target N)
holding the inverse events; redoing it writes a batch (kind "redo") holding the original events
again.  The stacks are rows of `undo_steps` owned by one session (one window, one annotator), so
one window never undoes another's work, and pushing or popping a step costs the same however long
the event log is.  A window started again by the same annotator on the same machine takes over the
stacks of its predecessor once that program has ended (`resume`).

Before undoing, every object the step touches must still be as the step left it; if another
program or window has changed it since, the undo is refused with what changed, and that step
leaves the stack so that the ones below it stay usable.
"""
from __future__ import annotations

import json
import os
import socket
import uuid

from annotator.core.model import AnnotatorError, Span, SpanError
from annotator.core.store.clock import now
from annotator.core.store.changes import Changes
from annotator.core.store.documents import Documents
from annotator.core.store.session import Session
from annotator.core.store.spans import Spans, record
from annotator.core.store.statuses import Statuses
from annotator.core.store.suggestions import Suggestions

INVERSE = {"add_span": "delete_span", "delete_span": "add_span", "update_span": "update_span",
           "set_status": "set_status", "add_relation": "delete_relation", "delete_relation": "add_relation",
           "add_rejection": "delete_rejection", "delete_rejection": "add_rejection", "set_note": "set_note"}
MAX_STEPS = 1000  # per stack: the oldest step goes when one more is pushed
COMPARED = ("start", "end", "label", "attrs", "origin")


class Conflict(AnnotatorError):
    """What an undo or redo would touch was changed since by someone else."""


class History:
    def __init__(self, session: Session, spans: Spans, statuses: Statuses, suggestions: Suggestions,
                 documents: Documents):
        self.session, self.spans, self.statuses, self.suggestions = session, spans, statuses, suggestions
        self.documents = documents
        self.owner = f"{session.annotator}@{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        self._registered = False
        self._resumed = False
        # what the last undo or redo did, for the window to say: (action, label or status, text, count)
        self.last: tuple[str, str, str, int] | None = None
        session.before_commit.append(self._after_change)

    # the stacks ------------------------------------------------------------------------------

    def _top(self, stack: str) -> tuple[int, int] | None:
        if not self._resumed:
            self._resumed = True
            self.resume()
        return self.session.db.execute("SELECT id, batch FROM undo_steps WHERE owner = ? AND stack = ?"
                                       " ORDER BY id DESC LIMIT 1", [self.owner, stack]).fetchone()

    def can_undo(self) -> bool:
        return self._top("undo") is not None

    def can_redo(self) -> bool:
        return self._top("redo") is not None

    def _push(self, stack: str, batch: int) -> None:
        db = self.session.db
        if not self._registered:
            db.execute("INSERT OR IGNORE INTO sessions(owner, annotator, host, pid, started_at) VALUES (?, ?, ?, ?, ?)",
                       [self.owner, self.session.annotator, socket.gethostname(), os.getpid(), now()])
            self._registered = True
        db.execute("INSERT INTO undo_steps(owner, stack, batch) VALUES (?, ?, ?)", [self.owner, stack, batch])
        db.execute("DELETE FROM undo_steps WHERE id IN (SELECT id FROM undo_steps WHERE owner = ? AND stack = ?"
                   " ORDER BY id DESC LIMIT -1 OFFSET ?)", [self.owner, stack, MAX_STEPS])

    def _after_change(self, batch: int, kind: str, actions: list[str], changes: Changes) -> None:
        """Inside every write, before it commits: a user's change goes on the undo stack."""
        if kind == "do" and actions and all(a in INVERSE for a in actions):
            self.session.db.execute("DELETE FROM undo_steps WHERE owner = ? AND stack = 'redo'", [self.owner])
            self._push("undo", batch)
            changes.undo = True

    def resume(self) -> None:
        """Take over the stacks of this annotator's last session on this machine, once that one has ended
        (closed, or its program gone); asked the first time undo or redo is."""
        db, host = self.session.db, socket.gethostname()
        if self.session.read_only:
            return
        for owner, pid, ended in db.execute(
                "SELECT owner, pid, ended_at FROM sessions WHERE annotator = ? AND host = ? AND owner != ?"
                " ORDER BY started_at DESC, rowid DESC LIMIT 20", [self.session.annotator, host, self.owner]).fetchall():
            if ended is None and _alive(pid):
                continue
            with self.session.write():
                db.execute("UPDATE undo_steps SET owner = ? WHERE owner = ?", [self.owner, owner])
                db.execute("DELETE FROM sessions WHERE owner = ?", [owner])
            return

    def end(self) -> None:
        """This session is over: a later one may take over its stacks."""
        if self._registered:
            with self.session.write():
                self.session.db.execute("UPDATE sessions SET ended_at = ? WHERE owner = ?", [now(), self.owner])

    # undo and redo ------------------------------------------------------------------------------

    def _events(self, batch: int) -> list[tuple[str, dict | None, dict | None]]:
        return [(action, before and json.loads(before), after and json.loads(after)) for action, before, after in
                self.session.db.execute("SELECT action, before, after FROM events WHERE batch = ? AND package IS NULL ORDER BY id",
                                        [batch])]

    def undo(self) -> list[int]:
        """Undo this session's last change; returns the documents it touched ([] if nothing to undo)."""
        top = self._top("undo")
        if top is None:
            return []
        events = self._events(top[1])
        self.last = _summary(events)
        inverse = [(INVERSE[action], after, before) for action, before, after in reversed(events)]
        return self._replay(inverse, "undo", top, "redo")

    def redo(self) -> list[int]:
        """Redo the last undone change; returns the documents it touched ([] if nothing to redo)."""
        top = self._top("redo")
        if top is None:
            return []
        events = self._events(top[1])
        self.last = _summary(events)
        return self._replay(events, "redo", top, "undo")

    def _replay(self, events, kind: str, top: tuple[int, int], then: str) -> list[int]:
        touched: list[int] = []
        try:
            with self.session.write(kind, top[1]) as changes:
                for action, before, after in events:
                    doc_id = self._apply(action, before, after)
                    if doc_id not in touched:
                        touched.append(doc_id)
                self.session.db.execute("DELETE FROM undo_steps WHERE id = ?", [top[0]])
                # a redo step replays the batch undone; an undo step inverts the batch the redo wrote
                self._push(then, top[1] if kind == "undo" else self.session.batch)
                changes.undo = True
        except (Conflict, SpanError) as exc:
            with self.session.write(kind, top[1]) as changes:  # nothing was undone; the step goes
                self.session.db.execute("DELETE FROM undo_steps WHERE id = ?", [top[0]])
                changes.undo = True
            raise Conflict(f"cannot {kind}: {exc}; that step was taken off the {kind} list") from None
        return touched

    def _current(self, expected: dict) -> Span:
        """The span an event is about, as it is now; a Conflict unless it is as `expected`."""
        try:
            current = self.spans.get(expected["id"])
        except SpanError:
            raise Conflict(f"{expected['label']} {expected['text']!r} ({expected['start']}-{expected['end']}) "
                           "was deleted since by another window or program") from None
        now_, then_ = record(current), expected
        if any(now_[k] != then_[k] for k in COMPARED):
            raise Conflict(f"{expected['label']} {expected['text']!r} ({expected['start']}-{expected['end']}) was "
                           f"changed since by another window or program (it is now {current.label} "
                           f"{current.text!r}, {current.origin})")
        return current

    def _apply(self, action: str, before: dict | None, after: dict | None) -> int:
        """Make the change one event describes, after checking that what it expects is there; log it;
        return its document."""
        log = self.session.log
        if action == "add_span":
            span = Span(after["start"], after["end"], after["label"], after["text"], after["attrs"],
                        after["annotator"], after["origin"], source=after.get("source", ""),
                        confidence=after.get("confidence"))
            if self.session.db.execute("SELECT 1 FROM spans WHERE id = ?", [after["id"]]).fetchone():
                raise Conflict(f"span {after['id']} exists again")
            new = self.spans.insert(after["document_id"], span, span_id=after["id"])
            for rel in after.get("relations", []):
                self.spans.insert_relation(rel["source_id"], rel["target_id"], rel["type"], relation_id=rel["id"])
            log("add_span", document_id=new.document_id, span_id=new.id, after=after)
            return new.document_id
        if action == "delete_span":
            current = self._current(before)
            gone = self.spans.relations(current.document_id, span_id=current.id)
            self.spans.remove(current)
            log("delete_span", document_id=current.document_id, span_id=current.id,
                before={**record(current), "relations": [r.__dict__ for r in gone]})
            return current.document_id
        if action == "update_span":
            current = self._current(before)
            target = Span(after["start"], after["end"], after["label"], after["text"], after["attrs"],
                          after["annotator"], after["origin"])
            new = self.spans.write(current, target, annotator=after["annotator"])
            log("update_span", document_id=current.document_id, span_id=current.id, before=record(current),
                after=record(new))
            return current.document_id
        if action == "set_status":
            status, _ = self.statuses.get(after["document_id"])
            if status != before["status"]:
                raise Conflict(f"the report's status was changed since to {status} by another window or program")
            self.statuses.write(before, after)
            return after["document_id"]
        if action == "add_relation":
            rel = self.spans.insert_relation(after["source_id"], after["target_id"], after["type"],
                                             relation_id=after["id"])
            doc_id = self.spans.get(rel.source_id).document_id
            log("add_relation", document_id=doc_id, relation_id=rel.id, after=after)
            return doc_id
        if action == "delete_relation":
            doc_id = self.spans.get(before["source_id"]).document_id
            if self.session.db.execute("DELETE FROM relations WHERE id = ?", [before["id"]]).rowcount != 1:
                raise Conflict(f"relation {before['id']} was deleted since by another window or program")
            self.session.changes.relations.add(doc_id)
            log("delete_relation", document_id=doc_id, relation_id=before["id"], before=before)
            return doc_id
        if action == "set_note":
            if self.documents.note(after["document_id"]) != before["note"]:
                raise Conflict("the report's note was changed since by another window or program")
            self.documents.write_note(before, after)
            return after["document_id"]
        if action == "add_rejection":
            self.suggestions.write_rejection({k: after[k] for k in ("document_id", "start", "end", "label", "text")})
            return after["document_id"]
        if action == "delete_rejection":
            self.suggestions.delete_rejection(before)
            return before["document_id"]
        raise AnnotatorError(f"{action} cannot be undone")


def _summary(events: list[tuple[str, dict | None, dict | None]]) -> tuple[str, str, str, int]:
    """The change a batch made, as the user made it: (action, label or new status, text, how many).
    Rejections say "reject" and how many suggestions; otherwise the first event speaks for the batch,
    with the number of events (suggestions displaced and statuses moved on count too)."""
    rejected = [after for action, _, after in events if action == "add_rejection"]
    if rejected:
        return "reject", rejected[0]["label"] if len(rejected) == 1 else "", \
            rejected[0]["text"] if len(rejected) == 1 else "", len(rejected)
    action, before, after = events[0]
    state = after or before or {}
    return action, state.get("label") or state.get("status", ""), state.get("text", ""), len(events)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # it exists but is someone else's
        return True
    return True
