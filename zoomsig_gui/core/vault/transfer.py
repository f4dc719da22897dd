"""Export and import of the profile list without secrets, so a team can share it.

Export format::

    {"format": "zoomsig-profiles", "schema": 1,
     "profiles": [{"name": "…", "key": "…", "kind": "meeting-sdk", "notes": "…"}]}

An imported entry never carries a secret: a "secret" field is ignored and reported.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from zoomsig_gui.core.store.jsonfile import (
    NotRegularFile,
    TooLarge,
    kind_of_file,
    read_capped,
    too_deep,
)
from zoomsig_gui.core.vault import hygiene
from zoomsig_gui.core.vault.errors import (
    ExportFileError,
    ExportFileExists,
    ImportFileError,
    VaultError,
)
from zoomsig_gui.core.vault.index import Profile

FORMAT = "zoomsig-profiles"
SCHEMA = 1
MAX_IMPORT_BYTES = 5_000_000
SECRET_FIELDS = ("secret", "client_secret", "clientSecret", "sdk_secret", "sdkSecret")


@dataclass(frozen=True)
class ImportResult:
    added: tuple[Profile, ...]
    skipped: tuple[tuple[str, str], ...]  # (name, why)
    notices: tuple[str, ...] = ()


@dataclass(frozen=True)
class Entries:
    valid: tuple[Profile, ...]
    skipped: tuple[tuple[str, str], ...]


def export_payload(profiles: list[Profile]) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "schema": SCHEMA,
        "profiles": [
            {"name": p.name, "key": p.key, "kind": p.kind, "notes": p.notes} for p in profiles
        ],
    }


def export_target(path: Path, replace: bool = False) -> tuple[Path, int]:
    """Where to write an export and with which permissions; raises ExportFileError.

    Only a regular file (or a symlink to one: its target is written) or a name that does not
    exist yet in an existing folder: never a device, FIFO or folder, never a folder made
    unasked, never a file replaced without ``replace``. An existing file keeps its mode; a
    new one gets the usual mode for a document (0666 less the umask): an export holds no
    secret, and it is made to be shared with a team.
    """
    import os
    import stat

    name = str(path)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        if path.is_symlink():
            raise ExportFileError(name, "it is a symbolic link to nothing") from None
        if not path.parent.is_dir():
            raise ExportFileError(
                name, f"the folder {path.parent} does not exist (create it first)"
            ) from None
        umask = os.umask(0)
        os.umask(umask)
        return path, 0o666 & ~umask
    except OSError as exc:
        raise ExportFileError(name, exc.strerror or type(exc).__name__) from None
    if not stat.S_ISREG(info.st_mode):
        raise ExportFileError(name, f"it is {kind_of_file(info.st_mode)}, not a file")
    if not replace:
        raise ExportFileExists(name)
    return path.resolve(), stat.S_IMODE(info.st_mode)


def read_import(path: Path) -> object:
    try:
        raw = read_capped(path, MAX_IMPORT_BYTES).decode("utf-8")
    except TooLarge:
        raise ImportFileError(str(path), "the file is too large to be a profile list") from None
    except NotRegularFile as exc:
        raise ImportFileError(str(path), exc.strerror or "it is not a file") from None
    except FileNotFoundError:
        raise ImportFileError(str(path), "the file does not exist") from None
    except UnicodeDecodeError:
        raise ImportFileError(str(path), "it is not a text file") from None
    except OSError as exc:
        raise ImportFileError(str(path), exc.strerror or type(exc).__name__) from None
    if too_deep(raw):
        raise ImportFileError(str(path), "its JSON is nested too deeply")
    try:
        return json.loads(raw)
    except json.JSONDecodeError as exc:
        raise ImportFileError(
            str(path), f"it is not valid JSON ({exc.msg}, line {exc.lineno})"
        ) from None
    except ValueError:  # json's one other refusal: an integer of more than 4300 digits
        raise ImportFileError(
            str(path), "it is not valid JSON (it holds a number too long to read)"
        ) from None
    except RecursionError:  # json's parser recurses once per nested [ or {
        raise ImportFileError(str(path), "its JSON is nested too deeply") from None


def parse_import(data: object, source: str) -> tuple[Entries, list[str]]:
    """Valid entries and the skipped ones with reasons; raises ImportFileError on the whole."""
    if not isinstance(data, dict) or not isinstance(data.get("profiles"), list):
        raise ImportFileError(source, 'it is not a zoomsig profile export (no "profiles" list)')
    if data.get("format", FORMAT) != FORMAT:
        raise ImportFileError(source, f'its format is "{data.get("format")}", not {FORMAT}')
    schema = data.get("schema", SCHEMA)
    if not isinstance(schema, int) or schema > SCHEMA:
        raise ImportFileError(source, f"it was written by a newer zoomsig (schema {schema!r})")
    valid: list[Profile] = []
    skipped: list[tuple[str, str]] = []
    seen: set[str] = set()
    had_secret = False
    for n, item in enumerate(data["profiles"], start=1):
        label = f"entry {n}"
        if not isinstance(item, dict):
            skipped.append((label, "not an object"))
            continue
        had_secret = had_secret or any(f in item for f in SECRET_FIELDS)
        label = str(item.get("name") or label)
        wrong = next(
            (
                f
                for f in ("name", "key", "kind", "notes")
                if item.get(f) is not None and not isinstance(item[f], str)
            ),
            None,
        )
        if wrong:
            skipped.append((label, f'its "{wrong}" is not text'))
            continue
        try:
            profile = Profile(
                id="",
                name=hygiene.clean_name(item.get("name")),
                key=hygiene.clean_key(item.get("key")).value,
                kind=hygiene.clean_kind(item.get("kind")),
                notes=hygiene.clean_notes(item.get("notes")),
            )
        except VaultError as exc:
            skipped.append((label, str(exc)))
            continue
        if hygiene.name_key(profile.name) in seen:
            skipped.append((profile.name, "the name appears twice in the file"))
            continue
        seen.add(hygiene.name_key(profile.name))
        valid.append(profile)
    notices = []
    if had_secret:
        notices.append(
            "The file contains secrets; they were ignored. Secrets are entered by "
            "each person and kept in their own keyring. Delete the file or remove "
            "the secrets from it."
        )
    return Entries(tuple(valid), tuple(skipped)), notices
