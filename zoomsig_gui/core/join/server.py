"""A loopback HTTP server for the join page and, optionally, a local Meeting SDK folder.

Safety: binds 127.0.0.1 only; answers only requests whose Host is its own loopback address
(a DNS-rebinding page cannot reach it); serves only its own files (no ``..``, encoded or
not, no symlinks out). Every response, error pages too, carries a content security policy
that allows only what the SDK needs and no framing, COOP/COEP (gallery view needs
SharedArrayBuffer) and CORP. The query string (it holds the signature) is never logged.
Idle connections are closed after IDLE_TIMEOUT_S.
"""

from __future__ import annotations

import errno
import http.server
import json
import logging
import shutil
import socketserver
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast
from urllib.parse import unquote, urlsplit

from zoomsig_gui.core.join.address import DEFAULT_PORT, DEFAULT_SDK_VERSION, HOST
from zoomsig_gui.core.join.errors import errors_json
from zoomsig_gui.core.join.sdkfolder import SdkFolder, check_sdk_dir
from zoomsig_gui.core.join.sdkmessages import sdk_messages
from zoomsig_gui.core.join.states import states_json
from zoomsig_gui.core.resources import join_page_dir

log = logging.getLogger(__name__)

SDK_PATH = "/sdk/"

# What the page and the Meeting SDK need, and nothing else: our own files (and an --sdk-dir
# under /sdk/), Zoom's two CDNs, Zoom's servers over https and websockets; the SDK compiles
# code at run time ('unsafe-eval', WebAssembly), starts workers from blob: URLs and sets
# inline styles. No page may frame ours (clickjacking a join).
_ZOOM = "https://source.zoom.us https://jssdk.zoomus.cn"
_ZOOM_SERVERS = (
    "https://zoom.us https://*.zoom.us wss://zoom.us wss://*.zoom.us "
    "https://*.zoomus.cn wss://*.zoomus.cn"
)
CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        f"script-src 'self' {_ZOOM} 'unsafe-eval' 'wasm-unsafe-eval' blob:",
        f"style-src 'self' 'unsafe-inline' {_ZOOM}",
        f"img-src 'self' data: blob: {_ZOOM} {_ZOOM_SERVERS}",
        f"font-src 'self' data: {_ZOOM}",
        f"connect-src 'self' blob: data: {_ZOOM} {_ZOOM_SERVERS}",
        f"media-src 'self' blob: data: {_ZOOM}",
        f"worker-src 'self' blob: {_ZOOM}",
        f"frame-src 'self' {_ZOOM_SERVERS}",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)
IDLE_TIMEOUT_S = 10.0  # a connection silent this long is closed (2,000 idle = 2,000 threads)
LISTEN_BACKLOG = 128  # socketserver's 5 made 2.7 % of 50 parallel requests wait 1-2 s

SECURITY_HEADERS = (
    ("Content-Security-Policy", CONTENT_SECURITY_POLICY),
    ("X-Frame-Options", "DENY"),
    ("Cross-Origin-Opener-Policy", "same-origin"),
    ("Cross-Origin-Embedder-Policy", "require-corp"),
    ("Cross-Origin-Resource-Policy", "cross-origin"),
    ("X-Content-Type-Options", "nosniff"),
    # The page's address holds the signature: never send it to Zoom's CDN as a referrer.
    ("Referrer-Policy", "no-referrer"),
)

_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".json": "application/json; charset=utf-8",
    ".wasm": "application/wasm",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".gif": "image/gif",
    ".ico": "image/x-icon",
    ".cur": "image/x-icon",
    ".mp3": "audio/mpeg",
    ".wav": "audio/wav",
    ".woff": "font/woff",
    ".woff2": "font/woff2",
    ".ttf": "font/ttf",
    ".txt": "text/plain",
    ".md": "text/plain; charset=utf-8",
    ".map": "application/json",
}


def moved_port_notice(port: int) -> str:
    """Said when the shared port was taken and the page is served on another one."""
    return (
        f"Port {DEFAULT_PORT} is in use (another zoomsig?), so the join page moved to port "
        f"{port}: links made earlier for port {DEFAULT_PORT} will not work while it is here."
    )


class JoinServerError(Exception):
    """The server cannot start; the message says why and what to do."""


@dataclass(frozen=True)
class ExtraFile:
    """A file given by the caller (e.g. Qt's qwebchannel.js), served at ``path``."""

    path: str  # "/qwebchannel.js"
    body: bytes
    content_type: str = "text/javascript; charset=utf-8"


@dataclass(frozen=True)
class ServerConfig:
    port: int = DEFAULT_PORT  # 0: any free port
    sdk_dir: Path | None = None
    sdk_version: str = DEFAULT_SDK_VERSION
    china: bool = False
    extra_files: tuple[ExtraFile, ...] = field(default=())


def page_config(config: ServerConfig, sdk: SdkFolder | None) -> dict[str, Any]:
    """What the page needs to find the SDK: /config.json."""
    if sdk is None:
        return {"sdkVersion": config.sdk_version, "sdkRoot": None, "china": config.china}
    return {
        "sdkVersion": sdk.version,
        "sdkRoot": SDK_PATH,
        "china": config.china,
        "clientFile": sdk.client_file,
        "embeddedFile": sdk.embedded_file,
    }


def safe_parts(raw_path: str) -> list[str] | None:
    """The path's segments, or None when it tries to leave its folder (also encoded)."""
    path = raw_path
    for _ in range(3):  # undo double encoding such as %252e%252e
        decoded = unquote(path)
        if decoded == path:
            break
        path = decoded
    if "\\" in path or "\x00" in path:
        return None
    parts = [p for p in path.split("/") if p]
    if any(p in (".", "..") or p.startswith("~") for p in parts):
        return None
    return parts


def resolve_inside(root: Path, parts: list[str]) -> Path | None:
    """The file ``root/parts`` if it exists and really lies inside ``root``."""
    try:
        candidate = root.joinpath(*parts).resolve()
        if not candidate.is_relative_to(root.resolve()) or not candidate.is_file():
            return None
    except (OSError, RuntimeError):  # a name too long, a loop of symlinks (RuntimeError < 3.13)
        return None
    return candidate


class _Handler(http.server.BaseHTTPRequestHandler):
    server_version = "zoomsig"
    sys_version = ""
    protocol_version = "HTTP/1.1"
    timeout = IDLE_TIMEOUT_S

    @property
    def site(self) -> _Server:
        """The server that made this handler: always a _Server, the only one that uses it."""
        return cast(_Server, self.server)

    def version_string(self) -> str:
        return "zoomsig"

    def log_message(self, format: str, *args: object) -> None:
        # Never the query: it carries the signature. A request refused before its request
        # line was read has no path (nor command) yet.
        path = getattr(self, "path", "") or ""
        log.debug("%s %s", getattr(self, "command", None) or "-", urlsplit(path).path[:200])

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """Errors found while parsing (400, 414, 431, 501): our plain page with our headers,
        the standard reason phrase only (the default echoes the request's text back)."""
        try:
            phrase = http.HTTPStatus(code).phrase
        except ValueError:
            phrase = "Error"
        self.close_connection = True
        if getattr(self, "request_version", "") not in ("HTTP/1.0", "HTTP/1.1"):
            # Unparsed, it counts as HTTP/0.9, which gets no status line and no headers.
            self.request_version = self.protocol_version
        head = getattr(self, "command", None) == "HEAD" or code in (204, 304) or code < 200
        try:
            self._send_text(code, f"{code} {phrase}.", head, close=True)
        except OSError:
            pass  # the client went away

    def do_HEAD(self) -> None:
        self._respond(head=True)

    def do_GET(self) -> None:
        self._respond(head=False)

    def _respond(self, head: bool) -> None:
        host = (self.headers.get("Host") or "").strip().lower()
        if host not in self.site.allowed_hosts:
            self._send_text(
                403, "Refused: this server answers only on its own loopback address.", head
            )
            return
        parts = safe_parts(urlsplit(self.path).path)
        if parts is None:
            self._send_text(403, "Refused: that path lies outside the join page's files.", head)
            return
        found = self.site.lookup(parts)
        if found is None:
            self._send_text(404, "Not found.", head)
            return
        body, ctype, cache = found
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Cache-Control", cache)
        self._common_headers()
        try:
            if isinstance(body, bytes):
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if not head:
                    self.wfile.write(body)
                return
            self.send_header("Content-Length", str(body.stat().st_size))
            self.end_headers()
            if not head:
                with body.open("rb") as handle:
                    shutil.copyfileobj(handle, self.wfile, 256 * 1024)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    def _common_headers(self) -> None:
        for name, value in SECURITY_HEADERS:
            self.send_header(name, value)

    def _send_text(self, status: int, text: str, head: bool, close: bool = False) -> None:
        body = (text + "\n").encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        if close:
            self.send_header("Connection", "close")
        self._common_headers()
        self.end_headers()
        if not head:
            self.wfile.write(body)


class _Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = LISTEN_BACKLOG

    def __init__(self, config: ServerConfig, sdk: SdkFolder | None) -> None:
        super().__init__((HOST, config.port), _Handler)
        port = self.server_address[1]
        self.allowed_hosts = {f"{HOST}:{port}", f"localhost:{port}"}
        if port == 80:
            self.allowed_hosts |= {HOST, "localhost"}
        self.page_dir = join_page_dir()
        self.sdk = sdk
        self.extra: Mapping[str, ExtraFile] = {f.path: f for f in config.extra_files}
        self.config_body = json.dumps(page_config(config, sdk)).encode("utf-8")

    def lookup(self, parts: list[str]) -> tuple[bytes | Path, str, str] | None:
        """(body or file, content type, cache policy) for a safe path, or None."""
        path = "/" + "/".join(parts)
        if path in ("/", "/index.html"):
            parts = ["index.html"]
        if path == "/errors.json":
            return errors_json(self.sdk_messages()), _TYPES[".json"], "no-store"
        if path == "/states.json":
            return states_json(), _TYPES[".json"], "no-store"
        if path == "/config.json":
            return self.config_body, _TYPES[".json"], "no-store"
        if path in self.extra:
            extra = self.extra[path]
            return extra.body, extra.content_type, "no-store"
        if parts and parts[0] == SDK_PATH.strip("/"):
            if self.sdk is None:
                return None
            found = resolve_inside(self.sdk.path, parts[1:])
            return (found, _type_of(found), "max-age=3600") if found else None
        found = resolve_inside(self.page_dir, parts)
        return (found, _type_of(found), "no-cache") if found else None

    def sdk_messages(self) -> dict[str, str]:
        """The SDK's own message for each code when its folder is served (its version's).
        Read on first use, on the server's thread (the page asks for errors.json first):
        the bundle is megabytes, the window must not wait for it."""
        return sdk_messages(self.sdk) if self.sdk else {}

    def handle_error(self, request: object, client_address: object) -> None:
        log.debug("connection from %s ended with an error", client_address, exc_info=True)


def _type_of(path: Path) -> str:
    return _TYPES.get(path.suffix.lower(), "application/octet-stream")


class JoinServer:
    """The join page on http://127.0.0.1:PORT/. ``start()`` serves from a thread."""

    def __init__(self, config: ServerConfig | None = None) -> None:
        self.config = config or ServerConfig()
        sdk = check_sdk_dir(self.config.sdk_dir) if self.config.sdk_dir else None
        try:
            self._server = _Server(self.config, sdk)
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                raise JoinServerError(
                    f"Port {self.config.port} is already in use: is another `zoomsig serve` "
                    "running? Stop it or choose another port with --port N."
                ) from exc
            raise JoinServerError(
                f"Cannot listen on {HOST}:{self.config.port}: {exc.strerror or exc}."
            ) from exc
        self._thread: threading.Thread | None = None

    @property
    def sdk(self) -> SdkFolder | None:
        return self._server.sdk

    @property
    def sdk_messages(self) -> dict[str, str]:
        """{code: the SDK's own message}; empty when Zoom's CDN is used."""
        return self._server.sdk_messages()

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    @property
    def url(self) -> str:
        """The join page's address (without a query)."""
        return f"http://{HOST}:{self.port}/"

    def start(self) -> JoinServer:
        if self._thread is None:
            self._thread = threading.Thread(
                target=self._server.serve_forever,
                args=(0.1,),
                name="zoomsig-joinserver",
                daemon=True,
            )
            self._thread.start()
        return self

    def serve_forever(self) -> None:
        """Serve on the calling thread until ``stop()`` or KeyboardInterrupt."""
        self._server.serve_forever()

    def stop(self) -> None:
        if self._thread is not None:
            self._server.shutdown()
            self._thread.join(timeout=5)
            self._thread = None
        self._server.server_close()

    def __enter__(self) -> JoinServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
