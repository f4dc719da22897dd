"""A loopback HTTP server whose Date header is off by a chosen amount (or missing/garbled)."""

from __future__ import annotations

import email.utils
import time

from tests.helpers.loopback_http import LoopbackHttp, QuietHandler


class HttpDateServer(LoopbackHttp):
    """``with HttpDateServer(skew_s=-120) as server: server.url``. ``date=None`` sends no
    Date header; a string sends that text as the Date."""

    def __init__(self, skew_s: float = 0.0, date: str | None | bool = True) -> None:
        outer = self
        self.skew_s = skew_s
        self.date = date
        self.requests: list[str] = []

        class Handler(QuietHandler):
            def do_HEAD(self) -> None:
                outer.requests.append(self.command)
                self.send_response_only(200)
                if outer.date is True:
                    self.send_header(
                        "Date", email.utils.formatdate(time.time() + outer.skew_s, usegmt=True)
                    )
                elif isinstance(outer.date, str):
                    self.send_header("Date", outer.date)
                self.send_header("Content-Length", "0")
                self.end_headers()

        super().__init__(Handler)
