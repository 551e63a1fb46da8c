"""PDF reports to text: lines laid out from character boxes, paragraphs rejoined, page furniture dropped.

pdfium (pypdfium2) gives each character and its box; the order of the content stream is not the
reading order (page numbers often come first) and pdfium's own spaces come from gaps, so lines are
built here: characters grouped by height on the page, sorted left to right, a space only where a
gap is a column gap or separates Latin words. Paragraphs are joined across line and page breaks
when a line runs to the right margin and the next one is not indented. Lines repeated at the top or
bottom of most pages and page numbers ("- 3 -", "第3页", "— 12 —") are dropped. Characters are
never changed (no NFKC: full-width forms stay); C0 control characters are dropped and counted.

`pdf_to_page` refuses, with a `PdfError` saying what to do, files that are not PDFs, truncated,
password-protected, scanned (no text layer), or beyond the limits that keep one file from holding
the import for long. See docs/adr/0012-pdf-import.md.
"""
from __future__ import annotations

import ctypes
import math
import re
import statistics
import threading
import time
from collections import Counter
from dataclasses import dataclass, field

from annotator.core.ingest.clean import clean_page
from annotator.core.ingest.dates import DATE, find_iso
from annotator.core.model import AnnotatorError

MAX_PAGES = 2000              # a report; a 2,000-page PDF is a book or an attack
MAX_CHARS_PER_PAGE = 100_000  # a dense A4 page holds ~3,000; more is a crafted page
MAX_SECONDS = 120.0           # per file, checked between pages
_LOCK = threading.Lock()      # pdfium is not thread-safe

# whitespace (spaces come from the layout), and what pdfium returns for glyphs without a character
_NOT_TEXT = frozenset((0, 0x09, 0x0A, 0x0D, 0x20, 0xA0, 0x3000, 0xFFFE, 0xFFFF))
_CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef\u2018-\u201d\u2026\u2014\u00b7]")
_NUMBER = re.compile(r"[0-9.,%‰]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_PAGE_NUMBER = re.compile(r"^[-—–－―~·•\s]*(?:第\s*)?\d{1,4}(?:\s*页)?(?:\s*[/／]\s*\d{1,4}|\s*共\s*\d{1,4}\s*页)?[-—–－―~·•\s]*$"
                          r"|^(?:page|p\.)\s*\d{1,4}(?:\s*of\s*\d{1,4})?$", re.I)
_ORG = re.compile(r"^[\u4e00-\u9fff（）()]{2,30}(?:局|厅|委|委员会|政府|办公室|办公厅|部|院|署|中心|会|所|办)$")
_JUNK_TITLE = re.compile(r"microsoft|word|wps|\.docx?$|\.pdf$|\.wps$|untitled|无标题|^文档\d*$|^document\d*$|^新建|^\W*$", re.I)
_ENDS_SENTENCE = re.compile(r"[。!?！？…;；:：][”’」』)）]?$")


class PdfError(AnnotatorError):
    """A PDF we cannot or will not read; the message says why and what to do."""


@dataclass
class PdfText:
    text: str                     # paragraphs, one per line
    title: str = ""
    source: str = ""
    published: str = ""           # ISO 8601, reduced precision allowed
    guessed: tuple[str, ...] = ()
    # [offset, page] per paragraph: the code-point offset of its first character in `text` and the
    # 1-based page it starts on; a paragraph joined across a page break is listed once.
    pages: list[list[int]] = field(default_factory=list)
    page_count: int = 0
    notes: list[str] = field(default_factory=list)  # what was changed or dropped, for the user


@dataclass
class _Char:
    ch: str
    x0: float
    y0: float  # bottom
    x1: float
    y1: float  # top


@dataclass
class _Line:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    em: float          # font size, from the characters' widths and heights
    columns: bool      # has a column gap: a table row, never joined


def pdf_to_page(data: bytes, *, max_pages: int = MAX_PAGES, max_seconds: float = MAX_SECONDS) -> PdfText:
    """The text of a PDF report, its metadata and the page of each paragraph; PdfError when refused."""
    _check_bytes(data)
    import pypdfium2 as pdfium  # imported here: the executable starts without it

    with _LOCK:
        try:
            doc = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as exc:
            raise _open_error(str(exc)) from None
        try:
            return _read(doc, pdfium, max_pages, time.monotonic() + max_seconds)
        except pdfium.PdfiumError as exc:
            raise PdfError(f"damaged PDF: {exc}") from None
        finally:
            doc.close()


def _check_bytes(data: bytes) -> None:
    if not data:
        raise PdfError("empty file")
    if b"%PDF-" not in data[:1024]:
        raise PdfError("not a PDF (no %PDF header); check the file type and rename it")
    if b"%%EOF" not in data[-4096:]:
        raise PdfError("truncated PDF (no end-of-file marker): the download or copy was cut short; get the file again")


def _open_error(message: str) -> PdfError:
    if "password" in message.lower():
        return PdfError("encrypted PDF (password protected): open it with the password and save or print "
                        "an unprotected copy, then import that")
    if "security" in message.lower():
        return PdfError("encrypted PDF with an unsupported security handler: save an unprotected copy and import that")
    return PdfError(f"damaged PDF, cannot be opened ({message})")


def _read(doc, pdfium, max_pages: int, deadline: float) -> PdfText:
    count = len(doc)
    if count == 0:
        raise PdfError("damaged PDF: no pages")
    if count > max_pages:
        raise PdfError(f"too many pages ({count:,}; the limit is {max_pages:,}): split the file")
    controls = 0
    pages: list[list[_Line]] = []
    for number in range(count):
        if time.monotonic() >= deadline:
            raise PdfError(f"took too long: stopped at page {number + 1} of {count}; split the file")
        chars, dropped = _page_chars(doc, number, pdfium)
        controls += dropped
        pages.append(_lines(chars))
    if not any(pages):
        raise PdfError("no text layer: the PDF is scanned images; run OCR on it first (e.g. ocrmypdf) "
                       "and import the result")
    blank = [number for number, lines in enumerate(pages, start=1) if not lines]
    body_em = _body_em(pages)
    _drop_furniture(pages)
    paragraphs = _paragraphs(pages, body_em)
    if not paragraphs:
        raise PdfError("no text left after removing page numbers, headers and footers")
    text_parts: list[str] = []
    spans: list[list[int]] = []
    offset = 0
    for page_no, text in paragraphs:
        spans.append([offset, page_no])
        text_parts.append(text)
        offset += len(text) + 1
    result = PdfText(text="\n".join(text_parts), pages=spans, page_count=count)
    if controls:
        result.notes.append(f"{controls} control character{'s' if controls > 1 else ''} dropped")
    if blank:
        result.notes.append(f"no text on page{'s' if len(blank) > 1 else ''} {_ranges(blank)} "
                            "(images only: run OCR to get their text)")
    _metadata(result, doc, pages, body_em)
    return result


def _ranges(numbers: list[int]) -> str:
    """[2, 3, 4, 7] -> '2-4, 7'."""
    parts: list[str] = []
    for n in numbers:
        if parts and parts[-1].split("-")[-1] == str(n - 1):
            parts[-1] = parts[-1].split("-")[0] + f"-{n}"
        else:
            parts.append(str(n))
    return ", ".join(parts)


def _page_chars(doc, number: int, pdfium) -> tuple[list[_Char], int]:
    """The visible, upright characters of one page (whitespace left out: spaces come from the layout)."""
    raw = pdfium.raw
    page = doc[number]
    try:
        textpage = page.get_textpage()
        try:
            n = textpage.count_chars()
            if n > MAX_CHARS_PER_PAGE:
                raise PdfError(f"page {number + 1} holds {n:,} characters (the limit is {MAX_CHARS_PER_PAGE:,}): "
                               "not a report page")
            left, bottom, right, top = page.get_cropbox()
            rect = raw.FS_RECTF()
            chars: list[_Char] = []
            dropped = 0
            high = None  # pdfium gives a character outside the BMP as two UTF-16 halves
            for i in range(n):
                code = raw.FPDFText_GetUnicode(textpage, i)
                if 0xD800 <= code <= 0xDBFF:
                    high = code
                    continue
                if 0xDC00 <= code <= 0xDFFF:
                    if high is None:
                        continue
                    code, high = 0x10000 + ((high - 0xD800) << 10) + (code - 0xDC00), None
                    i -= 1  # the box is the first half's
                high = None
                if code in _NOT_TEXT:
                    continue
                if code < 0x20 or code == 0x7F:
                    dropped += 1
                    continue
                if not raw.FPDFText_GetLooseCharBox(textpage, i, ctypes.byref(rect)):
                    continue
                angle = raw.FPDFText_GetCharAngle(textpage, i) % (2 * math.pi)
                if 0.01 < angle < 2 * math.pi - 0.01:
                    continue  # rotated: watermarks and margin notes, not the report's lines
                x0, x1, y0, y1 = rect.left, rect.right, rect.bottom, rect.top
                if x1 < left or x0 > right or y1 < bottom or y0 > top:
                    continue  # outside the visible page
                chars.append(_Char(chr(code), x0, y0, x1, y1))
            return chars, dropped
        finally:
            textpage.close()
    finally:
        page.close()


def _lines(chars: list[_Char]) -> list[_Line]:
    """Characters grouped into lines top to bottom, each line left to right."""
    if not chars:
        return []
    chars.sort(key=lambda c: -(c.y0 + c.y1))
    groups: list[list[_Char]] = []
    band = None
    for c in chars:
        mid = (c.y0 + c.y1) / 2
        if band is not None and band[0] - 0.5 * band[1] <= mid <= band[0] + 0.5 * band[1]:
            groups[-1].append(c)
            continue
        groups.append([c])
        band = (mid, max(c.y1 - c.y0, 1.0))
    return [_line(sorted(g, key=lambda c: c.x0)) for g in groups]


def _line(chars: list[_Char]) -> _Line:
    heights = [c.y1 - c.y0 for c in chars]
    widths = [c.x1 - c.x0 for c in chars if _CJK.match(c.ch)]
    em = statistics.median(widths) if widths else statistics.median(heights) * 0.85
    em = max(em, 1.0)
    out: list[str] = []
    columns = False
    prev: _Char | None = None
    for c in chars:
        if prev is not None:
            if c.ch == prev.ch and abs(c.x0 - prev.x0) < 0.3 * em:
                continue  # the same glyph drawn twice (fake bold)
            gap = (c.x0 - prev.x1) / em
            columns = columns or gap > 1.5
            if _space(prev.ch, c.ch, gap):
                out.append(" ")
        out.append(c.ch)
        prev = c
    return _Line("".join(out), chars[0].x0, max(c.x1 for c in chars), max(c.y1 for c in chars),
                 min(c.y0 for c in chars), em, columns)


def _space(before: str, after: str, gap: float) -> bool:
    """Whether a gap of `gap` ems between two characters is a space in the text.

    Justified and letter-spaced Chinese lines have gaps of up to two ems between characters of one
    word (粮  食); table columns are wider. A thin space inside a number (1 234.5) is no space;
    a word space between Latin words or numbers is."""
    if _CJK.match(before) and _CJK.match(after):
        return gap > 2.5
    if _CJK.match(before) or _CJK.match(after):
        return gap > 1.0
    if _NUMBER.match(before) and _NUMBER.match(after) and (before.isdigit() or after.isdigit()):
        return gap > 0.4
    return gap > 0.15


def _body_em(pages: list[list[_Line]]) -> float:
    sizes = Counter()
    for line in (line for page in pages for line in page):
        sizes[round(line.em * 2) / 2] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 10.0


def _drop_furniture(pages: list[list[_Line]]) -> None:
    """Page numbers and lines repeated at the top or bottom of most pages go; the rest stays."""
    def key(text: str) -> str:
        return re.sub(r"\d+", "#", text.replace(" ", ""))

    edges = Counter()
    for page in pages:
        for k in {key(line.text) for line in page[:2] + page[-2:]}:
            edges[k] += 1
    need = max(2, math.ceil(0.5 * len(pages))) if len(pages) > 1 else math.inf
    repeated = {k for k, n in edges.items() if n >= need}
    for page in pages:
        keep_from, keep_to = 0, len(page)
        for i in range(min(2, len(page))):  # top lines
            if _PAGE_NUMBER.match(page[i].text) or key(page[i].text) in repeated:
                keep_from = i + 1
            else:
                break
        for i in range(len(page) - 1, max(keep_from, len(page) - 3), -1):  # bottom lines
            if _PAGE_NUMBER.match(page[i].text) or key(page[i].text) in repeated:
                keep_to = i
            else:
                break
        page[:] = page[keep_from:keep_to]


def _margins(lines: list[_Line], fallback: tuple[float, float]) -> tuple[float, float]:
    """The left edge most lines start at and the right edge most long lines end at."""
    long = [line for line in lines if len(line.text) >= 10 and not line.columns]
    if len(long) < 4:
        return fallback
    left = Counter(round(line.x0) for line in lines).most_common(1)[0][0]
    right = Counter(round(line.x1) for line in long).most_common(1)[0][0]
    return min(line.x0 for line in lines if abs(line.x0 - left) < 3), right


def _paragraphs(pages: list[list[_Line]], body_em: float) -> list[tuple[int, str]]:
    """(page number, paragraph) in reading order."""
    every = [line for page in pages for line in page]
    doc_margins = _margins(every, (min((x.x0 for x in every), default=0), max((x.x1 for x in every), default=0)))
    out: list[tuple[int, str]] = []
    last: _Line | None = None
    last_right = 0.0
    for number, page in enumerate(pages, start=1):
        left, right = _margins(page, doc_margins)
        pitches = [a.bottom - b.bottom for a, b in zip(page, page[1:]) if not a.columns]
        pitch = statistics.median(pitches) if pitches else 1.5 * body_em
        prev_bottom = None
        for line in page:
            joins = last is not None and _continues(last, last_right, line, left)
            if joins and prev_bottom is not None and prev_bottom - line.bottom > 1.6 * pitch:
                joins = False  # a blank line between them
            if joins:
                page_no, text = out[-1]
                glue = " " if _LATIN.match(text[-1]) and _LATIN.match(line.text[0]) else ""
                out[-1] = (page_no, text + glue + line.text)
            else:
                out.append((number, line.text))
            last, last_right, prev_bottom = line, right, line.bottom
    return out


def _continues(line: _Line, right: float, following: _Line, left: float) -> bool:
    """Whether `following` goes on with `line`'s paragraph: `line` is full and `following` not indented."""
    em = line.em
    if line.columns or following.columns or abs(following.em - em) > 0.2 * em:
        return False
    return line.x1 >= right - 1.2 * em and following.x0 <= left + 0.8 * em


def _metadata(result: PdfText, doc, pages: list[list[_Line]], body_em: float) -> None:
    """Title, source and date from the first lines (big type, an office's name, a date line), else
    from the document information, else guessed by the page cleaner; junk such as
    "Microsoft Word - 文档1.docx" is never taken."""
    guessed: set[str] = set()
    first = next((page for page in pages if page), [])
    head = first[:8]
    title_lines = []
    biggest = max((line.em for line in head), default=0.0)
    for line in head:
        if line.em >= max(1.15 * body_em, 0.95 * biggest) and not _ENDS_SENTENCE.search(line.text) \
                and len(line.text) <= 60:
            title_lines.append(line.text)
        elif title_lines:
            break
    title = "".join(title_lines)
    source = ""
    published = ""
    for line in head[:8]:
        text = line.text
        if not published and len(text) <= 30 and DATE.search(text) and not _ENDS_SENTENCE.search(text):
            published = find_iso(text)
        elif not source and _ORG.match(text.replace(" ", "")):
            source = text
    info = _info(doc)
    if not title and info.get("Title") and not _JUNK_TITLE.search(info["Title"]):
        title = info["Title"]
    if not source and info.get("Author") and _ORG.match(info["Author"]):
        source = info["Author"]
    if not title or not published:
        page = clean_page(result.text, raw=True)
        if not title and page.title:
            title = page.title
            guessed.add("title")  # a first line or sentence: no big type, no metadata said so
        if not published and page.published and "published" not in page.guessed:
            published = page.published
    if not published:
        created = re.match(r"D:((?:19|20)\d\d)(\d\d)?(\d\d)?", info.get("CreationDate", ""))
        if created:
            published = "-".join(part for part in created.groups() if part)
            guessed.add("published")
    result.title, result.source, result.published = title, source, published
    result.guessed = tuple(sorted(guessed))


def _info(doc) -> dict[str, str]:
    try:
        found = doc.get_metadata_dict(skip_empty=True)
    except Exception:  # noqa: BLE001 - a broken information dictionary is no reason to refuse the text
        return {}
    return {k: v.strip().replace("\x00", "") for k, v in found.items() if isinstance(v, str) and v.strip()}
