"""The samples table in words, the same in the terminal, the window and the case report."""

from __future__ import annotations

from zoomsig_gui.core.endpoint.result import SampleRow

COLUMNS = ("#", "status", "time", "iat offset", "encoding", "usable")


def _seconds(value: int | None) -> str:
    return "" if value is None else f"{value:+d} s"


def cells(row: SampleRow) -> tuple[str, ...]:
    status = "no answer" if row.status is None else str(row.status)
    if row.redirects:
        status += " (redirected)"
    usable = "yes" if row.usable else f"no: {row.problem}" if row.problem else "no"
    return (
        str(row.index + 1),
        status,
        f"{row.elapsed_ms} ms",
        _seconds(row.iat_offset_s),
        row.encoding,
        usable,
    )


def redirect_notes(rows: tuple[SampleRow, ...]) -> list[str]:
    """One line per distinct redirect chain: the browser follows them too, but says nothing."""
    chains = dict.fromkeys(" ; ".join(r.redirects) for r in rows if r.redirects)
    return [f"The endpoint redirects: {chain}." for chain in chains]
