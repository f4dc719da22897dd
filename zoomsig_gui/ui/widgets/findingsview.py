"""The core's findings with a severity icon, message and fix, under one plain verdict line."""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from zoomsig_gui.ui.widgets.boxes import scrolling
from zoomsig_gui.ui.widgets.qtprops import set_enum
from zoomsig_gui.ui.widgets.theme import colours

if TYPE_CHECKING:
    from zoomsig_gui.core.endpoint.result import EndpointFinding
    from zoomsig_gui.core.inspection.inspector import Inspection
    from zoomsig_gui.core.inspection.rules import Finding

ICON = {
    "error": "SP_MessageBoxCritical",
    "warning": "SP_MessageBoxWarning",
    "info": "SP_MessageBoxInformation",
}  # QStyle.StandardPixmap names, looked up when used
SEVERITY_WORD = {"error": "Problem", "warning": "Warning", "info": "Note"}


class FindingRow(QFrame):
    def __init__(self, item: Finding | EndpointFinding, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.finding = item
        self.setObjectName(f"finding-{item.code}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        from PySide6.QtWidgets import QStyle  # a big type to build: only with the first finding

        icon = QLabel()
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        pixmap = getattr(QStyle.StandardPixmap, ICON[item.severity])
        icon.setPixmap(self.style().standardIcon(pixmap).pixmap(size, size))
        set_enum(icon, "alignment", "AlignTop")
        icon.setAccessibleName(SEVERITY_WORD[item.severity])
        c = colours(self)
        tint = {"error": c.error, "warning": c.warning, "info": c.info}[item.severity]
        details = [item.code]
        of = getattr(item, "of", None)  # a finding across an endpoint's answers
        if of:
            details.append(f"in {getattr(item, 'count', 0)} of {of} answers")
        if item.claim:
            details.append(f"claim {item.claim}")
        if item.sdk_error:
            details.append(f"Zoom error {item.sdk_error}")
        text = QLabel(
            f'<span style="color:{tint}; font-weight:600">{SEVERITY_WORD[item.severity]}:</span> '
            f"{html.escape(item.message)}<br><b>What to do:</b> {html.escape(item.fix)}"
            f'<br><small style="color:{c.dots}">{html.escape(" · ".join(details))}</small>'
        )
        set_enum(text, "textFormat", "RichText")  # built from escaped text only
        text.setWordWrap(True)
        set_enum(text, "textInteractionFlags", "TextSelectableByMouse")
        text.setAccessibleName(f"{SEVERITY_WORD[item.severity]}: {item.message}")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(icon)
        layout.addWidget(text, 1)


class FindingsView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.verdict = QLabel()
        self.verdict.setObjectName("verdict")
        self.verdict.setWordWrap(True)
        self.verdict.setAccessibleName("Verdict")
        # Always rich text: its texts are HTML-escaped, and one without a tag would otherwise
        # be shown as plain text, quotes as &quot;.
        set_enum(self.verdict, "textFormat", "RichText")
        self._rows = QWidget()
        self._rows_layout = QVBoxLayout(self._rows)
        self._rows_layout.setContentsMargins(0, 0, 0, 0)
        self._rows_layout.addStretch(1)
        self._scroll = scrolling(self._rows)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.verdict)
        layout.addWidget(self._scroll, 1)
        layout.addStretch(0)
        self.state = "empty"
        self.show_inspection(None, "")

    def rows(self) -> list[FindingRow]:
        return self._rows.findChildren(FindingRow)

    def codes(self) -> list[str]:
        return [row.finding.code for row in self.rows()]

    def _clear(self) -> None:
        for row in self.rows():
            self._rows_layout.removeWidget(row)
            row.deleteLater()
            row.setParent(None)

    def show_inspection(self, inspection: Inspection | None, empty_text: str) -> None:
        self._clear()
        c = colours(self)
        if inspection is None:
            self.state = "empty"
            self.verdict.setText(html.escape(empty_text))
            self.verdict.setStyleSheet(
                f"padding:8px; background:{c.neutral_bg};color:{c.banner_text}; border-radius:4px"
            )
            self._scroll.hide()
            return
        from zoomsig_gui.core.inspection.verdict import verdict  # with the first token

        self.show_findings(inspection.findings, *verdict(inspection))

    def show_findings(
        self, findings: Sequence[Finding | EndpointFinding], state: str, sentence: str
    ) -> None:
        """Findings under a verdict sentence (``state`` ok or error); also the endpoint check's
        findings across answers, which carry a count."""
        self._clear()
        c = colours(self)
        self.state = state
        bg = c.ok_bg if state == "ok" else c.error_bg
        self.verdict.setText(f"<b>{html.escape(sentence)}</b>")
        self.verdict.setStyleSheet(
            f"padding:8px; background:{bg}; color:{c.banner_text};border-radius:4px"
        )
        for item in findings:
            self._rows_layout.insertWidget(self._rows_layout.count() - 1, FindingRow(item))
        self._scroll.setVisible(bool(findings))
