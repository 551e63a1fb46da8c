"""What every exchange format reads out of a project: documents with their spans, chosen and checked.

Choosing: by document status, by label (`labels`, after `label_map` renames them), by annotator, with
or without pending suggestions.  Checking: every span's `text[start:end]` against its stored text
before a format sees it (files.check_offsets), so no format can write a shifted span.
"""
from __future__ import annotations

import json
import random
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Iterator

from annotator.core.interchange.files import ExportError, check_offsets
from annotator.core.model import AnnotatorError
from annotator.core.sentences import training_sentences
from annotator.core.store import Project
from annotator.core.store.queries import ALL


@dataclass(frozen=True)
class Entity:
    id: int
    start: int
    end: int
    label: str
    text: str
    attrs: dict
    origin: str
    confidence: float | None = None  # a suggestion's


@dataclass
class Doc:
    id: int
    text: str
    meta: dict
    status: str
    spans: list[Entity] = field(default_factory=list)
    relations: list[tuple[int, int, int, str]] = field(default_factory=list)  # id, source, target, type


@dataclass(frozen=True)
class Selection:
    status: str | None = None
    labels: frozenset[str] | None = None     # after renaming; None: all
    annotator: str | None = None
    with_suggestions: bool = False
    label_map: dict[str, str] = field(default_factory=dict)  # ours → theirs, e.g. PERSON → PER
    documents: frozenset[int] | None = None  # a split's documents; None: all
    sentences: bool = False                  # one record per sentence, offsets counted from its start
    layer: str = ""                          # "": the project's own spans; an annotator's versions; ALL (see `layer`)

    def name(self, label: str) -> str:
        return self.label_map.get(label, label)


def categories(meta: dict) -> dict[str, float]:
    """The document's text categories kept on import (meta.cats), as spaCy's `Doc.cats` holds them:
    spaCy's and Prodigy's {label: score} as they are, doccano's list of chosen labels at 1.0 each."""
    cats = meta.get("cats")
    if isinstance(cats, list):
        return {str(c): 1.0 for c in cats if isinstance(c, (str, int)) and not isinstance(c, bool)}
    if isinstance(cats, dict):
        return {str(k): float(v) for k, v in cats.items() if isinstance(v, (int, float)) and not isinstance(v, bool)}
    return {}


def parse_map(text: str, form: str = "FROM=TO") -> dict[str, str]:
    """'PERSON=PER,REGION=LOC' → {'PERSON': 'PER', 'REGION': 'LOC'} (the --map option of every command;
    `form` names the two sides in the error message)."""
    mapping = {}
    for pair in filter(None, (p.strip() for p in (text or "").split(","))):
        if "=" not in pair:
            raise AnnotatorError(f"--map: {pair!r} is not {form}")
        left, right = (x.strip() for x in pair.split("=", 1))
        if not left or not right:
            raise AnnotatorError(f"--map: {pair!r} has an empty side")
        mapping[left] = right
    return mapping


def layer(project: Project, name: str | None) -> str:
    """The layer an export reads, from what a user wrote: "gold" (or nothing): the project's own spans,
    in a team file the adjudicated ones; "all": every annotator's merged versions, each span with its
    annotator; an annotator's name: their versions."""
    name = (name or "").strip()
    if name.lower() in ("", "gold", "own"):
        return ""
    if name.lower() == "all":
        return ALL
    known = project.team.with_versions()
    if name not in known:
        raise AnnotatorError(f"no merged work by {name!r} in this project"
                             + (f"; annotators with versions: {', '.join(known)}" if known else
                                " (merge their packages first)"))
    return name


def read(project: Project, selection: Selection = Selection()) -> Iterator[Doc]:
    """The chosen documents in id order, spans in text order, each span checked and renamed."""
    queries = project.queries
    for doc_id, text, title, source, published, file_name, _sha, status, _reason, meta_json in queries.documents(
            selection.status, selection.layer):
        if selection.documents is not None and doc_id not in selection.documents:
            continue
        doc = Doc(doc_id, text, {"title": title, "source": source, "published": published, "file": file_name,
                                 **json.loads(meta_json)}, status)
        kept = set()
        for span_id, start, end, label, span_text, attrs, _who, origin, confidence in queries.spans(
                doc_id, with_suggestions=selection.with_suggestions, annotator=selection.annotator,
                layer=selection.layer):
            check_offsets(doc_id, text, span_id, start, end, span_text)
            name = selection.name(label)
            if selection.labels is not None and name not in selection.labels:
                continue
            doc.spans.append(Entity(span_id, start, end, name, span_text, json.loads(attrs), origin, confidence))
            kept.add(span_id)
        doc.relations = [r for r in queries.relations(doc_id, layer=selection.layer) if r[1] in kept and r[2] in kept]
        if selection.sentences:
            yield from split_sentences(doc)
        else:
            yield doc


def sentences(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) of each sentence (sentences.training_sentences); a document imported from BIO keeps
    its lines."""
    bounds = training_sentences(doc.text, [(s.start, s.end) for s in doc.spans],
                                lines_only=doc.meta.get("sentences") == "lines")
    firsts = [a for a, _ in bounds]
    for span in doc.spans:  # only a line break can cut a span: say so rather than drop it
        # sentences are disjoint and in order: only the last one starting at or before the span can hold it
        n = bisect_right(firsts, span.start) - 1
        if n < 0 or span.end > bounds[n][1]:
            raise ExportError(f"document {doc.id}: {span.label} {span.text!r} ({span.start}-{span.end}) runs across "
                              "a line break; sentence-by-sentence formats cannot hold it")
    return bounds


def split_sentences(doc: Doc) -> Iterator[Doc]:
    """The document's sentences as documents of their own, offsets counted from each one's start.
    Spans and relations are grouped by sentence once: looking through all of them for every sentence
    was quadratic in a long report."""
    bounds = sentences(doc)
    groups = span_groups(doc.spans, bounds)
    sentence_of = {s.id: n for n, group in enumerate(groups) for s in group}
    relations: list[list] = [[] for _ in bounds]
    for r in doc.relations:  # a relation goes with the sentence that holds both its spans
        n = sentence_of.get(r[1])
        if n is not None and sentence_of.get(r[2]) == n:
            relations[n].append(r)
    for n, ((a, b), group) in enumerate(zip(bounds, groups), 1):
        yield Doc(doc.id, doc.text[a:b], {**doc.meta, "document": doc.id, "sentence": n, "offset": a}, doc.status,
                  [Entity(s.id, s.start - a, s.end - a, s.label, s.text, s.attrs, s.origin, s.confidence)
                   for s in group], relations[n - 1])


def span_groups(spans: list[Entity], bounds: list[tuple[int, int]]) -> list[list[Entity]]:
    """The spans inside each of `bounds` (disjoint, in order); `spans` are in text order, as read() gives
    them, so each sentence's are found by bisection."""
    starts = [s.start for s in spans]
    return [[s for s in spans[bisect_left(starts, a):bisect_left(starts, b)] if s.end <= b] for a, b in bounds]


def no_overlaps(doc: Doc) -> list[Entity]:
    """The spans of a document for a format that holds one label per character (BIO); overlapping
    ones (an entity over a metric, say) are refused with a message that says which, so the user
    can choose with --labels."""
    for a, b in zip(doc.spans, doc.spans[1:]):
        if b.start < a.end:
            raise ExportError(f"document {doc.id}: {a.label} {a.text!r} ({a.start}-{a.end}) and {b.label} "
                              f"{b.text!r} ({b.start}-{b.end}) overlap; this format holds one label per "
                              "character: choose labels with --labels")
    return doc.spans


def split_documents(project: Project, selection: Selection, ratios: str, *, seed: int = 0) -> dict[str, frozenset[int]]:
    """Documents shuffled with `seed` and cut by `ratios` ("80/10/10" → train, dev, test; "90/10" →
    train, test): the same project, ratios and seed give the same split, and a document never straddles."""
    try:
        weights = [float(x) for x in ratios.split("/")]
    except ValueError:
        raise AnnotatorError(f"--split: {ratios!r} is not numbers joined by / (80/10/10)") from None
    if len(weights) not in (2, 3) or any(w < 0 for w in weights) or not sum(weights):
        raise AnnotatorError(f"--split: {ratios!r} needs two or three non-negative parts (80/10/10 or 90/10)")
    ids = project.queries.document_ids(selection.status)
    random.Random(seed).shuffle(ids)
    names = ("train", "dev", "test") if len(weights) == 3 else ("train", "test")
    out, start, total = {}, 0, sum(weights)
    for n, (name, weight) in enumerate(zip(names, weights)):
        end = len(ids) if n == len(names) - 1 else start + round(len(ids) * weight / total)
        out[name] = frozenset(ids[start:end])
        start = end
    return out
