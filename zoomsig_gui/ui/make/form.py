"""The meeting form: one field for number / invite link / invitation, and the token's options.

Every check is the core's (parse_meeting, parse_duration, check_expiry); this file only
places the core's messages next to the field they are about. The meeting text is parsed
once per edit and the values are read once per change; ``values()`` hands out that reading.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from zoomsig_gui.core.join.fields import check_join_fields
from zoomsig_gui.core.tokens.meeting import MeetingInputError, MeetingRef, parse_meeting
from zoomsig_gui.core.tokens.request import (
    DEFAULT_BACKDATE_S,
    MAX_BACKDATE_S,
    TokenError,
    TokenRequest,
    check_expiry,
    parse_duration,
)
from zoomsig_gui.ui.widgets.boxes import field_row
from zoomsig_gui.ui.widgets.longtext import LongTextEdit
from zoomsig_gui.ui.widgets.qtprops import set_enum
from zoomsig_gui.ui.widgets.theme import colours

EXPIRY_CHOICES = ("30 min", "1 h", "2 h", "4 h", "8 h", "24 h", "48 h")
DEFAULT_EXPIRY = "2 h"
WEBRTC_CHOICES = (("Not set", None), ("0: off", 0), ("1: video over WebRTC", 1))
HOST_NOTE = (
    "Joining as host also needs the host's ZAK: the token alone does not make you host. "
    "Choose “I'm joining as the host” below to paste or get one."
)


@dataclass(frozen=True)
class FormValues:
    """What the form says: what the token is made for (the key comes from the credentials),
    the join page's fields, and what is to be corrected."""

    request: TokenRequest  # key ""; expires_s 0 when the field cannot be read
    passcode: str
    display_name: str
    email: str
    errors: dict[str, str] = field(default_factory=dict)  # field name → message
    # What the SDK would refuse at join time (4003); the token can still be made.
    join_problems: dict[str, str] = field(default_factory=dict)
    empty: bool = False  # nothing entered in the meeting field yet

    def signed_with(self, key: str) -> TokenRequest:
        """The core's request; call only when ``errors`` is empty and ``empty`` is False."""
        return replace(self.request, key=key)


class MeetingForm(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._parsed_passcode: str | None = None
        self._meeting: MeetingRef | str | None = None  # the parsed text, or why it is not one
        self._values: FormValues | None = None  # read once per change
        self.meeting = LongTextEdit()
        self.meeting.setObjectName("meetingInput")
        self.meeting.setAccessibleName("Meeting number, invite link or invitation")
        self.meeting.setPlaceholderText(
            "Meeting number, invite link (https://…zoom.us/j/…) or the whole invitation"
        )
        self.meeting.setTabChangesFocus(True)
        self.meeting.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        self.meeting_hint = self._note("meetingHint")
        self.meeting_error = self._error_label("meetingError")
        self.passcode = QLineEdit()
        self.passcode.setObjectName("passcode")
        self.passcode.setMaxLength(256)  # Qt's 32,767 takes 0.2 s to lay out
        self.passcode.setAccessibleName("Meeting passcode")
        self.passcode.setPlaceholderText("filled in from an invite link")
        self.role = QComboBox()
        self.role.setObjectName("role")
        self.role.setAccessibleName("Role")
        self.role.addItem("Attendee", 0)
        self.role.addItem("Host", 1)
        self.role_note = self._note("roleNote", HOST_NOTE)
        self.name = QLineEdit()
        self.name.setObjectName("displayName")
        self.name.setMaxLength(256)  # Qt's 32,767 takes 0.2 s to lay out
        self.name.setAccessibleName("Display name")
        self.name.setPlaceholderText("shown to others in the meeting")
        self.email = QLineEdit()
        self.email.setObjectName("email")
        self.email.setMaxLength(320)  # Qt's 32,767 takes 0.2 s to lay out
        self.email.setAccessibleName("E-mail (optional)")
        self.email.setPlaceholderText("optional; some meetings require it")
        self.field_errors = {
            name: self._error_label(f"{name}Error") for name in ("passcode", "name", "email")
        }
        self.expiry = QComboBox()
        self.expiry.setObjectName("expiry")
        self.expiry.setEditable(True)
        self.expiry.setAccessibleName("Token expiry")
        self.expiry.addItems(EXPIRY_CHOICES)
        self.expiry.setCurrentText(DEFAULT_EXPIRY)
        self.expiry.setToolTip("From 30 min to 48 h; write e.g. 90m or 1h30m")
        self.expiry_error = self._error_label("expiryError")
        self.advanced_button = QToolButton()
        self.advanced_button.setObjectName("advancedToggle")
        self.advanced_button.setCheckable(True)
        self.advanced_button.setText("Advanced")
        self.advanced_button.setAccessibleName("Show advanced options")
        set_enum(self.advanced_button, "toolButtonStyle", "ToolButtonTextBesideIcon")
        set_enum(self.advanced_button, "arrowType", "RightArrow")
        self.advanced_button.toggled.connect(self._toggle_advanced)
        self.backdate = QSpinBox()
        self.backdate.setObjectName("backdate")
        self.backdate.setRange(0, MAX_BACKDATE_S)
        self.backdate.setValue(DEFAULT_BACKDATE_S)
        self.backdate.setSuffix(" s")
        self.backdate.setAccessibleName("Start the token this many seconds early (backdate iat)")
        self.backdate.setToolTip(
            "Moves iat into the past, so a Zoom clock slightly behind ours still accepts the token"
        )
        self.webrtc = QComboBox()
        self.webrtc.setObjectName("webrtcMode")
        self.webrtc.setAccessibleName("WebRTC video mode")
        for label, value in WEBRTC_CHOICES:
            self.webrtc.addItem(label, value)
        self.native = QCheckBox("Native-SDK token (no meeting number or role)")
        self.native.setObjectName("nativeToken")
        self.native.setAccessibleName("Make a native-SDK token")
        self.native.setToolTip(
            "For the desktop and mobile Meeting SDKs; the Web join page cannot use it"
        )
        self._build_layout()
        self.meeting.textChanged.connect(self._meeting_edited)
        for signal in (
            self.passcode.textChanged,
            self.name.textChanged,
            self.email.textChanged,
            self.expiry.currentTextChanged,
            self.backdate.valueChanged,
            self.role.currentIndexChanged,
            self.webrtc.currentIndexChanged,
            self.native.toggled,
        ):
            signal.connect(self._any_change)
        self._meeting_edited()
        self._any_change()

    # ------------------------------------------------------------------ layout
    def _note(self, name: str, text: str = "") -> QLabel:
        label = QLabel(text)
        label.setObjectName(name)
        label.setTextFormat(Qt.TextFormat.PlainText)  # shows data
        label.setWordWrap(True)
        label.setStyleSheet("color: palette(placeholder-text)")
        return label

    def _error_label(self, name: str) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setTextFormat(Qt.TextFormat.PlainText)  # shows data
        label.setWordWrap(True)
        label.setStyleSheet(f"color:{colours(self).error}")
        label.hide()
        return label

    def _build_layout(self) -> None:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        field_row(form, "Meetin&g:", self.meeting, self.meeting_hint, self.meeting_error)
        field_row(form, "&Passcode:", self.passcode, self.field_errors["passcode"])
        field_row(form, "&Role:", self.role, self.role_note)
        field_row(form, "&Display name:", self.name, self.field_errors["name"])
        field_row(form, "&E-mail:", self.email, self.field_errors["email"])
        field_row(form, "E&xpires after:", self.expiry, self.expiry_error)
        self.advanced = QWidget()
        self.advanced.setObjectName("advancedBox")
        adv = QFormLayout(self.advanced)
        adv.setContentsMargins(12, 0, 0, 0)
        adv.addRow("&Start the token early by (backdate iat):", self.backdate)
        adv.addRow("&WebRTC mode:", self.webrtc)
        adv.addRow(self.native)
        self.advanced.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.advanced_button)
        layout.addWidget(self.advanced)
        stops = self.keyboard_stops()
        for a, b in zip(stops, stops[1:], strict=False):
            QWidget.setTabOrder(a, b)

    def keyboard_stops(self) -> list[QWidget]:
        """The fields in the order Tab visits them: as they stand, top to bottom."""
        return [
            self.meeting,
            self.passcode,
            self.role,
            self.name,
            self.email,
            self.expiry,
            self.advanced_button,
            self.backdate,
            self.webrtc,
            self.native,
        ]

    def _toggle_advanced(self, shown: bool) -> None:
        self.advanced.setVisible(shown)
        set_enum(self.advanced_button, "arrowType", "DownArrow" if shown else "RightArrow")

    # ------------------------------------------------------------------ behaviour
    def _meeting_edited(self) -> None:
        text = self.meeting.text()
        self.meeting_error.hide()
        if not text.strip():
            self._meeting = None
            self.meeting_hint.setText("Paste an invite link to fill in the passcode too.")
            self._any_change()
            return
        try:
            ref = self._meeting = parse_meeting(text)
        except MeetingInputError as exc:
            self._meeting = str(exc)
            self.meeting_hint.setText("")
            self.meeting_error.setText(str(exc))
            self.meeting_error.show()
        else:
            hint = f"Meeting number {ref.number}"
            if ref.passcode and ref.passcode != self._parsed_passcode:
                self.passcode.setText(ref.passcode)
            if ref.passcode:
                hint += " · passcode filled in from what you pasted"
            if ref.note:
                hint += f". {ref.note}"
            self._parsed_passcode = ref.passcode
            self.meeting_hint.setText(hint)
        self._any_change()

    def _any_change(self) -> None:
        native = self.native.isChecked()
        self.meeting.setEnabled(not native)
        self.role.setEnabled(not native)
        self.role_note.setVisible(not native and self.role.currentData() == 1)
        self._values = values = self._read()
        error = values.errors.get("expiry")
        self.expiry_error.setText(error or "")
        self.expiry_error.setVisible(bool(error))
        for name, label in self.field_errors.items():
            label.setText(values.join_problems.get(name, ""))
            label.setVisible(name in values.join_problems)
        self.changed.emit()

    def values(self) -> FormValues:
        """What the form says now (read when it last changed)."""
        if self._values is None:
            self._values = self._read()
        return self._values

    def _read(self) -> FormValues:
        errors: dict[str, str] = {}
        number = None
        native = self.native.isChecked()
        meeting = None if native else self._meeting
        if isinstance(meeting, MeetingRef):
            number = meeting.number
        elif meeting is not None:
            errors["meeting"] = meeting
        expires = None
        try:
            expires = parse_duration(self.expiry.currentText())
            check_expiry(expires)
        except TokenError as exc:
            errors["expiry"] = str(exc)
        request = TokenRequest(
            key="",
            meeting_number=number,
            role=None if native else self.role.currentData(),
            expires_s=expires or 0,
            backdate_s=self.backdate.value(),
            webrtc_mode=self.webrtc.currentData(),
        )
        return FormValues(
            request=request,
            passcode=self.passcode.text().strip(),
            display_name=self.name.text().strip(),
            email=self.email.text().strip(),
            errors=errors,
            join_problems=check_join_fields(
                None,
                self.name.text().strip() or None,
                self.passcode.text().strip(),
                self.email.text().strip(),
            ),
            empty=not native and self._meeting is None,
        )

    # ------------------------------------------------------------------ remembered choices
    def remembered(self) -> dict[str, object]:
        """Choices worth keeping between runs. Never the passcode or the pasted invitation."""
        values = self.values()
        return {
            "meeting_number": values.request.meeting_number or "",
            "role": self.role.currentIndex(),
            "display_name": values.display_name,
            "email": values.email,
            "expiry": self.expiry.currentText(),
            "backdate": values.request.backdate_s,
            "webrtc": self.webrtc.currentIndex(),
            "native": self.native.isChecked(),
            "advanced": self.advanced_button.isChecked(),
        }

    def restore(self, saved: dict[str, object]) -> None:
        def number(key: str, default: int) -> int:
            value = saved.get(key, default)
            if not isinstance(value, int | float | str):
                return default
            try:
                return int(value)
            except (TypeError, ValueError):
                return default

        def flag(key: str) -> bool:
            return str(saved.get(key, "false")).lower() in ("true", "1")

        if saved.get("meeting_number"):
            self.meeting.setPlainText(str(saved["meeting_number"]))
        self.role.setCurrentIndex(min(max(number("role", 0), 0), 1))
        self.name.setText(str(saved.get("display_name", "") or ""))
        self.email.setText(str(saved.get("email", "") or ""))
        self.expiry.setCurrentText(str(saved.get("expiry", DEFAULT_EXPIRY) or DEFAULT_EXPIRY))
        self.backdate.setValue(number("backdate", DEFAULT_BACKDATE_S))
        self.webrtc.setCurrentIndex(min(max(number("webrtc", 0), 0), len(WEBRTC_CHOICES) - 1))
        self.native.setChecked(flag("native"))
        self.advanced_button.setChecked(flag("advanced"))
