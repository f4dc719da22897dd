"""The clock banner's states come from the core's verdict; the correction reaches the token."""

from __future__ import annotations

import threading
import time

import pytest

from tests.helpers.keyrings import MemoryKeyring
from tests.helpers.window import NUMBER, add_profile, fake_clock, payload_of, wait_token


@pytest.mark.parametrize(
    ("offset", "state", "words"),
    [
        (0.03, "ok", "Clock OK (+0.03 s, pool.ntp.org)"),
        (5.0, "warning", "Your clock is 5.0 s behind"),
        (-47.0, "error", "Your clock is 47 s ahead"),
        (None, "unknown", "could not be checked"),
    ],
)
def test_banner_states(qtbot, make_window, offset, state, words):
    window = make_window(MemoryKeyring(), clock=fake_clock(offset))
    qtbot.waitUntil(lambda: window.banner.state == state, timeout=10_000)
    assert words in window.banner.text.text()
    assert window.banner.correct.isEnabled() == (offset is not None)


def test_check_runs_off_the_gui_thread_and_on_demand(qtbot, make_window):
    threads: list[bool] = []
    inner = fake_clock(0.5)

    def check():
        threads.append(threading.current_thread() is threading.main_thread())
        return inner()

    window = make_window(MemoryKeyring(), clock=check)
    qtbot.waitUntil(lambda: window.banner.state == "ok")
    window.banner.check_button.click()
    qtbot.waitUntil(lambda: len(threads) == 2 and window.banner.state == "ok")
    assert threads == [False, False]


def test_a_failing_check_says_so(qtbot, make_window):
    def broken():
        raise OSError("network is unreachable")

    window = make_window(MemoryKeyring(), clock=broken)
    qtbot.waitUntil(lambda: window.banner.state == "unknown")
    assert "network is unreachable" in window.banner.text.text()


def test_token_times_follow_the_measured_offset_and_the_toggle(qtbot, make_window):
    offset = -3600.0  # this computer runs an hour ahead
    window = make_window(MemoryKeyring(), clock=fake_clock(offset))
    add_profile(qtbot, window)
    window.make.form.meeting.setPlainText(NUMBER)
    qtbot.waitUntil(lambda: window.banner.state == "error")
    assert "corrected by -3600 s" in window.banner.text.text()
    qtbot.waitUntil(
        lambda: abs(payload_of(wait_token(qtbot, window))["iat"] - (time.time() + offset - 30)) < 60
    )
    assert window.make.findings.state == "ok"
    window.banner.correct.setChecked(False)
    qtbot.waitUntil(
        lambda: abs(payload_of(window.make.token_view.token())["iat"] - (time.time() - 30)) < 60
    )
    assert "not corrected" in window.banner.text.text()


def test_unknown_banner_is_one_plain_sentence_with_details_on_hover(qtbot):
    from zoomsig_gui.core.clock.check import ClockCheck, ServerFault, unknown_message
    from zoomsig_gui.ui.widgets.clockbanner import ClockBanner

    faults = tuple(
        ServerFault(
            f"time{i}.example",
            "the name could not be found (DNS: [Errno -2] Name or service not known)",
            "offline",
        )
        for i in range(5)
    )
    check = ClockCheck("unknown", unknown_message(faults, 2), None, faults, 0.0)
    banner = ClockBanner(lambda: check)
    qtbot.addWidget(banner)
    banner.start()
    qtbot.waitUntil(lambda: banner.state == "unknown")
    assert "Errno" not in banner.text.text() and "offline" in banner.text.text()
    assert "time4.example" in banner.text.toolTip()


def shown_text(label) -> str:
    """The words a person reads in a QLabel, as Qt decides between plain and rich text."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QTextDocument

    fmt = label.textFormat()
    rich = fmt == Qt.TextFormat.RichText or (
        fmt == Qt.TextFormat.AutoText and Qt.mightBeRichText(label.text())
    )
    if not rich:
        return label.text()
    doc = QTextDocument()
    doc.setHtml(label.text())
    return doc.toPlainText()


def test_offline_banner_shows_apostrophes_not_html_entities(qtbot):
    from zoomsig_gui.core.clock.check import ClockCheck, ServerFault, unknown_message
    from zoomsig_gui.ui.widgets.clockbanner import ClockBanner

    faults = (ServerFault("pool.ntp.org", "the name could not be found", "offline"),)
    check = ClockCheck("unknown", unknown_message(faults, 2), None, faults, 0.0)
    assert "computer's clock" in check.message
    banner = ClockBanner(lambda: check)
    qtbot.addWidget(banner)
    banner.start()
    qtbot.waitUntil(lambda: banner.state == "unknown")
    seen = shown_text(banner.text)
    assert "&#" not in seen and "&amp;" not in seen
    assert "computer's clock" in seen
