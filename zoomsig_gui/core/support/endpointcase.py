"""The endpoint check's part of a case report: what the samples showed, with no token, no
header value and no secret; the URL without its query string or user name."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from zoomsig_gui.core.endpoint.result import EndpointResult
from zoomsig_gui.core.support.casereport import REDACTED, scrub_secret

# What of the endpoint check's JSON a report keeps; anything else is left out.
KEPT = (
    "url",
    "asked",
    "samples",
    "answered",
    "usable",
    "cors",
    "iat_offset_s",
    "date_offset_s",
    "findings",
    "summary",
    "stopped",
    "answers",
)
FINDING_KEYS = ("code", "severity", "count", "of", "message", "fix", "claim", "sdk_error")


class EndpointCaseError(ValueError):
    """The JSON given is not an endpoint check's result."""


def safe_url(url: str) -> str:
    """The endpoint's address without what may be a credential (user:password@, ?key=…)."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.port:
        host += f":{parts.port}"
    query = REDACTED if parts.query else ""
    return urlunsplit((parts.scheme, host, parts.path, query, ""))


def endpoint_part(data: object, secret: str | None = None) -> dict[str, Any]:
    """The report's endpoint section from a result or its JSON (`zoomsig endpoint --json`)."""
    if isinstance(data, EndpointResult):
        data = data.to_dict()
    if not isinstance(data, dict) or not isinstance(data.get("url"), str):
        raise EndpointCaseError("This is not the JSON of an endpoint check (no url).")
    if not isinstance(data.get("findings"), list) or not isinstance(data.get("summary"), str):
        raise EndpointCaseError("This is not the JSON of an endpoint check (no findings).")
    out: dict[str, Any] = {key: data.get(key) for key in KEPT}
    out["url"] = safe_url(data["url"])
    out["findings"] = [
        {key: f.get(key) for key in FINDING_KEYS} for f in data["findings"] if isinstance(f, dict)
    ]
    if not isinstance(out["answers"], list):
        out["answers"] = []
    scrubbed: dict[str, Any] = scrub_secret(out, secret)
    return scrubbed


def _cell(value: object) -> str:
    return "" if value is None else str(value).replace("|", "\\|")


def endpoint_markdown(part: dict[str, Any]) -> list[str]:
    lines = ["", "## Signature endpoint", "", str(part["summary"]), ""]
    lines.append(f"- Endpoint: {part['url']}")
    asked = part.get("asked")
    if isinstance(asked, dict):
        lines.append(f"- Asked for: meeting {asked.get('mn')}, role {asked.get('role')}")
    cors = part.get("cors") or {}
    if isinstance(cors, dict):
        lines.append(f"- Page origin: {cors.get('origin')}, allowed: {cors.get('allowed')}")
    lines.append(
        f"- Samples: {part.get('samples')}, answered: {part.get('answered')}, "
        f"usable: {part.get('usable')}"
    )
    answers = [a for a in part.get("answers") or [] if isinstance(a, dict)]
    if answers:
        lines += [
            "",
            "| # | status | time | iat offset | encoding | usable |",
            "|---|---|---|---|---|---|",
        ]
        for a in answers:
            usable = "yes" if a.get("usable") else f"no: {_cell(a.get('problem'))}"
            lines.append(
                f"| {_cell(a.get('sample'))} | {_cell(a.get('status'))} | "
                f"{_cell(a.get('elapsed_ms'))} ms | {_cell(a.get('iat_offset_s'))} | "
                f"{_cell(a.get('encoding'))} | {usable} |"
            )
    lines += ["", "### Findings across the answers", ""]
    if not part["findings"]:
        lines.append("None.")
    for f in part["findings"]:
        code = f" (Zoom error {f['sdk_error']})" if f.get("sdk_error") else ""
        lines.append(
            f"- **{f.get('severity')}** `{f.get('code')}` in {f.get('count')} of {f.get('of')}"
            f"{code}: {f.get('message')}"
        )
        lines.append(f"  - Fix: {f.get('fix')}")
    return lines


def endpoint_report(
    part: dict[str, Any], zoomsig_version: str, generated_at: str, fmt: str = "md"
) -> str:
    """A case report of an endpoint check alone (no token pasted)."""
    if fmt == "json":
        body = {"zoomsig_version": zoomsig_version, "generated_at": generated_at, "endpoint": part}
        return json.dumps(body, indent=2, ensure_ascii=False) + "\n"
    head = [
        "# Zoom Meeting SDK signature endpoint: case report",
        "",
        f"- zoomsig version: {zoomsig_version}",
        f"- Generated: {generated_at}",
    ]
    return "\n".join(head + endpoint_markdown(part)) + "\n"
