"""The clock read from a web server's ``Date`` header: coarse (1 s) but passes office firewalls
that block NTP's UDP port 123."""

from __future__ import annotations

import email.utils
import http.client
import socket
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import UTC
from urllib.parse import urlparse

DEFAULT_HTTP_URL = "https://zoom.us"


class HttpDateFault(Exception):
    """No usable Date header; the message is plain English. ``kind`` as for NtpFault."""

    def __init__(self, message: str, kind: str = "bad") -> None:
        super().__init__(message)
        self.kind = kind


@dataclass(frozen=True)
class HttpAnswer:
    offset_s: float
    delay_s: float
    host: str


def query(url: str, timeout_s: float) -> HttpAnswer:
    """HEAD ``url`` and compare its Date with the local clock at the middle of the exchange."""
    host = urlparse(url).hostname or url
    request = urllib.request.Request(
        url, method="HEAD", headers={"User-Agent": "zoomsig clock check"}
    )
    t1 = time.time()
    try:
        with urllib.request.urlopen(request, timeout=timeout_s) as response:
            date = response.headers.get("Date")
    except urllib.error.HTTPError as exc:  # an error page still carries the server's Date
        date = exc.headers.get("Date") if exc.headers else None
    except (urllib.error.URLError, http.client.HTTPException, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", None) or exc
        kind = (
            "silent"
            if isinstance(reason, TimeoutError)
            else "offline"
            if isinstance(reason, socket.gaierror)
            else "bad"
        )
        raise HttpDateFault(f"{host} could not be reached ({reason})", kind) from exc
    t4 = time.time()
    if not date:
        raise HttpDateFault(f"{host} sent no Date header")
    try:
        parsed = email.utils.parsedate_to_datetime(date)
        server_time = (parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)).timestamp()
    except (TypeError, ValueError, IndexError, OverflowError) as exc:
        raise HttpDateFault(f"{host} sent a Date header that is not a date: {date[:80]!r}") from exc
    if parsed.year < 2000:  # e.g. "Mon, 01 Jan 0001": no server of ours is that far behind
        raise HttpDateFault(f"{host} sent a Date of the year {parsed.year}: not believed")
    # Date is truncated to the second: the true time lies in [Date, Date + 1).
    offset = server_time + 0.5 - (t1 + t4) / 2
    return HttpAnswer(offset, t4 - t1, host)
