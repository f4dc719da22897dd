"""Input hygiene for profiles: names, keys, kinds and notes as a person types them."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from zoomsig_gui.core.vault.errors import EmptyValueError, InvalidValueError

KINDS: dict[str, str] = {
    "meeting-sdk": "Meeting SDK app: Client ID and Client Secret",
    "sdk-key": "Older Meeting SDK app: SDK Key and SDK Secret",
}
DEFAULT_KIND = "meeting-sdk"
MAX_NAME = 200
MAX_NOTES = 4000


def name_key(name: str) -> str:
    """What makes two names the same: Unicode-normalised and case-folded."""
    return unicodedata.normalize("NFC", name).casefold()


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
        notices.append(
            f"The {what} has a space or line break inside it; real ones do not. "
            "Check that you copied the whole value and nothing else."
        )
    return Cleaned(value, tuple(notices))


def clean_key(raw: str | None) -> Cleaned:
    cleaned = clean_value(raw, "Client ID (SDK key)")  # the words on the form and in Zoom
    value, notices = cleaned.value, list(cleaned.notices)
    if _EMAIL.match(value):
        notices.append(
            "The Client ID looks like an e-mail address. Use the app's Client ID "
            "(or SDK Key) from the Zoom App Marketplace, not a login."
        )
    elif _URL.match(value):
        notices.append(
            "The Client ID looks like a web address. Use the app's Client ID (or SDK "
            "Key) from the Zoom App Marketplace."
        )
    elif _JWT.match(value):
        notices.append(
            "The Client ID looks like a signature (JWT), not a key. Use the app's "
            "Client ID (or SDK Key) from the Zoom App Marketplace."
        )
    return Cleaned(value, tuple(notices))


def clean_name(raw: str | None) -> str:
    name = unicodedata.normalize("NFC", (raw or "").strip())
    if not name:
        raise EmptyValueError("profile name")
    if any(unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") for ch in name):
        raise InvalidValueError("A profile name cannot contain line breaks or control characters.")
    if len(name) > MAX_NAME:
        raise InvalidValueError(f"A profile name can have at most {MAX_NAME} characters.")
    return name


def clean_kind(kind: str | None) -> str:
    value = (kind or DEFAULT_KIND).strip()
    if value not in KINDS:
        raise InvalidValueError(
            f'Unknown kind of credentials "{value}"; use one of: ' + ", ".join(KINDS) + "."
        )
    return value


def clean_notes(notes: str | None) -> str:
    value = (notes or "").strip()
    if len(value) > MAX_NOTES:
        raise InvalidValueError(f"Notes can have at most {MAX_NOTES} characters.")
    return value
