"""The join page's line to the window: a QWebChannel object the page calls on each state."""

from __future__ import annotations

from PySide6.QtCore import QFile, QIODevice, QObject, Signal, Slot
from PySide6.QtWebEngineCore import QWebEnginePage  # noqa: F401  (loads :/qtwebchannel)

from zoomsig_gui.core.join.server import ExtraFile

CHANNEL_NAME = "zoomsig"  # the page looks for channel.objects.zoomsig
STATES = ("loading", "sdk-missing", "ready", "joining", "joined", "failed")


class JoinBridge(QObject):
    """Registered on the page's QWebChannel as ``zoomsig``; join.js calls ``report``."""

    stateChanged = Signal(str, str, str)

    @Slot(str, str, str)
    def report(self, state: str, code: str, message: str) -> None:
        if state not in STATES:  # a page is untrusted input: ignore what is not the contract
            return
        self.stateChanged.emit(state, code[:40], message[:2000])


def qwebchannel_js() -> ExtraFile:
    """Qt's qwebchannel.js for the join server: pages on http cannot load qrc:// files."""
    file = QFile(":/qtwebchannel/qwebchannel.js")
    if not file.open(QIODevice.OpenModeFlag.ReadOnly):
        raise RuntimeError("Qt's qwebchannel.js is missing: is PySide6's WebEngine installed?")
    try:
        return ExtraFile("/qwebchannel.js", bytes(file.readAll().data()))
    finally:
        file.close()
