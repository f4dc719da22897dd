"""Other things people paste as the "signature": REST, OAuth and ZAK tokens, a bare HMAC,
and Meeting SDK claims under other names (the findings contract, docs/findings.md).
"""

from __future__ import annotations

import base64
import binascii
import re
from typing import Any

from zoomsig_gui.core.inspection.finding import ERROR, INFO, INVALID, Finding, finding

OTHER_KINDS = ("rest", "oauth", "zak")
KIND_CODES = ("rest-api-token", "oauth-access-token", "zak-token")
_MEETING_MARKS = ("appKey", "sdkKey", "mn", "role")
# Zoom's names for a claim → the names people use instead (the renames we recognise).
ALIASES = {
    "mn": ("meetingNumber", "meeting_number", "meetingNo"),
    "appKey": ("app_key", "apiKey"),
    "role": ("roleType",),
}
_MEETING_ALIASES = ("meetingNumber", "meeting_number", "meetingNo", "roleType")
HMAC_BYTES = 32


def other_kind(payload: dict[str, Any]) -> str | None:
    """`zak`, `oauth` or `rest` when the payload is one of those tokens, else None."""
    if any(name in payload for name in _MEETING_MARKS):
        return None
    aud, iss = payload.get("aud"), payload.get("iss")
    if aud == "clientsm" or ("sty" in payload and ({"wcd", "clt", "mnum"} & payload.keys())):
        return "zak"
    oauth_marks = {"uid", "auid", "ver"} & payload.keys()
    if (
        aud == "https://oauth.zoom.us"
        or (isinstance(iss, str) and iss.startswith("zm:cid:"))
        or len(oauth_marks) >= 2
    ):
        return "oauth"
    if isinstance(iss, str) and iss.strip() and payload.get("aud") is None and "exp" in payload:
        return "rest"
    return None


def kind_findings(kind: str, header: dict[str, Any]) -> list[Finding]:
    """The one finding that names the token; the Meeting SDK rules are not for it."""
    if kind == "rest":
        return [
            finding(
                "rest-api-token",
                ERROR,
                "This is a JWT-app REST API token (its iss holds an API key), not a Meeting SDK "
                "signature. It was for calling Zoom's REST API, and Zoom retired the JWT app "
                "type on 8 Sep 2023.",
                "Make a Meeting SDK signature instead: create a Meeting SDK app in the Zoom "
                "Marketplace and sign with its Client ID and Client Secret (Make tab, or "
                "zoomsig token).",
                "iss",
                INVALID,
            )
        ]
    if kind == "oauth":
        how = f" (signed with {header.get('alg')})" if header.get("alg") != "HS256" else ""
        return [
            finding(
                "oauth-access-token",
                ERROR,
                f"This is a Zoom OAuth access token{how}, not a Meeting SDK signature. It is "
                "for calling Zoom's REST API.",
                "Make the signature yourself with the Meeting SDK app's Client ID and Client "
                "Secret (Make tab, or zoomsig token); keep the access token for API calls.",
                "aud",
                INVALID,
            )
        ]
    return [
        finding(
            "zak-token",
            ERROR,
            "This is a ZAK, the host's Zoom access key, not a Meeting SDK signature.",
            "Pass it in the join call's zak field (zak= in a join link) and make the signature "
            "with the Meeting SDK app's Client ID and Client Secret.",
            "aud",
            INVALID,
        )
    ]


def renamed(payload: dict[str, Any]) -> tuple[dict[str, Any], list[Finding]]:
    """The payload read with Zoom's names, and a `claim-name` finding per misnamed claim."""
    meeting = any(n in payload for n in ("mn", "role", *_MEETING_ALIASES))
    out: list[Finding] = []
    fixed = dict(payload)
    for zoom_name, others in ALIASES.items():
        if zoom_name in payload:
            continue
        for other in others:
            if other not in payload:
                continue
            if zoom_name == "appKey" and not meeting:
                continue  # apiKey alone is the JWT-app era; app_key alone a Video SDK token
            # apiKey stays too: its own finding (apikey-claim) says the credentials retired.
            fixed[zoom_name] = fixed[other] if other == "apiKey" else fixed.pop(other)
            out.append(
                finding(
                    "claim-name",
                    ERROR,
                    f"The token has {other} where Zoom reads {zoom_name}: Zoom ignores "
                    f"{other}, so it sees no {zoom_name}.",
                    f"Rename the claim {other} to {zoom_name}.",
                    other,
                    INVALID,
                )
            )
            break
    return fixed, out


def mn_number(payload: dict[str, Any]) -> list[Finding]:
    mn = payload.get("mn")
    if not isinstance(mn, int) or isinstance(mn, bool):
        return []
    return [
        finding(
            "mn-number",
            INFO,
            "The meeting number is a JSON number. The Web SDK takes it, but Zoom's sample sends "
            "a string of digits, and a number above 2^53 loses digits in JavaScript.",
            'Send mn as a string of digits, for example "81198873582".',
            "mn",
        )
    ]


def hmac_only(token: str) -> Finding | None:
    """`hmac-only` when the text is just 32 bytes in base64 or hex: the hash, not the JWT."""
    if not _is_32_bytes(token):
        return None
    return finding(
        "hmac-only",
        ERROR,
        "This is only a hash (an HMAC of 32 bytes, or the last part of a token), not the whole "
        "signature: the backend returned the HMAC instead of the JWT.",
        "Return the whole JWT from the backend: header.payload.signature, three parts "
        "separated by dots, starting with “eyJ” (a JWT library's sign() gives it).",
        None,
        INVALID,
    )


def _is_32_bytes(text: str) -> bool:
    if re.fullmatch(r"[0-9A-Fa-f]{64}", text):
        return True
    if not re.fullmatch(r"[A-Za-z0-9_\-+/]{43}=?", text):
        return False
    standard = text.rstrip("=").replace("-", "+").replace("_", "/") + "="
    try:
        return len(base64.b64decode(standard, validate=True)) == HMAC_BYTES
    except (binascii.Error, ValueError):
        return False
