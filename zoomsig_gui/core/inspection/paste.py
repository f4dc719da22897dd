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
    if re.fullmatch(r"[A-Za-z0-9_\-+/=.]+", joined) and _bare(joined, cleaned):
        return Pasted(joined, "bare")
    found = _JWT_IN_TEXT.search(cleaned)
    if found:
        return Pasted(found.group(0), "text")
    named = _NAMED_VALUE.search(cleaned[:SEARCH_LIMIT])
    if named:  # { signature: 'only the hash' }: not a JWT, but what the backend sent
        return Pasted(named.group(1), "text")
    return Pasted(joined, "bare")


# Another JWT in the text (a curl call with a Bearer token and a signature, two log lines).
_RUN = re.compile(r"[A-Za-z0-9_\-+/=.]+")
SEARCH_LIMIT = 1_000_000
MAX_TOKENS = 20
# signature: '…', "token": "…", signature=… in a console print or a log line.
_NAMED_VALUE = re.compile(
    r"""(?:signature|token)["']?[ \t]{0,9}[:=][ \t]{0,9}["'`]?([A-Za-z0-9_\-+/=.]{16,4000})"""
)


def _bare(joined: str, cleaned: str) -> bool:
    """Spaces taken out of a token split across lines, not of a line that holds one
    ("2026-01-01 token=eyJ…" would read as one long token) nor of two tokens."""
    if joined != cleaned and _NAMED_VALUE.search(cleaned):
        return False  # "INFO signature=… sent": a line that names the value
    return "eyJ" not in joined or (joined.startswith("eyJ") and joined.count(".") <= 2)


def all_jwts(text: str) -> list[str]:
    """Every different ``eyJ….….…`` in the text, in order; one per run of token characters,
    each character looked at a bounded number of times."""
    found: list[str] = []
    for run in _RUN.finditer((text or "")[:SEARCH_LIMIT]):
        word = run.group(0)
        start = word.find("eyJ")
        first = word.find(".", start) if start >= 0 else -1
        second = word.find(".", first + 1) if first >= 0 else -1
        if second < 0:
            continue
        third = word.find(".", second + 1)
        token = word[start : third if third >= 0 else len(word)]
        if token not in found:
            found.append(token)
            if len(found) >= MAX_TOKENS:
                break
    return found
