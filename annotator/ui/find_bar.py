"""Find in the report: Enter finds the next match and Shift+Enter the previous one while the keys stay
in the bar; Esc goes back to the report with the match selected, where a digit labels it."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QToolBar


class FindBar(QToolBar):
    def __init__(self, window):
        super().__init__(objectName="find")
        self.window = window  # its report view, selected span, attribute panel and status bar
        self.edit = QLineEdit()
        self.addWidget(self.edit)
        self.hide()
        self.edit.returnPressed.connect(self.find_next)
        self.edit.installEventFilter(self)
        self.retranslate()

    def retranslate(self) -> None:
        self.edit.setPlaceholderText(
            self.tr("Find in this report (Enter: next, Shift+Enter: previous, Esc: back to the report)"))
        self.setWindowTitle(self.tr("Find"))

    def open(self) -> None:
        self.show()
        self.edit.setFocus()
        self.edit.selectAll()

    def back(self) -> None:
        """Close the bar; the report takes the keys, the match still selected."""
        self.hide()
        self.window.view.setFocus()

    def find_next(self, backward: bool = False) -> None:
        """Select the next (or previous) match in the report."""
        window, view, needle = self.window, self.window.view, self.edit.text()
        if not needle or view.map is None:
            return
        cursor = view.textCursor()
        if backward:
            at = view.map.from_qt(cursor.selectionStart() if cursor.hasSelection() else cursor.position())
            found = view.text.rfind(needle, 0, max(0, at + len(needle) - 1))
            found = view.text.rfind(needle) if found == -1 else found
        else:
            at = view.map.from_qt(cursor.selectionEnd() if cursor.hasSelection() else cursor.position())
            span = window.selected_span()
            if span is not None:  # continue after the span just made or visited
                at = max(at, span.end)
            found = view.text.find(needle, at)
            found = view.text.find(needle) if found == -1 else found
        if found == -1:
            window.status(self.tr("Not found"))
            return
        view.select_span(None, scroll=False)  # Enter and Backspace act on the match, not a span left selected
        window.show_attributes(None)
        c = view.textCursor()
        c.setPosition(view.map.to_qt(found))
        c.setPosition(view.map.to_qt(found + len(needle)), c.MoveMode.KeepAnchor)
        view.setTextCursor(c)
        view.ensureCursorVisible()

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt name)
        if obj is self.edit and event.type() == event.Type.KeyPress:
            if event.key() == Qt.Key_Escape:
                self.back()
                return True
            if event.key() in (Qt.Key_Return, Qt.Key_Enter) and event.modifiers() & Qt.ShiftModifier:
                self.find_next(backward=True)
                return True
        return super().eventFilter(obj, event)
