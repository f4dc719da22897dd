"""`zoomsig token`: make the signature Zoom's sample endpoint would make."""

from __future__ import annotations

import argparse

from zoomsig_gui.commands.clockoptions import resolve_offset
from zoomsig_gui.commands.options import CliError, fail, print_json, resolve_credentials, true_time
from zoomsig_gui.commands.tokenoptions import add_token_options, request_from_args
from zoomsig_gui.core.tokens.made import make_and_inspect
from zoomsig_gui.core.tokens.meeting import MeetingInputError
from zoomsig_gui.core.tokens.request import TokenError


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "token",
        help="make a Meeting SDK signature",
        description="Make a Meeting SDK signature (HS256 JWT) as Zoom's sample endpoint does.",
    )
    add_token_options(parser)
    parser.add_argument(
        "--json", action="store_true", help='print {"token", "header", "payload", "findings"}'
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:
        creds = resolve_credentials(args)
        req, _ = request_from_args(args, creds.key)
        made = make_and_inspect(req, creds.secret or "", true_time(args, resolve_offset(args)))
    except (CliError, MeetingInputError, TokenError) as exc:
        return fail(str(exc))
    if args.json:
        inspection = made.inspection
        print_json(
            {
                "token": made.token,
                "header": inspection.header,
                "payload": inspection.payload,
                "findings": [f.to_dict() for f in inspection.findings],
            }
        )
    else:
        print(made.token)
    return 0
