"""Token generation: the sample endpoint's payload, refusals, and other verifiers agree."""

from __future__ import annotations

import re

import jwt
import pytest

from tests.helpers.tokens import KEY, NOW, SECRET
from zoomsig_gui.core.inspection.inspector import inspect
from zoomsig_gui.core.tokens.jwt import verify
from zoomsig_gui.core.tokens.request import TokenError, TokenRequest, make_token, parse_duration


def decode(token: str) -> dict:
    return jwt.decode(
        token, SECRET, algorithms=["HS256"], options={"verify_exp": False, "verify_iat": False}
    )


def test_web_token_matches_zoom_sample_shape() -> None:
    token = make_token(TokenRequest(KEY, "81198873582", 1), SECRET, now=NOW)
    assert jwt.get_unverified_header(token) == {"alg": "HS256", "typ": "JWT"}
    assert decode(token) == {
        "appKey": KEY,
        "sdkKey": KEY,
        "mn": "81198873582",
        "role": 1,
        "iat": NOW - 30,
        "exp": NOW - 30 + 7200,
        "tokenExp": NOW - 30 + 7200,
    }
    assert list(decode(token)) == ["appKey", "sdkKey", "mn", "role", "iat", "exp", "tokenExp"]
    assert "=" not in token and verify(token, SECRET) and not verify(token, SECRET + "x")


def test_native_token_and_webrtc_mode() -> None:
    native = decode(make_token(TokenRequest(KEY), SECRET, now=NOW))
    assert "mn" not in native and "role" not in native and native["tokenExp"] == native["exp"]
    web = decode(make_token(TokenRequest(KEY, "81198873582", 0, webrtc_mode=1), SECRET, now=NOW))
    assert web["video_webrtc_mode"] == 1


def test_clock_offset_moves_iat_to_the_true_time() -> None:
    import time

    token = make_token(
        TokenRequest(KEY, "81198873582", 0, backdate_s=0), SECRET, clock_offset_s=-3600
    )
    assert abs(decode(token)["iat"] - (time.time() - 3600)) < 5


@pytest.mark.parametrize(("expires", "backdate"), [(1800, 0), (172800, 300), (7200, 30)])
def test_made_tokens_have_no_findings(expires: int, backdate: int) -> None:
    req = TokenRequest(KEY, "81198873582", 0, expires_s=expires, backdate_s=backdate)
    report = inspect(make_token(req, SECRET, now=NOW), secret=SECRET, now=NOW)
    assert report.findings == ()


@pytest.mark.parametrize(
    ("req", "words"),
    [
        (TokenRequest(KEY, "81198873582", 0, expires_s=1799), "30 min and 48 h"),
        (TokenRequest(KEY, "81198873582", 0, expires_s=172801), "30 min and 48 h"),
        (TokenRequest(KEY, "81198873582", 0, backdate_s=301), "0 to 300"),
        (TokenRequest(KEY, "81198873582", 0, backdate_s=-1), "0 to 300"),
        (TokenRequest(KEY, "811 9887 3582", 0), "9 to 11 digits"),
        (TokenRequest(KEY, "81198873582", 2), "0 (attendee) or 1 (host)"),
        (TokenRequest(KEY, "81198873582", None), "both a meeting number and a role"),
        (TokenRequest(" " + KEY, "81198873582", 0), "spaces"),
        (TokenRequest(KEY, "81198873582", 0, webrtc_mode=3), "0 or 1"),
    ],
)
def test_out_of_range_input_is_refused_never_signed(req: TokenRequest, words: str) -> None:
    with pytest.raises(TokenError, match=re.escape(words)):
        make_token(req, SECRET, now=NOW)


def test_empty_secret_is_refused() -> None:
    with pytest.raises(TokenError, match="secret is empty"):
        make_token(TokenRequest(KEY, "81198873582", 0), "", now=NOW)


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("7200", 7200),
        ("30m", 1800),
        ("2h", 7200),
        ("1h30m", 5400),
        ("45 min", 2700),
        (600, 600),
        ("2d", 172800),
    ],
)
def test_parse_duration(text: str | int, seconds: int) -> None:
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["", "soon", "2 days", "-5m", "1.5h"])
def test_parse_duration_refuses_with_example(text: str) -> None:
    with pytest.raises(TokenError, match="30m"):
        parse_duration(text)
