"""Undo and redo come from the event log: every change, any order, and they survive a restart."""
import pytest
from hypothesis import settings, strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from annotator.core.model import Document, SpanError
from annotator.core.store import Project

TEXT = "云阳县13.4万贫困群众如期脱贫。2019年GDP达到431亿元。"


def state(project, doc):
    return ([(s.id, s.start, s.end, s.label, s.attrs) for s in project.spans(doc)],
            [(r.id, r.source_id, r.target_id, r.type) for r in project.relations(doc)],
            project.document(doc).status)


def test_each_kind_of_change_undoes_and_redoes(project, doc_id):
    states = [state(project, doc_id)]
    region = project.add_span(doc_id, 0, 3, "REGION")
    states.append(state(project, doc_id))
    metric = project.add_span(doc_id, 3, 8, "METRIC", attrs={"value": 134000})
    states.append(state(project, doc_id))
    project.add_relation(metric.id, region.id, "subject")
    states.append(state(project, doc_id))
    project.update_span(region.id, label="ORG")
    states.append(state(project, doc_id))
    project.set_status(doc_id, "done")
    states.append(state(project, doc_id))
    project.delete_span(region.id)  # takes its relation with it
    states.append(state(project, doc_id))
    for expected in reversed(states[:-1]):
        assert project.undo() == [doc_id]
        assert state(project, doc_id) == expected
    assert not project.can_undo() and project.undo() == []
    for expected in states[1:]:
        assert project.redo() == [doc_id]
        assert state(project, doc_id) == expected
    assert not project.can_redo()


def test_a_new_change_clears_redo(project, doc_id):
    project.add_span(doc_id, 0, 3, "REGION")
    project.undo()
    assert project.can_redo()
    project.add_span(doc_id, 3, 8, "METRIC")
    assert not project.can_redo()


def test_undo_survives_a_restart(tmp_path):
    path = tmp_path / "p.db"
    with Project.open(path) as p:
        doc = p.add_document(Document(text=TEXT))
        p.add_span(doc, 0, 3, "REGION")
        p.add_span(doc, 3, 8, "METRIC")
        p.undo()
    with Project.open(path) as p:
        assert [s.text for s in p.spans(doc)] == ["云阳县"]
        assert p.can_undo() and p.can_redo()
        p.redo()
        assert [s.text for s in p.spans(doc)] == ["云阳县", "13.4万"]


def test_each_annotator_undoes_their_own_changes(tmp_path):
    path = tmp_path / "p.db"
    with Project.open(path, annotator="li") as li:
        doc = li.add_document(Document(text=TEXT))
        li.add_span(doc, 0, 3, "REGION")
    with Project.open(path, annotator="wang") as wang:
        wang.add_span(doc, 3, 8, "METRIC")
    with Project.open(path, annotator="li") as li:
        li.undo()
        assert [(s.text, s.annotator) for s in li.spans(doc)] == [("13.4万", "wang")]


def test_a_batch_undoes_as_one(project, doc_id):
    with project.change():
        project.add_span(doc_id, 0, 3, "REGION")
        project.add_span(doc_id, 3, 8, "METRIC")
    assert len(project.spans(doc_id)) == 2
    project.undo()
    assert project.spans(doc_id) == []


def test_a_failing_change_leaves_nothing_behind(project, doc_id):
    with pytest.raises(SpanError):
        with project.change():
            project.add_span(doc_id, 0, 3, "REGION")
            project.add_span(doc_id, 1, 3, "ORG")  # overlaps: the whole action fails
    assert project.spans(doc_id) == [] and not project.can_undo()


def test_import_and_schema_changes_are_not_undone(project, doc_id):
    assert not project.can_undo()  # the import
    project.add_span(doc_id, 0, 3, "REGION")
    project.set_schema(project.schema)
    assert project.can_undo()
    project.undo()
    assert project.spans(doc_id) == [] and project.document_ids() == [doc_id]


class UndoRedoMachine(RuleBasedStateMachine):
    """Random changes, undos and redos: the project always matches a model of the history."""

    def __init__(self):
        super().__init__()
        self.project = Project.open(None)
        self.doc = self.project.add_document(Document(text=TEXT))
        self.past = [state(self.project, self.doc)]  # states reachable by undo
        self.future = []  # states reachable by redo

    def changed(self):
        self.past.append(state(self.project, self.doc))
        self.future.clear()

    @rule(start=st.integers(0, len(TEXT) - 1), length=st.integers(1, 6),
          label=st.sampled_from(["REGION", "ORG", "METRIC"]))
    def add(self, start, length, label):
        try:
            self.project.add_span(self.doc, start, min(start + length, len(TEXT)), label)
        except SpanError:
            return
        self.changed()

    @precondition(lambda self: self.project.spans(self.doc))
    @rule(data=st.data())
    def edit(self, data):
        span = data.draw(st.sampled_from(self.project.spans(self.doc)))
        how = data.draw(st.sampled_from(["delete", "grow", "relabel"]))
        try:
            if how == "delete":
                self.project.delete_span(span.id)
            elif how == "grow":
                self.project.update_span(span.id, end=min(span.end + 1, len(TEXT)))
            else:
                self.project.update_span(span.id, label="PERSON" if span.layer == "entity" else "METRIC")
        except SpanError:
            return
        self.changed()

    @rule(status=st.sampled_from(["todo", "in_progress", "done"]))
    def status(self, status):
        self.project.set_status(self.doc, status)
        self.changed()

    @rule()
    def undo(self):
        self.project.undo()
        if len(self.past) > 1:
            self.future.append(self.past.pop())

    @rule()
    def redo(self):
        self.project.redo()
        if self.future:
            self.past.append(self.future.pop())

    @invariant()
    def matches_the_model(self):
        assert state(self.project, self.doc) == self.past[-1]
        assert self.project.can_undo() == (len(self.past) > 1)
        assert self.project.can_redo() == bool(self.future)

    def teardown(self):
        self.project.close()


TestUndoRedo = UndoRedoMachine.TestCase
TestUndoRedo.settings = settings(max_examples=60, stateful_step_count=25, deadline=None)


def test_undo_says_what_it_undid(project, doc_id):
    project.suggest([doc_id])
    pending = len(project.spans(doc_id, origin="suggested"))
    with project.change():
        project.reject_all(doc_id)
        project.set_status(doc_id, "done")
    project.undo()
    assert project.history.last == ("reject", "", "", pending)  # not "delete METRIC …"
    span = project.add_span(doc_id, 0, 3, "REGION")
    project.undo()
    assert project.history.last[:3] == ("add_span", "REGION", "云阳县") and span.id not in [s.id for s in project.spans(doc_id)]
