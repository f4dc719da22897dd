"""The History tab: setups made (copied) and inspected, restored into the Make form on request.

The panel reads the history file, so it is built when the tab is first opened; until then
entries go straight into the file. It sees the Make tab through ``token_copied`` and
``apply_setup()``, and the Inspect tab through ``inspected``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QVBoxLayout, QWidget

if TYPE_CHECKING:
    from zoomsig_gui.core.inspection.inspector import Inspection
    from zoomsig_gui.core.store.history import HistoryEntry
    from zoomsig_gui.core.tokens.made import MadeToken
    from zoomsig_gui.ui.history.panel import HistoryPanel
    from zoomsig_gui.ui.inspect.tab import InspectTab
    from zoomsig_gui.ui.mainwindow import MainWindow


class HistoryTab:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.panel: HistoryPanel | None = None  # once the tab is opened
        self._last_inspected = ""
        self._inspect: InspectTab | None = None
        self.holder = QWidget()
        self.holder.setObjectName("historyHolder")
        self._holder_layout = QVBoxLayout(self.holder)
        self._holder_layout.setContentsMargins(0, 0, 0, 0)
        window.tabs.addTab(self.holder, "Histor&y")  # Alt+H is Help
        window.tabs.currentChanged.connect(self._maybe_build)
        window.make.token_copied.connect(self._record_made)
        window.when_inspect_built(self._inspect_built)

    def _inspect_built(self, tab: InspectTab) -> None:
        self._inspect = tab
        tab.inspected.connect(self._record_inspected)

    def _build(self) -> HistoryPanel:
        if self.panel is None:  # reads the history file: only when the tab is first opened
            from zoomsig_gui.ui.history.panel import HistoryPanel

            make, tabs = self.window.make, self.window.tabs
            self.panel = HistoryPanel()
            self.panel.restoreRequested.connect(make.apply_setup)
            self.panel.restoreRequested.connect(lambda _s: tabs.setCurrentWidget(make))
            self._holder_layout.addWidget(self.panel)
            self.panel.show()
        return self.panel

    def _maybe_build(self, index: int) -> None:
        if self.window.tabs.widget(index) is self.holder:
            self.window.when_painted(self._build)  # not before: it reads the history file

    def _record(self, entry: HistoryEntry) -> None:
        """Into the panel when it is open; else straight into the file (no widgets built)."""
        if self.panel is not None:
            self.panel.record(entry)
            return
        from zoomsig_gui.core.store.history import History, HistoryError

        history = History()
        try:
            history.add(entry)
        except HistoryError as exc:
            self.window.notify(str(exc))
            return
        for text in history.pop_notices():
            self.window.notify(text)

    def _record_made(self, made: MadeToken) -> None:
        from zoomsig_gui.core.store.history import entry_from_inspection

        self._record(
            entry_from_inspection(
                made.inspection,
                "made",
                profile=self.window.make.made_with or None,
                made_at=made.made_at,
                webrtc_mode=made.request.webrtc_mode,
            )
        )

    def _record_inspected(self, inspection: Inspection | None) -> None:
        from zoomsig_gui.core.store.history import entry_from_inspection

        if inspection is None or not inspection.token or inspection.malformed:
            return
        if inspection.token == self._last_inspected:
            return
        self._last_inspected = inspection.token
        name = self._inspect.profile_name() if self._inspect else ""
        self._record(entry_from_inspection(inspection, "inspected", profile=name or None))
