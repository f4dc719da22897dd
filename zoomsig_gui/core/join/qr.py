"""A QR code of a join link (segno), for testers who open it on a phone."""

from __future__ import annotations

import io
from pathlib import Path

import segno

from zoomsig_gui.core.join.link import JoinLinkError

FORMATS = (".png", ".svg")


def _code(link: str) -> segno.QRCode:
    try:
        # Medium error correction: a photo of a screen still reads; micro codes are too small.
        return segno.make(link, error="m", micro=False)
    except segno.DataOverflowError as exc:
        raise JoinLinkError(
            "This link is too long for a QR code: leave out the ZAK or OBF token."
        ) from exc


def qr_png(link: str, scale: int = 5) -> bytes:
    """The code as PNG bytes (the window shows them)."""
    out = io.BytesIO()
    _code(link).save(out, kind="png", scale=scale, border=4)
    return out.getvalue()


def write_qr(link: str, path: Path) -> Path:
    """Write the code as PNG or SVG (by the name's ending); never over an existing file."""
    kind = path.suffix.lower()
    if kind not in FORMATS:
        raise JoinLinkError(f"Give a QR code file name ending in .png or .svg, not “{path.name}”.")
    if path.exists():
        raise JoinLinkError(
            f"{path} already exists: give a new file name (zoomsig never "
            "replaces a file it did not make)."
        )
    code = _code(link)
    try:
        with path.open("xb") as handle:
            code.save(handle, kind=kind.lstrip("."), scale=8, border=4)
    except OSError as exc:
        raise JoinLinkError(f"Could not write {path}: {exc.strerror or exc}.") from exc
    return path
