"""CLUENER 2020 (CLUEbenchmark/CLUENER2020: train.json, dev.json): one JSON object per line,

    {"text": "北京勘察设计协会副会长兼秘书长周荫如",
     "label": {"organization": {"北京勘察设计协会": [[0, 7]]}, "name": {"周荫如": [[15, 17]]}}}

Offsets are code points and the end is **inclusive** (its loader checks
`words[start:end + 1] == entity`), so one is added to every end; each entity's text is then checked
against the document like any span, and a record whose positions do not fit is refused, never
shifted.  The test file has no `label`: its texts import without spans.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator

from annotator.core.ingest import limits
from annotator.core.ingest.jsonl import Record, RecordError
from annotator.core.ingest.sources import Problem
from annotator.core.interchange.reading import integer, json_records, text_of


def read_file(path: Path, label_map: dict[str, str] | None = None, *,
              max_bytes: int = limits.MAX_BYTES) -> Iterator[Record | Problem]:
    return json_records(path, to_native, label_map, max_bytes=max_bytes)


def to_native(obj: Any) -> dict:
    text = text_of(obj, "text")
    labels = obj.get("label")
    if labels is None:
        labels = {}
    if not isinstance(labels, dict):
        raise RecordError(f"'label' must be an object {{label: {{entity: [[start, end], ...]}}}}, "
                          f"got {limits.quoted(labels)}")
    spans = []
    for label, entities in labels.items():
        if not isinstance(entities, dict):
            raise RecordError(f"label {limits.quoted(label)}: expected {{entity: [[start, end], ...]}}, "
                              f"got {limits.quoted(entities)}")
        for entity, places in entities.items():
            if not isinstance(places, list):
                raise RecordError(f"{label} {limits.quoted(entity)}: expected a list of [start, end], "
                                  f"got {limits.quoted(places)}")
            for place in places:
                if not (isinstance(place, list) and len(place) == 2):
                    raise RecordError(f"{label} {limits.quoted(entity)}: expected [start, end], "
                                      f"got {limits.quoted(place)}")
                start = integer(place[0], f"{label} {limits.quoted(entity)}: start")
                end = integer(place[1], f"{label} {limits.quoted(entity)}: end") + 1  # inclusive → exclusive
                spans.append({"start": start, "end": end, "label": label, "text": entity})
    meta = {k: v for k, v in obj.items() if k not in ("text", "label")}
    return {"text": text, "meta": meta, "spans": spans}
