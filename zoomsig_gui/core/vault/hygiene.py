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


# --- what the Add / Edit credentials form says next to its fields -------------------------

MIN_SECRET = 16  # Client Secrets are 32 characters, older SDK Secrets 36 or more
_KEY_CHARS = re.compile(r"[A-Za-z0-9_-]+")


@dataclass(frozen=True)
class FieldNote:
    level: str  # "error": cannot be saved; "warning": can be, but is probably wrong
    text: str


def form_notes(
    key: str, secret: str, adding: bool, other_keys: dict[str, str]
) -> dict[str, FieldNote]:
    """Notes by field ("key", "secret") for credentials being added or edited.

    ``other_keys``: the keys of the other profiles, by profile name. An empty secret is
    refused when adding (without it no token can be made); when editing it keeps the saved
    one."""
    notes: dict[str, FieldNote] = {}
    value = key.strip()
    if not value:
        notes["key"] = FieldNote("error", "Enter the app's Client ID (or SDK Key).")
    elif not _KEY_CHARS.fullmatch(value):
        odd = sorted({ch for ch in value if not _KEY_CHARS.fullmatch(ch)})
        shown = " ".join("space" if ch.isspace() else f"“{ch}”" for ch in odd)
        extra = next((n for n in clean_key(value).notices if "looks like" in n), "")
        notes["key"] = FieldNote(
            "error",
            f"A Client ID has only letters and digits; this one also has {shown}. "
            + (extra or "Copy it again from the Zoom App Marketplace (App Credentials)."),
        )
    else:
        owner = next((n for n, k in other_keys.items() if k.strip() == value), None)
        if owner:
            notes["key"] = FieldNote(
                "warning",
                f"The credentials “{owner}” already use this Client ID. Saving it twice "
                f"is allowed, but the two may drift apart: edit “{owner}” instead?",
            )
    secret_value = secret.strip()
    if not secret_value and adding:
        notes["secret"] = FieldNote(
            "error", "Enter the Client Secret: without it zoomsig cannot sign tokens."
        )
    elif secret_value and len(secret_value) < MIN_SECRET:
        notes["secret"] = FieldNote(
            "warning",
            f"This secret has only {len(secret_value)} characters; a Client Secret has 32. "
            "Check that you copied all of it.",
        )
    return notes
