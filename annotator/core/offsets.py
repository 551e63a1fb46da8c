"""Code points (storage, Python, spaCy) to UTF-16 units (Qt, JavaScript tools such as doccano and
Label Studio) and back, for one text.

The one place where the two counts meet.  Python finds 贫 at 2 in '😀𠮷贫困',
Qt and JavaScript at 4: every character outside the BMP takes two UTF-16 units.
"""
from __future__ import annotations

import re
from bisect import bisect_left

_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


class Utf16Map:
    def __init__(self, text: str):
        self.length = len(text)
        # code point index of each astral character, and its UTF-16 index
        self._astral = [m.start() for m in _ASTRAL.finditer(text)]
        self._astral_qt = [i + n for n, i in enumerate(self._astral)]
        self.qt_length = self.length + len(self._astral)

    def to_qt(self, cp: int) -> int:
        """UTF-16 position of code point position `cp` (0..len)."""
        return cp + bisect_left(self._astral, cp)

    def from_qt(self, qt: int) -> int:
        """Code point position of UTF-16 position `qt`; a position inside a
        surrogate pair rounds down to the start of its character."""
        before = bisect_left(self._astral_qt, qt)  # astral characters starting before qt
        if before and self._astral_qt[before - 1] + 1 == qt:
            return self._astral[before - 1]
        return qt - before

    def from_utf16_exact(self, unit: int) -> int:
        """Code point position of UTF-16 position `unit`; ValueError if it is outside the text or falls
        inside a surrogate pair (an offset no correct tool writes)."""
        if not 0 <= unit <= self.qt_length:
            raise ValueError(f"offset {unit} is outside the text ({self.qt_length} UTF-16 units)")
        before = bisect_left(self._astral_qt, unit)
        if before and self._astral_qt[before - 1] + 1 == unit:
            raise ValueError(f"offset {unit} falls inside a character written with two UTF-16 units")
        return unit - before
