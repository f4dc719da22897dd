"""The window's start-up after its first paint, one small step per event-loop turn.

Between two steps Qt repaints and handles input, so a person never waits on more than one
step (each a few ms to a few tens of ms: an import, a part built). A step that raises is
handed to ``on_error`` (the crash report) and the next ones still run: one broken part must
not stop the start-up.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject, QTimer


def importing(*modules: str) -> Callable[[], None]:
    """A step that imports modules (their import is what costs; building after is quick)."""

    def step() -> None:
        for name in modules:
            importlib.import_module(name)

    return step


class StartSteps(QObject):
    """Runs ``steps`` in order, each on its own event-loop turn, then ``done``. Parented to
    the window: once it is gone, nothing more runs."""

    def __init__(
        self,
        parent: QObject,
        steps: Iterable[Callable[[], object]],
        on_error: Callable[[BaseException], None],
    ) -> None:
        super().__init__(parent)
        self._steps = list(steps)
        self._on_error = on_error
        self.finished = False

    def start(self) -> None:
        QTimer.singleShot(0, self, self._next)

    def _next(self) -> None:
        if not self._steps:
            self.finished = True
            return
        step = self._steps.pop(0)
        try:
            step()
        except Exception as exc:
            self._on_error(exc)
        QTimer.singleShot(0, self, self._next)


__all__ = ["StartSteps", "importing"]
