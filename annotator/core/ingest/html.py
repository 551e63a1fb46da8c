"""HTML pages to lines of visible text and the page's own metadata.

libxml2's HTML parser (through lxml) reads the page and reports elements and
text as events, which this module turns into lines: no tree is built, so a page
nested a hundred thousand elements deep loses nothing, and the parse is linear
on any input (the standard library's parser is quadratic on runs of `<a <a`).
Block elements become line breaks; script, style, head, nav, footer, aside and
hidden elements contribute nothing; comments are dropped, an unclosed one to the
end of the page as in browsers.  Entities are unescaped as they are (&nbsp;
stays U+00A0: annotators label the text as published).  The line cleaner
(clean.py) then runs on the result as on any scraped text, and the caller lets
this metadata override what the cleaner guessed.
"""
from __future__ import annotations

import re

from lxml import etree

from annotator.core.ingest.dates import find_iso

_BLOCK = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "section",
          "article", "header", "blockquote", "pre", "figure", "figcaption", "dd", "dt", "dl", "hr", "main",
          "address", "center", "caption", "tbody", "thead", "tfoot", "form", "fieldset", "details", "summary"}
_CELL = {"td", "th"}  # cells of one row stay on one line ("发布时间:… | 来源:…" tables)
_SKIP = {"script", "style", "noscript", "template", "svg", "math", "head", "title", "nav", "footer", "aside", "iframe",
         "select", "button", "object", "canvas", "audio", "video", "textarea"}
_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_HEADING = {"h1", "h2", "h3", "h4", "h5", "h6"}
LINK_SHARE = 0.6  # a line with more of its characters inside links is a list of links, not prose
_LABEL = re.compile(r"(?:来源|作者|编辑|记者|发布|时间|日期)\s*[:\uff1a]")  # "来源:<a>outlet</a>": metadata for clean.py
_UNFIT = re.compile("[\x00\ud800-\udfff]")  # NUL and lone surrogates (not encodable for libxml2)
_SPACES = re.compile(r"[\t\n\r\f ]+")  # HTML whitespace only; NBSP is text
_SOURCE_LABEL = re.compile(r"^\s*来源\s*[:\uff1a]\s*")
_META_KEYS = {  # by preference
    "title": ("og:title", "title", "articletitle", "headline"),
    "source": ("source", "contentsource", "og:site_name", "sitename", "site", "publisher", "author"),
    "published": ("article:published_time", "publishdate", "pubdate", "publish_date", "publishtime", "date",
                  "dc.date", "dc.date.issued", "og:release_date", "datepublished", "firstpublishedtime"),
}
_SITE_SUFFIX = re.compile(r"\s*(?:\s-\s|_|\||\uff5c|丨|\s–\s|\s—\s).*$", re.S)


class _Lines:
    """Parser target: libxml2 calls start/end/data in document order, every element closed once."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.linked: list[bool] = []  # per part: the text of a link (outside headings)
        self.link = 0  # open <a href> elements
        self.heading = 0
        self.hiding = 0  # depth inside an element whose content is not shown
        self.pre = 0
        self.svg = 0
        self.meta: dict[str, str] = {}
        self.title: str | None = None  # text of the first <title> outside an icon, while or after reading it
        self.in_title = False
        self.h1: str | None = None
        self.h1_from: int | None = None  # index in parts where the first visible <h1> began
        self.depth = 0  # open elements

    def start(self, tag, attrib) -> None:
        tag = tag.lower() if isinstance(tag, str) else ""
        if tag == "meta":
            self._meta({k.lower(): v or "" for k, v in attrib.items()})
        self.depth += 1
        if self.hiding or tag in _SKIP or "hidden" in attrib or _HIDDEN.search(attrib.get("style") or ""):
            self.hiding += 1  # counts the open elements inside (and including) the outermost hidden one
        if tag == "svg":
            self.svg += 1
        elif tag == "title" and self.title is None and not self.svg:
            self.title, self.in_title = "", True
        elif tag == "pre":
            self.pre += 1
        if self.hiding:
            return
        if tag == "h1" and self.h1_from is None:
            self.h1_from = len(self.parts)
        if tag == "a" and "href" in attrib:
            self.link += 1
        elif tag in _HEADING:
            self.heading += 1
        if tag in _BLOCK:
            self._add("\n")
        elif tag in _CELL:
            self._add(" ")

    def end(self, tag) -> None:
        tag = tag.lower() if isinstance(tag, str) else ""
        if not self.depth:
            return
        self.depth -= 1
        if tag == "svg":
            self.svg -= 1
        elif tag == "title":
            self.in_title = False
        elif tag == "pre":
            self.pre -= 1
        if self.hiding:
            self.hiding -= 1
            return
        if tag == "h1" and self.h1 is None and self.h1_from is not None:
            self.h1 = "".join(self.parts[self.h1_from:])
        if tag == "a" and self.link:
            self.link -= 1
        elif tag in _HEADING and self.heading:
            self.heading -= 1
        if tag in _BLOCK:
            self._add("\n")

    def data(self, text: str) -> None:
        if self.in_title:
            self.title += text
        if not self.hiding:
            self._add(text if self.pre else _SPACES.sub(" ", text))

    def _add(self, text: str) -> None:
        self.parts.append(text)
        self.linked.append(bool(self.link) and not self.heading)

    def lines(self, link_lists: bool) -> list[str]:
        """The visible lines; without the lines that are mostly link text, unless `link_lists`."""
        lines, line, in_links = [], [], 0
        for part, linked in zip(self.parts, self.linked):
            pieces = part.replace("\r\n", "\n").replace("\r", "\n").split("\n")
            for i, piece in enumerate(pieces):
                if i:
                    lines.append(("".join(line), in_links))
                    line, in_links = [], 0
                line.append(piece)
                in_links += linked * len(piece.strip())
        lines.append(("".join(line), in_links))
        kept = []
        for text, in_links in lines:
            text = text.strip(" \t\f")
            if not text or text.isspace():
                continue
            if not link_lists and in_links > LINK_SHARE * len(text.replace(" ", "")) and not _LABEL.search(text):
                continue
            kept.append(text)
        return kept

    def close(self) -> None:
        return None

    def _meta(self, a: dict[str, str]) -> None:
        if a.get("charset"):
            self.meta.setdefault("charset", a["charset"].strip())
        elif a.get("http-equiv", "").lower() == "content-type" and "charset=" in a.get("content", "").lower():
            self.meta.setdefault("charset", re.split("charset=", a["content"], flags=re.I)[-1].strip(" ;\"'"))
        name = (a.get("property") or a.get("name") or a.get("itemprop") or "").strip().lower()
        if a.get("content", "").strip():
            self.meta.setdefault(f"name:{name}", a["content"].strip())


def html_to_text(markup: str, *, link_lists: bool = True) -> tuple[str, dict[str, str]]:
    """(visible text, one line per block, no empty lines; metadata: title, source, published, charset).

    Without `link_lists`, lines whose text is mostly inside links are left out: the related-article
    lists, rankings and site maps that follow an article (a headline that links to itself stays).
    """
    lines_of = _Lines()
    if markup.strip():
        # huge_tree: a 20 MB page may hold a text or attribute longer than libxml2's default 10 MB limit
        parser = etree.HTMLParser(target=lines_of, huge_tree=True, no_network=True)
        parser.feed(_UNFIT.sub("\ufffd", markup))  # as browsers do; libxml2 stops at a NUL
        parser.close()
    lines = lines_of.lines(link_lists)
    text = "\n".join(lines)
    meta: dict[str, str] = {}
    for field, keys in _META_KEYS.items():
        values = (lines_of.meta[f"name:{key}"] for key in keys if f"name:{key}" in lines_of.meta)
        if field == "source":  # "来源：人民网" is the page's label, an e-mail address is a template's author
            values = (_SOURCE_LABEL.sub("", v) for v in values if "@" not in v)
        value = next((v for v in values if v), "")
        if field == "published":
            value = find_iso(value)
        if value:
            meta[field] = value
    if "title" not in meta:
        h1 = " ".join((lines_of.h1 or "").split())
        title = " ".join((lines_of.title or "").split())
        # "<headline>-<column or site>": the headline shown on the page, where the separator is too common to cut at
        shown = max((line for line in lines if len(line) >= 4 and title.startswith(line)), key=len, default="")
        title = h1 or shown or _SITE_SUFFIX.sub("", title) or title
        if title:
            meta["title"] = title
    if lines_of.meta.get("charset"):
        meta["charset"] = lines_of.meta["charset"]
    return text, meta
