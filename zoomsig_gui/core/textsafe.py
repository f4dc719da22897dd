"""Text from a customer's token, made safe to write anywhere."""

from __future__ import annotations


def printable(text: str) -> str:
    """``text`` with lone surrogates (a claim "\\ud800", bytes that were not UTF-8) written as
    backslash escapes, so it can be encoded as UTF-8 without UnicodeEncodeError."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")
