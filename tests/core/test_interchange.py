"""Exchange formats: what goes out comes back, with every offset right, also after 𠮷 and emoji."""
import json

import pytest

from annotator.core.importer import import_paths
from annotator.core.interchange import brat, doccano, labelstudio, spacy
from annotator.core.interchange.formats import detect
from annotator.core.interchange.records import Selection
from annotator.core.model import Document, Relation, Span
from annotator.core.store import Project
from tests.conftest import ROOT

ASTRAL = "😀𠮷云阳县委宣传部👍\n会泽县脱贫13.4万人"
WRITERS = {"doccano": doccano.export, "doccano-label": lambda p, path, s: doccano.export(p, path, s, shape="label"),
           "spacy": spacy.export, "labelstudio": labelstudio.export, "brat": brat.export}
NAMES = {"doccano": "d.jsonl", "doccano-label": "dl.jsonl", "spacy": "s.jsonl", "labelstudio": "ls.json",
         "brat": "brat"}
WITH_RELATIONS = {"doccano", "labelstudio", "brat"}


@pytest.fixture
def labelled(tmp_path):
    """The two seed golds and a text with astral characters before its spans, with a relation."""
    with Project.open(tmp_path / "source.db") as project:
        report = import_paths(project, [ROOT / "tests" / "gold" / "seed_000.jsonl",
                                        ROOT / "tests" / "gold" / "seed_003.jsonl"])
        assert report.ok
        doc_id = project.add_document(
            Document(text=ASTRAL), [Span(2, 9, "ORG", "云阳县委宣传部", id=1), Span(11, 14, "REGION", "会泽县", id=2),
                                    Span(16, 22, "METRIC", "13.4万人", id=3)],
            [Relation(1, 2, "near", id=1)])
        yield project, doc_id


def content(project):
    out = []
    for doc_id in project.document_ids():
        text = project.text(doc_id)
        spans = sorted((s.start, s.end, s.label, s.text) for s in project.spans(doc_id))
        assert all(text[a:b] == t for a, b, _, t in spans)
        rels = sorted((project.span(r.source_id).text, project.span(r.target_id).text, r.type)
                      for r in project.relations(doc_id))
        out.append((text, spans, rels))
    return sorted(out)


@pytest.mark.parametrize("fmt", sorted(WRITERS))
def test_export_then_import_gives_the_same_texts_spans_and_relations(labelled, tmp_path, fmt):
    project, _ = labelled
    target = tmp_path / NAMES[fmt]
    assert WRITERS[fmt](project, target, Selection()) == 3
    assert detect(target) == fmt.split("-")[0]
    with Project.open(tmp_path / "copy.db") as copy:
        report = import_paths(copy, [target])
        assert report.ok and len(report.imported) == 3, report.problems
        mine, theirs = content(project), content(copy)
        if fmt not in WITH_RELATIONS:
            mine = [(t, s, []) for t, s, _ in mine]
        assert theirs == mine


def test_doccano_gets_utf16_offsets_python_tools_and_label_studio_code_points(labelled, tmp_path):
    project, doc_id = labelled
    only = Selection()
    doccano.export(project, tmp_path / "d.jsonl", only)
    spacy.export(project, tmp_path / "s.jsonl", only)
    labelstudio.export(project, tmp_path / "ls.json", only)
    d = [json.loads(line) for line in (tmp_path / "d.jsonl").read_text("utf-8").splitlines()][-1]
    s = [json.loads(line) for line in (tmp_path / "s.jsonl").read_text("utf-8").splitlines()][-1]
    ls = json.loads((tmp_path / "ls.json").read_text("utf-8"))[-1]
    org = next(e for e in d["entities"] if e["label"] == "ORG")
    assert (org["start_offset"], org["end_offset"]) == (4, 11)  # 😀 and 𠮷 are two UTF-16 units each
    assert ASTRAL.encode("utf-16-le")[8:22].decode("utf-16-le") == "云阳县委宣传部"
    assert [(x["start"], x["end"]) for x in s["spans"]][0] == (2, 9)
    assert s["tokens"][s["spans"][0]["token_start"]]["start"] == 2
    assert s["tokens"][s["spans"][0]["token_end"]]["end"] == 9  # token_end is inclusive
    region = next(r for r in ls["annotations"][0]["result"] if r.get("type") == "labels")
    # Label Studio's editor counts code points (charsToCodePoints in its selection-tools.js)
    assert (region["value"]["start"], region["value"]["end"], region["value"]["text"]) == (2, 9, "云阳县委宣传部")


def test_bad_records_are_reported_one_by_one_and_the_rest_imported(tmp_path):
    path = tmp_path / "bad.jsonl"
    lines = [{"text": "😀云阳", "entities": [{"id": 1, "label": "REGION", "start_offset": 2, "end_offset": 4}]},
             {"text": "😀云阳", "entities": [{"id": 1, "label": "REGION", "start_offset": 1, "end_offset": 4}]},
             {"text": "会泽", "entities": [{"id": 1, "label": "NOPE", "start_offset": 0, "end_offset": 2}]},
             {"text": "会泽县", "label": [["x", 2, "REGION"]]}]
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n", encoding="utf-8")
    with Project.open(tmp_path / "p.db") as project:
        report = import_paths(project, [path])
        assert len(report.imported) == 1
        reasons = {p.where.rsplit(":", 1)[1]: p.reason for p in report.problems}
        assert "inside a character" in reasons["2"] and "NOPE" in reasons["3"] and "integer" in reasons["4"]
        [span] = project.spans(report.imported[0])
        assert span.text == "云阳"


def test_label_studio_predictions_carry_suggestions_and_their_confidence(tmp_path):
    with Project.open(tmp_path / "p.db") as project:
        doc_id = project.add_document(Document(text="云阳县投入1153万元。"))
        project.suggest([doc_id])
        labelstudio.export(project, tmp_path / "ls.json", Selection(with_suggestions=True))
    [task] = json.loads((tmp_path / "ls.json").read_text("utf-8"))
    assert task["annotations"] == [] and task["predictions"][0]["result"]
    assert all(0 < r["score"] <= 1 for r in task["predictions"][0]["result"])


def test_sentences_option_remaps_offsets_and_a_split_is_by_document_and_repeatable(labelled, tmp_path):
    from annotator.core.interchange.records import read, split_documents

    project, doc_id = labelled
    whole = {d.id: d for d in read(project)}
    parts = list(read(project, Selection(sentences=True)))
    assert len(parts) > 60
    for part in parts:
        original = whole[part.meta["document"]].text
        assert original[part.meta["offset"]:part.meta["offset"] + len(part.text)] == part.text
        assert all(part.text[s.start:s.end] == s.text for s in part.spans)
    assert sum(len(p.spans) for p in parts) == sum(len(d.spans) for d in whole.values())
    astral = [p for p in parts if p.meta["document"] == doc_id]
    assert [p.text for p in astral] == ["😀𠮷云阳县委宣传部👍", "会泽县脱贫13.4万人"] and astral[1].spans[0].start == 0
    first = split_documents(project, Selection(), "80/10/10", seed=7)
    assert first == split_documents(project, Selection(), "80/10/10", seed=7)
    assert sorted(i for ids in first.values() for i in ids) == sorted(whole)


def test_a_span_across_a_line_break_is_named_not_dropped(tmp_path):
    from annotator.core.interchange.files import ExportError

    with Project.open(tmp_path / "p.db") as project:
        project.add_document(Document(text="云阳\n县委"), [Span(0, 5, "ORG", "云阳\n县委")])
        with pytest.raises(ExportError, match="across a line break"):
            list(__import__("annotator.core.interchange.records", fromlist=["read"]).read(
                project, Selection(sentences=True)))


def test_labels_from_elsewhere_are_named_or_added_with_a_shortcut_each(tmp_path):
    path = tmp_path / "x.jsonl"
    path.write_text(json.dumps({"text": "李鹏在北京", "label": [[0, 2, "PER"], [3, 5, "LOC"]]}, ensure_ascii=False),
                    encoding="utf-8")
    with Project.open(tmp_path / "p.db") as project:
        report = import_paths(project, [path])
        assert not report.imported and "PER" in report.problems[0].reason and "--add-labels" in report.problems[0].reason
        report = import_paths(project, [path], add_labels=True)
        assert report.ok and report.labels_added == ["LOC", "PER"]
        added = {label.key: label for label in project.schema.labels if label.key in ("LOC", "PER")}
        shortcuts = [label.shortcut for label in project.schema.labels]
        assert len(set(shortcuts)) == len(shortcuts) and all(label.layer == "entity" for label in added.values())
        assert sorted(s.text for s in project.spans(report.imported[0])) == ["北京", "李鹏"]


def test_brat_files_written_elsewhere_with_crlf_keep_their_spans(tmp_path):
    folder = tmp_path / "b"
    folder.mkdir()
    (folder / "a.txt").write_bytes("标题\r\n😀云阳县脱贫\r\n".encode("utf-8"))
    # offsets as brat counts them: characters of the file, \r included
    (folder / "a.ann").write_text("T1\tREGION 5 8\t云阳县\nA1\tconfirmed T1\n", encoding="utf-8")
    with Project.open(tmp_path / "p.db") as project:
        report = import_paths(project, [folder])
        assert "REGION has no such attribute" in report.problems[0].reason  # named, not dropped
        (folder / "a.ann").write_text("T1\tREGION 5 8\t云阳县\n", encoding="utf-8")
        report = import_paths(project, [folder])
        assert report.ok, report.problems
        [span] = project.spans(report.imported[0])
        assert span.text == "云阳县" and project.text(report.imported[0]) == "标题\n😀云阳县脱贫\n"
