"""How far annotators agree, on the reports two or more of them marked done.

For each pair of annotators and each label, on the reports both finished:
- exact-span F1: 2·|same spans| / (|A's| + |B's|), a span being (start, end, label);
- overlap F1: the same with spans matched one to one when they overlap and share the label;
- Cohen's kappa on characters: each character of the report is the label covering it or none, per
  layer (entity spans and metric spans may overlap each other); per label, that label against the
  rest;
- Krippendorff's αu (unitizing.py), the reports laid end to end as one continuum;
- for METRIC spans both marked exactly, how often value, unit, qualifier, indicator, subject and
  period agree;
- confusions: A's span and B's span overlap with different labels in the same layer, and neither
  has a same-label partner ("A said ORG where B said REGION").
Pooled figures add up the pairs (αu: all pairs' reports end to end, each pair's two annotators as
"first" and "second").  Pure functions over plain spans: the store reads the versions, the window
and CLI show the result.
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from itertools import combinations

from annotator.core.model import Span
from annotator.core.store.team import Version
from annotator.core.team.unitizing import Unit, alpha

METRIC_KEYS = ("value", "unit", "qualifier", "indicator", "subject", "period")
LINKS = ("subject", "period")


@dataclass
class Counts:
    a: int = 0        # spans A marked
    b: int = 0        # spans B marked
    exact: int = 0    # the same (start, end, label) in both
    overlap: int = 0  # matched one to one by overlap and label
    agree_chars: int = 0  # characters both gave this label or both did not (this label's layer)
    chars: int = 0
    a_chars: int = 0  # characters A gave this label
    b_chars: int = 0

    def add(self, other: "Counts") -> None:
        for key in self.__dataclass_fields__:
            setattr(self, key, getattr(self, key) + getattr(other, key))

    @property
    def exact_f1(self) -> float | None:
        return 2 * self.exact / (self.a + self.b) if self.a + self.b else None

    @property
    def overlap_f1(self) -> float | None:
        return 2 * self.overlap / (self.a + self.b) if self.a + self.b else None

    @property
    def kappa(self) -> float | None:
        """Cohen's kappa of "this label or not" over the characters."""
        if not self.chars:
            return None
        pa, pb = self.a_chars / self.chars, self.b_chars / self.chars
        return kappa(self.agree_chars / self.chars, pa * pb + (1 - pa) * (1 - pb))

    def as_dict(self) -> dict:
        return {"a": self.a, "b": self.b, "exact": self.exact, "overlap": self.overlap,
                "exact_f1": _round(self.exact_f1), "overlap_f1": _round(self.overlap_f1), "kappa": _round(self.kappa)}


@dataclass
class Pair:
    a: str
    b: str
    documents: list[int] = field(default_factory=list)
    labels: dict[str, Counts] = field(default_factory=dict)
    layers: dict[str, tuple[int, int, Counter, Counter]] = field(default_factory=dict)  # layer → (agree, n, A's, B's)
    confusions: Counter = field(default_factory=Counter)   # (A's label, B's label) → times
    examples: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    metric: Counter = field(default_factory=Counter)        # attribute → times both marked the span and agreed
    metric_compared: int = 0                                # METRIC spans both marked exactly
    units: list[Unit] = field(default_factory=list)         # both versions' spans, reports laid end to end
    length: int = 0                                         # of those reports together

    def alpha_u(self) -> dict:
        """Krippendorff's αu over the pair's shared reports, laid end to end as one continuum."""
        return alpha(self.units, [self.a, self.b], 0, self.length) if self.length else {"categories": {},
                                                                                          "alpha": None}

    @property
    def total(self) -> Counts:
        out = Counts()
        for c in self.labels.values():
            out.a, out.b, out.exact, out.overlap = out.a + c.a, out.b + c.b, out.exact + c.exact, out.overlap + c.overlap
        return out

    def layer_kappa(self, layer: str) -> float | None:
        agree, n, ca, cb = self.layers.get(layer, (0, 0, Counter(), Counter()))
        if not n:
            return None
        return kappa(agree / n, sum(ca[k] * cb[k] for k in ca) / (n * n))


def kappa(observed: float, expected: float) -> float | None:
    """(po − pe) / (1 − pe); None when chance alone makes agreement certain (neither used the label)."""
    if math.isclose(expected, 1.0):
        return None
    return (observed - expected) / (1 - expected)


def _alpha_of(result: dict, label: str) -> dict:
    found = result["categories"].get(label)
    return {"alpha_u": _round(found["alpha"]) if found else None}


def _spans_only(c: Counts) -> dict:
    return {k: v for k, v in c.as_dict().items() if k != "kappa"}


def _round(x: float | None) -> float | None:
    return None if x is None else round(x, 4)


def shared(versions: list[Version], statuses: tuple[str, ...] = ("done",)) -> dict[int, dict[str, Version]]:
    """Report id → annotator → version, for reports that two or more annotators marked with these statuses."""
    by_doc: dict[int, dict[str, Version]] = {}
    for v in versions:
        if v.status in statuses:
            by_doc.setdefault(v.document_id, {})[v.annotator] = v
    return {d: vs for d, vs in by_doc.items() if len(vs) >= 2}


def compare(pair: Pair, a: list[Span], b: list[Span], length: int, labels: dict[str, str]) -> None:
    """Add one report's two versions to `pair`.  `labels`: label → layer, in schema order."""
    for label, layer in labels.items():
        sa = [s for s in a if s.label == label]
        sb = [s for s in b if s.label == label]
        counts = pair.labels.setdefault(label, Counts())
        counts.a += len(sa)
        counts.b += len(sb)
        counts.exact += len({(s.start, s.end) for s in sa} & {(s.start, s.end) for s in sb})
        counts.overlap += len(_match(sa, sb))
        ca, cb = _cover(sa, length), _cover(sb, length)
        counts.chars += length
        counts.a_chars += sum(ca)
        counts.b_chars += sum(cb)
        counts.agree_chars += sum(x == y for x, y in zip(ca, cb))
    for layer in dict.fromkeys(labels.values()):
        xa = _layer_chars([s for s in a if labels.get(s.label) == layer], length)
        xb = _layer_chars([s for s in b if labels.get(s.label) == layer], length)
        agree, n, count_a, count_b = pair.layers.get(layer, (0, 0, Counter(), Counter()))
        pair.layers[layer] = (agree + sum(x == y for x, y in zip(xa, xb)), n + length,
                              count_a + Counter(xa), count_b + Counter(xb))
    _confusions(pair, a, b, labels)
    _metric(pair, a, b)
    pair.units += [Unit(who, pair.length + s.start, s.end - s.start, s.label)
                   for who, spans in ((pair.a, a), (pair.b, b)) for s in spans if s.label in labels]
    pair.length += length


def _match(a: list[Span], b: list[Span]) -> list[tuple[Span, Span]]:
    """One-to-one pairs of overlapping spans: exact matches first, then in text order."""
    free = list(b)
    pairs = []
    for s in a:
        same = next((t for t in free if (t.start, t.end) == (s.start, s.end)), None)
        if same is not None:
            free.remove(same)
            pairs.append((s, same))
    taken = {id(x) for x, _ in pairs}
    for s in a:
        if id(s) in taken:
            continue
        t = next((t for t in free if t.start < s.end and s.start < t.end), None)
        if t is not None:
            free.remove(t)
            pairs.append((s, t))
    return pairs


def _cover(spans: list[Span], length: int) -> list[bool]:
    out = [False] * length
    for s in spans:
        out[s.start:s.end] = [True] * (min(s.end, length) - s.start)
    return out


def _layer_chars(spans: list[Span], length: int) -> list[str]:
    out = [""] * length
    for s in spans:
        out[s.start:s.end] = [s.label] * (min(s.end, length) - s.start)
    return out


def _confusions(pair: Pair, a: list[Span], b: list[Span], labels: dict[str, str]) -> None:
    matched_a, matched_b = set(), set()
    for label in labels:
        for x, y in _match([s for s in a if s.label == label], [s for s in b if s.label == label]):
            matched_a.add(id(x))
            matched_b.add(id(y))
    rest_b = [t for t in b if id(t) not in matched_b]
    for s in a:
        if id(s) in matched_a:
            continue
        t = next((t for t in rest_b if labels.get(t.label) == labels.get(s.label) and t.label != s.label
                  and t.start < s.end and s.start < t.end), None)
        if t is not None:
            rest_b.remove(t)
            key = (s.label, t.label)
            pair.confusions[key] += 1
            shown = pair.examples.setdefault(key, [])
            example = s.text if s.text == t.text else f"{s.text} / {t.text}"
            if len(shown) < 5 and example not in shown:
                shown.append(example)


def _metric(pair: Pair, a: list[Span], b: list[Span]) -> None:
    where_a = {s.id: (s.start, s.end) for s in a}
    where_b = {s.id: (s.start, s.end) for s in b}
    by_place = {(s.start, s.end): s for s in b if s.label == "METRIC"}
    for s in a:
        t = by_place.get((s.start, s.end)) if s.label == "METRIC" else None
        if t is None:
            continue
        pair.metric_compared += 1
        for key in METRIC_KEYS:
            x, y = s.attrs.get(key), t.attrs.get(key)
            if key in LINKS:
                x, y = where_a.get(x), where_b.get(y)
            if _same(x, y):
                pair.metric[key] += 1


def _same(x, y) -> bool:
    if isinstance(x, (int, float)) and isinstance(y, (int, float)):
        return math.isclose(x, y, rel_tol=1e-9, abs_tol=1e-12)
    if isinstance(x, list) and isinstance(y, list):
        return len(x) == len(y) and all(_same(p, q) for p, q in zip(x, y))
    return x == y


def agreement(versions: list[Version], lengths: dict[int, int], labels: dict[str, str],
              statuses: tuple[str, ...] = ("done",)) -> list[Pair]:
    """One Pair per two annotators who share reports with these statuses."""
    pairs: dict[tuple[str, str], Pair] = {}
    for doc_id, by_annotator in sorted(shared(versions, statuses).items()):
        for x, y in combinations(sorted(by_annotator), 2):
            pair = pairs.setdefault((x, y), Pair(x, y))
            pair.documents.append(doc_id)
            compare(pair, by_annotator[x].spans, by_annotator[y].spans, lengths[doc_id], labels)
    return list(pairs.values())


def summary(pairs: list[Pair], labels: dict[str, str]) -> dict:
    """Everything as plain data (for --json and the window): per pair and label, pooled over pairs,
    confusions and METRIC attributes."""
    pooled: dict[str, Counts] = {label: Counts() for label in labels}
    confusions: Counter = Counter()
    examples: dict[tuple[str, str], list[str]] = {}
    metric, compared = Counter(), 0
    out_pairs = []
    for p in pairs:
        for label, c in p.labels.items():
            pooled[label].add(c)
        for (x, y), n in p.confusions.items():
            confusions[(p.a, x, p.b, y)] += n
            examples[(p.a, x, p.b, y)] = p.examples.get((x, y), [])
        metric.update(p.metric)
        compared += p.metric_compared
        alpha_u = p.alpha_u()
        out_pairs.append({"a": p.a, "b": p.b, "documents": len(p.documents),
                          "labels": {k: c.as_dict() | _alpha_of(alpha_u, k) for k, c in p.labels.items() if c.a or c.b},
                          "overall": _spans_only(p.total) | {"alpha_u": _round(alpha_u["alpha"])},
                          "kappa_by_layer": {layer: _round(p.layer_kappa(layer)) for layer in p.layers}})
    # pooled over pairs: each pair's reports appended, its two annotators standing as "first" and "second"
    everyone = Pair("first", "second")
    for p in pairs:
        for layer, (agree, n, ca, cb) in p.layers.items():
            had = everyone.layers.get(layer, (0, 0, Counter(), Counter()))
            everyone.layers[layer] = (had[0] + agree, had[1] + n, had[2] + ca, had[3] + cb)
        everyone.units += [Unit("first" if u.rater == p.a else "second", everyone.length + u.begin, u.length,
                                u.category) for u in p.units]
        everyone.length += p.length
    everyone.labels = pooled
    pooled_alpha = everyone.alpha_u()
    return {
        "documents": len({d for p in pairs for d in p.documents}),
        "annotators": sorted({p.a for p in pairs} | {p.b for p in pairs}),
        "pairs": out_pairs,
        "labels": {k: c.as_dict() | _alpha_of(pooled_alpha, k) for k, c in pooled.items() if c.a or c.b},
        "overall": _spans_only(everyone.total) | {"alpha_u": _round(pooled_alpha["alpha"])},
        "kappa_by_layer": {layer: _round(everyone.layer_kappa(layer)) for layer in everyone.layers},
        "confusions": [{"a": a, "a_label": x, "b": b, "b_label": y, "times": n, "examples": examples[(a, x, b, y)]}
                       for (a, x, b, y), n in confusions.most_common()],
        "metric_attributes": {"compared": compared,
                              **{k: {"agree": metric[k], "share": _round(metric[k] / compared) if compared else None}
                                 for k in METRIC_KEYS}},
    }


def measure(project, statuses: tuple[str, ...] = ("done",)) -> dict:
    """Agreement over a team file's merged versions (see `summary`)."""
    versions = project.team.versions(project.team.shared_documents())  # only reports more than one labelled
    docs = shared(versions, statuses)
    lengths = {d: len(project.text(d)) for d in docs}
    layers = project.schema.layers()
    return summary(agreement(versions, lengths, layers, statuses), layers)
