"""Running an operation on the project from the window, the one place errors are shown.

An operation is a call into the core.  `run` calls it, shows an `AnnotatorError` (a refused span
in the status bar, anything else in a dialog) and hands what the store says changed to the
window, which redraws exactly that.  A failed operation changes nothing and is never shown as done.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QProgressDialog

from annotator.core.model import AnnotatorError, Cancelled, SpanError
from annotator.core.store.changes import Changes
from annotator.core.store.session import ReadOnlyProject


@dataclass
class Outcome:
    ok: bool
    value: Any = None
    changes: Changes = field(default_factory=Changes)


class Operations:
    def __init__(self, window):
        self.window = window

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
            QApplication.processEvents()
            return not dialog.wasCanceled()
        try:
            return self.run(lambda: fn(progress))
        finally:
            dialog.close()
            dialog.deleteLater()
