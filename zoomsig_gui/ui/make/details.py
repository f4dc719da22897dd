""" "Show details": the decoded tables and the advanced options, folded away for staff who
only need a token or a test link, and shown for QA. The choice is remembered."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QCheckBox, QWidget

from zoomsig_gui.ui.make.tab import MakeTab

KEY = "choices/details"


class DetailsToggle(QCheckBox):
    def __init__(self, make: MakeTab, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__("Show details", parent)
        self.setObjectName("showDetails")
        self.setToolTip("The decoded header and payload, and the advanced token options")
        self._make = make
        self._settings = settings
        self._decoded_box = make.findChild(QWidget, "decodedBox")
        shown = str(settings.value(KEY, False)).lower() in ("true", "1")
        self.setChecked(shown)
        self._apply(shown)
        self.toggled.connect(self._changed)

    def _changed(self, shown: bool) -> None:
        self._apply(shown)
        self._settings.setValue(KEY, shown)

    def _apply(self, shown: bool) -> None:
        form = self._make.form
        if self._decoded_box is not None:
            self._decoded_box.setVisible(shown)
        form.advanced_button.setVisible(shown)
        form.advanced.setVisible(shown and form.advanced_button.isChecked())
