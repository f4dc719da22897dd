"""How far off is this computer's clock? NTP first (ntplib packets), an HTTP Date as fallback.

Zoom rejects a token whose ``iat`` lies in its future, and a clock set hours off makes tokens
that are already expired. ``check_clock`` asks several servers at once and never takes longer
than its timeout; ``verdict`` turns an offset into plain words. Qt-free and blocking: the
window calls it from a worker thread.
"""

from __future__ import annotations

import functools
import math
import queue
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from zoomsig_gui.core.clock import httpdate
from zoomsig_gui.core.clock import ntp as ntpquery
from zoomsig_gui.core.clock.httpdate import DEFAULT_HTTP_URL
from zoomsig_gui.core.clock.ntp import (
    Resolver,
    ServerAddressError,
    ServerSpec,
    parse_server,
    system_resolver,
)
from zoomsig_gui.core.timefmt import span_text

__all__ = [
    "DEFAULT_HTTP_URL",
    "DEFAULT_SERVERS",
    "DEFAULT_TIMEOUT_S",
    "ClockCheck",
    "ClockInputError",
    "ClockReading",
    "ServerAddressError",
    "ServerFault",
    "check_clock",
    "parse_server",
    "verdict",
]

DEFAULT_SERVERS: tuple[str, ...] = (
    "time.google.com",
    "time.cloudflare.com",
    "pool.ntp.org",
    "time.apple.com",
    "time.windows.com",
)
DEFAULT_TIMEOUT_S = 2.0
MAX_TIMEOUT_S = 60.0
WARNING_S = 2.0
ERROR_S = 30.0
# After the first answer, wait this long for a closer server (smaller delay) to answer too.
_GRACE_S = 0.25
# One source saying the clock is off by more than a day is more likely wrong (a broken or
# hostile server, an NTP era wrap, a Date of year 0001) than the clock: it is believed only
# when another source agrees within AGREE_S, and never corrects token times on its own.
FAR_S = 86_400.0
AGREE_S = 10.0

Status = Literal["ok", "warning", "error", "unknown"]
Method = Literal["ntp", "http"]


class ClockInputError(ValueError):
    """A clock-check setting the user gave is unusable; the message says why."""


@dataclass(frozen=True)
class ClockReading:
    """One measurement. ``offset_s`` is true − local: positive when the local clock is behind.
    ``checked_at`` is the local clock (time.time()) when it was taken."""

    offset_s: float
    delay_s: float
    server: str
    stratum: int | None
    method: Method
    checked_at: float


@dataclass(frozen=True)
class ServerFault:
    server: str
    reason: str
    kind: str = "bad"  # "offline", "silent" or "bad": see ntpquery.NtpFault


@dataclass(frozen=True)
class ClockCheck:
    """The outcome of one check: a verdict, the reading it rests on, and what failed."""

    status: Status
    message: str
    reading: ClockReading | None
    faults: tuple[ServerFault, ...]
    checked_at: float

    @property
    def offset_s(self) -> float | None:
        return None if self.reading is None else self.reading.offset_s

    @property
    def details(self) -> str:
        """What each server that was not used said, for a tooltip or the CLI's JSON."""
        return "; ".join(f"{f.server}: {f.reason}" for f in self.faults)

    def to_dict(self) -> dict[str, Any]:
        """The CLI's JSON: status, offset_s, delay_s, source, stratum, method, message,
        checked_at (seconds since 1970, local clock)."""
        r = self.reading
        return {
            "status": self.status,
            "offset_s": None if r is None else round(r.offset_s, 6),
            "delay_s": None if r is None else round(r.delay_s, 6),
            "source": None if r is None else r.server,
            "stratum": None if r is None else r.stratum,
            "method": None if r is None else r.method,
            # Scripts read only the message: without a reading it names each server's fault.
            "message": self.message
            if r is not None or not self.faults
            else f"{self.message} ({self.details})",
            "checked_at": round(self.checked_at, 3),
        }


def _amount(seconds: float) -> str:
    size = abs(seconds)
    if size < 10:
        return f"{size:.1f} s"
    if size < 120:
        return f"{size:.0f} s"
    # span_text drops seconds, so round to the minute rather than truncate 299.6 s to 4 min.
    return span_text(round(size / 60) * 60)


def _looks_like_time_zone(offset_s: float) -> bool:
    """Whole quarter hours of 30 min or more: what a wrong zone (or DST) looks like."""
    size = abs(offset_s)
    return size >= 1800 - 120 and abs(size - round(size / 900) * 900) <= 120


def verdict(reading: ClockReading | None) -> tuple[Status, str]:
    """Status and a plain-English message saying direction and consequence."""
    if reading is None:
        return "unknown", "The clock could not be checked: no time server answered."
    off = reading.offset_s
    amount = _amount(off)
    if abs(off) < WARNING_S:
        direction = "behind" if off > 0 else "ahead of"
        text = f"Your clock is right ({amount} {direction} {reading.server})."
        return "ok", text + _coarse_note(reading)
    status: Status = "error" if abs(off) >= ERROR_S else "warning"
    if off < 0:
        verb = "will" if status == "error" else "may"
        consequence = (
            f"Zoom {verb} see tokens made on this computer as not yet valid "
            "(their “issued at” time lies in Zoom's future)."
        )
        head = f"Your clock is {amount} ahead"
    else:
        if off >= 7200:
            consequence = (
                "tokens made on this computer with the usual 2 h lifetime are "
                "already expired when made."
            )
        else:
            consequence = f"tokens made on this computer expire {amount} early."
        head = f"Your clock is {amount} behind"
    if _looks_like_time_zone(off):
        text = (
            f"{head}: often a wrong time zone with the clock set by hand. "
            f"{consequence[0].upper()}{consequence[1:]}"
        )
    else:
        text = f"{head}: {consequence}"
    text += (
        " Turn on automatic date and time in your system settings; until then zoomsig "
        "can correct its tokens by the measured offset."
    )
    return status, text + _coarse_note(reading)


def _coarse_note(reading: ClockReading) -> str:
    if reading.method != "http":
        return ""
    return (
        f" This is a coarse reading from the Date header of {reading.server} (about 1 s "
        "accuracy), because no time server (NTP) answered."
    )


def _validate_timeout(timeout_s: float) -> float:
    if (
        not isinstance(timeout_s, int | float)
        or not math.isfinite(timeout_s)
        or not 0 < timeout_s <= MAX_TIMEOUT_S
    ):
        raise ClockInputError(f"The timeout must be more than 0 and at most {MAX_TIMEOUT_S:g} s.")
    return float(timeout_s)


def check_clock(
    servers: Sequence[str | ServerSpec] = DEFAULT_SERVERS,
    timeout_s: float = DEFAULT_TIMEOUT_S,
    http_fallback: bool = True,
    http_url: str = DEFAULT_HTTP_URL,
    resolver: Resolver = system_resolver,
) -> ClockCheck:
    """Ask all ``servers`` at once and keep the answer with the smallest round-trip delay.

    Returns within about ``timeout_s`` whatever the network does. The HTTP Date fallback
    starts when every NTP server has failed, or half-way through the timeout without an
    NTP answer. Raises ClockInputError / ServerAddressError only for unusable settings.
    """
    timeout_s = _validate_timeout(timeout_s)
    specs = list(
        dict.fromkeys(s if isinstance(s, ServerSpec) else parse_server(s) for s in servers)
    )  # each server once, in the given order
    if not specs and not http_fallback:
        raise ClockInputError("No time server to ask: give a server or allow the HTTP fallback.")
    results: queue.Queue[tuple[str, ClockReading | None, ServerFault | None]] = queue.Queue()
    start = time.monotonic()
    deadline, half = start + timeout_s, start + timeout_s / 2
    margin = min(0.1, timeout_s / 10)
    for spec in specs:
        # Each query stops a little before the check does, so its own reason is reported.
        _spawn(
            functools.partial(_ntp_reading, spec, deadline - margin, resolver), str(spec), results
        )
    pending = {str(s) for s in specs}
    readings: list[ClockReading] = []
    faults: dict[str, ServerFault] = {}
    http_started = not http_fallback
    first_answer: float | None = None
    while True:
        now = time.monotonic()
        near = [r for r in readings if abs(r.offset_s) <= FAR_S]
        if not http_started and not near and (not pending or now >= half):
            http_started = True
            pending.add(http_url)
            _spawn(
                lambda: _http_reading(http_url, deadline - margin - time.monotonic()),
                http_url,
                results,
            )
        if not pending or now >= deadline or (first_answer and now >= first_answer + _GRACE_S):
            break
        stop = deadline if first_answer is None else min(deadline, first_answer + _GRACE_S)
        if not http_started and not near:
            stop = min(stop, half)
        try:
            name, reading, why = results.get(timeout=max(0.0, stop - now))
        except queue.Empty:
            continue
        pending.discard(name)
        if reading is None:
            faults[name] = why or ServerFault(name, "no usable answer")
        else:
            readings.append(reading)
            if abs(reading.offset_s) <= FAR_S or _confirmed(reading, readings):
                first_answer = first_answer or time.monotonic()  # else wait for a second
    for name in pending:
        faults.setdefault(name, ServerFault(name, f"no answer within {timeout_s:g} s", "silent"))
    return _conclude(readings, faults, timeout_s)


def _confirmed(reading: ClockReading, readings: list[ClockReading]) -> bool:
    """Another source's answer agrees with this one."""
    return any(
        other.server != reading.server and abs(other.offset_s - reading.offset_s) <= AGREE_S
        for other in readings
    )


def far_fault(reading: ClockReading) -> ServerFault:
    direction = "behind" if reading.offset_s > 0 else "ahead of"
    return ServerFault(
        reading.server,
        f"it says this computer's clock is {span_text(abs(reading.offset_s))} {direction} "
        f"the true time; one answer more than a day from the clock is not believed unless "
        "a second source agrees",
        "bad",
    )


def _conclude(
    readings: list[ClockReading], faults: dict[str, ServerFault], timeout_s: float
) -> ClockCheck:
    far = [r for r in readings if abs(r.offset_s) > FAR_S and not _confirmed(r, readings)]
    for reading in far:
        faults[reading.server] = far_fault(reading)
    readings = [r for r in readings if r not in far]
    ntp = [r for r in readings if r.method == "ntp"]
    best = min(ntp or readings, key=lambda r: r.delay_s, default=None)
    fault_list = tuple(faults.values())
    checked_at = best.checked_at if best else time.time()
    status, message = verdict(best)
    if best is None and far:
        message = (
            f"The clock could not be checked: {far[0].server} {far_fault(far[0]).reason}. "
            "Tokens are made with this computer's clock as it is."
        )
    elif best is None:
        message = unknown_message(fault_list, timeout_s)
    return ClockCheck(status, message, best, fault_list, checked_at)


def unknown_message(faults: tuple[ServerFault, ...], timeout_s: float) -> str:
    """One plain sentence on why nothing answered; each server's reason stays in ``faults``."""
    kinds = {f.kind for f in faults}
    if kinds == {"offline"}:
        why = (
            "no time server can be reached from this computer: it seems to be offline, or "
            "names cannot be looked up (DNS)."
        )
    elif kinds <= {"offline", "silent"} and "silent" in kinds:
        why = (
            f"no time server answered within {timeout_s:g} s: the network may block time "
            "servers (UDP port 123)."
        )
    else:
        why = f"no time server gave a usable time within {timeout_s:g} s."
    return (
        f"The clock could not be checked: {why} Tokens are made with this computer's "
        "clock as it is."
    )


def _spawn(
    work: Callable[[], ClockReading],
    name: str,
    results: queue.Queue[tuple[str, ClockReading | None, ServerFault | None]],
) -> None:
    """Daemon threads: one stuck in a DNS lookup is left behind, never waited for."""

    def run() -> None:
        try:
            results.put((name, work(), None))
        except (ntpquery.NtpFault, httpdate.HttpDateFault) as exc:
            results.put((name, None, ServerFault(name, str(exc), exc.kind)))
        except Exception as exc:
            results.put(
                (name, None, ServerFault(name, f"unexpected failure ({type(exc).__name__}: {exc})"))
            )

    threading.Thread(target=run, name=f"clock-{name}", daemon=True).start()


def _ntp_reading(spec: ServerSpec, deadline: float, resolver: Resolver) -> ClockReading:
    answer = ntpquery.query(spec, deadline, resolver)
    return ClockReading(
        answer.offset_s, answer.delay_s, str(spec), answer.stratum, "ntp", time.time()
    )


def _http_reading(url: str, timeout_s: float) -> ClockReading:
    if timeout_s <= 0:
        raise httpdate.HttpDateFault("no time was left for the HTTP fallback")
    answer = httpdate.query(url, timeout_s)
    return ClockReading(answer.offset_s, answer.delay_s, answer.host, None, "http", time.time())
