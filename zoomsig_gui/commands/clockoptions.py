"""`--sync` for commands that make tokens: measure the clock first and correct by the offset.

Usage in a command: ``add_sync_option(parser)`` after ``add_time_options(parser)``, then
``offset = resolve_offset(args)`` in ``run`` and pass it as ``clock_offset_s``.
"""

from __future__ import annotations

import argparse
import sys

from zoomsig_gui.commands.options import CliError
from zoomsig_gui.core.clock.check import (
    DEFAULT_HTTP_URL,
    DEFAULT_SERVERS,
    DEFAULT_TIMEOUT_S,
    ClockCheck,
    ClockInputError,
    ServerAddressError,
    check_clock,
)

NO_HTTP = "none"


def positive_seconds(text: str) -> float:
    """argparse type for a timeout: a number of seconds above 0."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}” is not a number of seconds") from None
    if not 0 < value <= 60:
        raise argparse.ArgumentTypeError("the timeout must be more than 0 and at most 60 s")
    return value


def _time_group(parser: argparse.ArgumentParser) -> argparse._MutuallyExclusiveGroup | None:
    """The group holding --now and --clock-offset, so --sync excludes them too."""
    for group in parser._mutually_exclusive_groups:
        if any("--clock-offset" in action.option_strings for action in group._group_actions):
            return group
    return None


def add_sync_option(
    parser: argparse.ArgumentParser, group: argparse._MutuallyExclusiveGroup | None = None
) -> None:
    """Add --sync (and where to measure) once; calling it again does nothing."""
    if "--sync" in parser._option_string_actions:
        return
    target = group or _time_group(parser) or parser
    target.add_argument(
        "--sync",
        action="store_true",
        help="measure the clock against NTP first and correct the token's times by the offset",
    )
    parser.add_argument(
        "--sync-server",
        action="append",
        metavar="HOST[:PORT]",
        help="time server for --sync (repeatable; default: " + ", ".join(DEFAULT_SERVERS) + ")",
    )
    parser.add_argument(
        "--sync-timeout",
        type=positive_seconds,
        default=DEFAULT_TIMEOUT_S,
        metavar="S",
        help="how long --sync waits (default 2 s)",
    )
    parser.add_argument(
        "--sync-http-url",
        default=DEFAULT_HTTP_URL,
        metavar="URL",
        help="read the Date header here when no NTP server answers (default "
        f"{DEFAULT_HTTP_URL}; '{NO_HTTP}' turns the fallback off)",
    )


def measure(servers: list[str] | None, timeout_s: float, http_url: str | None) -> ClockCheck:
    """Run a clock check; unusable settings become a CliError."""
    try:
        return check_clock(
            servers or DEFAULT_SERVERS,
            timeout_s=timeout_s,
            http_fallback=http_url is not None,
            http_url=http_url or DEFAULT_HTTP_URL,
        )
    except (ClockInputError, ServerAddressError) as exc:
        raise CliError(str(exc)) from exc


def resolve_offset(args: argparse.Namespace) -> float:
    """Seconds to add to the local clock (true − local) for --now / --clock-offset / --sync.

    With --now the time is pinned and the offset does not matter (0). --sync measures and
    says on stderr what it found; when nothing answers it is an error, not a silent 0.
    """
    if getattr(args, "now", None) is not None:
        return 0.0
    if not getattr(args, "sync", False):
        return float(getattr(args, "clock_offset", 0.0) or 0.0)
    url = getattr(args, "sync_http_url", DEFAULT_HTTP_URL)
    check = measure(
        getattr(args, "sync_server", None),
        getattr(args, "sync_timeout", DEFAULT_TIMEOUT_S),
        None if url == NO_HTTP else url,
    )
    if check.reading is None:
        raise CliError(f"--sync: {check.message} Leave out --sync, or give --clock-offset S.")
    offset = check.reading.offset_s
    print(
        f"zoomsig: {check.message} Token times corrected by {offset:+.3f} s "
        f"(measured against {check.reading.server}).",
        file=sys.stderr,
    )
    return offset
