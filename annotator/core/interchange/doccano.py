"""doccano sequence labelling JSONL, both shapes it reads and writes:

    {"id", "text", "entities": [{"id", "label", "start_offset", "end_offset"}],
     "relations": [{"id", "from_id", "to_id", "type"}]}          (format "doccano")
    {"id", "text", "label": [[start, end, "LABEL"], ...]}       (format "doccano-label")

Offsets are UTF-16 code units, end exclusive: doccano's browser side counts JavaScript string
positions (doccano issue #2290), so after an emoji or 𠮷 they differ from Python's.  Export converts
from code points, import converts back and refuses an offset that falls inside a character.
Projects with "count grapheme clusters as one character" count clusters instead (format
"doccano-graphemes"); intent detection's `entities: [[start, end, label]]` and `cats` are read too.
"""
from __future__ import annotations

from bisect import bisect_right
from pathlib import Path
from typing import Any, Iterator

from annotator.core.ingest import limits
from annotator.core.ingest.jsonl import Record, RecordError
from annotator.core.ingest.sources import Problem
from annotator.core.interchange.files import write_jsonl
from annotator.core.interchange.reading import code_points, integer, json_records, list_of, text_of
from annotator.core.interchange.records import Selection, categories, read
from annotator.core.offsets import Graphemes, Utf16Map
from annotator.core.store import Project


def export(project: Project, path: Path, selection: Selection = Selection(), *, shape: str = "entities") -> int:
    return write_jsonl(path, (_record(doc, shape) for doc in read(project, selection)),
                       project_file=project.path)


def _record(doc, shape: str) -> dict:
    units = Utf16Map(doc.text)
    record: dict[str, Any] = {"id": doc.id, "text": doc.text}
    if shape == "entities":
        record["entities"] = [{"id": s.id, "label": s.label, "start_offset": units.to_qt(s.start),
                               "end_offset": units.to_qt(s.end)} for s in doc.spans]
        record["relations"] = [{"id": r, "from_id": a, "to_id": b, "type": t} for r, a, b, t in doc.relations]
        cats = [label for label, score in categories(doc.meta).items() if score >= 0.5]
        if cats:  # the classes of intent detection, written back as doccano writes them
            record["cats"] = cats
    else:
        record["label"] = [[units.to_qt(s.start), units.to_qt(s.end), s.label] for s in doc.spans]
    return record


def read_file(path: Path, label_map: dict[str, str] | None = None, *,
              max_bytes: int = limits.MAX_BYTES) -> Iterator[Record | Problem]:
    return json_records(path, to_native, label_map, max_bytes=max_bytes)


def read_graphemes(path: Path, label_map: dict[str, str] | None = None, *,
                   max_bytes: int = limits.MAX_BYTES) -> Iterator[Record | Problem]:
    """A project with "count grapheme clusters as one character": offsets count clusters."""
    return json_records(path, lambda obj: to_native(obj, graphemes=True), label_map, max_bytes=max_bytes)


class _Offsets:
    """doccano's offsets in one text as code points: UTF-16 units, or grapheme clusters in a project
    with that setting.  A UTF-16 offset inside a cluster is how the setting shows when it was not
    named (the spans would be shifted left): refused, naming it, never shifted."""

    HINT = ("; doccano projects with 'count grapheme clusters as one character' store such offsets: "
            "import with --format doccano-graphemes")

    def __init__(self, text: str, graphemes: bool):
        self.text, self.graphemes = text, graphemes
        self.clusters, self.units = Graphemes(text), Utf16Map(text)

    def __call__(self, value: Any, what: str) -> int:
        if self.graphemes:
            cluster = integer(value, what)
            try:
                return self.clusters.to_code_point(cluster)
            except ValueError as exc:
                raise RecordError(f"{what}: {exc}") from None
        try:
            cp = code_points(self.units, value, what)
        except RecordError as exc:
            # only where clusters and UTF-16 units disagree could the setting explain it
            raise RecordError(str(exc) + (self.HINT if self.clusters.count != self.units.qt_length else "")) from None
        if self.clusters.splits(cp):
            raise RecordError(f"{what}: offset {value} falls inside the character cluster "
                              f"{limits.quoted(self._cluster(cp))}" + self.HINT)
        return cp

    def _cluster(self, cp: int) -> str:
        starts = self.clusters.starts
        n = bisect_right(starts, cp) - 1
        return self.text[starts[n]:starts[n + 1]]


def to_native(obj: Any, *, graphemes: bool = False) -> dict:
    """The `entities` of doccano's sequence labelling (objects) or of its intent detection
    ([start, end, label] lists, with `cats`, the document's classes, kept in its meta: a label of a
    whole document is not a span here), or `label` lists."""
    text = text_of(obj, "text", "data")
    offset = _Offsets(text, graphemes)
    spans, relations = [], []
    if "entities" in obj:
        for n, e in enumerate(list_of(obj, "entities"), 1):
            if isinstance(e, list) and len(e) == 3:
                spans.append({"start": offset(e[0], f"entity {n}: start"), "end": offset(e[1], f"entity {n}: end"),
                              "label": e[2]})
                continue
            if not isinstance(e, dict):
                raise RecordError(f"entity {n}: expected an object or [start, end, label], got {limits.quoted(e)}")
            spans.append({"id": e.get("id"), "label": e.get("label"),
                          "start": offset(e.get("start_offset"), f"entity {n}: start_offset"),
                          "end": offset(e.get("end_offset"), f"entity {n}: end_offset")})
        for n, r in enumerate(list_of(obj, "relations"), 1):
            if not isinstance(r, dict):
                raise RecordError(f"relation {n}: expected an object, got {limits.quoted(r)}")
            relations.append({"id": r.get("id"), "source": r.get("from_id"), "target": r.get("to_id"),
                              "type": r.get("type")})
    else:
        for n, item in enumerate(list_of(obj, "label"), 1):
            if not (isinstance(item, list) and len(item) == 3):
                raise RecordError(f"label {n}: expected [start, end, label], got {limits.quoted(item)} "
                                  "(document classification labels are not spans)")
            spans.append({"start": offset(item[0], f"label {n}: start"), "end": offset(item[1], f"label {n}: end"),
                          "label": item[2]})
    meta = {k: v for k, v in obj.items() if k not in ("id", "text", "data", "entities", "relations", "label")}
    return {"text": text, "meta": meta, "spans": spans, "relations": relations}
