"""Build, sign, decode and verify Meeting SDK signatures (HS256 JWTs), as Zoom's sample does.

Zoom's auth endpoint sample (zoom/meetingsdk-auth-endpoint-sample, src/index.js) signs
{appKey, sdkKey, mn, role, iat, exp, tokenExp, video_webrtc_mode?} with HS256.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass

# base64, hashlib (OpenSSL), hmac and json are imported where they are used: the window
# needs this module's limits for its first paint, and signing only once the user signs.

DEFAULT_BACKDATE_S = 30
MAX_BACKDATE_S = 300
MIN_EXPIRY_S = 1800
MAX_EXPIRY_S = 172800
DEFAULT_EXPIRY_S = 7200
HEADER = {"alg": "HS256", "typ": "JWT"}


class TokenError(ValueError):
    """Input that must not be signed; the message says what to change."""


@dataclass(frozen=True)
class TokenRequest:
    """What a signature is made for. ``meeting_number`` None with ``role`` None: native SDK."""

    key: str
    meeting_number: str | None = None
    role: int | None = None
    expires_s: int = DEFAULT_EXPIRY_S
    backdate_s: int = DEFAULT_BACKDATE_S
    webrtc_mode: int | None = None

    @property
    def native(self) -> bool:
        return self.meeting_number is None and self.role is None


def b64url_encode(data: bytes) -> str:
    import base64

    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64_decode_any(segment: str) -> bytes:
    """Decode base64url or standard base64, padded or not; raises ValueError."""
    if not re.fullmatch(r"[A-Za-z0-9_\-+/]*={0,2}", segment):
        raise ValueError("not base64")
    body = segment.rstrip("=")
    if len(body) % 4 == 1:
        raise ValueError("not base64: wrong length")
    body = body.replace("+", "-").replace("/", "_")
    import base64
    import binascii

    try:
        return base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
    except (binascii.Error, ValueError) as exc:
        raise ValueError(f"not base64: {exc}") from exc


def compact_json(value: object) -> bytes:
    """JSON exactly as JavaScript's JSON.stringify writes it (no spaces, UTF-8)."""
    import json

    return json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def hmac_signature(signing_input: str | bytes, secret: str, alg: str = "HS256") -> bytes:
    import hashlib
    import hmac

    digest = {"HS256": hashlib.sha256, "HS384": hashlib.sha384, "HS512": hashlib.sha512}[alg]
    data = signing_input.encode("ascii") if isinstance(signing_input, str) else signing_input
    return hmac.new(secret.encode("utf-8"), data, digest).digest()


def sign(payload: dict, secret: str, header: dict | None = None) -> str:
    """Sign any payload (also odd ones, for reproducing a customer's token) with HS256."""
    if not secret:
        raise TokenError("The secret is empty: enter the Client Secret of your Meeting SDK app.")
    head = b64url_encode(compact_json(header or HEADER))
    body = b64url_encode(compact_json(payload))
    signing_input = f"{head}.{body}"
    return f"{signing_input}.{b64url_encode(hmac_signature(signing_input, secret))}"


def validate_request(req: TokenRequest) -> None:
    """Refuse what Zoom would refuse, with a message; never sign it."""
    if not req.key or req.key != req.key.strip():
        raise TokenError("The SDK key (Client ID) is empty or has spaces around it.")
    if (req.meeting_number is None) != (req.role is None):
        raise TokenError(
            "A web token needs both a meeting number and a role; a native one neither."
        )
    if req.meeting_number is not None and not re.fullmatch(r"\d{9,11}", req.meeting_number):
        raise TokenError("The meeting number must be 9 to 11 digits, without spaces.")
    if req.role is not None and req.role not in (0, 1):
        raise TokenError("The role must be 0 (attendee) or 1 (host).")
    if not MIN_EXPIRY_S <= req.expires_s <= MAX_EXPIRY_S:
        raise TokenError(
            f"Expiry must be between 30 min and 48 h ({MIN_EXPIRY_S} to {MAX_EXPIRY_S} s); "
            f"{req.expires_s} s was asked for."
        )
    if not 0 <= req.backdate_s <= MAX_BACKDATE_S:
        raise TokenError(f"The backdate must be 0 to {MAX_BACKDATE_S} s; got {req.backdate_s} s.")
    if req.webrtc_mode not in (None, 0, 1):
        raise TokenError("WebRTC mode must be 0 or 1.")


def build_payload(req: TokenRequest, now: float) -> dict:
    """The payload Zoom's sample builds, in its claim order. ``now`` is the true time."""
    validate_request(req)
    iat = int(now) - req.backdate_s
    exp = iat + req.expires_s
    payload: dict = {"appKey": req.key, "sdkKey": req.key}
    if not req.native:
        payload["mn"] = req.meeting_number
        payload["role"] = req.role
    payload.update(iat=iat, exp=exp, tokenExp=exp)
    if req.webrtc_mode is not None:
        payload["video_webrtc_mode"] = req.webrtc_mode
    return payload


def true_now(clock_offset_s: float = 0.0) -> float:
    """The local clock corrected by a measured offset (true − local)."""
    return time.time() + clock_offset_s


def make_token(
    req: TokenRequest, secret: str, now: float | None = None, clock_offset_s: float = 0.0
) -> str:
    """A ready signature. ``now`` pins the time (tests); otherwise local clock + offset."""
    moment = true_now(clock_offset_s) if now is None else now
    return sign(build_payload(req, moment), secret)


_DURATION = re.compile(r"(\d+)\s*([dhms]?)", re.IGNORECASE)


def parse_duration(text: str | int) -> int:
    """'7200', '30m', '2h', '1h30m', '2d' → seconds; raises TokenError with an example.

    Days are read so that "3d" gets the real answer (longer than Zoom's 48 h) later on.
    """
    if isinstance(text, int):
        return text
    cleaned = str(text).strip().lower().replace("min", "m")
    parts = _DURATION.findall(cleaned)
    if not cleaned or not parts or _DURATION.sub("", cleaned).strip():
        raise TokenError(f"“{text}” is not a duration: write 7200, 30m, 2h or 1h30m.")
    units = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}
    return sum(int(n) * units[u] for n, u in parts)


def verify(token: str, secret: str) -> bool:
    """True when the token's HMAC-SHA256 matches ``secret`` (the token as sent, not normalised)."""
    parts = token.split(".")
    if len(parts) != 3:
        return False
    try:
        given = b64_decode_any(parts[2])
    except ValueError:
        return False
    import hmac

    return hmac.compare_digest(given, hmac_signature(f"{parts[0]}.{parts[1]}", secret))
