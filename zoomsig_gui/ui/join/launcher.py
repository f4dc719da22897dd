"""The "Open join page" button on the Make tab and the join page's result under the findings.

The button goes in once the Make tab's parts are built; the web view (QtWebEngine, heavy) is
made on the first click. The launcher sees the Make tab
only through its surface: the actions row, the result area, ``token_made`` and
``join_params()``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QLabel, QPushButton

from zoomsig_gui.ui.widgets.theme import colours

if TYPE_CHECKING:
    from zoomsig_gui.core.tokens.made import MadeToken
    from zoomsig_gui.ui.join.view import JoinView
    from zoomsig_gui.ui.make.tab import MakeTab

JOIN_TIP = "Join the meeting with this token in a window of zoomsig"
NATIVE_TIP = "Make a web token first (native tokens cannot join from the web page)"


class JoinLauncher:
    def __init__(
        self,
        make: MakeTab,
        now: Callable[[], float],
        on_state: Callable[[str, str, str], None],
    ) -> None:
        self.make = make
        self._now = now  # the window's true time, for the link's expiry note
        self._on_state = on_state
        self.view: JoinView | None = None  # once opened
        # Keyword options for the JoinView (e.g. sdk_dir, allow_zoom=False): tests and the
        # screenshot script use a local SDK folder with every non-loopback request blocked.
        self.view_options: dict[str, Any] = {}
        self.last: tuple[str, str, str] | None = None  # state, code, message
        self.button = QPushButton("Open &join page")
        self.button.setObjectName("openJoin")
        self.button.setToolTip(JOIN_TIP)
        self.button.clicked.connect(self.open)
        self.status = QLabel()
        self.status.setObjectName("joinStatus")
        self.status.setWordWrap(True)
        self.status.hide()
        make.when_built(self._attach)

    def _attach(self, make: MakeTab) -> None:
        make.actions_row.addWidget(self.button)
        make.actions_row.addStretch(1)
        # The result explains the token, so it goes under the findings; in the token's box its
        # few lines squeezed the token text under the Copy button.
        make.result_area.addWidget(self.status)
        make.token_made.connect(self._token_changed)
        self._token_changed(make.made)

    def _token_changed(self, made: MadeToken | None) -> None:
        usable = made is not None and not made.request.native
        self.button.setEnabled(usable)
        self.button.setToolTip(JOIN_TIP if usable else NATIVE_TIP)

    def open(self) -> None:
        params = self.make.join_params()
        if params is None:
            return
        try:
            if self.view is None:
                from zoomsig_gui.ui.join.view import JoinView

                self.view = JoinView(None, now=self._now, **self.view_options)
                self.view.setWindowTitle("zoomsig: join page")
                self.view.resize(1100, 760)
                self.view.stateChanged.connect(self._state)
            self.view.join(params)
        except Exception as exc:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.warning(self.make.window(), "Join page", str(exc))
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
        self.status.setText(f"<b>{head}</b> · {message}" if message else f"<b>{head}</b>")
        self.status.setStyleSheet(f"color:{tint}")
        self.status.show()

    def shutdown(self) -> None:
        if self.view is not None:
            self.view.shutdown()
            self.view.close()
