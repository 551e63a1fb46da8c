"""Label Studio tasks: a JSON array of

    {"id", "data": {"text", "meta"}, "annotations": [{"result": [region..., relation...]}],
     "predictions": [{"model_version", "score", "result": [region...]}]}

a region being {"id", "from_name": "label", "to_name": "text", "type": "labels",
"value": {"start", "end", "text", "labels": [LABEL]}} and a relation {"type": "relation", "from_id",
"to_id", "direction": "right" | "left" | "bi", "labels": [TYPE]}.  It fits a labelling config with
`<Text name="text" value="$text"/>` and `<Labels name="label" toName="text">`.  Pending suggestions go
to `predictions` (with their confidence as score), annotations to `annotations`.

Offsets are code points: Label Studio's editor has counted them since late 2021 (label-studio-frontend
#308; `charsToCodePoints` in its selection-tools.js); before, it counted UTF-16 units (JavaScript string
positions), and files of both kinds are about (ADR 8).
Import reads, besides that export, a single task object per file, a single annotation with its
`task` per file (target storage), old exports with `completions`, and JSON-MIN rows ({"text", "<from_name>": [{"start", "end", "text",
"labels"}], "annotator"}).  Each region's unit is found from its `value.text` (code points first, then
UTF-16); a region without `value.text` takes `offsets`; a region whose text fits neither is refused.
One annotation per task goes in (the store holds no overlapping spans): `annotator`'s, else the
ground truth, else the last; one prediction (the last) becomes suggestions.  What is left out is
counted in the record's notes.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterator

from annotator.core.ingest import limits
from annotator.core.ingest.jsonl import Record, RecordError
from annotator.core.ingest.sources import Problem
from annotator.core.interchange.files import atomic_write
from annotator.core.interchange.reading import integer, json_records, list_of
from annotator.core.interchange.records import Selection, read
from annotator.core.offsets import Utf16Map
from annotator.core.store import Project

FROM_NAME, TO_NAME = "label", "text"
OFFSETS = ("codepoints", "utf16")  # how start/end count in a file without value.text
# keys JSON-MIN adds to a task's data fields (Label Studio SDK, converter.convert_to_json_min)
_MIN_KEYS = {"id", "annotator", "annotation_id", "created_at", "updated_at", "lead_time", "agreement"}


def _region(span) -> dict:
    return {"id": f"s{span.id}", "from_name": FROM_NAME, "to_name": TO_NAME, "type": "labels",
            "value": {"start": span.start, "end": span.end, "text": span.text, "labels": [span.label]}}


def _relations(relations) -> list[dict]:
    """A pair of relations of one type in both directions is one "bi" relation."""
    pairs = {(a, b, t) for _, a, b, t in relations}
    out = []
    for _, a, b, t in relations:
        both = (b, a, t) in pairs
        if both and (b, a) < (a, b):
            continue  # written with its twin
        out.append({"type": "relation", "from_id": f"s{a}", "to_id": f"s{b}",
                    "direction": "bi" if both else "right", "labels": [t]})
    return out


def export(project: Project, path: Path, selection: Selection = Selection()) -> int:
    tasks = []
    for doc in read(project, selection):
        done = [s for s in doc.spans if s.origin != "suggested"]
        pending = [s for s in doc.spans if s.origin == "suggested"]
        result = [_region(s) for s in done] + _relations(doc.relations)
        task: dict[str, Any] = {"id": doc.id, "data": {"text": doc.text, "meta": doc.meta},
                                "annotations": [{"result": result}] if result else []}
        if pending:
            scores = [s.confidence or 0 for s in pending]
            task["predictions"] = [{"model_version": "annotator-suggestions", "score": round(min(scores), 3),
                                    "result": [dict(_region(s), score=s.confidence) for s in pending]}]
        tasks.append(task)
    with atomic_write(path, project_file=project.path) as f:
        json.dump(tasks, f, ensure_ascii=False, indent=1)
        f.write("\n")
    return len(tasks)


def read_file(path: Path, label_map: dict[str, str] | None = None, *, max_bytes: int = limits.MAX_BYTES,
              offsets: str = "codepoints", annotator: str | None = None) -> Iterator[Record | Problem]:
    if offsets not in OFFSETS:
        raise ValueError(f"offsets must be one of {', '.join(OFFSETS)}, got {offsets!r}")
    return json_records(path, lambda task: to_native(task, offsets=offsets, annotator=annotator), label_map,
                        max_bytes=max_bytes)


def _regions_list(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(
        isinstance(r, dict) and "labels" in r and "start" in r for r in value)


def is_min_row(obj: Any) -> bool:
    """A JSON-MIN row: no `data`, and a field holding regions ({"start", "end", "labels"} objects) or,
    in a row without regions, the keys the SDK's convert_to_json_min always writes."""
    return isinstance(obj, dict) and "data" not in obj and (
        {"annotator", "annotation_id", "lead_time"} <= obj.keys() or any(map(_regions_list, obj.values())))


def is_storage_annotation(obj: Any) -> bool:
    """One annotation with its task inside, as target storage writes one a file by default
    (io_storages StorageAnnotationSerializer)."""
    return isinstance(obj, dict) and "result" in obj and isinstance(obj.get("task"), dict) and \
        isinstance(obj["task"].get("data"), dict)


def recognises(obj: Any) -> bool:
    """Whether `obj` is Label Studio's: a task (with annotations, completions, predictions or none), a
    stored annotation or a JSON-MIN row."""
    return isinstance(obj, dict) and isinstance(obj.get("data"), dict) or is_storage_annotation(obj) or \
        is_min_row(obj)


def to_native(task: Any, *, offsets: str = "codepoints", annotator: str | None = None) -> dict:
    if is_min_row(task):
        task = _from_min(task)
    elif is_storage_annotation(task):
        task = {**task["task"], "annotations": [{k: v for k, v in task.items() if k != "task"}]}
    if not isinstance(task, dict) or not isinstance(task.get("data"), dict):
        raise RecordError("expected a task with a 'data' object")
    data = task["data"]
    key = "text" if isinstance(data.get("text"), str) else next(
        (k for k, v in data.items() if isinstance(v, str)), None)
    if key is None:
        raise RecordError("the task's data holds no text")
    text = data[key]
    notes: list[str] = []
    others = [k for k in data if k not in (key, "meta")]
    if others:
        notes.append(f"data field{'s' if len(others) > 1 else ''} not imported: {', '.join(map(str, others))}")
    annotation = _choose(task, annotator, notes)
    result = list_of(annotation, "result", "the annotation") if annotation else []
    regions = _Regions(text, offsets)
    ids: dict[str, int] = {}
    spans: list[dict] = []
    relations = []
    skipped: dict[str, int] = {}
    for n, item in enumerate(result, 1):
        if not isinstance(item, dict):
            raise RecordError(f"result {n}: expected an object, got {limits.quoted(item)}")
        if item.get("type") == "relation":
            relations.append(item)
            continue
        span = regions.span(item, f"result {n}")
        if span is None:
            kind = str(item.get("type") or "untyped")
            skipped[kind] = skipped.get(kind, 0) + 1
            continue
        span["id"] = len(spans) + 1
        ids[str(item.get("id", n))] = span["id"]
        spans.append(span)
    notes += _not_spans(skipped)
    native_relations = []
    for n, r in enumerate(relations, 1):
        if str(r.get("from_id")) not in ids or str(r.get("to_id")) not in ids:
            raise RecordError(f"relation {n}: from_id/to_id must name regions of this task")
        kinds = r.get("labels") or ["relation"]
        if not isinstance(kinds, list) or not isinstance(kinds[0], str):
            raise RecordError(f"relation {n}: 'labels' must be a list of strings, got {limits.quoted(kinds)}")
        a, b = ids[str(r["from_id"])], ids[str(r["to_id"])]
        direction = r.get("direction", "right")
        if direction not in ("right", "left", "bi"):
            raise RecordError(f"relation {n}: 'direction' must be right, left or bi, got {limits.quoted(direction)}")
        ends = {"right": [(a, b)], "left": [(b, a)], "bi": [(a, b), (b, a)]}[direction]
        native_relations += [{"source": s, "target": t, "type": kinds[0]} for s, t in ends]
    spans += _suggestions(task, regions, notes, first_id=len(spans) + 1)
    regions.settle(notes)
    meta = data.get("meta") if isinstance(data.get("meta"), dict) else {}
    return {"text": text, "meta": meta, "spans": spans, "relations": native_relations, "notes": notes}


def _not_spans(skipped: dict[str, int], whose: str = "") -> list[str]:
    return [f"{count} {kind} {whose}result{'s' if count > 1 else ''} not imported (not a labelled text span)"
            for kind, count in sorted(skipped.items())]


def _from_min(row: dict) -> dict:
    """A JSON-MIN row as a task: region lists are one annotation (by `annotator`), the rest is data."""
    regions = [r for v in row.values() if _regions_list(v) for r in v]
    data = {k: v for k, v in row.items() if k not in _MIN_KEYS and not _regions_list(v)}
    annotation: dict[str, Any] = {"result": [{"type": "labels", "value": r} for r in regions]}
    if "annotator" in row:
        annotation["completed_by"] = row["annotator"]
    return {"data": data, "annotations": [annotation]}


def _who(annotation: dict) -> list[str]:
    """The names an annotation's author goes by: email and id (completed_by is an object, an id or an
    email, depending on the export)."""
    by = annotation.get("completed_by")
    if isinstance(by, dict):
        return [str(by[k]) for k in ("email", "id") if by.get(k) is not None]
    return [] if by is None else [str(by)]


def _choose(task: dict, annotator: str | None, notes: list[str]) -> dict | None:
    key = "annotations" if "annotations" in task or "completions" not in task else "completions"
    given = [a for a in list_of(task, key, "the task") if isinstance(a, dict)]
    live = [a for a in given if not (a.get("was_cancelled") or a.get("skipped"))]
    if len(given) > len(live):
        notes.append(f"{len(given) - len(live)} cancelled annotation{'s' if len(given) - len(live) > 1 else ''} "
                     "not imported")
    if annotator is not None:
        pool = [a for a in live if annotator in _who(a)]
        if not pool and live:
            notes.append(f"no annotation by {annotator}: {len(live)} other{'s' if len(live) > 1 else ''} "
                         "not imported, the text imported without labels")
            return None
    else:
        pool = [a for a in live if a.get("ground_truth")] or live
    if not pool:
        return None
    chosen = pool[-1]
    others = len(live) - 1
    if others:
        why = f"by {annotator}" if annotator is not None else "the ground truth" if chosen.get("ground_truth") \
            else "the last"
        notes.append(f"{others} other annotation{'s' if others > 1 else ''} not imported (kept {why}; "
                     "a report holds one annotation's spans)")
    return chosen


def _suggestions(task: dict, regions: "_Regions", notes: list[str], first_id: int) -> list[dict]:
    """The last prediction's regions as suggestions, confidence from the region's score, else the
    prediction's."""
    predictions = [p for p in list_of(task, "predictions", "the task") if isinstance(p, dict)]
    if not predictions:
        return []
    if len(predictions) > 1:
        notes.append(f"{len(predictions) - 1} earlier prediction{'s' if len(predictions) > 2 else ''} not imported "
                     "(kept the last as suggestions)")
    prediction = predictions[-1]
    spans = []
    skipped: dict[str, int] = {}
    for n, item in enumerate(list_of(prediction, "result", "the prediction"), 1):
        if not isinstance(item, dict):
            raise RecordError(f"prediction result {n}: expected an object, got {limits.quoted(item)}")
        span = regions.span(item, f"prediction result {n}")
        if span is None:
            kind = str(item.get("type") or "untyped")
            skipped[kind] = skipped.get(kind, 0) + 1
            continue
        score = item.get("score", prediction.get("score"))
        span.update(id=first_id + len(spans), origin="suggested")
        if isinstance(score, (int, float)) and not isinstance(score, bool) and 0 <= score <= 1:
            span["confidence"] = float(score)
        spans.append(span)
    notes += _not_spans(skipped, "prediction ")
    return spans


class _Regions:
    """Regions of one task's text as native spans, each in the unit its `value.text` shows.

    A region's text can fit both units at different places ('a' at 3 in 'aa👍aa' is at 4 in UTF-16 units,
    where code points find another 'a'): such a region follows the task's regions that fit one unit only,
    else `offsets`, and is named in the notes.  settle() places them once all regions are read."""

    def __init__(self, text: str, offsets: str):
        self.text, self.offsets = text, offsets
        self.units = Utf16Map(text)
        self._read: list[tuple[dict, dict[str, tuple[int, int]]]] = []  # span, its places by unit

    def span(self, item: dict, where: str) -> dict | None:
        """The native span of a labels region (placed by settle()); None for results that are no text span."""
        value = item.get("value")
        if value is None:
            value = {}
        if not isinstance(value, dict):
            raise RecordError(f"{where}: 'value' must be an object, got {limits.quoted(value)}")
        names = value.get("labels") or []
        if item.get("type") != "labels" or not names:
            return None  # choices, ratings, text areas: not spans
        if not isinstance(names, list) or not all(isinstance(name, str) for name in names):
            raise RecordError(f"{where}: 'labels' must be a list of strings, got {limits.quoted(names)}")
        if len(names) != 1:
            raise RecordError(f"{where}: a region with {len(names)} labels; one span holds one label")
        start, end = integer(value.get("start"), f"{where}: start"), integer(value.get("end"), f"{where}: end")
        given = value.get("text")
        span = {"start": start, "end": end, "label": names[0]}
        if not isinstance(given, str):
            if self.offsets == "utf16":
                try:
                    span["start"], span["end"] = self._from_utf16(start, end)
                except ValueError as exc:
                    raise RecordError(f"{where}: {exc}") from None
            return span  # the native checks say what is wrong with the place
        span["text"] = given  # checked against the document again by the native rules
        places = {}
        if 0 <= start < end <= len(self.text) and self.text[start:end] == given:
            places["codepoints"] = (start, end)
        try:
            a, b = self._from_utf16(start, end)
            in_units = limits.quoted(self.text[a:b])
            if a < b and self.text[a:b] == given:
                places["utf16"] = (a, b)
        except ValueError as exc:
            in_units = str(exc)
        if not places:
            raise RecordError(f"{where}: text {limits.quoted(given)} is not at {start}-{end}, neither counted in "
                              f"code points ({limits.quoted(self.text[start:end])}) nor in UTF-16 units "
                              f"({in_units})")
        self._read.append((span, places))
        return span

    def settle(self, notes: list[str]) -> None:
        """Place the regions read with their text; say which were UTF-16 and which could be either."""
        sure = {next(iter(places)) for _, places in self._read if len(places) == 1}  # fits one unit only
        unit = next(iter(sure)) if len(sure) == 1 else self.offsets
        utf16 = either = 0
        for span, places in self._read:
            if len(set(places.values())) > 1:
                either += 1
                span["start"], span["end"] = places[unit]
            else:
                (a, b), = set(places.values())
                span["start"], span["end"] = a, b
                utf16 += "codepoints" not in places
        if utf16:
            notes.append(f"{utf16} region{'s' if utf16 > 1 else ''} counted in UTF-16 units "
                         "(older Label Studio), read as such")
        if either:
            unit_name = {"codepoints": "code points", "utf16": "UTF-16 units"}[unit]
            notes.append(f"{either} region{'s' if either > 1 else ''} whose text fits both code points and UTF-16 "
                         f"units at different places, read in {unit_name} (as the task's other regions or "
                         "--offsets)")

    def _from_utf16(self, start: int, end: int) -> tuple[int, int]:
        return self.units.from_utf16_exact(start), self.units.from_utf16_exact(end)
