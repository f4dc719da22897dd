"""Fix all: the token the findings ask for, as the smallest change to the customer's claims.

Starting from the reproduction (their shape, our key, times related to now), each error and
warning finding's fix is applied; info findings are left alone since Zoom accepts them. The
result is checked with the inspector: it must have no error finding, or we say why not.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from typing import Any

from zoomsig_gui.core.inspection.inspector import Inspection, inspect
from zoomsig_gui.core.inspection.rules import (
    ERROR,
    EXPIRES_SOON_S,
    INFO,
    MEETING_CLAIMS,
    MS_THRESHOLD,
)
from zoomsig_gui.core.support.reproduce import DiffRow, ReproduceError, diff_rows, reproduce
from zoomsig_gui.core.tokens.jwt import HEADER, TokenError, sign
from zoomsig_gui.core.tokens.request import (
    DEFAULT_BACKDATE_S,
    DEFAULT_EXPIRY_S,
    MAX_EXPIRY_S,
    MIN_EXPIRY_S,
    TokenRequest,
    build_payload,
)

FRESH_TIME_CODES = frozenset({"iat-missing", "iat-future", "expired", "expires-soon"})


class FixError(ValueError):
    """No token can be made from this input; the message says why and what to do instead."""


@dataclass(frozen=True)
class FixResult:
    theirs: Inspection
    check: Inspection  # the fixed token inspected with our secret: the proof
    token: str
    header: dict[str, Any]
    payload: dict[str, Any]
    rows: tuple[DiffRow, ...]  # their claims → fixed claims, changes marked with the reason
    notes: tuple[str, ...] = field(default_factory=tuple)
    fresh: bool = False  # made anew from what could be recovered (old-style signatures)

    @property
    def changes(self) -> list[DiffRow]:
        return [r for r in self.rows if r.differs]

    def to_dict(self) -> dict[str, Any]:
        return {
            "token": self.token,
            "header": self.header,
            "payload": self.payload,
            "fresh": self.fresh,
            "signature_valid": self.check.signature_valid,
            "findings": [f.to_dict() for f in self.check.findings],
            "changes": [r.to_dict() for r in self.changes],
            "notes": list(self.notes),
        }


def _as_int(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value == value and abs(value) < 1e15:
        return round(value)
    if isinstance(value, str) and re.fullmatch(r"\s*\d+(\.\d+)?\s*", value):
        return round(float(value))
    return None


def _seconds(value: object) -> int | None:
    number = _as_int(value)
    if number is not None and number > MS_THRESHOLD:
        number = round(number // 1000)  # // is exact for a 400-digit integer; / overflows
    return number


def _insert_in_sample_order(claims: dict[str, Any], name: str, value: object) -> dict[str, Any]:
    """Add a claim where Zoom's sample has it, so the diff reads like the sample."""
    order = list(MEETING_CLAIMS)
    later = set(order[order.index(name) + 1 :]) if name in order else set()
    out: dict[str, Any] = {}
    for key, existing in claims.items():
        if key in later and name not in out:
            out[name] = value
        out[key] = existing
    out.setdefault(name, value)
    return out


class _Fixer:
    """Collects the changed claims and, per claim, the finding codes that asked for it."""

    def __init__(self, header: dict[str, Any], payload: dict[str, Any], key: str, now: int) -> None:
        self.header, self.payload, self.key, self.now = dict(header), dict(payload), key, now
        self.reasons: dict[str, list[str]] = {}
        self.notes: list[str] = []

    def set_claim(self, claim: str, value: object, code: str, part: str = "payload") -> None:
        target = self.header if part == "header" else self.payload
        if claim in target or part == "header":
            target[claim] = value
        else:
            target = _insert_in_sample_order(target, claim, value)
        self._store(part, target)
        self.reasons.setdefault(f"{part}.{claim}", []).append(code)

    def drop(self, claim: str, code: str) -> None:
        if claim in self.payload:
            del self.payload[claim]
            self.reasons.setdefault(f"payload.{claim}", []).append(code)

    def _store(self, part: str, target: dict[str, Any]) -> None:
        if part == "header":
            self.header = target
        else:
            self.payload = target

    def keys(self, codes: set[str]) -> None:
        for code in ("apikey-claim",):
            if code in codes:
                self.drop("apiKey", code)
                if "sdkKey" not in self.payload:
                    self.set_claim("sdkKey", self.key, code)
        if "appkey-missing" in codes or ("apikey-claim" in codes and "appKey" not in self.payload):
            self.set_claim("appKey", self.key, "appkey-missing")
        # Ours in both: a second, different key (key-mismatch), or one that is not text at all
        # (appKey: true), which the reproduction had to keep as their quirk.
        why = "key-mismatch" if "key-mismatch" in codes else "your key in place of theirs"
        for name in ("appKey", "sdkKey"):
            if name in self.payload and self.payload[name] != self.key:
                self.set_claim(name, self.key, why)

    def meeting(self, codes: set[str]) -> None:
        if "mn-role-pair" in codes:
            if "mn" in self.payload:
                self.set_claim("role", 0, "mn-role-pair")
                self.notes.append(
                    "The token had no role: role 0 (attendee) was added; use 1 to "
                    "start the meeting as host."
                )
            else:
                self.drop("role", "mn-role-pair")
                self.notes.append(
                    "The token had a role but no meeting number, which cannot be "
                    "guessed: the role was removed, making a native-SDK token. "
                    "For the web, make a token with the meeting number."
                )
        if "mn-format" in codes:
            mn = self.payload.get("mn")
            # \d also matches other scripts' digits (full-width １２３): write them as 0-9
            text = str(mn) if isinstance(mn, str | int) else ""
            digits = "".join(str(int(d)) for d in re.findall(r"\d", text))
            if not 9 <= len(digits) <= 11:
                raise FixError(
                    f"The meeting number {mn!r} cannot be repaired: it does not hold "
                    "9 to 11 digits. Make a new token with the right meeting number."
                )
            self.set_claim("mn", digits if not isinstance(mn, int) else int(digits), "mn-format")
        if "role-type" in codes and "role" in self.payload:
            self.set_claim("role", int(self.payload["role"]), "role-type")
        if "role-invalid" in codes and "role" in self.payload:
            role = self.payload.get("role")
            host = str(role).strip().lower() in ("host", "1", "1.0")
            self.set_claim("role", 1 if host else 0, "role-invalid")
            if not host:
                self.notes.append(
                    f"The role {role!r} was replaced by 0 (attendee); use 1 to "
                    "start the meeting as host."
                )
        if "webrtc-mode-invalid" in codes:
            mode = _as_int(self.payload.get("video_webrtc_mode"))
            if mode in (0, 1):
                self.set_claim("video_webrtc_mode", mode, "webrtc-mode-invalid")
            else:
                self.drop("video_webrtc_mode", "webrtc-mode-invalid")

    def header_fixes(self, codes: set[str]) -> None:
        if "alg-unsupported" in codes:
            self.set_claim("alg", "HS256", "alg-unsupported", "header")
        if "typ-unexpected" in codes:
            self.set_claim("typ", "JWT", "typ-unexpected", "header")

    def times(self, codes: set[str]) -> None:
        """Each time claim in whole seconds, then window and tokenExp as Zoom wants them."""
        p = self.payload
        for claim in ("iat", "exp", "tokenExp"):
            fixed = _seconds(p.get(claim))
            changed = claim in p and (type(p[claim]) is not int or fixed != p[claim])
            if fixed is not None and changed:
                was_ms = (_as_int(p[claim]) or 0) > MS_THRESHOLD
                self.set_claim(claim, fixed, "iat-milliseconds" if was_ms else "claim-type")
        iat, exp = _seconds(p.get("iat")), _seconds(p.get("exp"))
        window = exp - iat if iat is not None and exp is not None else None
        if window is None or not MIN_EXPIRY_S <= window <= MAX_EXPIRY_S:
            window = DEFAULT_EXPIRY_S
        fresh = sorted(codes & FRESH_TIME_CODES)
        if (
            iat is not None
            and not fresh
            and (iat > self.now or iat + window <= self.now + EXPIRES_SOON_S)
        ):
            fresh = ["expired"]  # keeping this iat would make a token that is dead on arrival
        if iat is None or fresh:
            iat = self.now - DEFAULT_BACKDATE_S
            self.set_claim("iat", iat, ", ".join(fresh) or "iat-missing")
        if exp is None or exp - iat != window or exp <= self.now + EXPIRES_SOON_S:
            why = sorted(codes & {"exp-missing", "exp-window-short", "exp-window-long"}) or fresh
            self.set_claim("exp", iat + window, ", ".join(why) or "follows the new iat")
            exp = iat + window
        token_exp = _seconds(p.get("tokenExp"))
        native = "mn" not in p and "role" not in p
        needs = "tokenExp" in p or native or (codes & {"tokenexp-short", "tokenexp-after-exp"})
        if needs and (token_exp is None or token_exp - iat < MIN_EXPIRY_S or token_exp > exp):
            why = sorted(codes & {"tokenexp-missing", "tokenexp-short", "tokenexp-after-exp"})
            self.set_claim("tokenExp", exp, ", ".join(why) or "kept equal to exp")


def _legacy_fresh(
    theirs: Inspection, key: str, secret: str, now: int
) -> tuple[dict[str, Any], str, list[str]]:
    payload = theirs.payload or {}
    role = _as_int(payload.get("role"))
    try:
        req = TokenRequest(
            key=key, meeting_number=str(payload.get("mn", "")), role=role if role in (0, 1) else 0
        )
        claims = build_payload(req, now)
    except TokenError as exc:
        raise FixError(f"A new token cannot be made from this old signature: {exc}") from exc
    notes = [
        "Theirs is an old pre-2022 signature: a new Meeting SDK token was made from what it "
        "holds (meeting number and role), with Zoom's default 2 h expiry. Their side needs "
        "a Meeting SDK app's Client ID and Secret instead of the JWT-app key."
    ]
    return claims, sign(claims, secret), notes


def fix_all(
    text: str,
    key: str,
    secret: str,
    now: float | None = None,
    their_now: float | None = None,
) -> FixResult:
    """The fixed token, signed with ``key``/``secret``; raises FixError when none can be made."""
    moment = int(time.time() if now is None else now)
    try:
        repro = reproduce(text, key, secret, now=moment, their_now=their_now)
    except ReproduceError as exc:
        raise FixError(str(exc)) from exc
    theirs = repro.theirs
    if theirs.kind == "video":
        raise FixError(
            "This is a Video SDK token: it has no meeting number, so no Meeting SDK token can be "
            "made from it. Make a new signature with a Meeting SDK app's Client ID and Secret "
            "and the meeting number (Make tab, or zoomsig token --meeting …)."
        )
    if theirs.kind == "legacy":
        payload, token, notes = _legacy_fresh(theirs, key, secret, moment)
        header, fresh = dict(HEADER), True
        reasons = {
            f"{part}.{name}": "made anew (legacy-signature)"
            for part, claims in (
                ("header", header),
                ("payload", {**(theirs.payload or {}), **payload}),
            )
            for name in claims
        }
    else:
        codes = {f.code for f in theirs.findings if f.severity != INFO} | {
            f.code for f in theirs.findings if f.code == "tokenexp-missing" and f.severity == ERROR
        }
        fixer = _Fixer(repro.header or dict(HEADER), repro.payload, key, moment)
        fixer.header_fixes(codes)
        fixer.keys(codes)
        fixer.meeting(codes)
        fixer.times(codes)
        header, payload, notes, fresh = fixer.header, fixer.payload, fixer.notes, False
        reasons = {k: _reason_text(v) for k, v in fixer.reasons.items()}
        token = sign(payload, secret, header)  # base64url always: fixes not-base64url
        if "not-base64url" in codes:
            notes.append("Encoded with base64url (- and _, no = padding), as JWT libraries do.")
    if not fresh:
        for name, why in _repro_reasons(repro.rows).items():
            reasons.setdefault(name, why)
    check = inspect(token, secret=secret, now=moment, expected_key=key)
    if check.errors:
        left = ", ".join(f.code for f in check.errors)
        raise FixError(f"The fixes still leave problems Zoom would reject ({left}).")
    left_alone = sorted(
        {f.code for f in theirs.findings if f.severity == INFO}
        - {"signature-unchecked", "tokenexp-missing", "native-token"}
    )
    if left_alone and not fresh:
        notes.append("Left as they are (Zoom accepts them): " + ", ".join(left_alone) + ".")
    rows = diff_rows(
        theirs.header, theirs.payload or {}, check.header, check.payload or {}, reasons
    )
    return FixResult(theirs, check, token, header, payload, rows, tuple(notes), fresh)


def _reason_text(codes: list[str]) -> str:
    plain = [c for c in codes if " " in c]  # "kept equal to exp" rather than a code
    fixed = [c for c in codes if " " not in c]
    return "; ".join(([f"fixes {', '.join(fixed)}"] if fixed else []) + plain)


def _repro_reasons(rows: tuple[DiffRow, ...]) -> dict[str, str]:
    return {f"{r.part}.{r.claim}": r.why for r in rows if r.why}
