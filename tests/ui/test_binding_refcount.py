"""The installed Qt binding keeps the reference counts of None, True and False.

PySide6 6.12.0 drops a reference to None on every Qt method that returns nothing and one to
True on every signal delivered to a Python slot. On CPython 3.11 these objects are not
immortal: after some thousands of ordinary clicks and keystrokes the count reaches zero and
the window aborts ("Fatal Python error: none_dealloc"). pyproject.toml keeps that release
off Python < 3.12; this test fails on any binding with such a defect, so a later release
that brings it back is caught by the first CI run that installs it.

The counting runs in a fresh interpreter (tests/ui/refcount_probe.py), so a bad binding fails
this test with its numbers instead of aborting the test run.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from PySide6 import __version__ as pyside_version

from tests.helpers.env import ROOT


def _immortal() -> bool:
    before = sys.getrefcount(None)
    held = [None] * 1000
    moved = sys.getrefcount(None) - before
    del held
    return moved < 1000


@pytest.mark.skipif(
    _immortal(),
    reason=f"None, True and False are immortal on Python {sys.version.split()[0]}: a binding "
    "that drops references to them does no harm and cannot be seen here; the check "
    "runs on Python 3.11",
)
def test_qt_calls_do_not_drop_references_to_none_true_or_false():
    done = subprocess.run(
        [sys.executable, "-m", "tests.ui.refcount_probe"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    where = f"PySide6 {pyside_version} on Python {sys.version.split()[0]}"
    assert done.returncode == 0, (
        f"{where}: the probe died (exit {done.returncode}); a binding that drops references "
        f"kills the process once a count reaches zero:\n{done.stderr[-3000:]}"
    )
    probe = json.loads(done.stdout.strip().splitlines()[-1])
    assert not probe["immortal"]
    limit = probe["limit"]
    dropped = {
        f"{call} (after {result['calls']} calls)": {
            name: fall for name, fall in result["fall"].items() if fall > limit
        }
        for call, result in probe["results"].items()
    }
    dropped = {call: falls for call, falls in dropped.items() if falls}
    assert not dropped, (
        f"{where} drops references it does not own; the reference counts fell by:\n"
        + "\n".join(f"  {call}: {falls}" for call, falls in dropped.items())
        + "\nOn this Python None/True/False are not immortal: such a binding aborts the window "
        '("Fatal Python error: none_dealloc"). Exclude this release for '
        "python_version < '3.12' in pyproject.toml."
    )
    assert all(result["calls"] == 5_000 for result in probe["results"].values())
