"""Spans and relations: the checks every write passes, and the writes themselves.

Functions here take the Project as `self` and are bound as its methods.
Checks: integer offsets with 0 <= start < end <= len(text); a label of the
project's schema; attributes valid for that label; no overlap with another
span of the same layer (entity spans may overlap metric spans).  Suggestions
may overlap accepted spans, so each kind is checked only against its own kind.
"""
from __future__ import annotations

import json
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from annotator.core.model import SpanError, Relation, Span
from annotator.core import metric_frames
from annotator.core.schema import check_attrs
from annotator.core.store.clock import now

if TYPE_CHECKING:
    from annotator.core.store.project import Project

_COLUMNS = "id, document_id, start, end, label, layer, text, attrs, annotator, origin, source, confidence"


INSERT = ("INSERT INTO spans(id, document_id, start, end, label, layer, text, sentence_start, sentence_end, attrs,"
          " annotator, origin, source, confidence, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")


def _row(r: tuple) -> Span:
    # positional, in Span's field order: opening a report reads thousands of these
    return Span(r[2], r[3], r[4], r[6], json.loads(r[7]) if r[7] != "{}" else {}, r[8] or "", r[9], r[5], r[0], r[1],
                r[10], r[11])


def record(span: Span) -> dict:
    """What the event log keeps of a span (enough to recreate it)."""
    d = asdict(span)
    return {k: d[k] for k in ("id", "document_id", "start", "end", "label", "text", "attrs", "origin", "annotator",
                              "source", "confidence")}


def spans(self: "Project", doc_id: int, *, origin: str | None = None) -> list[Span]:
    where, args = ("AND origin = ?", [origin]) if origin else ("", [])
    return [_row(r) for r in self.db.execute(
        f"SELECT {_COLUMNS} FROM spans WHERE document_id = ? {where} ORDER BY start, end, id",
        [doc_id, *args])]


def span(self: "Project", span_id: int) -> Span:
    row = self.db.execute(f"SELECT {_COLUMNS} FROM spans WHERE id = ?", [span_id]).fetchone()
    if row is None:
        raise SpanError(f"no span {span_id} in this project")
    return _row(row)


def check_span(self: "Project", doc_id: int, start: Any, end: Any, label: str, attrs: dict,
               origin: str, *, ignore_id: int | None = None) -> tuple[str, str, int, int]:
    """Raise SpanError with a specific message, or return (layer, text, sentence start, sentence end)."""
    text = self.text(doc_id)
    for name, value in (("start", start), ("end", end)):
        if not isinstance(value, int) or isinstance(value, bool):
            raise SpanError(f"{name} must be an integer, got {value!r}")
    if not 0 <= start < end <= len(text):
        raise SpanError(f"offsets {start}-{end} are not inside the text (0-{len(text)}, start before end)")
    definition = self.schema.label(label)
    if definition is None:
        raise SpanError(f"label {label!r} is not in the project's schema "
                        f"({', '.join(lab.key for lab in self.schema.labels)})")
    problems = check_attrs(self.schema, label, attrs)
    if problems:
        raise SpanError(f"{label} attributes: " + "; ".join(problems))
    kind = "= 'suggested'" if origin == "suggested" else "!= 'suggested'"
    clash = self.db.execute(
        f"SELECT id, start, end, label, text FROM spans WHERE document_id = ? AND layer = ? AND origin {kind}"
        " AND start < ? AND end > ? AND id IS NOT ? LIMIT 1",
        [doc_id, definition.layer, end, start, ignore_id]).fetchone()
    if clash:
        raise SpanError(f"{text[start:end]!r} ({start}-{end}) overlaps {clash[3]} {clash[4]!r} "
                        f"({clash[1]}-{clash[2]}) in the {definition.layer} layer")
    return (definition.layer, text[start:end], *metric_frames.sentence(text, start, end))


def insert_span(self: "Project", doc_id: int, span: Span, *, span_id: int | None = None) -> Span:
    """Check and insert inside the caller's transaction; no event logged."""
    layer, text, s_start, s_end = check_span(self, doc_id, span.start, span.end, span.label, span.attrs, span.origin)
    if span.text and span.text != text:
        raise SpanError(f"span text {span.text!r} does not match the document text {text!r} "
                        f"at {span.start}-{span.end}")
    annotator = span.annotator or self.annotator
    self._ensure_annotator(annotator)
    stamp = now()
    cursor = self.db.execute(INSERT, [span_id, doc_id, span.start, span.end, span.label, layer, text, s_start, s_end,
                                      json.dumps(span.attrs, ensure_ascii=False), annotator, span.origin,
                                      span.source, span.confidence, stamp, stamp])
    return Span(span.start, span.end, span.label, text, dict(span.attrs), annotator, span.origin, layer,
                cursor.lastrowid, doc_id, span.source, span.confidence)


def add_span(self: "Project", doc_id: int, start: int, end: int, label: str, *,
             attrs: dict | None = None, origin: str = "manual") -> Span:
    """A span made by hand (or suggested); labels with attributes get their proposals filled in."""
    attrs = dict(attrs or {})
    definition = self.schema.label(label)
    if definition is not None and definition.attributes and isinstance(start, int) and isinstance(end, int) \
            and 0 <= start < end <= len(self.text(doc_id)):
        attrs = metric_frames.fill(self, doc_id, definition, start, end, attrs)
    with self.change():
        new = insert_span(self, doc_id, Span(start, end, label, "", attrs, self.annotator, origin))
        self._log("add_span", document_id=doc_id, span_id=new.id, after=record(new))
    return new


def update_span(self: "Project", span_id: int, **changes: Any) -> Span:
    """Change start, end, label, attrs and/or origin of a span (relabel, move an edge, edit)."""
    unknown = set(changes) - {"start", "end", "label", "attrs", "origin"}
    if unknown:
        raise SpanError(f"cannot change {', '.join(sorted(unknown))} of a span")
    old = span(self, span_id)
    new = Span(**{**asdict(old), **changes})
    if "attrs" in changes:
        new = Span(**{**asdict(new), "attrs": metric_frames.confirm(old.attrs, changes["attrs"])})
    definition = self.schema.label(new.label)
    if definition is not None and definition.attributes and (new.start, new.end, new.label) != (
            old.start, old.end, old.label) and 0 <= new.start < new.end <= len(self.text(old.document_id)):
        kept = new.attrs if new.label == old.label else {}
        new = Span(**{**asdict(new), "attrs": metric_frames.fill(self, old.document_id, definition, new.start,
                                                                new.end, kept, refresh=True)})
    layer, text, s_start, s_end = check_span(self, old.document_id, new.start, new.end, new.label, new.attrs,
                                             new.origin, ignore_id=span_id)
    with self.change():
        self.db.execute(
            "UPDATE spans SET start = ?, end = ?, label = ?, layer = ?, text = ?, sentence_start = ?,"
            " sentence_end = ?, attrs = ?, origin = ?, annotator = ?, updated_at = ? WHERE id = ?",
            [new.start, new.end, new.label, layer, text, s_start, s_end, json.dumps(new.attrs, ensure_ascii=False),
             new.origin, self.annotator, now(), span_id])
        new = span(self, span_id)
        self._log("update_span", document_id=old.document_id, span_id=span_id,
                  before=record(old), after=record(new))
    return new


def confirm_span(self: "Project", span_id: int, keys: list[str] | None = None) -> Span:
    """Accept proposed attributes as they are (all of them, or `keys`)."""
    old = span(self, span_id)
    proposed = [k for k in old.attrs.get("proposed", []) if keys is not None and k not in keys]
    attrs = {k: v for k, v in old.attrs.items() if k != "proposed"}
    if proposed:
        attrs["proposed"] = proposed
    return update_span(self, span_id, attrs=attrs)


def delete_span(self: "Project", span_id: int) -> None:
    """Delete a span; metric links to it are cleared in the same change."""
    old = span(self, span_id)
    with self.change():
        for linked in _linking(self, old):
            update_span(self, linked.id, attrs={k: v for k, v in linked.attrs.items()
                                                if not (k in _link_keys(self, linked.label) and v == span_id)})
        gone = relations(self, old.document_id, span_id=span_id)
        self.db.execute("DELETE FROM spans WHERE id = ?", [span_id])  # relations cascade
        self._log("delete_span", document_id=old.document_id, span_id=span_id,
                  before={**record(old), "relations": [asdict(r) for r in gone]})


def _link_keys(self: "Project", label: str) -> set[str]:
    definition = self.schema.label(label)
    return {a.key for a in definition.attributes if a.type == "link"} if definition else set()


def _linking(self: "Project", target: Span) -> list[Span]:
    """Spans of the same document whose link attributes point at `target`."""
    keys = sorted({a.key for label in self.schema.labels for a in label.attributes if a.type == "link"})
    if not keys:
        return []
    test = " OR ".join(f"json_extract(attrs, '$.{k}') = ?" for k in keys)
    rows = self.db.execute(f"SELECT {_COLUMNS} FROM spans WHERE document_id = ? AND ({test})",
                           [target.document_id, *[target.id] * len(keys)]).fetchall()
    return [s for s in map(_row, rows) if any(s.attrs.get(k) == target.id for k in _link_keys(self, s.label))]


def relations(self: "Project", doc_id: int, *, span_id: int | None = None) -> list[Relation]:
    extra, args = ("AND (r.source_id = ? OR r.target_id = ?)", [span_id, span_id]) if span_id else ("", [])
    return [Relation(r[1], r[2], r[3], id=r[0]) for r in self.db.execute(
        "SELECT r.id, r.source_id, r.target_id, r.type FROM relations r JOIN spans s ON s.id = r.source_id"
        f" WHERE s.document_id = ? {extra} ORDER BY r.id", [doc_id, *args])]


def insert_relation(self: "Project", source_id: int, target_id: int, type_: str, *,
                    relation_id: int | None = None) -> Relation:
    src, dst = span(self, source_id), span(self, target_id)
    if src.document_id != dst.document_id:
        raise SpanError(f"spans {source_id} and {target_id} are in different documents")
    if source_id == target_id:
        raise SpanError("a relation needs two different spans")
    if not type_:
        raise SpanError("a relation needs a type")
    cursor = self.db.execute(
        "INSERT INTO relations(id, source_id, target_id, type, annotator, created_at) VALUES (?,?,?,?,?,?)",
        [relation_id, source_id, target_id, type_, self.annotator, now()])
    return Relation(source_id, target_id, type_, id=cursor.lastrowid)


def add_relation(self: "Project", source_id: int, target_id: int, type_: str) -> Relation:
    with self.change():
        rel = insert_relation(self, source_id, target_id, type_)
        self._log("add_relation", document_id=span(self, source_id).document_id, relation_id=rel.id,
                  after=asdict(rel))
    return rel


def delete_relation(self: "Project", relation_id: int) -> None:
    row = self.db.execute("SELECT r.id, r.source_id, r.target_id, r.type, s.document_id FROM relations r"
                          " JOIN spans s ON s.id = r.source_id WHERE r.id = ?", [relation_id]).fetchone()
    if row is None:
        raise SpanError(f"no relation {relation_id} in this project")
    with self.change():
        self.db.execute("DELETE FROM relations WHERE id = ?", [relation_id])
        self._log("delete_relation", document_id=row[4], relation_id=relation_id,
                  before=asdict(Relation(row[1], row[2], row[3], id=row[0])))


def label_occurrences(self: "Project", doc_ids: list[int], needle: str, label: str) -> list[Span]:
    """Label every occurrence of `needle` in these documents as one change; occurrences
    that are already labelled or would overlap a span of the same layer are left alone."""
    made = []
    with self.change():
        for doc_id in doc_ids:
            text = self.text(doc_id)
            start = text.find(needle) if needle else -1
            while start != -1:
                try:  # check_span refuses before anything is written
                    made.append(add_span(self, doc_id, start, start + len(needle), label))
                except SpanError:
                    pass
                start = text.find(needle, start + len(needle))
    return made
