"""Two small charts painted with QPainter (no charting library: it would not fit the executable's size
budget): a heat map of values between 0 and 1 (agreement, label × annotator pair) and stacked
horizontal bars (reports by status, spans by label, per annotator)."""
from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

PAD = 6


def _mix(value: float) -> QColor:
    """Red (0) through yellow to green (1)."""
    value = max(0.0, min(1.0, value))
    hue = int(120 * value)  # degrees: 0 red, 60 yellow, 120 green
    return QColor.fromHsv(hue, 150, 235)


class HeatMap(QWidget):
    """rows × columns cells, each a value in [0, 1] (None: nothing to compare), written in the cell."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[str] = []
        self.columns: list[str] = []
        self.values: dict[tuple[str, str], float | None] = {}
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)

    def set_data(self, rows: list[str], columns: list[str], values: dict[tuple[str, str], float | None]) -> None:
        self.rows, self.columns, self.values = rows, columns, values
        self.updateGeometry()
        self.update()

    def _margins(self) -> tuple[int, int]:
        fm = QFontMetrics(self.font())
        left = max((fm.horizontalAdvance(r) for r in self.rows), default=0) + 2 * PAD
        return left, fm.height() + 2 * PAD

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt name)
        left, top = self._margins()
        return QSize(left + 90 * max(1, len(self.columns)), top + 34 * max(1, len(self.rows)))

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt name)
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().base())
        if not self.rows or not self.columns:
            return
        left, top = self._margins()
        w = (self.width() - left - PAD) / len(self.columns)
        h = (self.height() - top - PAD) / len(self.rows)
        for j, column in enumerate(self.columns):
            painter.drawText(QRectF(left + j * w, 0, w, top), Qt.AlignCenter, column)
        for i, row in enumerate(self.rows):
            painter.drawText(QRectF(0, top + i * h, left - PAD, h), Qt.AlignRight | Qt.AlignVCenter, row)
            for j, column in enumerate(self.columns):
                cell = QRectF(left + j * w + 1, top + i * h + 1, w - 2, h - 2)
                value = self.values.get((row, column))
                painter.fillRect(cell, _mix(value) if value is not None else self.palette().window())
                painter.drawText(cell, Qt.AlignCenter, "–" if value is None else f"{value:.2f}")


class StackedBars(QWidget):
    """One horizontal bar per row, made of coloured parts (series) with their counts; a legend on top."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[str] = []
        self.series: list[tuple[str, QColor]] = []
        self.values: dict[tuple[str, str], float] = {}
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)

    def set_data(self, rows: list[str], series: list[tuple[str, QColor]],
                 values: dict[tuple[str, str], float]) -> None:
        self.rows, self.series, self.values = rows, series, values
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt name)
        return QSize(480, QFontMetrics(self.font()).height() * 2 + 30 * max(1, len(self.rows)) + 3 * PAD)

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt name)
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().base())
        fm = QFontMetrics(self.font())
        x = PAD
        for name, color in self.series:  # the legend
            painter.fillRect(QRectF(x, PAD, fm.height(), fm.height()), color)
            x += fm.height() + 4
            painter.drawText(QRectF(x, PAD, fm.horizontalAdvance(name) + 2, fm.height()), Qt.AlignVCenter, name)
            x += fm.horizontalAdvance(name) + 3 * PAD
        if not self.rows:
            return
        top = fm.height() + 3 * PAD
        left = max(fm.horizontalAdvance(r) for r in self.rows) + 2 * PAD
        totals = {r: sum(self.values.get((r, s), 0) for s, _ in self.series) for r in self.rows}
        most = max(totals.values()) or 1
        width = self.width() - left - PAD - fm.horizontalAdvance("000000")
        h = (self.height() - top - PAD) / len(self.rows)
        for i, row in enumerate(self.rows):
            y = top + i * h
            painter.drawText(QRectF(0, y, left - PAD, h), Qt.AlignRight | Qt.AlignVCenter, row)
            x = left
            for name, color in self.series:
                part = self.values.get((row, name), 0) / most * width
                painter.fillRect(QRectF(x, y + 3, part, h - 6), color)
                x += part
            painter.drawText(QRectF(x + 4, y, fm.horizontalAdvance("000000"), h), Qt.AlignVCenter,
                             f"{totals[row]:g}")
