"""Fail a test instead of hanging it: for code that once took minutes on some input."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def hang_guard(seconds: int = 10) -> Iterator[None]:
    """Raise TimeoutError after ``seconds`` (SIGALRM: the main thread of a POSIX process)."""

    def hung(*_: object) -> None:
        raise TimeoutError(f"still running after {seconds} s")

    old = signal.signal(signal.SIGALRM, hung)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)
