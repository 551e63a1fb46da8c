"""python-crfsuite, trained and run in memory: one model per layer, kept as bytes in the project file.

Confidence of a span is the weakest of its characters' marginal probabilities (its B, each I, and
the character after it not continuing it), so one doubtful character makes a doubtful span.
"""
from __future__ import annotations

import os
import tempfile

import pycrfsuite

from annotator.core.learn.features import spans_of

# L-BFGS with elastic net, as measured in docs/adr/0018-learnt-suggestions.md
PARAMS = {"c1": 0.05, "c2": 0.01, "max_iterations": 150, "feature.possible_transitions": True}


def train(sequences, params: dict | None = None) -> bytes:
    """A model from (attributes per character, BIO tag per character) sequences."""
    trainer = pycrfsuite.Trainer(verbose=False)
    for xseq, yseq in sequences:
        trainer.append(xseq, yseq)
    trainer.set_params({**PARAMS, **(params or {})})
    handle, path = tempfile.mkstemp(suffix=".crfsuite")
    os.close(handle)
    try:
        trainer.train(path)
        with open(path, "rb") as f:
            return f.read()
    finally:
        os.unlink(path)


class Tagger:
    """A trained model: tags a sentence and says how sure it is of a span."""

    def __init__(self, data: bytes, labels: set[str] | None = None):
        """`labels`: only these are suggested and judged (None: all the model knows)."""
        self.data = data  # crfsuite reads the model from this buffer: keep it alive
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open_inmemory(data)
        self.tags = set(self._tagger.labels())
        known = {t[2:] for t in self.tags if t != "O"}
        self.labels = known if labels is None else known & labels

    def read(self, xseq: list[list[str]]) -> tuple[list[tuple[int, int, str, float]], float]:
        """(start, end, label, confidence) in the sentence `xseq` describes, and how unsure the model is
        of the sentence: 1 - the probability of its best tagging."""
        tagger = self._tagger
        tagger.set(xseq)
        tags = tagger.tag()
        found = [(a, b, label, self._sure(a, b, label, len(xseq))) for a, b, label in spans_of(tags)
                 if label in self.labels]
        return found, 1.0 - tagger.probability(tags)

    def confidence(self, xseq: list[list[str]], spans: list[tuple[int, int, str]]) -> list[tuple[float, float]]:
        """For each (start, end, label) in the sentence `xseq` describes: how sure the model is of it,
        and how sure it is that none of its characters is in any span (the weakest O marginal)."""
        self._tagger.set(xseq)
        marginal = self._tagger.marginal
        return [(self._sure(a, b, label, len(xseq)), min(marginal("O", k) for k in range(a, b)))
                for a, b, label in spans]

    def _sure(self, a: int, b: int, label: str, n: int) -> float:
        """The weakest of the span's tags' marginals (BIOES: S alone, or B, I..., E)."""
        marginal, tags = self._tagger.marginal, self.tags
        if b - a == 1:
            return marginal("S-" + label, a) if "S-" + label in tags else 0.0
        if "E-" + label not in tags:
            return 0.0
        sure = min(marginal("B-" + label, a), marginal("E-" + label, b - 1))
        inside = "I-" + label
        for k in range(a + 1, b - 1):
            sure = min(sure, marginal(inside, k)) if inside in tags else 0.0
        return sure
