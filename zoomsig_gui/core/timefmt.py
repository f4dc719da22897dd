"""Times as people read them: UTC dates (with the machine's local time beside them) and
"in 1 h 12 min" / "3 min ago"."""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta


def utc_text(epoch: float) -> str:
    """2026-11-30 14:05:00 UTC; out-of-range values are shown as they are."""
    try:
        return datetime.fromtimestamp(epoch, UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
    except (OverflowError, OSError, ValueError):
        return f"{epoch} (not a date)"


def when_text(epoch: float) -> str:
    """2026-11-30 14:05:00 UTC (15:05:00 local time): UTC, which Zoom and every log use,
    and the machine's own time beside it, which is what a person compares with their clock.
    Only UTC where the machine's time is UTC; the local date too when it is another day."""
    utc = utc_text(epoch)
    try:
        local = datetime.fromtimestamp(epoch).astimezone()
    except (OverflowError, OSError, ValueError):
        return utc  # not a date: utc_text says so
    if local.utcoffset() in (None, timedelta(0)):
        return utc
    same_day = local.date() == datetime.fromtimestamp(epoch, UTC).date()
    return f"{utc} ({local.strftime('%H:%M:%S' if same_day else '%Y-%m-%d %H:%M:%S')} local time)"


def span_text(seconds: float) -> str:
    """A duration without sign: 45 s, 12 min, 1 h 12 min, 2 d 3 h."""
    if not _finite(seconds):
        return "no readable time"
    total = int(abs(seconds))
    days, rest = divmod(total, 86400)
    hours, rest = divmod(rest, 3600)
    minutes, secs = divmod(rest, 60)
    if days:
        return f"{days} d {hours} h" if hours else f"{days} d"
    if hours:
        return f"{hours} h {minutes} min" if minutes else f"{hours} h"
    if minutes:
        return f"{minutes} min"
    return f"{secs} s"


def relative_text(target: float, now: float) -> str:
    """'in 1 h 12 min' for the future, '3 min ago' for the past, 'now' within a second."""
    delta = target - now
    if not _finite(delta):  # NaN or Infinity read from a pasted token
        return "at no readable time"
    if abs(delta) < 1:
        return "now"
    return f"in {span_text(delta)}" if delta > 0 else f"{span_text(delta)} ago"


def _finite(value: float) -> bool:
    return not isinstance(value, float) or math.isfinite(value)
