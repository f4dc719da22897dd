"""The window paints its frame first and fills in its forms right after, on its own; nothing a
person relies on (remembered choices, shortcuts, the crash report, the form's width) suffers."""

from __future__ import annotations

import sys

from PySide6.QtCore import QSettings
from PySide6.QtGui import QGuiApplication, QKeySequence

from tests.helpers.keyrings import MemoryKeyring
from tests.helpers.window import INVITE, add_profile, fake_clock, wait_token
from zoomsig_gui.core.vault.facade import Vault
from zoomsig_gui.core.vault.secrets import SecretStore


def start_window(qtbot, home, settings_path):
    """The window as `zoomsig-gui` starts it (zoomsig_gui.ui.app.start)."""
    from zoomsig_gui.ui.app import start

    window = start(
        [sys.argv[0]],
        settings=QSettings(str(settings_path), QSettings.Format.IniFormat),
        vault_factory=lambda: Vault(path=home / "p.json", store=SecretStore(MemoryKeyring(), 5)),
        clock_check=fake_clock(0.03),
    )
    qtbot.addWidget(window)
    return window


def test_the_forms_appear_after_the_first_paint_without_being_asked(
    qtbot, throwaway_home, settings_path, monkeypatch
):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # start() installs the crash hook
    window = start_window(qtbot, throwaway_home, settings_path)
    make = window.make
    assert not make.is_built()  # the first paint has only the frame and the boxes
    hook_before = sys.excepthook
    qtbot.waitUntil(make.is_built, timeout=5_000)
    assert sys.excepthook is not hook_before  # the crash report is ready before any click
    assert make.form.isVisible() and make.credentials.isVisible()
    assert make.token_view.isVisible() and make.findings.isVisible()
    qtbot.waitUntil(lambda: window.profiles.loaded, timeout=15_000)
    qtbot.waitUntil(lambda: window.banner.state == "ok", timeout=15_000)


def test_the_forms_are_not_squeezed_by_the_empty_first_paint(qtbot, throwaway_home, settings_path):
    window = start_window(qtbot, throwaway_home, settings_path)
    qtbot.waitUntil(window.make.is_built, timeout=5_000)
    qtbot.wait(50)  # the layout settles
    column = window.make.left_column
    assert not column.horizontalScrollBar().isVisible()  # no form cut off at the right


def test_closing_before_the_forms_exist_keeps_the_remembered_choices(
    qtbot, throwaway_home, settings_path
):
    from zoomsig_gui.ui.mainwindow import MainWindow

    stored = QSettings(str(settings_path), QSettings.Format.IniFormat)
    stored.setValue("form/name", "QA Desk")
    stored.setValue("form/expiry", "4 h")
    stored.setValue("choices/profile", "Prod")
    stored.sync()
    window = MainWindow(
        QSettings(str(settings_path), QSettings.Format.IniFormat),
        lambda: Vault(path=throwaway_home / "p.json", store=SecretStore(MemoryKeyring(), 5)),
        fake_clock(0.03),
    )
    qtbot.addWidget(window)
    assert not window.make.is_built()
    window.close()  # e.g. the session ends while the window is still coming up
    again = QSettings(str(settings_path), QSettings.Format.IniFormat)
    assert again.value("form/name") == "QA Desk"
    assert again.value("form/expiry") == "4 h"
    assert again.value("choices/profile") == "Prod"


def test_the_copy_shortcut_copies_the_token(qtbot, make_window):
    window = make_window(MemoryKeyring())
    add_profile(qtbot, window)
    window.make.form.meeting.setPlainText(INVITE)
    token = wait_token(qtbot, window)
    action = window.copy_action
    assert QKeySequence("Ctrl+Shift+C") in action.shortcuts()
    QGuiApplication.clipboard().clear()
    action.trigger()
    assert QGuiApplication.clipboard().text() == token
    assert "copied" in window.statusBar().currentMessage()


def test_a_remembered_inspect_tab_opens_and_is_built_after_the_first_paint(
    qtbot, throwaway_home, settings_path
):
    stored = QSettings(str(settings_path), QSettings.Format.IniFormat)
    stored.setValue("window/tab", 1)
    stored.sync()
    window = start_window(qtbot, throwaway_home, settings_path)
    assert window.tabs.currentWidget() is window.inspect_page
    assert not window.inspect_built()  # its imports wait for the first paint
    qtbot.waitUntil(window.inspect_built, timeout=5_000)
    assert window.inspect.paste.isVisible()


def test_the_crash_handler_comes_first_and_a_failing_part_does_not_stop_start_up(
    qtbot, throwaway_home, settings_path, monkeypatch
):
    from zoomsig_gui.ui.services import crash_handler as crash

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    reported: list[BaseException] = []
    monkeypatch.setattr(
        crash,
        "install",
        lambda *_a: setattr(sys, "excepthook", lambda _t, exc, _tb: reported.append(exc)),
    )
    from zoomsig_gui.ui.inspect.tab import InspectTab

    hook_when_inspect_built = []
    original_init = InspectTab.__init__

    def init(tab, *args, **kwargs):
        hook_when_inspect_built.append(sys.excepthook)
        original_init(tab, *args, **kwargs)

    monkeypatch.setattr(InspectTab, "__init__", init)
    stored = QSettings(str(settings_path), QSettings.Format.IniFormat)
    stored.setValue("window/tab", 1)  # the Inspect tab is built right after the paint too
    stored.sync()
    window = start_window(qtbot, throwaway_home, settings_path)

    def broken() -> None:
        raise RuntimeError("a part that fails to build")

    window.when_painted(broken)
    qtbot.waitUntil(window.make.is_built, timeout=5_000)
    assert [str(exc) for exc in reported] == ["a part that fails to build"]
    assert window.inspect_built()
    assert len(hook_when_inspect_built) == 1
    hook_when_inspect_built[0](RuntimeError, RuntimeError("probe"), None)
    assert str(reported[-1]) == "probe"  # the crash handler was in place before the tab
    qtbot.waitUntil(lambda: window.profiles.loaded, timeout=15_000)  # start-up went on
    assert window.copy_action.shortcuts()


def test_the_window_answers_a_click_while_it_is_still_filling_in(
    qtbot, throwaway_home, settings_path
):
    """The start-up after the first paint goes in small steps with the event loop turning
    between them: a click on a tab while the forms are being made is handled then, not
    after everything is built."""
    from PySide6.QtCore import QTimer

    window = start_window(qtbot, throwaway_home, settings_path)
    seen: list[tuple[bool, bool]] = []

    def click_inspect() -> None:
        if not window.make.is_built():
            QTimer.singleShot(1, click_inspect)  # the forms are not being made yet
            return
        window.tabs.tabBar().setCurrentIndex(1)  # what a click on "Inspect a token" does
        seen.append((window.started_up(), window.tabs.currentWidget() is window.inspect_page))

    QTimer.singleShot(0, click_inspect)
    qtbot.waitUntil(window.started_up, timeout=10_000)
    assert seen == [(False, True)]  # handled while the start-up still had steps to run
    qtbot.waitUntil(window.inspect_built, timeout=5_000)
    assert window.join is not None and window.copy_action.shortcuts()  # and it went on
    qtbot.waitUntil(lambda: window.profiles.loaded, timeout=15_000)
