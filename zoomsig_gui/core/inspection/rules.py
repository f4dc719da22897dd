"""The inspector's rules, as the findings contract (docs/findings.md) states them: decoded
header and payload → list[Finding].

Codes are a contract (CLI JSON, tests, bug reports); messages are for non-developers.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from zoomsig_gui.core.timefmt import relative_text, span_text, utc_text
from zoomsig_gui.core.tokens.request import MAX_EXPIRY_S, MIN_EXPIRY_S

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


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


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
    out += _times(payload, now, kind)
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
            head = f"The token's appKey is {app_key!r}, not a key."
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
    text = str(mn) if _is_int(mn) or isinstance(mn, str) else None
    if text is not None and text.isascii() and text.isdigit() and 9 <= len(text) <= 11:
        return []
    shown = repr(mn) if text is None else f"“{text}”"
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
    numeric = _is_int(role) or (isinstance(role, float) and role.is_integer())
    if numeric and role in (0, 1):
        return []
    return [
        finding(
            "role-invalid",
            ERROR,
            f"The role {role!r} is not valid: it must be 0 (attendee) or 1 (host).",
            "Set role to 0 to join as an attendee or 1 to start the meeting as host.",
            "role",
            INVALID,
        )
    ]


def _times(payload: dict[str, Any], now: float, kind: str) -> list[Finding]:
    out: list[Finding] = []
    ints: dict[str, int] = {}
    for claim in TIME_CLAIMS:
        if claim not in payload:
            continue
        value = payload[claim]
        if _is_int(value):
            ints[claim] = value
        else:
            out.append(
                finding(
                    "claim-type",
                    ERROR,
                    f"{claim} is {value!r} ({type(value).__name__}), "
                    "not a whole number of seconds.",
                    f"Send {claim} as an integer number of seconds since 1970, not text or a "
                    "decimal.",
                    claim,
                    INVALID,
                )
            )
    if "iat" not in payload:
        out.append(
            finding(
                "iat-missing",
                ERROR,
                "The token has no iat (the time it was issued).",
                "Add iat: the current time in whole seconds since 1970, minus about 30 s.",
                "iat",
                INVALID,
            )
        )
    if "exp" not in payload:
        out.append(
            finding(
                "exp-missing",
                ERROR,
                "The token has no exp (when it stops working).",
                "Add exp: iat plus 1800 to 172800 seconds (Zoom's sample uses 7200).",
                "exp",
                INVALID,
            )
        )
    for claim in TIME_CLAIMS:
        if claim in ints and ints[claim] > MS_THRESHOLD:
            out.append(
                finding(
                    "iat-milliseconds",
                    ERROR,
                    f"{claim} ({ints[claim]}) is in milliseconds; Zoom expects seconds.",
                    f"Divide by 1000: in JavaScript use Math.round(Date.now() / 1000) for {claim}.",
                    claim,
                    INVALID,
                )
            )
            del ints[claim]  # the window checks would only repeat the same mistake
    iat, exp, token_exp = ints.get("iat"), ints.get("exp"), ints.get("tokenExp")
    if iat is not None and iat > now + FUTURE_TOLERANCE_S:
        ahead = iat - now
        out.append(
            finding(
                "iat-future",
                ERROR,
                f"iat is {span_text(ahead)} in the future ({utc_text(iat)}): the clock of the "
                "computer that made it runs ahead, or the token was made for later. "
                "Zoom rejects it.",
                "Set the generating server's clock from time servers (NTP), or start the token "
                "30 s early (backdate iat).",
                "iat",
                INVALID,
            )
        )
    if iat is not None and exp is not None:
        window = exp - iat
        if window < MIN_EXPIRY_S:
            out.append(
                finding(
                    "exp-window-short",
                    ERROR,
                    f"exp is only {span_text(window)} after iat; Zoom wants at least 30 min.",
                    "Set exp to iat + 1800 s or more (Zoom's sample uses 7200).",
                    "exp",
                    INVALID,
                )
            )
        elif window > MAX_EXPIRY_S:
            out.append(
                finding(
                    "exp-window-long",
                    ERROR,
                    f"exp is {span_text(window)} after iat; Zoom allows at most 48 h.",
                    "Set exp to at most iat + 172800 s (48 h).",
                    "exp",
                    INVALID,
                )
            )
    if exp is not None:
        if exp <= now:
            out.append(
                finding(
                    "expired",
                    ERROR,
                    f"The token expired {relative_text(exp, now)} ({utc_text(exp)}).",
                    "Make a new token; if it was just made, check that the generating clock is "
                    "not hours behind.",
                    "exp",
                    EXPIRED,
                )
            )
        elif exp - now < EXPIRES_SOON_S:
            out.append(
                finding(
                    "expires-soon",
                    WARNING,
                    f"The token expires {relative_text(exp, now)}.",
                    "Make a fresh token before joining.",
                    "exp",
                )
            )
    if "tokenExp" not in payload:
        native = kind == "meeting-native"
        out.append(
            finding(
                "tokenexp-missing",
                ERROR if native else INFO,
                "The token has no tokenExp."
                + (
                    " Native SDKs need it."
                    if native
                    else " Web SDKs accept that; Zoom's sample sets it."
                ),
                "Add tokenExp with the same value as exp.",
                "tokenExp",
                INVALID if native else None,
            )
        )
    if iat is not None and token_exp is not None and token_exp - iat < MIN_EXPIRY_S:
        out.append(
            finding(
                "tokenexp-short",
                ERROR,
                f"tokenExp is only {span_text(token_exp - iat)} after iat; "
                "it must be at least 30 min.",
                "Set tokenExp to the same value as exp (at least iat + 1800 s).",
                "tokenExp",
                INVALID,
            )
        )
    if exp is not None and token_exp is not None and token_exp > exp:
        out.append(
            finding(
                "tokenexp-after-exp",
                WARNING,
                f"tokenExp is {span_text(token_exp - exp)} after exp; "
                "Zoom's sample sets them equal.",
                "Set tokenExp to the same value as exp.",
                "tokenExp",
            )
        )
    return out


def _webrtc(payload: dict[str, Any]) -> list[Finding]:
    if "video_webrtc_mode" not in payload:
        return []
    mode = payload["video_webrtc_mode"]
    if _is_int(mode) and mode in (0, 1):
        return []
    return [
        finding(
            "webrtc-mode-invalid",
            ERROR,
            f"video_webrtc_mode is {mode!r}; it must be 0 or 1.",
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
