"""Chinese and Arabic numerals: their exact values, and integers written back in Chinese.

Reads 1亿2千万, 13.4万, 千万, 万亿, 三千五百二十, 一百零五, 三点五, the spoken 三万五 (35000) and 一百二 (120),
financial capitals (壹拾) and full-width digits, left to right with no recursion, so a run of a
thousand 万 is a long string, not a RecursionError.  Values are Decimal: 1.716亿 is exactly 171600000.
The patterns that find numbers in text, and what a number's neighbours mean, are quantity.py's.
"""
from __future__ import annotations

import re
from decimal import Decimal

Number = int | Decimal

FULLWIDTH = str.maketrans("０１２３４５６７８９．，％－−", "0123456789.,%--")
DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
          "八": 8, "九": 9, "壹": 1, "贰": 2, "貳": 2, "叁": 3, "參": 3, "肆": 4, "伍": 5, "陆": 6, "陸": 6,
          "柒": 7, "捌": 8, "玖": 9}
SMALL = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
BIG = {"万": 10 ** 4, "萬": 10 ** 4, "亿": 10 ** 8, "億": 10 ** 8}
DIGIT_CHARS = "".join(DIGITS)
MULTIPLIER_CHARS = "".join(SMALL) + "".join(BIG)


def tidy(d: Decimal) -> Number:
    """An int when the value is whole (13.4万 is 134000), else the Decimal without trailing zeros."""
    if d == d.to_integral_value():
        return int(d)
    return d.normalize()


def arabic(s: str) -> Decimal:
    """Arabic digits, half- or full-width, with thousands commas: 1,234.5 and １２３４．５."""
    return Decimal(s.translate(FULLWIDTH).replace(",", ""))


# compiled once: read for every candidate number of every report
_TOKEN = re.compile(r"[0-9０-９]+(?:[,，][0-9０-９]{3})*(?:[.．][0-9０-９]+)?|.")


def _section(s: str) -> Decimal:
    """Numbers below 万: 三千五百二十, 2千, 13.4, 十五, 一百零五, 三点五, and the spoken 一百二 (120)."""
    if "点" in s:
        whole, frac = s.split("点", 1)
        digits = "".join(str(DIGITS[c]) if c in DIGITS else c for c in frac)
        return (_section(whole) if whole else Decimal(0)) + Decimal("0." + digits)
    total, current, previous, before = Decimal(0), None, "", ""
    for token in _TOKEN.findall(s):
        if token[0] in "0123456789０１２３４５６７８９":
            current = arabic(token)
        elif token in DIGITS:
            if previous in DIGITS and previous not in "零〇" and token not in "零〇":
                raise ValueError("digits side by side are a name or a year, not a number: " + previous + token)
            current = Decimal(DIGITS[token]) if token not in "零〇" else current
        elif token in SMALL:
            total += (current if current is not None else 1) * SMALL[token]
            current = None
        else:
            raise ValueError(token)
        previous, before = token, previous
    if previous in "两兩" and before in SMALL:
        raise ValueError("一百两 is a weight in 两, not 120")
    if current is not None and previous in DIGITS and SMALL.get(before, 0) >= 100:
        current *= SMALL[before] // 10  # 一百二 is 120, 两千六 2600: the digit fills the next place down
    return total + (current or 0)


def value_of(s: str) -> Decimal:
    """Numerals with stacked multipliers, read left to right: 1亿2千万, 13.4万, 千万, 万亿, 两百万, 三万五.

    No recursion, so a run of a thousand 万 is just a long string.  A 万 may not follow a 万, nor
    an 亿 an 亿, without the bigger one between (万万, 一万一万): no number is written so."""
    if not s:
        raise ValueError("empty")
    high = middle = Decimal(0)  # the part up to the last 亿, and up to the last 万 after it
    has_high = has_middle = False
    start = 0  # where the section after the last 万/亿 begins
    for i, ch in enumerate(s):
        if ch not in BIG:
            continue
        if i == start and i and s[i - 1] in BIG:  # stacked: 千万, 万亿, and 万万 (亿) in older texts
            if i >= 2 and s[i - 2] in BIG:
                raise ValueError("three multipliers stacked")
            if BIG[ch] == 10 ** 4 and has_high:
                raise ValueError("万 after 亿")  # 亿万 is an idiom, not a number
            if BIG[ch] == 10 ** 4:
                middle *= 10 ** 4
            elif has_middle:  # 千万亿
                if has_high:
                    raise ValueError("亿 after 亿")
                high, has_high, middle, has_middle = middle * 10 ** 8, True, Decimal(0), False
            else:
                high *= 10 ** 8
            start = i + 1
            continue
        section = _section(s[start:i]) if i > start else None
        if BIG[ch] == 10 ** 4:
            if has_middle:
                raise ValueError("万 after 万")
            base = section if section is not None else Decimal(1)
            middle, has_middle = base * 10 ** 4, True
        else:
            if has_high:
                raise ValueError("亿 after 亿")
            base = middle + (section or 0) if (has_middle or section is not None) else Decimal(1)
            high, has_high, middle, has_middle = base * 10 ** 8, True, Decimal(0), False
        start = i + 1
    tail = s[start:]
    if tail in ("两", "兩") and start:
        raise ValueError("七万万两 is a weight in 两")
    if len(tail) == 1 and tail in DIGITS and tail not in "零〇" and start >= 1:
        return high + middle + DIGITS[tail] * BIG[s[start - 1]] // 10  # 三万五 is 35000, 一亿五 150000000
    return high + middle + (_section(tail) if tail else 0)


def multiplier(run: str) -> int:
    """What a run of multipliers multiplies by: 千万 → 10^7."""
    scale = 1
    for ch in run:
        scale *= SMALL.get(ch) or BIG[ch]
    return scale


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


def plain(d: Decimal) -> str:
    """A decimal as written in a report: 0.000001, never 1E-6; no trailing zeros."""
    text = format(d.normalize(), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text
