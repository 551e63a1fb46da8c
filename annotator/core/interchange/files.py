"""Writing export files atomically, and the offset check every export runs."""
from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
import json
from typing import IO, Iterable, Iterator

from annotator.core.model import AnnotatorError


class ExportError(AnnotatorError):
    """An export refused; nothing was written."""


def check_offsets(doc_id: int, text: str, span_id: int, start: int, end: int, span_text: str) -> None:
    if not (0 <= start < end <= len(text)) or text[start:end] != span_text:
        raise ExportError(f"document {doc_id}, span {span_id}: text[{start}:{end}] is "
                          f"{text[start:end]!r}, but the span says {span_text!r}; nothing was exported")


@contextmanager
def atomic_write(path: Path, *, encoding: str = "utf-8", newline: str | None = "\n") -> Iterator[IO[str]]:
    """Write to a temporary file beside `path`, then rename: readers never see half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline=newline) as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_jsonl(path: Path, records: Iterable[dict]) -> int:
    """JSON lines (UTF-8, not ASCII-escaped) written atomically; returns how many."""
    count = 0
    with atomic_write(path) as f:
        for record in records:
            f.write(json.dumps(record, ensure_ascii=False))
            f.write("\n")
            count += 1
    return count
