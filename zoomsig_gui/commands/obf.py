"""`zoomsig obf`: an OBF (on-behalf-of) token for one meeting, of the Zoom user signed in for
a profile, to join a meeting of another account. Printed on stdout only; never saved."""

from __future__ import annotations

import argparse

from zoomsig_gui.commands.options import register_user_token_command


def register(subparsers: argparse._SubParsersAction) -> None:
    register_user_token_command(
        subparsers,
        "obf",
        help="get an OBF token for a meeting of another account",
        description="Fetch an OBF token for this meeting, of the Zoom user signed in for the "
        "profile (`zoomsig zoom signin`). Fetch it just before joining: it is short-lived and "
        "for one meeting, the user must be in the meeting, and the app must have passed "
        "Zoom's review.",
    )
