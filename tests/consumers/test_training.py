"""Training straight from our exports, with no glue: a small CRF (sklearn-crfsuite) learns from the
BIO lines and from the Hugging Face lines named by labels.json, and tags with those names."""
import json

import pytest

from annotator.core.importer import import_paths
from annotator.core.interchange import bio, formats
from annotator.core.interchange.records import Selection
from annotator.core.model import Document, Span
from annotator.core.store import Project
from tests.conftest import ROOT

crfsuite = pytest.importorskip("sklearn_crfsuite")
ENTITIES = Selection(labels=frozenset({"REGION", "ORG", "PERSON", "DATE"}))


@pytest.fixture
def project(tmp_path):
    with Project.open(tmp_path / "p.db") as p:
        assert import_paths(p, [ROOT / "tests" / "gold" / "seed_000.jsonl",
                                ROOT / "tests" / "gold" / "seed_003.jsonl"]).ok
        yield p


def features(chars: list[str]) -> list[dict]:
    return [{"c": c, "prev": chars[i - 1] if i else "<s>", "next": chars[i + 1] if i + 1 < len(chars) else "</s>"}
            for i, c in enumerate(chars)]


def fit_and_predict(sentences: list[tuple[list[str], list[str]]]) -> list[list[str]]:
    crf = crfsuite.CRF(algorithm="lbfgs", max_iterations=30, c2=0.01)
    crf.fit([features(chars) for chars, _ in sentences], [tags for _, tags in sentences])
    return crf.predict([features(chars) for chars, _ in sentences])


def test_a_crf_trains_on_the_bio_lines_as_most_readers_split_them(project, tmp_path):
    bio.export(project, tmp_path / "train.bio", ENTITIES)
    sentences = []
    for block in (tmp_path / "train.bio").read_text("utf-8").split("\n\n"):
        pairs = [line.split() for line in block.splitlines()]  # ch, tag = line.split(): no whitespace lines
        if pairs:
            sentences.append(([ch for ch, _ in pairs], [tag for _, tag in pairs]))
    gold = {tag for _, tags in sentences for tag in tags}
    predicted = fit_and_predict(sentences)
    assert {"B-REGION", "I-REGION", "B-ORG", "B-DATE"} <= gold
    assert {tag for tags in predicted for tag in tags} <= gold and any(t != "O" for tags in predicted for t in tags)


def test_a_crf_trains_on_one_hugging_face_part_and_tags_another_with_the_same_names(project, tmp_path):
    """Train on train, tag test: one labels.json must name the numbers of both parts (each part once
    had its own numbering, so test's B-REGION was read as train's number for something else)."""
    project.add_document(Document(text="张三和李四见面。"), [Span(0, 2, "PERSON", "张三"), Span(3, 5, "PERSON", "李四")])
    hf = formats.export(project, "hf", tmp_path / "hf.jsonl", ENTITIES, split="50/50")
    lines = formats.export(project, "bio", tmp_path / "bio.txt", ENTITIES, split="50/50")
    names = json.loads(bio.labels_path(hf[0][0]).read_text("utf-8"))  # train's
    parts = {}
    for (path, _), (bio_path, _) in zip(hf, lines):
        rows = [json.loads(line) for line in path.read_text("utf-8").splitlines()]
        parts[path.stem] = [(row["tokens"], [names[n] for n in row["ner_tags"]]) for row in rows]
        assert [tag for _, tags in parts[path.stem] for tag in tags] == bio_path.read_text("utf-8").split()[1::2]
    train, test = parts["hf-train"], parts["hf-test"]
    crf = crfsuite.CRF(algorithm="lbfgs", max_iterations=30, c2=0.01)
    crf.fit([features(chars) for chars, _ in train], [tags for _, tags in train])
    predicted = crf.predict([features(chars) for chars, _ in test])
    assert {tag for tags in predicted for tag in tags} <= set(names)
    learnt = crf.predict([features(chars) for chars, _ in train])
    hits = sum(p == g != "O" for (_, gold), tags in zip(train, learnt) for p, g in zip(tags, gold))
    assert hits > 0.5 * sum(g != "O" for _, gold in train for g in gold)  # it learnt from what it was given
