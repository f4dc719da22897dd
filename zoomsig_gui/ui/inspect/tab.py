"""The Inspect tab: paste anything (token, JSON response, join link, e-mail text) and see what
Zoom will object to; check the signature with the secret it was made with: the customer's,
typed in for this session and never saved, or saved credentials of the same app. (Re-making
it with our own credentials is the support box's job, below.)"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from zoomsig_gui.core.inspection.inspector import KIND_TEXT, Inspection, inspect
from zoomsig_gui.core.inspection.verdict import signature_applies, signature_words
from zoomsig_gui.core.timefmt import when_text
from zoomsig_gui.ui.make.tab import DEBOUNCE_MS
from zoomsig_gui.ui.services.vault_client import Profiles, SecretFetch
from zoomsig_gui.ui.services.workers import Workers
from zoomsig_gui.ui.widgets.boxes import boxed, scrolling
from zoomsig_gui.ui.widgets.decodedview import DecodedView
from zoomsig_gui.ui.widgets.findingsview import FindingsView
from zoomsig_gui.ui.widgets.longtext import LongTextEdit
from zoomsig_gui.ui.widgets.secretedit import SecretEdit

# Above this many characters the inspection runs on a worker thread (1 MB takes ~20 ms;
# the window must not stall 50 ms).
OFF_THREAD = 100_000

EMPTY_TEXT = "Paste a token, the JSON your server returned, or a join link above."
# Time findings change as time passes (a token from a fast clock becomes valid, another
# expires): what is shown is checked again this often.
RECHECK_MS = 5_000


THEIRS = "\x00their secret"  # the check combo's item for a secret typed in, never saved
NO_CHECK_TEXT = "Don't check the signature"
THEIRS_TEXT = "Their secret (type it in; not saved)"


def signature_text(inspection: Inspection, profile: str) -> str:
    if not signature_applies(inspection):
        return ""
    if inspection.signature_valid is None:
        return "Signature: not checked (choose whose secret to check it with)."
    whose = " they gave" if profile == THEIRS else f" of “{profile}”"
    return f"Signature: {signature_words(inspection, whose)}."


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
        self.profile.setAccessibleName("Check the signature with this secret")
        self.profile.setToolTip(
            "The secret the token was made with: the customer's (typed in, never saved), or "
            "saved credentials of the same app. To re-make it with yours, use the box below."
        )
        self.profile.currentIndexChanged.connect(self._check_picked)
        self.their_secret = SecretEdit()
        self.their_secret.setObjectName("theirSecret")
        self.their_secret.setAccessibleName("Their SDK secret, for this session only")
        self.their_secret.setPlaceholderText("their SDK secret: used here, never saved")
        self.their_secret.textChanged.connect(self._their_secret_typed)
        # Several different tokens in one paste (a curl call, a log): pick the one to show.
        self.which = QComboBox()
        self.which.setObjectName("inspectWhich")
        self.which.setAccessibleName("Which of the tokens found to show")
        self.which.currentIndexChanged.connect(self._show_picked)
        self.which.hide()
        self._whole: Inspection | None = None
        self._sig_note = ("", "")
        self.kind = QLabel()
        self.kind.setObjectName("inspectKind")
        self.kind.setTextFormat(Qt.TextFormat.RichText)  # built from escaped text only
        self.kind.setWordWrap(True)
        self.kind.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.checked = QLabel()
        self.checked.setObjectName("inspectChecked")
        self.checked.setTextFormat(Qt.TextFormat.PlainText)
        self.checked.setWordWrap(True)
        self._recheck = QTimer(self)
        self._recheck.setInterval(RECHECK_MS)
        self._recheck.timeout.connect(self.recheck)
        self._shown_findings: tuple[object, ...] | None = None  # what the findings show
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
        form.addRow("Their s&ecret:", self.their_secret)
        self._form = form
        form.setRowVisible(self.their_secret, False)
        top = QWidget()
        tl = QVBoxLayout(top)
        tl.setContentsMargins(0, 0, 0, 0)
        tl.addLayout(form)
        tl.addWidget(self.which)
        tl.addWidget(self.kind)
        tl.addWidget(self.checked)
        decoded_scroll = scrolling(self.decoded)
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
            "Reproduce and fix with our credentials", support, "inspectSupportBox"
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
        self.profile.addItem(NO_CHECK_TEXT, "")
        self.profile.addItem(THEIRS_TEXT, THEIRS)
        for name in self.profiles.names():
            self.profile.addItem(name, name)
        index = self.profile.findData(current)
        self.profile.setCurrentIndex(max(index, 0))
        self.profile.blockSignals(False)
        self.schedule()

    def profile_name(self) -> str:
        """The saved credentials picked to check the signature; "" for none or theirs."""
        name = self.profile.currentData() or ""
        return "" if name == THEIRS else name

    def check_secret(self) -> tuple[str | None, str | None, str]:
        """(secret, key, whose) the signature is checked with: their secret typed in (no
        key: the token's own is theirs), saved credentials when in memory, or (None, None,
        "") for no check; ``whose`` in a case report's words."""
        from zoomsig_gui.core.support.casereport import THEIR_SECRET, saved_credentials

        name = self.profile.currentData() or ""
        secret, key, _note = self._signature_secret(name)
        if secret is None:
            return None, None, ""
        return secret, key, THEIR_SECRET if name == THEIRS else saved_credentials(name)

    def _signature_secret(self, name: str) -> tuple[str | None, str | None, str]:
        """(secret, key, note) for the check's choice ``name``: their secret as typed, or
        saved credentials (read from the keyring off the GUI thread, once; until then the
        note says so)."""
        if name == THEIRS:
            secret = self.their_secret.text() or None
            return secret, None, "" if secret else " (type their secret in to check it)"
        if not name:
            return None, None, ""
        creds = self._secrets.get(name)
        if creds is None:
            error = self._secrets.error(name)
            return None, None, f" ({error or 'getting the secret from your system keyring…'})"
        return creds.secret, creds.key, ""

    def _check_picked(self) -> None:
        theirs = self.profile.currentData() == THEIRS
        self._form.setRowVisible(self.their_secret, theirs)
        if theirs and self.isVisible():
            self.their_secret.setFocus()
        self.schedule()

    def _their_secret_typed(self, text: str) -> None:
        if text:
            self.profiles.learn_secret(text)  # never in a crash report
        self.schedule()

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

    def recheck(self) -> None:
        """Inspect the shown paste again at the current time; the findings are rebuilt only
        when they changed (else just the times in the tables and the "checked at" line)."""
        if self.inspection is not None and self.isVisible():
            self.run(rechecking=True)

    def run(self, rechecking: bool = False) -> None:
        if not rechecking:
            self._shown_findings = None
        text = self.paste.text()
        name = self.profile.currentData() or ""
        if not text.strip():
            self._whole = None
            self.which.hide()
            self.inspection = None
            self._recheck.stop()
            self.checked.setText("")
            self.kind.setText("")
            self.findings.show_inspection(None, EMPTY_TEXT)
            self.decoded.show_inspection(None)
            self.inspected.emit(None)
            return
        secret, key, note = self._signature_secret(name)
        self._asked += 1
        asked, now = self._asked, self._now()
        if len(text) <= OFF_THREAD:
            found = inspect(text, secret=secret, expected_key=key, now=now)
            self._show(found, name, note, self.which.currentIndex() if rechecking else 0)
            return
        if rechecking:  # a long paste is not inspected again on a timer: only on a change
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

    def _show(self, whole: Inspection, name: str, note: str, picked: int = 0) -> None:
        self._whole, self._sig_note = whole, (name, note)
        each = whole.each()
        self.which.blockSignals(True)
        self.which.clear()
        for number, one in enumerate(each, 1):
            self.which.addItem(f"Token {number} of {len(each)}: {KIND_TEXT[one.kind]}")
        picked = picked if 0 <= picked < len(each) else 0
        self.which.setCurrentIndex(picked)
        self.which.blockSignals(False)
        self.which.setVisible(len(each) > 1)
        self._show_picked(picked)

    def picked_text(self) -> str:
        """What the support tools work on: the picked token when the paste held several."""
        if self._whole is not None and self._whole.others and self.inspection is not None:
            return self.inspection.token
        return self.paste.text()

    def _show_picked(self, index: int) -> None:
        if self._whole is None or index < 0:
            return
        inspection = self._whole.each()[index]
        name, note = self._sig_note
        self.checked.setText(
            f"Checked at {when_text(inspection.now)}; checked again every "
            f"{RECHECK_MS // 1000} s while it is on screen."
        )
        self._recheck.start()
        findings = (
            index,
            inspection.signature_valid,
            tuple((f.code, f.severity, f.message) for f in inspection.findings),
        )
        if findings == self._shown_findings:
            self.inspection = inspection
            self.decoded.refresh_readings(inspection.now)  # "in 3 min" stays true
            return
        self._shown_findings = findings
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
