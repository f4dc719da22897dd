"""`zoomsig zoom signin|status|signout`: sign a profile in with Zoom (OAuth with PKCE and a
loopback redirect in the browser), so `zoomsig zak`, `zoomsig obf` and `zoomsig link
--zak-from-zoom | --obf-from-zoom` can fetch the host's ZAK or an OBF token."""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from zoomsig_gui.commands.options import (
    CliError,
    fail,
    port_number,
    print_json,
    zoom_accounts,
    zoom_errors,
    zoom_failed,
)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "zoom",
        help="sign in with Zoom for ZAK and OBF tokens",
        description="Sign in with Zoom through a General app (user-managed OAuth, scope "
        "user:read:token) so zoomsig can fetch the host's ZAK and OBF tokens. The app's "
        "Client ID is saved with the profile; its Client Secret and the sign-in's refresh "
        "token go to the system keyring only.",
    )
    actions = parser.add_subparsers(dest="zoom_action", metavar="ACTION", required=True)

    signin = actions.add_parser(
        "signin",
        help="sign in in the browser",
        description="Opens Zoom's sign-in page in the browser; Zoom sends the browser back to "
        "http://127.0.0.1:53713/zoom/callback (the port can be changed with --redirect-port), "
        "which must be on the app's redirect allow list. The Client ID and secret are asked "
        "the first time and remembered.",
    )
    signin.add_argument("--profile", required=True, metavar="NAME", help="the saved profile")
    signin.add_argument("--client-id", metavar="ID", help="Client ID of the Zoom OAuth app")
    secret = signin.add_mutually_exclusive_group()
    # A secret is never a command-line value: it would show in `ps` and shell history.
    secret.add_argument(
        "--client-secret-env", metavar="VAR", help="read the app's Client Secret from VAR"
    )
    secret.add_argument(
        "--client-secret-stdin",
        action="store_true",
        help="read the app's Client Secret from standard input (first line)",
    )
    signin.add_argument(
        "--no-browser",
        action="store_true",
        help="print the address to open on standard error instead of opening a browser",
    )
    signin.add_argument(
        "--redirect-port",
        type=port_number,  # a fixed port: Zoom matches it against the app's allow list
        metavar="N",
        help="the loopback redirect's port (default 53713), remembered with the profile",
    )
    signin.add_argument(
        "--timeout",
        type=float,
        default=300.0,
        metavar="S",
        help="how long to wait for the browser (default 300 s)",
    )
    signin.set_defaults(func=run_signin)

    status = actions.add_parser("status", help="which profiles are signed in")
    status.add_argument("--profile", metavar="NAME", help="only this profile")
    status.add_argument("--json", action="store_true", help="machine-readable output")
    status.set_defaults(func=run_status)

    signout = actions.add_parser(
        "signout", help="forget the sign-in (the keyring's refresh token and Client Secret)"
    )
    signout.add_argument("--profile", required=True, metavar="NAME", help="the saved profile")
    signout.set_defaults(func=run_signout)


def _client_secret(args: argparse.Namespace, needed: bool) -> str | None:
    if args.client_secret_env:
        value = os.environ.get(args.client_secret_env, "").strip()
        if not value:
            raise CliError(
                f"The environment variable {args.client_secret_env} is empty or not set."
            )
        return value
    if args.client_secret_stdin:
        value = sys.stdin.readline().strip()
        if not value:
            raise CliError("No Client Secret on standard input.")
        return value
    if needed and sys.stdin.isatty():
        return getpass.getpass("Client Secret of the Zoom OAuth app (not shown): ").strip()
    return None


def run_signin(args: argparse.Namespace) -> int:
    if args.timeout <= 0:
        return fail("--timeout must be a positive number of seconds.")
    try:
        accounts = zoom_accounts()
        known = accounts.status(args.profile)
        client_id = args.client_id
        if not client_id and not known.client_id and sys.stdin.isatty():
            client_id = input("Client ID of the Zoom OAuth app: ").strip()
        secret = _client_secret(args, needed=not known.has_secret)
        result = accounts.sign_in(
            args.profile,
            lambda url: _show(url, args.no_browser, args.timeout),
            client_id=client_id,
            client_secret=secret,
            redirect_port=args.redirect_port,
            wait_s=args.timeout,
        )
    except CliError as exc:
        return fail(str(exc))
    except zoom_errors() as exc:
        return zoom_failed(exc)
    for notice in result.notices:
        print(f"zoomsig: note: {notice}", file=sys.stderr)
    print(f'Signed in with Zoom for profile "{result.profile}".')
    return 0


def _show(url: str, no_browser: bool, timeout: float) -> None:
    from urllib.parse import parse_qs, urlsplit

    redirect = parse_qs(urlsplit(url).query).get("redirect_uri", [""])[0]
    opened = False
    if not no_browser:
        import webbrowser

        opened = webbrowser.open(url)
    if not opened:
        print("Open this address in a browser to sign in with Zoom:", file=sys.stderr)
        print(url, file=sys.stderr)
    print(
        f"Waiting up to {timeout:g} s for Zoom's answer at {redirect} (that address must be "
        "on the app's redirect allow list).",
        file=sys.stderr,
        flush=True,
    )


def run_status(args: argparse.Namespace) -> int:
    from zoomsig_gui.core.vault.errors import VaultError

    try:
        accounts = zoom_accounts()
        names = [args.profile] if args.profile else accounts.vault.names()
        states = [accounts.status(name) for name in names]
    except (zoom_errors(), VaultError) as exc:
        return zoom_failed(exc)
    if args.json:
        print_json([s.to_json() for s in states])
        return 0
    if not states:
        print("No profiles are saved yet.")
    for s in states:
        if s.signed_in:
            state = "signed in"
        elif s.client_id:
            state = "not signed in"
        else:
            state = "no Zoom OAuth app set"
        app = f", app {s.client_id}" if s.client_id else ""
        secret = "" if s.has_secret or not s.client_id else ", Client Secret not saved"
        print(f"{s.profile}: {state}{app}{secret}; redirect {s.redirect_uri}")
    return 0


def run_signout(args: argparse.Namespace) -> int:
    try:
        removed = zoom_accounts().sign_out(args.profile)
    except zoom_errors() as exc:
        return zoom_failed(exc)
    if removed:
        print(f'Signed out: the refresh token and Client Secret of "{args.profile}" were deleted.')
    else:
        print(f'Profile "{args.profile}" was not signed in with Zoom; nothing to delete.')
    return 0
