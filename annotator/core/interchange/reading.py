"""Reading another tool's JSON into records: each format converts one of its objects to the native
shape, and the native checks (ingest/jsonl.py) do the rest, so every format is validated alike.
A bad object is reported with where it is and the rest is imported."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Callable, Iterator

from annotator.core.ingest.decode import DecodeError, decode_bytes
from annotator.core.ingest.jsonl import Record, RecordError, iter_lines, parse_object
from annotator.core.ingest.sources import Problem
from annotator.core.offsets import Utf16Map

Convert = Callable[[Any], dict]


def json_records(path: Path, convert: Convert, label_map: dict[str, str] | None = None) -> Iterator[Record | Problem]:
    """Objects of a JSON Lines file, or of a JSON array (a file starting with `[`)."""
    label_map = label_map or {}
    try:
        data = path.read_bytes()
        text = decode_bytes(data)[0]
    except OSError as exc:
        yield Problem(str(path), f"cannot read ({exc.strerror})")
        return
    except DecodeError as exc:
        yield Problem(str(path), str(exc))
        return
    if text.lstrip().startswith("["):
        try:
            items = json.loads(text)
        except json.JSONDecodeError as exc:
            yield Problem(str(path), f"not valid JSON ({exc.msg} at line {exc.lineno})")
            return
        located = ((f"{path}[{i}]", obj) for i, obj in enumerate(items))
    else:
        located = _lines(path, data)
    for where, obj in located:
        if isinstance(obj, Problem):
            yield obj
            continue
        try:
            native = convert(obj)
            for span in native.get("spans") or []:
                if isinstance(span, dict) and span.get("label") in label_map:
                    span["label"] = label_map[span["label"]]
            record = parse_object(native)
        except RecordError as exc:
            yield Problem(where, str(exc))
            continue
        if record.document.file_name is None:
            record.document.file_name = path.name
        record.where = where
        yield record


def _lines(path: Path, data: bytes) -> Iterator[tuple[str, Any]]:
    for number, raw in iter_lines(data):
        where = f"{path}:{number}"
        try:
            yield where, json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            yield where, Problem(where, f"not valid JSON ({getattr(exc, 'msg', exc)})")


def text_of(obj: Any, *keys: str) -> str:
    if not isinstance(obj, dict):
        raise RecordError("expected a JSON object")
    for key in keys:
        if isinstance(obj.get(key), str):
            return obj[key]
    raise RecordError(f"no text: expected a string in {' or '.join(repr(k) for k in keys)}")


def integer(value: Any, what: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise RecordError(f"{what} must be an integer, got {value!r}")
    return value


def code_points(units: Utf16Map, value: Any, what: str) -> int:
    """A UTF-16 offset (JavaScript tools) as a code point offset."""
    try:
        return units.from_utf16_exact(integer(value, what))
    except ValueError as exc:
        raise RecordError(f"{what}: {exc}") from None
