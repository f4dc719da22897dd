"""Case report dialog: preview in Markdown or JSON, an opt-in for the full token, Copy and Save.

The dialog gets a core ``Case`` that holds no secret; ticking the box only changes whether
the already-decoded token is rendered, and the label says what that exposes.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from zoomsig_gui.core.support.casereport import Case, exposure_text, render

FORMATS = (("Markdown (for a ticket)", "md"), ("JSON", "json"))


class ReportDialog(QDialog):
    def __init__(self, case: Case, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Case report")
        self.case = case
        self.format = QComboBox()
        for label, fmt in FORMATS:
            self.format.addItem(label, fmt)
        self.format.setAccessibleName("Report format")
        self.include_token = QCheckBox("Include the full token")
        self.exposure = QLabel()
        self.exposure.setObjectName("tokenExposure")
        self.exposure.setTextFormat(Qt.TextFormat.PlainText)  # shows data
        self.exposure.setWordWrap(True)
        self.include_token.setEnabled(bool(case.inspection.token))
        self.preview = QPlainTextEdit()
        self.preview.setObjectName("reportPreview")
        self.preview.setReadOnly(True)
        self.preview.setAccessibleName("Report preview")
        self.status = QLabel()
        self.status.setObjectName("reportStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # shows data
        self.status.setWordWrap(True)
        self.copy_button = QPushButton("Copy")
        self.save_button = QPushButton("Save…")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(QLabel("Format:"))
        row.addWidget(self.format)
        row.addStretch(1)
        actions = QHBoxLayout()
        actions.addWidget(self.copy_button)
        actions.addWidget(self.save_button)
        actions.addStretch(1)
        actions.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.include_token)
        layout.addWidget(self.exposure)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.status)
        layout.addLayout(actions)
        self.format.currentIndexChanged.connect(self._refresh)
        self.include_token.toggled.connect(self._refresh)
        self.copy_button.clicked.connect(self.copy)
        self.save_button.clicked.connect(self._ask_and_save)
        self.resize(720, 560)
        self._refresh()

    def fmt(self) -> str:
        return str(self.format.currentData())

    def text(self) -> str:
        return render(self.case, self.fmt(), include_token=self.include_token.isChecked())

    def _refresh(self) -> None:
        # The note follows the box: it must not say the token is in the report when it is not.
        if not self.case.inspection.token:
            self.exposure.setText("There is no token in the input to include.")
        else:
            self.exposure.setText(exposure_text(self.case, self.include_token.isChecked()))
        self.preview.setPlainText(self.text())
        self.status.clear()

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text())
        extra = " It includes the full token." if self.include_token.isChecked() else ""
        self.status.setText(f"Copied to the clipboard.{extra}")

    def _ask_and_save(self) -> None:
        suffix = ".md" if self.fmt() == "md" else ".json"
        name, _ = QFileDialog.getSaveFileName(
            self,
            "Save case report",
            str(Path.home() / f"zoomsig-case{suffix}"),
            "Markdown (*.md)" if suffix == ".md" else "JSON (*.json)",
        )
        if name:
            self.save_to(Path(name))

    def save_to(self, path: Path) -> bool:
        try:
            path.write_text(self.text(), encoding="utf-8")
        except OSError as exc:
            self.status.setText(
                f"Could not save to {path}: {exc.strerror or exc}. Nothing "
                "was lost; try another folder."
            )
            return False
        self.status.setText(f"Saved to {path}.")
        return True
