"""`zoomsig inspect`: explain what Zoom will object to in a pasted token, JSON or link."""

from __future__ import annotations

import argparse

from zoomsig_gui.commands.options import (
    CliError,
    add_checking_options,
    expected_key,
    fail,
    print_json,
    read_pasted_text,
    resolve_credentials,
)
from zoomsig_gui.commands.render import render
from zoomsig_gui.core.inspection.inspector import inspect


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "inspect",
        help="explain a token, JSON response or join link",
        description="Decode a Meeting SDK signature and say what Zoom will object to. "
        "Exit status: 0 usable, 1 an error finding, 2 malformed input.",
    )
    add_checking_options(parser)
    parser.add_argument("--json", action="store_true", help="print the findings as JSON")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:
        creds = resolve_credentials(args, need_secret=False)
    except CliError as exc:
        return fail(str(exc))
    inspection = inspect(
        read_pasted_text(args),
        secret=creds.secret,
        now=args.now,
        expected_key=expected_key(args, creds),
        clock_offset_s=args.clock_offset,
    )
    if args.json:
        print_json(inspection.to_dict())
    else:
        render(inspection)
    return inspection.exit_status()
