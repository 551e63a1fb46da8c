"""Scraped pages to article text, with title, source and publication date.

Cleaning keeps or drops whole lines; inside a kept line it only trims the
indentation and a leading bullet, so every kept line is a substring of the page.
Kept: the headline (first), the dateline, the article, captions and bylines.
Dropped: navigation before the headline, repeated headlines, related-article
lists and footers (copyright, ICP, addresses, phones, mastheads, share widgets).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from annotator.core.ingest.dates import DATE, find_iso

_EDGE = " \t\u3000\u00a0"
_BULLET = re.compile(r"^[•●·▪◆■►▶]\s*")
_TIMESTAMP_ONLY = re.compile(r"^(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$")
_SENTENCE_END = re.compile(r"[。!?!?…;;”」』)】]$")
_NAV = re.compile(r"当前位置|您的位置|首页\s*[>›»]|\s[>›»]\s|^(返回|顶部|全\s*部|首页|打印|关闭(窗口)?|字号|收藏)$")
# A footer starts at the first of these, at the start of a short line after the article.
_FOOTER_START = re.compile(
    r"^(相关推荐|相关文章|相關文章|相关阅读|相关新闻|延伸阅读|推荐阅读|图文推荐|热点排行|热门推荐|精彩文章|精彩推荐|"
    r"往期(回顾|推荐)?|推荐|猜你喜欢|分享到|声明[::]|免责声明|版权声明|Copyright|©|主办[::]|承办[::])", re.I)
# Short lines that are boilerplate wherever they are.
_BOILERPLATE = re.compile(
    r"Copyright|©|版权所有|未经.{0,8}授权|ICP|公网安备|许可证|网站标识码|^地址[::]|^邮编[::]|邮政编码|电话[::]|"
    r"举报|^主办[::]|^承办[::]|^协办[::]|^总编|^副总编|^分享到|^相[关關]文章|^返回顶部|^打印本页|^关闭窗口|浏览次数", re.I)
_CREDIT = re.compile(r"^(责任编辑|编辑|记者|全媒体记者|融媒体记者|作者|通讯员|摄影|校对|责任校对|责任校审|审核|来源)[::]"
                     r"|^[((](记者|通讯员|作者)\s*\S+[))]$|[((]记者\s*\S+[))]$")
_SOURCE_PATTERNS = (
    re.compile(r"来源[::]\s*([^\s|,,;;]+?)(?=\s|$|浏览|作者|编辑|责任|点击|时间|发布)"),
    None,  # the name before the date on the dateline
    re.compile(r"录入[::]\s*([^\s|,,;;]+)"),
    re.compile(r"^主办[::]\s*([^\s|,,;;]+)"),
    re.compile(r"^承办[::]\s*([^\s|,,;;]+)"),
    re.compile(r"^([^\s((]{2,12}?)讯\s*[((]"),
)
MAX_HEADER_LINES = 12  # the dateline and headline sit near the top of a page
TITLE_MAX = 80


@dataclass
class Page:
    text: str
    title: str = ""
    source: str = ""
    published: str = ""  # ISO 8601, reduced precision allowed ("2020", "2020-06-13")
    guessed: tuple[str, ...] = ()  # fields inferred rather than read


def _strip(line: str) -> str:
    return _BULLET.sub("", line.strip(_EDGE)).strip(_EDGE)


def _is_body(line: str) -> bool:
    return not _NAV.search(line) and (len(line) >= 40 or (len(line) >= 8 and bool(_SENTENCE_END.search(line))))


def clean_page(text: str, *, raw: bool = False) -> Page:
    lines = [_strip(line) for line in text.split("\n")]
    filled = [i for i, line in enumerate(lines) if line]
    if not filled:
        return Page(text="\n".join(_trim_blank(text.split("\n"))) if raw else "")
    first_body = next((i for i in filled if _is_body(lines[i]) and not DATE.search(lines[i][:40])), filled[-1])
    header = [i for i in filled if i < first_body][:MAX_HEADER_LINES]
    dateline = next((i for i in header + [first_body]
                     if DATE.search(lines[i]) and len(lines[i]) <= 100 and not _is_sentence(lines[i])), None)
    title, title_at, guessed = _title(lines, filled, header, dateline, first_body)
    footer = _footer_start(lines, filled, max(first_body, dateline or 0))
    published, source = _published_and_source(lines, dateline, filled, footer, guessed)
    if raw:
        body = _trim_blank(text.split("\n"))
    else:
        body = _clean_lines(lines, title, title_at, dateline, footer, first_body)
    return Page(text="\n".join(body), title=title, source=source, published=published,
                guessed=tuple(sorted(guessed)))


def _is_sentence(line: str) -> bool:
    return bool(_SENTENCE_END.search(line)) and len(line) > 40


def _title(lines, filled, header, dateline, first_body):
    """(title, line index of the headline or None, guessed fields)."""
    counts = Counter(lines[i] for i in filled if 6 <= len(lines[i]) <= TITLE_MAX)
    repeated = [line for line, n in counts.most_common(1) if n >= 3 and not _FOOTER_START.search(line)]
    if repeated:
        at = next(i for i in filled if lines[i] == repeated[0])
        return repeated[0], at, set()
    if dateline is not None:
        before = [i for i in header if i < dateline]
        if before and _title_like(lines[before[-1]]):
            return lines[before[-1]], before[-1], set()
    for i in header:
        if i != dateline and _title_like(lines[i]) and len(lines[i]) <= 60 and not _SENTENCE_END.search(lines[i]):
            return lines[i], i, set()
    lead = next((lines[i] for i in filled if i >= first_body and i != dateline and _is_body(lines[i])), "")
    sentence = re.split(r"(?<=[。!?!?;;])", lead, maxsplit=1)[0].rstrip("。!?!?;;")
    if len(sentence) > 40:  # cut at the last clause break that keeps it short
        breaks = [m.start() for m in re.finditer(r"[,,、]", sentence[:41]) if m.start() >= 8]
        sentence = sentence[:breaks[-1]] if breaks else sentence[:40]
    return sentence, None, {"title"}


def _title_like(line: str) -> bool:
    return 4 <= len(line) <= TITLE_MAX and not _NAV.search(line) and not _BOILERPLATE.search(line) \
        and not DATE.search(line)


def _footer_start(lines, filled, after):
    for i in filled:
        if i > after and len(lines[i]) <= 100 and _FOOTER_START.search(lines[i]):
            return i
    return None


def _published_and_source(lines, dateline, filled, footer, guessed):
    published = ""
    if dateline is not None:
        published = find_iso(lines[dateline])
    else:
        body = "\n".join(lines[i] for i in filled if footer is None or i < footer)
        years = [int(y) for y in re.findall(r"(?<!\d)((?:19|20)\d{2})年", body) if 1990 <= int(y) <= 2100]
        if years:
            published = str(max(years))
            guessed.add("published")
    candidates = [dateline] if dateline is not None else []
    candidates += [i for i in filled if i not in candidates]
    for pattern in _SOURCE_PATTERNS:
        if pattern is None:
            if dateline is not None:
                before = lines[dateline][:DATE.search(lines[dateline]).start()].strip(_EDGE)
                if before and not re.search(r"[::]", before) and len(before) <= 20:
                    return published, before
            continue
        for i in candidates:
            if len(lines[i]) <= 120:
                m = pattern.search(lines[i])
                if m:
                    return published, m.group(1)
    return published, ""


def _clean_lines(lines, title, title_at, dateline, footer, first_body):
    start = title_at if title_at is not None else (dateline if dateline is not None and dateline < first_body
                                                   else first_body)
    kept = []
    for i, line in enumerate(lines):
        if i < start:
            if line and (_is_body(line) and not _NAV.search(line)):
                kept.append(line)  # never drop article text above a misread headline
            continue
        if not line:
            kept.append("")
            continue
        if i != title_at and title and line in (title, title * 2):
            continue  # repeated headline
        if footer is not None and i >= footer:
            if _CREDIT.search(line) and not _BOILERPLATE.search(line):
                kept.append(line)
            continue
        if i != dateline and (_TIMESTAMP_ONLY.match(line) or (
                len(line) <= 100 and _BOILERPLATE.search(line) and not _SENTENCE_END.search(line))):
            continue  # isolated boilerplate; a sentence that mentions 地址 or 版权 is article text
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
