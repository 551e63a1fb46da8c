"""Running an operation on the project from the window, the one place errors are shown.

An operation is a call into the core.  `run` calls it, shows an `AnnotatorError` (a refused span
in the status bar, anything else in a dialog) and hands what the store says changed to the
window, which redraws exactly that.  A failed operation changes nothing and is never shown as done.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from annotator.core.model import AnnotatorError, SpanError
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
            if isinstance(exc, (SpanError, ReadOnlyProject)):  # said in the status bar: no dialog in the way
                window.status(str(exc))
            else:
                window.error(str(exc))
            return Outcome(False, changes=changes)
        window.apply(changes)
        return Outcome(True, value, changes)
