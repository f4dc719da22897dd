"""The "Check an endpoint" tab against a real local backend (node/Express): a support person
gets the same sentence, samples and findings as from `zoomsig endpoint`, without a terminal,
and the window keeps answering while it samples."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from tests.helpers.endpoints import BACKENDS, MEETING, PACKAGES
from tests.helpers.endpoints import KEY as BACKEND_KEY
from tests.helpers.endpoints import SECRET as BACKEND_SECRET
from tests.helpers.keyrings import MemoryKeyring
from tests.helpers.node_tools import node_server, npm_packages
from tests.helpers.window import add_profile
from zoomsig_gui.cli import main

pytestmark = pytest.mark.node


@contextmanager
def signer(mode: str, **env: str) -> Iterator[str]:
    folder = npm_packages(*PACKAGES)
    full = {"MODE": mode, "SDK_KEY": BACKEND_KEY, "SDK_SECRET": BACKEND_SECRET, **env}
    with node_server(folder, BACKENDS / "signer.js", full) as port:
        yield f"http://127.0.0.1:{port}/"


def open_tab(qtbot, window):
    holder = window.endpoint
    assert holder.tab is None  # nothing of it (nor httpx) is built before it is opened
    window.tabs.setCurrentWidget(holder.page)
    qtbot.waitUntil(lambda: holder.tab is not None, timeout=5_000)
    return holder.tab


def test_forum_backend_from_the_window(qtbot, make_window, capsys):
    window = make_window(MemoryKeyring())
    add_profile(qtbot, window, "Customer", BACKEND_KEY, BACKEND_SECRET)
    tab = open_tab(qtbot, window)
    qtbot.waitUntil(lambda: tab.profile.findData("Customer") >= 0, timeout=5_000)
    with signer("forum") as url:
        tab.url.setText(url)
        tab.meeting.setText("https://us02web.zoom.us/j/81198873582?pwd=abc")
        tab.profile.setCurrentIndex(tab.profile.findData("Customer"))
        with qtbot.waitSignal(tab.checked, timeout=30_000) as done:
            qtbot.mouseClick(tab.start, Qt.MouseButton.LeftButton)  # the secret comes first
        main(["endpoint", url, "--meeting", MEETING, "--role", "0", "--key", BACKEND_KEY])
    cli_first_line = capsys.readouterr().out.splitlines()[0]
    result = done.args[0]
    assert "appKey missing in 10 of 10" in result.summary
    assert "appKey missing in 10 of 10" in tab.summary.text()
    assert cli_first_line == result.summary  # the same words as the command line
    assert tab.table.rowCount() == 10
    assert tab.table.item(0, 5).text() == "no: appkey-missing"
    assert tab.table.item(0, 3).text() in ("-29 s", "-30 s", "-31 s")
    assert "appkey-missing" in tab.findings.codes()
    assert "signature-unchecked" not in tab.findings.codes()  # checked with the profile
    assert not tab.progress.isVisible() and tab.start.isEnabled()
    tab.copy_report.click()
    copied = QGuiApplication.clipboard().text()
    assert "## Signature endpoint" in copied and result.summary in copied
    assert BACKEND_SECRET not in copied and "eyJ" not in copied


def test_cancel_stops_sampling(qtbot, make_window):
    window = make_window(MemoryKeyring())
    tab = open_tab(qtbot, window)
    with signer("sample", DELAY_MS="150") as url:
        tab.url.setText(url)
        tab.role.setCurrentIndex(tab.role.findData(None))  # a native token: no meeting needed
        tab.samples.setValue(100)
        tab.check()
        qtbot.waitUntil(lambda: tab.progress.value() >= 2, timeout=15_000)
        with qtbot.waitSignal(tab.checked, timeout=15_000) as done:
            qtbot.mouseClick(
                tab.cancel, pytest.importorskip("PySide6.QtCore").Qt.MouseButton.LeftButton
            )
    result = done.args[0]
    assert result.stopped == "cancelled"
    assert 2 <= result.samples < 100
    assert f"cancelled after {result.samples} of 100 samples" in tab.summary.text()


def test_a_wrong_url_is_said_in_words(qtbot, make_window):
    window = make_window(MemoryKeyring())
    tab = open_tab(qtbot, window)
    tab.url.setText("127.0.0.1:4000")
    tab.meeting.setText(MEETING)
    tab.check()
    assert not tab.running()
    assert "is not a web address" in tab.summary.text()
