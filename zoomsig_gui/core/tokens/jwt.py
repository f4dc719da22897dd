"""HS256 JWTs as JavaScript signers write them: base64url, compact JSON, HMAC, verify."""

from __future__ import annotations

import re
from typing import Any

# base64, hashlib (OpenSSL), hmac and json are imported where they are used: the window
# needs the token limits for its first paint, and signing only once the user signs.

HEADER = {"alg": "HS256", "typ": "JWT"}


class TokenError(ValueError):
    """Input that must not be signed; the message says what to change."""


def b64url_encode(data: bytes) -> str:
    import base64

    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64_decode_any(segment: str) -> bytes:
    """Decode base64url or standard base64, padded or not; raises ValueError."""
    if not re.fullmatch(r"[A-Za-z0-9_\-+/]*={0,2}", segment):
        raise ValueError("not base64")
    body = segment.rstrip("=")
    if len(body) % 4 == 1:
        raise ValueError("not base64: wrong length")
    body = body.replace("+", "-").replace("/", "_")
    import base64
    import binascii

    try:
        return base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
    except (binascii.Error, ValueError) as exc:
        raise ValueError(f"not base64: {exc}") from exc


def compact_json(value: object) -> bytes:
    """JSON exactly as JavaScript's JSON.stringify writes it (no spaces, UTF-8).

    A lone surrogate (a customer's claim "\\ud800") cannot be UTF-8: it is written as the
    JSON escape \\ud800 instead, which JSON.stringify does too and which reads back the same.
    """
    import json

    text = json.dumps(value, separators=(",", ":"), ensure_ascii=False)
    return text.encode("utf-8", "backslashreplace")


def hmac_signature(signing_input: str | bytes, secret: str, alg: str = "HS256") -> bytes:
    import hashlib
    import hmac

    digest = {"HS256": hashlib.sha256, "HS384": hashlib.sha384, "HS512": hashlib.sha512}[alg]
    data = signing_input.encode("ascii") if isinstance(signing_input, str) else signing_input
    return hmac.new(secret.encode("utf-8"), data, digest).digest()


def sign(payload: dict[str, Any], secret: str, header: dict[str, Any] | None = None) -> str:
    """Sign any payload (also odd ones, for reproducing a customer's token) with HS256."""
    if not secret:
        raise TokenError("The secret is empty: enter the Client Secret of your Meeting SDK app.")
    head = b64url_encode(compact_json(header or HEADER))
    body = b64url_encode(compact_json(payload))
    signing_input = f"{head}.{body}"
    return f"{signing_input}.{b64url_encode(hmac_signature(signing_input, secret))}"


def verify(token: str, secret: str) -> bool:
    """True when the token's HMAC-SHA256 matches ``secret`` (the token as sent, not normalised)."""
    parts = token.split(".")
    if len(parts) != 3:
        return False
    try:
        given = b64_decode_any(parts[2])
    except ValueError:
        return False
    import hmac

    return hmac.compare_digest(given, hmac_signature(f"{parts[0]}.{parts[1]}", secret))
