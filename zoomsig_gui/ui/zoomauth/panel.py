"""The Make tab's "Whose meeting is it?" and the ZAK / OBF token fields it asks for.

Our account's meeting: the signature alone. Another account's: signature + OBF token (the
app must have passed Zoom's review). Joining as the host: signature + ZAK. The token fields
appear only when needed; a token is pasted or fetched with the profile's Zoom sign-in (on a
worker thread), shown hidden (no screenshot shows it), read out as whose it is and when it
expires, and kept in memory only: never in settings, history, logs or reports (the crash
scrubber learns it). Every rule is the core's (core.zoomauth).
"""

from __future__ import annotations

import threading
import time
import webbrowser
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from zoomsig_gui.core.zoomauth.addresses import redirect_uri
from zoomsig_gui.core.zoomauth.usertoken import NAMES, OBF, ZAK, describe
from zoomsig_gui.ui.services.workers import Workers
from zoomsig_gui.ui.widgets.theme import colours

if TYPE_CHECKING:
    from zoomsig_gui.core.zoomauth.account import SignInResult, SignInStatus, ZoomAccounts
    from zoomsig_gui.core.zoomauth.usertoken import UserToken

OURS, OTHER, HOST = "ours", "other", "host"
W = TypeVar("W", bound=QWidget)


def _named(widget: W, name: str) -> W:
    widget.setObjectName(name)
    if isinstance(widget, QLabel):
        widget.setWordWrap(True)
    return widget


CHOICES = (  # short lines: the left column must not scroll sideways
    (OURS, "Our account's meeting (the signature is enough)"),
    (OTHER, "Another account's meeting (+ OBF token)"),
    (HOST, "I'm joining as the host (+ ZAK)"),
)
REVIEW_NOTE = (
    "Zoom lets an app join meetings of other accounts only after the app has passed Zoom's "
    "app review (published; unlisted is fine), and only while the user whose OBF token it is "
    "is in the meeting."
)


class TokenField(QWidget):
    """One ZAK or OBF token: a hidden field, a Get button, and what the token says."""

    changed = Signal()

    def __init__(self, kind: str, now: Callable[[], float]) -> None:
        super().__init__()
        self.setObjectName(f"{kind}Row")
        self.kind = kind
        self._now = now
        name = NAMES[kind]
        self.edit = _named(QLineEdit(), f"{kind}Field")
        self.edit.setEchoMode(QLineEdit.EchoMode.Password)  # never readable in a screenshot
        self.edit.setAccessibleName(name)
        self.edit.setPlaceholderText(f"paste a {name}, or get one with your Zoom sign-in")
        self.get = _named(QPushButton(f"Get {name}"), f"get_{kind}")
        self.info = _named(QLabel(), f"{kind}Info")
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(f"{name}:"))
        row.addWidget(self.edit, 1)
        row.addWidget(self.get)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.info)
        self.edit.textChanged.connect(self._edited)

    def token(self) -> str:
        return self.edit.text().strip()

    def set_token(self, token: str) -> None:
        self.edit.setText(token)

    def _edited(self) -> None:
        self.refresh()
        self.changed.emit()

    def refresh(self) -> None:
        """Whose it is and when it expires, counting down like the signature's time."""
        token = self.token()
        if not token:
            self.info.setText(f"No {NAMES[self.kind]} yet.")
            return
        found = describe(token, self.kind)
        now = self._now()
        c = colours(self.info)
        expired = found.expires_at is not None and found.expires_at <= now
        self.info.setStyleSheet(f"color:{c.error if expired else c.dots}")
        self.info.setText(found.summary(now))


class ZoomTokensPanel(QWidget):
    """``join_tokens()`` gives the JoinParams fields for the choice made."""

    changed = Signal()

    def __init__(
        self,
        accounts: Callable[[], ZoomAccounts],  # called in a worker, on first use
        profile: Callable[[], str | None],
        meeting: Callable[[], str | None],
        now: Callable[[], float] = time.time,
        learn_secret: Callable[[str], None] = lambda _value: None,
        open_url: Callable[[str], object] = webbrowser.open,
    ) -> None:
        super().__init__()
        self.setObjectName("zoomTokens")
        self._accounts_factory = accounts
        self._accounts: ZoomAccounts | None = None
        self._profile, self._meeting = profile, meeting
        self._learn = learn_secret
        self.open_url = open_url
        self.workers = Workers(self, threads=2)  # a sign-in waits; a Get must not queue behind
        self._cancel = threading.Event()

        self.question = QLabel("<b>Whose meeting is it?</b>")
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.question)
        for key, text in CHOICES:
            button = _named(QRadioButton(text), f"whose_{key}")
            self.buttons[key] = button
            self.group.addButton(button)
            layout.addWidget(button)
        self.buttons[OURS].setChecked(True)
        self.review = _named(QLabel(REVIEW_NOTE), "reviewNote")
        self.fields = {kind: TokenField(kind, now) for kind in (ZAK, OBF)}
        self.sign_in_button = _named(QPushButton("Sign in with Zoom"), "zoomSignIn")
        self.status = _named(QLabel(), "zoomStatus")
        self.redirect = _named(QLabel(), "redirectAddress")
        self.copy_redirect = _named(QPushButton("Copy"), "copyRedirect")
        self.copy_redirect.setToolTip("Copy the address to add to the Zoom app's redirect list")
        self.sign_in_row = _named(QWidget(), "zoomSignInRow")
        sign_in = QVBoxLayout(self.sign_in_row)
        sign_in.setContentsMargins(0, 0, 0, 0)
        top, bottom = QHBoxLayout(), QHBoxLayout()
        top.addWidget(self.sign_in_button)
        top.addWidget(self.status, 1)
        bottom.addWidget(self.redirect, 1)
        bottom.addWidget(self.copy_redirect)
        sign_in.addLayout(top)
        sign_in.addLayout(bottom)
        for part in (self.review, self.fields[OBF], self.fields[ZAK], self.sign_in_row):
            layout.addWidget(part)
        self.set_redirect(redirect_uri())

        self.group.buttonToggled.connect(lambda *_: self._choice_changed())
        self.sign_in_button.clicked.connect(self.sign_in)
        self.copy_redirect.clicked.connect(
            lambda: QGuiApplication.clipboard().setText(self._redirect_text)
        )
        for kind, box in self.fields.items():
            box.get.clicked.connect(lambda _=False, k=kind: self.fetch(k))
            box.changed.connect(lambda k=kind: self._token_edited(k))
            box.refresh()
        self._ticker = QTimer(self, interval=1000)
        self._ticker.timeout.connect(lambda: [f.refresh() for f in self.fields.values()])
        self._ticker.start()
        self._choice_changed()

    def shutdown(self) -> None:
        """A sign-in still waiting for the browser gives up (nothing is saved); a fetch
        under way gets a moment to end, so no answer arrives at a closed window."""
        self._cancel.set()
        self._ticker.stop()
        self.workers.wait(2000)

    # -- what the join gets ---------------------------------------------------------
    def choice(self) -> str:
        return next(key for key, button in self.buttons.items() if button.isChecked())

    def join_tokens(self) -> tuple[str, str]:
        """(zak, obf_token) for JoinParams: only the one the choice asks for, never both."""
        choice = self.choice()
        return (
            self.fields[ZAK].token() if choice == HOST else "",
            self.fields[OBF].token() if choice == OTHER else "",
        )

    def _choice_changed(self) -> None:
        choice = self.choice()
        self.review.setVisible(choice == OTHER)
        self.fields[OBF].setVisible(choice == OTHER)
        self.fields[ZAK].setVisible(choice == HOST)
        self.sign_in_row.setVisible(choice != OURS)
        self.changed.emit()

    def _token_edited(self, kind: str) -> None:
        self._learn(self.fields[kind].token())
        self.changed.emit()

    def set_redirect(self, address: str) -> None:
        self._redirect_text = address
        self.redirect.setText(f"Redirect address for the Zoom app's allow list: {address}")

    # -- Zoom sign-in and fetching, on workers --------------------------------------------
    def _accounts_now(self) -> ZoomAccounts:
        if self._accounts is None:
            self._accounts = self._accounts_factory()
        return self._accounts

    def _say(self, text: str, error: bool = False) -> None:
        c = colours(self.status)
        self.status.setStyleSheet(f"color:{c.error}" if error else "")
        self.status.setText(text)

    def _profile_or_say(self) -> str | None:
        name = self._profile()
        if not name:
            self._say("Pick saved credentials first: the Zoom sign-in belongs to them.", True)
        return name

    def sign_in(self) -> None:
        name = self._profile_or_say()
        if not name:
            return
        self._say("Checking the sign-in…")
        self.workers.run(
            lambda: self._accounts_now().status(name),
            lambda status: self._ask_and_sign_in(name, status),
            lambda exc: self._say(str(exc), True),
        )

    def _ask_and_sign_in(self, name: str, status: SignInStatus) -> None:
        self.set_redirect(status.redirect_uri)
        client_id = secret = None
        if not status.client_id:
            client_id, ok = QInputDialog.getText(
                self, "Sign in with Zoom", "Client ID of the Zoom OAuth app (a General app):"
            )
            if not ok or not client_id.strip():
                return self._say("Not signed in: no Client ID given.")
        if not status.has_secret:
            secret, ok = QInputDialog.getText(
                self,
                "Sign in with Zoom",
                "Client Secret of that app (saved in your system keyring only):",
                QLineEdit.EchoMode.Password,
            )
            if not ok or not secret.strip():
                return self._say("Not signed in: no Client Secret given.")
            self._learn(secret)
        self._say("Finish the sign-in in your browser; zoomsig waits for Zoom's answer…")
        self.sign_in_button.setEnabled(False)

        def done(result: SignInResult) -> None:
            self.sign_in_button.setEnabled(True)
            notes = " ".join(result.notices)
            self._say(f"Signed in with Zoom for “{result.profile}”. {notes}".strip())

        def failed(exc: Exception) -> None:
            self.sign_in_button.setEnabled(True)
            self._say(str(exc), True)

        self.workers.run(
            lambda: self._accounts_now().sign_in(
                name,
                self.open_url,
                client_id=client_id,
                client_secret=secret,
                cancelled=self._cancel,
            ),
            done,
            failed,
        )

    def fetch(self, kind: str) -> None:
        name = self._profile_or_say()
        if not name:
            return
        meeting = self._meeting() or ""
        if kind == OBF and not meeting:
            return self._say("Enter the meeting first: an OBF token is for one meeting.", True)
        box = self.fields[kind]
        box.get.setEnabled(False)
        self._say(f"Getting a {NAMES[kind]} from Zoom…")

        def work() -> UserToken:
            accounts = self._accounts_now()
            return accounts.zak(name) if kind == ZAK else accounts.obf(name, meeting)

        def done(found: UserToken) -> None:
            box.get.setEnabled(True)
            self._learn(found.token)
            box.set_token(found.token)
            self._say(f"Got a fresh {NAMES[kind]}.")

        def failed(exc: Exception) -> None:
            box.get.setEnabled(True)
            self._say(str(exc), True)

        self.workers.run(work, done, failed)


class ZoomTokens:
    """The window's handle on the panel, which is made with the Make tab's parts (after
    the first paint) inside its meeting box; before that there are no tokens to give."""

    def __init__(self, window) -> None:
        self.window = window
        self.panel: ZoomTokensPanel | None = None
        window.make.when_built(self._place)

    def join_tokens(self) -> tuple[str, str]:
        return self.panel.join_tokens() if self.panel is not None else ("", "")

    def shutdown(self) -> None:
        if self.panel is not None:
            self.panel.shutdown()

    def _accounts(self) -> ZoomAccounts:  # in a worker, on first use: httpx and Authlib load then
        from zoomsig_gui.core.zoomauth.account import ZoomAccounts

        return ZoomAccounts(self.window.profiles.vault())

    def _place(self, make) -> None:
        self.panel = panel = ZoomTokensPanel(
            accounts=self._accounts,
            profile=make.credentials.current,
            meeting=lambda: make.form.values().meeting_number,
            now=self.window.true_now,
            learn_secret=self.window.scrubber.add,
        )
        make.meeting_box.layout().addWidget(panel)
        panel.show()
        # Joining as the host needs the host role in the signature too.
        panel.buttons[HOST].toggled.connect(
            lambda on: on and make.form.role.setCurrentIndex(make.form.role.findData(1))
        )
