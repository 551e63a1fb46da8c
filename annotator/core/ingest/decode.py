"""Bytes to text: encoding detection and line-ending normalisation.

Supported encodings are exactly those Chinese reports arrive in: UTF-8 (with or
without BOM), UTF-16 with BOM, GB18030 (a superset of GBK and GB2312) and Big5
(traditional Chinese).  Bytes that are not UTF-8 are judged by charsets.py, whose
rules name Japanese and Korean files (which mostly form valid GB18030) so they
are refused rather than imported as mojibake (ADR 0014).
"""
from __future__ import annotations

import codecs
import re
import unicodedata
from bisect import bisect_right

from annotator.core.ingest import charsets
from annotator.core.model import AnnotatorError


class DecodeError(AnnotatorError):
    """The bytes are not a text we can read; the message says why."""


_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control characters that never occur in a report; a few of them mean binary.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Return (text, encoding name) or raise DecodeError.

    `declared` is an encoding named by the file itself (an HTML meta charset);
    it is tried after the BOMs and UTF-8, never instead of them.
    """
    if not data:
        raise DecodeError("empty file")
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return _checked(data.decode(name), name), name
            except UnicodeDecodeError as exc:
                raise DecodeError(f"starts with a {name} byte-order mark but byte {exc.start} is invalid") from None
    if b"\x00" in data[:8192]:
        raise DecodeError("binary file (NUL bytes and no UTF-16 byte-order mark)")
    candidates = ["utf-8"]
    if declared and _known(declared) != "utf-8" and _known(declared) in _ALLOWED:
        candidates.append(_known(declared))
    for name in candidates:
        try:
            return _checked(data.decode(name), name), name
        except UnicodeDecodeError:
            pass
    encoding, language = charsets.guess(data)
    if language and language != "Chinese":
        raise DecodeError(f"looks like {language} text ({_NAMES[encoding]}), not Chinese; reports are read as "
                          f"{SUPPORTED}")
    try:
        if encoding:
            return _checked(data.decode(encoding), encoding), encoding
        data.decode("gb18030")
    except UnicodeDecodeError as exc:
        raise DecodeError(f"not {SUPPORTED} (invalid byte at offset {exc.start})") from None
    raise DecodeError(f"not {SUPPORTED} (in GB18030 it decodes to characters that are not Chinese text)")


SUPPORTED = "UTF-8, UTF-16 with BOM, GB18030 or Big5"
_ALLOWED = {"utf-8", "gb18030", "gbk", "gb2312", "big5", "cp950"}
_NAMES = {"shift_jis": "Shift-JIS", "euc_jp": "EUC-JP", "euc_kr": "EUC-KR", "cp949": "CP949/UHC"}


def _known(name: str) -> str:
    try:
        return codecs.lookup(name).name
    except LookupError:
        return ""


def _checked(text: str, encoding: str) -> str:
    """Refuse texts that decoded but are not prose: binary or U+FFFD soup."""
    if not text.strip():
        raise DecodeError("empty file (only whitespace)")
    sample = text[:65536]
    controls = len(_CONTROL.findall(sample))
    if controls > max(8, len(sample) // 100):
        raise DecodeError(f"binary file ({controls} control characters in the first {len(sample)} characters)")
    replacement = text.count("\ufffd")
    if replacement >= 20 or replacement * 100 > len(text):
        raise DecodeError(
            f"text holds {replacement} U+FFFD replacement characters: it was damaged by an earlier wrong decoding"
        )
    if encoding == "gb18030":
        # Bytes of another 8-bit encoding may happen to form valid GB18030
        # sequences; real Chinese text has no private-use or unassigned code points.
        odd = sum(1 for ch in sample if unicodedata.category(ch) in ("Co", "Cn"))
        if odd * 50 > len(sample):
            raise DecodeError(f"not {SUPPORTED} (decodes to unassigned characters)")
    return text


_BREAKS = {0x0D: "\n", 0x0B: "\n", 0x0C: "\n"}


class NewlineMap:
    """Text with CRLF, CR, VT and FF turned into LF, and a map from old offsets to new.

    Offsets given against the original text (spans in a JSONL record) are moved
    with the text; an offset between CR and LF has no place in the new text.
    """

    def __init__(self, text: str):
        self._crlf = [m.start() for m in re.finditer("\r\n", text)]
        # VT and FF (page breaks from pdftotext and word processors) are line breaks to a reader;
        # one character for one, they move no offset
        self.text = text.replace("\r\n", "\n").translate(_BREAKS)
        self.changed = self.text != text

    def offset(self, old: int) -> int:
        """New offset for `old`; ValueError when `old` splits a CRLF pair."""
        i = bisect_right(self._crlf, old - 1)  # CRLF pairs starting before old
        if i and self._crlf[i - 1] == old - 1:
            raise ValueError(f"offset {old} falls between CR and LF")
        return old - i


def normalise_newlines(text: str) -> str:
    """CRLF, lone CR, VT and FF become LF; nothing else changes (no NFC/NFKC)."""
    return NewlineMap(text).text
