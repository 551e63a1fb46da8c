"""Reading brat standoff (a .txt and its .ann) into records, counting offsets the way brat does.

brat reads the .txt with codecs.open(..., encoding="utf8") (server/src/annotation.py, open_textfile):
a UTF-8 byte-order mark stays in the text as its first character and counts, and on Python 3 a CR
counts too.  brat 1.3 on Python 2 opened the file with universal newlines, where CRLF is one character;
the text written after each T line tells the two apart, and a file in that count is read so, with a
note.  Every T line's text is checked against the .txt: a mismatch refuses the document, naming both.
Lines a project cannot hold (events, equivalences, normalisations, notes on relations …) are counted
in the record's notes, never dropped without a word.
"""
from __future__ import annotations

import codecs
import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from annotator.core.ingest import limits, strict_json
from annotator.core.ingest.decode import DecodeError, decode_bytes
from annotator.core.ingest.jsonl import Record, RecordError, parse_object
from annotator.core.ingest.lines import FileError, check_size
from annotator.core.ingest.sources import Problem
from annotator.core.schema import NOTE

BINARY = "true"  # the value of a brat attribute written without one (`A1<TAB>Negated T1`)
_UNIVERSAL = re.compile(r"\r\n?")


def read_folder(path: Path, label_map: dict[str, str] | None = None, *,
                max_bytes: int = limits.MAX_BYTES) -> Iterator[Record | Problem]:
    """Records of the .ann files in a folder (or of one .ann file), each with its .txt; each file at
    most `max_bytes`."""
    anns = sorted(path.glob("*.ann")) if path.is_dir() else [path]
    if not anns:
        yield Problem(str(path), "no .ann files")
    for ann in anns:
        txt = ann.with_suffix(".txt")
        try:
            data = _read(txt, max_bytes)
            text = decode_bytes(data)[0]
            standoff = decode_bytes(_read(ann, max_bytes))[0] if ann.stat().st_size else ""
            native, notes = _native(text, data.startswith(codecs.BOM_UTF8), standoff, label_map or {})
            record = parse_object(native)
        except OSError as exc:
            yield Problem(str(ann), f"cannot read {exc.filename} ({exc.strerror})")
            continue
        except (DecodeError, FileError, RecordError) as exc:
            yield Problem(str(ann), str(exc))
            continue
        record.document.file_name = txt.name
        record.where = str(ann)
        record.notes += notes
        yield record


def _read(path: Path, max_bytes: int) -> bytes:
    try:
        check_size(path, max_bytes)
    except FileError as exc:
        raise FileError(f"{path.name}: {exc}") from None
    return path.read_bytes()


@dataclass
class _Bound:
    """A T line: its id, label, fragments (brat's offsets) and the text written after them."""
    line: int
    id: str
    label: str
    fragments: list[tuple[int, int]]
    written: str | None


@dataclass
class _Lines:
    bounds: list[_Bound] = field(default_factory=list)
    attributes: list[tuple[int, str, str, object]] = field(default_factory=list)  # line, name, target, value
    relations: list[tuple[int, str, str, str]] = field(default_factory=list)      # line, type, arg1, arg2
    notes: list[tuple[int, str, str]] = field(default_factory=list)               # line, target, text
    dropped: dict[str, list[int]] = field(default_factory=dict)                   # what → line numbers
    ids: dict[str, str] = field(default_factory=dict)                             # id → its kind (T, E, R …)
    renamed: dict[str, str] = field(default_factory=dict)                         # attribute name → our key

    def drop(self, what: str, line: int) -> None:
        self.dropped.setdefault(what, []).append(line)


def _native(text: str, bom: bool, standoff: str, label_map: dict[str, str]) -> tuple[dict, list[str]]:
    """The native record of a .txt (decoded, BOM removed) and its .ann, with what was left out."""
    lines = _parse(standoff)
    raw = "\ufeff" + text if bom else text  # brat's own view of the file
    universal = _UNIVERSAL.sub("\n", raw)
    wrong = _mismatch(raw, lines.bounds)
    notes = []
    if wrong and universal != raw and not _mismatch(universal, lines.bounds):
        raw, text = universal, universal[1:] if bom else universal
        notes.append("offsets count a CRLF as one character (brat 1.3 on Python 2); read so")
    elif wrong:
        raise RecordError(wrong)
    spans, by_t = [], {}
    for b in lines.bounds:
        fragments = _joined(raw, b.fragments)
        if fragments is None:
            lines.drop(f"discontinuous span {b.id} {b.label} {';'.join(f'{x} {y}' for x, y in b.fragments)} "
                       "(a span here is one stretch of text)", b.line)
            continue
        (start, end), = fragments
        shift = 1 if bom else 0  # the BOM is not text: brat's offset 1 is our 0
        by_t[b.id] = len(spans) + 1
        spans.append({"id": len(spans) + 1, "start": max(start - shift, 0), "end": end - shift,
                      "label": label_map.get(b.label, b.label)})
    attrs: dict[str, dict] = {}
    for line, name, target, value in lines.attributes:
        if target in by_t:
            attrs.setdefault(target, {})[name] = value
        else:
            lines.drop(_whose("attributes", target, lines), line)
    for line, target, note in lines.notes:
        if target not in by_t:
            lines.drop(_whose("AnnotatorNotes", target, lines), line)
        elif note.startswith("{") and isinstance(earlier := _json(note), dict):
            attrs.setdefault(target, {}).update(earlier)  # our exports before notes were free text
        else:
            have = attrs.setdefault(target, {}).get(NOTE)
            attrs[target][NOTE] = f"{have}\n{note}" if isinstance(have, str) and have else note
    for t, values in attrs.items():
        spans[by_t[t] - 1]["attrs"] = values
    relations = []
    for line, kind, a, b in lines.relations:
        if a in by_t and b in by_t:
            relations.append({"source": by_t[a], "target": by_t[b], "type": kind})
        else:
            lines.drop(f"relations with an argument that is {_not_span(a if a not in by_t else b, lines)}", line)
    if lines.renamed:
        notes.append("attribute names stored as keys (lower-case letters, digits and _): "
                     + ", ".join(f"{a} → {b}" for a, b in lines.renamed.items()))
    notes += [f"not imported: {what}, {len(at)} (line{'' if len(at) == 1 else 's'} {_numbers(at)})"
              for what, at in lines.dropped.items()]
    return {"text": text, "spans": spans, "relations": relations}, notes


def _parse(standoff: str) -> _Lines:
    out = _Lines()
    first: dict[str, int] = {}
    for number, line in enumerate(standoff.split("\n"), 1):
        line = line.rstrip("\r")
        if not line.strip():
            continue
        key, tab, rest = line.partition("\t")
        try:
            if not tab:
                raise IndexError
            if key in first and not key.startswith("*"):
                raise RecordError(f"line {number}: id {key} is used twice (first on line {first[key]}); "
                                  "brat refuses such a file too")
            first[key] = number
            out.ids[key] = key[:1]
            data, _, tail = rest.partition("\t")
            if key.startswith("T"):
                label, _, offsets = data.partition(" ")
                fragments = [tuple(_offset(x) for x in part.split()) for part in offsets.split(";")]
                if not label or any(len(f) != 2 for f in fragments):
                    raise IndexError
                out.bounds.append(_Bound(number, key, label, fragments, tail if tail.strip() else None))
            elif key.startswith(("A", "M")):
                name, target, *value = data.split(" ", 2)
                key = _key(name)
                if key != name:
                    out.renamed[name] = key
                out.attributes.append((number, key, target, attribute_value(value[0]) if value else BINARY))
            elif key.startswith("R"):
                kind, *args = data.split()
                if len(args) != 2 or not all(":" in arg for arg in args):
                    raise RecordError(f"line {number}: a relation needs two arguments (Arg1:T1 Arg2:T2), "
                                      f"got {limits.quoted(data)}")
                out.relations.append((number, kind, args[0].split(":", 1)[1], args[1].split(":", 1)[1]))
            elif key.startswith("#") and data.startswith("AnnotatorNotes "):
                out.notes.append((number, data.split(" ", 1)[1].strip(), tail))
            else:
                out.drop({"E": "events (E lines)", "*": "equivalences (* lines)", "N": "normalisations (N lines)",
                          "#": "comments other than AnnotatorNotes"}.get(
                    key[:1], f"lines of unknown kind {limits.quoted(key)}"), number)
        except IndexError:
            raise RecordError(f"line {number}: cannot read {limits.quoted(line)} (too few tab- or "
                              "space-separated fields)") from None
        except ValueError as exc:
            if isinstance(exc, RecordError):
                raise
            raise RecordError(f"line {number}: cannot read {limits.quoted(line)} "
                              f"({limits.quoted(str(exc))[1:-1]})") from None
    return out


def _mismatch(view: str, bounds: list[_Bound]) -> str:
    """The first T line whose offsets are off the text or whose written text is not the text at its
    offsets in `view`, as a message; "" when all agree.  brat writes the fragments of a span joined by a
    space; a line break written as a space (our exports before fragments) is taken as written."""
    for b in bounds:
        for start, end in b.fragments:
            if not start < end <= len(view):
                return (f"line {b.line}: {b.id} {b.label} {start} {end} is " +
                        ("empty" if start >= end else f"past the end of the .txt ({len(view)} characters)"))
        if b.written is None:
            continue
        there = " ".join(view[a:z] for a, z in b.fragments)
        written = b.written[:len(there)]
        if _flat(written) != _flat(there) or b.written[len(there):len(there) + 1].strip():
            return (f"line {b.line}: {b.id} {b.label} says {limits.quoted(b.written)} but the .txt has "
                    f"{limits.quoted(there)} at {';'.join(f'{a} {z}' for a, z in b.fragments)}")
    return ""


def _flat(text: str) -> str:
    return text.replace("\r", " ").replace("\n", " ")


def _joined(view: str, fragments: list[tuple[int, int]]) -> list[tuple[int, int]] | None:
    """One stretch for the fragments of a span that brat split at line breaks (only whitespace with a
    line break between them, server/src/annotator.py); None for a span that is really discontinuous."""
    fragments = sorted(fragments)
    for (_, end), (start, _) in zip(fragments, fragments[1:]):
        gap = view[end:start]
        if start < end or gap.strip() or "\n" not in gap and "\r" not in gap:
            return None
    return [(fragments[0][0], fragments[-1][1])]


def _whose(what: str, target: str, lines: _Lines) -> str:
    return f"{what} on {_not_span(target, lines)}"


def _not_span(target: str, lines: _Lines) -> str:
    kind = lines.ids.get(target)
    if kind is None:
        return f"{target}, which is not in the file"
    return {"E": "an event", "R": "a relation", "T": "a span not imported"}.get(kind, f"a {kind} line")


def _key(name: str) -> str:
    """A brat attribute name (Negation, Mention-type) as an attribute key of a schema (negation, mention_type)."""
    key = re.sub(r"[^a-z0-9_]", "_", name.lower())
    return key if re.match(r"[a-z]", key) else f"a_{key}"


def _numbers(at: list[int]) -> str:
    return ", ".join(map(str, at[:5])) + (f" and {len(at) - 5} more" if len(at) > 5 else "")


def _offset(value: str) -> int:
    if not value.isascii() or not value.isdigit() or len(value) > limits.MAX_DIGITS:
        raise ValueError(f"an offset must be a number of at most {limits.MAX_DIGITS} digits")
    return int(value)


def _json(text: str):
    try:
        return strict_json.loads(text)
    except strict_json.JsonError:
        return None


def attribute_value(value: str):
    """An attribute value: JSON when our export wrote it so (a [low, high] range, text that reads as a
    number, text with spaces), a number when it reads as a finite one of at most MAX_DIGITS characters,
    else the text as written (1e999 stays "1e999", never infinity)."""
    if value[:1] in ('"', "[") and (parsed := _json(value)) is not None:
        return parsed
    if len(value) > limits.MAX_DIGITS:
        return value
    for kind in (int, float):
        try:
            number = kind(value)
        except ValueError:
            continue
        return number if math.isfinite(number) else value
    return value
