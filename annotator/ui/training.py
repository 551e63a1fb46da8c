"""The learnt source from the window: trained in a separate process, shown in the status bar.

Training runs `annotator train` (the same core function the CLI runs) as a child process: CRFsuite
holds the interpreter while it trains, so a thread would freeze the window for as long.  The child
writes the model into the project file like any other program; the window's poll sees it arrive.
It starts on demand (Suggestions menu) and on its own once `EVERY` more reports are marked done
than the model was trained on; a failure then is only shown in the status bar.
"""
from __future__ import annotations

import json
import logging
import sys
from datetime import datetime

from PySide6.QtCore import QObject, QProcess, Signal
from PySide6.QtWidgets import QLabel

from annotator.core.learn.learnt import trusted as trusted_labels
from annotator.core.learn.training import FOLDS

log = logging.getLogger("annotator")
EVERY = 5  # reports marked done since the last training that start the next one


def train_command(project_path: str) -> tuple[str, list[str]]:
    """The program and arguments of `annotator train` here: the executable itself, or this Python."""
    args = ["train", "-p", project_path, "--json", "--folds", str(FOLDS)]
    if getattr(sys, "frozen", False):
        return sys.executable, args
    return sys.executable, ["-m", "annotator", *args]


class Training(QObject):
    finished = Signal(bool)  # trained (True) or failed

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.process: QProcess | None = None
        self.automatic = False
        self.label = QLabel()
        window.statusBar().addPermanentWidget(self.label)
        self.refresh()

    @property
    def running(self) -> bool:
        return self.process is not None

    def refresh(self) -> None:
        """The status bar's account of the model: when, on how much, and how it scored."""
        if self.running:
            self.label.setText(self.tr("Learnt source: training…"))
            return
        info = self.window.project.models.info()
        if not info:
            self.label.setText(self.tr("Learnt source: not trained"))
            self.label.setToolTip(self.tr("Suggestions ▸ Train the learnt source, once some reports are done"))
            return
        when = datetime.fromisoformat(info["trained_at"]).astimezone().strftime("%Y-%m-%d %H:%M")  # stored in UTC
        text = self.tr("Learnt source: %1 spans, %2").replace("%1", str(info["spans"])).replace("%2", when)
        scores = info.get("scores") or {}
        if scores:
            learnt = scores["learnt"]["overall"]["exact"]["f1"]
            rules = scores["rules"]["overall"]["exact"]["f1"]
            text += self.tr(" · F1 %1 (rules %2)").replace("%1", f"{learnt:.2f}").replace("%2", f"{rules:.2f}")
        self.label.setText(text)
        trusted = trusted_labels(info)
        judged = self.tr("every label it knows") if trusted is None else ", ".join(sorted(trusted)) or "–"
        self.label.setToolTip(self.tr("Trained on %1 reports marked done; F1 is exact-span, %2-fold on those "
                                      "reports, each part scored by a model trained on the others")
                              .replace("%1", str(info["reports"])).replace("%2", str(scores.get("folds", "–")))
                              + "\n" + self.tr("It judges the suggestions of: %1").replace("%1", judged))

    def start(self, automatic: bool = False) -> bool:
        """Train now, in the background; False when it cannot start (already running, no project file)."""
        project = self.window.project
        if self.running or project.path is None or project.read_only:
            if not automatic:
                self.window.status(self.tr("Training is already running") if self.running else
                                   self.tr("This project cannot be trained here (read-only or in memory)"))
            return False
        self.automatic = automatic
        process = QProcess(self)
        process.finished.connect(self._finished)
        program, args = train_command(str(project.path))
        process.start(program, args)
        self.process = process
        self.refresh()
        if not automatic:
            self.window.status(self.tr("Training the learnt source in the background…"))
        return True

    def maybe_start(self) -> bool:
        """Train on its own when EVERY more reports are done than the model has seen."""
        project = self.window.project
        done = len(project.document_ids("done"))
        return done - project.models.info().get("reports", 0) >= EVERY and self.start(automatic=True)

    def _finished(self, code: int, _status) -> None:
        process, self.process = self.process, None
        out = bytes(process.readAllStandardOutput()).decode("utf-8", "replace")
        err = bytes(process.readAllStandardError()).decode("utf-8", "replace")
        process.deleteLater()
        self.window.poll()  # the model (and the reports' uncertainty) the child wrote, shown now
        self.refresh()
        if code == 0:
            info = json.loads(out)
            self.window.status(self.tr("Learnt source trained on %1 spans; Suggestions ▸ Suggest again uses it")
                               .replace("%1", str(info["spans"])), 10000)
        else:
            reason = next((line for line in reversed(err.splitlines()) if line.startswith("Error:")),
                          err.strip().splitlines()[-1] if err.strip() else f"exit status {code}")
            log.warning("training failed: %s", err)
            message = self.tr("Training failed: %1").replace("%1", reason.removeprefix("Error:").strip())
            if self.automatic:
                self.window.status(message, 10000)
            else:
                self.window.error(message)
        self.finished.emit(code == 0)

    def stop(self) -> None:
        """The window is closing: a half-trained model is not worth keeping it open for."""
        if self.process is not None:
            self.process.finished.disconnect(self._finished)
            self.process.kill()
            self.process.waitForFinished(3000)
            self.process = None
