"""Suggestions in the window: drawn apart, Enter accepts, Backspace rejects, Tab moves on, undo works."""
from PySide6.QtCore import Qt


def suggestions(window):
    return [s for s in window.project.spans(window.doc_id) if s.origin == "suggested"]


def test_accept_reject_and_undo_by_keyboard(window, qtbot):
    qtbot.keyClick(window.view, Qt.Key_G, Qt.ControlModifier)  # suggest this report
    before = suggestions(window)
    assert len(before) > 10 and "suggestions added" in window.statusBar().currentMessage()
    window.view.set_cursor(0)
    qtbot.keyClick(window.view, Qt.Key_Tab)
    first = window.selected_span()
    assert first.origin == "suggested"
    qtbot.keyClick(window.view, Qt.Key_Return)  # accept, and move to the next
    assert window.project.span(first.id).origin == "manual"
    second = window.selected_span()
    assert second.id != first.id and second.origin == "suggested"
    qtbot.keyClick(window.view, Qt.Key_Backspace)  # reject
    assert all(s.id != second.id for s in window.project.spans(window.doc_id))
    assert window.selected_span() is not None  # on to the one after
    qtbot.keyClick(window.view, Qt.Key_Z, Qt.ControlModifier)  # undo the rejection
    assert second.id in [s.id for s in suggestions(window)]
    assert second.id in window.view.spans  # and it is drawn again


def test_suggestions_are_drawn_lighter_than_annotations(window, qtbot):
    window.run_suggest(False)
    s = suggestions(window)[0]
    accepted = window.view.formats[(s.label, False)]
    suggested = window.view.formats[(s.label, True)]
    assert suggested != accepted and suggested.underlineStyle() == suggested.UnderlineStyle.DotLine


def test_accept_all_of_a_label(window, qtbot):
    window.run_suggest(False)
    metric = next(s for s in suggestions(window) if s.label == "METRIC")
    window.select_span(window.view.spans[metric.id])
    qtbot.keyClick(window.view, Qt.Key_Return, Qt.ControlModifier | Qt.ShiftModifier)
    assert not [s for s in suggestions(window) if s.label == "METRIC"]
    assert [s for s in suggestions(window) if s.label == "DATE"]  # other labels untouched
    qtbot.keyClick(window.view, Qt.Key_Z, Qt.ControlModifier)  # one undo for the lot
    assert len([s for s in suggestions(window) if s.label == "METRIC"]) > 10


def test_a_word_list_from_the_menu_is_suggested_in_the_report(window, qtbot, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

    word = "晚熟柑橘"  # in 泥溪晚熟柑橘产业园 of the first report; no built-in source suggests it
    assert word in window.project.text(window.doc_id)
    names = tmp_path / "names.txt"
    names.write_text(f"# ours\n{word}\n", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(names), ""))
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("PROGRAM", True))
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: shown.append(text))
    action = next(a for a in window.menuBar().actions() if "Suggest" in a.text() or "建议" in a.text())
    add = next(a for a in action.menu().actions() if a.text().startswith(("Add a word list", "为标签添加词表")))
    add.trigger()
    assert shown and shown[0].startswith(("1 added", "已添加 1 条"))
    qtbot.keyClick(window.view, Qt.Key_G, Qt.ControlModifier)
    assert any(s.text == word and s.label == "PROGRAM" and s.source == "lexicon" for s in suggestions(window))


def test_suggestions_are_found_off_the_window_thread_while_it_keeps_running(window, qtbot, monkeypatch):
    """Finding runs on a worker thread: the window's event loop (here a timer) runs while a report's
    suggestions are being found, and what is found is stored and drawn on the window's thread."""
    import threading

    from PySide6.QtCore import QTimer

    from annotator.core.suggest.suggester import Suggester

    find = Suggester.judge  # what the worker runs for each report
    seen = {}
    loop_ran = threading.Event()

    def slow_find(self, text):
        seen["thread"] = threading.current_thread()
        loop_ran.wait(10)  # set by a timer on the window's thread: never, if this blocked that thread
        return find(self, text)

    monkeypatch.setattr(Suggester, "judge", slow_find)
    QTimer.singleShot(50, loop_ran.set)
    window.run_suggest(False)
    assert seen["thread"] is not threading.main_thread() and loop_ran.is_set()
    assert suggestions(window) and all(s.id in window.view.spans for s in suggestions(window))


def test_a_skipped_team_pattern_is_named_in_the_window(window, qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from annotator.core.model import Document
    from annotator.core.suggest import suggester

    monkeypatch.setattr(suggester, "PATTERN_SECONDS", 0.05)
    window.project.add_lexicon("PROGRAM", ["(1|11)+$"], "pattern")
    window.project.add_document(Document(text="云阳县的编号:" + "1" * 60 + "!"))
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    window.run_suggest(True)
    assert len(shown) == 1 and "'(1|11)+$' (PROGRAM)" in shown[0]
    assert suggestions(window)  # the other sources went on
