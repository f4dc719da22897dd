"""Claims side by side (theirs and ours, theirs and fixed) with the differences marked."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from zoomsig_gui.core.inspection.titles import in_words
from zoomsig_gui.core.support.reproduce import ADDED, REMOVED, DiffRow
from zoomsig_gui.ui.widgets.theme import colours

MARK_WORD = {ADDED: "added", REMOVED: "removed"}


class DiffTable(QTableWidget):
    """Claim rows; a differing row gets a mark, bold text, a tint and a tooltip saying why."""

    def __init__(self, left: str, right: str, parent: QWidget | None = None) -> None:
        super().__init__(0, 5, parent)
        self.setHorizontalHeaderLabels(["", "Claim", left, right, "Why"])
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.verticalHeader().setVisible(False)
        self.setTabKeyNavigation(False)  # Tab leaves the table (arrows move in it)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.setAccessibleName(f"{left} and {right} claims side by side")
        # Room for the header and a few rows, however small the box it sits in.
        self.setMinimumHeight(self.fontMetrics().height() * 9)

    def show_rows(self, rows: Sequence[DiffRow]) -> None:
        """The differing rows first (in their order), then the unchanged ones: what matters
        is in view without scrolling past ``alg`` and ``typ``."""
        rows = sorted(rows, key=lambda row: not row.differs)
        self.setRowCount(0)
        tint = QBrush(QColor(colours(self).warning_bg))
        bold = QFont(self.font())
        bold.setBold(True)
        for row in rows:
            at = self.rowCount()
            self.insertRow(at)
            name = row.claim if row.part == "payload" else f"{row.claim} (header)"
            why = in_words(row.why)  # plain words; the codes follow in the tooltip
            cells = [row.mark, name, row.theirs or "(none)", row.ours or "(none)", why]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                if row.differs:
                    item.setBackground(tint)
                    item.setFont(bold)
                    word = MARK_WORD.get(row.status, "differs")
                    item.setToolTip(f"{row.claim} {word}" + (f": {row.why}" if row.why else ""))
                self.setItem(at, col, item)

    def marked_claims(self) -> list[str]:
        """The claims a user sees marked as different (for tests and accessibility)."""
        return [
            claim.text()
            for r in range(self.rowCount())
            if (mark := self.item(r, 0)) and mark.text() and (claim := self.item(r, 1))
        ]
