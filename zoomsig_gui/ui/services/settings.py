"""What the window remembers between runs, with QSettings: geometry and choices only.

Never a secret, a token, a passcode or a pasted invitation: only the keys written here.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

ORG = "zoomsig"
APP = "zoomsig"
SDK_DIR_KEY = "join/sdk_dir"  # the join view's Meeting SDK folder (the CLI's --sdk-dir)


def open_settings() -> QSettings:
    """The user's settings file (an INI file in the platform's config folder)."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORG, APP)


def read_group(settings: QSettings, group: str) -> dict[str, object]:
    settings.beginGroup(group)
    try:
        return {key: settings.value(key) for key in settings.childKeys()}
    finally:
        settings.endGroup()


def write_group(settings: QSettings, group: str, values: dict[str, object]) -> None:
    settings.beginGroup(group)
    try:
        for key, value in values.items():
            settings.setValue(key, value)
    finally:
        settings.endGroup()


def sdk_dir_setting(settings: QSettings) -> Path | None:
    """The remembered Meeting SDK folder; None: the join page loads it from Zoom's CDN."""
    value = str(settings.value(SDK_DIR_KEY, "") or "")
    return Path(value) if value else None
