"""The one "true now": the local clock corrected by the last measured offset."""

from __future__ import annotations

import time


def true_now(clock_offset_s: float = 0.0) -> float:
    """The local clock corrected by a measured offset (true − local)."""
    return time.time() + clock_offset_s
