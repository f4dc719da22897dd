"""The inspector's rules, as the findings contract (docs/findings.md) states them: decoded
header and payload → list[Finding].

Codes are a contract (CLI JSON, tests, bug reports); messages are for non-developers. The
time rules are in timerules.py, the other kinds of token in kinds.py.
"""

from __future__ import annotations

from typing import Any

from zoomsig_gui.core.inspection.finding import (
    ERROR,
    EXPIRED,
    EXPIRES_SOON_S,
    FUTURE_TOLERANCE_S,
    INFO,
    INVALID,
    MEETING_CLAIMS,
    MS_THRESHOLD,
    TIME_CLAIMS,
    VIDEO_CLAIMS,
    WARNING,
    Finding,
    finding,
    is_int,
    json_text,
)
from zoomsig_gui.core.inspection.timerules import check_times

# Re-exported: the rest of zoomsig reads these names from here.
__all__ = [
    "ERROR",
    "EXPIRED",
    "EXPIRES_SOON_S",
    "FUTURE_TOLERANCE_S",
    "INFO",
    "INVALID",
    "MEETING_CLAIMS",
    "MS_THRESHOLD",
    "TIME_CLAIMS",
    "VIDEO_CLAIMS",
    "WARNING",
    "Finding",
    "check_header",
    "check_payload",
    "finding",
    "json_text",
    "kind_of",
]


# ---------------------------------------------------------------- header
def check_header(header: dict[str, Any]) -> list[Finding]:
    out: list[Finding] = []
    alg = header.get("alg")
    if alg != "HS256":
        shown = "missing" if alg is None else f"“{alg}”"
        out.append(
            finding(
                "alg-unsupported",
                ERROR,
                f"The token's algorithm is {shown}; Zoom accepts only HS256 (HMAC with SHA-256).",
                'Sign with HS256: the header must be {"alg":"HS256","typ":"JWT"}.',
                "alg",
                INVALID,
            )
        )
    typ = header.get("typ")
    if typ is not None and typ != "JWT":
        out.append(
            finding(
                "typ-unexpected",
                WARNING,
                f"The header's type is “{typ}” instead of “JWT”.",
                'Use the header {"alg":"HS256","typ":"JWT"} as Zoom\'s sample does.',
                "typ",
            )
        )
    return out


# ---------------------------------------------------------------- payload
def kind_of(payload: dict[str, Any]) -> str:
    if "tpc" in payload or "app_key" in payload or "role_type" in payload:
        if not ("appKey" in payload or "sdkKey" in payload):
            return "video"
    if "mn" in payload or "role" in payload:
        return "meeting-web"
    return "meeting-native"


def check_payload(
    payload: dict[str, Any], now: float, expected_key: str | None = None
) -> list[Finding]:
    kind = kind_of(payload)
    if kind == "video":
        out: list[Finding] = [
            finding(
                "video-sdk-token",
                ERROR,
                "This is a Video SDK token (it has app_key, tpc and role_type). Video SDK tokens "
                "cannot join Zoom meetings.",
                "Make a Meeting SDK signature with the Client ID and Secret of a Meeting SDK app.",
                None,
                INVALID,
            )
        ]
        return out + _unknown_claims(payload, VIDEO_CLAIMS)
    out = []
    out += _keys(payload, expected_key)
    out += _meeting_and_role(payload, kind)
    out += check_times(payload, now, kind)
    out += _webrtc(payload)
    out += _unknown_claims(payload, MEETING_CLAIMS + ("apiKey",))
    return out


def _keys(payload: dict[str, Any], expected_key: str | None) -> list[Finding]:
    out: list[Finding] = []
    if "apiKey" in payload:
        out.append(
            finding(
                "apikey-claim",
                ERROR,
                "The token has an apiKey claim: it was made for a JWT app, an app type Zoom "
                "retired on 8 Sep 2023. Those credentials cannot join meetings.",
                "Create a Meeting SDK app in the Zoom Marketplace and sign with its Client ID "
                "and Client Secret in appKey and sdkKey.",
                "apiKey",
                INVALID,
            )
        )
    app_key, sdk_key = payload.get("appKey"), payload.get("sdkKey")
    if not (isinstance(app_key, str) and app_key.strip()):
        # An empty or non-text appKey (true, 0, a list) carries no key: as good as none.
        if app_key is None:
            head = "The token has no appKey." + (
                " It has sdkKey only." if sdk_key is not None else ""
            )
        else:
            head = f"The token's appKey is {json_text(app_key)}, not a key."
        out.append(
            finding(
                "appkey-missing",
                ERROR,
                f"{head} Since Web SDK 5.0.0 (and in the native SDKs) Zoom cannot join a meeting "
                "without it.",
                "Add appKey to the payload with your Client ID (the same value as sdkKey).",
                "appKey",
                INVALID,
            )
        )
    elif sdk_key is not None and sdk_key != app_key:
        out.append(
            finding(
                "key-mismatch",
                ERROR,
                f"appKey ({app_key}) and sdkKey ({sdk_key}) are different keys.",
                "Put the same Client ID in both appKey and sdkKey.",
                "sdkKey",
                INVALID,
            )
        )
    token_key = app_key if app_key is not None else sdk_key
    if expected_key and token_key is not None and token_key != expected_key:
        out.append(
            finding(
                "key-unknown",
                WARNING,
                f"The token was made for key {token_key}, not for the chosen credentials' key "
                f"{expected_key}.",
                "Check that the token comes from the app you think it does, or pick the matching "
                "saved credentials.",
                "appKey" if app_key is not None else "sdkKey",
            )
        )
    return out


def _meeting_and_role(payload: dict[str, Any], kind: str) -> list[Finding]:
    has_mn, has_role = "mn" in payload, "role" in payload
    if kind == "meeting-native":
        return [
            finding(
                "native-token",
                INFO,
                "This token has no meeting number and no role: it is a native-SDK token (Windows, "
                "Mac, iOS, Android). The web join page cannot use it.",
                "For the web, make a token with mn (the meeting number) and role.",
            )
        ]
    out: list[Finding] = []
    if has_mn != has_role:
        missing = "role" if has_mn else "mn"
        out.append(
            finding(
                "mn-role-pair",
                ERROR,
                f"The token has {'mn' if has_mn else 'role'} but no {missing}. A web token needs "
                "both; a native-SDK token neither.",
                f"Add {missing} to the payload, or remove both for a native-SDK token.",
                missing,
                INVALID,
            )
        )
    if has_mn:
        out += _mn(payload["mn"])
    if has_role:
        out += _role(payload["role"])
    return out


def _mn(mn: object) -> list[Finding]:
    text = str(mn) if is_int(mn) or isinstance(mn, str) else None
    if text is not None and text.isascii() and text.isdigit() and 9 <= len(text) <= 11:
        return []
    shown = json_text(mn) if text is None else f"“{text}”"
    return [
        finding(
            "mn-format",
            ERROR,
            f"The meeting number {shown} is not 9 to 11 digits (spaces, dashes and letters are "
            "not allowed).",
            "Send the meeting number as digits only, for example 81198873582.",
            "mn",
            INVALID,
        )
    ]


def _role(role: object) -> list[Finding]:
    if isinstance(role, str) and role in ("0", "1"):
        return [
            finding(
                "role-type",
                WARNING,
                f"The role is the text “{role}” instead of the number {role}.",
                f"Send role as a number: {role}.",
                "role",
            )
        ]
    numeric = is_int(role) or (isinstance(role, float) and role.is_integer())
    if numeric and role in (0, 1):
        return []
    return [
        finding(
            "role-invalid",
            ERROR,
            f"The role {json_text(role)} is not valid: it must be 0 (attendee) or 1 (host).",
            "Set role to 0 to join as an attendee or 1 to start the meeting as host.",
            "role",
            INVALID,
        )
    ]


def _webrtc(payload: dict[str, Any]) -> list[Finding]:
    if "video_webrtc_mode" not in payload:
        return []
    mode = payload["video_webrtc_mode"]
    if is_int(mode) and mode in (0, 1):
        return []
    return [
        finding(
            "webrtc-mode-invalid",
            ERROR,
            f"video_webrtc_mode is {json_text(mode)}; it must be 0 or 1.",
            "Set video_webrtc_mode to 0 or 1, or leave it out.",
            "video_webrtc_mode",
            INVALID,
        )
    ]


def _unknown_claims(payload: dict[str, Any], known: tuple[str, ...]) -> list[Finding]:
    extra = [name for name in payload if name not in known]
    if not extra:
        return []
    return [
        finding(
            "unknown-claims",
            INFO,
            f"Claims Zoom does not use: {', '.join(extra)}.",
            "They are harmless but can be removed.",
        )
    ]
