"""Side panels: the document list, the label palette, the span table and the attribute panel.

Each is a thin view over core data handed to it; none keeps its own copy of the truth.
"""
from __future__ import annotations

from bisect import bisect_left

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QPixmap, QIcon
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem, QTableView,
                               QVBoxLayout, QWidget)

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
        self.items: dict[int, QListWidgetItem] = {}
        self.filter = QLineEdit()
        self.status = QComboBox()
        self.status.addItem("", None)
        for status in STATUSES:
            self.status.addItem("", status)
        self.order = QComboBox()  # also the order "next report" follows (MainWindow._next_unfinished)
        self.order.addItem("", False)
        self.order.addItem("", True)
        self.retranslate()
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.progress = QLabel()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        top = QHBoxLayout()
        top.addWidget(self.filter, 2)
        top.addWidget(self.status, 1)
        layout.addLayout(top)
        layout.addWidget(self.order)
        layout.addWidget(self.list)
        layout.addWidget(self.progress)
        self.filter.textChanged.connect(self.refill)
        self.status.currentIndexChanged.connect(self.refill)
        self.order.currentIndexChanged.connect(self.refill)
        self.list.currentItemChanged.connect(self._chosen)
        self.text_of = lambda doc_id: ""

    def retranslate(self) -> None:
        """Texts in the current language (at start and when the language changes)."""
        self.filter.setPlaceholderText(self.tr("Filter by title or text"))
        self.status.setItemText(0, self.tr("All"))
        for i, status in enumerate(STATUSES, 1):
            self.status.setItemText(i, self.tr(STATUS_NAMES[status]))
        self.order.setItemText(0, self.tr("In the order imported"))
        self.order.setItemText(1, self.tr("Least sure first (learnt source)"))
        self.order.setToolTip(self.tr("The order of this list, and of \"next report\" after Done or Skip"))
        if self.rows:
            self.refill()

    def set_rows(self, rows: list[dict], text_of, current: int | None) -> None:
        """`text_of(document id)` gives a report's text, read only when filtering by text."""
        self.rows, self.text_of = rows, text_of
        self.refill(current=current)

    def _item_text(self, row: dict) -> str:
        title = row["title"] or (row["opening"].split("\n")[0] + "…" if row["opening"] else self.tr("(untitled)"))
        doubt = row.get("uncertainty")
        return (f"{title}\n"
                f"{self.tr(STATUS_NAMES[row['status']])} · {row['spans']} " + self.tr("spans")
                + ("" if doubt is None or row["status"] == "done" else " · " + self.tr("unsure %1").replace(
                    "%1", f"{doubt:.2f}"))
                + ("" if not row.get("versions") else " · " + self.tr("%1 of %2 annotators done").replace(
                    "%1", str(row["versions_done"])).replace("%2", str(row["versions"]))))

    def unsure_first(self) -> bool:
        return bool(self.order.currentData())

    def _shown(self, row: dict) -> bool:
        needle, status = self.filter.text().strip(), self.status.currentData()
        return (not status or row["status"] == status) and (
            not needle or needle in row["title"] or needle in self.text_of(row["document_id"]))

    def refill(self, *_, current: int | None = None) -> None:
        current = current if current is not None else self.current_id()
        self.list.blockSignals(True)
        self.list.clear()
        self.items = {}
        rows = self.rows
        if self.unsure_first():  # unfinished reports the model doubts most first; unjudged, then finished, last
            rows = sorted(rows, key=lambda r: (r["status"] in ("done", "skipped"), -(r.get("uncertainty") or -1.0)))
        for row in rows:
            if not self._shown(row):
                continue
            item = QListWidgetItem(self._item_text(row))
            item.setData(Qt.UserRole, row["document_id"])
            self.list.addItem(item)
            self.items[row["document_id"]] = item
            if row["document_id"] == current:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        self._count()

    def _count(self) -> None:
        done = sum(1 for r in self.rows if r["status"] == "done")
        self.progress.setText(self.tr("%1 of %2 done").replace("%1", str(done)).replace("%2", str(len(self.rows))))

    def update_rows(self, rows: list[dict]) -> None:
        """New values for some documents' rows (their status or span counts changed)."""
        position = {r["document_id"]: i for i, r in enumerate(self.rows)}
        for row in rows:
            i = position.get(row["document_id"])
            if i is None:
                continue
            self.rows[i] = row
            item = self.items.get(row["document_id"])
            if (item is not None) != self._shown(row):  # it moves in or out of the filtered list
                self.refill()
                return
            if item is not None:
                item.setText(self._item_text(row))
        self._count()

    def select(self, doc_id: int) -> None:
        """Make this document the current row, without announcing it as chosen."""
        item = self.items.get(doc_id)
        if item is not None and item is not self.list.currentItem():
            self.list.blockSignals(True)
            self.list.setCurrentItem(item)
            self.list.blockSignals(False)

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


class SpanModel(QAbstractTableModel):
    """The report's spans as rows, kept in order as changes arrive: one row moves, the rest stay."""

    COLUMNS = (QT_TRANSLATE_NOOP("SpanTable", "Position"), QT_TRANSLATE_NOOP("SpanTable", "Label"),
               QT_TRANSLATE_NOOP("SpanTable", "Text"), QT_TRANSLATE_NOOP("SpanTable", "Suggested by"),
               QT_TRANSLATE_NOOP("SpanTable", "Attributes"))
    KEYS = (lambda s: (s.start, s.end, s.id), lambda s: (s.label, s.start, s.id), lambda s: (s.text, s.start, s.id),
            lambda s: (_source(s), s.start, s.id), lambda s: (_attrs(s), s.start, s.id))

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[Span] = []
        self.column, self.descending = 0, False

    def _key(self, span: Span):
        return self.KEYS[self.column](span)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt name)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt name)
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.DisplayRole):  # noqa: N802 (Qt name)
        if orientation == Qt.Horizontal and role == Qt.DisplayRole:
            return QCoreApplication.translate("SpanTable", self.COLUMNS[section])
        return None

    def data(self, index, role=Qt.DisplayRole):
        span = self.rows[index.row()]
        if role == Qt.DisplayRole:
            column = index.column()
            if column == 0:
                return span.start
            if column == 1:
                return span.label + (" ?" if span.origin == "suggested" else "")
            return (span.text, _source(span), _attrs(span))[column - 2]
        if role == Qt.UserRole:
            return span.id
        return None

    def sort(self, column: int, order=Qt.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        self.column, self.descending = column, order == Qt.DescendingOrder
        self.rows.sort(key=self._key, reverse=self.descending)
        self.layoutChanged.emit()

    def set_spans(self, spans: list[Span]) -> None:
        self.beginResetModel()
        self.rows = sorted(spans, key=self._key, reverse=self.descending)
        self.endResetModel()

    def _find(self, span: Span) -> int:
        keys = self._key if not self.descending else (lambda s: _Reversed(self._key(s)))
        i = bisect_left(self.rows, keys(span), key=keys)
        while i < len(self.rows) and self.rows[i].id != span.id:
            i += 1
        return i

    def apply(self, gone: dict[int, Span], new: list[Span]) -> None:
        """Rows of `gone` (id → the span as shown) leave, `new` spans take their places.  A span that
        keeps its place in the order (accepted, relabelled in a column not sorted by) is changed in
        its row, so only that row is painted again."""
        gone, moved = dict(gone), []
        for span in new:
            old = gone.get(span.id)
            if old is not None and self._key(old) == self._key(span):
                i = self._find(old)
                if i < len(self.rows):
                    del gone[span.id]
                    self.rows[i] = span
                    self.dataChanged.emit(self.index(i, 0), self.index(i, len(self.COLUMNS) - 1))
                    continue
            moved.append(span)
        new = moved
        for span in gone.values():
            i = self._find(span)
            if i < len(self.rows) and self.rows[i].id == span.id:  # rows filtered out are not there
                self.beginRemoveRows(QModelIndex(), i, i)
                del self.rows[i]
                self.endRemoveRows()
        keys = self._key if not self.descending else (lambda s: _Reversed(self._key(s)))
        for span in new:
            i = bisect_left(self.rows, keys(span), key=keys)
            self.beginInsertRows(QModelIndex(), i, i)
            self.rows.insert(i, span)
            self.endInsertRows()


class _Reversed:
    """A sort key in the opposite order (for rows sorted descending)."""
    __slots__ = ("key",)

    def __init__(self, key):
        self.key = key

    def __lt__(self, other):
        return other.key < self.key

    def __eq__(self, other):
        return self.key == other.key


def _source(span: Span) -> str:
    """Which suggester proposed a suggestion, and how sure it was."""
    if span.origin != "suggested":
        return ""
    return f"{span.source} {span.confidence:.2f}" if span.confidence is not None else span.source


def _attrs(span: Span) -> str:
    return ", ".join(f"{k}={v}" for k, v in span.attrs.items() if v not in (None, ""))


class SpanTable(QWidget):
    """The span table with its filters: by label, and suggestions or annotations."""
    span_chosen = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.spans: dict[int, Span] = {}  # every span of the report, shown or filtered out
        self.label = QComboBox()
        self.label.addItem("", None)
        self.origin = QComboBox()
        for value in (None, "suggested", "annotation"):
            self.origin.addItem("", value)
        self.view = QTableView()
        self.model_ = SpanModel(self)
        self.view.setModel(self.model_)
        header = self.view.horizontalHeader()
        # fixed widths: sizing columns to their contents would read every row after each change
        for column, width in enumerate((56, 84, 120, 96)):
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.view.setEditTriggers(QTableView.NoEditTriggers)
        self.view.setSelectionBehavior(QTableView.SelectRows)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.AscendingOrder)
        self.view.doubleClicked.connect(lambda index: self.span_chosen.emit(self.model_.rows[index.row()].id))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        filters = QHBoxLayout()
        filters.addWidget(self.label, 1)
        filters.addWidget(self.origin, 1)
        layout.addLayout(filters)
        layout.addWidget(self.view)
        self.label.currentIndexChanged.connect(self.refilter)
        self.origin.currentIndexChanged.connect(self.refilter)
        self.retranslate()

    def retranslate(self) -> None:
        self.label.setItemText(0, self.tr("All labels"))
        for i, text in enumerate((self.tr("All spans"), self.tr("Suggestions"), self.tr("Annotations"))):
            self.origin.setItemText(i, text)
        self.model_.headerDataChanged.emit(Qt.Horizontal, 0, len(SpanModel.COLUMNS) - 1)

    def set_labels(self, keys: list[str]) -> None:
        current = self.label.currentData()
        self.label.blockSignals(True)
        while self.label.count() > 1:
            self.label.removeItem(1)
        for key in keys:
            self.label.addItem(key, key)
        self.label.setCurrentIndex(max(0, self.label.findData(current)))
        self.label.blockSignals(False)

    def shown(self, span: Span) -> bool:
        label, origin = self.label.currentData(), self.origin.currentData()
        return (label is None or span.label == label) and (
            origin is None or (span.origin == "suggested") == (origin == "suggested"))

    def set_spans(self, spans: list[Span]) -> None:
        self.spans = {s.id: s for s in spans}
        self.model_.set_spans([s for s in spans if self.shown(s)])

    def refilter(self, *_) -> None:
        self.model_.set_spans([s for s in self.spans.values() if self.shown(s)])

    def apply(self, gone: dict[int, Span], new: list[Span]) -> None:
        for span_id in gone:
            self.spans.pop(span_id, None)
        for span in new:
            self.spans[span.id] = span
        self.model_.apply({i: s for i, s in gone.items() if self.shown(s)}, [s for s in new if self.shown(s)])

    def rowCount(self) -> int:  # noqa: N802 (the name QTableWidget users know)
        return self.model_.rowCount()

    def row_texts(self, row: int) -> list[str]:
        """What a row shows, column by column."""
        return [str(self.model_.data(self.model_.index(row, c))) for c in range(len(SpanModel.COLUMNS))]
