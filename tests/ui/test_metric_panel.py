"""Editing a metric in the window: proposals shown, values edited and validated, links made by key and click."""
from PySide6.QtCore import Qt

from tests.ui.test_window import point_of, select


def metric(window):
    return next(s for s in window.project.spans(window.doc_id) if s.label == "METRIC")


def test_a_new_metric_shows_its_proposals_and_edits_are_saved(window, qtbot):
    s = window.view.text.index("云阳不仅")  # the same sentence as 431亿元
    cursor = window.view.textCursor()
    cursor.setPosition(window.view.map.to_qt(s))
    cursor.setPosition(window.view.map.to_qt(s + 2), cursor.MoveMode.KeepAnchor)
    window.view.setTextCursor(cursor)
    qtbot.keyClick(window.view, Qt.Key_1)  # REGION 云阳
    select(window, "431亿元")
    qtbot.keyClick(window.view, Qt.Key_6)  # METRIC
    m = metric(window)
    assert (m.attrs["value"], m.attrs["unit"], m.attrs["subject"]) == (43100000000, "元", window.project.spans(
        window.doc_id)[0].id)
    panel = window.attributes
    assert panel.editors["value"].text() == "43100000000" and panel.editors["value"].font().italic()
    panel.editors["value"].setText("431.5亿")  # a correction, written the way reports write it
    panel.editors["value"].editingFinished.emit()
    m = metric(window)
    assert m.attrs["value"] == 43150000000 and "value" not in m.attrs["proposed"]
    panel.editors["value"].setText("很多")
    panel.editors["value"].editingFinished.emit()
    assert metric(window).attrs["value"] == 43150000000  # refused, the field turns red
    assert "background" in panel.editors["value"].styleSheet()


def test_accept_proposals_with_one_key(window, qtbot):
    select(window, "431亿元")
    qtbot.keyClick(window.view, Qt.Key_6)
    assert metric(window).attrs.get("proposed")
    qtbot.keyClick(window.view, Qt.Key_F9)
    assert "proposed" not in metric(window).attrs
    assert not window.attributes.editors["value"].font().italic()


def test_link_the_period_by_key_then_click(window, qtbot):
    select(window, "2019年")
    qtbot.keyClick(window.view, Qt.Key_4)  # DATE
    date = next(s for s in window.project.spans(window.doc_id) if s.label == "DATE")
    select(window, "12个")
    qtbot.keyClick(window.view, Qt.Key_6)
    assert metric(window).attrs.get("period") == date.id  # proposed: the DATE before it in its sentence
    window.edit_attributes({k: v for k, v in metric(window).attrs.items() if k != "period"})
    assert "period" not in metric(window).attrs
    qtbot.keyClick(window.view, Qt.Key_F8)
    qtbot.mouseClick(window.view.viewport(), Qt.LeftButton, Qt.NoModifier, point_of(window, date.start))
    m = metric(window)
    assert m.attrs["period"] == date.id and "period" not in m.attrs.get("proposed", [])
    assert window.selected_span().id == m.id  # the metric stays selected
    assert [s.id for s in window.view.linked(m)] == [date.id]  # drawn dashed around the date


def test_indicator_by_type_ahead(window, qtbot):
    select(window, "431亿元")
    qtbot.keyClick(window.view, Qt.Key_6)
    box = window.attributes.editors["indicator"]
    qtbot.waitUntil(box.isVisible)  # new editors show on the next turn of the event loop, as for a user
    qtbot.keyClick(window.view, Qt.Key_F2)
    assert window.focusWidget() in (box, box.lineEdit())
    box.setCurrentIndex(box.findData("收入"))
    box.activated.emit(box.currentIndex())
    assert metric(window).attrs["indicator"] == "收入"
