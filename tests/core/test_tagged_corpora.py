"""Character-tagged corpora as their tools write them: ResumeNER's BMES, IOB1, Weibo NER (position
digits, CESU-8 emoji, PER.NAM labels), datasets' to_json without labels.json; and what our BIO and
Hugging Face exports give to spaCy and datasets (whitespace, one tag set for every part)."""
import json

import datasets
from click.testing import CliRunner

from annotator.cli import cli
from annotator.core.importer import import_paths
from annotator.core.interchange import bio, formats
from annotator.core.interchange.records import Selection
from annotator.core.model import Document, Span

# ResumeNER (github:jiesutd/LatticeLSTM, ResumeNER/dev.char.bmes): a character, a space, a BMES tag.
# The repository states no licence, so the lines are made here in its shape.
RESUME = "吴 B-NAME\n重 M-NAME\n阳 E-NAME\n， O\n中 B-CONT\n国 E-CONT\n籍 O\n\n男 O\n， S-RACE\n"
# Weibo NER (github:hltcoe/golden-horse, data/weiboNER.conll.train and weiboNER_2nd_conll.train, no
# licence stated): the 2nd edition writes each character's place in its word after it; the first
# writes an emoji as two CESU-8 surrogate halves, one a line.
WEIBO = ("张0\tB-PER.NAM\n三1\tI-PER.NAM\n在0\tO\n北0\tB-GPE.NAM\n京1\tI-GPE.NAM\n").encode() + \
    "\ud83d\tO\n\udc8b\tO\n".encode("utf-8", "surrogatepass") + "好0\tO\n\n".encode()


def spans_of(project, doc_ids):
    return [(s.text, s.label) for d in doc_ids for s in project.spans(d)]


def test_resume_bmes_is_found_by_its_suffix_and_imported(project, tmp_path):
    path = tmp_path / "dev.char.bmes"
    path.write_text(RESUME, encoding="utf-8")
    report = import_paths(project, [path], label_map={"NAME": "PERSON"}, add_labels=True)
    assert report.problems == [] and report.labels_added == ["CONT", "RACE"]
    assert project.text(report.imported[0]) == "吴重阳，中国籍\n男，"
    assert spans_of(project, report.imported) == [("吴重阳", "PERSON"), ("中国", "CONT"), ("，", "RACE")]


def test_iob1_spans_begin_with_i_and_the_notes_say_so(project, tmp_path):
    path = tmp_path / "old.iob"
    path.write_text("在\tO\n云\tI-LOC\n阳\tI-LOC\n张\tI-PER\n\n", encoding="utf-8")
    report = import_paths(project, [path], label_map={"LOC": "REGION", "PER": "PERSON"})
    assert report.problems == []
    assert spans_of(project, report.imported) == [("云阳", "REGION"), ("张", "PERSON")]
    assert [n.reason for n in report.notes] == ["2 spans begin with I- (IOB1), read as begun there"]


def test_weibo_ner_imports_with_its_emoji_whole_and_its_labels_as_keys(project, tmp_path):
    path = tmp_path / "weiboNER_2nd_conll.train"
    path.write_bytes(WEIBO)
    assert formats.detect(path) == "bio"
    report = import_paths(project, [path], add_labels=True)
    assert report.problems == [] and report.labels_added == ["GPE_NAM", "PER_NAM"]
    assert project.text(report.imported[0]) == "张三在北京💋好"
    assert spans_of(project, report.imported) == [("张三", "PER_NAM"), ("北京", "GPE_NAM")]
    notes = [n.reason for n in report.notes]
    assert "word-position digits after 6 characters dropped (Weibo NER style)" in notes
    assert "1 characters written as two surrogate halves (CESU-8) joined into one" in notes
    assert "labels stored as keys: GPE.NAM → GPE_NAM, PER.NAM → PER_NAM" in notes


def test_half_an_emoji_is_refused_with_its_line(project, tmp_path):
    path = tmp_path / "w.bio"
    path.write_bytes("甲\tO\n\ud83d\tO\n乙\tO\n\n丙\tO\n".encode("utf-8", "surrogatepass"))
    report = import_paths(project, [path])
    [problem] = report.problems
    assert problem.where.endswith("w.bio:2") and "surrogate" in problem.reason
    assert project.text(report.imported[0]) == "丙"


def test_bio_export_with_spaces_and_tabs_inside_spans_converts_in_spacy(project, tmp_path):
    from spacy.training.converters import conll_ner_to_docs

    text = "会议于2020年 6月\t在 云阳县召开。 \t\n下一句"
    project.add_document(Document(text=text), [Span(3, 11, "DATE", "2020年 6月"), Span(14, 17, "REGION", "云阳县")])
    bio.export(project, tmp_path / "o.bio")
    exported = (tmp_path / "o.bio").read_text("utf-8")
    assert all(len(line.split()) == 2 for line in exported.splitlines() if line)  # `ch, tag = line.split()`
    docs = list(conll_ner_to_docs(exported, n_sents=1, no_print=True))  # E903 on a " \tO" line before
    ents = [("".join(t.text for t in e), e.label_) for doc in docs for e in doc.ents]
    assert ents == [("2020年6月", "DATE"), ("云阳县", "REGION")]
    assert "".join(t.text for doc in docs for t in doc) == "会议于2020年6月在云阳县召开。下一句"


def test_hf_split_parts_share_one_tag_set_that_datasets_reads_across_splits(project, tmp_path):
    for n, (text, label) in enumerate([("云阳县", "REGION"), ("张三", "PERSON"), ("2020年", "DATE"),
                                       ("绥阳县委", "ORG")]):
        project.add_document(Document(text=f"{n}号：{text}。"), [Span(3, 3 + len(text), label, text)])
    written = formats.export(project, "hf", tmp_path / "hf.jsonl", split="50/50", seed=1)
    label_files = [bio.labels_path(path).read_text("utf-8") for path, _ in written]
    assert len(written) == 2 and label_files[0] == label_files[1]
    names = json.loads(label_files[0])
    assert names == ["O"] + [f"{p}-{label.key}" for label in project.schema.labels for p in "BI"]
    features = datasets.Features({"tokens": datasets.Sequence(datasets.Value("string")),
                                  "ner_tags": datasets.Sequence(datasets.ClassLabel(names=names))})
    data = datasets.load_dataset("json", data_files={p.stem.rsplit("-", 1)[1]: str(p) for p, _ in written},
                                 features=features, cache_dir=str(tmp_path / "cache"))
    tag = data["train"].features["ner_tags"].feature
    found = sorted(("".join(t for t, n in zip(row["tokens"], row["ner_tags"]) if n), tag.int2str(
        next(n for n in row["ner_tags"] if n))) for part in data.values() for row in part)
    assert found == sorted([("2020年", "B-DATE"), ("张三", "B-PERSON"), ("绥阳县委", "B-ORG"), ("云阳县", "B-REGION")])


def test_datasets_to_json_without_labels_json_imports_with_tags(tmp_path):
    names = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC"]
    features = datasets.Features({"tokens": datasets.Sequence(datasets.Value("string")),
                                  "ner_tags": datasets.Sequence(datasets.ClassLabel(names=names))})
    part = datasets.Dataset.from_dict({"tokens": [list("张三去云阳")], "ner_tags": [[1, 2, 0, 3, 4]]},
                                      features=features)
    part.to_json(tmp_path / "train.jsonl", force_ascii=False)
    project_file = tmp_path / "p.db"
    runner = CliRunner()
    refused = runner.invoke(cli, ["import", str(tmp_path / "train.jsonl"), "-p", str(project_file)])
    assert refused.exit_code == 1 and "train.labels.json is missing; give them with --tags" in refused.output
    (tmp_path / "names.txt").write_text("\n".join(names) + "\n", encoding="utf-8")
    for tags in (",".join(names), str(tmp_path / "names.txt")):
        result = runner.invoke(cli, ["import", str(tmp_path / "train.jsonl"), "--tags", tags, "--map",
                                     "PER=PERSON,LOC=REGION", "-p", str(tmp_path / f"{len(tags)}.db")])
        assert result.exit_code == 0, result.output
        shown = runner.invoke(cli, ["export", "--format", "bio", "--out", str(tmp_path / "o.bio"),
                                    "-p", str(tmp_path / f"{len(tags)}.db")])
        assert shown.exit_code == 0, shown.output
        assert (tmp_path / "o.bio").read_text("utf-8").split() == [
            "张", "B-PERSON", "三", "I-PERSON", "去", "O", "云", "B-REGION", "阳", "I-REGION"]
    bad = runner.invoke(cli, ["import", str(tmp_path / "train.jsonl"), "--tags", "O,PER", "-p", str(project_file)])
    assert bad.exit_code == 1 and "--tags: 'PER' is not a tag" in bad.output


def test_hf_tag_names_are_the_chosen_schema_labels_even_those_without_spans(project, tmp_path):
    project.add_document(Document(text="张三在云阳"), [Span(0, 2, "PERSON", "张三"), Span(3, 5, "REGION", "云阳")])
    selection = Selection(label_map={"PERSON": "PER", "REGION": "LOC"}, labels=frozenset({"PER", "LOC", "DATE"}))
    bio.export_hf(project, tmp_path / "hf.jsonl", selection)
    names = json.loads(bio.labels_path(tmp_path / "hf.jsonl").read_text("utf-8"))
    assert names == ["O", "B-LOC", "I-LOC", "B-PER", "I-PER", "B-DATE", "I-DATE"]  # schema order, names after --map
