"""Word .docx files to lines of text and what the file says about itself.

A .docx is a zip of XML parts; the text is in the main document part, which is
read as a stream of XML events (lxml), so paragraphs and tables come out in the
order of the body: one line per paragraph or heading, one line per table row
with its cells separated by a space (as HTML rows are), text boxes where they
are anchored, deleted revisions and field codes left out, inserted ones kept.
Headers, footers, footnotes and comments are page furniture and stay out.

Sizes are checked in the zip's directory before anything is inflated, so a zip
bomb is refused, not unpacked. Word 97-2003 .doc files and password-protected
.docx files (both OLE containers) are refused with the way out.
"""
from __future__ import annotations

import io
import posixpath
import re
import zipfile
from dataclasses import dataclass

from lxml import etree

from annotator.core.ingest.clean import clean_page
from annotator.core.model import AnnotatorError

MAX_PART_BYTES = 64 * 1024 * 1024  # uncompressed document.xml; a 2,000-page report is about 10 MB
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_SAVE_AS = "open it in Word or LibreOffice and save it as .docx"
_OFFICE_DOCUMENT = re.compile(r"/officeDocument$")
# C0 controls other than tab, LF and CR never belong in a report (XML 1.0 forbids them; some tools write them).
_C0 = bytes(c for c in range(32) if c not in (9, 10, 13))
_HEADING_STYLES = {"Title", "Heading1", "1"}  # style ids of Word's Title and Heading 1 (a Chinese Word's 标题 1 is "1")
_SKIP = {"delText", "instrText", "Fallback", "footnoteReference", "endnoteReference", "commentReference"}


class WordError(AnnotatorError):
    """The file is not a .docx we can read; the message says why and what to do."""


@dataclass
class WordText:
    text: str              # one line per paragraph or table row, no empty lines
    title: str = ""        # from the core properties, when the text bears them out
    published: str = ""    # the core properties' creation date (ISO), a guess at best
    heading: str = ""      # the first paragraph styled as a title or first-level heading
    dropped_controls: int = 0  # C0 control characters removed from the document part


def read_doc(data: bytes) -> WordText:
    """Word 97-2003 (.doc) is a binary format this tool does not read."""
    raise WordError(f"Word 97-2003 .doc files cannot be imported: {_SAVE_AS}")


def read_docx(data: bytes) -> WordText:
    """The text and properties of a .docx file, or WordError."""
    if data.startswith(_OLE_MAGIC):
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise WordError("password-protected Word file: open it in Word, remove the password "
                            "(File > Info > Protect Document) and save it as .docx")
        raise WordError(f"a Word 97-2003 document named .docx: {_SAVE_AS}")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError):
        raise WordError("not a Word .docx file (it is not a zip archive)") from None
    except Exception:  # a damaged directory can raise anything from struct unpacking
        raise WordError("not a Word .docx file (its zip directory is damaged)") from None
    with archive:
        main = _main_part(archive)
        raw = _read_part(archive, main)
        cleaned = raw.translate(None, _C0)
        lines, heading = _lines(cleaned, main)
        title, created = _core_properties(archive)
    text = "\n".join(lines)
    head = "\n".join(lines[:10])
    return WordText(text=text, title=title if title and title in head else "",
                    published=created, heading=heading, dropped_controls=len(raw) - len(cleaned))


def _main_part(archive: zipfile.ZipFile) -> str:
    """The main document part named by the package relationships (word/document.xml in practice)."""
    names = set(archive.namelist())
    if "_rels/.rels" in names:
        try:
            rels = etree.fromstring(_read_part(archive, "_rels/.rels", limit=1024 * 1024), _xml_parser())
            for rel in rels:
                if _OFFICE_DOCUMENT.search(rel.get("Type", "")):
                    target = posixpath.normpath(rel.get("Target", "").lstrip("/"))
                    if target in names:
                        return target
        except (etree.XMLSyntaxError, WordError):
            pass
    if "word/document.xml" in names:
        return "word/document.xml"
    if any(n.startswith("xl/") for n in names) or any(n.startswith("ppt/") for n in names):
        raise WordError("an Excel or PowerPoint file, not a Word document")
    raise WordError("not a Word .docx file (the zip holds no word/document.xml)")


def _read_part(archive: zipfile.ZipFile, name: str, limit: int = MAX_PART_BYTES) -> bytes:
    info = archive.getinfo(name)
    if info.file_size > limit:
        raise WordError(f"{name} inflates to {info.file_size:,} bytes (the limit is {limit:,}): "
                        f"not a report, or a zip bomb")
    if info.flag_bits & 0x1:
        raise WordError("the zip is encrypted: " + _SAVE_AS)
    try:
        with archive.open(info) as part:
            return part.read()  # zipfile stops at the declared size, checked above
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError, OSError, ValueError) as exc:
        raise WordError(f"damaged .docx: {name} cannot be unpacked ({exc})") from None
    except Exception as exc:  # zlib.error and the like
        raise WordError(f"damaged .docx: {name} cannot be unpacked ({type(exc).__name__})") from None


def _xml_parser() -> etree.XMLParser:
    # No DTDs, no entities, no network: a document part is data, not instructions.
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=True)


def _local(tag) -> str:
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def _lines(xml: bytes, name: str) -> tuple[list[str], str]:
    """Body text in document order. Paragraphs nest (a text box sits inside a paragraph's run) and
    so do tables; each open paragraph, cell and row collects what is inside it."""
    out: list[str] = []
    paragraphs: list[list[str]] = []  # open paragraphs' text pieces
    sinks: list[list[str]] = [out]    # where finished lines go: the body or an open cell
    rows: list[list[str]] = []        # open rows' cell texts
    skipping = 0
    headed: list[bool] = []  # per open paragraph: styled as a title or first-level heading
    heading = ""
    try:
        for event, elem in etree.iterparse(io.BytesIO(xml), events=("start", "end"), resolve_entities=False,
                                           no_network=True, load_dtd=False, huge_tree=True, remove_comments=True,
                                           remove_pis=True):
            tag = _local(elem.tag)
            if event == "start":
                if tag in _SKIP:
                    skipping += 1
                elif skipping:
                    continue
                elif tag == "p":
                    paragraphs.append([])
                    headed.append(False)
                elif tag == "tc":
                    sinks.append([])
                elif tag == "tr":
                    rows.append([])
                continue
            if tag in _SKIP:
                skipping -= 1
            elif skipping:
                pass
            elif tag == "t" and paragraphs:
                paragraphs[-1].append(elem.text or "")
            elif tag == "tab" and paragraphs and elem.getparent() is not None and _local(elem.getparent().tag) == "r":
                paragraphs[-1].append("\t")
            elif tag in ("br", "cr") and paragraphs:
                paragraphs[-1].append("\n")
            elif tag == "noBreakHyphen" and paragraphs:
                paragraphs[-1].append("\u2011")
            elif tag == "pStyle" and headed:
                style = next((v for k, v in elem.attrib.items() if _local(k) == "val"), "")
                headed[-1] = style in _HEADING_STYLES
            elif tag == "p" and paragraphs:
                text = "".join(paragraphs.pop())
                if headed.pop() and not heading:
                    heading = " ".join(text.split())
                sinks[-1].extend(line for line in (part.strip(" \t\u3000") for part in text.split("\n")) if line)
            elif tag == "tc" and len(sinks) > 1:
                cell = " ".join(sinks.pop())
                if rows:
                    rows[-1].append(cell)
                elif cell:
                    sinks[-1].append(cell)
            elif tag == "tr" and rows:
                line = " ".join(cell for cell in rows.pop() if cell)
                if line:
                    sinks[-1].append(line)
            if tag in ("p", "tbl", "sdt", "txbxContent") or (tag == "body"):
                elem.clear(keep_tail=False)  # keep memory flat on long documents
    except etree.XMLSyntaxError as exc:
        raise WordError(f"damaged .docx: {name} is not well-formed XML ({exc.msg})") from None
    return out, heading


def _core_properties(archive: zipfile.ZipFile) -> tuple[str, str]:
    """(title, creation date as YYYY-MM-DD) from docProps/core.xml, '' where absent or unreadable."""
    try:
        root = etree.fromstring(_read_part(archive, "docProps/core.xml", limit=1024 * 1024), _xml_parser())
    except (KeyError, WordError, etree.XMLSyntaxError):
        return "", ""
    title = created = ""
    for child in root:
        name = _local(child.tag)
        if name == "title":
            title = " ".join((child.text or "").split())
        elif name == "created":
            match = re.match(r"((?:19|20)\d\d-\d\d-\d\d)", (child.text or "").strip())
            created = match.group(1) if match else ""
    return title, created


_HAN = re.compile(r"[\u4e00-\u9fff]")
_NOT_A_TITLE_END = tuple("。；;：:，,、")


def _first_title_line(text: str) -> str:
    """The first of the opening lines that reads as a title: some Chinese, short, not a sentence or a label."""
    for line in text.split("\n")[:12]:
        line = " ".join(line.split())
        if len(_HAN.findall(line)) >= 4 and len(line) <= 60 and not line.endswith(_NOT_A_TITLE_END):
            return line
    return ""


def document_fields(data: bytes, suffix: str) -> tuple[str, dict[str, str], dict]:
    """(text, title/source/published, document meta) of a .docx or .doc file, or WordError.

    A Word file is the author's own text: every line is kept (the page cleaner's rules only
    name the title, source and date); the properties' title wins when the text bears it out.
    """
    word = read_doc(data) if suffix == ".doc" else read_docx(data)
    if not word.text.strip():
        raise WordError("the document holds no text (only images, or an empty page?)")
    page = clean_page(word.text, raw=True)
    guessed = set(page.guessed)
    fields = {"title": page.title, "source": page.source, "published": page.published}
    if word.title or word.heading:
        fields["title"] = word.title or word.heading
        guessed.discard("title")
    elif _first_title_line(word.text):  # an author's document starts with its title, not a page's navigation
        fields["title"] = _first_title_line(word.text)
        guessed.add("title")
    if "published" in guessed and word.published:
        fields["published"] = word.published  # when the file was made: still a guess at publication
    meta: dict = {"guessed": sorted(guessed)} if guessed else {}
    if word.dropped_controls:
        meta["import_notes"] = [f"{word.dropped_controls} control characters removed from the Word text"]
    return page.text, fields, meta
