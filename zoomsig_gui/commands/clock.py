"""`zoomsig clock`: how far off is this computer's clock, and what does it do to tokens?"""

from __future__ import annotations

import argparse

from zoomsig_gui.commands.clockoptions import NO_HTTP, measure, positive_seconds
from zoomsig_gui.commands.options import CliError, fail, print_json
from zoomsig_gui.core.clock.check import (
    DEFAULT_HTTP_URL,
    DEFAULT_SERVERS,
    DEFAULT_TIMEOUT_S,
    ClockCheck,
)

EXIT = {"ok": 0, "warning": 1, "error": 1, "unknown": 3}


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "clock",
        help="measure this computer's clock against NTP",
        description="Ask several NTP time servers at once and say how far off this "
        "computer's clock is and what that does to tokens made here. Exit "
        "status: 0 ok, 1 off by 2 s or more, 3 no time server reachable.",
    )
    parser.add_argument(
        "--server",
        action="append",
        metavar="HOST[:PORT]",
        help="time server to ask (repeatable; default: " + ", ".join(DEFAULT_SERVERS) + ")",
    )
    parser.add_argument(
        "--timeout",
        type=positive_seconds,
        default=DEFAULT_TIMEOUT_S,
        metavar="S",
        help="how long to wait in all (default 2 s)",
    )
    parser.add_argument(
        "--no-http-fallback",
        action="store_true",
        help="do not read the Date header of a web server when NTP fails",
    )
    parser.add_argument(
        "--http-url",
        default=DEFAULT_HTTP_URL,
        metavar="URL",
        help=f"web server for the fallback (default {DEFAULT_HTTP_URL})",
    )
    parser.add_argument(
        "--json",
        action="store_true",
        help='print {"status", "offset_s", "delay_s", "source", "stratum", '
        '"method", "message", "checked_at"}',
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    url = None if args.no_http_fallback or args.http_url == NO_HTTP else args.http_url
    try:
        check = measure(args.server, args.timeout, url)
    except CliError as exc:
        return fail(str(exc))
    if args.json:
        print_json(check.to_dict())
    else:
        print(render(check))
    return EXIT[check.status]


def render(check: ClockCheck) -> str:
    lines = [check.message]
    r = check.reading
    if r is not None:
        how = "NTP" if r.method == "ntp" else "HTTP Date header"
        stratum = f", stratum {r.stratum}" if r.stratum is not None else ""
        lines.append(
            f"Offset {r.offset_s:+.3f} s (true − local) from {r.server} by {how}"
            f"{stratum}; round trip {r.delay_s * 1000:.1f} ms."
        )
        if check.status != "ok":
            lines.append(
                f"Until it is fixed: zoomsig token --clock-offset {r.offset_s:.3f} … (or --sync)."
            )
    if check.faults:
        lines.append("Not used:" if r is not None else "What each server said:")
        lines.extend(f"  {f.server}: {f.reason}" for f in check.faults)
    return "\n".join(lines)
