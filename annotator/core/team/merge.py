"""Bringing packages back into the team file.

Reports are matched by the hash of their text, so a package works whatever ids its reports have.
Each annotator's labels become their version of each report (kept apart from the team's own layer
and from each other's), with their status; the package's events are appended to the team's log.
Every package is checked before anything is written, and all of them go in as one change: a
package whose schema or reports do not match the team file's is refused with the differences
named, and nothing is merged.  Merging the same package again changes nothing; a later copy of it
replaces that annotator's versions.
"""
from __future__ import annotations

from pathlib import Path

from annotator.core.annotators import check_name
from annotator.core.model import AnnotatorError, Schema
from annotator.core.store import Project
from annotator.core.store.team import HandIn


def schema_differences(team: Schema, package: Schema) -> list[str]:
    """What would make the package's labels mean something else in the team file."""
    out = []
    for label in team.labels:
        other = package.label(label.key)
        if other is None:
            out.append(f"label {label.key} is missing from the package")
        elif other.layer != label.layer:
            out.append(f"label {label.key} is in the {other.layer} layer in the package, {label.layer} here")
        elif _attributes(other) != _attributes(label):
            out.append(f"label {label.key} has other attributes in the package")
    out += [f"label {lab.key} is only in the package" for lab in package.labels if team.label(lab.key) is None]
    mine = {i.key for i in team.indicators}
    extra = [i.key for i in package.indicators if i.key not in mine]
    if extra:
        out.append(f"indicators only in the package: {', '.join(extra)} (add them here with `annotator indicators "
                   "add` first)")
    return out


def _attributes(label) -> list[tuple]:
    return [(a.key, a.type, a.choices, a.targets) for a in label.attributes]


def read_package(team: Project, path: Path, *, annotator: str | None = None, events: bool = True) -> HandIn:
    """A package's hand-in, checked against the team file; raises naming every difference.
    `events`: read its event log too (not needed to check it)."""
    path = Path(path)
    if not path.exists():
        raise AnnotatorError(f"no package at {path}")
    if team.path is not None and path.resolve() == Path(team.path).resolve():
        raise AnnotatorError(f"{path} is the team file itself")
    with Project.open(path, annotator=annotator) as package:
        if package.session.project_id and package.session.project_id == team.session.project_id:
            raise AnnotatorError(f"{path} is a copy of the team file, not a package made from it")
        hand_in = package.team.hand_in(events=events)
        if not package.team.package():
            if not annotator:
                raise AnnotatorError(f"{path} was not made by `annotator assign`; say whose work it is to merge "
                                     "it as theirs (`annotator merge --as NAME`)")
        if annotator:
            hand_in.package["annotator"] = check_name(annotator)
        problems = schema_differences(team.schema, package.schema)
        found = team.team.document_ids_by_hash(list(hand_in.versions))
        missing = [v.document_id for sha, v in hand_in.versions.items() if sha not in found]
        if missing:
            titles = [package.document(d).title or f"report {d}" for d in missing[:5]]
            problems.append(f"{len(missing)} of its reports are not in the team file: {', '.join(titles)}"
                            f"{' …' if len(missing) > 5 else ''}")
    if problems:
        raise AnnotatorError(f"{path} does not match the team file, so nothing was merged: " + "; ".join(problems))
    return hand_in


def merge(team: Project, paths: list[Path], *, annotator: str | None = None) -> list[dict]:
    """Merge these packages (all checked first, then all written as one change); returns one summary
    each ({"unchanged": True} for a package merged before as it is).  One package at a time is held in
    memory: checking keeps only each one's identity and digest, and merging reads each one again."""
    if annotator and len(paths) > 1:
        raise AnnotatorError("--as names the owner of one package; merge the others separately")
    seen: list[tuple[str, str, str]] = []  # (id, annotator, digest)
    for path in paths:
        hand_in = read_package(team, path, annotator=annotator, events=False)
        seen.append((hand_in.package["id"], hand_in.package["annotator"], hand_in.digest()))
    ids = [i for i, _, _ in seen]
    twice = {i for i in ids if ids.count(i) > 1}
    if twice:
        raise AnnotatorError(f"the same package is given twice ({', '.join(w for i, w, _ in seen if i in twice)})")
    if all(team.team.merged_before(i, d) for i, _, d in seen):  # not even an empty transaction
        return [{"package": i, "annotator": w, "unchanged": True} for i, w, _ in seen]
    schema = team.schema
    with team.change():
        return [team.team.merge(read_package(team, p, annotator=annotator), schema) for p in paths]
