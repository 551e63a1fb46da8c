"""Where sentences end, for the two jobs that need it; each rule has its own name.

- `clause_bounds`: the stretch of text a span's context is read from (a metric's indicator,
  subject and period; the sentence stored with every span and shown in the metrics table).  It
  ends at 。！？!? and also at ；; and line breaks: a metric's subject rarely crosses a semicolon.
- `training_sentences`: the sentences of sentence-by-sentence exports (BIO, --sentences).  They end
  at line breaks and after 。！？!? only, and never inside a span, so no label is cut in two.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

CLAUSE_END = "。！？!?;；\n"
SENTENCE_END = "。！？!?"

_CLAUSE_END = re.compile(f"[{re.escape(CLAUSE_END)}]")


@lru_cache(maxsize=8)
def _clause_ends(text: str) -> tuple[int, ...]:
    return tuple(m.start() for m in _CLAUSE_END.finditer(text))


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Bounds of the clause holding [start, end)."""
    ends = _clause_ends(text)  # once per text: every quantity of a report asks
    before = bisect_left(ends, start)
    after = bisect_left(ends, end)
    return (ends[before - 1] + 1 if before else 0), (ends[after] + 1 if after < len(ends) else len(text))


def training_sentences(text: str, spans: list[tuple[int, int]], *, lines_only: bool = False) -> list[tuple[int, int]]:
    """(start, end) of each sentence with something besides whitespace in it, never cut inside one
    of `spans` ((start, end) pairs); with `lines_only`, only line breaks end sentences."""
    inside = set()
    for a, b in spans:
        inside.update(range(a + 1, b))  # no cut may fall inside a span
    cuts, start = [], 0
    for i, ch in enumerate(text):
        if ch == "\n":
            cuts.append((start, i))
            start = i + 1
        elif not lines_only and ch in SENTENCE_END and i + 1 not in inside and text[i + 1:i + 2] != "\n":
            cuts.append((start, i + 1))
            start = i + 1
    cuts.append((start, len(text)))
    return [(a, b) for a, b in cuts if text[a:b].strip()]
