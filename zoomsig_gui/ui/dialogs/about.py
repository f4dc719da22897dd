"""The About dialog: what this is and the versions a bug report needs."""

from __future__ import annotations

import platform

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import QMessageBox, QWidget

import zoomsig_gui


def versions_text(keyring_line: str) -> str:
    return (
        f"zoomsig {zoomsig_gui.__version__}\nPython {platform.python_version()}\n"
        f"PySide6 {pyside_version} · Qt {qVersion()}\n{platform.platform()}\n"
        f"Secrets: {keyring_line}"
    )


def show_about(parent: QWidget, keyring_line: str) -> QMessageBox:
    box = QMessageBox(parent)
    box.setObjectName("aboutDialog")
    box.setWindowTitle("About zoomsig")
    box.setIcon(QMessageBox.Icon.Information)
    box.setText("<b>zoomsig</b>: make, inspect and test Zoom Meeting SDK signatures.")
    box.setInformativeText(
        # True with or without a keyring; where the secret is kept is the "Secrets:" line.
        "Tokens are made and checked on this computer; secrets never leave it."
        "\n\n" + versions_text(keyring_line)
    )
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.open()
    return box
