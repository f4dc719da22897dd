"""What the endpoint check found, and its JSON (the findings contract, docs/findings.md)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from zoomsig_gui.core.inspection.rules import ERROR


@dataclass(frozen=True)
class EndpointFinding:
    code: str
    severity: str
    count: int  # answers that had it
    of: int  # answers it was looked for in
    message: str
    fix: str
    claim: str | None = None
    sdk_error: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "severity": self.severity,
            "count": self.count,
            "of": self.of,
            "message": self.message,
            "fix": self.fix,
            "claim": self.claim,
            "sdk_error": self.sdk_error,
        }


@dataclass(frozen=True)
class SampleRow:
    """One answer as the table shows it. Never the token itself: reports must not hold it."""

    index: int
    status: int | None
    elapsed_ms: int
    iat_offset_s: int | None  # iat − true time when the answer came
    date_offset_s: int | None  # the Date header − true time
    encoding: str  # base64url, standard base64, standard base64 with = padding, or ""
    usable: bool
    problem: str  # the first reason it is not usable, in words ("" when usable)
    codes: tuple[str, ...] = ()
    redirects: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "sample": self.index + 1,
            "status": self.status,
            "elapsed_ms": self.elapsed_ms,
            "iat_offset_s": self.iat_offset_s,
            "date_offset_s": self.date_offset_s,
            "encoding": self.encoding or None,
            "usable": self.usable,
            "problem": self.problem or None,
            "codes": list(self.codes),
            "redirects": list(self.redirects),
        }


@dataclass(frozen=True)
class Spread:
    min: int
    median: int
    max: int

    def to_dict(self) -> dict[str, Any]:
        return {"min": self.min, "median": self.median, "max": self.max}


@dataclass(frozen=True)
class EndpointResult:
    url: str
    asked: dict[str, Any] | None  # {"mn", "role"}; None when a native token was asked for
    samples: int  # samples taken
    answered: int  # samples with an HTTP answer (any status)
    usable: int  # answers that give a usable token
    origin: str
    cors_allowed: bool | None  # None: nothing answered to tell
    iat_offset_s: Spread | None
    date_offset_s: Spread | None
    findings: tuple[EndpointFinding, ...]
    rows: tuple[SampleRow, ...]
    summary: str  # one sentence to paste into a ticket
    stopped: str | None = None  # interrupted, cancelled, no-answer, time-limit
    signature_checked: bool = False

    @property
    def errors(self) -> list[EndpointFinding]:
        return [f for f in self.findings if f.severity == ERROR]

    @property
    def unreachable(self) -> bool:
        return self.samples > 0 and self.answered == 0

    def exit_status(self) -> int:
        """0 every answer usable and no error; 1 an error; 3 unreachable for every sample."""
        if self.unreachable:
            return 3
        if self.errors or self.usable < self.samples or self.samples == 0:
            return 1
        return 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "url": self.url,
            "asked": self.asked,
            "samples": self.samples,
            "answered": self.answered,
            "usable": self.usable,
            "cors": {"origin": self.origin, "allowed": self.cors_allowed},
            "iat_offset_s": self.iat_offset_s.to_dict() if self.iat_offset_s else None,
            "findings": [f.to_dict() for f in self.findings],
            "summary": self.summary,
            "date_offset_s": self.date_offset_s.to_dict() if self.date_offset_s else None,
            "stopped": self.stopped,
            "answers": [row.to_dict() for row in self.rows],
        }
