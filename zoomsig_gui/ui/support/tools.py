"""Theirs vs ours, the fixed token and the case report under the Inspect tab's findings.

The panel (and its imports) is built with the first inspection, which keeps start-up light.
It sees the Inspect tab through its surface (``inspected``, ``picked_text()``,
``check_secret()``, ``support_box``, ``show_support()``). Our credentials to re-make the
token with are chosen in the panel itself, apart from the secret that checks theirs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from zoomsig_gui.core.inspection.inspector import Inspection
    from zoomsig_gui.core.support.casereport import ClockNote
    from zoomsig_gui.ui.inspect.tab import InspectTab
    from zoomsig_gui.ui.mainwindow import MainWindow
    from zoomsig_gui.ui.services.vault_client import SecretFetch
    from zoomsig_gui.ui.support.panel import SupportPanel


class SupportTools:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.tab: InspectTab | None = None
        self.panel: SupportPanel | None = None  # built with the first inspection
        self._secrets: SecretFetch | None = None  # our credentials, read off the GUI thread
        window.when_inspect_built(self._tab_built)
        window.join_outcome_changed.connect(self._join_ended)

    def _tab_built(self, tab: InspectTab) -> None:
        self.tab = tab
        tab.inspected.connect(self._inspected)

    def _join_ended(self) -> None:
        # The case report on screen should say how the join went: rebuild it.
        if self.panel is not None and self.tab is not None:
            self._inspected(self.tab.inspection)

    def _inspected(self, inspection: Inspection | None) -> None:
        tab = self.tab
        assert tab is not None  # connected when the tab was built
        text = tab.picked_text()  # the picked token when the paste held several
        if self.panel is None:
            if inspection is None:
                return
            from zoomsig_gui.ui.services.vault_client import SecretFetch
            from zoomsig_gui.ui.support.panel import SupportPanel

            profiles = self.window.profiles
            self.panel = SupportPanel()
            self.panel.set_names(profiles.names())
            profiles.listed.connect(lambda: self._listed())
            self.panel.ours_picked.connect(lambda _name: self._again())
            self._secrets = SecretFetch(profiles, self._again)
            tab.show_support(self.panel)
        if inspection is None or not text.strip():
            self.panel.comparison.clear("")
            self.panel.fixed_view.clear()
            self.panel.report_button.setEnabled(False)
            return
        name = self.panel.ours_name()
        assert self._secrets is not None  # made with the panel
        creds = self._secrets.get(name) if name else None
        self.panel.show_case(
            text,
            creds.key if creds else None,
            creds.secret if creds else None,
            check=tab.check_secret(),
            now=self.window.true_now(),
            clock=self._clock_note(),
            join=self.window.join_outcome,
        )

    def _again(self) -> None:
        if self.tab is not None:
            self._inspected(self.tab.inspection)

    def _listed(self) -> None:
        if self.panel is not None:
            self.panel.set_names(self.window.profiles.names())
            self._again()

    def _clock_note(self) -> ClockNote | None:
        from zoomsig_gui.core.support.casereport import ClockNote

        result = self.window.banner.result
        if result is None or result.reading is None:
            return None
        r = result.reading
        return ClockNote(r.server, r.offset_s, r.checked_at)
