"""Inspect anything pasted: find the token, decode it, check the signature, apply the rules."""

from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass, field
from typing import Any

from zoomsig_gui.core.inspection import rules
from zoomsig_gui.core.inspection.paste import MAX_SEARCH, extract
from zoomsig_gui.core.inspection.rules import ERROR, INFO, INVALID, Finding, finding
from zoomsig_gui.core.tokens.jwt import b64_decode_any, hmac_signature

# What each kind is, in words for people (CLI report, window, case report).
KIND_TEXT = {
    "meeting-web": "Meeting SDK signature for the web (meeting number and role)",
    "meeting-native": "Meeting SDK signature for the native SDKs (no meeting number)",
    "video": "Video SDK token (cannot join Zoom meetings)",
    "legacy": "old Web SDK signature from before 2022 (not a JWT)",
    "unknown": "not a readable token",
}


@dataclass(frozen=True)
class Inspection:
    kind: str
    header: dict[str, Any] | None
    payload: dict[str, Any] | None
    signature_valid: bool | None
    now: int
    findings: tuple[Finding, ...] = field(default_factory=tuple)
    token: str = ""  # the token as found in the input (never logged or exported in full)

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == ERROR]

    @property
    def usable(self) -> bool:
        return not self.errors

    @property
    def malformed(self) -> bool:
        return any(f.code == "malformed" for f in self.findings)

    def codes(self) -> list[str]:
        return [f.code for f in self.findings]

    def exit_status(self) -> int:
        """0 no error, 1 an error, 2 malformed input (docs/findings.md)."""
        if self.malformed:
            return 2
        return 1 if self.errors else 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "header": self.header,
            "payload": self.payload,
            "signature_valid": self.signature_valid,
            "now": self.now,
            "findings": [f.to_dict() for f in self.findings],
        }


def _malformed(why: str, now: int, token: str = "") -> Inspection:
    item = finding(
        "malformed",
        ERROR,
        why,
        "Paste the whole signature: three parts separated by dots, starting with “eyJ”. A JSON "
        "response with a signature field or a join link with signature= works too.",
        None,
        INVALID,
    )
    return Inspection("unknown", None, None, None, now, (item,), token)


def _json_object(segment: str, part: str) -> dict[str, Any]:
    raw = b64_decode_any(segment)
    try:
        # NaN and Infinity are not JSON (JavaScript's JSON.parse, like Zoom, refuses them).
        value = json.loads(raw.decode("utf-8"), parse_constant=_not_json)
    except (UnicodeDecodeError, ValueError) as exc:
        raise ValueError(f"The {part} is not JSON.") from exc
    except RecursionError:  # json's parser recurses once per nested [ or {
        raise ValueError(f"The {part} is JSON nested too deeply to read.") from None
    if not isinstance(value, dict):
        raise ValueError(f"The {part} is JSON but not an object.")
    if nesting(value) > MAX_NESTING:
        # Everything after (the rules, the report, the JSON output) may recurse per level.
        raise ValueError(f"The {part} is JSON nested more than {MAX_NESTING} levels deep.")
    return value


MAX_NESTING = 32  # claims are flat; a few levels of nesting are already odd


def nesting(value: object) -> int:
    """How deeply lists and objects nest in ``value``, counted without recursion."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict | list):
            deepest = max(deepest, depth)
            children = item.values() if isinstance(item, dict) else item
            stack.extend((child, depth + 1) for child in children)
    return deepest


def _not_json(word: str) -> object:
    raise ValueError(f"{word} is not JSON")


def _legacy(token: str, now: int) -> Inspection | None:
    """Pre-2022 Web SDK signature: base64(apiKey.mn.timestamp_ms.role.base64(hmac))."""
    try:
        text = b64_decode_any(token).decode("utf-8")
    except (ValueError, UnicodeDecodeError):
        return None
    parts = text.split(".")
    if len(parts) != 5 or not (parts[1].isdigit() and parts[2].isdigit()):
        return None
    decoded = {"apiKey": parts[0], "mn": parts[1], "timestamp_ms": int(parts[2]), "role": parts[3]}
    item = finding(
        "legacy-signature",
        ERROR,
        "This is an old Web SDK signature (before 2022), made with JWT-app credentials. Current "
        "Meeting SDKs reject it.",
        "Generate a JWT signature with a Meeting SDK app's Client ID and Secret, as Zoom's "
        "meetingsdk-auth-endpoint-sample does.",
        None,
        INVALID,
    )
    return Inspection("legacy", None, decoded, None, now, (item,), token)


def _signature(
    header: dict[str, Any], parts: list[str], secret: str | None
) -> tuple[bool | None, list[Finding]]:
    if not secret:
        return None, [
            finding(
                "signature-unchecked",
                INFO,
                "No secret was given, so the signature itself was not checked.",
                "Pick saved credentials (or give the secret) to check that the token was signed "
                "with it.",
            )
        ]
    alg = header.get("alg")
    if alg not in ("HS256", "HS384", "HS512"):
        valid = False
    else:
        expected = hmac_signature(f"{parts[0]}.{parts[1]}", secret, alg)
        valid = b64_decode_any(parts[2]) == expected
    if valid:
        return True, []
    return False, [
        finding(
            "signature-mismatch",
            ERROR,
            "The signature does not match the secret: the token was signed with another secret, or "
            "changed after signing.",
            "Sign with the Client Secret of the same Meeting SDK app whose Client ID is in appKey; "
            "check the secret was copied without spaces.",
            None,
            INVALID,
        )
    ]


def inspect(
    text: str,
    secret: str | None = None,
    now: float | None = None,
    expected_key: str | None = None,
    clock_offset_s: float = 0.0,
) -> Inspection:
    """Never raises for any input: what cannot be read becomes a `malformed` finding."""
    moment = int(time.time() + clock_offset_s) if now is None else int(now)
    pasted = extract(text)
    token = pasted.token
    if not token:
        if pasted.cut:
            return _malformed(
                f"This text is {pasted.length:,} characters long; a signature is a few hundred. "
                f"Only the first {MAX_SEARCH:,} were searched, and no token was found there.",
                moment,
            )
        return _malformed("Nothing that looks like a token was found.", moment)
    parts = token.split(".")
    if len(parts) == 1:
        return _legacy(token, moment) or _malformed(
            "This is not a token: a Meeting SDK signature has three parts separated by dots.",
            moment,
            token,
        )
    if len(parts) != 3:
        return _malformed(
            f"This has {len(parts)} parts separated by dots; a signature has exactly three.",
            moment,
            token,
        )
    out: list[Finding] = []
    if any(re.search(r"[+/=]", p) for p in parts):
        out.append(
            finding(
                "not-base64url",
                ERROR,
                "The token uses standard base64 (+, / or = padding) instead of base64url, the "
                "URL-safe form JWTs need. "
                "The Web SDK "
                "then often fails with “Joining meeting timeout” and no error code.",
                "Encode each part with base64url: replace + with -, / with _, "
                "and drop the = padding "
                "(JWT libraries do this for you).",
                None,
                None,
            )
        )
    try:
        header = _json_object(parts[0], "header")
        payload = _json_object(parts[1], "payload")
        b64_decode_any(parts[2])
    except ValueError as exc:
        msg = str(exc) if str(exc).startswith("The ") else "A part of it is not base64."
        return _malformed(f"The token cannot be read: {msg}", moment, token)
    signature_valid, sig_findings = _signature(header, parts, secret)
    out += rules.check_header(header) + sig_findings
    kind = rules.kind_of(payload)
    out += rules.check_payload(payload, moment, expected_key)
    return Inspection(kind, header, payload, signature_valid, moment, tuple(_ordered(out)), token)


def _ordered(items: list[Finding]) -> list[Finding]:
    rank = {ERROR: 0, rules.WARNING: 1, INFO: 2}
    return sorted(items, key=lambda f: rank[f.severity])
