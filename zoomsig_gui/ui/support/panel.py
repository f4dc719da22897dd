"""Support tools for the Inspect tab: theirs vs ours, the fixed token, and the case report.

``show_case`` is handed the pasted text and the chosen credentials (already read from the
keyring off the GUI thread by the caller). Reproducing and fixing are quick, pure
computations; the secret is used for them and not kept.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from zoomsig_gui.core.support.casereport import Case, ClockNote, JoinNote, build_case
from zoomsig_gui.core.support.fixall import FixError, FixResult, fix_all
from zoomsig_gui.core.support.reproduce import ReproduceError, Reproduction, reproduce
from zoomsig_gui.ui.support.compare import ComparisonView
from zoomsig_gui.ui.support.fixed import FixedTokenView
from zoomsig_gui.ui.support.report_dialog import ReportDialog


class SupportPanel(QWidget):
    reproduced = Signal(object)  # Reproduction
    fixed = Signal(object)  # FixResult

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.problem = QLabel()
        self.problem.setObjectName("supportProblem")
        self.problem.setTextFormat(Qt.TextFormat.PlainText)  # shows data
        self.problem.setWordWrap(True)
        self.problem.setVisible(False)
        self.comparison = ComparisonView()
        self.fixed_view = FixedTokenView()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.comparison, "Theirs vs ours")
        self.tabs.addTab(self.fixed_view, "Fixed")
        self.report_button = QPushButton("Case report…")
        self.report_button.setEnabled(False)
        self.report_button.clicked.connect(self.open_report)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.report_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.problem)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(row)
        self.case: Case | None = None
        self.reproduction: Reproduction | None = None
        self.fix: FixResult | None = None
        self.dialog: ReportDialog | None = None

    def show_case(
        self,
        text: str,
        key: str | None,
        secret: str | None,
        now: float,
        their_now: float | None = None,
        sdk_version: str | None = None,
        clock: ClockNote | None = None,
        join: JoinNote | None = None,
    ) -> None:
        """Reproduce and fix when credentials are given; the report needs none."""
        self.case = build_case(
            text,
            secret=secret,
            now=now,
            expected_key=key,
            sdk_version=sdk_version,
            clock=clock,
            join=join,
        )
        self.report_button.setEnabled(bool(text.strip()))
        self.reproduction = self.fix = None
        self.problem.setVisible(False)
        if not key or not secret:
            self.comparison.clear(
                "Pick saved credentials to reproduce this token with your key and secret."
            )
            self.fixed_view.clear()
            return
        try:
            self.reproduction = reproduce(text, key, secret, now=now, their_now=their_now)
        except ReproduceError as exc:
            self._show_problem(str(exc))
            return
        self.comparison.show_reproduction(self.reproduction)
        self.reproduced.emit(self.reproduction)
        try:
            self.fix = fix_all(text, key, secret, now=now, their_now=their_now)
        except FixError as exc:
            self.fixed_view.show_refusal(str(exc))
            return
        self.fixed_view.show_fix(self.fix)
        self.fixed.emit(self.fix)

    def _show_problem(self, message: str) -> None:
        self.problem.setText(message)
        self.problem.setVisible(True)
        self.comparison.clear(message)
        self.fixed_view.clear()

    def open_report(self) -> ReportDialog | None:
        if self.case is None:
            return None
        self.dialog = ReportDialog(self.case, self)
        self.dialog.show()
        return self.dialog
