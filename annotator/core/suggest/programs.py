"""PROGRAM suggestions: names of programmes, campaigns, plans, models and brands.

Quotes in Chinese reports mark programmes (“八七扶贫攻坚计划”) but also slogans, nicknames and
emphasis (“输血”, “清零”), so a quoted name counts only with evidence: a programme ending (计划,
行动, 工程 …), the numbered shorthand of policy (两不愁三保障, 四查两对), a programme word after
it (“三变”改革, “天生云阳”区域公用品牌, “四不摘”要求) or a verb that launches one before it (打好
“易地搬迁战”, 创评“红旗村”).  Unquoted names are read off jieba's words: a run of words ending
in a programme word (整村脱贫计划, 城乡人居环境提升行动, 脱贫摘帽行动方案), and named campaign
days (全国助残日).  Formulas (“2+3+X”) and numerals with 不 (“两不愁”) are shorthand too."""
from __future__ import annotations

import re

from annotator.core import segment
from annotator.core.suggest import Suggestion

_QUOTED = re.compile(r"“([^”\n]{2,16})”")
_SUFFIX = re.compile(r"(?:计划|行动|工程|模式|战|战役|工作法|项目|品牌|攻坚|专项行动|之星|方案|机制|制度)$")
_NOT_A_NAME = re.compile(r"[,。;:!?,;:!?]")
_NUMERALS = re.compile(r"[一二三四五六七八九十两]")
# policy shorthand besides numbered lists: a formula (1+1+N, 3+X) or a numeral with 不 (两不愁, 四个不摘)
_SHORTHAND = re.compile(r"[0-9A-Za-z]+(?:[+＋][0-9A-Za-z\u4e00-\u9fff]{1,4})+"
                        r"|[一二三四五六七八九十两](?:个)?不[\u4e00-\u9fff]{1,2}")
# a named day, week or month of a campaign: 国家扶贫日, 全国助残日, 世界环境日, 安全生产月 (quoted: “扶贫日”)
_DAY = re.compile(r"(?:国家|全国|世界|国际)[\u4e00-\u9fff]{2,6}?(?:日|周|月)"
                  r"(?=[^\u4e00-\u9fff]|$|的|活动|期间|前后|当天|主题)")
_NOT_IN_DAY = re.compile(r"[一二三四五六七八九十两0-9的了和与在是每今明昨本上下个几各当]")
# what follows a programme's name, and what launches one
_AFTER = re.compile(r"(?:“[^”\n]{1,16}”)*(?:等)?(?:改革|品牌|区域公用品牌|农村电商品牌|要求|标准|方案|建设|体系|机制|制度|模式|"
                    r"工程|行动|计划|战略|政策|理念|工作法|水平|平台|方式|政策|创建|试点)")
_BEFORE = re.compile(r"(?:打好|打赢|实施|推行|启动|创评|评选|创建|打造|推广|深化|开展了?)$")
# unquoted: words that end a programme's name, and words that may stand inside one
_END_WORDS = frozenset("计划 行动 工程 行动方案 实施方案 工作方案 三年行动 专项行动 攻坚战 攻坚行动".split())
_PLAN_KINDS = frozenset("行动 工作 实施".split())  # 方案 ends a name only as 行动方案, 工作方案, 实施方案
_INNER_TAGS = frozenset([*"n vn v nz ns j b m l an".split(), None])  # None: a word jieba found (整村)
_STOP = frozenset("""的 了 和 与 及 暨 等 在 对 把 将 为 从 以 打赢 打好 完善 出台 实施 开展 启动 推进 围绕 制定 落实 完成 按照 通过 根据 部署
    全面 深入 大力 持续 继续 积极 坚持 加快 组织 年度 工作 各项 相关 有关 这 该 其""".split())


def suggest(text: str) -> list[Suggestion]:
    found = []
    for m in _QUOTED.finditer(text):
        name = m.group(1)
        numbered = len(_NUMERALS.findall(name)) >= 2 and len(name) >= 4 or bool(_SHORTHAND.fullmatch(name)) \
            or (len(name) <= 6 and name[-1] in "日周月" and not _NOT_IN_DAY.search(name))
        if _NOT_A_NAME.search(name) or ("、" in name and not numbered):
            continue  # a quoted sentence or a list, not a name
        if _SUFFIX.search(name):
            confidence = 0.87
        elif numbered or _AFTER.match(text, m.end()) or _BEFORE.search(text, max(0, m.start() - 3), m.start()):
            confidence = 0.82  # above a short place name inside: “天生云阳”区域公用品牌
        else:
            continue  # a slogan or a nickname (“输血”, “清零”)
        found.append(Suggestion(m.start(1), m.end(1), "PROGRAM", "programs", confidence))
    found += [Suggestion(m.start(), m.end(), "PROGRAM", "programs", 0.75) for m in _DAY.finditer(text)
              if not _NOT_IN_DAY.search(m.group()[2:])]
    return found + _unquoted(text)


def _unquoted(text: str) -> list[Suggestion]:
    words = segment.text_words(text)
    found = []
    for i, (word, start, end) in enumerate(words):
        k = i
        if word == "方案" and i and words[i - 1][0] in _PLAN_KINDS and words[i - 1][2] == start:
            k = i - 1
        elif word not in _END_WORDS:
            continue
        last = k
        while k > 0 and last - k < 6 and words[k - 1][2] == words[k][1]:
            prev = words[k - 1][0]
            if prev in _STOP or segment.tag(prev) not in _INNER_TAGS or not re.match(r"^[\u4e00-\u9fff]+$", prev):
                break
            k -= 1
        if last - k >= 2 and text[words[k][1] - 1:words[k][1]] != "“":  # quoted ones: the rules above  # at least two words before the ending: 整村 脱贫 计划, not 工作 计划
            found.append(Suggestion(words[k][1], end, "PROGRAM", "programs", 0.7))
    return found
