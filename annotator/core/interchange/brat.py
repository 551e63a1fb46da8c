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
import math
import re
import secrets
import shutil
from pathlib import Path
from typing import Iterator

from annotator.core.ingest import limits, strict_json
from annotator.core.ingest.decode import DecodeError, decode_bytes
from annotator.core.ingest.lines import FileError, check_size
from annotator.core.ingest.jsonl import Record, RecordError, parse_object
from annotator.core.ingest.sources import Problem
from annotator.core.interchange.files import ExportError, beside, check_target, keep_mode
from annotator.core.interchange.records import Selection, read
from annotator.core.store import Project

_PLAIN = re.compile(r"^\S+$")
CONFIGS = ("annotation.conf", "visual.conf", "tools.conf")  # brat's set-up, written by the user: kept
PARTS = ("train", "dev", "test")  # the subfolders of export --split
_EXPORTED = re.compile(r"doc[0-9]{6,}\.(txt|ann)")  # only the names export writes: another tool's 1.txt is a user's


def export(project: Project, folder: Path, selection: Selection = Selection()) -> int:
    """One .txt/.ann pair per document in `folder`; returns the number of documents."""
    return export_parts(project, folder, {"": selection})[""]


def export_parts(project: Project, folder: Path, parts: dict[str, Selection]) -> dict[str, int]:
    """Each part's documents in `folder` / part ("" for the folder itself, or train/dev/test); returns the
    count of each.  The whole export is written in a new folder beside `folder` and swapped in: an
    earlier export's documents never stay mixed with these.  A folder that holds anything but an
    earlier export (and brat's .conf files, carried over) is refused, untouched."""
    check_target(folder, project.path)
    if folder.exists() and not folder.is_dir():
        raise ExportError(f"{folder} is a file; brat export writes a folder of .txt and .ann files")
    real = folder.resolve()  # a symlinked folder: swap the folder it points to, not the link
    configs = _earlier_export(real, folder) if real.is_dir() else []
    real.parent.mkdir(parents=True, exist_ok=True)
    tmp, _ = beside(real, lambda name: name.mkdir(0o777))  # 0777 less the umask
    try:
        keep_mode(tmp, real)
        counts = {part: _write(tmp / part, read(project, selection)) for part, selection in parts.items()}
        for conf in configs:
            (tmp / conf).parent.mkdir(exist_ok=True)
            shutil.copy2(real / conf, tmp / conf)
        if real.is_dir():
            old = real.with_name(f".{real.name}.{secrets.token_hex(4)}.old")
            real.rename(old)
            try:
                tmp.rename(real)
            except BaseException:
                old.rename(real)
                raise
            shutil.rmtree(old, ignore_errors=True)  # the export is in place; a leftover is only clutter
        else:
            tmp.rename(real)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return counts


def _earlier_export(folder: Path, shown: Path) -> list[str]:
    """The .conf files of an earlier export in `folder` (relative paths), or ExportError naming what
    else is there: the folder is about to be replaced, and a user's own files must never go with it."""
    configs, strangers = [], []
    for entry in sorted(folder.iterdir()):
        inner = sorted(entry.iterdir()) if entry.name in PARTS and entry.is_dir() and not entry.is_symlink() \
            else [entry]
        for path in inner:
            name = path.relative_to(folder).as_posix()
            if path.name in CONFIGS and path.is_file():
                configs.append(name)
            elif not (_EXPORTED.fullmatch(path.name) and path.is_file()):
                strangers.append(name)
    if strangers:
        more = f" and {len(strangers) - 3} more" if len(strangers) > 3 else ""
        raise ExportError(f"{shown} holds files that are not from a brat export ({', '.join(strangers[:3])}{more}); "
                          "export to a new or empty folder (nothing was changed)")
    return configs


def _write(folder: Path, docs) -> int:
    folder.mkdir(exist_ok=True)
    count = 0
    for doc in docs:
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
        (folder / f"{name}.txt").write_text(doc.text, encoding="utf-8", newline="\n")
        (folder / f"{name}.ann").write_text("".join(line + "\n" for line in lines), encoding="utf-8", newline="\n")
        count += 1
    return count


def _one_line(text: str) -> str:
    return text.replace("\n", " ")  # brat shows a span's text on its line; offsets are what count


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
            text = _read(txt, max_bytes)
            standoff = _read(ann, max_bytes) if ann.stat().st_size else ""
            native = _native(text, standoff, label_map or {})
            record = parse_object(native)
        except OSError as exc:
            yield Problem(str(ann), f"cannot read {exc.filename} ({exc.strerror})")
            continue
        except (DecodeError, FileError, RecordError) as exc:
            yield Problem(str(ann), str(exc))
            continue
        record.document.file_name = txt.name
        record.where = str(ann)
        yield record


def _read(path: Path, max_bytes: int) -> str:
    try:
        check_size(path, max_bytes)
    except FileError as exc:
        raise FileError(f"{path.name}: {exc}") from None
    return decode_bytes(path.read_bytes())[0]


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
                start, end = (_offset(x) for x in offsets.split())
                by_t[key] = len(spans) + 1
                spans.append({"id": len(spans) + 1, "start": start, "end": end, "label": label_map.get(label, label)})
            elif key.startswith("A"):
                name, target, *value = fields[1].split(" ")
                attrs.setdefault(target, {})[name] = _scalar(value[0]) if value else True
            elif key.startswith("R"):
                kind, arg1, arg2 = fields[1].split(" ")
                relations.append((kind, arg1.split(":", 1)[1], arg2.split(":", 1)[1]))
            elif key.startswith("#") and fields[1].startswith("AnnotatorNotes "):
                note = strict_json.loads(fields[2])
                if isinstance(note, dict):
                    attrs.setdefault(fields[1].split(" ", 1)[1], {}).update(note)
        except strict_json.JsonError as exc:
            raise RecordError(f"line {number}: the AnnotatorNotes are {exc}") from None
        except IndexError:
            raise RecordError(f"line {number}: cannot read {limits.quoted(line)} (too few tab- or "
                              "space-separated fields)") from None
        except ValueError as exc:
            raise RecordError(f"line {number}: cannot read {limits.quoted(line)} "
                              f"({limits.quoted(str(exc))[1:-1]})") from None
    for t, values in attrs.items():
        if t in by_t:
            spans[by_t[t] - 1]["attrs"] = values
    native_relations = []
    for kind, a, b in relations:
        if a not in by_t or b not in by_t:
            raise RecordError(f"relation {kind} {a} {b}: both arguments must be T lines of this file")
        native_relations.append({"source": by_t[a], "target": by_t[b], "type": kind})
    return {"text": text, "spans": spans, "relations": native_relations}


def _offset(value: str) -> int:
    if not value.isascii() or not value.isdigit() or len(value) > limits.MAX_DIGITS:
        raise ValueError(f"an offset must be a number of at most {limits.MAX_DIGITS} digits")
    return int(value)


def _scalar(value: str):
    """An attribute value: a number when it reads as a finite one of at most MAX_DIGITS characters,
    else the text as written (1e999 stays "1e999", never infinity)."""
    if len(value) > limits.MAX_DIGITS:
        return value
    for kind in (int, float):
        try:
            number = kind(value)
        except ValueError:
            continue
        return number if math.isfinite(number) else value
    return value
