"""One time source far from the local clock is not believed on its own: an NTP era wrap, a
transmit time of 0xFFFFFFFF, a Date of the year 0001, a server a century off."""

from __future__ import annotations

import time

import pytest

from tests.helpers.http_date_server import HttpDateServer
from tests.helpers.ntp_responder import NtpResponder
from zoomsig_gui.cli import main
from zoomsig_gui.core.clock.check import FAR_S, check_clock
from zoomsig_gui.core.clock.ntp import unix_time

YEAR = 365.25 * 86400


def token_argv(*extra: str) -> list[str]:
    return [
        "token",
        "--key",
        "clockKey",
        "--secret-env",
        "ZS_CLOCK_SECRET",
        "--meeting",
        "81198873582",
        "--role",
        "0",
        *extra,
    ]


@pytest.mark.parametrize("offset", [100 * YEAR, -50 * YEAR, 2 * 86400, -3 * 86400])
def test_one_far_ntp_answer_is_refused(offset: float) -> None:
    with NtpResponder(offset_s=offset) as server:
        check = check_clock([server.address], timeout_s=1.0, http_fallback=False)
    assert check.reading is None and check.status == "unknown"
    assert any("not believed" in f.reason for f in check.faults)


def test_transmit_time_all_ones_is_refused() -> None:
    with NtpResponder(transmit=b"\xff" * 8) as server:
        check = check_clock([server.address], timeout_s=1.0, http_fallback=False)
    assert check.reading is None
    assert any("not believed" in f.reason for f in check.faults)


def test_two_far_sources_that_agree_are_believed() -> None:
    offset = 3 * 86400
    with NtpResponder(offset_s=offset) as one, NtpResponder(offset_s=offset + 1) as two:
        check = check_clock([one.address, two.address], timeout_s=1.5, http_fallback=False)
    assert check.reading is not None
    assert check.reading.offset_s == pytest.approx(offset, abs=2)


def test_a_far_ntp_answer_waits_for_a_second_source_that_disagrees() -> None:
    with NtpResponder(offset_s=100 * YEAR) as far, HttpDateServer(skew_s=0) as web:
        check = check_clock([far.address], timeout_s=1.5, http_url=web.url)
    assert check.reading is not None and check.reading.method == "http"
    assert abs(check.reading.offset_s) < 5


def test_a_date_of_the_year_0001_is_refused() -> None:
    with HttpDateServer(date="Mon, 01 Jan 0001 00:00:00 GMT") as web:
        check = check_clock([], timeout_s=1.0, http_url=web.url)
    assert check.reading is None
    assert any("not believed" in f.reason for f in check.faults)  # read as 2001: far off


def test_ntp_eras_after_2036() -> None:
    after_wrap = 2_200_000_000.0  # 2039: NTP seconds have wrapped to a small number
    ntp_seconds = (after_wrap + 2_208_988_800) % 2**32
    assert unix_time(ntp_seconds, near=after_wrap) == pytest.approx(after_wrap)
    assert unix_time(3_900_000_000.0, near=time.time()) == pytest.approx(
        3_900_000_000 - 2_208_988_800
    )


def test_token_sync_never_signs_with_a_single_far_answer(capsys, monkeypatch) -> None:
    monkeypatch.setenv("ZS_CLOCK_SECRET", "clock-secret-0123456789abcdef")
    with NtpResponder(offset_s=100 * YEAR) as server:
        status = main(
            token_argv("--sync", "--sync-server", server.address, "--sync-http-url", "none")
        )
    out, err = capsys.readouterr()
    assert status == 2 and out == ""
    assert "not believed" in err
    assert FAR_S == 86_400
