"""Profile metadata (everything but the secret), its JSON index file, and input hygiene.

File format (``profiles.json`` in platformdirs' user config folder)::

    {"schema": 1, "profiles": [{"id": "…", "name": "…", "key": "…", "kind": "meeting-sdk",
                                "notes": "", "created": 1700000000, "last_used": null}]}

``id`` names the keyring entry, so a rename never touches the keyring.
"""

from __future__ import annotations

import re
import unicodedata
import uuid
from dataclasses import asdict, dataclass
from pathlib import Path

from platformdirs import user_config_dir

from zoomsig_gui.core.jsonfile import copy_aside, read_json, write_json_atomic
from zoomsig_gui.core.vaulterrors import EmptyValueError, InvalidValueError

SCHEMA = 1
FILE_NAME = "profiles.json"

KINDS: dict[str, str] = {
    "meeting-sdk": "Meeting SDK app: Client ID and Client Secret",
    "sdk-key": "Older Meeting SDK app: SDK Key and SDK Secret",
}
DEFAULT_KIND = "meeting-sdk"
MAX_NAME = 200
MAX_NOTES = 4000


@dataclass(frozen=True)
class Profile:
    id: str
    name: str
    key: str
    kind: str = DEFAULT_KIND
    notes: str = ""
    created: int = 0
    last_used: int | None = None

    def to_dict(self) -> dict:
        return asdict(self)

    @property
    def kind_label(self) -> str:
        return KINDS.get(self.kind, self.kind)


def default_path() -> Path:
    return Path(user_config_dir("zoomsig", appauthor=False)) / FILE_NAME


def new_id() -> str:
    return uuid.uuid4().hex


def name_key(name: str) -> str:
    """What makes two names the same: Unicode-normalised and case-folded."""
    return unicodedata.normalize("NFC", name).casefold()


# -- input hygiene ----------------------------------------------------------------------

@dataclass(frozen=True)
class Cleaned:
    value: str
    notices: tuple[str, ...] = ()


_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_URL = re.compile(r"^(?:[a-z][a-z0-9+.-]*://|www\.)", re.IGNORECASE)
_JWT = re.compile(r"^eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$")


def clean_value(raw: str | None, what: str) -> Cleaned:
    """Strip surrounding whitespace and line breaks (saying so); refuse an empty value."""
    text = raw or ""
    value = text.strip()
    if not value:
        raise EmptyValueError(what)
    notices: list[str] = []
    if value != text:
        notices.append(f"Removed spaces or line breaks around the {what}.")
    if re.search(r"\s", value):
        notices.append(f"The {what} has a space or line break inside it; real ones do not. "
                       "Check that you copied the whole value and nothing else.")
    return Cleaned(value, tuple(notices))


def clean_key(raw: str | None) -> Cleaned:
    cleaned = clean_value(raw, "Client ID (SDK key)")  # the words on the form and in Zoom
    value, notices = cleaned.value, list(cleaned.notices)
    if _EMAIL.match(value):
        notices.append("The Client ID looks like an e-mail address. Use the app's Client ID "
                       "(or SDK Key) from the Zoom App Marketplace, not a login.")
    elif _URL.match(value):
        notices.append("The Client ID looks like a web address. Use the app's Client ID (or SDK "
                       "Key) from the Zoom App Marketplace.")
    elif _JWT.match(value):
        notices.append("The Client ID looks like a signature (JWT), not a key. Use the app's "
                       "Client ID (or SDK Key) from the Zoom App Marketplace.")
    return Cleaned(value, tuple(notices))


def clean_name(raw: str | None) -> str:
    name = unicodedata.normalize("NFC", (raw or "").strip())
    if not name:
        raise EmptyValueError("profile name")
    if any(unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") for ch in name):
        raise InvalidValueError("A profile name cannot contain line breaks or control "
                                "characters.")
    if len(name) > MAX_NAME:
        raise InvalidValueError(f"A profile name can have at most {MAX_NAME} characters.")
    return name


def clean_kind(kind: str | None) -> str:
    value = (kind or DEFAULT_KIND).strip()
    if value not in KINDS:
        raise InvalidValueError(f"Unknown kind of credentials \"{value}\"; use one of: "
                                + ", ".join(KINDS) + ".")
    return value


def clean_notes(notes: str | None) -> str:
    value = (notes or "").strip()
    if len(value) > MAX_NOTES:
        raise InvalidValueError(f"Notes can have at most {MAX_NOTES} characters.")
    return value


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
            id=str(item["id"]), name=clean_name(item["name"]), key=str(item["key"]).strip(),
            kind=str(item.get("kind") or DEFAULT_KIND), notes=str(item.get("notes") or ""),
            created=int(item.get("created") or 0),
            last_used=int(last) if isinstance(last, int | float) else None)
    # OverflowError: a time of 1e400 is valid JSON that reads as infinity
    except (KeyError, TypeError, ValueError, OverflowError, InvalidValueError, EmptyValueError):
        return None
    return profile if profile.id and profile.key else None


def read_index(path: Path) -> IndexRead:
    loaded = read_json(path, SCHEMA)
    if loaded.set_aside is not None:
        return IndexRead((), f"The profile list {path} {loaded.problem}. It was moved to "
                             f"{loaded.set_aside} so nothing is lost, and the list starts "
                             "empty. Secrets in the keyring were not touched.")
    if loaded.data is None:
        return IndexRead(())
    items = loaded.data.get("profiles")
    items = items if isinstance(items, list) else []
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
        notice = (f"{skipped} unreadable entr{'y' if skipped == 1 else 'ies'} in {path} "
                  f"skipped; the whole file was copied to {copy} so nothing is lost.")
    return IndexRead(tuple(profiles), notice)


def write_index(path: Path, profiles: list[Profile] | tuple[Profile, ...]) -> None:
    write_json_atomic(path, {"schema": SCHEMA, "profiles": [p.to_dict() for p in profiles]})
