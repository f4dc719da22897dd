"""Parts of the window that live in their own modules: the join page (QtWebEngine, imported
only when opened), the support tools on the Inspect tab, and the History tab.

Each is added only when its module is installed, so a missing part leaves no dead button.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from zoomsig_gui.ui.widgets.theme import colours

if TYPE_CHECKING:
    from zoomsig_gui.core.inspection.inspector import Report
    from zoomsig_gui.core.join.link import JoinParams
    from zoomsig_gui.core.store.history import HistoryEntry
    from zoomsig_gui.ui.mainwindow import MainWindow
    from zoomsig_gui.ui.make.tab import MakeTab


# The page's states (issue 6's data-state values) in words for the window.
STATE_WORDS = {
    "loading": "loading…",
    "sdk-missing": "the Meeting SDK did not load",
    "ready": "ready",
    "joining": "joining…",
    "joined": "joined the meeting",
    "failed": "could not join",
}


def _sharing():
    # Imported with the first token, not at start-up (it brings the join link's modules).
    from zoomsig_gui.ui.join import sharing

    return sharing


class JoinLauncher:
    """ "Open join page" beside Copy; the web view is made on the first click."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.view = None  # the JoinView, once opened
        self.retired: list[object] = []  # views closed after a change of settings
        # Keyword options for the JoinView (e.g. sdk_dir, allow_zoom=False): tests and the
        # screenshot script use a local SDK folder with every non-loopback request blocked.
        self.view_options: dict[str, Any] = {}  # JoinView's keyword arguments
        self.last: tuple[str, str, str] | None = None  # state, code, message
        self.button = QPushButton("&Open join page")
        self.button.setObjectName("openJoin")
        self.button.setToolTip("Join the meeting with this token in a window of zoomsig")
        self.button.clicked.connect(self.open)
        self.copy_link_button = QPushButton("Copy test &link")
        self.copy_link_button.setObjectName("copyLink")
        self.copy_link_button.clicked.connect(self.copy_link)
        self.qr_button = QPushButton("QR code")
        self.qr_button.setObjectName("linkQr")
        self.qr_button.setToolTip("Show the test link as a QR code, for a tester's phone")
        self.qr_button.clicked.connect(self.show_qr)
        self.status = QLabel()
        self.status.setObjectName("joinStatus")
        self.status.setWordWrap(True)
        self.status.hide()
        window.make.when_built(self._attach)

    def _attach(self, make: MakeTab) -> None:
        from zoomsig_gui.ui.make.tab import column

        make.actions_row.addWidget(self.button)
        make.actions_row.addWidget(self.copy_link_button)
        make.actions_row.addWidget(self.qr_button)
        make.actions_row.addStretch(1)
        # The result explains the token, so it goes under the findings; in the token's box its
        # few lines squeezed the token text under the Copy button.
        column(make.findings_box).addWidget(self.status)
        make.token_made.connect(self._token_changed)
        self._token_changed(make.shown_token(), make.report, None)

    def _token_changed(self, token: str, _report: object, values: object) -> None:
        usable = bool(token) and not getattr(values, "native", False)
        self.button.setEnabled(usable)
        self.copy_link_button.setEnabled(usable)
        self.qr_button.setEnabled(usable)
        params = self.params() if usable else None
        # Where the link works is on the button; the whole sentence (with until when) in its
        # tooltip and, once copied, in the status bar: a line more would squeeze the token.
        said = self._notice(params) if params else ""
        self.copy_link_button.setToolTip(said or "Make a web token first")
        local = params is not None and _sharing().is_loopback(
            _sharing().link_base(self._page_url())
        )
        self.copy_link_button.setText(
            "Copy test &link" + (" (this computer only)" if local else "")
        )
        self.button.setToolTip(
            "Join the meeting with this token in a window of zoomsig"
            if usable
            else "Make a web token first (native tokens cannot join from the web page)"
        )

    def params(self) -> JoinParams | None:
        """The join link's parts from the form and the token; None when there is no link."""
        make = self.window.make
        values = make.form.values()
        token = make.token_view.token()
        if not token or values.meeting_number is None or values.native:
            return None
        from zoomsig_gui.core.join.link import JoinParams

        return JoinParams(
            name=values.display_name or "zoomsig test",
            meeting_number=values.meeting_number,
            signature=token,
            role=values.role or 0,
            passcode=values.passcode,
            email=values.email,
        )

    def _page_url(self) -> str | None:
        return getattr(self.view, "page_url", None)  # a running view's own address

    def _notice(self, params: JoinParams) -> str:
        return _sharing().notice(params, self.window.true_now(), self._page_url())

    def copy_link(self) -> None:
        from PySide6.QtGui import QGuiApplication

        params = self.params()
        if params is None:
            return
        QGuiApplication.clipboard().setText(_sharing().test_link(params, self._page_url()))
        self.window.notify("Test link copied. " + self._notice(params))

    def show_qr(self) -> None:
        params = self.params()
        if params is not None:
            link = _sharing().test_link(params, self._page_url())
            self.qr_dialog = _sharing().open_qr(self.window, link, self._notice(params))

    def open(self) -> None:
        params = self.params()
        if params is None:
            return
        try:
            if self.view is None:
                from zoomsig_gui.ui.join.view import JoinView
                from zoomsig_gui.ui.services.settings import sdk_dir_setting

                options = {"sdk_dir": sdk_dir_setting(self.window.settings), **self.view_options}
                self.view = JoinView(None, **options)
                self.view.setWindowTitle("zoomsig: join page")
                self.view.resize(1100, 760)
                self.view.stateChanged.connect(self._state)
            self.view.join(params)
        except Exception as exc:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.warning(self.window, "Join page", str(exc))
            return
        self.view.show()
        self.view.raise_()

    def _state(self, state: str, code: str, message: str) -> None:
        self.last = (state, code, message)
        self.window.set_join_outcome(state, code, message)
        c = colours(self.status)
        tint = {"failed": c.error, "sdk-missing": c.error, "joined": c.ok}.get(state, c.dots)
        head = "Join page: " + STATE_WORDS.get(state, state) + (f" (error {code})" if code else "")
        self.status.setText(f"<b>{head}</b> · {message}" if message else f"<b>{head}</b>")
        self.status.setStyleSheet(f"color:{tint}")
        self.status.show()

    def shutdown(self) -> None:
        if self.view is not None:
            self.view.shutdown()
            self.view.close()

    def settings_changed(self) -> None:
        """A new SDK folder or address: the next click opens a view that uses them."""
        if self.view is not None:
            self.shutdown()
            # Kept, not deleted: deleting a web view before exit can crash QtWebEngine.
            self.retired.append(self.view)
            self.view = None


class SupportTools:
    """Theirs vs ours, the fixed token and the case report under the Inspect findings."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.panel = None  # built with the first inspection: keeps start-up light
        window.when_inspect_built(lambda tab: tab.inspected.connect(self._inspected))
        window.join_outcome_changed.connect(self._join_ended)

    def _join_ended(self) -> None:
        # The case report on screen should say how the join went: rebuild it.
        if self.panel is not None and self.window.inspect_built():
            self._inspected(self.window.inspect.report)

    def _inspected(self, report: object) -> None:
        tab = self.window.inspect
        text = tab.paste.toPlainText()
        if self.panel is None:
            if report is None:
                return
            from zoomsig_gui.ui.support.panel import SupportPanel

            self.panel = SupportPanel()
            tab.show_support(self.panel)
        if report is None or not text.strip():
            self.panel.comparison.clear("")
            self.panel.fixed_view.clear()
            self.panel.report_button.setEnabled(False)
            return
        name = tab.profile.currentData() or ""
        creds = self.window.profiles.cached(name) if name else None
        if creds is not None:
            tab.support_box.setChecked(True)  # credentials picked: reproducing makes sense
        self.panel.show_case(
            text,
            creds.key if creds else None,
            creds.secret if creds else None,
            now=self.window.true_now(),
            clock=self._clock_note(),
            join=self.window.join_outcome,
        )

    def _clock_note(self):
        from zoomsig_gui.core.support.casereport import ClockNote

        result = self.window.banner.result
        if result is None or result.reading is None:
            return None
        r = result.reading
        return ClockNote(r.server, r.offset_s, r.checked_at)


class HistoryTab:
    """Setups made (copied or joined) and inspected; restored into the form on request."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.panel = None
        self._last_inspected = ""
        self.holder = QWidget()
        self.holder.setObjectName("historyHolder")
        self._holder_layout = QVBoxLayout(self.holder)
        self._holder_layout.setContentsMargins(0, 0, 0, 0)
        window.tabs.addTab(self.holder, "Histor&y")  # Alt+H is Help
        window.tabs.currentChanged.connect(self._maybe_build)
        window.make.when_built(
            lambda make: make.token_view.copied.connect(lambda: self._record_made())
        )
        window.when_inspect_built(lambda tab: tab.inspected.connect(self._record_inspected))

    def _build(self):
        if self.panel is None:  # reads the history file: only when the tab is first opened
            from zoomsig_gui.ui.history.panel import HistoryPanel

            self.panel = HistoryPanel()
            self.panel.restoreRequested.connect(self.window.make.apply_setup)
            self.panel.restoreRequested.connect(
                lambda _s: self.window.tabs.setCurrentWidget(self.window.make)
            )
            self._holder_layout.addWidget(self.panel)
            self.panel.show()
        return self.panel

    def _maybe_build(self, index: int) -> None:
        if self.window.tabs.widget(index) is self.holder:
            self.window.when_painted(self._build)  # not before: it reads the history file

    def _record(self, entry: HistoryEntry) -> None:
        """Into the panel when it is open; else straight into the file (no widgets built)."""
        if self.panel is not None:
            self.panel.record(entry)
            return
        from zoomsig_gui.core.store.history import History, HistoryError

        history = History()
        try:
            history.add(entry)
        except HistoryError as exc:
            self.window.notify(str(exc))
            return
        for text in history.pop_notices():
            self.window.notify(text)

    def _record_made(self) -> None:
        from zoomsig_gui.core.store.history import entry_from_report

        make = self.window.make
        if make.report is None:
            return
        values = make.form.values()
        self._record(
            entry_from_report(
                make.report,
                "made",
                profile=make.credentials.current() or None,
                made_at=make.made_at,
                webrtc_mode=values.webrtc_mode,
            )
        )

    def _record_inspected(self, report: Report | None) -> None:
        from zoomsig_gui.core.store.history import entry_from_report

        if report is None or not report.token or report.malformed:
            return
        if report.token == self._last_inspected:
            return
        self._last_inspected = report.token
        name = self.window.inspect.profile.currentData() or None
        self._record(entry_from_report(report, "inspected", profile=name))
