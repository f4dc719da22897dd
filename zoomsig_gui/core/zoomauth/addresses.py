"""Where the Zoom sign-in talks to, and the loopback redirect address (RFC 8252).

``ZOOMSIG_ZOOM_OAUTH_URL`` (default https://zoom.us: /oauth/authorize, /oauth/token) and
``ZOOMSIG_ZOOM_API_URL`` (default https://api.zoom.us) point them elsewhere, for tests.
Plain http is accepted only for this computer: the Client Secret and the tokens must never
travel unencrypted.
"""

from __future__ import annotations

import ipaddress
import os
from urllib.parse import urlsplit

from zoomsig_gui.core.zoomauth.errors import NotLoopbackError, ZoomAuthError

OAUTH_ENV = "ZOOMSIG_ZOOM_OAUTH_URL"
API_ENV = "ZOOMSIG_ZOOM_API_URL"
DEFAULT_OAUTH = "https://zoom.us"
DEFAULT_API = "https://api.zoom.us"
LOOPBACK_HOST = "127.0.0.1"  # RFC 8252 §8.3: the IP literal, not "localhost"
DEFAULT_REDIRECT_PORT = 53713
CALLBACK_PATH = "/zoom/callback"


def is_loopback(host: str | None) -> bool:
    if not host:
        return False
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _base(env: str, default: str) -> str:
    value = (os.environ.get(env) or default).strip().rstrip("/")
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ZoomAuthError(f"{env} is “{value}”, which is not a web address (https://…).")
    if parts.scheme == "http" and not is_loopback(parts.hostname):
        raise ZoomAuthError(
            f"{env} is “{value}”: plain http is used only on this computer (127.0.0.1); "
            "anywhere else use https, or the Client Secret would travel unencrypted."
        )
    return value


def authorize_url() -> str:
    return _base(OAUTH_ENV, DEFAULT_OAUTH) + "/oauth/authorize"


def token_url() -> str:
    return _base(OAUTH_ENV, DEFAULT_OAUTH) + "/oauth/token"


def api_url(path: str) -> str:
    return _base(API_ENV, DEFAULT_API) + path


def redirect_uri(port: int | None = None) -> str:
    """The address Zoom sends the browser back to; it must be on the app's allow list."""
    return f"http://{LOOPBACK_HOST}:{port or DEFAULT_REDIRECT_PORT}{CALLBACK_PATH}"


def check_redirect(url: str, port: int) -> None:
    """Refuse an authorization answer that did not come to this computer's redirect."""
    parts = urlsplit(url)
    if parts.scheme != "http" or not is_loopback(parts.hostname) or parts.port != port:
        raise NotLoopbackError(
            "The sign-in's answer did not come back to this computer's address "
            f"({redirect_uri(port)}), so it was refused and nothing was saved. The redirect "
            "address of the Zoom app must be exactly that one."
        )
