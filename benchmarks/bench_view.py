"""Opening a 200,000-character report with 5,000 spans, and adding/deleting a span, in the real view.

Compared in the same run with a bare QPlainTextEdit.setPlainText of the same text (the floor).
Offscreen:  QT_QPA_PLATFORM=offscreen python benchmarks/bench_view.py
"""
from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtWidgets import QApplication, QPlainTextEdit  # noqa: E402

from annotator.core.model import Document  # noqa: E402
from annotator.core.store import Project  # noqa: E402
from annotator.ui.report_view import ReportView  # noqa: E402
from benchmarks.common import machine  # noqa: E402

CHARS, SPANS = 200_000, 5_000


def make_text() -> str:
    seeds = "\n".join(p.read_text("utf-8") for p in sorted((Path(__file__).resolve().parents[1] / "corpus").glob("*.txt")))
    text = (seeds * (CHARS // len(seeds) + 1))[:CHARS - 4] + "😀𠮷\n."  # astral characters included
    return text


def settle(app: QApplication) -> None:
    app.processEvents()


def main() -> None:
    app = QApplication.instance() or QApplication([])
    text = make_text()
    with tempfile.TemporaryDirectory() as tmp, Project.open(Path(tmp, "bench.db")) as project:
        doc = project.add_document(Document(text=text, title="bench"))
        step = len(text) // SPANS
        with project.change():
            for i in range(SPANS):
                start = i * step
                project.add_span(doc, start, start + 3, "METRIC" if i % 4 == 3 else "REGION")
        spans = project.spans(doc)
        floors, opens = [], []
        for _ in range(5):
            bare = QPlainTextEdit()
            bare.resize(1000, 800)
            bare.show()
            t0 = time.perf_counter()
            bare.setPlainText(text)
            settle(app)
            floors.append(time.perf_counter() - t0)
            bare.close()
            view = ReportView()
            view.resize(1000, 800)
            view.set_schema(project.schema)
            view.show()
            t0 = time.perf_counter()
            view.show_document(text, project.spans(doc))
            settle(app)
            opens.append(time.perf_counter() - t0)
        adds, deletes = [], []
        free = [i * step + 5 for i in range(0, SPANS, 50)]
        for start in free:
            t0 = time.perf_counter()
            span = project.add_span(doc, start, start + 2, "ORG")
            view.update_spans([], [span])
            settle(app)
            adds.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            project.delete_span(span.id)
            view.update_spans([span.id], [])
            settle(app)
            deletes.append(time.perf_counter() - t0)
    ms = lambda xs: f"{1000 * statistics.median(xs):.1f}"  # noqa: E731
    print(f"machine: {machine()}, offscreen")
    print(f"| {CHARS:,}-character report, {len(spans):,} spans | median ms |")
    print("|---|---|")
    print(f"| floor: bare QPlainTextEdit.setPlainText | {ms(floors)} |")
    print(f"| open in the report view (text, spans, highlighting) | {ms(opens)} |")
    print(f"| add a span (checked, committed, re-highlighted) | {ms(adds)} |")
    print(f"| delete a span (committed, re-highlighted) | {ms(deletes)} |")
    print(f"open/floor = {statistics.median(opens) / statistics.median(floors):.1f}x (target <= 3x and <= 150 ms); "
          f"add/delete target <= 16 ms")


if __name__ == "__main__":
    main()
