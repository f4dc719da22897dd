"""The ticket sentence of an endpoint check names each cause in plain words."""

from __future__ import annotations

import pytest

from zoomsig_gui.core.endpoint.result import EndpointFinding, EndpointResult, Spread
from zoomsig_gui.core.endpoint.summary import summary_sentence


def finding(
    code: str, severity: str = "error", count: int = 2, message: str = ""
) -> EndpointFinding:
    return EndpointFinding(code, severity, count, 5, message or code, "fix it")


def result(*findings: EndpointFinding, usable: int = 3, **fields: object) -> EndpointResult:
    values: dict = dict(
        url="https://example.test/sig",
        asked={"mn": "81198873582", "role": 0},
        samples=5,
        answered=5,
        usable=usable,
        origin="http://localhost:9999",
        cors_allowed=True,
        iat_offset_s=None,
        date_offset_s=None,
        findings=findings,
        rows=(),
        summary="",
    )
    values.update(fields)
    return EndpointResult(**values)


@pytest.mark.parametrize(
    ("code", "words"),
    [
        ("endpoint-http-error", "an HTTP error in 2 of 5 answers"),
        ("endpoint-no-signature", "no signature in 2 of 5 answers"),
        ("endpoint-ignored-meeting", "ignores the meeting asked for in 2 of 5"),
        ("endpoint-clock-ahead", "the signing server's clock runs ahead in 2 of 5"),
        ("appkey-missing", "appKey missing in 2 of 5"),
        ("signature-mismatch", "2 of 5 signed with another secret"),
        ("expired", "already expired in 2 of 5"),
        ("malformed", "no readable token in 2 of 5"),
        ("mn-format", "mn-format in 2 of 5"),
    ],
)
def test_each_cause_of_rejected_answers_is_named(code, words):
    sentence = summary_sentence(result(finding(code)), 5)
    assert sentence.startswith("2 of 5 answers would be rejected: ") and words in sentence


def test_padding_is_told_apart_from_plus_and_slash():
    padded = finding("endpoint-encoding-intermittent", message="tokens with = padding")
    assert "standard base64 and = padding" in summary_sentence(result(padded), 5)
    plus = finding("endpoint-encoding-intermittent", message="tokens with + or /")
    assert "“works after retrying”" in summary_sentence(result(plus), 5)


def test_cors_is_said_beside_the_rejections_and_alone():
    cors = finding("endpoint-cors-blocked")
    both = summary_sentence(result(finding("expired"), cors), 5)
    assert both.endswith(
        "; and a browser page at http://localhost:9999 cannot read the answers (CORS)."
    )
    alone = summary_sentence(result(cors, usable=5), 5)
    assert alone.startswith("All 5 tokens are usable, but a browser page at")


def test_warnings_are_added_to_a_clean_result():
    spread = finding("endpoint-clock-spread", "warning")
    slow = finding("endpoint-slow", "warning")
    other = finding("endpoint-other", "warning")
    clocks = Spread(min=-3, median=0, max=4)
    sentence = summary_sentence(result(spread, slow, usable=5, iat_offset_s=clocks), 5)
    assert "clocks differ by up to 7 s" in sentence and "the endpoint is slow" in sentence
    assert "endpoint-other" in summary_sentence(result(other, usable=5), 5)


def test_a_stopped_check_says_how_far_it_got():
    none = summary_sentence(result(samples=0, answered=0, usable=0, stopped="cancelled"), 5)
    assert none == "No sample was taken (cancelled after 0 of 5 samples)."
    some = summary_sentence(result(samples=2, answered=2, usable=2, stopped="time-limit"), 5)
    assert some.endswith("(stopped at the time limit after 2 of 5 samples).")
