"""Reference cycles holding Qt objects are collected on the GUI thread, never on a worker
(a QtWebEngine object destroyed on a keyring worker ended the whole process)."""

from __future__ import annotations

import gc
import threading
import weakref

from PySide6.QtCore import QObject

from tests.helpers.keyrings import MemoryKeyring


def test_a_cycle_left_while_a_worker_allocates_dies_on_the_gui_thread(qtbot, make_window):
    make_window(MemoryKeyring())
    where: list[str] = []

    class Holder(QObject):
        pass

    holder = Holder()
    holder.me = holder  # a cycle: only the cyclic collector frees it
    weakref.finalize(holder, lambda: where.append(threading.current_thread().name))
    del holder

    kept: list[object] = []

    def allocate() -> None:  # far past the first generation's threshold, and kept
        kept.append([[] for _ in range(50_000)])

    worker = threading.Thread(target=allocate, name="worker")
    worker.start()
    worker.join()
    assert where == []  # nothing collected on the worker
    assert not gc.isenabled()
    qtbot.waitUntil(lambda: where != [], timeout=5_000)
    assert where == [threading.main_thread().name]
    kept.clear()
