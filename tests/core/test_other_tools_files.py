"""Files other tools write, read as those tools mean them: spaCy's Doc.to_json() (made with spaCy),
CLUENER's inclusive ends, doccano's intent detection records (its own example file) and doccano
projects that count grapheme clusters."""
import json

import pytest
from hypothesis import assume, given, settings, strategies as st

from annotator.core.importer import import_paths
from annotator.core.interchange.formats import detect
from annotator.core.store import Project
from tests.conftest import ROOT

TEXT = "云阳县13.4万贫困群众如期脱贫。2019年云阳县委宣传部报道。"


def lines(path, records):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def imported(tmp_path, path, **options):
    with Project.open(tmp_path / "p.db") as project:
        report = import_paths(project, [path], **options)
        docs = [(project.text(d), sorted((s.start, s.end, s.label, s.text) for s in project.spans(d)),
                 project.document(d).meta) for d in report.imported]
    return report, docs


# spaCy ---------------------------------------------------------------------------------------------

@pytest.fixture
def nlp():
    spacy = pytest.importorskip("spacy")
    return spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "char"}}})


def test_spacy_doc_to_json_lines_import_their_entities_and_categories(nlp, tmp_path):
    """Before: no `spans` key, so the lines were read as plain reports: 0 spans, no warning."""
    doc = nlp.make_doc(TEXT)
    doc.ents = [doc.char_span(0, 3, "REGION"), doc.char_span(3, 8, "METRIC"), doc.char_span(22, 29, "ORG")]
    doc.cats = {"poverty": 1.0, "sport": 0.0}
    path = lines(tmp_path / "docs.jsonl", [doc.to_json()])
    assert detect(path) == "spacy"
    report, [(text, spans, meta)] = imported(tmp_path, path)
    assert report.ok and text == TEXT
    assert spans == [(0, 3, "REGION", "云阳县"), (3, 8, "METRIC", "13.4万"), (22, 29, "ORG", "云阳县委宣传部")]
    assert meta["cats"] == {"poverty": 1.0, "sport": 0.0}


def test_spacy_span_groups_import_without_entities_and_are_counted_beside_them(nlp, tmp_path):
    grouped = nlp.make_doc(TEXT)
    grouped.spans["sc"] = [grouped.char_span(0, 3, "REGION")]
    both = nlp.make_doc(TEXT + "。")
    both.ents = [both.char_span(3, 8, "METRIC")]
    both.spans["sc"] = [both.char_span(0, 3, "REGION"), both.char_span(22, 29, "ORG")]
    report, docs = imported(tmp_path, lines(tmp_path / "docs.jsonl", [grouped.to_json(), both.to_json()]))
    assert [spans for _, spans, _ in docs] == [[(0, 3, "REGION", "云阳县")], [(3, 8, "METRIC", "13.4万")]]
    assert [n.reason for n in report.notes] == ["span groups not imported beside the entities: sc (2)"]


# CLUENER -------------------------------------------------------------------------------------------

def cluener(text, entities):
    """A CLUENER line as its README and loader define it: {label: {entity: [[start, end_inclusive]]}}."""
    label: dict = {}
    for start, end, name in entities:
        label.setdefault(name, {}).setdefault(text[start:end], []).append([start, end - 1])
    return {"text": text, "label": label}


def test_cluener_json_is_found_and_its_inclusive_ends_give_whole_entities(tmp_path):
    """Before: a `.json` file was refused, and as `.jsonl` its lines imported with 0 spans."""
    n = len(TEXT)  # 云阳县 twice: one entity with two places
    path = lines(tmp_path / "dev.json", [cluener(TEXT + "云阳县", [(0, 3, "address"), (22, 29, "government"),
                                                                 (n, n + 3, "address")]),
                                         {"text": "会泽县脱贫"}])  # test.json has no label
    assert detect(path) == "cluener"
    report, docs = imported(tmp_path, path, label_map={"address": "REGION", "government": "ORG"})
    assert report.ok, report.problems
    assert docs[0][1] == [(0, 3, "REGION", "云阳县"), (22, 29, "ORG", "云阳县委宣传部"), (n, n + 3, "REGION", "云阳县")]
    assert docs[1][:2] == ("会泽县脱贫", [])


def test_a_cluener_end_read_as_exclusive_is_refused_naming_the_entity(tmp_path):
    wrong = {"text": TEXT, "label": {"address": {"云阳县": [[0, 3]]}}}  # end exclusive: one too far
    report, docs = imported(tmp_path, lines(tmp_path / "train.json", [wrong, cluener("会泽县", [(0, 3, "address")])]),
                            label_map={"address": "REGION"})
    assert len(docs) == 1
    [problem] = report.problems
    assert problem.where.endswith("train.json:1") and "'云阳县1'" in problem.reason


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(["云", "阳", "县", "，", " ", "😀", "𠮷", "a", "9"]), min_size=1, max_size=30),
       st.data())
def test_cluener_spans_anywhere_come_back_as_the_same_text(tmp_path_factory, chars, data):
    text = "".join(chars)
    if not text.strip():
        text = "云" + text
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    folder = tmp_path_factory.mktemp("c")
    report, docs = imported(folder, lines(folder / "dev.json", [cluener(text, [(start, end, "name")])]),
                            fmt="cluener", label_map={"name": "PERSON"})
    assert report.ok, report.problems
    [(_, spans, _)] = docs
    assert [(a, b, t) for a, b, _, t in spans] == [(start, end, text[start:end])]


# doccano -------------------------------------------------------------------------------------------

def test_doccano_intent_detection_file_gives_entities_and_keeps_categories(tmp_path):
    """doccano's own example; before: 'entity 1: expected an object', both records refused."""
    path = ROOT / "tests" / "fixtures" / "doccano" / "intent_detection_example.jsonl"
    assert detect(path) == "doccano"
    report, docs = imported(tmp_path, path, label_map={"City": "REGION"})
    assert report.ok, report.problems
    assert [(spans, meta["cats"]) for _, spans, meta in docs] == [
        ([(0, 26, "REGION", "Find a flight from Memphis"), (30, 36, "REGION", "Tacoma")], ["flight"]),
        ([(36, 47, "REGION", "Los Angeles")], ["airport"])]


CLUSTERS = ["云", "阳", "县", "👍🏽", "👨\u200d👩\u200d👧", "e\u0301", "🇨🇳", "\r\n", "😀", "𠮷", "，"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(CLUSTERS), min_size=2, max_size=20), st.data())
def test_doccano_grapheme_offsets_import_with_the_option_and_are_never_shifted_without(tmp_path_factory,
                                                                                       clusters, data):
    """Offsets counted in clusters, as doccano's v-annotator counts them with the setting on.  Read
    as plain doccano (UTF-16), the record is refused naming the setting, or gives exactly the UTF-16
    reading of its offsets: the reader never moves a span to make it fit."""
    text = "".join(clusters)
    assume(text.strip())
    start = data.draw(st.integers(0, len(clusters) - 1))
    end = data.draw(st.integers(start + 1, len(clusters)))
    path = lines(tmp_path_factory.mktemp("d") / "g.jsonl", [{"text": text, "entities": [[start, end, "REGION"]]}])
    report, docs = imported(path.parent, path, fmt="doccano-graphemes")
    assert report.ok, report.problems
    [(stored, [(_, _, _, got)], _)] = docs
    assert got == "".join(clusters[start:end]).replace("\r\n", "\n") and stored == text.replace("\r\n", "\n")
    with Project.open(path.parent / "plain.db") as project:
        plain = import_paths(project, [path], fmt="doccano")
        if plain.imported:
            [span] = project.spans(plain.imported[0])
            units = text.encode("utf-16-le")
            assert span.text == units[2 * start:2 * end].decode("utf-16-le").replace("\r\n", "\n")
        else:
            [problem] = plain.problems
            assert "--format doccano-graphemes" in problem.reason


def test_doccano_grapheme_offsets_read_as_utf16_are_refused_naming_the_setting(tmp_path):
    """Before: the first was refused without naming the setting, the second imported shifted ('́云阳')."""
    records = [{"text": "👍🏽云阳县", "entities": [[1, 4, "REGION"]]},      # 1 falls inside 👍
               {"text": "e\u0301云阳县", "entities": [[1, 4, "REGION"]]}]   # 1 falls between e and its accent
    path = lines(tmp_path / "d.jsonl", records)
    report, docs = imported(tmp_path, path)
    assert docs == []
    assert [p.where.rsplit(":", 1)[1] for p in report.problems] == ["1", "2"]
    for problem in report.problems:
        assert "count grapheme clusters as one character" in problem.reason
        assert "--format doccano-graphemes" in problem.reason
    (tmp_path / "again").mkdir()
    report, docs = imported(tmp_path / "again", path, fmt="doccano-graphemes")
    assert report.ok and [spans for _, spans, _ in docs] == [[(2, 5, "REGION", "云阳县")], [(2, 5, "REGION", "云阳县")]]
