"""The main window driven by keyboard as an annotator would, checked against the project file."""
from PySide6.QtCore import Qt

from annotator.core.store import Project


def select(window, text, qtbot=None, occurrence=0):
    """Select `text` in the report by moving the cursor with the keyboard (Shift+Right)."""
    view = window.view
    start = -1
    for _ in range(occurrence + 1):
        start = view.text.index(text, start + 1)
    view.set_cursor(start)
    if qtbot is None:
        cursor = view.textCursor()
        cursor.setPosition(view.map.to_qt(start + len(text)), cursor.MoveMode.KeepAnchor)
        view.setTextCursor(cursor)
    else:
        for _ in text:
            qtbot.keyClick(view, Qt.Key_Right, Qt.ShiftModifier)
    return start


def spans(window):
    return [(s.text, s.label) for s in window.project.spans(window.doc_id)]


def test_keyboard_labelling_round(window, qtbot):
    start = select(window, "云阳县委宣传部", qtbot)
    qtbot.keyClick(window.view, Qt.Key_2)  # ORG
    assert spans(window)[0] == ("云阳县委宣传部", "ORG")
    assert window.project.document(window.doc_id).status == "in_progress"
    assert window.selected_span().start == start  # the new span is selected
    qtbot.keyClick(window.view, Qt.Key_1)  # relabel the selected span
    assert ("云阳县委宣传部", "REGION") in spans(window)
    qtbot.keyClick(window.view, Qt.Key_Left, Qt.ControlModifier | Qt.ShiftModifier)  # end one back
    assert ("云阳县委宣传", "REGION") in spans(window)
    qtbot.keyClick(window.view, Qt.Key_Right, Qt.AltModifier | Qt.ShiftModifier)  # start one on
    assert ("阳县委宣传", "REGION") in spans(window)
    qtbot.keyClick(window.view, Qt.Key_Delete)
    assert spans(window) == []
    qtbot.keyClick(window.view, Qt.Key_Z, Qt.ControlModifier)
    assert spans(window) == [("阳县委宣传", "REGION")]
    qtbot.keyClick(window.view, Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)
    assert spans(window) == []
    qtbot.keyClick(window.view, Qt.Key_Y, Qt.ControlModifier)  # nothing left to redo
    assert spans(window) == []


def test_selection_snaps_to_words_and_alt_gives_characters(window, qtbot):
    start = window.view.text.index("国家级贫困县")
    window.view.set_cursor(start + 1)
    qtbot.keyClick(window.view, Qt.Key_Right, Qt.ShiftModifier)  # 家, inside jieba's 国家级
    qtbot.keyClick(window.view, Qt.Key_1)
    assert spans(window)[0][0] == "国家级"
    window.snap_action.trigger()  # snapping off
    s = select(window, "集中")
    window.view.set_cursor(s + 1)
    cursor = window.view.textCursor()
    cursor.setPosition(window.view.map.to_qt(s + 2), cursor.MoveMode.KeepAnchor)
    window.view.setTextCursor(cursor)
    qtbot.keyClick(window.view, Qt.Key_2)
    assert ("中", "ORG") in spans(window)


def test_overlap_in_a_layer_is_refused_in_the_status_bar(window, qtbot):
    select(window, "云阳县委宣传部")
    qtbot.keyClick(window.view, Qt.Key_2)
    select(window, "宣传部")
    qtbot.keyClick(window.view, Qt.Key_3)
    assert "overlaps ORG" in window.statusBar().currentMessage()
    select(window, "宣传部")
    qtbot.keyClick(window.view, Qt.Key_6)  # another layer: allowed
    assert ("宣传部", "METRIC") in spans(window)


def test_tab_moves_between_spans(window, qtbot):
    for text in ("胡婷", "今日重庆网", "秦巴山"):  # made out of order
        select(window, text)
        qtbot.keyClick(window.view, Qt.Key_2)
    window.view.select_span(None)
    window.view.set_cursor(0)
    seen = []
    for _ in range(3):
        qtbot.keyClick(window.view, Qt.Key_Tab)
        seen.append(window.selected_span().text)
    assert seen == ["今日重庆网", "胡婷", "秦巴山"]  # in reading order
    qtbot.keyClick(window.view, Qt.Key_Backtab, Qt.ShiftModifier)
    assert window.selected_span().text == "胡婷"


def test_label_all_occurrences_is_one_undo(window, qtbot):
    text = window.view.text
    select(window, "云阳县")
    qtbot.keyClick(window.view, Qt.Key_1)
    word = window.selected_span().text  # as snapped to jieba's words
    qtbot.keyClick(window.view, Qt.Key_L, Qt.ControlModifier)
    assert text.count(word) > 1 and spans(window) == [(word, "REGION")] * text.count(word)
    qtbot.keyClick(window.view, Qt.Key_Z, Qt.ControlModifier)
    assert len(spans(window)) == 1


def test_done_goes_to_the_next_report_and_state_survives_reopening(window, qtbot, tmp_path):
    first = window.doc_id
    select(window, "胡婷")
    qtbot.keyClick(window.view, Qt.Key_3)
    qtbot.keyClick(window.view, Qt.Key_Return, Qt.ControlModifier)
    assert window.project.document(first).status == "done"
    assert window.doc_id != first
    assert "1 of 5 done" in window.documents.progress.text()
    before = (window.project.spans(first), window.project.document(first))
    path = window.project.path
    window.project.close()
    with Project.open(path) as reopened:
        assert (reopened.spans(first), reopened.document(first)) == before
    window.project = Project.open(path)


def test_astral_characters_before_a_span_keep_offsets_right(window, qtbot, tmp_path):
    from annotator.core.model import Document

    doc = window.project.add_document(Document(text="😀𠮷 贫困户\u00a0云阳县脱贫", title="astral"))
    window.open_document(doc)
    select(window, "云阳县")
    qtbot.keyClick(window.view, Qt.Key_1)
    [span] = window.project.spans(doc)
    assert (span.start, span.end, span.text) == (7, 10, "云阳县")  # code points: 😀 and 𠮷 count one each
    assert window.project.text(doc)[span.start:span.end] == "云阳县"


def test_find_then_digit_labels_each_occurrence_in_turn(window, qtbot):
    """Keyboard-only labelling: Ctrl+F, type, Enter selects the next occurrence, Esc goes back to the
    report with it selected, a digit labels it."""
    window.snap_action.trigger()  # exact selections from find
    count = window.view.text.count("云阳县委宣传部")
    for _ in range(count):
        qtbot.keyClick(window.view, Qt.Key_F, Qt.ControlModifier)
        window.find_bar.setText("云阳县委宣传部")
        qtbot.keyClick(window.find_bar, Qt.Key_Return)
        qtbot.keyClick(window.find_bar, Qt.Key_Escape)
        qtbot.keyClick(window.view, Qt.Key_2)
    assert spans(window) == [("云阳县委宣传部", "ORG")] * count and count > 1


def point_of(window, cp):
    """Viewport coordinates of the middle of the character at code point `cp`."""
    from PySide6.QtGui import QTextCursor

    cursor = QTextCursor(window.view.document())
    cursor.setPosition(window.view.map.to_qt(cp))
    rect = window.view.cursorRect(cursor)
    return rect.center() + type(rect.center())(4, 0)


def test_clicking_a_span_selects_it_and_alt_drag_selects_characters(window, qtbot):
    select(window, "胡婷")
    qtbot.keyClick(window.view, Qt.Key_3)
    window.view.select_span(None)
    start = window.view.text.index("胡婷")
    qtbot.mouseClick(window.view.viewport(), Qt.LeftButton, Qt.NoModifier, point_of(window, start))
    assert window.selected_span().text == "胡婷"
    s = window.view.text.index("国家级贫困县")
    viewport = window.view.viewport()
    qtbot.mousePress(viewport, Qt.LeftButton, Qt.AltModifier, point_of(window, s) - type(point_of(window, s))(4, 0))
    qtbot.mouseMove(viewport, point_of(window, s + 1))
    qtbot.mouseRelease(viewport, Qt.LeftButton, Qt.AltModifier, point_of(window, s + 1))
    assert window.view.selection() is not None
    qtbot.keyClick(window.view, Qt.Key_1)
    made = [t for t, label in spans(window) if label == "REGION"]
    assert made and len(made[0]) < len("国家级")  # characters, not jieba's whole word


def test_skip_with_a_reason_and_import_more_reports(window, qtbot, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QInputDialog, QMessageBox

    first = window.doc_id
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("only a photo caption", True))
    qtbot.keyClick(window.view, Qt.Key_K, Qt.ControlModifier)
    doc = window.project.document(first)
    assert (doc.status, doc.meta["skip_reason"]) == ("skipped", "only a photo caption")
    assert window.doc_id != first
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: shown.append(text))
    (tmp_path / "new.txt").write_text("新的报告\n\n资阳市23.6万贫困人口全部脱贫。\n", encoding="utf-8")
    window.run_import([str(tmp_path / "new.txt")])
    assert shown == ["1 imported, 0 duplicates skipped, 0 with errors skipped"]
    assert window.documents.list.count() == 6


def test_document_list_filters_by_status_and_text(window, qtbot):
    assert window.documents.list.count() == 5
    window.documents.filter.setText("胡婷")  # QtTest cannot type Chinese; this is what typing does
    assert window.documents.list.count() == 1  # found in the body of one report, not in a title
    window.documents.filter.clear()
    qtbot.keyClick(window.view, Qt.Key_Return, Qt.ControlModifier)  # one report done
    window.documents.status.setCurrentIndex(window.documents.status.findData("done"))
    assert window.documents.list.count() == 1
    assert "1 of 5 done" in window.documents.progress.text()


def test_a_new_project_shows_nothing_of_the_previous_one(window, qtbot, tmp_path):
    select(window, "云阳县委宣传部")
    window.switch_project(tmp_path / "new.db")
    assert window.doc_id is None and window.view.text == "" and window.view.spans == {}
    assert window.span_table.model_.rowCount() == 0 and window.documents.list.count() == 0
    assert "Import reports" in window.statusBar().currentMessage()
    qtbot.keyClick(window.view, Qt.Key_1)  # a digit says why it does nothing
    assert "No report is open" in window.statusBar().currentMessage()


def test_the_shortcut_sheet_lists_every_key_the_window_answers(window):
    rows = dict(window.shortcut_rows())
    from PySide6.QtGui import QKeySequence
    for action in window.actions():
        for shortcut in action.shortcuts():
            assert any(shortcut.toString(QKeySequence.NativeText) in keys for keys in rows), action.text()
    for keys in ("Ctrl+G", "Ctrl+Shift+G", "F2", "F7", "F8", "F9", "Ctrl+Shift+L", "Enter", "Backspace", "Ctrl+E"):
        assert any(keys in k.split(" / ") for k in rows), keys
    assert any("Ctrl+Shift+Return" in k or "Ctrl+Shift+Enter" in k for k in rows)


def test_ctrl_drag_selects_characters_as_alt_drag_does(window, qtbot):
    s = window.view.text.index("国家级贫困县")
    qtbot.mousePress(window.view.viewport(), Qt.LeftButton, Qt.ControlModifier, point_of(window, s + 1))
    assert window.character_precision


def test_undo_and_redo_say_what_they_did_and_where(window, qtbot):
    select(window, "云阳县委宣传部")
    qtbot.keyClick(window.view, Qt.Key_2)
    first = window.doc_id
    window.open_document(window.project.document_ids()[1])
    qtbot.keyClick(window.view, Qt.Key_Z, Qt.ControlModifier)  # the change was in the first report
    assert window.doc_id == first
    message = window.statusBar().currentMessage()
    assert message.startswith("Undone: add ORG 云阳县委宣传部") and window.project.document(first).title in message
    qtbot.keyClick(window.view, Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)
    assert window.statusBar().currentMessage().startswith("Redone: add ORG 云阳县委宣传部")


def test_indicators_edited_in_the_window_and_digits_still_label_after_a_schema_change(window, qtbot, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    keys = [i.key for i in window.project.schema.indicators]
    monkeypatch.setattr(QInputDialog, "getMultiLineText",
                        lambda *a: ("\n".join(keys[:-1] + ["保障性住房", keys[-1]]), True))
    window.edit_indicators()
    assert [i.key for i in window.project.schema.indicators][-2:] == ["保障性住房", "其他"]
    select(window, "云阳县委宣传部")
    qtbot.keyClick(window.view, Qt.Key_2)  # one action per key still, after the label menu was made again
    assert spans(window) == [("云阳县委宣传部", "ORG")]
    assert sum(1 for a in window.actions() for s in a.shortcuts() if s.toString() == "2") == 1


def test_chinese_lines_are_no_taller_than_the_lines_qt_measures(qtbot):
    """On an English desktop the report list's status line fell out of sight under Chinese titles."""
    from PySide6.QtWidgets import QApplication

    from annotator.ui.app import _line_height, chinese_font

    app = QApplication.instance()
    before = app.font()
    try:
        chinese_font(app)
        assert _line_height("政府工作报告", app.font()) <= _line_height("Report", app.font())
    finally:
        app.setFont(before)


def test_help_opens_the_guide_and_a_first_run_hint_says_what_to_do(window, qtbot):
    assert window.hint.isVisible() and "Ctrl+G" in window.hint.widgetForAction(window.hint.actions()[0]).text()
    from PySide6.QtWidgets import QTextBrowser

    window.show_guide()
    assert "Annotator's guide" in window.guide.findChild(QTextBrowser).toPlainText()
    window.hint.actions()[-1].trigger()  # closed once, gone for good
    assert not window.hint.isVisible() and window.settings.value("hint_closed", False, type=bool)


def test_selecting_a_span_shows_its_labels_guideline(window, qtbot):
    select(window, "云阳县委宣传部")
    qtbot.keyClick(window.view, Qt.Key_2)
    guideline = window.project.schema.label("ORG").guideline
    assert guideline and guideline in window.statusBar().currentMessage()


def test_the_language_switches_at_once(window, qtbot):
    from PySide6.QtWidgets import QApplication

    select(window, "云阳县委宣传部")
    qtbot.keyClick(window.view, Qt.Key_2)
    try:
        window.set_language("zh_CN")
        titles = [a.text() for a in window.menuBar().actions()]
        assert "文件(&F)" in titles and window.docks["reports"].windowTitle() == "报告"
        assert "进行中" in window.documents.list.item(0).text()
        assert window.windowTitle().endswith("报告标注工具")
        qtbot.keyClick(window.view, Qt.Key_Z, Qt.ControlModifier)  # the keys still work, once each
        assert spans(window) == []
        assert window.statusBar().currentMessage().startswith("已撤销")
    finally:
        window.set_language("en")
    assert "&File" in [a.text() for a in window.menuBar().actions()] and QApplication.instance()


def test_files_are_read_off_the_window_thread_and_the_import_names_what_it_changed(window, qtbot, monkeypatch,
                                                                                    tmp_path):
    """A PDF, a Word file and a page of the real fixtures, read on a worker thread (a long PDF must
    not freeze the window), stored on the window's; what was refused and what was changed is listed."""
    import threading

    from PySide6.QtWidgets import QMessageBox

    from annotator.core import importer
    from tests.conftest import ROOT

    readers = set()
    take = importer._take
    monkeypatch.setattr(importer, "_take", lambda items, size: readers.add(threading.current_thread()) or take(
        items, size))
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    from tests.core.pdf_maker import lines, make_pdf

    fixtures = ROOT / "tests" / "fixtures"
    (tmp_path / "ctl.pdf").write_bytes(make_pdf([lines("建筑业总产值继续\x02扩大。", top=740)]))
    paths = [fixtures / "pdf" / "zhoukou-2023-p1-4.pdf", fixtures / "word" / "nbt-review-part1-notes.docx",
             fixtures / "html" / "sxmu-jianchafa.html", fixtures / "pdf" / "encrypted.pdf", tmp_path / "ctl.pdf"]
    window.run_import([str(p) for p in paths])
    assert readers and threading.main_thread() not in readers
    assert shown and shown[0].startswith("4 imported, 0 duplicates skipped, 1 with errors skipped")
    assert "encrypted.pdf: encrypted PDF" in shown[0] and "ctl.pdf: 1 control character dropped" in shown[0]
    assert window.documents.list.count() == 9


def test_an_import_can_be_stopped_between_files_and_keeps_what_it_read(window, qtbot, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QMessageBox, QProgressDialog

    for n in range(3):
        (tmp_path / f"r{n}.txt").write_text(f"第{n}份报告\n\n云阳县{n}万贫困人口全部脱贫,群众收入持续增长。\n", encoding="utf-8")
    monkeypatch.setattr(QProgressDialog, "wasCanceled", lambda self: True)  # Cancel pressed during the first file
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: shown.append(text))
    window.run_import([str(tmp_path)])
    assert shown == ["1 imported, 0 duplicates skipped, 0 with errors skipped\nStopped: 2 files not read"]
    assert window.documents.list.count() == 6


def test_file_import_offers_other_tools_files_and_reads_a_label_studio_export(window, qtbot, monkeypatch, tmp_path):
    """A user coming from Label Studio picks its export in File > Import: the dialog lists it, the
    window finds the format, counts code points after an emoji and turns 'Date' into DATE."""
    import json

    from PySide6.QtWidgets import QFileDialog, QMessageBox

    text = "👍2020年云阳县脱贫"
    task = {"data": {"text": text}, "annotations": [{"result": [
        {"from_name": "label", "to_name": "text", "type": "labels",
         "value": {"start": 1, "end": 6, "labels": ["Date"]}}]}]}
    export = tmp_path / "project-1.json"
    export.write_text(json.dumps([task], ensure_ascii=False), encoding="utf-8")
    offered = []
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        lambda parent, title, folder, filters: offered.append(filters) or ([str(export)], ""))
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, message: shown.append(message))
    window.import_files()
    assert "*.json" in offered[0].split(";;")[1] and "*.bmes" in offered[0] and "*.ann" in offered[0]
    assert shown[0].startswith("1 imported") and "Date → DATE" in shown[0]
    doc_id = max(row["document_id"] for row in window.project.progress())
    assert [(s.label, s.text) for s in window.project.spans(doc_id)] == [("DATE", "2020年")]
    listed = window.documents.list.item(window.documents.list.count() - 1).text()
    assert listed.startswith("👍2020年云阳县脱贫…\n")  # no title in the file: its opening stands in


def test_an_import_with_labels_the_schema_lacks_offers_to_add_them(window, qtbot, monkeypatch, tmp_path):
    """The window has no --add-labels: it asks, and on Yes the refused reports come in with their labels."""
    import json

    from PySide6.QtWidgets import QMessageBox

    tasks = [{"data": {"text": f"第{n}份：云阳县脱贫"}, "annotations": [{"result": [
        {"from_name": "label", "to_name": "text", "type": "labels",
         "value": {"start": 4, "end": 7, "text": "云阳县", "labels": [label]}}]}]}
        for n, label in ((1, "Location"), (2, "REGION"))]
    export = tmp_path / "tasks.json"
    export.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    asked, shown = [], []
    monkeypatch.setattr(QMessageBox, "question", lambda parent, title, text: asked.append(text) or QMessageBox.Yes)
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: shown.append(text))
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    window.run_import([str(export)])
    assert len(asked) == 1 and "LOCATION" in asked[0]
    assert shown[-1].startswith("1 imported, 1 duplicates skipped, 0 with errors skipped")
    assert "LOCATION" in [label.key for label in window.project.schema.labels]
    assert window.documents.list.count() == 7
