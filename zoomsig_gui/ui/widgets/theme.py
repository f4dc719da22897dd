"""Colours that read well on both light and dark palettes, chosen from the widget's palette."""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QWidget


class Colours(NamedTuple):  # immutable; a NamedTuple is made ~10x faster than a dataclass
    header: str  # the token's three parts, as jwt.io colours them
    payload: str
    signature: str
    dots: str
    error: str
    warning: str
    ok: str
    info: str
    # banner backgrounds and their text
    ok_bg: str
    warning_bg: str
    error_bg: str
    neutral_bg: str
    banner_text: str


LIGHT = Colours(
    header="#d1004a",
    payload="#8a1fb0",
    signature="#0078a8",
    dots="#444444",
    error="#b00020",
    warning="#8a5a00",
    ok="#1b6e2a",
    info="#245a9c",
    ok_bg="#e3f4e6",
    warning_bg="#fff3c4",
    error_bg="#fde0e0",
    neutral_bg="#eceff3",
    banner_text="#1d1d1d",
)
DARK = Colours(
    header="#ff5c8d",
    payload="#d38cff",
    signature="#4fd2ff",
    dots="#bbbbbb",
    error="#ff7b7b",
    warning="#ffcc4d",
    ok="#6fdc8c",
    info="#8ab8ff",
    ok_bg="#1e3a26",
    warning_bg="#4a3c0c",
    error_bg="#4d1c1f",
    neutral_bg="#2c3036",
    banner_text="#f0f0f0",
)


def is_dark(widget: QWidget) -> bool:
    return widget.palette().color(QPalette.ColorRole.Window).lightness() < 128


def colours(widget: QWidget) -> Colours:
    return DARK if is_dark(widget) else LIGHT
