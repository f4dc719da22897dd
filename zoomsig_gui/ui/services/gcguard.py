"""Python's garbage collector, run on the GUI thread only.

Python collects reference cycles on whichever thread happens to allocate when a threshold is
crossed: often a worker asking the keyring. A Qt object in such a cycle is then destroyed
on that worker thread, and Qt objects (QtWebEngine's most of all: Chromium checks it and
ends the process) must be destroyed on the thread they live in. So automatic collection is
switched off and the GUI thread collects on a timer, each generation when its threshold
says so, as Python would have. A common remedy in PyQt and PySide programs.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QTimer

INTERVAL_MS = 500


class MainThreadCollector(QObject):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.setObjectName("mainThreadCollector")
        self.threshold = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.collect)
        self.timer.start()
        self.destroyed.connect(lambda *_: gc.enable())  # with the application gone, as before

    def collect(self) -> int:
        """Collect the generations whose thresholds are crossed; the objects found."""
        counts = gc.get_count()
        generation = -1
        for level in range(3):
            if counts[level] > self.threshold[level]:
                generation = level
        return gc.collect(generation) if generation >= 0 else 0


def collect_on_gui_thread() -> None:
    """Install the collector once per application (a second window changes nothing)."""
    app = QCoreApplication.instance()
    if app is None or app.findChild(MainThreadCollector, "mainThreadCollector") is not None:
        return
    MainThreadCollector(app)


__all__ = ["MainThreadCollector", "collect_on_gui_thread"]
