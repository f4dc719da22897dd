"""Small layout helpers the forms and dialogs share."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QVBoxLayout, QWidget


def stack(*widgets: QWidget, across: bool = False) -> QWidget:
    """The widgets in one column (or one row with ``across``), without margins."""
    box = QWidget()
    layout = QHBoxLayout(box) if across else QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    if not across:
        layout.setSpacing(2)
    for widget in widgets:
        layout.addWidget(widget)
    return box


def save_cancel(dialog: QDialog, on_save: Callable[[], None]) -> QDialogButtonBox:
    """Save and Cancel; Save calls ``on_save`` (which accepts when it is done)."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.accepted.connect(on_save)
    buttons.rejected.connect(dialog.reject)
    return buttons
