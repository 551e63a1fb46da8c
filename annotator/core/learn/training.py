"""Training from a project: its reports marked done are the examples (every confirmed span a label,
every other character outside one, so a place rejected there is learnt as nothing), one model per
layer that has spans.  k-fold by report says how well it does on reports it was not trained on,
beside the rules alone on the same reports, so a team sees what the model adds before trusting it.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Callable

from annotator.core.evaluate import Evaluation, score
from annotator.core.learn import crf
from annotator.core.model import AnnotatorError
from annotator.core.learn.features import bio, text_features
from annotator.core.learn.learnt import Learnt
from annotator.core.sentences import training_sentences
from annotator.core.suggest import Suggestion
from annotator.core.suggest.suggester import Suggester

MIN_SPANS = 20  # fewer confirmed spans than this teach a model nothing worth suggesting
FOLDS = 5


@dataclass
class Example:
    """A confirmed report: its text and its spans as (start, end, label)."""
    text: str
    spans: list[tuple[int, int, str]]
    found: list[Suggestion] = field(default_factory=list, repr=False)   # the rules' raw output, filled by prepare
    feats: list[list[str]] = field(default_factory=list, repr=False)


def prepare(examples: list[Example], finder: Suggester) -> None:
    """The rules' output and the features of each example, once (training and folds reuse them)."""
    for ex in examples:
        if not ex.feats:
            ex.found = finder.found(ex.text)
            ex.feats = text_features(ex.text, ex.found)


def fit(examples: list[Example], layer_of: dict[str, str], params: dict | None = None) -> dict[str, bytes]:
    """One model per layer with spans in the examples (prepared)."""
    models = {}
    for layer in sorted(set(layer_of.values())):
        sequences, count = [], 0
        for ex in examples:
            spans = [s for s in ex.spans if layer_of.get(s[2]) == layer]
            count += len(spans)
            for a, b in training_sentences(ex.text, [(s, e) for s, e, _ in ex.spans]):
                sequences.append((ex.feats[a:b], bio(b - a, a, spans)))
        if count:
            models[layer] = crf.train(sequences, params)
    return models


def dictionary(examples: list[Example], layer_of: dict[str, str]) -> dict[str, str]:
    """The project dictionary these examples would make (entities of two characters or more)."""
    return {ex.text[s:e]: label for ex in examples for s, e, label in ex.spans
            if layer_of.get(label) == "entity" and e - s >= 2}


def predict(learnt: Learnt | None, ex: Example, layer_of: dict[str, str],
            entries: dict[str, str]) -> set[tuple[str, int, int]]:
    """(label, start, end) the suggester would give the example, with or without a model (the rules
    ran once, in prepare)."""
    return {(s.label, s.start, s.end) for s in Suggester(layer_of, entries, learnt=learnt)(ex.text, ex.found)}


def cross_validate(examples: list[Example], layer_of: dict[str, str], *, folds: int = FOLDS,
                   on_progress: Callable[[int, int], bool] | None = None) -> dict:
    """Rules alone and rules + model on each fold of reports, trained on the others: the figures of
    evaluate.Evaluation.as_dict for both."""
    folds = min(folds, len(examples))
    rules, learnt = Evaluation(), Evaluation()
    scored = {label for ex in examples for _, _, label in ex.spans}
    for k in range(folds):
        if on_progress is not None and not on_progress(k, folds + 1):
            raise InterruptedError
        test = examples[k::folds]
        train = [ex for i, ex in enumerate(examples) if i % folds != k]
        model = fit(train, layer_of)
        entries = dictionary(train, layer_of)
        trained = Learnt(model) if model else None
        for n, ex in enumerate(test):
            gold = {(label, s, e) for s, e, label in ex.spans}
            score(rules, n, ex.text, gold, predict(None, ex, layer_of, entries), scored)
            score(learnt, n, ex.text, gold, predict(trained, ex, layer_of, entries), scored)
        rules.documents += len(test)
        learnt.documents += len(test)
    for e in (rules, learnt):
        e.errors.clear()
    return {"folds": folds, "rules": rules.as_dict(), "learnt": learnt.as_dict()}


def train(examples: list[Example], layer_of: dict[str, str], finder: Suggester, *, folds: int = FOLDS,
          on_progress: Callable[[int, int], bool] | None = None) -> tuple[dict[str, bytes], dict]:
    """The model on all examples, and what to tell the user about it (spans, reports, k-fold scores)."""
    spans = sum(len(ex.spans) for ex in examples)
    if spans < MIN_SPANS:
        raise AnnotatorError(f"{spans} confirmed spans in {len(examples)} reports marked done: a model needs "
                             f"at least {MIN_SPANS}; label more reports and mark them done")
    began = time.perf_counter()
    prepare(examples, finder)
    scores = cross_validate(examples, layer_of, folds=folds, on_progress=on_progress) \
        if folds > 1 and len(examples) >= 2 else {}
    if on_progress is not None and not on_progress(folds, folds + 1):
        raise InterruptedError
    models = fit(examples, layer_of)
    labels = sorted({label for _, _, label in (s for ex in examples for s in ex.spans)})
    return models, {"reports": len(examples), "spans": spans, "labels": labels, "scores": scores,
                    "seconds": round(time.perf_counter() - began, 1)}


def train_project(project, *, folds: int = FOLDS, on_progress: Callable[[int, int], bool] | None = None) -> dict:
    """Train on the project's reports marked done, store the model in the project, and judge how
    unsure it is of every unfinished report (for "next report"); returns what was stored."""
    layer_of = project.schema.layers()
    finder = Suggester(layer_of, {}, project.lexicon_entries())
    examples = [Example(text, spans) for text, spans in project.models.examples()]
    models, info = train(examples, layer_of, finder, folds=folds, on_progress=on_progress)
    info["trained_at"] = project.models.save(models, info)
    learnt = Learnt(models, info)
    unfinished = [doc_id for status in ("todo", "in_progress") for doc_id in project.document_ids(status)]
    project.models.set_uncertainty({doc_id: learnt.uncertainty(text, finder.found(text))
                                    for doc_id, text in ((d, project.text(d)) for d in unfinished)})
    return info
