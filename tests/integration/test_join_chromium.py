"""`zoomsig serve --sdk-dir` + a `zoomsig link` in Debian's headless Chromium: the real SDK
runs to a reported join result. Offline (every non-loopback name fails to resolve), so the
result is the SDK's own join failure, errorCode 1."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.helpers.chromium import dump_dom
from tests.helpers.sdk import meeting_sdk_dist
from tests.helpers.tokens import KEY, SECRET

pytestmark = [pytest.mark.sdk, pytest.mark.browser, pytest.mark.timeout(600)]


@contextmanager
def zoomsig_serve(*args: str) -> Iterator[tuple[str, int]]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "zoomsig_gui.cli", "serve", "--port", "0", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert proc.stdout is not None
        url = proc.stdout.readline().strip()
        port = int(re.fullmatch(r"http://127\.0\.0\.1:(\d+)/", url).group(1))  # type: ignore
        yield url, port
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def status_of(dom: str) -> dict[str, str]:
    tag = re.search(r'<section id="zoomsig-status"[^>]*>', dom)
    assert tag, dom[:2000]
    return dict(re.findall(r'([\w-]+)="([^"]*)"', tag.group(0)))


# Offline, Client View answers errorCode 1 ("Fail to join the meeting.") and Component View
# -3000 ("connection error"), each after the SDK initialised and tried zoom.us.
@pytest.mark.parametrize(
    ("view", "code", "said"),
    [("client", "1", "Fail to join the meeting."), ("component", "-3000", "connection error")],
)
def test_link_in_chromium_reaches_a_join_result(
    tmp_path: Path, view: str, code: str, said: str
) -> None:
    dist = meeting_sdk_dist()
    with zoomsig_serve("--sdk-dir", str(dist)) as (_, port):
        made = subprocess.run(
            [
                sys.executable,
                "-m",
                "zoomsig_gui.cli",
                "link",
                "--key",
                KEY,
                "--secret-env",
                "ZS_SECRET",
                "--meeting",
                "811 9887 3582",
                "--role",
                "0",
                "--name",
                "Zoë Tester",
                "--port",
                str(port),
                "--view",
                view,
            ],
            env={**os.environ, "ZS_SECRET": SECRET},
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert made.returncode == 0, made.stderr
        dom = dump_dom(made.stdout.strip(), tmp_path / "profile")
    status = status_of(dom)
    assert status["data-state"] == "failed", dom[:3000]
    assert status["data-error-code"] == code
    assert said in dom
    assert "zoom.us" in dom  # the explanation names what to check
    # A join was sent: the page offers to try again, spaced as Zoom's limit asks.
    retry = re.search(r'<div id="zoomsig-retry"[^>]*>', dom)
    assert retry and "hidden" not in retry.group(0), dom[:3000]
    assert 'data-wait-s="' in retry.group(0)
    assert "You can try again" in dom


def test_without_sdk_the_page_reports_sdk_missing(tmp_path: Path) -> None:
    with zoomsig_serve() as (url, _):
        dom = dump_dom(url, tmp_path / "profile")
    status = status_of(dom)
    assert status["data-state"] == "sdk-missing"
    assert "The Meeting SDK did not load" in dom


def test_a_published_folder_on_a_static_host_opens_from_a_link(tmp_path: Path) -> None:
    """publish → a static host that applies _headers → a link with --base → Chromium.
    Offline, Zoom's CDN does not resolve: the page must say the SDK did not load."""
    from tests.helpers.static_host import StaticHost
    from zoomsig_gui.core.join.publish import publish

    publish(tmp_path / "site")
    with StaticHost(tmp_path / "site") as host:
        made = subprocess.run(
            [
                sys.executable,
                "-m",
                "zoomsig_gui.cli",
                "link",
                "--key",
                KEY,
                "--secret-env",
                "ZS_SECRET",
                "--meeting",
                "811 9887 3582",
                "--role",
                "0",
                "--name",
                "Zoë",
                "--passcode",
                "123456",
                "--base",
                host.url,
            ],
            env={**os.environ, "ZS_SECRET": SECRET, "HOME": str(tmp_path)},
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert made.returncode == 0, made.stderr
        assert made.stdout.startswith(host.url + "?")
        dom = dump_dom(made.stdout.strip(), tmp_path / "profile")
    status = status_of(dom)
    assert status["data-state"] == "sdk-missing", dom[:3000]
    assert "The Meeting SDK did not load" in dom
    assert "source.zoom.us" in dom  # the explanation names what to check
