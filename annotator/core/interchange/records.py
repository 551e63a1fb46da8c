"""What every exchange format reads out of a project: documents with their spans, chosen and checked.

Choosing: by document status, by label (`labels`, after `label_map` renames them), by annotator, with
or without pending suggestions.  Checking: every span's `text[start:end]` against its stored text
before a format sees it (files.check_offsets), so no format can write a shifted span.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Iterator

from annotator.core.interchange.files import ExportError, check_offsets
from annotator.core.model import AnnotatorError
from annotator.core.store import Project


@dataclass(frozen=True)
class Entity:
    id: int
    start: int
    end: int
    label: str
    text: str
    attrs: dict
    origin: str


@dataclass
class Doc:
    id: int
    text: str
    meta: dict
    status: str
    spans: list[Entity] = field(default_factory=list)
    relations: list[tuple[int, int, int, str]] = field(default_factory=list)  # id, source, target, type


@dataclass(frozen=True)
class Selection:
    status: str | None = None
    labels: frozenset[str] | None = None     # after renaming; None: all
    annotator: str | None = None
    with_suggestions: bool = False
    label_map: dict[str, str] = field(default_factory=dict)  # ours → theirs, e.g. PERSON → PER

    def name(self, label: str) -> str:
        return self.label_map.get(label, label)


def parse_map(text: str) -> dict[str, str]:
    """'PERSON=PER,REGION=LOC' → {'PERSON': 'PER', 'REGION': 'LOC'}."""
    mapping = {}
    for pair in filter(None, (p.strip() for p in (text or "").split(","))):
        if "=" not in pair:
            raise AnnotatorError(f"--map: {pair!r} is not FROM=TO")
        left, right = (x.strip() for x in pair.split("=", 1))
        if not left or not right:
            raise AnnotatorError(f"--map: {pair!r} has an empty side")
        mapping[left] = right
    return mapping


def read(project: Project, selection: Selection = Selection()) -> Iterator[Doc]:
    """The chosen documents in id order, spans in text order, each span checked and renamed."""
    where, args = ("WHERE status = ?", [selection.status]) if selection.status else ("", [])
    span_where = "" if selection.with_suggestions else " AND origin != 'suggested'"
    span_args: list = []
    if selection.annotator:
        span_where += " AND annotator = ?"
        span_args.append(selection.annotator)
    for doc_id, text, title, source, published, file_name, status, meta_json in project.db.execute(
            f"SELECT id, text, title, source, published, file_name, status, meta FROM documents {where} ORDER BY id",
            args).fetchall():
        doc = Doc(doc_id, text, {"title": title, "source": source, "published": published, "file": file_name,
                                 **json.loads(meta_json)}, status)
        kept = set()
        for span_id, start, end, label, span_text, attrs, origin in project.db.execute(
                "SELECT id, start, end, label, text, attrs, origin FROM spans WHERE document_id = ?"
                f"{span_where} ORDER BY start, end, id", [doc_id, *span_args]):
            check_offsets(doc_id, text, span_id, start, end, span_text)
            name = selection.name(label)
            if selection.labels is not None and name not in selection.labels:
                continue
            doc.spans.append(Entity(span_id, start, end, name, span_text, json.loads(attrs), origin))
            kept.add(span_id)
        doc.relations = [r for r in project.db.execute(
            "SELECT r.id, r.source_id, r.target_id, r.type FROM relations r JOIN spans s ON s.id = r.source_id"
            " WHERE s.document_id = ? ORDER BY r.id", [doc_id]) if r[1] in kept and r[2] in kept]
        yield doc


def no_overlaps(doc: Doc) -> list[Entity]:
    """The spans of a document for a format that holds one label per character (BIO); overlapping
    ones (an entity over a metric, say) are refused with a message that says which, so the user
    can choose with --labels."""
    for a, b in zip(doc.spans, doc.spans[1:]):
        if b.start < a.end:
            raise ExportError(f"document {doc.id}: {a.label} {a.text!r} ({a.start}-{a.end}) and {b.label} "
                              f"{b.text!r} ({b.start}-{b.end}) overlap; this format holds one label per "
                              "character: choose labels with --labels")
    return doc.spans
