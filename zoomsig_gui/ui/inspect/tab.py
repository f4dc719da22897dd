"""The Inspect tab: paste anything (token, JSON response, join link, e-mail text) and see what
Zoom will object to; pick saved credentials to check the signature too."""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from zoomsig_gui.core.inspection.inspector import KIND_TEXT, Inspection, inspect
from zoomsig_gui.core.inspection.verdict import signature_applies, signature_words
from zoomsig_gui.ui.make.tab import DEBOUNCE_MS
from zoomsig_gui.ui.services.vault_client import Profiles, SecretFetch
from zoomsig_gui.ui.services.workers import Workers
from zoomsig_gui.ui.widgets.boxes import boxed
from zoomsig_gui.ui.widgets.decodedview import DecodedView
from zoomsig_gui.ui.widgets.findingsview import FindingsView
from zoomsig_gui.ui.widgets.longtext import LongTextEdit

# Above this many characters the inspection runs on a worker thread (1 MB takes ~20 ms;
# the window must not stall 50 ms).
OFF_THREAD = 100_000

EMPTY_TEXT = "Paste a token, the JSON your server returned, or a join link above."


def signature_text(inspection: Inspection, profile: str) -> str:
    if not signature_applies(inspection):
        return ""
    if inspection.signature_valid is None:
        return "Signature: not checked (pick saved credentials to check it)."
    return f"Signature: {signature_words(inspection, f' of “{profile}”')}."


class InspectTab(QWidget):
    inspected = Signal(object)  # Inspection or None

    def __init__(
        self, profiles: Profiles, now: Callable[[], float], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.profiles = profiles
        self._now = now  # the true time (the window's corrected clock)
        self._secrets = SecretFetch(profiles, self.run)  # one keyring read per profile
        self.inspection: Inspection | None = None
        self._workers: Workers | None = None  # made for the first long paste
        self._asked = 0  # the latest inspection asked for; older answers are dropped
        self.paste = LongTextEdit()
        self.paste.setObjectName("inspectInput")
        self.paste.setAccessibleName("Token, JSON response or link to inspect")
        self.paste.setPlaceholderText(
            "Paste a customer's token, a JSON response with a signature field, or a join link "
            "with signature=…"
        )
        self.paste.setTabChangesFocus(True)
        self.paste.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.from_clipboard = QPushButton("Inspect the &clipboard")
        self.from_clipboard.setObjectName("inspectClipboard")
        self.from_clipboard.setToolTip("Ctrl+Shift+V from anywhere in the window")
        self.from_clipboard.clicked.connect(self.inspect_clipboard)
        self.clear = QPushButton("C&lear")
        self.clear.setObjectName("inspectClear")
        self.clear.clicked.connect(self.paste.clear)
        self.profile = QComboBox()
        self.profile.setObjectName("inspectProfile")
        self.profile.setAccessibleName("Check the signature with these credentials")
        self.profile.currentIndexChanged.connect(self.schedule)
        self.kind = QLabel()
        self.kind.setObjectName("inspectKind")
        self.kind.setTextFormat(Qt.TextFormat.RichText)  # built from escaped text only
        self.kind.setWordWrap(True)
        self.kind.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.findings = FindingsView()
        self.decoded = DecodedView()
        self.extras = QVBoxLayout()  # support widgets (reproduce, fix, case report) go here
        self.extras.setContentsMargins(0, 0, 0, 0)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.run)
        self.paste.textChanged.connect(self.schedule)
        profiles.listed.connect(self._refill)
        self._layout()
        self._refill()
        self.run()

    def _layout(self) -> None:
        buttons = QHBoxLayout()
        buttons.addWidget(self.from_clipboard)
        buttons.addWidget(self.clear)
        buttons.addStretch(1)
        form = QFormLayout()
        form.addRow("&Paste here:", self.paste)
        form.addRow("", self._wrap(buttons))
        form.addRow("Check &signature with:", self.profile)
        top = QWidget()
        tl = QVBoxLayout(top)
        tl.setContentsMargins(0, 0, 0, 0)
        tl.addLayout(form)
        tl.addWidget(self.kind)
        decoded_scroll = QScrollArea()
        decoded_scroll.setWidgetResizable(True)
        decoded_scroll.setFrameShape(QFrame.Shape.NoFrame)
        decoded_scroll.setWidget(self.decoded)
        # Findings and claims side by side: each gets the full height, so neither is squeezed
        # to a few lines when a customer's token has many findings.
        results = QSplitter(Qt.Orientation.Horizontal)
        results.setObjectName("inspectResults")
        results.addWidget(boxed("Findings", self.findings, "inspectFindingsBox"))
        results.addWidget(boxed("Decoded", decoded_scroll, "inspectDecodedBox"))
        results.setChildrenCollapsible(False)
        results.setStretchFactor(0, 1)
        results.setStretchFactor(1, 1)
        results.setSizes([560, 520])  # the findings' sentences need the width a bit more
        support = QWidget()
        support.setLayout(self.extras)
        self.support_box = boxed(
            "Reproduce and fix with your credentials", support, "inspectSupportBox"
        )
        self.support_box.setCheckable(True)  # folded until needed: the findings come first
        self.support_box.setChecked(False)
        self.support_box.toggled.connect(self._fold_support)
        self._support = support
        self.support_box.hide()  # shown by show_support() when a support tool is added
        split = QSplitter(Qt.Orientation.Vertical)
        self.split = split
        split.addWidget(results)
        split.addWidget(self.support_box)
        split.setChildrenCollapsible(False)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        self._fold_support(False)
        layout = QVBoxLayout(self)
        layout.addWidget(top)
        layout.addWidget(split, 1)

    @staticmethod
    def _wrap(layout: QHBoxLayout) -> QWidget:
        box = QWidget()
        layout.setContentsMargins(0, 0, 0, 0)
        box.setLayout(layout)
        return box

    def _fold_support(self, unfolded: bool) -> None:
        self._support.setVisible(unfolded)
        self.support_box.setFlat(not unfolded)  # folded: a title line, not an empty frame
        # Folded, the box is only its title line, so the splitter gives its room away;
        # unfolded, it takes about 40 % of the height below the paste field.
        self.support_box.setMaximumHeight(
            16_777_215 if unfolded else self.fontMetrics().height() + 8
        )
        if unfolded:
            total = sum(self.split.sizes()) or 600
            self.split.setSizes([total * 3 // 5, total - total * 3 // 5])

    def show_support(self, widget: QWidget) -> None:
        """Add a support tool below the decoded claims; the findings keep the most room."""
        self.extras.addWidget(widget)
        self.support_box.show()

    def _refill(self) -> None:
        current = self.profile.currentData() or ""
        self.profile.blockSignals(True)
        self.profile.clear()
        self.profile.addItem("Don't check the signature", "")
        for name in self.profiles.names():
            self.profile.addItem(name, name)
        index = self.profile.findData(current)
        self.profile.setCurrentIndex(max(index, 0))
        self.profile.blockSignals(False)
        self.schedule()

    def profile_name(self) -> str:
        """The credentials picked to check the signature; "" for none."""
        return self.profile.currentData() or ""

    def pasted(self) -> str:
        return self.paste.text()  # the whole paste, also one too long to show

    def set_profile(self, name: str) -> None:
        self.profile.setCurrentIndex(max(self.profile.findData(name), 0))

    def inspect_clipboard(self) -> None:
        self.paste.setPlainText(QGuiApplication.clipboard().text())
        self.run()

    def schedule(self) -> None:
        self._secrets.forget()  # an edit or another pick tries the keyring again
        self._timer.start()

    def run(self) -> None:
        text = self.paste.text()
        name = self.profile.currentData() or ""
        if not text.strip():
            self.inspection = None
            self.kind.setText("")
            self.findings.show_inspection(None, EMPTY_TEXT)
            self.decoded.show_inspection(None)
            self.inspected.emit(None)
            return
        secret = key = None
        note = ""
        if name:
            creds = self._secrets.get(name)
            if creds is None:
                error = self._secrets.error(name)
                note = f" ({error or 'getting the secret from your system keyring…'})"
            else:
                secret, key = creds.secret, creds.key
        self._asked += 1
        asked, now = self._asked, self._now()
        if len(text) <= OFF_THREAD:
            self._show(inspect(text, secret=secret, expected_key=key, now=now), name, note)
            return
        if self._workers is None:
            self._workers = Workers(self, threads=1)
        self.kind.setText("Inspecting a long paste…")
        self._workers.run(
            lambda: inspect(text, secret=secret, expected_key=key, now=now),
            lambda found: self._show(found, name, note) if asked == self._asked else None,
            lambda exc: self.kind.setText(f"The inspection failed: {type(exc).__name__}"),
        )

    def wait(self, msecs: int = 5000) -> bool:
        """Wait for a long paste's inspection (tests, and before the window goes away)."""
        return self._workers.wait(msecs) if self._workers is not None else True

    def _show(self, inspection: Inspection, name: str, note: str) -> None:
        self.inspection = inspection
        sig = signature_text(inspection, name)
        if note and inspection.signature_valid is None and sig:
            sig = "Signature: not checked" + note
        self.kind.setText(
            f"<b>What this is:</b> {html.escape(KIND_TEXT[inspection.kind])}"
            + (f"<br>{html.escape(sig)}" if sig else "")
        )
        self.findings.show_inspection(inspection, EMPTY_TEXT)
        self.decoded.show_inspection(inspection)
        self.inspected.emit(inspection)
