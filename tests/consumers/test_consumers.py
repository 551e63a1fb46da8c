"""The exports read by the tools they are for: spaCy, Hugging Face datasets, the Label Studio SDK.
These libraries are test dependencies only (the application does not ship them)."""
import json

import pytest

from annotator.core.importer import import_paths
from annotator.core.interchange import bio, labelstudio, spacy as spacy_format
from annotator.core.interchange.records import Selection
from annotator.core.model import Document, Relation, Span
from annotator.core.store import Project
from tests.conftest import ROOT

spacy = pytest.importorskip("spacy")
datasets = pytest.importorskip("datasets")
label_interface = pytest.importorskip("label_studio_sdk.label_interface")


@pytest.fixture
def project(tmp_path):
    with Project.open(tmp_path / "p.db") as p:
        assert import_paths(p, [ROOT / "tests" / "gold" / "seed_000.jsonl",
                                ROOT / "tests" / "gold" / "seed_003.jsonl"]).ok
        p.add_document(Document(text="😀𠮷云阳县委宣传部👍\n会泽县脱贫13.4万人"),
                       [Span(2, 9, "ORG", "云阳县委宣传部", id=1), Span(11, 14, "REGION", "会泽县", id=2)],
                       [Relation(1, 2, "near", id=1)])
        p.suggest()
        yield p


def test_spacy_finds_every_span_of_the_jsonl_with_char_span(project, tmp_path):
    spacy_format.export(project, tmp_path / "s.jsonl")
    nlp = spacy.blank("zh")
    records = [json.loads(line) for line in (tmp_path / "s.jsonl").read_text("utf-8").splitlines()]
    assert sum(len(r["spans"]) for r in records) > 200
    for record in records:
        doc = nlp.make_doc(record["text"])
        for s in record["spans"]:
            span = doc.char_span(s["start"], s["end"], label=s["label"], alignment_mode="strict")
            assert span is not None and span.text == record["text"][s["start"]:s["end"]]
            tokens = record["tokens"]
            assert tokens[s["token_start"]]["start"] == s["start"] and tokens[s["token_end"]]["end"] == s["end"]


def test_a_docbin_loads_in_spacy_with_every_entity(project, tmp_path):
    from spacy.tokens import DocBin

    path = tmp_path / "train.spacy"
    count = spacy_format.export_docbin(project, path, Selection(labels=frozenset({"REGION", "ORG", "PERSON"})),
                                       char_tokens=True)
    docs = list(DocBin().from_disk(path).get_docs(spacy.blank("zh").vocab))
    assert len(docs) == count == 3
    expected = [(s.text, s.label) for d in project.document_ids() for s in project.spans(d)
                if s.label in ("REGION", "ORG", "PERSON") and s.origin != "suggested"]
    assert sorted((e.text, e.label_) for doc in docs for e in doc.ents) == sorted(expected)


def test_hugging_face_datasets_loads_the_lines_with_a_class_label(project, tmp_path):
    path = tmp_path / "train.jsonl"
    rows = bio.export_hf(project, path, Selection(labels=frozenset({"REGION", "ORG", "PERSON", "DATE"})))
    names = json.loads(bio.labels_path(path).read_text("utf-8"))
    features = datasets.Features({"tokens": datasets.Sequence(datasets.Value("string")),
                                  "ner_tags": datasets.Sequence(datasets.ClassLabel(names=names))})
    data = datasets.load_dataset("json", data_files=str(path), features=features, split="train",
                                 cache_dir=str(tmp_path / "cache"))
    assert len(data) == rows and data.features["ner_tags"].feature.names == names
    first = next(row for row in data if any(row["ner_tags"]))
    tags = [names[i] for i in first["ner_tags"]]
    assert len(tags) == len(first["tokens"]) and tags[tags.index(next(t for t in tags if t != "O"))].startswith("B-")


def test_label_studio_sdk_accepts_every_annotation_and_prediction(project, tmp_path):
    labelstudio.export(project, tmp_path / "tasks.json", Selection(with_suggestions=True))
    labels = "".join(f'<Label value="{lab.key}"/>' for lab in project.schema.labels)
    config = (f'<View><Text name="text" value="$text"/><Labels name="label" toName="text">{labels}</Labels>'
              '<Relations><Relation value="near"/></Relations></View>')
    interface = label_interface.LabelInterface(config)
    tasks = json.loads((tmp_path / "tasks.json").read_text("utf-8"))
    assert len(tasks) == 3 and any(t["predictions"] for t in tasks)
    for task in tasks:
        for item in task["annotations"] + task.get("predictions", []):
            assert interface.validate_prediction(item, return_errors=True) == []


LS_CONFIG = ('<View><Text name="text" value="$text"/><Labels name="label" toName="text">'
             '<Label value="ORG"/><Label value="REGION"/></Labels></View>')


@pytest.fixture
def astral_project(tmp_path):
    """Words apart, so the SDK's CoNLL tokenizer (Treebank, on spaces) cuts them where the spans are."""
    with Project.open(tmp_path / "astral.db") as p:
        p.add_document(Document(text="😀𠮷 云阳县委宣传部 👍 会泽县 脱贫"),
                       [Span(3, 10, "ORG", "云阳县委宣传部"), Span(13, 16, "REGION", "会泽县")])
        yield p


def test_label_studio_sdk_tags_our_spans_after_emoji_and_astral_characters(astral_project, tmp_path):
    from label_studio_sdk.converter import Converter

    labelstudio.export(astral_project, tmp_path / "tasks.json")
    Converter(LS_CONFIG, str(tmp_path)).convert(str(tmp_path / "tasks.json"), str(tmp_path / "conll"), "CONLL2003",
                                                is_dir=False)
    rows = [line.split(" ") for line in (tmp_path / "conll" / "result.conll").read_text("utf-8").splitlines()[1:]]
    tags = {row[0]: row[-1] for row in rows if row != [""]}
    assert tags == {"😀𠮷": "O", "云阳县委宣传部": "B-ORG", "👍": "O", "会泽县": "B-REGION", "脱贫": "O"}


def test_label_studio_json_min_made_by_the_sdk_imports_with_the_same_spans(astral_project, tmp_path):
    from label_studio_sdk.converter import Converter

    from annotator.core.interchange.formats import detect

    astral_project.add_document(Document(text="会泽县无标注"))
    labelstudio.export(astral_project, tmp_path / "tasks.json")
    Converter(LS_CONFIG, str(tmp_path)).convert(str(tmp_path / "tasks.json"), str(tmp_path / "min"), "JSON_MIN",
                                                is_dir=False)
    path = tmp_path / "min" / "result.json"
    row, bare = json.loads(path.read_text("utf-8"))
    assert [(r["start"], r["end"], r["text"]) for r in row["label"]] == [(3, 10, "云阳县委宣传部"), (13, 16, "会泽县")]
    assert detect(path) == "labelstudio"  # not doccano, which also has a "label" list
    (tmp_path / "bare.json").write_text(json.dumps([bare], ensure_ascii=False), "utf-8")
    assert "label" not in bare and detect(tmp_path / "bare.json") == "labelstudio"  # a row without regions
    with Project.open(tmp_path / "copy.db") as copy:
        report = import_paths(copy, [path])
        assert report.ok and len(report.imported) == 2, report.problems
        assert [(s.start, s.end, s.label, s.text) for s in copy.spans(report.imported[0])] == [
            (3, 10, "ORG", "云阳县委宣传部"), (13, 16, "REGION", "会泽县")]
