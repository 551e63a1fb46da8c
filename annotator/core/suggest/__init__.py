"""Pre-annotation: suggestions from several sources, kept apart from annotations.

Each source looks at a report's text and returns `Suggestion`s with the name
of the source and a confidence.  `combine` keeps, inside each layer, the
surest of overlapping suggestions (longer wins a tie).  The store writes them
as spans with origin "suggested" (see store/suggestions.py).
"""
from __future__ import annotations

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
    taken: dict[str, list[tuple[int, int]]] = {}
    for s in sorted(suggestions, key=lambda s: (-s.confidence, s.start - s.end, s.start)):
        layer = layer_of.get(s.label)
        if layer is None:
            continue
        spans = taken.setdefault(layer, [])
        if any(a < s.end and s.start < b for a, b in spans):
            continue
        spans.append((s.start, s.end))
        kept.append(s)
    return sorted(kept, key=lambda s: (s.start, s.end, s.label))
