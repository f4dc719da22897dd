"""Profile metadata (everything but the secret) and its JSON index file.

File format (``profiles.json`` in platformdirs' user config folder)::

    {"schema": 1, "profiles": [{"id": "…", "name": "…", "key": "…", "kind": "meeting-sdk",
                                "notes": "", "created": 1700000000, "last_used": null,
                                "oauth_client_id": "…", "redirect_port": 53713}]}

``id`` names the keyring entries, so a rename never touches the keyring. The last two
fields (the Zoom sign-in's OAuth app) are optional: files written before them still read,
and a profile without a sign-in leaves them out.
"""

from __future__ import annotations

import uuid
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from platformdirs import user_config_dir

from zoomsig_gui.core.store.jsonfile import copy_aside, read_json, set_aside, write_json_atomic
from zoomsig_gui.core.vault.errors import EmptyValueError, InvalidValueError
from zoomsig_gui.core.vault.hygiene import DEFAULT_KIND, KINDS, clean_name, name_key

SCHEMA = 1
FILE_NAME = "profiles.json"


@dataclass(frozen=True)
class Profile:
    id: str
    name: str
    key: str
    kind: str = DEFAULT_KIND
    notes: str = ""
    created: int = 0
    last_used: int | None = None
    oauth_client_id: str = ""  # the Client ID of the General app used to sign in with Zoom
    redirect_port: int | None = None  # None: the default loopback redirect port

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        for optional in ("oauth_client_id", "redirect_port"):
            if not data[optional]:  # kept out, so the file stays as older versions wrote it
                del data[optional]
        return data

    @property
    def kind_label(self) -> str:
        return KINDS.get(self.kind, self.kind)


def default_path() -> Path:
    return Path(user_config_dir("zoomsig", appauthor=False)) / FILE_NAME


def new_id() -> str:
    return uuid.uuid4().hex


def looks_like_id(entry: str) -> bool:
    """A keyring entry name we made (32 hex digits): nothing else is ever removed."""
    return len(entry) == 32 and all(c in "0123456789abcdef" for c in entry)


# -- the index file -------------------------------------------------------------------


@dataclass(frozen=True)
class IndexRead:
    profiles: tuple[Profile, ...]
    notice: str | None = None  # set when the file was set aside or entries were skipped


def _profile_from(item: object) -> Profile | None:
    if not isinstance(item, dict):
        return None
    try:
        last = item.get("last_used")
        profile = Profile(
            id=str(item["id"]),
            name=clean_name(item["name"]),
            key=str(item["key"]).strip(),
            kind=str(item.get("kind") or DEFAULT_KIND),
            notes=str(item.get("notes") or ""),
            created=int(item.get("created") or 0),
            last_used=int(last) if isinstance(last, int | float) else None,
            oauth_client_id=str(item.get("oauth_client_id") or "").strip(),
            redirect_port=_port_or_none(item.get("redirect_port")),
        )
    # OverflowError: a time of 1e400 is valid JSON that reads as infinity
    except (KeyError, TypeError, ValueError, OverflowError, InvalidValueError, EmptyValueError):
        return None
    return profile if profile.id and profile.key else None


def _port_or_none(value: object) -> int | None:
    # A port that cannot be used is dropped (the default applies), not the whole profile.
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 65535:
        return value
    return None


def read_index(path: Path) -> IndexRead:
    loaded = read_json(path, SCHEMA)
    if loaded.set_aside is not None:
        return IndexRead(
            (),
            f"The profile list {path} {loaded.problem}. It was moved to "
            f"{loaded.set_aside} so nothing is lost, and the list starts "
            "empty. Secrets in the keyring were not touched.",
        )
    if loaded.data is None:
        return IndexRead(())
    items = loaded.data.get("profiles", [])
    if not isinstance(items, list):
        # Read as empty, the next save would drop every profile: set the file aside instead.
        moved = set_aside(path)
        return IndexRead(
            (),
            f'The profile list {path} has a "profiles" that is not a list. It was moved to '
            f"{moved} so nothing is lost, and the list starts empty. Secrets in the keyring "
            "were not touched.",
        )
    profiles: list[Profile] = []
    seen: set[str] = set()
    skipped = 0
    for item in items:
        profile = _profile_from(item)
        if profile is None or name_key(profile.name) in seen:
            skipped += 1
            continue
        seen.add(name_key(profile.name))
        profiles.append(profile)
    notice = None
    if skipped:
        # Keep a copy of what could not be read, then save the rest so it is copied only once.
        copy = copy_aside(path)
        write_index(path, profiles)
        notice = (
            f"{skipped} unreadable entr{'y' if skipped == 1 else 'ies'} in {path} "
            f"skipped; the whole file was copied to {copy} so nothing is lost."
        )
    return IndexRead(tuple(profiles), notice)


def write_index(path: Path, profiles: list[Profile] | tuple[Profile, ...]) -> None:
    write_json_atomic(path, {"schema": SCHEMA, "profiles": [p.to_dict() for p in profiles]})
