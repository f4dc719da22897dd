"""Start the window: one QApplication, the exception hook, the icon, then the event loop."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

from zoomsig_gui.ui import crash
from zoomsig_gui.ui.settings import APP, ORG

if TYPE_CHECKING:
    from PySide6.QtGui import QIcon

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
    if app is not None and app.windowIcon().isNull():
        app.setWindowIcon(app_icon())


def make_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    app.setOrganizationName(ORG)
    app.setApplicationName(APP)
    app.setApplicationDisplayName("zoomsig")
    app.setDesktopFileName("zoomsig")
    return app  # type: ignore[return-value]


def run(argv: list[str] | None = None) -> int:
    from zoomsig_gui.ui.mainwindow import MainWindow

    app = make_app(argv)
    window = MainWindow()
    crash.install(window.scrubber, lambda: window)
    window.show()
    return app.exec()
