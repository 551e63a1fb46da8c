"""PROGRAM suggestions: names in quotes (quotes excluded) that read as programmes, campaigns or models."""
from __future__ import annotations

import re

from annotator.core.suggest import Suggestion

_QUOTED = re.compile(r"“([^”\n]{2,16})”")
_SUFFIX = re.compile(r"(?:计划|行动|工程|模式|战|活动|机制|制度|工作法|项目|品牌|战役|攻坚|专项行动|之星)$")
_NOT_A_NAME = re.compile(r"[,。;:!?、]")


def suggest(text: str) -> list[Suggestion]:
    found = []
    for m in _QUOTED.finditer(text):
        name = m.group(1)
        if _NOT_A_NAME.search(name):
            continue  # a quoted sentence, not a name
        confidence = 0.85 if _SUFFIX.search(name) else 0.6
        found.append(Suggestion(m.start(1), m.end(1), "PROGRAM", "programs", confidence))
    return found
