"""The HTTP Date fallback, against a loopback web server whose clock is skewed."""

from __future__ import annotations

import socket

import pytest

from tests.helpers.http_date_server import HttpDateServer
from tests.helpers.ntp_responder import NtpResponder
from zoomsig_gui.core.clock.check import check_clock


@pytest.mark.parametrize("skew", [-3600, -120, 0, 45, 7200])
def test_fallback_reads_a_skewed_date_when_ntp_is_silent(skew: int) -> None:
    with NtpResponder(behaviour="silent") as ntp, HttpDateServer(skew_s=skew) as web:
        result = check_clock([ntp.address], timeout_s=1.0, http_url=web.url)
    assert web.requests == ["HEAD"]
    assert result.reading is not None
    assert result.reading.method == "http"
    assert result.reading.stratum is None
    assert result.reading.server == "127.0.0.1"
    assert result.reading.offset_s == pytest.approx(skew, abs=1.0)  # Date has 1 s steps
    assert "coarse" in result.message
    assert [f.server for f in result.faults] == [ntp.address]


def test_fallback_starts_at_once_when_every_ntp_server_failed() -> None:
    with NtpResponder(behaviour="kod") as ntp, HttpDateServer(skew_s=-300) as web:
        result = check_clock([ntp.address], timeout_s=1.0, http_url=web.url)
    assert result.status == "error"
    assert result.message.startswith("Your clock is 5 min ahead")
    assert result.to_dict()["method"] == "http"


def test_ntp_answer_means_no_http_request() -> None:
    with NtpResponder(offset_s=3) as ntp, HttpDateServer(skew_s=-300) as web:
        result = check_clock([ntp.address], timeout_s=1.0, http_url=web.url)
    assert result.reading is not None and result.reading.method == "ntp"
    assert web.requests == []


def test_fallback_off_means_no_http_request() -> None:
    with NtpResponder(behaviour="silent") as ntp, HttpDateServer() as web:
        result = check_clock([ntp.address], timeout_s=0.6, http_fallback=False, http_url=web.url)
    assert result.status == "unknown"
    assert web.requests == []


@pytest.mark.parametrize(
    ("date", "reason"),
    [
        (None, "sent no Date header"),
        ("yesterday at noon", "not a date"),
    ],
)
def test_a_useless_date_header_is_a_fault(date: str | None, reason: str) -> None:
    with NtpResponder(behaviour="silent") as ntp, HttpDateServer(date=date) as web:
        result = check_clock([ntp.address], timeout_s=0.8, http_url=web.url)
    assert result.status == "unknown"
    assert web.requests == ["HEAD"]
    assert reason in result.details


def test_unreachable_web_server_is_a_fault() -> None:
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    result = check_clock([], timeout_s=0.8, http_url=f"http://127.0.0.1:{port}/")
    assert result.status == "unknown"
    assert "could not be reached" in result.details
