"""PERSON suggestions: names after a role or title (记者 胡婷, 县委书记谭力华), before a verb of
speech (谭力华表示), in bylines (编辑:陈怡璇), dotted names (司马义·艾买提), transliterated names next to
a title or a verb of speech (克林顿总统), a surname carrying a title (江主席 → 江) and, as weaker
evidence, words jieba does not know that start with a surname (its HMM finds most Chinese names that
way; two characters count only with a given-name character: 薛明, not 施策) or rare ones its
dictionary tags as a person, unless the rest is a common word (高|素质) or a place's ending
(马桑坡).  Names in lists lend each other weight, and lists written without separators are repaired
where jieba cut them wrongly.  Titles stay outside the span; a word ending like one counts (外交大臣)."""
from __future__ import annotations

import re

from annotator.core import segment
from annotator.core.suggest import Suggestion
from annotator.core.suggest.regions import places as known_places
from annotator.core.suggest.transliteration import TRANSLITERATION

# Common Chinese surnames (single characters), then compound ones.
SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
    "姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常"
    "温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍"
    "涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景"
    "党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官"
    "封谈匡鞠惠荆乐冀郁胥南班储栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜阚权强帅屠豆朴盖练廉禹井祖漆巴丰"
    "支卿狄计索宣晋相初门容敬扈晁芮都阙浦戈伏鹿薄邸雍辜羊乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸慕危玉银亢嵇"
    "湛宾戎勾茅利於揭干但尉冶斯束檀衣信展阴昝智幸奉植衡富尧闭习经逄钮汝宦普寿靖鄂荀暴弓牧桓巢隗郄")
COMPOUND_SURNAMES = frozenset("欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 夏侯 令狐 端木 西门 南宫 独孤"
                              " 呼延 轩辕 申屠 万俟 澹台 公冶 太史 仲孙 钟离 宗政 濮阳 单于 拓跋".split())
_FIRST = SURNAMES | {surname[0] for surname in COMPOUND_SURNAMES}
# titles a surname alone may carry (江主席, 李总理)
_TITLES = frozenset("主席 总理 总书记 书记 省长 市长 县长 镇长 乡长 部长 局长 主任 委员长 总统 首相 大使 将军 教授 院士".split())
_FOREIGN_TAGS = frozenset({None, "nr", "nrt", "nrfg", "n", "nz"})
# Words a name follows (titles, roles, bylines) and words it precedes (speech, address).
_ROLES = frozenset("""记者 通讯员 编辑 责任编辑 主编 作者 摄影 摄像 校对 审核 实习生 书记 副书记 总书记 县长 副县长 市长 副市长
    省长 副省长 镇长 副镇长 乡长 副乡长 村长 主任 副主任 局长 副局长 处长 副处长 科长 部长 副部长 厅长 副厅长 主席
    副主席 总理 副总理 委员 常委 秘书长 组长 队长 站长 所长 院长 副院长 校长 副校长 董事长 总经理 经理 总裁 行长
    社长 台长 会长 理事长 司令员 政委 司令 参谋长 军长 师长 团长 主席团 代表 大使 领事 总统 副总统 首相 国王 女王
    王子 公主 议长 总督 教授 副教授 博士 研究员 专家 医生 老师 教师 律师 工程师 村民 农民 贫困户 老人 老汉 大爷
    大妈 大姐 大哥 阿姨 师傅 同学 先生 女士 小姐 一书记 第一书记 支书 村支书 干部 战士 烈士 队员 选手 运动员
    教练 主持人 演员 歌手 作家 画家 诗人 导演 负责人 创始人 户主 儿子 女儿 妻子 丈夫 父亲 母亲""".split())
_AFTER = frozenset("""表示 说 介绍 指出 强调 认为 告诉 透露 坦言 回忆 说道 谈到 称 提出 要求 希望 同志 先生 女士 教授 等人 一家
    夫妇 老人 书记 主任 县长 市长 省长 镇长 村长 局长 部长 总理 副总理 主席 副主席 委员 代表 总统 首相 国王 大使 将军
    元帅 总书记 会见 接见 主持 出席 致辞 讲话 摄""".split())
_HAN = re.compile(r"^[\u4e00-\u9fff]+$")
_DOTS = frozenset("·•・")
# words that start with a surname character but are not names
_NOT_NAMES = frozenset("""全县 全市 全省 全村 全乡 全镇 全国 全面 全部 全力 高质量 高原 高效 方面 方式 方案 时间 时期 和谐 安置
    安全 明显 平台 国家 南部 北部 东部 西部 常态 常态化 强化 成效 成立 成为 路径 文明 文化 万亩 万元 于是 向上 宁夏
    江南 海外 华侨 龙头 金融 石漠 黄红 党委 党员 党组 党建 党群 孔子 石榴 燕麦 景区 林业 米面 牛羊 马铃薯""".split())


def name_like(word: str) -> bool:
    if not (2 <= len(word) <= 4 and _HAN.match(word)) or word in _NOT_NAMES:
        return False
    if word[:2] in COMPOUND_SURNAMES:
        return len(word) >= 3
    return word[0] in SURNAMES and len(word) <= 3


_NUMERAL_BEFORE = re.compile(r"[0-9０-９一二三四五六七八九十百千万亿两余多]")
_LIST_MARKS = frozenset("、，,（）()女 ")
_NOT_GIVEN = frozenset("的了在是和与及说等为将对把被从向也都就还又已到给让由以于并而")


def suggest(text: str) -> list[Suggestion]:
    words = [w for w in segment.text_words(text) if not w[0].isspace()]
    found = _dotted(words) if any(dot in text for dot in _DOTS) else []
    named: dict[int, Suggestion] = {}  # word index → suggestion
    weak: dict[int, Suggestion] = {}  # names only if a neighbour is one (lists: 宋平、张震、谢非)
    tags = segment.tags()
    places = known_places()
    for i, (word, start, end) in enumerate(words):
        if word[0] not in _FIRST or (tags.get(word) == "nrt" and word not in places):
            tag = tags.get(word)
            transliterated = len(word) >= 3 and TRANSLITERATION.issuperset(word) and tag in _FOREIGN_TAGS
            if word not in places and (transliterated or tag in ("nr", "nrt") and len(word) >= 2):
                foreign = _foreign(words, i, tag)  # 克林顿总统, 威尔逊说, 外长 努里
                if foreign:
                    named[i] = Suggestion(start, end, "PERSON", "persons", foreign)
            continue  # every Chinese name starts with a surname
        tag = tags.get(word)
        if tag is not None and 2 <= len(word) <= 3 and tag[:2] != "nr" and word[1:] not in _TITLES:
            continue  # cheap: a dictionary word that is no name (高质量, 全县); most words end here
        if word[0] in SURNAMES and (word[1:] in _TITLES or (
                len(word) == 1 and i + 1 < len(words) and words[i + 1][0] in _TITLES and words[i + 1][1] == end)):
            named[i] = Suggestion(start, start + 1, "PERSON", "persons", 0.7)  # 江主席, 李/总理: the surname alone
            continue
        k = i - 1
        while k > 0 and words[k][0] in (":", "：", "(", "（"):
            k -= 1  # 编辑:陈怡璇, (记者 胡婷)
        before = words[k][0] if k >= 0 else ""
        j = i + 1  # the word after the name
        after_role = is_role(before)
        if after_role and (len(word) == 1 or tags.get(word, "nr").startswith("nr")):
            # jieba often splits an unknown name after a title: 记者 胡/婷, 编辑:陈怡/璇
            while j < len(words) and len(word) < 3 and len(words[j][0]) == 1 and words[j][1] == end \
                    and _HAN.match(words[j][0]) and words[j][0] not in _NOT_GIVEN:
                word, end, j = word + words[j][0], words[j][2], j + 1
            if len(word) == 1 and word in SURNAMES and j < len(words) and words[j][1] == end \
                    and _given_name(words[j][0], tags):  # 县长 吴/方军: a rare word after a lone surname
                word, end, j = word + words[j][0], words[j][2], j + 1
        after = words[j][0] if j < len(words) else ""
        tag = tags.get(word)
        if tag is not None and len(word) >= 4 and not name_like(word):
            head = _name_at_head(word)  # 邓小平理论: a name glued to a word
            if head:
                named[i] = Suggestion(start, start + len(head), "PERSON", "persons", 0.55)
            continue
        if tag is not None and not tag.startswith("nr"):
            continue  # a dictionary word that is not a name (高质量, 全县)
        if not name_like(word) or (text[start - 1:start] == "“" and text[end:end + 1] == "”"):
            continue  # “田秀才”: a quoted nickname
        if _not_given(word, tag):
            continue  # 高素质, 马桑坡, 都要: the rest is a common word, a place's ending or a little word
        if after_role or after in _AFTER:
            named[i] = Suggestion(start, end, "PERSON", "persons", 0.9)
        elif _NUMERAL_BEFORE.match(text[start - 1:start]) or _word_inside(word):
            continue  # 39.9万人, 施工图: a number's unit or ordinary words, not a name
        elif len(word) >= 3 or (tag is not None and segment.frequency(word) < 20) or _new_two_character_name(word, tag):
            # a new word jieba found starting with a surname, or a rare one its dictionary calls a person
            # (on the MSRA sample, two-character "persons" more common than that were names 1 time in 3:
            # 荣获, 熊猫, 王妃; they count only in lists of names or next to a title)
            named[i] = Suggestion(start, end, "PERSON", "persons", 0.6 if tag is None else 0.55)
        else:
            weak[i] = Suggestion(start, end, "PERSON", "persons", 0.5)
    grew = True
    while grew:  # a weak name between names is one of a list
        grew = False
        for i in [i for i in weak if _neighbour(words, named, i)]:
            named[i] = weak.pop(i)
            grew = True
    return found + _repair_lists(text, sorted(named.values(), key=lambda n: n.start))


def _repair_lists(text: str, names: list[Suggestion]) -> list[Suggestion]:
    """Names written one after another with no separator (治丧委员会名单: 王鹤寿丁文昌丁石孙…) are
    cut wrongly by jieba now and then (王朝/文, 文昌).  Inside a run of at least five such names, the
    characters left between two names are given to them: one character completes a two-character
    name before it or starts the name after it; two or three starting with a surname are a name."""
    out: list[Suggestion] = []
    run: list[Suggestion] = []
    for name in [*names, None]:
        if name is not None and run and _gap_ok(text[run[-1].end:name.start]):
            run.append(name)
            continue
        out += _repaired(text, run) if len(run) >= 5 else run
        run = [name] if name is not None else []
    return out


def _gap_ok(gap: str) -> bool:
    return len(gap) <= 3 and (not gap or bool(_HAN.match(gap)))


def _repaired(text: str, run: list[Suggestion]) -> list[Suggestion]:
    out = [run[0]]
    for name in run[1:]:
        before = out[-1]
        left, right = before.end, name.start  # the characters no name holds
        if left < right and before.end - before.start == 2:
            out[-1] = Suggestion(before.start, left + 1, "PERSON", "persons", before.confidence)  # 王朝+文
            left += 1
        if left < right and name.end - name.start == 2 and text[right - 1] in SURNAMES:
            right -= 1
            name = Suggestion(right, name.end, "PERSON", "persons", name.confidence)  # 丁+文昌
        if right - left >= 2 and text[left] in SURNAMES:
            out.append(Suggestion(left, right, "PERSON", "persons", 0.5))  # 于珍
        out.append(name)
    return out


def _foreign(words: list, i: int, tag: str | None) -> float:
    """How sure a transliterated word is a person's name: after a title or before a verb of speech
    (克林顿总统, 基辛格博士, 威尔逊说), or jieba's dictionary calling it a foreign name (nrt)."""
    before = words[i - 1][0] if i else ""
    after = words[i + 1][0] if i + 1 < len(words) else ""
    if after in _AFTER or after in _ROLES or is_role(before):
        return 0.85
    word = words[i][0]
    return 0.6 if tag == "nrt" and len(word) >= 3 and TRANSLITERATION.issuperset(word) else 0.0


def _dotted(words: list) -> list[Suggestion]:
    """Foreign and minority names written with a middle dot (帕巴拉·格列朗杰, 司马义·艾买提): the word
    before the dot and the word after it, with single characters jieba left loose (格列朗 杰)."""
    found = []
    for i, (word, start, end) in enumerate(words):
        if word not in _DOTS or not 0 < i < len(words) - 1 or not (_HAN.match(words[i - 1][0])
                                                                  and _HAN.match(words[i + 1][0])):
            continue
        left = i - 1
        if len(words[left][0]) == 1 and left > 0 and _HAN.match(words[left - 1][0]):
            left -= 1
        right = i + 1
        while right + 1 < len(words) and len(words[right + 1][0]) == 1 and words[right + 1][1] == words[right][2] \
                and _HAN.match(words[right + 1][0]) and words[right + 1][0] not in _NOT_GIVEN:
            right += 1
        if found and found[-1].end > words[left][1]:  # 阿不来提·阿不都·热西提: one name
            found[-1] = Suggestion(found[-1].start, words[right][2], "PERSON", "persons", 0.85)
        else:
            found.append(Suggestion(words[left][1], words[right][2], "PERSON", "persons", 0.85))
    return found


def _neighbour(words: list, named: dict, i: int) -> bool:
    for step in (-1, 1):
        k = i + step
        while 0 <= k < len(words) and words[k][0] in _LIST_MARKS:
            k += step
        if k in named:
            return True
    return False


def _name_at_head(word: str) -> str:
    for size in (3, 2):
        head, rest = word[:size], word[size:]
        if name_like(head) and (segment.tag(head) or "").startswith("nr") and segment.frequency(rest) > 100:
            return head
    return ""


def is_role(word: str) -> bool:
    """A title or role a name follows: listed ones and any word ending like one (外交大臣, 内政部长)."""
    return word in _ROLES or word.endswith(_ROLE_ENDINGS)


_ROLE_ENDINGS = ("书记", "长", "主任", "记者", "大臣", "总理", "总统", "主席", "教练", "议员", "委员", "总裁", "经理",
                 "大使", "夫人", "少将", "中将", "上将", "选手", "球员", "主教", "作者")
# where a place's name ends: a word ending so is no person (马桑坡, 李家村)
_PLACE_LAST = frozenset("坡村镇乡沟湾坝岭寨庄屯洼岗峪塘垭堡")
_FUNCTION = _NOT_GIVEN | frozenset("要会能可很更最所其之得着过")
# surnames that, as a word's first character, are far more often a word of their own (万人, 时要, 余人, 那好)
_RARE_SURNAMES = frozenset("万时余那于全应相阴区单乐关但信连经房农向管牧查普利卫印安都成")
# second characters that make a word of a surname character: counts, measure words, places, titles
_NOT_SECOND = frozenset("人说个些字起至一二三四五六七八九十前中后方某老家村镇转步里外内上下多少")


# characters given names are commonly made of (written for this project from general knowledge)
_GIVEN = frozenset("明华林平军伟强芳丽敏静杰涛磊勇斌洁娟艳霞玲萍红英燕梅琳莉婷雪慧颖佳晶晨欣怡昕菁瑶璐琦倩薇蕾岚娜"
                   "妮秀兰凤云彩春秋冬文武刚毅峰岩海江波洋浩鹏飞龙虎彪翔宇轩昊辉光亮晖阳东建新立志成永长德仁义礼"
                   "忠孝廉勤俭良善美贤淑贞洪宏弘鸿泓宁安康福禄寿喜庆祥瑞吉荣昌盛兴旺达谦恭聪睿哲博思远航帆松柏"
                   "桦杨柳竹菊荷莲桂芝萱蓉蕊琴珍珠玉璞瑾瑜琼玮环斐晓曦旭昭晟冰霜霖雷星乾坤元弟兵季贵昆骏然俊生"
                   "根宝珊娇媛婉君卿豪雄威健壮坚峻锋钢铭锦钧鑫森源泉清涵润泽淼彬凯超峻岳嵩崇奇琪璇瑛蓓霏雯雁"
                   "鹤鸣凌啸乔樱梦诗韵琛珏楠桐榕蔚茜莎婕妍娅嫣婵娥姣嫦露虹霓乐悦愉欢怀恩惠慈爱诚挺拓振奋耀焕"
                   "炜烨煜照熙然燕莺鹃鸾凤麟骐驰骁腾跃群力卫国民中华汉唐宋尧舜禹")


def _new_two_character_name(word: str, tag: str | None) -> bool:
    """A two-character word jieba's HMM made from a surname and a character given names are made of
    (薛明, 柳萍): a name, unless the surname character is mostly a word of its own (万人, 时要) or
    the second makes a word of it.  Not 施策, 冷链: 策 and 链 name nobody."""
    return tag is None and len(word) == 2 and word[0] not in _RARE_SURNAMES and word[1] in _GIVEN \
        and word[1] not in _NOT_SECOND and word[1] not in _FUNCTION


def _not_given(word: str, tag: str | None) -> bool:
    """What follows the surname cannot be a given name: a common word of its own (高|素质, which
    jieba's dictionary calls a person), a place's ending (马桑坡), or, in a word jieba's HMM made, a
    function character (都要).  Only a very common rest counts: 金|大中 is a name (on People's Daily
    sentences a threshold of 50 instead of 500 dropped 25 雷阵雨 but also 11 names such as 金大中)."""
    rest = word[2:] if word[:2] in COMPOUND_SURNAMES else word[1:]
    if word[-1] in _PLACE_LAST:
        return True
    if tag is None:
        return any(ch in _FUNCTION for ch in rest)
    rest_tag = segment.tag(rest)
    return len(rest) >= 2 and rest_tag is not None and not rest_tag.startswith("nr") and segment.frequency(rest) > 500


def _given_name(word: str, tags: dict) -> bool:
    """A two-character word that may be the given name jieba cut off a lone surname: rare, and no verb."""
    return len(word) == 2 and bool(_HAN.match(word)) and not any(ch in _FUNCTION for ch in word) \
        and tags.get(word) in (None, "n", "nr", "nz") and segment.frequency(word) < 200


def _word_inside(word: str) -> bool:
    """施工图 reads as 施工 + 图: a common word at the head is no surname + given name."""
    head = segment.tag(word[:2])
    return head is not None and not head.startswith("nr") and segment.frequency(word[:2]) > 100
