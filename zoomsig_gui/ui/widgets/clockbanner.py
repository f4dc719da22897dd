"""The clock banner: the core's clock verdict in a calm line, a Check button, and the toggle
that corrects token times by the measured offset. The check runs on a worker thread."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from zoomsig_gui.ui.widgets.qtprops import set_enum
from zoomsig_gui.ui.widgets.theme import colours

if TYPE_CHECKING:
    from zoomsig_gui.core.clock.check import ClockCheck
    from zoomsig_gui.ui.services.workers import Workers


def escape(text: str) -> str:
    import html  # not needed for the first paint's fixed text

    return html.escape(text)


def default_check() -> ClockCheck:
    from zoomsig_gui.core.clock.check import check_clock

    return check_clock()


def signed(seconds: float) -> str:
    return f"{seconds:+.2f} s" if abs(seconds) < 10 else f"{seconds:+.0f} s"


class ClockBanner(QFrame):
    offset_changed = Signal()

    def __init__(
        self, check: Callable[[], ClockCheck] = default_check, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("clockBanner")
        self._check = check
        self._workers: Workers | None = None  # made with the first check
        self.result: ClockCheck | None = None
        self.state = "idle"
        self.text = QLabel()
        self.text.setObjectName("clockText")
        self.text.setWordWrap(True)
        self.text.setAccessibleName("Clock check")
        # Always rich text: the messages are HTML-escaped, and a line without a tag would
        # otherwise be shown as plain text with its entities (computer&#x27;s) visible.
        set_enum(self.text, "textFormat", "RichText")
        self.check_button = QPushButton("Check clock")
        self.check_button.setObjectName("checkClock")
        self.check_button.setToolTip("Check this computer's clock against time servers (F5)")
        self.check_button.clicked.connect(self.start)
        self.correct = QCheckBox("Correct token times")
        self.correct.setObjectName("correctClock")
        self.correct.setAccessibleName("Correct token times by the measured clock offset")
        self.correct.setToolTip(
            "Make iat and exp by the true time, as measured, instead of this computer's clock"
        )
        self.correct.setChecked(True)
        self.correct.setEnabled(False)
        self.correct.toggled.connect(self._toggled)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.correct)
        layout.addWidget(self.check_button)
        self._paint("idle", "The clock has not been checked yet.")

    def offset(self) -> float:
        """true − local, when the user lets us correct token times; else 0."""
        if self.result is None or self.result.reading is None or not self.correct.isChecked():
            return 0.0
        return self.result.reading.offset_s

    def start(self) -> None:
        if self.state == "checking":
            return
        self.check_button.setEnabled(False)
        self._paint("checking", "Checking this computer's clock against time servers…")
        if self._workers is None:
            from zoomsig_gui.ui.services.workers import Workers

            self._workers = Workers(self, threads=1)
        self._workers.run(self._check, self._done, self._failed)

    def _done(self, result: ClockCheck) -> None:
        self.result = result
        self.check_button.setEnabled(True)
        self.correct.setEnabled(result.reading is not None)
        details = "\n".join(f"{f.server}: {f.reason}" for f in result.faults)
        self.text.setToolTip(result.message + (f"\n\n{details}" if details else ""))
        self._render()
        self.offset_changed.emit()

    def _render(self) -> None:
        result = self.result
        if result is None:
            return
        reading = result.reading
        if result.status == "ok" and reading is not None:
            text = f"Clock OK ({signed(reading.offset_s)}, {escape(reading.server)})"
        else:
            text = escape(result.message)
        if reading is not None and result.status != "ok":
            text += (
                f"<br><b>Token times are corrected by {signed(reading.offset_s)}.</b>"
                if self.correct.isChecked()
                else "<br><b>Token times are not corrected.</b>"
            )
        self._paint(result.status, text)

    def _toggled(self) -> None:
        self._render()
        if self.result is not None:
            self.offset_changed.emit()

    def _failed(self, exc: Exception) -> None:
        self.check_button.setEnabled(True)
        self._paint("unknown", escape(f"The clock could not be checked: {exc}"))

    def _paint(self, state: str, text: str) -> None:
        self.state = state
        c = colours(self)
        bg = {"ok": c.ok_bg, "warning": c.warning_bg, "error": c.error_bg}.get(state, c.neutral_bg)
        self.setStyleSheet(
            f"#clockBanner {{ background:{bg}; border-radius:4px }}"
            f"#clockBanner QLabel, #clockBanner QCheckBox {{ color:{c.banner_text} }}"
        )
        icon = {"ok": "✔", "warning": "⚠", "error": "✖"}.get(state, "")
        self.text.setText(f"{icon} {text}" if icon else text)

    def wait(self) -> None:
        if self._workers is not None:
            self._workers.wait()
