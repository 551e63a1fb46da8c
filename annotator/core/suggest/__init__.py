"""Pre-annotation: suggestions from several sources, kept apart from annotations.

Each source looks at a report's text and returns `Suggestion`s with the name
of the source and a confidence.  `combine` keeps, inside each layer, the
surest of overlapping suggestions (longer wins a tie).  The store writes them
as spans with origin "suggested" (see store/suggestions.py).
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Suggestion:
    start: int
    end: int
    label: str
    source: str
    confidence: float
    attrs: dict = field(default_factory=dict, compare=False)


def combine(suggestions: list[Suggestion], layer_of: dict[str, str]) -> list[Suggestion]:
    """Non-overlapping suggestions per layer, surest and longest first, in text order."""
    kept: list[Suggestion] = []
    taken: dict[str, tuple[list[int], list[int]]] = {}  # layer → starts and ends of kept spans, in order
    for s in sorted(suggestions, key=lambda s: (-s.confidence, s.start - s.end, s.start)):
        layer = layer_of.get(s.label)
        if layer is None:
            continue
        starts, ends = taken.setdefault(layer, ([], []))
        i = bisect_left(starts, s.start)
        if (i and ends[i - 1] > s.start) or (i < len(starts) and starts[i] < s.end):
            continue  # overlaps the kept span before or after it
        starts.insert(i, s.start)
        ends.insert(i, s.end)
        kept.append(s)
    return sorted(kept, key=lambda s: (s.start, s.end, s.label))


class Lexicon:
    """A set of names matched longest-first at given positions.  Indexed by first character, so most
    positions cost one lookup: much faster than one regular expression of thousands of names."""

    def __init__(self, names) -> None:
        self.names = frozenset(names)
        sizes: dict[str, set[int]] = {}
        for name in self.names:
            sizes.setdefault(name[0], set()).add(len(name))
        self._sizes = {ch: sorted(s, reverse=True) for ch, s in sizes.items()}
        self.first = frozenset(self._sizes)  # characters a name starts with: a quick first test
        self._pairs = frozenset(name[:2] for name in self.names if len(name) >= 2)
        self._singles = frozenset(name for name in self.names if len(name) == 1)

    def longest(self, text: str, at: int) -> int:
        """Length of the longest name starting at `at` (0 if none)."""
        if text[at:at + 2] in self._pairs:  # most places start no name: one lookup says so
            room = len(text) - at
            for size in self._sizes[text[at]]:
                if size <= room and text[at:at + size] in self.names:  # a slice past the end is shorter
                    return size
        return 1 if text[at:at + 1] in self._singles else 0


def find_names(text: str, labels: dict[str, str], lexicon: Lexicon, source: str,
               confidence: float) -> list[Suggestion]:
    """Every occurrence of the lexicon's names in the text, longest first, labelled by `labels`."""
    found, at = [], 0
    first = lexicon.first
    for i, ch in enumerate(text):
        if i < at or ch not in first:
            continue
        size = lexicon.longest(text, i)
        if size:
            found.append(Suggestion(i, i + size, labels[text[i:i + size]], source, confidence))
            at = i + size
    return found
