"""Team work through the core: assign → label apart in packages → merge → agreement."""
from __future__ import annotations

import itertools
import json
import re
import shutil
import sqlite3

import pytest
from hypothesis import given, settings, strategies as st

from annotator.core.importer import import_paths
from annotator.core.model import AnnotatorError, Document
from annotator.core.store import Project
from annotator.core.team import agreement, assign, merge
from tests.conftest import CORPUS


def dump(path) -> list:
    """Every row of every table: what "changes nothing" is checked against."""
    db = sqlite3.connect(path)
    try:
        tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        return [(t, db.execute(f"SELECT * FROM {t}").fetchall()) for t in tables]
    finally:
        db.close()


@pytest.fixture
def team(tmp_path):
    with Project.open(tmp_path / "team.db", annotator="lead") as project:
        import_paths(project, sorted(CORPUS.glob("*.txt")))
        yield project


def label_all(path, annotator: str, pattern: str, label: str, *, done: bool = True, docs=None) -> None:
    """Label every match of `pattern` in a package, as `annotator` would in the window."""
    with Project.open(path, annotator=annotator) as package:
        for doc_id in docs or package.document_ids():
            text = package.text(doc_id)
            for m in re.finditer(pattern, text):
                package.add_span(doc_id, m.start(), m.end(), label)
            if done:
                package.set_status(doc_id, "done")


# assigning --------------------------------------------------------------------------------------

def test_plan_shares_reports_between_every_pair_and_balances_the_rest():
    p = assign.plan(list(range(1, 21)), ["alice", "bob", "carol"], overlap=0.3, copies=2, seed=7)
    assert len(p.shared) == 6
    holders = {d: [a for a, ids in p.shares.items() if d in ids] for d in range(1, 21)}
    assert all(len(holders[d]) == (2 if d in p.shared else 1) for d in holders)
    pairs = [tuple(holders[d]) for d in p.shared]
    assert sorted(set(pairs)) == [("alice", "bob"), ("alice", "carol"), ("bob", "carol")]
    assert all(pairs.count(x) == 2 for x in set(pairs))
    loads = [len(ids) for ids in p.shares.values()]
    assert max(loads) - min(loads) <= 1
    assert assign.plan(list(range(1, 21)), ["alice", "bob", "carol"], overlap=0.3, seed=7) == p


@given(n=st.integers(1, 60), people=st.integers(1, 6), overlap=st.floats(0, 1), copies=st.integers(2, 6),
       seed=st.integers(0, 5))
@settings(max_examples=150, deadline=None)
def test_plan_gives_every_report_to_one_or_to_copies_annotators(n, people, overlap, copies, seed):
    names = [f"a{i}" for i in range(people)]
    try:
        p = assign.plan(list(range(n)), names, overlap=overlap, copies=copies, seed=seed)
    except AnnotatorError as exc:
        assert round(overlap * n) and not 2 <= copies <= people, exc
        return
    assert len(p.shared) == round(overlap * n)
    for d in range(n):
        holders = sum(d in ids for ids in p.shares.values())
        assert holders == (copies if d in p.shared else 1)


@pytest.mark.parametrize("names, kwargs, message", [
    (["alice", "alice"], {}, "named twice"),
    (["alice", "bob"], {"copies": 3}, "2 to 2 annotators"),
    (["alice"], {"overlap": 1.5}, "between 0 and 1"),
    (["a/b", "a:b"], {}, "same package file name"),
    (["  "], {}, "cannot be empty"),
    (["al\x07ice"], {}, "control characters"),
])
def test_plan_refuses_what_cannot_be_handed_out(names, kwargs, message):
    with pytest.raises(AnnotatorError, match=message):
        assign.plan([1, 2, 3], names, **kwargs)


def test_packages_hold_the_reports_schema_lexicon_and_model_but_no_labels(team, tmp_path):
    first = team.document_ids()[0]
    team.add_span(first, 0, 2, "REGION")  # the team's own label: stays home
    team.add_lexicon("ORG", ["华龙网"])
    team.models.save({"entity": b"model bytes"}, {"spans": 3})
    plan = assign.plan(team.document_ids(), ["alice", "bob"], overlap=0.4, seed=1)
    files = assign.make_packages(team, plan, tmp_path / "out")
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["alice.db", "bob.db"]
    for name, path in files.items():
        with Project.open(path, annotator=name) as package:
            assert package.document_ids() == plan.shares[name]
            for d in package.document_ids():
                assert package.text(d) == team.text(d)
                assert package.spans(d) == []
                assert package.document(d).status == "todo"
            assert package.schema == team.schema
            assert package.lexicon_entries() == team.lexicon_entries()
            assert package.models.load()[0] == {"entity": b"model bytes"}
            assert package.team.package()["annotator"] == name
    assert team.team.assignments() == {d: sorted(a for a, ids in plan.shares.items() if d in ids)
                                       for d in team.document_ids()}
    assert assign.unassigned(team) == []


def test_assigning_into_a_folder_with_a_package_already_there_writes_nothing(team, tmp_path):
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "bob.db").write_bytes(b"someone's file")
    plan = assign.plan(team.document_ids(), ["alice", "bob"], overlap=0)
    with pytest.raises(AnnotatorError, match="bob.db"):
        assign.make_packages(team, plan, tmp_path / "out")
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["bob.db"]
    assert (tmp_path / "out" / "bob.db").read_bytes() == b"someone's file"
    assert team.team.assignments() == {}


# merging -------------------------------------------------------------------------------------------

@pytest.fixture
def handed_out(team, tmp_path):
    plan = assign.plan(team.document_ids(), ["alice", "bob"], overlap=1.0)  # both label every report
    return assign.make_packages(team, plan, tmp_path / "out")


def test_merge_keeps_each_annotators_spans_and_status_as_theirs(team, handed_out):
    label_all(handed_out["alice"], "alice", "云阳县|重庆市?", "REGION")
    label_all(handed_out["bob"], "bob", "云阳县", "ORG", docs=[1])
    results = merge.merge(team, [handed_out["alice"], handed_out["bob"]])
    assert [r["annotator"] for r in results] == ["alice", "bob"]
    versions = {(v.document_id, v.annotator): v for v in team.team.versions()}
    assert len(versions) == 10
    assert {v.status for (d, a), v in versions.items() if a == "alice"} == {"done"}
    assert [versions[(d, "bob")].status for d in team.document_ids()] == ["done", "todo", "todo", "todo", "todo"]
    for (d, a), v in versions.items():
        text = team.text(d)
        assert all(text[s.start:s.end] == s.text and s.annotator == a for s in v.spans)
    assert {s.label for s in versions[(1, "bob")].spans} == {"ORG"}
    assert all(team.spans(d) == [] for d in team.document_ids())  # the team's own layer is untouched
    merged = [e for e in team.events() if e["action"] == "merge_package"]
    assert len(merged) == 2


def test_merging_the_same_packages_again_changes_nothing(team, handed_out):
    label_all(handed_out["alice"], "alice", "云阳县", "REGION")
    merge.merge(team, list(handed_out.values()))
    before = dump(team.path)
    results = merge.merge(team, list(handed_out.values()))
    assert all(r["unchanged"] for r in results)
    assert dump(team.path) == before


def test_a_later_copy_replaces_the_version_and_appends_only_new_events(team, handed_out):
    alice = handed_out["alice"]
    label_all(alice, "alice", "云阳县", "REGION", docs=[1], done=False)
    merge.merge(team, [alice])
    first = [s for v in team.team.versions([1]) if v.annotator == "alice" for s in v.spans]
    events = len(team.events())
    with Project.open(alice, annotator="alice") as package:
        seen = package.team.hand_in().last_event
    label_all(alice, "alice", "重庆", "REGION", docs=[1])
    with Project.open(alice, annotator="alice") as package:
        since = [e for e in package.team.hand_in().events if e["id"] > seen]
    merge.merge(team, [alice])
    (version,) = [v for v in team.team.versions([1]) if v.annotator == "alice"]
    assert version.status == "done"
    assert len(version.spans) > len(first)
    added = team.events()[events:]
    assert len(added) == len(since) + 1
    assert [e["action"] for e in added[:-1]] == [e["action"] for e in since]
    assert added[-1]["action"] == "merge_package"


def test_an_older_copy_of_a_package_is_refused(team, handed_out, tmp_path):
    alice = handed_out["alice"]
    old = tmp_path / "alice-old.db"
    shutil.copy(alice, old)
    label_all(alice, "alice", "云阳县", "REGION")
    merge.merge(team, [alice])
    before = dump(team.path)
    with pytest.raises(AnnotatorError, match="older than the one merged"):
        merge.merge(team, [old])
    assert dump(team.path) == before


def test_a_package_with_another_schema_is_refused_naming_it_and_nothing_is_merged(team, handed_out):
    label_all(handed_out["alice"], "alice", "云阳县", "REGION")
    with Project.open(handed_out["bob"], annotator="bob") as package:
        package.add_labels(["EVENT"])
    before = dump(team.path)
    with pytest.raises(AnnotatorError, match="label EVENT is only in the package"):
        merge.merge(team, [handed_out["alice"], handed_out["bob"]])  # alice's is fine, but not alone
    assert dump(team.path) == before


def test_a_project_with_reports_the_team_lacks_is_refused_naming_them(team, tmp_path):
    with Project.open(tmp_path / "mine.db", annotator="dan") as mine:
        mine.add_document(Document(text=team.text(1)))
        mine.add_document(Document(text="一份团队没有的报告。", title="外来报告"))
    before = dump(team.path)
    with pytest.raises(AnnotatorError, match="not made by `annotator assign`"):
        merge.merge(team, [tmp_path / "mine.db"])
    with pytest.raises(AnnotatorError, match="1 of its reports are not in the team file: 外来报告"):
        merge.merge(team, [tmp_path / "mine.db"], annotator="dan")
    assert dump(team.path) == before


def test_a_plain_project_merges_as_the_named_annotators_work(team, tmp_path):
    with Project.open(tmp_path / "mine.db", annotator="dan") as mine:
        doc = mine.add_document(Document(text=team.text(2)))
        mine.add_span(doc, 0, 2, "REGION")
    (result,) = merge.merge(team, [tmp_path / "mine.db"], annotator="dan")
    assert result["annotator"] == "dan"
    (version,) = team.team.versions([2])
    assert (version.annotator, len(version.spans)) == ("dan", 1)


def test_merge_is_not_undone_by_undo_and_other_windows_hear_of_it(team, handed_out):
    other = Project.open(team.path, annotator="lead")
    try:
        label_all(handed_out["alice"], "alice", "云阳县", "REGION")
        merge.merge(team, [handed_out["alice"]])
        assert not team.can_undo()
        changes = other.poll()
        assert changes.team and not changes.reload
    finally:
        other.close()


# agreement -----------------------------------------------------------------------------------------

LAYERS = {"REGION": "entity", "ORG": "entity", "METRIC": "metric"}


def version(annotator, spans):
    from annotator.core.model import Span
    from annotator.core.store.team import Version

    text = "0123456789abcdefghij"
    return Version(1, annotator, "done", [Span(s, e, label, text[s:e], attrs or {}, annotator, "manual",
                                               LAYERS[label], ref, 1)
                                          for ref, (s, e, label, attrs) in enumerate(spans, 1)])


def test_agreement_on_a_small_case_matches_the_hand_computed_values():
    a = version("a", [(0, 3, "REGION", None), (5, 9, "ORG", None), (12, 14, "REGION", None),
                      (15, 18, "METRIC", {"value": 5, "unit": "万元", "subject": 3})])
    b = version("b", [(0, 3, "REGION", None), (5, 9, "REGION", None), (12, 15, "REGION", None),
                      (15, 18, "METRIC", {"value": 5.0, "unit": "亿元", "subject": 3})])
    (pair,) = agreement.agreement([a, b], {1: 20}, LAYERS)
    region, org = pair.labels["REGION"], pair.labels["ORG"]
    # REGION: A 2 spans, B 3, one identical → 2·1/5; overlapping one to one: 2 → 4/5
    assert (region.exact_f1, region.overlap_f1) == (pytest.approx(0.4), pytest.approx(0.8))
    # characters: A's REGION 5 of 20, B's 10, agreeing on 15 → po .75, pe .25·.5 + .75·.5 = .5 → κ .5
    assert region.kappa == pytest.approx(0.5)
    assert (org.exact_f1, org.overlap_f1) == (0.0, 0.0)
    # the entity layer over characters: po 15/20, pe (5·10 + 4·0 + 11·10)/400 = .4 → κ .35/.6
    assert pair.layer_kappa("entity") == pytest.approx(0.35 / 0.6)
    assert dict(pair.confusions) == {("ORG", "REGION"): 1}
    # the METRIC both marked: same value (5 = 5.0), other unit, subjects of other extents
    assert pair.metric_compared == 1
    assert (pair.metric["value"], pair.metric["unit"], pair.metric["subject"]) == (1, 0, 0)
    result = agreement.summary([pair], LAYERS)
    assert result["confusions"][0] | {"examples": None} == {"a": "a", "a_label": "ORG", "b": "b", "b_label": "REGION",
                                                           "times": 1, "examples": None}


def test_cohens_kappa_on_characters_matches_the_textbook_example():
    """The 50-item example (20 both yes, 15 both no, 5 and 10 split): po .70, pe .50, κ .40."""
    runs = [("yy", 20), ("nn", 15), ("yn", 5), ("ny", 10)]
    spans_a, spans_b, at = [], [], 0
    for kind, n in runs:
        if kind[0] == "y":
            spans_a.append((at, at + n))
        if kind[1] == "y":
            spans_b.append((at, at + n))
        at += n
    from annotator.core.model import Span
    from annotator.core.store.team import Version

    def v(name, spans):
        return Version(1, name, "done", [Span(s, e, "REGION", "x" * (e - s), {}, name, "manual", "entity", i, 1)
                                         for i, (s, e) in enumerate(spans, 1)])
    (pair,) = agreement.agreement([v("a", spans_a), v("b", spans_b)], {1: 50}, {"REGION": "entity"})
    assert pair.labels["REGION"].kappa == pytest.approx(0.4)


def test_agreement_through_the_team_file_counts_only_reports_both_finished(team, handed_out):
    label_all(handed_out["alice"], "alice", "云阳县", "REGION")
    label_all(handed_out["bob"], "bob", "云阳县", "REGION", docs=[1])
    label_all(handed_out["bob"], "bob", "重庆", "REGION", docs=[2], done=False)
    merge.merge(team, list(handed_out.values()))
    result = agreement.measure(team)
    assert result["documents"] == 1 and result["annotators"] == ["alice", "bob"]
    assert result["labels"]["REGION"]["exact_f1"] == 1.0
    assert agreement.measure(team, ("done", "in_progress"))["documents"] == 2


def test_every_pair_of_three_annotators_is_measured(team, tmp_path):
    plan = assign.plan(team.document_ids(), ["a", "b", "c"], overlap=1.0, copies=3)
    files = assign.make_packages(team, plan, tmp_path / "three")
    for name, pattern in zip("abc", ("云阳县", "云阳县", "云阳")):
        label_all(files[name], name, pattern, "REGION", docs=[1])
    merge.merge(team, list(files.values()))
    result = agreement.measure(team)
    scores = {(p["a"], p["b"]): p["labels"]["REGION"]["exact_f1"] for p in result["pairs"]}
    assert scores == {("a", "b"): 1.0, ("a", "c"): 0.0, ("b", "c"): 0.0}
    assert list(itertools.chain(*scores)) == ["a", "b", "a", "c", "b", "c"]


# progress ---------------------------------------------------------------------------------------------

def test_progress_counts_reports_spans_and_labelling_speed_without_the_breaks(team, handed_out, monkeypatch):
    from datetime import datetime, timedelta, timezone

    from annotator.core.store import session
    from annotator.core.team import progress

    clock = {"t": datetime(2026, 12, 1, 9, 0, tzinfo=timezone.utc)}
    monkeypatch.setattr(session, "now", lambda: clock["t"].isoformat(timespec="milliseconds"))
    with Project.open(handed_out["alice"], annotator="alice") as package:
        for start in (0, 10, 20):  # a label a minute
            clock["t"] += timedelta(minutes=1)
            package.add_span(1, start, start + 2, "REGION")
        clock["t"] += timedelta(hours=3)  # lunch
        package.add_span(1, 30, 32, "ORG")
        package.set_status(1, "done")
    merge.merge(team, [handed_out["alice"]])
    alice = progress.progress(team)["annotators"]["alice"]
    assert alice["reports"] == {"todo": 4, "in_progress": 0, "done": 1, "skipped": 0}
    assert (alice["spans"]["REGION"], alice["spans"]["ORG"], alice["labels"]) == (3, 1, 4)
    assert alice["active_hours"] == pytest.approx(2 / 60, abs=1e-3)  # two minutes between labels, not the lunch
    assert alice["labels_per_hour"] == pytest.approx(120, abs=0.5)
    assert alice["days"] == {"2026-12-01": 4}
    table = progress.rows(progress.progress(team))
    assert table[0][:6] == ["annotator", "todo", "in_progress", "done", "skipped", "spans"]
    assert [r[0] for r in table[1:]] == ["alice"]


def test_offsets_after_astral_characters_survive_merge_and_every_layers_export(tmp_path):
    from annotator.core.interchange import native
    from annotator.core.interchange.records import ALL

    text = "😀𠮷👍云阳县脱贫。𠮷重庆市统计局发布。"
    with Project.open(tmp_path / "team.db", annotator="lead") as team:
        team.add_document(Document(text=text))
        files = assign.make_packages(team, assign.plan(team.document_ids(), ["alice", "bob"], overlap=1.0),
                                     tmp_path / "out")
        label_all(files["alice"], "alice", "云阳县|重庆市", "REGION")
        label_all(files["bob"], "bob", "云阳县|重庆市统计局", "ORG")
        merge.merge(team, list(files.values()))
        for layer in ("alice", "bob", ALL):
            (record,) = [json.loads(line) for line in native.lines(team, layer=layer)]
            assert record["spans"] and all(text[s["start"]:s["end"]] == s["text"] for s in record["spans"])
        assert [s.start for v in team.team.versions() for s in v.spans if v.annotator == "alice"] == [3, 10]
