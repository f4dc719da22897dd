"""Decoded header and payload as tables (claim · value · reading · meaning) or as raw JSON."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from zoomsig_gui.ui.widgets.deferred import DeferredPart
from zoomsig_gui.ui.widgets.qtprops import set_enum

if TYPE_CHECKING:
    from zoomsig_gui.core.inspection.inspector import Inspection

COLUMNS = ("Claim", "Value", "Reading", "Meaning")
# The Meaning column keeps room for a short phrase on a line; the Reading column (the
# longest texts: dates with "if read as milliseconds") wraps first when space is tight.
MEANING_MIN_CHARS = 24
READING_MIN_CHARS = 12


class ClaimTable(QTableWidget):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(0, len(COLUMNS), parent)
        self.setObjectName(f"{title.lower()}Table")
        self.setAccessibleName(f"Decoded {title.lower()}")
        self.setHorizontalHeaderLabels(COLUMNS)
        self.setTabKeyNavigation(False)  # Tab leaves the table (arrows move in it)
        self.verticalHeader().hide()
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setWordWrap(True)
        self.setTabKeyNavigation(False)
        set_enum(self, "verticalScrollBarPolicy", "ScrollBarAlwaysOff")
        head = self.horizontalHeader()
        for col in range(2):
            head.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)  # set by _fit_reading
        head.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(0)
        self._fit_timer.timeout.connect(self._fit_rows)
        head.sectionResized.connect(self._meaning_resized)

    def show_claims(self, claims: dict | None, now: float, kind: str | None = None) -> None:
        if claims is None and self.rowCount() == 0:
            return  # nothing to show, nothing shown: the empty start-up case
        from zoomsig_gui.core.inspection.claims import claim_rows

        rows = claim_rows(claims, now, kind)
        self.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, text in enumerate((row.name, row.value, row.reading, row.meaning)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.setItem(r, c, item)
        self._fit_reading()
        self._fit_rows()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_reading()

    def _fit_reading(self) -> None:
        """The Reading column as wide as its text, but never so wide that Meaning is squeezed
        to a word a line (rows many lines tall in a half-width Inspect pane)."""
        if not self.rowCount():
            return
        head = self.horizontalHeader()
        chars = self.fontMetrics().averageCharWidth()
        room = self.viewport().width() - head.sectionSize(0) - head.sectionSize(1)
        want = self.sizeHintForColumn(2)
        width = max(READING_MIN_CHARS * chars, min(want, room - MEANING_MIN_CHARS * chars))
        if head.sectionSize(2) != width:
            self.setColumnWidth(2, width)
            self._fit_timer.start()

    def _fit_rows(self) -> None:
        """Rows as tall as their wrapped text; the table as tall as its rows (no scrolling)."""
        self.resizeRowsToContents()
        height = self.horizontalHeader().height() + 2 * self.frameWidth()
        height += sum(self.rowHeight(r) for r in range(self.rowCount()))
        self.setFixedHeight(max(height, 40))

    def _meaning_resized(self, index: int, _old: int, _new: int) -> None:
        if index in (2, 3) and self.rowCount():
            self._fit_timer.start()  # its text wraps anew; once, after the header settles

    def row_values(self) -> dict[str, tuple[str, str, str]]:
        """{claim: (value, reading, meaning)}: what a person sees, for tests and screen readers."""
        out = {}
        for r in range(self.rowCount()):
            cells = [item.text() if (item := self.item(r, c)) else "" for c in range(4)]
            out[cells[0]] = (cells[1], cells[2], cells[3])
        return out


class DecodedView(QWidget):
    """The tables and the raw JSON are built with the first token shown: the window's first
    paint has none to show."""

    header_table: DeferredPart[ClaimTable] = DeferredPart()
    payload_table: DeferredPart[ClaimTable] = DeferredPart()
    raw: DeferredPart[QPlainTextEdit] = DeferredPart()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._inspection: Inspection | None = None
        self._built = False
        self.raw_toggle = QCheckBox("Show raw &JSON")
        self.raw_toggle.setObjectName("rawJson")
        self.raw_toggle.setAccessibleName("Show the decoded header and payload as raw JSON")
        self.raw_toggle.toggled.connect(self._switch)
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)  # shows data
        self.summary.setObjectName("decodedSummary")
        self.summary.setWordWrap(True)
        self.stack = QStackedWidget()
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.raw_toggle)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.stack)

    def build(self) -> None:
        if self._built:
            return
        self._built = True
        self._header_table = ClaimTable("Header")
        self._payload_table = ClaimTable("Payload")
        self._raw = QPlainTextEdit()
        self._raw.setReadOnly(True)
        self._raw.setObjectName("rawJsonText")
        self._raw.setAccessibleName("Decoded token as JSON")
        self._raw.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self._raw.setTabChangesFocus(True)
        tables = QWidget()
        tl = QVBoxLayout(tables)
        tl.setContentsMargins(0, 0, 0, 0)
        self.header_label = QLabel("<b>Header</b>")
        self.payload_label = QLabel("<b>Payload</b>")
        for title in (self.header_label, self.payload_label):
            title.setTextFormat(Qt.TextFormat.RichText)
        for widget in (
            self.header_label,
            self._header_table,
            self.payload_label,
            self._payload_table,
        ):
            tl.addWidget(widget)
            widget.hide()  # until there are claims to show
        tl.addStretch(1)
        self.stack.addWidget(tables)
        self.stack.addWidget(self._raw)
        self._switch(self.raw_toggle.isChecked())

    def show_inspection(self, inspection: Inspection | None, summary: str = "") -> None:
        self._inspection = inspection
        self.summary.setText(summary)
        if inspection is None and not self._built:
            return  # nothing shown yet, nothing to clear
        header = inspection.header if inspection else None
        payload = inspection.payload if inspection else None
        now = inspection.now if inspection else 0
        kind = inspection.kind if inspection else None
        self.header_table.show_claims(header, now, kind)
        self.payload_table.show_claims(payload, now, kind)
        self.header_label.setVisible(header is not None)
        self.header_table.setVisible(header is not None)
        self.payload_label.setVisible(payload is not None)
        self.payload_table.setVisible(payload is not None)
        if inspection is None or (header is None and payload is None):
            self.raw.setPlainText("")
        else:
            import json  # not needed for the first paint

            self.raw.setPlainText(
                json.dumps({"header": header, "payload": payload}, indent=2, ensure_ascii=False)
            )

    def refresh_readings(self, now: float) -> None:
        """Keep "in 1 h 59 min" true while the token sits on screen."""
        if self._inspection is not None:
            kind = self._inspection.kind
            self.header_table.show_claims(self._inspection.header, now, kind)
            self.payload_table.show_claims(self._inspection.payload, now, kind)

    def _switch(self, raw: bool) -> None:
        if self._built:
            self.stack.setCurrentIndex(1 if raw else 0)
