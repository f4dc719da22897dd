"""A titled box around a part of a tab (credentials, findings, decoded claims…)."""

from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QVBoxLayout, QWidget


class Box(QGroupBox):
    """A titled box; ``body`` is its layout, where the part (or parts) go."""

    def __init__(self, title: str, widget: QWidget | None, name: str) -> None:
        super().__init__(title)
        self.setObjectName(name)
        self.body = QVBoxLayout(self)
        if widget is not None:
            self.body.addWidget(widget)


def boxed(title: str, widget: QWidget | None, name: str) -> Box:
    return Box(title, widget, name)
