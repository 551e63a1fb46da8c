"""Chinese quantities: parse and normalise them, find them in a report, write them back.

Follows the quantity conventions of the design notes and docs/adr/0015: multipliers
stack (千万 1e7, 万亿 1e12, 1亿2千万 120000000), values are exact (int or Decimal) and
keep a sign written with the number (-2.1%, 零下5度), spoken shortenings count
(三万五 35000), the unit is whatever remains (元, 户, 人次, 个百分点 … or ''), percent-like
forms become % / ‰ / fraction, money in 元角分 is one amount in 元, qualifiers are approx /
more_than / less_than / range / exact, and a range keeps [low, high].  Pure Python; never
raises on any input, and every scan is linear: no recursion, no backtracking that grows with
the length of a run.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from annotator.core.numerals import DIGIT_CHARS, DIGITS, FULLWIDTH, MULTIPLIER_CHARS, Number, \
    arabic, chinese_numeral, multiplier, plain, tidy, value_of

_CN = DIGIT_CHARS + MULTIPLIER_CHARS
_CN_NO_QIAN = _CN.replace("千", "")
_D = "[0-9０-９]"
_SP = "[ \u00a0\u2009\u202f]"  # one space inside a number, as text taken from a PDF writes it
# Arabic numerals: thousands in commas or in spaces (1 234.5: the group after a space is exactly three digits).
_AR = rf"(?:{_D}{{1,3}}(?:{_SP}{_D}{{3}}(?!{_D}))+|{_D}+(?:[,，]{_D}{{3}})*)(?:[.．]{_D}+)?"
# A numeral: Arabic and/or Chinese with multipliers; 点 as decimal point; 余/多 before a multiplier
# (两百多万) and 十几 inside; 个 before 亿 (两个亿); a space between digits and 万/亿 (72504 万).
# 千 before 克/米/瓦 belongs to the unit (3千米 is 3 千米).  The group is atomic and a repeated Arabic
# part may not start right after a digit, so a run of digits is read one way only: linear time.
_CN_CHAR = rf"(?:[{_CN_NO_QIAN}]|千(?![克米瓦]))"
_NUM = (rf"(?>(?:{_AR}|{_CN_CHAR})(?:(?<!{_D}){_AR}|{_CN_CHAR}|点(?=[{_CN}0-9０-９])|[余多](?=[{MULTIPLIER_CHARS}])"
        rf"|(?<=十)几|(?<=[{DIGIT_CHARS}0-9０-９])个(?=[亿億])|(?<={_D}){_SP}(?=[万亿萬億]))*)")
# A sign written with the number: a minus not after a digit, letter or closing mark (2020-09 is a
# date, 5-7 a range), 负 before a numeral (负增长 stays a word), 零下.
_SIGN = (rf"(?:(?<![0-9０-９A-Za-zＡ-Ｚａ-ｚ.．%％‰)）\]_+＋\-－−])[-－−](?={_D})"
         rf"|负(?=[0-9０-９{DIGIT_CHARS}十拾])|零下(?=[0-9０-９一二两三四五六七八九十]))")
_RANGE_SEP = r"[ 　]?(?:-{1,2}|~|～|—{1,2}|–|－|至|到)[ 　]?"
PREFIXES = {"将近": "approx", "大约": "approx", "近": "approx", "约": "approx",
            "不少于": "more_than", "不低于": "more_than", "不小于": "more_than", "至少": "more_than",
            "超过": "more_than", "高于": "more_than", "大于": "more_than", "多于": "more_than",
            "超": "more_than", "逾": "more_than", "过": "more_than",
            "不足": "less_than", "不到": "less_than", "不超过": "less_than", "不高于": "less_than",
            "不大于": "less_than", "不多于": "less_than", "低于": "less_than", "小于": "less_than",
            "少于": "less_than"}
SUFFIXES = {"左右": "approx", "上下": "approx", "以上": "more_than", "以内": "less_than", "以下": "less_than",
            "余": "more_than", "多": "more_than"}
# Units and measure words a quantity may end with (longest first when matching).
UNITS = sorted("""平方公里 平方千米 平方米 立方米 个百分点 百分点 千瓦时 人次 户次 个月 公里 公斤 千克 千米 千瓦 小时 分钟
    元 亩 个 户 人 名 位 家 所 座 条 项 次 批 期 支 头 只 吨 斤 株 棵 台 辆 套 间 处 篇 场 岁 年 天 周 倍 件 张 本 册 层 栋 盏 米 克
    公顷 美元 欧元 日元 港元 港币 澳元 英镑 摄氏度 度 ℃""".split(), key=len, reverse=True)
_UNIT = "|".join(map(re.escape, UNITS))
# 过 reads "over" (过万人) but not in 经过, 通过, 越过
_PREFIX = "|".join("(?<![经通越])过" if p == "过" else p for p in sorted(PREFIXES, key=len, reverse=True))
_SUFFIX = "|".join(sorted(SUFFIXES, key=len, reverse=True))
_PERCENT = r"%|％|‰|成(?:[零一二三四五六七八九])?"
# 元角分 as one amount (123元1角1分, 壹拾壹元壹角, 壹佰壹拾壹圆整)
_MONEY = rf"[元圆](?:零?[{DIGIT_CHARS}0-9]角)?(?:零?[{DIGIT_CHARS}0-9]分(?![钟之]))?(?:[整正](?![\u4e00-\u9fff]))?"


def _candidate(ranges: bool) -> re.Pattern:
    """The pattern of a quantity; without `ranges`, the same groups but never a right end."""
    never = "(?!)"
    percent_range = rf"(?:{_RANGE_SEP}(?:百分之|千分之)?(?P<pnum2>{_NUM}))?" if ranges else "(?P<pnum2>(?!))?"
    # a range may write the unit on both ends (5%-8%, 1万元-5万元): only the same unit
    plain_range = (rf"(?P<lunit>{_PERCENT}|{_UNIT})?{_RANGE_SEP}(?P<sign2>{_SIGN})?(?P<right>{_NUM})(?(lunit)(?P=lunit))"
                   if ranges else rf"{never}(?P<lunit>)(?P<sign2>)(?P<right>)")
    return re.compile(
        rf"(?P<pre>{_PREFIX})?"
        rf"(?P<num>(?P<per>百分之|千分之)(?P<psign>{_SIGN})?(?P<pnum>{_NUM}){percent_range}"
        rf"|(?P<den>{_NUM})分之(?P<numer>{_NUM})"
        rf"|(?P<sign>{_SIGN})?(?P<left>{_NUM})(?:{plain_range}|[/／](?P<slash>{_D}+)(?![0-9０-９.．/／]))?)"
        rf"(?P<post>[余多])?"
        rf"(?:(?<={_D}){_SP}(?=(?:{_PERCENT}|{_UNIT})))?"
        rf"(?P<unit>{_PERCENT}|{_MONEY}|{_UNIT})?"
        rf"(?P<suf>{_SUFFIX})?")


CANDIDATE = _candidate(ranges=True)
_SINGLE = _candidate(ranges=False)  # where a range does not read (百分之三十九点七到一九五七年), its left end
IDIOMS = ("十年九旱", "一个都不少", "一个都不能少", "一鼓作气", "举一反三", "千家万户", "千方百计", "万无一失",
          "四面八方", "三心二意", "七上八下", "一五一十", "九牛一毛", "一心一意", "一针一线", "一草一木", "万众一心",
          "一年四季", "三番五次", "一砖一瓦", "千辛万苦", "一对一", "一户一策", "一村一品", "一站式")
_IDIOM = re.compile("|".join(map(re.escape, IDIOMS)))


@dataclass(frozen=True)
class Quantity:
    value: Number | None  # None for a range
    unit: str = ""
    qualifier: str = "exact"  # exact | approx | more_than | less_than | range
    low: Number | None = None
    high: Number | None = None

    def as_attrs(self) -> dict:
        """JSON-ready METRIC attributes (exact decimals as strings keep every digit)."""
        def js(v):
            return v if v is None or isinstance(v, int) else format(v, "f")  # 0.000001, never 1E-6
        value = [js(self.low), js(self.high)] if self.qualifier == "range" else js(self.value)
        return {"value": value, "unit": self.unit, "qualifier": self.qualifier}


# compiled once: the parser runs for every candidate number of every report
_TRAILING = re.compile(rf"[{MULTIPLIER_CHARS}]+$")
BIG_TRAILING = re.compile("[万亿萬億]+$")
_HAS_MULTIPLIER = re.compile(f"[{MULTIPLIER_CHARS}]")
_HAS_BIG = re.compile("[万亿萬億]")
_MORE = re.compile(r"[余多几]")
_NOISE = re.compile(rf"{_SP}|个")  # spaces from a PDF, 个 in 两个亿
_CENTS = re.compile(rf"([{DIGIT_CHARS}0-9])([角分])")
_CENTS_ONLY = re.compile(rf"(负)?(?:[{DIGIT_CHARS}0-9]角(?:零?[{DIGIT_CHARS}0-9]分)?|[{DIGIT_CHARS}0-9]分)")
_ADJACENT = re.compile(rf"^([{DIGIT_CHARS}])([{DIGIT_CHARS}])([{MULTIPLIER_CHARS}]*)$")


def _borrowed(left: str, right: str) -> int:
    """The multiplier the left end of a range takes from the right end.

    A left end with no multiplier takes all the right end's (5-7亿, 5-7千万, 两到三百, 二到三十万);
    one with 十/百/千 but no 万/亿 takes the right end's 万/亿 (三千到五千万, 一百二十到一百五十万)."""
    trailing = _TRAILING.search(right)
    if not trailing or _HAS_BIG.search(left):
        return 1
    if not _HAS_MULTIPLIER.search(left):
        return multiplier(trailing.group())
    big = BIG_TRAILING.search(trailing.group())
    return multiplier(big.group()) if big else 1


def _number(s: str) -> tuple[Decimal, Decimal | None, bool]:
    """(value, high or None for adjacent-digit ranges, more_than from 余/多/几 inside)."""
    s = _NOISE.sub("", s)
    more = False
    if _MORE.search(s):
        more = True
        s = _MORE.sub("", s)
    adjacent = _ADJACENT.match(s)
    if adjacent and DIGITS[adjacent.group(2)] == DIGITS[adjacent.group(1)] + 1 and DIGITS[adjacent.group(1)]:
        rest = adjacent.group(3)
        return (value_of(adjacent.group(1) + rest), value_of(adjacent.group(2) + rest), more)
    return value_of(s), None, more


def parse_quantity(text: str) -> Quantity | None:
    """The quantity written in `text` (a METRIC span), or None when it is not one."""
    try:
        return _parse(text)
    except (ValueError, KeyError, InvalidOperation, ArithmeticError, TypeError):
        return None


def _parse(text: str) -> Quantity | None:
    if not isinstance(text, str):
        return None
    s = text.strip()
    m = CANDIDATE.fullmatch(s)
    cents = _CENTS_ONLY.fullmatch(s)
    if m is None and cents:  # 肆角叁分, 壹分: a span may be cents alone; the finder does not look for them (三分 is a score)
        value = sum(Decimal(DIGITS.get(d, d)) * (Decimal("0.1") if p == "角" else Decimal("0.01"))
                    for d, p in _CENTS.findall(s))
        return Quantity(tidy(-value if cents.group(1) else value), "元")
    if m is None:
        # a unit that is not in the list: anything short after the number is the unit
        m = CANDIDATE.match(s)
        if m is None or not m.group("num"):
            return None
        rest = s[m.end():]
        if not rest or len(rest) > 6 or rest[0] == "点" or re.search(r"[0-9" + _CN + r"]", rest):
            return None
        return _build(m, rest)
    return _build(m, "")


def _signed(sign: str | None, value: Decimal) -> Decimal:
    return -value if sign else value


def _build(m: re.Match, extra_unit: str) -> Quantity | None:
    unit = m.group("lunit") or m.group("unit") or ""
    extra = Decimal(0)
    if unit and unit[0] in "元圆":  # 123元1角1分 is 123.11 元; 壹佰壹拾壹圆整 is 111 元
        for digit, place in _CENTS.findall(unit):
            extra += Decimal(DIGITS.get(digit, digit)) * (Decimal("0.1") if place == "角" else Decimal("0.01"))
        unit = "元"
    unit += extra_unit
    qualifier = PREFIXES.get(m.group("pre") or "", "exact")
    for part in (m.group("post"), m.group("suf")):
        if part:
            qualifier = SUFFIXES[part]
    if m.group("per"):
        value, high, more = _number(m.group("pnum"))
        value = _signed(m.group("psign"), value)
        if m.group("pnum2"):
            high, _, _ = _number(m.group("pnum2"))
        return _finish(value, high, "%" if m.group("per")[0] == "百" else "‰", "more_than" if more else qualifier)
    if m.group("den"):
        value = (value_of(m.group("numer")) / value_of(m.group("den"))).quantize(Decimal("1e-10"))
        return _finish(value, None, "fraction", qualifier)
    if m.group("slash"):  # 2/3以上
        denominator = arabic(m.group("slash"))
        value = (arabic(m.group("left")) / denominator).quantize(Decimal("1e-10"))
        return _finish(value, None, "fraction", qualifier)
    left, right = m.group("left"), m.group("right")
    if right is not None:
        high, _, _ = _number(right)
        low, _, _ = _number(left)
        scale = _borrowed(_NOISE.sub("", left), _NOISE.sub("", right))
        if scale > 1 and low * scale <= high:  # 8500到3万 is 8500 to 30000: a borrowed multiplier must fit
            low *= scale
        low, high = _signed(m.group("sign"), low), _signed(m.group("sign2"), high)
        if unit.startswith("成"):  # 三到五成 is 30-50 %
            low, high = low * 10, high * 10
        if low > high:
            raise ValueError("a range runs upwards")  # 2020-09 or 5-3 is not a range
        return Quantity(None, _percent(unit), "range", tidy(low), tidy(high))
    value, high, more = _number(left)
    value = _signed(m.group("sign"), value + extra)
    if unit.startswith("成"):  # 七成五 = 75 %
        tenth = Decimal(DIGITS[unit[1]]) if len(unit) > 1 else Decimal(0)
        value, high, unit = value * 10 + tenth, None if high is None else high * 10, "%"
    unit = _percent(unit)
    if more and qualifier == "exact":
        qualifier = "more_than"
    return _finish(value, high, unit, qualifier)


def _percent(unit: str) -> str:
    """Full-width ％ and 成 both come out as %."""
    return "%" if unit in ("%", "％") or unit.startswith("成") else unit


def _finish(value: Decimal, high: Decimal | None, unit: str, qualifier: str) -> Quantity:
    if high is not None and high < value:
        raise ValueError("a range running downwards")
    if high is not None:  # 七八个, 两三百万
        return Quantity(None, unit, "range", tidy(value), tidy(high))
    return Quantity(tidy(value), unit, qualifier)


# --- finding quantities in a report ------------------------------------------------------

_DATE_AFTER = re.compile(r"(?:月|日|号|时|点|:|：|/\d|-\d|\.\d{1,2}(?!\d))")  # used with match(text, pos)
_ARABIC = re.compile(r"[0-9０-９]")
_DATE_BEFORE = re.compile(r"\d[-/:：]$")  # searched in the three characters before a number
_CODE_BEFORE = re.compile(r"[A-Za-zＡ-Ｚａ-ｚ][-–—_]$")  # ABC-123: a code, not a quantity
_MYRIAD = re.compile("[万亿萬億]")
_NAME_AFTER = re.compile(r"^[A-Za-zＡ-Ｚａ-ｚ_+＋]")
_SLOGAN = re.compile("规定|要求|原则|意识|自信|维护|全面|坚持|必须|确保|不摘|不愁|保障")
_MULTIPLIER = {"十": 10, "百": 100, "千": 1000, "万": 10 ** 4, "亿": 10 ** 8}
_QUOTED = re.compile(r"[“\"「『]([^”\"」』\n]{1,14})[”\"」』]")
_YEAR = re.compile(r"(?:19|20)\d\d")
# A span of years in Chinese numerals is an amount only where the text says it lasts (连续五年, 提前两年,
# 三年时间); elsewhere it names a plan or an era (五年计划, 三年行动, 百年奋斗目标) or a period (过去五年).
_LASTS_BEFORE = re.compile("(?:连续|用了|用|历时|经过|提前|长达|持续|花了|耗时|为期|坚持|整整|足足)$")
_LASTS_AFTER = re.compile("时间|之久|有余")
_SHARING = "和与及或、"  # 2.16和1.66个百分点: two numbers, one unit
_SHARED_LEFT = re.compile(rf"(?<![0-9０-９.．,，])(?P<sign>[-－−])?(?P<n>{_AR}(?:[万亿萬億]{{1,2}})?)[{_SHARING}]$")


def find_quantities(text: str) -> list[tuple[int, int, Quantity]]:
    """Every quantity in `text` as (start, end, Quantity), code point offsets, in order.

    Left out: years and dates, times, ordinals (第三批), list markers (一是), numbers
    inside names (八七扶贫攻坚计划, 4A级, quoted names such as “四个不摘”), idioms
    (十年九旱, 一个都不少), phone, ICP and postcode numbers.  `90225户341742人` is two, and
    so is `2.16和1.66个百分点` (the first number takes the unit written after the second)."""
    if not isinstance(text, str):
        return []
    names = [(m.start(1), m.end(1)) for m in _QUOTED.finditer(text)]  # in order, not overlapping
    name_starts = [s for s, _ in names]
    idioms = [(m.start(), m.end()) for m in _IDIOM.finditer(text)]  # in order, not overlapping
    idiom_ends = [e for _, e in idioms]
    found: list[tuple[int, int, Quantity]] = []
    at = 0
    while (m := CANDIDATE.search(text, at)) is not None:
        start, end = m.span()
        at = end
        try:
            quantity = _keep(text, m)
        except (ValueError, KeyError, InvalidOperation, ArithmeticError):
            quantity = None
            if m.group("right") or m.group("pnum2"):
                m = _SINGLE.match(text, start)
                end = at = m.end()
                try:
                    quantity = _keep(text, m)
                except (ValueError, KeyError, InvalidOperation, ArithmeticError):
                    quantity = None
        if quantity is None:
            continue
        i = bisect_right(name_starts, start)  # the quoted name starting last at or before this number
        j = bisect_right(idiom_ends, start)  # the first idiom ending after this number starts
        if (i and end <= names[i - 1][1]) or (j < len(idioms) and idioms[j][0] < end):
            continue
        if start and text[start - 1] in _SHARING and quantity.unit and quantity.qualifier != "range":
            _share_unit(text, m, found)
        found.append((start, end, quantity))
    return found


def quantity_at(text: str, start: int, end: int) -> Quantity | None:
    """The quantity of the span [start, end) of `text` as the finder reads it in its place (2.16 in
    2.16和1.66个百分点 has the unit 个百分点), else as its own text would be read."""
    low, high = max(0, start - 40), min(len(text), end + 40)
    for s, e, quantity in find_quantities(text[low:high]):
        if (s + low, e + low) == (start, end):
            return quantity
    return parse_quantity(text[start:end])


def _share_unit(text: str, m: re.Match, found: list) -> None:
    """Give the unit of `m` to the bare numbers listed just before it (2.16、1.5和1.66个百分点).

    A first number without 万/亿 before a second with one (1.2和1.5万亿元) is left alone: whether
    it borrows the multiplier is too close to call, and a wrong value is worse than none."""
    unit = m.group("unit") or ""
    if not unit or unit.startswith("成"):
        return
    big = bool(_MYRIAD.search(m.group("num")))
    at, added = m.start(), []
    while at and text[at - 1] in _SHARING:
        left = _SHARED_LEFT.search(text, max(0, at - 24), at)
        if left is None or (big and not _MYRIAD.search(left.group("n"))):
            break
        quantity = parse_quantity((left.group("sign") or "") + left.group("n") + unit)
        if quantity is None or quantity.qualifier != "exact":
            break
        if found and found[-1][1] > left.start():
            previous = found[-1]
            if previous[0] != left.start() or previous[1] != left.end() - 1 or previous[2].unit:
                break
            found.pop()  # 15万和20万元: the first was found without its unit
        added.append((left.start(), left.end() - 1, quantity))
        at = left.start()
    found.extend(reversed(added))


def _keep(text: str, m: re.Match) -> Quantity | None:
    """The quantity of a candidate match, or None for the kinds that are not metrics."""
    start, end = m.span()
    num, unit = m.group("num"), m.group("lunit") or m.group("unit") or ""
    arabic = bool(_ARABIC.search(num))
    if not arabic and not unit and (not _MYRIAD.search(num) or len(num) == 1) and "分之" not in num:
        return None  # 十八大, 百日, 统一, 万企帮万村: Chinese numerals without a unit are names (checked first)
    before, after = text[max(0, start - 3):start], text[end:end + 4]
    if before.endswith(("第", "No.", "NO.", "编号", "邮编", "电话", "热线")) or before.endswith((":", ":")) and not unit:
        return None  # ordinals, codes and labelled numbers
    if _NAME_AFTER.match(after) or (start and _NAME_AFTER.match(text[start - 1])) \
            or _CODE_BEFORE.search(text, max(0, start - 2), start):
        return None  # 4A级, 1+1+N, file_1.jpg, ABC-123
    bare = text[m.start("num"):m.end("num") + len(m.group("post") or "")]
    if not unit and _DATE_AFTER.match(text, m.end("num")):
        return None  # 6月12日, 10:53, 2020-06-13
    if _DATE_BEFORE.search(text, max(0, start - 3), start):
        return None  # the day of 2020-09-11, the minutes of 10:53
    if m.group("slash") and not (m.group("pre") or m.group("suf")):
        return None  # 2/3 alone may be a date; 2/3以上 is a share
    ends = [g for g in (m.group("left"), m.group("right")) if g]
    lasts = bool(_LASTS_BEFORE.search(text, max(0, start - 2), start) or _LASTS_AFTER.match(text, end)
                 or m.group("suf") == "左右")
    if unit == "年" and (any(_YEAR.fullmatch(g) for g in ends) or re.match(r"^(?:来|以来|度|代|末|底|初)", after)):
        return None  # a year, or a period (30多年来) rather than an amount
    if unit == "年" and not arabic and not re.search("[十百千万亿]", num) and not lasts:
        return None  # 三年行动, 五年规划, 过去五年: names and periods
    if text.startswith("周年", m.end("num") + len(m.group("post") or "")):
        return None  # 70周年, 建党一百周年: an anniversary is an ordinal, not an amount
    if not arabic and re.fullmatch("[十百千万亿]+", num):
        if (unit == "年" or text[m.end("num"):m.end("num") + 1] == "年") and not lasts:
            return None  # 百年奋斗目标, 千年古镇: an era, not an amount
        if before.endswith(("几", "数", "上", "成")):
            return None  # 几亿人, 数万群众, 成千上万: a vague count has no value to give
        if any(_MULTIPLIER[a] >= _MULTIPLIER[b] for a, b in zip(num, num[1:])):
            return None  # 亿万人民, 万万不可: multipliers stack upwards (千万, 万亿), never downwards: an idiom
    if not arabic and unit[:1] in "项个条种大" and _SLOGAN.match(text, end):
        return None  # 八项规定, 四个意识, 两个维护: numbered names of rules and slogans
    if not unit and m.group("right") and not _MYRIAD.search(num):
        return None  # 2020-09, 023-63891685: dates and phone numbers
    if not arabic:
        if not re.search("[十百千万亿萬億拾佰仟]", num) and len(num) == 1:
            if not unit or DIGITS.get(num, 0) < 2:
                return None  # 一是, 一户一策, 三变: single small numerals are names and markers
    elif not unit and not re.search("[万亿萬億%％]", bare):
        digits = re.sub(r"\D", "", num.translate(FULLWIDTH))
        if len(digits) < 2 or len(digits) > 9 or re.fullmatch(r"(?:19|20)\d\d", digits) or "." in num:
            return None  # bare numbers: single digits, codes, years and dates like 10.17
        if re.search(r"\d[-–—]\d", text[start - 1:end + 2]):
            return None
    return _build(m, "")


def format_quantity(q: Quantity, *, chinese: bool = False) -> str:
    """A quantity as a report would write it: 13.4万, 近3.53亿元, 2万余户, 5-7亿元, 三百亩."""
    def number(v: Number) -> str:
        if chinese and isinstance(v, int):
            return chinese_numeral(v)
        d = Decimal(v)
        for scale, name in ((10 ** 8, "亿"), (10 ** 4, "万")):
            if abs(d) >= scale:
                return f"{plain(d / scale)}{name}"
        return plain(d)
    unit = "" if q.unit == "fraction" else q.unit
    if q.qualifier == "range":
        low, high = number(q.low), number(q.high)
        if high[-1] in "万亿" and low[-1] not in "万亿":
            high = plain(Decimal(q.high))  # "1-1万" would read as 1万-1万: a bare left end borrows
        return f"{low}{'至' if q.high < 0 else '-'}{high}{unit}"  # -5至-3, not -5--3
    text = number(q.value)
    if q.qualifier == "more_than":
        return f"{text}余{unit}" if unit not in ("%", "‰") else f"{text}{unit}以上"
    prefix = {"approx": "约", "less_than": "不足"}.get(q.qualifier, "")
    return f"{prefix}{text}{unit}"
