"""The embedded join view: the local join page in a QWebEngineView, and its result.

Import this module only when the view is opened (QtWebEngine is heavy)::

    from zoomsig_gui.ui.join.view import JoinView, in the button's slot
    view = JoinView(parent=None, sdk_dir=None, sdk_version="6.2.0", china=False,
                    allow_zoom=True)
    view.stateChanged.connect(window.on_join_state)      # (state, error_code, message)
    view.join(JoinParams(name=..., meeting_number=..., signature=token, passcode=...))
    view.show()

API
- ``JoinView(parent=None, *, sdk_dir=None, sdk_version="6.2.0", china=False,
  allow_zoom=True, port=None, now=true_now)``: starts its own loopback join server
  (core.join.server, on its own thread) and an off-the-record web profile. ``port=None``
  takes the shared default port (53712, so copied links also work later with `zoomsig
  serve`) when it is free, else any free port; ``port=0`` always any free port.
  ``allow_zoom=False`` blocks every non-loopback request (tests, or proving the page
  works offline); the default lets Zoom's domains through for real joins.
  May raise JoinServerError / SdkFolderError / ResourceMissing with a plain message.
- ``stateChanged(str state, str error_code, str message)``: every state the page reports
  (core.join.states: loading, sdk-missing, ready, joining, joined, failed);
  ``error_code`` is "" unless failed. ``core.join.errors.explain(code)`` gives title,
  explanation and likely causes.
- ``join(params: JoinParams)``: load the page with this join link; ``load_page()``: the page
  without a meeting (checks that the SDK loads).
- ``state``, ``error_code``, ``message``: the last report. ``page_url``: the local page.
- ``test_link()``: the shareable link (saved base URL, else this view's local page).
- Actions "Open in browser", "Copy test link" and "QR code" are buttons in the view; where
  the link will work (this computer only, or the hosted page) and when its signature
  expires (against ``now()``: the window passes its corrected clock) are shown beside them
  before anyone copies it. ``port_note``: said when the shared port was taken and the page
  moved to another one.
- ``shutdown()``: stop the server and the page; closing the view calls it, so a closed
  view is finished: open a new one next time.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWebChannel import QWebChannel
from PySide6.QtWebEngineCore import QWebEngineProfile
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from zoomsig_gui.core.clock.truenow import true_now
from zoomsig_gui.core.join.address import DEFAULT_PORT, DEFAULT_SDK_VERSION
from zoomsig_gui.core.join.errors import explain, explanation_text
from zoomsig_gui.core.join.link import JoinParams, build_link
from zoomsig_gui.core.join.server import (
    JoinServer,
    JoinServerError,
    ServerConfig,
    moved_port_notice,
)
from zoomsig_gui.core.join.states import BUSY
from zoomsig_gui.ui.join import ROOT_NOTE, ROOT_WITHOUT_SANDBOX, sharing
from zoomsig_gui.ui.join.bridge import CHANNEL_NAME, JoinBridge, qwebchannel_js
from zoomsig_gui.ui.join.page import JoinPage, NetworkFilter


class JoinView(QWidget):
    stateChanged = Signal(str, str, str)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        sdk_dir: Path | None = None,
        sdk_version: str = DEFAULT_SDK_VERSION,
        china: bool = False,
        allow_zoom: bool = True,
        port: int | None = None,
        now: Callable[[], float] = true_now,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("zoomsig – join test")
        self.state, self.error_code, self.message = "loading", "", ""
        self._params: JoinParams | None = None
        self._closed = False
        self._now = now  # the true time (the window passes its corrected clock)
        config = ServerConfig(
            port=DEFAULT_PORT if port is None else port,
            sdk_dir=sdk_dir,
            sdk_version=sdk_version,
            china=china,
            extra_files=(qwebchannel_js(),),
        )
        try:
            server = JoinServer(config)
        except JoinServerError:
            if port is not None:
                raise
            # `zoomsig serve` (or another window) has the shared port: any free one will do,
            # but links made for the shared port do not reach this page: say so.
            server = JoinServer(replace(config, port=0))
        self._server = server.start()
        self.page_url = self._server.url
        self.port_note = (
            moved_port_notice(self._server.port)
            if port is None and self._server.port != DEFAULT_PORT
            else ""
        )

        self.profile = QWebEngineProfile()  # no storage name: off the record
        self.network = NetworkFilter(allow_zoom, self.profile)
        self.profile.setUrlRequestInterceptor(self.network)
        self.page = JoinPage(self.profile, QUrl(self.page_url), self)
        # Children die in the order they were added: the page must go before its profile.
        self.profile.setParent(self)
        self.bridge = JoinBridge(self)
        self.channel = QWebChannel(self.page)
        self.channel.registerObject(CHANNEL_NAME, self.bridge)
        self.page.setWebChannel(self.channel)
        self.bridge.stateChanged.connect(self._on_state)

        self.web = QWebEngineView(self)
        self.web.setPage(self.page)
        self._build_ui()
        self.page.loadProgress.connect(self.progress.setValue)
        self.page.loadFinished.connect(self._on_load_finished)

    # --- layout -----------------------------------------------------------------------------

    def _build_ui(self) -> None:
        self.status_label = QLabel("Loading the join page…", self)
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)  # shows data
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_button = QPushButton("Open in browser", self)
        self.open_button.setToolTip("Open this join page in the system browser")
        self.open_button.clicked.connect(self.open_in_browser)
        self.copy_button = QPushButton("Copy test link", self)
        self.copy_button.setToolTip("Copy a link a tester can open (it carries a live token)")
        self.copy_button.clicked.connect(self.copy_test_link)
        self.copy_button.setEnabled(False)
        self.qr_button = QPushButton("QR code", self)
        self.qr_button.setToolTip("Show the test link as a QR code, for a tester's phone")
        self.qr_button.clicked.connect(self.show_qr)
        self.qr_button.setEnabled(False)
        self.sandbox_note = QLabel(ROOT_NOTE if ROOT_WITHOUT_SANDBOX else "", self)
        self.sandbox_note.setObjectName("sandboxNote")
        self.sandbox_note.setVisible(ROOT_WITHOUT_SANDBOX)
        self.expiry_label = QLabel("", self)
        self.expiry_label.setObjectName("linkNotice")
        self.expiry_label.setTextFormat(Qt.TextFormat.PlainText)  # shows data
        self.expiry_label.setWordWrap(True)
        self.port_label = QLabel(self.port_note, self)
        self.port_label.setObjectName("portNote")
        self.port_label.setWordWrap(True)
        self.port_label.setVisible(bool(self.port_note))
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 100)
        self.progress.setFormat("Loading the page and the Meeting SDK… %p%")

        actions = QHBoxLayout()
        actions.addWidget(self.sandbox_note)
        actions.addWidget(self.expiry_label, 1)
        actions.addWidget(self.open_button)
        actions.addWidget(self.copy_button)
        actions.addWidget(self.qr_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.port_label)
        layout.addWidget(self.status_label)
        layout.addLayout(actions)
        layout.addWidget(self.progress)
        layout.addWidget(self.web, 1)

    # --- loading ------------------------------------------------------------------------------

    def load_page(self) -> None:
        """The page without a meeting: shows whether the SDK loads and initialises."""
        self._params = None
        self.copy_button.setEnabled(False)
        self.qr_button.setEnabled(False)
        self.expiry_label.clear()
        self._load(self.page_url)

    def join(self, params: JoinParams) -> None:
        """Load the page with this join link; results arrive on ``stateChanged``."""
        self._params = params
        self.copy_button.setEnabled(True)
        self.qr_button.setEnabled(True)
        self.expiry_label.setText(self.link_notice())
        self._load(build_link(self.page_url, params))

    def _load(self, url: str) -> None:
        self._on_state("loading", "", "Loading the join page…")
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.progress.show()
        self.web.load(QUrl(url))

    def _on_load_finished(self, ok: bool) -> None:
        if not ok:
            self._on_state("failed", "", "The join page did not load.")
        elif self.state in BUSY:
            self.progress.setRange(0, 0)  # the page is there; the SDK is still loading

    # --- results ------------------------------------------------------------------------------

    def _on_state(self, state: str, code: str, message: str) -> None:
        self.state, self.error_code, self.message = state, code, message
        if state in BUSY:
            self.progress.show()
        else:
            self.progress.hide()
        self.status_label.setText(self.result_text())
        self.stateChanged.emit(state, code, message)

    def result_text(self) -> str:
        """What the view shows: the state, and for failures the code with its explanation."""
        if self.state == "failed" and self.error_code:
            info = explain(self.error_code, messages=self._server.sdk_messages)
            return f"Join failed – error {self.error_code}: {explanation_text(info)}"
        if self.state == "sdk-missing":
            info = explain("sdk-missing")
            return f"{info.title}. {info.explanation}"
        return self.message or self.state

    # --- actions ------------------------------------------------------------------------------

    def test_link(self) -> str | None:
        """The shareable link: the saved hosted page, else this view's local page."""
        return None if self._params is None else sharing.test_link(self._params, self.page_url)

    def link_notice(self) -> str:
        """Where the copied link will work and until when (said before it is copied)."""
        if self._params is None:
            return ""
        return sharing.notice(self._params, self._now(), self.page_url)

    def show_qr(self) -> None:
        link = self.test_link()
        if link:
            self.qr_dialog = sharing.open_qr(self, link, self.link_notice())

    def open_in_browser(self) -> None:
        link = self.test_link() or self.page_url
        QDesktopServices.openUrl(QUrl(link))

    def copy_test_link(self) -> None:
        link = self.test_link()
        if link:
            QGuiApplication.clipboard().setText(link)
            self.expiry_label.setText("Copied. " + self.link_notice())

    def shutdown(self) -> None:
        if self._closed:
            return
        self._closed = True
        self.page.triggerAction(self.page.WebAction.Stop)
        self._server.stop()

    def closeEvent(self, event) -> None:
        self.shutdown()
        super().closeEvent(event)
