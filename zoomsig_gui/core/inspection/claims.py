"""What each claim means and how its value reads, for the tables in the GUI and the CLI."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from zoomsig_gui.core.inspection.finding import MS_THRESHOLD, TIME_CLAIMS, json_text
from zoomsig_gui.core.timefmt import relative_text, when_text

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
# The same names mean other things in the tokens that are not Meeting SDK signatures.
KIND_MEANINGS = {
    "rest": {
        "iss": "API key of a JWT app (retired credentials)",
        "aud": "audience (null in JWT-app tokens)",
        "exp": "when the REST API token stops working",
    },
    "oauth": {
        "iss": "the OAuth app's Client ID (after zm:cid:)",
        "aud": "audience: Zoom's OAuth server",
        "uid": "Zoom user ID of the signed-in user",
        "auid": "Zoom user ID of the signed-in user (hashed)",
        "aid": "Zoom account ID",
        "ver": "OAuth token version",
        "nbf": "not valid before this time",
        "exp": "when the access token stops working",
        "kid": "ID of Zoom's signing key",
        "sv": "Zoom's signing key version",
        "v": "token format version",
        "zm_skm": "Zoom's signing key material",
        "alg": "signing algorithm (Zoom signs OAuth tokens itself)",
    },
    "zak": {
        "aud": "audience: Zoom clients (clientsm)",
        "uid": "Zoom user ID of the host",
        "iss": "who issued the ZAK",
        "sty": "Zoom user type",
        "wcd": "Zoom data centre",
        "clt": "client type",
        "mnum": "meeting number the ZAK was made for",
        "aid": "Zoom account ID",
        "cid": "client ID",
        "sk": "session key",
        "exp": "when the ZAK stops working",
    },
}
ROLE_NAMES = {0: "attendee", 1: "host"}


@dataclass(frozen=True)
class ClaimRow:
    name: str
    value: str  # as in the JSON
    reading: str  # a date and "in 1 h 12 min", or a role name; may be ""
    meaning: str


def claim_rows(
    claims: dict[str, Any] | None, now: float, kind: str | None = None
) -> list[ClaimRow]:
    """Rows with each value as JSON writes it; ``kind`` names the claims of other tokens."""
    meanings = {**MEANINGS, **KIND_MEANINGS.get(kind or "", {})}
    fallback = "not used by Zoom" if kind not in KIND_MEANINGS else "not a Meeting SDK claim"
    return [
        ClaimRow(name, json_text(value), _reading(name, value, now), meanings.get(name, fallback))
        for name, value in (claims or {}).items()
    ]


def _reading(name: str, value: object, now: float) -> str:
    number = value if isinstance(value, int | float) and not isinstance(value, bool) else None
    if name in TIME_CLAIMS and number is not None:
        if number > MS_THRESHOLD:
            return f"{when_text(_from_ms(number))} if read as milliseconds"
        return f"{when_text(number)} · {relative_text(number, now)}"
    if name == "timestamp_ms" and number is not None:
        return when_text(_from_ms(number))
    if name == "role" and number is not None and number in ROLE_NAMES:
        return ROLE_NAMES[int(number)]
    return ""


def _from_ms(value: float) -> float:
    # int // 1000: a 400-digit integer divided with / overflows a float
    return value // 1000 if isinstance(value, int) else value / 1000
