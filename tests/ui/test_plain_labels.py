"""What the window shows as text is text: markup in a customer's token, a pasted invitation,
a profile, an import file or the join page's status is shown as it is, never rendered."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from tests.helpers.keyrings import MemoryKeyring
from tests.helpers.window import add_profile
from zoomsig_gui.core.tokens.jwt import sign
from zoomsig_gui.ui.support.panel import SupportPanel

MARKUP = "<b style='font-size:28pt'>Zoom accepted it</b>"
WORDS = "Zoom accepted it"
NOW = 1_795_996_800


def check_labels(widgets) -> int:
    """Every label showing the words shows the markup literally (or escaped, in rich text)."""
    seen = 0
    for root in widgets:
        labels = [root] if isinstance(root, QLabel) else root.findChildren(QLabel)
        for label in labels:
            if WORDS not in label.text():
                continue
            seen += 1
            fmt = label.textFormat()
            if fmt == Qt.TextFormat.RichText:
                assert "&lt;b" in label.text(), label.objectName()
            else:
                assert fmt == Qt.TextFormat.PlainText, (label.objectName(), label.text())
                assert "<b style=" in label.text()
    return seen


def markup_token(**extra: object) -> str:
    claims = {"appKey": MARKUP, "sdkKey": MARKUP, "mn": MARKUP, "role": 0, "iat": NOW - 30}
    claims.update(extra)
    return sign(claims, "markup-secret-0123456789abcdefXYZ")


def test_markup_in_every_field_stays_text(make_window, qtbot, tmp_path) -> None:
    window = make_window(MemoryKeyring())
    add_profile(qtbot, window, name="Staging")
    window.inspect.paste.setPlainText(markup_token())
    window.inspect.run()
    form = window.make.form
    form.meeting.setPlainText(MARKUP)
    for field in (form.passcode, form.name, form.email):
        field.setText(MARKUP)
    qtbot.wait(400)  # the debounced runs
    panel = SupportPanel()
    qtbot.addWidget(panel)
    panel.show_case(markup_token(), "OurKey000000000001", "our-secret-0123456789abcdef", now=NOW)
    export = tmp_path / "team.json"
    export.write_text(
        json.dumps(
            {
                "format": "zoomsig-profiles",
                "schema": 1,
                "profiles": [{"name": "Imported", "key": MARKUP, "notes": MARKUP}],
            }
        )
    )
    from zoomsig_gui.core.vault.facade import Vault

    vault = window.profiles._vault_now()
    assert isinstance(vault, Vault)
    vault.import_from(export)
    window.profiles.load()
    qtbot.waitUntil(lambda: "Imported" in window.profiles.names(), timeout=10_000)
    window.make.credentials.select("Imported")
    qtbot.wait(200)
    seen = check_labels([window, panel, *QApplication.topLevelWidgets()])
    assert seen >= 2  # the markup reached the screen, as text


def test_the_join_status_is_escaped(make_window, qtbot) -> None:
    window = make_window(MemoryKeyring())
    qtbot.waitUntil(lambda: window.join is not None, timeout=10_000)
    window.join._state("failed", "3712", MARKUP)  # the page's words, from the SDK
    assert check_labels([window.join.status]) == 1
