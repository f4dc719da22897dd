"""Build odd tokens for rule tests: any payload, any header, signed with a known secret."""

from __future__ import annotations

from zoomsig_gui.core.inspection.inspector import Inspection, inspect
from zoomsig_gui.core.tokens.jwt import sign

KEY = "lAzXXLSJQyKbYI1xZwqQOw"
SECRET = "unitTestSecret-0123456789abcdefXYZ"  # 32+ bytes, like a real Client Secret
NOW = 1_795_996_800


def payload(**changes: object) -> dict:
    """A good web payload; a change of None removes that claim."""
    base: dict = {
        "appKey": KEY,
        "sdkKey": KEY,
        "mn": "81198873582",
        "role": 0,
        "iat": NOW - 30,
        "exp": NOW - 30 + 7200,
        "tokenExp": NOW - 30 + 7200,
    }
    for name, value in changes.items():
        if value is None:
            base.pop(name, None)
        else:
            base[name] = value
    return base


def check(
    claims: dict,
    header: dict | None = None,
    secret: str | None = SECRET,
    expected_key: str | None = None,
    now: int = NOW,
) -> Inspection:
    return inspect(sign(claims, SECRET, header), secret=secret, now=now, expected_key=expected_key)
