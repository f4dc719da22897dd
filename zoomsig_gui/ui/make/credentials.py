"""The profile picker: choose saved credentials, add, edit or remove them, and see where the
secret is kept, in one plain line."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from zoomsig_gui.ui.services.vault_client import Profiles
from zoomsig_gui.ui.widgets.theme import colours

if TYPE_CHECKING:
    from zoomsig_gui.ui.dialogs.profile import ProfileDialog

NO_PROFILE = ""


class CredentialsPanel(QWidget):
    selected = Signal(str)  # profile name, "" for none
    notice = Signal(str)

    def __init__(self, profiles: Profiles, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.profiles = profiles
        self.dialog: ProfileDialog | None = None
        self._wanted = ""  # the profile to select once the list arrives (remembered choice)
        self.combo = QComboBox()
        self.combo.setObjectName("profile")
        self.combo.setAccessibleName("Saved credentials")
        self.combo.setMinimumContentsLength(18)
        self.combo.currentIndexChanged.connect(self._picked)
        self.add_button = QPushButton("&Add…")
        self.add_button.setObjectName("addProfile")
        self.add_button.setToolTip("Add credentials (Ctrl+N)")
        self.edit_button = QPushButton("Ed&it…")
        self.edit_button.setObjectName("editProfile")
        self.remove_button = QPushButton("Remo&ve")
        self.remove_button.setObjectName("removeProfile")
        self.add_button.clicked.connect(self.add_profile)
        self.edit_button.clicked.connect(self.edit_profile)
        self.remove_button.clicked.connect(self.remove_profile)
        self.detail = QLabel()
        self.detail.setObjectName("profileDetail")
        self.detail.setTextFormat(Qt.TextFormat.PlainText)  # shows data
        self.detail.setWordWrap(True)
        self.where = QLabel()
        self.where.setObjectName("secretWhere")
        self.where.setTextFormat(Qt.TextFormat.PlainText)  # shows data
        self.where.setWordWrap(True)
        self.where.setAccessibleName("Where the secret is kept")
        row = QHBoxLayout()
        row.addWidget(self.combo, 1)
        row.addWidget(self.add_button)
        row.addWidget(self.edit_button)
        row.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.detail)
        layout.addWidget(self.where)
        profiles.listed.connect(self._refill)
        self._refill()

    def current(self) -> str:
        return self.combo.currentData() or NO_PROFILE

    def select(self, name: str) -> None:
        """Select ``name`` now, or once the list has loaded."""
        self._wanted = name
        index = self.combo.findData(name)
        if index >= 0:
            self.combo.setCurrentIndex(index)

    # -- the list -------------------------------------------------------------------
    def _refill(self) -> None:
        wanted = self._wanted or self.current()
        self.combo.blockSignals(True)
        self.combo.clear()
        if not self.profiles.loaded:
            self.combo.addItem("Loading saved credentials…", NO_PROFILE)
        elif not self.profiles.views:
            self.combo.addItem("No saved credentials yet", NO_PROFILE)
        for view in self.profiles.views:
            self.combo.addItem(view.profile.name, view.profile.name)
        index = self.combo.findData(wanted) if wanted else -1
        self.combo.setCurrentIndex(index if index >= 0 else 0)
        self.combo.blockSignals(False)
        self.combo.setEnabled(bool(self.profiles.views))
        self._picked()

    def _picked(self) -> None:
        name = self.current()
        if self.profiles.loaded and name:
            self._wanted = name
        has = bool(name)
        self.edit_button.setEnabled(has)
        self.remove_button.setEnabled(has)
        self._describe()
        self.selected.emit(name)

    def _describe(self) -> None:
        c = colours(self)
        view = self.profiles.view(self.current())
        status = self.profiles.status
        if view:
            self.detail.setText(f"Client ID {view.profile.key} · {view.profile.kind_label}")
        else:
            self.detail.setText("")
        tint = c.dots
        if not self.profiles.loaded:
            text = "Looking for your saved credentials…"
        elif self.profiles.load_error:
            text, tint = self.profiles.load_error, c.error
        elif view and view.secret_state == "session":
            text, tint = (
                ("No keyring: this secret is kept for this session only and not saved."),
                c.warning,
            )
        elif status is not None and not status.persistent:
            text, tint = status.message, c.warning
        elif view and view.secret_state == "saved":
            text = f"Secret saved in your system keyring ({status.backend if status else ''})."
        elif view:
            text, tint = view.state_message, c.warning if view.secret_state == "missing" else tint
        else:
            text = "Add the Client ID and Secret of your Meeting SDK app to make tokens (Ctrl+N)."
        self.where.setText(text)
        self.where.setStyleSheet(f"color:{tint}")

    # -- dialogs --------------------------------------------------------------------
    def _open(self, original: str | None) -> ProfileDialog:
        from zoomsig_gui.ui.dialogs.profile import ProfileDialog

        self.dialog = ProfileDialog(self.profiles, original, self.window())
        self.dialog.saved.connect(self._saved)
        self.dialog.open()
        return self.dialog

    def add_profile(self) -> ProfileDialog:
        return self._open(None)

    def edit_profile(self) -> ProfileDialog | None:
        return self._open(self.current()) if self.current() else None

    def _saved(self, name: str, notices: list[str]) -> None:
        self.select(name)
        self._tell(notices)

    def _tell(self, notices: Sequence[str]) -> None:
        for text in notices:
            self.notice.emit(text)

    def remove_profile(self) -> None:
        from zoomsig_gui.ui.widgets.boxes import confirm

        name = self.current()
        if not name:
            return
        if not confirm(
            self,
            "Remove credentials",
            f"Remove “{name}” and its secret from the system keyring? This cannot be undone.",
        ):
            return
        self._wanted = ""
        self.profiles.change(
            lambda vault: vault.remove(name).notices,
            self._tell,
            self.notice.emit,
        )
