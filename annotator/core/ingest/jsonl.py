"""JSONL records: one report per line, `{"text", "meta"?, "status"?, "spans"?, "relations"?}`.

Native exports have exactly this shape, so they import back with nothing lost.
Every check names the line and what is wrong; a bad line never stops the rest.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Iterator

from annotator.core.ingest import strict_json
from annotator.core.ingest.decode import NewlineMap
from annotator.core.ingest.limits import quoted
from annotator.core.model import ORIGINS, STATUSES, Document, Relation, Span

# meta keys stored in their own document columns
META_COLUMNS = {"title": "title", "source": "source", "published": "published", "file": "file_name",
                "source_sha256": "source_sha256"}


@dataclass
class Record:
    """One document to import, with spans whose offsets are already checked."""

    document: Document
    spans: list[Span] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    where: str = ""  # "file" or "file:line", for messages
    notes: list[str] = field(default_factory=list)  # what the reader changed on the way in (said at import)
    # places the annotator said are not this label (Prodigy's rejected answers): never suggested there
    rejections: list[Span] = field(default_factory=list)


class RecordError(ValueError):
    """A record that cannot be imported; str() is the reason."""


def parse_line(line: str) -> Record:
    """Parse and check one JSONL line (without its file/line context)."""
    try:
        obj = strict_json.loads(line)
    except strict_json.JsonError as exc:
        raise RecordError(str(exc)) from None
    return parse_object(obj)


def parse_object(obj: Any) -> Record:
    if not isinstance(obj, dict):
        raise RecordError(f"expected a JSON object, got {_kind(obj)}")
    if "text" not in obj:
        raise RecordError("'text' is missing")
    text = obj["text"]
    if not isinstance(text, str):
        raise RecordError(f"'text' must be a string, got {_kind(text)}")
    _no_surrogates(text, "'text'")
    if not text.strip():
        raise RecordError("'text' is empty")
    meta = obj.get("meta", {})
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise RecordError(f"'meta' must be an object, got {_kind(meta)}")
    _no_surrogates(json.dumps(meta, ensure_ascii=False, default=str), "'meta'")
    status = obj.get("status", "todo")
    if status not in STATUSES:
        raise RecordError(f"'status' must be one of {', '.join(STATUSES)}, got {quoted(status)}")
    newlines = NewlineMap(text)
    # file_name None: the reader fills in the JSONL file's name; a given "file" (even "") is kept.
    doc = Document(text=newlines.text, status=status, meta={}, file_name=None)
    for key, value in meta.items():
        if key in META_COLUMNS:
            if not isinstance(value, str):
                raise RecordError(f"'meta.{key}' must be a string, got {_kind(value)}")
            setattr(doc, META_COLUMNS[key], value)
        else:
            doc.meta[key] = value
    doc.id = _id(obj.get("id"), "document")
    spans = [_span(i, s, text, newlines) for i, s in enumerate(_list(obj, "spans"), 1)]
    ids = [s.id for s in spans if s.id is not None]
    if len(ids) != len(set(ids)):
        raise RecordError("span ids are not unique")
    relations = [_relation(i, r, set(ids)) for i, r in enumerate(_list(obj, "relations"), 1)]
    _no_surrogates(json.dumps([obj.get("spans"), obj.get("relations"), obj.get("rejections")], ensure_ascii=False,
                              default=str),
                   "a span or relation")
    rejections = [_span(i, s, text, newlines, "rejection") for i, s in enumerate(_list(obj, "rejections"), 1)]
    return Record(doc, spans, relations, rejections=rejections)


def _span(n: int, s: Any, text: str, newlines: NewlineMap, what: str = "span") -> Span:
    where = f"{what} {n}"
    if not isinstance(s, dict):
        raise RecordError(f"{where}: expected an object, got {_kind(s)}")
    for key in ("start", "end"):
        if key not in s:
            raise RecordError(f"{where}: '{key}' is missing")
        if not _is_int(s[key]):
            raise RecordError(f"{where}: '{key}' must be an integer, got {quoted(s[key])}")
    start, end = s["start"], s["end"]
    if start < 0:
        raise RecordError(f"{where}: start {start} is negative")
    if start > end:
        raise RecordError(f"{where}: start {start} is after end {end}")
    if start == end:
        raise RecordError(f"{where}: empty span at {start}")
    if end > len(text):
        raise RecordError(f"{where}: end {end} is past the end of the text ({len(text)} characters)")
    label = s.get("label")
    if not isinstance(label, str) or not label:
        raise RecordError(f"{where}: 'label' must be a non-empty string, got {quoted(label)}")
    if "text" in s and s["text"] != text[start:end]:
        raise RecordError(f"{where}: text {quoted(s['text'])} does not match the document text {quoted(text[start:end])} at {start}-{end}")
    attrs = s.get("attrs", {}) or {}
    if not isinstance(attrs, dict):
        raise RecordError(f"{where}: 'attrs' must be an object, got {_kind(attrs)}")
    origin = s.get("origin", "imported")
    if origin not in ORIGINS:
        raise RecordError(f"{where}: 'origin' must be one of {', '.join(ORIGINS)}, got {quoted(origin)}")
    annotator = s.get("annotator") or ""
    if not isinstance(annotator, str):
        raise RecordError(f"{where}: 'annotator' must be a string")
    confidence = s.get("confidence")  # a suggestion's, from another tool's predictions
    if confidence is not None and not (isinstance(confidence, (int, float)) and not isinstance(confidence, bool)
                                       and 0 <= confidence <= 1):
        raise RecordError(f"{where}: 'confidence' must be a number from 0 to 1, got {quoted(confidence)}")
    span_id = _id(s.get("id"), where)
    try:
        new_start, new_end = newlines.offset(start), newlines.offset(end)
    except ValueError as exc:
        raise RecordError(f"{where}: {exc}") from None
    return Span(new_start, new_end, label, newlines.text[new_start:new_end], attrs, annotator, origin, id=span_id,
                confidence=None if confidence is None else float(confidence))


def _relation(n: int, r: Any, span_ids: set[int]) -> Relation:
    where = f"relation {n}"
    if not isinstance(r, dict):
        raise RecordError(f"{where}: expected an object, got {_kind(r)}")
    for key in ("source", "target"):
        if not _is_int(r.get(key)) or r[key] not in span_ids:
            raise RecordError(f"{where}: '{key}' must be the id of a span in this record, got {quoted(r.get(key))}")
    if not isinstance(r.get("type"), str) or not r["type"]:
        raise RecordError(f"{where}: 'type' must be a non-empty string")
    return Relation(r["source"], r["target"], r["type"], id=_id(r.get("id"), where))


MAX_ID = 2 ** 53 - 1


def _id(value: Any, where: str) -> int | None:
    """An id to keep (ADR 0004), or None when none is given.  1 to 2^53-1: an imported id of 2^63-1 left
    SQLite's AUTOINCREMENT nowhere to go ("database or disk is full" at the next label), 2^53 is
    where JavaScript tools (doccano, Label Studio) stop counting exactly, and 0 or less is no rowid the
    project makes (the window and the store read 0 as "no span")."""
    if value is None:
        return None
    if not _is_int(value):
        raise RecordError(f"{where}: id must be an integer from 1 to 2^53-1, got {quoted(value)}")
    if not 1 <= value <= MAX_ID:
        raise RecordError(f"{where}: id {quoted(value)} is outside 1 to 2^53-1")
    return value


def _list(obj: dict, key: str) -> list:
    value = obj.get(key) or []
    if not isinstance(value, list):
        raise RecordError(f"'{key}' must be a list, got {_kind(value)}")
    return value


def _no_surrogates(text: str, what: str) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:  # only surrogates fail to encode
        raise RecordError(f"{what} holds a lone surrogate (U+{ord(text[exc.start]):04X}) at offset {exc.start}") from None


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _kind(value: Any) -> str:
    return {dict: "an object", list: "a list", str: "a string", bool: "a boolean", type(None): "null"}.get(
        type(value), "a number")


def iter_lines(data: bytes) -> Iterator[tuple[int, bytes]]:
    """(line number, bytes) for the non-blank lines of a JSONL file.

    Splits on LF only: CR, U+2028 and friends may sit inside JSON strings."""
    for number, raw in enumerate(data.split(b"\n"), 1):
        if raw.strip():
            yield number, raw[3:] if number == 1 and raw.startswith(b"\xef\xbb\xbf") else raw
