"""Meeting input → MeetingRef: bare numbers, invite links, zoommtg:// links, whole invitations."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlsplit

MIN_DIGITS = 9
MAX_DIGITS = 11


class MeetingInputError(ValueError):
    """The text holds no meeting number we can use; the message says what was expected."""


@dataclass(frozen=True)
class MeetingRef:
    number: str
    passcode: str | None = None
    # Said beside the passcode, e.g. that it is the link's encoded form (not compared).
    note: str | None = field(default=None, compare=False)


ENCODED_PWD_NOTE = (
    "This passcode comes from the link, where Zoom writes it in an encoded form. If joining "
    "says the passcode is wrong, type the one printed in the invitation after “Passcode:” "
    "instead (for QA: the link's pwd=; Zoom error 3004)."
)


EXPECTED = (
    "Paste a meeting number (9 to 11 digits, spaces and dashes are fine), an invite link "
    "such as https://us02web.zoom.us/j/81198873582?pwd=…, or the whole invitation text."
)

# Paths of Zoom web links that carry the meeting number.
_LINK_PATH = re.compile(r"/(?:j|w|s|wc/join|wc)/(\d[\d\s-]*\d)", re.IGNORECASE)
_HTTP_LINK = re.compile(r"https?://[\w.-]*zoom(?:gov)?\.(?:us|com|com\.cn)/[^\s<>\"')]+", re.I)
_ZOOMMTG = re.compile(r"zoommtg://[^\s<>\"')]+", re.IGNORECASE)
# Links that lead somewhere else than a meeting number, each with what to paste instead.
_UNUSABLE = (
    (
        re.compile(r"https?://teams\.(?:microsoft|live)\.com/\S*", re.IGNORECASE),
        "This is a Microsoft Teams meeting link, not a Zoom one: the Zoom Meeting SDK cannot "
        "join Teams meetings. Paste the invite link or invitation of a Zoom meeting.",
    ),
    (
        re.compile(r"https?://[\w.-]*zoom(?:gov)?\.(?:us|com)/my/[\w.-]+", re.IGNORECASE),
        "This is a Zoom personal link (…/my/name): it names a person's meeting room, not a "
        "meeting number. Ask the host for the meeting's invite link or its Meeting ID "
        "(9 to 11 digits).",
    ),
    (
        re.compile(r"https?://[\w.-]*zoom(?:gov)?\.(?:us|com)/webinar/register/\S*", re.IGNORECASE),
        "This is a webinar registration link: it opens a sign-up form, not the webinar. "
        "Register with it; the confirmation e-mail has the join link to paste here.",
    ),
    (
        re.compile(r"https?://[\w.-]*zoom(?:gov)?\.(?:us|com)/meeting/register/\S*", re.IGNORECASE),
        "This is a meeting registration link: it opens a sign-up form, not the meeting. "
        "Register with it; the confirmation e-mail has the join link to paste here.",
    ),
)
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
    """Find the meeting number and the passcode in what a person pasted.

    The printed "Passcode: …" of an invitation wins over the link's pwd=: it is what a
    person would type into Zoom, while pwd= is Zoom's encoded form of it."""
    stripped = (text or "").strip()
    if not stripped:
        raise MeetingInputError(f"Nothing was entered. {EXPECTED}")
    if len(stripped) > MAX_TEXT:  # searching megabytes on each keystroke would stall the window
        raise MeetingInputError(
            f"This is {len(stripped):,} characters; an invitation is a few thousand. {EXPECTED}"
        )
    if re.fullmatch(r"[\d\s-]+", stripped):
        return MeetingRef(_checked_number(stripped))
    printed = _passcode_line(stripped)
    for pattern in (_HTTP_LINK, _ZOOMMTG):
        for match in pattern.finditer(stripped):
            ref = _from_link(match.group(0))
            if ref:
                if printed or not ref.passcode:
                    return MeetingRef(ref.number, printed)
                return MeetingRef(ref.number, ref.passcode, ENCODED_PWD_NOTE)
    unusable = _unusable(stripped)
    id_line = _MEETING_ID_LINE.search(stripped)
    if id_line and not unusable:
        return MeetingRef(_checked_number(id_line.group(1)), printed)
    if unusable:
        raise MeetingInputError(unusable)
    raise MeetingInputError(f"No meeting number found in “{_preview(stripped)}”. {EXPECTED}")


def _unusable(text: str) -> str | None:
    """What a link the app cannot use is, when the text holds one."""
    for pattern, message in _UNUSABLE:
        if pattern.search(text):
            return message
    return None


def _passcode_line(text: str) -> str | None:
    found = _PASSCODE_LINE.search(text)
    value = _PWD_VALUE.match(found.group(1)) if found else None
    return value.group(0) if value and value.group(0) else None


def _preview(text: str, limit: int = 60) -> str:
    one_line = " ".join(text.split())
    return one_line if len(one_line) <= limit else one_line[: limit - 1] + "…"
