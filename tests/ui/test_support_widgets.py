"""Support widgets as a user sees them: differences marked, fixed token, report, history."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication

from tests.helpers.env import VECTORS, vector_input
from zoomsig_gui.core.inspection.inspector import inspect
from zoomsig_gui.core.store.history import History, entry_from_inspection
from zoomsig_gui.core.support.casereport import build_case
from zoomsig_gui.ui.history.panel import HistoryPanel
from zoomsig_gui.ui.support.panel import SupportPanel
from zoomsig_gui.ui.support.report_dialog import ReportDialog

NOW = VECTORS["now"]
OUR_KEY = "SupportTestKey0000001"
OUR_SECRET = "UI-canary-secret-Wd93kQ"


@pytest.fixture
def panel(qtbot) -> SupportPanel:
    widget = SupportPanel()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _cells(table, row: int) -> list[str]:
    return [
        table.item(row, c).text() if table.item(row, c) else "" for c in range(table.columnCount())
    ]


def test_theirs_vs_ours_marks_only_what_differs(panel) -> None:
    panel.show_case(
        vector_input("the forum thread's payload: sdkKey only"), OUR_KEY, OUR_SECRET, now=NOW
    )
    table = panel.comparison.table
    assert table.marked_claims() == ["sdkKey"]
    row = next(r for r in range(table.rowCount()) if table.item(r, 1).text() == "sdkKey")
    assert _cells(table, row)[:4] == ["≠", "sdkKey", f'"{VECTORS["key"]}"', f'"{OUR_KEY}"']
    assert table.item(row, 2).font().bold() and "our key" in table.item(row, 2).toolTip()
    same = next(r for r in range(table.rowCount()) if table.item(r, 1).text() == "mn")
    assert not table.item(same, 2).font().bold() and table.item(same, 0).text() == ""
    assert "1 claim differs (" in panel.comparison.summary.text()
    # The customer's signature cannot be checked with our secret: the line says it compares
    # claims only, so "none" there does not contradict a signature-mismatch above.
    assert "signature aside" in panel.comparison.findings.text()
    assert "appkey-missing (the same)" in panel.comparison.findings.text()
    ours = panel.comparison.token.field.text()
    assert inspect(ours, secret=OUR_SECRET, now=NOW).signature_valid is True


def test_the_claims_that_differ_come_first(panel) -> None:
    """The unchanged alg and typ do not push the one differing claim out of view."""
    panel.show_case(
        vector_input("the forum thread's payload: sdkKey only"), OUR_KEY, OUR_SECRET, now=NOW
    )
    table = panel.comparison.table
    assert table.item(0, 1).text() == "sdkKey" and table.item(0, 0).text() == "≠"
    assert table.rowCount() > 3 and table.item(1, 0).text() == ""  # then the same ones
    assert table.height() >= table.fontMetrics().height() * 9  # a few rows always in view
    fixed = panel.fixed_view.table
    assert fixed.item(0, 0).text() in ("+", "≠", "−")


def test_fixed_tab_shows_the_added_claim_and_a_token_zoom_accepts(panel, qtbot) -> None:
    panel.show_case(
        vector_input("the forum thread's payload: sdkKey only"), OUR_KEY, OUR_SECRET, now=NOW
    )
    view = panel.fixed_view
    assert "No error finding" in view.verdict.text() and "appKey" in view.verdict.text()
    row = next(r for r in range(view.table.rowCount()) if view.table.item(r, 1).text() == "appKey")
    assert _cells(view.table, row)[:4] == ["+", "appKey", "(none)", f'"{OUR_KEY}"']
    # "Why" in plain words first; the code, for QA, in the tooltip.
    why = view.table.item(row, 4)
    assert "the app's key is missing (appKey)" in why.text() and "appkey-missing" not in why.text()
    assert "appkey-missing" in why.toolTip()
    token = view.token.field.text()
    assert inspect(token, secret=OUR_SECRET, now=NOW).errors == []
    view.token.copy_button.click()
    assert QGuiApplication.clipboard().text() == token


def test_an_unfixable_token_says_why_and_offers_no_token(panel) -> None:
    panel.show_case(vector_input("Video SDK token"), OUR_KEY, OUR_SECRET, now=NOW)
    assert panel.fixed_view.verdict.text().startswith("No fixed token: This is a Video SDK")
    assert panel.fixed_view.token.field.text() == ""
    assert not panel.fixed_view.token.copy_button.isEnabled()
    assert panel.comparison.table.marked_claims() == ["app_key"]


def test_garbage_shows_a_plain_problem(panel) -> None:
    panel.show_case("hello.world", OUR_KEY, OUR_SECRET, now=NOW)
    assert panel.problem.isVisible() and "nothing to reproduce" in panel.problem.text()
    assert panel.comparison.token.field.text() == ""


def test_without_credentials_it_asks_for_them_but_the_report_works(panel, qtbot) -> None:
    panel.show_case(vector_input("expired"), None, None, now=NOW)
    assert "Choose our saved credentials" in panel.comparison.summary.text()
    assert panel.report_button.isEnabled()
    dialog = panel.open_report()
    qtbot.addWidget(dialog)
    assert "`expired`" in dialog.preview.toPlainText()


def test_report_checkbox_adds_the_token_and_says_what_it_exposes(qtbot, tmp_path: Path) -> None:
    token = vector_input("valid web token, jsrsasign")
    case = build_case(token, secret=VECTORS["secret"], now=NOW, sdk_version="6.2.0")
    dialog = ReportDialog(case)
    qtbot.addWidget(dialog)
    dialog.show()
    # Unticked, the note says what ticking would expose, never that the token is included.
    assert "contains the full token" not in dialog.exposure.text()
    assert "could join meeting 81198873582" in dialog.exposure.text()
    before = dialog.preview.toPlainText()
    assert token not in before and token.split(".")[2] not in before
    assert "<redacted>" in before and "6.2.0" in before
    dialog.include_token.setChecked(True)
    after = dialog.preview.toPlainText()
    assert token in after and "Anyone who reads it" in after
    assert (
        "This report contains the full token. Anyone who reads it can use it to join "
        "meeting 81198873582" in dialog.exposure.text()
    )
    dialog.format.setCurrentIndex(1)
    data = json.loads(dialog.preview.toPlainText())
    assert data["token"] == token and data["signature"] == "<redacted>"
    dialog.include_token.setChecked(False)
    assert "token" not in json.loads(dialog.preview.toPlainText())
    assert VECTORS["secret"] not in before + after
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == dialog.preview.toPlainText()
    assert dialog.save_to(tmp_path / "case.json")
    assert (tmp_path / "case.json").read_text() == dialog.preview.toPlainText()
    assert not dialog.save_to(tmp_path / "missing" / "case.json")
    assert "Could not save" in dialog.status.text()


def test_report_save_button_writes_where_the_user_chose(qtbot, tmp_path, monkeypatch) -> None:
    dialog = ReportDialog(build_case(vector_input("role 2"), now=NOW))
    qtbot.addWidget(dialog)
    target = tmp_path / "ticket.md"
    monkeypatch.setattr(
        "PySide6.QtWidgets.QFileDialog.getSaveFileName", lambda *a, **k: (str(target), "")
    )
    dialog.save_button.click()
    assert "role-invalid" in target.read_text() and "Saved to" in dialog.status.text()


def _entry(name: str, profile: str, when: float):
    report = inspect(vector_input(name), now=NOW)
    return entry_from_inspection(report, "inspected", profile=profile, when=when)


def test_history_lists_restores_and_clears(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "history.json"
    History(path).add(_entry("valid web token, jsonwebtoken", "staging", NOW - 60))
    panel = HistoryPanel(History(path), confirm_clear=lambda _w: True)
    qtbot.addWidget(panel)
    panel.record(_entry("mn without role", "prod", NOW))
    table = panel.table
    assert table.rowCount() == 2
    assert _cells(table, 0)[3:5] == ["prod", "81198873582"]
    assert _cells(table, 1)[3:6] == ["staging", "9876543210", "1 (host)"]
    assert _cells(table, 1)[7] == "ok"  # the jsonwebtoken vector is a valid token
    assert "meeting number or role missing" in _cells(table, 0)[7]  # plain words
    assert "mn-role-pair" not in _cells(table, 0)[7]
    assert "mn-role-pair" in table.item(0, 7).toolTip()  # the code, for QA
    assert not panel.restore_button.isEnabled()
    table.selectRow(1)
    assert panel.restore_button.isEnabled()
    with qtbot.waitSignal(panel.restoreRequested) as signal:
        panel.restore_button.click()
    setup = signal.args[0]
    assert (setup.profile, setup.request.meeting_number, setup.request.role) == (
        "staging",
        "9876543210",
        1,
    )
    again = HistoryPanel(History(path))  # after a restart
    qtbot.addWidget(again)
    assert again.table.rowCount() == 2
    panel.clear_button.click()
    assert panel.table.rowCount() == 0 and not panel.empty.isHidden()
    assert History(path).entries() == []
    assert not panel.clear_button.isEnabled()


def test_one_click_on_a_row_restores_it(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "history.json"
    History(path).add(_entry("valid web token, jsonwebtoken", "staging", NOW - 60))
    History(path).add(_entry("mn without role", "prod", NOW))
    panel = HistoryPanel(History(path))
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.restoreRequested) as signal:
        panel.table.cellWidget(1, 0).click()  # the Restore button in the second row
    assert signal.args[0].profile == "staging"


def test_clear_can_be_cancelled(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "history.json"
    History(path).add(_entry("expired", "staging", NOW))
    panel = HistoryPanel(History(path), confirm_clear=lambda _w: False)
    qtbot.addWidget(panel)
    panel.clear_button.click()
    assert panel.table.rowCount() == 1 and len(History(path).entries()) == 1


def test_a_corrupt_history_file_is_reported_in_the_panel(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "history.json"
    path.write_text("{ half a file")
    panel = HistoryPanel(History(path))
    qtbot.addWidget(panel)
    panel.show()
    assert panel.notice.isVisible()
    assert "moved to" in panel.notice.text() and "history.json.bad-" in panel.notice.text()
    assert panel.table.rowCount() == 0
    assert list(tmp_path.glob("history.json.bad-*"))[0].read_text() == "{ half a file"


@pytest.mark.parametrize(
    ("claims", "words"),
    [
        ({"iss": "AbCdEfGhIjKlMnOp", "aud": None, "exp": NOW + 3600, "iat": NOW}, "JWT-app REST"),
        ({"aud": "clientsm", "sty": 100, "wcd": "aw1", "exp": NOW + 60, "iat": NOW}, "ZAK"),
    ],
)
def test_the_fixed_tab_refuses_other_tokens_with_the_reason(panel, claims, words) -> None:
    from zoomsig_gui.core.tokens.jwt import sign

    panel.show_case(sign(claims, "their-secret"), OUR_KEY, OUR_SECRET, now=NOW)
    verdict = panel.fixed_view.verdict.text()
    assert verdict.startswith("No fixed token:") and words in verdict
    assert "nothing to fix" in verdict and "Meeting SDK app" in verdict
    assert panel.fixed_view.token.field.text() == ""  # no token that keeps iss and aud
