"""ORG suggestions: bodies named after a place (云阳县委宣传部, 资阳市人民政府, 中共绥阳县委), its teams
and delegations (古巴队, 韩国代表团), bodies jieba's dictionary knows (安理会, 中央党校), ministries
(人事部), firms named by a word jieba does not know (劳拉公司) and media outlets (今日重庆网, 华龙网).
A place at the head stays inside the ORG, so these outrank REGION."""
from __future__ import annotations

import re
from functools import lru_cache

from annotator.core import segment
from annotator.core.suggest import Lexicon, Suggestion
from annotator.core.suggest.persons import name_like
from annotator.core.suggest.regions import gazetteer, place_starts, world

# what follows a place name to make a body; longest first when matched
_BODY = sorted("""委宣传部 委组织部 委办公室 纪委 委 人民政府办公室 人民政府 政府 人大常委会 政协 融媒体中心 扶贫开发办公室 扶贫办
    乡村振兴局 农业农村局 人力资源和社会保障局 教育局 卫生健康委员会 卫健委 民政局 财政局 发展和改革委员会 发改委
    公安局 法院 检察院 电视台 日报社 日报 广播电视台""".split(), key=len, reverse=True)
_MEDIA = re.compile(r"^[\u4e00-\u9fff]{2,5}网$")
# an outlet at a line start or after punctuation, before 讯 (今日重庆网讯) or a dateline's date
_MEDIA_IN_TEXT = re.compile(r"(?m)(?:^|(?<=[\s,。;:(“:]))([\u4e00-\u9fff]{2,5}网)(?=讯|\s|\d)")
_NOT_MEDIA = {"互联网", "电网", "物联网", "大电网", "农村电网", "宽带网", "服务网", "关系网"}


# the word a body's name ends with (公安局, 委员会, 大学, 出版社 …)
_HEADS = """委员会 常委会 代表大会 协商会议 政府 大学 学院 中学 小学 研究院 研究所 研究中心 中心 协会 学会 联合会 商会
    同学会 组织 公司 集团 银行 出版社 电视台 电台 日报 报社 通讯社 学社 部 局 厅 署 法院 检察院 医院 委 党 军 军区 大使馆
    使馆 领事馆 议会 参议院 众议院 基金会 编辑部 派出所 大队 支队 联盟 工会 妇联 团委 党委 党组 政协 办公室 办 国务院 分局
    分会 理事会 纪委 监委 合作社 队 女篮 男篮 女足 男足 女排 男排 代表团 艺术团 考察团 团 厂 所 院 联 协 校 社 俱乐部""".split()
_HEAD = re.compile(f"(?:{'|'.join(_HEADS)})$")
_NOT_HEAD = frozenset("""干部 全部 内部 外部 局部 东部 西部 南部 北部 中部 各部 本部 底部 顶部 头部 腹部 胸部 面部 脚部 根部
    俱乐部 全局 大局 格局 布局 结局 局 部 院 委 党 军 办 中心 核心 重心 市中心 党 入党 政党 敌军 大军 冠军 亚军 季军
    参军 从军 联军 红军 空军 陆军 海军 组织 公司 总部 合作社 队 团 厂 所 联 协 校 社 军队 团队 队伍 工厂
    场所 住所 厕所 学校 院校 关联 社团 会社 乐团 剧团 梯队 车队 舰队 乐队 兵团 商社 公社 农场""".split())
# characters of direction: a word of them before 部 names a part (中南部, 东北部), not a body
_DIRECTIONS = frozenset("东南西北中上下前后内外全大局")
# bodies jieba knows may also end like these (新华社, 中共中央, 联合国, 东盟, 北约)
_KNOWN_ENDINGS = ("社", "中央", "联合国", "盟", "约", "理会", "校", "台", "处")  # not 会 (全会, 奥运会), 行 (同行)
# a ministry or bureau jieba holds as one common word: 人事部, 海关总署 (not 干部, 中南部)
_MINISTRY = re.compile(r"^[\u4e00-\u9fff]{2,3}[部局署]$")
# after a place, a few name characters and the kind of firm (no little words that would make it a sentence)
_NAMED_FIRM = re.compile(r"[^\W\d_的和与及在了把将向对从为是有等个加入成立组建]{0,12}?(?:专业合作社|合作社|有限责任公司|有限公司|股份公司|集团)")
# bodies every village or county has: not names (DESIGN: ORG is for named bodies)
_GENERIC = frozenset("""两委 村两委 党组织 基层党组织 党委 党支部 支部 政府 人民政府 人民法院 党政机关 各级政府 地方政府
    中小学 全国中小学""".split())
# China's parties by their short names (their full names end like a body and are found above)
_PARTIES = frozenset("中共 民革 民盟 民建 民进 农工党 致公党 九三学社 台盟".split())
_HEAD_LAST = frozenset(h[-1] for h in (*_HEADS, *_KNOWN_ENDINGS, *_PARTIES))  # a quick first test
# words that start a body's name (中国 全国 中央 …) besides places and ordinals (第十五次)
_NAME_START = frozenset("中国 中共 中华 全国 中央 国家 最高 人民 国务院 联合国".split())
_ORDINAL = re.compile(r"^第[一二三四五六七八九十百0-9０-９]+[届次]?$")
# the party's congresses by number: 党的十五大, 中共十五大, 十五大以来
_CONGRESS = re.compile(r"(?:(?<=党的)|中共)十[一二三四五六七八九]?大|十[一二三四五六七八九]大(?=以来|精神|报告|确定|提出|召开|文件)")


def _chunks(text: str) -> list[Suggestion]:
    """Bodies read off jieba's words: a head (公安局, 委员会) and the names before it, starting with a
    place, a body jieba knows, or 中国/全国/中央 …: 永顺县公安局刑侦大队, 中国共产党第十五次全国代表大会."""
    words = segment.text_words(text)
    places, gaz, tags = world(), gazetteer(), segment.tags()
    found = []
    for i, (word, start, end) in enumerate(words):
        if word[-1] not in _HEAD_LAST:
            continue  # cheap: no body ends like this word
        tag = tags.get(word)
        if _a_part(word):
            continue  # 中南部, 华南大部, 城乡结合部: a part of a place, not a body
        if word in _PARTIES or (tag in ("nt", "nz", "j") and len(word) >= 2 and word not in places
                                and word not in _GENERIC and (_HEAD.search(word) or word.endswith(_KNOWN_ENDINGS))):
            found.append(Suggestion(start, end, "ORG", "orgs", 0.92))  # 新华社, 国务院, 中国共产党, 东盟
        elif tag in ("n", "nt") and _MINISTRY.match(word) and word[0] not in _DIRECTIONS and word not in _NOT_HEAD \
                and word[-2] not in _DIRECTIONS and word[-2:] not in _NOT_HEAD:
            found.append(Suggestion(start, end, "ORG", "orgs", 0.8))  # 人事部, 外交部
        organisation = word == "组织"  # alone a verb or any group; after a place and a name, a body (上海合作组织)
        if not _HEAD.search(word) or (word in _NOT_HEAD and not organisation) \
                or tag not in ("n", "nt", "nz", "j", None, *(("v", "vn") if organisation else ())) \
                or (tag is None and name_like(word)):
            continue  # not 杨军 (a name), 总揽全局 (an idiom)
        k, first = i, None
        while k > 0 and i - k < 8:
            prev, _, prev_end = words[k - 1]
            prev_tag = tags.get(prev)
            if prev_end != words[k][1] or not (prev_tag in ("ns", "nt", "nz", "n", "j", "b", "vn", "v", "l") or
                                                _ORDINAL.match(prev) or prev in places or prev in gaz):
                break
            if prev_tag in ("v", "l") and (k < 2 or _names_something(words[k - 2][0], tags, places)
                                           or _names_something(words[k][0], tags, places)):
                break  # a verb between nouns is part of a name (认证/指导/委员会), not with a subject or object
                # that names a place or body (美国/指责/欧盟委员会)
            k -= 1
            if prev_tag in ("ns", "nt", "j") or prev in places or prev in gaz or prev in _NAME_START \
                    or _ORDINAL.match(prev):
                first = k  # the name may start here
        if first is not None and not (organisation and (i - first < 2 or words[first][0] not in places
                                                        and words[first][0] not in gaz)):
            found.append(Suggestion(words[first][1], end, "ORG", "orgs", 0.96))  # surer than the place inside
    return found


def _a_part(word: str) -> bool:
    return word[-1] == "部" and len(word) >= 3 and (word[-2] in _DIRECTIONS or word[-3:] == "结合部")


def _names_something(word: str, tags: dict, places) -> bool:
    return tags.get(word) in ("ns", "nt", "j", "nr", "nrt", "r") or word in places or not _HAN_WORD.match(word)


@lru_cache(maxsize=1)
def _bodies() -> Lexicon:
    return Lexicon(_BODY)


def _place_headed(text: str) -> list[Suggestion]:
    """A place, an optional 县/市/区/省/州 and a body: 云阳县委宣传部, 中共会泽县委, 资阳市人民政府."""
    bodies = _bodies()
    ends = {end for _, _, end in segment.text_words(text)}
    found, at = [], 0
    for place_start, place in place_starts(text).items():
        if place_start < at:
            continue
        end = place_start + place
        if text[end:end + 1] in ("县", "市", "区", "省", "州") and not bodies.longest(text, end):
            end += 1
        body = bodies.longest(text, end)
        if not body:  # a named cooperative or company: 云阳县泥溪镇柑橘种植专业合作社
            m = _NAMED_FIRM.match(text, end)
            body = m.end() - end if m else 0
        if not body:  # a place's team or delegation: 古巴队, 日本女队 (not 中国队伍: it must end a word)
            m = _TEAM.match(text, end)
            body = m.end() - end if m and m.end() in ends else 0
        if body:
            start = place_start - 2 if text[place_start - 2:place_start] == "中共" else place_start
            found.append(Suggestion(start, end + body, "ORG", "orgs", 0.96))
            at = end + body
    return found


# what a place's team or delegation is called after the place
_TEAM = re.compile(r"(?:国家)?(?:男子|女子)?(?:足球|篮球|排球|乒乓球|羽毛球|网球|围棋|象棋|游泳|田径)?"
                   r"(?:队|女队|男队|女篮|男篮|女足|男足|女排|男排|代表团|代表队)")
# a body's kind after a name jieba does not know or calls a name: 劳拉公司, 松日队
_FIRM_KINDS = frozenset("公司 集团 队 俱乐部 报 杂志".split())


def _named_firms(text: str) -> list[Suggestion]:
    """A firm or a team named by a word jieba does not know, a foreign name or a brand before its
    kind: 劳拉公司, 健力宝队.  Not 该公司 or 电子公司: the name must be no common word."""
    words, tags = segment.text_words(text), segment.tags()
    found = []
    for i, (word, start, end) in enumerate(words):
        if word not in _FIRM_KINDS or not i:
            continue
        name, name_start, name_end = words[i - 1]
        if name_end == start and len(name) >= 2 and _HAN_WORD.match(name) and tags.get(name) in _NAME_TAGS \
                and segment.frequency(name) < 100 and name not in world():
            found.append(Suggestion(name_start, end, "ORG", "orgs", 0.85))
    return found


_HAN_WORD = re.compile(r"^[\u4e00-\u9fff]+$")
_NAME_TAGS = frozenset({None, "nrt", "nz", "nr", "j"})


def _with_level(text: str, found: list[Suggestion]) -> list[Suggestion]:
    """A body right after a bare administrative level is that level's body: 省统计局, 市教育局 (the
    province or city of the report), so the level belongs to its name."""
    return [Suggestion(s.start - 1, s.end, s.label, s.source, s.confidence)
            if s.start and text[s.start - 1] in _LEVELS and _HEAD.search(text[s.start:s.end]) else s for s in found]


_LEVELS = frozenset("省市县区州乡镇")


def suggest(text: str) -> list[Suggestion]:
    found = _place_headed(text)
    found += [Suggestion(m.start(), m.end(), "ORG", "orgs", 0.9) for m in _CONGRESS.finditer(text)]
    found += [Suggestion(m.start(1), m.end(1), "ORG", "orgs", 0.9) for m in _MEDIA_IN_TEXT.finditer(text)
              if m.group(1) not in _NOT_MEDIA]
    found += [Suggestion(start, end, "ORG", "orgs", 0.9) for word, start, end in segment.text_words(text)
              if word[-1] == "网" and _MEDIA.match(word) and word not in _NOT_MEDIA
              and segment.tag(word) != "n"]  # 因特网, 局域网: jieba's common nouns are networks, not outlets
    return _with_level(text, found + _chunks(text) + _named_firms(text))
