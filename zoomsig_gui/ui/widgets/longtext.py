"""A paste field that stays quick when a customer sends megabytes.

Qt lays out a whole line at once: one 1 MB line without spaces took tens of seconds with word
wrap and still about a second per megabyte without. So the field wraps anywhere and, for a
paste longer than ``SHOWN`` characters, shows only its start with a note; ``text()`` gives
what the inspector searches (the first ``MAX_SEARCH`` characters, all it ever reads).
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QTextOption
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from zoomsig_gui.core.inspection.paste import MAX_SEARCH

SHOWN = 5_000  # about 20 ms of layout on this machine; a signature is a few hundred


class LongTextEdit(QPlainTextEdit):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAnywhere)
        self._held: str | None = None  # the long paste, while the field shows its start
        self._holding = False
        self.textChanged.connect(self._edited)

    def text(self) -> str:
        """The text to work on: the held paste, or what the field shows."""
        return self._held if self._held is not None else self.toPlainText()

    def held_length(self) -> int | None:
        return None if self._held is None else self._length

    def setPlainText(self, text: str) -> None:
        if len(text) <= SHOWN:
            self._held = None
            super().setPlainText(text)
            return
        self._held, self._length = text[: MAX_SEARCH + 1], len(text)
        self._holding = True
        try:
            super().setPlainText(
                text[:SHOWN] + f"\n\n[… and {len(text) - SHOWN:,} more characters, not shown "
                "here. Clear the field to paste something else.]"
            )
        finally:
            self._holding = False

    def insertFromMimeData(self, source: QMimeData) -> None:
        text = source.text() if source.hasText() else ""
        if len(text) > SHOWN:  # a long paste replaces the field, as pasting a token does
            self.setPlainText(text)
            return
        super().insertFromMimeData(source)

    def _edited(self) -> None:
        if not self._holding:
            self._held = None  # typing in the shown start makes that the text
