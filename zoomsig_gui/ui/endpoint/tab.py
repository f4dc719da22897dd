"""The "Check an endpoint" tab: ask a signature endpoint several times on a worker thread and
show the same sentence, samples and findings as `zoomsig endpoint`."""

from __future__ import annotations

import html
import threading
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from zoomsig_gui.core.endpoint.check import run_check
from zoomsig_gui.core.endpoint.request import (
    DEFAULT_SAMPLES,
    EndpointInputError,
    EndpointRequest,
    validate,
)
from zoomsig_gui.core.endpoint.result import EndpointResult
from zoomsig_gui.core.endpoint.table import COLUMNS, cells, redirect_notes
from zoomsig_gui.core.tokens.meeting import MeetingInputError, parse_meeting
from zoomsig_gui.ui.make.tab import boxed
from zoomsig_gui.ui.services.vault_client import Profiles
from zoomsig_gui.ui.services.workers import Workers
from zoomsig_gui.ui.widgets.findingsview import FindingsView

EMPTY_TEXT = (
    "Give the URL of the endpoint that makes your signatures (your backend), then Check: "
    "zoomsig asks it several times, as the Web SDK page does, and says what Zoom would reject."
)
ROLES = (("Attendee (role 0)", 0), ("Host (role 1)", 1), ("Native SDK (no meeting)", None))


def _warm_up() -> None:
    """httpx loads its connection layer on first use and TLS settings take a while: loaded on
    a worker thread when the tab is built, not in the middle of the first check. (Nothing of
    Qt here: PySide6 builds its Python types lazily, and not safely from two threads.)"""
    import httpcore  # noqa: F401

    from zoomsig_gui.core.endpoint.client import ssl_context

    ssl_context(None)


class _Progress(QObject):
    # Lives in the GUI thread: emitting from the worker queues the call into it.
    step = Signal(int, int)


class EndpointTab(QWidget):
    checked = Signal(object)  # EndpointResult
    notice = Signal(str)  # for the status bar

    def __init__(
        self, profiles: Profiles, true_now: Callable[[], float], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.profiles = profiles
        self._true_now = true_now
        self._cancel: threading.Event | None = None
        self.workers = Workers(self, threads=1)
        self.result: EndpointResult | None = None
        self.url = QLineEdit()
        self.url.setObjectName("endpointUrl")
        self.url.setPlaceholderText("http://127.0.0.1:4000/")
        self.url.setAccessibleName("Endpoint URL")
        self.meeting = QLineEdit()
        self.meeting.setObjectName("endpointMeeting")
        self.meeting.setPlaceholderText("meeting number, invite link or invitation text")
        self.meeting.setAccessibleName("Meeting")
        self.role = QComboBox()
        self.role.setObjectName("endpointRole")
        for text, value in ROLES:
            self.role.addItem(text, value)
        self.samples = QSpinBox()
        self.samples.setObjectName("endpointSamples")
        self.samples.setRange(1, 100)
        self.samples.setValue(DEFAULT_SAMPLES)
        self.samples.setAccessibleName("Samples")
        self.profile = QComboBox()
        self.profile.setObjectName("endpointProfile")
        self.profile.setAccessibleName("Check the signatures with these credentials")
        self.start = QPushButton("&Check")
        self.start.setObjectName("endpointCheck")
        self.start.clicked.connect(self.check)
        self.url.returnPressed.connect(self.check)
        self.cancel = QPushButton("Cancel")
        self.cancel.setObjectName("endpointCancel")
        self.cancel.setEnabled(False)
        self.cancel.clicked.connect(self.stop)
        self.copy_report = QPushButton("Copy case &report")
        self.copy_report.setObjectName("endpointCopyReport")
        self.copy_report.setToolTip("A Markdown report for a ticket: no token, no secret")
        self.copy_report.setEnabled(False)
        self.copy_report.clicked.connect(self.copy_case_report)
        self.progress = QProgressBar()
        self.progress.setObjectName("endpointProgress")
        self.progress.setVisible(False)
        # Its room is kept while hidden: showing it then moves nothing (no relayout, no stall).
        policy = self.progress.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.progress.setSizePolicy(policy)
        self.summary = QLabel()
        self.summary.setObjectName("endpointSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("endpointSamplesTable")
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        self.table.setTabKeyNavigation(False)  # Tab leaves the table (arrows move in it)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.findings = FindingsView()
        self._relay = _Progress(self)
        self._relay.step.connect(self._stepped)
        profiles.listed.connect(self._refill)
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)
        self._layout()
        self._refill()
        self._show_text(EMPTY_TEXT, "neutral")
        self.workers.run(_warm_up, lambda _none: None, lambda _exc: None)
        # The first finding row and table cell load icons, fonts and PySide6 types (tens of ms):
        # on the GUI thread, as Qt wants, but right after the tab is built, not with a result.
        QTimer.singleShot(0, self._first_use)

    def _first_use(self) -> None:
        from zoomsig_gui.core.inspection.rules import INFO, Finding
        from zoomsig_gui.ui.widgets.findingsview import FindingRow

        FindingRow(Finding("first-use", INFO, "", ""), self).deleteLater()
        self.table.setRowCount(1)
        self.table.setItem(0, 0, QTableWidgetItem(""))
        self.table.resizeColumnsToContents()
        self.table.setRowCount(0)

    def _layout(self) -> None:
        form = QFormLayout()
        form.addRow("Endpoint &URL:", self.url)
        form.addRow("Meetin&g:", self.meeting)
        form.addRow("R&ole:", self.role)
        form.addRow("&Samples:", self.samples)
        form.addRow("Check signatures &with:", self.profile)
        buttons = QHBoxLayout()
        buttons.addWidget(self.start)
        buttons.addWidget(self.cancel)
        buttons.addWidget(self.progress, 1)
        buttons.addStretch(0)
        buttons.addWidget(self.copy_report)
        results = QSplitter(Qt.Orientation.Vertical)
        results.addWidget(boxed("Samples", self.table, "endpointSamplesBox"))
        results.addWidget(boxed("Findings", self.findings, "endpointFindingsBox"))
        results.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.summary)
        layout.addWidget(results, 1)

    def _refill(self) -> None:
        current = self.profile.currentData() or ""
        self.profile.clear()
        self.profile.addItem("Don't check the signatures", "")
        for name in self.profiles.names():
            self.profile.addItem(name, name)
        self.profile.setCurrentIndex(max(self.profile.findData(current), 0))

    def _show_text(self, text: str, state: str) -> None:
        self.summary.setText(f"<b>{html.escape(text)}</b>")
        self.summary.setProperty("state", state)

    def request(self) -> EndpointRequest:
        """The request from the form; EndpointInputError/MeetingInputError say what is wrong."""
        role = self.role.currentData()
        number = None
        if role is not None:
            number = parse_meeting(self.meeting.text()).number
        req = EndpointRequest(self.url.text().strip(), number, role, samples=self.samples.value())
        validate(req)
        return req

    def running(self) -> bool:
        return self._cancel is not None

    def check(self) -> None:
        if self.running():
            return
        try:
            req = self.request()
        except (EndpointInputError, MeetingInputError) as exc:
            self._show_text(str(exc), "error")
            return
        name = self.profile.currentData() or ""
        if name and self.profiles.cached(name) is None:
            self._show_text("Getting the secret from your system keyring…", "neutral")
            self.profiles.fetch(
                name,
                lambda _creds: self._begin(req, name),
                lambda message: self._show_text(message, "error"),
            )
            return
        self._begin(req, name)

    def _begin(self, req: EndpointRequest, name: str) -> None:
        creds = self.profiles.cached(name) if name else None
        secret, key = (creds.secret, creds.key) if creds else (None, None)
        cancel = self._cancel = threading.Event()
        self.destroyed.connect(cancel.set)  # the tab closed mid-check: stop at the next sample
        self.start.setEnabled(False)
        self.cancel.setEnabled(True)
        self.progress.setRange(0, req.samples)
        self.progress.setValue(0)
        self.progress.show()
        self._show_text(f"Asking {req.url} for {req.samples} signatures…", "neutral")
        relay = self._relay
        self.workers.run(
            lambda: run_check(
                req,
                secret=secret,
                key=key,
                clock=self._true_now,
                cancel=cancel,
                progress=lambda done, total: relay.step.emit(done, total),
            ),
            self._done,
            self._failed,
        )

    def _stepped(self, done: int, total: int) -> None:
        self.progress.setValue(done)
        self.progress.setFormat(f"{done} of {total} answers")

    def stop(self) -> None:
        if self._cancel is not None:
            self._cancel.set()
            self.cancel.setEnabled(False)
            self._show_text("Cancelling after the answer on its way…", "neutral")

    def _finish(self) -> None:
        self._cancel = None
        self.start.setEnabled(True)
        self.cancel.setEnabled(False)
        self.progress.hide()

    def _failed(self, exc: Exception) -> None:
        self._finish()
        self._show_text(str(exc), "error")

    def _done(self, result: EndpointResult) -> None:
        self._finish()
        self.show_result(result)

    def show_result(self, result: EndpointResult) -> None:
        """The sentence and the table now, the findings on the next turn of the event loop:
        together the first time (the findings' icons load then) they stalled the window."""
        self.result = result
        notes = " ".join(redirect_notes(result.rows))
        state = "ok" if result.exit_status() == 0 else "error"
        self._show_text(result.summary + (f" {notes}" if notes else ""), state)
        self.table.setRowCount(len(result.rows))
        for r, row in enumerate(result.rows):
            for c, text in enumerate(cells(row)):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        QTimer.singleShot(1, lambda: self._show_findings(result, state))

    def _show_findings(self, result: EndpointResult, state: str) -> None:
        if result is not self.result:
            return  # a newer check has ended meanwhile
        self.findings.show_findings(result.findings, state, result.summary)
        self.copy_report.setEnabled(True)
        self.checked.emit(result)

    def case_report(self) -> str:
        """The case report of the last check (as `zoomsig report --endpoint-json`)."""
        from zoomsig_gui import __version__
        from zoomsig_gui.core.support.endpointcase import endpoint_part, endpoint_report
        from zoomsig_gui.core.timefmt import utc_text

        if self.result is None:
            return ""
        return endpoint_report(endpoint_part(self.result), __version__, utc_text(time.time()))

    def copy_case_report(self) -> None:
        QGuiApplication.clipboard().setText(self.case_report())
        self.notice.emit("Case report copied to the clipboard (no token, no secret).")

    def shutdown(self) -> None:
        """Stop a check in progress and wait for its last request (bounded by its timeout)."""
        self.stop()
        self.workers.wait(2000)
