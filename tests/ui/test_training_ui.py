"""The learnt source from the window: trained in a separate process while the window keeps working,
started by menu or by itself after reports are marked done, shown in the status bar, and ordering
the reports by how unsure it is."""
import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer

GOLD = Path(__file__).resolve().parents[1] / "gold"
GOLDS = ["seed_000.jsonl", "seed_003.jsonl", "report_xwlb_20200306_poverty_meeting.jsonl",
         "report_xwlb_20210225_poverty_awards.jsonl", "report_guizhou_2026_gov_excerpt.jsonl"]


@pytest.fixture
def gold_window(qtbot, tmp_path):
    """The window on five labelled gold reports (not yet done) and the demo reports they do not hold."""
    from annotator.core.importer import import_paths
    from annotator.core.store import Project
    from tests.conftest import CORPUS
    from tests.ui.conftest import open_window

    path = tmp_path / "team.db"
    with Project.open(path) as p:
        import_paths(p, [GOLD / name for name in GOLDS])
        import_paths(p, [CORPUS])
    win = open_window(qtbot, path)
    yield win
    win.training.stop()
    win.project.close()


def test_training_runs_in_another_process_while_the_window_keeps_working(gold_window, qtbot):
    win = gold_window
    with win.project.change():
        for doc_id in win.project.document_ids()[:4]:
            win.project.set_status(doc_id, "done")
    assert "not trained" in win.training.label.text()
    ticks = []
    timer = QTimer(interval=20)
    timer.timeout.connect(lambda: ticks.append(1))  # the window's event loop, while the model trains
    timer.start()
    with qtbot.waitSignal(win.training.finished, timeout=180_000) as trained:
        assert win.training.start()
        assert win.training.process.processId() not in (0, os.getpid())
        assert "training" in win.training.label.text()
    timer.stop()
    assert trained.args == [True]
    assert len(ticks) > 10  # the loop ran all along: nothing waited for the training
    info = win.project.models.info()
    assert info["reports"] == 4 and info["spans"] > 100
    label = win.training.label.text()
    assert f"{info['spans']} spans" in label and "F1" in label and "rules" in label
    assert "It judges the suggestions of:" in win.training.label.toolTip()
    # the model came through the file: the window's own project reads it and suggests with it
    assert win.project.models.learnt() is not None


def test_marking_reports_done_starts_training_by_itself(gold_window, qtbot):
    from annotator.ui.training import EVERY

    win = gold_window
    ids = win.project.document_ids()[:EVERY]
    win.open_document(ids[0])
    for n in range(EVERY):
        assert not win.training.running
        qtbot.keyClick(win.view, Qt.Key_Return, Qt.ControlModifier)  # done, and on to the next
    assert win.training.running  # the fifth report done started it
    with qtbot.waitSignal(win.training.finished, timeout=180_000) as trained:
        pass
    assert trained.args == [True] and win.project.models.info()["reports"] == EVERY


def test_reports_can_be_listed_and_taken_least_sure_first(gold_window, qtbot):
    from annotator.core.store import Project

    win = gold_window
    ids = win.project.document_ids()
    assert len(ids) == 8  # two demo reports are the seed golds' texts
    panel = win.documents
    shown = lambda: [panel.list.item(i).data(Qt.UserRole) for i in range(panel.list.count())]  # noqa: E731
    panel.order.setCurrentIndex(1)
    assert shown() == ids  # no model yet: least sure first is the order imported
    with Project.open(win.project.path) as trainer:  # as the training process writes it
        trainer.set_status(ids[1], "done")
        trainer.models.save({}, {"spans": 0, "reports": 0})
        trainer.models.set_uncertainty({ids[4]: 0.2, ids[6]: 0.9, ids[7]: 0.5, ids[1]: 0.95})
    qtbot.waitUntil(lambda: shown()[:3] == [ids[6], ids[7], ids[4]])
    assert shown()[-1] == ids[1]  # a finished report goes last, however unsure the model is of it
    assert "unsure 0.90" in panel.list.item(0).text()
    panel.order.setCurrentIndex(0)
    assert shown() == ids  # in the order imported again
    panel.order.setCurrentIndex(1)
    win.open_document(ids[0])
    qtbot.keyClick(win.view, Qt.Key_Return, Qt.ControlModifier)
    assert win.doc_id == ids[6]  # next: the one the model doubts most, not the next in order
    qtbot.keyClick(win.view, Qt.Key_Return, Qt.ControlModifier)
    assert win.doc_id == ids[7]


def test_training_that_cannot_start_says_why_and_what_to_do(gold_window, qtbot, monkeypatch):
    win = gold_window  # nothing is marked done yet
    shown = []
    monkeypatch.setattr(win, "error", shown.append)
    with qtbot.waitSignal(win.training.finished, timeout=120_000) as trained:
        assert win.training.start()
    assert trained.args == [False]
    assert shown and "0 confirmed spans in 0 reports marked done" in shown[0] and "mark them done" in shown[0]
    assert "not trained" in win.training.label.text() and not win.training.running
