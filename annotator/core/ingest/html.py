"""HTML pages to lines of visible text and the page's own metadata (standard library only).

Block elements become line breaks; script, style, head, nav, footer, aside and
hidden elements contribute nothing.  Entities are unescaped as they are
(&nbsp; stays U+00A0: annotators label the text as published).  The line
cleaner (clean.py) then runs on the result as on any scraped text, and the
caller lets this metadata override what the cleaner guessed.
"""
from __future__ import annotations

import re
from collections import Counter
from html.parser import HTMLParser

from annotator.core.ingest.dates import find_iso

_BLOCK = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "section",
          "article", "header", "blockquote", "pre", "figure", "figcaption", "dd", "dt", "dl", "hr", "main",
          "address", "center", "caption", "tbody", "thead", "tfoot", "form", "fieldset", "details", "summary"}
_CELL = {"td", "th"}  # cells of one row stay on one line ("发布时间:… | 来源:…" tables)
_SKIP = {"script", "style", "noscript", "template", "svg", "math", "head", "title", "nav", "footer", "aside", "iframe",
         "select", "button", "object", "canvas", "audio", "video"}
_VOID = {"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source", "track", "wbr",
         "param", "keygen"}
_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_META_KEYS = {  # by preference
    "title": ("og:title", "title", "articletitle", "headline"),
    "source": ("source", "contentsource", "og:site_name", "sitename", "site", "publisher", "author"),
    "published": ("article:published_time", "publishdate", "pubdate", "publish_date", "publishtime", "date",
                  "dc.date", "dc.date.issued", "og:release_date", "datepublished", "firstpublishedtime"),
}
_SITE_SUFFIX = re.compile(r"\s*(?:\s-\s|_|\||\uff5c|丨|\s–\s|\s—\s).*$", re.S)


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.stack: list[tuple[str, bool]] = []  # open elements: (tag, hides its content)
        self.open = Counter()  # tag -> how many are open, so a stray end tag costs nothing
        self.hiding = 0
        self.meta: dict[str, str] = {}
        self.title: str | None = None  # text of the first <title>, while or after reading it
        self.in_title = False
        self.h1: str | None = None
        self.in_h1 = False
        self.in_pre = 0

    def parse_marked_section(self, i: int, report: int = 1) -> int:
        try:  # the standard library asserts on junk like "<![<"; browsers read it as a comment
            return super().parse_marked_section(i, report)
        except AssertionError:
            return self.parse_bogus_comment(i)

    def handle_starttag(self, tag: str, attrs: list) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            self._meta(a)
            return
        if tag == "body":
            self._close("head")  # pages often never close <head>
        if tag in _VOID:
            if tag in _BLOCK and not self.hiding:
                self.parts.append("\n")
            return
        hides = tag in _SKIP or "hidden" in a or bool(_HIDDEN.search(a.get("style", "")))
        self.stack.append((tag, hides))
        self.open[tag] += 1
        self.hiding += hides
        if tag == "title" and self.title is None and not self.open["svg"]:
            self.title, self.in_title = "", True
        elif tag == "h1" and self.h1 is None and not self.hiding:
            self.h1, self.in_h1 = "", True
        elif tag == "pre":
            self.in_pre += 1
        if tag in _BLOCK:
            self.parts.append("\n")
        elif tag in _CELL:
            self.parts.append(" ")

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:  # </br> is a line break in browsers too
            if tag in _BLOCK and not self.hiding:
                self.parts.append("\n")
            return
        if self._close(tag) and tag in _BLOCK:
            self.parts.append("\n")

    def _close(self, tag: str) -> bool:
        """Close `tag` and whatever was left open inside it; a stray end tag is ignored."""
        if not self.open[tag]:
            return False
        while self.stack:
            name, hides = self.stack.pop()
            self.open[name] -= 1
            self.hiding -= hides
            if name == "title":
                self.in_title = False
            elif name == "h1":
                self.in_h1 = False
            elif name == "pre":
                self.in_pre -= 1
            if name == tag:
                break
        return True

    def _meta(self, a: dict[str, str]) -> None:
        if a.get("charset"):
            self.meta.setdefault("charset", a["charset"].strip())
        elif a.get("http-equiv", "").lower() == "content-type" and "charset=" in a.get("content", "").lower():
            self.meta.setdefault("charset", re.split("charset=", a["content"], flags=re.I)[-1].strip(" ;\"'"))
        name = (a.get("property") or a.get("name") or a.get("itemprop") or "").strip().lower()
        if a.get("content", "").strip():
            self.meta.setdefault(f"name:{name}", a["content"].strip())

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title += data
        if self.hiding:
            return
        if self.in_h1:
            self.h1 += data
        if self.in_pre:
            self.parts.append(data)
        else:
            self.parts.append(re.sub(r"[\t\n\r\f ]+", " ", data))  # HTML whitespace only; NBSP is text


def html_to_text(markup: str) -> tuple[str, dict[str, str]]:
    """(visible text, one line per block, no empty lines; metadata: title, source, published, charset)."""
    parser = _Extractor()
    parser.feed(markup)
    parser.close()
    text = "".join(parser.parts).replace("\r\n", "\n").replace("\r", "\n")
    lines = [line.strip(" \t\f") for line in text.split("\n")]
    text = "\n".join(line for line in lines if line and not line.isspace())
    meta: dict[str, str] = {}
    for field, keys in _META_KEYS.items():
        value = next((parser.meta[f"name:{key}"] for key in keys if f"name:{key}" in parser.meta), "")
        if field == "published":
            value = find_iso(value)
        if value:
            meta[field] = value
    if "title" not in meta:
        h1 = " ".join((parser.h1 or "").split())
        title = " ".join((parser.title or "").split())
        title = h1 or _SITE_SUFFIX.sub("", title) or title
        if title:
            meta["title"] = title
    if parser.meta.get("charset"):
        meta["charset"] = parser.meta["charset"]
    return text, meta
