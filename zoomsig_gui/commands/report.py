"""`zoomsig report`: a case report for a support ticket, without secrets or the signature.

Exit status: 0 the report was written; 2 the command line is wrong.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import replace

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
    parser.add_argument(
        "--endpoint-json",
        metavar="FILE",
        help="add the result of `zoomsig endpoint --json` saved in FILE (no tokens in it); "
        "without TEXT, the report is of the endpoint alone",
    )
    # TEXT is read from standard input only when asked ('-') or when no endpoint result is given.
    parser.set_defaults(func=run, text=None)


def _endpoint_part(path: str | None, secret: str | None) -> dict | None:
    if path is None:
        return None
    from zoomsig_gui.core.support.endpointcase import EndpointCaseError, endpoint_part

    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
        return endpoint_part(data, secret)
    except (OSError, UnicodeDecodeError, ValueError, RecursionError) as exc:
        why = str(exc) if isinstance(exc, EndpointCaseError) else f"it cannot be read ({exc})"
        raise CliError(f"--endpoint-json {path}: {why}") from None


def _whose(args: argparse.Namespace) -> str:
    """Whose secret the report's signature line was checked with."""
    from zoomsig_gui.core.support.casereport import saved_credentials

    if getattr(args, "profile", None):
        return saved_credentials(args.profile)
    return "the secret given"


def run(args: argparse.Namespace) -> int:
    try:
        creds = resolve_credentials(args, need_secret=False)
    except CliError as exc:
        return fail(str(exc))
    try:
        endpoint = _endpoint_part(args.endpoint_json, creds.secret)
    except CliError as exc:
        return fail(str(exc))
    if args.text is None and endpoint is not None:
        from zoomsig_gui import __version__
        from zoomsig_gui.core.support.endpointcase import endpoint_report
        from zoomsig_gui.core.timefmt import utc_text

        sys.stdout.write(endpoint_report(endpoint, __version__, utc_text(time.time()), args.format))
        return 0
    if args.text is None:
        args.text = "-"
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
        checked_with=_whose(args),
    )
    if endpoint is not None:
        case = replace(case, endpoint=endpoint)
    sys.stdout.write(render(case, args.format, include_token=args.include_token))
    if args.include_token and case.inspection.token:
        print(f"zoomsig: note: {exposure_text(case)}", file=sys.stderr)
    return 0
