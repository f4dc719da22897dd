"""A user-given Meeting SDK folder: the ``dist`` of an unpacked ``@zoom/meetingsdk``.

The SDK is never bundled with zoomsig (Zoom's licence); people point us to their copy.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

_CLIENT = re.compile(r"zoom-meeting-(\d+\.\d+\.\d+)\.min\.js")


class SdkFolderError(ValueError):
    """The folder is not a Meeting SDK dist folder; the message says what to give."""


@dataclass(frozen=True)
class SdkFolder:
    path: Path  # the dist folder
    version: str
    client_file: str  # zoom-meeting-6.2.0.min.js (Client View)
    embedded_file: str | None  # the Component View bundle, when present


def check_sdk_dir(given: Path) -> SdkFolder:
    """Accept the dist folder, the unpacked package folder or its parent (npm pack's output)."""
    base = Path(given).expanduser()
    try:
        return _find_dist(base)
    except OSError as exc:  # a name too long for the file system, a loop of links, no access
        raise SdkFolderError(
            f"The SDK folder {str(base)[:80]} cannot be read: {exc.strerror or exc}."
        ) from None


def _find_dist(base: Path) -> SdkFolder:
    if not base.is_dir():
        raise SdkFolderError(f"The SDK folder {base} does not exist or is not a folder.")
    for candidate in (base, base / "dist", base / "package" / "dist"):
        clients = sorted(
            (p.name, m.group(1))  # (file name, version)
            for p in candidate.glob("zoom-meeting-*.min.js")
            if (m := _CLIENT.fullmatch(p.name))
        )
        if clients and (candidate / "lib").is_dir():
            client, version = clients[-1]
            embedded = None
            for name in (
                f"zoom-meeting-embedded-{version}.min.js",
                "zoom-meeting-embedded-ES5.min.js",
            ):
                if (candidate / name).is_file():
                    embedded = name
                    break
            return SdkFolder(candidate.resolve(), version, client, embedded)
    raise SdkFolderError(
        f"{base} is not a Meeting SDK folder: expected the dist folder of an unpacked "
        "@zoom/meetingsdk (it holds zoom-meeting-<version>.min.js and lib/). Get it with "
        "`npm pack @zoom/meetingsdk` and `tar xzf zoom-meetingsdk-*.tgz`."
    )
