"""The Make tab: meeting input, live token, decoded tables and findings follow the form."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from tests.helpers.keyrings import MemoryKeyring
from tests.helpers.window import (
    INVITE,
    NUMBER,
    PASSCODE,
    SECRET,
    add_profile,
    payload_of,
    wait_token,
)
from zoomsig_gui.core.tokens.jwt import verify


def test_pasting_an_invite_link_fills_number_and_passcode(qtbot, make_window):
    window = make_window(MemoryKeyring())
    add_profile(qtbot, window)
    form = window.make.form
    form.meeting.setPlainText(INVITE)
    assert form.passcode.text() == PASSCODE
    assert NUMBER in form.meeting_hint.text()
    token = wait_token(qtbot, window)
    assert payload_of(token)["mn"] == NUMBER
    assert verify(token, SECRET)
    assert window.make.decoded.payload_table.row_values()["mn"][0] == NUMBER
    assert window.make.findings.state == "ok"
    assert "Ready to join" in window.make.findings.verdict.text()


def test_a_whole_invitation_works_too(qtbot, make_window):
    window = make_window(MemoryKeyring())
    form = window.make.form
    form.meeting.setPlainText(
        "Jo is inviting you to a scheduled Zoom meeting.\n\n"
        "Meeting ID: 555 123 4567\nPasscode: 424242\n"
    )
    assert form.passcode.text() == "424242"
    assert form.values().request.meeting_number == "5551234567"
    # There was no link: the hint must not say the passcode came from one.
    assert "passcode filled in" in form.meeting_hint.text()
    assert "link" not in form.meeting_hint.text()


def test_role_and_expiry_update_token_and_decoded_view(qtbot, make_window):
    window = make_window(MemoryKeyring())
    add_profile(qtbot, window)
    window.make.form.meeting.setPlainText(NUMBER)
    first = wait_token(qtbot, window)
    assert payload_of(first)["role"] == 0
    assert not window.make.form.role_note.isVisible()

    window.make.form.role.setCurrentIndex(window.make.form.role.findData(1))
    qtbot.waitUntil(lambda: payload_of(window.make.token_view.token())["role"] == 1)
    rows = window.make.decoded.payload_table.row_values()
    assert rows["role"][:2] == ("1", "host")
    assert "ZAK" in window.make.form.role_note.text() and window.make.form.role_note.isVisible()

    window.make.form.expiry.setCurrentText("30 min")
    qtbot.waitUntil(lambda: _window_s(payload_of(window.make.token_view.token())) == 1800)
    rows = window.make.decoded.payload_table.row_values()
    assert int(rows["exp"][0]) - int(rows["iat"][0]) == 1800
    assert "in 29 min" in rows["exp"][1] or "in 30 min" in rows["exp"][1]


def _window_s(payload: dict) -> int:
    return payload["exp"] - payload["iat"]


def test_field_errors_show_next_to_the_field_and_no_token(qtbot, make_window):
    window = make_window(MemoryKeyring())
    add_profile(qtbot, window)
    form = window.make.form
    form.meeting.setPlainText("12345")
    assert form.meeting_error.isVisible()
    assert "9 to 11 digits" in form.meeting_error.text()
    qtbot.waitUntil(lambda: window.make.findings.state == "empty")
    assert window.make.token_view.token() == ""

    form.meeting.setPlainText(NUMBER)
    wait_token(qtbot, window)
    form.expiry.setCurrentText("72h")
    assert form.expiry_error.isVisible()
    assert "30 min and 48 h" in form.expiry_error.text()
    qtbot.waitUntil(lambda: window.make.token_view.token() == "")
    form.expiry.setCurrentText("soon")
    assert "not a duration" in form.expiry_error.text()


def test_native_token_has_no_meeting_or_role(qtbot, make_window):
    window = make_window(MemoryKeyring())
    add_profile(qtbot, window)
    window.make.form.advanced_button.click()
    window.make.form.native.setChecked(True)
    token = wait_token(qtbot, window)
    assert "mn" not in payload_of(token) and "role" not in payload_of(token)
    assert not window.make.form.meeting.isEnabled()
    assert "native-token" in window.make.findings.codes()


def test_copy_shortcut_puts_the_token_on_the_clipboard(qtbot, make_window):
    window = make_window(MemoryKeyring())
    add_profile(qtbot, window)
    window.make.form.meeting.setPlainText(NUMBER)
    token = wait_token(qtbot, window)
    QGuiApplication.clipboard().clear()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(
        window.make.form.name,
        Qt.Key.Key_C,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert QGuiApplication.clipboard().text() == token
    assert window.make.token_view.countdown.text().endswith("left")


def test_the_invitations_printed_passcode_wins_over_the_link(qtbot, make_window):
    window = make_window(MemoryKeyring())
    form = window.make.form
    form.meeting.setPlainText(
        f"Join Zoom Meeting\n{INVITE}\n\nMeeting ID: 811 9887 3582\nPasscode: 123456\n"
    )
    assert form.passcode.text() == "123456"
    assert "encoded" not in form.meeting_hint.text()


def test_a_link_alone_says_its_passcode_is_the_encoded_form(qtbot, make_window):
    window = make_window(MemoryKeyring())
    form = window.make.form
    form.meeting.setPlainText(INVITE)
    assert form.passcode.text() == PASSCODE
    assert "encoded form" in form.meeting_hint.text()


def test_a_teams_link_is_named_next_to_the_field(qtbot, make_window):
    window = make_window(MemoryKeyring())
    form = window.make.form
    form.meeting.setPlainText("https://teams.microsoft.com/l/meetup-join/19%3ameeting_x/0")
    assert not form.meeting_error.isHidden()
    assert "Microsoft Teams" in form.meeting_error.text()
    assert "meeting" in form.values().errors
