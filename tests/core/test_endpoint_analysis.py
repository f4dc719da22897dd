"""The endpoint check's reading of answers, without a network: whatever an endpoint sends,
the check reports it and never raises."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from tests.helpers.endpoints import OPEN, answer, token
from zoomsig_gui.core.endpoint.check import analyse
from zoomsig_gui.core.endpoint.client import Gathered, Preflight
from zoomsig_gui.core.endpoint.request import EndpointRequest
from zoomsig_gui.core.tokens.jwt import sign

REQ = EndpointRequest("http://127.0.0.1:4000/", "81198873582", 0, samples=1)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner),
    max_leaves=20,
)
bodies = st.one_of(
    st.binary(max_size=2000),
    json_values.map(lambda v: json.dumps(v).encode()),
    st.dictionaries(st.sampled_from(["signature", "token", "x"]), json_values).map(
        lambda v: json.dumps(v).encode()
    ),
    st.integers(1, 200_000).map(lambda depth: b"[" * depth + b"]" * depth),
    st.integers(1, 200_000).map(lambda depth: b'{"signature":"' + b"{" * depth + b'"}'),
    st.just(b"x" * 1_000_000),
    st.just(json.dumps({"token": sign({"iss": "k", "aud": None, "exp": 1}, "s")}).encode()),
)


@given(body=bodies, status=st.sampled_from([200, 201, 400, 500]))
def test_no_answer_body_makes_the_check_raise(body, status):
    result = analyse(REQ, Gathered(OPEN, (answer(body, status),)), secret="secret")
    assert result.samples == 1 and result.answered == 1
    assert result.summary
    json.dumps(result.to_dict(), allow_nan=False)


def test_a_bare_jwt_body_is_read():
    result = analyse(REQ, Gathered(OPEN, (answer(token().encode()),)), secret="secret")
    assert result.usable == 1 and result.exit_status() == 0


def test_no_signature_names_the_fields_seen():
    body = json.dumps({"jwt": token(), "sdkKey": "k"}).encode()
    result = analyse(REQ, Gathered(OPEN, (answer(body),)))
    item = result.findings[0]
    assert (item.code, item.count, item.of) == ("endpoint-no-signature", 1, 1)
    assert "jwt, sdkKey" in item.message


def test_validation_errors_are_quoted():
    body = json.dumps({"errors": [{"property": "role", "reason": "Must be in [0, 1]"}]})
    result = analyse(REQ, Gathered(OPEN, (answer(body.encode(), 400),)))
    item = result.findings[0]
    assert item.code == "endpoint-http-error"
    assert "“role: Must be in [0, 1]”" in item.message


def test_another_secret_is_counted():
    answers = tuple(answer(json.dumps({"signature": token()}).encode(), index=i) for i in range(3))
    wrong = answer(
        json.dumps({"signature": sign({"appKey": "k", "sdkKey": "k"}, "other")}).encode(), index=3
    )
    result = analyse(
        EndpointRequest(REQ.url, "81198873582", 0, samples=4),
        Gathered(OPEN, (*answers, wrong)),
        secret="secret",
    )
    mismatch = next(f for f in result.findings if f.code == "signature-mismatch")
    assert (mismatch.count, mismatch.of) == (1, 4)
    assert "1 of 4 signed with another secret" in result.summary


def test_preflight_without_content_type_blocks():
    body = json.dumps({"signature": token()}).encode()
    result = analyse(REQ, Gathered(Preflight(204, "*", "x-other"), (answer(body),)))
    assert result.cors_allowed is False
    assert "does not allow the header content-type" in result.findings[0].message
