"""What the samples send: the request Zoom's Web SDK samples make to a signature endpoint.

Zoom's React and CDN samples `POST` `{"meetingNumber": "<digits>", "role": <0|1>}` with
`Content-Type: application/json` from the page's origin and read `.signature`; some
backends are built for `GET` with the same fields in the query string.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from zoomsig_gui.core.join.address import DEFAULT_PORT

# zoomsig's own join page: the origin a browser page of ours would send.
DEFAULT_ORIGIN = f"http://127.0.0.1:{DEFAULT_PORT}"
DEFAULT_SAMPLES = 10
MAX_SAMPLES = 1000
DEFAULT_TIMEOUT_S = 10.0
# Never more than this for one whole check, however many samples were asked for.
OVERALL_LIMIT_S = 600.0
METHODS = ("POST", "GET")
# Header names are RFC 9110 tokens; values must not carry line breaks (header injection).
_HEADER_NAME = re.compile(r"[!#$%&'*+.^_`|~0-9A-Za-z-]+")
# Headers the check sets itself. Content-Type may be replaced: a page that sends text/plain
# reproduces the trap of an endpoint that then ignores the body.
_OWN_HEADERS = {"origin", "content-length", "host"}


class EndpointInputError(ValueError):
    """A URL, header or setting the check cannot use; the message says what to give."""


@dataclass(frozen=True)
class EndpointRequest:
    url: str
    meeting_number: str | None = None  # None with role None: a native token is asked for
    role: int | None = None
    method: str = "POST"
    origin: str = DEFAULT_ORIGIN
    headers: tuple[tuple[str, str], ...] = field(default=(), repr=False)  # may hold credentials
    expiration_s: int | None = None
    webrtc_mode: int | None = None
    samples: int = DEFAULT_SAMPLES
    interval_s: float = 0.0
    timeout_s: float = DEFAULT_TIMEOUT_S
    ca_file: str | None = None

    @property
    def native(self) -> bool:
        return self.meeting_number is None

    def fields(self) -> dict[str, object]:
        """The body's fields in the samples' order (both or neither of meetingNumber, role)."""
        out: dict[str, object] = {}
        if not self.native:
            out["meetingNumber"] = self.meeting_number
            out["role"] = self.role
        if self.expiration_s is not None:
            out["expirationSeconds"] = self.expiration_s
        if self.webrtc_mode is not None:
            out["videoWebRtcMode"] = self.webrtc_mode
        return out

    def query(self) -> dict[str, str]:
        """The same fields as a query string, for GET backends."""
        return {name: str(value) for name, value in self.fields().items()}

    def preflight_headers(self) -> dict[str, str]:
        """What a browser sends before a request it may not make without asking (CORS)."""
        asked = sorted({name.lower() for name, _ in self.headers} | self._content_type())
        out = {"Origin": self.origin, "Access-Control-Request-Method": self.method}
        if asked:
            out["Access-Control-Request-Headers"] = ",".join(asked)
        return out

    def needs_preflight(self) -> bool:
        """A JSON POST or any custom header makes the browser ask first; a bare GET does not."""
        return self.method != "GET" or bool(self.headers)

    def _content_type(self) -> set[str]:
        return {"content-type"} if self.method == "POST" else set()


def checked_url(text: str) -> str:
    url = (text or "").strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise EndpointInputError(
            f"“{url}” is not a web address: give the endpoint's full URL, such as "
            "http://127.0.0.1:4000/ or https://example.com/api/signature."
        )
    return url


def parse_header(text: str) -> tuple[str, str]:
    """'Name: value' → (name, value)."""
    name, sep, value = text.partition(":")
    return checked_header(name, value if sep else None, text)


def checked_header(name: str, value: str | None, shown: str) -> tuple[str, str]:
    name = name.strip()
    if value is None or not _HEADER_NAME.fullmatch(name):
        raise EndpointInputError(f"“{shown}” is not a header: write it as “Name: value”.")
    if name.lower() in _OWN_HEADERS:
        raise EndpointInputError(f"The check sets {name} itself (use --origin for Origin).")
    value = value.strip()
    if any(ch in value for ch in "\r\n\0"):
        raise EndpointInputError(f"The value of header {name} has a line break in it.")
    return name, value


def validate(req: EndpointRequest) -> None:
    checked_url(req.url)
    if req.method not in METHODS:
        raise EndpointInputError(f"The method must be POST or GET, not {req.method}.")
    if (req.meeting_number is None) != (req.role is None):
        raise EndpointInputError("Give both a meeting number and a role, or neither (native).")
    if not 1 <= req.samples <= MAX_SAMPLES:
        raise EndpointInputError(f"Take 1 to {MAX_SAMPLES} samples, not {req.samples}.")
    if not 0 <= req.interval_s <= 3600:
        raise EndpointInputError("The interval between samples must be 0 to 3600 s.")
    if not 0 < req.timeout_s <= 300:
        raise EndpointInputError("The timeout must be more than 0 and at most 300 s.")
    origin = urlsplit(req.origin)
    if (
        origin.scheme not in ("http", "https")
        or not origin.hostname
        or origin.path not in ("", "/")
    ):
        raise EndpointInputError(
            f"“{req.origin}” is not an origin: give scheme, host and port only, such as "
            f"{DEFAULT_ORIGIN}."
        )
