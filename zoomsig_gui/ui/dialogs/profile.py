"""Add or edit a profile: name, kind, key, a masked secret with a show toggle, notes.

The dialog stays open on a failure (nothing typed is lost) and shows the vault's message.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from zoomsig_gui.core.vault.hygiene import DEFAULT_KIND, KINDS, form_notes
from zoomsig_gui.ui.services.vault_client import Profiles
from zoomsig_gui.ui.widgets.boxes import field_row, save_cancel
from zoomsig_gui.ui.widgets.secretedit import SecretEdit
from zoomsig_gui.ui.widgets.theme import colours


class ProfileDialog(QDialog):
    saved = Signal(str, list)  # profile name, notices

    def __init__(
        self, profiles: Profiles, original: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._profiles = profiles
        self._original = original
        self._tried = False  # Save pressed once: empty required fields are said too
        view = profiles.view(original) if original else None
        self.setWindowTitle("Edit credentials" if original else "Add credentials")
        self.setObjectName("profileDialog")
        self.setMinimumWidth(480)
        self.name = QLineEdit()
        self.name.setObjectName("profileName")
        self.name.setMaxLength(256)  # a 32,767-character paste stalls the layout
        self.name.setAccessibleName("Profile name")
        self.name.setPlaceholderText("e.g. Staging app")
        self.kind = QComboBox()
        self.kind.setObjectName("profileKind")
        self.kind.setAccessibleName("Kind of credentials")
        for kind, label in KINDS.items():
            self.kind.addItem(label, kind)
        self.key = QLineEdit()
        self.key.setObjectName("profileKey")
        self.key.setMaxLength(256)  # a 32,767-character paste stalls the layout
        self.key.setAccessibleName("Client ID or SDK key")
        self.key.setPlaceholderText("Client ID from the App Marketplace")
        self.secret = SecretEdit()
        self.secret.setObjectName("profileSecret")
        self.secret.setAccessibleName("Client secret or SDK secret")
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("profileNotes")
        self.notes.setAccessibleName("Notes (saved in a plain file: no secrets)")
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        self.where = QLabel()
        self.where.setObjectName("secretWhere")
        self.where.setTextFormat(Qt.TextFormat.PlainText)  # shows data
        self.where.setWordWrap(True)
        self.key_note = self._note_label("keyNote")
        self.secret_note = self._note_label("secretNote")
        self.key.textChanged.connect(self.check_fields)
        self.secret.textChanged.connect(self.check_fields)
        self.error = QLabel()
        self.error.setObjectName("dialogError")
        self.error.setTextFormat(Qt.TextFormat.PlainText)  # shows data
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color:{colours(self).error}")
        self.error.hide()
        if view:
            self.name.setText(view.profile.name)
            self.kind.setCurrentIndex(max(self.kind.findData(view.profile.kind), 0))
            self.key.setText(view.profile.key)
            self.notes.setPlainText(view.profile.notes)
            self.secret.setPlaceholderText(
                "leave empty to keep the saved secret"
                if view.secret_state in ("saved", "session")
                else "the secret is missing: enter it again"
            )
        else:
            self.kind.setCurrentIndex(max(self.kind.findData(DEFAULT_KIND), 0))
            self.secret.setPlaceholderText("Client Secret")
        self.where.setText(self._where_text())
        form = QFormLayout()
        form.addRow("&Name:", self.name)
        form.addRow("&Kind:", self.kind)
        field_row(form, "Client &ID:", self.key, self.key_note)
        field_row(form, "Client &secret:", self.secret, self.secret_note)
        form.addRow("N&otes:", self.notes)
        self.buttons = save_cancel(self, self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.where)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def _note_label(self, name: str) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setWordWrap(True)
        label.hide()
        return label

    def check_fields(self) -> bool:
        """Show the core's notes next to the key and the secret; False when one refuses."""
        others = {
            v.profile.name: v.profile.key
            for v in self._profiles.views
            if v.profile.name != self._original
        }
        notes = form_notes(self.key.text(), self.secret.text(), self._original is None, others)
        c = colours(self)
        for field, label in (("key", self.key_note), ("secret", self.secret_note)):
            note = notes.get(field)
            # Nothing about a field not typed into yet: an empty form is not a mistake.
            typed = bool(self.key.text() if field == "key" else self.secret.text())
            shown = note is not None and (typed or self._tried)
            label.setVisible(shown)
            if note is not None:
                label.setText(note.text)
                label.setStyleSheet(f"color:{c.error if note.level == 'error' else c.warning}")
        if self.isVisible():
            self.adjustSize()  # a note that appeared gets its lines, not a squeezed one
        return not any(n.level == "error" for n in notes.values())

    def _where_text(self) -> str:
        status = self._profiles.status
        if status is None:
            return "Checking where the secret can be kept…"
        if status.persistent:
            return f"Saved in your system keyring ({status.backend}), never in a file."
        return status.message

    def _fail(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
        self.buttons.setEnabled(True)

    def save(self) -> None:
        self._tried = True
        if not self.check_fields():
            return  # the reason is next to its field; nothing typed is lost
        name, key = self.name.text(), self.key.text()
        secret = self.secret.text()
        kind, notes = self.kind.currentData(), self.notes.toPlainText()
        session_only = not self._profiles.persistent()
        original = self._original
        self.error.hide()
        self.buttons.setEnabled(False)

        if original is None:

            def work(vault) -> tuple[str, list[str]]:
                out = vault.add(
                    name, key, secret or None, kind=kind, notes=notes, session_only=session_only
                )
                return out.profile.name, list(out.notices)
        else:

            def work(vault) -> tuple[str, list[str]]:
                # An empty or taken name fails here, before anything is saved.
                new_name = vault.checked_name(original, name)
                notices: list[str] = []
                if secret:  # the step most likely to fail (keyring) goes first
                    notices += vault.set_secret(original, secret, session_only).notices
                outcome = vault.edit(
                    original, key=key, kind=kind, notes=notes, new_name=new_name
                )  # all or nothing, the name included
                return outcome.profile.name, notices + list(outcome.notices)

        self._profiles.change(work, self._done, self._fail, secret=secret)

    def _done(self, result: tuple[str, list[str]]) -> None:
        name, notices = result
        self.saved.emit(name, notices)
        self.accept()
