"""Settling disagreements into the gold layer, and exporting gold, one annotator or all."""
from __future__ import annotations

import json

import pytest

from annotator.core.interchange import formats, native, records
from annotator.core.model import AnnotatorError, Document
from annotator.core.store import Project
from annotator.core.team import adjudicate, assign, merge

TEXT = "云阳县2019年GDP达到431亿元，增长5%。重庆市统计局发布。"


@pytest.fixture
def team(tmp_path):
    """One report labelled by alice and bob, merged: they agree on 云阳县 and the 431亿元 metric (which
    both link to 云阳县), and differ on 重庆市统计局 (alice: ORG; bob: REGION 重庆市) and on 2019年 (only bob)."""
    with Project.open(tmp_path / "team.db", annotator="lead") as project:
        project.add_document(Document(text=TEXT, title="云阳"))
        plan = assign.plan(project.document_ids(), ["alice", "bob"], overlap=1.0)
        files = assign.make_packages(project, plan, tmp_path / "out")
        for name in ("alice", "bob"):
            with Project.open(files[name], annotator=name) as package:
                region = package.add_span(1, 0, 3, "REGION")
                metric = package.add_span(1, 13, 18, "METRIC")
                package.update_span(metric.id, attrs={**metric.attrs, "subject": region.id, "value": 4.31e10,
                                                      "unit": "元"})
                if name == "alice":
                    package.add_span(1, 24, 30, "ORG")
                else:
                    package.add_span(1, 24, 27, "REGION")
                    package.add_span(1, 3, 8, "DATE")
                package.set_status(1, "done")
        merge.merge(project, list(files.values()))
        yield project


def test_merged_links_name_the_team_files_own_version_spans(team):
    for version in team.team.versions([1]):
        by_id = {s.id: s for s in version.spans}
        (metric,) = [s for s in version.spans if s.label == "METRIC"]
        assert by_id[metric.attrs["subject"]].text == "云阳县"


def test_places_split_agreement_from_disagreement(team):
    places = adjudicate.places(team, 1)
    assert [(TEXT[p.start:p.end], p.agreed) for p in places] == [
        ("云阳县", True), ("2019年", False), ("431亿元", True), ("重庆市统计局", False)]
    assert [TEXT[p.start:p.end] for p in adjudicate.disagreements(team, 1)] == ["2019年", "重庆市统计局"]


def test_agreed_places_go_to_gold_with_the_links_and_the_adjudicators_name(team):
    assert adjudicate.take_agreed(team) == 2
    gold = {s.text: s for s in team.spans(1)}
    assert set(gold) == {"云阳县", "431亿元"}
    assert gold["431亿元"].attrs["subject"] == gold["云阳县"].id
    assert {s.annotator for s in gold.values()} == {"lead"}
    assert adjudicate.take_agreed(team) == 0  # nothing twice


def test_taking_one_version_per_disagreement_and_undo(team):
    adjudicate.take_agreed(team)
    date, org = adjudicate.disagreements(team, 1)
    adjudicate.take(team, 1, org, "bob")
    adjudicate.take(team, 1, date, "alice")  # alice marked nothing there: gold holds nothing there
    assert [(s.text, s.label) for s in team.spans(1)] == [("云阳县", "REGION"), ("431亿元", "METRIC"),
                                                         ("重庆市", "REGION")]
    assert org.matching(team.spans(1)) == ["bob"]
    adjudicate.take(team, 1, org, "alice")
    assert ("重庆市统计局", "ORG") in [(s.text, s.label) for s in team.spans(1)]
    team.undo()
    assert ("重庆市", "REGION") in [(s.text, s.label) for s in team.spans(1)]
    with pytest.raises(AnnotatorError, match="carol has no version"):
        adjudicate.take(team, 1, org, "carol")


def test_exports_choose_the_layer(team, tmp_path):
    adjudicate.take_agreed(team)
    gold = [json.loads(line) for line in native.lines(team)]
    assert [s["text"] for s in gold[0]["spans"]] == ["云阳县", "431亿元"]
    alice = [json.loads(line) for line in native.lines(team, layer="alice")]
    assert [s["text"] for s in alice[0]["spans"]] == ["云阳县", "431亿元", "重庆市统计局"]
    assert alice[0]["status"] == "done" and {s["annotator"] for s in alice[0]["spans"]} == {"alice"}
    everyone = [json.loads(line) for line in native.lines(team, layer=records.ALL)]
    assert sorted({s["annotator"] for s in everyone[0]["spans"]}) == ["alice", "bob"]
    assert len(everyone[0]["spans"]) == 7
    metric = next(s for s in alice[0]["spans"] if s["label"] == "METRIC")
    assert next(s for s in alice[0]["spans"] if s["id"] == metric["attrs"]["subject"])["text"] == "云阳县"

    target = tmp_path / "bob.bio"
    formats.export(team, "bio", target, records.Selection(layer=records.layer(team, "bob")))
    tags = [line.split() for line in target.read_text("utf-8").splitlines() if line.strip()]
    assert [t for _, t in tags[:5]] == ["B-REGION", "I-REGION", "I-REGION", "B-DATE", "I-DATE"]
    with pytest.raises(AnnotatorError, match="no merged work by 'carol'.*alice, bob"):
        records.layer(team, "carol")
    with pytest.raises(AnnotatorError, match="only native JSONL holds"):
        formats.export(team, "labelstudio", tmp_path / "ls.json", records.Selection(layer=records.ALL))
    with pytest.raises(AnnotatorError, match="metrics writes the project's own"):
        formats.export(team, "metrics", tmp_path / "m.jsonl", records.Selection(layer="alice"))
