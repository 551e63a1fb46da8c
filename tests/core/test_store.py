"""The project database: offsets, labels and layers checked on every write; all changes logged."""
import json
import sqlite3

import pytest
from hypothesis import given, settings, strategies as st

from annotator.core.model import AnnotatorError, Document, Span, SpanError
from annotator.core.store import DuplicateDocument, Project

TEXT = "云阳县13.4万贫困群众如期脱贫。2019年GDP达到431亿元。"


def test_a_new_project_has_the_default_schema_and_is_wal(project):
    assert [lab.key for lab in project.schema.labels] == ["REGION", "ORG", "PERSON", "DATE", "PROGRAM", "METRIC"]
    assert project.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert project.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_span_text_is_the_slice_of_the_text(project, doc_id):
    span = project.add_span(doc_id, 0, 3, "REGION")
    assert span.text == "云阳县" and span.layer == "entity" and span.annotator == "tester"
    assert project.spans(doc_id) == [span]


@pytest.mark.parametrize("start, end, message", [
    (-1, 3, "not inside the text"),
    (3, 3, "not inside the text"),
    (5, 2, "not inside the text"),
    (0, len(TEXT) + 1, "not inside the text"),
    (0.0, 3, "must be an integer"),
    (True, 3, "must be an integer"),
])
def test_bad_offsets_are_refused_and_nothing_is_written(project, doc_id, start, end, message):
    with pytest.raises(SpanError, match=message):
        project.add_span(doc_id, start, end, "REGION")
    assert project.spans(doc_id) == []


def test_unknown_label_is_refused_naming_the_known_ones(project, doc_id):
    with pytest.raises(SpanError, match=r"'PLACE' is not in the project's schema \(REGION, ORG"):
        project.add_span(doc_id, 0, 3, "PLACE")


def test_overlap_inside_a_layer_is_refused_across_layers_allowed(project, doc_id):
    project.add_span(doc_id, 0, 3, "REGION")
    with pytest.raises(SpanError, match=r"overlaps REGION '云阳县' \(0-3\) in the entity layer"):
        project.add_span(doc_id, 2, 5, "ORG")
    with pytest.raises(SpanError, match="overlaps"):
        project.add_span(doc_id, 0, 3, "PERSON")  # same extent counts as overlap too
    project.add_span(doc_id, 3, 10, "METRIC")  # touching is not overlapping
    with pytest.raises(SpanError, match="metric layer"):
        project.add_span(doc_id, 5, 8, "METRIC")
    entity = project.add_span(doc_id, 3, 8, "PROGRAM")  # entity over a metric: other layer
    assert entity.layer == "entity"


def test_relabel_and_move_edges_keep_rules(project, doc_id):
    a = project.add_span(doc_id, 0, 2, "REGION")
    b = project.add_span(doc_id, 3, 8, "ORG")
    a = project.update_span(a.id, end=3)
    assert a.text == "云阳县"
    with pytest.raises(SpanError, match="overlaps"):
        project.update_span(a.id, end=4)
    assert project.span(a.id).end == 3  # refused change left it as it was
    b = project.update_span(b.id, label="METRIC")
    assert b.layer == "metric"
    project.update_span(a.id, end=4)  # no entity left to overlap with now


def test_attributes_are_checked_against_the_schema(project, doc_id):
    with pytest.raises(SpanError, match="METRIC attributes"):
        project.add_span(doc_id, 3, 8, "METRIC", attrs={"qualifier": "roughly"})
    span = project.add_span(doc_id, 3, 8, "METRIC", attrs={"value": 134000, "unit": "", "qualifier": "exact"})
    assert project.span(span.id).attrs["value"] == 134000


def test_every_change_is_in_the_event_log_with_before_and_after(project, doc_id):
    span = project.add_span(doc_id, 0, 3, "REGION")
    project.update_span(span.id, label="ORG")
    project.delete_span(span.id)
    project.set_status(doc_id, "skipped", "duplicate of another report")
    assert project.events(doc_id)[0]["after"] == {"title": "t", "file": "", "spans": 0}
    actions = [(e["action"], e["annotator"]) for e in project.events(doc_id)]
    # the first annotation moves the report from todo to in progress, in the same change
    assert actions == [("import_document", "tester"), ("add_span", "tester"), ("set_status", "tester"),
                       ("update_span", "tester"), ("delete_span", "tester"), ("set_status", "tester")]
    assert project.events(doc_id)[2]["after"]["status"] == "in_progress"
    update = project.events(doc_id)[3]
    assert update["before"]["label"] == "REGION" and update["after"]["label"] == "ORG"
    assert project.events(doc_id)[4]["before"]["text"] == "云阳县"
    assert project.events(doc_id)[5]["after"] == {"document_id": doc_id, "status": "skipped",
                                                  "reason": "duplicate of another report"}


def test_the_event_log_is_append_only(project, doc_id):
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        project.db.execute("DELETE FROM events")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        project.db.execute("UPDATE events SET action = 'x'")


def test_document_text_is_immutable(project, doc_id):
    with pytest.raises(sqlite3.IntegrityError, match="never changes"):
        project.db.execute("UPDATE documents SET text = 'x' WHERE id = ?", [doc_id])


def test_an_empty_report_is_refused(project):
    with pytest.raises(AnnotatorError, match="empty"):
        project.add_document(Document(text=" \n\u3000"))


def test_the_same_text_twice_is_a_duplicate(project, doc_id):
    with pytest.raises(DuplicateDocument, match=f"document {doc_id}"):
        project.add_document(Document(text=TEXT))
    assert project.document_ids() == [doc_id]


def test_a_failed_import_leaves_no_half_document(project):
    with pytest.raises(SpanError):
        project.add_document(Document(text="资阳市"), [Span(0, 3, "REGION", "资阳市"), Span(1, 2, "ORG", "阳")])
    assert project.document_ids() == []
    assert project.db.execute("SELECT count(*) FROM spans").fetchone()[0] == 0


def test_changes_are_committed_before_returning(tmp_path):
    """Another connection (another process) sees each change at once."""
    path = tmp_path / "p.db"
    with Project.open(path) as p:
        doc = p.add_document(Document(text=TEXT))
        p.add_span(doc, 0, 3, "REGION")
        other = sqlite3.connect(path)
        assert other.execute("SELECT text FROM spans").fetchall() == [("云阳县",)]
        p.set_status(doc, "done")
        assert other.execute("SELECT status FROM documents").fetchall() == [("done",)]


def test_reopening_gives_the_same_state(tmp_path):
    path = tmp_path / "p.db"
    with Project.open(path) as p:
        doc = p.add_document(Document(text=TEXT, title="云阳", meta={"k": [1, "二"]}))
        span = p.add_span(doc, 0, 3, "REGION")
        before = (p.document(doc), p.spans(doc), p.events())
    with Project.open(path) as p:
        assert (p.document(doc), p.spans(doc), p.events()) == before
        assert p.span(span.id).text == "云阳县"


def test_a_non_project_file_is_refused(tmp_path):
    bogus = tmp_path / "notes.db"
    bogus.write_text("hello")
    with pytest.raises(AnnotatorError, match="not a project file"):
        Project.open(bogus)


def test_schema_change_that_would_orphan_spans_is_refused(project, doc_id):
    from dataclasses import replace

    project.add_span(doc_id, 0, 3, "REGION")
    schema = project.schema
    without_region = replace(schema, labels=tuple(lab for lab in schema.labels if lab.key != "REGION"))
    with pytest.raises(AnnotatorError, match="label REGION is used by 1 spans"):
        project.set_schema(without_region)
    assert project.schema.label("REGION") is not None
    without_person = replace(schema, labels=tuple(lab for lab in schema.labels if lab.key != "PERSON"))
    project.set_schema(without_person)
    assert project.schema.label("PERSON") is None
    assert project.events()[-1]["action"] == "set_schema"


def test_views_answer_plain_sql(project, doc_id):
    region = project.add_span(doc_id, 0, 3, "REGION")
    project.add_span(doc_id, 3, 8, "METRIC", attrs={"value": 134000, "unit": "", "qualifier": "exact",
                                                     "subject": region.id})
    row = next(project.db.query("SELECT * FROM metrics"))
    assert (row["span_text"], row["value"], row["subject"], row["title"]) == ("13.4万", 134000, "云阳县", "t")
    progress = next(project.db.query("SELECT * FROM document_progress"))
    assert progress["spans"] == 2 and progress["status"] == "in_progress"
    assert {r["label_zh"] for r in project.db.query("SELECT * FROM span_details")} == {"地区", "指标"}


text_with_astral = st.text(alphabet=st.sampled_from("云阳县贫困𠮷😀\u00a0e\u0301ＡＢ \n"), min_size=1, max_size=40).filter(
    str.strip)


@settings(max_examples=60)
@given(text=text_with_astral, data=st.data())
def test_any_accepted_span_is_the_exact_slice(text, data):
    project = Project.open(None)
    doc = project.add_document(Document(text=text))
    for _ in range(5):
        start = data.draw(st.integers(-2, len(text) + 2))
        end = data.draw(st.integers(-2, len(text) + 2))
        label = data.draw(st.sampled_from(["REGION", "ORG", "METRIC"]))
        try:
            project.add_span(doc, start, end, label)
        except SpanError:
            assert not (0 <= start < end <= len(text)) or any(
                s.start < end and start < s.end and s.layer == ("metric" if label == "METRIC" else "entity")
                for s in project.spans(doc))
    for span in project.spans(doc):
        assert text[span.start:span.end] == span.text
    by_layer = {}
    for span in project.spans(doc):
        by_layer.setdefault(span.layer, []).append(span)
    for spans in by_layer.values():
        for a, b in zip(spans, spans[1:]):
            assert a.end <= b.start  # no overlap inside a layer


def test_a_project_file_from_the_first_release_is_brought_up_to_date(tmp_path):
    """Step 1 of the schema grew (sentence bounds, suggestion source and confidence, rejections) before
    it settled; a file made before that opens, gets them, and its metrics view gives sentences."""
    path = tmp_path / "old.db"
    with Project.open(path) as project:
        doc_id = project.add_document(Document(text="标题\n云阳县脱贫1.6万户。其他句子。"))
        project.add_span(doc_id, 8, 13, "METRIC")
    db = sqlite3.connect(path)
    db.executescript("""
        DROP VIEW metrics; DROP TABLE rejections; DROP TABLE lexicon;
        ALTER TABLE spans DROP COLUMN sentence_start; ALTER TABLE spans DROP COLUMN sentence_end;
        ALTER TABLE spans DROP COLUMN source; ALTER TABLE spans DROP COLUMN confidence;
        DELETE FROM _sqlite_migrations WHERE name = 'm002_lexicon';
        CREATE VIEW metrics AS SELECT id AS span_id FROM spans;
    """)
    db.close()
    with Project.open(path) as project:
        [row] = project.db.query("SELECT span_text, sentence, value FROM metrics")
        assert row == {"span_text": "1.6万户", "sentence": "云阳县脱贫1.6万户。", "value": 16000}
        assert project.db["rejections"].exists() and project.db["lexicon"].exists()
        assert project.suggest() > 0  # suggestions write source and confidence


def test_notes_on_spans_and_reports_travel_with_the_data(project, doc_id, tmp_path):
    from annotator.core.interchange import brat, native

    span = project.add_span(doc_id, 0, 3, "REGION", attrs={"note": "县还是市?"})
    span = project.update_span(span.id, label="ORG")  # a new label keeps the note
    assert span.attrs == {"note": "县还是市?"}
    with pytest.raises(SpanError, match="note: 3 must be text"):
        project.update_span(span.id, attrs={"note": 3})
    project.set_note(doc_id, "标题有误,待核实")
    record = next(native.records(project))
    assert record["meta"]["note"] == "标题有误,待核实" and record["spans"][0]["attrs"]["note"] == "县还是市?"
    brat.export(project, tmp_path / "brat")
    assert "县还是市?" in (tmp_path / "brat" / f"doc{doc_id:06d}.ann").read_text(encoding="utf-8")
    project.undo()
    assert project.note(doc_id) == ""
    path = tmp_path / "out.jsonl"
    native.export(project, path)
    with Project.open(tmp_path / "other.db") as other:
        from annotator.core.importer import import_paths
        import_paths(other, [path])
        assert other.spans(other.document_ids()[0])[0].attrs["note"] == "县还是市?"
    assert json.loads(path.read_text(encoding="utf-8"))["spans"][0]["attrs"] == {"note": "县还是市?"}
