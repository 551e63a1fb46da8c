"""Krippendorff's alpha for unitizing (αu; Krippendorff 1995, "On the reliability of unitizing
continuous data", and Content Analysis, 2nd ed. 2004, §12.4), as DKPro Statistics computes it.

Each category is judged on its own.  Every rater's continuum [begin, begin + L) is cut into
sections: their units of the category, and the gaps between them (units of other categories are
gap too).  Two raters' sections that overlap disagree by
    (begin difference)² + (end difference)²   when both are units,
    (the unit's length)²                      when a unit lies wholly inside the other's gap,
    0                                         otherwise.
Observed disagreement sums that over ordered pairs of raters, over m(m−1)L².  Expected disagreement
(what the same units and gaps would give if placed at random):
    (2/L) · Σ_u [(N−1)(2l³−3l²+l)/3 + l² Σ_{gaps g ≥ l} (g−l+1)] / [mL(mL−1) − Σ_u l(l−1)]
over the N units u (length l) of the category from all raters.  αu = 1 − Do/De per category, and
1 − ΣDo/ΣDe over all categories.  Tested against the published examples (tests/core/test_unitizing.py).
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from itertools import accumulate, permutations


@dataclass(frozen=True)
class Unit:
    rater: str
    begin: int
    length: int
    category: str

    @property
    def end(self) -> int:
        return self.begin + self.length


def _sections(units: list[Unit], begin: int, length: int) -> list[tuple[int, int, bool]]:
    """(begin, end, is a unit) tiling [begin, begin + length): the units in order and the gaps between."""
    out, at = [], begin
    for u in sorted(units, key=lambda u: u.begin):
        if u.begin > at:
            out.append((at, u.begin, False))
        out.append((u.begin, u.end, True))
        at = max(at, u.end)
    if at < begin + length:
        out.append((at, begin + length, False))
    return out


def _distance(g: tuple[int, int, bool], h: tuple[int, int, bool]) -> int:
    (bg, eg, ug), (bh, eh, uh) = g, h
    if ug and uh:
        return (bg - bh) ** 2 + (eg - eh) ** 2 if bg < eh and bh < eg else 0
    if ug and not uh and bh <= bg and eg <= eh:
        return (eg - bg) ** 2
    if uh and not ug and bg <= bh and eh <= eg:
        return (eh - bh) ** 2
    return 0


def _observed_sum(a: list[tuple[int, int, bool]], b: list[tuple[int, int, bool]]) -> int:
    """Σ δ² over the overlapping sections of two raters (both tile the continuum: one walk)."""
    total, i, j = 0, 0, 0
    while i < len(a) and j < len(b):
        total += _distance(a[i], b[j])
        if a[i][1] <= b[j][1]:
            i += 1
        else:
            j += 1
    return total


def disagreements(units: list[Unit], raters: list[str], begin: int, length: int,
                  category: str) -> tuple[float, float]:
    """(observed, expected) disagreement of one category."""
    m = len(raters)
    mine = {r: [u for u in units if u.rater == r and u.category == category] for r in raters}
    sections = {r: _sections(mine[r], begin, length) for r in raters}
    observed = sum(_observed_sum(sections[i], sections[j]) for i, j in permutations(raters, 2))
    observed_d = observed / (m * (m - 1) * length * length)
    lengths = [u.length for r in raters for u in mine[r]]
    gaps = sorted(e - b for r in raters for b, e, is_unit in sections[r] if not is_unit)
    tail = list(accumulate(reversed(gaps)))[::-1] + [0]  # tail[k] = Σ gaps[k:]
    n = len(lengths)
    numerator = 0
    for x in lengths:
        k = bisect_left(gaps, x)
        numerator += (n - 1) * (2 * x ** 3 - 3 * x ** 2 + x) // 3 + x * x * (tail[k] - (x - 1) * (len(gaps) - k))
    denominator = m * length * (m * length - 1) - sum(x * (x - 1) for x in lengths)
    expected_d = 2 / length * numerator / denominator if denominator else 0.0
    return observed_d, expected_d


def alpha(units: list[Unit], raters: list[str], begin: int, length: int) -> dict:
    """{"categories": {category: {"observed", "expected", "alpha"}}, "alpha": overall (None when
    nothing was marked)}."""
    categories = sorted({u.category for u in units})
    out: dict = {"categories": {}}
    total_o = total_e = 0.0
    for c in categories:
        do, de = disagreements(units, raters, begin, length, c)
        total_o, total_e = total_o + do, total_e + de
        out["categories"][c] = {"observed": do, "expected": de, "alpha": 0.0 if do == de else 1 - do / de}
    if not categories:
        out["alpha"] = None
    elif total_o == total_e:
        out["alpha"] = 1.0 if total_o == 0 and any(u.length > 0 for u in units) else 0.0
    else:
        out["alpha"] = 1 - total_o / total_e
    return out
