"""Removes this session's secrets and passcodes, and anything shaped like a token or key,
from text meant for a report. Kept apart from the crash dialog so start-up needs only this."""

from __future__ import annotations

import re
from functools import cache


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    # Compiled on first use: a report is rare, start-up is every time.
    jwt = re.compile(r"eyJ[A-Za-z0-9_\-+/=]*\.[A-Za-z0-9_\-+/=]*(?:\.[A-Za-z0-9_\-+/=]*)?")
    query = re.compile(r"((?:signature|pwd|zak|obfToken|secret|tk)=)[^&\s'\"]+", re.IGNORECASE)
    opaque = re.compile(r"\b(?=[A-Za-z0-9_\-]*\d)(?=[A-Za-z0-9_\-]*[A-Za-z])[A-Za-z0-9_\-]{24,}\b")
    return jwt, query, opaque


class Scrubber:
    """Knows the secrets and passcodes of this session, and removes them from text."""

    def __init__(self) -> None:
        self._known: set[str] = set()

    def add(self, value: str | None) -> None:
        if value and len(value.strip()) >= 4:
            self._known.add(value.strip())

    def scrub(self, text: str) -> str:
        for value in sorted(self._known, key=len, reverse=True):
            text = text.replace(value, "<redacted>")
        jwt, query, opaque = _patterns()
        text = jwt.sub("<token redacted>", text)
        text = query.sub(r"\1<redacted>", text)
        return opaque.sub("<redacted>", text)
