"""DATE suggestions: 2020-09-11 10:53, 2019年末, 2019年12月, 6月12日, 今年2月, 去年9月, 2016年以来, 上世纪70年代.

Vague times (近年来, 目前) are left out on purpose: the schema does not label them."""
from __future__ import annotations

import re

from annotator.core.suggest import Suggestion

_YEAR = r"(?:19|20)\d{2}年"
_RELATIVE = r"(?:今年|去年|前年|明年|当年|同年)"
_MONTH = r"(?:1[0-2]|0?[1-9]|[一二三四五六七八九十]|十[一二])月"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])[日号]"
_PATTERN = re.compile(
    rf"(?:19|20)\d{{2}}-\d{{1,2}}-\d{{1,2}}(?:\s+\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?"  # 2020-09-11 10:53
    rf"|上世纪\d{{2}}年代|(?:19|20)\d0年代"
    rf"|(?:{_YEAR}|{_RELATIVE})(?:{_MONTH}(?:{_DAY}|[上中下]旬|初|底|末)?|[初末底中]|以来|来|上半年|下半年|前)?"
    rf"|{_MONTH}(?:{_DAY}|[上中下]旬|初|底|末)?"
    rf"|(?<![0-9年月])(?:[12]\d|3[01]|0?[1-9])日(?![本])"
    rf"|(?:年初|年底|年末|春节以来|春节期间)")


def suggest(text: str) -> list[Suggestion]:
    found = []
    for m in _PATTERN.finditer(text):
        start, end = m.span()
        if text[end:end + 1] == "底" and m.group().endswith("月"):
            end += 1
        confidence = 0.95 if re.match(r"(?:19|20)\d{2}", m.group()) else 0.85
        found.append(Suggestion(start, end, "DATE", "dates", confidence))
    return found
