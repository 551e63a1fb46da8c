"""Chinese quantities: parse and normalise them, find them in a report, write them back.

Follows the quantity conventions of the design notes: multipliers stack
(千万 1e7, 万亿 1e12, 1亿2千万 120000000), values are exact (int or Decimal),
the unit is whatever remains (元, 户, 人次, 个百分点 … or ''), percent-like forms
become % / ‰ / fraction, qualifiers are approx / more_than / less_than / range
/ exact, and a range keeps [low, high].  Pure Python; never raises on any input.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

Number = int | Decimal

_FULLWIDTH = str.maketrans("０１２３４５６７８９．，％", "0123456789.,%")
_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
           "九": 9, "壹": 1, "贰": 2, "貳": 2, "叁": 3, "參": 3, "肆": 4, "伍": 5, "陆": 6, "陸": 6, "柒": 7,
           "捌": 8, "玖": 9}
_SMALL = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_BIG = {"万": 10 ** 4, "萬": 10 ** 4, "亿": 10 ** 8, "億": 10 ** 8}
_CN = "".join(_DIGITS) + "".join(_SMALL) + "".join(_BIG)
_CN_NO_QIAN = _CN.replace("千", "")
_AR = r"[0-9０-９]+(?:[,，][0-9０-９]{3})*(?:[.．][0-9０-９]+)?"
# A numeral: Arabic and/or Chinese with multipliers; 点 as decimal point; 余/多 before a multiplier
# (两百多万) and 十几 inside; 千 before 克/米/瓦 belongs to the unit (3千米 is 3 千米). A repeated Arabic
# part may not start right after a digit: otherwise a digit run splits in exponentially many ways.
_CN_CHAR = rf"(?:[{_CN_NO_QIAN}]|千(?![克米瓦]))"
_NUM = rf"(?:{_AR}|{_CN_CHAR})(?:(?<![0-9０-９]){_AR}|{_CN_CHAR}|点(?=[{_CN}0-9])|[余多](?=[十百千万亿萬億])|(?<=十)几)*"
_RANGE_SEP = r"\s*(?:-|~|～|—|–|－|至|到)\s*"
PREFIXES = {"将近": "approx", "大约": "approx", "不少于": "more_than", "不低于": "more_than", "不足": "less_than",
            "不到": "less_than", "超过": "more_than", "近": "approx", "约": "approx", "超": "more_than",
            "逾": "more_than", "过": "more_than"}
SUFFIXES = {"左右": "approx", "上下": "approx", "以上": "more_than", "以内": "less_than", "以下": "less_than",
            "余": "more_than", "多": "more_than"}
# Units and measure words a quantity may end with (longest first when matching).
UNITS = sorted("""平方公里 平方千米 平方米 立方米 个百分点 百分点 千瓦时 人次 户次 个月 公里 公斤 千克 千米 千瓦 小时 分钟
    元 亩 个 户 人 名 位 家 所 座 条 项 次 批 期 支 头 只 吨 斤 株 棵 台 辆 套 间 处 篇 场 岁 年 天 周 倍 件 张 本 册 层 栋 盏 米 克
    公顷 余人 万元 美元 个村 套房""".split(), key=len, reverse=True)
UNITS = [u for u in UNITS if u not in ("余人", "万元", "个村", "套房")]
_UNIT = "|".join(map(re.escape, UNITS))
_PREFIX = "|".join(sorted(PREFIXES, key=len, reverse=True))
_SUFFIX = "|".join(sorted(SUFFIXES, key=len, reverse=True))
_PERCENT = r"%|％|‰|成(?:[零一二三四五六七八九])?"
CANDIDATE = re.compile(
    rf"(?P<pre>{_PREFIX})?"
    rf"(?P<num>(?:百分之|千分之){_NUM}|(?:{_NUM})分之(?:{_NUM})|{_NUM}(?:{_RANGE_SEP}{_NUM})?)"
    rf"(?P<post>[余多])?"
    rf"(?P<unit>{_PERCENT}|{_UNIT})?"
    rf"(?P<suf>{_SUFFIX})?")
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
            return v if v is None or isinstance(v, int) else str(v)
        value = [js(self.low), js(self.high)] if self.qualifier == "range" else js(self.value)
        return {"value": value, "unit": self.unit, "qualifier": self.qualifier}


def _tidy(d: Decimal) -> Number:
    if d == d.to_integral_value():
        return int(d)
    return d.normalize()


def _arabic(s: str) -> Decimal:
    return Decimal(s.translate(_FULLWIDTH).replace(",", ""))


# compiled once: the parser runs for every candidate number of every report
_TOKEN = re.compile(rf"{_AR}|.")
_MULTIPLIERS_AT_END = re.compile(r"[十百千万亿萬億拾佰仟]+$")
_MORE = re.compile(r"[余多几]")
_ADJACENT = re.compile(rf"^([{''.join(_DIGITS)}])([{''.join(_DIGITS)}])([{''.join(_SMALL)}{''.join(_BIG)}]*)$")
_RANGE = re.compile(_RANGE_SEP)
_RANGE_INSIDE = re.compile(rf"\S{_RANGE_SEP}\S")


def _section(s: str) -> Decimal:
    """Numbers below 万: 三千五百二十, 2千, 13.4, 十五, 一百零五, 三点五."""
    if "点" in s:
        whole, frac = s.split("点", 1)
        digits = "".join(str(_DIGITS[c]) if c in _DIGITS else c for c in frac)
        return (_section(whole) if whole else Decimal(0)) + Decimal("0." + digits)
    total, current, previous = Decimal(0), None, ""
    for token in _TOKEN.findall(s):
        if token[0].isdigit() or token[0] in "０１２３４５６７８９":
            current = _arabic(token)
        elif token in _DIGITS:
            if previous in _DIGITS and previous not in "零〇" and token not in "零〇":
                raise ValueError("digits side by side are a name or a year, not a number: " + previous + token)
            current = Decimal(_DIGITS[token]) if token not in "零〇" else current
        elif token in _SMALL:
            total += (current if current is not None else 1) * _SMALL[token]
            current = None
        else:
            raise ValueError(token)
        previous = token
    return total + (current or 0)


def _value(s: str) -> Decimal:
    """Numerals with stacked multipliers: 1亿2千万, 13.4万, 千万, 万亿, 两百万."""
    for big in ("亿", "億", "万", "萬"):
        if big in s:
            left, right = s.rsplit(big, 1)
            return (_value(left) if left else Decimal(1)) * _BIG[big] + (_value(right) if right else 0)
    if not s:
        raise ValueError("empty")
    return _section(s)


def _scale(s: str) -> int:
    """The multiplier a bare left end borrows: 5-7亿 → 亿."""
    m = _MULTIPLIERS_AT_END.search(s)
    if not m:
        return 1
    scale = 1
    for ch in m.group():
        scale *= _SMALL.get(ch) or _BIG[ch]
    return scale


def _number(s: str) -> tuple[Decimal, Decimal | None, bool]:
    """(value, high or None for adjacent-digit ranges, more_than from 余/多/几 inside)."""
    more = False
    if _MORE.search(s):
        more = True
        s = _MORE.sub("", s)
    adjacent = _ADJACENT.match(s)
    if adjacent and _DIGITS[adjacent.group(2)] == _DIGITS[adjacent.group(1)] + 1 and _DIGITS[adjacent.group(1)]:
        rest = adjacent.group(3)
        return (_value(adjacent.group(1) + rest), _value(adjacent.group(2) + rest), more)
    return _value(s), None, more


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
    if m is None:
        # a unit that is not in the list: anything short after the number is the unit
        m = CANDIDATE.match(s)
        if m is None or not m.group("num"):
            return None
        rest = s[m.end():]
        if not rest or len(rest) > 6 or re.search(r"[0-9" + _CN + r"]", rest):
            return None
        return _build(m, rest)
    return _build(m, "")


def _build(m: re.Match, extra_unit: str) -> Quantity | None:
    num, unit = m.group("num"), (m.group("unit") or "") + extra_unit
    qualifier = PREFIXES.get(m.group("pre") or "", "exact")
    for part in (m.group("post"), m.group("suf")):
        if part:
            qualifier = SUFFIXES[part]
    if num.startswith(("百分之", "千分之")):
        value, high, more = _number(num[3:])
        return _finish(value, high, "%" if num[0] == "百" else "‰", "more_than" if more else qualifier)
    if "分之" in num:
        denominator, numerator = num.split("分之", 1)
        value = (_value(numerator) / _value(denominator)).quantize(Decimal("1e-10"))
        return _finish(value, None, "fraction", qualifier)
    parts = _RANGE.split(num, maxsplit=1) if _RANGE_INSIDE.search(num) else [num]
    if len(parts) == 2:
        left, right = parts
        high, _, _ = _number(right)
        low, _, _ = _number(left)
        if _scale(left) == 1 and _scale(right) > 1:
            low *= _scale(right)
        if low > high:
            raise ValueError("a range runs upwards")  # 2020-09 or 5-3 is not a range
        return Quantity(None, _percent(unit), "range", _tidy(low), _tidy(high))
    value, high, more = _number(num)
    if unit.startswith("成"):  # 七成五 = 75 %
        tenth = Decimal(_DIGITS[unit[1]]) if len(unit) > 1 else Decimal(0)
        value, high, unit = value * 10 + tenth, None if high is None else high * 10, "%"
    unit = _percent(unit)
    if more and qualifier == "exact":
        qualifier = "more_than"
    return _finish(value, high, unit, qualifier)


def _percent(unit: str) -> str:
    """Full-width ％ and 成 both come out as %."""
    return "%" if unit in ("%", "％") or unit.startswith("成") else unit


def _finish(value: Decimal, high: Decimal | None, unit: str, qualifier: str) -> Quantity:
    if value < 0 or (high is not None and high < value):
        raise ValueError("negative, or a range running downwards")
    if high is not None:  # 七八个, 两三百万
        return Quantity(None, unit, "range", _tidy(value), _tidy(high))
    return Quantity(_tidy(value), unit, qualifier)


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


def find_quantities(text: str) -> list[tuple[int, int, Quantity]]:
    """Every quantity in `text` as (start, end, Quantity), code point offsets, in order.

    Left out: years and dates, times, ordinals (第三批), list markers (一是), numbers
    inside names (八七扶贫攻坚计划, 4A级, quoted names such as “四个不摘”), idioms
    (十年九旱, 一个都不少), phone, ICP and postcode numbers.  `90225户341742人` is two."""
    if not isinstance(text, str):
        return []
    names = [(m.start(1), m.end(1)) for m in _QUOTED.finditer(text)]  # in order, not overlapping
    name_starts = [s for s, _ in names]
    idioms = [(m.start(), m.end()) for m in _IDIOM.finditer(text)]
    found = []
    for m in CANDIDATE.finditer(text):
        if not m.group("num"):
            continue
        start, end = m.span()
        try:
            quantity = _keep(text, m)
        except (ValueError, KeyError, InvalidOperation, ArithmeticError):
            quantity = None
        if quantity is None:
            continue
        i = bisect_right(name_starts, start)  # the quoted name starting last at or before this number
        if (i and end <= names[i - 1][1]) or (idioms and any(s < end and start < e for s, e in idioms)):
            continue
        found.append((start, end, quantity))
    return found


def _keep(text: str, m: re.Match) -> Quantity | None:
    """The quantity of a candidate match, or None for the kinds that are not metrics."""
    start, end = m.span()
    num, unit = m.group("num"), m.group("unit") or ""
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
    if unit == "年" and (re.fullmatch(r"(?:19|20)\d\d", num) or re.match(r"^(?:来|以来|度|代|末|底|初)", after)):
        return None  # a year, or a period (30多年来) rather than an amount
    if unit == "年" and not arabic and not re.search("[十百千万亿]", num):
        return None  # 三年行动, 五年规划: names and periods
    if text.startswith("周年", m.end("num") + len(m.group("post") or "")):
        return None  # 70周年, 建党一百周年: an anniversary is an ordinal, not an amount
    if not arabic and re.fullmatch("[十百千万亿]+", num):
        if unit == "年" or text[m.end("num"):m.end("num") + 1] == "年":
            return None  # 百年奋斗目标, 千年古镇: an era, not an amount
        if before.endswith(("几", "数", "上", "成")):
            return None  # 几亿人, 数万群众, 成千上万: a vague count has no value to give
        if any(_MULTIPLIER[a] > _MULTIPLIER[b] for a, b in zip(num, num[1:])):
            return None  # 亿万人民: multipliers stack upwards (千万, 万亿), never downwards: an idiom
    if not arabic and unit[:1] in "项个条种大" and _SLOGAN.match(text, end):
        return None  # 八项规定, 四个意识, 两个维护: numbered names of rules and slogans
    if not unit and _RANGE.search(num) and not _MYRIAD.search(num):
        return None  # 2020-09, 023-63891685: dates and phone numbers
    if not arabic:
        if not re.search("[十百千万亿萬億拾佰仟]", num) and len(num) == 1:
            if not unit or _DIGITS.get(num, 0) < 2:
                return None  # 一是, 一户一策, 三变: single small numerals are names and markers
    elif not unit and not re.search("[万亿萬億%％]", bare):
        digits = re.sub(r"\D", "", num.translate(_FULLWIDTH))
        if len(digits) < 2 or len(digits) > 9 or re.fullmatch(r"(?:19|20)\d\d", digits) or "." in num:
            return None  # bare numbers: single digits, codes, years and dates like 10.17
        if re.search(r"\d[-–—]\d", text[start - 1:end + 2]):
            return None
    return _build(m, "")


# --- writing quantities back ------------------------------------------------------------

_CN_DIGITS = "零一二三四五六七八九"


def _chinese_below_10000(n: int) -> str:
    out, zero = "", False
    for value, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit, n = divmod(n, value)
        if digit:
            if zero:
                out += "零"
            out += _CN_DIGITS[digit] + name
            zero = False
        elif out:
            zero = True
    return out


def chinese_numeral(n: int) -> str:
    """An integer in Chinese numerals: 2300 → 二千三百, 105 → 一百零五, 120000000 → 一亿二千万."""
    if n == 0:
        return "零"
    text = _chinese(n)
    return text[1:] if text.startswith("一十") else text  # 十五, not 一十五


def _chinese(n: int) -> str:
    parts = []
    for value, name in ((10 ** 8, "亿"), (10 ** 4, "万"), (1, "")):
        chunk, n = divmod(n, value)
        if chunk:
            parts.append((_chinese_below_10000(chunk) if chunk < 10000 else _chinese(chunk)) + name)
            if n and n < value // 10:
                parts.append("零")
    return "".join(parts)


def format_quantity(q: Quantity, *, chinese: bool = False) -> str:
    """A quantity as a report would write it: 13.4万, 近3.53亿元, 2万余户, 5-7亿元, 三百亩."""
    def number(v: Number) -> str:
        if chinese and isinstance(v, int):
            return chinese_numeral(v)
        d = Decimal(v)
        for scale, name in ((10 ** 8, "亿"), (10 ** 4, "万")):
            if abs(d) >= scale:
                return f"{_plain(d / scale)}{name}"
        return _plain(d)
    unit = "" if q.unit == "fraction" else q.unit
    if q.qualifier == "range":
        low, high = number(q.low), number(q.high)
        if high[-1] in "万亿" and low[-1] not in "万亿":
            high = _plain(Decimal(q.high))  # "1-1万" would read as 1万-1万: a bare left end borrows
        return f"{low}-{high}{unit}"
    text = number(q.value)
    if q.qualifier == "more_than":
        return f"{text}余{unit}" if unit not in ("%", "‰") else f"{text}{unit}以上"
    prefix = {"approx": "约", "less_than": "不足"}.get(q.qualifier, "")
    return f"{prefix}{text}{unit}"


def _plain(d: Decimal) -> str:
    text = format(d.normalize(), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text
