"""Files read a line at a time, each line bounded: a 98 MB line is refused by its length before a
byte of it is parsed, and a file of any length costs the memory of its longest allowed line."""
from __future__ import annotations

import codecs
import io
from pathlib import Path
from typing import BinaryIO, Iterator

from annotator.core.ingest import limits
from annotator.core.ingest.decode import DecodeError, decode_bytes
from annotator.core.model import AnnotatorError

_UTF16 = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


class FileError(AnnotatorError):
    """A file that cannot be read at all; the message says why."""


def too_large(size: int, limit: int, what: str = "file") -> str:
    return f"{what} too large ({size:,} bytes; the limit is {limit:,})"


def check_size(path: Path, limit: int) -> None:
    """FileError when `path` is larger than `limit` (or unreadable)."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise FileError(f"cannot read ({exc.strerror})") from None
    if size > limit:
        raise FileError(too_large(size, limit))


def byte_lines(path: Path, max_line: int, *, blank: bool = False) -> Iterator[tuple[int, bytes | None, str]]:
    """(number, line, reason) for each non-blank line (each line with `blank`): the line's bytes without its line break, as
    UTF-8 (a UTF-16 file is decoded whole, within MAX_WHOLE_BYTES, and re-encoded), or None and why
    it was not read.  FileError for a file that is no text at all."""
    check_size(path, limits.MAX_FILE_BYTES)
    with path.open("rb") as f:
        head = f.read(8192)
        if head.startswith(_UTF16):
            check_size(path, limits.MAX_WHOLE_BYTES)
            try:
                text = (head + f.read()).decode("utf-16")
            except UnicodeDecodeError as exc:
                raise FileError(f"starts with a UTF-16 byte-order mark but byte {exc.start} is invalid") from None
            yield from _lines(io.BytesIO(text.encode("utf-8", "surrogatepass")), max_line, blank)
            return
        if b"\x00" in head:
            raise FileError("binary file (NUL bytes and no UTF-16 byte-order mark)")
        f.seek(0)
        yield from _lines(f, max_line, blank)


def _lines(f: BinaryIO, max_line: int, blank: bool) -> Iterator[tuple[int, bytes | None, str]]:
    number = 0
    while True:
        raw = f.readline(max_line + 2)  # room for CRLF
        if not raw:
            return
        number += 1
        if not raw.endswith(b"\n") and len(raw) > max_line:
            size = len(raw)
            while raw and not raw.endswith(b"\n"):  # skip the rest of the line, counting it
                raw = f.readline(1 << 20)
                size += len(raw)
            yield number, None, too_large(size, max_line, "line")
            continue
        line = raw.rstrip(b"\r\n") if raw.endswith(b"\n") else raw
        if number == 1 and line.startswith(codecs.BOM_UTF8):
            line = line[3:]
        if blank or line.strip():
            yield number, line, ""


def text_lines(path: Path, max_line: int, *, blank: bool = False,
               errors: str = "strict") -> Iterator[tuple[int, str | None, str]]:
    """byte_lines decoded: the encoding (UTF-8 or GB18030, decode.py's cascade) is chosen on the
    file's first 64 KiB; a line that does not decode in it is refused with its number.
    errors="surrogatepass": UTF-8 may hold surrogate halves (CESU-8), for a reader that joins them."""
    encoding = None
    for number, raw, reason in byte_lines(path, max_line, blank=blank):
        if raw is None:
            yield number, None, reason
            continue
        if encoding is None and raw.strip():
            encoding = _encoding(path, errors)
        try:
            yield number, raw.decode(encoding or "ascii", errors if encoding == "utf-8" else "strict"), ""
        except UnicodeDecodeError as exc:
            yield number, None, f"not {encoding.upper()} like the lines before it (invalid byte at column {exc.start + 1})"


def _encoding(path: Path, errors: str = "strict") -> str:
    with path.open("rb") as f:
        head = f.read(1 << 16)
    if head.startswith(_UTF16):
        return "utf-8"  # byte_lines re-encoded it
    cut = head.rfind(b"\n")
    head = head[:cut] if cut > 0 and len(head) == 1 << 16 else head
    if errors == "surrogatepass":
        try:
            head.decode("utf-8", errors)
            return "utf-8"
        except UnicodeDecodeError:
            pass
    try:
        name = decode_bytes(head)[1]
    except DecodeError as exc:
        raise FileError(str(exc)) from None
    return "utf-8" if name.startswith("utf-8") else name
