"""Label Studio: code point offsets (its editor since late 2021), older UTF-16 files recognised region by region,
its other file shapes, one annotation per task, predictions as suggestions, relation direction."""
import json

import pytest
from hypothesis import given, settings, strategies as st

from annotator.core.importer import import_paths
from annotator.core.interchange import labelstudio
from annotator.core.interchange.formats import detect
from annotator.core.interchange.records import Selection
from annotator.core.model import Document, Relation, Span
from annotator.core.store import Project
from tests.conftest import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "labelstudio"


def region(rid, start, end, label, text=None, **extra):
    value = {"start": start, "end": end, "labels": [label]}
    if text is not None:
        value["text"] = text
    return {"id": rid, "from_name": "label", "to_name": "text", "type": "labels", "value": value, **extra}


def imported(tmp_path, tasks, name="tasks.json", **options):
    path = tmp_path / name
    path.write_text(tasks if isinstance(tasks, str) else json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    project = Project.open(tmp_path / f"{name}.db")
    report = import_paths(project, [path], add_labels=True, **({"options": options} if options else {}))
    return project, report


def spans_of(project, doc_id, origin=None):
    return [(s.text, s.label) for s in project.spans(doc_id) if origin is None or s.origin == origin]


def test_regions_without_text_are_code_points_by_default_and_utf16_on_request(tmp_path):
    task = [{"data": {"text": "😀云阳县脱贫"}, "annotations": [{"result": [region("a", 1, 4, "REGION")]}]}]
    project, report = imported(tmp_path, task)
    assert report.ok and spans_of(project, report.imported[0]) == [("云阳县", "REGION")]
    old = [{"data": {"text": "😀云阳县脱贫"}, "annotations": [{"result": [region("a", 2, 5, "REGION")]}]}]
    project, report = imported(tmp_path, old, "old.json", offsets="utf16")
    assert report.ok and spans_of(project, report.imported[0]) == [("云阳县", "REGION")]


def test_each_region_is_read_in_the_unit_its_text_shows_and_one_that_fits_neither_is_refused(tmp_path):
    text = "𠮷云阳县委宣传部👍称会泽县"
    tasks = [{"data": {"text": text}, "annotations": [{"result": [
                 region("new", 1, 8, "ORG", "云阳县委宣传部"),       # code points (Label Studio since 2021)
                 region("old", 12, 15, "REGION", "会泽县")]}]},       # UTF-16 units (before): 𠮷 and 👍 count 2
             {"data": {"text": "😀会泽县"}, "annotations": [{"result": [region("x", 1, 4, "REGION", "云阳县")]}]}]
    project, report = imported(tmp_path, tasks)
    assert len(report.imported) == 1
    assert spans_of(project, report.imported[0]) == [("云阳县委宣传部", "ORG"), ("会泽县", "REGION")]
    assert [n.reason for n in report.notes] == ["1 region counted in UTF-16 units (older Label Studio), "
                                                "read as such"]
    [problem] = report.problems
    assert problem.where.endswith("tasks.json[1]")
    assert "'云阳县' is not at 1-4, neither counted in code points ('会泽县')" in problem.reason


@settings(max_examples=80, deadline=None)
@given(st.text(st.sampled_from("云阳县😀𠮷👍a \n"), min_size=1, max_size=12), st.data())
def test_a_span_with_its_text_comes_back_from_either_unit_or_is_named(text, data):
    """Never shifted silently: right, or (its text fits both units at different places) read in --offsets'
    unit and named in the notes."""
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    given_in = {"codepoints": (start, end),
                "utf16": (len(text[:start].encode("utf-16-le")) // 2, len(text[:end].encode("utf-16-le")) // 2)}
    for unit, (a, b) in given_in.items():
        for offsets in labelstudio.OFFSETS:
            native = labelstudio.to_native({"data": {"text": text}, "annotations": [
                {"result": [region("r", a, b, "ORG", text[start:end])]}]}, offsets=offsets)
            [span] = native["spans"]
            assert text[span["start"]:span["end"]] == text[start:end]
            if (span["start"], span["end"]) != (start, end):
                assert offsets != unit and any("fits both" in note for note in native["notes"])


def test_one_task_a_file_with_the_old_completions_key_is_read(tmp_path):
    path = FIXTURES / "completions_348.json"  # Label Studio converter's own fixture, one task object
    assert detect(path) == "labelstudio"
    with Project.open(tmp_path / "p.db") as project:
        report = import_paths(project, [path], add_labels=True)
        assert report.ok and len(report.imported) == 1, report.problems
        assert spans_of(project, report.imported[0]) == [
            ("Aqua (Water)", "INGREDIENT"), ("Sodium Lauroyl Methyl Isethionate,", "INGREDIENT"),
            ("Disodium Cocoamphodiacetate,", "INGREDIENT")]


def test_what_is_not_a_text_span_is_counted_in_the_notes(tmp_path):
    path = FIXTURES / "text_with_2_predictions.json"  # Label Studio's own sample: document choices only
    with Project.open(tmp_path / "p.db") as project:
        report = import_paths(project, [path])
        assert report.ok and len(report.imported) == 1
        assert project.spans(report.imported[0]) == []
        assert sorted(n.reason for n in report.notes) == [
            "1 choices prediction result not imported (not a labelled text span)",
            "1 earlier prediction not imported (kept the last as suggestions)"]


def test_choices_beside_spans_are_counted(tmp_path):
    task = [{"data": {"text": "云阳县脱贫", "image": "/data/1.png"}, "annotations": [{"result": [
        region("a", 0, 3, "REGION"), {"type": "choices", "value": {"choices": ["good"]}},
        {"type": "choices", "value": {"choices": ["long"]}}]}]}]
    project, report = imported(tmp_path, task)
    assert spans_of(project, report.imported[0]) == [("云阳县", "REGION")]
    assert [n.reason for n in report.notes] == ["data field not imported: image",
                                                "2 choices results not imported (not a labelled text span)"]


ANNOTATIONS = [
    {"id": 1, "completed_by": {"id": 7, "email": "li@example.org"}, "result": [region("a", 0, 3, "REGION")]},
    {"id": 2, "completed_by": {"id": 8, "email": "wang@example.org"}, "ground_truth": True,
     "result": [region("a", 0, 5, "ORG")]},
    {"id": 3, "completed_by": 9, "result": [region("a", 3, 5, "REGION")]},
    {"id": 4, "completed_by": 9, "was_cancelled": True, "result": []},
]


@pytest.mark.parametrize("annotator, kept, why", [
    (None, ("云阳县委宣", "ORG"), "kept the ground truth"),
    ("li@example.org", ("云阳县", "REGION"), "kept by li@example.org"),
    ("9", ("委宣", "REGION"), "kept by 9"),
])
def test_one_annotation_a_task_by_annotator_else_ground_truth_and_the_others_counted(tmp_path, annotator, kept,
                                                                                      why):
    task = [{"data": {"text": "云阳县委宣传部"}, "annotations": ANNOTATIONS}]
    options = {"annotator": annotator} if annotator else {}
    project, report = imported(tmp_path, task, **options)
    assert report.ok and spans_of(project, report.imported[0]) == [kept]
    assert sorted(n.reason for n in report.notes) == [
        "1 cancelled annotation not imported",
        f"2 other annotations not imported ({why}; a report holds one annotation's spans)"]


def test_without_ground_truth_the_last_annotation_is_kept(tmp_path):
    task = [{"data": {"text": "云阳县委宣传部"}, "annotations": [a for a in ANNOTATIONS if a["id"] != 2]}]
    project, report = imported(tmp_path, task)
    assert spans_of(project, report.imported[0]) == [("委宣", "REGION")]
    assert sorted(n.reason for n in report.notes) == [
        "1 cancelled annotation not imported",
        "1 other annotation not imported (kept the last; a report holds one annotation's spans)"]


def test_predictions_become_suggestions_with_their_score_as_confidence(tmp_path):
    task = [{"data": {"text": "😀云阳县投入1153万元"}, "annotations": [{"result": [region("a", 1, 4, "REGION")]}],
             "predictions": [{"model_version": "old", "score": 0.2, "result": [region("p", 1, 3, "ORG")]},
                             {"model_version": "v2", "score": 0.7, "result": [
                                 region("p1", 1, 4, "REGION", "云阳县", score=0.9),
                                 region("p2", 6, 12, "METRIC", "1153万元")]}]}]
    project, report = imported(tmp_path, task)
    assert report.ok
    suggested = [(s.text, s.label, s.confidence) for s in project.spans(report.imported[0]) if s.origin == "suggested"]
    assert suggested == [("云阳县", "REGION", 0.9), ("1153万元", "METRIC", 0.7)]
    assert spans_of(project, report.imported[0], "imported") == [("云阳县", "REGION")]
    assert [n.reason for n in report.notes] == ["1 earlier prediction not imported (kept the last as suggestions)"]


def test_relation_direction_is_kept_both_ways(tmp_path):
    def relation(direction):
        return {"type": "relation", "from_id": "a", "to_id": "b", "direction": direction, "labels": ["in"]}

    tasks = [{"data": {"text": f"云阳县委宣传部{n}"}, "annotations": [{"result": [
        region("a", 0, 3, "REGION"), region("b", 3, 7, "ORG"), relation(direction)]}]}
        for n, direction in enumerate(("right", "left", "bi"))]
    project, report = imported(tmp_path, tasks)
    assert report.ok
    pairs = [sorted((project.span(r.source_id).text, project.span(r.target_id).text) for r in project.relations(d))
             for d in report.imported]
    assert pairs == [[("云阳县", "委宣传部")], [("委宣传部", "云阳县")], [("云阳县", "委宣传部"), ("委宣传部", "云阳县")]]
    labelstudio.export(project, tmp_path / "back.json", Selection())
    written = [[r for r in t["annotations"][0]["result"] if r["type"] == "relation"]
               for t in json.loads((tmp_path / "back.json").read_text("utf-8"))]
    assert [[r["direction"] for r in rs] for rs in written] == [["right"], ["right"], ["bi"]]


def test_export_writes_code_points_and_reads_back_the_same(tmp_path):
    with Project.open(tmp_path / "p.db") as project:
        project.add_document(Document(text="😀𠮷云阳县委宣传部👍\n会泽县"),
                             [Span(2, 9, "ORG", "云阳县委宣传部", id=1), Span(11, 14, "REGION", "会泽县", id=2)],
                             [Relation(2, 1, "near", id=1)])
        labelstudio.export(project, tmp_path / "ls.json", Selection())
    [task] = json.loads((tmp_path / "ls.json").read_text("utf-8"))
    text = task["data"]["text"]
    values = [r["value"] for r in task["annotations"][0]["result"] if r["type"] == "labels"]
    assert [(v["start"], v["end"]) for v in values] == [(2, 9), (11, 14)]
    assert all(text[v["start"]:v["end"]] == v["text"] for v in values)
    project, report = imported(tmp_path, (tmp_path / "ls.json").read_text("utf-8"), "again.json")
    assert report.ok and not report.notes
    assert spans_of(project, report.imported[0]) == [("云阳县委宣传部", "ORG"), ("会泽县", "REGION")]
    [rel] = project.relations(report.imported[0])
    assert (project.span(rel.source_id).text, project.span(rel.target_id).text) == ("会泽县", "云阳县委宣传部")


def test_a_task_without_annotations_and_a_pretty_printed_task_file_are_label_studio_not_reports(tmp_path):
    path = tmp_path / "one.json"
    path.write_text(json.dumps({"id": 3, "data": {"text": "云阳县"}}, indent=2, ensure_ascii=False), "utf-8")
    assert detect(path) == "labelstudio"
    with Project.open(tmp_path / "p.db") as project:
        report = import_paths(project, [path])
        assert report.ok and project.text(report.imported[0]) == "云阳县"


def test_a_region_that_fits_both_units_follows_the_tasks_other_regions(tmp_path):
    # 'a' at 4-5 is the second 'a' after 👍 in UTF-16 units and the third 'a' in code points
    text = "aa👍aa会泽"
    old = {"data": {"text": text}, "annotations": [{"result": [
        region("x", 4, 5, "ORG", "a"), region("y", 6, 8, "REGION", "会泽")]}]}  # 会泽: UTF-16 only
    native = labelstudio.to_native(old)
    assert [(s["start"], s["end"]) for s in native["spans"]] == [(3, 4), (5, 7)]
    alone = labelstudio.to_native({"data": {"text": text}, "annotations": [{"result": [region("x", 4, 5, "ORG", "a")]}]})
    assert (alone["spans"][0]["start"], alone["spans"][0]["end"]) == (4, 5)
    assert alone["notes"] == ["1 region whose text fits both code points and UTF-16 units at different places, "
                              "read in code points (as the task's other regions or --offsets)"]


def test_an_annotation_a_file_from_target_storage_is_read_with_its_task(tmp_path):
    # the shape of io_storages' StorageAnnotationSerializer: the annotation, its task nested
    path = tmp_path / "17.json"
    path.write_text(json.dumps({"id": 17, "completed_by": {"id": 1, "email": "li@example.org"},
                                "result": [region("a", 1, 4, "REGION", "云阳县")], "was_cancelled": False,
                                "task": {"id": 5, "data": {"text": "😀云阳县"}, "meta": {}}},
                               indent=2, ensure_ascii=False), "utf-8")
    assert detect(path) == "labelstudio"
    with Project.open(tmp_path / "p.db") as project:
        report = import_paths(project, [path])
        assert report.ok and spans_of(project, report.imported[0]) == [("云阳县", "REGION")]
