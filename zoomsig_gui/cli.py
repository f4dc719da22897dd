"""The `zoomsig` command: argparse over zoomsig_gui.core. Never imports Qt."""

from __future__ import annotations

import argparse
import importlib
import sys

from zoomsig_gui import __version__
from zoomsig_gui.commands import COMMANDS


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser; with ``only``, just that subcommand's module is imported (fast start)."""
    parser = argparse.ArgumentParser(
        prog="zoomsig",
        description="Make, inspect and test Zoom Meeting SDK signatures.",
    )
    parser.add_argument("--version", action="version", version=f"zoomsig {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in (only,) if only else COMMANDS:
        importlib.import_module(f"zoomsig_gui.commands.{name}").register(subparsers)
    return parser


def _invoked(argv: list[str]) -> str | None:
    """The subcommand named on the command line, if it is one of ours."""
    first = next((arg for arg in argv if not arg.startswith("-")), None)
    return first if first in COMMANDS else None


# An error of ours, not of the input: scripts read 1 as "an error finding" and 2 as "bad
# input", so a bug gets its own status (EX_SOFTWARE from sysexits.h).
INTERNAL_ERROR = 70


def _tolerant_output() -> None:
    """Whatever a customer's token holds (a lone surrogate, bytes that are not UTF-8 in
    argv) is printed as a backslash escape instead of raising UnicodeEncodeError."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
    reconfigure = getattr(sys.stdin, "reconfigure", None)
    if reconfigure is not None:  # a secret line that is not UTF-8 gets a message, not a crash
        reconfigure(errors="surrogateescape")


def main(argv: list[str] | None = None) -> int:
    _tolerant_output()
    argv = sys.argv[1:] if argv is None else argv
    parser = build_parser(_invoked(argv))
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a bug: one plain line, not a traceback, and its own status
        print(
            f"zoomsig: internal error ({type(exc).__name__}): this is a bug in zoomsig, "
            "not a problem with your input. Please report it.",
            file=sys.stderr,
        )
        return INTERNAL_ERROR


if __name__ == "__main__":
    sys.exit(main())
