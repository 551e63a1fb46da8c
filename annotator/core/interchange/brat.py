"""brat standoff: a folder with `<name>.txt` (the text, UTF-8, LF) and `<name>.ann` per document.

    T1<TAB>LABEL START END<TAB>text        a span
    A1<TAB>unit T1 户                      a span attribute whose value has no whitespace
    R1<TAB>TYPE Arg1:T1 Arg2:T2            a relation
    #1<TAB>AnnotatorNotes T1<TAB>{...}     the span's attributes as JSON (a metric's value, unit …;
                                           its subject and period links, ids of this project, are not written)

Offsets are Unicode code points into the .txt file, end exclusive.  The .txt is written exactly as
stored (line breaks are LF, never CRLF), so offsets never drift by a line ending (brat issue #1115).
Import reads T, A, R and AnnotatorNotes lines; discontinuous spans (`0 3;5 7`) are refused with
their line.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Iterator

from annotator.core.ingest.decode import DecodeError, decode_bytes
from annotator.core.ingest.jsonl import Record, RecordError, parse_object
from annotator.core.ingest.sources import Problem
from annotator.core.interchange.files import ExportError, atomic_write
from annotator.core.interchange.records import Selection, read
from annotator.core.store import Project

_PLAIN = re.compile(r"^\S+$")


def export(project: Project, folder: Path, selection: Selection = Selection()) -> int:
    """One .txt/.ann pair per document in `folder`; returns the number of documents."""
    if folder.exists() and not folder.is_dir():
        raise ExportError(f"{folder} is a file; brat export writes a folder of .txt and .ann files")
    count = 0
    for doc in read(project, selection):
        name = f"doc{doc.id:06d}"
        t_of, lines = {}, []
        for n, s in enumerate(doc.spans, 1):
            if not _PLAIN.match(s.label):
                raise ExportError(f"label {s.label!r} has whitespace; brat labels cannot (rename it with --map)")
            t_of[s.id] = f"T{n}"
            lines.append(f"T{n}\t{s.label} {s.start} {s.end}\t{_one_line(s.text)}")
        a = note = 0
        for s in doc.spans:
            # links to other spans (a metric's subject and period) are span ids of this project: left out
            attrs = {k: v for k, v in s.attrs.items() if v not in (None, "", []) and k not in ("subject", "period")}
            for key, value in attrs.items():
                if isinstance(value, (str, int, float)) and not isinstance(value, bool) and _PLAIN.match(str(value)):
                    a += 1
                    lines.append(f"A{a}\t{key} {t_of[s.id]} {value}")
            if attrs:
                note += 1
                lines.append(f"#{note}\tAnnotatorNotes {t_of[s.id]}\t{json.dumps(attrs, ensure_ascii=False)}")
        for n, (_, source, target, kind) in enumerate(doc.relations, 1):
            lines.append(f"R{n}\t{kind} Arg1:{t_of[source]} Arg2:{t_of[target]}")
        folder.mkdir(parents=True, exist_ok=True)
        with atomic_write(folder / f"{name}.txt") as f:
            f.write(doc.text)
        with atomic_write(folder / f"{name}.ann") as f:
            f.write("".join(line + "\n" for line in lines))
        count += 1
    return count


def _one_line(text: str) -> str:
    return text.replace("\n", " ")  # brat shows a span's text on its line; offsets are what count


def read_folder(path: Path, label_map: dict[str, str] | None = None) -> Iterator[Record | Problem]:
    """Records of the .ann files in a folder (or of one .ann file), each with its .txt."""
    anns = sorted(path.glob("*.ann")) if path.is_dir() else [path]
    if not anns:
        yield Problem(str(path), "no .ann files")
    for ann in anns:
        txt = ann.with_suffix(".txt")
        try:
            text = decode_bytes(txt.read_bytes())[0]
            standoff = decode_bytes(ann.read_bytes())[0] if ann.stat().st_size else ""
            native = _native(text, standoff, label_map or {})
            record = parse_object(native)
        except OSError as exc:
            yield Problem(str(ann), f"cannot read {exc.filename} ({exc.strerror})")
            continue
        except (DecodeError, RecordError) as exc:
            yield Problem(str(ann), str(exc))
            continue
        record.document.file_name = txt.name
        record.where = str(ann)
        yield record


def _native(text: str, standoff: str, label_map: dict[str, str]) -> dict:
    spans, by_t, relations, attrs = [], {}, [], {}
    for number, line in enumerate(standoff.split("\n"), 1):
        if not line.strip():
            continue
        fields = line.split("\t")
        key = fields[0]
        try:
            if key.startswith("T"):
                label, _, offsets = fields[1].partition(" ")
                if ";" in offsets:
                    raise RecordError("a discontinuous span; one span is one stretch of text")
                start, end = (int(x) for x in offsets.split())
                by_t[key] = len(spans) + 1
                spans.append({"id": len(spans) + 1, "start": start, "end": end, "label": label_map.get(label, label)})
            elif key.startswith("A"):
                name, target, *value = fields[1].split(" ")
                attrs.setdefault(target, {})[name] = _scalar(value[0]) if value else True
            elif key.startswith("R"):
                kind, arg1, arg2 = fields[1].split(" ")
                relations.append((kind, arg1.split(":", 1)[1], arg2.split(":", 1)[1]))
            elif key.startswith("#") and fields[1].startswith("AnnotatorNotes "):
                note = json.loads(fields[2])
                if isinstance(note, dict):
                    attrs.setdefault(fields[1].split(" ", 1)[1], {}).update(note)
        except (ValueError, IndexError) as exc:
            raise RecordError(f"line {number}: cannot read {line!r} ({exc})") from None
    for t, values in attrs.items():
        if t in by_t:
            spans[by_t[t] - 1]["attrs"] = values
    native_relations = []
    for kind, a, b in relations:
        if a not in by_t or b not in by_t:
            raise RecordError(f"relation {kind} {a} {b}: both arguments must be T lines of this file")
        native_relations.append({"source": by_t[a], "target": by_t[b], "type": kind})
    return {"text": text, "spans": spans, "relations": native_relations}


def _scalar(value: str):
    try:
        return int(value)
    except ValueError:
        try:
            return float(value)
        except ValueError:
            return value
