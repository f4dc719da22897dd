"""What a walk-through of the window found: the credentials dialog says what is wrong next
to the field, deleting asks with No as the default, texts are shown as written."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import QApplication, QMessageBox

from tests.integration.keyring_fixtures import MemoryKeyring
from tests.ui.conftest import KEY, SECRET, add_profile


def save_clicked(dialog) -> None:
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()


def shown(label) -> str:
    """The label's text as a person sees it (rich text rendered)."""
    text = label.text()
    fmt = label.textFormat()
    if fmt == fmt.PlainText or (fmt == fmt.AutoText and "<" not in text):
        return text
    return QTextDocumentFragment.fromHtml(text).toPlainText()


def test_an_empty_secret_is_refused_next_to_its_field(qtbot, make_window):
    window = make_window(MemoryKeyring())
    dialog = window.make.credentials.add_profile()
    dialog.name.setText("Staging")
    dialog.key.setText(KEY)
    save_clicked(dialog)
    assert dialog.isVisible()
    assert dialog.secret_note.isVisible() and "Enter the Client Secret" in dialog.secret_note.text()
    assert window.profiles.names() == []
    dialog.secret.setText("abc")  # three characters: a warning, not a refusal
    assert "only 3 characters" in dialog.secret_note.text() and dialog.secret_note.isVisible()
    save_clicked(dialog)
    qtbot.waitUntil(lambda: window.profiles.names() == ["Staging"], timeout=15_000)


def test_a_client_id_with_spaces_or_punctuation_is_refused(qtbot, make_window):
    window = make_window(MemoryKeyring())
    dialog = window.make.credentials.add_profile()
    dialog.name.setText("Odd")
    dialog.key.setText("my client id!")
    dialog.secret.setText(SECRET)
    assert dialog.key_note.isVisible()  # said while typing, not only on Save
    assert "letters and digits" in dialog.key_note.text() and "space" in dialog.key_note.text()
    assert "“!”" in dialog.key_note.text()
    save_clicked(dialog)
    assert dialog.isVisible() and window.profiles.names() == []
    dialog.key.setText(f"  {KEY}  ")  # around it is fine: the vault strips it
    assert not dialog.key_note.isVisible()


def test_a_client_id_another_profile_uses_is_warned_about(qtbot, make_window):
    window = make_window(MemoryKeyring())
    add_profile(qtbot, window, "Staging")
    dialog = window.make.credentials.add_profile()
    dialog.name.setText("Staging again")
    dialog.key.setText(KEY)
    assert dialog.key_note.isVisible() and "“Staging” already use" in dialog.key_note.text()
    dialog.secret.setText(SECRET)
    save_clicked(dialog)  # a warning: it can still be saved
    qtbot.waitUntil(lambda: "Staging again" in window.profiles.names(), timeout=15_000)
    edit = window.make.credentials.edit_profile()
    assert not edit.key_note.isVisible() or "“Staging again”" not in edit.key_note.text()


def press_enter_on_the_question(qtbot, seen: list) -> None:
    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append(box.defaultButton().text())
        qtbot.keyClick(box, "\r")

    QTimer.singleShot(100, answer)


def test_enter_on_remove_credentials_keeps_them(qtbot, make_window):
    window = make_window(MemoryKeyring())
    add_profile(qtbot, window)
    seen: list = []
    press_enter_on_the_question(qtbot, seen)
    window.make.credentials.remove_button.click()
    qtbot.waitUntil(lambda: bool(seen))
    assert "No" in seen[0]
    qtbot.wait(100)
    assert window.profiles.names() == ["Staging"]


def test_enter_on_clear_history_keeps_it(qtbot):
    from zoomsig_gui.ui.history.panel import _ask_clear

    seen: list = []
    press_enter_on_the_question(qtbot, seen)
    assert _ask_clear(None) is False
    assert "No" in seen[0]


def test_quotes_in_the_findings_box_are_shown_as_quotes(qtbot, make_window):
    window = make_window(MemoryKeyring())
    window.make.findings.show_report(None, 'No secret saved for "Staging".')
    assert shown(window.make.findings.verdict) == 'No secret saved for "Staging".'
