"""Against a real NTP server: Debian's chronyd on a loopback port, never touching the clock."""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import jwt
import pytest

from tests.helpers.env import require
from tests.helpers.ntp_responder import NtpResponder
from zoomsig_gui.core.clock.check import check_clock

pytestmark = pytest.mark.ntp

SECRET = "chronyTestSecret-0123456789abcdefghijkl"


def free_udp_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def chrony(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """chronyd -x (no clock control) serving local stratum 8 on 127.0.0.1:PORT."""
    chronyd = shutil.which("chronyd") or shutil.which("chronyd", path="/usr/sbin:/sbin")
    require(chronyd, "chronyd (Debian package chrony) is not installed")
    assert chronyd
    folder = tmp_path_factory.mktemp("chrony")
    port = free_udp_port()
    conf = folder / "chrony.conf"
    conf.write_text(
        "\n".join(
            [
                f"port {port}",
                "bindaddress 127.0.0.1",
                "allow 127.0.0.1",
                "local stratum 8",
                "cmdport 0",
                "bindcmdaddress /",  # no command sockets at all
                f"pidfile {folder / 'chronyd.pid'}",
                f"driftfile {folder / 'drift'}",
                "",
            ]
        )
    )
    log = (folder / "chronyd.log").open("w")
    # -u: stay the current user, so the temp folder stays writable when run as root;
    # -U: allow starting without root (CI runners), fine here as port and files are ours.
    user = pwd.getpwuid(os.getuid()).pw_name
    proc = subprocess.Popen(
        [chronyd, "-x", "-U", "-d", "-u", user, "-f", str(conf)],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        address = f"127.0.0.1:{port}"
        _wait_until_serving(proc, address, folder / "chronyd.log")
        yield address
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)
        log.close()


def _wait_until_serving(proc: subprocess.Popen, address: str, log: Path) -> None:
    end = time.monotonic() + 20
    while time.monotonic() < end:
        if proc.poll() is not None:
            pytest.fail(f"chronyd exited ({proc.returncode}): {log.read_text()[-2000:]}")
        if check_clock([address], timeout_s=0.5, http_fallback=False).reading:
            return
    pytest.fail(f"chronyd did not answer on {address}: {log.read_text()[-2000:]}")


def test_chrony_reading_is_a_real_ntp_answer(chrony: str) -> None:
    result = check_clock([chrony], timeout_s=2.0, http_fallback=False)
    assert result.status == "ok"
    assert result.reading is not None
    assert result.reading.method == "ntp"
    assert result.reading.server == chrony
    assert result.reading.stratum == 8  # "local stratum 8"
    # chronyd serves this machine's own clock, so the offset is only noise.
    assert abs(result.reading.offset_s) < 0.5
    assert result.message.startswith("Your clock is right")


def test_chrony_wins_over_broken_servers(chrony: str) -> None:
    with (
        NtpResponder(behaviour="wrong-address", offset_s=-3600) as liar,
        NtpResponder(behaviour="kod") as kod,
        NtpResponder(behaviour="silent") as silent,
    ):
        result = check_clock(
            [liar.address, kod.address, silent.address, chrony], timeout_s=1.0, http_fallback=False
        )
    assert result.status == "ok"
    assert result.reading is not None and result.reading.server == chrony
    assert len(result.faults) == 3


def zoomsig(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "zoomsig_gui.cli", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )


def test_cli_clock_against_chrony(chrony: str) -> None:
    done = zoomsig("clock", "--server", chrony, "--no-http-fallback", "--json")
    assert done.returncode == 0, done.stderr
    assert '"method": "ntp"' in done.stdout and '"stratum": 8' in done.stdout


def test_token_synced_against_chrony_is_valid_now(chrony: str) -> None:
    env = dict(os.environ, ZS_SECRET=SECRET)
    done = zoomsig(
        "token",
        "--key",
        "chronyKey",
        "--secret-env",
        "ZS_SECRET",
        "--meeting",
        "81198873582",
        "--role",
        "0",
        "--sync",
        "--sync-server",
        chrony,
        "--sync-http-url",
        "none",
        env=env,
    )
    assert done.returncode == 0, done.stderr
    claims = jwt.decode(done.stdout.strip(), SECRET, algorithms=["HS256"], leeway=0)
    assert claims["iat"] <= time.time() < claims["exp"]
    assert "Your clock is right" in done.stderr
