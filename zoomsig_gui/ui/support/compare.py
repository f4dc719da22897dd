"""Theirs vs ours: claims side by side with the differences marked, and our token to copy."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from zoomsig_gui.core.inspection.titles import in_words
from zoomsig_gui.core.support.reproduce import ADDED, REMOVED, SIGNER_CODES, DiffRow, Reproduction
from zoomsig_gui.ui.widgets.theme import colours

MARK = {ADDED: "+", REMOVED: "−"}
MARK_WORD = {ADDED: "added", REMOVED: "removed"}


def mark_of(row: DiffRow) -> str:
    return MARK.get(row.status, "≠") if row.differs else ""


class DiffTable(QTableWidget):
    """Claim rows; a differing row gets a mark, bold text, a tint and a tooltip saying why."""

    def __init__(self, left: str, right: str, parent: QWidget | None = None) -> None:
        super().__init__(0, 5, parent)
        self.setHorizontalHeaderLabels(["", "Claim", left, right, "Why"])
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.setAccessibleName(f"{left} and {right} claims side by side")

    def show_rows(self, rows: Sequence[DiffRow]) -> None:
        self.setRowCount(0)
        tint = QBrush(QColor(colours(self).warning_bg))
        bold = QFont(self.font())
        bold.setBold(True)
        for row in rows:
            at = self.rowCount()
            self.insertRow(at)
            name = row.claim if row.part == "payload" else f"{row.claim} (header)"
            why = in_words(row.why)  # plain words; the codes follow in the tooltip
            cells = [mark_of(row), name, row.theirs or "(none)", row.ours or "(none)", why]
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


class TokenLine(QWidget):
    """A read-only token with a Copy button."""

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = QLineEdit()
        self.field.setReadOnly(True)
        self.field.setAccessibleName(label)
        self.copy_button = QPushButton("Copy")
        self.copy_button.setEnabled(False)
        self.copy_button.clicked.connect(self._copy)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(label))
        layout.addWidget(self.field, 1)
        layout.addWidget(self.copy_button)

    def set_token(self, token: str) -> None:
        self.field.setText(token)
        self.field.setCursorPosition(0)
        self.copy_button.setEnabled(bool(token))

    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(self.field.text())


class ComparisonView(QWidget):
    """What `zoomsig reproduce` prints, in the window."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel()
        self.summary.setObjectName("comparisonSummary")
        self.summary.setWordWrap(True)
        self.table = DiffTable("Theirs", "Ours")
        self.findings = QLabel()
        self.findings.setObjectName("comparisonFindings")
        self.findings.setWordWrap(True)
        self.notes = QLabel()
        self.notes.setObjectName("comparisonNotes")
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
        theirs = [c for c in repro.theirs.codes() if c not in SIGNER_CODES]
        ours = [c for c in repro.ours.codes() if c not in SIGNER_CODES]
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
