"""Handing out work: split reports among annotators, a share of them to two or more for agreement,
and write one package per annotator.

A package is an ordinary project file: that person's reports (to do, with the team's ids and
notes), the schema with its guidelines, the lexicon and the learnt model, and none of anyone's
labels.  It opens in the window like any project; `merge` brings it back.
"""
from __future__ import annotations

import itertools
import os
import random
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.annotators import check_name, file_stem
from annotator.core.model import AnnotatorError, Document
from annotator.core.store import Project
from annotator.core.store.clock import now


@dataclass
class Plan:
    shares: dict[str, list[int]]                    # annotator → report ids
    shared: list[int] = field(default_factory=list)  # reports given to more than one

    def files(self, folder: Path) -> dict[str, Path]:
        return {a: folder / f"{file_stem(a)}.db" for a in self.shares}


def plan(doc_ids: list[int], annotators: list[str], *, overlap: float = 0.2, copies: int = 2,
         seed: int = 0) -> Plan:
    """Who gets which report.  round(overlap × reports) of them, drawn at random (`seed`), go to
    `copies` annotators each, every group of that size taking its turn so that each pair has reports in
    common; the rest go one each to whoever has least so far."""
    names = [check_name(a) for a in annotators]
    if not names:
        raise AnnotatorError("name at least one annotator")
    twice = sorted({n for n in names if names.count(n) > 1})
    if twice:
        raise AnnotatorError(f"annotator named twice: {', '.join(twice)}")
    if len({file_stem(n).casefold() for n in names}) < len(names):
        raise AnnotatorError("two annotator names would give the same package file name; make them differ by more "
                             "than case or punctuation")
    if not 0 <= overlap <= 1:
        raise AnnotatorError(f"the share of reports labelled twice is between 0 and 1 ({overlap} given)")
    ids = sorted(set(doc_ids))
    if not ids:
        raise AnnotatorError("no reports to assign (all are assigned already, or the project is empty)")
    shared = sorted(random.Random(seed).sample(ids, round(overlap * len(ids)))) if overlap else []
    if shared and len(names) == 1:
        raise AnnotatorError("one annotator cannot share reports with another for agreement; set the share of "
                             "reports labelled twice to 0")
    if shared and not 2 <= copies <= len(names):
        raise AnnotatorError(f"reports labelled for agreement go to 2 to {len(names)} annotators ({copies} given)")
    shares: dict[str, list[int]] = {n: [] for n in names}
    groups = itertools.cycle(itertools.combinations(names, copies)) if shared else None
    for doc_id in shared:
        for name in next(groups):
            shares[name].append(doc_id)
    shared_set = set(shared)
    for doc_id in ids:
        if doc_id not in shared_set:
            least = min(names, key=lambda n: (len(shares[n]), names.index(n)))
            shares[least].append(doc_id)
    return Plan({n: sorted(d) for n, d in shares.items()}, shared)


def unassigned(team: Project) -> list[int]:
    """Reports of the team file nobody has been given yet."""
    given = team.team.assignments()
    return [d for d in team.document_ids() if d not in given]


def make_packages(team: Project, the_plan: Plan, folder: Path, on_progress=None) -> dict[str, Path]:
    """Write one package per annotator into `folder` and record the assignments in the team file.
    Nothing is left half made: every package is written under a temporary name first, an existing
    file is never overwritten, and the team file records all of them in one change or none."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    files = the_plan.files(folder)
    taken = [str(p) for p in files.values() if p.exists()]
    if taken:
        raise AnnotatorError(f"a package file is there already: {', '.join(taken)}; choose another folder or move "
                             "it away (nothing was written)")
    already = team.team.assignments()
    again = sorted({f"{d} ({a})" for a, ids in the_plan.shares.items() for d in ids if a in already.get(d, [])})
    if again:
        raise AnnotatorError(f"already assigned to the same person: report {', '.join(again[:5])}"
                             f"{' …' if len(again) > 5 else ''}; nothing was written")
    made: dict[str, tuple[Path, str]] = {}
    try:
        for number, (annotator, doc_ids) in enumerate(the_plan.shares.items()):
            partial = folder / f".{files[annotator].name}.part"
            for stale in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
                stale.unlink(missing_ok=True)
            made[annotator] = (partial, write_package(team, annotator, doc_ids, partial))
            if on_progress:
                on_progress(number + 1, len(the_plan.shares))
        with team.change():
            for annotator, (partial, package_id) in made.items():
                team.team.record_package(package_id, annotator, str(files[annotator]), the_plan.shares[annotator])
    except BaseException:
        for partial, _ in made.values():
            partial.unlink(missing_ok=True)
        raise
    for annotator, (partial, _) in made.items():
        os.replace(partial, files[annotator])
    return files


def write_package(team: Project, annotator: str, doc_ids: list[int], path: Path) -> str:
    """One package file at `path`; returns its id."""
    with Project.open(path, annotator=team.annotator, schema=team.schema) as package:  # made by the lead, for `annotator`
        with package.change():
            for doc_id in doc_ids:
                doc = team.document(doc_id)
                meta = {k: v for k, v in doc.meta.items() if k != "skip_reason"}
                package.documents.add(Document(doc.text, doc.title, doc.source, doc.published, doc.file_name,
                                               doc.source_sha256, "todo", meta, doc_id))
        by_list: dict[tuple[str, str], list[str]] = {}
        for label, kind, value in team.lexicon_entries():
            by_list.setdefault((label, kind), []).append(value)
        for (label, kind), values in by_list.items():
            package.add_lexicon(label, values, kind, where="team lexicon")
        layers, info = team.models.load()
        if layers:
            package.models.save(layers, info)
        package_id = package.session.project_id
        package.team.set_package({"id": package_id, "annotator": annotator, "team": team.session.project_id,
                                  "made_at": now(), "documents": len(doc_ids)})
    return package_id
