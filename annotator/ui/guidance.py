"""What the window says and asks beyond its views: the shortcut sheet (read from its actions), the
user guide, the first-run hint, the question asked when a report with pending suggestions is done.
Their texts are in the window's translation context (MainWindow)."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QLabel, QMessageBox, QTextBrowser, QToolBar, QVBoxLayout

from annotator.core import paths



# Keys the report handles itself (MainWindow.eventFilter), shown in the sheet after the actions' own.
REPORT_KEYS = (("Shift+←/→", QT_TRANSLATE_NOOP("MainWindow", "select by keyboard")),
               ("Tab / Shift+Tab", QT_TRANSLATE_NOOP("MainWindow", "next / previous span")),
               ("Enter", QT_TRANSLATE_NOOP("MainWindow", "accept the selected suggestion")),
               ("Backspace", QT_TRANSLATE_NOOP("MainWindow", "reject the selected suggestion")),
               ("Esc", QT_TRANSLATE_NOOP("MainWindow", "cancel linking; in the find bar: back to the report")),
               ("Ctrl+drag / Alt+drag", QT_TRANSLATE_NOOP("MainWindow", "select characters, not words")))


def shortcut_rows(window) -> list[tuple[str, str]]:
    """Every key the window answers: the shortcuts of its actions (menus and labels), read from the
    actions themselves so the sheet cannot drift, then the keys the report handles itself."""
    rows = []
    for action in window.actions():
        keys = [s.toString(QKeySequence.NativeText) for s in action.shortcuts()]
        if keys:
            rows.append((" / ".join(keys), action.text().replace("&", "")))
    return rows + [(keys, QCoreApplication.translate("MainWindow", what)) for keys, what in REPORT_KEYS]


def show_shortcuts(window) -> None:
    html = "<table>" + "".join(f"<tr><td><b>{k}</b>&nbsp;&nbsp;</td><td>{v}</td></tr>"
                               for k, v in shortcut_rows(window)) + "</table>"
    QMessageBox.information(window, QCoreApplication.translate("MainWindow", "Keyboard shortcuts"), html)


def show_guide(window) -> QDialog:
    """The annotator's guide (resources/guide), in the window's language; returns the open dialog."""
    path = paths.resource_path("guide", "en.md" if window.english else "zh.md")
    dialog = QDialog(window)
    dialog.setWindowTitle(QCoreApplication.translate("MainWindow", "User guide"))
    browser = QTextBrowser(dialog)
    browser.setOpenLinks(False)  # the guide's links point at its other language: show that one
    browser.anchorClicked.connect(lambda url: browser.setMarkdown(
        path.with_name(url.path()).read_text(encoding="utf-8")) if url.path().endswith(".md") else None)
    browser.setMarkdown(path.read_text(encoding="utf-8"))
    QVBoxLayout(dialog).addWidget(browser)
    dialog.resize(800, 700)
    dialog.show()
    return dialog


def first_run_hint(window) -> QToolBar | None:
    """What to do first, above the report, until the annotator closes it (remembered in the settings)."""
    if window.settings.value("hint_closed", False, type=bool):
        return None
    bar = QToolBar(objectName="hint")
    bar.label = QLabel()
    bar.addWidget(bar.label)
    close = bar.addAction("×")
    close.triggered.connect(lambda: (bar.hide(), window.settings.setValue("hint_closed", True)))
    window.addToolBar(Qt.TopToolBarArea, bar)
    return bar


def hint_texts(window, bar: QToolBar | None) -> None:
    if bar is None:
        return
    bar.label.setText(QCoreApplication.translate(
        "MainWindow", "Start here: Ctrl+G suggests labels · Tab goes to the next one · Enter accepts, "
        "Backspace rejects · select text and press a digit to label it · Ctrl+Enter: report done · F1 keys, "
        "Shift+F1 guide"))
    bar.setWindowTitle(QCoreApplication.translate("MainWindow", "Getting started"))
    bar.actions()[-1].setToolTip(QCoreApplication.translate("MainWindow", "Close this hint"))


def ask_pending(window, count: int) -> str:
    """"reject", "keep" or "cancel" for the `count` suggestions still pending in a report marked done."""
    box = QMessageBox(QMessageBox.Question, QCoreApplication.translate("MainWindow", "Mark done"),
                      QCoreApplication.translate("MainWindow", "%1 suggestions in this report are still pending.")
                      .replace("%1", str(count)), parent=window)
    reject = box.addButton(QCoreApplication.translate("MainWindow", "Reject them and mark done"),
                           QMessageBox.AcceptRole)
    keep = box.addButton(QCoreApplication.translate("MainWindow", "Keep them and mark done"),
                         QMessageBox.DestructiveRole)
    box.addButton(QMessageBox.Cancel)
    box.setDefaultButton(reject)
    box.exec()
    return {reject: "reject", keep: "keep"}.get(box.clickedButton(), "cancel")
