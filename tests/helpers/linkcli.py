"""Running `zoomsig link` (and friends) as a process, with a known secret and config folder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.helpers.tokens import KEY, NOW, SECRET

# `zoomsig link` with everything but the meeting: the secret from ZS_SECRET, a pinned now.
LINK = (
    "link",
    "--key",
    KEY,
    "--secret-env",
    "ZS_SECRET",
    "--role",
    "0",
    "--now",
    str(NOW),
    "--name",
    "Zoë",
)


def zoomsig(*args: str, home: Path, timeout: float = 30) -> subprocess.CompletedProcess:
    env = {**os.environ, "ZS_SECRET": SECRET, "XDG_CONFIG_HOME": str(home / "config")}
    return subprocess.run(
        [sys.executable, "-m", "zoomsig_gui.cli", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
