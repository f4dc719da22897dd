"""Support tools for the Inspect tab: theirs vs ours, the fixed token, and the case report.

Two jobs, kept apart: the signature is checked with the secret it was made with (the
customer's, chosen on the Inspect tab), and the token is re-made with our own credentials
(chosen here, in "Reproduce with"). ``show_case`` is handed both, already read from the
keyring off the GUI thread by the caller. Reproducing and fixing are quick, pure
computations; the secrets are used for them and not kept.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from zoomsig_gui.core.support.casereport import Case, ClockNote, JoinNote, build_case
from zoomsig_gui.core.support.fixall import FixError, FixResult, fix_all
from zoomsig_gui.core.support.reproduce import ReproduceError, Reproduction, reproduce
from zoomsig_gui.ui.support.compare import ComparisonView
from zoomsig_gui.ui.support.fixed import FixedTokenView
from zoomsig_gui.ui.support.report_dialog import ReportDialog
from zoomsig_gui.ui.widgets.boxes import bar_is_the_stop, scrolling

NO_PICK = "Choose our saved credentials…"


class SupportPanel(QWidget):
    reproduced = Signal(object)  # Reproduction
    fixed = Signal(object)  # FixResult
    ours_picked = Signal(str)  # the saved credentials to re-make the token with ("" none)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ours = QComboBox()
        self.ours.setObjectName("reproduceWith")
        self.ours.setAccessibleName("Re-make the token with these saved credentials of ours")
        self.ours.setToolTip(
            "Their claims, signed with our key and secret: shows what differs and gives a "
            "fixed token. Their signature is never checked with our secret."
        )
        self.ours.currentIndexChanged.connect(
            lambda _i: self.ours_picked.emit(self.ours.currentData() or "")
        )
        self.set_names([])
        pick = QHBoxLayout()
        label = QLabel("Reproduce &with:")
        label.setBuddy(self.ours)
        pick.addWidget(label)
        pick.addWidget(self.ours, 1)
        self.problem = QLabel()
        self.problem.setObjectName("supportProblem")
        self.problem.setTextFormat(Qt.TextFormat.PlainText)  # shows data
        self.problem.setWordWrap(True)
        self.problem.setVisible(False)
        self.comparison = ComparisonView()
        self.fixed_view = FixedTokenView()
        self.tabs = QTabWidget()
        # Each page scrolls when the box is short (a laptop screen): its lines never overlap.
        self.tabs.addTab(scrolling(self.comparison), "Theirs vs ours")
        self.tabs.addTab(scrolling(self.fixed_view), "Fixed")
        bar_is_the_stop(self.tabs)
        self.report_button = QPushButton("Case report…")
        self.report_button.setEnabled(False)
        self.report_button.clicked.connect(self.open_report)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.report_button)
        layout = QVBoxLayout(self)
        layout.addLayout(pick)
        layout.addWidget(self.problem)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(row)
        self.case: Case | None = None
        self.reproduction: Reproduction | None = None
        self.fix: FixResult | None = None
        self.dialog: ReportDialog | None = None

    def set_names(self, names: list[str]) -> None:
        """Our saved credentials to choose from; the choice stays when it still exists."""
        current = self.ours.currentData() or ""
        self.ours.blockSignals(True)
        self.ours.clear()
        self.ours.addItem(NO_PICK, "")
        for name in names:
            self.ours.addItem(name, name)
        self.ours.setCurrentIndex(max(self.ours.findData(current), 0))
        self.ours.blockSignals(False)

    def ours_name(self) -> str:
        return self.ours.currentData() or ""

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
        check: tuple[str | None, str | None, str] = (None, None, ""),
    ) -> None:
        """Reproduce and fix with our ``key`` and ``secret`` when given; ``check`` is the
        (secret, key, whose) the signature is checked with, ``whose`` in the report's words
        (THEIR_SECRET, saved_credentials(name)), all None/"" for no check. The report
        needs neither."""
        check_secret, check_key, checked_with = check
        self.case = build_case(
            text,
            secret=check_secret,
            now=now,
            expected_key=check_key,
            sdk_version=sdk_version,
            clock=clock,
            join=join,
            checked_with=checked_with,
            reproduced_with=self.ours_name() if key and secret else "",
        )
        self.report_button.setEnabled(bool(text.strip()))
        self.reproduction = self.fix = None
        self.problem.setVisible(False)
        if not key or not secret:
            self.comparison.clear(
                "Choose our saved credentials in “Reproduce with” to re-make this token with "
                "our key and secret."
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
