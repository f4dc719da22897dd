"""`zoomsig zak`: a fresh ZAK of the Zoom user signed in for a profile, to start or join a
meeting as that user (the host). Printed on stdout only; never saved."""

from __future__ import annotations

import argparse

from zoomsig_gui.commands.options import register_user_token_command


def register(subparsers: argparse._SubParsersAction) -> None:
    register_user_token_command(
        subparsers,
        "zak",
        help="get the signed-in Zoom user's ZAK (to join as the host)",
        description="Fetch a fresh ZAK of the Zoom user signed in for the profile (`zoomsig "
        "zoom signin`). It goes in the join call's zak, never in the signature; whose it is "
        "and when it expires go to standard error.",
    )
