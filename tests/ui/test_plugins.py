"""The join button, the support tools and the History tab, as the window wires them."""

from __future__ import annotations

from tests.helpers.keyrings import MemoryKeyring
from tests.helpers.window import NUMBER, add_profile, broken_token, wait_token


def test_join_button_waits_for_a_web_token_and_webengine_waits_for_the_click(qtbot, make_window):
    window = make_window(MemoryKeyring())
    assert window.join is not None
    assert not window.join.button.isEnabled()
    add_profile(qtbot, window)
    window.make.form.meeting.setPlainText(NUMBER)
    wait_token(qtbot, window)
    assert window.join.button.isEnabled()
    window.make.form.advanced_button.setChecked(True)
    window.make.form.native.setChecked(True)
    qtbot.waitUntil(lambda: not window.join.button.isEnabled())


def test_join_result_shows_with_the_findings_and_leaves_the_token_whole(qtbot, make_window):
    from zoomsig_gui.core.join.errors import explain

    window = make_window(MemoryKeyring())
    window.resize(1240, 820)
    add_profile(qtbot, window)
    window.make.form.meeting.setPlainText(NUMBER)
    wait_token(qtbot, window)
    long = explain("1").explanation + " (the SDK said: Fail to join the meeting.)"
    window.join._state("failed", "1", f"{explain('1').title}: {long}")
    status = window.join.status
    qtbot.waitUntil(status.isVisible)
    assert "error 1" in status.text() and "Could not join" in status.text()
    assert "failed" not in status.text().split("·")[0]  # a sentence, not the page's state word
    # Beside the findings, where it explains the token; not squeezed into the token's box.
    assert window.make.findings_box.isAncestorOf(status)
    view = window.make.token_view
    qtbot.wait(50)
    assert view.text.geometry().bottom() < view.copy_button.geometry().top()
    window.join._state("joined", "", "")
    assert "joined the meeting" in status.text()


def test_history_records_a_copied_setup_and_restores_it(qtbot, make_window):
    window = make_window(MemoryKeyring())
    add_profile(qtbot, window)
    form = window.make.form
    form.meeting.setPlainText(NUMBER)
    form.role.setCurrentIndex(1)
    form.expiry.setCurrentText("4 h")
    qtbot.waitUntil(
        lambda: (
            window.make.inspection is not None and window.make.inspection.payload.get("role") == 1
        )
    )
    window.make.token_view.copy()
    window.tabs.setCurrentWidget(window.history.holder)
    panel = window.history.panel
    assert panel is not None and panel.entries[0].meeting_number == NUMBER
    form.meeting.setPlainText("")
    form.role.setCurrentIndex(0)
    form.expiry.setCurrentText("30 min")
    panel.restore(0)
    assert window.tabs.currentWidget() is window.make
    assert form.values().request.meeting_number == NUMBER
    assert form.role.currentData() == 1
    assert form.values().request.expires_s == 4 * 3600


def broken_token_inspected_with_ours(qtbot, make_window):
    """A customer's broken token pasted on the Inspect tab, our profile "Ours" picked to
    reproduce it with (the support box's own choice, not the signature check's)."""
    window = make_window(MemoryKeyring())
    add_profile(qtbot, window, "Ours")
    tab = window.inspect
    tab.paste.setPlainText(broken_token())
    qtbot.waitUntil(lambda: window.support.panel is not None, timeout=15_000)
    tab.support_box.setChecked(True)  # unfold "Reproduce and fix with our credentials"
    ours = window.support.panel.ours
    ours.setCurrentIndex(ours.findData("Ours"))
    return window


def test_reproducing_with_our_credentials_does_not_check_their_signature_with_ours(
    qtbot, make_window
):
    window = broken_token_inspected_with_ours(qtbot, make_window)
    panel = window.support.panel
    qtbot.waitUntil(lambda: panel.reproduction is not None, timeout=15_000)
    codes = [f.code for f in panel.case.findings]
    assert "signature-mismatch" not in codes  # our secret is not theirs: no false problem
    assert "signature-unchecked" in codes
    report = panel.open_report().text()
    assert "- Signature: `<redacted>`, not checked" in report
    assert "- Reproduced: re-made with our saved credentials “Ours”" in report
    assert "does NOT match" not in window.inspect.kind.text()


def test_support_tools_reproduce_a_pasted_token_with_our_profile(qtbot, make_window):
    window = broken_token_inspected_with_ours(qtbot, make_window)
    qtbot.waitUntil(
        lambda: window.support.panel is not None and window.support.panel.reproduction is not None,
        timeout=15_000,
    )
    assert window.support.panel.fix is not None
    assert window.support.panel.report_button.isEnabled()


def test_the_case_report_says_how_the_last_join_went(qtbot, make_window):
    window = broken_token_inspected_with_ours(qtbot, make_window)
    qtbot.waitUntil(
        lambda: window.support.panel is not None and window.support.panel.case is not None,
        timeout=15_000,
    )
    panel = window.support.panel
    assert panel.case.join is None  # no join tried yet: the report says nothing about one
    assert "Join result" not in panel.open_report().text()
    # The join view reports its states through its public signal, as JoinView.stateChanged.
    window.join._state("joining", "", "Joining the meeting…")
    assert window.join_outcome is None  # not an outcome yet
    window.join._state("failed", "3712", "Signature is invalid.")
    assert panel.case.join is not None and panel.case.join.code == 3712
    text = panel.open_report().text()
    assert "## Join result" in text and "failed (error 3712): Signature is invalid." in text
    window.join._state("joined", "", "In the meeting.")
    assert "joined: In the meeting." in panel.open_report().text()
    window.inspect.paste.setPlainText(broken_token() + " ")  # a new inspection keeps the outcome
    qtbot.waitUntil(
        lambda: panel.case.inspection.token and panel.case.join is not None and panel.case.join.ok
    )
