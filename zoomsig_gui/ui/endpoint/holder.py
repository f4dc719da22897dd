"""The "Check an endpoint" tab's place in the window; the tab itself (and httpx) is imported
and built when the tab is first opened, after the first paint, in steps short enough that
the window keeps answering while they run."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QVBoxLayout, QWidget

from zoomsig_gui.ui.services.startsteps import importing

if TYPE_CHECKING:
    from zoomsig_gui.ui.endpoint.tab import EndpointTab
    from zoomsig_gui.ui.mainwindow import MainWindow

TAB_TITLE = "Chec&k an endpoint"


class EndpointHolder:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.tab: EndpointTab | None = None
        self.page = QWidget()
        self.page.setObjectName("endpointPage")
        self._layout = QVBoxLayout(self.page)
        self._layout.setContentsMargins(0, 0, 0, 0)
        window.tabs.addTab(self.page, TAB_TITLE)
        window.tabs.currentChanged.connect(self._opened)

    def build(self) -> EndpointTab:
        if self.tab is None:
            from zoomsig_gui.ui.endpoint.tab import EndpointTab

            self.tab = EndpointTab(self.window.profiles, self.window.true_now)
            self.tab.notice.connect(self.window.notify)
            self._layout.addWidget(self.tab)
            self.tab.show()
        return self.tab

    def _opened(self, index: int) -> None:
        if self.window.tabs.widget(index) is self.page and self.tab is None:
            self.window.when_painted(self._build_in_steps)

    def _build_in_steps(self) -> None:
        # httpx and what it brings take about 100 ms to import: in three turns, not one.
        steps = [
            importing("ssl", "http.client"),
            importing("httpx"),
            importing("zoomsig_gui.ui.endpoint.tab"),
            self.build,
        ]
        self.window.in_steps(steps)
