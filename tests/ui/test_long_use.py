"""A long session with the real window ends with a clean exit.

tests/ui/long_use_session.py drives the window as `zoomsig-gui` runs it, in its own process:
thousands of edits of the meeting field, role and expiry changes, pastes into the Inspect tab,
the About, Add-credentials and case-report dialogs opened and closed, then the window closed.
In its own process so that an abort (a binding that drops references to None kills the
window with "Fatal Python error: none_dealloc" on CPython 3.11) shows as what it is, and so
that the exit itself, where Python frees everything, is checked too.
"""

from __future__ import annotations

import os
import subprocess
import sys

from PySide6 import __version__ as pyside_version

from tests.helpers.env import ROOT

ROUNDS = 1_200  # about 6,000 edits of the meeting field; some 25 s on the CI machine


def test_the_window_survives_a_long_session_and_exits_cleanly(tmp_path):
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.ui.long_use_session",
            str(ROUNDS),
            str(tmp_path / "zoomsig.ini"),
            str(tmp_path / "profiles.json"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=240,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    where = f"PySide6 {pyside_version} on Python {sys.version.split()[0]}"
    stderr = "\n".join(
        line for line in done.stderr.splitlines() if "propagateSizeHints" not in line
    )  # the offscreen plugin's chatter
    assert "Fatal Python error" not in stderr, f"{where}: the window aborted:\n{stderr[-4000:]}"
    assert done.returncode == 0, f"{where}: exit status {done.returncode}:\n{stderr[-4000:]}"
    assert f"long use: rounds {ROUNDS}," in done.stdout, done.stdout + stderr[-4000:]
    counts = dict(
        part.rsplit(" ", 1)
        for part in done.stdout.split("long use: ", 1)[1].split(";")[0].split(", ")
    )
    assert int(counts["meeting_edits"]) > 5_000
    assert int(counts["tokens"]) > 0 and int(counts["inspected"]) > 0
    assert int(counts["dialogs"]) > 0
