"""The Inspect tab shows exactly what the core finds in a pasted customer token."""

from __future__ import annotations

import json
import threading
import time

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from tests.helpers.keyrings import MemoryKeyring
from tests.helpers.window import SECRET, add_profile, broken_token
from zoomsig_gui.core.inspection.inspector import inspect
from zoomsig_gui.core.tokens.jwt import sign
from zoomsig_gui.ui.inspect.tab import THEIRS
from zoomsig_gui.ui.make.tab import DEBOUNCE_MS


def test_a_pasted_broken_token_shows_the_right_findings(qtbot, make_window):
    window = make_window(MemoryKeyring())
    window.tabs.setCurrentWidget(window.inspect_page)
    tab = window.inspect
    token = broken_token()
    tab.paste.setPlainText(json.dumps({"signature": token}))  # as the endpoint returned it
    qtbot.waitUntil(lambda: tab.inspection is not None)
    codes = set(tab.findings.codes())
    assert {
        "appkey-missing",
        "mn-format",
        "exp-window-short",
        "expired",
        "signature-unchecked",
    } <= codes
    assert codes == set(inspect(token).codes())  # the same truth as the core
    assert tab.findings.state == "error"
    assert "Zoom will reject this token" in tab.findings.verdict.text()
    assert tab.decoded.payload_table.row_values()["mn"][0] == '"811 9887 3582"'
    row = next(r for r in tab.findings.rows() if r.finding.code == "expired")
    assert row.finding.fix  # each finding carries what to do


def test_picking_a_profile_checks_the_signature(qtbot, make_window):
    window = make_window(MemoryKeyring())
    add_profile(qtbot, window, "Ours", secret=SECRET)
    add_profile(qtbot, window, "Other", key="ZzOtherKey12345", secret="another-secret-123456")
    tab = window.inspect
    tab.paste.setPlainText(broken_token())
    tab.set_profile("Ours")
    qtbot.waitUntil(lambda: tab.inspection is not None and tab.inspection.signature_valid is True)
    assert "matches the secret of “Ours”" in tab.kind.text()
    tab.set_profile("Other")
    qtbot.waitUntil(lambda: tab.inspection.signature_valid is False)
    assert "signature-mismatch" in tab.findings.codes()


def test_garbage_is_malformed_not_a_crash(qtbot, make_window):
    window = make_window(MemoryKeyring())
    tab = window.inspect
    tab.paste.setPlainText("hello, this is not a token")
    qtbot.waitUntil(lambda: tab.inspection is not None)
    assert tab.findings.codes() == ["malformed"]
    assert "not a token" in tab.findings.verdict.text()


def test_inspect_the_clipboard_shortcut(qtbot, make_window):
    window = make_window(MemoryKeyring())
    QGuiApplication.clipboard().setText(broken_token())
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(
        window.make.form.name,
        Qt.Key.Key_V,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert window.tabs.currentWidget() is window.inspect_page
    assert window.inspect.isVisible()
    assert "appkey-missing" in window.inspect.findings.codes()


def test_the_inspect_and_history_tabs_are_built_when_first_opened(qtbot, make_window):
    """Until opened, the Inspect tab has no widgets and the History panel has not read the
    history file; opening either builds it at once (their modules are imported while the
    window idles after start-up, so opening does not wait for an import)."""
    window = make_window(MemoryKeyring())
    assert window.inspect_page.findChildren(QPlainTextEdit) == []
    assert window.history.panel is None
    window.tabs.setCurrentWidget(window.inspect_page)
    paste = window.inspect_page.findChild(QPlainTextEdit, "inspectInput")
    assert paste is not None and paste.isVisible()
    paste.setPlainText(broken_token())
    qtbot.waitUntil(lambda: window.support.panel is not None)  # tools wired to the late tab
    assert window.history.panel is None  # the inspected token went straight to the file
    window.tabs.setCurrentWidget(window.history.holder)
    assert window.history.panel is not None
    qtbot.waitUntil(lambda: len(window.history.panel.entries) == 1)  # the inspected token


def test_claim_meanings_stay_readable_in_the_half_width_pane(qtbot, make_window):
    """The Reading column gives way before Meaning is squeezed to a word a line."""

    window = make_window(MemoryKeyring())
    window.resize(1240, 820)
    now = int(time.time())
    token = sign(
        {
            "sdkKey": "CUSTOMERk3y",
            "mn": "811 9887 3582",
            "role": 0,
            "iat": now * 1000 - 60_000,
            "exp": now + 600,
            "tokenExp": now + 600,
        },
        "x",
    )
    window.tabs.setCurrentWidget(window.inspect_page)
    window.inspect.paste.setPlainText(token)
    table = window.inspect.decoded.payload_table
    qtbot.waitUntil(lambda: "iat" in table.row_values())
    line = table.fontMetrics().lineSpacing()

    def rows_fit() -> bool:
        return all(table.rowHeight(r) <= 3 * line + 8 for r in range(table.rowCount()))

    qtbot.waitUntil(rows_fit, timeout=3000)
    meaning = table.horizontalHeader().sectionSize(3)
    assert meaning >= table.fontMetrics().horizontalAdvance("when the token")


class GatedKeyring(MemoryKeyring):
    """Reads wait while the gate is shut (an unlock prompt, a slow D-Bus); reads are counted."""

    def __init__(self) -> None:
        super().__init__()
        self.gate = threading.Event()
        self.gate.set()
        self.reads = 0

    def get_password(self, service: str, username: str) -> str | None:
        self.reads += 1
        self.gate.wait(30)
        return super().get_password(service, username)


def test_typing_while_the_secret_is_fetched_asks_the_keyring_once(qtbot, make_window):
    backend = GatedKeyring()
    window = make_window(backend)
    add_profile(qtbot, window, "Ours", secret=SECRET)
    add_profile(qtbot, window, "Other", key="ZzOtherKey12345", secret="another-secret-123456")
    # The Make tab uses "Other" now; the secret of "Ours" is not in memory.
    qtbot.waitUntil(lambda: window.profiles.cached("Other") is not None, timeout=15_000)
    assert window.profiles.cached("Ours") is None
    window.tabs.setCurrentWidget(window.inspect_page)
    tab = window.inspect
    qtbot.waitUntil(lambda: not window.profiles.workers.busy(), timeout=15_000)
    backend.gate.clear()
    backend.reads = 0
    tab.set_profile("Ours")
    for end in ("", " ", "  ", "   "):  # a person still pasting and trimming
        tab.paste.setPlainText(broken_token() + end)
        qtbot.wait(DEBOUNCE_MS + 100)
    backend.gate.set()
    qtbot.waitUntil(lambda: tab.inspection is not None and tab.inspection.signature_valid is True)
    qtbot.waitUntil(lambda: not window.profiles.workers.busy(), timeout=15_000)
    assert backend.reads == 1


def test_several_tokens_in_a_paste_can_be_picked(qtbot, make_window):
    now = int(time.time())
    rest = sign({"iss": "AbCdEfGhIjKlMnOp", "aud": None, "exp": now + 3600, "iat": now}, SECRET)
    window = make_window(MemoryKeyring())
    window.tabs.setCurrentWidget(window.inspect_page)
    tab = window.inspect
    tab.paste.setPlainText(f"Authorization: Bearer {rest}\nsignature: {broken_token()}")
    qtbot.waitUntil(lambda: tab.inspection is not None)
    assert tab.which.isVisible() and tab.which.count() == 2
    assert "JWT-app REST API token" in tab.kind.text()
    assert tab.findings.codes()[0] == "rest-api-token"
    assert "appkey-missing" not in tab.findings.codes()  # no Meeting SDK rule for it
    assert tab.decoded.payload_table.row_values()["aud"][0] == "null"
    tab.which.setCurrentIndex(1)
    assert "appkey-missing" in tab.findings.codes()
    assert tab.picked_text() == tab.inspection.token and tab.inspection.kind == "meeting-web"
    tab.paste.setPlainText(broken_token())
    qtbot.waitUntil(lambda: not tab.which.isVisible())


def test_other_tokens_pasted_alone_are_named_for_what_they_are(qtbot, make_window):
    now = int(time.time())
    window = make_window(MemoryKeyring())
    tab = window.inspect
    oauth = sign(
        {"aud": "https://oauth.zoom.us", "uid": "u", "iss": "zm:cid:abc", "exp": now + 60},
        SECRET,
        {"alg": "HS512", "sv": "00000", "kid": "k"},
    )
    zak = sign({"aud": "clientsm", "sty": 100, "wcd": "aw1", "mnum": "1", "exp": now}, SECRET)
    for token, code, words, claim, meaning in (
        (oauth, "oauth-access-token", "Zoom OAuth access token", "uid", "signed-in user"),
        (zak, "zak-token", "ZAK, the host", "mnum", "meeting number"),
    ):
        tab.paste.setPlainText(token)
        qtbot.waitUntil(
            lambda code=code: tab.inspection is not None and code in tab.findings.codes()
        )
        assert words in tab.kind.text() and not tab.which.isVisible()
        assert [c for c in tab.findings.codes() if c != "signature-unchecked"] == [code]
        assert meaning in tab.decoded.payload_table.row_values()[claim][2]


def test_their_secret_checks_their_signature_and_is_never_saved(qtbot, make_window, throwaway_home):
    """Support types in the customer's secret (from the ticket) once: the signature is
    checked with it, the case report says whose it was, and it is written nowhere."""
    from tests.helpers.window import KEY

    their = "their-Secret-0123456789abcdefXYZ"
    now = int(time.time())
    claims = {"appKey": KEY, "sdkKey": KEY, "mn": "81198873582", "role": 0}
    token = sign({**claims, "iat": now - 30, "exp": now + 3600, "tokenExp": now + 3600}, their)
    window = make_window(MemoryKeyring())
    tab = window.inspect
    tab.paste.setPlainText(token)
    assert not tab.their_secret.isVisibleTo(tab)  # only when asked for
    tab.profile.setCurrentIndex(tab.profile.findData(THEIRS))
    assert tab.their_secret.isVisibleTo(tab)
    qtbot.waitUntil(lambda: "type their secret in" in tab.kind.text(), timeout=5_000)
    tab.their_secret.setText("not-their-secret-0123456789abcdef")
    qtbot.waitUntil(lambda: "does NOT match the secret they gave" in tab.kind.text())
    tab.their_secret.setText(their)
    qtbot.waitUntil(lambda: "matches the secret they gave" in tab.kind.text())
    panel = window.support.panel
    qtbot.waitUntil(lambda: panel.case is not None and panel.case.inspection.signature_valid)
    report = panel.open_report().text()
    assert "- Signature: `<redacted>`, matches the customer's secret (typed in for this" in report
    assert "- Reproduced: not reproduced" in report
    window.save_settings()
    window.close()
    for path in throwaway_home.rglob("*"):
        if path.is_file():
            assert their.encode() not in path.read_bytes(), path
    assert their not in report


def test_time_findings_are_checked_again_as_time_passes(qtbot, make_window):
    """A token made by a clock 60 s fast is "in the future" at first; once that minute has
    passed on the (fake) clock, the tab says so by itself and shows when it checked."""
    clock = {"now": 1_800_000_000.0}
    window = make_window(MemoryKeyring())
    window.true_now = lambda: clock["now"]  # the window's one "now", moved by the test
    window.tabs.setCurrentWidget(window.inspect_page)
    tab = window.inspect
    tab._now = window.true_now
    now = int(clock["now"])
    token = sign(
        {
            "appKey": "k" * 20,
            "sdkKey": "k" * 20,
            "mn": "81198873582",
            "role": 0,
            "iat": now + 60,
            "exp": now + 3600,
            "tokenExp": now + 3600,
        },
        SECRET,
    )
    tab.paste.setPlainText(token)
    qtbot.waitUntil(lambda: tab.inspection is not None, timeout=5_000)
    assert "iat-future" in [f.code for f in tab.inspection.findings]
    assert "Checked at 2027-01-15 08:00:00 UTC" in tab.checked.text()
    clock["now"] += 95
    tab.recheck()  # what its timer does every few seconds
    assert "iat-future" not in [f.code for f in tab.inspection.findings]
    assert tab.findings.findChild(QWidget, "finding-iat-future") is None  # gone from the screen
    assert "Checked at 2027-01-15 08:01:35 UTC" in tab.checked.text()
    assert tab._recheck.isActive() and tab._recheck.interval() <= 10_000
