"""The endpoint check from end to end: gather the answers, read them, sum them up."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import replace

from zoomsig_gui.core.endpoint import findings as found
from zoomsig_gui.core.endpoint.analysis import Reading, first_error, read_all
from zoomsig_gui.core.endpoint.client import Cancel, Gathered, Progress, gather
from zoomsig_gui.core.endpoint.request import EndpointRequest, validate
from zoomsig_gui.core.endpoint.result import EndpointFinding, EndpointResult, SampleRow, Spread
from zoomsig_gui.core.endpoint.summary import summary_sentence
from zoomsig_gui.core.inspection.rules import ERROR, INFO, WARNING


def run_check(
    req: EndpointRequest,
    secret: str | None = None,
    key: str | None = None,
    clock: Callable[[], float] = time.time,
    cancel: Cancel = None,
    progress: Progress = None,
) -> EndpointResult:
    """Raises EndpointInputError for a request it cannot send; never for an answer."""
    validate(req)
    return analyse(req, gather(req, clock, cancel, progress), secret, key)


def _spread(values: list[float]) -> Spread | None:
    if not values:
        return None
    return Spread(round(min(values)), round(statistics.median(values)), round(max(values)))


def _row(reading: Reading) -> SampleRow:
    answer = reading.answer
    return SampleRow(
        answer.index,
        answer.status,
        round(answer.elapsed_s * 1000),
        None if reading.iat_offset_s is None else round(reading.iat_offset_s),
        None if reading.date_offset_s is None else round(reading.date_offset_s),
        reading.encoding,
        reading.usable,
        "" if reading.usable else first_error(reading),
        tuple(f.code for f in reading.inspection.findings) if reading.inspection else (),
        answer.redirects,
    )


def _ordered(items: list[EndpointFinding]) -> tuple[EndpointFinding, ...]:
    rank = {ERROR: 0, WARNING: 1, INFO: 2}
    return tuple(sorted(items, key=lambda f: rank[f.severity]))  # stable: endpoint-* first


def analyse(
    req: EndpointRequest, gathered: Gathered, secret: str | None = None, key: str | None = None
) -> EndpointResult:
    readings = read_all(req, gathered, secret, key)
    allowed, cors_findings = found.cors(readings, gathered.preflight, req)
    items = (
        found.unreachable(readings)
        + found.http_error(readings)
        + found.no_signature(readings)
        + cors_findings
        + found.ignored_meeting(readings)
        + found.encoding(readings)
        + found.clock(readings)
        + found.slow(readings)
        + found.inspector(readings)
    )
    result = EndpointResult(
        url=req.url,
        asked=None if req.native else {"mn": req.meeting_number, "role": req.role},
        samples=len(readings),
        answered=sum(r.answer.status is not None for r in readings),
        usable=sum(r.usable for r in readings),
        origin=req.origin.rstrip("/"),
        cors_allowed=allowed,
        iat_offset_s=_spread([r.iat_offset_s for r in readings if r.iat_offset_s is not None]),
        date_offset_s=_spread([r.date_offset_s for r in readings if r.date_offset_s is not None]),
        findings=_ordered(items),
        rows=tuple(_row(r) for r in readings),
        summary="",
        stopped=gathered.stopped,
        signature_checked=bool(secret),
    )
    return replace(result, summary=summary_sentence(result, req.samples))
