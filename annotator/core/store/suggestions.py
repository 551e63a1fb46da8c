"""Suggestions in the project: written beside annotations, accepted or rejected one by one.

Running suggestions is incremental: nothing accepted or rejected is touched, a place once rejected
is never suggested again, and suggestions already there stay.  The project dictionary (entities
accepted anywhere, less those rejected) and the team's own word lists and patterns (lexicon.py)
feed every later run.
"""
from __future__ import annotations

import json
from typing import Any, Callable

from annotator.core import metric_frames
from annotator.core.model import Cancelled, Progress, Span, SpanError
from annotator.core.sentences import clause_bounds
from annotator.core.store.clock import now
from annotator.core.store.lexicon import Lexicon
from annotator.core.store.schemas import Schemas
from annotator.core.store.session import Session
from annotator.core.store.spans import INSERT, Spans
from annotator.core.store.texts import Texts
from annotator.core.store.models import Models
from annotator.core.suggest.suggester import Suggester, rejection_weights

# runs `find(text)` and returns its result: the window passes one that runs it on a worker thread
Worker = Callable[[Callable[[str], Any], str], Any]


class Suggestions:
    def __init__(self, session: Session, texts: Texts, schemas: Schemas, spans: Spans, lexicon: Lexicon,
                 models: Models):
        self.session, self.texts, self.schemas, self.spans, self.lexicon = session, texts, schemas, spans, lexicon
        self.models = models

    def suggester(self) -> Suggester:
        """The finder of one run: rules, dictionary, the team's lexicon, the learnt model if there is
        one, and the project's rejections lowering what they rejected."""
        layer_of = self.schemas.current.layers()
        return Suggester(layer_of, self.dictionary(), self.lexicon.entries(), learnt=self.models.learnt(),
                         weights=rejection_weights(*self.models.label_counts()))

    def dictionary(self) -> dict[str, str]:
        """text → label of entities accepted in this project, less those rejected with that label."""
        db = self.session.db
        accepted = db.execute(
            "SELECT text, label FROM spans WHERE origin != 'suggested' AND layer = 'entity' AND length(text) >= 2"
            " GROUP BY text, label").fetchall()
        rejected = set(db.execute("SELECT text, label FROM rejections").fetchall())
        return {text: label for text, label in accepted if (text, label) not in rejected}

    def suggest(self, doc_ids: list[int] | None = None, on_progress: Progress | None = None, *,
                on_warning: Callable[[str], None] | None = None, worker: Worker | None = None,
                again: bool = False) -> int:
        """Add suggestions to these documents (all by default); returns how many were added.
        `again`: first drop each report's pending suggestions (a new model suggests otherwise).

        Each report's suggestions are checked like any span (offsets in the text, a label of the
        schema, valid attributes, no overlap in their layer) and written in one statement, one
        transaction per report, so other programs can write in between; stopped by `on_progress`,
        the reports done keep their suggestions.  Finding reads no project: `worker` may run it
        elsewhere.  What was skipped (a team pattern over its time budget) goes to `on_warning`."""
        db, session = self.session.db, self.session
        session.check_writable()
        schema = self.schemas.current
        layer_of = schema.layers()
        definitions = {label.key: label for label in schema.labels}
        find = self.suggester()
        added = 0
        if doc_ids is None:
            doc_ids = [r[0] for r in db.execute("SELECT id FROM documents ORDER BY id")]
        for done, doc_id in enumerate(doc_ids):
            if on_progress is not None and not on_progress(done, len(doc_ids)):
                break
            text = self.texts(doc_id)
            found, doubt = worker(find.judge, text) if worker else find.judge(text)
            while find.warnings and on_warning is not None:
                on_warning(find.warnings.pop(0))
            with session.write() as changes:
                session.ensure_annotator(session.annotator)
                if doubt is not None:
                    self.models.write_uncertainty(doc_id, doubt)
                if again:
                    dropped = self.spans.drop_suggestions(doc_id)
                    if dropped:
                        session.log("drop_suggestions", document_id=doc_id, before={"count": dropped})
                        changes.reload.add(doc_id)
                existing = db.execute("SELECT layer, start, end FROM spans WHERE document_id = ?", [doc_id]).fetchall()
                rejected = set(db.execute("SELECT start, end, label FROM rejections WHERE document_id = ?",
                                          [doc_id]).fetchall())
                rows, framed, stamp = [], [], now()
                for s in found:  # combine left no overlaps among these: check against what was there
                    layer = layer_of[s.label]
                    if (s.start, s.end, s.label) in rejected or not 0 <= s.start < s.end <= len(text) or any(
                            lay == layer and a < s.end and s.start < b for lay, a, b in existing):
                        continue
                    row = [None, doc_id, s.start, s.end, s.label, layer, text[s.start:s.end],
                           *clause_bounds(text, s.start, s.end), "{}", session.annotator, "suggested",
                           s.source, s.confidence, stamp, stamp]
                    (framed if definitions[s.label].attributes else rows).append((s, row))
                if framed:  # metrics link to the report's regions and dates, suggested ones too: store those first
                    db.conn.executemany(INSERT, [row for _, row in rows])
                    anchors = self.spans.anchors(doc_id, suggestions=True)
                    for s, row in framed:
                        # every attribute is a proposal, and fill drops the proposals the schema refuses
                        row[9] = json.dumps(metric_frames.fill(text, schema, definitions[s.label], s.start, s.end, {},
                                                               anchors, parsed=s.attrs or None), ensure_ascii=False)
                    db.conn.executemany(INSERT, [row for _, row in framed])
                elif rows:
                    db.conn.executemany(INSERT, [row for _, row in rows])
                rows += framed
                if rows:
                    session.log("add_suggestions", document_id=doc_id, after={"count": len(rows)})
                    changes.reload.add(doc_id)
            added += len(rows)
        return added

    def accept(self, span_id: int) -> Span:
        """A suggestion becomes an annotation (refused if it overlaps one in its layer)."""
        with self.session.write():
            if self.spans.get(span_id).origin != "suggested":
                raise SpanError(f"span {span_id} is not a suggestion")
            return self.spans.update(span_id, origin="manual")

    def accept_all(self, doc_id: int, *, label: str | None = None, min_confidence: float | None = None,
                   on_progress: Progress | None = None) -> list[Span]:
        """Accept, as one change, a report's suggestions of a label and/or above a confidence;
        those that clash with an annotation stay suggestions.  Stopped by `on_progress`: none is accepted."""
        accepted = []
        with self.session.write():
            pending = self.spans.of(doc_id, origin="suggested")
            for n, s in enumerate(pending):
                if on_progress is not None and n % 20 == 0 and not on_progress(n, len(pending)):
                    raise Cancelled("cancelled: no suggestion was accepted")
                if (label is None or s.label == label) and (
                        min_confidence is None or (s.confidence or 0) >= min_confidence):
                    try:
                        accepted.append(self.spans.update(s.id, origin="manual"))
                    except SpanError:
                        pass
        return accepted

    def reject(self, span_id: int) -> None:
        """Drop a suggestion and remember the place, so it is never suggested there again."""
        with self.session.write():
            current = self.spans.get(span_id)
            if current.origin != "suggested":
                raise SpanError(f"span {span_id} is not a suggestion")
            self.spans.delete(span_id)
            self.write_rejection({"document_id": current.document_id, "start": current.start, "end": current.end,
                                  "label": current.label, "text": current.text})

    def reject_all(self, doc_id: int, *, label: str | None = None) -> int:
        """Reject, as one change, a report's pending suggestions (of one label, if given); returns how many."""
        with self.session.write():
            pending = [s for s in self.spans.of(doc_id, origin="suggested") if label is None or s.label == label]
            for s in pending:
                self.reject(s.id)
        return len(pending)

    def write_rejection(self, row: dict) -> None:
        cursor = self.session.db.execute(
            "INSERT OR IGNORE INTO rejections(document_id, start, end, label, text, annotator, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            [row["document_id"], row["start"], row["end"], row["label"], row["text"], self.session.annotator, now()])
        self.session.log("add_rejection", document_id=row["document_id"], after={**row, "id": cursor.lastrowid})

    def delete_rejection(self, row: dict) -> None:
        self.session.db.execute("DELETE FROM rejections WHERE document_id = ? AND start = ? AND end = ? AND label = ?",
                                [row["document_id"], row["start"], row["end"], row["label"]])
        self.session.log("delete_rejection", document_id=row["document_id"], before=row)
