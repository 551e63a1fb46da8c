"""BIO/BIOES and Hugging Face exports, BIO import: offsets, sentences, round trips."""
import json

import pytest
from hypothesis import given, settings, strategies as st

from annotator.core.importer import import_paths
from annotator.core.interchange import bio
from annotator.core.interchange.files import ExportError
from annotator.core.interchange.records import Selection
from annotator.core.model import Document, Span
from annotator.core.store import Project
from tests.conftest import SHARED_DATA

MSRA_BIO = SHARED_DATA / "msra_test_500.bio"
TO_OURS = {"PER": "PERSON", "LOC": "REGION", "ORG": "ORG"}
TO_MSRA = Selection(label_map={"PERSON": "PER", "REGION": "LOC"})


def test_msra_bio_imports_and_exports_byte_identical(tmp_path):
    if not MSRA_BIO.exists():
        pytest.skip(f"{MSRA_BIO} is not on this machine")
    with Project.open(tmp_path / "p.db") as project:
        report = import_paths(project, [MSRA_BIO], fmt="bio", label_map=TO_OURS)
        assert report.ok and len(report.imported) == 3  # 500 sentences, 200 a document
        spans = [s for d in report.imported for s in project.spans(d)]
        assert len(spans) == 853 + 472 + 216 and {s.label for s in spans} == {"PERSON", "REGION", "ORG"}
        assert bio.export(project, tmp_path / "out.bio", TO_MSRA) == 500
    assert (tmp_path / "out.bio").read_bytes() == MSRA_BIO.read_bytes()


def test_sentences_end_at_line_breaks_and_stops_but_never_inside_a_span(project, tmp_path):
    text = "😀𠮷云阳县。脱贫!\n\n会泽“县。城”好"
    doc_id = project.add_document(Document(text=text), [Span(2, 5, "REGION", "云阳县"), Span(14, 17, "REGION", "县。城")])
    assert bio.export(project, tmp_path / "o.bio") == 3
    blocks = (tmp_path / "o.bio").read_text("utf-8").split("\n\n")
    first = [line.split("\t") for line in blocks[0].split("\n")]
    assert first == [["😀", "O"], ["𠮷", "O"], ["云", "B-REGION"], ["阳", "I-REGION"], ["县", "I-REGION"], ["。", "O"]]
    assert "\n".join(blocks[2].split("\n")).startswith("会\tO\n泽\tO\n“\tO\n县\tB-REGION\n。\tI-REGION\n城\tI-REGION")
    assert project.text(doc_id) == text


def test_bioes_tags_and_a_bad_line_skips_only_its_sentence(project, tmp_path):
    project.add_document(Document(text="云阳和会泽"), [Span(0, 2, "REGION", "云阳"), Span(3, 4, "REGION", "会")])
    bio.export(project, tmp_path / "o.bio", scheme="bioes")
    assert (tmp_path / "o.bio").read_text("utf-8").split()[1::2] == [
        "B-REGION", "E-REGION", "O", "S-REGION", "O"]
    broken = tmp_path / "b.bio"
    broken.write_text("甲\tB-PER\n乙\tQ-LOC\n\n丙\tO\n丁 B-PER\n\n", encoding="utf-8")
    items = list(bio.read_file(broken, TO_OURS))
    problems = [i for i in items if hasattr(i, "reason")]
    assert len(problems) == 1 and ":2" in problems[0].where and "Q-LOC" in problems[0].reason
    [record] = [i for i in items if not hasattr(i, "reason")]
    assert record.document.text == "丙丁" and [(s.start, s.end, s.label) for s in record.spans] == [(1, 2, "PERSON")]


def test_overlapping_labels_are_refused_with_a_way_out(project, tmp_path):
    project.add_document(Document(text="全县13.4万人脱贫"),
                         [Span(0, 2, "REGION", "全县"), Span(2, 8, "METRIC", "13.4万人")])
    assert bio.export(project, tmp_path / "o.bio") == 1  # no overlap: both written
    project.add_document(Document(text="云阳县13万"), [Span(0, 3, "REGION", "云阳县"), Span(2, 6, "METRIC", "县13万")])
    with pytest.raises(ExportError, match="overlap.*--labels"):
        bio.export(project, tmp_path / "o2.bio")
    assert bio.export(project, tmp_path / "o2.bio", Selection(labels=frozenset({"REGION"}))) == 2


def test_hugging_face_lines_and_label_names(project, tmp_path):
    project.add_document(Document(text="云阳县脱贫。会泽"), [Span(0, 3, "REGION", "云阳县"), Span(6, 8, "REGION", "会泽")])
    assert bio.export_hf(project, tmp_path / "hf.jsonl") == 2
    names = json.loads((tmp_path / "hf.labels.json").read_text("utf-8"))
    rows = [json.loads(line) for line in (tmp_path / "hf.jsonl").read_text("utf-8").splitlines()]
    assert names == ["O"] + [f"{p}-{label.key}" for label in project.schema.labels for p in "BI"]
    assert names[1:3] == ["B-REGION", "I-REGION"]
    assert rows[0] == {"tokens": list("云阳县脱贫。"), "ner_tags": [1, 2, 2, 0, 0, 0]}


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.text(alphabet="云阳县𠮷😀 a。", min_size=1, max_size=8), st.booleans()),
                min_size=1, max_size=6))
def test_any_labelled_lines_survive_bio_export_and_import(tmp_path_factory, pieces):
    """Lines of pieces, some labelled REGION: export → import gives the same text and spans, but for
    whitespace, which BIO lines leave out (ADR 0017)."""
    tmp = tmp_path_factory.mktemp("bio")
    text, spans = "", []
    for piece, labelled in pieces:
        piece = piece.replace("。", "") or "云"
        if labelled and piece.strip() == piece:
            spans.append(Span(len(text), len(text) + len(piece), "REGION", piece))
        text += piece + "\n"
    text = text.rstrip("\n")
    if not text.strip():
        return
    with Project.open(tmp / "a.db") as source:
        source.add_document(Document(text=text, meta={"sentences": "lines"}), spans)
        bio.export(source, tmp / "o.bio")
    with Project.open(tmp / "b.db") as target:
        [record] = list(bio.read_file(tmp / "o.bio"))
        kept = ["".join(line.split()) for line in text.split("\n") if line.strip()]
        assert record.document.text == "\n".join(kept)
        assert sorted(s.text for s in record.spans) == sorted("".join(s.text.split()) for s in spans)
        assert all(record.document.text[s.start:s.end] == s.text for s in record.spans)
        target.add_document(record.document, record.spans)


def test_hugging_face_lines_import_back_with_their_label_names(project, tmp_path):
    project.add_document(Document(text="😀云阳县脱贫。会泽"), [Span(1, 4, "REGION", "云阳县"), Span(7, 9, "REGION", "会泽")])
    bio.export_hf(project, tmp_path / "hf.jsonl", scheme="bioes")
    [record] = list(bio.read_hf(tmp_path / "hf.jsonl"))
    assert record.document.text == "😀云阳县脱贫。\n会泽"
    assert [(s.text, s.label) for s in record.spans] == [("云阳县", "REGION"), ("会泽", "REGION")]
    bio.labels_path(tmp_path / "hf.jsonl").unlink()
    [problem, *_] = list(bio.read_hf(tmp_path / "hf.jsonl"))
    assert "hf.labels.json is missing" in problem.reason
