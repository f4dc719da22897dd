"""Read every answer of an endpoint check: find its token, inspect it, measure its clock.

Nothing an endpoint sends may make this raise: bodies are capped by the client, parsed
defensively here, and every token goes through the inspector, which never raises.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass

from zoomsig_gui.core.endpoint.client import Answer, Gathered
from zoomsig_gui.core.endpoint.request import EndpointRequest
from zoomsig_gui.core.inspection.inspector import Inspection, inspect
from zoomsig_gui.core.inspection.rules import ERROR, FUTURE_TOLERANCE_S, MS_THRESHOLD

# A whole body that is one JWT (some backends answer the token as text/plain).
_BARE_JWT = re.compile(r"[A-Za-z0-9_\-+/=]+\.[A-Za-z0-9_\-+/=]+\.[A-Za-z0-9_\-+/=]*")
TOKEN_FIELDS = ("signature", "token")
MAX_TOKEN = 16_000  # a signature is ~300 characters; anything this long is not one
_NOT_JSON = object()


@dataclass(frozen=True)
class Reading:
    """One answer, read: where its token was, what the inspector said, its clock."""

    answer: Answer
    token: str | None = None
    fields_seen: tuple[str, ...] = ()
    json_body: bool = False
    inspection: Inspection | None = None
    iat_offset_s: float | None = None
    date_offset_s: float | None = None
    ignored_meeting: str | None = None  # why the token is not for the meeting asked for

    @property
    def ok_status(self) -> bool:
        return self.answer.status is not None and 200 <= self.answer.status < 300

    @property
    def clock_ahead(self) -> bool:
        return self.iat_offset_s is not None and self.iat_ahead_s > FUTURE_TOLERANCE_S

    @property
    def iat_ahead_s(self) -> float:
        # As the inspector counts it: iat against the whole second the answer came in.
        payload = self.inspection.payload if self.inspection else None
        iat = (payload or {}).get("iat", 0)
        return float(iat) - int(self.answer.received_at) if isinstance(iat, int) else 0.0

    @property
    def encoding(self) -> str:
        parts = (self.token or "").split(".")
        if self.inspection is None or len(parts) != 3:
            return ""
        if any("=" in p for p in parts):
            return "standard base64 with = padding"
        if any(re.search(r"[+/]", p) for p in parts):
            return "standard base64"
        return "base64url"

    @property
    def usable(self) -> bool:
        return (
            self.ok_status
            and self.inspection is not None
            and self.inspection.usable
            and self.ignored_meeting is None
        )


def _json(text: str) -> object:
    try:
        return json.loads(text)
    except (ValueError, RecursionError, MemoryError):
        return _NOT_JSON


def _shown_name(name: object) -> str:
    text = str(name)
    return text if len(text) <= 40 else text[:39] + "…"


def find_token(body: bytes) -> tuple[str | None, tuple[str, ...], bool]:
    """(token, the JSON fields seen, whether the body is JSON) for any body."""
    text = body.decode("utf-8", errors="replace").strip()
    data = _json(text) if text[:1] in '{["' and text else _NOT_JSON
    if isinstance(data, dict):
        for name in TOKEN_FIELDS:
            value = data.get(name)
            if isinstance(value, str) and value.strip():
                return value.strip()[:MAX_TOKEN], (), True
        return None, tuple(_shown_name(k) for k in list(data)[:8]), True
    if isinstance(data, str):
        text = data.strip()
    if len(text) <= MAX_TOKEN and _BARE_JWT.fullmatch(text):
        return text, (), data is not _NOT_JSON
    return None, (), data is not _NOT_JSON


def _safe_inspect(token: str, secret: str | None, now: float, key: str | None) -> Inspection | None:
    try:
        return inspect(token, secret=secret, now=now, expected_key=key)
    except (RecursionError, MemoryError, ValueError):
        # The inspector promises not to raise; a token it chokes on is still no signature.
        return None


def _offset(value: object, reference: float) -> float | None:
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) < MS_THRESHOLD:
        return value - reference
    return None


def _ignored(req: EndpointRequest, report: Inspection) -> str | None:
    """Why the token is not for the meeting and role asked for (None when it is)."""
    if req.native or report.payload is None:
        return None
    payload = report.payload
    if "mn" not in payload and "role" not in payload:
        return "the token has no mn and no role (a native token)"
    out = []
    mn = payload.get("mn")
    if str(mn).replace(" ", "") != req.meeting_number:
        out.append(f"mn is {json.dumps(mn)[:40]} instead of {req.meeting_number}")
    role = payload.get("role")
    if str(role) != str(req.role):
        out.append(f"role is {json.dumps(role)[:20]} instead of {req.role}")
    return "; ".join(out) or None


def read_answer(
    req: EndpointRequest, answer: Answer, secret: str | None, key: str | None
) -> Reading:
    if answer.status is None or not 200 <= answer.status < 300:
        return Reading(answer)
    token, seen, is_json = find_token(answer.body)
    # iat and Date are whole seconds: compare them with the whole second the answer came in.
    second = math.floor(answer.received_at)
    date = None if answer.date is None else answer.date - second
    if token is None:
        return Reading(answer, None, seen, is_json, date_offset_s=date)
    report = _safe_inspect(token, secret, answer.received_at, key)
    if report is None or report.payload is None:
        return Reading(answer, token, seen, is_json, report, None, date)
    return Reading(
        answer,
        token,
        seen,
        is_json,
        report,
        _offset(report.payload.get("iat"), second),
        date,
        _ignored(req, report),
    )


def read_all(
    req: EndpointRequest, gathered: Gathered, secret: str | None = None, key: str | None = None
) -> list[Reading]:
    return [read_answer(req, a, secret, key) for a in gathered.answers]


def first_error(reading: Reading) -> str:
    """The first reason this answer gives no usable token, short, for the samples table."""
    answer = reading.answer
    if answer.failure is not None:
        return answer.failure.text
    if not reading.ok_status:
        return f"HTTP {answer.status}"
    if reading.inspection is None:
        return "no signature in the answer"
    if reading.ignored_meeting:
        return "not for the meeting asked for"
    errors = [f.code for f in reading.inspection.findings if f.severity == ERROR]
    return errors[0] if errors else ""
