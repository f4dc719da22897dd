"""The zoomsig window: clock banner, "Make a token" and "Inspect" tabs, menus and shortcuts.

Start-up does no I/O besides reading QSettings. The first paint shows the window's frame:
banner, menus, tabs and the Make tab's boxes. Right after it, one small step per event-loop
turn (so the window repaints and answers between them): the when_painted hooks (the crash
handler first), the Make tab's imports and parts, the features (join buttons, Zoom tokens,
support tools), the menus' actions, then the profile list (keyring) and the clock check
(network) on worker threads. The Inspect tab (and its imports) is built when first opened.
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, QTimer, Signal
from PySide6.QtWidgets import QMainWindow, QTabWidget, QVBoxLayout, QWidget

from zoomsig_gui.ui.make.tab import MakeTab
from zoomsig_gui.ui.services import settings as store
from zoomsig_gui.ui.services.gcguard import collect_on_gui_thread
from zoomsig_gui.ui.services.scrubber import Scrubber
from zoomsig_gui.ui.services.startsteps import StartSteps, importing
from zoomsig_gui.ui.services.vault_client import Profiles, default_vault
from zoomsig_gui.ui.widgets.boxes import bar_is_the_stop
from zoomsig_gui.ui.widgets.clockbanner import ClockBanner, default_check
from zoomsig_gui.ui.widgets.deferred import WhenReady

if TYPE_CHECKING:
    from PySide6.QtGui import QAction, QCloseEvent, QKeySequence

    from zoomsig_gui.core.clock.check import ClockCheck
    from zoomsig_gui.core.support.casereport import JoinNote
    from zoomsig_gui.core.vault.facade import Vault
    from zoomsig_gui.ui.inspect.tab import InspectTab

# Qt adds the application's display name: "Zoom Meeting SDK signatures — zoomsig".
TITLE = "Zoom Meeting SDK signatures"


def module_exists(name: str) -> bool:
    """True when a module is installed, without importing it (keeps start-up light)."""
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


class _AfterFirstPaint(QObject):
    """Calls ``then`` once the window is exposed, which it is only after its expose event has
    been handled, that is after its first paint; or after ``limit_ms`` at the latest (a
    window shown on another desktop may not be exposed for a long time).

    It looks every few ms instead of filtering events: a Python event filter would make
    PySide6 build its QEvent type (with ~180 enum members) before the first paint."""

    STEP_MS = 2

    def __init__(self, window: QMainWindow, then: Callable[[], None], limit_ms: int) -> None:
        super().__init__(window)
        self._window = window
        self._then = then
        self._left = limit_ms // self.STEP_MS
        QTimer.singleShot(0, self._look)

    def _look(self) -> None:
        handle = self._window.windowHandle()
        self._left -= 1
        if (handle is not None and handle.isExposed()) or self._left <= 0:
            self._then()
            self.deleteLater()
        else:
            QTimer.singleShot(self.STEP_MS, self._look)


def _qt_namespace() -> None:
    """PySide6 builds its ``Qt`` namespace (~20 ms) the first time it is touched: on a turn
    of its own, not inside a bigger step."""
    from PySide6 import QtCore

    _ = QtCore.Qt


def _stops_in(widget: QWidget) -> list[QWidget]:
    """The widgets inside ``widget`` that Tab stops at, in the order they were made (which
    is the order they stand in)."""
    from PySide6.QtCore import Qt

    tab = Qt.FocusPolicy.TabFocus
    return [w for w in widget.findChildren(QWidget) if w.focusPolicy() & tab == tab]


def _qstyle_types() -> None:
    """The first finding shows a standard icon: PySide6 builds QStyle's big enums then."""
    from PySide6.QtWidgets import QStyle

    _ = QStyle.StandardPixmap.SP_MessageBoxWarning, QStyle.PixelMetric.PM_SmallIconSize


class MainWindow(QMainWindow):
    join_outcome_changed = Signal()  # a join attempt ended (joined or failed)
    START_LIMIT_MS = 300  # keyring and clock start at the latest this long after show()
    MINIMUM_SIZE = (1024, 640)
    SAVE_DELAY_MS = 500  # choices are written this long after the last change

    def __init__(
        self,
        settings: QSettings | None = None,
        vault_factory: Callable[[], Vault] = default_vault,
        clock_check: Callable[[], ClockCheck] = default_check,
        check_clock_at_start: bool = True,
        scrubber: Scrubber | None = None,
    ) -> None:
        super().__init__()
        collect_on_gui_thread()  # Qt objects in reference cycles die on this thread only
        self.setWindowTitle(TITLE)
        self.setObjectName("mainWindow")
        self.settings = settings if settings is not None else store.open_settings()
        self.scrubber = scrubber or Scrubber()
        self._check_at_start = check_clock_at_start
        self._started = False
        # Run right after the first paint: the crash handler first, then the others (None
        # once painted).
        self._first_hooks: list[Callable[[], object]] = []
        self._painted_hooks: list[Callable[[], object]] | None = []
        self._steps: StartSteps | None = None
        self.profiles = Profiles(vault_factory, self.scrubber, self)
        self.banner = ClockBanner(clock_check)
        self.make = MakeTab(self.profiles, self.true_now)
        self._inspect: InspectTab | None = None  # built when first opened
        self._inspect_ready: WhenReady[InspectTab] = WhenReady()
        self.join_outcome: JoinNote | None = None  # the last join attempt's end, for reports
        self.inspect_page = QWidget()
        self.inspect_page.setObjectName("inspectPage")
        self._inspect_layout = QVBoxLayout(self.inspect_page)
        self._inspect_layout.setContentsMargins(0, 0, 0, 0)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("tabs")
        self.tabs.addTab(self.make, "&Make a token")
        self.tabs.addTab(self.inspect_page, "I&nspect a token")
        self.tabs.currentChanged.connect(self._tab_opened)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(8, 8, 8, 4)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        bar = self.menuBar()  # titles now (the bar's height is part of the first paint)
        self._token_menu = bar.addMenu("&Token")
        self._help_menu = bar.addMenu("&Help")
        self.banner.offset_changed.connect(self.make.schedule)
        self.profiles.notice.connect(self.notify)
        self.join = self.support = self.history = self.endpoint = self.zoom_tokens = None
        self._add_tabs()
        self.resize(*self._first_size())
        # The smallest size at which nothing is clipped (a 1024×768 screen less its panels).
        self.setMinimumSize(*self.MINIMUM_SIZE)
        self._restore()
        # Choices are saved as they change (a crash or a killed session keeps them), in one
        # write shortly after the last change.
        self._save_timer = QTimer(self, singleShot=True, interval=self.SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.save_settings)
        self.tabs.currentChanged.connect(self._save_timer.start)
        self.banner.correct.toggled.connect(self._save_timer.start)
        self.make.when_built(self._make_built)
        self.statusBar().showMessage("Ready.")

    def _add_tabs(self) -> None:
        """The History and endpoint tabs' places (their titles are part of the first paint,
        and a remembered tab must exist to be opened); their panels are built on first use.
        Each only when its module is installed: a missing part leaves no dead tab."""
        if module_exists("zoomsig_gui.ui.history.panel"):
            from zoomsig_gui.ui.history.tab import HistoryTab

            self.history = HistoryTab(self)
        if module_exists("zoomsig_gui.ui.endpoint.tab"):
            from zoomsig_gui.ui.endpoint.holder import EndpointHolder

            self.endpoint = EndpointHolder(self)

    def _add_features(self) -> None:
        """The join buttons, the support tools and the Zoom tokens, after the first paint (a
        Make tab built earlier on request gets them then too), each only when its module is
        installed. Their heavy parts (QtWebEngine, the panels) are imported on first use."""
        if module_exists("zoomsig_gui.ui.join.view"):
            from zoomsig_gui.ui.join.launcher import JoinLauncher

            self.join = JoinLauncher(
                self.make, self.true_now, self.set_join_outcome, self.settings, self.notify
            )
        if module_exists("zoomsig_gui.ui.support.panel"):
            from zoomsig_gui.ui.support.tools import SupportTools

            self.support = SupportTools(self)
        if module_exists("zoomsig_gui.ui.zoomauth.panel"):  # whose meeting; ZAK and OBF token
            from zoomsig_gui.ui.zoomauth.panel import ZoomTokens

            self.zoom_tokens = ZoomTokens(self)
            if self.join is not None:
                self.join.join_tokens = self.zoom_tokens.join_tokens
        self.make.when_built(self._keyboard_order)

    # -- the Inspect tab, built on first use ----------------------------------------------
    @property
    def inspect(self) -> InspectTab:
        """The Inspect tab; asking for it builds it (and imports its modules) the first time."""
        if self._inspect is None:
            from zoomsig_gui.ui.inspect.tab import InspectTab

            tab = InspectTab(self.profiles, self.true_now)
            self._inspect = tab
            self._inspect_layout.addWidget(tab)
            tab.show()  # now, not on the next event loop turn as for a late child
            self.banner.offset_changed.connect(tab.schedule)
            self.make.when_built(
                lambda make: tab.decoded.raw_toggle.setChecked(make.decoded.raw_toggle.isChecked())
            )
            self._inspect_ready.arrive(tab)
        return self._inspect

    def when_inspect_built(self, hook: Callable[[InspectTab], object]) -> None:
        """Run ``hook(tab)`` once the Inspect tab exists (now, if it already does)."""
        self._inspect_ready.add(hook)

    def inspect_built(self) -> bool:
        return self._inspect is not None

    def _tab_opened(self, index: int) -> None:
        if self.tabs.widget(index) is self.make and self.make.is_built():
            # Built while another tab was shown, its left column was sized while hidden.
            self.make.fit_left()
        if self.tabs.widget(index) is self.inspect_page:
            if self._inspect is not None:
                self._inspect.recheck()  # its time findings may have changed while hidden
                return
            # A remembered tab opens before the first paint: build it after, as the Make tab.
            self.when_painted(lambda: self.inspect)

    # -- join outcome -------------------------------------------------------------------
    def set_join_outcome(self, state: str, code: str, message: str) -> None:
        """Keep how the last join attempt ended; states on the way (loading…) are not ends."""
        from zoomsig_gui.core.join.states import ENDS
        from zoomsig_gui.core.support.casereport import JoinNote

        if state not in ENDS:
            return
        number = int(code) if code.strip().lstrip("-").isdigit() else None
        text = message or (
            "The Meeting SDK files were not found." if state == "sdk-missing" else ""
        )
        self.join_outcome = JoinNote(state == "joined", text, number)
        self.join_outcome_changed.emit()

    # -- time -----------------------------------------------------------------------
    def true_now(self) -> float:
        """The one "now" of every tab, view and report: the local clock corrected by the
        clock check's offset (0 when the correction is off or nothing was measured)."""
        from zoomsig_gui.core.clock.truenow import true_now

        return true_now(self.banner.offset())

    # -- menus and shortcuts ----------------------------------------------------------
    def _action(
        self,
        menu,
        text: str,
        slot,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        name: str = "",
    ) -> QAction:
        from PySide6.QtGui import QAction, QKeySequence

        action = QAction(text, self)
        if shortcut:
            # A list: setShortcut()'s overloads make PySide6 build its Qt namespace (~11 ms).
            action.setShortcuts([QKeySequence(shortcut)])
        action.setObjectName(name)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _fill_menus(self) -> None:
        from PySide6.QtGui import QKeySequence

        token = self._token_menu
        self.copy_action = self._action(
            token, "&Copy token", self.copy_token, "Ctrl+Shift+C", "copyAction"
        )
        self._action(
            token,
            "&Inspect the clipboard",
            self.inspect_clipboard,
            "Ctrl+Shift+V",
            "inspectClipboardAction",
        )
        token.addSeparator()
        self._action(
            token,
            "&New credentials…",
            self.new_profile,
            QKeySequence.StandardKey.New,
            "newProfileAction",
        )
        self._action(token, "Check the c&lock", self.banner.start, "F5", "checkClockAction")
        self._action(token, "&Settings…", self.open_settings, "Ctrl+,", "settingsAction")
        token.addSeparator()
        self._action(token, "&Quit", self.close, QKeySequence.StandardKey.Quit, "quitAction")
        self._action(self._help_menu, "&About zoomsig", self.about, None, "aboutAction")

    def copy_token(self) -> None:
        self.make.token_view.copy()

    def inspect_clipboard(self) -> None:
        self.tabs.setCurrentWidget(self.inspect_page)
        self.inspect.inspect_clipboard()

    def new_profile(self) -> None:
        self.tabs.setCurrentWidget(self.make)
        self.make.credentials.add_profile()

    def open_settings(self) -> None:
        """The join page address and the Meeting SDK folder."""
        from zoomsig_gui.ui.dialogs.settings import SettingsDialog

        self.settings_dialog = SettingsDialog(self.settings, self)
        if self.join is not None:
            self.settings_dialog.accepted.connect(self.join.settings_changed)
        self.settings_dialog.open()

    def about(self) -> None:
        from zoomsig_gui.ui.dialogs.about import show_about

        status = self.profiles.status
        show_about(self, status.message if status else "not checked yet")

    def notify(self, text: str) -> None:
        self.statusBar().showMessage(text, 15_000)

    # -- start and stop ---------------------------------------------------------------
    def setVisible(self, visible: bool) -> None:
        # Not showEvent(): overriding it makes PySide6 build QEvent types before the paint.
        super().setVisible(visible)
        if visible and not self._started:
            self._started = True
            # After the first paint, not before: the keyring and clock workers import and
            # run Python code that would compete with the paint for the interpreter.
            _AfterFirstPaint(self, self._after_show, self.START_LIMIT_MS)

    def when_painted(self, hook: Callable[[], object], first: bool = False) -> None:
        """Run ``hook()`` after the first paint, as a start-up step of its own once the
        modules every tab shares are imported (a remembered tab is built there, before the
        Make tab's parts); now, if the window has been painted already. ``first``: before
        everything else (the crash handler, so that it is in place for all the rest)."""
        if self._painted_hooks is None:
            hook()
        elif first:
            self._first_hooks.insert(0, hook)
        else:
            self._painted_hooks.append(hook)

    def in_steps(self, steps: list[Callable[[], object]]) -> None:
        """Run ``steps`` one per event-loop turn (a tab's imports, then the tab), so that
        opening it never freezes the window; errors go to the crash report."""
        StartSteps(self, steps, self._report).start()

    @staticmethod
    def _report(exc: BaseException) -> None:
        sys.excepthook(type(exc), exc, exc.__traceback__)

    def _after_show(self) -> None:
        hooks, self._painted_hooks = self._painted_hooks or [], None
        # The shared imports come first, each on its own turn: together they take longer
        # than a person should ever wait for the window to answer.
        make_parts = importing(
            "zoomsig_gui.ui.make.credentials",
            "zoomsig_gui.ui.widgets.tokenview",
            "zoomsig_gui.ui.widgets.findingsview",
            "zoomsig_gui.ui.widgets.decodedview",
        )
        steps = [
            *self._first_hooks,
            _qt_namespace,
            make_parts,
            importing("zoomsig_gui.core.join.link"),
            importing("zoomsig_gui.ui.make.form"),
            *hooks,
            self.make.build,
            importing("zoomsig_gui.ui.zoomauth.panel"),
            self._add_features,
            self._fill_menus,
            self._start_services,
            self._warm_up,
        ]
        # One broken part must not stop the start-up: its error goes to the crash report.
        self._steps = StartSteps(self, steps, self._report)
        self._steps.start()

    def started_up(self) -> bool:
        """True once every start-up step has run (the forms, features, menus, services)."""
        return self._steps is not None and self._steps.finished

    def _warm_up(self) -> None:
        """While the window idles, import what the first inspection, the first finding and
        the History tab need, so that none of them makes a person wait for an import."""
        self.in_steps(
            [
                _qstyle_types,
                importing("zoomsig_gui.ui.inspect.tab"),
                importing("zoomsig_gui.core.support.reproduce", "zoomsig_gui.core.support.fixall"),
                importing("zoomsig_gui.ui.support.panel"),
                importing("zoomsig_gui.ui.history.panel"),
            ]
        )

    def _start_services(self) -> None:
        from zoomsig_gui.ui.app import set_icon

        set_icon()
        self.profiles.load()
        if self._check_at_start:
            self.banner.start()

    def _make_built(self, make: MakeTab) -> None:
        make.credentials.notice.connect(self.notify)
        # A passcode typed or pasted must never reach a crash report.
        make.form.changed.connect(lambda: self.scrubber.add(make.form.values().passcode))
        make.token_view.copied.connect(lambda: self.notify("Token copied to the clipboard."))
        s = self.settings
        make.form.restore(store.read_group(s, "form"))
        make.credentials.select(str(s.value("choices/profile", "") or ""))
        raw = str(s.value("choices/raw_json", False)).lower() in ("true", "1")
        make.decoded.raw_toggle.setChecked(raw)  # the Inspect tab copies it when built
        for signal in (
            make.form.changed,
            make.credentials.selected,
            make.decoded.raw_toggle.toggled,
        ):
            signal.connect(self._save_timer.start)
        from zoomsig_gui.ui.make.details import DetailsToggle

        self.details = DetailsToggle(make, s)
        left = make.left_column.widget()
        column = left.layout() if left is not None else None  # under the meeting form
        if isinstance(column, QVBoxLayout):
            column.insertWidget(column.count() - 1, self.details)

    def _keyboard_order(self, make: MakeTab) -> None:
        """Tab goes as the eye does: banner, tabs, credentials, meeting, whose meeting,
        token, tables (once the features' buttons are there too). One chain through every
        stop, as Qt wants it: widgets put in later would otherwise land out of order."""
        creds, join = make.credentials, self.join
        zoom = self.zoom_tokens.panel if self.zoom_tokens is not None else None
        chain = [
            self.banner.correct,
            self.banner.check_button,
            # The tab widget, not only its bar: it hands focus to the bar, so Qt counts it as
            # a stop of its own wherever it sits in the chain.
            self.tabs,
            self.tabs.tabBar(),
            creds.combo,
            creds.add_button,
            creds.edit_button,
            creds.remove_button,
            *make.form.keyboard_stops(),
            *(_stops_in(zoom) if zoom is not None else []),
            self.details,
            make.token_view.text,
            make.token_view.copy_button,
            *([join.button, join.copy_link_button, join.qr_button] if join is not None else []),
            make.decoded.raw_toggle,
        ]
        for a, b in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(a, b)
        bar_is_the_stop(self.tabs)  # (the scroll areas are no stops: widgets/boxes.scrolling)

    # A window manager's title bar and frame come on top of the size asked for.
    FRAME_ALLOWANCE = (16, 48)

    def _first_size(self) -> tuple[int, int]:
        """1240×820, or less on a smaller screen: a laptop's 1366×768 would cut off the bottom
        (and the status bar with it) once the title bar is added."""
        screen = self.screen()
        if screen is None:
            return 1240, 820
        room = screen.availableGeometry()
        across, down = self.FRAME_ALLOWANCE
        return min(1240, room.width() - across), min(820, room.height() - down)

    def _restore(self) -> None:
        s = self.settings
        geometry = s.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        correct = s.value("choices/correct_clock", True)
        self.banner.correct.setChecked(str(correct).lower() in ("true", "1"))
        tab = s.value("window/tab", 0)
        self.tabs.setCurrentIndex(int(str(tab)) if str(tab).isdigit() else 0)

    def save_settings(self) -> None:
        s = self.settings
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/tab", self.tabs.currentIndex())
        s.setValue("choices/correct_clock", self.banner.correct.isChecked())
        if self.make.is_built():  # else the form was never shown: keep the choices stored
            store.write_group(s, "form", self.make.form.remembered())
            s.setValue("choices/profile", self.make.credentials.current())
            s.setValue("choices/raw_json", self.make.decoded.raw_toggle.isChecked())
        s.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_settings()
        # A hung keyring call is abandoned by the vault after its timeout; do not wait longer.
        self.profiles.workers.wait(2000)
        self.banner.wait()
        self.inspect.wait(2000)
        if self.join is not None:
            self.join.shutdown()
        if self.zoom_tokens is not None:
            self.zoom_tokens.shutdown()
        super().closeEvent(event)


__all__ = ["MainWindow", "TITLE", "module_exists"]
