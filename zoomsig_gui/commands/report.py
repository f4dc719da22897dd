"""`zoomsig report`: a case report for a support ticket, without secrets or the signature.

Exit status: 0 the report was written; 2 the command line is wrong.
"""

from __future__ import annotations

import argparse
import sys
import time

from zoomsig_gui.commands.options import (
    CliError,
    add_checking_options,
    expected_key,
    fail,
    read_pasted_text,
    resolve_credentials,
    true_time,
)
from zoomsig_gui.core.support.casereport import ClockNote, build_case, exposure_text, render


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "report",
        help="a case report for a ticket (no secret, signature redacted)",
        description="Write a case report in Markdown or JSON: zoomsig version, SDK version, "
        "clock, decoded header and payload with the signature replaced by "
        "<redacted>, and the findings with their fixes. Never the secret; the "
        "full token only with --include-token.",
    )
    add_checking_options(parser)
    parser.add_argument(
        "--format", choices=("md", "json"), default="md", help="md (Markdown, default) or json"
    )
    parser.add_argument(
        "--include-token",
        action="store_true",
        help="add the full token: anyone reading the report can then join with it until it expires",
    )
    parser.add_argument(
        "--sdk-version", metavar="X.Y.Z", help="the Meeting SDK version used, for the report"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:
        creds = resolve_credentials(args, need_secret=False)
    except CliError as exc:
        return fail(str(exc))
    text = read_pasted_text(args)
    now = true_time(args)
    clock = None
    if args.now is None and args.clock_offset:
        clock = ClockNote("given with --clock-offset", args.clock_offset, time.time())
    case = build_case(
        text,
        secret=creds.secret,
        now=now,
        expected_key=expected_key(args, creds),
        sdk_version=args.sdk_version,
        clock=clock,
    )
    sys.stdout.write(render(case, args.format, include_token=args.include_token))
    if args.include_token and case.inspection.token:
        print(f"zoomsig: note: {exposure_text(case)}", file=sys.stderr)
    return 0
