"""brat standoff: a folder with `<name>.txt` (the text, UTF-8, LF) and `<name>.ann` per document, and
the `annotation.conf` and `visual.conf` that tell brat the labels, relations, attributes and colours.

    T1<TAB>LABEL START END<TAB>text        a span (one that runs over a line break: its stretches,
                                           `0 3;4 8`, as brat itself splits it)
    A1<TAB>unit T1 户                      a span attribute (JSON when the value would not read back as itself)
    R1<TAB>TYPE Arg1:T1 Arg2:T2            a relation
    #1<TAB>AnnotatorNotes T1<TAB>text      the span's note
A metric's subject and period links (ids of this project) and its unconfirmed `proposed` list are not written.

Offsets are Unicode code points into the .txt file, end exclusive.  The .txt is written exactly as
stored (line breaks are LF, never CRLF), so offsets never drift by a line ending (brat issue #1115).
Reading is in brat_read.py.
"""
from __future__ import annotations

import json
import re
import secrets
import shutil
from pathlib import Path

from annotator.core.interchange import brat_read
from annotator.core.interchange.files import ExportError, beside, check_target, keep_mode
from annotator.core.interchange.records import Selection, read
from annotator.core.model import Schema
from annotator.core.schema import NOTE, PROPOSED, choices
from annotator.core.store import Project

_PLAIN = re.compile(r"^\S+$")
WRITTEN = ("annotation.conf", "visual.conf")  # brat's set-up of the labels: written by every export
CONFIGS = ("tools.conf", "kb_shortcuts.conf")  # brat's set-up written by the user: kept
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
        counts = {}
        for part, selection in parts.items():
            conf = _Conf(project.schema, selection)
            counts[part] = _write(tmp / part, read(project, selection), conf)
            conf.write(tmp / part)
        for kept in configs:
            (tmp / kept).parent.mkdir(exist_ok=True)
            shutil.copy2(real / kept, tmp / kept)
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
            elif not ((_EXPORTED.fullmatch(path.name) or path.name in WRITTEN) and path.is_file()):
                strangers.append(name)
    if strangers:
        more = f" and {len(strangers) - 3} more" if len(strangers) > 3 else ""
        raise ExportError(f"{shown} holds files that are not from a brat export ({', '.join(strangers[:3])}{more}); "
                          "export to a new or empty folder (nothing was changed)")
    return configs


def _write(folder: Path, docs, conf: "_Conf") -> int:
    folder.mkdir(exist_ok=True)
    count = 0
    for doc in docs:
        name = f"doc{doc.id:06d}"
        t_of, lines = {}, []
        for n, s in enumerate(doc.spans, 1):
            if not _PLAIN.match(s.label):
                raise ExportError(f"label {s.label!r} has whitespace; brat labels cannot (rename it with --map)")
            t_of[s.id] = f"T{n}"
            fragments = _fragments(s.start, s.text)
            lines.append(f"T{n}\t{s.label} {';'.join(f'{a} {b}' for a, b, _ in fragments)}\t"
                         + " ".join(text for _, _, text in fragments))
        a = note = 0
        for s in doc.spans:
            for key, value in s.attrs.items():
                if key in _NOT_ATTRIBUTES or value in (None, "", []) or isinstance(value, (bool, dict)):
                    continue
                a += 1
                lines.append(f"A{a}\t{key} {t_of[s.id]} {_token(value)}")
                conf.attribute(s.label, key, _token(value))
            if isinstance(s.attrs.get(NOTE), str) and s.attrs[NOTE].strip():
                note += 1
                lines.append(f"#{note}\tAnnotatorNotes {t_of[s.id]}\t{_one_line(s.attrs[NOTE])}")
        by_id = {s.id: s for s in doc.spans}
        for n, (_, source, target, kind) in enumerate(doc.relations, 1):
            if not _PLAIN.match(kind):
                raise ExportError(f"relation type {kind!r} has whitespace; brat relation types cannot")
            lines.append(f"R{n}\t{kind} Arg1:{t_of[source]} Arg2:{t_of[target]}")
            conf.relation(kind, by_id[source].label, by_id[target].label)
        (folder / f"{name}.txt").write_text(doc.text, encoding="utf-8", newline="\n")
        (folder / f"{name}.ann").write_text("".join(line + "\n" for line in lines), encoding="utf-8", newline="\n")
        count += 1
    return count


# a span's note is its AnnotatorNotes line; links to other spans (a metric's subject and period) are span
# ids of this project, and `proposed` is the window's state: none of them is a brat attribute
_NOT_ATTRIBUTES = {NOTE, PROPOSED, "subject", "period"}


def _fragments(start: int, text: str) -> list[tuple[int, int, str]]:
    """A span's stretches between line breaks, each without its edge whitespace: brat splits a span at
    a line break the same way (server/src/annotator.py) and writes the stretches' texts joined by a space."""
    out, at = [], start
    for piece in text.split("\n"):
        lead = len(piece) - len(piece.lstrip())
        if piece.strip():
            out.append((at + lead, at + lead + len(piece.strip()), piece.strip()))
        at += len(piece) + 1
    return out


def _token(value) -> str:
    """An attribute value as brat's A line holds it: as written when it reads back as itself, else JSON
    (a [low, high] range, text that reads as a number or holds a line break)."""
    text = str(value) if isinstance(value, (int, float)) else value if isinstance(value, str) else None
    if text is not None and text.strip() == text and "\n" not in text and "\t" not in text \
            and brat_read.attribute_value(text) == value:
        return text
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _one_line(text: str) -> str:
    return " ".join(text.split())  # an .ann line holds no line break or tab


class _Conf:
    """What annotation.conf and visual.conf declare: every label of the export (renamed by --map), the
    relation types with the labels they join, and every attribute with its values (a choice's from the
    schema, other values as the export writes them)."""

    def __init__(self, schema: Schema, selection: Selection):
        self.labels = {selection.name(label.key): label for label in schema.labels
                       if selection.labels is None or selection.name(label.key) in selection.labels}
        self.relations: dict[str, tuple[set, set]] = {}
        self.attributes: dict[str, tuple[set, dict]] = {}
        for key, label in self.labels.items():
            for attribute in label.attributes:
                if attribute.type == "choice":
                    for value in choices(schema, attribute):
                        self.attribute(key, attribute.key, value)

    def attribute(self, label: str, key: str, value: str) -> None:
        labels, values = self.attributes.setdefault(key, (set(), {}))
        labels.add(label)
        values[value] = None

    def relation(self, kind: str, source: str, target: str) -> None:
        sources, targets = self.relations.setdefault(kind, (set(), set()))
        sources.add(source)
        targets.add(target)

    def annotation(self) -> str:
        def listed(values) -> str:  # brat parses "Value:a|b" by , and |: a value holding those is not listed
            return "|".join(v for v in values if not re.search(r"[\s,|]", v))
        attributes = []
        for key, (labels, values) in self.attributes.items():
            shown = listed(values)
            attributes.append(f"{key}\tArg:{'|'.join(sorted(labels))}" + (f", Value:{shown}" if shown else ""))
        return "\n".join([
            "# brat's annotation.conf, written by `annotator export --format brat` from the project's schema",
            "[entities]", *self.labels,
            "", "[relations]",
            "# spans of different layers (an entity over a metric) may overlap",
            "<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>",
            *(f"{kind}\tArg1:{'|'.join(sorted(a))}, Arg2:{'|'.join(sorted(b))}"
              for kind, (a, b) in self.relations.items()),
            "", "[events]", "", "[attributes]", *attributes, ""])

    def visual(self) -> str:
        return "\n".join([
            "# brat's visual.conf, written by `annotator export --format brat`: the labels' names and colours",
            "[labels]", *(f"{key} | {label.name_zh or key} {label.name_en} | {label.name_zh or key}"
                          for key, label in self.labels.items()),
            "", "[drawing]",
            "SPAN_DEFAULT\tfgColor:black, bgColor:lightgreen, borderColor:darken",
            "ARC_DEFAULT\tcolor:black, arrowHead:triangle-5",
            "ATTRIBUTE_DEFAULT\tglyph:*",
            *(f"{key}\tbgColor:{_tint(label.color)}, borderColor:{label.color}" for key, label in self.labels.items()),
            ""])

    def write(self, folder: Path) -> None:
        (folder / "annotation.conf").write_text(self.annotation(), encoding="utf-8", newline="\n")
        (folder / "visual.conf").write_text(self.visual(), encoding="utf-8", newline="\n")


def _tint(colour: str, strength: float = 0.35) -> str:
    """The label's colour over white at `strength`, as the window tints an annotation: black text on it
    keeps 7:1 (resources/schema.toml)."""
    rgb = [int(colour[i:i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(255 - (255 - c) * strength):02x}" for c in rgb)


read_folder = brat_read.read_folder  # formats.READERS names the reader here, beside the writer
