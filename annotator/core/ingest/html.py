"""HTML pages to lines of visible text and the page's own metadata (standard library only).

Block elements become line breaks; script, style, head, nav, footer and aside
contribute nothing.  Entities are unescaped as they are (&nbsp; stays U+00A0).
The line cleaner (clean.py) then runs on the result as on any scraped text.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser

from annotator.core.ingest.dates import find_iso

_BLOCK = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "section",
          "article", "header", "blockquote", "pre", "figure", "figcaption", "dd", "dt", "dl", "hr", "td", "th",
          "main", "address", "center"}
_SKIP = {"script", "style", "noscript", "template", "svg", "head", "nav", "footer", "aside", "iframe",
         "select", "button", "form", "object"}
_VOID = {"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source", "track", "wbr"}
_META_KEYS = {
    "title": ("og:title", "title", "articletitle", "headline"),
    "source": ("og:site_name", "source", "contentsource", "sitename", "site", "publisher", "author"),
    "published": ("article:published_time", "publishdate", "pubdate", "publish_date", "date", "dc.date",
                  "og:release_date", "datepublished"),
}


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_depth = 0
        self.stack: list[str] = []
        self.meta: dict[str, str] = {}
        self.in_title = False
        self.title = ""
        self.h1 = ""
        self.in_h1 = False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            name = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            if a.get("charset"):
                self.meta["charset"] = a["charset"]
            elif a.get("http-equiv", "").lower() == "content-type" and "charset=" in a.get("content", ""):
                self.meta["charset"] = a["content"].split("charset=")[-1].strip()
            for field, keys in _META_KEYS.items():
                if name in keys and a.get("content", "").strip():
                    self.meta.setdefault(f"{field}:{name}", a["content"].strip())
            return
        if tag == "title":
            self.in_title = True
        if tag in _SKIP and tag not in _VOID:
            self.skip_depth += 1
            self.stack.append(tag)
            return
        if tag == "h1":
            self.in_h1 = True
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag in _SKIP and tag in self.stack:
            while self.stack:  # close up to the matching tag, tolerating bad nesting
                if self.stack.pop() == tag:
                    break
            self.skip_depth = len(self.stack)
            return
        if tag == "h1":
            self.in_h1 = False
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title += data
            return
        if self.skip_depth:
            return
        if self.in_h1:
            self.h1 += data
        self.parts.append(re.sub(r"[\t\n\r\f ]+", " ", data))  # HTML whitespace, not NBSP


def html_to_text(markup: str) -> tuple[str, dict[str, str]]:
    """(visible text with one line per block, page metadata: title/source/published/charset)."""
    parser = _Extractor()
    parser.feed(markup)
    parser.close()
    lines = [line.strip(" ") for line in "".join(parser.parts).split("\n")]
    text = "\n".join(lines)
    meta: dict[str, str] = {}
    for field, keys in _META_KEYS.items():
        for key in keys:
            value = parser.meta.get(f"{field}:{key}")
            if value:
                meta[field] = value
                break
    if "title" not in meta:
        title = parser.h1.strip() or re.split(r"\s+[-_|]\s+|_", parser.title.strip())[0].strip()
        if title:
            meta["title"] = title
    if "published" in meta:
        meta["published"] = find_iso(meta["published"])
        if not meta["published"]:
            del meta["published"]
    if "charset" in parser.meta:
        meta["charset"] = parser.meta["charset"]
    return text, meta
