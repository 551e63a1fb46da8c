"""doccano sequence labelling JSONL, both shapes it reads and writes:

    {"id", "text", "entities": [{"id", "label", "start_offset", "end_offset"}],
     "relations": [{"id", "from_id", "to_id", "type"}]}          (format "doccano")
    {"id", "text", "label": [[start, end, "LABEL"], ...]}       (format "doccano-label")

Offsets are UTF-16 code units, end exclusive: doccano's browser side counts JavaScript string
positions (doccano issue #2290), so after an emoji or 𠮷 they differ from Python's.  Export converts
from code points, import converts back and refuses an offset that falls inside a character.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator

from annotator.core.ingest import limits
from annotator.core.ingest.jsonl import Record, RecordError
from annotator.core.ingest.sources import Problem
from annotator.core.interchange.files import write_jsonl
from annotator.core.interchange.reading import code_points, json_records, list_of, text_of
from annotator.core.interchange.records import Selection, read
from annotator.core.offsets import Utf16Map
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
    else:
        record["label"] = [[units.to_qt(s.start), units.to_qt(s.end), s.label] for s in doc.spans]
    return record


def read_file(path: Path, label_map: dict[str, str] | None = None, *,
              max_bytes: int = limits.MAX_BYTES) -> Iterator[Record | Problem]:
    return json_records(path, to_native, label_map, max_bytes=max_bytes)


def to_native(obj: Any) -> dict:
    text = text_of(obj, "text", "data")
    units = Utf16Map(text)
    spans, relations = [], []
    if "entities" in obj:
        for n, e in enumerate(list_of(obj, "entities"), 1):
            if not isinstance(e, dict):
                raise RecordError(f"entity {n}: expected an object, got {limits.quoted(e)}")
            spans.append({"id": e.get("id"), "label": e.get("label"),
                          "start": code_points(units, e.get("start_offset"), f"entity {n}: start_offset"),
                          "end": code_points(units, e.get("end_offset"), f"entity {n}: end_offset")})
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
            spans.append({"start": code_points(units, item[0], f"label {n}: start"),
                          "end": code_points(units, item[1], f"label {n}: end"), "label": item[2]})
    meta = {k: v for k, v in obj.items() if k not in ("id", "text", "data", "entities", "relations", "label")}
    return {"text": text, "meta": meta, "spans": spans, "relations": relations}
