"""`zoomsig reproduce`: a customer's token re-signed with our credentials, and fixed.

Exit status: 0 done; 1 --fix could not make a token Zoom accepts (the reason is printed);
2 the input holds no token or the command line is wrong.
"""

from __future__ import annotations

import argparse
import sys

from zoomsig_gui.commands.options import (
    CliError,
    add_pasted_text,
    add_secret_source,
    add_time_options,
    fail,
    finite_seconds,
    print_json,
    read_pasted_text,
    resolve_credentials,
    true_time,
)
from zoomsig_gui.core.support.fixall import FixError, FixResult, fix_all
from zoomsig_gui.core.support.reproduce import (
    DiffRow,
    ReproduceError,
    Reproduction,
    reproduce,
    shape_codes,
)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "reproduce",
        help="re-sign a customer's token with your credentials, or fix it",
        description="Re-sign the claim shape of a customer's token (bare, JSON response or "
        "join link) with your saved credentials, keeping its quirks, and show "
        "theirs and ours side by side. --fix makes the token the findings ask for.",
    )
    add_pasted_text(parser)
    add_secret_source(parser)
    parser.add_argument(
        "--key", help="your Client ID, with --secret-env or --secret-stdin (instead of --profile)"
    )
    parser.add_argument(
        "--fix",
        action="store_true",
        help="also make the fixed token, with the smallest change of claims",
    )
    parser.add_argument(
        "--their-now",
        type=finite_seconds,
        metavar="EPOCH",
        help="when the customer used the token (default: now); times move to "
        "stand in the same relation to now",
    )
    add_time_options(parser)
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.set_defaults(func=run)


def _row_line(row: DiffRow, left: str, right: str) -> str:
    if not row.differs:
        return f"    {row.claim}: {row.ours}"
    mark = row.mark
    before = row.theirs if row.theirs else "(none)"
    after = row.ours if row.ours else "(removed)"
    why = f"   [{row.why}]" if row.why else ""
    return f"  {mark} {row.claim}: {left} {before} → {right} {after}{why}"


def _rows(rows: tuple[DiffRow, ...], left: str, right: str) -> list[str]:
    lines: list[str] = []
    for part in ("header", "payload"):
        chosen = [r for r in rows if r.part == part]
        if chosen:
            lines.append(f"  {part.capitalize()}")
            lines += ["  " + _row_line(r, left, right) for r in chosen]
    return lines


def _print_reproduction(repro: Reproduction) -> None:
    theirs = shape_codes(repro.theirs)
    ours = shape_codes(repro.ours)
    changed = sum(r.differs for r in repro.rows)
    lines = [
        f"Theirs vs ours: same claim shape, {changed} claim{'s' if changed != 1 else ''} "
        "differ (marked ≠, + added, − removed)",
        *_rows(repro.rows, "theirs", "ours"),
    ]
    if repro.ours.signature_valid is True:
        lines.append("Ours is signed with your secret (checked).")
    lines.append("Findings, theirs: " + (", ".join(theirs) or "none"))
    lines.append(
        "Findings, ours:   "
        + (", ".join(ours) or "none")
        + ("   (the same)" if theirs == ours else "")
    )
    lines += [f"Note: {n}" for n in repro.notes]
    lines += ["", "Our token (same shape, your credentials):", repro.token]
    print("\n".join(lines))


def _print_fix(result: FixResult) -> None:
    lines = [
        "",
        "Fixed: the token the findings ask for"
        + (" (made anew from what the old signature holds)" if result.fresh else ""),
        *_rows(result.rows, "theirs", "fixed"),
    ]
    lines += [f"Note: {n}" for n in result.notes]
    left = [f.code for f in result.check.findings if f.code != "signature-unchecked"]
    lines.append("Findings, fixed: " + (", ".join(left) or "none"))
    lines += ["No error finding: Zoom should accept this token.", "", "Fixed token:", result.token]
    print("\n".join(lines))


def run(args: argparse.Namespace) -> int:
    if args.text == "-" and getattr(args, "secret_stdin", False):
        return fail(
            "Standard input cannot hold both the token and the secret: give the token "
            "as TEXT, or the secret with --secret-env or --profile."
        )
    try:
        creds = resolve_credentials(args)
    except CliError as exc:
        return fail(str(exc))
    text = read_pasted_text(args)
    now = true_time(args)
    try:
        repro = reproduce(text, creds.key, creds.secret or "", now=now, their_now=args.their_now)
    except ReproduceError as exc:
        return fail(str(exc))
    result: FixResult | None = None
    problem: str | None = None
    if args.fix:
        try:
            result = fix_all(text, creds.key, creds.secret or "", now=now, their_now=args.their_now)
        except FixError as exc:
            problem = str(exc)
    if args.json:
        data = repro.to_dict()
        if args.fix:
            data["fixed"] = None if result is None else result.to_dict()
            data["fix_error"] = problem
        print_json(data)
    else:
        _print_reproduction(repro)
        if result is not None:
            _print_fix(result)
    if problem:
        print(f"zoomsig: cannot fix: {problem}", file=sys.stderr)
        return 1
    return 0
