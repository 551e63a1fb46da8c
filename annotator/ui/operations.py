"""Running an operation on the project from the window, the one place errors are shown.

An operation is a call into the core.  `run` calls it, shows an `AnnotatorError` (a refused span
in the status bar, anything else in a dialog) and hands what the store says changed to the
window, which redraws exactly that.  A failed operation changes nothing and is never shown as done.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QProgressDialog

from annotator.core.model import AnnotatorError, Cancelled, SpanError
from annotator.core.store.changes import Changes
from annotator.core.store.session import ReadOnlyProject


@dataclass
class Outcome:
    ok: bool
    value: Any = None
    changes: Changes = field(default_factory=Changes)


class _Finished(QObject):
    finished = Signal()


class Operations:
    def __init__(self, window):
        self.window = window
        self._dialog: QProgressDialog | None = None  # of the long action running, if any

    def run(self, fn: Callable[[], Any]) -> Outcome:
        window, changes = self.window, Changes()
        try:
            with window.project.track() as changes:
                value = fn()
        except AnnotatorError as exc:
            # what did commit before the refusal (an undo step taken off its stack) is still shown
            window.apply(changes)
            if isinstance(exc, (SpanError, ReadOnlyProject, Cancelled)):  # the status bar: no dialog in the way
                window.status(str(exc))
            else:
                window.error(str(exc))
            return Outcome(False, changes=changes)
        window.apply(changes)
        return Outcome(True, value, changes)

    def run_long(self, title: str, fn: Callable[[Callable[[int, int], bool]], Any], *,
                 cancellable: bool = True) -> Outcome:
        """`run` for a long action: `fn(on_progress)` reports its progress to a dialog that keeps the
        window painted and can stop it (the core rolls back what the action had not committed)."""
        window = self.window
        cancel = QCoreApplication.translate("MainWindow", "Cancel") if cancellable else None
        dialog = QProgressDialog(title, cancel, 0, 1000, window)
        dialog.setWindowModality(Qt.WindowModal)
        dialog.setMinimumDuration(300)

        def progress(done: int, total: int) -> bool:
            dialog.setValue(int(1000 * done / max(total, 1)))
            # keys and clicks wait until the dialog is up to take them (see off_thread)
            QApplication.processEvents(QEventLoop.AllEvents if dialog.isVisible()
                                       else QEventLoop.ExcludeUserInputEvents)
            return not dialog.wasCanceled()
        self._dialog = dialog
        try:
            return self.run(lambda: fn(progress))
        finally:
            self._dialog = None
            dialog.close()
            dialog.deleteLater()

    def off_thread(self, fn: Callable[..., Any], *args: Any) -> Any:
        """`fn(*args)` on a worker thread while the window keeps painting; returns its result or raises
        its exception.  `fn` must not touch the project or any widget (the connection and the widgets
        belong to this thread).  Keys and clicks wait until the progress dialog is up (it then takes
        them: Cancel) or the work is done, so nothing is edited under a running action."""
        outcome: dict[str, Any] = {}
        finished = _Finished()
        loop = QEventLoop()

        def work() -> None:
            try:
                outcome["value"] = fn(*args)
            except BaseException as exc:  # handed to the caller's thread, raised there
                outcome["error"] = exc
            finally:
                finished.finished.emit()  # queued to this thread: wakes the loop below
        finished.finished.connect(lambda: None)  # a connection makes the emit post an event
        worker = threading.Thread(target=work, name="annotator-worker", daemon=True)
        worker.start()
        while "value" not in outcome and "error" not in outcome:
            dialog_up = self._dialog is not None and self._dialog.isVisible()
            flags = QEventLoop.AllEvents if dialog_up else QEventLoop.ExcludeUserInputEvents
            loop.processEvents(flags | QEventLoop.WaitForMoreEvents)
        # the outcome is set just before the emit: let the worker finish emitting before `finished`
        # can be destroyed (destroying a QObject while another thread emits from it crashed the tests)
        worker.join()
        if "error" in outcome:
            raise outcome["error"]
        return outcome["value"]
