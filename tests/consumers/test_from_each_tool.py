"""A user coming from each tool: the tool's own file → `annotator import` → `annotator export` → the tool's
own reader.  Each round trip checks what that user would look at: the same documents, the same entity texts
and labels, nothing shifted, and the summary naming what was left out."""
import json

import pytest
from click.testing import CliRunner

from annotator.cli import cli
from tests.conftest import ROOT

spacy = pytest.importorskip("spacy")
datasets = pytest.importorskip("datasets")
pytest.importorskip("label_studio_sdk.converter")

FIXTURES = ROOT / "tests" / "fixtures"


def annotator(*args) -> str:
    """Run the command line as a user would; the output (stdout and stderr) for the checks."""
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert result.exit_code == 0, result.output
    return result.output


def round_trip(tmp_path, source, fmt, *import_options, export_options=(), suffix=".jsonl"):
    """Import `source` into a new project and export it as `fmt`; the import's output and the file."""
    db, out = tmp_path / "p.db", tmp_path / f"out-{fmt}{suffix}"
    said = annotator("import", source, "-p", db, *import_options)
    annotator("export", "-p", db, "--format", fmt, "--out", out, *export_options)
    return said, out


def write_jsonl(path, rows):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    return path


# Label Studio ---------------------------------------------------------------------------------------------

def ls_regions(task):
    """(text, label) of every labels region of a task's (first) annotation, as Label Studio shows them."""
    annotation = (task.get("annotations") or task.get("completions"))[0]
    return sorted((r["value"]["text"], r["value"]["labels"][0]) for r in annotation["result"]
                  if r["type"] == "labels")


def ls_config(labels):
    return ('<View><Text name="text" value="$text"/><Labels name="label" toName="text">'
            + "".join(f'<Label value="{label}"/>' for label in labels) + '</Labels></View>')


def sdk_convert(tmp_path, tasks_path, labels, fmt):
    from label_studio_sdk.converter import Converter

    out = tmp_path / fmt
    Converter(ls_config(labels), str(tmp_path)).convert(str(tasks_path), str(out), fmt, is_dir=False)
    return out


def test_label_studio_example_task_comes_back_to_the_sdk_with_the_same_region_texts(tmp_path):
    source = FIXTURES / "labelstudio" / "completions_348.json"
    original = json.loads(source.read_text("utf-8"))
    said, out = round_trip(tmp_path, source, "labelstudio", "--add-labels", suffix=".json")
    assert "1 imported" in said
    tasks = json.loads(out.read_text("utf-8"))
    assert len(tasks) == 1 and tasks[0]["data"]["text"] == original["data"]["text"]
    assert ls_regions(tasks[0]) == ls_regions(original)
    rows = json.loads((sdk_convert(tmp_path, out, ["INGREDIENT"], "JSON_MIN") / "result.json").read_text("utf-8"))
    assert sorted((r["text"], r["labels"][0]) for r in rows[0]["label"]) == ls_regions(original)


def test_label_studio_choices_task_comes_back_with_its_text_and_the_summary_names_what_was_left(tmp_path):
    source = FIXTURES / "labelstudio" / "text_with_2_predictions.json"
    said, out = round_trip(tmp_path, source, "labelstudio", suffix=".json")
    assert "1 earlier prediction not imported" in said and "1 choices prediction result not imported" in said
    rows = json.loads((sdk_convert(tmp_path, out, ["ORG"], "JSON_MIN") / "result.json").read_text("utf-8"))
    assert [r["text"] for r in rows] == ["Test example phrase"] and "label" not in rows[0]


ASTRAL = "😀𠮷 云阳县委宣传部 👍 会泽县 脱贫"


def test_label_studio_task_with_emoji_before_the_regions_keeps_them_in_json_min_and_conll(tmp_path):
    regions = [("云阳县委宣传部", "ORG"), ("会泽县", "REGION")]
    result = [{"id": f"r{i}", "from_name": "label", "to_name": "text", "type": "labels",
               "value": {"start": ASTRAL.index(t), "end": ASTRAL.index(t) + len(t), "text": t, "labels": [lab]}}
              for i, (t, lab) in enumerate(regions)]
    source = tmp_path / "export.json"
    source.write_text(json.dumps([{"id": 7, "data": {"text": ASTRAL}, "annotations": [{"id": 1, "result": result}]}],
                                 ensure_ascii=False), "utf-8")
    _, out = round_trip(tmp_path, source, "labelstudio", suffix=".json")
    rows = json.loads((sdk_convert(tmp_path, out, ["ORG", "REGION"], "JSON_MIN") / "result.json").read_text("utf-8"))
    assert [(r["text"], r["labels"][0]) for r in rows[0]["label"]] == regions
    assert all(ASTRAL[r["start"]:r["end"]] == r["text"] for r in rows[0]["label"])
    conll = (sdk_convert(tmp_path, out, ["ORG", "REGION"], "CONLL2003") / "result.conll").read_text("utf-8")
    tags = dict(line.split(" ")[::3] for line in conll.splitlines()[1:] if line)
    assert tags == {"😀𠮷": "O", "云阳县委宣传部": "B-ORG", "👍": "O", "会泽县": "B-REGION", "脱贫": "O"}


# Prodigy and spaCy ----------------------------------------------------------------------------------------

def prodigy_spans(path, answer):
    """The distinct (text, label) places answered `answer` in examples not ignored: a span's own answer
    where ner.teach wrote one (merged questions), else its example's."""
    out = set()
    for line in path.read_text("utf-8").splitlines():
        example = json.loads(line)
        if example["answer"] != "ignore":
            out |= {(example["text"][s["start"]:s["end"]], s["label"]) for s in example.get("spans", [])
                    if s.get("answer", example["answer"]) == answer}
    return sorted(out)


def test_prodigy_answers_come_back_to_spacy_as_accepted_spans_only(tmp_path):
    source = FIXTURES / "prodigy" / "ner_teach_reddit_product.jsonl"
    said, out = round_trip(tmp_path, source, "spacy", "--map", "PRODUCT=ORG")
    assert "3 examples answered 'ignore' not imported" in said and "1 span answered 'ignore' not imported" in said
    records = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    nlp = spacy.blank("en")
    found = []
    for record in records:
        doc = nlp.make_doc(record["text"])
        for s in record["spans"]:
            span = doc.char_span(s["start"], s["end"], label=s["label"], alignment_mode="expand")
            assert span is not None
            found.append((record["text"][s["start"]:s["end"]], s["label"]))
    accepted = [(text, "ORG") for text, _ in prodigy_spans(source, "accept")]
    rejected = {text for text, _ in prodigy_spans(source, "reject")}
    assert sorted(found) == accepted and not rejected & {text for text, _ in found}


def test_prodigy_manual_headlines_load_from_a_docbin_with_the_same_entities(tmp_path):
    from spacy.tokens import DocBin

    source = FIXTURES / "prodigy" / "ner_manual_news_headlines.jsonl"
    said, out = round_trip(tmp_path, source, "spacy-docbin", "--add-labels", suffix=".spacy")
    assert "3 imported" in said and "ignore" in said
    docs = list(DocBin().from_disk(out).get_docs(spacy.blank("en").vocab))
    texts = [json.loads(line)["text"] for line in source.read_text("utf-8").splitlines()]
    assert sorted(doc.text for doc in docs) == sorted(texts[:3])
    drawn = [(json.loads(line)["text"][s["start"]:s["end"]], s["label"])
             for line in source.read_text("utf-8").splitlines()[:3] for s in json.loads(line)["spans"]]
    assert len(drawn) == 5 and sorted((e.text, e.label_) for doc in docs for e in doc.ents) == sorted(drawn)


def test_a_spacy_doc_to_json_comes_back_to_spacy_with_the_same_ents(tmp_path):
    from spacy.tokens import Doc, DocBin, Span

    nlp = spacy.blank("zh")
    words = ["😀", "𠮷", "云阳县", "委", "宣传部", "在", "会泽县", "。"]
    doc = Doc(nlp.vocab, words=words, spaces=[False] * len(words))
    doc.ents = [Span(doc, 2, 5, label="ORG"), Span(doc, 6, 7, label="REGION")]
    doc.cats = {"POLICY": 1.0, "SPORT": 0.0}
    source = write_jsonl(tmp_path / "docs.jsonl", [doc.to_json()])
    _, out = round_trip(tmp_path, source, "spacy-docbin", suffix=".spacy")
    back = list(DocBin().from_disk(out).get_docs(nlp.vocab))
    assert [d.text for d in back] == [doc.text]
    assert [(e.text, e.label_, e.start_char) for e in back[0].ents] == [
        (e.text, e.label_, e.start_char) for e in doc.ents]
    assert back[0].cats == doc.cats


# doccano --------------------------------------------------------------------------------------------------

def doccano_entities(record):
    """(text, label) of each entity, with doccano's offsets counted as its browser counts them (UTF-16)."""
    units = record["text"].encode("utf-16-le")
    spans = record.get("entities") or record.get("label")
    return [(units[2 * a:2 * b].decode("utf-16-le"), label) for a, b, label in (
        (e["start_offset"], e["end_offset"], e["label"]) if isinstance(e, dict) else e for e in spans)]


def test_doccano_example_comes_back_in_doccanos_shape_with_the_same_entities(tmp_path):
    source = FIXTURES / "doccano" / "intent_detection_example.jsonl"
    originals = [json.loads(line) for line in source.read_text("utf-8").splitlines()]
    said, out = round_trip(tmp_path, source, "doccano", "--add-labels")
    assert f"{len(originals)} imported" in said
    back = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert [r["text"] for r in back] == [r["text"] for r in originals]
    assert all(set(e) == {"id", "label", "start_offset", "end_offset"} for r in back for e in r["entities"])
    assert [doccano_entities(r) for r in back] == [[(t, label.upper()) for t, label in doccano_entities(r)]
                                                   for r in originals]
    assert [r.get("cats") for r in back] == [r["cats"] for r in originals]  # the intents, as doccano wrote them


def test_doccano_utf16_offsets_after_emoji_come_back_unchanged(tmp_path):
    text = "😀𠮷云阳县委宣传部👍会泽县脱贫"
    units = lambda i: len(text[:i].encode("utf-16-le")) // 2  # noqa: E731 - doccano's browser count
    spans = [(text.index(t), text.index(t) + len(t), label) for t, label in (("云阳县委宣传部", "ORG"), ("会泽县", "REGION"))]
    original = {"id": 1, "text": text, "entities": [
        {"id": n, "label": label, "start_offset": units(a), "end_offset": units(b)} for n, (a, b, label) in
        enumerate(spans, 1)], "relations": []}
    _, out = round_trip(tmp_path, write_jsonl(tmp_path / "admin.jsonl", [original]), "doccano")
    [back] = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert [(e["start_offset"], e["end_offset"], e["label"]) for e in back["entities"]] == [
        (4, 11, "ORG"), (13, 16, "REGION")]
    assert doccano_entities(back) == doccano_entities(original) == [("云阳县委宣传部", "ORG"), ("会泽县", "REGION")]


# CLUENER, BMES, Weibo: tagged lines read by spaCy's converter and datasets ----------------------------------

def spacy_reads_bio(path):
    """(sentence text, [(entity text, label)]) as `spacy convert` (its conll_ner_to_docs) reads the file."""
    from spacy.training.converters import conll_ner_to_docs

    docs = conll_ner_to_docs(path.read_text("utf-8"), n_sents=1, no_print=True)
    return [(doc.text.replace(" ", ""), [(e.text.replace(" ", ""), e.label_) for e in doc.ents]) for doc in docs]


def hf_reads(path, split="train"):
    names = json.loads(path.with_name(path.name.replace(".jsonl", ".labels.json")).read_text("utf-8"))
    features = datasets.Features({"tokens": datasets.Sequence(datasets.Value("string")),
                                  "ner_tags": datasets.Sequence(datasets.ClassLabel(names=names))})
    return datasets.load_dataset("json", data_files=str(path), features=features, split=split,
                                 cache_dir=str(path.parent / "cache"))


def entities_of(tokens, tags):
    """(text, label) of each B-/I- run."""
    found = []
    for token, tag in zip(tokens, tags):
        if tag.startswith("B-"):
            found.append([token, tag[2:]])
        elif tag.startswith("I-") and found:
            found[-1][0] += token
    return [tuple(f) for f in found]


CLUENER = [
    {"text": "北京勘察设计协会副会长兼秘书长周荫如", "label": {
        "organization": {"北京勘察设计协会": [[0, 7]]}, "name": {"周荫如": [[15, 17]]}, "position": {
            "副会长": [[8, 10]], "秘书长": [[12, 14]]}}},
    {"text": "😀在云阳县，云阳县委宣传部说", "label": {"address": {"云阳县": [[2, 4]]},
                                                 "government": {"云阳县委宣传部": [[6, 12]]}}},
    {"text": "没有实体的一句话"},
]


def cluener_entities(record):
    return sorted((text, label.upper()) for label, names in record.get("label", {}).items()
                  for text, places in names.items() for _ in places)


def test_cluener_lines_come_back_as_bio_spacy_reads_and_hf_datasets_reads(tmp_path):
    source = write_jsonl(tmp_path / "train.json", CLUENER)
    said, out = round_trip(tmp_path, source, "bio", "--add-labels", suffix=".txt")
    assert "3 imported" in said
    read = spacy_reads_bio(out)
    assert [text for text, _ in read] == [r["text"] for r in CLUENER]
    assert [sorted(ents) for _, ents in read] == [cluener_entities(r) for r in CLUENER]
    annotator("export", "-p", tmp_path / "p.db", "--format", "hf", "--out", tmp_path / "hf.jsonl")
    data = hf_reads(tmp_path / "hf.jsonl")
    names = data.features["ner_tags"].feature.names
    assert ["".join(row["tokens"]) for row in data] == [r["text"] for r in CLUENER]
    assert [sorted(entities_of(row["tokens"], [names[t] for t in row["ner_tags"]])) for row in data] == [
        cluener_entities(r) for r in CLUENER]


RESUME_BMES = """高 B-NAME
勇 E-NAME
： O
男 O
， O
中 B-CONT
国 M-CONT
国 M-CONT
籍 E-CONT
。 O

1 O
9 O
6 O
6 O
年 O
出 O
生 O
， O
汉 B-RACE
族 E-RACE
， O
𠮷 S-LOC
人 O
"""

WEIBO = """😀0\tO
在0\tO
云0\tB-GPE.NAM
阳1\tI-GPE.NAM
县2\tI-GPE.NAM
的0\tO
张0\tB-PER.NAM
三1\tI-PER.NAM
老0\tB-PER.NOM
师1\tI-PER.NOM

好0\tO
"""


@pytest.mark.parametrize("name, content, sentences, entities", [
    ("train.char.bmes", RESUME_BMES, ["高勇：男，中国国籍。", "1966年出生，汉族，𠮷人"],
     [[("高勇", "NAME"), ("中国国籍", "CONT")], [("汉族", "RACE"), ("𠮷", "LOC")]]),
    ("weiboNER_2nd_conll.train", WEIBO, ["😀在云阳县的张三老师", "好"],
     [[("云阳县", "GPE_NAM"), ("张三", "PER_NAM"), ("老师", "PER_NOM")], []]),
])
def test_bmes_and_weibo_files_come_back_as_bio_that_spacy_convert_reads(tmp_path, name, content, sentences,
                                                                          entities):
    source = tmp_path / name
    source.write_text(content, "utf-8")
    said, out = round_trip(tmp_path, source, "bio", "--add-labels", suffix=".txt")
    assert "1 imported" in said
    assert spacy_reads_bio(out) == list(zip(sentences, entities))


# Hugging Face datasets ------------------------------------------------------------------------------------

def test_a_datasets_class_label_file_comes_back_as_hf_parts_datasets_loads_with_the_same_tags(tmp_path):
    names = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"]
    rows = [(list("张三在云阳县委宣传部"), [1, 2, 0, 3, 4, 4, 4, 4, 4, 4]),
            (list("李四去会泽县"), [1, 2, 0, 0, 5, 6]),
            (list("😀王五好"), [0, 1, 2, 0]),
            (list("没有人"), [0, 0, 0])] * 75  # 300 rows: two documents of up to 200 sentences, one a part
    features = datasets.Features({"tokens": datasets.Sequence(datasets.Value("string")),
                                  "ner_tags": datasets.Sequence(datasets.ClassLabel(names=names))})
    original = datasets.Dataset.from_dict({"tokens": [r[0] for r in rows], "ner_tags": [r[1] for r in rows]},
                                          features=features)
    source = tmp_path / "train.jsonl"
    original.to_json(str(source), force_ascii=False)  # tag numbers only: the names stay in the features
    db = tmp_path / "p.db"
    said = annotator("import", source, "-p", db, "--format", "hf", "--tags", ",".join(names), "--add-labels")
    assert "2 imported" in said
    said = annotator("export", "-p", db, "--format", "hf", "--split", "50/50", "--out", tmp_path / "out.jsonl")
    back = []
    for part in ("train", "test"):
        data = hf_reads(tmp_path / f"out-{part}.jsonl")
        tags = data.features["ner_tags"].feature.names
        assert 0 < len(data) < len(rows) and set(names) <= set(tags)
        back += [("".join(row["tokens"]), [tags[t] for t in row["ner_tags"]]) for row in data]
    assert sorted(back) == sorted(("".join(tokens), [names[t] for t in tags]) for tokens, tags in rows)
