"""`zoomsig profiles`: saved credentials, with the secrets in the OS keyring.

Exit status: 0 done, 1 the keyring or the profile file failed (nothing changed),
2 a mistake in the command or its input.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from zoomsig_gui.commands.options import CliError, fail, print_json, require_utf8
from zoomsig_gui.core.timefmt import utc_text
from zoomsig_gui.core.vault.errors import (
    ExportFileExists,
    KeyringError,
    ProfileFileError,
    ProfilesBusyError,
    VaultError,
)
from zoomsig_gui.core.vault.hygiene import KINDS

if TYPE_CHECKING:  # the vault pulls in keyring (~40 ms): load it only when a profile is used
    from zoomsig_gui.core.vault.facade import Outcome, ProfileView, Vault

STATE_TEXT = {
    "saved": "saved",
    "missing": "MISSING",
    "session": "this session only",
    "unknown": "unknown",
}


def _secret_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_mutually_exclusive_group()
    group.add_argument(
        "--secret-stdin",
        action="store_true",
        help="read the secret from standard input (first line)",
    )
    group.add_argument(
        "--secret-env", metavar="VAR", help="read the secret from this environment variable"
    )


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "profiles",
        help="saved credentials (secrets in the system keyring)",
        description="Save Meeting SDK credentials under a name. Keys and notes go to a file "
        "in your config folder; secrets only to the system keyring. Without "
        "--secret-stdin or --secret-env the secret is asked for with a hidden "
        "prompt (or read from standard input when it is not a terminal).",
    )
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)

    p = sub.add_parser("list", help="list saved profiles (never secrets)")
    p.add_argument("--json", action="store_true", help="print the metadata as JSON")
    p.set_defaults(func=run_list)

    p = sub.add_parser("show", help="show one profile (never its secret)")
    p.add_argument("name", metavar="NAME")
    p.add_argument("--json", action="store_true", help="print the metadata as JSON")
    p.set_defaults(func=run_show)

    p = sub.add_parser("add", help="save a new profile")
    p.add_argument("name", metavar="NAME")
    p.add_argument("--key", required=True, help="the app's Client ID (or SDK Key)")
    p.add_argument(
        "--kind",
        choices=tuple(KINDS),
        default="meeting-sdk",
        help="meeting-sdk: Client ID/Secret (default); sdk-key: older SDK Key/Secret",
    )
    p.add_argument("--notes", default="", help="free text, saved in plain text")
    _secret_options(p)
    p.set_defaults(func=run_add)

    p = sub.add_parser("set-secret", help="enter the secret of a profile again")
    p.add_argument("name", metavar="NAME")
    _secret_options(p)
    p.set_defaults(func=run_set_secret)

    p = sub.add_parser("edit", help="change the key, kind or notes of a profile")
    p.add_argument("name", metavar="NAME")
    p.add_argument("--key", help="the new Client ID (or SDK Key)")
    p.add_argument("--kind", choices=tuple(KINDS))
    p.add_argument("--notes")
    p.set_defaults(func=run_edit)

    p = sub.add_parser("rename", help="rename a profile")
    p.add_argument("old", metavar="OLD")
    p.add_argument("new", metavar="NEW")
    p.set_defaults(func=run_rename)

    p = sub.add_parser("remove", help="delete a profile and its keyring entry")
    p.add_argument("name", metavar="NAME")
    p.set_defaults(func=run_remove)

    p = sub.add_parser("export", help="write the profiles without secrets to FILE ('-': stdout)")
    p.add_argument("file", metavar="FILE")
    p.add_argument(
        "--force", action="store_true", help="replace FILE if it exists (else you are asked)"
    )
    p.set_defaults(func=run_export)

    p = sub.add_parser("import", help="add the profiles in FILE (secrets are entered later)")
    p.add_argument("file", metavar="FILE")
    p.set_defaults(func=run_import)

    p = sub.add_parser("status", help="say where secrets are kept")
    p.set_defaults(func=run_status)


# -- helpers ---------------------------------------------------------------------------


def _note(message: str) -> None:
    print(f"zoomsig: note: {message}", file=sys.stderr)


def _notes(vault: Vault, outcome: Outcome | None = None) -> None:
    for message in vault.pop_notices():
        _note(message)
    for message in outcome.notices if outcome else ():
        _note(message)


def _guarded(run):
    def wrapper(args: argparse.Namespace) -> int:
        from zoomsig_gui.core.vault.facade import Vault

        try:
            vault = Vault()
        except VaultError as exc:  # e.g. ZOOMSIG_KEYRING_TIMEOUT is not a number of seconds
            return fail(str(exc))
        try:
            return run(args, vault)
        except (KeyringError, ProfileFileError, ProfilesBusyError) as exc:
            _notes(vault)
            print(f"zoomsig: {exc}", file=sys.stderr)
            return 1
        except (VaultError, CliError) as exc:
            _notes(vault)
            return fail(str(exc))

    wrapper.__name__ = run.__name__
    return wrapper


def read_new_secret(args: argparse.Namespace, name: str) -> str:
    """The secret as typed or piped; the vault strips and reports surrounding whitespace."""
    if args.secret_env:
        value = os.environ.get(args.secret_env)
        if value is None:
            raise CliError(f"The environment variable {args.secret_env} is not set.")
        return require_utf8(value, f"The environment variable {args.secret_env}")
    if args.secret_stdin or not sys.stdin.isatty():
        line = sys.stdin.readline()
        if not line:
            raise CliError("No secret on standard input.")
        require_utf8(line, "Standard input")
        # the line's own terminator is not part of the secret; anything else is reported
        return line[:-2] if line.endswith("\r\n") else line.removesuffix("\n")
    try:
        return getpass.getpass(f'Secret for "{name}" (typing is hidden): ')
    except (EOFError, KeyboardInterrupt):
        raise CliError("No secret entered.") from None


def _row(view: ProfileView) -> dict:
    p = view.profile
    return {
        "name": p.name,
        "key": p.key,
        "kind": p.kind,
        "notes": p.notes,
        "created": p.created,
        "last_used": p.last_used,
        "secret": view.secret_state,
    }


# -- actions ---------------------------------------------------------------------------


@_guarded
def run_list(args: argparse.Namespace, vault: Vault) -> int:
    views = vault.profiles()
    _notes(vault)
    if args.json:
        print_json([_row(v) for v in views])
        return 0
    if not views:
        print("No profiles saved. Add one: zoomsig profiles add NAME --key KEY")
        return 0
    rows = [
        (
            v.profile.name,
            v.profile.kind,
            v.profile.key,
            STATE_TEXT[v.secret_state],
            utc_text(v.profile.last_used) if v.profile.last_used else "never",
        )
        for v in views
    ]
    header = ("NAME", "KIND", "KEY", "SECRET", "LAST USED")
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    for r in [header, *rows]:
        print("  ".join(cell.ljust(w) for cell, w in zip(r, widths, strict=True)).rstrip())
    unknown = [v for v in views if v.secret_state == "unknown"]
    if unknown:
        _note(unknown[0].state_message)
    for v in views:
        if v.secret_state == "missing":
            _note(
                f'"{v.profile.name}": {v.state_message} '
                f'zoomsig profiles set-secret "{v.profile.name}"'
            )
    return 0


@_guarded
def run_show(args: argparse.Namespace, vault: Vault) -> int:
    view = vault.view(args.name)
    _notes(vault)
    if args.json:
        print_json(_row(view))
        return 0
    p = view.profile
    print(
        f"Name:      {p.name}\nKind:      {p.kind_label}\nKey:       {p.key}\n"
        f"Secret:    {view.state_message}\nCreated:   {utc_text(p.created)}\n"
        f"Last used: {utc_text(p.last_used) if p.last_used else 'never'}"
    )
    if p.notes:
        print(f"Notes:     {p.notes}")
    return 0


@_guarded
def run_add(args: argparse.Namespace, vault: Vault) -> int:
    secret = read_new_secret(args, args.name)
    outcome = vault.add(args.name, args.key, secret, kind=args.kind, notes=args.notes)
    _notes(vault, outcome)
    assert outcome.profile is not None
    print(
        f'Saved profile "{outcome.profile.name}" (key {outcome.profile.key}); '
        "its secret is in the system keyring."
    )
    return 0


@_guarded
def run_set_secret(args: argparse.Namespace, vault: Vault) -> int:
    name = vault.get(args.name).name  # an unknown name fails before asking for a secret
    outcome = vault.set_secret(name, read_new_secret(args, name))
    _notes(vault, outcome)
    print(f'Saved the new secret of "{name}" in the system keyring.')
    return 0


@_guarded
def run_edit(args: argparse.Namespace, vault: Vault) -> int:
    if args.key is None and args.kind is None and args.notes is None:
        raise CliError("Nothing to change: give --key, --kind or --notes.")
    outcome = vault.edit(args.name, key=args.key, kind=args.kind, notes=args.notes)
    _notes(vault, outcome)
    print(f'Updated profile "{args.name}".')
    return 0


@_guarded
def run_rename(args: argparse.Namespace, vault: Vault) -> int:
    outcome = vault.rename(args.old, args.new)
    _notes(vault, outcome)
    assert outcome.profile is not None
    print(f'Renamed "{args.old}" to "{outcome.profile.name}".')
    return 0


@_guarded
def run_remove(args: argparse.Namespace, vault: Vault) -> int:
    outcome = vault.remove(args.name)
    _notes(vault, outcome)
    assert outcome.profile is not None
    print(f'Removed profile "{outcome.profile.name}" and its secret.')
    return 0


@_guarded
def run_export(args: argparse.Namespace, vault: Vault) -> int:
    if args.file == "-":
        data = vault.export_data()
        _notes(vault)
        print_json(data)
        return 0
    try:
        count = vault.export_to(Path(args.file), replace=args.force)
    except ExportFileExists as exc:
        if not sys.stdin.isatty():
            raise CliError(f"{exc} Give --force to replace it.") from None
        answer = input(f"{exc} Replace it? [y/N] ").strip().lower()
        if answer not in ("y", "yes"):
            raise CliError("Nothing was exported.") from None
        count = vault.export_to(Path(args.file), replace=True)
    _notes(vault)
    print(f"Exported {count} profile{'s' if count != 1 else ''} to {args.file} (without secrets).")
    return 0


@_guarded
def run_import(args: argparse.Namespace, vault: Vault) -> int:
    result = vault.import_from(Path(args.file))
    _notes(vault)
    for message in result.notices:
        _note(message)
    for name, why in result.skipped:
        _note(f'skipped "{name}": {why}')
    print(f"Imported {len(result.added)} profile{'s' if len(result.added) != 1 else ''}.")
    if result.added:
        print(
            "Enter each secret: "
            + "; ".join(f'zoomsig profiles set-secret "{p.name}"' for p in result.added)
        )
    return 0


@_guarded
def run_status(args: argparse.Namespace, vault: Vault) -> int:
    status = vault.storage_status()
    print(status.message)
    return 0 if status.persistent else 1
