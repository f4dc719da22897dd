"""One exception hook for the whole window: a copyable report without secrets, not a crash.

The hook is installed right after the window's first paint, before anything a person can
do (ui/app.py start()); the dialog's module is imported only when something has gone wrong.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

import zoomsig_gui
from zoomsig_gui.core.textsafe import printable
from zoomsig_gui.ui.services.scrubber import Scrubber

if TYPE_CHECKING:
    from zoomsig_gui.ui.dialogs.crash import CrashDialog


def report_text(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None, scrubber: Scrubber
) -> str:
    import platform
    import traceback

    from PySide6 import __version__ as pyside_version

    lines = traceback.format_exception(exc_type, exc, tb)
    head = (
        f"zoomsig {zoomsig_gui.__version__} · Python {platform.python_version()} · "
        f"PySide6 {pyside_version} · {platform.platform()}\n\n"
    )
    # A lone surrogate from a customer's token would make writing the report raise again.
    return printable(scrubber.scrub(head + "".join(lines)))


def install(scrubber: Scrubber, parent: Callable[[], QWidget | None]) -> None:
    """Replace sys.excepthook; the report goes to stderr and to a dialog (never nested)."""
    showing: list[CrashDialog] = []

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            QApplication.quit()
            return
        report = report_text(exc_type, exc, tb, scrubber)
        sys.stderr.write(report)
        if showing or QApplication.instance() is None:
            return
        from zoomsig_gui.ui.dialogs.crash import CrashDialog

        dialog = CrashDialog(report, parent())
        showing.append(dialog)
        dialog.finished.connect(lambda _: showing.clear())
        QTimer.singleShot(0, dialog.open)

    sys.excepthook = hook


__all__ = ["Scrubber", "install", "report_text"]
