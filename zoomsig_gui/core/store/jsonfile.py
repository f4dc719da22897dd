"""Small JSON files of ours (profile index, history): atomic writes, corrupt files set aside.

A file that cannot be read is never overwritten: it is renamed to ``<name>.bad-<time>`` so
nothing is lost, and the caller tells the user where it went.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import stat
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


MAX_BYTES = 50_000_000  # 13,000 profiles are 3 MB; a larger "profiles.json" is not ours
TEMP_MARK = ".zoomsig-tmp-"  # in every temp file's name, so a later start can tidy them
STALE_S = 60.0  # a temp file this old belongs to a write that was killed


def _temp_prefix(path: Path) -> str:
    return f".{path.name}{TEMP_MARK}"


def remove_stale_temps(path: Path, now: float | None = None) -> list[Path]:
    """Delete temp files of ours beside ``path`` left by a write that was killed (kill -9,
    power cut): ours by name, and older than a minute so a write in progress is spared."""
    now = time.time() if now is None else now
    removed: list[Path] = []
    try:
        candidates = list(path.parent.glob(f"{_temp_prefix(path)}*.tmp"))
    except OSError:
        return []
    for candidate in candidates:
        try:
            info = candidate.lstat()
            if stat.S_ISREG(info.st_mode) and now - info.st_mtime > STALE_S:
                candidate.unlink()
                removed.append(candidate)
        except OSError:
            continue  # gone already, or not ours to remove
    return removed


def read_capped(path: Path, cap: int = MAX_BYTES) -> bytes:
    """The bytes of a regular file of at most ``cap`` bytes.

    A FIFO would block the open and a device could be read forever, so the type is checked
    first (through symlinks), the open does not block, and no more than ``cap`` bytes are
    read. Raises FileNotFoundError, NotRegularFile, TooLarge or another OSError.
    """
    info = os.stat(path)
    if not stat.S_ISREG(info.st_mode):
        raise NotRegularFile(errno.EINVAL, f"it is {kind_of_file(info.st_mode)}, not a file")
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):  # swapped after the check
            raise NotRegularFile(errno.EINVAL, "it is not a regular file")
        raw = handle.read(cap + 1)
    if len(raw) > cap:
        raise TooLarge(errno.EFBIG, f"is larger than {cap // 1_000_000} MB")
    return raw


class NotRegularFile(OSError):
    """A device, FIFO, socket or folder where a file was expected."""


class TooLarge(OSError):
    """A file far larger than any we write."""


def kind_of_file(mode: int) -> str:
    """Plain words for what a path is."""
    for test, words in (
        (stat.S_ISDIR, "a folder"),
        (stat.S_ISFIFO, "a named pipe (FIFO)"),
        (stat.S_ISCHR, "a device"),
        (stat.S_ISBLK, "a device"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISLNK, "a symbolic link"),
    ):
        if test(mode):
            return words
    return "not a regular file"


def write_json_atomic(path: Path, data: dict[str, Any], mode: int = 0o600) -> None:
    """Write to a temp file in the same folder, fsync, then rename over the old file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=_temp_prefix(path), suffix=".tmp", dir=path.parent)
    try:
        # A lone surrogate from a customer's token is written as the JSON escape \udXXX
        # (what backslashreplace gives inside a JSON string), which reads back the same.
        with os.fdopen(fd, "w", encoding="utf-8", errors="backslashreplace") as handle:
            json.dump(data, handle, indent=2, ensure_ascii=False)
            handle.write("\n")
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
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


# Our files are a few levels deep. How deep json.loads goes before RecursionError depends on
# the interpreter (3.13 reads thousands of levels), so the limit is ours, checked first.
MAX_DEPTH = 64


def too_deep(text: str, limit: int = MAX_DEPTH) -> bool:
    """True when brackets outside strings nest more than ``limit`` levels (one linear pass)."""
    depth = 0
    in_string = escaped = False
    for ch in text:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            if depth > limit:
                return True
        elif ch in "]}":
            depth -= 1
    return False


def read_json(path: Path, schema_version: int) -> Loaded:
    """Read a JSON object with ``{"schema": N}``; set aside anything unreadable or too new.

    Raises OSError when the location itself cannot be read.
    """
    remove_stale_temps(path)
    try:
        raw = read_capped(path).decode("utf-8")
    except FileNotFoundError:
        return Loaded(None)
    except TooLarge as exc:
        return Loaded(None, set_aside(path), exc.strerror)
    except UnicodeDecodeError:
        return Loaded(None, set_aside(path), "is not text")
    # Any other OSError (a file where a folder should be, a FIFO, no permission) goes to the
    # caller: the file is not ours to move, and the caller words the message.
    if too_deep(raw):
        return Loaded(None, set_aside(path), "is JSON nested too deeply to read")
    try:
        data = json.loads(raw)
    except ValueError:
        return Loaded(None, set_aside(path), "is not valid JSON")
    except RecursionError:  # json's parser recurses once per nested [ or {
        return Loaded(None, set_aside(path), "is JSON nested too deeply to read")
    if not isinstance(data, dict):
        return Loaded(None, set_aside(path), "does not hold a JSON object")
    schema = data.get("schema")
    if not isinstance(schema, int) or schema > schema_version or schema < 1:
        return Loaded(None, set_aside(path), f"has an unknown schema version ({schema!r})")
    return Loaded(data)
