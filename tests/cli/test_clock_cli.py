"""`zoomsig clock` and `zoomsig token --sync` against loopback NTP and HTTP servers."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time

import jwt
import pytest

from tests.helpers.http_date_server import HttpDateServer
from tests.helpers.ntp_responder import NtpResponder
from zoomsig_gui.cli import main

KEY = "clockCliKey"
SECRET = "clockCliSecret-0123456789abcdefghijkl"
MEETING = "81198873582"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_47_s_off_says_so_and_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    with NtpResponder(offset_s=-47) as server:
        status, out, err = run(capsys, "clock", "--server", server.address)
    assert status == 1
    assert out.startswith(
        "Your clock is 47 s ahead: Zoom will see tokens made on this computer as not yet valid"
    )
    # The offset is measured: a loaded machine can make it -46.999 instead of -47.0xx.
    offset = re.search(r"Offset ([-+][0-9.]+) s", out)
    assert offset and abs(float(offset[1]) + 47) < 0.05 and server.address in out
    suggested = re.search(r"--clock-offset ([-+][0-9.]+)", out)
    assert suggested and abs(float(suggested[1]) + 47) < 0.05
    assert err == ""


def test_behind_by_an_hour_points_at_the_time_zone(capsys: pytest.CaptureFixture[str]) -> None:
    with NtpResponder(offset_s=3600) as server:
        status, out, _ = run(capsys, "clock", "--server", server.address)
    assert status == 1
    assert out.startswith(
        "Your clock is 1 h behind: often a wrong time zone with the clock set by hand."
    )


def test_small_offset_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    with NtpResponder(offset_s=0.6) as server:
        status, out, _ = run(capsys, "clock", "--server", server.address)
    assert status == 0
    assert out.startswith("Your clock is right (0.6 s behind")


def test_warning_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    with NtpResponder(offset_s=-5) as server:
        status, out, _ = run(capsys, "clock", "--server", server.address, "--json")
    assert status == 1
    assert json.loads(out)["status"] == "warning"


def test_json_is_exactly_the_contract(capsys: pytest.CaptureFixture[str]) -> None:
    with NtpResponder(offset_s=47, stratum=3) as server:
        status, out, _ = run(capsys, "clock", "--server", server.address, "--json")
    data = json.loads(out)
    assert status == 1
    assert set(data) == {
        "status",
        "offset_s",
        "delay_s",
        "source",
        "stratum",
        "method",
        "message",
        "checked_at",
    }
    assert data["status"] == "error"
    assert data["offset_s"] == pytest.approx(47, abs=0.05)
    assert 0 <= data["delay_s"] < 1
    assert data["source"] == server.address
    assert data["stratum"] == 3
    assert data["method"] == "ntp"
    assert data["message"].startswith("Your clock is 47 s behind")
    assert data["checked_at"] == pytest.approx(time.time(), abs=60)


def test_silence_is_unknown_and_exits_3(capsys: pytest.CaptureFixture[str]) -> None:
    with NtpResponder(behaviour="silent") as a, NtpResponder(behaviour="silent") as b:
        began = time.monotonic()
        status, out, _ = run(
            capsys,
            "clock",
            "--server",
            a.address,
            "--server",
            b.address,
            "--timeout",
            "1",
            "--no-http-fallback",
            "--json",
        )
        took = time.monotonic() - began
    data = json.loads(out)
    assert status == 3
    assert data["status"] == "unknown"
    assert data["offset_s"] is None and data["method"] is None and data["source"] is None
    assert a.address in data["message"] and b.address in data["message"]
    assert took < 4  # both servers share one 1 s wait


def test_silence_in_text_mode(capsys: pytest.CaptureFixture[str]) -> None:
    with NtpResponder(behaviour="silent") as server:
        status, out, _ = run(
            capsys, "clock", "--server", server.address, "--timeout", "0.5", "--no-http-fallback"
        )
    assert status == 3
    assert out.startswith("The clock could not be checked")


def test_http_fallback_through_cli(capsys: pytest.CaptureFixture[str]) -> None:
    with NtpResponder(behaviour="silent") as ntp, HttpDateServer(skew_s=-120) as web:
        status, out, _ = run(
            capsys,
            "clock",
            "--server",
            ntp.address,
            "--timeout",
            "1",
            "--http-url",
            web.url,
            "--json",
        )
    data = json.loads(out)
    assert status == 1
    assert data["method"] == "http" and data["stratum"] is None
    assert data["offset_s"] == pytest.approx(-120, abs=1.0)
    assert "coarse" in data["message"]


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["--server", "host:99999"], "port must be a number"),
        (["--server", ""], "empty"),
        (["--timeout", "0"], "timeout"),
        (["--timeout", "soon"], "not a number"),
    ],
)
def test_bad_options_exit_2_with_a_message(argv: list[str], says: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "zoomsig_gui.cli", "clock", "--no-http-fallback", *argv],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert says in done.stderr
    assert "Traceback" not in done.stderr and done.stdout == ""


def token_argv(*extra: str) -> list[str]:
    return [
        "token",
        "--key",
        KEY,
        "--secret-env",
        "ZS_CLOCK_SECRET",
        "--meeting",
        MEETING,
        "--role",
        "0",
        *extra,
    ]


@pytest.mark.parametrize("offset", [-3600, -47, 600, 3 * 3600])
def test_synced_token_is_valid_by_the_true_clock(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, offset: float
) -> None:
    monkeypatch.setenv("ZS_CLOCK_SECRET", SECRET)
    with NtpResponder(offset_s=offset) as server:
        status, out, err = run(
            capsys,
            *token_argv("--sync", "--sync-server", server.address, "--sync-http-url", "none"),
        )
        true_now = time.time() + offset  # the responder's clock is the true one here
    assert status == 0, err
    said = re.search(r"Token times corrected by ([+-][0-9.]+) s", err)
    assert said and float(said.group(1)) == pytest.approx(offset, abs=0.05)
    claims = jwt.decode(
        out.strip(),
        SECRET,
        algorithms=["HS256"],
        options={"verify_exp": False, "verify_iat": False},
    )
    assert claims["iat"] <= true_now < claims["exp"]
    assert true_now - claims["iat"] < 60  # made now, not hours off
    # zoomsig's own inspector, with the true now, finds nothing Zoom would reject.
    status, out, _ = run(
        capsys,
        "inspect",
        out.strip(),
        "--secret-env",
        "ZS_CLOCK_SECRET",
        "--now",
        str(true_now),
        "--json",
    )
    assert status == 0, out
    assert not [f for f in json.loads(out)["findings"] if f["severity"] == "error"]


def test_unsynced_token_on_a_fast_clock_is_not_yet_valid(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The failure --sync prevents: the same machine without it makes a future iat."""
    monkeypatch.setenv("ZS_CLOCK_SECRET", SECRET)
    with NtpResponder(offset_s=-3600) as server:
        status, out, _ = run(capsys, *token_argv())
        true_now = time.time() - 3600
        assert main(["clock", "--server", server.address]) == 1
    capsys.readouterr()
    assert status == 0
    status, report, _ = run(capsys, "inspect", out.strip(), "--now", str(true_now), "--json")
    assert status == 1
    assert "iat-future" in {f["code"] for f in json.loads(report)["findings"]}


def test_sync_with_nothing_reachable_refuses(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ZS_CLOCK_SECRET", SECRET)
    with NtpResponder(behaviour="silent") as server:
        status, out, err = run(
            capsys,
            *token_argv(
                "--sync",
                "--sync-server",
                server.address,
                "--sync-timeout",
                "0.5",
                "--sync-http-url",
                "none",
            ),
        )
    assert status == 2
    assert out == ""
    assert "--sync: The clock could not be checked" in err and "--clock-offset" in err


def test_sync_excludes_now_and_clock_offset(monkeypatch: pytest.MonkeyPatch) -> None:
    for other in (["--now", "1795996800"], ["--clock-offset", "5"]):
        with pytest.raises(SystemExit) as exit_info:
            main(token_argv("--sync", *other))
        assert exit_info.value.code == 2


def test_clock_offset_still_corrects_without_sync(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ZS_CLOCK_SECRET", SECRET)
    status, out, _ = run(capsys, *token_argv("--clock-offset", "-3600", "--backdate", "0"))
    claims = jwt.decode(
        out.strip(),
        SECRET,
        algorithms=["HS256"],
        options={"verify_exp": False, "verify_iat": False},
    )
    assert status == 0
    assert claims["iat"] == pytest.approx(time.time() - 3600, abs=5)


def test_link_sync_carries_a_token_valid_by_the_true_clock(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from urllib.parse import parse_qs, urlsplit

    monkeypatch.setenv("ZS_CLOCK_SECRET", SECRET)
    with NtpResponder(offset_s=-600) as server:  # the local clock runs 10 min ahead
        status, out, err = run(
            capsys,
            "link",
            "--key",
            KEY,
            "--secret-env",
            "ZS_CLOCK_SECRET",
            "--meeting",
            MEETING,
            "--role",
            "0",
            "--name",
            "QA",
            "--sync",
            "--sync-server",
            server.address,
            "--sync-http-url",
            "none",
        )
        true_now = time.time() - 600
    assert status == 0, err
    signature = parse_qs(urlsplit(out.strip()).query)["signature"][0]
    claims = jwt.decode(
        signature, SECRET, algorithms=["HS256"], options={"verify_exp": False, "verify_iat": False}
    )
    assert claims["iat"] <= true_now < claims["exp"] and true_now - claims["iat"] < 60
