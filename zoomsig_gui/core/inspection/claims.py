"""What each claim means and how its value reads, for the tables in the GUI and the CLI."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from zoomsig_gui.core.inspection.rules import MS_THRESHOLD, TIME_CLAIMS
from zoomsig_gui.core.timefmt import relative_text, utc_text

MEANINGS = {
    "alg": "signing algorithm (Zoom needs HS256)",
    "typ": "token type",
    "appKey": "your app's Client ID (SDK key)",
    "sdkKey": "your app's Client ID, again (older SDKs read this one)",
    "apiKey": "JWT-app API key (retired credentials)",
    "mn": "meeting number",
    "role": "0 attendee, 1 host",
    "iat": "when the token was issued",
    "exp": "when the token stops working",
    "tokenExp": "when the SDK session token stops working",
    "video_webrtc_mode": "1: video over WebRTC (Web SDK only)",
    "app_key": "Video SDK key",
    "tpc": "Video SDK session name",
    "role_type": "Video SDK role",
    "version": "Video SDK token version",
    "timestamp_ms": "when an old-style signature was made (milliseconds)",
}
ROLE_NAMES = {0: "attendee", 1: "host"}


@dataclass(frozen=True)
class ClaimRow:
    name: str
    value: str  # as in the JSON
    reading: str  # a date and "in 1 h 12 min", or a role name; may be ""
    meaning: str


def claim_rows(claims: dict[str, Any] | None, now: float) -> list[ClaimRow]:
    rows: list[ClaimRow] = []
    for name, value in (claims or {}).items():
        shown = (
            value
            if isinstance(value, str)
            else repr(value)
            if not isinstance(value, (int, float)) or isinstance(value, bool)
            else str(value)
        )
        rows.append(
            ClaimRow(
                name, str(shown), _reading(name, value, now), MEANINGS.get(name, "not used by Zoom")
            )
        )
    return rows


def _reading(name: str, value: object, now: float) -> str:
    number = value if isinstance(value, int | float) and not isinstance(value, bool) else None
    if name in TIME_CLAIMS and number is not None:
        if number > MS_THRESHOLD:
            return f"{utc_text(_from_ms(number))} if read as milliseconds"
        return f"{utc_text(number)} · {relative_text(number, now)}"
    if name == "timestamp_ms" and number is not None:
        return utc_text(_from_ms(number))
    if name == "role" and number is not None and number in ROLE_NAMES:
        return ROLE_NAMES[int(number)]
    return ""


def _from_ms(value: float) -> float:
    # int // 1000: a 400-digit integer divided with / overflows a float
    return value // 1000 if isinstance(value, int) else value / 1000
