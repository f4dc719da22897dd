"""One exception hook for the whole window: a copyable report without secrets, not a crash."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

import zoomsig_gui

# Anything shaped like a JWT, a query secret, or a long opaque string that could be a key.
_JWT = re.compile(r"eyJ[A-Za-z0-9_\-+/=]*\.[A-Za-z0-9_\-+/=]*(?:\.[A-Za-z0-9_\-+/=]*)?")
_QUERY = re.compile(r"((?:signature|pwd|zak|obfToken|secret|tk)=)[^&\s'\"]+", re.IGNORECASE)
_OPAQUE = re.compile(r"\b(?=[A-Za-z0-9_\-]*\d)(?=[A-Za-z0-9_\-]*[A-Za-z])[A-Za-z0-9_\-]{24,}\b")


class Scrubber:
    """Knows the secrets and passcodes of this session, and removes them from text."""

    def __init__(self) -> None:
        self._known: set[str] = set()

    def add(self, value: str | None) -> None:
        if value and len(value.strip()) >= 4:
            self._known.add(value.strip())

    def scrub(self, text: str) -> str:
        for value in sorted(self._known, key=len, reverse=True):
            text = text.replace(value, "<redacted>")
        text = _JWT.sub("<token redacted>", text)
        text = _QUERY.sub(r"\1<redacted>", text)
        return _OPAQUE.sub("<redacted>", text)


def report_text(exc_type: type[BaseException], exc: BaseException,
                tb: TracebackType | None, scrubber: Scrubber) -> str:
    import platform
    import traceback

    from PySide6 import __version__ as pyside_version

    lines = traceback.format_exception(exc_type, exc, tb)
    head = (f"zoomsig {zoomsig_gui.__version__} · Python {platform.python_version()} · "
            f"PySide6 {pyside_version} · {platform.platform()}\n\n")
    return scrubber.scrub(head + "".join(lines))


class CrashDialog(QDialog):
    def __init__(self, report: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("zoomsig: something went wrong")
        self.setObjectName("crashDialog")
        intro = QLabel(
            "Something unexpected happened. zoomsig is still running and nothing you entered "
            "was lost. If it happens again, please send this report to whoever looks after "
            "zoomsig for you; secrets, tokens and passcodes have been removed from it.")
        intro.setWordWrap(True)
        self.report = QPlainTextEdit(report, readOnly=True)
        self.report.setObjectName("crashReport")
        self.report.setAccessibleName("Problem report")
        self.report.setMinimumSize(560, 240)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = QPushButton("&Copy report")
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(report))
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.report)
        layout.addWidget(buttons)


def install(scrubber: Scrubber, parent: Callable[[], QWidget | None]) -> None:
    """Replace sys.excepthook; the report goes to stderr and to a dialog (never nested)."""
    showing: list[CrashDialog] = []

    def hook(exc_type: type[BaseException], exc: BaseException,
             tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            QApplication.quit()
            return
        report = report_text(exc_type, exc, tb, scrubber)
        sys.stderr.write(report)
        if showing or QApplication.instance() is None:
            return
        dialog = CrashDialog(report, parent())
        showing.append(dialog)
        dialog.finished.connect(lambda _: showing.clear())
        QTimer.singleShot(0, dialog.open)

    sys.excepthook = hook
