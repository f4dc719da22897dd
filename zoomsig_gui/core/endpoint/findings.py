"""The endpoint-* findings across all answers, in the words of the findings contract.

Each finding says in how many answers it was seen ("3 of 10"); the inspector's findings for
the answers' tokens are gathered under their own codes the same way.
"""

from __future__ import annotations

import json
import re
import statistics
from collections import Counter

from zoomsig_gui.core.endpoint.analysis import Reading
from zoomsig_gui.core.endpoint.client import Preflight
from zoomsig_gui.core.endpoint.request import EndpointRequest
from zoomsig_gui.core.endpoint.result import EndpointFinding
from zoomsig_gui.core.inspection.rules import ERROR, INFO, INVALID, WARNING, Finding

SPREAD_LIMIT_S = 5
SLOW_S = 2.0
_FIXES = {
    "refused": "Check the URL and its port, and that the endpoint's server is running.",
    "name": "Check the host name in the URL.",
    "tls": "Trust the certificate authority that signed the endpoint's certificate (--ca FILE), "
    "or give the endpoint a certificate this computer trusts.",
    "timeout": "Check that the endpoint's server runs and is not stuck; a firewall that drops "
    "connections looks the same.",
}


def _f(
    code: str,
    severity: str,
    count: int,
    of: int,
    message: str,
    fix: str,
    claim: str | None = None,
    sdk_error: int | None = None,
) -> EndpointFinding:
    return EndpointFinding(code, severity, count, of, message, fix, claim, sdk_error)


def unreachable(readings: list[Reading]) -> list[EndpointFinding]:
    failures = [r.answer.failure for r in readings if r.answer.failure is not None]
    if not failures:
        return []
    kinds = Counter(f.kind for f in failures)
    texts = Counter(f.text for f in failures)
    which = "; ".join(f"{text} ({n})" if len(texts) > 1 else text for text, n in texts.items())
    kind = kinds.most_common(1)[0][0]
    return [
        _f(
            "endpoint-unreachable",
            ERROR,
            len(failures),
            len(readings),
            f"No answer from the endpoint in {len(failures)} of {len(readings)} samples: {which}.",
            _FIXES.get(kind, "Check the URL, and the endpoint server's log."),
        )
    ]


def _short_body(body: bytes) -> str:
    text = body[:4000].decode("utf-8", errors="replace")
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        data = None
    errors = data.get("errors") if isinstance(data, dict) else None
    if isinstance(errors, list):  # Zoom's sample: {"errors": [{"property", "reason"}]}
        said = [
            f"{e.get('property')}: {e.get('reason')}" for e in errors[:3] if isinstance(e, dict)
        ]
        if said:
            text = "; ".join(said)
    text = re.sub(r"[\x00-\x1f\x7f\s]+", " ", text).strip()
    return text[:120] + ("…" if len(text) > 120 else "")


def _http_fix(statuses: Counter[int]) -> str:
    status = statuses.most_common(1)[0][0]
    if status == 400:
        return (
            "The endpoint refused the request's fields: check what it expects (Zoom's sample "
            "wants meetingNumber as a string of digits and role 0 or 1)."
        )
    if status in (401, 403):
        return 'The endpoint wants credentials: add them with --header-env "Authorization=VAR".'
    if status in (404, 405):
        return (
            "Check the URL and the method: Zoom's sample answers POST / only; use --method GET "
            "for a backend built for GET."
        )
    if status >= 500:
        return (
            "The endpoint's server failed: its log says why. When only some answers fail, one "
            "server of a pool is often the broken one."
        )
    return "Check the endpoint server's log for why it answered so."


def http_error(readings: list[Reading]) -> list[EndpointFinding]:
    bad = [r for r in readings if r.answer.status is not None and not r.ok_status]
    if not bad:
        return []
    statuses = Counter(r.answer.status for r in bad if r.answer.status is not None)
    listed = ", ".join(
        f"HTTP {s}" + (f" ×{n}" if len(statuses) > 1 else "") for s, n in statuses.items()
    )
    body = _short_body(bad[0].answer.body)
    quoted = f": “{body}”" if body else ""
    answered = sum(r.answer.status is not None for r in readings)
    return [
        _f(
            "endpoint-http-error",
            ERROR,
            len(bad),
            answered,
            f"{len(bad)} of {answered} answers failed with {listed}{quoted}.",
            _http_fix(statuses),
        )
    ]


def no_signature(readings: list[Reading]) -> list[EndpointFinding]:
    ok = [r for r in readings if r.ok_status]
    missing = [r for r in ok if r.token is None]
    if not missing:
        return []
    seen = sorted({name for r in missing for name in r.fields_seen})
    if seen:
        what = "the JSON has the fields " + ", ".join(seen[:8])
    elif any(r.json_body for r in missing):
        what = "the answer is JSON without a signature or token field"
    else:
        kind = missing[0].answer.content_type or "no Content-Type"
        what = f"the answer is not JSON and not a token ({kind})"
    return [
        _f(
            "endpoint-no-signature",
            ERROR,
            len(missing),
            len(ok),
            f"{len(missing)} of {len(ok)} answers hold no signature: no JWT in a signature or "
            f"token field, nor as the whole answer; {what}.",
            'Answer {"signature": "<JWT>"} as Zoom\'s sample endpoint does.',
        )
    ]


def _allows(value: str | None, origin: str) -> bool:
    return value is not None and value.strip() in ("*", origin)


def _allowed_headers(preflight: Preflight, req: EndpointRequest) -> list[str]:
    """Headers the page would ask for that the preflight does not allow."""
    asked = req.preflight_headers().get("Access-Control-Request-Headers", "")
    allowed = {h.strip().lower() for h in (preflight.allow_headers or "").split(",")}
    if "*" in allowed:
        return []
    return [h for h in asked.split(",") if h and h not in allowed]


def cors(
    readings: list[Reading], preflight: Preflight | None, req: EndpointRequest
) -> tuple[bool | None, list[EndpointFinding]]:
    origin = req.origin.rstrip("/")
    answered = [r for r in readings if r.answer.status is not None]
    if not answered and (preflight is None or preflight.status is None):
        return None, []
    why = []
    if preflight is not None:
        if preflight.failure is not None:
            why.append(f"the preflight (OPTIONS) got no answer: {preflight.failure.text}")
        elif not 200 <= (preflight.status or 0) < 300:
            why.append(f"the preflight (OPTIONS) got HTTP {preflight.status}")
        elif not _allows(preflight.allow_origin, origin):
            why.append(_origin_words("the preflight (OPTIONS)", preflight.allow_origin))
        elif missing := _allowed_headers(preflight, req):
            why.append(f"the preflight does not allow the header {', '.join(missing)}")
    # A failed preflight stops the browser before any request: no answer can be read.
    blocked = answered if why else []
    unreadable = [r for r in answered if not _allows(r.answer.allow_origin, origin)]
    if unreadable:
        who = f"{len(unreadable)} of {len(answered)} answers"
        why.append(_origin_words(who, unreadable[0].answer.allow_origin))
    if not why:
        return True, []
    return False, [
        _f(
            "endpoint-cors-blocked",
            ERROR,
            len(blocked or unreadable),
            len(answered),
            f"A browser page at {origin} cannot read the signature: {'; '.join(why)}.",
            f"Let the page's origin in: answer Access-Control-Allow-Origin: {origin} (or *) on "
            "the answer and on the OPTIONS preflight, and allow the content-type header (Zoom's "
            "sample uses the cors package for this).",
        )
    ]


def _origin_words(who: str, value: str | None) -> str:
    if value is None:
        return f"{who}: no Access-Control-Allow-Origin header"
    return f"{who}: Access-Control-Allow-Origin allows only {value[:80]}"


def ignored_meeting(readings: list[Reading]) -> list[EndpointFinding]:
    inspected = [r for r in readings if r.inspection is not None]
    wrong = [r for r in inspected if r.ignored_meeting]
    if not wrong:
        return []
    return [
        _f(
            "endpoint-ignored-meeting",
            ERROR,
            len(wrong),
            len(inspected),
            f"In {len(wrong)} of {len(inspected)} answers the token is not for the meeting asked "
            f"for: {wrong[0].ignored_meeting}. An endpoint that does not read the request's "
            "body (Zoom's sample without Content-Type: application/json) signs a native token.",
            "Read meetingNumber and role from the request's JSON body and sign them as mn and "
            "role (express.json() reads a body only with Content-Type: application/json).",
            claim="mn",
            sdk_error=INVALID,
        )
    ]


def encoding(readings: list[Reading]) -> list[EndpointFinding]:
    inspected = [r for r in readings if r.encoding]
    bad = [r for r in inspected if r.encoding != "base64url"]
    if not bad:
        return []
    k, n = len(bad), len(inspected)
    if any("padding" in r.encoding for r in bad):
        how = (
            f"{k} of {n} tokens use standard base64 with = padding instead of base64url; Zoom "
            "rejects every one of them."
        )
    else:
        how = (
            f"{k} of {n} tokens use standard base64 (+ or /) instead of base64url. The endpoint "
            "encodes with standard base64 and drops the padding, so a token fails only when + "
            "or / happens to appear (about 3 in 4): that is what “it worked after retrying” "
            "looks like."
        )
    return [
        _f(
            "endpoint-encoding-intermittent",
            ERROR,
            k,
            n,
            how,
            "Encode each part with base64url (+ becomes -, / becomes _, no = padding), or let a "
            "JWT library (jsrsasign, jsonwebtoken, PyJWT) make the token.",
            sdk_error=INVALID,
        )
    ]


def clock(readings: list[Reading]) -> list[EndpointFinding]:
    timed = [r for r in readings if r.iat_offset_s is not None]
    if not timed:
        return []
    out = []
    ahead = [r for r in timed if r.clock_ahead]
    if ahead:
        most = max(r.iat_ahead_s for r in ahead)
        out.append(
            _f(
                "endpoint-clock-ahead",
                ERROR,
                len(ahead),
                len(timed),
                f"In {len(ahead)} of {len(timed)} answers iat lies after the true time (by up to "
                f"{most:.0f} s): the clock of the server that signs them runs ahead, so Zoom "
                "sees a token from the future and rejects it.",
                "Set the signing servers' clocks by NTP (chrony, systemd-timesyncd); as a "
                "stopgap, backdate iat by 30 s.",
                claim="iat",
                sdk_error=INVALID,
            )
        )
    offsets = [r.iat_offset_s for r in timed if r.iat_offset_s is not None]
    low, high = min(offsets), max(offsets)
    if high - low > SPREAD_LIMIT_S:
        # The clock nearest the true time is the reference; the others are "off".
        best = min(offsets, key=abs)
        off = sum(abs(o - best) > SPREAD_LIMIT_S for o in offsets)
        out.append(
            _f(
                "endpoint-clock-spread",
                WARNING,
                off,
                len(timed),
                f"The answers' iat differ from the true time by {low:+.0f} s to {high:+.0f} s "
                f"between samples ({off} of {len(timed)} away from the others): several servers "
                "with different clocks answer, as in a pool behind a load balancer.",
                "Set every server of the pool by NTP, and check each server's clock.",
                claim="iat",
            )
        )
    return out


def slow(readings: list[Reading]) -> list[EndpointFinding]:
    answered = [r for r in readings if r.answer.status is not None]
    if not answered:
        return []
    median = statistics.median(r.answer.elapsed_s for r in answered)
    if median <= SLOW_S:
        return []
    over = sum(r.answer.elapsed_s > SLOW_S for r in answered)
    return [
        _f(
            "endpoint-slow",
            WARNING,
            over,
            len(answered),
            f"The endpoint is slow: the median answer took {median:.1f} s ({over} of "
            f"{len(answered)} over {SLOW_S:.0f} s). The page waits that long before it can join.",
            "Look at what the endpoint does before signing (a cold start, a slow database or "
            "secret store); signing itself takes well under a millisecond.",
        )
    ]


def inspector(readings: list[Reading]) -> list[EndpointFinding]:
    """The inspector's findings, once per code, with the answers that had them."""
    inspected = [r.inspection for r in readings if r.inspection is not None]
    first: dict[str, Finding] = {}
    counts: Counter[str] = Counter()
    for report in inspected:
        for item in report.findings:
            first.setdefault(item.code, item)
            counts[item.code] += 1
    rank = {ERROR: 0, WARNING: 1, INFO: 2}
    items = sorted(first.values(), key=lambda f: (rank[f.severity], -counts[f.code]))
    return [
        EndpointFinding(
            f.code,
            f.severity,
            counts[f.code],
            len(inspected),
            f.message,
            f.fix,
            f.claim,
            f.sdk_error,
        )
        for f in items
    ]
