"""Import files into a project: the one function the CLI and the window both call."""
from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace
from itertools import islice
from pathlib import Path
from typing import Any, Callable, Iterator

from annotator.core.ingest import limits
from annotator.core.ingest.sources import MAX_BYTES, Note, Problem, Record, collect, read_file
from annotator.core.interchange import formats
from annotator.core.model import AnnotatorError
from annotator.core.schema import key_for, missing_attributes
from annotator.core.store import DuplicateDocument, Project

log = logging.getLogger("annotator")


@dataclass
class ImportReport:
    imported: list[int] = field(default_factory=list)         # new document ids
    duplicates: list[Problem] = field(default_factory=list)   # already in the project: not added again
    problems: list[Problem] = field(default_factory=list)     # skipped: bad input
    labels_added: list[str] = field(default_factory=list)     # added to the schema (add_labels)
    attributes_added: list[str] = field(default_factory=list)  # "LABEL.key", added to the schema (add_labels)
    notes: list[Problem] = field(default_factory=list)        # imported, with what changed on the way in
    stopped: int = 0                                          # files left unread when the user stopped
    # labels and "LABEL.attribute"s the schema lacks, whose records were skipped for that alone
    # (add_labels would have taken them: the window offers it)
    not_in_schema: set[str] = field(default_factory=set)

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        stopped = f"; stopped, {self.stopped} files not read" if self.stopped else ""
        return (f"{len(self.imported)} imported, {len(self.duplicates)} duplicates skipped, "
                f"{len(self.problems)} with errors skipped{stopped}")


def import_paths(project: Project, paths: list[str | Path], *, raw: bool = False, max_bytes: int = MAX_BYTES,
                 on_progress: Callable[[int, int], bool | None] | None = None, fmt: str = "auto",
                 label_map: dict[str, str] | None = None, add_labels: bool = False,
                 worker: Callable[..., Any] | None = None, options: dict[str, Any] | None = None,
                 status: str | None = None) -> ImportReport:
    """Import every report under `paths`; `on_progress(bytes_done, bytes_total)` after each file, and
    False from it stops before the next file (the files done stay imported; `report.stopped` says so).

    `fmt` "reports": pages and native JSONL; an exchange format (bio, doccano, spacy, labelstudio,
    brat), its labels renamed by `label_map`; "auto": each path's format found from its content.
    Then labels that are not keys become keys (schema.key_for: Date → DATE), said in the notes.
    Labels and span attributes the schema lacks make a record fail, naming them, unless
    `add_labels` adds them.
    `options` (the CLI's reader flags, e.g. {"offsets": "utf16"}, {"tag_names": [...]} for Hugging Face
    files without their labels.json) go to the readers that take them
    (formats.READER_OPTIONS); the window passes none: each reader's defaults.
    `status` (e.g. "done" for gold whose spans are confirmed labels) replaces each record's own.
    Reading a file touches no project: `worker(fn, *args)` may run it elsewhere (the window's
    worker thread), a batch of records at a time; storing happens here."""
    report = ImportReport()
    files: list[tuple[Path, str]] = []
    for given in map(Path, paths):
        kind = formats.detect(given) if fmt == "auto" else fmt
        if kind == "reports":
            found, problems = collect([given])
            files += [(f, kind) for f in found]
            report.problems += problems
        elif not given.exists():
            report.problems.append(Problem(str(given), "no such file or folder"))
        else:
            files.append((given, kind))
    total = sum(_size(f) for f, _ in files)
    done = 0
    for path, kind in files:
        try:
            items = read_file(path, raw=raw, max_bytes=max_bytes) if kind == "reports" else \
                formats.READERS[kind](path, label_map, max_bytes=max_bytes, **{
                    k: v for k, v in (options or {}).items() if k in formats.READER_OPTIONS.get(kind, ())})
            # exchange readers rename with label_map as they read; native JSONL is renamed here
            renames = (label_map or {}) if kind == "reports" else {}
            for item in _batches(items, worker):
                if isinstance(item, Note):
                    report.notes.append(item)
                elif isinstance(item, Problem):
                    report.problems.append(item)
                else:
                    if status is not None:
                        item.document = replace(item.document, status=status)
                    _add(project, item, report, add_labels, renames)
        except AnnotatorError as exc:  # a reader's refusal of the whole file
            report.problems.append(Problem(str(path), str(exc)))
        except Exception as exc:  # a reader's bug must not cost the other files: name this one and go on
            log.exception("reading %s", path)
            report.problems.append(Problem(str(path), f"could not be read to the end ({type(exc).__name__}: "
                                                      f"{limits.quoted(str(exc))[1:-1]})"))
        done += _size(path)
        if on_progress and on_progress(done, total) is False:
            report.stopped = len(files) - files.index((path, kind)) - 1
            break
    return report


def _add(project: Project, record: Record, report: ImportReport, add_labels: bool = False,
         label_map: dict[str, str] | None = None) -> None:
    wrong = control_problem(record) or label_keys(record, label_map or {})
    if wrong:
        report.problems.append(Problem(record.where, wrong))
        return
    used = {s.label for s in record.spans + record.rejections}
    unknown = sorted(used - {label.key for label in project.schema.labels})
    if unknown and not add_labels:
        report.not_in_schema.update(unknown)
        report.problems.append(Problem(record.where, f"labels not in the project's schema: {', '.join(unknown)} "
                                                     "(rename them with --map, or add them with --add-labels)"))
        return
    missing = missing_attributes(project.schema, record.spans)
    if missing and not add_labels:
        report.not_in_schema.update(f"{label}.{key}" for label, keys in missing.items() for key in keys)
        report.problems.append(Problem(record.where, "; ".join(
            f"{label} has no such attribute {', '.join(keys)}" for label, keys in missing.items())
            + " (add them with --add-labels)"))
        return
    try:
        with project.change():  # the labels, attributes and the document: all or nothing
            added = project.add_labels(unknown) if unknown else []
            attributes = project.add_attributes(missing_attributes(project.schema, record.spans)) if missing else []
            doc_id = project.add_document(record.document, record.spans, record.relations,
                                          record.rejections)
        report.labels_added += added
        report.attributes_added += attributes
        report.imported.append(doc_id)
        report.notes += [Problem(record.where, note) for note in record.notes]
    except DuplicateDocument as exc:
        report.duplicates.append(Problem(record.where, str(exc)))
    except AnnotatorError as exc:
        report.problems.append(Problem(record.where, str(exc)))
    except Exception as exc:  # a store bug: this record is lost, not the run
        log.exception("storing %s", record.where)
        report.problems.append(Problem(record.where, f"could not be stored ({type(exc).__name__}: "
                                                     f"{limits.quoted(str(exc))[1:-1]})"))


def label_keys(record: Record, label_map: dict[str, str]) -> str:
    """Rename the labels of the record's spans and rejections by `label_map`, then to keys
    (schema.key_for), noting the second kind of renaming in record.notes; returns why the record
    cannot be stored, or ""."""
    renamed, refused = {}, set()
    kept = {}
    for name, spans in (("spans", record.spans), ("rejections", record.rejections)):
        kept[name] = []
        for span in spans:
            label = label_map.get(span.label, span.label)
            key = key_for(label)
            if key is None:
                refused.add(label)
                continue
            if key != label:
                renamed[label] = key
            kept[name].append(span if key == span.label else replace(span, label=key))
    if refused:
        return (f"labels that cannot become keys (upper-case letters, digits and _): {', '.join(sorted(refused))}; "
                f"rename them with --map, e.g. --map {sorted(refused)[0]}=PERSON")
    record.spans[:], record.rejections[:] = kept["spans"], kept["rejections"]
    if renamed:
        record.notes.append("labels stored as keys: " + ", ".join(f"{a} → {b}" for a, b in sorted(renamed.items())))
    return ""


def _batches(items: Iterator, worker: Callable[..., Any] | None, size: int = 64) -> Iterator:
    """The reader's records, read `size` at a time by `worker` (so a large file is never held whole)."""
    while True:
        batch = worker(_take, items, size) if worker else _take(items, size)
        if not batch:
            return
        yield from batch


def _take(items: Iterator, size: int) -> list:
    return list(islice(items, size))


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def control_problem(record: Record) -> str:
    """Why `record` may not be stored because of a control character (limits.py), or "".  Checked
    here, where every reader's records meet, so no format can let one through."""
    doc = record.document
    at = limits.first_control(doc.text)
    if at >= 0:
        return f"the text holds a {limits.where_control(doc.text, at)}"
    fields: list[tuple[str, Any]] = [(key, getattr(doc, attr)) for key, attr in
                                     (("title", "title"), ("source", "source"), ("published", "published"),
                                      ("file", "file_name"))]
    fields.append(("meta", doc.meta))
    for n, span in enumerate(record.spans, 1):
        fields += [(f"span {n} label", span.label), (f"span {n} attrs", span.attrs),
                   (f"span {n} annotator", span.annotator)]
    fields += [(f"relation {n} type", r.type) for n, r in enumerate(record.relations, 1)]
    fields += [(f"rejection {n} label", r.label) for n, r in enumerate(record.rejections, 1)]
    for what, value in fields:
        for text in _strings(value):
            at = limits.first_control(text)
            if at >= 0:
                return f"{what} holds a {limits.control_name(text[at])} in {limits.quoted(text)}"
    return ""


def _strings(value: Any):
    """Every string in a JSON value, keys included (depth is bounded by the reader)."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            yield item
        elif isinstance(item, dict):
            stack += [*item.keys(), *item.values()]
        elif isinstance(item, (list, tuple)):
            stack += item
