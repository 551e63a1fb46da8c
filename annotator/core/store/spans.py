"""Spans and relations: the checks every write passes, and the writes themselves.

Checks: integer offsets with 0 <= start < end <= len(text); a label of the project's schema;
attributes valid for that label; no overlap with another span of the same layer (entity spans may
overlap metric spans).  Suggestions may overlap annotations, so each kind is checked only against
its own kind.  Every write records the span's new value in the session's `Changes`.
"""
from __future__ import annotations

import json
from dataclasses import asdict, replace
from typing import Any

from annotator.core import metric_frames
from annotator.core.model import Cancelled, Progress, Relation, Span, SpanError
from annotator.core.schema import NOTE, check_attrs
from annotator.core.sentences import clause_bounds
from annotator.core.store.clock import now
from annotator.core.store.schemas import Schemas
from annotator.core.store.session import Session
from annotator.core.store.statuses import Statuses
from annotator.core.store.texts import Texts

COLUMNS = "id, document_id, start, end, label, layer, text, attrs, annotator, origin, source, confidence"
INSERT = ("INSERT INTO spans(id, document_id, start, end, label, layer, text, sentence_start, sentence_end, attrs,"
          " annotator, origin, source, confidence, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
# Spans of one kind never overlap in a layer, so the one starting last before a new span's end is the
# only one that can reach into it: one step down the spans_kind index, however many spans there are.
CLASH = ("SELECT id, start, end, label, text FROM spans WHERE document_id = ? AND layer = ?"
         " AND (origin = 'suggested') = ? AND start < ? AND id IS NOT ? ORDER BY start DESC LIMIT 1")


def row_span(r: tuple) -> Span:
    # positional, in Span's field order: opening a report reads thousands of these
    return Span(r[2], r[3], r[4], r[6], json.loads(r[7]) if r[7] != "{}" else {}, r[8] or "", r[9], r[5], r[0], r[1],
                r[10], r[11])


def record(span: Span) -> dict:
    """What the event log keeps of a span (enough to recreate it)."""
    d = asdict(span)
    return {k: d[k] for k in ("id", "document_id", "start", "end", "label", "text", "attrs", "origin", "annotator",
                              "source", "confidence")}


class Spans:
    def __init__(self, session: Session, texts: Texts, schemas: Schemas, statuses: Statuses):
        self.session, self.texts, self.schemas, self.statuses = session, texts, schemas, statuses

    # reading ----------------------------------------------------------------------------------

    def of(self, doc_id: int, *, origin: str | None = None) -> list[Span]:
        where, args = ("AND origin = ?", [origin]) if origin else ("", [])
        return [row_span(r) for r in self.session.db.execute(
            f"SELECT {COLUMNS} FROM spans WHERE document_id = ? {where} ORDER BY start, end, id", [doc_id, *args])]

    def get(self, span_id: int) -> Span:
        row = self.session.db.execute(f"SELECT {COLUMNS} FROM spans WHERE id = ?", [span_id]).fetchone()
        if row is None:
            raise SpanError(f"no span {span_id} in this project")
        return row_span(row)

    def anchors(self, doc_id: int, *, suggestions: bool = False,
                near: tuple[int, int, int] | None = None) -> list[tuple[int, str, int, int, str]]:
        """The report's spans a metric may link to: (id, label, start, end, text).  An annotation links to
        annotations; a suggested metric also to suggestions (accepted or rejected together later).
        `near` (metric_frames.anchor_range) keeps only those one metric's frame reads: on a long report
        that is a few rows instead of thousands."""
        kind = "" if suggestions else " AND origin != 'suggested'"
        where, args = "", []
        if near is not None:
            where, args = " AND ((start >= ? AND start < ?) OR start < ?)", list(near)
        return self.session.db.execute("SELECT id, label, start, end, text FROM spans WHERE document_id = ?"
                                       f"{kind}{where} ORDER BY start, id", [doc_id, *args]).fetchall()

    # checking and writing ----------------------------------------------------------------------

    def check(self, doc_id: int, start: Any, end: Any, label: str, attrs: dict, origin: str, *,
              ignore_id: int | None = None) -> tuple[str, str, int, int]:
        """Raise SpanError with a specific message, or return (layer, text, sentence start, sentence end)."""
        text = self.texts(doc_id)
        for name, value in (("start", start), ("end", end)):
            if not isinstance(value, int) or isinstance(value, bool):
                raise SpanError(f"{name} must be an integer, got {value!r}")
        if not 0 <= start < end <= len(text):
            raise SpanError(f"offsets {start}-{end} are not inside the text (0-{len(text)}, start before end)")
        schema = self.schemas.current
        definition = schema.label(label)
        if definition is None:
            raise SpanError(f"label {label!r} is not in the project's schema "
                            f"({', '.join(lab.key for lab in schema.labels)})")
        problems = check_attrs(schema, label, attrs)
        if problems:
            raise SpanError(f"{label} attributes: " + "; ".join(problems))
        clash = self.session.db.execute(CLASH, [doc_id, definition.layer, origin == "suggested", end,
                                                ignore_id]).fetchone()
        if clash and clash[2] > start:
            raise SpanError(f"{text[start:end]!r} ({start}-{end}) overlaps {clash[3]} {clash[4]!r} "
                            f"({clash[1]}-{clash[2]}) in the {definition.layer} layer")
        return (definition.layer, text[start:end], *clause_bounds(text, start, end))

    def insert(self, doc_id: int, span: Span, *, span_id: int | None = None) -> Span:
        """Check and insert inside the caller's write; no event logged."""
        layer, text, s_start, s_end = self.check(doc_id, span.start, span.end, span.label, span.attrs, span.origin)
        if span.text and span.text != text:
            raise SpanError(f"span text {span.text!r} does not match the document text {text!r} "
                            f"at {span.start}-{span.end}")
        annotator = span.annotator or self.session.annotator
        self.session.ensure_annotator(annotator)
        stamp = now()
        cursor = self.session.db.execute(INSERT, [span_id, doc_id, span.start, span.end, span.label, layer, text,
                                                  s_start, s_end, json.dumps(span.attrs, ensure_ascii=False),
                                                  annotator, span.origin, span.source, span.confidence, stamp, stamp])
        new = Span(span.start, span.end, span.label, text, dict(span.attrs), annotator, span.origin, layer,
                   cursor.lastrowid, doc_id, span.source, span.confidence)
        self.session.changes.added(new)
        return new

    def frame(self, doc_id: int, label: str, start: Any, end: Any, attrs: dict, *, refresh: bool = False,
              suggestions: bool = False) -> dict:
        """`attrs` with a metric's proposals filled in (labels without attributes: as they are)."""
        definition = self.schemas.current.label(label)
        text = self.texts(doc_id)
        if definition is None or not definition.attributes or not (
                isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
            return attrs
        anchors = self.anchors(doc_id, suggestions=suggestions, near=metric_frames.anchor_range(text, start, end))
        return metric_frames.fill(text, self.schemas.current, definition, start, end, attrs, anchors, refresh=refresh)

    def add(self, doc_id: int, start: int, end: int, label: str, *, attrs: dict | None = None,
            origin: str = "manual") -> Span:
        """A span made by hand (or suggested); labels with attributes get their proposals filled in."""
        with self.session.write():
            attrs = self.frame(doc_id, label, start, end, dict(attrs or {}))
            new = self.insert(doc_id, Span(start, end, label, "", attrs, self.session.annotator, origin))
            self.session.log("add_span", document_id=doc_id, span_id=new.id, after=record(new))
            if origin != "suggested":
                self.displace(new)
                self.reframe(new)
                self.statuses.started(doc_id)
        return new

    def update(self, span_id: int, **changes: Any) -> Span:
        """Change start, end, label, attrs and/or origin of a span (relabel, move an edge, edit)."""
        unknown = set(changes) - {"start", "end", "label", "attrs", "origin"}
        if unknown:
            raise SpanError(f"cannot change {', '.join(sorted(unknown))} of a span")
        with self.session.write():
            old = self.get(span_id)
            new = replace(old, **changes)
            if "attrs" in changes:
                new = replace(new, attrs=metric_frames.confirm(old.attrs, changes["attrs"]))
            if (new.start, new.end, new.label) != (old.start, old.end, old.label):
                # a new label keeps only the span's note: the old label's attributes mean nothing to it
                kept = new.attrs if new.label == old.label else {k: v for k, v in new.attrs.items() if k == NOTE}
                new = replace(new, attrs=self.frame(old.document_id, new.label, new.start, new.end, kept,
                                                    refresh=True))
            new = self.write(old, new, ignore_id=span_id)
            self.session.log("update_span", document_id=old.document_id, span_id=span_id,
                             before=record(old), after=record(new))
            if new.origin != "suggested":
                self.displace(new)
                self.reframe(new)
                self.statuses.started(old.document_id)
        return new

    def write(self, old: Span, new: Span, *, ignore_id: int | None = None, annotator: str | None = None) -> Span:
        """Check `new` and store it over `old` (same id), inside the caller's write; no event logged."""
        layer, text, s_start, s_end = self.check(old.document_id, new.start, new.end, new.label, new.attrs,
                                                 new.origin, ignore_id=old.id)
        annotator = annotator or self.session.annotator
        self.session.db.execute(
            "UPDATE spans SET start = ?, end = ?, label = ?, layer = ?, text = ?, sentence_start = ?,"
            " sentence_end = ?, attrs = ?, origin = ?, annotator = ?, updated_at = ? WHERE id = ?",
            [new.start, new.end, new.label, layer, text, s_start, s_end, json.dumps(new.attrs, ensure_ascii=False),
             new.origin, annotator, now(), old.id])
        new = replace(new, layer=layer, text=text, annotator=annotator, id=old.id, document_id=old.document_id)
        self.session.changes.updated(new)
        return new

    def confirm(self, span_id: int, keys: list[str] | None = None) -> Span:
        """Accept proposed attributes as they are (all of them, or `keys`)."""
        old = self.get(span_id)
        proposed = [k for k in old.attrs.get("proposed", []) if keys is not None and k not in keys]
        attrs = {k: v for k, v in old.attrs.items() if k != "proposed"}
        if proposed:
            attrs["proposed"] = proposed
        return self.update(span_id, attrs=attrs)

    def delete(self, span_id: int) -> None:
        """Delete a span; metric links to it are cleared in the same change."""
        with self.session.write():
            old = self.get(span_id)
            for linked in self._linking(old):
                self.update(linked.id, attrs={k: v for k, v in linked.attrs.items()
                                              if not (k in self._link_keys(linked.label) and v == span_id)})
            gone = self.relations(old.document_id, span_id=span_id)
            self.remove(old)
            self.session.log("delete_span", document_id=old.document_id, span_id=span_id,
                             before={**record(old), "relations": [asdict(r) for r in gone]})

    def displace(self, span: Span) -> None:
        """An annotation replaces the suggestions it covers in its layer (logged: undo brings them back).
        Suggestions never overlap each other in a layer, so those covered are the one starting last
        at or before the span, if it reaches in, and those starting inside it: two index steps."""
        db, kind = self.session.db, "document_id = ? AND layer = ? AND origin = 'suggested'"
        args = [span.document_id, span.layer]
        rows = db.execute(f"SELECT {COLUMNS} FROM spans WHERE {kind} AND start <= ? ORDER BY start DESC LIMIT 1",
                          [*args, span.start]).fetchall()
        rows = [r for r in rows if r[3] > span.start] + db.execute(
            f"SELECT {COLUMNS} FROM spans WHERE {kind} AND start > ? AND start < ? ORDER BY start",
            [*args, span.start, span.end]).fetchall()
        for covered in map(row_span, rows):
            if covered.id == span.id:
                continue
            gone = self.relations(covered.document_id, span_id=covered.id)
            self.remove(covered)
            self.session.log("delete_span", document_id=covered.document_id, span_id=covered.id,
                             before={**record(covered), "relations": [asdict(r) for r in gone]})

    def reframe(self, anchor: Span) -> None:
        """A region, organisation or date became an annotation: the metrics of its clause propose their
        links again where a link is still open or only proposed (confirmed ones stay)."""
        labels = [label for label in self.schemas.current.labels if any(
            a.type == "link" and anchor.label in a.targets for a in label.attributes)]
        if not labels:
            return
        s_start, _ = clause_bounds(self.texts(anchor.document_id), anchor.start, anchor.end)
        rows = self.session.db.execute(
            f"SELECT {COLUMNS} FROM spans WHERE document_id = ? AND label IN ({','.join('?' * len(labels))})"
            " AND sentence_start = ?", [anchor.document_id, *(label.key for label in labels), s_start]).fetchall()
        for metric in map(row_span, rows):
            attrs = self.frame(metric.document_id, metric.label, metric.start, metric.end, metric.attrs, refresh=True,
                               suggestions=metric.origin == "suggested")
            if attrs != metric.attrs:
                new = self.write(metric, replace(metric, attrs=attrs), annotator=metric.annotator)
                self.session.log("update_span", document_id=metric.document_id, span_id=metric.id,
                                 before=record(metric), after=record(new))

    def remove(self, old: Span) -> None:
        """Inside the caller's write; relations cascade; no event logged."""
        self.session.db.execute("DELETE FROM spans WHERE id = ?", [old.id])
        self.session.changes.removed(old.id, old.document_id)

    def drop_suggestions(self, doc_id: int) -> int:
        """Inside a write: delete a report's pending suggestions, but those an annotation links to
        (a confirmed metric's suggested subject stays); returns how many went."""
        kept = {span.attrs.get(key) for span in self.of(doc_id) if span.origin != "suggested"
                for key in self._link_keys(span.label)}
        gone = [s.id for s in self.of(doc_id, origin="suggested") if s.id not in kept]
        self.session.db.conn.executemany("DELETE FROM spans WHERE id = ?", [(i,) for i in gone])
        return len(gone)

    def _link_keys(self, label: str) -> set[str]:
        return self.schemas.current.links().get(label, set())

    def _linking(self, target: Span) -> list[Span]:
        """Spans of the same document whose link attributes point at `target` (only labels with
        links can, and only if `target`'s label is one they may point to)."""
        linking = [label for label in self.schemas.current.labels if any(
            a.type == "link" and (target.label in a.targets or not a.targets) for a in label.attributes)]
        if not linking:
            return []
        keys = sorted({a.key for label in linking for a in label.attributes if a.type == "link"})
        test = " OR ".join(f"json_extract(attrs, '$.{k}') = ?" for k in keys)
        labels = ",".join("?" * len(linking))
        rows = self.session.db.execute(
            f"SELECT {COLUMNS} FROM spans WHERE document_id = ? AND layer IN ({','.join('?' * len(linking))})"
            f" AND label IN ({labels}) AND ({test})",
            [target.document_id, *(label.layer for label in linking), *(label.key for label in linking),
             *[target.id] * len(keys)]).fetchall()
        return [s for s in map(row_span, rows) if any(s.attrs.get(k) == target.id for k in self._link_keys(s.label))]

    # relations ----------------------------------------------------------------------------------

    def relations(self, doc_id: int, *, span_id: int | None = None) -> list[Relation]:
        extra, args = ("AND (r.source_id = ? OR r.target_id = ?)", [span_id, span_id]) if span_id else ("", [])
        return [Relation(r[1], r[2], r[3], id=r[0]) for r in self.session.db.execute(
            "SELECT r.id, r.source_id, r.target_id, r.type FROM relations r JOIN spans s ON s.id = r.source_id"
            f" WHERE s.document_id = ? {extra} ORDER BY r.id", [doc_id, *args])]

    def insert_relation(self, source_id: int, target_id: int, type_: str, *,
                        relation_id: int | None = None) -> Relation:
        src, dst = self.get(source_id), self.get(target_id)
        if src.document_id != dst.document_id:
            raise SpanError(f"spans {source_id} and {target_id} are in different documents")
        if source_id == target_id:
            raise SpanError("a relation needs two different spans")
        if not type_:
            raise SpanError("a relation needs a type")
        cursor = self.session.db.execute(
            "INSERT INTO relations(id, source_id, target_id, type, annotator, created_at) VALUES (?,?,?,?,?,?)",
            [relation_id, source_id, target_id, type_, self.session.annotator, now()])
        self.session.changes.relations.add(src.document_id)
        return Relation(source_id, target_id, type_, id=cursor.lastrowid)

    def add_relation(self, source_id: int, target_id: int, type_: str) -> Relation:
        with self.session.write():
            rel = self.insert_relation(source_id, target_id, type_)
            self.session.log("add_relation", document_id=self.get(source_id).document_id, relation_id=rel.id,
                             after=asdict(rel))
        return rel

    def relation(self, relation_id: int) -> tuple[Relation, int]:
        """A relation and its document."""
        row = self.session.db.execute("SELECT r.id, r.source_id, r.target_id, r.type, s.document_id FROM relations r"
                                      " JOIN spans s ON s.id = r.source_id WHERE r.id = ?", [relation_id]).fetchone()
        if row is None:
            raise SpanError(f"no relation {relation_id} in this project")
        return Relation(row[1], row[2], row[3], id=row[0]), row[4]

    def delete_relation(self, relation_id: int) -> None:
        with self.session.write():
            rel, doc_id = self.relation(relation_id)
            self.session.db.execute("DELETE FROM relations WHERE id = ?", [relation_id])
            self.session.changes.relations.add(doc_id)
            self.session.log("delete_relation", document_id=doc_id, relation_id=relation_id, before=asdict(rel))

    # in bulk --------------------------------------------------------------------------------------

    def label_occurrences(self, doc_ids: list[int], needle: str, label: str,
                          on_progress: Progress | None = None) -> list[Span]:
        """Label every occurrence of `needle` in these documents as one change; occurrences that are
        already labelled or would overlap a span of the same layer are left alone.  Stopped by
        `on_progress`: nothing is labelled."""
        made = []
        with self.session.write():
            for n, doc_id in enumerate(doc_ids):
                if on_progress is not None and not on_progress(n, len(doc_ids)):
                    raise Cancelled("cancelled: nothing was labelled")
                text = self.texts(doc_id)
                start = text.find(needle) if needle else -1
                while start != -1:
                    try:  # check refuses before anything is written
                        made.append(self.add(doc_id, start, start + len(needle), label))
                    except SpanError:
                        pass
                    start = text.find(needle, start + len(needle))
        return made
