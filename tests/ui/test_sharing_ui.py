"""The window beside other programs on the same file, and what it redraws after a change."""
from __future__ import annotations

import sqlite3
import subprocess
import sys

from PySide6.QtCore import Qt

from annotator.core.model import Document
from annotator.core.store import Project
from tests.ui.test_window import select


def errors_of(window, monkeypatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(window, "error", shown.append)
    return shown


def test_accepting_a_suggestion_changes_one_row_and_rereads_nothing(window, qtbot):
    window.run_suggest(False)
    table = window.span_table.model_
    rows_before = table.rowCount()
    resets, inserted, removed, changed = [], [], [], []
    table.modelReset.connect(lambda: resets.append(1))
    table.dataChanged.connect(lambda first, last, *_: changed.append((first.row(), last.row())))
    table.rowsInserted.connect(lambda *a: inserted.append(a[1]))
    table.rowsRemoved.connect(lambda *a: removed.append(a[1]))
    items = [window.documents.list.item(i) for i in range(window.documents.list.count())]
    calls = []
    original = window.project.spans
    window.project.spans = lambda *a, **k: calls.append(a) or original(*a, **k)
    qtbot.keyClick(window.view, Qt.Key_Tab)
    suggestion = window.selected_span()
    assert suggestion.origin == "suggested"
    qtbot.keyClick(window.view, Qt.Key_Return)
    assert window.project.span(suggestion.id).origin == "manual"
    assert resets == inserted == removed == [] and table.rowCount() == rows_before
    (row, last), = changed  # the one row, in place: it keeps its position in the order
    assert row == last and table.rows[row].id == suggestion.id and table.data(table.index(row, 1)) == suggestion.label
    assert calls == []  # the report's spans were not read again
    assert [window.documents.list.item(i) for i in range(window.documents.list.count())] == items  # not refilled
    row = window.documents.list.currentItem().text()
    assert "In progress" in row  # the one row that changed says so


def test_what_another_program_writes_appears_in_the_window(window, qtbot):
    other = Project.open(window.project.path, annotator="colleague")
    try:
        made = other.add_span(window.doc_id, 0, 2, "DATE")
        qtbot.waitUntil(lambda: made.id in window.view.spans, timeout=3000)
        assert window.span_table.model_.rowCount() == len(window.view.spans)
        other.set_status(window.doc_id, "done")
        qtbot.waitUntil(lambda: "Done" in window.documents.list.currentItem().text(), timeout=3000)
        other.add_document(Document(text="新的报告:云阳县。", title="新报告"))
        qtbot.waitUntil(lambda: window.documents.list.count() == 6, timeout=3000)
    finally:
        other.close()


def test_labelling_while_the_command_line_imports_into_the_same_file(window, qtbot, tmp_path, monkeypatch):
    shown = errors_of(window, monkeypatch)
    folder = tmp_path / "incoming"
    folder.mkdir()
    for i in range(60):
        (folder / f"r{i:03d}.txt").write_text(f"第{i}份报告\n云阳县{i}万贫困群众如期脱贫。" * 30, encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "annotator", "import", str(folder), "-p",
                             str(window.project.path), "--suggest"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    made, position = [], 0
    text = window.view.text
    while proc.poll() is None or not made:
        position = text.index("贫困", position + 1) if "贫困" in text[position + 1:] else 0
        select(window, "贫困", occurrence=text.count("贫困", 0, position))
        before = set(window.view.spans)
        qtbot.keyClick(window.view, Qt.Key_6)
        made += [i for i in window.view.spans if i not in before]
        qtbot.wait(20)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    assert "60 imported" in out and "database is locked" not in err
    assert shown == []  # no dialog, no error: every key did what it said
    stored = {s.id for s in window.project.spans(window.doc_id)}
    assert made and set(made) <= stored
    qtbot.waitUntil(lambda: window.documents.list.count() == 65, timeout=3000)


def test_a_busy_file_is_said_plainly_and_nothing_is_shown_as_done(window, qtbot, monkeypatch):
    shown = errors_of(window, monkeypatch)
    other = sqlite3.connect(window.project.path)
    other.execute("BEGIN IMMEDIATE")
    window.project.db.execute("PRAGMA busy_timeout = 50")
    try:
        select(window, "云阳县委宣传部")
        qtbot.keyClick(window.view, Qt.Key_2)
    finally:
        other.rollback()
        other.close()
    assert shown and "the project is busy: another program is writing to it" in shown[0]
    assert window.view.spans == {} and window.span_table.model_.rowCount() == 0
    assert window.project.spans(window.doc_id) == []


def test_undo_of_a_span_another_window_changed_is_refused_and_the_next_undo_works(window, qtbot, monkeypatch):
    shown = errors_of(window, monkeypatch)
    select(window, "云阳县委宣传部")
    qtbot.keyClick(window.view, Qt.Key_2)
    select(window, "天生云阳")
    qtbot.keyClick(window.view, Qt.Key_5)
    last = window.selected_span()
    other = Project.open(window.project.path, annotator="colleague")
    try:
        other.update_span(last.id, label="ORG")
    finally:
        other.close()
    qtbot.waitUntil(lambda: window.view.spans[last.id].label == "ORG", timeout=3000)
    qtbot.keyClick(window.view, Qt.Key_Z, Qt.ControlModifier)
    assert len(shown) == 1 and "changed since by another window or program" in shown[0]
    assert window.project.span(last.id).label == "ORG"
    qtbot.keyClick(window.view, Qt.Key_Z, Qt.ControlModifier)  # the step below: 云阳县委宣传部 goes
    assert [s.text for s in window.project.spans(window.doc_id)] == ["天生云阳"]
    assert [s.text for s in window.view.spans.values()] == ["天生云阳"]


def test_a_read_only_project_says_why_labelling_is_off(window, qtbot, monkeypatch):
    shown = errors_of(window, monkeypatch)
    window.project.session.read_only = "the file is read-only"
    select(window, "云阳县委宣传部")
    qtbot.keyClick(window.view, Qt.Key_2)
    assert shown == [] and "open read-only (the file is read-only)" in window.statusBar().currentMessage()
    assert window.view.spans == {}


def test_suggesting_for_every_report_can_be_cancelled(window, qtbot, monkeypatch):
    from PySide6.QtWidgets import QProgressDialog

    monkeypatch.setattr(QProgressDialog, "wasCanceled", lambda self: True)
    window.run_suggest(True)
    assert window.statusBar().currentMessage() == "0 suggestions added"
    assert all(window.project.spans(d) == [] for d in window.project.document_ids())
    window.view.set_cursor(0)
    qtbot.keyClick(window.view, Qt.Key_Tab)  # nothing to step to, nothing shown
    assert window.view.spans == {}


def test_two_windows_on_one_file_see_each_other_and_undo_their_own(window, qtbot, monkeypatch):
    from annotator.ui.app import settings
    from annotator.ui.main_window import MainWindow

    other = MainWindow(Project.open(window.project.path), settings(), english=True)
    qtbot.addWidget(other)
    other.show()
    shown, shown_other = errors_of(window, monkeypatch), errors_of(other, monkeypatch)
    try:
        other.open_document(window.doc_id)
        select(window, "云阳县委宣传部")
        qtbot.keyClick(window.view, Qt.Key_2)
        mine = window.selected_span()
        qtbot.waitUntil(lambda: mine.id in other.view.spans, timeout=3000)
        select(other, "天生云阳")
        qtbot.keyClick(other.view, Qt.Key_5)
        theirs = other.selected_span()
        qtbot.waitUntil(lambda: theirs.id in window.view.spans, timeout=3000)
        qtbot.keyClick(other.view, Qt.Key_Z, Qt.ControlModifier)  # the other window undoes its own span only
        assert {s.id for s in other.project.spans(other.doc_id)} == {mine.id}
        qtbot.waitUntil(lambda: theirs.id not in window.view.spans, timeout=3000)
        assert mine.id in window.view.spans and window.project.can_undo()
        assert shown == shown_other == []
    finally:
        other.close()
        other.project.close()
