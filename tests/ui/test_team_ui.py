"""The team cycle in the real window: a name on first start, labelling a package by keyboard, merging
the packages (File > Merge), agreement, adjudication by keys (Ctrl+1 / Ctrl+2), progress."""
from __future__ import annotations

import os

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from annotator.core.importer import import_paths
from annotator.core.store import Project
from annotator.core.team import assign
from tests.conftest import CORPUS
from tests.ui.conftest import open_window


def action(window, text: str):
    """A menu item by its (English) text, from whichever menu holds it."""
    return next(a for top in window.menuBar().actions() for a in top.menu().actions() if a.text() == text)


def press(qtbot, window, key, modifiers=Qt.NoModifier) -> None:
    """A key in the report, the window active (menu and label keys are window shortcuts)."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.view, key, modifiers)


def find_and_label(qtbot, window, needle: str, key) -> None:
    """Select the first `needle` in the open report as a user would (find bar, Escape) and press a label key."""
    view = window.view
    if window.snap_action.isChecked():
        window.snap_action.trigger()  # exactly these characters, not the words around them
    start = view.text.index(needle)
    view.show_range(start, start + len(needle))
    press(qtbot, window, key)


@pytest.fixture
def packages(tmp_path):
    with Project.open(tmp_path / "team.db", annotator="lead") as team:
        import_paths(team, sorted(CORPUS.glob("*.txt"))[:2])
        plan = assign.plan(team.document_ids(), ["alice", "bob"], overlap=1.0)
        files = assign.make_packages(team, plan, tmp_path / "out")
    return tmp_path / "team.db", files


def label_package(qtbot, path, name: str, label_key) -> None:
    os.environ["ANNOTATOR"] = name
    window = open_window(qtbot, path)
    try:
        assert window.name_label.text().endswith(name)
        window.open_document(1)
        find_and_label(qtbot, window, "云阳县", label_key)
        find_and_label(qtbot, window, "重庆", Qt.Key_1)
        press(qtbot, window, Qt.Key_Return, Qt.ControlModifier)  # done, next report
        assert window.project.document(1).status == "done"
        assert {s.annotator for s in window.project.spans(1)} == {name}
    finally:
        window.project.close()
        window.close()


def test_the_whole_cycle_in_the_window(qtbot, packages, monkeypatch, tmp_path):
    team_path, files = packages
    label_package(qtbot, files["alice"], "alice", Qt.Key_1)  # 云阳县 a region
    label_package(qtbot, files["bob"], "bob", Qt.Key_2)      # 云阳县 an organisation

    monkeypatch.setenv("ANNOTATOR", "lead")
    window = open_window(qtbot, team_path)
    try:
        monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(p) for p in files.values()], ""))
        window.menuBar().actions()[0].menu()  # File
        next(a for a in window.menuBar().actions()[0].menu().actions() if a.text() == "Merge packages…").trigger()
        assert "alice: 2 reports" in window.statusBar().currentMessage()
        assert window.documents.items[1].text().endswith("2 of 2 annotators done")  # the list says who finished
        assert window.project.team.with_versions() == ["alice", "bob"]

        action(window, "Agreement…").trigger()
        dialog = window.agreement_dialog
        qtbot.waitUntil(dialog.isVisible)
        cells = {(dialog.table.item(r, 1).text(), dialog.table.item(r, 0).text()): dialog.table.item(r, 4).text()
                 for r in range(dialog.table.rowCount())}
        assert cells[("REGION", "alice–bob")] == "0.67"  # 重庆 both, 云阳县 only alice: 2·1/(2+1)
        assert dialog.confusions.item(0, 0).text() == "alice said REGION where bob said ORG"
        dialog.close()

        window.open_document(1)
        press(qtbot, window, Qt.Key_J, Qt.ControlModifier | Qt.ShiftModifier)  # adjudicate
        panel = window.adjudication
        qtbot.waitUntil(panel.isVisible)
        assert [panel.list.item(i).text() for i in range(panel.list.count())] == ["云阳县"]
        assert "Ctrl+1 alice" in panel.versions.toPlainText() and "Ctrl+2 bob" in panel.versions.toPlainText()
        press(qtbot, window, Qt.Key_2, Qt.ControlModifier)  # take bob's
        gold = {(s.text, s.label, s.annotator) for s in window.project.spans(1) if s.origin != "suggested"}
        assert ("云阳县", "ORG", "lead") in gold
        assert panel.list.item(0).text() == "✓ 云阳县"
        press(qtbot, window, Qt.Key_Z, Qt.ControlModifier)  # undo the take
        assert not [s for s in window.project.spans(1) if s.text == "云阳县"]
        press(qtbot, window, Qt.Key_1, Qt.ControlModifier)  # alice's, then
        assert [(s.text, s.label) for s in window.project.spans(1) if s.text == "云阳县"] == [("云阳县", "REGION")]
        find_and_label(qtbot, window, "脱贫", Qt.Key_5)  # edit gold freely while adjudicating: the panel keeps up
        made = window.selected_span()                    # and leaves the new span selected where it was made
        assert made is not None and (made.text, made.label) == ("脱贫", "PROGRAM")

        action(window, "Progress…").trigger()
        progress = window.progress_dialog
        qtbot.waitUntil(progress.isVisible)
        assert progress.reports.rows == ["alice", "bob", "lead"]
        progress.grab().save(str(tmp_path / "progress.png"))
    finally:
        window.project.close()
        window.close()


def test_first_start_asks_the_name_and_labels_under_it(qtbot, tmp_path, monkeypatch):
    monkeypatch.delenv("ANNOTATOR")
    with Project.open(tmp_path / "p.db", annotator="someone") as p:
        import_paths(p, [CORPUS / "000_37db83bcf6bbd3b4.txt"])
    window = open_window(qtbot, tmp_path / "p.db")
    try:
        qtbot.waitUntil(lambda: getattr(window, "name_dialog", None) is not None and window.name_dialog.isVisible())
        window.name_dialog.setTextValue("王小明")
        window.name_dialog.accept()
        assert window.name_label.text().endswith("王小明")
        find_and_label(qtbot, window, "云阳县", Qt.Key_1)
        assert {s.annotator for s in window.project.spans(window.doc_id)} == {"王小明"}
        assert window.settings.value("annotator/name") == "王小明"
    finally:
        window.project.close()
        window.close()


def test_a_package_made_for_someone_else_offers_their_name(qtbot, packages, monkeypatch):
    _, files = packages
    monkeypatch.setenv("ANNOTATOR", "carol")
    window = open_window(qtbot, files["alice"])
    try:
        box = window.package_question
        qtbot.waitUntil(box.isVisible)
        assert "made for alice" in box.text()
        box.button(box.StandardButton.Yes).click()
        qtbot.waitUntil(lambda: window.project.annotator == "alice")
        assert window.name_label.text().endswith("alice")
    finally:
        window.project.close()
        window.close()


def test_hand_out_reports_from_the_window_writes_the_packages(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QDialog

    from annotator.ui.team_dialogs import AssignDialog

    with Project.open(tmp_path / "team.db", annotator="lead") as p:
        import_paths(p, [CORPUS])

    def fill(dialog):  # what the lead types into the dialog
        dialog.names.setText("alice， bob")
        dialog.overlap.setValue(40)
        dialog.folder.setText(str(tmp_path / "out"))
        return QDialog.Accepted
    monkeypatch.setattr(AssignDialog, "exec", fill)
    window = open_window(qtbot, tmp_path / "team.db")
    try:
        action(window, "Hand out reports…").trigger()
        assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["alice.db", "bob.db"]
        assert "2 packages written" in window.statusBar().currentMessage()
        shared = [d for d, who in window.project.team.assignments().items() if len(who) == 2]
        assert len(shared) == 2  # 40 % of 5 reports
    finally:
        window.project.close()
        window.close()


def test_a_spoilt_name_in_the_settings_is_asked_again_not_a_crash(qtbot, tmp_path, monkeypatch):
    from annotator.ui.app import settings

    monkeypatch.delenv("ANNOTATOR")
    settings().setValue("annotator/name", "bad\x07name")
    with Project.open(tmp_path / "p.db", annotator="someone") as p:
        import_paths(p, [CORPUS / "000_37db83bcf6bbd3b4.txt"])
    window = open_window(qtbot, tmp_path / "p.db")
    try:
        qtbot.waitUntil(lambda: getattr(window, "name_dialog", None) is not None and window.name_dialog.isVisible())
    finally:
        window.project.close()
        window.close()
