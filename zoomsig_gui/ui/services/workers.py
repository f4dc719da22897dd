"""Run blocking calls (keyring over D-Bus, NTP) off the GUI thread; results come back as signals."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Relay(QObject):
    # Lives in the GUI thread; emitting from a worker queues the call into the GUI thread.
    # One relay serves every task of a pool (a task number says whose result it is): a relay
    # made and deleted per task was deleted twice by PySide6 6.11 when its owner went away
    # with the relay's deferred delete still queued, which crashed the window.
    done = Signal(int, object)
    failed = Signal(int, object)


class _Task(QRunnable):
    def __init__(self, number: int, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._number = number
        self._fn = fn
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._fn()
        except Exception as exc:
            self._relay.failed.emit(self._number, exc)
        else:
            self._relay.done.emit(self._number, result)


Callbacks = tuple[Callable[[Any], None], Callable[[Exception], None]]


class Workers(QObject):
    """A small thread pool owned by the window; ``wait()`` before the window goes away."""

    def __init__(self, parent: QObject | None = None, threads: int = 3) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(threads)
        self._relay = _Relay(self)
        self._relay.done.connect(self._done)
        self._relay.failed.connect(self._failed)
        self._pending: dict[int, Callbacks] = {}
        self._next = 0

    def run(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[Exception], None],
    ) -> None:
        self._next += 1
        self._pending[self._next] = (on_done, on_error)
        self._pool.start(_Task(self._next, fn, self._relay))

    def _done(self, number: int, value: Any) -> None:
        callbacks = self._pending.pop(number, None)
        if callbacks is not None:
            callbacks[0](value)

    def _failed(self, number: int, exc: Exception) -> None:
        callbacks = self._pending.pop(number, None)
        if callbacks is not None:
            callbacks[1](exc)

    def busy(self) -> bool:
        return bool(self._pending)

    def wait(self, msecs: int = 5000) -> bool:
        return self._pool.waitForDone(msecs)
