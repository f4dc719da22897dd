"""A titled box around a part of a tab (credentials, findings, decoded claims…)."""

from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QVBoxLayout, QWidget


def boxed(title: str, widget: QWidget | None, name: str) -> QGroupBox:
    box = QGroupBox(title, objectName=name)
    layout = QVBoxLayout(box)
    if widget is not None:
        layout.addWidget(widget)
    return box
