"""The dialog the exception hook shows: what happened, and a report to copy."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class CrashDialog(QDialog):
    def __init__(self, report: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("zoomsig: something went wrong")
        self.setObjectName("crashDialog")
        intro = QLabel(
            "Something unexpected happened. zoomsig is still running and nothing you entered "
            "was lost. If it happens again, please send this report to whoever looks after "
            "zoomsig for you; secrets, tokens and passcodes have been removed from it."
        )
        intro.setWordWrap(True)
        self.report = QPlainTextEdit(report)
        self.report.setReadOnly(True)
        self.report.setObjectName("crashReport")
        self.report.setAccessibleName("Problem report")
        self.report.setMinimumSize(560, 240)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton("&Copy report")
        self.copy_button.clicked.connect(lambda: QGuiApplication.clipboard().setText(report))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.report)
        layout.addWidget(buttons)
