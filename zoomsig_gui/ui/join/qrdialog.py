"""The test link as a QR code (made by the core with segno), for a tester's phone."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from zoomsig_gui.core.join.link import JoinLinkError
from zoomsig_gui.core.join.qr import qr_png


class QrDialog(QDialog):
    def __init__(self, link: str, notice: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Test link as a QR code")
        self.setObjectName("qrDialog")
        self.code = QLabel()
        self.code.setObjectName("qrCode")
        self.code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        try:
            pixmap = QPixmap()
            pixmap.loadFromData(qr_png(link), "PNG")
            self.code.setPixmap(pixmap)
            self.code.setAccessibleName("QR code of the test link")
        except JoinLinkError as exc:
            self.code.setText(str(exc))
        self.notice = QLabel(notice + " The code carries the same live signature as the link.")
        self.notice.setObjectName("qrNotice")
        self.notice.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.code)
        layout.addWidget(self.notice)
        layout.addWidget(buttons)
