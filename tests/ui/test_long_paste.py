"""A customer's megabytes in a paste field: the window stays responsive and still answers."""

from __future__ import annotations

import time

from PySide6.QtCore import QMimeData

from tests.helpers.keyrings import MemoryKeyring
from tests.helpers.tokens import SECRET, payload
from zoomsig_gui.core.inspection.paste import MAX_SEARCH
from zoomsig_gui.core.tokens.jwt import sign
from zoomsig_gui.ui.widgets.longtext import SHOWN, LongTextEdit

TOKEN = sign(payload(), SECRET)


def test_a_long_paste_shows_its_start_and_keeps_what_is_searched(qtbot) -> None:
    field = LongTextEdit()
    qtbot.addWidget(field)
    text = TOKEN + " " + "A" * 3_000_000
    mime = QMimeData()
    mime.setText(text)
    field.insertFromMimeData(mime)
    assert len(field.toPlainText()) < SHOWN + 200  # Qt lays out only this much
    assert "more characters, not shown" in field.toPlainText()
    assert field.text() == text[: MAX_SEARCH + 1]
    field.setPlainText("typed")
    assert field.text() == "typed"


def test_a_long_paste_is_inspected_off_the_gui_thread(make_window, qtbot) -> None:
    tab = make_window(MemoryKeyring()).inspect
    tab.paste.setPlainText("x" * 500_000 + " " + TOKEN + " " + "y" * 10_000_000)
    started = time.monotonic()
    tab.run()
    returned = time.monotonic() - started
    qtbot.waitUntil(lambda: "Inspecting" not in tab.kind.text(), timeout=10_000)
    assert tab.inspection is not None and tab.inspection.token == TOKEN
    assert returned < 1.0  # a hang guard: on the GUI thread this blocked for seconds
