"""Scraped pages to article text, with title, source and publication date.

Cleaning keeps or drops whole lines; inside a kept line it only trims the
indentation and a leading bullet, so every kept line is a substring of a page
line and annotators label exactly what was published (NBSP, full-width forms and
combining marks untouched, no normalisation).
Kept: the headline (first), the dateline, the article, captions and bylines.
Dropped: navigation before the headline, repeated headlines, related-article
lists and footers (copyright, ICP, addresses, phones, mastheads, share widgets).
A boilerplate word inside a long sentence never drops that sentence.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from annotator.core.ingest.dates import DATE, find_iso

_EDGE = " \t\u3000"  # indentation; NBSP may be content, so it stays
_BULLET = re.compile(r"^[•●·▪◆■►▶][ \t\u3000]*")
_ENDS_SENTENCE = re.compile(r"[。!?\uff01\uff1f…;\uff1b][”’」』)\uff09]?$")
_TIMESTAMP_ONLY = re.compile(r"^(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$")
_META_LABEL = re.compile(r"(?:发布|更新|发表)?(?:时间|日期)\s*[:\uff1a]|来源\s*[:\uff1a]")
# Breadcrumbs can run long; single-word widgets are whole lines.
_BREADCRUMB = re.compile(r"当前位置|您的位置|您现在的位置|首页\s*[>›»]|\S\s*[>›»]\s*\S.*\s[>›»]\s")
_NAV_WORD = re.compile(r"^(返回|顶部|返回顶部|全\s*部|首页|打印|关闭(窗口)?|字号|收藏|上一页|下一页)$")
# Headers of related-article blocks: the whole line is the header.
_RELATED = re.compile(r"^(相关推荐|相关文章|相關文章|相关阅读|相关新闻|相关链接|延伸阅读|推荐阅读|图文推荐|热点排行|"
                      r"热门推荐|热门文章|精彩文章|精彩推荐|往期(回顾|推荐|精选)?|推荐|猜你喜欢)\s*[:\uff1a]?$")
# Lines that open a page footer (also boilerplate wherever they stand).
_FOOTER_OPEN = re.compile(r"^(分享到|声明[:\uff1a]|免责声明|版权声明|Copyright|©|版权所有|主办(单位)?[:\uff1a]|承办(单位)?[:\uff1a]|"
                          r"上一篇[:\uff1a]|下一篇[:\uff1a])", re.I)
# Boilerplate so specific that a short line holding it is never article text.
_BOILERPLATE = re.compile(r"ICP[备证]|公网安备|网站标识码|All Rights Reserved|未经.{0,12}授权.{0,12}不得|^地址\s*[:\uff1a]|"
                          r"^邮\s*编\s*[:\uff1a]|^邮政编码|^(副?总编(辑)?|社长|总监制|协办(单位)?)\s*[:\uff1a]|^扫一扫|浏览次数|"
                          r"^【?(打印本页|关闭窗口|返回顶部)", re.I)
# Boilerplate words that may also occur in an article sentence: dropped only on a short non-sentence line.
_WEAK_BOILERPLATE = re.compile(r"电话\s*[:\uff1a]|版权所有|许可证(编?号)?\s*[:\uff1a]|Copyright|©", re.I)
_CREDIT = re.compile(r"^(责任编辑|编辑|主编|记者|本报记者|全媒体记者|融媒体记者|作者|通讯员|摄影|摄像|校对|责任校对|"
                     r"责任校审|审核|审校|监制|来源)\s*[:\uff1a]|^[(\uff08](本报)?(记者|通讯员|作者)\s*[^()\uff08\uff09]+[)\uff09]$|"
                     r"[(\uff08]记者\s*[^()\uff08\uff09]+[)\uff09]$")
_SOURCE_PATTERNS = (
    re.compile(r"来源\s*[:\uff1a]\s*([^\s|\uff5c,\uff0c;\uff1b]+?)(?=\s|$|[|\uff5c丨]|浏览|作者|编辑|责任|点击|时间|发布|日期)"),
    None,  # the name before the date on the dateline
    re.compile(r"录入\s*[:\uff1a]\s*([^\s|\uff5c,\uff0c;\uff1b]+)"),
    re.compile(r"^主办(?:单位)?\s*[:\uff1a]\s*([^\s|\uff5c,\uff0c;\uff1b]+)"),
    re.compile(r"^承办(?:单位)?\s*[:\uff1a]\s*([^\s|\uff5c,\uff0c;\uff1b]+)"),
    re.compile(r"^([^\s(\uff08【]{2,12}?)讯\s*[(\uff08]"),
)
HEADER_LINES = 15  # the headline and dateline sit just above the first paragraph
TITLE_MAX = 80
SHORT_TITLE = 60
GUESSED_TITLE_MAX = 40


@dataclass
class Page:
    text: str            # the article text to store
    title: str = ""
    source: str = ""     # publishing outlet or body
    published: str = ""  # ISO 8601, reduced precision allowed ("2020", "2020-06-13", "2020-09-11T10:53")
    guessed: tuple[str, ...] = ()  # fields inferred rather than read from a labelled place


def clean_page(text: str, *, raw: bool = False) -> Page:
    """The article of a scraped page and its metadata (metadata also when `raw`, which keeps the text)."""
    lines = [_strip(line) for line in text.split("\n")]
    bulleted = {i for i, line in enumerate(text.split("\n")) if _BULLET.match(line.strip(_EDGE))}  # list items
    filled = [i for i, line in enumerate(lines) if line]
    if not filled:
        return Page(text="\n".join(_trim_blank(text.split("\n"))) if raw else "")
    first_para = next((i for i in filled if _is_paragraph(lines[i])), filled[-1] + 1)
    header = [i for i in filled if i < first_para][-HEADER_LINES:]
    dateline = next((i for i in header if _is_dateline(lines[i]) and DATE.search(lines[i])), None)
    if dateline is None:
        dateline = next((i for i in header if _is_dateline(lines[i])), None)
    title, title_at, guessed = _title(lines, filled, header, dateline, first_para)
    start = min(i for i in (title_at, dateline, first_para) if i is not None)
    footer = _footer_start(lines, filled, first_para if first_para <= filled[-1] else start, bulleted)
    published = find_iso(lines[dateline]) if dateline is not None else ""
    if not published:  # the latest year the article itself mentions
        end = footer if footer is not None else len(lines)
        years = [int(y) for y in re.findall(r"(?<!\d)(\d{4})年", "\n".join(lines[start:end])) if 1990 <= int(y) <= 2100]
        if years:
            published = str(max(years))
            guessed.add("published")
    source = _source(lines, filled, dateline)
    if raw:
        body = _trim_blank(text.split("\n"))
    else:
        body = _clean_lines(lines, title, title_at, dateline, start, footer, bulleted)
    return Page(text="\n".join(body), title=title, source=source, published=published,
                guessed=tuple(sorted(guessed)))


def _strip(line: str) -> str:
    if line.isspace():
        return ""  # a line of NBSPs is blank, not content
    return _BULLET.sub("", line.strip(_EDGE)).strip(_EDGE)


def _is_nav(line: str) -> bool:
    return bool(_NAV_WORD.match(line)) or (len(line) <= 120 and bool(_BREADCRUMB.search(line)))


def _is_paragraph(line: str) -> bool:
    """A line that can only be article text: long, or a long-ish sentence (a headline rarely is either)."""
    if _is_nav(line) or _is_dateline(line) or _is_boilerplate(line) or _FOOTER_OPEN.search(line):
        return False
    return len(line) >= 80 or (len(line) >= 30 and bool(_ENDS_SENTENCE.search(line)))


def _is_body(line: str) -> bool:
    return not _is_nav(line) and (len(line) >= 40 or (len(line) >= 8 and bool(_ENDS_SENTENCE.search(line))))


def _is_dateline(line: str) -> bool:
    if len(line) > 100 or _ENDS_SENTENCE.search(line):
        return False
    return bool(DATE.search(line)) or (len(line) <= 60 and bool(_META_LABEL.search(line)))


def _is_boilerplate(line: str) -> bool:
    if len(line) > 150:
        return False
    if _BOILERPLATE.search(line) or _TIMESTAMP_ONLY.match(line) or _RELATED.match(line):
        return True
    return len(line) <= 100 and not _ENDS_SENTENCE.search(line) and bool(_WEAK_BOILERPLATE.search(line))


def _title_like(line: str, limit: int = TITLE_MAX) -> bool:
    return (4 <= len(line) <= limit and not _is_nav(line) and not _is_boilerplate(line) and not DATE.search(line)
            and not _CREDIT.search(line) and not _FOOTER_OPEN.search(line)
            and not (line[0] in "(\uff08【[" and line[-1] in ")\uff09】]")
            and line[-1] not in ":\uff1a")  # a salutation or a label ("各位代表：", "附件："), never a headline


def _in_between(line: str) -> bool:
    return bool(_CREDIT.search(line) or _is_nav(line) or _is_boilerplate(line) or _FOOTER_OPEN.search(line))


def _is_repeat(line: str, title: str) -> bool:
    """The headline again, possibly several times on one line (some pages print it twice)."""
    return bool(title) and title in line and not line.replace(title, "").strip(_EDGE + "\u00a0")


def _title(lines, filled, header, dateline, first_para):
    """(title, line index of the headline or None, guessed fields)."""
    counts = Counter(lines[i] for i in filled if _title_like(lines[i]) and not _ENDS_SENTENCE.search(lines[i]))
    for line, n in counts.most_common(3):
        at = next(i for i in filled if lines[i] == line)
        if n >= 3 and at < first_para:
            return line, at, set()
    if dateline is not None:
        before = [i for i in header if i < dateline]
        if before and _title_like(lines[before[-1]]):
            return lines[before[-1]], before[-1], set()
    for i in header:
        line = lines[i]
        if i == dateline or not _title_like(line, SHORT_TITLE) or _ENDS_SENTENCE.search(line):
            continue
        # followed by body text; bylines, the dateline and widgets in between do not count
        following = next((j for j in filled if j > i and j != dateline and not _in_between(lines[j])), None)
        if following is not None and _is_body(lines[following]):
            return line, i, set()
    # no headline: the first sentence of the article, cut short, nothing added
    after = dateline if dateline is not None else -1
    lead = next((lines[i] for i in filled if i > after and _is_body(lines[i]) and not _is_boilerplate(lines[i])), "")
    sentence = re.split(r"(?<=[。!?\uff01\uff1f;\uff1b])", lead, maxsplit=1)[0].rstrip("。!?\uff01\uff1f;\uff1b")
    if len(sentence) > GUESSED_TITLE_MAX:  # cut at the last clause break that keeps it short
        cut = sentence[:GUESSED_TITLE_MAX + 1]
        breaks = [m.start() for m in re.finditer(r"[,\uff0c、:\uff1a]", cut) if m.start() >= 8]
        sentence = sentence[:breaks[-1]] if breaks else sentence[:GUESSED_TITLE_MAX]
    return sentence, None, ({"title"} if sentence else set())


def _footer_start(lines, filled, after, bulleted):
    """The first footer marker after the article that no article text follows."""
    later_text = False
    start = None
    for i in reversed(filled):
        if i <= after:
            break
        line = lines[i]
        if len(line) <= 150 and (_FOOTER_OPEN.search(line) or _RELATED.match(line)) and not later_text:
            start = i
        if i not in bulleted and not _CREDIT.search(line) and (
                _is_paragraph(line) or (len(line) >= 8 and line.endswith("。") and not _in_between(line))):
            later_text = True
    return start


def _source(lines, filled, dateline):
    candidates = ([dateline] if dateline is not None else []) + [i for i in filled if i != dateline]
    for pattern in _SOURCE_PATTERNS:
        if pattern is None:
            match = DATE.search(lines[dateline]) if dateline is not None else None
            if match:
                before = lines[dateline][:match.start()].strip(_EDGE + "\u00a0|\uff5c丨/-—")
                if before and not re.search(r"[:\uff1a\d]", before) and len(before) <= 20:  # a name, not a label
                    return before
            continue
        for i in candidates:
            if len(lines[i]) <= 120:
                found = pattern.search(lines[i])
                if found:
                    return found.group(1)
    return ""


def _clean_lines(lines, title, title_at, dateline, start, footer, bulleted):
    if title_at is not None:
        # headline first, then the dateline even when the page printed it above the headline
        order = [title_at] + ([dateline] if dateline is not None and dateline < title_at else [])
        order += range(title_at + 1, len(lines))
    else:
        order = list(range(start, len(lines)))
    kept = [line for i, line in enumerate(lines[:start]) if _is_body(line) and i != dateline]  # never lose text
    related = False  # inside a related-articles block in the middle of a page
    for i in order:
        line = lines[i]
        if not line:
            kept.append("")
            continue
        if i in (title_at, dateline):
            kept.append(line)
            continue
        if _is_repeat(line, title):
            continue
        if footer is not None and i >= footer:
            if _CREDIT.search(line) and not _is_boilerplate(line):
                kept.append(line)
            continue
        if _RELATED.match(line):
            related = True
            continue
        if related and len(line) <= 80 and (i in bulleted or not _ENDS_SENTENCE.search(line)):
            continue  # a linked headline of the block
        related = False
        if _is_nav(line) or _is_boilerplate(line) or _FOOTER_OPEN.search(line) and len(line) <= 150:
            continue
        kept.append(line)
    return _collapse(kept)


def _collapse(lines):
    out = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return _trim_blank(out)


def _trim_blank(lines):
    start = next((i for i, line in enumerate(lines) if line.strip()), len(lines))
    end = next((i for i in range(len(lines), 0, -1) if lines[i - 1].strip()), 0)
    return lines[start:end]
