"""Start the window: one QApplication, the window, the exception hook, then the event loop."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QApplication

from zoomsig_gui.ui.services.settings import APP, ORG

if TYPE_CHECKING:
    from PySide6.QtGui import QIcon

    from zoomsig_gui.ui.mainwindow import MainWindow


def app_icon() -> QIcon:
    """Our icon, from the installed package or the development tree (one lookup, in core)."""
    from PySide6.QtGui import QIcon

    from zoomsig_gui.core.resources import ResourceMissing, resources_dir

    try:
        return QIcon(str(resources_dir() / "icons" / "zoomsig.svg"))
    except ResourceMissing:
        return QIcon()  # no icon is better than no window


def set_icon() -> None:
    """Give the application our icon unless it has one; the window calls this after its first
    paint (loading the SVG takes a few ms that the first paint does not need)."""
    app = QApplication.instance()
    if isinstance(app, QApplication) and app.windowIcon().isNull():
        app.setWindowIcon(app_icon())


def make_app(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    app = (
        existing
        if isinstance(existing, QApplication)
        else QApplication(argv if argv is not None else sys.argv)
    )
    app.setOrganizationName(ORG)
    app.setApplicationName(APP)
    app.setApplicationDisplayName("zoomsig")
    app.setDesktopFileName("zoomsig")
    return app


def install_crash_handler(window: MainWindow) -> None:
    from zoomsig_gui.ui.services import crash_handler as crash

    crash.install(window.scrubber, lambda: window)


def start(argv: list[str] | None = None, **window_options: Any) -> MainWindow:
    """Everything but the event loop: the application and the window, shown. The crash handler
    is installed right after the first paint, before anything a person can do, and before
    any of our code runs in the event loop but the wait for that paint. bench/startup.py
    times this function."""
    from zoomsig_gui.ui.mainwindow import MainWindow

    make_app(argv)
    window = MainWindow(**window_options)
    window.when_painted(lambda: install_crash_handler(window), first=True)
    window.show()
    return window


def run(argv: list[str] | None = None) -> int:
    window = start(argv)  # noqa: F841 - held until exec() returns, or it would be collected
    return QApplication.exec()
