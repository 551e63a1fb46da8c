"""Prodigy's answers decide what an example gives: accepted spans, our rejections, or nothing (said).
Read on Prodigy's own files (tests/fixtures/prodigy, excerpts of Explosion's example datasets)."""
import json

from hypothesis import given, settings, strategies as st

from annotator.core.importer import import_paths
from annotator.core.interchange.formats import detect
from annotator.core.store import Project
from tests.conftest import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "prodigy"
TEACH = FIXTURES / "ner_teach_reddit_product.jsonl"
MANUAL = FIXTURES / "ner_manual_news_headlines.jsonl"


def spans_by_text(project, report):
    return {project.text(d): sorted((s.text, s.label) for s in project.spans(d)) for d in report.imported}


def rejections(project):
    return set(project.session.db.execute("SELECT text, label FROM rejections").fetchall())


def write(path, examples):
    path.write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in examples), encoding="utf-8")
    return path


def test_a_ner_teach_file_gives_accepted_spans_and_remembers_rejected_ones(tmp_path):
    """Before: the file was read as native JSONL; every span of every example was imported, the
    rejected MX, G3, Z80, 220 … included, and the LAMP text lost Apache or MySQL to a duplicate."""
    assert detect(TEACH) == "prodigy"
    with Project.open(tmp_path / "p.db") as project:
        report = import_paths(project, [TEACH], add_labels=True)
        assert report.ok, report.problems
        got = spans_by_text(project, report)
        lamp = next(t for t in got if "LAMP" in t)
        assert got[lamp] == [("Apache", "PRODUCT"), ("MySQL", "PRODUCT")]  # two examples, one document
        i7 = next(t for t in got if t.startswith("Why the"))
        assert got[i7] == [("i7", "PRODUCT")]  # accepted on its own line and by its own answer on a rejected one
        macbook = next(t for t in got if "MacBook" in t)
        assert got[macbook] == [("MacBook", "PRODUCT")]  # a span's own reject outranks its example's accept
        assert got["Happy New Year Reddit!"] == [("Reddit", "PRODUCT")]  # given twice: one span
        accepted = {s for spans in got.values() for s in spans}
        assert not accepted & {("MX", "PRODUCT"), ("G3", "PRODUCT"), ("Z80", "PRODUCT"), ("220", "PRODUCT"),
                               ("StarCard", "PRODUCT"), ("Quietpoint ATH", "PRODUCT")}
        assert {("MX", "PRODUCT"), ("G3", "PRODUCT"), ("Z80", "PRODUCT"), ("512e", "PRODUCT"),
                ("Classic", "PRODUCT"), ("220", "PRODUCT")} <= rejections(project)
        assert ("i7", "PRODUCT") not in rejections(project)
        # 14 lines, 3 ignored; lines 3-4, 5-9 (but 7) and 10-11 are one text each: 6 documents
        assert len(report.imported) == 6
        notes = [n.reason for n in report.notes]
        assert any("3 examples answered 'ignore' not imported (lines 2, 7, 14)" in n for n in notes), notes
        assert any("1 span answered 'ignore'" in n for n in notes)
        assert any("one document with lines 6, 8, 9" in n for n in notes)


def test_a_rejected_place_is_never_suggested_and_an_accepted_one_is_kept(tmp_path):
    text = "云阳县13.4万贫困群众如期脱贫。"
    path = write(tmp_path / "teach.jsonl", [
        {"text": text, "spans": [{"start": 0, "end": 3, "label": "REGION", "text": "云阳县"}], "answer": "reject",
         "_view_id": "ner"},
        {"text": text, "spans": [{"start": 3, "end": 8, "label": "METRIC"}], "answer": "accept", "_view_id": "ner"}])
    with Project.open(tmp_path / "p.db") as project:
        report = import_paths(project, [path])
        [doc] = report.imported
        assert [(s.text, s.label) for s in project.spans(doc)] == [("13.4万", "METRIC")]
        project.suggest([doc])
        assert not [s for s in project.spans(doc, origin="suggested") if s.text == "云阳县"]


def test_a_place_accepted_and_rejected_stays_accepted_and_is_said(tmp_path):
    text = "会泽县脱贫。"
    region = {"start": 0, "end": 3, "label": "REGION"}
    path = write(tmp_path / "teach.jsonl", [{"text": text, "spans": [region], "answer": "accept"},
                                            {"text": text, "spans": [region], "answer": "reject"}])
    with Project.open(tmp_path / "p.db") as project:
        report = import_paths(project, [path], fmt="prodigy")
        [doc] = report.imported
        assert [s.text for s in project.spans(doc)] == ["会泽县"]
        assert rejections(project) == set()
        assert any("accepted in one example and rejected in another" in n.reason for n in report.notes)


def test_in_a_manual_view_reject_means_a_bad_example_and_is_left_out_and_counted(tmp_path):
    bad = json.loads(MANUAL.read_text("utf-8").splitlines()[0])
    bad.update(text="Uber’s Lesson, rejected", answer="reject")
    path = tmp_path / "manual.jsonl"
    path.write_text(MANUAL.read_text("utf-8") + json.dumps(bad) + "\n", encoding="utf-8")
    with Project.open(tmp_path / "p.db") as project:
        report = import_paths(project, [path], add_labels=True)
        assert report.ok, report.problems
        got = spans_by_text(project, report)
        assert got["Pearl Automation, Founded by Apple Veterans, Shuts Down"] == [("Apple", "ORG"),
                                                                                  ("Pearl Automation", "ORG")]
        assert len(got) == 3 and rejections(project) == set()
        notes = [n.reason for n in report.notes]
        assert any("1 example answered 'ignore' not imported (line 4)" in n for n in notes), notes
        assert any("1 example rejected in a manual view (a bad example) not imported (line 5)" in n for n in notes)


def test_an_unknown_answer_is_refused_with_its_line_and_the_rest_imported(tmp_path):
    path = write(tmp_path / "teach.jsonl", [{"text": "会泽县", "spans": [], "answer": "maybe"},
                                            {"text": "云阳县", "spans": [{"start": 0, "end": 3, "label": "REGION"}],
                                             "answer": "accept"}])
    with Project.open(tmp_path / "p.db") as project:
        report = import_paths(project, [path])
        assert len(report.imported) == 1
        [problem] = report.problems
        assert problem.where.endswith(":1") and "'answer' must be one of accept, reject, ignore" in problem.reason


def test_one_place_accepted_with_two_labels_keeps_the_first_and_says_so(tmp_path):
    text = "云阳县委宣传部报道。"
    path = write(tmp_path / "teach.jsonl", [
        {"text": text, "spans": [{"start": 0, "end": 7, "label": "ORG"}], "answer": "accept"},
        {"text": text, "spans": [{"start": 0, "end": 7, "label": "PROGRAM"}], "answer": "accept"}])
    with Project.open(tmp_path / "p.db") as project:
        report = import_paths(project, [path])
        [doc] = report.imported
        assert [(s.text, s.label) for s in project.spans(doc)] == [("云阳县委宣传部", "ORG")]
        assert any("line 2 labels '云阳县委宣传部' (0-7) PROGRAM, an earlier example ORG: kept ORG" in n.reason
                   for n in report.notes)


TEXT = "云阳县13.4万贫困群众如期脱贫。2019年云阳县委宣传部报道。"
PLACES = [(0, 3, "REGION"), (3, 8, "METRIC"), (22, 29, "ORG")]


@settings(max_examples=50, deadline=None)
@given(st.lists(st.tuples(st.sets(st.sampled_from(PLACES), min_size=1), st.sampled_from(["accept", "reject", "ignore"])),
                min_size=1, max_size=6))
def test_examples_of_one_text_give_the_accepted_places_and_the_rejected_ones_nobody_accepted(tmp_path_factory,
                                                                                             examples):
    folder = tmp_path_factory.mktemp("p")
    path = write(folder / "teach.jsonl", [{"text": TEXT, "answer": answer, "_view_id": "ner",
                                           "spans": [{"start": a, "end": b, "label": label} for a, b, label in places]}
                                          for places, answer in examples])
    accepted = set().union(*(places for places, answer in examples if answer == "accept"))
    rejected = set().union(*(places for places, answer in examples if answer == "reject")) - accepted
    with Project.open(folder / "p.db") as project:
        report = import_paths(project, [path])
        assert report.ok, report.problems
        if all(answer == "ignore" for _, answer in examples):
            assert report.imported == [] and report.notes
            return
        [doc] = report.imported
        assert {(s.start, s.end, s.label) for s in project.spans(doc)} == accepted
        assert set(project.session.db.execute("SELECT start, end, label FROM rejections").fetchall()) == rejected


def test_text_categories_keep_their_answer_as_spacy_holds_them(tmp_path):
    """Shaped as Prodigy's textcat file (prodigy-recipes example-datasets/annotated_reddit-INSULT-textcat.jsonl:
    text, label, answer, spans); before, the category and its answer were lost."""
    text = "脱贫攻坚取得决定性成就。"
    path = write(tmp_path / "textcat.jsonl", [
        {"text": text, "label": "POVERTY", "spans": [], "answer": "accept"},
        {"text": text, "label": "SPORT", "spans": [], "answer": "reject"},
        {"text": text, "label": "WEATHER", "spans": [], "answer": "ignore"},
        {"text": "云阳县", "label": "POVERTY", "spans": [], "answer": "reject"}])
    with Project.open(tmp_path / "p.db") as project:
        report = import_paths(project, [path])
        assert report.ok, report.problems
        cats = {project.text(d): project.document(d).meta["cats"] for d in report.imported}
        assert cats == {text: {"POVERTY": 1.0, "SPORT": 0.0}, "云阳县": {"POVERTY": 0.0}}


def test_a_control_character_in_a_rejected_label_refuses_that_example_only(tmp_path):
    path = write(tmp_path / "teach.jsonl", [
        {"text": "会泽县", "spans": [{"start": 0, "end": 3, "label": "REG\u001bION"}], "answer": "reject"},
        {"text": "云阳县", "spans": [{"start": 0, "end": 3, "label": "REGION"}], "answer": "reject"}])
    with Project.open(tmp_path / "p.db") as project:
        report = import_paths(project, [path], add_labels=True)
        assert [project.text(d) for d in report.imported] == ["云阳县"]
        [problem] = report.problems
        assert problem.where.endswith(":1") and "rejection 1 label holds a control character U+001B" in problem.reason
        assert rejections(project) == {("云阳县", "REGION")}
