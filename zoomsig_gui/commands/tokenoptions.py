"""Token options shared by the subcommands that make a token (`token`, `link`): credentials,
meeting, role and timing, and the TokenRequest they make."""

from __future__ import annotations

import argparse

from zoomsig_gui.commands.clockoptions import add_sync_option
from zoomsig_gui.commands.options import (
    add_meeting_options,
    add_secret_source,
    add_time_options,
    check_meeting_options,
)
from zoomsig_gui.core.tokens.meeting import MeetingRef, parse_meeting
from zoomsig_gui.core.tokens.request import (
    DEFAULT_BACKDATE_S,
    DEFAULT_EXPIRY_S,
    TokenRequest,
    parse_duration,
)


def add_token_options(parser: argparse.ArgumentParser) -> None:
    """Credentials, meeting and timing options."""
    parser.add_argument("--key", help="SDK key / Client ID of a Meeting SDK app")
    add_secret_source(parser)
    add_meeting_options(
        parser, required=True, native_help="a native-SDK token, without meeting number and role"
    )
    parser.add_argument(
        "--expires",
        default=str(DEFAULT_EXPIRY_S),
        metavar="DURATION",
        help="7200, 30m or 2h (30 min to 48 h; default 2 h)",
    )
    parser.add_argument(
        "--backdate",
        type=int,
        default=DEFAULT_BACKDATE_S,
        metavar="S",
        help="move iat S seconds into the past (0 to 300; default 30)",
    )
    parser.add_argument("--webrtc-mode", type=int, choices=(0, 1), help="video_webrtc_mode")
    add_time_options(parser)
    add_sync_option(parser)


def request_from_args(args: argparse.Namespace, key: str) -> tuple[TokenRequest, MeetingRef | None]:
    """The token request and what the meeting input says (None for a native token)."""
    check_meeting_options(args)
    ref = None if args.native else parse_meeting(args.meeting)
    req = TokenRequest(
        key=key,
        meeting_number=ref.number if ref else None,
        role=args.role,
        expires_s=parse_duration(args.expires),
        backdate_s=args.backdate,
        webrtc_mode=args.webrtc_mode,
    )
    return req, ref
