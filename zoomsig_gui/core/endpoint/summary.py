"""The one sentence a support person pastes into a ticket, first in every report."""

from __future__ import annotations

from zoomsig_gui.core.endpoint.result import EndpointFinding, EndpointResult
from zoomsig_gui.core.inspection.rules import ERROR, WARNING

# The inspector's own codes that an endpoint-* finding already says better.
_SAID_BY_ENDPOINT = {"not-base64url", "iat-future", "native-token"}
STOPPED = {
    "interrupted": "stopped with Ctrl+C",
    "cancelled": "cancelled",
    "no-answer": "stopped: the endpoint does not answer",
    "time-limit": "stopped at the time limit",
}


def _k(f: EndpointFinding) -> str:
    return f"{f.count} of {f.of}"


def _cause(f: EndpointFinding, result: EndpointResult) -> str:
    k = _k(f)
    match f.code:
        case "endpoint-unreachable":
            return f"no answer in {k} samples"
        case "endpoint-http-error":
            return f"an HTTP error in {k} answers"
        case "endpoint-no-signature":
            return f"no signature in {k} answers"
        case "endpoint-cors-blocked":
            return f"a browser page at {result.origin} cannot read the answers (CORS)"
        case "endpoint-ignored-meeting":
            return f"the endpoint ignores the meeting asked for in {k} (a native token)"
        case "endpoint-encoding-intermittent":
            if "with = padding" in f.message:
                return f"the endpoint encodes with standard base64 and = padding ({k} tokens)"
            return (
                f"the endpoint encodes with standard base64, so {k} tokens carry + or / and fail "
                "(it “works after retrying”)"
            )
        case "endpoint-clock-ahead":
            return f"the signing server's clock runs ahead in {k}"
        case "appkey-missing":
            return f"appKey missing in {k}"
        case "signature-mismatch":
            return f"{k} signed with another secret"
        case "expired":
            return f"already expired in {k}"
        case "malformed":
            return f"no readable token in {k}"
    return f"{f.code} in {k}"


def summary_sentence(result: EndpointResult, asked: int) -> str:
    n = result.samples
    stop = f" ({STOPPED[result.stopped]} after {n} of {asked} samples)" if result.stopped else ""
    if n == 0:
        return f"No sample was taken{stop}."
    if result.unreachable:
        item = next(f for f in result.findings if f.code == "endpoint-unreachable")
        detail = item.message.split(": ", 1)[-1].rstrip(".")
        return f"The endpoint could not be reached in any of {n} samples: {detail}{stop}."
    errors = [f for f in result.findings if f.severity == ERROR and f.code not in _SAID_BY_ENDPOINT]
    cors = [f for f in errors if f.code == "endpoint-cors-blocked"]
    rest = [f for f in errors if f.code != "endpoint-cors-blocked"]
    rejected = n - result.usable
    if rejected:
        causes = "; ".join(_cause(f, result) for f in rest[:3]) or "see the findings"
        sentence = f"{rejected} of {n} answers would be rejected: {causes}"
        if cors:
            sentence += f"; and {_cause(cors[0], result)}"
        return sentence + stop + "."
    if cors:
        return f"All {n} tokens are usable, but {_cause(cors[0], result)}{stop}."
    warnings = [
        f for f in result.findings if f.severity == WARNING and f.code.startswith("endpoint-")
    ]
    notes = "".join(f"; but {_warning(f, result)}" for f in warnings[:2])
    checked = ", signed with the given secret" if result.signature_checked else ""
    return f"All {n} answers give a usable token{checked}{notes}{stop}."


def _warning(f: EndpointFinding, result: EndpointResult) -> str:
    if f.code == "endpoint-clock-spread" and result.iat_offset_s is not None:
        spread = result.iat_offset_s.max - result.iat_offset_s.min
        return f"the signing servers' clocks differ by up to {spread} s"
    if f.code == "endpoint-slow":
        return "the endpoint is slow"
    return f.code
