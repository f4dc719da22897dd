"""Small JSON files of ours (profile index, history): atomic writes, corrupt files set aside.

A file that cannot be read is never overwritten: it is renamed to ``<name>.bad-<time>`` so
nothing is lost, and the caller tells the user where it went.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Loaded:
    """What was read. ``data`` is None when the file was missing or set aside."""

    data: dict[str, Any] | None
    set_aside: Path | None = None
    problem: str | None = None  # plain words: why the file was set aside


def write_json_atomic(path: Path, data: dict[str, Any]) -> None:
    """Write to a temp file in the same folder, fsync, then rename over the old file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle, indent=2, ensure_ascii=False)
            handle.write("\n")
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _aside_path(path: Path) -> Path:
    """<name>.bad-<time>, never an existing file."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.bad-{stamp}")
    counter = 1
    while target.exists():
        target = path.with_name(f"{path.name}.bad-{stamp}-{counter}")
        counter += 1
    return target


def set_aside(path: Path) -> Path:
    """Move an unreadable file out of the way, keeping it whole."""
    target = _aside_path(path)
    os.replace(path, target)
    return target


def copy_aside(path: Path) -> Path:
    """Keep a copy of a file that is about to be rewritten with only its readable part."""
    target = _aside_path(path)
    shutil.copy2(path, target)
    return target


def read_json(path: Path, schema_version: int) -> Loaded:
    """Read a JSON object with ``{"schema": N}``; set aside anything unreadable or too new.

    Raises OSError when the location itself cannot be read.
    """
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Loaded(None)
    except UnicodeDecodeError:
        return Loaded(None, set_aside(path), "is not text")
    # Any other OSError (a file where a folder should be, no permission) goes to the caller:
    # the file is not ours to move, and the caller words the message.
    try:
        data = json.loads(raw)
    except ValueError:
        return Loaded(None, set_aside(path), "is not valid JSON")
    if not isinstance(data, dict):
        return Loaded(None, set_aside(path), "does not hold a JSON object")
    schema = data.get("schema")
    if not isinstance(schema, int) or schema > schema_version or schema < 1:
        return Loaded(None, set_aside(path), f"has an unknown schema version ({schema!r})")
    return Loaded(data)
