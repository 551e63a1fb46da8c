"""One suggestion run's finder: everything it looks at is read from the project once, before the
run, so finding reads no project and the window can run it on a worker thread.

The team's patterns are the one open-ended part: a regular expression such as `(a|aa)+$` takes
time exponential in the text.  Each runs with a time budget per report (the `regex` package stops
a match that runs over); a pattern over budget is skipped for the rest of the run and named.
"""
from __future__ import annotations

from dataclasses import replace

import regex

from annotator.core.suggest import Lexicon, Suggestion, combine, dates, find_names, metrics, orgs, persons, \
    programs, regions

TEXT_SOURCES = (dates.suggest, metrics.suggest, orgs.suggest, persons.suggest, programs.suggest, regions.suggest)
PATTERN_SECONDS = 2.0  # what one team pattern may take on one report


def from_dictionary(text: str, entries: dict[str, str], names: Lexicon | None = None) -> list[Suggestion]:
    """Every occurrence of an accepted entity, longest first."""
    if not entries:
        return []
    return find_names(text, entries, names or Lexicon(entries), "dictionary", 0.9)


def compile_pattern(value: str) -> regex.Pattern:
    """A team pattern as the finder runs it (regex.error when it is not one)."""
    return regex.compile(value)


DROP_BELOW = 0.2  # a suggestion its rejections brought this low is not made: four and no acceptance always do


def rejection_weights(accepted: dict[tuple[str, str], int], rejected: dict[tuple[str, str], int]) -> dict:
    """(text, label) → the factor its suggestions' confidence is multiplied by: (a + 1) / (a + r + 1) for a
    acceptances and r rejections in the project, so each rejection lowers it and acceptances hold it up."""
    return {key: (accepted.get(key, 0) + 1) / (accepted.get(key, 0) + r + 1) for key, r in rejected.items() if r}


class Suggester:
    """text → non-overlapping suggestions per layer, from the rules, the project dictionary, the
    team's lexicon and, when the project has one, the learnt model (learn/).  What the team rejected
    comes back less sure (`weights`, from rejection_weights).  `warnings` collects what was skipped
    (a pattern over its budget)."""

    def __init__(self, layer_of: dict[str, str], entries: dict[str, str] | None = None,
                 lexicon_rows: list[tuple[str, str, str]] = (), *, pattern_seconds: float | None = None,
                 learnt=None, weights: dict[tuple[str, str], float] | None = None):
        self.learnt, self.weights = learnt, weights or {}
        self.layer_of, self.entries = layer_of, entries or {}
        self.names = Lexicon(self.entries) if self.entries else None
        self.team_names = {value: label for label, kind, value in lexicon_rows if kind == "name"}
        self.team_lexicon = Lexicon(self.team_names) if self.team_names else None
        self.patterns = [(value, compile_pattern(value), label) for label, kind, value in lexicon_rows
                         if kind == "pattern"]
        self.pattern_seconds = PATTERN_SECONDS if pattern_seconds is None else pattern_seconds
        self.warnings: list[str] = []

    def __call__(self, text: str, found: list[Suggestion] | None = None) -> list[Suggestion]:
        """The suggestions for `text`; `found` is what `found(text)` returned, when it was run already."""
        return combine(self._weighed(text, self.found(text) if found is None else list(found))[0], self.layer_of)

    def found(self, text: str) -> list[Suggestion]:
        """What the rules, the team's lexicon and its patterns find, overlaps and all: what the learnt
        model reads as features (the project dictionary is left out: it is made of the labels the
        model learns from, and would teach it to trust itself)."""
        found = [s for source in TEXT_SOURCES for s in source(text)]
        if self.team_lexicon:
            found += find_names(text, self.team_names, self.team_lexicon, "lexicon", 0.93)
        return found + self._patterns(text)

    def judge(self, text: str) -> tuple[list[Suggestion], float | None]:
        """The suggestions, and how unsure the learnt model is of the text (None without a model)."""
        found, doubt = self._weighed(text, self.found(text))
        return combine(found, self.layer_of), doubt

    def _weighed(self, text: str, found: list[Suggestion]) -> tuple[list[Suggestion], float | None]:
        """Every source's suggestions, judged by the model if there is one and lowered by rejections;
        and how unsure the model is of the text (None without one)."""
        known = from_dictionary(text, self.entries, self.names)
        doubt = None
        if self.learnt is None:
            found = found + known
        else:  # the dictionary is judged like the rules: it holds the very labels the model learnt
            found, doubt = self.learnt.apply(text, found, known)
        if not self.weights:
            return found, doubt
        weighed = []
        for s in found:
            weight = self.weights.get((text[s.start:s.end], s.label))
            if weight is None:
                weighed.append(s)
            elif s.confidence * weight > DROP_BELOW:
                weighed.append(replace(s, confidence=round(s.confidence * weight, 3)))
        return weighed, doubt

    def _patterns(self, text: str) -> list[Suggestion]:
        found, kept = [], []
        for value, pattern, label in self.patterns:
            try:
                found += [Suggestion(m.start(), m.end(), label, "lexicon", 0.9)
                          for m in pattern.finditer(text, timeout=self.pattern_seconds) if m.end() > m.start()]
            except TimeoutError:
                self.warnings.append(f"pattern {value!r} ({label}) took more than {self.pattern_seconds:g} s on "
                                     f"one report and was skipped for the rest of this run; simplify it, "
                                     f"or remove it with `annotator lexicon remove`")
                continue
            kept.append((value, pattern, label))
        self.patterns = kept
        return found
