"""The token found in any text (a log line, node's console.log, a copied curl or fetch call),
and several different tokens in one text each inspected."""

from __future__ import annotations

import pytest

from tests.helpers.tokens import KEY, NOW, SECRET, payload
from zoomsig_gui.core.inspection.inspector import inspect
from zoomsig_gui.core.inspection.paste import all_jwts, extract
from zoomsig_gui.core.tokens.jwt import sign

TOKEN = sign(payload(), SECRET)
REST = sign({"iss": "AbCdEfGhIjKlMnOp", "aud": None, "exp": NOW + 3600, "iat": NOW}, SECRET)


@pytest.mark.parametrize(
    "text",
    [
        f"2026-12-01T11:02:03Z INFO signature issued token={TOKEN} user=42 ms=3",
        f"{{ signature: '{TOKEN}', sdkKey: '{KEY}' }}",  # node's console.log of the answer
        f"curl -X POST https://example.test/join -H 'Content-Type: application/json' "
        f'-d \'{{"signature":"{TOKEN}"}}\'',
        f'fetch("https://example.test/", {{ method: "POST", body: JSON.stringify('
        f'{{ signature: "{TOKEN}" }}) }})',
        f"Here is what the backend sent:\n\n    {TOKEN}\n\nThanks!",
    ],
)
def test_the_token_is_found_in_any_text(text: str) -> None:
    assert extract(text).token == TOKEN
    report = inspect(text, secret=SECRET, now=NOW)
    assert report.usable and report.signature_valid is True and not report.others


def test_several_different_tokens_are_each_inspected() -> None:
    text = f"curl -H 'Authorization: Bearer {REST}' -d '{{\"signature\": \"{TOKEN}\"}}'"
    report = inspect(text, secret=SECRET, now=NOW)
    assert [r.kind for r in report.each()] == ["rest", "meeting-web"]
    shape = report.to_dict()
    assert shape["kind"] == "rest" and shape["others"][0]["kind"] == "meeting-web"
    assert shape["others"][0]["findings"] == []
    assert "others" not in inspect(TOKEN, now=NOW).to_dict()  # one token: the contract's shape


def test_the_same_token_twice_is_one_token() -> None:
    assert all_jwts(f"{TOKEN} and again {TOKEN}.") == [TOKEN]
    assert not inspect(f"{TOKEN}\n{TOKEN}", now=NOW).others


def test_a_long_run_without_dots_is_searched_in_linear_time() -> None:
    # One run of token characters with eyJ everywhere: each is looked at a bounded number
    # of times, so this returns at once (a regex from every eyJ would take minutes).
    assert all_jwts("eyJ" * 300_000) == []


@pytest.mark.parametrize(
    "text",
    [
        "{ signature: 'Yk9xM2Z4dGhpc2lzMzJieXRlc29mYW5obWFjZGlnZXM=' }",
        "2026-12-01 INFO signature=Yk9xM2Z4dGhpc2lzMzJieXRlc29mYW5obWFjZGlnZXM= sent",
        '{"token": "' + "ab" * 32 + '"}',
    ],
)
def test_a_bare_hmac_printed_or_logged_is_named(text: str) -> None:
    assert inspect(text, now=NOW).codes() == ["hmac-only"]


def test_many_names_without_values_are_searched_quickly() -> None:
    assert inspect("token: x " * 100_000, now=NOW).codes() == ["malformed"]
