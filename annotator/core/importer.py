"""Import files into a project: the one function the CLI and the window both call."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from annotator.core.ingest.sources import MAX_BYTES, Problem, Record, collect, read_file
from annotator.core.interchange import formats
from annotator.core.model import AnnotatorError
from annotator.core.store import DuplicateDocument, Project


@dataclass
class ImportReport:
    imported: list[int] = field(default_factory=list)         # new document ids
    duplicates: list[Problem] = field(default_factory=list)   # already in the project: not added again
    problems: list[Problem] = field(default_factory=list)     # skipped: bad input
    labels_added: list[str] = field(default_factory=list)     # added to the schema (add_labels)

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        return (f"{len(self.imported)} imported, {len(self.duplicates)} duplicates skipped, "
                f"{len(self.problems)} with errors skipped")


def import_paths(project: Project, paths: list[str | Path], *, raw: bool = False, max_bytes: int = MAX_BYTES,
                 on_progress: Callable[[int, int], None] | None = None, fmt: str = "auto",
                 label_map: dict[str, str] | None = None, add_labels: bool = False) -> ImportReport:
    """Import every report under `paths`; `on_progress(bytes_done, bytes_total)` after each file.

    `fmt` "reports": pages and native JSONL; an exchange format (bio, doccano, spacy, labelstudio,
    brat), its labels renamed by `label_map`; "auto": each path's format found from its content.
    Labels the schema lacks make a record fail, naming them, unless `add_labels` adds them."""
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
        items = read_file(path, raw=raw, max_bytes=max_bytes) if kind == "reports" else \
            formats.READERS[kind](path, label_map)
        for item in items:
            if isinstance(item, Problem):
                report.problems.append(item)
            else:
                _add(project, item, report, add_labels)
        done += _size(path)
        if on_progress:
            on_progress(done, total)
    return report


def _add(project: Project, record: Record, report: ImportReport, add_labels: bool = False) -> None:
    unknown = sorted({s.label for s in record.spans} - {label.key for label in project.schema.labels})
    if unknown and not add_labels:
        report.problems.append(Problem(record.where, f"labels not in the project's schema: {', '.join(unknown)} "
                                                     "(rename them with --map, or add them with --add-labels)"))
        return
    try:
        if unknown:
            report.labels_added += project.add_labels(unknown)
        report.imported.append(project.add_document(record.document, record.spans, record.relations))
    except DuplicateDocument as exc:
        report.duplicates.append(Problem(record.where, str(exc)))
    except AnnotatorError as exc:
        report.problems.append(Problem(record.where, str(exc)))


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0
