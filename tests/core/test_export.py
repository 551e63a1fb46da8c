"""Exports: native JSONL is lossless and checked; metrics rows match the database."""
import csv
import json

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from annotator.core.importer import import_paths
from annotator.core.interchange import metrics, native
from annotator.core.interchange.files import ExportError
from annotator.core.model import Document
from annotator.core.store import Project
from tests.conftest import CORPUS


def labelled(project):
    """The seed corpus with a few spans, a relation, statuses and a deleted span (an id gap)."""
    ids = import_paths(project, [CORPUS]).imported
    text = project.document(ids[0]).text
    start = text.index("云阳13.4万")
    region = project.add_span(ids[0], start, start + 2, "REGION")
    metric = project.add_span(ids[0], start + 2, start + 7, "METRIC",
                              attrs={"value": 134000, "unit": "", "qualifier": "exact", "subject": region.id})
    gone = project.add_span(ids[0], 0, 2, "PERSON")
    project.delete_span(gone.id)
    project.add_relation(metric.id, region.id, "subject")
    project.add_span(ids[1], 0, 2, "DATE", origin="suggested")
    project.set_status(ids[0], "done")
    project.set_status(ids[2], "skipped", "not about poverty")
    return ids


def test_native_round_trip_is_identical(tmp_path):
    with Project.open(tmp_path / "a.db") as a:
        labelled(a)
        native.export(a, tmp_path / "first.jsonl")
    with Project.open(tmp_path / "b.db") as b:
        report = import_paths(b, [tmp_path / "first.jsonl"])
        assert report.ok and len(report.imported) == 5
        native.export(b, tmp_path / "second.jsonl")
    first = (tmp_path / "first.jsonl").read_bytes()
    assert first == (tmp_path / "second.jsonl").read_bytes()
    records = [json.loads(line) for line in first.decode().splitlines()]
    assert records[0]["status"] == "done" and records[2]["meta"]["skip_reason"] == "not about poverty"
    assert [s["text"] for s in records[0]["spans"]] == ["云阳", "13.4万"]
    assert records[0]["relations"][0]["type"] == "subject"
    assert records[1]["spans"] == []  # suggestions stay out unless asked for


def test_native_lines_are_exactly_json_dumps_of_their_records(project):
    labelled(project)
    lines = list(native.lines(project, with_suggestions=True))
    assert len(lines) == 5
    for line in lines:
        assert json.dumps(json.loads(line), ensure_ascii=False) == line


def test_native_record_shape(project):
    labelled(project)
    record = next(native.records(project, status="done"))
    assert set(record) == {"id", "text", "meta", "status", "spans", "relations"}
    assert set(record["spans"][0]) == {"id", "start", "end", "label", "text", "attrs", "annotator", "origin"}
    assert record["meta"]["title"] == "全面小康路上一个都不少 云阳13.4万贫困群众如期脱贫"
    assert record["spans"][0]["annotator"] == "tester"
    for span in record["spans"]:
        assert record["text"][span["start"]:span["end"]] == span["text"]


def test_status_filter_and_suggestions(project):
    labelled(project)
    assert [r["status"] for r in native.records(project, status="skipped")] == ["skipped"]
    with_suggestions = list(native.records(project, with_suggestions=True))
    assert [s["origin"] for s in with_suggestions[1]["spans"]] == ["suggested"]


def test_a_span_that_does_not_match_its_text_aborts_the_export(project, tmp_path):
    labelled(project)
    out = tmp_path / "out.jsonl"
    out.write_text("previous export\n")
    project.db.execute("UPDATE spans SET text = '错' WHERE label = 'REGION'")
    with pytest.raises(ExportError, match=r"text\[\d+:\d+\] is '云阳', but the span says '错'"):
        native.export(project, out)
    assert out.read_text() == "previous export\n"  # untouched
    with pytest.raises(ExportError):
        metrics.export(project, tmp_path / "m.csv")
    assert not (tmp_path / "m.csv").exists()


def test_metrics_rows_match_the_database(project, tmp_path):
    ids = labelled(project)
    project.add_span(ids[3], 0, 2, "METRIC", attrs={"value": [5, 7], "unit": "亿元", "qualifier": "range"})
    rows = metrics.rows(project)
    assert len(rows) == project.db.execute("SELECT count(*) FROM spans WHERE layer = 'metric'").fetchone()[0]
    first = rows[0]
    assert (first["span_text"], first["value"], first["subject"], first["unit"]) == ("13.4万", 134000, "云阳", "")
    assert first["title"] == project.document(ids[0]).title and first["published"] == "2020-09-11T10:53"
    assert (rows[1]["value"], rows[1]["low"], rows[1]["high"]) == (None, 5, 7)
    metrics.export(project, tmp_path / "m.csv")
    metrics.export(project, tmp_path / "m.jsonl")
    assert (tmp_path / "m.csv").read_bytes().startswith(b"\xef\xbb\xbf")  # spreadsheets need the BOM
    with open(tmp_path / "m.csv", encoding="utf-8-sig", newline="") as f:
        table = list(csv.DictReader(f))
    assert [r["span_text"] for r in table] == [r["span_text"] for r in rows]
    assert table[0]["value"] == "134000"
    lines = [json.loads(x) for x in (tmp_path / "m.jsonl").read_text("utf-8").splitlines()]
    assert lines == rows


astral_text = st.text(alphabet=st.sampled_from("云阳县贫困户𠮷😀\u00a0e\u0301。\n"), min_size=3, max_size=30).filter(
    str.strip)  # an empty report is refused on every path


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=astral_text, cuts=st.lists(st.integers(0, 30), min_size=2, max_size=8, unique=True))
def test_round_trip_any_text_and_spans(tmp_path_factory, text, cuts):
    folder = tmp_path_factory.mktemp("rt")
    with Project.open(None) as a:
        doc = a.add_document(Document(text=text, title="t"))
        bounds = sorted(c for c in cuts if c <= len(text))
        for start, end in zip(bounds[::2], bounds[1::2]):
            if start < end:
                a.add_span(doc, start, end, "ORG")
        native.export(a, folder / "1.jsonl")
    with Project.open(None) as b:
        assert import_paths(b, [folder / "1.jsonl"]).ok
        native.export(b, folder / "2.jsonl")
    assert (folder / "1.jsonl").read_bytes() == (folder / "2.jsonl").read_bytes()
