"""`zoomsig link`: a test link to the join page, with a fresh signature in it."""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from zoomsig_gui.commands.clockoptions import resolve_offset
from zoomsig_gui.commands.options import (
    CliError,
    fail,
    fetch_user_token,
    port_number,
    resolve_credentials,
    true_time,
    zoom_errors,
    zoom_failed,
)
from zoomsig_gui.commands.tokenoptions import add_token_options, request_from_args
from zoomsig_gui.core.join.address import DEFAULT_PORT
from zoomsig_gui.core.join.fields import check_join_fields
from zoomsig_gui.core.join.link import (
    BOTH_TOKENS,
    DEFAULT_LANG,
    JoinLinkError,
    JoinParams,
    build_link,
    check_base,
    is_unencrypted_remote,
    link_notice,
    local_page_url,
    save_base,
    saved_base,
    signature_expiry,
)
from zoomsig_gui.core.tokens.meeting import MeetingInputError
from zoomsig_gui.core.tokens.request import TokenError, make_token


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "link",
        help="make a test link to the join page",
        description="Make a join link in the format of Zoom's CDN sample (name, mn, email, "
        "pwd, role, lang, signature, china). By default it opens zoomsig's local "
        f"page (run `zoomsig serve`, port {DEFAULT_PORT}); --base or a saved base "
        "makes it open a hosted copy of the sample instead. The link carries a "
        "live signature: share it only with your tester.",
    )
    add_token_options(parser)
    parser.add_argument("--name", required=True, help="display name in the meeting")
    parser.add_argument(
        "--passcode",
        metavar="P",
        help="meeting passcode (default: the one in the invite link, if any)",
    )
    parser.add_argument("--email", default="", metavar="E", help="participant's email")
    parser.add_argument("--lang", default=DEFAULT_LANG, help="page language (default en-US)")
    parser.add_argument("--china", action="store_true", help="use Zoom's China CDN (china=1)")
    parser.add_argument(
        "--view",
        choices=("client", "component"),
        default="client",
        help="the SDK's Client View (default) or Component View",
    )
    parser.add_argument(
        "--base",
        metavar="URL",
        help="the join page's address (default: the saved base, else the local page)",
    )
    parser.add_argument(
        "--port",
        type=port_number,
        default=DEFAULT_PORT,
        metavar="N",
        help="port of the local page (`zoomsig serve --port N`)",
    )
    parser.add_argument("--save-base", action="store_true", help="remember --base for future links")
    parser.add_argument(
        "--qr",
        type=Path,
        metavar="FILE",
        help="also write the link as a QR code, FILE.png or FILE.svg (a new file)",
    )
    parser.add_argument(
        "--forget-base",
        action="store_true",
        help="forget the saved base; links open the local page again",
    )
    # A ZAK or OBF token is a credential: read it from the environment, never argv.
    parser.add_argument("--zak-env", metavar="VAR", help="read a ZAK from this variable")
    parser.add_argument("--obf-env", metavar="VAR", help="read an OBF token from this variable")
    parser.add_argument(
        "--zak-from-zoom",
        action="store_true",
        help="fetch a fresh ZAK of the Zoom user signed in for --profile (join as the host)",
    )
    parser.add_argument(
        "--obf-from-zoom",
        action="store_true",
        help="fetch an OBF token for this meeting of the user signed in for --profile "
        "(a meeting of another account)",
    )
    parser.set_defaults(func=run)


def _user_token(args: argparse.Namespace, meeting: str) -> tuple[str, str]:
    """(zak, obf token) from the environment or fetched with the profile's Zoom sign-in."""
    zak, obf = _env(args.zak_env, "ZAK"), _env(args.obf_env, "OBF token")
    if args.zak_from_zoom or args.obf_from_zoom:
        if not args.profile:
            raise CliError("--zak-from-zoom and --obf-from-zoom need --profile NAME.")
        if args.zak_from_zoom and args.obf_from_zoom:
            zak = obf = "both"  # refused below, with the reason
        elif args.zak_from_zoom:
            zak = _fetched(args.profile, "zak", meeting)
        else:
            obf = _fetched(args.profile, "obf", meeting)
    if zak and obf:
        raise CliError(BOTH_TOKENS)
    return zak, obf


def _fetched(profile: str, kind: str, meeting: str) -> str:
    token = fetch_user_token(profile, kind, meeting)
    print(token.summary(time.time()), file=sys.stderr)
    return token.token


def _env(var: str | None, what: str) -> str:
    if not var:
        return ""
    value = os.environ.get(var, "").strip()
    if not value:
        raise CliError(f"The environment variable {var} (for the {what}) is empty or not set.")
    return value


def _base(args: argparse.Namespace) -> str:
    if args.forget_base:
        save_base(None)
    if args.base:
        base = check_base(args.base)
        if args.save_base:
            save_base(base)
        return base
    if args.save_base:
        raise CliError("--save-base needs --base URL.")
    return (None if args.forget_base else saved_base()) or local_page_url(args.port)


def run(args: argparse.Namespace) -> int:
    try:
        if args.native:
            raise CliError("A join link needs --meeting: native-SDK tokens cannot join on the web.")
        creds = resolve_credentials(args)
        req, ref = request_from_args(args, creds.key)
        base = _base(args)
        offset = resolve_offset(args)
        token = make_token(req, creds.secret or "", now=args.now, clock_offset_s=offset)
        invite_passcode = ref.passcode if ref else None
        passcode = args.passcode if args.passcode is not None else (invite_passcode or "")
        zak, obf = _user_token(args, req.meeting_number or "")
        params = JoinParams(
            name=args.name,
            meeting_number=req.meeting_number or "",
            signature=token,
            role=req.role or 0,
            passcode=passcode,
            email=args.email,
            lang=args.lang,
            china=args.china,
            view=args.view,
            zak=zak,
            obf_token=obf,
        )
        problems = check_join_fields(
            params.meeting_number, params.name or None, params.passcode, params.email
        )
        if problems:  # what the SDK would refuse with 4003: say which field, make no link
            raise CliError(" ".join(problems.values()))
        link = build_link(base, params)
        if args.qr:
            from zoomsig_gui.core.join.qr import write_qr

            write_qr(link, args.qr)
    except (CliError, MeetingInputError, TokenError, JoinLinkError) as exc:
        return fail(str(exc))
    except zoom_errors() as exc:
        return zoom_failed(exc)
    print(link)
    now = true_time(args, offset)
    print(link_notice(base, signature_expiry(token), now), file=sys.stderr)
    if args.qr:
        print(
            f"QR code of the link written to {args.qr} (it carries the same live "
            "signature: share it as you would the link).",
            file=sys.stderr,
        )
    if args.passcode is None and ref is not None and ref.note:
        print(ref.note, file=sys.stderr)
    if is_unencrypted_remote(base):
        print(
            "Warning: this page is on another computer over plain http: the signature "
            "travels unencrypted. Use an https address.",
            file=sys.stderr,
        )
    if base.startswith(local_page_url(args.port)):
        print(
            f"It opens zoomsig's local page: run `zoomsig serve"
            f"{'' if args.port == DEFAULT_PORT else f' --port {args.port}'}` on the "
            "computer that opens it.",
            file=sys.stderr,
        )
    return 0
