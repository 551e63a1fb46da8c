"""The annotator's day on a long real report (tests/fixtures/reports: the 2026 Guangdong work report, 32,953
characters) and on a demo report (corpus/000): most tests run on both (`report_window`)."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from annotator.core.model import Document
from annotator.core.store import Project

REPORT = Path(__file__).resolve().parents[1] / "fixtures" / "reports" / "guangdong-2026.txt"
DEMO = Path(__file__).resolve().parents[2] / "corpus" / "000_37db83bcf6bbd3b4.txt"


def _window(qtbot, tmp_path, source: Path):
    from annotator.core import segment
    from annotator.core.importer import import_paths
    from annotator.ui.app import settings
    from annotator.ui.main_window import MainWindow

    path = tmp_path / "long.db"
    with Project.open(path) as p:
        if source == REPORT:
            p.add_document(Document(text=REPORT.read_text(encoding="utf-8"), title="广东省政府工作报告"))
        else:
            import_paths(p, [source])  # a scraped page, cleaned as an import cleans it
    segment.start().join()
    win = MainWindow(Project.open(path), settings(), english=True)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture
def long_window(qtbot, tmp_path):
    win = _window(qtbot, tmp_path, REPORT)
    yield win
    win.project.close()


@pytest.fixture(params=[REPORT, DEMO], ids=["long-report", "demo-000"])
def report_window(qtbot, tmp_path, request):
    win = _window(qtbot, tmp_path, request.param)
    yield win
    win.project.close()


def repeated(view, times: int = 3) -> str:
    """The text of a suggested entity that occurs at least `times` times in the report."""
    return next(s.text for s in view.order if s.origin == "suggested" and s.layer == "entity"
                and len(s.text) >= 2 and view.text.count(s.text) >= times)


def on_screen_unpainted(view) -> list[str]:
    """Spans in blocks on screen whose block carries no span formats."""
    doc, layout = view.document(), view.document().documentLayout()
    top, bottom = view.verticalScrollBar().value(), view.verticalScrollBar().value() + view.viewport().height()
    missing = []
    block = doc.begin()
    while block.isValid():
        rect = layout.blockBoundingRect(block)
        if rect.bottom() >= top and rect.top() <= bottom:
            start = view.map.from_qt(block.position())
            end = view.map.from_qt(block.position() + block.length() - 1)
            if view.spans_between(start, end) and not block.layout().formats():
                missing.append(block.text()[:20])
        block = block.next()
    return missing


def test_the_first_screen_is_painted_after_opening_and_after_suggesting(report_window, qtbot):
    long_window = report_window
    view = long_window.view
    long_window.run_suggest(False)
    assert len(view.spans) > 20
    qtbot.waitUntil(lambda: bool(view.drawn), timeout=15000)
    assert on_screen_unpainted(view) == []
    long_window.project.close()  # open it again: spans are there from the start
    from annotator.ui.app import settings
    from annotator.ui.main_window import MainWindow
    again = MainWindow(Project.open(long_window.project.path), settings(), english=True)
    qtbot.addWidget(again)
    again.resize(1280, 800)
    again.show()
    qtbot.waitExposed(again)
    qtbot.waitUntil(lambda: bool(again.view.drawn), timeout=15000)
    assert on_screen_unpainted(again.view) == []
    qtbot.keyClick(again.view, Qt.Key_End, Qt.ControlModifier)  # far down: painted there too
    qtbot.waitUntil(lambda: on_screen_unpainted(again.view) == [], timeout=15000)
    again.project.close()


def test_enter_in_the_find_bar_finds_on_and_never_accepts(report_window, qtbot):
    window, view = report_window, report_window.view
    window.run_suggest(False)
    window.activateWindow()
    view.setFocus()
    qtbot.keyClick(view, Qt.Key_Tab)
    suggestion = window.selected_span()
    assert suggestion.origin == "suggested"
    qtbot.keyClick(view, Qt.Key_F, Qt.ControlModifier)
    needle = repeated(view, 4)
    window.find_bar.setText(needle)
    found = []
    for _ in range(3):  # Enter, Enter, Enter: the next match each time, the keys stay in the bar
        qtbot.keyClick(window.find_bar, Qt.Key_Return)
        found.append(view.selection())
        qtbot.waitUntil(window.find_bar.hasFocus, timeout=15000)
    assert window.project.span(suggestion.id).origin == "suggested"  # nothing accepted
    assert [view.text[a:b] for a, b in found] == [needle] * 3 and found == sorted(set(found))
    qtbot.keyClick(window.find_bar, Qt.Key_Return, Qt.ShiftModifier)  # back one
    assert view.selection() == found[1]
    qtbot.keyClick(window.find_bar, Qt.Key_Escape)  # back to the report, the match selected: a digit labels it
    qtbot.waitUntil(view.hasFocus, timeout=15000)
    window.snap_action.trigger()  # exactly the match
    qtbot.keyClick(view, Qt.Key_1)
    assert (window.selected_span().start, window.selected_span().end) == found[1]


def test_label_all_occurrences_leaves_no_suggestion_under_the_new_spans(report_window, qtbot, tmp_path):
    long_window = report_window
    import json

    from annotator.core.interchange import native

    window, view = long_window, long_window.view
    window.run_suggest(False)
    needle = repeated(view)  # suggested where it stands alone, perhaps inside longer names elsewhere
    start = view.text.index(needle)
    view.set_cursor(start)
    cursor = view.textCursor()
    cursor.setPosition(view.map.to_qt(start + len(needle)), cursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    window.snap_action.trigger()  # exactly these two characters
    qtbot.keyClick(view, Qt.Key_1)
    qtbot.keyClick(view, Qt.Key_L, Qt.ControlModifier)
    made = [s for s in view.spans.values() if s.text == needle and s.origin == "manual"]
    assert len(made) >= 3
    for span in made:  # Tab from each new span goes past the places it covers
        entity_suggestions = [s for s in view.spans_between(span.start, span.end)
                              if s.layer == "entity" and s.origin == "suggested"]
        assert entity_suggestions == []
    native.export(window.project, tmp_path / "all.jsonl", with_suggestions=True)
    record = json.loads((tmp_path / "all.jsonl").read_text(encoding="utf-8").splitlines()[0])
    entity = [(s["start"], s["end"]) for s in record["spans"] if s["label"] != "METRIC"]
    assert all(b <= c for (a, b), (c, d) in zip(sorted(entity), sorted(entity)[1:]))  # no two overlap


def test_edge_moves_follow_the_selection_rule_on_spaces(report_window, qtbot):
    window, view = report_window, report_window.view
    text = view.text  # a space between two words: 广东省省长 孟凡利, 今日重庆网 2020-09-11
    at = next(i for i in range(2, len(text) - 2) if text[i] == " " and not text[i - 2:i].isspace()
              and text[i - 2:i].strip() == text[i - 2:i] and not text[i + 1].isspace())
    view.set_cursor(at - 2)
    cursor = view.textCursor()
    cursor.setPosition(view.map.to_qt(at), cursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    window.snap_action.trigger()
    qtbot.keyClick(view, Qt.Key_2)
    assert window.selected_span().text == text[at - 2:at]
    qtbot.keyClick(view, Qt.Key_Right, Qt.ControlModifier | Qt.ShiftModifier)
    assert window.project.span(window.selected_span().id).text == text[at - 2:at + 2]  # past the space, never onto it
    qtbot.keyClick(view, Qt.Key_Left, Qt.ControlModifier | Qt.ShiftModifier)
    assert window.project.span(window.selected_span().id).text == text[at - 2:at]


def test_marking_done_with_pending_suggestions_asks_first(report_window, qtbot, monkeypatch):
    window = report_window
    window.run_suggest(False)
    doc = window.doc_id
    pending = len(window.project.spans(doc, origin="suggested"))
    asked = []
    monkeypatch.setattr(window, "ask_pending", lambda count: asked.append(count) or "cancel")
    qtbot.keyClick(window.view, Qt.Key_Return, Qt.ControlModifier)
    assert asked == [pending] and window.project.document(doc).status == "todo"  # cancelled: nothing changed
    monkeypatch.setattr(window, "ask_pending", lambda count: "reject")
    qtbot.keyClick(window.view, Qt.Key_Return, Qt.ControlModifier)
    assert window.project.document(doc).status == "done" and window.project.spans(doc, origin="suggested") == []
    assert f"{pending} suggestions rejected" in window.statusBar().currentMessage()
    window.open_document(doc)  # the next report may have opened
    window.project.undo()  # one step: the suggestions and the status come back
    assert window.project.document(doc).status == "todo"
    assert len(window.project.spans(doc, origin="suggested")) == pending


def test_double_click_selects_a_word_not_a_clause(report_window, qtbot):
    import re

    from tests.ui.test_window import point_of

    view = report_window.view
    run = re.search("[\u4e00-\u9fff]{12,}", view.text)  # a clause of Chinese without punctuation
    start = run.start() + 5
    qtbot.mouseDClick(view.viewport(), Qt.LeftButton, Qt.NoModifier, point_of(report_window, start))
    a, b = view.selection()
    assert a <= start < b and b - a <= 6  # jieba's word, not the clause around it


def test_suggested_metrics_come_with_subject_and_period(report_window, qtbot):
    window = report_window
    window.run_suggest(False)
    from annotator.core.sentences import clause_bounds

    spans, text = list(window.view.spans.values()), window.view.text
    metrics = [s for s in spans if s.label == "METRIC"]
    assert metrics and all("subject" in m.attrs for m in metrics)  # the clause's place, else the report's
    dated = [m for m in metrics if any(s.label == "DATE" and clause_bounds(text, m.start, m.end)[0] <= s.start
                                       and s.end <= m.start for s in spans)]
    assert dated and all("period" in m.attrs for m in dated)  # a date before it in its clause: its period
    metric = dated[0]
    window.select_span(metric)
    qtbot.keyClick(window.view, Qt.Key_Return)  # accept: the proposals stay, shown in the panel
    accepted = window.project.span(metric.id)
    assert accepted.origin == "manual" and accepted.attrs["subject"] == metric.attrs["subject"]
    window.select_span(window.view.spans[metric.id])
    assert "subject" in window.attributes.editors and "period" in window.attributes.editors


def test_a_typed_indicator_is_saved_and_joins_the_projects_list(report_window, qtbot):
    window, view = report_window, report_window.view
    window.run_suggest(False)
    metric = next(s for s in view.order if s.label == "METRIC")
    window.select_span(metric)
    qtbot.keyClick(view, Qt.Key_Return)  # accepted, then the panel edits it
    window.select_span(view.spans[metric.id])
    box = window.attributes.editors["indicator"]
    qtbot.waitUntil(box.isVisible)
    qtbot.keyClick(view, Qt.Key_F2)
    box.lineEdit().setText("增速")
    qtbot.keyClick(box.lineEdit(), Qt.Key_Return)
    qtbot.waitUntil(lambda: window.project.span(metric.id).attrs.get("indicator") == "增速")  # saved, not only shown
    assert "增速" in [i.key for i in window.project.schema.indicators]
    assert "增速" in window.statusBar().currentMessage()


def test_the_span_table_filters_and_pending_suggestions_have_their_own_keys(report_window, qtbot):
    window, view, table = report_window, report_window.view, report_window.span_table
    window.run_suggest(False)
    total = table.model_.rowCount()
    table.label.setCurrentIndex(table.label.findData("DATE"))
    assert 0 < table.model_.rowCount() < total and all(s.label == "DATE" for s in table.model_.rows)
    table.label.setCurrentIndex(0)
    table.origin.setCurrentIndex(table.origin.findData("annotation"))
    assert table.model_.rowCount() == 0
    table.origin.setCurrentIndex(table.origin.findData("suggested"))
    assert table.model_.rowCount() == total and table.row_texts(0)[3]  # source and confidence shown
    first = view.order[0]
    window.select_span(first)
    window.accept_suggestion()  # Enter: accepted, and the table of suggestions loses that row
    assert table.model_.rowCount() == total - 1
    qtbot.keyClick(view, Qt.Key_F4)  # F4: the next suggestion still pending
    assert window.selected_span().origin == "suggested" and window.selected_span().start > first.start
    label = window.selected_span().label
    pending = sum(1 for s in view.spans.values() if s.origin == "suggested" and s.label == label)
    qtbot.keyClick(view, Qt.Key_Backspace, Qt.ControlModifier | Qt.ShiftModifier)  # reject all of that label
    assert not [s for s in view.spans.values() if s.origin == "suggested" and s.label == label]
    assert f"{pending} suggestions rejected" in window.statusBar().currentMessage()


def test_suggestions_and_labels_can_be_hidden(report_window, qtbot):
    window, view = report_window, report_window.view
    window.run_suggest(False)
    qtbot.keyClick(view, Qt.Key_H, Qt.ControlModifier | Qt.ShiftModifier)  # hide suggestions
    qtbot.waitUntil(lambda: bool(view.drawn), timeout=15000)
    assert not any(b.layout().formats() for b in (view.document().findBlockByNumber(n) for n in view.drawn))
    view.set_cursor(0)
    qtbot.keyClick(view, Qt.Key_Tab)  # nothing shown to step to
    assert window.selected_span() is None
    qtbot.keyClick(view, Qt.Key_H, Qt.ControlModifier | Qt.ShiftModifier)  # back
    dates = next(a for a in window.shown_menu.actions() if a.data() == "DATE")
    dates.setChecked(False)  # every label but DATE
    assert view.spans_between(0, len(view.text)) and all(s.label != "DATE" for s in view.spans_between(0, len(view.text)))
    for _ in range(5):
        qtbot.keyClick(view, Qt.Key_Tab)
        assert window.selected_span().label != "DATE"


def test_notes_on_a_span_and_on_the_report(report_window, qtbot, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    window, view = report_window, report_window.view
    window.run_suggest(False)
    qtbot.keyClick(view, Qt.Key_Tab)
    span = window.selected_span()
    monkeypatch.setattr(QInputDialog, "getMultiLineText", lambda *a: ("是否算作机构?", True))
    qtbot.keyClick(view, Qt.Key_F3)
    assert window.project.span(span.id).attrs["note"] == "是否算作机构?"
    assert "note=是否算作机构?" in " ".join(window.span_table.row_texts(0))
    monkeypatch.setattr(QInputDialog, "getMultiLineText", lambda *a: ("第3页数字待核对", True))
    qtbot.keyClick(view, Qt.Key_F3, Qt.ShiftModifier)
    assert window.project.note(window.doc_id) == "第3页数字待核对"


def test_work_report_suggestions_skip_eras_slogans_and_central_europe(long_window):
    window = long_window
    window.run_suggest(False)
    text = window.view.text
    spans = list(window.view.spans.values())
    for phrase in ("百年奋斗目标", "八项规定"):  # an era and a numbered rule: no metric inside
        for at in (i for i in range(len(text)) if text.startswith(phrase, i)):
            assert not [s for s in spans if s.label == "METRIC" and at <= s.start < at + len(phrase)], phrase
    assert "中欧" in text and not [s for s in spans if s.text == "中欧"]  # China and Europe, not Central Europe


def test_accepting_moves_the_report_to_in_progress_and_the_list_says_so(report_window, qtbot):
    window = report_window
    window.run_suggest(False)
    assert window.project.document(window.doc_id).status == "todo"
    qtbot.keyClick(window.view, Qt.Key_Tab)
    qtbot.keyClick(window.view, Qt.Key_Return)
    assert window.project.document(window.doc_id).status == "in_progress"
    assert "In progress · 1 spans" in window.documents.list.currentItem().text()


def test_the_import_summary_speaks_the_windows_language(report_window, qtbot, monkeypatch, tmp_path):
    long_window = report_window
    from PySide6.QtWidgets import QMessageBox

    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: shown.append(text))
    long_window.set_language("zh_CN")
    try:
        report = tmp_path / "r.txt"
        report.write_text("新的报告:云阳县13.4万贫困群众如期脱贫。", encoding="utf-8")
        long_window.run_import([str(report)])
    finally:
        long_window.set_language("en")
    assert shown and shown[0].startswith("已导入 1 篇")
