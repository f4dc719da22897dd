"""What a Meeting SDK signature is made for, its limits, and the payload Zoom's sample builds.

Zoom's auth endpoint sample (zoom/meetingsdk-auth-endpoint-sample, src/index.js) signs
{appKey, sdkKey, mn, role, iat, exp, tokenExp, video_webrtc_mode?} with HS256.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from zoomsig_gui.core.clock.truenow import true_now
from zoomsig_gui.core.tokens.jwt import TokenError, sign

DEFAULT_BACKDATE_S = 30
MAX_BACKDATE_S = 300
MIN_EXPIRY_S = 1800
MAX_EXPIRY_S = 172800
DEFAULT_EXPIRY_S = 7200


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
    check_expiry(req.expires_s)
    if not 0 <= req.backdate_s <= MAX_BACKDATE_S:
        raise TokenError(f"The backdate must be 0 to {MAX_BACKDATE_S} s; got {req.backdate_s} s.")
    if req.webrtc_mode not in (None, 0, 1):
        raise TokenError("WebRTC mode must be 0 or 1.")


def check_expiry(expires_s: int) -> None:
    """Refuse an expiry window Zoom would refuse (TokenError with the allowed range)."""
    if not MIN_EXPIRY_S <= expires_s <= MAX_EXPIRY_S:
        raise TokenError(
            f"Expiry must be between 30 min and 48 h ({MIN_EXPIRY_S} to {MAX_EXPIRY_S} s); "
            f"{expires_s} s was asked for."
        )


def build_payload(req: TokenRequest, now: float) -> dict[str, Any]:
    """The payload Zoom's sample builds, in its claim order. ``now`` is the true time."""
    validate_request(req)
    iat = int(now) - req.backdate_s
    exp = iat + req.expires_s
    payload: dict[str, Any] = {"appKey": req.key, "sdkKey": req.key}
    if not req.native:
        payload["mn"] = req.meeting_number
        payload["role"] = req.role
    payload.update(iat=iat, exp=exp, tokenExp=exp)
    if req.webrtc_mode is not None:
        payload["video_webrtc_mode"] = req.webrtc_mode
    return payload


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
    if any(len(n) > 12 for n, _ in parts):  # int() refuses 4,300 digits; no duration needs 13
        raise TokenError(f"“{text[:20]}…” is far too long for a duration: write 2h or 7200.")
    units = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}
    return sum(int(n) * units[u] for n, u in parts)
