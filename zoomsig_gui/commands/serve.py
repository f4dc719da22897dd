"""`zoomsig serve`: the join page on 127.0.0.1 until interrupted; first line is its URL."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from zoomsig_gui.commands.options import add_cdn_options, fail, listen_port
from zoomsig_gui.core.join.address import DEFAULT_PORT
from zoomsig_gui.core.join.sdkfolder import SdkFolderError
from zoomsig_gui.core.join.server import (
    JoinServer,
    JoinServerError,
    ServerConfig,
)
from zoomsig_gui.core.resources import ResourceMissing


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "serve",
        help="serve the join page on this computer",
        description="Serve the join page on http://127.0.0.1:PORT/ (this computer only). "
        "The first line printed is the page's address. Open a link made by "
        "`zoomsig link` to join with the real Meeting SDK. Ctrl+C stops it.",
    )
    parser.add_argument(
        "--port",
        type=listen_port,
        default=DEFAULT_PORT,
        metavar="N",
        help=f"port to listen on (default {DEFAULT_PORT}, the port "
        "`zoomsig link` uses; 0 picks a free one)",
    )
    parser.add_argument(
        "--sdk-dir",
        type=Path,
        metavar="DIR",
        help="serve this Meeting SDK (the dist folder of an unpacked "
        "@zoom/meetingsdk) instead of loading it from Zoom's CDN",
    )
    add_cdn_options(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if not 0 <= args.port <= 65535:
        return fail(f"--port {args.port}: a port is a number from 1 to 65535 (0: any free one).")
    config = ServerConfig(
        port=args.port, sdk_dir=args.sdk_dir, sdk_version=args.sdk_version, china=args.china
    )
    try:
        server = JoinServer(config)
    except (JoinServerError, SdkFolderError, ResourceMissing) as exc:
        return fail(str(exc))
    print(server.url, flush=True)
    if server.sdk:
        source = f"Meeting SDK {server.sdk.version} from {server.sdk.path}"
    else:
        cdn = "Zoom's China CDN" if args.china else "Zoom's CDN"
        source = f"Meeting SDK {args.sdk_version} from {cdn}"
    if server.port != DEFAULT_PORT:
        source += f"; make links for it with `zoomsig link --port {server.port}`"
    print(f"Serving the join page ({source}). Press Ctrl+C to stop.", file=sys.stderr, flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
    return 0
