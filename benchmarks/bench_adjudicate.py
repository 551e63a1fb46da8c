"""Adjudicating a long report in the real window: from Ctrl+1 (take a version) to the repainted window.

Two annotators' packages of one report (default: the 1955 national work report, 57,590 characters):
each lets the suggesters run, alice accepts every suggestion, bob every one but each third, both mark
it done; the lead merges them and walks the disagreements with Ctrl+1.  The floor, in the same run, is
a key that does nothing (Escape) and the repaint.
Offscreen:  python benchmarks/bench_adjudicate.py [REPORT]
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

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from annotator.core import segment  # noqa: E402
from annotator.core.model import Document  # noqa: E402
from annotator.core.store import Project  # noqa: E402
from annotator.core.team import assign, merge  # noqa: E402
from benchmarks.common import machine  # noqa: E402

REPORT = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "reports" / "national-1955.txt"
TAKES = 20


def team_file(folder: Path, text: str) -> Path:
    with Project.open(folder / "team.db", annotator="lead") as team:
        team.add_document(Document(text=text, title="report"))
        files = assign.make_packages(team, assign.plan(team.document_ids(), ["alice", "bob"], overlap=1.0),
                                     folder / "packages")
    for n, (name, path) in enumerate(files.items()):
        with Project.open(path, annotator=name) as package:
            package.suggest([1])
            with package.change():
                for i, s in enumerate(s for s in package.spans(1) if s.origin == "suggested"):
                    if n == 0 or i % 3:
                        package.accept(s.id)
            package.set_status(1, "done")
    with Project.open(folder / "team.db", annotator="lead") as team:
        merge.merge(team, list(files.values()))
    return folder / "team.db"


def timed(app, window, key, modifiers=Qt.NoModifier) -> float:
    t0 = time.perf_counter()
    QTest.keyClick(window.view, key, modifiers)
    app.processEvents()
    window.grab()
    return (time.perf_counter() - t0) * 1000


def main() -> None:
    report = Path(sys.argv[1]) if len(sys.argv) > 1 else REPORT
    folder = Path(tempfile.mkdtemp())
    os.environ["ANNOTATOR_HOME"], os.environ["ANNOTATOR"] = str(folder / "home"), "lead"
    app = QApplication([])
    from annotator.ui.app import settings
    from annotator.ui.main_window import MainWindow

    text = report.read_text("utf-8")
    path = team_file(folder, text)
    segment.start().join()
    window = MainWindow(Project.open(path), settings(), english=True)
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    window.open_document(1)
    window.docks["adjudication"].show()
    app.processEvents()
    places = len(window.adjudication.places)
    takes = [timed(app, window, Qt.Key_1, Qt.ControlModifier) for _ in range(TAKES)]
    floor = [timed(app, window, Qt.Key_Escape) for _ in range(TAKES)]
    window.project.close()
    print(machine())
    print(f"{report.name}: {len(text):,} characters, {places} disagreements between two annotators")
    print(f"floor: a key that does nothing + repaint: median {statistics.median(floor):.1f} ms")
    print(f"take a version (Ctrl+1) + repaint: median {statistics.median(takes):.1f} ms, max {max(takes):.1f} ms "
          f"over {TAKES}")


if __name__ == "__main__":
    main()
