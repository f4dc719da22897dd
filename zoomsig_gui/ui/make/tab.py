"""The "Make a token" tab: credentials and meeting form on the left; the live token, the
findings and the decoded claims on the right. Every rule is the core's.

The tab is made in two steps so the window can appear as fast as a bare one: the boxes are
laid out at once, and what goes in them (forms, token, findings, tables, and their imports) is
built by ``build()``, which the window calls right after its first paint. Asking for any part
(``tab.form``…) builds it earlier, so code and tests never see a half-made tab.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from zoomsig_gui.ui.widgets.deferred import BuiltPart, Waiting
from zoomsig_gui.ui.widgets.qtprops import set_enum

if TYPE_CHECKING:  # the parts and the signing code load with build(), after the first paint
    from zoomsig_gui.core.inspection.inspector import Report
    from zoomsig_gui.core.store.history import Setup
    from zoomsig_gui.ui.make.credentials import CredentialsPanel
    from zoomsig_gui.ui.make.form import FormValues, MeetingForm
    from zoomsig_gui.ui.services.vault_client import Profiles
    from zoomsig_gui.ui.widgets.decodedview import DecodedView
    from zoomsig_gui.ui.widgets.findingsview import FindingsView
    from zoomsig_gui.ui.widgets.tokenview import TokenView

DEBOUNCE_MS = 150


def boxed(title: str, widget: QWidget | None, name: str) -> QGroupBox:
    box = QGroupBox(title)
    box.setObjectName(name)
    layout = QVBoxLayout(box)
    if widget is not None:
        layout.addWidget(widget)
    return box


def column(box: QWidget) -> QVBoxLayout:
    """The column that boxed() laid out in ``box``, to add more to it."""
    layout = box.layout()
    if not isinstance(layout, QVBoxLayout):
        raise TypeError(f"{box.objectName()} was not made by boxed()")
    return layout


class MakeTab(QWidget):
    token_made = Signal(str, object, object)  # token, Report, FormValues ("" when none)
    credentials: BuiltPart[CredentialsPanel] = BuiltPart()
    form: BuiltPart[MeetingForm] = BuiltPart()
    token_view: BuiltPart[TokenView] = BuiltPart()
    findings: BuiltPart[FindingsView] = BuiltPart()
    decoded: BuiltPart[DecodedView] = BuiltPart()

    def __init__(
        self,
        profiles: Profiles,
        now: Callable[[], float],
        clock_offset: Callable[[], float],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.profiles = profiles
        self._now = now
        self._offset = clock_offset
        self._fetching: set[str] = set()
        self._fetch_errors: dict[str, str] = {}
        self._built = False
        self._waiting: Waiting[MakeTab] = Waiting()
        self.report: Report | None = None
        self.made_at = 0.0  # the true time the shown token was made
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
        self.left_column = left_scroll = QScrollArea()
        left_scroll.setWidgetResizable(True)
        left_scroll.setFrameShape(QFrame.Shape.NoFrame)
        left_scroll.setWidget(left)
        left_scroll.setMinimumWidth(400)
        self.signature_box = boxed("Signature", None, "signatureBox")
        column(self.signature_box).addLayout(self.actions_row)
        # The join page's result is added here too (beside the findings, where it explains).
        self.findings_box = boxed("Findings", None, "findingsBox")
        self._decoded_scroll = QScrollArea()
        self._decoded_scroll.setWidgetResizable(True)
        self._decoded_scroll.setFrameShape(QFrame.Shape.NoFrame)
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
        column(self.credentials_box).addWidget(self._credentials)
        column(self.meeting_box).addWidget(self._form)
        column(self.signature_box).insertWidget(0, self._token_view)
        column(self.findings_box).addWidget(self._findings)
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
        # The list arrives from the keyring after show; until then there is nothing to sign.
        self._placeholder("Loading your saved credentials…")
        self._fit_left()
        self._waiting.arrive(self)

    def fit_left(self) -> None:
        """Size the left column to its forms again (after being built while hidden)."""
        self._fit_left()

    def _fit_left(self) -> None:
        """Widen the left column to fit the forms: the window, if shown, was laid out with
        the boxes empty. (Before the first show the splitter sizes itself from the forms.)"""
        scroll = self.left_column
        scroll.setWidget(scroll.takeWidget())  # the scroll area keeps its first size hint
        sizes = self._split.sizes()
        wanted = scroll.sizeHint().width()
        if sum(sizes) > wanted > sizes[0]:
            self._split.setSizes([wanted, sum(sizes) - wanted])

    def is_built(self) -> bool:
        return self._built

    def when_built(self, hook: Callable[[MakeTab], object]) -> None:
        """Run ``hook(tab)`` once the parts exist (now, if they already do)."""
        self._waiting.add(hook)

    def shown_token(self) -> str:
        """The token on screen; "" before the parts are built (there is none yet)."""
        return self._token_view.token() if self._built else ""

    # -- regenerating ---------------------------------------------------------------
    def schedule(self) -> None:
        if self._built:  # nothing to sign before build(); the list arriving schedules later
            self._timer.start()

    def _list_changed(self) -> None:
        self._fetch_errors.clear()
        self.schedule()

    def _placeholder(self, text: str, values: FormValues | None = None) -> None:
        self.report = None
        self.token_view.set_token("", None, text)
        self.findings.show_report(None, text)
        self.decoded.show_report(None)
        self.token_made.emit("", None, values)

    def regenerate(self) -> None:
        name = self.credentials.current()
        values = self.form.values()
        if not self.profiles.loaded:
            return self._placeholder("Loading your saved credentials…", values)
        if not name:
            return self._placeholder(
                "Add or pick credentials (Client ID and Secret) to make a token.", values
            )
        creds = self.profiles.cached(name)
        if creds is None:
            if name in self._fetch_errors:
                return self._placeholder(self._fetch_errors[name], values)
            if name not in self._fetching:
                self._fetching.add(name)
                self.profiles.fetch(
                    name, lambda _c: self._fetched(name), lambda msg: self._fetched(name, msg)
                )
            return self._placeholder("Getting the secret from your system keyring…", values)
        if values.empty:
            return self._placeholder("Enter a meeting number or paste an invite link.", values)
        if values.errors:
            return self._placeholder(
                "Correct the field marked in red: " + next(iter(values.errors.values())), values
            )
        from zoomsig_gui.core.inspection.inspector import inspect
        from zoomsig_gui.core.tokens.request import TokenError, make_token

        try:
            made_at = time.time() + self._offset()
            token = make_token(values.request(creds.key), creds.secret, now=made_at)
        except TokenError as exc:
            return self._placeholder(str(exc), values)
        report = inspect(
            token, secret=creds.secret, expected_key=creds.key, clock_offset_s=self._offset()
        )
        self.report = report
        self.made_at = made_at
        exp = report.payload.get("exp") if report.payload else None
        self.token_view.set_token(token, exp if isinstance(exp, int) else None, "")
        self.findings.show_report(report, "")
        self.decoded.show_report(report, f"Signed with “{name}” · Client ID {creds.key}")
        self.token_made.emit(token, report, values)

    def apply_setup(self, setup: Setup) -> None:
        """Fill the form from a saved setup (core.history.Setup): no secret, no passcode."""
        from zoomsig_gui.core.timefmt import span_text

        if setup.profile:
            self.credentials.select(setup.profile)
        form = self.form
        native = setup.native
        form.native.setChecked(native)
        if not native:
            form.meeting.setPlainText(setup.meeting_number or "")
            form.role.setCurrentIndex(max(form.role.findData(setup.role), 0))
        form.expiry.setCurrentText(span_text(setup.expires_s))
        form.backdate.setValue(setup.backdate_s)
        form.webrtc.setCurrentIndex(max(form.webrtc.findData(setup.webrtc_mode), 0))
        self.schedule()

    def _fetched(self, name: str, error: str | None = None) -> None:
        self._fetching.discard(name)
        if error:
            self._fetch_errors[name] = error
        self.schedule()
