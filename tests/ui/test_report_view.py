"""What the report view draws: label colours, both layers over the same characters, airy lines, long reports lazily."""
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat

from annotator.core.model import Document
from annotator.core.store import Project
from annotator.ui.report_view import ReportView, tint


def formats_at(view, cp):
    """The character format Qt will paint at code point `cp`."""
    qt = view.map.to_qt(cp)
    block = view.document().findBlock(qt)
    offset = qt - block.position()
    merged = QTextCharFormat()
    ranges = block.layout().formats()  # keep the list alive while reading it
    for fr in ranges:  # overlapping ranges merge, later ones on top, as Qt paints them
        if fr.start <= offset < fr.start + fr.length:
            merged.merge(fr.format)
    return merged


def make_view(qtbot, text, labels):
    project = Project.open(None)
    doc = project.add_document(Document(text=text))
    for needle, label in labels:
        start = text.index(needle)
        project.add_span(doc, start, start + len(needle), label)
    view = ReportView()
    qtbot.addWidget(view)
    view.resize(600, 400)
    view.set_schema(project.schema)
    view.show()
    qtbot.waitExposed(view)
    view.show_document(text, project.spans(doc))
    return view, project


def test_entity_background_and_metric_underline_on_the_same_characters(qtbot):
    text = "😀𠮷 云阳县13.4万贫困群众"
    view, project = make_view(qtbot, text, [("云阳县13.4万", "ORG"), ("13.4万", "METRIC")])
    org = project.schema.label("ORG").color
    qtbot.waitUntil(lambda: formats_at(view, text.index("云")).background().color() == tint(org, 0.35))
    both = formats_at(view, text.index("13"))
    assert both.background().color() == tint(org, 0.35)  # entity fill kept under the metric
    assert both.underlineStyle() == QTextCharFormat.SingleUnderline
    assert formats_at(view, text.index("贫")).background().style() == Qt.NoBrush  # unlabelled: nothing


def test_spans_far_down_are_drawn_when_scrolled_to(qtbot):
    text = "\n".join(f"第{i}段:报告正文内容。" for i in range(3000)) + "\n资阳市"
    view, _ = make_view(qtbot, text, [("资阳市", "REGION")])
    end = text.index("资阳市")
    qtbot.wait(10)
    assert formats_at(view, end).background().style() == Qt.NoBrush  # not drawn while off screen
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
    qtbot.waitUntil(lambda: formats_at(view, end).background().style() != Qt.NoBrush)


def test_lines_are_one_and_a_half_high(qtbot):
    text = "云阳县" * 200  # wraps over several lines
    view, _ = make_view(qtbot, text, [])
    block = view.document().firstBlock()
    layout = block.layout()
    qtbot.waitUntil(lambda: layout.lineCount() > 2)
    step = layout.lineAt(1).y() - layout.lineAt(0).y()
    assert step >= 1.4 * layout.lineAt(0).height()
