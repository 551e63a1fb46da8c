"""The report, read-only, with spans drawn over it.

Entities are a tinted background, metrics a coloured underline, so both show
over the same characters; suggestions are drawn lighter with a dotted line; the
selected span gets an outline.  Lines are 1.5 high, which CJK text needs.
Spans are set as formats on the layout of each block that has been on screen
(no QSyntaxHighlighter: it would pass over every block of a long report), so
opening a report costs about twice showing its text, and a change redraws only
the blocks it touches.  Positions cross
between Qt (UTF-16) and the core (code points) only through Utf16Map.  The text
shown is the core's string; nothing is ever read back from the widget.
"""
from __future__ import annotations

from bisect import bisect_left

from PySide6.QtCore import QPoint, QRect, Qt, QTimer, Signal
from PySide6.QtGui import (QColor, QFont, QPainter, QPalette, QPen, QTextBlockFormat, QTextCharFormat, QTextCursor,
                           QTextDocument, QTextLayout, QTextOption)
from PySide6.QtWidgets import QTextEdit, QToolTip

from annotator.core import segment
from annotator.core.model import Schema, Span
from annotator.core.offsets import Utf16Map


LINE_HEIGHT = 150  # percent
FIRST_SCREENS = 6000  # characters whose spans are drawn before a report is first laid out (two tall screens)


def tint(color: str, strength: float) -> QColor:
    """The label colour mixed with white: readable black text on top."""
    c = QColor(color)
    return QColor(round(255 - strength * (255 - c.red())), round(255 - strength * (255 - c.green())),
                  round(255 - strength * (255 - c.blue())))


class ReportView(QTextEdit):
    """Signals carry code point offsets."""

    span_clicked = Signal(int)  # span id

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(Qt.TextSelectableByMouse | Qt.TextSelectableByKeyboard)
        self.setWordWrapMode(QTextOption.WrapAtWordBoundaryOrAnywhere)
        self.setTabChangesFocus(False)
        self.setAcceptRichText(False)
        self.text = ""
        self.map: Utf16Map | None = None
        self.spans: dict[int, Span] = {}
        self._index: dict[str, tuple[list[int], list[Span]]] = {}  # layer -> (starts, spans by start)
        self.order: list[Span] = []  # every span in reading order (start, end, id)
        self.hidden: set[str] = set()  # labels not shown
        self.hide_suggestions = False
        self.formats: dict[tuple[str, bool], QTextCharFormat] = {}
        self.selected_id: int | None = None
        self.link_keys: set[str] = set()
        self.colors: dict[str, str] = {}
        self.drawn: set[int] = set()  # numbers of the blocks whose spans are drawn
        self._pending = False
        self.verticalScrollBar().valueChanged.connect(self._schedule)
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF(), 12.0))
        self.setFont(font)
        palette = self.palette()  # a match found from the find bar shows as selected while the bar has the keys
        for role in (QPalette.Highlight, QPalette.HighlightedText):
            palette.setColor(QPalette.Inactive, role, palette.color(QPalette.Active, role))
        self.setPalette(palette)

    # content ---------------------------------------------------------------

    def set_schema(self, schema: Schema) -> None:
        self.link_keys = {a.key for label in schema.labels for a in label.attributes if a.type == "link"}
        self.colors = {label.key: label.color for label in schema.labels}
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
        """Show a report and its spans; spans are drawn as blocks reach the screen."""
        self.text = text
        self.map = Utf16Map(text)
        self.selected_id = None
        self.drawn = set()
        self._set_spans(spans)
        doc = self._document(text)
        # The first screens' spans go on before Qt lays the document out, so those blocks are laid
        # out once; blocks further down get theirs as they come near the screen (draw_visible).
        block = doc.begin()
        while block.isValid() and block.position() < FIRST_SCREENS:
            self.drawn.add(block.blockNumber())
            self._draw_block(block, laid_out=False)
            block = block.next()
        self.setDocument(doc)  # the previous one, a child of the view, is deleted by Qt
        self._schedule()

    def _document(self, text: str) -> QTextDocument:
        """A document holding `text` with airy lines: CJK reads better at 1.5 line height.

        Inserted through a cursor whose block format every new block inherits:
        setting line height afterwards would cost ten times as long."""
        doc = QTextDocument(self)
        doc.setUndoRedoEnabled(False)
        doc.setDefaultFont(self.font())
        doc.setDocumentMargin(12)
        cursor = QTextCursor(doc)
        block = QTextBlockFormat()
        block.setLineHeight(LINE_HEIGHT, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        cursor.setBlockFormat(block)
        cursor.insertText(text)
        return doc

    def _set_spans(self, spans: list[Span]) -> None:
        self.spans = {s.id: s for s in spans}
        self.order = sorted(spans, key=_position)
        self._index = {}
        for span in self.order:
            starts, items = self._index.setdefault(span.layer, ([], []))
            starts.append(span.start)
            items.append(span)

    def _unindex(self, span: Span) -> None:
        starts, items = self._index.get(span.layer, ([], []))
        i = bisect_left(starts, span.start)
        while i < len(items) and items[i].id != span.id:
            i += 1
        if i < len(items):
            del starts[i], items[i]
        j = bisect_left(self.order, _position(span), key=_position)
        if j < len(self.order) and self.order[j].id == span.id:
            del self.order[j]

    def _insert(self, span: Span) -> None:
        starts, items = self._index.setdefault(span.layer, ([], []))
        i = bisect_left(items, (span.start, span.end), key=lambda s: (s.start, s.end))
        starts.insert(i, span.start)
        items.insert(i, span)
        self.order.insert(bisect_left(self.order, _position(span), key=_position), span)

    def visible(self, span: Span) -> bool:
        return span.label not in self.hidden and not (self.hide_suggestions and span.origin == "suggested")

    def _walk(self, i: int, forward: bool) -> Span | None:
        """The first shown span from position i of the reading order on (or back), wrapping round."""
        n = len(self.order)
        for k in range(n):
            span = self.order[(i + k if forward else i - k) % n]
            if self.visible(span):
                return span
        return None

    def neighbour(self, span: Span, forward: bool) -> Span | None:
        """The shown span after (or before) `span` in reading order, wrapping round."""
        if not self.order:
            return None
        i = bisect_left(self.order, _position(span), key=_position)
        if forward:
            return self._walk(i + 1 if i < len(self.order) and self.order[i].id == span.id else i, True)
        return self._walk(i - 1, False)

    def at_or_after(self, cp: int, forward: bool) -> Span | None:
        """The first shown span starting at or after `cp` (forward), or the last starting before it."""
        if not self.order:
            return None
        i = bisect_left(self.order, cp, key=lambda s: s.start)
        return self._walk(i, True) if forward else self._walk(i - 1, False)

    def spans_between(self, start: int, end: int) -> list[Span]:
        """Spans overlapping [start, end), entities first (metrics underline on top)."""
        found = []
        for layer in ("entity", "metric"):
            starts, items = self._index.get(layer, ([], []))
            i = bisect_left(starts, start)
            if i and items[i - 1].end > start:  # no overlap inside a layer: only one can reach in
                i -= 1
            j = bisect_left(starts, end)
            found += [s for s in items[i:j] if s.end > start and s.label not in self.hidden
                      and not (self.hide_suggestions and s.origin == "suggested")]
        return found

    def set_hidden(self, labels: set[str], suggestions: bool) -> None:
        """Hide these labels, and suggestions or not: hidden spans are not drawn, clicked or stepped to."""
        self.hidden, self.hide_suggestions = set(labels), suggestions
        for number in self.drawn:
            block = self.document().findBlockByNumber(number)
            if block.isValid():
                self._draw_block(block)
        self.viewport().update()

    def span_at(self, cp: int) -> Span | None:
        spans = self.spans_between(cp, cp + 1)
        return spans[0] if spans else None

    def update_spans(self, gone: list[int], new: list[Span]) -> dict[int, Span]:
        """Spans `gone` (ids) leave, `new` ones arrive; only the blocks they cover are drawn again.
        Returns the spans that left, as they were."""
        removed = {}
        for span_id in gone:
            span = self.spans.pop(span_id, None)
            if span is not None:
                removed[span_id] = span
                self._unindex(span)
        for span in new:
            old = self.spans.pop(span.id, None)
            if old is not None:
                removed.setdefault(span.id, old)
                self._unindex(old)
            self.spans[span.id] = span
            self._insert(span)
        self._redraw([(s.start, s.end) for s in [*removed.values(), *new]])
        if self.selected_id is not None and self.selected_id not in self.spans:
            self.selected_id = None
        self.viewport().update()
        return removed

    def replace_spans(self, spans: list[Span]) -> None:
        """All of the report's spans anew (after a bulk change), keeping the text, scroll and selection."""
        selected = self.selected_id
        self._set_spans(spans)
        self.selected_id = selected if selected in self.spans else None
        for number in self.drawn:
            block = self.document().findBlockByNumber(number)
            if block.isValid():
                self._draw_block(block)
        self.viewport().update()

    def _redraw(self, ranges: list[tuple[int, int]]) -> None:
        """Draw again the blocks these ranges touch, each once (a block's layout is redone after)."""
        doc, numbers = self.document(), set()
        for start, end in ranges:
            block = doc.findBlock(self.map.to_qt(start))
            last = doc.findBlock(self.map.to_qt(end))
            while block.isValid():
                numbers.add(block.blockNumber())
                if block == last:
                    break
                block = block.next()
        for number in sorted(numbers & self.drawn):  # others are drawn when they come on screen
            self._draw_block(doc.findBlockByNumber(number))

    def _draw_block(self, block, laid_out: bool = True) -> None:
        """Give one block the formats of its spans (overlapping ranges merge: fill and underline);
        a block already laid out is laid out again."""
        qt_start = block.position()
        cp_start = self.map.from_qt(qt_start)
        cp_end = self.map.from_qt(qt_start + block.length() - 1)
        ranges = []
        for span in self.spans_between(cp_start, cp_end):
            r = QTextLayout.FormatRange()
            r.start = self.map.to_qt(max(span.start, cp_start)) - qt_start
            r.length = self.map.to_qt(min(span.end, cp_end)) - qt_start - r.start
            r.format = self.formats[(span.label, span.origin == "suggested")]
            ranges.append(r)
        block.layout().setFormats(ranges)
        if laid_out:
            block.document().markContentsDirty(qt_start, block.length())

    def _schedule(self, *_) -> None:
        """Draw the spans of newly visible blocks once the event loop is free (coalesces scrolling)."""
        if not self._pending:
            self._pending = True
            QTimer.singleShot(0, self, self.draw_visible)  # dropped if the view goes first

    def draw_visible(self) -> None:
        self._pending = False
        if self.map is None:
            return
        layout = self.document().documentLayout()
        # the first block on screen: a point inside the text, not in the document's margin, where
        # Qt's hit test answers with the document's last block
        margin, top = int(self.document().documentMargin()), self.verticalScrollBar().value()
        block = self.cursorForPosition(QPoint(margin + 1, max(0, margin + 1 - top))).block()
        # one screen ahead, so scrolling shows no undrawn spans
        bottom = top + 2 * self.viewport().height()
        while block.isValid() and layout.blockBoundingRect(block).top() <= bottom:
            number = block.blockNumber()
            if number not in self.drawn:
                self.drawn.add(number)
                self._draw_block(block)
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

    def show_range(self, start: int, end: int) -> None:
        """Select these characters (code points) and scroll to them: a label key then labels them."""
        if self.map is None:
            return
        self.select_span(None, scroll=False)
        cursor = self.textCursor()
        cursor.setPosition(self.map.to_qt(start))
        cursor.setPosition(self.map.to_qt(end), QTextCursor.KeepAnchor)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

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
        for linked in self.linked(span):  # a metric's subject and period, dashed in their colour
            painter.setPen(QPen(QColor(self.colors.get(linked.label, "#444444")), 2, Qt.DashLine))
            for rect in self._span_rects(linked):
                painter.drawRect(rect.adjusted(-1, 0, 1, 0))
        painter.end()

    def linked(self, span: Span) -> list[Span]:
        """The spans `span` links to through its attributes (a metric's subject and period)."""
        return [self.spans[v] for k, v in span.attrs.items()
                if k in self.link_keys and isinstance(v, int) and v in self.spans]

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

    def mouseDoubleClickEvent(self, event) -> None:  # noqa: N802 (Qt name)
        """A double click selects jieba's word under the pointer (Qt's own word is the whole run of
        Chinese characters up to a punctuation mark, a clause)."""
        super().mouseDoubleClickEvent(event)
        if self.map is None or not self.text:
            return
        cp = min(self.map.from_qt(self.cursorForPosition(event.position().toPoint()).position()), len(self.text) - 1)
        word = segment.snap(self.text, cp, cp + 1, words=True)
        if word is not None:
            cursor = self.textCursor()
            cursor.setPosition(self.map.to_qt(word[0]))
            cursor.setPosition(self.map.to_qt(word[1]), QTextCursor.KeepAnchor)
            self.setTextCursor(cursor)

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
        self.set_point_size(self.font().pointSizeF() + steps)

    def set_point_size(self, size: float) -> None:
        font = QFont(self.font())
        font.setPointSizeF(min(40.0, max(8.0, size)))
        self.setFont(font)
        self.document().setDefaultFont(font)


def _position(span: Span) -> tuple[int, int, int]:
    return span.start, span.end, span.id


def _describe(span: Span) -> str:
    attrs = ", ".join(f"{k}={v}" for k, v in span.attrs.items() if v not in (None, ""))
    origin = " (suggested)" if span.origin == "suggested" else ""
    return f"{span.label}{origin}: {span.text}" + (f"\n{attrs}" if attrs else "")
