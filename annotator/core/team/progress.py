"""How the work goes, per annotator: reports by status, spans per label, and labelling speed.

Speed comes from the event log (a team file holds its packages' logs after merging): a label is a
span made by hand, or a suggestion accepted; time spent is the sum of the pauses between one
person's consecutive actions, counting no pause longer than IDLE (a break, a night, another task).
"""
from __future__ import annotations

from datetime import datetime

from annotator.core.model import STATUSES

IDLE = 300  # seconds: a longer pause between two actions is not labelling time


def progress(project) -> dict:
    """{"annotators": {name: {"reports": {status: n}, "spans": {label: n}, "labels": n,
    "active_hours": h, "labels_per_hour": x, "days": {date: labels}}}, "labels": [label keys]}."""
    counts = project.queries.by_annotator()
    labels = [lab.key for lab in project.schema.labels]
    people: dict[str, dict] = {}

    def person(name: str) -> dict:
        return people.setdefault(name or "", {"reports": dict.fromkeys(STATUSES, 0), "spans": dict.fromkeys(labels, 0),
                                              "labels": 0, "active_hours": 0.0, "labels_per_hour": None, "days": {}})
    for name, status, n in counts["versions"]:
        person(name)["reports"][status] += n
    for name, label, n in counts["version_spans"] + counts["own_spans"]:
        spans = person(name)["spans"]
        spans[label] = spans.get(label, 0) + n
    last: dict[str, datetime] = {}
    for name, at, action, before, after in counts["labelling"]:
        who = person(name)
        when = datetime.fromisoformat(at)
        if name in last:
            pause = (when - last[name]).total_seconds()
            if 0 <= pause <= IDLE:
                who["active_hours"] += pause / 3600
        last[name] = when
        made = action == "add_span" and after != "suggested"
        accepted = action == "update_span" and before == "suggested" and after != "suggested"
        if made or accepted:
            who["labels"] += 1
            day = when.date().isoformat()
            who["days"][day] = who["days"].get(day, 0) + 1
    for who in people.values():
        if who["active_hours"]:
            who["labels_per_hour"] = round(who["labels"] / who["active_hours"], 1)
        who["active_hours"] = round(who["active_hours"], 3)
    return {"labels": labels, "annotators": dict(sorted(people.items()))}


def rows(result: dict) -> list[list]:
    """The same as a table (header first), for CSV."""
    header = ["annotator", *STATUSES, "spans", *result["labels"], "labels made", "active hours", "labels per hour"]
    out: list[list] = [header]
    for name, who in result["annotators"].items():
        out.append([name, *(who["reports"][s] for s in STATUSES), sum(who["spans"].values()),
                    *(who["spans"].get(k, 0) for k in result["labels"]), who["labels"], who["active_hours"],
                    who["labels_per_hour"] if who["labels_per_hour"] is not None else ""])
    return out
