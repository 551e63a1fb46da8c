"""UTF-16 (Qt) and code point (storage) positions: exact both ways, astral characters included."""
import pytest
from hypothesis import given, strategies as st

from annotator.core.offsets import Utf16Map


def test_the_design_example():
    m = Utf16Map("😀𠮷贫困")
    assert m.to_qt(2) == 4 and m.from_qt(4) == 2
    assert m.qt_length == 6


def test_inside_a_surrogate_pair_rounds_down():
    m = Utf16Map("a𠮷b")
    assert [m.from_qt(q) for q in range(5)] == [0, 1, 1, 2, 3]


def utf16_index(text, cp):
    return len(text[:cp].encode("utf-16-le")) // 2


@given(st.text(alphabet=st.sampled_from("贫困户aé\u00a0\n😀𠮷🇨🇳\U0010ffff"), max_size=60))
def test_matches_utf16_encoding_everywhere(text):
    m = Utf16Map(text)
    assert m.qt_length == len(text.encode("utf-16-le")) // 2
    for cp in range(len(text) + 1):
        qt = utf16_index(text, cp)
        assert m.to_qt(cp) == qt
        assert m.from_qt(qt) == cp


@given(st.text(alphabet="贫a😀𠮷\n", max_size=20))
def test_utf16_offsets_round_trip_exactly_and_refuse_half_characters(text):
    m = Utf16Map(text)
    for cp in range(len(text) + 1):
        assert m.from_utf16_exact(m.to_qt(cp)) == cp
    for cp, ch in enumerate(text):
        if ord(ch) > 0xFFFF:
            with pytest.raises(ValueError, match="inside a character"):
                m.from_utf16_exact(m.to_qt(cp) + 1)
    with pytest.raises(ValueError, match="outside"):
        m.from_utf16_exact(m.qt_length + 1)
