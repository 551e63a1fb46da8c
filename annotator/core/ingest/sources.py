"""Files and folders to records: what `annotator import PATH...` reads.

Yields a `Record` per document and a `Problem` per thing that could not be
read, so one bad file or line never stops the rest.
"""
from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from annotator.core.ingest import jsonl, limits, word
from annotator.core.ingest.clean import clean_page
from annotator.core.ingest.decode import DecodeError, decode_bytes, normalise_newlines
from annotator.core.ingest.html import html_to_text
from annotator.core.ingest.lines import FileError, byte_lines
from annotator.core.ingest.pdf import PdfError, pdf_to_page
from annotator.core.model import Document

TEXT_SUFFIXES = {".txt", ".md"}
HTML_SUFFIXES = {".html", ".htm"}
WORD_SUFFIXES = {".docx", ".doc"}  # .doc is refused with the way out (word.py)
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | WORD_SUFFIXES | {".jsonl", ".pdf"}
MAX_BYTES = limits.MAX_BYTES  # a report larger than this is almost surely not a report
PDF_FACTOR = 5  # a PDF carries fonts and images besides its text: it may be this many times larger
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_-]+)""", re.I)


@dataclass
class Problem:
    """Something skipped: `where` is "file" or "file:line"."""

    where: str
    reason: str

    def __str__(self) -> str:
        return f"{self.where}: {self.reason}"


class Note(Problem):
    """Something a reader left out on purpose (Prodigy's ignored answers): said at import, not an error."""


def collect(paths: list[str | Path]) -> tuple[list[Path], list[Problem]]:
    """The files to read under `paths`, in a stable order, and the paths that cannot be read.

    Folders are walked recursively; files of other types inside them are
    ignored, but a file named explicitly with an unknown type is a problem.
    """
    files: list[Path] = []
    problems: list[Problem] = []
    for given in map(Path, paths):
        if given.is_dir():
            for root, dirs, names in os.walk(given):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                files += [Path(root, n) for n in sorted(names)
                          if not n.startswith(".") and Path(n).suffix.lower() in SUFFIXES]
        elif not given.exists():
            problems.append(Problem(str(given), "no such file or folder"))
        elif given.suffix.lower() not in SUFFIXES:
            problems.append(Problem(str(given), f"unsupported file type {given.suffix or '(none)'!r}; "
                                                f"use {', '.join(sorted(SUFFIXES))}"))
        else:
            files.append(given)
    return files, problems


def read_file(path: Path, *, raw: bool = False, max_bytes: int = MAX_BYTES) -> Iterator[Record | Problem]:
    """Records of one file (one for a text or HTML page, one per line of JSONL)."""
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        yield from _read_jsonl(path, max_bytes)
        return
    try:
        size = path.stat().st_size
        limit = max_bytes * PDF_FACTOR if suffix == ".pdf" else max_bytes
        if size > limit:
            yield Problem(str(path), f"too large ({size:,} bytes; the limit is {limit:,})")
            return
        data = path.read_bytes()
    except OSError as exc:
        yield Problem(str(path), f"cannot read ({exc.strerror})")
        return
    if suffix == ".pdf":
        yield _read_pdf(path, data)
        return
    if suffix in WORD_SUFFIXES:
        try:
            text, fields, meta = word.document_fields(data, suffix)
        except word.WordError as exc:
            yield Problem(str(path), str(exc))
            return
        yield jsonl.Record(Document(text=text, file_name=path.name, source_sha256=hashlib.sha256(data).hexdigest(),
                                    meta=meta, **fields), where=str(path), notes=meta.get("import_notes", []))
        return
    try:
        declared = _declared_charset(data) if suffix in HTML_SUFFIXES else None
        text = normalise_newlines(decode_bytes(data, declared)[0])
    except DecodeError as exc:
        yield Problem(str(path), str(exc))
        return
    at = limits.first_control(text)
    if at >= 0 and suffix in TEXT_SUFFIXES:  # the file's own line: the cleaner may drop lines
        line, column = limits.line_column(text, at)
        yield Problem(f"{path}:{line}", f"{limits.control_name(text[at])} at column {column}: a report is text, "
                                        "and control characters other than tab and line breaks are not")
        return
    html_meta: dict[str, str] = {}
    if suffix in HTML_SUFFIXES:
        text, html_meta = html_to_text(text, link_lists=raw)
    page = clean_page(text, raw=raw)
    if not page.text.strip() and suffix in TEXT_SUFFIXES:
        page = clean_page(text, raw=True)  # a short note, not a scraped page: nothing to clean away
    if not page.text.strip():
        yield Problem(str(path), "no text left after removing page boilerplate (try --raw)")
        return
    guessed = set(page.guessed)
    fields = {"title": page.title, "source": page.source, "published": page.published}
    for key in fields:
        if html_meta.get(key):  # the page's own metadata beats text heuristics
            fields[key] = html_meta[key]
            guessed.discard(key)
    if suffix == ".md":
        fields["title"] = fields["title"].lstrip("#").strip()
    doc = Document(text=page.text, file_name=path.name, source_sha256=hashlib.sha256(data).hexdigest(),
                   meta={"guessed": sorted(guessed)} if guessed else {}, **fields)
    yield jsonl.Record(doc, where=str(path))


def _read_pdf(path: Path, data: bytes) -> Record | Problem:
    try:
        page = pdf_to_page(data)
    except PdfError as exc:
        return Problem(str(path), str(exc))
    meta: dict = {"pages": page.pages, "page_count": page.page_count}
    if page.guessed:
        meta["guessed"] = list(page.guessed)
    if page.notes:
        meta["import_notes"] = page.notes
    doc = Document(text=page.text, file_name=path.name, source_sha256=hashlib.sha256(data).hexdigest(),
                   title=page.title, source=page.source, published=page.published, meta=meta)
    return jsonl.Record(doc, where=str(path), notes=page.notes)


def _read_jsonl(path: Path, max_bytes: int) -> Iterator[Record | Problem]:
    seen = False
    try:
        for number, raw, reason in byte_lines(path, max_bytes):
            seen = True
            where = f"{path}:{number}"
            if raw is None:
                yield Problem(where, reason)
                continue
            yield _jsonl_record(path, where, raw)
    except FileError as exc:
        yield Problem(str(path), str(exc))
        return
    if not seen:
        yield Problem(str(path), "empty file")


def _jsonl_record(path: Path, where: str, raw: bytes) -> Record | Problem:
    try:
        record = jsonl.parse_line(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        return Problem(where, f"not UTF-8 (invalid byte at column {exc.start + 1}); JSONL must be UTF-8")
    except jsonl.RecordError as exc:
        return Problem(where, str(exc))
    record.where = where
    if record.document.file_name is None:
        record.document.file_name = path.name
    return record


def _declared_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii") if match else None


Record = jsonl.Record
