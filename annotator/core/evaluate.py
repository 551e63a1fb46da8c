"""How good are the suggestions? Precision, recall and F1 per label against gold, and the work left.

Gold is native-shaped JSONL (`text` and `spans` with start, end, label).  Its
texts go into a project in memory, the suggesters run, and each label present
in the gold is scored two ways: exact spans, and overlapping spans (one to
one).  Work is counted in actions per gold span: accepting a right suggestion
or rejecting a wrong one is 1, fixing an edge 2, adding a missed span 3.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.ingest.jsonl import RecordError, iter_lines, parse_line
from annotator.core.interchange import records as interchange_records
from annotator.core.model import AnnotatorError, Document
from annotator.core.store import DuplicateDocument, Project


@dataclass
class Score:
    gold: int = 0
    predicted: int = 0
    exact: int = 0
    overlap: int = 0
    actions: int = 0  # the work this label's suggestions leave (see the module docstring)

    def prf(self, hits: int) -> tuple[float, float, float]:
        p = hits / self.predicted if self.predicted else 0.0
        r = hits / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass
class Evaluation:
    labels: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    actions: int = 0
    documents: int = 0
    # what went wrong, for tuning: (document number, label, "missed" | "wrong" | "edge", text, gold text)
    errors: list[tuple[int, str, str, str, str]] = field(default_factory=list)

    @property
    def total(self) -> Score:
        total = Score()
        for s in self.labels.values():
            total.gold += s.gold
            total.predicted += s.predicted
            total.exact += s.exact
            total.overlap += s.overlap
            total.actions += s.actions
        return total

    def as_dict(self) -> dict:
        def row(s: Score) -> dict:
            (ep, er, ef), (op, orr, of) = s.prf(s.exact), s.prf(s.overlap)
            return {"gold": s.gold, "suggested": s.predicted, "exact": {"precision": ep, "recall": er, "f1": ef},
                    "overlap": {"precision": op, "recall": orr, "f1": of},
                    "actions_per_gold_span": s.actions / s.gold if s.gold else 0.0}
        return {"documents": self.documents, "labels": {k: row(v) for k, v in sorted(self.labels.items())},
                "overall": row(self.total),
                "actions_per_gold_span": self.actions / self.total.gold if self.total.gold else 0.0}


def parse_map(text: str) -> dict[str, str]:
    """'PER=PERSON,LOC=REGION' → {'PER': 'PERSON', 'LOC': 'REGION'}: gold labels to ours."""
    return interchange_records.parse_map(text, "GOLD=LABEL")


def evaluate(gold_path: Path, mapping: dict[str, str] | None = None,
             model: tuple[dict[str, bytes], dict] | None = None) -> Evaluation:
    """Score the suggestions on gold; `model` (layers and description, as Models.load gives them) adds
    the learnt source."""
    mapping = mapping or {}
    project = Project.open(None, annotator="evaluate")
    if model is not None:
        project.models.save(*model)
    gold: list[tuple[int, set[tuple[str, int, int]]]] = []  # per gold line: its document and spans
    ids: dict[str, int] = {}  # a text the gold repeats (short posts do) is one document, scored once per line
    for number, raw in iter_lines(Path(gold_path).read_bytes()):
        try:
            record = parse_line(raw.decode("utf-8"))
            text = record.document.text
            if text not in ids:
                ids[text] = project.add_document(Document(text=text))
        except (RecordError, UnicodeDecodeError, DuplicateDocument, AnnotatorError) as exc:
            raise AnnotatorError(f"{gold_path}:{number}: {exc}") from None
        gold.append((ids[text], {(mapping.get(s.label, s.label), s.start, s.end) for s in record.spans}))
    project.suggest()
    texts = {doc_id: text for text, doc_id in ids.items()}
    result = Evaluation(documents=len(gold))
    scored = {label for _, spans in gold for label, _, _ in spans}
    for number, (doc_id, gold_spans) in enumerate(gold, 1):
        predicted = {(s.label, s.start, s.end) for s in project.spans(doc_id, origin="suggested")}
        score(result, number, texts[doc_id], gold_spans, predicted, scored)
    project.close()
    return result


def score(result: Evaluation, number: int, text: str, gold_spans: set[tuple[str, int, int]],
          predicted: set[tuple[str, int, int]], scored: set[str]) -> None:
    """Add one document's (label, start, end) suggestions, scored against its gold, to `result`;
    only the labels in `scored` count."""
    predicted = {p for p in predicted if p[0] in scored}
    for label in scored:
        g = sorted((s, e) for lab, s, e in gold_spans if lab == label)
        p = sorted((s, e) for lab, s, e in predicted if lab == label)
        counts = result.labels[label]
        counts.gold += len(g)
        counts.predicted += len(p)
        exact = set(g) & set(p)
        counts.exact += len(exact)
        free = [x for x in p if x not in exact]
        fixed = 0
        for gs, ge in (x for x in g if x not in exact):
            match = next((x for x in free if x[0] < ge and gs < x[1]), None)
            if match is not None:
                free.remove(match)
                fixed += 1
                result.errors.append((number, label, "edge", text[match[0]:match[1]], text[gs:ge]))
            else:
                result.errors.append((number, label, "missed", "", text[gs:ge]))
        result.errors += [(number, label, "wrong", text[s:e], "") for s, e in free]
        counts.overlap += len(exact) + fixed
        work = len(exact) + 2 * fixed + 3 * (len(g) - len(exact) - fixed) + len(free)
        counts.actions += work
        result.actions += work


def error_lines(evaluation: Evaluation) -> list[str]:
    """One line per error: where, label, kind, what was suggested → what the gold has."""
    return [f"{number}\t{label}\t{kind}\t{found or '-'}\t{want or '-'}"
            for number, label, kind, found, want in sorted(evaluation.errors)]


def table(evaluation: Evaluation) -> str:
    data = evaluation.as_dict()
    lines = [f"{'label':<9} {'gold':>6} {'sugg.':>6}   exact P / R / F1        overlap P / R / F1",
             "-" * 72]
    for label, row in [*data["labels"].items(), ("overall", data["overall"])]:
        e, o = row["exact"], row["overlap"]
        lines.append(f"{label:<9} {row['gold']:>6} {row['suggested']:>6}   "
                     f"{e['precision']:.2f} / {e['recall']:.2f} / {e['f1']:.2f}      "
                     f"{o['precision']:.2f} / {o['recall']:.2f} / {o['f1']:.2f}")
    lines.append(f"actions per gold span: {data['actions_per_gold_span']:.2f} "
                 f"({data['documents']} documents)")
    return "\n".join(lines)
