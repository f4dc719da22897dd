"""Make a token and inspect it in one step: what the CLI's `token` command and the Make tab
show is the same thing, made the same way."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from zoomsig_gui.core.inspection.inspector import Inspection, inspect
from zoomsig_gui.core.tokens.request import TokenRequest, make_token


@dataclass(frozen=True)
class MadeToken:
    """A signature we made, what it was made for, when, and its inspection."""

    token: str
    request: TokenRequest
    made_at: float  # the true time it was made (iat is this minus the backdate)
    inspection: Inspection

    @property
    def payload(self) -> dict[str, Any]:
        return self.inspection.payload or {}


def make_and_inspect(req: TokenRequest, secret: str, now: float) -> MadeToken:
    """Sign ``req`` at the true time ``now`` and inspect the result with the same secret and
    time; raises TokenError (with a message) for what Zoom would refuse."""
    token = make_token(req, secret, now=now)
    inspection = inspect(token, secret=secret, now=now, expected_key=req.key)
    return MadeToken(token, req, now, inspection)
