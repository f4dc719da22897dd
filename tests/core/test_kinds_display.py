"""Values read as JSON writes them (null, true, "1" vs 1), and the claims of other tokens are
named for what they are: in the tables, the terminal report and the case report."""

from __future__ import annotations

import io

from tests.helpers.tokens import NOW, SECRET, check, payload
from zoomsig_gui.commands.render import render
from zoomsig_gui.core.inspection.claims import claim_rows
from zoomsig_gui.core.inspection.inspector import inspect
from zoomsig_gui.core.support.casereport import build_case
from zoomsig_gui.core.support.casereport import render as render_case
from zoomsig_gui.core.tokens.jwt import sign

REST = {"iss": "AbCdEfGhIjKlMnOpQrStUv", "aud": None, "exp": NOW + 3600, "iat": NOW}


def test_values_read_as_json_in_the_tables() -> None:
    rows = {r.name: r.value for r in claim_rows(payload(role="1", extra=True, n=None), NOW)}
    assert rows["role"] == '"1"' and rows["extra"] == "true" and rows["iat"] == str(NOW - 30)
    assert rows["mn"] == '"81198873582"'
    rows = {r.name: r.value for r in claim_rows({"aud": None, "x": [1, None]}, NOW)}
    assert rows == {"aud": "null", "x": "[1, null]"}


def test_messages_quote_values_as_json_not_python() -> None:
    report = check(payload(appKey=True, role=None, mn=None, tokenExp=None, iat=None))
    text = " ".join(f.message for f in report.findings)
    assert "appKey is true" in text and "True" not in text
    assert "None" not in " ".join(f.message for f in check(payload(role=[None])).findings)


def test_rest_token_claims_are_named_and_aud_reads_null() -> None:
    report = inspect(sign(REST, SECRET), now=NOW)
    rows = {r.name: r for r in claim_rows(report.payload, NOW, report.kind)}
    assert rows["aud"].value == "null" and "API key of a JWT app" in rows["iss"].meaning
    out = io.StringIO()
    render(report, out)
    shown = out.getvalue()
    assert "JWT-app REST API token" in shown and "aud  null" in shown and "None" not in shown
    assert "appKey" not in shown  # no Meeting SDK rule that does not apply
    case = render_case(build_case(sign(REST, SECRET), now=NOW), "md")
    assert "`null`" in case and "API key of a JWT app" in case and "None" not in case


def test_meeting_claims_keep_their_meanings() -> None:
    rows = {r.name: r.meaning for r in claim_rows(payload(), NOW, "meeting-web")}
    assert rows["appKey"].startswith("your app's Client ID")
