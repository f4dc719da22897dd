"""What people paste: the inspector finds the token in each form findings.md lists."""

from __future__ import annotations

import json

import pytest

from tests.helpers.tokens import NOW, SECRET, payload
from zoomsig_gui.core.inspection.inspector import inspect
from zoomsig_gui.core.tokens.jwt import sign

TOKEN = sign(payload(), SECRET)


@pytest.mark.parametrize(
    "text",
    [
        TOKEN,
        f"  \n{TOKEN}\n\t",
        f'"{TOKEN}"',
        f"'{TOKEN}'",
        f"Bearer {TOKEN}",
        TOKEN[:40] + "\n" + TOKEN[40:90] + "\r\n  " + TOKEN[90:],
        json.dumps({"signature": TOKEN}),
        json.dumps({"token": TOKEN, "sdkKey": "x"}, indent=2),
        f"https://example.com/meeting.html?name=QQ&mn=81198873582&signature={TOKEN}&china=0",
        f"Here is what our endpoint returned: {TOKEN} -- thanks",
    ],
)
def test_token_is_found(text: str) -> None:
    report = inspect(text, secret=SECRET, now=NOW)
    assert report.token == TOKEN
    assert report.findings == () and report.signature_valid is True


def test_url_encoded_signature_is_decoded() -> None:
    link = "http://127.0.0.1:8765/?mn=81198873582&signature=" + TOKEN.replace(".", "%2E")
    assert inspect(link, secret=SECRET, now=NOW).token == TOKEN


def test_json_without_signature_is_malformed() -> None:
    report = inspect('{"error": "nope"}', now=NOW)
    assert [f.code for f in report.findings] == ["malformed"]
