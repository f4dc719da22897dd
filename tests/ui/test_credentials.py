"""Credentials: the no-keyring state, the real Secret Service, and what the dialogs say."""

from __future__ import annotations

import pytest
from keyring.backends.fail import Keyring as FailKeyring
from PySide6.QtWidgets import QMessageBox

from tests.helpers.keyrings import MemoryKeyring, require_secret_service
from tests.helpers.window import KEY, NUMBER, SECRET, add_profile, wait_token
from zoomsig_gui.core.tokens.jwt import verify


def files_with(root, needle: str) -> list:
    return [p for p in root.rglob("*") if p.is_file() and needle.encode() in p.read_bytes()]


def test_without_a_keyring_a_session_secret_still_makes_tokens(qtbot, make_window, throwaway_home):
    window = make_window(FailKeyring())
    where = window.make.credentials.where
    assert "No system keyring" in where.text() and "gnome-keyring" in where.text()
    dialog = window.make.credentials.add_profile()
    assert "session only" in dialog.where.text()
    dialog.reject()
    add_profile(qtbot, window)
    assert "session only and not saved" in where.text()
    window.make.form.meeting.setPlainText(NUMBER)
    token = wait_token(qtbot, window)
    assert verify(token, SECRET)
    assert files_with(throwaway_home, SECRET) == []


def test_add_dialog_keeps_what_was_typed_on_a_failure(qtbot, make_window):
    window = make_window(MemoryKeyring())
    dialog = window.make.credentials.add_profile()
    dialog.name.setText("Same")
    dialog.key.setText(KEY)
    dialog.secret.setText(KEY)  # the vault refuses a secret equal to the key
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    qtbot.waitUntil(lambda: dialog.error.isVisible())
    assert "same" in dialog.error.text()
    assert dialog.isVisible() and dialog.name.text() == "Same" and dialog.key.text() == KEY
    assert dialog.secret.echoMode() == dialog.secret.EchoMode.Password
    dialog.secret.toggle.trigger()
    assert dialog.secret.echoMode() == dialog.secret.EchoMode.Normal


def test_edit_replaces_the_secret_and_remove_forgets_the_profile(qtbot, make_window, monkeypatch):
    window = make_window(MemoryKeyring())
    add_profile(qtbot, window)
    window.make.form.meeting.setPlainText(NUMBER)
    assert verify(wait_token(qtbot, window), SECRET)
    dialog = window.make.credentials.edit_profile()
    assert dialog.key.text() == KEY and dialog.secret.text() == ""
    dialog.secret.setText("a-brand-new-secret-9876")
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    qtbot.waitUntil(
        lambda: verify(window.make.token_view.token() or "x.y.z", "a-brand-new-secret-9876"),
        timeout=15_000,
    )
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.make.credentials.remove_button.click()
    qtbot.waitUntil(lambda: window.profiles.names() == [], timeout=15_000)
    qtbot.waitUntil(lambda: window.make.token_view.token() == "")
    assert "Add" in window.make.findings.verdict.text()


@pytest.mark.keyring
def test_real_keyring_keeps_the_secret_across_a_restart(qtbot, make_window, throwaway_home):
    require_secret_service()
    window = make_window(None)  # keyring's own choice: the Secret Service
    add_profile(qtbot, window, "Keyring profile")
    assert "saved in your system keyring" in window.make.credentials.where.text()
    window.close()
    again = make_window(None)
    qtbot.waitUntil(lambda: again.make.credentials.current() == "Keyring profile")
    again.make.form.meeting.setPlainText(NUMBER)
    assert verify(wait_token(qtbot, again), SECRET)
    assert files_with(throwaway_home, SECRET) == []


def test_about_does_not_claim_a_keyring_when_there_is_none(qtbot, make_window):
    window = make_window(FailKeyring())
    window.about()
    box = window.findChild(QMessageBox, "aboutDialog")
    qtbot.waitUntil(box.isVisible)
    text = box.informativeText()
    assert "stay in your system keyring" not in text
    assert "session only" in text  # the Secrets line tells where they are kept
    box.close()


def test_clearing_the_name_while_editing_saves_nothing_and_says_why(qtbot, make_window):
    window = make_window(MemoryKeyring())
    add_profile(qtbot, window, "Staging")
    dialog = window.make.credentials.edit_profile()
    dialog.name.setText("")
    dialog.key.setText("AnotherClientId99")
    dialog.secret.setText("a-brand-new-secret-9876")
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=15_000)
    assert "Give the profile a name" in dialog.error.text()
    assert dialog.isVisible() and dialog.secret.text() == "a-brand-new-secret-9876"
    assert window.profiles.names() == ["Staging"]
    assert window.profiles.view("Staging").profile.key == KEY  # nothing half-saved
    dialog.name.setText("Staging 2")
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    qtbot.waitUntil(lambda: window.profiles.names() == ["Staging 2"], timeout=15_000)
    assert window.profiles.view("Staging 2").profile.key == "AnotherClientId99"
