"""The native JSONL format: the lossless reference, one document per line.

    {"id", "text", "meta": {title, source, published, file, source_sha256, ...},
     "status", "spans": [{"id", "start", "end", "label", "text", "attrs", "annotator", "origin"}],
     "relations": [{"id", "source", "target", "type"}]}

Offsets are Unicode code points, end exclusive (Python's `text[start:end]`).
Spans are in text order (start, end, id).  `annotator import` reads this shape
back (annotator/core/ingest/jsonl.py).

Lines are written as text directly rather than through dicts and json.dumps:
it keeps a 200,000-span export near the cost of json.dumps alone (see
benchmarks/bench_export.py).  The output is exactly what json.dumps(record,
ensure_ascii=False) gives; tests/core/test_export.py holds it to that.
"""
from __future__ import annotations

import json
from json.encoder import encode_basestring as _quote  # the C encoder, as json.dumps uses
from pathlib import Path
from typing import Iterator

from annotator.core.interchange.files import atomic_write, check_offsets
from annotator.core.store import Project

_SPAN = '{"id": %d, "start": %d, "end": %d, "label": %s, "text": %s, "attrs": %s, "annotator": %s, "origin": %s}'
_RELATION = '{"id": %d, "source": %d, "target": %d, "type": %s}'
_RECORD = '{"id": %d, "text": %s, "meta": %s, "status": %s, "spans": [%s], "relations": [%s]}'


def lines(project: Project, *, status: str | None = None, with_suggestions: bool = False,
          layer: str = "") -> Iterator[str]:
    """JSON text of each document's record, in document order, every span checked against its text.
    `layer`: whose spans (records.layer); an annotator's versions come with their status."""
    queries = project.queries
    # Labels, annotators and origins repeat: quote each once (plain lookups keep the span loop fast).
    quoted = {v: _quote(v) for v in queries.names()}
    quoted.update({v: _quote(v) for v in ("", "manual", "suggested", "imported", "todo", "in_progress", "done",
                                          "skipped")})
    for doc_id, text, title, source, published, file_name, source_sha, doc_status, reason, meta_json in \
            queries.documents(status, layer):
        meta = {"title": title, "source": source, "published": published, "file": file_name,
                "source_sha256": source_sha, **json.loads(meta_json)}
        if reason:
            meta["skip_reason"] = reason
        spans = []
        length = len(text)
        for sid, start, end, label, span_text, attrs, annotator, origin, _ in queries.spans(
                doc_id, with_suggestions=with_suggestions, layer=layer):
            if not 0 <= start < end <= length or text[start:end] != span_text:
                check_offsets(doc_id, text, sid, start, end, span_text)  # raises, saying what is wrong
            spans.append(_SPAN % (sid, start, end, quoted[label], _quote(span_text), attrs,
                                  quoted[annotator or ""], quoted[origin]))
        relations = [_RELATION % (rid, src, dst, quoted[typ])
                     for rid, src, dst, typ in queries.relations(doc_id, with_suggestions=with_suggestions,
                                                                 layer=layer)]
        yield _RECORD % (doc_id, _quote(text), json.dumps(meta, ensure_ascii=False), quoted[doc_status],
                         ", ".join(spans), ", ".join(relations))


def records(project: Project, **options) -> Iterator[dict]:
    """The same records as dicts."""
    return (json.loads(line) for line in lines(project, **options))


def export(project: Project, path: Path, *, status: str | None = None, with_suggestions: bool = False,
           layer: str = "") -> int:
    """Write native JSONL to `path` atomically; returns the number of documents.

    Lines go to a temporary file that replaces `path` only once every span has
    passed its check: a bad span leaves any earlier export in place."""
    count = 0
    with atomic_write(path, project_file=project.path) as f:
        for line in lines(project, status=status, with_suggestions=with_suggestions, layer=layer):
            f.write(line)
            f.write("\n")
            count += 1
    return count
