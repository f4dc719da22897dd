"""Options and helpers shared by the subcommands: credentials, meeting, time, output."""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from zoomsig_gui.core.zoomauth.account import ZoomAccounts
    from zoomsig_gui.core.zoomauth.usertoken import UserToken


class CliError(Exception):
    """A mistake on the command line or in its input; printed as one line, exit status 2."""


@dataclass(frozen=True)
class Credentials:
    key: str
    secret: str | None
    profile: str | None = None


def add_secret_source(parser: argparse.ArgumentParser, stdin: bool = True) -> None:
    # A secret is never a command-line value: it would show in `ps` and shell history.
    parser.add_argument(
        "--secret-env", metavar="VAR", help="read the secret from this environment variable"
    )
    if stdin:
        parser.add_argument(
            "--secret-stdin",
            action="store_true",
            help="read the secret from standard input (first line)",
        )
    parser.add_argument("--profile", metavar="NAME", help="use saved credentials")


def read_secret(args: argparse.Namespace) -> str | None:
    if getattr(args, "secret_env", None):
        value = os.environ.get(args.secret_env)
        if value is None:
            raise CliError(f"The environment variable {args.secret_env} is not set.")
        return require_utf8(value, f"The environment variable {args.secret_env}").strip()
    if getattr(args, "secret_stdin", False):
        line = sys.stdin.readline()
        if not line.strip():
            raise CliError("No secret on standard input.")
        require_utf8(line, "Standard input")
        return line.strip()
    return None


def require_utf8(secret: str, where: str) -> str:
    """The secret, unless it holds lone surrogates (bytes that were not UTF-8, which Python
    escapes in the environment and in standard input): those could never be signed with."""
    try:
        secret.encode("utf-8")
    except UnicodeEncodeError:
        raise CliError(
            f"{where} holds bytes that are not UTF-8 text; a Client Secret is letters and digits."
        ) from None
    return secret


def profile_credentials(name: str) -> Credentials:
    """Key and secret of a saved profile (the keyring holds the secret); records its use."""
    from zoomsig_gui.core.vault.errors import VaultError
    from zoomsig_gui.core.vault.facade import Vault

    try:
        vault = Vault()
    except VaultError as exc:  # e.g. ZOOMSIG_KEYRING_TIMEOUT is not a number of seconds
        raise CliError(str(exc)) from None
    try:
        creds = vault.credentials(name, mark_used=True)
    except VaultError as exc:
        raise CliError(str(exc)) from None
    finally:
        for message in vault.pop_notices():
            print(f"zoomsig: note: {message}", file=sys.stderr)
    return Credentials(creds.key, creds.secret, profile=creds.profile.name)


def resolve_credentials(args: argparse.Namespace, need_secret: bool = True) -> Credentials:
    if getattr(args, "profile", None):
        if getattr(args, "secret_env", None) or getattr(args, "secret_stdin", False):
            raise CliError("Give either --profile or a secret source, not both.")
        return profile_credentials(args.profile)
    secret = read_secret(args)
    key = (getattr(args, "key", None) or "").strip()
    if need_secret and not key:
        raise CliError("Give --key KEY with --secret-env VAR or --secret-stdin, or --profile NAME.")
    if need_secret and not secret:
        raise CliError(
            "No secret given: use --secret-env VAR, --secret-stdin or --profile NAME "
            "(a secret is never accepted as a command-line value)."
        )
    return Credentials(key, secret)


def add_meeting_options(parser: argparse.ArgumentParser, required: bool, native_help: str) -> None:
    """--meeting TEXT --role 0|1, or --native (a token without meeting number and role)."""
    target = parser.add_mutually_exclusive_group(required=required)
    target.add_argument(
        "--meeting", metavar="TEXT", help="meeting number, invite link or whole invitation text"
    )
    target.add_argument("--native", action="store_true", help=native_help)
    parser.add_argument("--role", type=int, choices=(0, 1), help="0 attendee, 1 host")


def check_meeting_options(args: argparse.Namespace) -> None:
    """--role goes with --meeting, never with --native."""
    if args.native and args.role is not None:
        raise CliError("--native takes no --role: a native-SDK token has neither mn nor role.")
    if not args.native and args.role is None:
        raise CliError("--meeting needs --role 0 (attendee) or --role 1 (host).")


def add_pasted_text(parser: argparse.ArgumentParser) -> None:
    """The TEXT a person pasted (token, JSON response or join link), or standard input."""
    parser.add_argument(
        "text",
        nargs="?",
        default="-",
        metavar="TEXT",
        help="token, JSON or link; '-' or nothing reads standard input",
    )


def read_pasted_text(args: argparse.Namespace) -> str:
    """TEXT, or standard input: bytes that are not UTF-8 become U+FFFD, and only the part the
    inspector searches is kept (the rest is read and dropped, so the writer never blocks)."""
    if args.text != "-":
        return args.text
    import codecs

    from zoomsig_gui.core.inspection.paste import MAX_SEARCH

    decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:  # a text stream put in place by a caller
        return sys.stdin.read()
    pieces: list[str] = []
    kept = 0
    while chunk := stream.read(1 << 20):
        if kept <= MAX_SEARCH:
            text = decoder.decode(chunk)
            pieces.append(text)
            kept += len(text)
    if kept <= MAX_SEARCH:
        pieces.append(decoder.decode(b"", final=True))
    return "".join(pieces)


def add_checking_options(parser: argparse.ArgumentParser) -> None:
    """What inspecting commands share: TEXT, a secret to check it, the expected key, time."""
    add_pasted_text(parser)
    add_secret_source(parser, stdin=False)
    parser.add_argument("--key", help="the key the token should carry (reports key-unknown)")
    add_time_options(parser)


def expected_key(args: argparse.Namespace, creds: Credentials) -> str | None:
    """--key, or the saved profile's key: a token made for another key gets key-unknown."""
    return args.key or (creds.key if creds.profile else None)


def finite_seconds(text: str) -> float:
    """argparse type for --now / --clock-offset: float() alone lets nan and inf through."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}” is not a number of seconds") from None
    if not math.isfinite(value) or abs(value) > 10**11:
        raise argparse.ArgumentTypeError(f"“{text}” is not a usable number of seconds")
    return value


def _port(text: str, lowest: int) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}” is not a port number") from None
    if not lowest <= value <= 65535:
        raise argparse.ArgumentTypeError(f"{value} is not a port: use {lowest} to 65535")
    return value


def port_number(text: str) -> int:
    """argparse type for a port to connect to: 1 to 65535."""
    return _port(text, 1)


def listen_port(text: str) -> int:
    """argparse type for a port to listen on: 0 asks for any free port."""
    return _port(text, 0)


def add_time_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_mutually_exclusive_group()
    group.add_argument(
        "--now",
        type=finite_seconds,
        metavar="EPOCH",
        help="pin the true time (seconds since 1970), for tests",
    )
    group.add_argument(
        "--clock-offset",
        type=finite_seconds,
        metavar="S",
        default=0.0,
        help="correct the local clock by S seconds (true − local)",
    )


def _strict(value: object) -> object:
    """Infinity (a pasted 1e400) is no JSON: write it as the text it stands for."""
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if isinstance(value, dict):
        return {k: _strict(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_strict(v) for v in value]
    return value


def true_time(args: argparse.Namespace, offset_s: float | None = None) -> float:
    """The true time for a command: --now when pinned, else the local clock corrected by
    ``offset_s`` (default --clock-offset)."""
    if args.now is not None:
        return args.now
    from zoomsig_gui.core.clock.truenow import true_now

    return true_now(args.clock_offset if offset_s is None else offset_s)


def print_json(value: object) -> None:
    json.dump(_strict(value), sys.stdout, indent=2, ensure_ascii=False, allow_nan=False)
    sys.stdout.write("\n")


def fail(message: str) -> int:
    print(f"zoomsig: {message}", file=sys.stderr)
    return 2


# -- the Zoom sign-in (zoom, zak, obf, link) -------------------------------------------


def zoom_accounts() -> ZoomAccounts:
    # imported late: httpx and Authlib are loaded only by the commands that need them
    from zoomsig_gui.core.zoomauth.account import ZoomAccounts

    return ZoomAccounts()


def fetch_user_token(profile: str, kind: str, meeting: str | None = None) -> UserToken:
    """A fresh ZAK (``kind`` "zak") or OBF token for ``meeting`` of the profile's signed-in
    Zoom user; raises ZoomAuthError (see zoom_failed)."""
    accounts = zoom_accounts()
    return accounts.zak(profile) if kind == "zak" else accounts.obf(profile, meeting or "")


def zoom_errors() -> type[Exception]:
    """The class to catch for a Zoom sign-in failure (imported late, like the rest)."""
    from zoomsig_gui.core.zoomauth.errors import ZoomAuthError

    return ZoomAuthError


def zoom_failed(exc: Exception) -> int:
    """Zoom said no, or could not be reached: not a mistake on the command line, status 1."""
    print(f"zoomsig: {exc}", file=sys.stderr)
    return 1


def register_user_token_command(
    subparsers: argparse._SubParsersAction, kind: str, help: str, description: str
) -> None:
    """`zoomsig zak` and `zoomsig obf`: --profile, --json, and --meeting for an OBF token."""
    parser = subparsers.add_parser(kind, help=help, description=description)
    parser.add_argument("--profile", required=True, metavar="NAME", help="the saved profile")
    if kind == "obf":
        parser.add_argument(
            "--meeting", required=True, metavar="TEXT", help="meeting number, invite link or text"
        )
    parser.add_argument(
        "--json", action="store_true", help='print {"token", "type", "expires_at", "user"}'
    )

    def run(args: argparse.Namespace) -> int:
        try:
            token = fetch_user_token(args.profile, kind, getattr(args, "meeting", None))
        except zoom_errors() as exc:
            return zoom_failed(exc)
        print_user_token(token, args.json)
        return 0

    parser.set_defaults(func=run)


def print_user_token(token: UserToken, as_json: bool) -> None:
    """The token on stdout (alone, for scripts, or as JSON); whose it is on stderr."""
    import time

    if as_json:
        print_json(token.to_json())
    else:
        print(token.token)
    print(token.summary(time.time()), file=sys.stderr)


def add_cdn_options(parser: argparse.ArgumentParser) -> None:
    """Which Meeting SDK the page loads from Zoom's CDN (`zoomsig serve` and `publish`)."""
    from zoomsig_gui.core.join.address import DEFAULT_SDK_VERSION

    parser.add_argument(
        "--sdk-version",
        default=DEFAULT_SDK_VERSION,
        metavar="X.Y.Z",
        help=f"SDK version to load from Zoom's CDN (default {DEFAULT_SDK_VERSION})",
    )
    parser.add_argument(
        "--china", action="store_true", help="load the SDK from Zoom's China CDN (jssdk.zoomus.cn)"
    )
