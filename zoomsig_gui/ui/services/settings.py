"""What the window remembers between runs, with QSettings: geometry and choices only.

Never a secret, a token, a passcode or a pasted invitation: only the keys written here.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

ORG = "zoomsig"
APP = "zoomsig"


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
