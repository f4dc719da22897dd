"""Debian's headless Chromium, for the tests that open a page as a person's browser would:
the join page, and the Zoom sign-in from the consent page to zoomsig's loopback redirect.
Offline but for loopback (every other name fails to resolve)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from tests.helpers.env import require
from tests.helpers.sdk import OFFLINE_RESOLVER

CHROMIUM = "/usr/bin/chromium"


def dump_dom(url: str, profile: Path) -> str:
    require(
        os.access(CHROMIUM, os.X_OK) or shutil.which("chromium"),
        "Debian's chromium is not installed",
    )
    result = subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={profile}",
            f"--host-resolver-rules={OFFLINE_RESOLVER}",
            "--virtual-time-budget=120000",
            "--dump-dom",
            url,
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout
