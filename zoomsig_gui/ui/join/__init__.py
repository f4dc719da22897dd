"""Joining from the window: the Make tab's join button and result, and the join page with the
real Meeting SDK in QtWebEngine (loaded on the first click).

Run as root (containers, CI images), Chromium refuses to start with its sandbox and aborts
the whole process ("Running as root without --no-sandbox is not supported"). This package
is imported before any of its modules loads QtWebEngine, so the sandbox is turned off here,
for root only; the join view says so.
"""

from __future__ import annotations

import os


def sandbox_off_as_root() -> bool:
    """True when running as root: QtWebEngine is then told to start without its sandbox."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return False
    os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
    return True


ROOT_WITHOUT_SANDBOX = sandbox_off_as_root()
ROOT_NOTE = "Running as root: the web view's sandbox is off."
