"""Settings: where copied test links point (the join page address) and a local SDK folder.

The address is the core's saved base (`zoomsig link --base … --save-base`, joinlink.json);
the SDK folder is the CLI's --sdk-dir, remembered in QSettings. Both are checked by the
core before they are kept; the check of an address runs on a worker thread (network).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from zoomsig_gui.core.join.link import JoinLinkError, check_base, save_base, saved_base
from zoomsig_gui.core.join.sdkfolder import SdkFolderError, check_sdk_dir
from zoomsig_gui.ui.services.settings import SDK_DIR_KEY, sdk_dir_setting
from zoomsig_gui.ui.services.workers import Workers
from zoomsig_gui.ui.widgets.boxes import field_row, save_cancel, stack
from zoomsig_gui.ui.widgets.theme import colours


class SettingsDialog(QDialog):
    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Settings")
        self.setObjectName("settingsDialog")
        self.setMinimumWidth(560)
        self._settings = settings
        self.workers = Workers(self, threads=1)
        self.base = QLineEdit(saved_base() or "")
        self.base.setObjectName("joinBase")
        self.base.setAccessibleName("Join page address")
        self.base.setPlaceholderText("https://… (empty: zoomsig's page on this computer)")
        self.check_button = QPushButton("Chec&k")
        self.check_button.setObjectName("checkBase")
        self.check_button.setToolTip("Ask the address whether it is zoomsig's join page")
        self.check_button.clicked.connect(self.check)
        self.base_note = self._label(
            "baseNote",
            "Where copied test links point. Empty: this computer only, while zoomsig is "
            "open. For colleagues, put the join page on a web host (`zoomsig publish` "
            "writes its files) and give its address here.",
        )
        self.base_result = self._label("baseResult")
        self.sdk = QLineEdit(str(sdk_dir_setting(settings) or ""))
        self.sdk.setObjectName("sdkDir")
        self.sdk.setAccessibleName("Meeting SDK folder")
        self.sdk.setPlaceholderText("empty: load the Meeting SDK from Zoom's CDN")
        self.browse = QPushButton("&Browse…")
        self.browse.setObjectName("browseSdk")
        self.browse.clicked.connect(self._browse)
        self.sdk_note = self._label(
            "sdkNote",
            "For offline or firewalled computers: the dist folder of an unpacked "
            "@zoom/meetingsdk (npm pack @zoom/meetingsdk). zoomsig never ships the SDK.",
        )
        self.sdk_error = self._label("sdkError", error=True)
        form = QFormLayout()
        base = stack(self.base, self.check_button, across=True)
        field_row(
            form, "Join page &address:", base, self.base_note, self.base_result, buddy=self.base
        )
        sdk = stack(self.sdk, self.browse, across=True)
        field_row(form, "Meeting &SDK folder:", sdk, self.sdk_note, self.sdk_error, buddy=self.sdk)
        self.buttons = save_cancel(self, self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def _label(self, name: str, text: str = "", error: bool = False) -> QLabel:
        label = QLabel(text)
        label.setObjectName(name)
        label.setWordWrap(True)
        if error:
            label.setStyleSheet(f"color:{colours(self).error}")
            label.hide()
        else:
            label.setStyleSheet("color: palette(placeholder-text)")
        return label

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "The Meeting SDK folder", self.sdk.text())
        if folder:
            self.sdk.setText(folder)

    def _show(self, label: QLabel, text: str, bad: bool) -> None:
        c = colours(self)
        label.setText(text)
        label.setStyleSheet(f"color:{c.error if bad else c.ok}")
        label.setVisible(bool(text))

    # --- the address ------------------------------------------------------------------------

    def _checked_base(self) -> str | None:
        """The address as the core keeps it; "" for none; None (and the reason shown) if bad."""
        text = self.base.text().strip()
        if not text:
            return ""
        try:
            return check_base(text)
        except JoinLinkError as exc:
            self._show(self.base_result, str(exc), bad=True)
            return None

    def check(self) -> None:
        base = self._checked_base()
        if not base:
            if base == "":
                self._show(self.base_result, "Give an address to check.", bad=True)
            return
        from zoomsig_gui.core.join.pagecheck import check_page

        self.check_button.setEnabled(False)
        self._show(self.base_result, f"Asking {base}…", bad=False)
        self.workers.run(lambda: check_page(base), self._checked, self._check_failed)

    def _checked(self, result) -> None:
        self.check_button.setEnabled(True)
        self._show(self.base_result, result.summary(), bad=not result.ok)

    def _check_failed(self, exc: Exception) -> None:
        self.check_button.setEnabled(True)
        self._show(self.base_result, str(exc), bad=True)

    # --- saving -------------------------------------------------------------------------------

    def save(self) -> None:
        base = self._checked_base()
        sdk_text = self.sdk.text().strip()
        self.sdk_error.hide()
        sdk_ok = True
        if sdk_text:
            try:
                check_sdk_dir(Path(sdk_text))
            except SdkFolderError as exc:
                self._show(self.sdk_error, str(exc), bad=True)
                sdk_ok = False
        if base is None or not sdk_ok:
            return  # the dialog stays open with the reason next to its field
        try:
            save_base(base or None)
        except JoinLinkError as exc:
            self._show(self.base_result, str(exc), bad=True)
            return
        self._settings.setValue(SDK_DIR_KEY, sdk_text)
        self._settings.sync()
        self.accept()
