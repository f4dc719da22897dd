"""`zoomsig endpoint`: ask a signature endpoint several times, as the Web SDK page does, and
say what across its answers Zoom would reject."""

from __future__ import annotations

import argparse
import os
import time

from zoomsig_gui.commands.clockoptions import add_sync_option, resolve_offset
from zoomsig_gui.commands.options import (
    CliError,
    add_meeting_options,
    add_secret_source,
    add_time_options,
    check_meeting_options,
    expected_key,
    fail,
    print_json,
    resolve_credentials,
)
from zoomsig_gui.core.endpoint.request import (
    DEFAULT_ORIGIN,
    DEFAULT_SAMPLES,
    DEFAULT_TIMEOUT_S,
    MAX_SAMPLES,
    EndpointInputError,
    EndpointRequest,
    checked_header,
    parse_header,
)
from zoomsig_gui.core.tokens.meeting import MeetingInputError, parse_meeting


def _bounded(cast, low: float, high: float, words: str, above_low: bool = False):
    """An argparse type: ``cast(text)`` within low..high (above low, not at it, if asked)."""

    def parse(text: str):
        try:
            value = cast(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"“{text}” is not {words}") from None
        if not (low < value if above_low else low <= value) or value > high:
            least = "more than" if above_low else "at least"
            raise argparse.ArgumentTypeError(f"give {least} {low:g} and at most {high:g}")
        return value

    return parse


_count = _bounded(int, 1, MAX_SAMPLES, "a whole number")
_interval = _bounded(float, 0, 3600, "a number of seconds")
_timeout = _bounded(float, 0, 300, "a number of seconds", above_low=True)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "endpoint",
        help="check a signature endpoint the way the Web SDK page calls it",
        description="Ask a signature endpoint for several signatures, as Zoom's Web SDK "
        "samples do (CORS preflight, then POST), inspect every answer and report what repeats "
        "across them. Exit status: 0 every answer usable, 1 an error finding, 2 a wrong "
        "command line, 3 the endpoint unreachable in every sample.",
    )
    parser.add_argument("url", metavar="URL", help="the endpoint, e.g. http://127.0.0.1:4000/")
    add_meeting_options(
        parser, required=False, native_help="ask for a native-SDK token (no meeting, no role)"
    )
    parser.add_argument(
        "--samples",
        type=_count,
        default=DEFAULT_SAMPLES,
        metavar="N",
        help=f"how many times to ask (default {DEFAULT_SAMPLES})",
    )
    parser.add_argument(
        "--interval", type=_interval, default=0.0, metavar="S", help="seconds between samples"
    )
    parser.add_argument(
        "--origin",
        default=DEFAULT_ORIGIN,
        metavar="ORIGIN",
        help=f"the page's origin for CORS (default zoomsig's join page, {DEFAULT_ORIGIN})",
    )
    parser.add_argument(
        "--header",
        action="append",
        default=[],
        metavar='"Name: value"',
        help="an extra request header (repeatable); never a credential: use --header-env",
    )
    parser.add_argument(
        "--header-env",
        action="append",
        default=[],
        metavar='"Name=VAR"',
        help="a header whose value is read from the environment variable VAR (repeatable)",
    )
    parser.add_argument("--method", choices=("POST", "GET"), default="POST", type=str.upper)
    parser.add_argument("--ca", metavar="FILE", help="also trust this CA certificate (PEM)")
    add_secret_source(parser, stdin=False)
    parser.add_argument("--key", help="the key the tokens should carry (reports key-unknown)")
    parser.add_argument(
        "--timeout",
        type=_timeout,
        default=DEFAULT_TIMEOUT_S,
        metavar="S",
        help=f"how long one request may take (default {DEFAULT_TIMEOUT_S:g} s)",
    )
    add_time_options(parser)
    add_sync_option(parser)
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.set_defaults(func=run)


def _headers(args: argparse.Namespace) -> tuple[tuple[str, str], ...]:
    out = [parse_header(text) for text in args.header]
    for text in args.header_env:
        name, sep, var = text.partition("=")
        if not sep or not var.strip():
            raise CliError(f"“{text}” is not Name=VAR: give the header name and a variable.")
        value = os.environ.get(var.strip())
        if value is None:
            raise CliError(f"The environment variable {var.strip()} is not set.")
        out.append(checked_header(name, value, f"{name}: (from {var.strip()})"))
    return tuple(out)


def request_from_args(args: argparse.Namespace) -> EndpointRequest:
    if not args.native and args.meeting is None:
        raise CliError("Give --meeting TEXT with --role 0 or 1, or --native.")
    check_meeting_options(args)
    number = None if args.native else parse_meeting(args.meeting).number
    return EndpointRequest(
        url=args.url,
        meeting_number=number,
        role=args.role,
        method=args.method,
        origin=args.origin.rstrip("/"),
        headers=_headers(args),
        samples=args.samples,
        interval_s=args.interval,
        timeout_s=args.timeout,
        ca_file=args.ca,
    )


def _clock(args: argparse.Namespace, offset: float):
    if args.now is None:
        return lambda: time.time() + offset
    # --now pins the true time when the check starts; it runs on from there.
    start = time.monotonic()
    return lambda: args.now + (time.monotonic() - start)


def run(args: argparse.Namespace) -> int:
    from zoomsig_gui.commands.endpointreport import render_endpoint
    from zoomsig_gui.core.endpoint.check import run_check
    from zoomsig_gui.core.endpoint.request import validate

    try:
        req = request_from_args(args)
        validate(req)
        creds = resolve_credentials(args, need_secret=False)
        offset = resolve_offset(args)
        result = run_check(
            req,
            secret=creds.secret,
            key=expected_key(args, creds),
            clock=_clock(args, offset),
        )
    except (CliError, EndpointInputError, MeetingInputError) as exc:
        return fail(str(exc))
    if args.json:
        print_json(result.to_dict())
    else:
        render_endpoint(result)
    return result.exit_status()
