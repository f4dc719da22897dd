"""Case report: Markdown and JSON with everything support needs and nothing secret."""

from __future__ import annotations

import base64
import json

import pytest

from tests.helpers.env import VECTORS
from zoomsig_gui import __version__
from zoomsig_gui.core.support.casereport import ClockNote, JoinNote, build_case, render
from zoomsig_gui.core.support.reproduce import legacy_signature
from zoomsig_gui.core.tokens.jwt import sign

CANARY = "CANARY-s3cr3t-9dQvXk2"
NOW = 1795996800
PAYLOAD = {
    "sdkKey": "CustKey12345",
    "mn": "81198873582",
    "role": 1,
    "iat": NOW - 30,
    "exp": NOW + 7170,
    "tokenExp": NOW + 7170,
}


@pytest.mark.parametrize("fmt", ["md", "json"])
def test_canary_secret_and_signature_never_appear(fmt: str) -> None:
    token = sign(PAYLOAD, CANARY)
    case = build_case(f'{{"signature": "{token}"}}', secret=CANARY, now=NOW)
    text = render(case, fmt)
    assert CANARY not in text
    assert token.split(".")[2] not in text
    assert token not in text
    assert "<redacted>" in text
    assert "appkey-missing" in text  # the findings are there
    assert "81198873582" in text  # and the decoded claims


@pytest.mark.parametrize("fmt", ["md", "json"])
def test_secret_a_customer_put_in_a_claim_is_scrubbed(fmt: str) -> None:
    token = sign({**PAYLOAD, "note": f"secret={CANARY}", CANARY: 1}, CANARY)
    case = build_case(token, secret=CANARY, now=NOW)
    for include in (False, True):
        text = render(case, fmt, include_token=include)
        assert CANARY not in text
        assert "<redacted secret>" in text
    assert any("new secret" in n for n in case.notes)


@pytest.mark.parametrize("fmt", ["md", "json"])
def test_full_token_only_when_asked_and_with_what_it_exposes(fmt: str) -> None:
    token = sign(PAYLOAD, CANARY)
    case = build_case(token, secret=CANARY, now=NOW)
    without = render(case, fmt)
    with_token = render(case, fmt, include_token=True)
    assert token not in without and "Anyone who reads it" not in without
    assert token in with_token
    assert "Anyone who reads it can use it to join meeting 81198873582 as the host" in with_token
    assert CANARY not in with_token


def test_json_report_has_the_fields_support_needs() -> None:
    case = build_case(
        sign(PAYLOAD, CANARY),
        secret=CANARY,
        now=NOW,
        sdk_version="6.2.0",
        clock=ClockNote("NTP time.example", 2.5, NOW - 60),
        join=JoinNote(False, "Signature is invalid.", 3712),
    )
    data = json.loads(render(case, "json"))
    assert data["zoomsig_version"] == __version__
    assert data["sdk_version"] == "6.2.0"
    assert data["clock"] == {"source": "NTP time.example", "offset_s": 2.5, "measured_at": NOW - 60}
    assert data["signature"] == "<redacted>" and data["signature_valid"] is True
    assert data["payload"] == PAYLOAD and data["header"] == {"alg": "HS256", "typ": "JWT"}
    assert data["join_result"] == {"ok": False, "code": 3712, "message": "Signature is invalid."}
    codes = {f["code"]: f for f in data["findings"]}
    assert codes["appkey-missing"]["fix"].startswith("Add appKey")
    assert "token" not in data


def test_markdown_report_reads_like_a_ticket() -> None:
    case = build_case(
        sign(PAYLOAD, CANARY),
        now=NOW,
        sdk_version="6.2.0",
        clock=ClockNote("NTP pool.ntp.org", -1.25, NOW - 60),
        join=JoinNote(False, "Signature is invalid.", 3712),
    )
    text = render(case, "md")
    assert f"zoomsig version: {__version__}" in text
    assert "Meeting SDK version setting: 6.2.0" in text
    assert "local clock 1.250 s ahead of true time" in text
    assert '| `mn` | `"81198873582"` |' in text
    assert "- Fix: Add appKey" in text
    assert "failed (error 3712): Signature is invalid." in text
    assert "not checked (no secret given)" in text
    assert "1 problem Zoom would reject" in text


def test_old_style_signature_report_hides_its_hash() -> None:
    old = legacy_signature("CustKey", "81198873582", (NOW - 30) * 1000, "0", CANARY)
    hashed = base64.b64decode(old).decode().split(".")[-1]
    text = render(build_case(old, secret=CANARY, now=NOW), "md") + render(
        build_case(old, secret=CANARY, now=NOW), "json"
    )
    assert hashed not in text and old not in text and CANARY not in text
    assert "legacy-signature" in text


@pytest.mark.parametrize("case", VECTORS["cases"], ids=[c["name"] for c in VECTORS["cases"]])
def test_no_vector_report_leaks_its_signature(case: dict) -> None:
    built = build_case(case["input"], secret=case["secret"], now=case["now"])
    text = render(built, "md") + render(built, "json")
    parts = case["input"].split(".")
    if len(parts) == 3:
        assert parts[2] not in text
    assert VECTORS["secret"] not in text
    for code in built.inspection.codes():
        assert f"`{code}`" in text


@pytest.mark.parametrize("fmt", ["md", "json"])
def test_odd_claim_values_still_give_a_report(fmt: str) -> None:
    token = sign({"appKey": None, "role": [], "mn": {"a": 1}, "iat": "soon"}, CANARY)
    text = render(build_case(token, secret=CANARY, now=NOW), fmt, include_token=True)
    assert "role-invalid" in text and "claim-type" in text
    assert CANARY not in text


def test_an_expired_token_in_a_report_is_said_to_join_no_more():
    from zoomsig_gui.core.support.casereport import exposure_text

    expired = sign(
        {
            "appKey": "k" * 20,
            "sdkKey": "k" * 20,
            "mn": "81198873582",
            "role": 0,
            "iat": NOW - 7200,
            "exp": NOW - 60,
            "tokenExp": NOW - 60,
        },
        CANARY,
    )
    case = build_case(expired, now=NOW)
    assert "no longer lets anyone join" in exposure_text(case)
    assert "until it expires" not in exposure_text(case, included=False)
