"""Start-up stays light, and the settings file remembers choices but never secrets."""

from __future__ import annotations

import os
import subprocess
import sys
import threading

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QPlainTextEdit, QSpinBox

from tests.helpers.keyrings import MemoryKeyring
from tests.helpers.window import INVITE, PASSCODE, SECRET, add_profile, fake_clock, wait_token
from zoomsig_gui.core.vault.facade import Vault
from zoomsig_gui.core.vault.secrets import SecretStore


def test_nothing_secret_in_the_settings_file(qtbot, make_window, settings_path):
    window = make_window(MemoryKeyring())
    add_profile(qtbot, window, "Prod")
    window.make.form.meeting.setPlainText(INVITE)
    window.make.form.role.setCurrentIndex(1)
    window.make.form.expiry.setCurrentText("4 h")
    window.make.form.name.setText("QA Desk")
    token = wait_token(qtbot, window)
    window.inspect.paste.setPlainText(token)
    window.close()
    text = settings_path.read_text(encoding="utf-8")
    for secret in (SECRET, token, token.split(".")[2], PASSCODE, "pwd="):
        assert secret not in text
    assert "QA Desk" in text and "Prod" in text

    again = make_window(MemoryKeyring())
    form = again.make.form
    assert form.role.currentData() == 1
    assert form.expiry.currentText() == "4 h"
    assert form.name.text() == "QA Desk"
    assert form.passcode.text() == ""  # a passcode is never remembered


def test_no_keyring_or_network_before_the_window_shows(qtbot, throwaway_home, settings_path):
    from zoomsig_gui.ui.mainwindow import MainWindow

    calls: list[tuple[str, bool]] = []
    clock = fake_clock(0.1)

    def vault():
        calls.append(("vault", threading.current_thread() is threading.main_thread()))
        return Vault(path=throwaway_home / "p.json", store=SecretStore(MemoryKeyring(), 5))

    def check():
        calls.append(("clock", threading.current_thread() is threading.main_thread()))
        return clock()

    window = MainWindow(QSettings(str(settings_path), QSettings.Format.IniFormat), vault, check)
    qtbot.addWidget(window)
    assert window.windowTitle() == "Zoom Meeting SDK signatures"  # Qt adds "— zoomsig"
    qtbot.wait(200)
    assert calls == []
    window.show()
    qtbot.waitUntil(lambda: len(calls) == 2 and window.banner.state == "ok")
    assert sorted(calls) == [("clock", False), ("vault", False)]


def test_every_input_has_an_accessible_name(qtbot, make_window):
    window = make_window(MemoryKeyring())
    window.make.form.advanced_button.setChecked(True)
    missing = []
    for cls in (QLineEdit, QPlainTextEdit, QComboBox, QSpinBox):
        for widget in window.findChildren(cls):
            if isinstance(widget.parent(), (QComboBox, QSpinBox)):
                continue  # the line edit inside an editable combo box or spin box
            if not widget.accessibleName():
                missing.append(widget.objectName() or repr(widget))
    for button in window.findChildren(QAbstractButton):
        if button.isVisible() and not (button.accessibleName() or button.text().strip()):
            missing.append(button.objectName() or repr(button))
    assert missing == []


def test_tab_order_follows_the_form(qtbot, make_window):
    window = make_window(MemoryKeyring())
    form = window.make.form
    chain = [form.meeting]
    for _ in range(5):
        chain.append(chain[-1].nextInFocusChain())
        # Tab skips what cannot take focus and what is hidden (the tab bar's scroll arrows).
        while not (
            chain[-1].focusPolicy() & chain[-1].focusPolicy().TabFocus and chain[-1].isVisible()
        ):
            chain[-1] = chain[-1].nextInFocusChain()
    assert chain == [form.meeting, form.passcode, form.role, form.name, form.email, form.expiry]


# A fresh process: in this one, the join-view tests may have loaded QtWebEngine already.
WINDOW_ONLY = """
import sys, time
from PySide6.QtCore import QSettings
from tests.helpers.keyrings import MemoryKeyring
from tests.helpers.window import fake_clock
from zoomsig_gui.core.vault.secrets import SecretStore
from zoomsig_gui.core.vault.facade import Vault
from zoomsig_gui.ui.app import make_app
from zoomsig_gui.ui.mainwindow import MainWindow
app = make_app(sys.argv[:1])
window = MainWindow(QSettings(sys.argv[1], QSettings.Format.IniFormat),
                    lambda: Vault(path=sys.argv[2], store=SecretStore(MemoryKeyring(), 5)),
                    fake_clock(0.1))
window.show()
end = time.monotonic() + 1.5
while time.monotonic() < end:  # clock check and profile list finish on their threads
    app.processEvents()
    time.sleep(0.01)
print(window.banner.state, ",".join(sorted(m for m in sys.modules if "WebEngine" in m)))
"""


def test_webengine_is_not_loaded_until_the_join_view_opens(tmp_path):
    from tests.helpers.env import ROOT

    done = subprocess.run(
        [sys.executable, "-c", WINDOW_ONLY, str(tmp_path / "s.ini"), str(tmp_path / "p.json")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 0, done.stderr
    state, _, webengine = done.stdout.strip().partition(" ")
    assert state == "ok"  # the window really ran its start-up work
    assert webengine == ""


def test_the_first_size_fits_a_laptop_screen(qtbot, make_window, monkeypatch):
    # A 1366×768 laptop has about 740 pixels of height for windows: a 820-high window would
    # put the status line and the bottom of both columns off screen.
    from PySide6.QtCore import QRect

    window = make_window()

    class Laptop:
        @staticmethod
        def availableGeometry() -> QRect:
            return QRect(0, 0, 1366, 740)

    monkeypatch.setattr(window, "screen", lambda: Laptop())
    # The window manager's title bar and frame come on top: room is left for them.
    assert window._first_size() == (1240, 740 - 48)
    monkeypatch.setattr(window, "screen", lambda: None)
    assert window._first_size() == (1240, 820)
