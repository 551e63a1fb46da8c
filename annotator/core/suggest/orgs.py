"""ORG suggestions: bodies named after a place (云阳县委宣传部, 资阳市人民政府, 中共绥阳县委) and media
outlets (今日重庆网, 华龙网).  A place at the head stays inside the ORG, so these outrank REGION."""
from __future__ import annotations

import re
from functools import lru_cache

from annotator.core import segment
from annotator.core.suggest import Suggestion
from annotator.core.suggest.regions import gazetteer

# what follows a place name to make a body; longest first when matched
_BODY = sorted("""委宣传部 委组织部 委办公室 委 人民政府办公室 人民政府 政府 人大常委会 政协 融媒体中心 扶贫开发办公室 扶贫办
    乡村振兴局 农业农村局 人力资源和社会保障局 教育局 卫生健康委员会 卫健委 民政局 财政局 发展和改革委员会 发改委
    公安局 法院 检察院 电视台 日报社 日报 广播电视台""".split(), key=len, reverse=True)
_MEDIA = re.compile(r"^[\u4e00-\u9fff]{2,5}网$")
# an outlet at a line start or after punctuation, before 讯 (今日重庆网讯) or a dateline's date
_MEDIA_IN_TEXT = re.compile(r"(?m)(?:^|(?<=[\s,。;:(“:]))([\u4e00-\u9fff]{2,5}网)(?=讯|\s|\d)")
_NOT_MEDIA = {"互联网", "电网", "物联网", "大电网", "农村电网", "宽带网", "服务网", "关系网"}


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern:
    places = "|".join(map(re.escape, sorted(gazetteer(), key=len, reverse=True)))
    return re.compile(rf"(?:中共)?(?:{places})(?:县|市|区|省|州)?(?:{'|'.join(map(re.escape, _BODY))})")


def suggest(text: str) -> list[Suggestion]:
    found = [Suggestion(m.start(), m.end(), "ORG", "orgs", 0.97) for m in _pattern().finditer(text)]
    found += [Suggestion(m.start(1), m.end(1), "ORG", "orgs", 0.9) for m in _MEDIA_IN_TEXT.finditer(text)
              if m.group(1) not in _NOT_MEDIA]
    found += [Suggestion(start, end, "ORG", "orgs", 0.9) for word, start, end in segment.text_words(text)
              if _MEDIA.match(word) and word not in _NOT_MEDIA]
    return found
