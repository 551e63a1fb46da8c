"""The native JSONL format: the lossless reference, one document per line.

    {"id", "text", "meta": {title, source, published, file, source_sha256, ...},
     "status", "spans": [{"id", "start", "end", "label", "text", "attrs", "annotator", "origin"}],
     "relations": [{"id", "source", "target", "type"}]}

Offsets are Unicode code points, end exclusive (Python's `text[start:end]`).
`annotator import` reads this shape back (annotator/core/ingest/jsonl.py).
"""
from __future__ import annotations

import json
from itertools import groupby
from pathlib import Path
from typing import Iterator

from annotator.core.interchange.files import atomic_write, check_offsets
from annotator.core.store import Project


def records(project: Project, *, status: str | None = None,
            with_suggestions: bool = False) -> Iterator[dict]:
    """Native records in document order, every span checked against its text."""
    db = project.db
    doc_where, doc_args = ("WHERE status = ?", [status]) if status else ("", [])
    span_where = "" if with_suggestions else "AND s.origin != 'suggested'"
    span_rows = db.execute(
        "SELECT s.document_id, s.id, s.start, s.end, s.label, s.text, s.attrs, s.annotator, s.origin"
        f" FROM spans s JOIN documents d ON d.id = s.document_id {doc_where.replace('status', 'd.status')}"
        f" {'AND' if doc_where else 'WHERE'} 1 {span_where} ORDER BY s.document_id, s.start, s.end, s.layer, s.id",
        doc_args)
    spans_by_doc = groupby(span_rows, key=lambda r: r[0])
    rel_rows = db.execute(
        "SELECT s.document_id, r.id, r.source_id, r.target_id, r.type FROM relations r"
        f" JOIN spans s ON s.id = r.source_id JOIN spans t ON t.id = r.target_id"
        f" WHERE 1 {span_where} {span_where.replace('s.', 't.')} ORDER BY s.document_id, r.id")
    rels_by_doc = groupby(rel_rows, key=lambda r: r[0])
    next_spans, next_rels = next(spans_by_doc, None), next(rels_by_doc, None)
    for doc in db.execute(
            "SELECT id, text, title, source, published, file_name, source_sha256, status, skip_reason, meta"
            f" FROM documents {doc_where} ORDER BY id", doc_args):
        doc_id, text = doc[0], doc[1]
        meta = {"title": doc[2], "source": doc[3], "published": doc[4], "file": doc[5], "source_sha256": doc[6]}
        meta.update(json.loads(doc[9]))
        if doc[8]:
            meta["skip_reason"] = doc[8]
        spans = []
        while next_spans is not None and next_spans[0] < doc_id:
            next_spans = next(spans_by_doc, None)
        if next_spans is not None and next_spans[0] == doc_id:
            for _, sid, start, end, label, span_text, attrs, annotator, origin in next_spans[1]:
                check_offsets(doc_id, text, sid, start, end, span_text)
                spans.append({"id": sid, "start": start, "end": end, "label": label, "text": span_text,
                              "attrs": json.loads(attrs), "annotator": annotator or "", "origin": origin})
            next_spans = next(spans_by_doc, None)
        relations = []
        while next_rels is not None and next_rels[0] < doc_id:
            next_rels = next(rels_by_doc, None)
        if next_rels is not None and next_rels[0] == doc_id:
            relations = [{"id": rid, "source": src, "target": dst, "type": typ}
                         for _, rid, src, dst, typ in next_rels[1]]
            next_rels = next(rels_by_doc, None)
        yield {"id": doc_id, "text": text, "meta": meta, "status": doc[7], "spans": spans, "relations": relations}


def export(project: Project, path: Path, *, status: str | None = None, with_suggestions: bool = False) -> int:
    """Write native JSONL to `path` atomically; returns the number of documents.

    All records are checked before the file is replaced, so a bad span leaves
    any earlier export in place."""
    lines = [json.dumps(r, ensure_ascii=False) for r in records(project, status=status,
                                                                 with_suggestions=with_suggestions)]
    with atomic_write(path) as f:
        for line in lines:
            f.write(line)
            f.write("\n")
    return len(lines)
