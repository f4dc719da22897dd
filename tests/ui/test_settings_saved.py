"""Choices are saved as they change, so a crash or a kill of the process keeps them."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from tests.helpers.keyrings import MemoryKeyring


def test_choices_reach_the_settings_file_without_closing(make_window, qtbot, settings_path):
    window = make_window(MemoryKeyring())
    qtbot.waitUntil(window.make.is_built, timeout=10_000)
    window.make.form.name.setText("Zoë Support")
    window.tabs.setCurrentIndex(1)

    def on_disk() -> tuple[object, object]:
        stored = QSettings(str(settings_path), QSettings.Format.IniFormat)  # another reader
        return stored.value("form/display_name"), stored.value("window/tab")

    qtbot.waitUntil(lambda: on_disk() == ("Zoë Support", 1), timeout=5_000)
