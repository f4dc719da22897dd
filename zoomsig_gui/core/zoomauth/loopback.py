"""The loopback redirect (RFC 8252 §7.3): a tiny HTTP listener for the one answer of a sign-in.

It binds 127.0.0.1 only, takes the first request to the callback path and then stops; other
paths (a browser's /favicon.ico) get 404 and do not count. The answer's ``state`` must be
the one this sign-in sent, the request must come from and be addressed to this computer,
and it gives up after ``timeout_s``. The page it shows never repeats the code it received.
"""

from __future__ import annotations

import errno
import html
import threading
import time
from http.server import BaseHTTPRequestHandler, HTTPServer
from urllib.parse import parse_qsl, urlsplit

from zoomsig_gui.core.zoomauth.addresses import (
    CALLBACK_PATH,
    LOOPBACK_HOST,
    check_redirect,
    is_loopback,
    redirect_uri,
)
from zoomsig_gui.core.zoomauth.errors import (
    ConsentDeniedError,
    NotLoopbackError,
    SignInTimeoutError,
    StateMismatchError,
    ZoomAnswerError,
    ZoomAuthError,
)

_PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>zoomsig: {title}</title></head><body style="font-family: sans-serif; margin: 3em">
<h1 id="result">{title}</h1><p>{text}</p></body></html>"""


class _Server(HTTPServer):
    # Lets a second sign-in use the port while the last one's connections linger in
    # TIME_WAIT; on Linux and macOS a port someone listens on is still refused.
    allow_reuse_address = True

    def __init__(self, port: int, state: str) -> None:
        super().__init__((LOOPBACK_HOST, port), _Handler)
        self.expected_state = state
        self.answer: str | None = None  # the full redirect URL, once it came
        self.failure: ZoomAuthError | None = None


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    timeout = 5.0  # a connection that sends nothing must not hold up the wait

    def log_message(self, format: str, *args: object) -> None:
        pass  # the query holds the authorization code: never log it

    def do_GET(self) -> None:
        port = self.server.server_address[1]
        host = (self.headers.get("Host") or "").rsplit(":", 1)[0]
        if not is_loopback(self.client_address[0]) or not is_loopback(host):
            self._finish(
                403,
                "Refused",
                "This address answers this computer only.",
                NotLoopbackError(
                    "A sign-in answer arrived that was not addressed to this computer "
                    f"({redirect_uri(port)}), so it was refused and nothing was saved. "
                    "Start the sign-in again."
                ),
            )
            return
        parts = urlsplit(self.path)
        if parts.path != CALLBACK_PATH:
            self._reply(404, "Not found", "zoomsig waits for Zoom's answer at another address.")
            return
        query = dict(parse_qsl(parts.query, keep_blank_values=True))
        url = f"http://{LOOPBACK_HOST}:{port}{self.path}"
        try:
            check_redirect(url, port)
            if query.get("state") != self.server.expected_state:
                raise StateMismatchError()
            error = query.get("error")
            if error == "access_denied":
                raise ConsentDeniedError()
            if error:
                said = query.get("error_description") or error
                raise ZoomAnswerError(f"Zoom refused the sign-in: {said}. Nothing was saved.")
            if not query.get("code"):
                raise ZoomAnswerError(
                    "Zoom's answer carried no authorization code. Start the sign-in again."
                )
        except ZoomAuthError as exc:
            self._finish(400, "Not signed in", str(exc), exc)
            return
        self.server.answer = url
        self._reply(
            200,
            "Signed in",
            "zoomsig has received Zoom's answer. You can close this tab and go back to zoomsig.",
        )

    def _finish(self, status: int, title: str, text: str, failure: ZoomAuthError) -> None:
        self.server.failure = failure
        self._reply(status, title, text)

    def _reply(self, status: int, title: str, text: str) -> None:
        body = _PAGE.format(title=html.escape(title), text=html.escape(text)).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("Referrer-Policy", "no-referrer")  # the URL holds the code
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(body)


class CallbackListener:
    """Listens at once (so a port in use is known before the browser opens); ``wait()``
    returns the redirect URL with the code, or raises a ZoomAuthError."""

    def __init__(self, port: int, state: str) -> None:
        try:
            self._server = _Server(port, state)
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                raise ZoomAuthError(
                    f"Port {port} of this computer is in use (another sign-in may be waiting), "
                    "so zoomsig cannot receive Zoom's answer there. Finish or close the other "
                    "sign-in, or choose another port (--redirect-port N, and add "
                    "that address to the app's redirect allow list)."
                ) from None
            raise ZoomAuthError(f"Cannot listen on port {port} of this computer: {exc}.") from None

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    @property
    def redirect_uri(self) -> str:
        return redirect_uri(self.port)

    def wait(self, timeout_s: float, cancelled: threading.Event | None = None) -> str:
        """Serve until the answer came, a failure, ``timeout_s`` passed, or
        ``cancelled.is_set()`` (a threading.Event from the window's Cancel)."""
        deadline = time.monotonic() + timeout_s
        try:
            while True:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise SignInTimeoutError(timeout_s)
                if cancelled is not None and cancelled.is_set():
                    raise ZoomAuthError("The sign-in was cancelled; nothing was saved.")
                self._server.timeout = min(left, 0.25)
                self._server.handle_request()
                if self._server.failure is not None:
                    raise self._server.failure
                if self._server.answer is not None:
                    return self._server.answer
        finally:
            self.close()

    def close(self) -> None:
        self._server.server_close()
