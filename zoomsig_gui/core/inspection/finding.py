"""A finding (the findings contract, docs/findings.md) and what every rule module shares."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Any

ERROR, WARNING, INFO = "error", "warning", "info"
MS_THRESHOLD = 10**11  # seconds since 1970 stay below this until the year 5138
EXPIRES_SOON_S = 300
FUTURE_TOLERANCE_S = 1
INVALID = 3712  # "Signature is invalid": Zoom's answer to almost anything wrong
EXPIRED = 3705

MEETING_CLAIMS = ("appKey", "sdkKey", "mn", "role", "iat", "exp", "tokenExp", "video_webrtc_mode")
VIDEO_CLAIMS = (
    "app_key",
    "tpc",
    "role_type",
    "version",
    "iat",
    "exp",
    "session_key",
    "user_identity",
    "geo_regions",
    "cloud_recording_option",
    "cloud_recording_election",
    "telemetry_tracking_id",
    "video_webrtc_mode",
    "audio_webrtc_mode",
)
TIME_CLAIMS = ("iat", "exp", "tokenExp")


@dataclass(frozen=True)
class Finding:
    code: str
    severity: str
    message: str
    fix: str
    claim: str | None = None
    sdk_error: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def finding(
    code: str,
    severity: str,
    message: str,
    fix: str,
    claim: str | None = None,
    sdk_error: int | None = None,
) -> Finding:
    return Finding(code, severity, message, fix, claim, sdk_error)


def json_text(value: object) -> str:
    """A value as JSON writes it (null, true, "1" vs 1): never Python's None or True."""
    try:
        return json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        return str(value)


def is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def json_type(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, str):
        return "text"
    if isinstance(value, float):
        return "a decimal number"
    return "a list" if isinstance(value, list) else "an object"
