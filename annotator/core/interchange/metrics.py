"""The metrics table: one row per METRIC span, for analysts (JSONL and CSV).

Which region, which indicator, which period, what value: subject and period are
the texts of the linked spans (period falls back to the report's date, and
`period_from` says which), with the sentence the value came from and whether
every attribute was confirmed by a person or some are still proposals.

Rows come from the project's `metrics` view, so the export and a direct SQL
query of the database agree by construction.  CSV is written with a BOM so
that spreadsheet programs open the Chinese text correctly.
"""
from __future__ import annotations

import csv
import json
from pathlib import Path

from annotator.core.interchange.files import atomic_write, check_offsets, spreadsheet_cell
from annotator.core.store import Project

COLUMNS = ("document_id", "title", "published", "span_id", "subject", "indicator", "period", "period_from",
           "value", "low", "high", "unit", "qualifier", "span_text", "sentence", "start", "end", "annotator",
           "origin", "confirmed", "proposed")


def rows(project: Project, *, status: str | None = None, with_suggestions: bool = False) -> list[dict]:
    # Check every span of the documents concerned: metrics, and the subjects and periods they link to.
    for doc_id, text, span_id, start, end, span_text in project.queries.span_texts(status):
        check_offsets(doc_id, text, span_id, start, end, span_text)
    result = []
    for row in project.queries.metrics(status, with_suggestions):
        if isinstance(row["value"], str) and row["value"].startswith("["):
            row["value"] = None  # a range: low and high carry it
        row["proposed"] = ",".join(json.loads(row["proposed"])) if row["proposed"] else ""
        row["confirmed"] = bool(row["confirmed"])  # every attribute set or checked by a person
        result.append({key: row[key] for key in COLUMNS})
    return result


def export(project: Project, path: Path, *, status: str | None = None, with_suggestions: bool = False) -> int:
    """Write `path` as CSV when it ends in .csv, else as JSONL; returns the row count."""
    table = rows(project, status=status, with_suggestions=with_suggestions)
    if path.suffix.lower() == ".csv":
        with atomic_write(path, project_file=project.path, encoding="utf-8-sig", newline="") as f:
            writer = csv.DictWriter(f, fieldnames=COLUMNS)
            writer.writeheader()
            writer.writerows({k: spreadsheet_cell(v) for k, v in row.items()} for row in table)
    else:
        with atomic_write(path, project_file=project.path) as f:
            for row in table:
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
    return len(table)
