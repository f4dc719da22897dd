"""An exclusive lock between processes, on a small file beside the one it guards.

Why: the window and the `zoomsig` command can change profiles.json at the same moment (a
script making tokens marks a profile used while someone adds one in the window). Each does
read, change, write; without a lock one of the two writes is lost. Writes stay atomic
(jsonfile.write_json_atomic); this only keeps two read-change-writes from overlapping.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

POLL_S = 0.01  # short: a waiter polls, so a busy holder could otherwise keep it out


class LockTimeout(Exception):
    """Another process held the lock for longer than we were willing to wait."""


class LockFileError(Exception):
    """The lock file cannot be made or locked; ``why`` is the system's reason ("Not a
    directory", "No locks available")."""

    def __init__(self, why: str) -> None:
        super().__init__(why)
        self.why = why


def _try_lock(fd: int) -> bool:
    if sys.platform == "win32":
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except PermissionError:  # what Windows raises for "locked by another process"
            return False
        except OSError as exc:
            raise LockFileError(exc.strerror or type(exc).__name__) from None
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    except OSError as exc:  # e.g. ENOLCK on a network file system
        raise LockFileError(exc.strerror or type(exc).__name__) from None
    return True


def _unlock(fd: int) -> None:
    if sys.platform == "win32":
        import msvcrt

        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
    else:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_UN)


@contextmanager
def locked(path: Path, timeout_s: float) -> Iterator[None]:
    """Hold the lock on ``path`` (created if missing, never removed: removing it would let two
    processes lock two different files). Raises LockTimeout after ``timeout_s``, and
    LockFileError when the file cannot be made."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError:
        pass  # os.open below says what is wrong, in the words people know ("Not a directory")
    try:
        # 0644: the file is empty, and a lock file made by another user (sudo zoomsig …)
        # can still be opened read-only, which is enough for flock.
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except PermissionError:
        try:
            fd = os.open(path, os.O_RDONLY)
        except OSError as exc:
            raise LockFileError(exc.strerror or type(exc).__name__) from None
    except OSError as exc:
        raise LockFileError(exc.strerror or type(exc).__name__) from None
    try:
        deadline = time.monotonic() + timeout_s
        while not _try_lock(fd):
            if time.monotonic() >= deadline:
                raise LockTimeout(str(path))
            time.sleep(POLL_S)
        try:
            yield
        finally:
            _unlock(fd)
    finally:
        os.close(fd)
