"""The token as jwt.io shows it (header, payload, signature in colours), Copy, and time left."""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFontDatabase, QGuiApplication, QTextOption
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from zoomsig_gui.core.timefmt import when_text
from zoomsig_gui.ui.widgets.theme import colours


def countdown_text(seconds_left: float) -> str:
    """'1:59:30 left' style: a countdown people can watch tick."""
    if seconds_left <= 0:
        return "Expired"
    total = int(seconds_left)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d} left"


class TokenView(QWidget):
    copied = Signal()
    expired = Signal()

    def __init__(self, now: Callable[[], float], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._now = now
        self._token = ""
        self._exp: float | None = None
        self.text = QTextEdit()
        self.text.setReadOnly(True)
        self.text.setObjectName("tokenText")
        self.text.setAccessibleName("Signature (token)")
        self.text.setWordWrapMode(QTextOption.WrapMode.WrapAnywhere)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.text.setMinimumHeight(70)
        self.text.setMaximumHeight(110)
        self.text.setTabChangesFocus(True)
        self.copy_button = QPushButton("&Copy token")
        self.copy_button.setObjectName("copyToken")
        self.copy_button.setToolTip("Copy the signature to the clipboard (Ctrl+Shift+C)")
        self.copy_button.clicked.connect(self.copy)
        self.countdown = QLabel()
        self.countdown.setTextFormat(Qt.TextFormat.PlainText)  # shows data
        self.countdown.setObjectName("countdown")
        self.countdown.setAccessibleName("Time left before the token expires")
        self.feedback = QLabel()
        self.feedback.setTextFormat(Qt.TextFormat.PlainText)  # shows data
        row = QHBoxLayout()
        row.addWidget(self.copy_button)
        row.addWidget(self.feedback)
        row.addStretch(1)
        row.addWidget(self.countdown)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text)
        layout.addLayout(row)
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._update_countdown)
        self.set_token("", None, "")

    def token(self) -> str:
        return self._token

    def set_token(self, token: str, exp: float | None, placeholder: str) -> None:
        """Show ``token`` coloured by part; an empty token shows ``placeholder`` instead."""
        self._token = token
        self._exp = exp
        self.copy_button.setEnabled(bool(token))
        self.feedback.clear()
        if not token:
            self.text.setPlainText("")
            self.text.setPlaceholderText(placeholder)
        else:
            self.text.setHtml(self._coloured(token))
        if exp is not None and token:
            self.countdown.setToolTip(f"Expires {when_text(exp)}")
            self._tick.start()
        else:
            self.countdown.setToolTip("")
            self._tick.stop()
        self._update_countdown()

    def _coloured(self, token: str) -> str:
        c = colours(self)
        parts = token.split(".")
        tints = [c.header, c.payload, c.signature]
        spans = [
            f'<span style="color:{tints[i] if i < 3 else c.dots}">{html.escape(p)}</span>'
            for i, p in enumerate(parts)
        ]
        return f'<span style="color:{c.dots}">.</span>'.join(spans)

    def _update_countdown(self) -> None:
        if self._exp is None or not self._token:
            self.countdown.setText("")
            return
        left = self._exp - self._now()
        self.countdown.setText(countdown_text(left))
        c = colours(self)
        tint = c.error if left <= 0 else c.warning if left < 300 else c.ok
        self.countdown.setStyleSheet(f"color:{tint}; font-weight:600")
        if left <= 0:
            self._tick.stop()
            self.expired.emit()

    def copy(self) -> None:
        if not self._token:
            return
        QGuiApplication.clipboard().setText(self._token)
        self.feedback.setText("Copied")
        QTimer.singleShot(2500, self.feedback.clear)
        self.copied.emit()
