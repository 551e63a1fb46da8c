"""The selected span's attributes, editable: a metric's value, unit, qualifier, indicator,
subject and period.  Proposals show in italics with a "?" until someone confirms or edits them."""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (QComboBox, QCompleter, QFormLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout,
                               QWidget)

from annotator.core.model import Schema, Span
from annotator.core.quantity import parse_quantity
from annotator.core.schema import PROPOSED, choices

LINK_KEYS = {"subject": "F7", "period": "F8"}


class AttributePanel(QWidget):
    edited = Signal(dict)  # the span's new attributes
    link_requested = Signal(str)  # attribute key: the next span clicked becomes its target
    accept_requested = Signal()

    def __init__(self, parent=None, english: bool = False):
        super().__init__(parent)
        self.english = english
        self.span: Span | None = None
        self.schema: Schema | None = None
        self.names: dict[int, str] = {}
        self.editors: dict[str, QWidget] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.form = QFormLayout()
        layout.addLayout(self.form)
        layout.addStretch(1)
        self.show_span(None, None)

    def show_span(self, span: Span | None, schema: Schema | None, names: dict[int, str] | None = None) -> None:
        """`names` gives the text of spans that links point to."""
        self.span, self.schema, self.names = span, schema, names or {}
        self.editors = {}
        while self.form.rowCount():
            self.form.removeRow(0)
        if span is None:
            self.form.addRow(QLabel(self.tr("No span selected")))
            return
        self.form.addRow(self.tr("Label"), QLabel(span.label))
        self.form.addRow(self.tr("Text"), QLabel(span.text))
        self.form.addRow(self.tr("Position"), QLabel(f"{span.start}–{span.end}"))
        label = schema.label(span.label) if schema else None
        if label is None or not label.attributes:
            return
        proposed = set(span.attrs.get(PROPOSED, []))
        for attribute in label.attributes:
            value = span.attrs.get(attribute.key)
            editor = self._editor(attribute, value)
            if attribute.key in proposed:
                font = QFont(editor.font())
                font.setItalic(True)
                editor.setFont(font)
                editor.setToolTip(self.tr("Proposed from the context: edit it, or press F9 to accept"))
            name = (attribute.name_en if self.english else attribute.name_zh) or attribute.key
            self.form.addRow(name + (" ?" if attribute.key in proposed else ""), editor)
            self.editors[attribute.key] = editor
        if proposed:
            accept = QPushButton(self.tr("Accept proposals (F9)"))
            accept.clicked.connect(self.accept_requested)
            self.form.addRow(accept)

    def _editor(self, attribute, value) -> QWidget:
        if attribute.type == "quantity":
            edit = QLineEdit(_show_quantity(value))
            edit.editingFinished.connect(lambda e=edit, k=attribute.key: self._set_quantity(k, e))
            return edit
        if attribute.type == "text":
            edit = QLineEdit("" if value is None else str(value))
            edit.editingFinished.connect(lambda e=edit, k=attribute.key: self._set(k, e.text().strip()))
            return edit
        if attribute.type == "choice":
            box = QComboBox()
            options = choices(self.schema, attribute)
            box.addItem("", None)
            for option in options:
                box.addItem(option, option)
            box.setCurrentIndex(max(0, box.findData(value)))
            if len(options) > 6:  # indicators: type-ahead
                box.setEditable(True)
                box.setInsertPolicy(QComboBox.NoInsert)
                box.completer().setCompletionMode(QCompleter.PopupCompletion)
                box.completer().setFilterMode(Qt.MatchContains)
                # a name not in the list, typed and entered, is a new indicator: the window adds it (once
                # the key is handled: saving redraws this panel, which deletes the box taking the key)
                box.lineEdit().returnPressed.connect(lambda b=box, k=attribute.key: self._typed(b, k))
            box.activated.connect(lambda _i, b=box, k=attribute.key: self._set(k, b.currentData()))
            return box
        button = QPushButton(self._link_text(value) + f"   [{LINK_KEYS.get(attribute.key, '')}]")
        button.clicked.connect(lambda _=False, k=attribute.key: self.link_requested.emit(k))
        return button

    def _link_text(self, value) -> str:
        if value is None:
            return self.tr("(none)")
        return self.names.get(value, f"#{value}")

    def _set_quantity(self, key: str, edit: QLineEdit) -> None:
        text = edit.text().strip()
        if text == _show_quantity(self.span.attrs.get(key)):
            return
        if not text:
            self._set(key, None)
            return
        parsed = parse_quantity(text)
        if parsed is None:
            edit.setStyleSheet("background: #ffd6d6")
            edit.setToolTip(self.tr("Not a number: write it like 134000, 13.4万 or 5-7亿"))
            return
        edit.setStyleSheet("")
        self._set(key, parsed.as_attrs()["value"])

    def _typed(self, box: QComboBox, key: str) -> None:
        text = box.currentText().strip()
        if text and box.findText(text) < 0:
            QTimer.singleShot(0, self, lambda: self._set(key, text))  # dropped if the panel goes first

    def _set(self, key: str, value) -> None:
        if self.span is None or self.span.attrs.get(key) == value:
            return
        attrs = dict(self.span.attrs)
        if value in (None, ""):
            attrs.pop(key, None)
        else:
            attrs[key] = value
        self.edited.emit(attrs)


def _show_quantity(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return f"{value[0]}-{value[1]}"
    return str(value)
