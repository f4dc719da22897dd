"""Reproduce: their claim shape and quirks, our key and secret, times related to now."""

from __future__ import annotations

import json

import pytest

from tests.helpers.env import VECTORS
from zoomsig_gui.core.inspection.inspector import inspect
from zoomsig_gui.core.support.reproduce import (
    SIGNER_CODES,
    ReproduceError,
    reproduce,
    sign_like,
    verify_legacy,
)

OUR_KEY = "SupportTestKey0000001"
OUR_SECRET = "support-desk-secret-7f3a"
JWT_CASES = [c for c in VECTORS["cases"] if c["input"].count(".") == 2 and c["name"] != "garbage"]
DAY = 86400


def _type_names(claims: dict) -> dict[str, str]:
    return {name: type(value).__name__ for name, value in claims.items()}


def _shape(codes: list[str]) -> list[str]:
    return [c for c in codes if c not in SIGNER_CODES]


@pytest.mark.parametrize("case", JWT_CASES, ids=[c["name"] for c in JWT_CASES])
def test_reproduction_keeps_every_quirk_and_verifies_with_our_secret(case: dict) -> None:
    now = case["now"] + DAY  # a day later, as when a ticket is read the next morning
    theirs = inspect(case["input"], secret=case["secret"], now=case["now"])
    repro = reproduce(case["input"], OUR_KEY, OUR_SECRET, now=now, their_now=case["now"])
    ours = inspect(repro.token, secret=OUR_SECRET, now=now)
    assert list(ours.payload) == list(theirs.payload)
    assert _type_names(ours.payload) == _type_names(theirs.payload)
    assert ours.header == theirs.header
    assert _shape(ours.codes()) == _shape(theirs.codes())
    assert ours.signature_valid is True
    assert inspect(repro.token, secret=VECTORS["secret"], now=now).signature_valid is False
    assert OUR_KEY in (
        ours.payload.get("appKey"),
        ours.payload.get("sdkKey"),
        ours.payload.get("app_key"),
    )
    assert VECTORS["key"] not in (ours.payload.get("appKey"), ours.payload.get("app_key"))


@pytest.mark.parametrize("case", JWT_CASES, ids=[c["name"] for c in JWT_CASES])
def test_times_stand_in_the_same_relation_to_now(case: dict) -> None:
    now = case["now"] + 3 * DAY + 17
    repro = reproduce(case["input"], OUR_KEY, OUR_SECRET, now=now, their_now=case["now"])
    theirs = inspect(case["input"], now=case["now"]).payload
    for claim in ("iat", "exp", "tokenExp"):
        if claim not in theirs:
            continue
        before, after = int(theirs[claim]), int(repro.payload[claim])
        unit = 1000 if before > 10**11 else 1
        assert (after - now * unit) == (before - case["now"] * unit), claim


def test_without_their_time_the_times_are_kept_as_they_are() -> None:
    case = next(c for c in VECTORS["cases"] if c["name"] == "iat two minutes in the future")
    repro = reproduce(case["input"], OUR_KEY, OUR_SECRET, now=case["now"])
    theirs = inspect(case["input"], now=case["now"]).payload
    assert repro.payload["iat"] == theirs["iat"] and repro.shift_s == 0
    assert "iat-future" in repro.ours.codes()


def test_side_by_side_marks_key_and_moved_times_only() -> None:
    case = next(c for c in VECTORS["cases"] if c["name"] == "meeting number with spaces")
    repro = reproduce(
        case["input"], OUR_KEY, OUR_SECRET, now=case["now"] + 60, their_now=case["now"]
    )
    changed = {r.claim: r for r in repro.rows if r.differs}
    assert set(changed) == {"appKey", "sdkKey", "iat", "exp", "tokenExp"}
    assert changed["appKey"].ours == json.dumps(OUR_KEY)
    assert "our key" in changed["appKey"].why and "+60 s" in changed["iat"].why
    mn_row = next(r for r in repro.rows if r.claim == "mn")
    assert not mn_row.differs and mn_row.ours == '"811 9887 3582"'


def test_a_second_different_key_is_kept_so_the_mismatch_stays() -> None:
    case = next(c for c in VECTORS["cases"] if c["name"] == "appKey differs from sdkKey")
    repro = reproduce(case["input"], OUR_KEY, OUR_SECRET, now=case["now"])
    assert repro.payload["appKey"] == OUR_KEY
    assert repro.payload["sdkKey"] == "SomeOtherKey0000000000"
    assert "key-mismatch" in repro.ours.codes()
    assert any("sdkKey" in note for note in repro.notes)


def test_extra_claims_and_standard_base64_are_kept() -> None:
    payload = {
        "sdkKey": "CustKey",
        "mn": 811988735,
        "role": "1",
        "iat": 1795996770,
        "exp": 1796003970,
        "userEmail": "a@example.com",
        "x": [1, 2],
    }
    token, _ = sign_like({"alg": "HS256", "typ": "JWT"}, payload, "theirs", standard_b64=True)
    assert "not-base64url" in inspect(token, now=1795996800).codes()
    repro = reproduce(token, OUR_KEY, OUR_SECRET, now=1795996800)
    ours = inspect(repro.token, secret=OUR_SECRET, now=1795996800)
    assert ours.payload == {**payload, "sdkKey": OUR_KEY}
    assert "not-base64url" in ours.codes() and ours.signature_valid is True
    assert "=" in repro.token or "+" in repro.token or "/" in repro.token


def test_json_response_and_join_link_are_reproduced_like_the_bare_token() -> None:
    case = JWT_CASES[0]
    bare = reproduce(case["input"], OUR_KEY, OUR_SECRET, now=case["now"])
    as_json = reproduce(
        json.dumps({"signature": case["input"]}), OUR_KEY, OUR_SECRET, now=case["now"]
    )
    link = reproduce(
        f"https://example.com/meeting.html?mn=1&signature={case['input']}&role=0",
        OUR_KEY,
        OUR_SECRET,
        now=case["now"],
    )
    assert bare.token == as_json.token == link.token


def test_old_style_signature_is_reproduced_the_old_way_with_our_secret() -> None:
    case = next(c for c in VECTORS["cases"] if c["name"] == "legacy pre-JWT Web SDK signature")
    repro = reproduce(
        case["input"], OUR_KEY, OUR_SECRET, now=case["now"] + 10, their_now=case["now"]
    )
    assert verify_legacy(repro.token, OUR_SECRET)
    assert not verify_legacy(repro.token, case["secret"])
    ours = inspect(repro.token, now=case["now"])
    assert ours.codes() == ["legacy-signature"]
    assert ours.payload["apiKey"] == OUR_KEY
    assert ours.payload["timestamp_ms"] == 1795996770000 + 10_000


def test_garbage_is_refused_with_a_plain_message() -> None:
    with pytest.raises(ReproduceError, match="nothing to reproduce"):
        reproduce("hello.world", OUR_KEY, OUR_SECRET, now=1795996800)


def test_missing_key_or_secret_is_refused() -> None:
    token = JWT_CASES[0]["input"]
    with pytest.raises(ReproduceError, match="key"):
        reproduce(token, " ", OUR_SECRET, now=1795996800)
    with pytest.raises(ReproduceError, match="secret"):
        reproduce(token, OUR_KEY, "", now=1795996800)
