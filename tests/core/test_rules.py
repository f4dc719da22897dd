"""Each rule of the findings contract (docs/findings.md) on its own: the code, its severity
and its boundaries."""

from __future__ import annotations

import json

import pytest

from tests.helpers.tokens import KEY, NOW, SECRET, check, payload
from zoomsig_gui.core.inspection.inspector import inspect
from zoomsig_gui.core.tokens.jwt import b64url_encode, compact_json, sign


def codes(report) -> dict[str, str]:
    return {f.code: f.severity for f in report.findings}


def test_good_token_has_no_findings_and_is_usable() -> None:
    report = check(payload())
    assert report.findings == ()
    assert report.usable and report.exit_status() == 0
    assert report.kind == "meeting-web" and report.signature_valid is True


@pytest.mark.parametrize(
    ("changes", "code", "severity"),
    [
        ({"appKey": None}, "appkey-missing", "error"),
        ({"appKey": True}, "appkey-missing", "error"),
        ({"appKey": ""}, "appkey-missing", "error"),
        ({"appKey": [KEY]}, "appkey-missing", "error"),
        ({"sdkKey": 12345}, "key-mismatch", "error"),
        ({"sdkKey": "AnotherKey"}, "key-mismatch", "error"),
        ({"apiKey": "legacyJwtAppKey"}, "apikey-claim", "error"),
        ({"role": None}, "mn-role-pair", "error"),
        ({"mn": None}, "mn-role-pair", "error"),
        ({"mn": "811-9887-3582"}, "mn-format", "error"),
        ({"mn": "12345678"}, "mn-format", "error"),
        ({"mn": "123456789012"}, "mn-format", "error"),
        ({"mn": "8119887358a"}, "mn-format", "error"),
        ({"role": 2}, "role-invalid", "error"),
        ({"role": "host"}, "role-invalid", "error"),
        ({"role": True}, "role-invalid", "error"),
        ({"role": "1"}, "role-type", "warning"),
        ({"iat": 1795996770.5}, "claim-type", "error"),
        ({"exp": "1796003970"}, "claim-type", "error"),
        ({"tokenExp": False}, "claim-type", "error"),
        ({"iat": None}, "iat-missing", "error"),
        ({"exp": None}, "exp-missing", "error"),
        ({"iat": (NOW - 30) * 1000}, "iat-milliseconds", "error"),
        ({"exp": (NOW + 7200) * 1000, "tokenExp": None}, "iat-milliseconds", "error"),
        ({"tokenExp": None}, "tokenexp-missing", "info"),
        ({"tokenExp": NOW - 30 + 1000}, "tokenexp-short", "error"),
        ({"tokenExp": NOW - 30 + 9000}, "tokenexp-after-exp", "warning"),
        ({"video_webrtc_mode": 2}, "webrtc-mode-invalid", "error"),
        ({"video_webrtc_mode": "1"}, "webrtc-mode-invalid", "error"),
        ({"userName": "x", "sessionId": 3}, "unknown-claims", "info"),
    ],
)
def test_rule(changes: dict, code: str, severity: str) -> None:
    report = check(payload(**changes))
    assert codes(report).get(code) == severity, codes(report)
    finding = next(f for f in report.findings if f.code == code)
    assert finding.message and finding.fix  # every finding says what to do


def test_mn_as_a_number_is_fine() -> None:
    assert "mn-format" not in codes(check(payload(mn=81198873582)))


def test_video_webrtc_mode_zero_and_one_are_fine() -> None:
    for mode in (0, 1):
        assert check(payload(video_webrtc_mode=mode)).findings == ()


def test_native_token_is_info_and_needs_tokenexp() -> None:
    native = payload(mn=None, role=None)
    report = check(native)
    assert codes(report) == {"native-token": "info"}
    assert report.kind == "meeting-native" and report.usable
    without = check(payload(mn=None, role=None, tokenExp=None))
    assert codes(without)["tokenexp-missing"] == "error"


def test_unknown_claims_are_listed() -> None:
    report = check(payload(userName="x"))
    assert "userName" in next(f for f in report.findings if f.code == "unknown-claims").message


@pytest.mark.parametrize(
    ("window", "code"),
    [(1799, "exp-window-short"), (1800, None), (172800, None), (172801, "exp-window-long")],
)
def test_expiry_window_boundaries_are_inclusive(window: int, code: str | None) -> None:
    iat = NOW - 30
    report = check(payload(iat=iat, exp=iat + window, tokenExp=iat + window))
    window_codes = {c for c in codes(report) if c.startswith("exp-window")}
    assert window_codes == ({code} if code else set())


@pytest.mark.parametrize(("iat_offset", "future"), [(0, False), (1, False), (2, True), (120, True)])
def test_iat_future_allows_one_second(iat_offset: int, future: bool) -> None:
    iat = NOW + iat_offset
    report = check(payload(iat=iat, exp=iat + 7200, tokenExp=iat + 7200))
    assert ("iat-future" in codes(report)) is future


@pytest.mark.parametrize(
    ("left", "expected"), [(-100, "expired"), (0, "expired"), (299, "expires-soon"), (300, None)]
)
def test_expiry_against_now(left: int, expected: str | None) -> None:
    exp = NOW + left
    report = check(payload(iat=exp - 7200, exp=exp, tokenExp=exp))
    found = {c for c in codes(report) if c in ("expired", "expires-soon")}
    assert found == ({expected} if expected else set())
    if expected == "expired":
        assert next(f for f in report.findings if f.code == "expired").sdk_error == 3705


def test_milliseconds_skip_the_window_checks() -> None:
    report = check(payload(iat=(NOW - 30) * 1000))
    assert "exp-window-short" not in codes(report) and "iat-future" not in codes(report)


def test_header_rules() -> None:
    assert (
        codes(check(payload(), header={"alg": "HS256", "typ": "jwt"}))["typ-unexpected"]
        == "warning"
    )
    assert check(payload(), header={"alg": "HS256"}).findings == ()
    none_alg = (
        f"{b64url_encode(compact_json({'alg': 'none'}))}.{b64url_encode(compact_json(payload()))}."
    )
    report = inspect(none_alg, secret=SECRET, now=NOW)
    assert "alg-unsupported" in codes(report) and report.signature_valid is False


def test_signature_unchecked_without_secret_and_mismatch_with_wrong_one() -> None:
    assert codes(check(payload(), secret=None)) == {"signature-unchecked": "info"}
    wrong = check(payload(), secret="not-the-secret")
    assert codes(wrong) == {"signature-mismatch": "error"} and wrong.signature_valid is False


def test_key_unknown_when_another_profile_key_is_expected() -> None:
    assert codes(check(payload(), expected_key="SomeOtherClientId"))["key-unknown"] == "warning"
    assert check(payload(), expected_key=KEY).findings == ()


def test_video_sdk_token_is_recognised() -> None:
    video = {
        "app_key": KEY,
        "tpc": "qa",
        "role_type": 1,
        "version": 1,
        "iat": NOW - 30,
        "exp": NOW + 7200,
    }
    report = check(video)
    assert report.kind == "video" and "video-sdk-token" in codes(report)


def test_standard_base64_is_flagged_and_still_decoded() -> None:
    token = sign(payload(mn="99999999999"), SECRET)
    head, body, sig = token.split(".")
    std = [
        seg.replace("-", "+").replace("_", "/") + "=" * (-len(seg) % 4) for seg in (head, body, sig)
    ]
    report = inspect(".".join(std), secret=SECRET, now=NOW)
    assert "not-base64url" in codes(report)
    assert report.payload and report.payload["mn"] == "99999999999"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "hello.world",
        "a.b.c.d",
        "eyJ.eyJ.x",
        "bm90IGpzb24.bm90IGpzb24.c2ln",
        "W10.W10.c2ln",
    ],
)
def test_malformed_input(text: str) -> None:
    report = inspect(text, now=NOW)
    assert codes(report) == {"malformed": "error"}
    assert report.exit_status() == 2 and report.kind == "unknown"


def test_legacy_signature() -> None:
    import base64

    raw = f"{KEY}.81198873582.1795996770000.0.aGFzaA==".encode()
    report = inspect(base64.b64encode(raw).decode(), now=NOW)
    assert report.kind == "legacy" and codes(report) == {"legacy-signature": "error"}
    assert report.signature_valid is None and report.payload["mn"] == "81198873582"


@pytest.mark.parametrize("role", [[], {}, [0], None])
def test_odd_role_values_are_reported_not_raised(role) -> None:
    from zoomsig_gui.core.inspection.claims import claim_rows

    report = check(payload(role=role) if role is not None else payload(role=None, mn=None))
    rows = claim_rows(report.payload, NOW)  # the tables must render any value too
    assert rows and ("role-invalid" in codes(report) or role is None)


@pytest.mark.parametrize(
    ("literal", "code"),
    [
        ("NaN", "malformed"),
        ("Infinity", "malformed"),
        ("-Infinity", "malformed"),
        ("1e400", "claim-type"),
        ("1" + "0" * 400, "iat-milliseconds"),
    ],
)
def test_unreadable_times_are_reported_and_rendered_not_raised(literal: str, code: str) -> None:
    # NaN and Infinity are not JSON (JavaScript's JSON.parse refuses them); 1e400 reads as an
    # infinite float and 400 digits as a huge int. Tables, JSON and reports must all cope.
    from zoomsig_gui.commands.options import _strict
    from zoomsig_gui.core.inspection.claims import claim_rows
    from zoomsig_gui.core.support.casereport import build_case, render
    from zoomsig_gui.core.tokens.jwt import b64url_encode

    body = (
        f'{{"appKey":"{KEY}","sdkKey":"{KEY}","mn":"81198873582","role":0,'
        f'"iat":{literal},"exp":{literal},"tokenExp":{literal}}}'
    )
    header = b64url_encode(b'{"alg":"HS256","typ":"JWT"}')
    token = f"{header}.{b64url_encode(body.encode())}.c2ln"
    report = inspect(token, now=NOW)
    assert code in codes(report)
    rows = {row.name: row for row in claim_rows(report.payload, NOW)}
    assert code == "malformed" or {"iat", "exp", "tokenExp"} <= set(rows)
    json.loads(json.dumps(_strict(report.to_dict()), allow_nan=False))  # the CLI's JSON
    assert "## Findings" in render(build_case(token, now=NOW), "md")
