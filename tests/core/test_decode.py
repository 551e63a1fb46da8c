import codecs

import pytest
from hypothesis import assume, given, strategies as st

from annotator.core.ingest.decode import DecodeError, NewlineMap, decode_bytes, normalise_newlines

TEXT = "云阳13.4万贫困群众\u00a0如期脱贫,𠮷😀 e\u0301 ＡＢＣ"


@pytest.mark.parametrize("encoded, encoding", [
    (TEXT.encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
    (TEXT.encode("utf-16"), "utf-16"),  # with BOM, native order
    (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16"),
])
def test_unicode_encodings_decode_to_the_same_characters(encoded, encoding):
    assert decode_bytes(encoded) == (TEXT, encoding)


def test_gb18030_beyond_gbk_decodes():
    text = "贫困户𠮷与€——全角ＡＢＣ"  # 𠮷 and € exist in GB18030, not in GBK
    with pytest.raises(UnicodeEncodeError):
        text.encode("gbk")
    assert decode_bytes(text.encode("gb18030")) == (text, "gb18030")


def test_gbk_file_decodes():
    text = "资阳市人民政府发布脱贫攻坚工作综述。"
    assert decode_bytes(text.encode("gbk"))[0] == text


@pytest.mark.parametrize("data, reason", [
    (b"", "empty file"),
    (b"  \n\t\n", "empty file"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    (bytes(range(256)) * 4, "binary"),
    ("坏字\ufffd\ufffd\ufffd".encode("utf-8") * 10, "U+FFFD"),
    (b"report \x80 text " * 50, "not UTF-8, UTF-16 with BOM, GB18030 or Big5"),
])
def test_unreadable_bytes_are_refused_with_a_reason(data, reason):
    with pytest.raises(DecodeError, match=reason.replace("+", r"\+")):
        decode_bytes(data)


def test_characters_are_never_normalised():
    text = "e\u0301 \u00a0 ＡＢ ｶ ﬁ"  # combining mark, NBSP, full-width, half-width kana, ligature
    assert decode_bytes(text.encode("utf-8"))[0] == text
    assert normalise_newlines(text) == text


def test_line_endings_become_lf():
    assert normalise_newlines("a\r\nb\rc\n\r\nd") == "a\nb\nc\n\nd"


@given(st.text())
def test_newline_map_moves_offsets_with_the_text(text):
    m = NewlineMap(text)
    assert "\r" not in m.text
    for old in range(len(text) + 1):
        if old and text[old - 1:old + 1] == "\r\n":
            with pytest.raises(ValueError):
                m.offset(old)
            continue
        new = m.offset(old)
        # the text before the offset is the same text, normalised
        assert m.text[:new] == normalise_newlines(text[:old])


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1))
def test_any_utf8_text_decodes_back_or_is_refused_with_a_reason(text):
    assume(not text.startswith("\ufeff"))  # a leading BOM is an encoding mark, not text
    try:
        decoded, _ = decode_bytes(text.encode("utf-8"))
    except DecodeError as exc:
        assert str(exc)
    else:
        assert decoded == text
