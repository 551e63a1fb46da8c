"""Label Studio tasks: a JSON array of

    {"id", "data": {"text", "meta"}, "annotations": [{"result": [region..., relation...]}],
     "predictions": [{"model_version", "score", "result": [region...]}]}

a region being {"id", "from_name": "label", "to_name": "text", "type": "labels",
"value": {"start", "end", "text", "labels": [LABEL]}} and a relation {"type": "relation", "from_id",
"to_id", "direction": "right", "labels": [TYPE]}.  It fits a labelling config with
`<Text name="text" value="$text"/>` and `<Labels name="label" toName="text">`.  Pending suggestions go
to `predictions` (with their confidence as score), annotations to `annotations`.

Offsets are UTF-16 code units: Label Studio's browser side counts JavaScript string positions
(Label Studio issue #1347), so they differ from Python's after an emoji or 𠮷.  Export converts,
import converts back, checks each region's `text` against the document and refuses an offset inside
a character.  Import takes, per task, the last annotation that was not cancelled.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterator

from annotator.core.ingest import limits
from annotator.core.ingest.jsonl import Record, RecordError
from annotator.core.ingest.sources import Problem
from annotator.core.interchange.files import atomic_write
from annotator.core.interchange.reading import code_points, json_records, list_of
from annotator.core.interchange.records import Selection, read
from annotator.core.offsets import Utf16Map
from annotator.core.store import Project

FROM_NAME, TO_NAME = "label", "text"


def _region(span, units: Utf16Map) -> dict:
    return {"id": f"s{span.id}", "from_name": FROM_NAME, "to_name": TO_NAME, "type": "labels",
            "value": {"start": units.to_qt(span.start), "end": units.to_qt(span.end), "text": span.text,
                      "labels": [span.label]}}


def export(project: Project, path: Path, selection: Selection = Selection()) -> int:
    tasks = []
    for doc in read(project, selection):
        units = Utf16Map(doc.text)
        done = [s for s in doc.spans if s.origin != "suggested"]
        pending = [s for s in doc.spans if s.origin == "suggested"]
        result = [_region(s, units) for s in done]
        result += [{"type": "relation", "from_id": f"s{a}", "to_id": f"s{b}", "direction": "right", "labels": [t]}
                   for _, a, b, t in doc.relations]
        task: dict[str, Any] = {"id": doc.id, "data": {"text": doc.text, "meta": doc.meta},
                                "annotations": [{"result": result}] if result else []}
        if pending:
            scores = [s.confidence or 0 for s in pending]
            task["predictions"] = [{"model_version": "annotator-suggestions", "score": round(min(scores), 3),
                                    "result": [dict(_region(s, units), score=s.confidence)
                                               for s in pending]}]
        tasks.append(task)
    with atomic_write(path, project_file=project.path) as f:
        json.dump(tasks, f, ensure_ascii=False, indent=1)
        f.write("\n")
    return len(tasks)


def read_file(path: Path, label_map: dict[str, str] | None = None, *,
              max_bytes: int = limits.MAX_BYTES) -> Iterator[Record | Problem]:
    return json_records(path, to_native, label_map, max_bytes=max_bytes)


def to_native(task: Any) -> dict:
    if not isinstance(task, dict) or not isinstance(task.get("data"), dict):
        raise RecordError("expected a task with a 'data' object")
    data = task["data"]
    text = data.get("text") if isinstance(data.get("text"), str) else next(
        (v for v in data.values() if isinstance(v, str)), None)
    if text is None:
        raise RecordError("the task's data holds no text")
    annotations = [a for a in list_of(task, "annotations", "the task") if isinstance(a, dict)
                   and not a.get("was_cancelled")]
    result = list_of(annotations[-1], "result", "the annotation") if annotations else []
    units = Utf16Map(text)
    ids: dict[str, int] = {}
    spans, relations = [], []
    for n, item in enumerate(result, 1):
        if not isinstance(item, dict):
            raise RecordError(f"result {n}: expected an object, got {limits.quoted(item)}")
        if item.get("type") == "relation":
            relations.append(item)
            continue
        value = item.get("value")
        if value is None:
            value = {}
        if not isinstance(value, dict):
            raise RecordError(f"result {n}: 'value' must be an object, got {limits.quoted(value)}")
        names = value.get("labels") or []
        if item.get("type") != "labels" or not names:
            continue  # choices, ratings, text areas: not spans
        if not isinstance(names, list) or not all(isinstance(name, str) for name in names):
            raise RecordError(f"result {n}: 'labels' must be a list of strings, got {limits.quoted(names)}")
        if len(names) != 1:
            raise RecordError(f"result {n}: a region with {len(names)} labels; one span holds one label")
        start = code_points(units, value.get("start"), f"result {n}: start")
        end = code_points(units, value.get("end"), f"result {n}: end")
        ids[str(item.get("id", n))] = len(spans) + 1
        span = {"id": len(spans) + 1, "start": start, "end": end, "label": names[0]}
        if isinstance(value.get("text"), str):
            span["text"] = value["text"]  # checked against the document by the native rules
        spans.append(span)
    native_relations = []
    for n, r in enumerate(relations, 1):
        if str(r.get("from_id")) not in ids or str(r.get("to_id")) not in ids:
            raise RecordError(f"relation {n}: from_id/to_id must name regions of this task")
        kinds = r.get("labels") or ["relation"]
        if not isinstance(kinds, list) or not isinstance(kinds[0], str):
            raise RecordError(f"relation {n}: 'labels' must be a list of strings, got {limits.quoted(kinds)}")
        native_relations.append({"source": ids[str(r["from_id"])], "target": ids[str(r["to_id"])], "type": kinds[0]})
    meta = data.get("meta") if isinstance(data.get("meta"), dict) else {}
    return {"text": text, "meta": meta, "spans": spans, "relations": native_relations}
