"""Side panels: the document list, the label palette, the span table and the attribute panel.

Each is a thin view over core data handed to it; none keeps its own copy of the truth.
"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QColor, QPixmap, QIcon
from PySide6.QtWidgets import (QComboBox, QFormLayout, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QListWidget,
                               QListWidgetItem, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from annotator.core.model import STATUSES, Schema, Span

STATUS_NAMES = {"todo": QT_TRANSLATE_NOOP("DocumentPanel", "To do"),
                "in_progress": QT_TRANSLATE_NOOP("DocumentPanel", "In progress"),
                "done": QT_TRANSLATE_NOOP("DocumentPanel", "Done"),
                "skipped": QT_TRANSLATE_NOOP("DocumentPanel", "Skipped")}


def swatch(color: str) -> QIcon:
    pixmap = QPixmap(14, 14)
    pixmap.fill(QColor(color))
    return QIcon(pixmap)


class DocumentPanel(QWidget):
    document_chosen = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[dict] = []
        self.filter = QLineEdit(placeholderText=self.tr("Filter by title or text"))
        self.status = QComboBox()
        self.status.addItem(self.tr("All"), None)
        for status in STATUSES:
            self.status.addItem(self.tr(STATUS_NAMES[status]), status)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.progress = QLabel()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        top = QHBoxLayout()
        top.addWidget(self.filter, 2)
        top.addWidget(self.status, 1)
        layout.addLayout(top)
        layout.addWidget(self.list)
        layout.addWidget(self.progress)
        self.filter.textChanged.connect(self.refill)
        self.status.currentIndexChanged.connect(self.refill)
        self.list.currentItemChanged.connect(self._chosen)
        self.text_of = lambda doc_id: ""

    def set_rows(self, rows: list[dict], text_of, current: int | None) -> None:
        """`text_of(document id)` gives a report's text, read only when filtering by text."""
        self.rows, self.text_of = rows, text_of
        self.refill(current=current)

    def refill(self, *_, current: int | None = None) -> None:
        current = current if current is not None else self.current_id()
        needle = self.filter.text().strip()
        status = self.status.currentData()
        self.list.blockSignals(True)
        self.list.clear()
        for row in self.rows:
            if status and row["status"] != status:
                continue
            if needle and needle not in row["title"] and needle not in self.text_of(row["document_id"]):
                continue
            item = QListWidgetItem(f"{row['title'] or self.tr('(untitled)')}\n"
                                   f"{self.tr(STATUS_NAMES[row['status']])} · {row['spans']} "
                                   + self.tr("spans"))
            item.setData(Qt.UserRole, row["document_id"])
            self.list.addItem(item)
            if row["document_id"] == current:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        done = sum(1 for r in self.rows if r["status"] == "done")
        self.progress.setText(self.tr("%1 of %2 done").replace("%1", str(done)).replace("%2", str(len(self.rows))))

    def current_id(self) -> int | None:
        item = self.list.currentItem()
        return item.data(Qt.UserRole) if item else None

    def _chosen(self, item, _previous) -> None:
        if item is not None:
            self.document_chosen.emit(item.data(Qt.UserRole))


class LabelPalette(QListWidget):
    label_chosen = Signal(str)

    def set_schema(self, schema: Schema, english: bool) -> None:
        self.clear()
        for label in schema.labels:
            name = label.name_en if english else label.name_zh
            item = QListWidgetItem(swatch(label.color), f"{label.shortcut}   {name}  {label.key}")
            item.setData(Qt.UserRole, label.key)
            item.setToolTip(label.guideline)
            self.addItem(item)
        self.itemActivated.connect(lambda item: self.label_chosen.emit(item.data(Qt.UserRole)))


class SpanTable(QTableWidget):
    span_chosen = Signal(int)

    def __init__(self, parent=None):
        super().__init__(0, 4, parent)
        self.setHorizontalHeaderLabels([self.tr("Position"), self.tr("Label"), self.tr("Text"),
                                        self.tr("Attributes")])
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.Stretch)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        self.setEditTriggers(QTableWidget.NoEditTriggers)
        self.setSelectionBehavior(QTableWidget.SelectRows)
        self.setSortingEnabled(True)
        self.sortByColumn(0, Qt.AscendingOrder)
        self.cellDoubleClicked.connect(lambda row, _col: self.span_chosen.emit(self.item(row, 0).data(Qt.UserRole)))

    def set_spans(self, spans: list[Span]) -> None:
        self.setSortingEnabled(False)
        self.setRowCount(len(spans))
        for row, span in enumerate(spans):
            position = QTableWidgetItem()
            position.setData(Qt.DisplayRole, span.start)
            position.setData(Qt.UserRole, span.id)
            attrs = ", ".join(f"{k}={v}" for k, v in span.attrs.items() if v not in (None, ""))
            label = span.label + (" ?" if span.origin == "suggested" else "")
            for col, item in enumerate((position, QTableWidgetItem(label), QTableWidgetItem(span.text),
                                        QTableWidgetItem(attrs))):
                self.setItem(row, col, item)
        self.setSortingEnabled(True)
