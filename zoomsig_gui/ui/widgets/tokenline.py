"""A read-only token with a Copy button (the reproduced and the fixed token)."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget


class TokenLine(QWidget):
    """A read-only token with a Copy button."""

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = QLineEdit()
        self.field.setReadOnly(True)
        self.field.setAccessibleName(label)
        self.copy_button = QPushButton("Copy")
        self.copy_button.setEnabled(False)
        self.copy_button.clicked.connect(self._copy)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(label))
        layout.addWidget(self.field, 1)
        layout.addWidget(self.copy_button)

    def set_token(self, token: str) -> None:
        self.field.setText(token)
        self.field.setCursorPosition(0)
        self.copy_button.setEnabled(bool(token))

    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(self.field.text())
