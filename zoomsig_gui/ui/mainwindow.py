"""The zoomsig window: clock banner, "Make a token" and "Inspect" tabs, menus and shortcuts.

Start-up does no I/O besides reading QSettings: the profile list (keyring) and the clock
check (network) start on worker threads once the window is on screen.
"""

from __future__ import annotations

import importlib.util
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import QMainWindow, QTabWidget, QVBoxLayout, QWidget

from zoomsig_gui.ui import settings as store
from zoomsig_gui.ui.clockbanner import ClockBanner, default_check
from zoomsig_gui.ui.crash import Scrubber
from zoomsig_gui.ui.inspecttab import InspectTab
from zoomsig_gui.ui.maketab import MakeTab
from zoomsig_gui.ui.profiles import Profiles, default_vault

if TYPE_CHECKING:
    from zoomsig_gui.core.clock import ClockCheck
    from zoomsig_gui.core.vault import Vault

TITLE = "zoomsig: Zoom Meeting SDK signatures"


def module_exists(name: str) -> bool:
    """True when a module is installed, without importing it (keeps start-up light)."""
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


class MainWindow(QMainWindow):
    def __init__(self, settings: QSettings | None = None,
                 vault_factory: Callable[[], Vault] = default_vault,
                 clock_check: Callable[[], ClockCheck] = default_check,
                 check_clock_at_start: bool = True, scrubber: Scrubber | None = None) -> None:
        super().__init__()
        self.setWindowTitle(TITLE)
        self.setObjectName("mainWindow")
        self.settings = settings if settings is not None else store.open_settings()
        self.scrubber = scrubber or Scrubber()
        self._check_at_start = check_clock_at_start
        self._started = False
        self.profiles = Profiles(vault_factory, self.scrubber, self)
        self.banner = ClockBanner(clock_check)
        self.make = MakeTab(self.profiles, self.true_now, self.banner.offset)
        self.inspect = InspectTab(self.profiles, self.banner.offset)
        self.tabs = QTabWidget(objectName="tabs")
        self.tabs.addTab(self.make, "&Make a token")
        self.tabs.addTab(self.inspect, "&Inspect a token")
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(8, 8, 8, 4)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self._menus()
        self.banner.offset_changed.connect(self.make.schedule)
        self.banner.offset_changed.connect(self.inspect.schedule)
        self.make.credentials.notice.connect(self.notify)
        self.profiles.notice.connect(self.notify)
        self.make.token_view.copied.connect(lambda: self.notify("Token copied to the clipboard."))
        self.make.token_made.connect(self._remember_passcode)
        self.join = self.support = self.history = None
        self._plug_in()
        self.resize(1240, 820)
        self._restore()
        self.statusBar().showMessage("Ready.")

    def _plug_in(self) -> None:
        """Add the parts whose modules are installed; none of them is imported before use."""
        from zoomsig_gui.ui import plugins

        if module_exists("zoomsig_gui.ui.joinview"):
            self.join = plugins.JoinLauncher(self)
        if module_exists("zoomsig_gui.ui.support_panel"):
            self.support = plugins.SupportTools(self)
        if module_exists("zoomsig_gui.ui.support_history"):
            self.history = plugins.HistoryTab(self)

    # -- time -----------------------------------------------------------------------
    def true_now(self) -> float:
        return time.time() + self.banner.offset()

    # -- menus and shortcuts ----------------------------------------------------------
    def _action(self, menu, text: str, slot, shortcut: QKeySequence | str | None = None,
                name: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.setObjectName(name)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _menus(self) -> None:
        bar = self.menuBar()
        token = bar.addMenu("&Token")
        self.copy_action = self._action(token, "&Copy token", self.copy_token,
                                        "Ctrl+Shift+C", "copyAction")
        self._action(token, "&Inspect the clipboard", self.inspect_clipboard, "Ctrl+Shift+V",
                     "inspectClipboardAction")
        token.addSeparator()
        self._action(token, "&New credentials…", self.new_profile,
                     QKeySequence.StandardKey.New, "newProfileAction")
        self._action(token, "Check the c&lock", self.banner.start, "F5", "checkClockAction")
        token.addSeparator()
        self._action(token, "&Quit", self.close, QKeySequence.StandardKey.Quit, "quitAction")
        helpmenu = bar.addMenu("&Help")
        self._action(helpmenu, "&About zoomsig", self.about, None, "aboutAction")

    def copy_token(self) -> None:
        self.make.token_view.copy()

    def inspect_clipboard(self) -> None:
        self.tabs.setCurrentWidget(self.inspect)
        self.inspect.inspect_clipboard()

    def new_profile(self) -> None:
        self.tabs.setCurrentWidget(self.make)
        self.make.credentials.add_profile()

    def about(self) -> None:
        from zoomsig_gui.ui.about import show_about  # only when asked for: keeps start-up light

        status = self.profiles.status
        show_about(self, status.message if status else "not checked yet")

    def notify(self, text: str) -> None:
        self.statusBar().showMessage(text, 15_000)

    def _remember_passcode(self, _token: str, _report: object, values: object) -> None:
        passcode = getattr(values, "passcode", "")
        self.scrubber.add(passcode)

    # -- start and stop ---------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._started:
            self._started = True
            QTimer.singleShot(0, self._after_show)  # after the first paint, not before

    def _after_show(self) -> None:
        self.profiles.load()
        if self._check_at_start:
            self.banner.start()

    def _restore(self) -> None:
        s = self.settings
        geometry = s.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        self.make.form.restore(store.read_group(s, "form"))
        self.make.credentials.select(str(s.value("choices/profile", "") or ""))
        correct = s.value("choices/correct_clock", True)
        self.banner.correct.setChecked(str(correct).lower() in ("true", "1"))
        raw = str(s.value("choices/raw_json", False)).lower() in ("true", "1")
        self.make.decoded.raw_toggle.setChecked(raw)
        self.inspect.decoded.raw_toggle.setChecked(raw)
        tab = s.value("window/tab", 0)
        self.tabs.setCurrentIndex(int(tab) if str(tab).isdigit() else 0)

    def save_settings(self) -> None:
        s = self.settings
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/tab", self.tabs.currentIndex())
        store.write_group(s, "form", self.make.form.remembered())
        s.setValue("choices/profile", self.make.credentials.current())
        s.setValue("choices/correct_clock", self.banner.correct.isChecked())
        s.setValue("choices/raw_json", self.make.decoded.raw_toggle.isChecked())
        s.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_settings()
        # A hung keyring call is abandoned by the vault after its timeout; do not wait longer.
        self.profiles.workers.wait(2000)
        self.banner.wait()
        if self.join is not None:
            self.join.shutdown()
        super().closeEvent(event)


__all__ = ["MainWindow", "TITLE", "module_exists"]
