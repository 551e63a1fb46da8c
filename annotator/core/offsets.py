"""Code points (storage, Python, spaCy) to UTF-16 units (Qt, JavaScript tools such as doccano and
Label Studio) and back, for one text.

The one place where the two counts meet.  Python finds 贫 at 2 in '😀𠮷贫困',
Qt and JavaScript at 4: every character outside the BMP takes two UTF-16 units.
"""
from __future__ import annotations

import re
from bisect import bisect_left

import regex

_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")
# a character that may join a cluster with its neighbour (CR, combining marks, ZWJ, skin tones, flags, Hangul …):
# only Other, Control and LF never do
_JOINING = regex.compile(r"[^\p{Grapheme_Cluster_Break=Other}\p{Grapheme_Cluster_Break=Control}\n]")


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


class Graphemes:
    """Grapheme clusters (Unicode's extended clusters, regex's \\X) of one text: doccano projects with
    "count grapheme clusters as one character" store cluster positions (its v-annotator, Text.ts:
    grapheme-splitter), so after 👍🏽 or 👨‍👩‍👧 or a combining accent they are smaller than code points."""

    def __init__(self, text: str):
        if _JOINING.search(text) is None:  # each character its own cluster, as in most reports: 50x faster
            self.starts: range | list[int] = range(len(text) + 1)
            self._edges: range | set[int] = self.starts
        else:
            self.starts = [m.start() for m in regex.finditer(r"\X", text)] + [len(text)]
            self._edges = set(self.starts)

    @property
    def count(self) -> int:
        return len(self.starts) - 1

    def to_code_point(self, cluster: int) -> int:
        """Code point position of cluster position `cluster`; ValueError outside the text."""
        if not 0 <= cluster < len(self.starts):
            raise ValueError(f"offset {cluster} is outside the text ({len(self.starts) - 1} grapheme clusters)")
        return self.starts[cluster]

    def splits(self, cp: int) -> bool:
        """Whether code point position `cp` falls inside a cluster (between 👍 and its skin tone, say)."""
        return cp not in self._edges
