"""The learnt source: trained on a project's done reports, stored in it, suggesting beside the rules,
lowered by rejections, and judging which report to label next."""
import json
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

from annotator.core.importer import import_paths
from annotator.core.learn import training
from annotator.core.learn.features import bio, spans_of
from annotator.core.model import AnnotatorError, Document
from annotator.core.store import Project
from annotator.core.suggest import Suggestion
from annotator.core.suggest.suggester import Suggester, rejection_weights

GOLD = Path(__file__).resolve().parents[1] / "gold"
TRAIN = ["seed_000.jsonl", "seed_003.jsonl", "report_xwlb_20200306_poverty_meeting.jsonl",
         "report_xwlb_20210225_poverty_awards.jsonl"]
NEW = GOLD / "report_xwlb_20210118_economy.jsonl"


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    """A project file with four gold reports marked done and a fifth to label, and its model."""
    path = tmp_path_factory.mktemp("learn") / "p.db"
    with Project.open(path, annotator="ann") as project:
        report = import_paths(project, [GOLD / name for name in TRAIN], status="done")
        assert len(report.imported) == 4
        new = project.add_document(Document(text=json.loads(NEW.read_text("utf-8"))["text"]))  # unlabelled
        info = training.train_project(project, folds=2)
    return path, info, new


def test_training_stores_a_model_that_travels_with_the_project_file(trained):
    path, info, _ = trained
    assert info["reports"] == 4 and info["spans"] == sum(
        len(json.loads(line)["spans"]) for name in TRAIN for line in (GOLD / name).open(encoding="utf-8"))
    assert {"PERSON", "REGION", "ORG", "DATE", "METRIC"} <= set(info["labels"])
    scores = info["scores"]
    assert scores["folds"] == 2 and set(scores) == {"folds", "rules", "learnt"}
    assert 0 < scores["learnt"]["overall"]["exact"]["f1"] <= 1
    with Project.open(path, annotator="other") as again:  # reopened: the model is read back from the file
        learnt = again.models.learnt()
        assert learnt is not None and set(learnt.taggers) == {"entity", "metric"}
        assert again.models.info()["trained_at"] == info["trained_at"]


def test_suggestions_from_the_model_are_combined_with_the_rules(trained, tmp_path):
    path, _, new = trained
    with Project.open(path, annotator="ann") as project:
        text = project.text(new)
        with_model = project.suggestions.suggester()
        rules = Suggester(with_model.layer_of, with_model.entries, project.lexicon_entries())
        mixed, doubt = with_model.judge(text)
        assert {s.source for s in mixed} - {"learnt"}  # the rules' suggestions are still there
        assert doubt is not None and 0 <= doubt <= 1
        for layer in ("entity", "metric"):  # still one span per place in each layer
            spans = sorted((s.start, s.end) for s in mixed if with_model.layer_of[s.label] == layer)
            assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))
        # where the model knows a label, a rule's suggestion carries the model's confidence
        plain = {(s.start, s.end, s.label): s.confidence for s in rules(text)}
        judged = [s for s in mixed if s.source != "learnt" and (s.start, s.end, s.label) in plain]
        assert any(s.confidence != plain[(s.start, s.end, s.label)] for s in judged)


def test_suggest_uses_the_model_and_again_replaces_pending_suggestions_only(trained, tmp_path):
    path, _, new = trained
    copy = tmp_path / "copy.db"
    with Project.open(path) as project:
        project.db.execute("VACUUM INTO ?", [str(copy)])
    with Project.open(copy, annotator="ann") as project:
        project.suggest([new])
        pending = project.spans(new, origin="suggested")
        layer_of = project.schema.layers()
        rules = Suggester(layer_of, project.suggestions.dictionary(), project.lexicon_entries())
        stored = {(s.start, s.end, s.label, s.confidence) for s in pending}
        assert stored != {(s.start, s.end, s.label, s.confidence) for s in rules(project.text(new))}
        assert stored == {(s.start, s.end, s.label, s.confidence)
                          for s in project.suggestions.suggester()(project.text(new))}
        kept = project.accept(pending[0].id)
        rejected = pending[1]
        project.reject(rejected.id)
        before = {s.id for s in project.spans(new, origin="suggested")}
        project.suggest([new], again=True)
        after = project.spans(new, origin="suggested")
        assert before and not before & {s.id for s in after}  # the pending ones were replaced
        assert project.span(kept.id).origin == "manual"
        assert (rejected.start, rejected.end, rejected.label) not in {(s.start, s.end, s.label) for s in after}


def test_each_rejection_lowers_a_text_and_acceptances_hold_it_up():
    weights = rejection_weights({("贺辞", "PERSON"): 0, ("云阳", "REGION"): 3},
                                {("贺辞", "PERSON"): 2, ("云阳", "REGION"): 1})
    assert weights[("贺辞", "PERSON")] == pytest.approx(1 / 3)
    assert weights[("云阳", "REGION")] == pytest.approx(4 / 5)
    text = "新年贺辞发表。"
    layer_of = {"PERSON": "entity"}

    def person(t):
        return [Suggestion(2 if t == text else 0, 4 if t == text else 2, "PERSON", "persons", 0.8)]

    found = person(text)
    assert Suggester(layer_of)(text, found)[0].confidence == 0.8
    once = Suggester(layer_of, weights=rejection_weights({}, {("贺辞", "PERSON"): 1}))(text, found)
    assert once[0].confidence == pytest.approx(0.4)
    many = Suggester(layer_of, weights=rejection_weights({}, {("贺辞", "PERSON"): 4}))(text, found)
    assert many == []  # rejected four times and never accepted: no longer suggested


def test_a_rejection_in_the_project_lowers_the_same_text_in_another_report(project):
    a = project.add_document(Document(text="国务院扶贫办主任刘永富出席会议。"))
    b = project.add_document(Document(text="会上,国务院扶贫办介绍了情况。"))
    project.suggest([a])
    org = next(s for s in project.spans(a, origin="suggested") if s.text == "国务院扶贫办")
    project.reject(org.id)
    project.suggest([b])
    again = next(s for s in project.spans(b, origin="suggested") if s.text == "国务院扶贫办")
    assert again.confidence == pytest.approx(org.confidence / 2, abs=0.001)


def test_too_few_confirmed_spans_is_refused_with_what_to_do(project):
    project.add_document(Document(text="云阳县。", status="done"))
    with pytest.raises(AnnotatorError, match="label more reports and mark them done"):
        training.train_project(project, folds=1)


def test_next_report_can_be_the_one_the_model_is_least_sure_of(project):
    ids = [project.add_document(Document(text=f"第{i}份报告。")) for i in range(4)]
    project.models.save({}, {"spans": 0})
    project.models.set_uncertainty({ids[0]: 0.1, ids[1]: 0.7, ids[2]: 0.4})
    assert project.next_unfinished(ids[0]) == ids[1]  # id order unless asked
    assert project.next_unfinished(ids[0], unsure_first=True) == ids[1]
    assert project.next_unfinished(ids[1], unsure_first=True) == ids[2]
    project.set_status(ids[2], "done")
    assert project.next_unfinished(ids[1], unsure_first=True) == ids[0]
    rows = {r["document_id"]: r["uncertainty"] for r in project.progress()}
    assert rows[ids[1]] == 0.7 and rows[ids[3]] is None


@given(st.lists(st.tuples(st.integers(0, 30), st.integers(1, 5), st.sampled_from(["A", "BB", "C"])), max_size=8))
def test_tags_give_back_the_spans_they_were_made_from(raw):
    spans, end = [], 0
    for gap, size, label in raw:  # non-overlapping spans in order
        start = end + gap
        spans.append((start, start + size, label))
        end = start + size
    length = end + 3
    assert spans_of(bio(length, 0, spans)) == spans
    assert spans_of(bio(length - 2, 2, spans), 2) == [s for s in spans if s[0] >= 2]


corpora = pytest.importorskip("benchmarks.corpora")


@pytest.mark.skipif(not corpora.available(), reason="public NER corpora not present (benchmarks/corpora.py)")
def test_on_sentences_nobody_tuned_on_the_model_beats_the_rules_it_learnt_from():
    """People's Daily: trained on 300 sentences of its training part, scored on the held-apart part."""
    from annotator.core.evaluate import Evaluation, score
    from annotator.core.learn.learnt import Learnt
    from annotator.core.schema import default_schema

    layer_of = default_schema().layers()
    train, held = corpora.peoples_daily()
    train = [training.Example(t, s) for t, s in train[:300]]
    held = [training.Example(t, s) for t, s in held]
    training.prepare(train + held, Suggester(layer_of))
    learnt, entries = Learnt(training.fit(train, layer_of)), training.dictionary(train, layer_of)
    rules, both = Evaluation(), Evaluation()
    for n, ex in enumerate(held):
        gold = {(label, s, e) for s, e, label in ex.spans}
        score(rules, n, ex.text, gold, training.predict(None, ex, layer_of, entries), {"PERSON", "REGION", "ORG"})
        score(both, n, ex.text, gold, training.predict(learnt, ex, layer_of, entries), {"PERSON", "REGION", "ORG"})
    assert both.as_dict()["overall"]["exact"]["f1"] > rules.as_dict()["overall"]["exact"]["f1"]
    assert both.as_dict()["actions_per_gold_span"] < rules.as_dict()["actions_per_gold_span"]


def test_the_model_drops_a_rule_only_where_it_is_sure_there_is_nothing():
    """Sure of the span: the model's confidence; sure of nothing there: dropped; merely unsure (text
    unlike anything it learnt from): kept, as doubtful as the model is."""
    from annotator.core.learn.learnt import Learnt

    class Judge:  # a tagger whose verdicts are given: the policy is what is tested
        labels = {"PERSON"}

        def read(self, xseq):
            return [], 0.0

        def confidence(self, xseq, spans):
            return [{0: (0.9, 0.0), 3: (0.1, 0.95), 6: (0.2, 0.3)}[a] for a, _, _ in spans]

    learnt = Learnt({})
    learnt.taggers = {"entity": Judge()}
    text = "张三丰、李四光、王五。"
    rules = [Suggestion(a, a + 3 - (a == 6), "PERSON", "persons", 0.8) for a in (0, 3, 6)]
    kept, _ = learnt.apply(text, rules)
    assert [(s.start, s.confidence) for s in kept] == [(0, 0.9), (6, 0.2)]


def test_the_model_is_trusted_with_the_labels_where_it_leaves_no_more_work():
    from annotator.core.learn.learnt import trusted

    def row(f1, actions=None):
        return {"exact": {"f1": f1}, **({} if actions is None else {"actions_per_gold_span": actions})}

    scores = {"rules": {"labels": {"ORG": row(0.7, 1.6), "PERSON": row(0.8, 1.3), "DATE": row(0.9, 1.1)}},
              "learnt": {"labels": {"ORG": row(0.8, 1.4), "PERSON": row(0.85, 1.35), "DATE": row(0.9, 1.1)}}}
    assert trusted({"scores": scores}) == {"ORG", "DATE"}  # PERSON: a better F1, but more keys to press
    assert trusted({}) is None  # trained without folds: every label
    old = {"rules": {"labels": {"ORG": row(0.7)}}, "learnt": {"labels": {"ORG": row(0.75)}}}
    assert trusted({"scores": old}) == {"ORG"}  # scores stored before actions were kept per label


def test_characters_outside_the_basic_plane_do_not_shift_the_model_s_spans(trained):
    """Features are per code point, like every offset we store: 😀 and 𠮷 before a sentence move
    its spans by exactly their number of characters."""
    path, _, _ = trained
    with Project.open(path) as project:
        find = project.suggestions.suggester()
    plain = "国务院扶贫办主任刘永富在北京出席会议,云阳县2020年减贫13.4万人。"
    prefix = "😀𠮷👍 "
    base = {(s.start, s.end, s.label) for s in find(plain)}
    moved = {(s.start - len(prefix), s.end - len(prefix), s.label) for s in find(prefix + plain)}
    assert base and moved == base
