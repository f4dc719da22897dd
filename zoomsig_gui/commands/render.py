"""The terminal report of an inspection: decoded claims with dates, findings, verdict."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, TextIO

from zoomsig_gui.core.inspection.claims import claim_rows
from zoomsig_gui.core.inspection.inspector import KIND_TEXT, Inspection
from zoomsig_gui.core.inspection.verdict import signature_applies, signature_words, verdict

if TYPE_CHECKING:
    from zoomsig_gui.core.endpoint.result import EndpointFinding
    from zoomsig_gui.core.inspection.rules import Finding

ICONS = {"error": "✖", "warning": "⚠", "info": "ℹ"}
COLOURS = {"error": "31", "warning": "33", "info": "36", "ok": "32", "dim": "2", "bold": "1"}


def use_colour(stream: TextIO) -> bool:
    return stream.isatty() and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"


class Painter:
    def __init__(self, on: bool) -> None:
        self.on = on

    def __call__(self, style: str, text: str) -> str:
        return f"\033[{COLOURS[style]}m{text}\033[0m" if self.on else text


def finding_lines(item: Finding | EndpointFinding, paint: Painter, count: str = "") -> list[str]:
    """A finding as the terminal shows it; ``count`` ("3 of 10") for findings across answers."""
    where = f" [{item.claim}]" if item.claim else ""
    code = f" (Zoom error {item.sdk_error})" if item.sdk_error else ""
    head = f"  {ICONS[item.severity]} {item.severity} {item.code}{where}{count}{code}"
    return [paint(item.severity, head), f"      {item.message}", f"      What to do: {item.fix}"]


def render(inspection: Inspection, stream: TextIO | None = None) -> None:
    out = stream or sys.stdout
    paint = Painter(use_colour(out))
    lines = [paint("bold", f"What this is: {KIND_TEXT[inspection.kind]}")]
    if inspection.signature_valid is not None:
        style = "ok" if inspection.signature_valid else "error"
        lines.append("Signature:    " + paint(style, signature_words(inspection)))
    elif signature_applies(inspection):
        lines.append("Signature:    not checked (no secret given)")
    for title, claims in (("Header", inspection.header), ("Payload", inspection.payload)):
        if claims is None:
            continue
        lines.append("")
        lines.append(paint("bold", title))
        rows = claim_rows(claims, inspection.now)
        width = max((len(r.name) for r in rows), default=0)
        for row in rows:
            reading = f"  {row.reading}" if row.reading else ""
            lines.append(
                f"  {row.name.ljust(width)}  {row.value}{reading}  "
                + paint("dim", f"({row.meaning})")
            )
    lines.append("")
    lines.append(paint("bold", "Findings"))
    if not inspection.findings:
        lines.append("  none")
    for item in inspection.findings:
        lines += finding_lines(item, paint)
    lines.append("")
    state, sentence = verdict(inspection)
    lines.append(paint(state, sentence))
    out.write("\n".join(lines) + "\n")
