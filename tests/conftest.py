"""Settings for the whole test run; shared helpers live in tests/helpers."""

from __future__ import annotations

import os

from hypothesis import settings

# CI must not flake on a new random example: there the property tests replay a fixed set
# (derandomize); runs on a developer's machine keep exploring.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

# QtWebEngine (Chromium) ends the process with SIGTRAP when one of its own checks fails,
# which Python's fault handler does not watch and pytest cannot report: write every
# thread's Python stack to a file then, which scripts/test.sh prints after the run.
_crash_log_path = os.environ.get("ZOOMSIG_CRASH_LOG")
if _crash_log_path:
    import faulthandler
    import signal

    _crash_log = open(_crash_log_path, "w")  # open until the process ends
    faulthandler.register(signal.SIGTRAP, file=_crash_log, all_threads=True, chain=True)
