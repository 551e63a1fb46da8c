"""A long real report (tests/fixtures/reports: the 2026 Guangdong work report, 32,953 characters) in the
window: whatever is on screen is painted, after opening and after suggesting."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from annotator.core.model import Document
from annotator.core.store import Project

REPORT = Path(__file__).resolve().parents[1] / "fixtures" / "reports" / "guangdong-2026.txt"


@pytest.fixture
def long_window(qtbot, tmp_path):
    from annotator.core import segment
    from annotator.ui.app import settings
    from annotator.ui.main_window import MainWindow

    path = tmp_path / "long.db"
    with Project.open(path) as p:
        p.add_document(Document(text=REPORT.read_text(encoding="utf-8"), title="广东省政府工作报告"))
    segment.start().join()
    win = MainWindow(Project.open(path), settings(), english=True)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.project.close()


def on_screen_unpainted(view) -> list[str]:
    """Spans in blocks on screen whose block carries no span formats."""
    doc, layout = view.document(), view.document().documentLayout()
    top, bottom = view.verticalScrollBar().value(), view.verticalScrollBar().value() + view.viewport().height()
    missing = []
    block = doc.begin()
    while block.isValid():
        rect = layout.blockBoundingRect(block)
        if rect.bottom() >= top and rect.top() <= bottom:
            start = view.map.from_qt(block.position())
            end = view.map.from_qt(block.position() + block.length() - 1)
            if view.spans_between(start, end) and not block.layout().formats():
                missing.append(block.text()[:20])
        block = block.next()
    return missing


def test_the_first_screen_is_painted_after_opening_and_after_suggesting(long_window, qtbot):
    view = long_window.view
    long_window.run_suggest(False)
    assert len(view.spans) > 500
    qtbot.waitUntil(lambda: bool(view.drawn), timeout=3000)
    assert on_screen_unpainted(view) == []
    long_window.project.close()  # open it again: spans are there from the start
    from annotator.ui.app import settings
    from annotator.ui.main_window import MainWindow
    again = MainWindow(Project.open(long_window.project.path), settings(), english=True)
    qtbot.addWidget(again)
    again.resize(1280, 800)
    again.show()
    qtbot.waitExposed(again)
    qtbot.waitUntil(lambda: bool(again.view.drawn), timeout=3000)
    assert on_screen_unpainted(again.view) == []
    qtbot.keyClick(again.view, Qt.Key_End, Qt.ControlModifier)  # far down: painted there too
    qtbot.waitUntil(lambda: on_screen_unpainted(again.view) == [], timeout=3000)
    again.project.close()
