"""Reproduce a customer's token with our credentials: same claim shape, same quirks, our key.

Support gets "we get 3712" with a token. Re-signing the very same shape with an in-house app
lets them try it: we keep every quirk (no appKey, iat in milliseconds, mn with spaces, extra
claims, odd header, standard base64, the expiry window and how far iat lies from now), put
our key where theirs was, and move the times so they stand in the same relation to now.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
from dataclasses import dataclass, field
from typing import Any

from zoomsig_gui.core.inspection.inspector import Inspection, inspect
from zoomsig_gui.core.inspection.rules import MS_THRESHOLD, TIME_CLAIMS
from zoomsig_gui.core.tokens.jwt import b64url_encode, compact_json, hmac_signature

KEY_CLAIMS = ("appKey", "sdkKey", "apiKey", "app_key")
# Times moved so they stand in the same relation to now: the rules' time claims, nbf (which
# the SDK ignores but a customer may send) and the old Web SDK format's timestamp_ms.
SHIFTED_CLAIMS = (*TIME_CLAIMS, "nbf", "timestamp_ms")
SAME, CHANGED, ADDED, REMOVED = "same", "changed", "added", "removed"
MARKS = {CHANGED: "≠", ADDED: "+", REMOVED: "−"}  # beside a differing claim (CLI and window)
# Findings about who signed, not about the token's shape: they differ by design.
SIGNER_CODES = frozenset(
    {"signature-unchecked", "signature-mismatch", "key-unknown", "key-mismatch"}
)


class ReproduceError(ValueError):
    """Nothing that can be re-signed; the message says why in plain words."""


@dataclass(frozen=True)
class DiffRow:
    """One claim side by side. Values are JSON text ("" when absent) so types show."""

    part: str  # "header" or "payload"
    claim: str
    theirs: str
    ours: str
    status: str  # same, changed, added, removed
    why: str = ""

    @property
    def differs(self) -> bool:
        return self.status != SAME

    @property
    def mark(self) -> str:
        """≠ changed, + added, − removed; "" when the claim is the same."""
        return MARKS.get(self.status, "≠") if self.differs else ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "part": self.part,
            "claim": self.claim,
            "theirs": self.theirs,
            "ours": self.ours,
            "status": self.status,
            "why": self.why,
        }


@dataclass(frozen=True)
class Reproduction:
    theirs: Inspection
    ours: Inspection  # our token inspected with our secret: proves it verifies
    token: str
    header: dict[str, Any] | None
    payload: dict[str, Any]
    shift_s: int
    rows: tuple[DiffRow, ...]
    notes: tuple[str, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict[str, Any]:
        return {
            "theirs": _inspection_summary(self.theirs),
            "ours": {"token": self.token, **_inspection_summary(self.ours)},
            "shift_s": self.shift_s,
            "diff": [r.to_dict() for r in self.rows],
            "notes": list(self.notes),
        }


def shape_codes(inspection: Inspection) -> list[str]:
    """Finding codes about the token's shape: the signer-related ones differ by design when
    theirs and ours are compared, so they are left out."""
    return [c for c in inspection.codes() if c not in SIGNER_CODES]


def _inspection_summary(inspection: Inspection) -> dict[str, Any]:
    return {
        "kind": inspection.kind,
        "header": inspection.header,
        "payload": inspection.payload,
        "signature_valid": inspection.signature_valid,
        "findings": [f.to_dict() for f in inspection.findings],
    }


def json_text(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


def primary_key(payload: dict[str, Any]) -> str | None:
    """The key Zoom reads first: appKey, else sdkKey, else the retired apiKey, else app_key."""
    for name in KEY_CLAIMS:
        value = payload.get(name)
        if isinstance(value, str):
            return value
    return None


def swap_key(payload: dict[str, Any], ours: str) -> tuple[dict[str, Any], list[str]]:
    """Our key wherever their primary key was; a second, different key stays (a quirk)."""
    theirs = primary_key(payload)
    out = dict(payload)
    notes: list[str] = []
    for name in KEY_CLAIMS:
        if name not in payload:
            continue
        if payload[name] == theirs:
            out[name] = ours
        else:
            notes.append(
                f"{name} held a second, different key ({payload[name]!r}); it was kept "
                "so the mismatch stays."
            )
    return out, notes


def _shift_time(value: object, shift_s: int) -> object:
    if isinstance(value, bool) or not shift_s:
        return value
    if isinstance(value, int | float):
        delta = shift_s * 1000 if value > MS_THRESHOLD else shift_s
        return value + delta
    if isinstance(value, str) and value.strip().isdigit():
        number = int(value.strip())
        return str(number + (shift_s * 1000 if number > MS_THRESHOLD else shift_s))
    return value  # not a time we can read: keep it, the finding will stay too


def relate_times(payload: dict[str, Any], shift_s: int) -> dict[str, Any]:
    """Move every time claim by ``shift_s`` keeping its unit (s or ms) and its JSON type."""
    out = dict(payload)
    for name in SHIFTED_CLAIMS:
        if name in out:
            out[name] = _shift_time(out[name], shift_s)
    return out


def _b64(data: bytes, standard: bool) -> str:
    return base64.b64encode(data).decode("ascii") if standard else b64url_encode(data)


def sign_like(
    header: dict[str, Any], payload: dict[str, Any], secret: str, standard_b64: bool = False
) -> tuple[str, list[str]]:
    """Sign keeping their header; HS384/HS512 are kept (verifiable), other algs get HS256."""
    if not secret:
        raise ReproduceError("The secret is empty: pick saved credentials with a secret.")
    notes: list[str] = []
    alg = header.get("alg")
    if alg not in ("HS256", "HS384", "HS512"):
        notes.append(
            f"Their header says alg {alg!r}, which cannot be signed with a secret; ours "
            "keeps that header but is signed with HS256."
        )
        alg = "HS256"
    head = _b64(compact_json(header), standard_b64)
    body = _b64(compact_json(payload), standard_b64)
    signature = _b64(hmac_signature(f"{head}.{body}", secret, alg), standard_b64)
    return f"{head}.{body}.{signature}", notes


def legacy_signature(key: str, mn: str, timestamp_ms: int, role: str, secret: str) -> str:
    """The pre-2022 Web SDK signature (zoom/websdk-sample-signature-node.js)."""
    msg = base64.b64encode(f"{key}{mn}{timestamp_ms}{role}".encode()).decode("ascii")
    digest = hmac.new(secret.encode(), msg.encode(), hashlib.sha256).digest()
    hashed = base64.b64encode(digest).decode("ascii")
    return base64.b64encode(f"{key}.{mn}.{timestamp_ms}.{role}.{hashed}".encode()).decode("ascii")


def verify_legacy(signature: str, secret: str) -> bool:
    try:
        key, mn, stamp, role, hashed = base64.b64decode(signature).decode().split(".")
        expected = legacy_signature(key, mn, int(stamp), role, secret)
    except (ValueError, UnicodeDecodeError):
        return False
    return hmac.compare_digest(expected, signature.strip())


def diff_rows(
    before_header: dict[str, Any] | None,
    before: dict[str, Any],
    after_header: dict[str, Any] | None,
    after: dict[str, Any],
    reasons: dict[str, str] | None = None,
) -> tuple[DiffRow, ...]:
    """Header then payload, in their order then ours; ``reasons`` maps claim → why."""
    reasons = reasons or {}
    rows: list[DiffRow] = []
    for part, left, right in (("header", before_header, after_header), ("payload", before, after)):
        if left is None and right is None:
            continue
        left, right = left or {}, right or {}
        for name in [*left, *(n for n in right if n not in left)]:
            a = json_text(left[name]) if name in left else ""
            b = json_text(right[name]) if name in right else ""
            if name not in right:
                status = REMOVED
            elif name not in left:
                status = ADDED
            else:
                status = SAME if left[name] == right[name] and a == b else CHANGED
            why = reasons.get(f"{part}.{name}", "") if status != SAME else ""
            rows.append(DiffRow(part, name, a, b, status, why))
    return tuple(rows)


def _key_and_time_reasons(payload: dict[str, Any], shift_s: int) -> dict[str, str]:
    reasons = {f"payload.{n}": "our key in place of theirs" for n in KEY_CLAIMS if n in payload}
    if shift_s:
        sign = "+" if shift_s > 0 else "−"
        for name in SHIFTED_CLAIMS:
            reasons[f"payload.{name}"] = (
                f"moved {sign}{abs(shift_s)} s to stand in the same relation to now"
            )
    return reasons


def reproduce(
    text: str,
    key: str,
    secret: str,
    now: float | None = None,
    their_now: float | None = None,
    their_secret: str | None = None,
) -> Reproduction:
    """Re-sign the shape of the token in ``text`` with ``key``/``secret``.

    ``their_now`` is when the customer's token was used (default: now): times move by
    ``now - their_now`` so a token "expired 2 h ago" or "iat 2 min ahead" stays that way.
    """
    key = (key or "").strip()
    if not key:
        raise ReproduceError("Pick saved credentials: reproducing needs your app's key.")
    moment = int(time.time() if now is None else now)
    then = moment if their_now is None else int(their_now)
    theirs = inspect(text, secret=their_secret, now=then)
    if theirs.malformed or theirs.payload is None:
        reason = theirs.findings[0].message if theirs.findings else "it cannot be read"
        raise ReproduceError(f"There is nothing to reproduce: {reason}")
    shift = moment - then
    payload, notes = swap_key(theirs.payload, key)
    payload = relate_times(payload, shift)
    reasons = _key_and_time_reasons(theirs.payload, shift)
    if theirs.kind == "legacy":
        token = legacy_signature(
            str(payload["apiKey"]),
            str(payload["mn"]),
            int(payload["timestamp_ms"]),
            str(payload["role"]),
            secret,
        )
        notes.append("Theirs is an old pre-2022 signature; ours is made the same old way.")
        header = None
    else:
        header = dict(theirs.header or {})
        standard = "not-base64url" in theirs.codes()
        token, sign_notes = sign_like(header, payload, secret, standard_b64=standard)
        notes += sign_notes
        if standard:
            notes.append("Theirs uses standard base64 (+ / =); ours does too.")
    ours = inspect(token, secret=secret, now=moment, expected_key=key)
    rows = diff_rows(theirs.header, theirs.payload, ours.header, ours.payload or {}, reasons)
    return Reproduction(theirs, ours, token, header, payload, shift, rows, tuple(notes))
