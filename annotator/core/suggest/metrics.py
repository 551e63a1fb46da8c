"""METRIC suggestions: every quantity find_quantities sees, with value, unit and qualifier."""
from __future__ import annotations

from annotator.core.quantity import find_quantities
from annotator.core.suggest import Suggestion


def suggest(text: str) -> list[Suggestion]:
    return [Suggestion(start, end, "METRIC", "metrics", 0.97, q.as_attrs()) for start, end, q in find_quantities(text)]
