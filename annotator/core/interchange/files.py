"""Writing export files atomically and safely, and the offset check every export runs."""
from __future__ import annotations

import json
import os
import re
import secrets
import stat
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Callable, Iterable, Iterator, TypeVar

from annotator.core.model import AnnotatorError

T = TypeVar("T")
SQLITE_HEADER = b"SQLite format 3\0"


class ExportError(AnnotatorError):
    """An export refused; nothing was written."""


def check_offsets(doc_id: int, text: str, span_id: int, start: int, end: int, span_text: str) -> None:
    if not (0 <= start < end <= len(text)) or text[start:end] != span_text:
        raise ExportError(f"document {doc_id}, span {span_id}: text[{start}:{end}] is "
                          f"{text[start:end]!r}, but the span says {span_text!r}; nothing was exported")


def check_target(path: Path, project_file: Path | None) -> None:
    """Refuse to write over the project (its file, -wal, -shm or -journal, however spelled or linked) or
    any SQLite database: `export --out project.db` once replaced the project with JSONL."""
    if project_file is not None:
        resolved = path.resolve()  # symlinks and ../ spellings; samefile: hard links, case-blind disks
        for suffix in ("", "-wal", "-shm", "-journal"):
            own = project_file.with_name(project_file.name + suffix)
            if resolved == own.resolve() or (own.exists() and path.exists() and os.path.samefile(path, own)):
                what = f"part of the project file ({suffix})" if suffix else "the project file"
                raise ExportError(f"{path} is {what}; export to another file (nothing was written)")
    if not path.is_file():  # missing or a folder (and never open a pipe: it would wait)
        return
    try:
        with open(path, "rb") as f:
            is_sqlite = f.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:  # unreadable: not a database we could write over either
        return
    if is_sqlite:
        raise ExportError(f"{path} is an SQLite database (a project?); export to another file (nothing was written)")


def beside(path: Path, create: Callable[[Path], T]) -> tuple[Path, T]:
    """A new hidden name beside `path`, made by `create`.  Not tempfile.mkstemp/mkdtemp: they make
    0600/0700, and an export should get the user's umask like any other file."""
    while True:  # a random name is taken only by chance: try another
        tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
        try:
            return tmp, create(tmp)
        except FileExistsError:
            continue


def keep_mode(tmp: Path, path: Path) -> None:
    """An export written over an earlier one keeps that one's mode (a shared 0664 file stays shared)."""
    try:
        os.chmod(tmp, stat.S_IMODE(os.stat(path).st_mode))
    except FileNotFoundError:
        pass


@contextmanager
def atomic_write(path: Path, *, project_file: Path | None, encoding: str = "utf-8",
                 newline: str | None = "\n") -> Iterator[IO[str]]:
    """Write to a temporary file beside `path`, then rename: readers never see half a file.
    `project_file` (the project's path; None in memory) is never written over: check_target."""
    check_target(path, project_file)
    path.parent.mkdir(parents=True, exist_ok=True)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    tmp, fd = beside(path, lambda name: os.open(name, flags, 0o666))  # 0666 less the umask
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline=newline) as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        keep_mode(tmp, path)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_jsonl(path: Path, records: Iterable[dict], *, project_file: Path | None) -> int:
    """JSON lines (UTF-8, not ASCII-escaped) written atomically; returns how many."""
    count = 0
    with atomic_write(path, project_file=project_file) as f:
        for record in records:
            f.write(json.dumps(record, ensure_ascii=False))
            f.write("\n")
            count += 1
    return count


_NUMBER = re.compile(r"[+-]?[0-9]+(\.[0-9]+)?")


def spreadsheet_cell(value):
    """A CSV cell a spreadsheet will not run: text starting with = + - @ tab or CR (titles and sentences
    come from scraped pages) gets a leading ' so it shows as text.  Numbers stay numbers, and so does
    text that is just a number ("-2.1")."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r") and not _NUMBER.fullmatch(value):
        return "'" + value
    return value
