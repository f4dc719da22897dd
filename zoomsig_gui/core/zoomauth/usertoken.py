"""A ZAK or OBF token as zoomsig shows it: whose it is and when it expires, read from its
claims where it is a JWT (Zoom's are; nothing here checks their signature, Zoom does).

The token itself is a credential: it is kept in memory and handed to the join, never
written to a file, a setting, the history or a log; ``repr`` leaves it out.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from typing import Any

from zoomsig_gui.core.timefmt import relative_text, when_text
from zoomsig_gui.core.tokens.jwt import b64_decode_any

ZAK, OBF = "zak", "obf"
NAMES = {ZAK: "ZAK", OBF: "OBF token"}


@dataclass(frozen=True)
class UserToken:
    token: str = field(repr=False)
    type: str  # ZAK or OBF
    expires_at: int | None = None  # the exp claim, seconds since 1970
    user: str | None = None  # the Zoom user it belongs to (uid, or e-mail where given)
    meeting: str | None = None  # the meeting an OBF token is for (mnum), where it says

    def to_json(self) -> dict[str, object]:
        return {
            "token": self.token,
            "type": self.type,
            "expires_at": self.expires_at,
            "user": self.user,
        }

    def summary(self, now: float) -> str:
        """One line for people: whose it is and when it expires, never the token."""
        whose = f" of Zoom user {self.user}" if self.user else " (its user cannot be read)"
        if self.meeting:
            whose += f", for meeting {self.meeting}"
        if self.expires_at is None:
            return f"{NAMES[self.type]}{whose}; its expiry cannot be read."
        when = f"{when_text(self.expires_at)} ({relative_text(self.expires_at, now)})"
        verb = "expired" if self.expires_at <= now else "expires"
        return f"{NAMES[self.type]}{whose}; {verb} {when}."


def claims_of(token: str) -> dict[str, Any] | None:
    """The payload of a JWT, or None when the text is not one."""
    parts = token.strip().split(".")
    if len(parts) != 3:
        return None
    try:
        payload = json.loads(b64_decode_any(parts[1]))
    except (ValueError, UnicodeDecodeError):
        return None
    return payload if isinstance(payload, dict) else None


def _text(value: object) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def describe(token: str, kind: str) -> UserToken:
    """What can be read from a pasted or fetched token; a token that is not a JWT still
    works (Zoom decides), it just shows less."""
    if kind not in NAMES:
        raise ValueError(f"unknown token type {kind!r}")
    token = token.strip()
    claims = claims_of(token) or {}
    exp = claims.get("exp")
    expires_at = None
    if isinstance(exp, int | float) and not isinstance(exp, bool):
        if math.isfinite(exp) and abs(exp) < 1e11:
            expires_at = int(exp)
    user = _text(claims.get("email")) or _text(claims.get("uid")) or _text(claims.get("sub"))
    meeting = _text(claims.get("mnum")) or _text(str(claims.get("mn") or ""))
    return UserToken(token, kind, expires_at, user, meeting)
