"""Each finding's short title in plain words, for places with room for a few words only
(History's findings column, the fixed token's "Why" column). The code stays the stable
name in JSON, tests and bug reports; the title is for people, and the code follows it in
tooltips for QA. A code without a title here is shown as it is."""

from __future__ import annotations

import re

TITLES: dict[str, str] = {
    "malformed": "not a readable token",
    "not-base64url": "wrong encoding (standard base64, not the URL-safe base64url)",
    "alg-unsupported": "not signed the way Zoom needs (HS256)",
    "typ-unexpected": "unusual token type",
    "signature-mismatch": "signed with another secret",
    "signature-unchecked": "signature not checked",
    "legacy-signature": "old pre-2022 signature",
    "video-sdk-token": "a Video SDK token",
    "apikey-claim": "key of a retired JWT app",
    "appkey-missing": "the app's key is missing (appKey)",
    "key-mismatch": "two different keys (appKey, sdkKey)",
    "key-unknown": "key of other credentials",
    "mn-role-pair": "meeting number or role missing",
    "native-token": "token for the desktop and mobile SDKs",
    "mn-format": "meeting number is not 9 to 11 digits",
    "role-invalid": "role is not attendee (0) or host (1)",
    "role-type": "role written as text",
    "claim-type": "a time is not a whole number",
    "iat-missing": "start time missing (iat)",
    "exp-missing": "expiry time missing (exp)",
    "iat-milliseconds": "time in milliseconds, not seconds",
    "iat-future": "start time in the future (iat)",
    "exp-window-short": "valid for less than 30 min",
    "exp-window-long": "valid for more than 48 h",
    "expired": "expired",
    "expires-soon": "expires in less than 5 min",
    "tokenexp-missing": "second expiry time missing (tokenExp)",
    "tokenexp-short": "second expiry under 30 min (tokenExp)",
    "tokenexp-after-exp": "second expiry after the first (tokenExp)",
    "webrtc-mode-invalid": "WebRTC mode is not 0 or 1",
    "unknown-claims": "claims Zoom does not use",
}

_CODE = re.compile(r"\b[a-z0-9]+(?:-[a-z0-9]+)+\b|\b(?:malformed|expired)\b")


def title_of(code: str) -> str:
    return TITLES.get(code, code)


def in_words(text: str) -> str:
    """``text`` with every finding code in it replaced by its title."""
    return _CODE.sub(lambda m: TITLES.get(m.group(0), m.group(0)), text)
