"""Unwrapping a paste takes time in proportion to its length, and a huge paste is searched
only at its start (a customer's 100 MB paste must not stall the window or a command)."""

from __future__ import annotations

from tests.helpers.hangguard import hang_guard
from tests.helpers.tokens import NOW, SECRET, payload
from zoomsig_gui.core.inspection.inspector import inspect
from zoomsig_gui.core.inspection.paste import MAX_SEARCH, extract
from zoomsig_gui.core.tokens.jwt import sign

TOKEN = sign(payload(), SECRET)


def test_many_eyj_without_dots_is_not_a_token() -> None:
    # One long run of token characters, not a bare token because of the "!" at its end.
    with hang_guard():
        report = inspect("eyJ" * (MAX_SEARCH // 3 - 1) + "!", now=NOW)
    assert report.codes() == ["malformed"]


def test_many_eyj_in_words_then_a_token() -> None:
    text = "eyJ " * (MAX_SEARCH // 5) + f" here: {TOKEN}"
    with hang_guard():
        assert extract(text).token == TOKEN


def test_thousands_of_nested_quotes_around_a_token() -> None:
    depth = (MAX_SEARCH - len(TOKEN)) // 4
    text = "\"'" * depth + TOKEN + "'\"" * depth
    with hang_guard():
        pasted = extract(text)
    assert pasted.token == TOKEN


def test_bearer_inside_quotes_and_quotes_after_bearer() -> None:
    assert extract(f"  ' Bearer \"{TOKEN}\" '").token == TOKEN


def test_a_paste_beyond_the_cap_is_searched_only_at_its_start() -> None:
    text = TOKEN + " " + "A" * (MAX_SEARCH * 3)
    pasted = extract(text)
    assert pasted.cut and pasted.token == TOKEN
    report = inspect("x" * (MAX_SEARCH + 1) + " " + TOKEN, secret=SECRET, now=NOW)
    assert report.codes() == ["malformed"]
    assert f"Only the first {MAX_SEARCH:,}" in report.findings[0].message


def test_a_huge_signature_link_gets_a_message() -> None:
    link = "https://example.com/meeting.html?signature=" + "%41" * MAX_SEARCH
    with hang_guard():
        report = inspect(link, now=NOW)
    assert report.codes() == ["malformed"]
    assert "were searched" in report.findings[0].message


def test_a_token_touching_the_cut_does_not_count() -> None:
    text = " " * (MAX_SEARCH - 40) + TOKEN
    assert extract(text).token == ""


def test_query_value_stops_at_the_fragment() -> None:
    link = f"https://example.com/m.html?a=1&signature={TOKEN}#signature=other"
    assert extract(link).token == TOKEN
    assert extract(f"https://example.com/m.html#x?signature={TOKEN}").source != "url"
