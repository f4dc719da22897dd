"""A password field with a Show / Hide action at its end."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLineEdit, QWidget


class SecretEdit(QLineEdit):
    """A password field with a Show / Hide action at its end."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEchoMode(QLineEdit.EchoMode.Password)
        self.toggle = QAction("Show", self)
        self.toggle.setCheckable(True)
        self.toggle.setToolTip("Show or hide the secret")
        self.toggle.toggled.connect(self._show)
        self.addAction(self.toggle, QLineEdit.ActionPosition.TrailingPosition)
        self.toggle.setIcon(
            self.style().standardIcon(self.style().StandardPixmap.SP_DialogYesButton)
        )

    def _show(self, shown: bool) -> None:
        self.setEchoMode(QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password)
        self.toggle.setText("Hide" if shown else "Show")
