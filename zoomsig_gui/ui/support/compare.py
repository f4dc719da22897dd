"""Theirs vs ours: claims side by side with the differences marked, and our token to copy."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QLabel,
    QVBoxLayout,
    QWidget,
)

from zoomsig_gui.core.support.reproduce import Reproduction, shape_codes
from zoomsig_gui.ui.widgets.difftable import DiffTable
from zoomsig_gui.ui.widgets.tokenline import TokenLine


class ComparisonView(QWidget):
    """What `zoomsig reproduce` prints, in the window."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel()
        self.summary.setObjectName("comparisonSummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)  # shows data
        self.summary.setWordWrap(True)
        self.table = DiffTable("Theirs", "Ours")
        self.findings = QLabel()
        self.findings.setObjectName("comparisonFindings")
        self.findings.setTextFormat(Qt.TextFormat.PlainText)  # shows data
        self.findings.setWordWrap(True)
        self.notes = QLabel()
        self.notes.setObjectName("comparisonNotes")
        self.notes.setTextFormat(Qt.TextFormat.PlainText)  # shows data
        self.notes.setWordWrap(True)
        self.token = TokenLine("Our token")
        layout = QVBoxLayout(self)
        for widget in (self.summary, self.table, self.findings, self.notes, self.token):
            layout.addWidget(widget)
        self.clear()

    def clear(self, message: str = "") -> None:
        self.summary.setText(
            message or "Paste a customer's token to reproduce it with your credentials."
        )
        self.table.setRowCount(0)
        self.findings.clear()
        self.notes.clear()
        self.token.set_token("")

    def show_reproduction(self, repro: Reproduction) -> None:
        differ = [r.claim for r in repro.rows if r.differs]
        self.summary.setText(
            f"Same claim shape as theirs, signed with your credentials. {len(differ)} claim"
            f"{' differs' if len(differ) == 1 else 's differ'} (marked ≠, + added, − removed)"
            + (f": {', '.join(differ)}." if differ else ".")
        )
        self.table.show_rows(repro.rows)
        theirs = shape_codes(repro.theirs)
        ours = shape_codes(repro.ours)
        same = " (the same)" if theirs == ours else ""
        signed = (
            "Ours is signed with your secret (checked). "
            if repro.ours.signature_valid is True
            else ""
        )
        # Whose secret signed theirs is a separate question (the findings list above answers
        # it); here only the claims are compared, and the line says so.
        self.findings.setText(
            f"{signed}Findings about the claims (the signature aside), "
            f"theirs: {', '.join(theirs) or 'none'}. "
            f"Ours: {', '.join(ours) or 'none'}{same}."
        )
        self.notes.setText("\n".join(repro.notes))
        self.notes.setVisible(bool(repro.notes))
        self.token.set_token(repro.token)
