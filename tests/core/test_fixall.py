"""Fix all: the token the findings ask for, with no error finding, as a minimal claim diff."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers.env import VECTORS
from zoomsig_gui.core.inspection.inspector import inspect
from zoomsig_gui.core.support.fixall import FixError, fix_all
from zoomsig_gui.core.support.reproduce import sign_like

OUR_KEY = "SupportTestKey0000001"
OUR_SECRET = "support-desk-secret-7f3a"
# Not fixable: a Video SDK token has no meeting number; garbage holds nothing at all.
NOT_FIXABLE = {"Video SDK token": "Video SDK token", "garbage": "nothing to reproduce"}
FIXABLE = [c for c in VECTORS["cases"] if c["name"] not in NOT_FIXABLE]


def _case(name: str) -> dict:
    return next(c for c in VECTORS["cases"] if c["name"] == name)


@pytest.mark.parametrize("case", FIXABLE, ids=[c["name"] for c in FIXABLE])
def test_every_fixable_vector_gives_a_token_without_error_findings(case: dict) -> None:
    now = case["now"] + 3600
    result = fix_all(case["input"], OUR_KEY, OUR_SECRET, now=now, their_now=case["now"])
    check = inspect(result.token, secret=OUR_SECRET, now=now, expected_key=OUR_KEY)
    assert check.errors == [], check.codes()
    assert check.signature_valid is True
    assert check.payload["appKey"] == OUR_KEY
    assert not {"expires-soon", "key-unknown", "tokenexp-after-exp"} & set(check.codes())


@pytest.mark.parametrize("name", sorted(NOT_FIXABLE))
def test_unfixable_inputs_are_refused_with_a_reason(name: str) -> None:
    case = _case(name)
    with pytest.raises(FixError, match=NOT_FIXABLE[name]):
        fix_all(case["input"], OUR_KEY, OUR_SECRET, now=case["now"])


@pytest.mark.parametrize(
    ("name", "changed", "fixed"),
    [
        ("meeting number with spaces", {"mn"}, {"mn": "81198873582"}),
        ("the forum thread's payload: sdkKey only", {"appKey"}, {"appKey": VECTORS["key"]}),
        ("iat in milliseconds", {"iat"}, {"iat": 1795996770}),
        ("iat as a string", {"iat"}, {"iat": 1795996770}),
        ("role 2", {"role"}, {"role": 0}),
        ("mn without role", {"role"}, {"role": 0}),
        ("exp 3 days after iat", {"exp", "tokenExp"}, {"exp": 1795996770 + 7200}),
        ("exp only 1000 s after iat", {"exp", "tokenExp"}, {"tokenExp": 1795996770 + 7200}),
        ("appKey differs from sdkKey", {"sdkKey"}, {"sdkKey": VECTORS["key"]}),
        ("HS512", {"alg"}, {}),
        ("valid web token, jsrsasign", set(), {}),
    ],
)
def test_the_diff_is_only_what_the_findings_ask_for(name: str, changed: set, fixed: dict) -> None:
    # With the customer's own key and secret, only the fix itself remains in the diff.
    case = _case(name)
    result = fix_all(case["input"], VECTORS["key"], VECTORS["secret"], now=case["now"])
    assert {r.claim for r in result.changes} == changed
    for claim, value in fixed.items():
        assert result.payload[claim] == value
    assert all(r.why.startswith("fixes") or "equal to exp" in r.why for r in result.changes)


def test_expired_token_gets_fresh_times_with_their_expiry_window() -> None:
    case = _case("expired")
    now = case["now"]
    result = fix_all(case["input"], OUR_KEY, OUR_SECRET, now=now)
    assert result.payload["iat"] == now - 30
    assert result.payload["exp"] - result.payload["iat"] == 7200
    assert result.payload["tokenExp"] == result.payload["exp"]
    rows = {r.claim: r for r in result.changes}
    assert "expired" in rows["exp"].why


def test_future_iat_is_backdated_to_now() -> None:
    case = _case("iat two minutes in the future")
    result = fix_all(case["input"], OUR_KEY, OUR_SECRET, now=case["now"])
    assert result.payload["iat"] <= case["now"]
    assert "iat-future" not in result.check.codes()


def test_old_style_signature_becomes_a_fresh_token_from_what_it_holds() -> None:
    case = _case("legacy pre-JWT Web SDK signature")
    result = fix_all(case["input"], OUR_KEY, OUR_SECRET, now=case["now"])
    assert result.fresh
    assert result.payload["mn"] == "81198873582" and result.payload["role"] == 0
    assert any("pre-2022" in note for note in result.notes)


def test_role_assumption_and_harmless_claims_are_said_not_silently_changed() -> None:
    payload = {
        "appKey": "K",
        "sdkKey": "K",
        "mn": "81198873582",
        "role": 7,
        "iat": 1795996770,
        "exp": 1796003970,
        "tokenExp": 1796003970,
        "user": "ann",
    }
    token, _ = sign_like({"alg": "HS256", "typ": "JWT"}, payload, "theirs")
    result = fix_all(token, "K", "s", now=1795996800)
    assert result.payload["role"] == 0 and result.payload["user"] == "ann"
    assert any("attendee" in n for n in result.notes)
    assert any("unknown-claims" in n for n in result.notes)


def test_native_token_without_token_exp_gets_one() -> None:
    payload = {"appKey": "K", "sdkKey": "K", "iat": 1795996770, "exp": 1796003970}
    token, _ = sign_like({"alg": "HS256", "typ": "JWT"}, payload, "theirs")
    assert "tokenexp-missing" in [f.code for f in inspect(token, now=1795996800).errors]
    result = fix_all(token, "K", "s", now=1795996800)
    assert result.payload["tokenExp"] == 1796003970 and not result.check.errors


def test_unrepairable_meeting_number_is_refused() -> None:
    payload = {
        "appKey": "K",
        "sdkKey": "K",
        "mn": "12-34",
        "role": 0,
        "iat": 1795996770,
        "exp": 1796003970,
        "tokenExp": 1796003970,
    }
    token, _ = sign_like({"alg": "HS256", "typ": "JWT"}, payload, "theirs")
    with pytest.raises(FixError, match="cannot be repaired"):
        fix_all(token, "K", "s", now=1795996800)


_CLAIMS = [
    "appKey",
    "sdkKey",
    "apiKey",
    "mn",
    "role",
    "iat",
    "exp",
    "tokenExp",
    "video_webrtc_mode",
    "app_key",
    "tpc",
    "extra",
]
_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**14), 10**14),
    st.floats(allow_nan=False, allow_infinity=False),  # NaN and Infinity are not JSON
    st.text(max_size=12),
    st.sampled_from(["81198873582", "811 9887 3582", "0", "1", "host"]),
    st.integers(1795990000, 1796100000),
    st.lists(st.integers(), max_size=2),
)


@settings(max_examples=300, deadline=None)
@given(
    st.dictionaries(st.sampled_from(_CLAIMS), _VALUES, max_size=9),
    st.sampled_from([{"alg": "HS256", "typ": "JWT"}, {"alg": "none"}, {"typ": 5}]),
)
def test_any_payload_is_fixed_or_refused_with_a_message(payload: dict, header: dict) -> None:
    token, _ = sign_like(header, payload, "theirs")
    try:
        result = fix_all(token, OUR_KEY, OUR_SECRET, now=1795996800)
    except FixError as exc:
        # Refused only for what cannot be recovered, never because our own fixes fell short.
        assert "Video SDK token" in str(exc) or "meeting number" in str(exc), str(exc)
        return
    assert inspect(result.token, secret=OUR_SECRET, now=1795996800).errors == []


def test_a_meeting_number_typed_in_full_width_digits_becomes_ascii_digits() -> None:
    # A Japanese or Chinese input method types １２３; Zoom wants 0-9.
    payload = {
        "appKey": "K",
        "sdkKey": "K",
        "mn": "８１１ ９８８７ ３５８２",
        "role": 0,
        "iat": 1795996770,
        "exp": 1796003970,
        "tokenExp": 1796003970,
    }
    token, _ = sign_like({"alg": "HS256", "typ": "JWT"}, payload, "theirs")
    assert "mn-format" in inspect(token, now=1795996800).codes()
    result = fix_all(token, "K", "s", now=1795996800)
    assert result.payload["mn"] == "81198873582" and not result.check.errors


@pytest.mark.parametrize(
    "claims",
    [
        {"appKey": True, "sdkKey": "CustKey"},
        {"appKey": 12345},
        {"appKey": "CustKey", "sdkKey": ["CustKey"]},
    ],
)
def test_the_fixed_token_carries_our_key_even_where_theirs_was_not_text(claims: dict) -> None:
    payload = {
        **claims,
        "mn": "81198873582",
        "role": 0,
        "iat": 1795996770,
        "exp": 1796003970,
        "tokenExp": 1796003970,
    }
    token, _ = sign_like({"alg": "HS256", "typ": "JWT"}, payload, "theirs")
    result = fix_all(token, OUR_KEY, OUR_SECRET, now=1795996800)
    for name in claims:
        assert result.payload[name] == OUR_KEY, name
    assert "key-unknown" not in result.check.codes()
