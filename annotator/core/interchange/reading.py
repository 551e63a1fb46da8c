"""Reading another tool's JSON into records: each format converts one of its objects to the native
shape, and the native checks (ingest/jsonl.py) do the rest, so every format is validated alike.
A bad object is reported with where it is and the rest is imported."""
from __future__ import annotations

import codecs
import logging
from pathlib import Path
from typing import Any, Callable, Iterator

from annotator.core.ingest import limits, strict_json
from annotator.core.ingest.decode import DecodeError, decode_bytes
from annotator.core.ingest.jsonl import Record, RecordError, parse_object
from annotator.core.ingest.lines import FileError, byte_lines, check_size
from annotator.core.ingest.sources import Problem
from annotator.core.offsets import Utf16Map

Convert = Callable[[Any], dict]
log = logging.getLogger("annotator")


def json_records(path: Path, convert: Convert, label_map: dict[str, str] | None = None, *,
                 max_bytes: int = limits.MAX_BYTES) -> Iterator[Record | Problem]:
    """Objects of a JSON Lines file (a line at a time, each at most `max_bytes`), of a JSON array
    (a file starting with `[`, parsed whole: at most MAX_WHOLE_BYTES), or the one object of a file
    that holds one written over many lines."""
    label_map = label_map or {}
    for where, obj in objects(path, max_bytes):
        yield obj if isinstance(obj, Problem) else to_record(path, where, obj, convert, label_map)


def objects(path: Path, max_bytes: int = limits.MAX_BYTES) -> Iterator[tuple[str, Any]]:
    """(where, object) for each object of the file, a Problem in place of one that cannot be read."""
    try:
        first = _first_byte(path)
        whole = _one_object(path) if first == b"{" and not _first_line_whole(path) else None
        if first == b"[":
            yield from _array(path)
        elif whole is not None:
            yield str(path), whole
        else:
            yield from _lines(path, max_bytes)
    except FileError as exc:
        yield str(path), Problem(str(path), str(exc))


def to_record(path: Path, where: str, obj: Any, convert: Convert, label_map: dict[str, str]) -> Record | Problem:
    """One object converted by `convert` and checked as native JSONL, or why not; what the converter
    left out rides in the native object's "notes" (a list of sentences) to the record's notes."""
    try:
        native = convert(obj)
        notes = native.pop("notes", []) if isinstance(native, dict) else []  # what the reader left out
        for span in [*(native.get("spans") or []), *(native.get("rejections") or [])]:
            if isinstance(span, dict) and isinstance(span.get("label"), str) and span["label"] in label_map:
                span["label"] = label_map[span["label"]]
        record = parse_object(native)
    except RecordError as exc:
        return Problem(where, str(exc))
    except (TypeError, AttributeError, KeyError, IndexError, ValueError) as exc:  # a shape no check foresaw
        log.exception("reading %s", where)
        return Problem(where, f"a record of the wrong shape ({type(exc).__name__}: {limits.quoted(str(exc))[1:-1]})")
    if record.document.file_name is None:
        record.document.file_name = path.name
    record.where = where
    record.notes += notes
    return record


def _first_byte(path: Path) -> bytes:
    try:
        with path.open("rb") as f:
            head = f.read(4096)
    except OSError as exc:
        raise FileError(f"cannot read ({exc.strerror})") from None
    for bom, name in ((codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if head.startswith(bom):
            head = head[:len(head) // 2 * 2].decode(name, "replace").encode("utf-8")
    return head.lstrip(codecs.BOM_UTF8).lstrip()[:1]


def _first_line_whole(path: Path) -> bool:
    """Whether the first line is a JSON value of its own (JSON Lines), rather than the start of one
    object written over many lines (a pretty-printed file, such as Label Studio's one task a file)."""
    with path.open("rb") as f:
        line = f.readline(limits.MAX_BYTES + 1)
    try:
        strict_json.loads(decode_bytes(line)[0])
        return True
    except (DecodeError, strict_json.JsonError):
        return False


def _one_object(path: Path) -> dict | None:
    """The file as one JSON object, or None (then it is read line by line, each bad line said)."""
    try:
        check_size(path, limits.MAX_WHOLE_BYTES)
        obj = strict_json.loads(decode_bytes(path.read_bytes())[0])
    except (OSError, FileError, DecodeError, strict_json.JsonError):
        return None
    return obj if isinstance(obj, dict) else None


def _array(path: Path) -> Iterator[tuple[str, Any]]:
    check_size(path, limits.MAX_WHOLE_BYTES)
    try:
        items = strict_json.loads(decode_bytes(path.read_bytes())[0])
    except OSError as exc:
        raise FileError(f"cannot read ({exc.strerror})") from None
    except (DecodeError, strict_json.JsonError) as exc:
        raise FileError(str(exc)) from None
    if not isinstance(items, list):  # "[1] x" and the like never get here; a bare value might
        raise FileError("expected a JSON array of records")
    return ((f"{path}[{i}]", obj) for i, obj in enumerate(items))


def _lines(path: Path, max_bytes: int) -> Iterator[tuple[str, Any]]:
    for number, raw, reason in byte_lines(path, max_bytes):
        where = f"{path}:{number}"
        if raw is None:
            yield where, Problem(where, reason)
            continue
        try:
            yield where, strict_json.loads(raw.decode("utf-8"))
        except UnicodeDecodeError as exc:
            yield where, Problem(where, f"not UTF-8 (invalid byte at column {exc.start + 1}); JSON lines must be UTF-8")
        except strict_json.JsonError as exc:
            yield where, Problem(where, str(exc))


def text_of(obj: Any, *keys: str) -> str:
    if not isinstance(obj, dict):
        raise RecordError("expected a JSON object")
    for key in keys:
        if isinstance(obj.get(key), str):
            return obj[key]
    raise RecordError(f"no text: expected a string in {' or '.join(repr(k) for k in keys)}")


def list_of(obj: dict, key: str, owner: str = "") -> list:
    """`obj[key]` as a list ([] when absent or null); `owner` names obj in the message ("the task")."""
    value = obj.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        whose = f"{owner}'s " if owner else ""
        raise RecordError(f"{whose}'{key}' must be a list, got {limits.quoted(value)}")
    return value


def integer(value: Any, what: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise RecordError(f"{what} must be an integer, got {limits.quoted(value)}")
    return value


def code_points(units: Utf16Map, value: Any, what: str) -> int:
    """A UTF-16 offset (JavaScript tools) as a code point offset."""
    offset = integer(value, what)  # a RecordError is a ValueError: checked outside the try, said once
    try:
        return units.from_utf16_exact(offset)
    except ValueError as exc:
        raise RecordError(f"{what}: {exc}") from None
