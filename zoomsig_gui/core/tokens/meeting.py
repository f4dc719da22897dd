"""Meeting input → MeetingRef: bare numbers, invite links, zoommtg:// links, whole invitations."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlsplit

MIN_DIGITS = 9
MAX_DIGITS = 11


class MeetingInputError(ValueError):
    """The text holds no meeting number we can use; the message says what was expected."""


@dataclass(frozen=True)
class MeetingRef:
    number: str
    passcode: str | None = None


EXPECTED = (
    "Paste a meeting number (9 to 11 digits, spaces and dashes are fine), an invite link "
    "such as https://us02web.zoom.us/j/81198873582?pwd=…, or the whole invitation text."
)

# Paths of Zoom web links that carry the meeting number.
_LINK_PATH = re.compile(r"/(?:j|w|s|wc/join|wc)/(\d[\d\s-]*\d)", re.IGNORECASE)
_HTTP_LINK = re.compile(r"https?://[\w.-]*zoom(?:gov)?\.(?:us|com|com\.cn)/[^\s<>\"')]+", re.I)
_ZOOMMTG = re.compile(r"zoommtg://[^\s<>\"')]+", re.IGNORECASE)
# "Meeting ID: 811 9887 3582" in a pasted invitation.
_MEETING_ID_LINE = re.compile(r"meeting\s*id\s*[:#]?\s*(\d[\d \t-]{7,20}\d)", re.IGNORECASE)
_PASSCODE_LINE = re.compile(r"pass(?:code|word)\s*[:#]?\s*(\S+)", re.IGNORECASE)
# Zoom's CDN sample takes the pwd value as word characters up to the first other one.
_PWD_VALUE = re.compile(r"^\w*")


def _digits(text: str) -> str:
    return re.sub(r"[\s-]", "", text)


def _checked_number(raw: str) -> str:
    number = _digits(raw)
    if not number.isdigit() or not MIN_DIGITS <= len(number) <= MAX_DIGITS:
        raise MeetingInputError(
            f"“{raw.strip()}” is not a meeting number: a meeting number has "
            f"{MIN_DIGITS} to {MAX_DIGITS} digits. {EXPECTED}"
        )
    return number


def _pwd_from_query(query: str) -> str | None:
    for name, value in parse_qsl(query, keep_blank_values=True):
        if name == "pwd":
            match = _PWD_VALUE.match(value)
            return match.group(0) if match and match.group(0) else None
    return None


def _from_link(link: str) -> MeetingRef | None:
    parts = urlsplit(link)
    if parts.scheme.lower() == "zoommtg":
        query = dict(parse_qsl(parts.query))
        confno = query.get("confno")
        if not confno:
            return None
        return MeetingRef(_checked_number(confno), _pwd_from_query(parts.query))
    match = _LINK_PATH.search(parts.path)
    if not match:
        return None
    return MeetingRef(_checked_number(match.group(1)), _pwd_from_query(parts.query))


MAX_TEXT = 50_000  # ten long invitations; a customer's megabytes get a message instead


def parse_meeting(text: str) -> MeetingRef:
    """Find the meeting number (and the passcode when the link has one) in what a person pasted."""
    stripped = (text or "").strip()
    if not stripped:
        raise MeetingInputError(f"Nothing was entered. {EXPECTED}")
    if len(stripped) > MAX_TEXT:  # searching megabytes on each keystroke would stall the window
        raise MeetingInputError(
            f"This is {len(stripped):,} characters; an invitation is a few thousand. {EXPECTED}"
        )
    if re.fullmatch(r"[\d\s-]+", stripped):
        return MeetingRef(_checked_number(stripped))
    for pattern in (_HTTP_LINK, _ZOOMMTG):
        for match in pattern.finditer(stripped):
            ref = _from_link(match.group(0))
            if ref:
                # A link without pwd= in an invitation that says "Passcode: …" below it.
                return ref if ref.passcode else MeetingRef(ref.number, _passcode_line(stripped))
    id_line = _MEETING_ID_LINE.search(stripped)
    if id_line:
        return MeetingRef(_checked_number(id_line.group(1)), _passcode_line(stripped))
    raise MeetingInputError(f"No meeting number found in “{_preview(stripped)}”. {EXPECTED}")


def _passcode_line(text: str) -> str | None:
    found = _PASSCODE_LINE.search(text)
    value = _PWD_VALUE.match(found.group(1)) if found else None
    return value.group(0) if value and value.group(0) else None


def _preview(text: str, limit: int = 60) -> str:
    one_line = " ".join(text.split())
    return one_line if len(one_line) <= limit else one_line[: limit - 1] + "…"
