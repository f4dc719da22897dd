"""The join fields as the Meeting SDK checks them in the browser before sending anything.

Outside these limits the SDK fails with 4003 "Invalid parameter" (its own checks): a meeting
number over 12 characters, a display name empty or over 128, a passcode over 32, an e-mail
that is not one or over 100. Checking first names the field to correct.
"""

from __future__ import annotations

from zoomsig_gui.core.join.link import JoinLinkError, parse_link

INVALID_PARAMETER = 4003
MAX_MEETING = 12
MAX_NAME = 128
MAX_PASSCODE = 32
MAX_EMAIL = 100
_ERROR = "the Meeting SDK would refuse it with error 4003 (Invalid parameter)"


def check_join_fields(
    meeting_number: str | None = None,
    name: str | None = None,
    passcode: str = "",
    email: str = "",
) -> dict[str, str]:
    """{field: what is wrong and what to do} for meeting, name, passcode and email; a field
    given as None is not checked (the form leaves an empty name to its default)."""
    out: dict[str, str] = {}
    if meeting_number is not None and len(meeting_number) > MAX_MEETING:
        out["meeting"] = (
            f"The meeting number is {len(meeting_number)} characters long, over "
            f"{MAX_MEETING}: {_ERROR}. Give the meeting number only (9 to 11 digits)."
        )
    if name is not None and not name.strip():
        out["name"] = f"The display name is empty: {_ERROR}. Enter the name to show."
    elif name is not None and len(name) > MAX_NAME:
        out["name"] = (
            f"The display name is {len(name)} characters long, over {MAX_NAME}: {_ERROR}. "
            "Shorten it."
        )
    if len(passcode) > MAX_PASSCODE:
        out["passcode"] = (
            f"The passcode is {len(passcode)} characters long, over {MAX_PASSCODE}: "
            f"{_ERROR}. Copy the passcode (or the invite link's pwd= value) again."
        )
    if len(email) > MAX_EMAIL:
        out["email"] = (
            f"The e-mail address is {len(email)} characters long, over {MAX_EMAIL}: "
            f"{_ERROR}. Use a shorter address or leave it empty."
        )
    elif email and not _looks_like_email(email):
        out["email"] = (
            f"“{email}” is not an e-mail address: {_ERROR}. Correct it (name@example.com) "
            "or leave it empty."
        )
    return out


def _looks_like_email(text: str) -> bool:
    local, at, domain = text.partition("@")
    if not at or not local or "@" in domain or any(c.isspace() for c in text):
        return False
    host, dot, top = domain.rpartition(".")
    return bool(host and dot and top) and not host.startswith(".")


def link_field_problems(text: str) -> list[str]:
    """For a pasted join link (the sample's format): what the SDK would refuse in its fields."""
    words = text.split()
    if len(words) != 1 or "signature=" not in words[0] or "://" not in words[0]:
        return []
    try:
        params = parse_link(words[0])
    except (JoinLinkError, ValueError):
        return []
    return list(
        check_join_fields(
            params.meeting_number, params.name, params.passcode, params.email
        ).values()
    )
