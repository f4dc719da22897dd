"""The Make tab's join buttons (Open join page, Copy test link, QR code) and the join page's
result under the findings.

The buttons go in once the Make tab's parts are built; the web view (QtWebEngine, heavy) is
made on the first click. The launcher sees the Make tab only through its surface: the
actions row, the result area, ``token_made`` and ``join_params()``.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton

from zoomsig_gui.ui.widgets.theme import colours

if TYPE_CHECKING:
    from types import ModuleType

    from PySide6.QtCore import QSettings

    from zoomsig_gui.core.join.link import JoinParams
    from zoomsig_gui.core.tokens.made import MadeToken
    from zoomsig_gui.ui.join.view import JoinView
    from zoomsig_gui.ui.make.tab import MakeTab

JOIN_TIP = "Join the meeting with this token in a window of zoomsig"
NATIVE_TIP = "Make a web token first (native tokens cannot join from the web page)"


def _sharing() -> ModuleType:
    # Imported with the first token, not at start-up (it brings the join link's modules).
    from zoomsig_gui.ui.join import sharing

    return sharing


class JoinLauncher:
    def __init__(
        self,
        make: MakeTab,
        now: Callable[[], float],
        on_state: Callable[[str, str, str], None],
        settings: QSettings,
        notify: Callable[[str], None],
    ) -> None:
        self.make = make
        self._now = now  # the window's true time, for the link's expiry note
        self._on_state = on_state
        self._settings = settings  # the Meeting SDK folder chosen in Settings
        self._notify = notify
        self.view: JoinView | None = None  # once opened
        self.retired: list[object] = []  # views closed after a change of settings
        # Keyword options for the JoinView (e.g. sdk_dir, allow_zoom=False): tests and the
        # screenshot script use a local SDK folder with every non-loopback request blocked.
        self.view_options: dict[str, Any] = {}
        self.last: tuple[str, str, str] | None = None  # state, code, message
        # (zak, obf token) the join needs besides the signature, when the window can get them
        self.join_tokens: Callable[[], tuple[str, str]] | None = None
        self.button = QPushButton("&Open join page")
        self.button.setObjectName("openJoin")
        self.button.setToolTip(JOIN_TIP)
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
        self.status.setTextFormat(Qt.TextFormat.RichText)  # built from escaped text only
        self.status.setWordWrap(True)
        self.status.hide()
        make.when_built(self._attach)

    def _attach(self, make: MakeTab) -> None:
        make.actions_row.addWidget(self.button)
        make.actions_row.addWidget(self.copy_link_button)
        make.actions_row.addWidget(self.qr_button)
        make.actions_row.addStretch(1)
        # The result explains the token, so it goes under the findings; in the token's box its
        # few lines squeezed the token text under the Copy button.
        make.result_area.addWidget(self.status)
        make.token_made.connect(self._token_changed)
        self._token_changed(make.made)

    def _token_changed(self, made: MadeToken | None) -> None:
        usable = made is not None and not made.request.native
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
        self.button.setToolTip(JOIN_TIP if usable else NATIVE_TIP)

    def params(self) -> JoinParams | None:
        """The join link's parts from the form and the token; None when there is no link."""
        params = self.make.join_params()
        if params is None or self.join_tokens is None:
            return params
        zak, obf = self.join_tokens()
        return replace(params, zak=zak, obf_token=obf)

    def _page_url(self) -> str | None:
        return self.view.page_url if self.view is not None else None  # a running view's

    def _notice(self, params: JoinParams) -> str:
        return str(_sharing().notice(params, self._now(), self._page_url()))

    def copy_link(self) -> None:
        from PySide6.QtGui import QGuiApplication

        params = self.params()
        if params is None:
            return
        QGuiApplication.clipboard().setText(_sharing().test_link(params, self._page_url()))
        self.make.shared()  # History keeps the setup, as for a copied token
        said = "Test link copied. " + self._notice(params)
        self._notify(said)
        # The status bar cuts a long line off: the whole of it under the findings too.
        self.status.setText(html.escape(said))
        self.status.show()

    def show_qr(self) -> None:
        params = self.params()
        if params is not None:
            link = _sharing().test_link(params, self._page_url())
            self.make.shared()
            self.qr_dialog = _sharing().open_qr(self.make.window(), link, self._notice(params))

    def open(self) -> None:
        params = self.params()
        if params is None:
            return
        try:
            if self.view is None:
                from zoomsig_gui.ui.join.view import JoinView
                from zoomsig_gui.ui.services.settings import sdk_dir_setting

                options = {"sdk_dir": sdk_dir_setting(self._settings), **self.view_options}
                self.view = JoinView(None, now=self._now, **options)
                self.view.setWindowTitle("zoomsig: join page")
                self.view.resize(1100, 760)
                self.view.stateChanged.connect(self._state)
            self.view.join(params)
        except Exception as exc:
            from PySide6.QtWidgets import QMessageBox

            box = QMessageBox(
                QMessageBox.Icon.Warning, "Join page", str(exc), parent=self.make.window()
            )
            box.setTextFormat(Qt.TextFormat.PlainText)  # a folder name is not markup
            box.exec()
            return
        self.view.show()
        self.view.raise_()

    def _state(self, state: str, code: str, message: str) -> None:
        from zoomsig_gui.core.join.states import STATE_WORDS  # with the page: not at start-up

        self.last = (state, code, message)
        self._on_state(state, code, message)
        c = colours(self.status)
        tint = {"failed": c.error, "sdk-missing": c.error, "joined": c.ok}.get(state, c.dots)
        head = "Join page: " + STATE_WORDS.get(state, state) + (f" (error {code})" if code else "")
        # The message comes from the page (and so from the SDK): escaped, never markup.
        rich = f"<b>{html.escape(head)}</b>"
        self.status.setText(f"{rich} · {html.escape(message)}" if message else rich)
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
