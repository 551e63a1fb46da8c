"""A trained model at work: suggestions of its own, and its say on the rules' suggestions.

Where the model is trusted with a label, a rule's suggestion takes the model's confidence: the
model was trained with the rules' output among its features, so it has learnt where each rule is
right in this project's reports.  Its own suggestions less likely than `floor` are not made (a model
trained on little data tags much it is unsure of); a rule's suggestion is dropped only where the
model is that sure that nothing there is a span, and kept with the model's lower confidence where it
is merely unsure (a list of 600 names is nothing like the sentences it learnt from).

The model is trusted with a label when, on the project's own done reports (k-fold at training),
rules + model left the annotator no more work (actions per gold span) than the rules alone; other
labels (and those the model never saw) are left to the rules, so a model trained on a handful of
reports does not undo rules that work, and takes over label by label as confirmed reports grow.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace

from annotator.core.learn.crf import Tagger
from annotator.core.learn.features import text_features
from annotator.core.sentences import training_sentences
from annotator.core.suggest import Suggestion

SOURCE = "learnt"
FLOOR = 0.5  # chosen on the training part of People's Daily (docs/adr/0018-learnt-suggestions.md)


def trusted(info: dict) -> set[str] | None:
    """Labels where the k-fold scores say rules + model left no more work than the rules alone
    (actions per gold span: what the annotator spends); None (all labels) when the model was trained
    without scores."""
    scores = info.get("scores")
    if not scores:
        return None
    rules, learnt = scores["rules"]["labels"], scores["learnt"]["labels"]

    def work(row: dict) -> float:  # scores stored before actions were kept per label: compare F1 instead
        return row["actions_per_gold_span"] if "actions_per_gold_span" in row else -row["exact"]["f1"]
    return {label for label, row in learnt.items() if label in rules and work(row) <= work(rules[label])}


class Learnt:
    def __init__(self, models: dict[str, bytes], info: dict | None = None, *, floor: float = FLOOR):
        self.info = info or {}
        self.floor = floor
        self.trusted = trusted(self.info)
        self.taggers = {layer: Tagger(data, self.trusted) for layer, data in models.items()}

    @property
    def labels(self) -> set[str]:
        """The labels the model suggests and judges."""
        return {label for tagger in self.taggers.values() for label in tagger.labels}

    def apply(self, text: str, found: list[Suggestion], also: list[Suggestion] = ()) -> tuple[list[Suggestion], float]:
        """The model's suggestions and the rules' `found` as the model judges them (`also` is judged the
        same way but is not one of the model's features: the project dictionary); and how unsure the
        model is of the text, the mean over its sentences of 1 - P(best tagging)."""
        feats = text_features(text, found)
        by_sentence: dict[tuple[int, int], list[Suggestion]] = {}
        bounds = training_sentences(text, [])
        ends = [b for _, b in bounds]
        kept, labels = [], self.labels  # a set made once per text, not once per suggestion
        for s in [*found, *also]:  # a rule span inside one sentence is judged there; one across sentences is kept
            i = bisect_right(ends, s.start)
            if i < len(bounds) and bounds[i][0] <= s.start and s.end <= bounds[i][1] and s.label in labels:
                by_sentence.setdefault(bounds[i], []).append(s)
            else:
                kept.append(s)
        out, doubt = [], 0.0
        for a, b in bounds:
            xseq = feats[a:b]
            rules = by_sentence.get((a, b), [])
            worst = 0.0
            for tagger in self.taggers.values():
                spans, unsure = tagger.read(xseq)
                worst = max(worst, unsure)
                out += [Suggestion(a + s, a + e, label, SOURCE, round(sure, 3))
                        for s, e, label, sure in spans if sure >= self.floor]
                mine = [r for r in rules if r.label in tagger.labels]
                if mine:
                    judged = tagger.confidence(xseq, [(r.start - a, r.end - a, r.label) for r in mine])
                    # dropped only where the model is sure there is nothing: where it is merely unsure
                    # (a kind of text it never saw) the rule's suggestion stays, as doubtful as the model
                    kept += [replace(r, confidence=round(p, 3)) for r, (p, nothing) in zip(mine, judged)
                             if p >= self.floor or nothing < self.floor]
            doubt += worst
        return kept + out, doubt / len(bounds) if bounds else 0.0

    def uncertainty(self, text: str, found: list[Suggestion]) -> float:
        """How unsure the model is of a report (see apply)."""
        return self.apply(text, found)[1]
