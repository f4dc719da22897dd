"""Find files we ship: the join page and friends.

Installed, ``resources/`` is the package ``zoomsig_gui.resources`` (pyproject maps it).
A plain editable install does not see that mapping, so we fall back to the repository's
top-level ``resources/`` folder next to the package.
"""

from __future__ import annotations

import importlib.resources
from pathlib import Path

_REPO_RESOURCES = Path(__file__).resolve().parents[2] / "resources"


class ResourceMissing(FileNotFoundError):
    """A file that should ship with zoomsig is missing: the installation is incomplete."""


def _package_locations() -> list[Path]:
    try:
        root = importlib.resources.files("zoomsig_gui.resources")
    except ModuleNotFoundError:
        return []
    if isinstance(root, Path):
        return [root]
    # Without __init__.py the package is a namespace package: a MultiplexedPath of folders.
    return [Path(str(p)) for p in getattr(root, "_paths", [])]


def resources_dir() -> Path:
    """The folder holding our resources, as a real path (the join server serves from it)."""
    for candidate in _package_locations():
        if (candidate / "join").is_dir():
            return candidate
    if (_REPO_RESOURCES / "join").is_dir():
        return _REPO_RESOURCES
    raise ResourceMissing(
        "zoomsig's resources folder (with the join page) was not found; reinstall zoomsig."
    )


def join_page_dir() -> Path:
    """The folder with index.html, join.js and join.css of the local join page."""
    path = resources_dir() / "join"
    if not (path / "index.html").is_file():
        raise ResourceMissing(f"The join page is missing from {path}; reinstall zoomsig.")
    return path
