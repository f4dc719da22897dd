"""`zoomsig publish DIR`: the join page as static files; `--check URL`: is it there?"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from zoomsig_gui.commands.options import add_cdn_options, fail
from zoomsig_gui.core.join.link import JoinLinkError, saved_base


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "publish",
        help="write the join page as static files for a web host",
        description="Write zoomsig's join page into DIR as static files ready for any static "
        "web host (the Meeting SDK is loaded from Zoom's CDN; header files for Netlify, "
        "Cloudflare Pages, Vercel, Apache and Azure give it COOP/COEP; HOSTING.md says "
        "more). DIR must be new, empty or an earlier publish. Then make links for it with "
        "`zoomsig link --base URL --save-base`. --check URL checks an uploaded copy.",
    )
    parser.add_argument("dir", nargs="?", type=Path, metavar="DIR", help="the folder to write")
    add_cdn_options(parser)
    parser.add_argument(
        "--check",
        nargs="?",
        const="",
        metavar="URL",
        help="check that URL (default: the saved join page address) answers with the page; "
        "exit 0 it does, 1 it does not",
    )
    parser.set_defaults(func=run)


def check(url: str) -> int:
    """Print what the check found."""
    from zoomsig_gui.core.join.pagecheck import check_page

    target = url or saved_base()
    if not target:
        return fail(
            "No address to check: give --check URL, or save one with `zoomsig link "
            "--base URL --save-base`."
        )
    try:
        result = check_page(target)
    except JoinLinkError as exc:
        return fail(str(exc))
    print(result.summary(), file=sys.stdout if result.ok else sys.stderr)
    return 0 if result.ok else 1


def run(args: argparse.Namespace) -> int:
    if args.check is not None:
        if args.dir is not None:
            return fail("Give DIR to write the page, or --check URL to check it: not both.")
        return check(args.check)
    if args.dir is None:
        return fail("Give the folder to write the join page into: zoomsig publish DIR.")
    from zoomsig_gui.core.join.publish import PublishError, publish
    from zoomsig_gui.core.resources import ResourceMissing

    try:
        done = publish(args.dir, args.sdk_version, args.china)
    except (PublishError, ResourceMissing) as exc:
        return fail(str(exc))
    print(done.folder.resolve())
    print(
        f"Wrote the join page ({len(done.files)} files, Meeting SDK {args.sdk_version} from "
        "Zoom's CDN). Upload the whole folder to a static web host, then: zoomsig link "
        "--base https://…/ --save-base (HOSTING.md in the folder says more).",
        file=sys.stderr,
    )
    return 0
