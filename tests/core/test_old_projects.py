"""Project files made by every earlier layout of the schema open with today's code, keep their
reports and spans, take every kind of write, and export.

The files come from tests/core/old_projects.py (one builder per layout m001/m002 ever wrote).
Files from the first commits could be read but not written ("no such column: batch") until the
repair migration m003; m004 carries each annotator's undo stack over to the per-session stacks.
"""
from __future__ import annotations

import json
import sqlite3

import pytest

from annotator.core.interchange import native
from annotator.core.model import Document
from annotator.core.store import Project
from tests.core.old_projects import ANNOTATOR, VERSIONS

# Files made before 8ff2d9a had no events.batch/kind/target (m001 grew them in place; m002 did not add
# them), so every write failed with "no such column: batch" until m003 rebuilt their event log.


def cases(test: str) -> list:
    return [pytest.param(builder, id=name) for name, builder in VERSIONS]


@pytest.fixture
def old(tmp_path):
    """Build the old file, then open it with today's code: (project, what the builder wrote)."""
    opened = []

    def make(builder, annotator: str | None = None):
        path = tmp_path / "old.db"
        wrote = builder(path)
        project = Project.open(path, annotator=annotator)
        opened.append(project)
        return project, wrote

    yield make
    for project in opened:
        project.close()


def _spans(project: Project) -> dict[int, dict]:
    return {s.id: {"document_id": s.document_id, "start": s.start, "end": s.end, "label": s.label,
                   "layer": s.layer, "text": s.text, "attrs": s.attrs}
            for doc_id in project.document_ids() for s in project.spans(doc_id)}


# -- reading --------------------------------------------------------------------------------------

@pytest.mark.parametrize("builder", cases("open"))
def test_opens_and_records_every_step(old, builder):
    project, _ = old(builder)
    applied = [name for (name,) in project.db.execute("SELECT name FROM _sqlite_migrations ORDER BY id")]
    assert applied[:2] == ["m001_initial", "m002_lexicon"]
    assert [label.key for label in project.schema.labels] == ["REGION", "ORG", "PERSON", "DATE", "PROGRAM", "METRIC"]


@pytest.mark.parametrize("builder", cases("read"))
def test_documents_and_spans_are_all_there(old, builder):
    project, wrote = old(builder)
    assert {d: (project.text(d), project.document(d).status) for d in project.document_ids()} == wrote["documents"]
    assert _spans(project) == wrote["spans"]
    assert project.stats()["spans"] == len(wrote["spans"])


@pytest.mark.parametrize("builder", cases("metrics"))
def test_metrics_view_gives_sentences(old, builder):
    project, _ = old(builder)
    rows = list(project.db.query("SELECT span_id, span_text, sentence, subject, period, value FROM metrics"
                                 " ORDER BY span_id"))
    assert [(r["span_id"], r["span_text"], r["sentence"]) for r in rows] == [
        (3, "1.6万户", "2019年云阳县脱贫1.6万户。"), (4, "431亿元", "全县GDP达到431亿元。")]
    assert (rows[0]["subject"], rows[0]["period"], rows[0]["value"]) == ("云阳县", "2019年", 16000)


@pytest.mark.parametrize("builder", cases("export"))
def test_native_export(old, builder, tmp_path):
    project, wrote = old(builder)
    out = tmp_path / "out.jsonl"
    assert native.export(project, out) == 2
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert {r["id"]: (r["text"], r["status"]) for r in records} == wrote["documents"]
    exported = {s["id"]: {"document_id": r["id"], "start": s["start"], "end": s["end"], "label": s["label"],
                          "text": s["text"], "attrs": s["attrs"]} for r in records for s in r["spans"]}
    assert exported == {i: {k: v for k, v in s.items() if k != "layer"} for i, s in wrote["spans"].items()}


@pytest.mark.parametrize("builder", cases("schema"))
def test_schema_matches_a_new_project(old, builder, tmp_path):
    """Same tables, columns (name, type, NOT NULL, primary key), indexes, triggers and views as a
    project made today; column order and the DDL text may differ (m002 appends columns)."""
    project, _ = old(builder)
    with Project.open(tmp_path / "new.db") as new:
        have, want = _structure(project.db.conn), _structure(new.db.conn)
    assert {"missing": sorted(want - have), "extra": sorted(have - want)} == {"missing": [], "extra": []}


@pytest.mark.parametrize("builder", cases("json_checks"))
def test_attrs_and_meta_must_be_json_objects(old, builder):
    project, _ = old(builder)
    for statement in ("UPDATE documents SET meta = '[]' WHERE id = 1", "UPDATE spans SET attrs = 'x' WHERE id = 3"):
        with pytest.raises(sqlite3.IntegrityError, match="must be a JSON object"):
            project.db.execute(statement)


def _structure(conn: sqlite3.Connection) -> set[tuple]:
    objects = conn.execute("SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_autoindex_%'").fetchall()
    return {("object", kind, name) for kind, name in objects} | {
        ("column", table, c[1], c[2], bool(c[3]), c[5])  # name, type, NOT NULL, pk
        for kind, table in objects if kind == "table" for c in conn.execute(f'PRAGMA table_info("{table}")')}


# -- writing ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("builder", cases("add_document"))
def test_add_document(old, builder):
    project, _ = old(builder)
    doc_id = project.add_document(Document(text="资阳市人民政府发布消息。", title="新报告"))
    assert project.text(doc_id) == "资阳市人民政府发布消息。"


@pytest.mark.parametrize("builder", cases("add_span"))
def test_add_span(old, builder):
    project, _ = old(builder)
    span = project.add_span(1, 0, 3, "REGION")
    assert (span.text, span.layer) == ("云阳县", "entity")
    assert project.span(span.id).text == "云阳县"


@pytest.mark.parametrize("builder", cases("update_span"))
def test_update_span_relabels(old, builder):
    project, _ = old(builder)
    project.update_span(8, label="REGION", end=16)
    assert (project.span(8).label, project.span(8).text) == ("REGION", "绥阳县")


@pytest.mark.parametrize("builder", cases("delete_span"))
def test_delete_span(old, builder):
    project, wrote = old(builder)
    project.delete_span(5)
    assert set(_spans(project)) == set(wrote["spans"]) - {5}


@pytest.mark.parametrize("builder", cases("set_status"))
def test_set_status(old, builder):
    project, _ = old(builder)
    project.set_status(2, "skipped", "重复")
    assert (project.document(2).status, project.document(2).meta["skip_reason"]) == ("skipped", "重复")


@pytest.mark.parametrize("builder", cases("undo_redo"))
def test_undo_and_redo(old, builder):
    project, wrote = old(builder)
    span = project.add_span(2, 10, 12, "ORG")
    assert project.undo() == [2]
    assert set(_spans(project)) == set(wrote["spans"])
    assert project.redo() == [2]
    assert project.span(span.id).text == "消息"


@pytest.mark.parametrize("builder", cases("old_annotator_undo"))
def test_the_old_annotator_can_undo_their_last_change(old, builder):
    """The annotator of the old sessions opens the file again and presses undo: their last undoable
    change (a status, or the rejected suggestion where there was one) is undone, nothing breaks."""
    project, _ = old(builder, annotator=ANNOTATOR)
    assert project.can_undo()
    assert project.undo() in ([1], [2])


@pytest.mark.parametrize("builder", cases("suggest"))
def test_suggest(old, builder):
    project, _ = old(builder)
    doc_id = project.add_document(Document(text="记者李晓梦报道：云阳县委宣传部召开会议，全县脱贫2万余户。", title="新"))
    assert project.suggest([doc_id]) > 0
    suggested = project.spans(doc_id, origin="suggested")
    assert suggested and all(s.source for s in suggested)


@pytest.mark.parametrize("builder", cases("add_lexicon"))
def test_add_lexicon(old, builder):
    project, _ = old(builder)
    report = project.add_lexicon("ORG", ["云阳县委宣传部"])
    assert report.added == 1
    assert ("ORG", "name", "云阳县委宣传部") in project.lexicon_entries()
