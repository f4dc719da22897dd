"""Clock check against loopback NTP servers: offsets, verdicts, and every fault ends cleanly."""

from __future__ import annotations

import socket
import threading
import time

import pytest

from tests.helpers.ntp_responder import NtpResponder
from zoomsig_gui.core.clock.check import ClockInputError, ClockReading, check_clock, verdict
from zoomsig_gui.core.clock.ntp import ServerAddressError, ServerSpec, parse_server


def reading(offset: float, method: str = "ntp") -> ClockReading:
    return ClockReading(
        offset, 0.01, "time.example", 2 if method == "ntp" else None, method, time.time()
    )


def check(*servers: str, timeout: float = 1.0, **kw: object):
    return check_clock(list(servers), timeout_s=timeout, http_fallback=False, **kw)


@pytest.mark.parametrize("offset", [-3600, -47, -2.5, 0.0, 1.5, 47, 3600])
def test_offset_of_a_skewed_server_is_measured(offset: float) -> None:
    with NtpResponder(offset_s=offset) as server:
        result = check(server.address)
    assert result.reading is not None
    assert result.reading.offset_s == pytest.approx(offset, abs=0.05)
    assert result.reading.method == "ntp"
    assert result.reading.stratum == 2
    assert result.reading.server == server.address
    assert result.faults == ()


def test_server_47_s_ahead_of_us_means_our_clock_is_47_s_behind() -> None:
    with NtpResponder(offset_s=47) as server:
        result = check(server.address)
    assert result.status == "error"
    assert result.message.startswith("Your clock is 47 s behind: ")
    assert "expire 47 s early" in result.message


def test_server_47_s_behind_us_means_tokens_look_not_yet_valid() -> None:
    with NtpResponder(offset_s=-47) as server:
        result = check(server.address)
    assert result.status == "error"
    assert result.message.startswith(
        "Your clock is 47 s ahead: Zoom will see tokens made on this computer as not yet valid"
    )


@pytest.mark.parametrize(
    ("offset", "status"),
    [
        (0.0, "ok"),
        (1.99, "ok"),
        (-1.99, "ok"),
        (2.0, "warning"),
        (-2.0, "warning"),
        (29.9, "warning"),
        (-29.9, "warning"),
        (30.0, "error"),
        (-30.0, "error"),
        (3600, "error"),
        (-86400, "error"),
    ],
)
def test_verdict_thresholds(offset: float, status: str) -> None:
    assert verdict(reading(offset))[0] == status


def test_hour_off_points_at_the_time_zone() -> None:
    _, behind = verdict(reading(3600.3))
    assert behind.startswith(
        "Your clock is 1 h behind: often a wrong time zone with the clock set by hand."
    )
    assert "Tokens made on this computer expire 1 h early." in behind
    _, ahead = verdict(reading(-5400))
    assert ahead.startswith("Your clock is 1 h 30 min ahead: often a wrong time zone")
    _, drift = verdict(reading(-47))
    assert "time zone" not in drift


def test_behind_by_more_than_a_token_lifetime_says_tokens_are_born_expired() -> None:
    assert "already expired when made" in verdict(reading(3 * 3600))[1]
    assert "already expired" not in verdict(reading(600))[1]
    assert "expire 10 min early" in verdict(reading(600))[1]


@pytest.mark.parametrize(
    ("offset", "text"),
    [
        (2.04, "2.0 s"),
        (-9.96, "10.0 s"),
        (47.4, "47 s"),
        (-95, "95 s"),
        (299.6, "5 min"),
        (-280, "5 min"),
        (3599.7, "1 h"),
        (5400, "1 h 30 min"),
        (90000, "1 d 1 h"),
    ],
)
def test_amounts_read_naturally(offset: float, text: str) -> None:
    assert f"Your clock is {text} " in verdict(reading(offset))[1]


def test_ok_and_unknown_messages() -> None:
    status, text = verdict(reading(-0.4))
    assert status == "ok" and text.startswith("Your clock is right (0.4 s ahead of")
    assert verdict(None)[0] == "unknown"


def test_http_reading_says_it_is_coarse() -> None:
    assert "coarse" in verdict(reading(-47, "http"))[1]
    assert "coarse" not in verdict(reading(-47))[1]


@pytest.mark.parametrize(
    ("behaviour", "reason"),
    [
        ("silent", "no answer"),
        ("garbage", "did not match our request"),
        ("short", "not an NTP packet"),
        ("kod", "Kiss-o'-Death “RATE”"),
        ("wrong-address", "not from the server asked"),
        ("wrong-origin", "did not match our request"),
        ("unsynchronised", "not synchronised"),
        ("client-mode", "not from a time server"),
    ],
)
def test_faulty_server_gives_unknown_with_its_reason(behaviour: str, reason: str) -> None:
    with NtpResponder(offset_s=47, behaviour=behaviour) as server:
        result = check(server.address, timeout=0.6)
    assert server.requests >= 1
    assert result.status == "unknown"
    assert result.reading is None
    assert [f.server for f in result.faults] == [server.address]
    assert reason in result.faults[0].reason
    assert reason in result.details and reason not in result.message  # short for people
    assert result.to_dict()["offset_s"] is None


def test_good_server_wins_over_faulty_ones() -> None:
    with (
        NtpResponder(offset_s=-5) as good,
        NtpResponder(behaviour="kod") as kod,
        NtpResponder(behaviour="wrong-address", offset_s=900) as liar,
        NtpResponder(behaviour="silent") as silent,
    ):
        result = check(kod.address, liar.address, silent.address, good.address)
    assert result.status == "warning"
    assert result.reading is not None and result.reading.server == good.address
    assert result.reading.offset_s == pytest.approx(-5, abs=0.05)
    assert {f.server for f in result.faults} == {kod.address, liar.address, silent.address}


def test_smallest_round_trip_wins_not_the_first_answer() -> None:
    # `held` answers later, but only because it sat on the request: its network delay is
    # smaller than `slow`'s, so its reading is the better one.
    with (
        NtpResponder(offset_s=10, latency_s=0.06) as slow,
        NtpResponder(offset_s=20, hold_s=0.12) as held,
    ):
        result = check(slow.address, held.address)
    assert result.reading is not None
    assert result.reading.server == held.address
    assert result.reading.offset_s == pytest.approx(20, abs=0.05)


def test_many_silent_servers_cost_one_timeout_not_their_sum() -> None:
    servers = [NtpResponder(behaviour="silent") for _ in range(5)]
    for s in servers:
        s.__enter__()
    try:
        began = time.monotonic()
        result = check(*(s.address for s in servers), timeout=1.0)
        took = time.monotonic() - began
    finally:
        for s in servers:
            s.stop()
    assert result.status == "unknown"
    assert len(result.faults) == 5
    assert took < 4.0  # the sum would be 5 s; a hang far more


def test_dns_failure_is_a_fault_with_the_name() -> None:
    def no_dns(host: str, port: int) -> list:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    result = check("time.nowhere.example", timeout=0.5, resolver=no_dns)
    assert result.status == "unknown"
    assert "time.nowhere.example could not be found" in result.faults[0].reason


def test_hung_dns_lookup_does_not_hold_the_check() -> None:
    release = threading.Event()  # set at the end so the abandoned lookups finish

    def hung(host: str, port: int) -> list:
        release.wait(30)
        raise socket.gaierror("gave up")

    with NtpResponder(offset_s=3) as good:
        began = time.monotonic()
        result = check(
            "stuck.example",
            good.address,
            timeout=0.5,
            resolver=lambda h, p: (
                hung(h, p) if h == "stuck.example" else [(socket.AF_INET, ("127.0.0.1", p))]
            ),
        )
        took = time.monotonic() - began
    assert result.status == "warning"
    assert took < 5.0
    began = time.monotonic()
    alone = check("stuck.example", timeout=0.5, resolver=hung)
    took = time.monotonic() - began
    release.set()
    assert alone.status == "unknown" and "no answer within 0.5 s" in alone.details
    assert took < 5.0


def test_host_names_are_resolved() -> None:
    with NtpResponder(offset_s=-7) as server:
        result = check(
            f"localhost:{server.port}", resolver=lambda h, p: [(socket.AF_INET, ("127.0.0.1", p))]
        )
    assert result.reading is not None and result.reading.offset_s == pytest.approx(-7, abs=0.05)
    assert result.reading.server == f"localhost:{server.port}"


@pytest.mark.parametrize(
    ("text", "spec"),
    [
        ("time.google.com", ServerSpec("time.google.com", 123)),
        (" pool.ntp.org:1123 ", ServerSpec("pool.ntp.org", 1123)),
        ("127.0.0.1:50123", ServerSpec("127.0.0.1", 50123)),
        ("[::1]:50123", ServerSpec("::1", 50123)),
        ("::1", ServerSpec("::1", 123)),
    ],
)
def test_server_syntax(text: str, spec: ServerSpec) -> None:
    assert parse_server(text) == spec


@pytest.mark.parametrize(
    "text", ["", "host:", "host:0", "host:70000", "host:ntp", "a b", "[::1", "a:b:c", "[::1]x"]
)
def test_bad_server_syntax_is_refused_with_a_message(text: str) -> None:
    with pytest.raises(ServerAddressError, match=r"\S"):
        parse_server(text)
    with pytest.raises(ServerAddressError):
        check_clock([text], timeout_s=0.5, http_fallback=False)


@pytest.mark.parametrize("timeout", [0, -1, float("nan"), float("inf"), 61])
def test_bad_timeout_is_refused(timeout: float) -> None:
    with pytest.raises(ClockInputError, match="timeout"):
        check_clock(["127.0.0.1:9"], timeout_s=timeout, http_fallback=False)


def test_json_shape() -> None:
    with NtpResponder(offset_s=2.5) as server:
        data = check(server.address).to_dict()
    assert list(data) == [
        "status",
        "offset_s",
        "delay_s",
        "source",
        "stratum",
        "method",
        "message",
        "checked_at",
    ]
    assert data["status"] == "warning" and data["method"] == "ntp"
    assert data["source"] == server.address and data["stratum"] == 2
    assert data["checked_at"] == pytest.approx(time.time(), abs=30)


def test_a_server_given_twice_is_asked_once() -> None:
    with NtpResponder(offset_s=4) as server:
        result = check(server.address, f" {server.address}", timeout=0.5)
    assert server.requests == 1
    assert result.status == "warning" and result.faults == ()


def test_nothing_reachable_reads_plainly() -> None:
    """People get one sentence on why; each server's technical reason stays in details."""

    def no_dns(host: str, port: int) -> list:
        raise socket.gaierror(-2, "Name or service not known")

    offline = check("time.one.example", "time.two.example", timeout=0.5, resolver=no_dns)
    assert offline.status == "unknown"
    assert "seems to be offline" in offline.message and "Errno" not in offline.message
    assert "Name or service not known" in offline.details
    assert "time.two.example" in offline.to_dict()["message"]  # scripts still see why
    with NtpResponder(behaviour="silent") as server:
        silent = check(server.address, timeout=0.5)
    assert "UDP port 123" in silent.message and server.address not in silent.message
