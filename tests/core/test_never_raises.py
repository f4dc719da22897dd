"""No input makes the inspector raise: it always answers with findings."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers.tokens import NOW, SECRET
from zoomsig_gui.core.inspection.inspector import inspect
from zoomsig_gui.core.tokens.jwt import b64url_encode, sign

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=10,
)
claim_names = st.sampled_from(
    [
        "appKey",
        "sdkKey",
        "mn",
        "role",
        "iat",
        "exp",
        "tokenExp",
        "video_webrtc_mode",
        "apiKey",
        "app_key",
        "tpc",
        "x",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_text(text: str) -> None:
    assert inspect(text, secret=SECRET, now=NOW).findings


@settings(max_examples=200, deadline=None)
@given(
    st.dictionaries(claim_names, json_values),
    st.dictionaries(st.sampled_from(["alg", "typ", "kid"]), json_values),
)
def test_any_claims(claims: dict, header: dict) -> None:
    report = inspect(sign(claims, SECRET, header or None), secret=SECRET, now=NOW)
    json.dumps(report.to_dict())  # the CLI's JSON can always be written


@settings(max_examples=200, deadline=None)
@given(st.binary(), st.binary(), st.binary())
def test_any_segments(a: bytes, b: bytes, c: bytes) -> None:
    text = ".".join(b64url_encode(x) for x in (a, b, c))
    assert inspect(text, secret=SECRET, now=NOW).findings is not None
