"""Which East Asian encoding bytes are in when they are not UTF-8: the check that keeps Japanese
and Korean files from importing as GB18030 mojibake (most of their bytes form valid GB18030).

Each candidate encoding decodes the bytes strictly and the result is judged by what its language
looks like: Japanese has kana (EUC-JP kana sit exactly where GB2312 has them, Shift-JIS decodes
without error almost always), Korean is nearly all Hangul syllables, Chinese in GB18030 is nearly
all GB2312 level-1 hanzi (the 3,755 common ones) and Chinese in Big5 nearly all Big5 "frequent"
hanzi.  Measured on real files in docs/adr/0014-hostile-input.md.
"""
from __future__ import annotations

import re

# full-width kana without ・ and ー, which Chinese text borrows
_KANA = set(range(0x3041, 0x30FB))
_HANGUL_WORDS = re.compile("[\uac00-\ud7a3] [\uac00-\ud7a3]")  # Korean spaces its words; Chinese does not


def guess(data: bytes) -> tuple[str, str]:
    """(encoding, language) of `data` (not UTF-8): ("gb18030", "Chinese"), ("big5", "Chinese"),
    ("shift_jis", "Japanese"), ("euc_jp", "Japanese"), ("euc_kr", "Korean") or ("", "") when
    no candidate reads as its language."""
    sample = data[:65536]
    for codec, name in (("euc_jp", "euc_jp"), ("shift_jis", "shift_jis"), ("cp932", "shift_jis")):
        text = _decoded(sample, codec)  # Chinese never decodes to kana in these (see the ADR)
        if text is not None and _count(text, _is_kana) >= 2 and _share(text, _is_kana) >= 0.15:
            return name, "Japanese"
    for codec in ("euc_kr", "cp949"):  # cp949: Korean beyond EUC-KR's 2,350 syllables
        text = _decoded(sample, codec)
        if text is not None and _korean(text):
            return codec, "Korean"
    text = _decoded(sample, "gb18030")
    if text is not None and (_count(text, _is_letter) == 0 or _share(text, _is_gb2312) >= 0.8):
        return "gb18030", "Chinese"
    for codec in ("big5", "cp950"):
        big5 = _decoded(sample, codec)
        if big5 is not None and _count(big5, _is_letter) >= 2 and _share(big5, _is_common_big5) >= 0.8:
            return codec, "Chinese"
    if text is not None and _share(text, _is_hanzi) >= 0.8:  # GBK's traditional and rarer hanzi
        return "gb18030", "Chinese"
    return "", ""


def _korean(text: str) -> bool:
    """Nearly all Hangul, in words spaced as Korean spaces them: Chinese in GB18030 decodes to Hangul
    about as often (its common rows are EUC-KR's Hangul rows) but keeps no spaces between words."""
    hangul = _count(text, _is_hangul)
    spaced = len(_HANGUL_WORDS.findall(text))
    return hangul >= 8 and _share(text, _is_hangul) >= 0.8 and spaced >= 2 and spaced * 8 >= hangul


def _decoded(sample: bytes, codec: str) -> str | None:
    try:
        return sample.decode(codec)
    except LookupError:  # a build without the codec (build.spec lists the ones needed)
        return None
    except UnicodeDecodeError as exc:
        if exc.start >= len(sample) - 3 and len(sample) == 65536:  # a character cut by the sample's end
            try:
                return sample[:exc.start].decode(codec)
            except UnicodeDecodeError:
                return None
        return None


def _is_letter(ch: str) -> bool:
    """A letter that tells the language: a hanzi, kana or Hangul (not full-width Latin, not symbols)."""
    return _is_hanzi(ch) or "\u3041" <= ch <= "\u30ff" or "\uac00" <= ch <= "\ud7a3"


def _count(text: str, test) -> int:
    return sum(1 for ch in text if _is_letter(ch) and test(ch))


def _share(text: str, test) -> float:
    """The share of the letters of `text` (hanzi, kana, Hangul) that pass `test`."""
    letters = [ch for ch in text if _is_letter(ch)]
    return sum(1 for ch in letters if test(ch)) / len(letters) if letters else 0.0


def _is_hanzi(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or "\U00020000" <= ch <= "\U0003ffff"


def _is_kana(ch: str) -> bool:
    return ord(ch) in _KANA


def _is_hangul(ch: str) -> bool:
    return "\uac00" <= ch <= "\ud7a3"


def _is_gb2312(ch: str) -> bool:
    """A hanzi of GB2312 (lead bytes B0-F7; its kana rows do not count: Big5 decodes to them)."""
    try:
        return ch.encode("gb2312")[0] >= 0xB0
    except UnicodeEncodeError:
        return False


def _is_common_big5(ch: str) -> bool:
    """A Big5 frequently used hanzi (lead bytes A4-C6)."""
    try:
        return 0xA4 <= ch.encode("big5")[0] <= 0xC6
    except UnicodeEncodeError:
        return False
