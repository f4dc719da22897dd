"""The terminal report of an endpoint check: the sentence for the ticket, the samples, the
findings."""

from __future__ import annotations

import sys
from typing import TextIO

from zoomsig_gui.commands.render import Painter, finding_lines, use_colour
from zoomsig_gui.core.endpoint.result import EndpointResult
from zoomsig_gui.core.endpoint.table import COLUMNS, cells, redirect_notes


def _table(result: EndpointResult) -> list[str]:
    rows = [COLUMNS] + [cells(row) for row in result.rows]
    widths = [max(len(r[i]) for r in rows) for i in range(len(COLUMNS) - 1)]
    return [
        "  " + "  ".join(c.ljust(w) for c, w in zip(r, widths, strict=False)) + "  " + r[-1]
        for r in rows
    ]


def render_endpoint(result: EndpointResult, stream: TextIO | None = None) -> None:
    out = stream or sys.stdout
    paint = Painter(use_colour(out))
    style = "ok" if result.exit_status() == 0 else "error"
    lines = [paint(style, result.summary), ""]
    lines.append(paint("bold", f"Endpoint {result.url}"))
    asked = result.asked
    lines.append(
        "  asked for: "
        + (f"meeting {asked['mn']}, role {asked['role']}" if asked else "a native-SDK token")
        + f"; page origin {result.origin}"
    )
    if result.date_offset_s is not None:
        d = result.date_offset_s
        lines.append(f"  the server's Date header: {d.median:+d} s from the true time")
    lines += [f"  {note}" for note in redirect_notes(result.rows)]
    if result.rows:
        lines += ["", paint("bold", "Samples")] + _table(result)
    lines += ["", paint("bold", "Findings")]
    if not result.findings:
        lines.append("  none")
    for item in result.findings:
        lines += finding_lines(item, paint, f" ({item.count} of {item.of})")
    out.write("\n".join(lines) + "\n")
