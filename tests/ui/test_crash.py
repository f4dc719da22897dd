"""An unexpected error shows a copyable report with secrets, tokens and passcodes removed."""

from __future__ import annotations

import sys

from PySide6.QtGui import QGuiApplication

from tests.helpers.keyrings import MemoryKeyring
from tests.helpers.window import INVITE, PASSCODE, SECRET, add_profile, wait_token
from zoomsig_gui.ui.dialogs.crash import CrashDialog
from zoomsig_gui.ui.services import crash_handler as crash


def test_the_exception_hook_shows_a_scrubbed_report(qtbot, make_window, monkeypatch, capsys):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    window = make_window(MemoryKeyring())
    add_profile(qtbot, window)
    window.make.form.meeting.setPlainText(INVITE)
    token = wait_token(qtbot, window)
    crash.install(window.scrubber, lambda: window)
    try:
        raise RuntimeError(f"boom with {SECRET} and {token} and {INVITE}")
    except RuntimeError:
        sys.excepthook(*sys.exc_info())
    qtbot.waitUntil(
        lambda: (
            window.findChild(CrashDialog) is not None and window.findChild(CrashDialog).isVisible()
        )
    )
    dialog = window.findChild(CrashDialog)
    report = dialog.report.toPlainText()
    assert "RuntimeError: boom" in report and "zoomsig" in report
    stderr = capsys.readouterr().err
    assert "RuntimeError: boom" in stderr
    for leak in (SECRET, token, token.split(".")[1], PASSCODE):
        assert leak not in report
        assert leak not in stderr
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == report
    dialog.close()
    assert window.isVisible()  # the window lives on


def test_a_lone_surrogate_in_the_error_still_gives_a_report(qtbot, make_window, monkeypatch):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    window = make_window(MemoryKeyring())
    written = []
    strict = type("Strict", (), {"write": lambda _s, text: written.append(text.encode("utf-8"))})
    monkeypatch.setattr(sys, "stderr", strict())
    crash.install(window.scrubber, lambda: window)
    try:
        raise ValueError("claim sdkKey is \ud800")
    except ValueError:
        sys.excepthook(*sys.exc_info())
    qtbot.waitUntil(lambda: window.findChild(CrashDialog) is not None)
    assert b"ValueError: claim sdkKey is \\ud800" in b"".join(written)
    assert "\\ud800" in window.findChild(CrashDialog).report.toPlainText()
