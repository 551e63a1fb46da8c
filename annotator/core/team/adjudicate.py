"""Settling disagreements: the team file's own spans are the adjudicated (gold) layer.

A report's merged versions are cut into places: runs of overlapping spans of one layer, from any
annotator.  Where every annotator marked the same spans, the place is agreed; elsewhere it is a
disagreement, and the adjudicator takes one annotator's spans there (or edits freely, as anywhere
in the window).  Taken spans carry the adjudicator's name; each take is one action to undo.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from annotator.core.model import AnnotatorError, Span
from annotator.core.store import Project
from annotator.core.store.team import Version


@dataclass
class Place:
    layer: str
    start: int
    end: int
    versions: dict[str, list[Span]] = field(default_factory=dict)  # annotator → their spans here (maybe none)

    @property
    def agreed(self) -> bool:
        marks = {a: sorted((s.start, s.end, s.label) for s in spans) for a, spans in self.versions.items()}
        return len({tuple(m) for m in marks.values()}) <= 1

    def matching(self, gold: list[Span]) -> list[str]:
        """The annotators whose spans here are what the gold layer holds here now (none while the gold
        layer holds nothing here: an empty place is not yet a decision)."""
        mine = sorted((s.start, s.end, s.label) for s in gold if s.start < self.end and self.start < s.end
                      and s.layer == self.layer and s.origin != "suggested")
        if not mine:
            return []
        return [a for a, spans in self.versions.items() if sorted((s.start, s.end, s.label) for s in spans) == mine]


def versions_of(project: Project, doc_id: int) -> dict[str, Version]:
    """The versions to settle: those marked done, or all of them when fewer than two are."""
    versions = {v.annotator: v for v in project.team.versions([doc_id])}
    done = {a: v for a, v in versions.items() if v.status == "done"}
    return done if len(done) >= 2 else versions


def places(project: Project, doc_id: int) -> list[Place]:
    """Every place some annotator marked, in text order, with each annotator's spans there."""
    versions = versions_of(project, doc_id)
    out: list[Place] = []
    for layer in dict.fromkeys(project.schema.layers().values()):
        spans = sorted((s for v in versions.values() for s in v.spans if s.layer == layer),
                       key=lambda s: (s.start, s.end))
        for s in spans:
            if out and out[-1].layer == layer and s.start < out[-1].end:
                out[-1].end = max(out[-1].end, s.end)
            else:
                out.append(Place(layer, s.start, s.end, {a: [] for a in versions}))
            out[-1].versions[s.annotator].append(s)
    return sorted(out, key=lambda p: (p.start, p.end, p.layer))


def disagreements(project: Project, doc_id: int) -> list[Place]:
    return [p for p in places(project, doc_id) if not p.agreed]


def take(project: Project, doc_id: int, place: Place, annotator: str | None) -> list[Span]:
    """Make the gold layer at `place` what `annotator` marked there (None: nothing): one action.
    Links (a metric's subject or period) follow when their target is in the gold layer."""
    if annotator is not None and annotator not in place.versions:
        raise AnnotatorError(f"{annotator} has no version of report {doc_id}")
    return _replace(project, doc_id, [(place, place.versions[annotator] if annotator else [])])


def take_agreed(project: Project, doc_ids: list[int] | None = None) -> int:
    """Copy every agreed place into the gold layer where it holds nothing yet; returns spans added.
    One action per report."""
    added = 0
    for doc_id in doc_ids if doc_ids is not None else shared(project):
        gold = project.spans(doc_id, origin=None)
        todo = [(p, next(iter(p.versions.values()))) for p in places(project, doc_id)
                if p.agreed and len(p.versions) >= 2
                and not any(g.layer == p.layer and g.start < p.end and p.start < g.end and g.origin != "suggested"
                            for g in gold)]
        if todo:
            added += len(_replace(project, doc_id, todo))
    return added


def shared(project: Project) -> list[int]:
    """Reports with versions by more than one annotator."""
    return project.team.shared_documents()


def _replace(project: Project, doc_id: int, changes: list[tuple[Place, list[Span]]]) -> list[Span]:
    links = project.schema.links()
    made: list[Span] = []
    with project.change():
        gone = {g.id for g in project.spans(doc_id) for place, _ in changes  # the report read once, not per place
                if g.layer == place.layer and g.start < place.end and place.start < g.end}
        for span_id in sorted(gone):
            project.delete_span(span_id)
        new_id: dict[int, int] = {}
        for place, spans in changes:  # linked-to spans first, so that links find them
            for s in sorted(spans, key=lambda s: bool(links.get(s.label))):
                attrs = {k: v for k, v in s.attrs.items() if k not in links.get(s.label, ())}
                span = project.add_span(doc_id, s.start, s.end, s.label, attrs=attrs)
                new_id[s.id] = span.id
                made.append(span)
        gold = {(g.start, g.end, g.label): g.id for g in project.spans(doc_id)}
        every = {s.id: s for v in project.team.versions([doc_id]) for s in v.spans}
        for place, spans in changes:
            for s in spans:
                moved = {}
                for key in links.get(s.label, ()):
                    target = every.get(s.attrs.get(key))
                    if target is not None and (target.start, target.end, target.label) in gold:
                        moved[key] = gold[(target.start, target.end, target.label)]
                if moved:
                    project.update_span(new_id[s.id], attrs={**project.span(new_id[s.id]).attrs, **moved})
    return made
