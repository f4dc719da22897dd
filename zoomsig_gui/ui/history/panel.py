"""History panel: setups made or inspected, one click to restore one into the form, Clear.

It shows what ``core.history`` keeps (never tokens, passcodes or secrets) and says so when
the history file had to be set aside.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from zoomsig_gui.core.inspection.claims import ROLE_NAMES
from zoomsig_gui.core.inspection.titles import in_words
from zoomsig_gui.core.store.history import History, HistoryEntry, HistoryError
from zoomsig_gui.core.timefmt import when_text
from zoomsig_gui.ui.widgets.boxes import confirm

# The first column holds each row's Restore button: one click puts a setup back.
COLUMNS = ("", "When", "What", "Profile", "Meeting", "Role", "Expires", "Findings")


def _ask_clear(parent: QWidget) -> bool:
    return confirm(
        parent, "Clear history", "Remove every entry from the history? This cannot be undone."
    )


class HistoryPanel(QWidget):
    restoreRequested = Signal(object)  # core.store.history.Setup

    def __init__(
        self,
        history: History | None = None,
        parent: QWidget | None = None,
        confirm_clear: Callable[[QWidget], bool] = _ask_clear,
    ) -> None:
        super().__init__(parent)
        self.history = history or History()
        self._confirm_clear = confirm_clear
        self.entries: list[HistoryEntry] = []
        self.notice = QLabel()
        self.notice.setObjectName("historyNotice")
        self.notice.setTextFormat(Qt.TextFormat.PlainText)  # shows data
        self.notice.setWordWrap(True)
        self.notice.setVisible(False)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table (arrows move in it)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAccessibleName("History of setups")
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.cellDoubleClicked.connect(lambda row, _col: self.restore(row))
        self.empty = QLabel(
            "Nothing yet: setups you make or inspect appear here (without "
            "tokens, passcodes or secrets)."
        )
        self.empty.setWordWrap(True)
        self.restore_button = QPushButton("Restore into the form")
        self.restore_button.setEnabled(False)
        self.restore_button.clicked.connect(lambda: self.restore(self.table.currentRow()))
        self.clear_button = QPushButton("Clear")
        self.clear_button.clicked.connect(self.clear)
        buttons = QHBoxLayout()
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        buttons.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.notice)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.refresh()

    def _say(self, messages: list[str]) -> None:
        if messages:
            self.notice.setText("\n".join(messages))
            self.notice.setVisible(True)

    def refresh(self) -> None:
        self.entries = self.history.entries()
        self._say(self.history.pop_notices())
        self._show()

    def record(self, entry: HistoryEntry) -> None:
        try:
            self.entries = self.history.add(entry)
        except HistoryError as exc:
            self._say([str(exc)])
            return
        self._say(self.history.pop_notices())
        self._show()

    def clear(self) -> None:
        if not self.entries or not self._confirm_clear(self):
            return
        try:
            self.history.clear()
        except HistoryError as exc:
            self._say([str(exc)])
            return
        self.entries = []
        self._show()

    def restore(self, row: int) -> None:
        if 0 <= row < len(self.entries):
            self.restoreRequested.emit(self.entries[row].setup())

    def _selection_changed(self) -> None:
        self.restore_button.setEnabled(self.table.currentRow() >= 0 and bool(self.entries))

    def _show(self) -> None:
        self.table.setRowCount(0)
        for entry in self.entries:
            at = self.table.rowCount()
            self.table.insertRow(at)
            name = ROLE_NAMES.get(entry.role, "?") if entry.role is not None else ""
            role = "" if entry.role is None else f"{entry.role} ({name})"
            cells = (
                when_text(entry.when),
                entry.action,
                entry.profile or "",
                entry.meeting_number or ("native" if entry.role is None else ""),
                role,
                when_text(entry.expires_at) if entry.expires_at else "",
                in_words(entry.summary),  # plain words; the codes stay in the file
            )
            button = QPushButton("Restore")
            button.setAccessibleName(f"Restore the setup of {when_text(entry.when)}")
            button.clicked.connect(lambda _=False, row=at: self.restore(row))
            self.table.setCellWidget(at, 0, button)
            for col, text in enumerate(cells, start=1):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                self.table.setItem(at, col, item)
            findings = self.table.item(at, len(cells))
            if entry.codes and findings is not None:  # the technical names, for QA
                findings.setToolTip("Codes: " + ", ".join(entry.codes))
        self.empty.setVisible(not self.entries)
        self.clear_button.setEnabled(bool(self.entries))
        self.restore_button.setEnabled(False)
