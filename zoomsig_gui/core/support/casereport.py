"""Case report for a support ticket, in Markdown and JSON: everything but the secrets.

The signature segment is replaced by ``<redacted>``; a secret never appears (it is used once
to check the signature and then scrubbed from anything the customer put in claims). The full
token is added only when asked for, with a line saying what that exposes.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from typing import Any, overload

from zoomsig_gui import __version__
from zoomsig_gui.core.inspection.claims import claim_rows
from zoomsig_gui.core.inspection.inspector import KIND_TEXT, Inspection, inspect
from zoomsig_gui.core.inspection.rules import MS_THRESHOLD, Finding
from zoomsig_gui.core.inspection.verdict import case_verdict
from zoomsig_gui.core.timefmt import utc_text, when_text

REDACTED = "<redacted>"
SECRET_REDACTED = "<redacted secret>"
ROLE_TEXT = {0: "an attendee", 1: "the host"}


@dataclass(frozen=True)
class ClockNote:
    """The last clock check: where it came from and how far the local clock was off."""

    source: str
    offset_s: float  # true − local
    measured_at: float

    def text(self) -> str:
        ahead = "behind" if self.offset_s > 0 else "ahead"
        return (
            f"{self.source} at {when_text(self.measured_at)}: local clock "
            f"{abs(self.offset_s):.3f} s {ahead} of true time"
        )


@dataclass(frozen=True)
class JoinNote:
    """What happened when the join page tried the token."""

    ok: bool
    message: str
    code: int | None = None

    def text(self) -> str:
        code = f" (error {self.code})" if self.code is not None else ""
        return (
            ("joined" if self.ok else "failed")
            + code
            + (f": {self.message}" if self.message else "")
        )


# Whose secret the signature was checked with: the two jobs of a support person kept apart.
THEIR_SECRET = "the customer's secret (typed in for this session, not saved)"


def saved_credentials(name: str) -> str:
    return f"the secret of the saved credentials “{name}”"


@dataclass(frozen=True)
class Case:
    """A report built once; render it with or without the token. Holds no secret."""

    inspection: Inspection
    header: dict[str, Any] | None
    payload: dict[str, Any] | None
    findings: tuple[Finding, ...]
    made_at: float
    sdk_version: str | None = None
    clock: ClockNote | None = None
    join: JoinNote | None = None
    zoomsig_version: str = __version__
    notes: tuple[str, ...] = field(default_factory=tuple)
    endpoint: dict[str, Any] | None = None  # an endpoint check's part (support/endpointcase.py)
    # What was done with it: whose secret checked the signature ("" for none: THEIR_SECRET
    # or saved_credentials(name)), and which of our saved credentials re-made it ("": none).
    checked_with: str = ""
    reproduced_with: str = ""


# The same shape comes back: text stays text, claims stay claims.
@overload
def scrub_secret(value: str, secret: str | None) -> str: ...
@overload
def scrub_secret(value: dict[str, Any], secret: str | None) -> dict[str, Any]: ...
@overload
def scrub_secret(value: object, secret: str | None) -> object: ...
def scrub_secret(value: object, secret: str | None) -> object:
    """Replace the secret wherever a customer may have put it (claims, messages)."""
    if not secret:
        return value
    if isinstance(value, str):
        return value.replace(secret, SECRET_REDACTED)
    if isinstance(value, dict):
        return {scrub_secret(k, secret): scrub_secret(v, secret) for k, v in value.items()}
    if isinstance(value, list):
        return [scrub_secret(v, secret) for v in value]
    return value


def build_case(
    text: str,
    secret: str | None = None,
    now: float | None = None,
    expected_key: str | None = None,
    sdk_version: str | None = None,
    clock: ClockNote | None = None,
    join: JoinNote | None = None,
    checked_with: str = "",
    reproduced_with: str = "",
) -> Case:
    """``secret`` checks the signature and must be the one the token was made with (the
    customer's, or saved credentials of the same app): never ours when reproducing, which
    would only report that our secret is not theirs. ``checked_with`` says whose it is."""
    inspection = inspect(text, secret=secret, now=now, expected_key=expected_key)
    findings = tuple(
        Finding(
            f.code,
            f.severity,
            str(scrub_secret(f.message, secret)),
            str(scrub_secret(f.fix, secret)),
            f.claim,
            f.sdk_error,
        )
        for f in inspection.findings
    )
    header = scrub_secret(inspection.header, secret) if inspection.header is not None else None
    payload = scrub_secret(inspection.payload, secret) if inspection.payload is not None else None
    notes: tuple[str, ...] = ()
    if secret and (
        secret in json.dumps(inspection.payload) or secret in json.dumps(inspection.header)
    ):
        notes = (
            "The token's claims contained the secret itself; it was replaced by "
            f"{SECRET_REDACTED}. Tell the customer to create a new secret.",
        )
    return Case(
        inspection,
        header,
        payload,
        findings,
        time.time(),
        sdk_version,
        clock,
        join,
        notes=notes,
        checked_with=checked_with if secret else "",
        reproduced_with=reproduced_with,
    )


def exposure_text(case: Case, included: bool = True) -> str:
    """What a reader of the full token can do with it, in plain words; ``included=False``
    words it as what adding the token would expose (it is not in the report yet)."""
    payload = case.inspection.payload or {}
    exp = payload.get("exp")
    until = ""
    if isinstance(exp, int) and not isinstance(exp, bool) and exp < MS_THRESHOLD:
        until = f" until it expires ({when_text(exp)})"
    role = payload.get("role")
    who = "a participant"
    if isinstance(role, int) and not isinstance(role, bool):
        who = ROLE_TEXT.get(role, who)
    mn = payload.get("mn")
    where = f"meeting {mn}" if mn is not None else "meetings of this app"
    if until and isinstance(exp, int) and exp <= case.inspection.now:
        gone = (
            f"It expired at {when_text(exp)}, so it no longer lets anyone join; it shows the "
            "claims and how it was made, never the secret."
        )
        if included:
            return f"This report contains the full token. {gone}"
        return f"The report is safe to share as it is. With the full token: {gone}"
    if included:
        return (
            f"This report contains the full token. Anyone who reads it can use it to join "
            f"{where} as {who}{until}. It does not reveal the secret. Share it only where "
            "you would share a password."
        )
    return (
        f"Without the full token, as now, the report is safe to share. With it, anyone who "
        f"reads the report could join {where} as {who}{until} (the secret is never "
        "included). Tick this only if the reader needs to try the token."
    )


def case_dict(case: Case, include_token: bool = False) -> dict[str, Any]:
    inspection = case.inspection
    out: dict[str, Any] = {
        "zoomsig_version": case.zoomsig_version,
        "sdk_version": case.sdk_version,
        "generated_at": utc_text(case.made_at),
        "now": inspection.now,
        "clock": None
        if case.clock is None
        else {
            "source": case.clock.source,
            "offset_s": case.clock.offset_s,
            "measured_at": case.clock.measured_at,
        },
        "kind": inspection.kind,
        "header": case.header,
        "payload": case.payload,
        "signature": REDACTED if inspection.token else None,
        "signature_valid": inspection.signature_valid,
        "signature_checked_with": case.checked_with or None,
        "reproduced_with": case.reproduced_with or None,
        "findings": [f.to_dict() for f in case.findings],
        "join_result": None
        if case.join is None
        else {"ok": case.join.ok, "code": case.join.code, "message": case.join.message},
        "notes": list(case.notes),
    }
    if case.endpoint is not None:
        out["endpoint"] = case.endpoint
    if include_token and inspection.token:
        out["token"] = inspection.token
        out["token_exposure"] = exposure_text(case)
    return out


def render_json(case: Case, include_token: bool = False) -> str:
    return json.dumps(case_dict(case, include_token), indent=2, ensure_ascii=False) + "\n"


def _signature_line(case: Case) -> str:
    inspection = case.inspection
    whose = case.checked_with or "the secret given"
    if inspection.signature_valid is True:
        return f"matches {whose}"
    if inspection.signature_valid is False:
        return f"does NOT match {whose}"
    return "not checked (no secret given)" if inspection.header else "not applicable"


def _reproduced_line(case: Case) -> str:
    if not case.reproduced_with:
        return "not reproduced"
    return (
        f"re-made with our saved credentials “{case.reproduced_with}” (their claims, our "
        "key and secret)"
    )


def _claims_table(claims: dict[str, Any], now: float, kind: str) -> list[str]:
    lines = ["| claim | value | reading |", "|---|---|---|"]
    for row in claim_rows(claims, now, kind):
        value = row.value.replace("|", "\\|")
        lines.append(f"| `{row.name}` | `{value}` | {row.reading or row.meaning} |")
    return lines


def render_markdown(case: Case, include_token: bool = False) -> str:
    inspection = case.inspection
    lines = [
        "# Zoom Meeting SDK signature: case report",
        "",
        f"- zoomsig version: {case.zoomsig_version}",
        f"- Meeting SDK version setting: {case.sdk_version or 'not set'}",
        f"- Last clock check: {case.clock.text() if case.clock else 'none'}",
        f"- Checked against: {when_text(inspection.now)}",
        f"- What it is: {KIND_TEXT[inspection.kind]}",
        f"- Signature: `{REDACTED}`, {_signature_line(case)}",
        f"- Reproduced: {_reproduced_line(case)}",
    ]
    for title, claims in (("Header", case.header), ("Payload", case.payload)):
        if claims is not None:
            lines += [
                "",
                f"## {title}",
                "",
                *_claims_table(claims, inspection.now, inspection.kind),
            ]
    lines += ["", "## Findings", ""]
    if not case.findings:
        lines.append("None: Zoom should accept this token.")
    for item in case.findings:
        where = f" [`{item.claim}`]" if item.claim else ""
        code = f" (Zoom error {item.sdk_error})" if item.sdk_error else ""
        lines.append(f"- **{item.severity}** `{item.code}`{where}{code}: {item.message}")
        lines.append(f"  - Fix: {item.fix}")
    lines += ["", case_verdict(inspection)]
    if case.join is not None:
        lines += ["", "## Join result", "", case.join.text()]
    if case.notes:
        lines += ["", "## Notes", "", *[f"- {n}" for n in case.notes]]
    if case.endpoint is not None:
        from zoomsig_gui.core.support.endpointcase import endpoint_markdown

        lines += endpoint_markdown(case.endpoint)
    if include_token and inspection.token:
        lines += [
            "",
            "## Full token",
            "",
            f"> {exposure_text(case)}",
            "",
            "```",
            inspection.token,
            "```",
        ]
    return "\n".join(lines) + "\n"


def render(case: Case, fmt: str = "md", include_token: bool = False) -> str:
    if fmt == "json":
        return render_json(case, include_token)
    return render_markdown(case, include_token)
