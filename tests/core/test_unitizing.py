"""Agreement measures against published worked examples.

αu: Krippendorff (2004), Content Analysis 2nd ed., p. 254, and Krippendorff (1995), Sociological
Methodology 25, p. 57, as DKPro Statistics transcribes them in its tests (dkpro/dkpro-statistics,
dkpro-statistics-agreement/src/test/java/org/dkpro/statistics/agreement/unitizing/, at f7f4f89:
Krippendorff2004Test, Krippendorff1995Test, UnitizingAgreementTest), with their tolerances.
Exact F1 between two annotators: kldtz/bratiaa's test data (tests/bratiaa/test_agree.py, 587838a).
"""
from __future__ import annotations

import math

import pytest

from annotator.core.model import Span
from annotator.core.store.team import Version
from annotator.core.team import agreement
from annotator.core.team.unitizing import Unit, alpha, disagreements


def units(rows, category=None) -> list[Unit]:
    return [Unit(str(r[2]), r[0], r[1], category or r[3]) for r in rows]


def test_krippendorff_2004_example():
    study = units([(225, 70, 0, "c"), (370, 30, 0, "c"), (220, 80, 1, "c"), (355, 20, 1, "c"), (400, 20, 1, "c"),
                   (180, 60, 0, "k"), (300, 50, 0, "k"), (180, 60, 1, "k"), (300, 50, 1, "k")])
    result = alpha(study, ["0", "1"], 150, 300)
    c, k = result["categories"]["c"], result["categories"]["k"]
    assert c["observed"] == pytest.approx(1300 / 90000)
    assert c["expected"] == pytest.approx(0.0532, abs=1e-4)
    assert c["alpha"] == pytest.approx(0.7286, abs=1e-4)
    assert (k["observed"], k["alpha"]) == (0, 1.0)
    assert k["expected"] == pytest.approx(0.0490, abs=1e-4)
    assert result["alpha"] == pytest.approx(0.8591, abs=5e-4)


# Krippendorff 1995, p. 57: four two-coder examples on one continuum of 24 (A: Bertha/Bill, B: John/Jill,
# C: Gerret/Gill, D: Heather/Hill), as (begin, length, coder).
EXAMPLE_1995 = {
    "A": [(2, 8, 0), (14, 6, 0), (4, 4, 1), (15, 2, 1)],
    "B": [(0, 18, 0), (0, 2, 1), (2, 1, 1), (3, 1, 1), (4, 1, 1), (5, 1, 1), (6, 3, 1), (9, 1, 1)],
    "C": [(2, 6, 0), (10, 2, 0), (14, 4, 0), (20, 2, 0), (0, 2, 1), (4, 4, 1), (10, 4, 1), (16, 2, 1), (20, 2, 1)],
    "D": [(0, 2, 0), (2, 8, 0), (10, 4, 0), (14, 6, 0), (20, 4, 0), (0, 4, 1), (4, 4, 1), (8, 7, 1), (15, 2, 1),
          (17, 7, 1)],
}
# the paper's figures (the continuous case, approached by stretching the continuum 50,000 times)
PAPER_1995 = {"A": (0.03125, 0.06990, 0.553), "B": (2.26736, 1.17731, -0.926), "C": (0.02777, 0.08642, 0.679),
              "D": (0.38715, 0.41445, 0.066)}


@pytest.mark.parametrize("name", "ABCD")
def test_krippendorff_1995_examples(name):
    s = 50_000
    study = [Unit(str(r), b * s, n * s, name) for b, n, r in EXAMPLE_1995[name]]
    observed, expected = disagreements(study, ["0", "1"], 0, 24 * s, name)
    paper_o, paper_e, paper_alpha = PAPER_1995[name]
    assert observed == pytest.approx(paper_o, abs=1e-5)
    # DKPro's tolerances: its test notes the paper's expected disagreement for B and C seems a little off
    assert expected == pytest.approx(paper_e, abs=0.005)
    assert 1 - observed / expected == pytest.approx(paper_alpha, abs=0.02)
    if name in "AD":  # where the paper's arithmetic and the formula agree, they agree closely
        assert 1 - observed / expected == pytest.approx(paper_alpha, abs=1e-3)


def test_dkpro_example_and_degenerate_cases():
    study = units([(1, 8, 0, "A"), (2, 1, 1, "A"), (4, 1, 1, "A"), (6, 1, 1, "A")])
    result = alpha(study, ["0", "1"], 0, 10)
    assert result["categories"]["A"]["observed"] == pytest.approx(0.91, abs=1e-4)
    assert result["categories"]["A"]["expected"] == pytest.approx(0.5351, abs=1e-4)
    assert result["alpha"] == pytest.approx(-0.7003, abs=1e-4)
    assert alpha(units([(0, 1, 0, "X")]), ["0", "1", "2"], 0, 20)["alpha"] == 0.0
    assert alpha([], ["0", "1", "2"], 0, 20)["alpha"] is None
    same = alpha(units([(0, 0, 0, "A"), (2, 5, 0, "A"), (2, 5, 1, "A")]), ["0", "1"], 0, 15)
    assert same["alpha"] == 1.0


def test_the_2004_example_does_not_depend_on_where_the_continuum_starts():
    rows = [(225, 70, 0, "c"), (370, 30, 0, "c"), (220, 80, 1, "c"), (355, 20, 1, "c"), (400, 20, 1, "c")]
    moved = [(b - 150, n, r, c) for b, n, r, c in rows]
    assert math.isclose(alpha(units(rows), ["0", "1"], 150, 300)["alpha"],
                        alpha(units(moved), ["0", "1"], 0, 300)["alpha"])


def spans_version(name: str, doc: int, rows) -> Version:
    return Version(doc, name, "done", [Span(s, e, label, "x" * (e - s), {}, name, "manual", "entity", i, doc)
                                       for i, (label, s, e) in enumerate(rows, 1)])


def test_exact_f1_between_two_annotators_matches_bratiaa():
    ann1 = {29: [("PER", 4, 17), ("LOC", 18, 24), ("ORG", 34, 37), ("PER", 361, 397), ("PER", 563, 567),
                 ("PER", 720, 724), ("PER", 1074, 1078), ("PER", 1081, 1096), ("MISC", 2376, 2387),
                 ("LOC", 2498, 2504)],
            46: [("LOC", 0, 8), ("ORG", 18, 21), ("ORG", 192, 195), ("PER", 327, 344), ("PER", 454, 465),
                 ("ORG", 650, 653)]}
    ann2 = {29: [r for r in ann1[29] if r not in (("LOC", 18, 24), ("PER", 1074, 1078))],
            46: [("LOC", 0, 8), ("ORG", 18, 21), ("LOC", 42, 54), ("ORG", 161, 190), ("PER", 327, 344),
                 ("ORG", 408, 426), ("PER", 454, 465), ("ORG", 516, 523), ("ORG", 650, 653)]}
    versions = [spans_version(name, d, rows) for name, ann in (("ann1", ann1), ("ann2", ann2))
                for d, rows in ann.items()]
    layers = {label: "entity" for label in ("PER", "LOC", "ORG", "MISC")}
    (pair,) = agreement.agreement(versions, {29: 2600, 46: 700}, layers)
    assert pair.total.exact_f1 == pytest.approx(26 / 33)


@pytest.mark.parametrize("first, second, expected", [
    # Krippendorff 1995's examples A and C read position by position (DKPro's testDigitizedAgreement)
    ("001111111100001111110000", "000011110000000110000000", 5 / 13),
    ("001111110011001111001100", "110011110011110011001100", 11 / 35),
])
def test_character_kappa_matches_the_digitized_1995_examples(first, second, expected):
    def runs(bits):
        out, start = [], None
        for i, bit in enumerate(bits + "0"):
            if bit == "1" and start is None:
                start = i
            elif bit == "0" and start is not None:
                out.append(("X", start, i))
                start = None
        return out
    (pair,) = agreement.agreement([spans_version("a", 1, runs(first)), spans_version("b", 1, runs(second))],
                                  {1: 24}, {"X": "entity"})
    assert pair.labels["X"].kappa == pytest.approx(expected)


def test_agreement_reports_alpha_u_of_the_2004_example_as_two_versions_of_a_report():
    rows = {"i": [("c", 75, 145), ("c", 220, 250), ("k", 30, 90), ("k", 150, 200)],
            "j": [("c", 70, 150), ("c", 205, 225), ("c", 250, 270), ("k", 30, 90), ("k", 150, 200)]}
    versions = [spans_version(name, 1, spans) for name, spans in rows.items()]
    result = agreement.summary(agreement.agreement(versions, {1: 300}, {"c": "entity", "k": "metric"}),
                               {"c": "entity", "k": "metric"})
    (pair,) = result["pairs"]
    assert pair["labels"]["c"]["alpha_u"] == pytest.approx(0.7286, abs=1e-4)
    assert pair["overall"]["alpha_u"] == pytest.approx(0.8591, abs=5e-4)
    assert result["overall"]["alpha_u"] == pair["overall"]["alpha_u"]  # one pair: pooled is the same
