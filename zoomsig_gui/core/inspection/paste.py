"""Find the token in whatever a person pasted: bare, quoted, Bearer, JSON, join link, text.

Every step does bounded work per character (no slicing in loops, no regex that rescans from
each candidate start), and only the first ``MAX_SEARCH`` characters are looked at: a signature
is a few hundred characters, and a customer's 100 MB paste must not stall anything.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from urllib.parse import unquote

# Far more than any signature, JSON answer or join link; beyond it we search no further.
MAX_SEARCH = 1_000_000

_QUOTES = "\"'`"
_TOKEN_CHARS = r"A-Za-z0-9_\-+/="  # base64url, and standard base64, which we must still see
_TOKEN_RUN = re.compile(rf"[{_TOKEN_CHARS}.]+")
_SCHEME = re.compile(r"[a-z][a-z0-9+.-]*://", re.IGNORECASE)
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Pasted:
    """The candidate token and where it came from: bare, json, url or text.

    ``cut`` is True when the text was longer than ``MAX_SEARCH`` and only its start was
    searched; ``length`` is the whole text's length then.
    """

    token: str
    source: str
    cut: bool = False
    length: int = 0


def _query_value(url: str, name: str) -> str | None:
    # Not parse_qs: it turns '+' into a space and would hide standard-base64 tokens, and it
    # builds a list of every pair. Split only up to the fragment, one pair at a time.
    query = url.partition("#")[0].partition("?")[2]
    start = 0
    while start <= len(query):
        end = query.find("&", start)
        end = len(query) if end < 0 else end
        key, _, value = query[start:end].partition("=")
        if key == name:
            return unquote(value)
        start = end + 1
    return None


def _unwrap_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Indices inside any number of matching quotes and surrounding spaces, in linear time."""
    while True:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end - start >= 2 and text[start] == text[end - 1] and text[start] in _QUOTES:
            start, end = start + 1, end - 1
            continue
        return start, end


def strip_wrapping(text: str) -> str:
    """The text without surrounding quotes, backticks, spaces and a "Bearer " prefix."""
    start, end = _unwrap_span(text, 0, len(text))
    if text[start : start + 7].lower() == "bearer ":
        start, end = _unwrap_span(text, start + 7, end)
    return text[start:end]


def _json_field(cleaned: str) -> str | None:
    try:
        data = json.loads(cleaned)
    except (ValueError, RecursionError):  # json's parser recurses once per nested [ or {
        return None
    if isinstance(data, dict):
        for field in ("signature", "token"):
            value = data.get(field)
            if isinstance(value, str):
                return value
    return None


def find_jwt(text: str) -> str | None:
    """The first ``eyJ….….…`` in free text; each character is looked at a bounded number
    of times (a regex from every ``eyJ`` would rescan the rest of the run each time)."""
    for run in _TOKEN_RUN.finditer(text):
        word = run.group(0)
        start = word.find("eyJ")
        if start < 0:
            continue
        first = word.find(".", start)
        second = word.find(".", first + 1) if first >= 0 else -1
        if second < 0:
            continue  # a later eyJ in the same run has even fewer dots after it
        third = word.find(".", second + 1)
        return word[start : third if third >= 0 else len(word)]
    return None


def extract(text: str) -> Pasted:
    """Best guess at the token; the caller decides whether it is one."""
    text = text or ""
    if len(text) > MAX_SEARCH:
        # Only free-text search makes sense on a piece; a match touching the cut may be
        # missing its end, so it does not count.
        head = text[:MAX_SEARCH]
        found = find_jwt(head)
        if found and not head.endswith(found):
            return Pasted(found, "text", cut=True, length=len(text))
        return Pasted("", "text", cut=True, length=len(text))
    cleaned = strip_wrapping(text)
    if cleaned.startswith("{"):
        value = _json_field(cleaned)
        if value is not None:
            return Pasted(strip_wrapping(value), "json")
    if _SCHEME.match(cleaned):
        first_word = _SPACE.split(cleaned, maxsplit=1)[0]
        value = _query_value(first_word, "signature")
        if value is not None:
            return Pasted(strip_wrapping(value), "url")
    # Line breaks or spaces inside a token split across lines by an e-mail client.
    joined = _SPACE.sub("", cleaned)
    if _TOKEN_RUN.fullmatch(joined):
        return Pasted(joined, "bare")
    found = find_jwt(cleaned)
    if found:
        return Pasted(found, "text")
    return Pasted(joined, "bare")
