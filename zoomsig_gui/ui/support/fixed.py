"""The fixed token: the smallest change of claims, why each one changed, and the token."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from zoomsig_gui.core.support.fixall import FixResult
from zoomsig_gui.ui.widgets.difftable import DiffTable
from zoomsig_gui.ui.widgets.theme import colours
from zoomsig_gui.ui.widgets.tokenline import TokenLine


class FixedTokenView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.verdict = QLabel()
        self.verdict.setObjectName("fixVerdict")
        self.verdict.setTextFormat(Qt.TextFormat.PlainText)  # shows data
        self.verdict.setWordWrap(True)
        self.table = DiffTable("Theirs", "Fixed")
        self.notes = QLabel()
        self.notes.setObjectName("fixNotes")
        self.notes.setTextFormat(Qt.TextFormat.PlainText)  # shows data
        self.notes.setWordWrap(True)
        self.token = TokenLine("Fixed token")
        layout = QVBoxLayout(self)
        for widget in (self.verdict, self.table, self.notes, self.token):
            layout.addWidget(widget)
        self.clear()

    def clear(self) -> None:
        self.verdict.setText("")
        self.table.setRowCount(0)
        self.notes.clear()
        self.token.set_token("")

    def show_fix(self, result: FixResult) -> None:
        c = colours(self)
        changed = [r.claim for r in result.changes]
        made = "Made anew from what the old signature holds. " if result.fresh else ""
        self.verdict.setStyleSheet(f"color: {c.ok}; font-weight: 600")
        self.verdict.setText(
            f"{made}No error finding: Zoom should accept this token. Changed: "
            f"{', '.join(changed) or 'nothing'}."
        )
        self.table.show_rows(result.rows)
        self.notes.setText("\n".join(result.notes))
        self.notes.setVisible(bool(result.notes))
        self.token.set_token(result.token)

    def show_refusal(self, message: str) -> None:
        """No token could be made: say why, show nothing that looks usable."""
        self.clear()
        self.verdict.setStyleSheet(f"color: {colours(self).error}; font-weight: 600")
        self.verdict.setText(f"No fixed token: {message}")
