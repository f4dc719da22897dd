"""What the Meeting SDK's join errors mean, in plain words, with their likely causes.

One table for the join page (served as /errors.json) and the window. Codes and texts come
from the SDK 6.2.0 bundle (lib/lang/en-US.json) and the threads in zoom-facts.md.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass

# Pseudo codes for results that have no SDK code.
SDK_MISSING = "sdk-missing"
OUTSIDE_ACCOUNT = "outside-account"
TIMEOUT = "timeout"
BAD_LINK = "bad-link"


@dataclass(frozen=True)
class JoinError:
    code: str  # the SDK's errorCode as text ("3712"), or one of the pseudo codes above
    title: str
    explanation: str
    causes: tuple[str, ...] = ()


_CAUSES_3712 = (
    "Credentials of the wrong app type: OAuth, Server-to-Server OAuth or the retired JWT app "
    "give 3712; only a Meeting SDK app's Client ID and Client Secret work.",
    "The Meeting SDK app is not activated, or the SDK is not enabled for the account.",
    "The secret was copied with a space or line break around it.",
    "The token has no appKey claim, or its key is not the key of the app that signed it.",
    "A clock that is wrong: a token made on a clock running ahead is not valid yet, and one "
    "made on a clock running behind may already have expired. Check the computer's clock.",
    "An old signature generator (pre-2022 format) used with new credentials.",
    "The whole response of the signature endpoint was passed instead of its signature field.",
    "The meeting belongs to another Zoom account and no ZAK or OBF token was passed (2026+).",
)

_TABLE: tuple[JoinError, ...] = (
    JoinError(
        "3712",
        "Signature is invalid",
        "Zoom rejected the signature (the token). Inspect it in zoomsig: most causes "
        "show up as findings.",
        _CAUSES_3712,
    ),
    JoinError(
        "3705",
        "The signature has expired",
        "The token's exp time has passed by Zoom's clock. Make a new token; if it "
        "happens with fresh tokens, the clock of the computer that made them is wrong.",
        (
            "The token is older than its expiry time (default 2 hours).",
            "The clock of the signing computer runs behind.",
        ),
    ),
    JoinError(
        "3706",
        "The meeting number is wrong",
        "Zoom does not accept this meeting number. Copy it again from the invitation: "
        "9 to 11 digits, and the same number must be in the token (mn).",
        ("A typo or a missing digit.", "The token was made for another meeting."),
    ),
    JoinError(
        "3707",
        "The meeting number was not found",
        "No meeting has this number. It may have been deleted, or it is a personal link "
        "name instead of the number.",
        ("The meeting was deleted or has ended for good.", "A typo in the number."),
    ),
    JoinError(
        "3704",
        "The SDK key is not valid",
        "Zoom does not know the key in the token. Use the Client ID of a Meeting SDK app.",
    ),
    JoinError(
        "3708",
        "The role is not allowed",
        "The token's role does not fit: role 1 (host) needs the host's ZAK or account.",
    ),
    JoinError("3709", "The host was not found", "Zoom could not find the meeting's host."),
    JoinError(
        "3710",
        "The SDK key is deactivated",
        "The app behind this key was deactivated in the Zoom Marketplace.",
    ),
    JoinError(
        "3711",
        "Cannot host more meetings at once",
        "The host already runs the maximum number of meetings at the same time.",
    ),
    JoinError("3713", "No permission", "This app is not allowed to join this meeting."),
    JoinError(
        "3000",
        "Another meeting is in progress",
        "This page already is in a meeting. Leave it first.",
    ),
    JoinError("3001", "The meeting does not exist", "Zoom says the meeting does not exist."),
    JoinError(
        "3004",
        "Wrong passcode",
        "The meeting's passcode is wrong or missing. Copy it from the invitation, or "
        "paste the whole invite link (its pwd= part carries the passcode).",
        (
            "No passcode was given for a meeting that needs one.",
            "The passcode of another meeting, or the encrypted pwd= value was shortened.",
        ),
    ),
    JoinError(
        "3005",
        "An email address is required",
        "This meeting (for example a webinar) needs the participant's email address.",
    ),
    JoinError(
        "3008",
        "The meeting has not started",
        "The meeting has not been started by its host yet, and join before host is off. "
        "Start it or wait for the host, then try again.",
    ),
    JoinError(
        "3099",
        "Registration is required",
        "The meeting needs registration: pass the registrant token (tk).",
    ),
    JoinError(
        "3635",
        "The SDK's WebAssembly files could not be downloaded",
        "The SDK could not load its audio and video files (lib/av). Check the network "
        "or the SDK folder.",
    ),
    JoinError("4003", "Invalid parameter", "The SDK refused one of the join parameters."),
    JoinError(
        "10000",
        "This SDK version is too old",
        "Zoom no longer supports this Meeting SDK version (Zoom enforces minimum "
        "versions every quarter). Use a newer @zoom/meetingsdk (--sdk-version).",
    ),
    JoinError(
        "1",
        "Could not join the meeting",
        "The SDK's generic failure. Offline or with Zoom's servers blocked it is what "
        "you see; otherwise check the network and the meeting number.",
        (
            "No network connection, or a proxy or firewall blocks zoom.us.",
            "The meeting number or the token do not fit together.",
        ),
    ),
    JoinError(
        "-3000",
        "Could not connect to Zoom",
        "Component View could not open its connection to Zoom's servers: no network, "
        "or a proxy or firewall blocks zoom.us.",
        ("No network connection, or zoom.us is blocked.",),
    ),
    JoinError("200", "Could not join the meeting", "The SDK's generic failure; try again."),
    JoinError(
        OUTSIDE_ACCOUNT,
        "The meeting is outside the app's account",
        "Since 2 March 2026 an SDK app joining a meeting of another Zoom account must "
        "pass a ZAK or an OBF token of a user of that account, and the app must be "
        "published on the Marketplace. Add zak= or obfToken= (not both) to the link.",
        (
            "No zak or obfToken was passed.",
            "The OBF token is invalid or expired.",
            "The authorising user is not in the meeting.",
        ),
    ),
    JoinError(
        TIMEOUT,
        "Joining timed out",
        "The SDK gave no answer. A token encoded with standard base64 (+, /, =) instead "
        "of base64url causes this; so does a network that blocks Zoom.",
    ),
    JoinError(
        BAD_LINK,
        "The link is incomplete",
        "The link has a meeting number but no signature. Make it again with "
        "`zoomsig link` or the window's “Copy test link”, and copy all of it.",
    ),
    JoinError(
        SDK_MISSING,
        "The Meeting SDK did not load",
        "Its scripts did not arrive: there is no network, Zoom's CDN (source.zoom.us) is "
        "blocked, or the SDK folder zoomsig was given is not the dist folder of "
        "@zoom/meetingsdk (npm pack @zoom/meetingsdk).",
    ),
)

ERRORS: dict[str, JoinError] = {e.code: e for e in _TABLE}

# SDK messages without a code of their own that mean "outside the account" (zoom-facts.md).
_OUTSIDE_MESSAGES = ("obf token", "obftoken", "zak", "authorized user not in meeting")


def explain(code: object, sdk_message: str | None = None) -> JoinError:
    """The explanation for an SDK error code (int or text); unknown codes still get one."""
    text = str(code).strip() if code is not None else ""
    message = (sdk_message or "").strip()
    if text not in ERRORS and any(m in message.lower() for m in _OUTSIDE_MESSAGES):
        return ERRORS[OUTSIDE_ACCOUNT]
    if text not in ERRORS and "timeout" in message.lower():
        return ERRORS[TIMEOUT]
    if text in ERRORS:
        return ERRORS[text]
    said = f" It said: “{message}”." if message else ""
    return JoinError(
        text or "unknown",
        "The join failed",
        f"The Meeting SDK reported error {text or '(no code)'}.{said}",
    )


def errors_json() -> bytes:
    """The table as the join page reads it: {code: {title, explanation, causes}}."""
    table = {e.code: {k: v for k, v in asdict(e).items() if k != "code"} for e in _TABLE}
    for entry in table.values():
        entry["causes"] = list(entry["causes"])
    return json.dumps(table, ensure_ascii=False, indent=1).encode("utf-8")
