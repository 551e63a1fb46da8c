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
