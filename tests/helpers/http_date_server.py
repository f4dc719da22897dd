"""A loopback HTTP server whose Date header is off by a chosen amount (or missing/garbled)."""

from __future__ import annotations

import email.utils
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class HttpDateServer:
    """``with HttpDateServer(skew_s=-120) as server: server.url``. ``date=None`` sends no
    Date header; a string sends that text as the Date."""

    def __init__(self, skew_s: float = 0.0, date: str | None | bool = True) -> None:
        outer = self
        self.skew_s = skew_s
        self.date = date
        self.requests: list[str] = []

        class Handler(BaseHTTPRequestHandler):
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

            def log_message(self, format: str, *args: object) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}/"

    def __enter__(self) -> HttpDateServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(5)
