"""The "Make a token" tab: credentials and meeting form on the left; the live token, the
findings and the decoded claims on the right. Every rule is the core's.

The tab is made in two steps so the window can appear as fast as a bare one: the boxes are
laid out at once, and what goes in them (forms, token, findings, tables, and their imports) is
built by ``build()``, which the window calls right after its first paint. Asking for any part
(``tab.form``…) builds it earlier, so code and tests never see a half-made tab.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from zoomsig_gui.ui.services.vault_client import Profiles, SecretFetch
from zoomsig_gui.ui.widgets.boxes import boxed, scrolling
from zoomsig_gui.ui.widgets.deferred import DeferredPart, WhenReady
from zoomsig_gui.ui.widgets.qtprops import set_enum

if TYPE_CHECKING:  # the parts and the signing code load with build(), after the first paint
    from zoomsig_gui.core.inspection.inspector import Inspection
    from zoomsig_gui.core.join.link import JoinParams
    from zoomsig_gui.core.store.history import Setup
    from zoomsig_gui.core.tokens.made import MadeToken
    from zoomsig_gui.ui.make.credentials import CredentialsPanel
    from zoomsig_gui.ui.make.form import MeetingForm
    from zoomsig_gui.ui.widgets.decodedview import DecodedView
    from zoomsig_gui.ui.widgets.findingsview import FindingsView
    from zoomsig_gui.ui.widgets.tokenview import TokenView

DEBOUNCE_MS = 150


class MakeTab(QWidget):
    token_made = Signal(object)  # MadeToken, or None when no token is shown
    token_copied = Signal(object)  # MadeToken: the shown token was copied (or a link with it)
    credentials: DeferredPart[CredentialsPanel] = DeferredPart()
    form: DeferredPart[MeetingForm] = DeferredPart()
    token_view: DeferredPart[TokenView] = DeferredPart()
    findings: DeferredPart[FindingsView] = DeferredPart()
    decoded: DeferredPart[DecodedView] = DeferredPart()

    def __init__(
        self,
        profiles: Profiles,
        now: Callable[[], float],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.profiles = profiles
        self._now = now  # the true time (the window's corrected clock)
        self._secrets = SecretFetch(profiles, self.schedule)
        self._built = False
        self._when_built: WhenReady[MakeTab] = WhenReady()
        self.made: MadeToken | None = None  # the token on screen
        self.made_with = ""  # the credentials it was signed with
        self.actions_row = QHBoxLayout()  # the join page and others add buttons here
        self.actions_row.setContentsMargins(0, 0, 0, 0)
        self._layout()

    def _layout(self) -> None:
        self.credentials_box = boxed("Credentials", None, "credentialsBox")
        self.meeting_box = boxed("Meeting", None, "meetingBox")
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.addWidget(self.credentials_box)
        ll.addWidget(self.meeting_box)
        ll.addStretch(1)
        self.left_column = left_scroll = scrolling(left)
        left_scroll.setMinimumWidth(400)
        self.signature_box = boxed("Signature", None, "signatureBox")
        self.signature_box.body.addLayout(self.actions_row)
        self.findings_box = boxed("Findings", None, "findingsBox")
        # Features add their results under the findings, where they explain the token.
        self.result_area = QVBoxLayout()
        self.result_area.setContentsMargins(0, 0, 0, 0)
        self.findings_box.body.addLayout(self.result_area)
        self._decoded_scroll = scrolling()
        right = QSplitter()
        set_enum(right, "orientation", "Vertical")
        right.addWidget(self.signature_box)
        right.addWidget(self.findings_box)
        right.addWidget(boxed("Decoded", self._decoded_scroll, "decodedBox"))
        right.setChildrenCollapsible(False)
        right.setStretchFactor(1, 1)
        right.setStretchFactor(2, 2)
        right.setSizes([170, 170, 460])
        self._split = split = QSplitter()  # horizontal
        split.setObjectName("makeSplitter")
        split.addWidget(left_scroll)
        split.addWidget(right)
        split.setStretchFactor(1, 1)
        split.setChildrenCollapsible(False)
        layout = QHBoxLayout(self)
        layout.addWidget(split)

    # -- the parts, built after the first paint ---------------------------------------
    def build(self) -> None:
        """Make the forms, token, findings and tables, then run the when_built hooks."""
        if self._built:
            return
        self._built = True
        from zoomsig_gui.ui.make.credentials import CredentialsPanel
        from zoomsig_gui.ui.make.form import MeetingForm
        from zoomsig_gui.ui.widgets.decodedview import DecodedView
        from zoomsig_gui.ui.widgets.findingsview import FindingsView
        from zoomsig_gui.ui.widgets.tokenview import TokenView

        self._credentials = CredentialsPanel(self.profiles)
        self._form = MeetingForm()
        self._token_view = TokenView(self._now)
        self._findings = FindingsView()
        self._decoded = DecodedView()
        self.credentials_box.body.addWidget(self._credentials)
        self.meeting_box.body.addWidget(self._form)
        self.signature_box.body.insertWidget(0, self._token_view)
        self.findings_box.body.insertWidget(0, self._findings)
        self._decoded_scroll.setWidget(self._decoded)
        for part in (
            self._credentials,
            self._form,
            self._token_view,
            self._findings,
            self._decoded,
        ):
            part.show()  # now, not on the next event loop turn as for a late child
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.regenerate)
        self._readings = QTimer(self)
        self._readings.setInterval(20_000)
        self._readings.timeout.connect(lambda: self._decoded.refresh_readings(self._now()))
        self._readings.start()
        self._form.changed.connect(self.schedule)
        self._credentials.selected.connect(self.schedule)
        self.profiles.listed.connect(self._list_changed)
        self._token_view.expired.connect(self.schedule)
        self._token_view.copied.connect(self._copied)
        # The list arrives from the keyring after show; until then there is nothing to sign.
        self._placeholder("Loading your saved credentials…")
        self._fit_left()
        self._when_built.arrive(self)

    def fit_left(self) -> None:
        """Size the left column to its forms again (after being built while hidden)."""
        self._fit_left()

    def _fit_left(self) -> None:
        """Widen the left column to fit the forms: the window, if shown, was laid out with
        the boxes empty. (Before the first show the splitter sizes itself from the forms.)"""
        scroll = self.left_column
        scroll.setWidget(scroll.takeWidget())  # the scroll area keeps its first size hint
        sizes = self._split.sizes()
        # Room for the vertical scrollbar too: a column taller than the window scrolls, and
        # without it the forms would then need a sideways scrollbar as well.
        wanted = scroll.sizeHint().width() + scroll.verticalScrollBar().sizeHint().width()
        if sum(sizes) > wanted > sizes[0]:
            self._split.setSizes([wanted, sum(sizes) - wanted])

    def is_built(self) -> bool:
        return self._built

    def when_built(self, hook: Callable[[MakeTab], object]) -> None:
        """Run ``hook(tab)`` once the parts exist (now, if they already do)."""
        self._when_built.add(hook)

    def shown_token(self) -> str:
        """The token on screen; "" before the parts are built (there is none yet)."""
        return self._token_view.token() if self._built else ""

    # -- regenerating ---------------------------------------------------------------
    def schedule(self) -> None:
        if self._built:  # nothing to sign before build(); the list arriving schedules later
            self._timer.start()

    def _list_changed(self) -> None:
        self._secrets.forget()
        self.schedule()

    @property
    def inspection(self) -> Inspection | None:
        """The shown token's inspection; None when no token is shown."""
        return self.made.inspection if self.made else None

    def join_params(self) -> JoinParams | None:
        """The shown token with the form's join fields; None without a web token."""
        made = self.made
        if made is None or made.request.native:
            return None
        from zoomsig_gui.core.join.link import JoinParams

        values = self.form.values()
        return JoinParams(
            name=values.display_name or "zoomsig test",
            meeting_number=made.request.meeting_number or "",
            signature=made.token,
            role=made.request.role or 0,
            passcode=values.passcode,
            email=values.email,
        )

    def _copied(self) -> None:
        if self.made is not None:
            self.token_copied.emit(self.made)

    def shared(self) -> None:
        """The token left the window another way (a test link, a QR code): History keeps
        the setup as for a copied token."""
        self._copied()

    def _placeholder(self, text: str) -> None:
        self.made = None
        self.token_view.set_token("", None, text)
        self.findings.show_inspection(None, text)
        self.decoded.show_inspection(None)
        self.token_made.emit(None)

    def regenerate(self) -> None:
        name = self.credentials.current()
        values = self.form.values()
        if not self.profiles.loaded:
            return self._placeholder("Loading your saved credentials…")
        if not name:
            return self._placeholder(
                "Add or pick credentials (Client ID and Secret) to make a token."
            )
        creds = self._secrets.get(name)
        if creds is None:
            return self._placeholder(
                self._secrets.error(name) or "Getting the secret from your system keyring…"
            )
        if values.empty:
            return self._placeholder("Enter a meeting number or paste an invite link.")
        if values.errors:
            return self._placeholder(
                "Correct the field marked in red: " + next(iter(values.errors.values()))
            )
        from zoomsig_gui.core.tokens.made import make_and_inspect
        from zoomsig_gui.core.tokens.request import TokenError

        try:
            made = make_and_inspect(values.signed_with(creds.key), creds.secret, self._now())
        except TokenError as exc:
            return self._placeholder(str(exc))
        self.made, self.made_with = made, name
        exp = made.payload.get("exp")
        self.token_view.set_token(made.token, exp if isinstance(exp, int) else None, "")
        self.findings.show_inspection(made.inspection, "")
        self.decoded.show_inspection(
            made.inspection, f"Signed with “{name}” · Client ID {creds.key}"
        )
        self.token_made.emit(made)

    def apply_setup(self, setup: Setup) -> None:
        """Fill the form from a saved setup: no secret, no passcode."""
        from zoomsig_gui.core.timefmt import span_text

        req = setup.request
        if setup.profile:
            self.credentials.select(setup.profile)
        form = self.form
        form.native.setChecked(req.native)
        if not req.native:
            form.meeting.setPlainText(req.meeting_number or "")
            form.role.setCurrentIndex(max(form.role.findData(req.role), 0))
        form.expiry.setCurrentText(span_text(req.expires_s))
        form.backdate.setValue(req.backdate_s)
        form.webrtc.setCurrentIndex(max(form.webrtc.findData(req.webrtc_mode), 0))
        self.schedule()
