"""Find the token in whatever a person pasted: bare, quoted, Bearer, JSON, join link, text."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

# A JWT in free text, also one written with standard base64 (+ / =), which we must still see.
_JWT_IN_TEXT = re.compile(r"eyJ[A-Za-z0-9_\-+/=]*\.[A-Za-z0-9_\-+/=]*\.[A-Za-z0-9_\-+/=]*")


@dataclass(frozen=True)
class Pasted:
    """The candidate token and where it came from: bare, json, url or text."""

    token: str
    source: str


def _query_value(url: str, name: str) -> str | None:
    # Not parse_qs: it turns '+' into a space and would hide standard-base64 tokens.
    for pair in urlsplit(url).query.split("&"):
        key, _, value = pair.partition("=")
        if key == name:
            return unquote(value)
    return None


def _strip_wrapping(text: str) -> str:
    text = text.strip()
    while len(text) >= 2 and text[0] == text[-1] and text[0] in "\"'`":
        text = text[1:-1].strip()
    if text.lower().startswith("bearer "):
        text = text[7:].strip()
    return text


def extract(text: str) -> Pasted:
    """Best guess at the token; the caller decides whether it is one."""
    cleaned = _strip_wrapping(text or "")
    if cleaned.startswith("{"):
        try:
            data = json.loads(cleaned)
        except ValueError:
            data = None
        if isinstance(data, dict):
            for field in ("signature", "token"):
                if isinstance(data.get(field), str):
                    return Pasted(_strip_wrapping(data[field]), "json")
    if re.match(r"[a-z][a-z0-9+.-]*://", cleaned, re.IGNORECASE):
        value = _query_value(cleaned.split()[0], "signature")
        if value is not None:
            return Pasted(_strip_wrapping(value), "url")
    # Line breaks or spaces inside a token split across lines by an e-mail client.
    joined = re.sub(r"\s+", "", cleaned)
    if re.fullmatch(r"[A-Za-z0-9_\-+/=.]+", joined):
        return Pasted(joined, "bare")
    found = _JWT_IN_TEXT.search(cleaned)
    if found:
        return Pasted(found.group(0), "text")
    return Pasted(joined, "bare")
