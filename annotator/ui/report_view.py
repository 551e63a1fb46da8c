"""The report, read-only, with spans drawn over it.

Entities are a tinted background, metrics a coloured underline, so both show
over the same characters; suggestions are drawn lighter with a dotted line; the
selected span gets an outline.  A syntax highlighter draws spans block by
block, and only blocks that have been on screen, so opening a long report
costs little more than showing its text, and a change re-highlights only the
blocks it touches.  Positions cross
between Qt (UTF-16) and the core (code points) only through Utf16Map.  The text
shown is the core's string; nothing is ever read back from the widget.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right

from PySide6.QtCore import QRect, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPen, QSyntaxHighlighter, QTextCharFormat, QTextCursor, QTextOption
from PySide6.QtWidgets import QPlainTextEdit, QToolTip

from annotator.core.model import Schema, Span
from annotator.ui.offsets import Utf16Map


def tint(color: str, strength: float) -> QColor:
    """The label colour mixed with white: readable black text on top."""
    c = QColor(color)
    return QColor(round(255 - strength * (255 - c.red())), round(255 - strength * (255 - c.green())),
                  round(255 - strength * (255 - c.blue())))


class SpanHighlighter(QSyntaxHighlighter):
    def __init__(self, view: "ReportView"):
        super().__init__(view.document())
        self.view = view

    def highlightBlock(self, text: str) -> None:  # noqa: N802 (Qt name)
        view = self.view
        block = self.currentBlock()
        if view.map is None or block.blockNumber() not in view.drawn:
            return  # not on screen yet: drawn when scrolled to
        qt_start = block.position()
        cp_start = view.map.from_qt(qt_start)
        cp_end = view.map.from_qt(qt_start + block.length() - 1)
        for span in view.spans_between(cp_start, cp_end):
            s, e = max(span.start, cp_start), min(span.end, cp_end)
            fmt = view.formats[(span.label, span.origin == "suggested")]
            qs, qe = view.map.to_qt(s) - qt_start, view.map.to_qt(e) - qt_start
            if span.layer == "entity":
                self.setFormat(qs, qe - qs, fmt)
            else:  # an underline merged into whatever background is there
                for i in range(qs, qe):
                    merged = QTextCharFormat(self.format(i))
                    merged.merge(fmt)
                    self.setFormat(i, 1, merged)


class ReportView(QPlainTextEdit):
    """Signals carry code point offsets."""

    span_clicked = Signal(int)  # span id

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(Qt.TextSelectableByMouse | Qt.TextSelectableByKeyboard)
        self.setWordWrapMode(QTextOption.WrapAtWordBoundaryOrAnywhere)
        self.setTabChangesFocus(False)
        self.text = ""
        self.map: Utf16Map | None = None
        self.spans: dict[int, Span] = {}
        self._index: dict[str, tuple[list[int], list[Span]]] = {}  # layer -> (starts, spans by start)
        self.formats: dict[tuple[str, bool], QTextCharFormat] = {}
        self.selected_id: int | None = None
        self.drawn: set[int] = set()  # numbers of the blocks whose spans are drawn
        self.highlighter = SpanHighlighter(self)
        self._pending = False
        self.verticalScrollBar().valueChanged.connect(self._schedule)
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF(), 12.0))
        self.setFont(font)
        self.document().setDocumentMargin(12)

    # content ---------------------------------------------------------------

    def set_schema(self, schema: Schema) -> None:
        self.formats = {}
        for label in schema.labels:
            for suggested in (False, True):
                fmt = QTextCharFormat()
                if label.layer == "entity":
                    fmt.setBackground(tint(label.color, 0.18 if suggested else 0.35))
                    if suggested:
                        fmt.setUnderlineStyle(QTextCharFormat.DotLine)
                        fmt.setUnderlineColor(QColor(label.color))
                else:
                    fmt.setUnderlineStyle(QTextCharFormat.DotLine if suggested else QTextCharFormat.SingleUnderline)
                    fmt.setUnderlineColor(QColor(label.color))
                    fmt.setForeground(QColor("#202020"))
                self.formats[(label.key, suggested)] = fmt

    def show_document(self, text: str, spans: list[Span]) -> None:
        """Show a report and its spans: one highlight pass over the text."""
        self.text = text
        self.map = Utf16Map(text)
        self.selected_id = None
        self.drawn = set()
        self._set_spans(spans)
        self.setPlainText(text)
        self._schedule()

    def _set_spans(self, spans: list[Span]) -> None:
        self.spans = {s.id: s for s in spans}
        self._reindex()

    def _reindex(self) -> None:
        self._index = {}
        for span in sorted(self.spans.values(), key=lambda s: (s.start, s.end)):
            starts, items = self._index.setdefault(span.layer, ([], []))
            starts.append(span.start)
            items.append(span)

    def spans_between(self, start: int, end: int) -> list[Span]:
        """Spans overlapping [start, end), entities first (metrics underline on top)."""
        found = []
        for layer in ("entity", "metric"):
            starts, items = self._index.get(layer, ([], []))
            i = bisect_left(starts, start)
            if i and items[i - 1].end > start:  # no overlap inside a layer: only one can reach in
                i -= 1
            j = bisect_left(starts, end)
            found += [s for s in items[i:j] if s.end > start]
        return found

    def span_at(self, cp: int) -> Span | None:
        spans = self.spans_between(cp, cp + 1)
        return spans[0] if spans else None

    def update_spans(self, removed: list[Span], added: list[Span]) -> None:
        """Apply changed spans and re-highlight only the blocks they cover."""
        for span in removed:
            self.spans.pop(span.id, None)
        for span in added:
            self.spans[span.id] = span
        self._reindex()
        for span in removed + added:
            self._rehighlight(span.start, span.end)
        self.viewport().update()

    def _rehighlight(self, start: int, end: int) -> None:
        doc = self.document()
        block = doc.findBlock(self.map.to_qt(start))
        last = doc.findBlock(self.map.to_qt(end))
        while block.isValid():
            if block.blockNumber() in self.drawn:  # others are drawn when they come on screen
                self.highlighter.rehighlightBlock(block)
            if block == last:
                break
            block = block.next()

    def _schedule(self, *_) -> None:
        """Draw the spans of newly visible blocks once the event loop is free (coalesces scrolling)."""
        if not self._pending:
            self._pending = True
            QTimer.singleShot(0, self.draw_visible)

    def draw_visible(self) -> None:
        self._pending = False
        if self.map is None:
            return
        block = self.firstVisibleBlock()
        bottom = self.viewport().height() * 2  # one screen ahead, so scrolling shows no flicker
        top = self.blockBoundingGeometry(block).translated(self.contentOffset()).top()
        while block.isValid() and top <= bottom:
            number = block.blockNumber()
            if number not in self.drawn:
                self.drawn.add(number)
                self.highlighter.rehighlightBlock(block)
            top += self.blockBoundingRect(block).height()
            block = block.next()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().resizeEvent(event)
        self._schedule()

    # selection ---------------------------------------------------------------

    def selection(self) -> tuple[int, int] | None:
        """The selected characters as code points, or None."""
        cursor = self.textCursor()
        if not cursor.hasSelection() or self.map is None:
            return None
        return self.map.from_qt(cursor.selectionStart()), self.map.from_qt(cursor.selectionEnd())

    def select_span(self, span: Span | None, *, scroll: bool = True) -> None:
        old = self.spans.get(self.selected_id) if self.selected_id else None
        self.selected_id = span.id if span else None
        if span is not None and scroll:
            cursor = self.textCursor()
            cursor.setPosition(self.map.to_qt(span.start))
            self.setTextCursor(cursor)
            self.ensureCursorVisible()
        self.viewport().update()
        del old

    def set_cursor(self, cp: int) -> None:
        cursor = self.textCursor()
        cursor.setPosition(self.map.to_qt(cp))
        self.setTextCursor(cursor)

    # painting and events -------------------------------------------------------

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().paintEvent(event)
        span = self.spans.get(self.selected_id) if self.selected_id else None
        if span is None:
            return
        painter = QPainter(self.viewport())
        painter.setPen(QPen(QColor("#111111"), 2))
        for rect in self._span_rects(span):
            painter.drawRect(rect.adjusted(-1, 0, 1, 0))
        painter.end()

    def _span_rects(self, span: Span) -> list[QRect]:
        """One rectangle per visual line the span covers."""
        rects: list[QRect] = []
        cursor = QTextCursor(self.document())
        qs, qe = self.map.to_qt(span.start), self.map.to_qt(span.end)
        cursor.setPosition(qs)
        start_rect = self.cursorRect(cursor)
        line_start = start_rect
        pos = qs
        while pos < qe:
            pos += 1
            cursor.setPosition(pos)
            r = self.cursorRect(cursor)
            if r.top() != line_start.top() or pos == qe:
                end_x = r.left() if r.top() == line_start.top() else self._line_end_x(pos - 1)
                rects.append(QRect(line_start.left(), line_start.top(), max(2, end_x - line_start.left()),
                                   line_start.height()))
                line_start = r
        return rects

    def _line_end_x(self, pos: int) -> int:
        cursor = QTextCursor(self.document())
        cursor.setPosition(pos)
        cursor.movePosition(QTextCursor.NextCharacter)
        return self.cursorRect(cursor).left() if cursor.position() != pos else self.cursorRect(cursor).right()

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().mouseReleaseEvent(event)
        if not self.textCursor().hasSelection() and self.map is not None:
            cp = self.map.from_qt(self.cursorForPosition(event.position().toPoint()).position())
            span = self.span_at(cp)
            if span is not None:
                self.span_clicked.emit(span.id)

    def event(self, event) -> bool:
        if event.type() == event.Type.ToolTip and self.map is not None:
            cp = self.map.from_qt(self.cursorForPosition(event.pos()).position())
            spans = self.spans_between(cp, cp + 1)
            if spans:
                QToolTip.showText(event.globalPos(), "\n".join(_describe(s) for s in spans), self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def zoom(self, steps: int) -> None:
        font = QFont(self.font())
        font.setPointSizeF(min(40.0, max(8.0, font.pointSizeF() + steps)))
        self.setFont(font)


def _describe(span: Span) -> str:
    attrs = ", ".join(f"{k}={v}" for k, v in span.attrs.items() if v not in (None, ""))
    origin = " (suggested)" if span.origin == "suggested" else ""
    return f"{span.label}{origin}: {span.text}" + (f"\n{attrs}" if attrs else "")
