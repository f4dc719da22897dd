"""Run by tests/ui/test_binding_refcount.py in a fresh interpreter: calls Qt methods through the
installed binding many times and prints, as JSON, how far the reference counts of None, True
and False fell. A binding that drops a reference on each call shows as a fall about as large
as the number of calls.

Each method is called in batches and given up on at the first batch after which a count has
fallen by more than LIMIT, and the references it took are given back, so that a bad binding
is reported, not left to kill this process (in a small script like this one None has about
5,000 references and True about 600).
"""

from __future__ import annotations

import ctypes
import json
import os
import sys
from collections.abc import Callable

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QCheckBox, QLabel, QLineEdit, QWidget

CALLS = 5_000
BATCH = 50
LIMIT = 10
WATCHED = {"None": None, "True": True, "False": False}


class Sender(QObject):
    flag = Signal(bool)
    number = Signal(int)


def counts() -> dict[str, int]:
    return {name: sys.getrefcount(obj) for name, obj in WATCHED.items()}


def immortal() -> bool:
    """True where None, True and False are immortal (CPython 3.12+): their counts never move."""
    before = counts()
    held = [None, True, False] * 1000
    moved = min(after - before[name] for name, after in counts().items())
    del held
    return moved < 1000


def give_back(fall: dict[str, int]) -> None:
    """Restore the references the binding dropped, so that this process lives to report."""
    for name, lost in fall.items():
        for _ in range(max(lost, 0)):
            ctypes.pythonapi.Py_IncRef(ctypes.py_object(WATCHED[name]))


def measure(call: Callable[[], object]) -> dict[str, object]:
    for _ in range(5):  # first calls may fill the binding's caches
        call()
    start = counts()
    done = 0
    while done < CALLS:
        for _ in range(BATCH):
            call()
        done += BATCH
        fall = {name: start[name] - now for name, now in counts().items()}
        if max(fall.values()) > LIMIT:
            give_back(fall)
            break
    return {"calls": done, "fall": fall}


def main() -> None:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    label, line, widget, box = QLabel(), QLineEdit(), QWidget(), QCheckBox()
    sender = Sender()
    sender.flag.connect(lambda _value: None)
    sender.number.connect(lambda _value: None)
    calls: dict[str, Callable[[], object]] = {
        # Methods that return nothing (void in C++): the binding hands back None.
        "QLabel.setText": lambda: label.setText("zoomsig"),
        "QLabel.setToolTip": lambda: label.setToolTip("tip"),
        "QLabel.setStyleSheet": lambda: label.setStyleSheet("color: red"),
        "QLineEdit.setText": lambda: line.setText("abc"),
        "QWidget.hide": widget.hide,
        # Methods that take a bool: True and False go into the binding.
        "QWidget.setEnabled(True)": lambda: widget.setEnabled(True),
        "QWidget.setVisible(False)": lambda: widget.setVisible(False),
        "QCheckBox.setChecked(True)": lambda: box.setChecked(True),
        # Signals delivered to a Python slot: the binding builds the slot's arguments.
        "Signal(bool).emit(True)": lambda: sender.flag.emit(True),
        "Signal(bool).emit(False)": lambda: sender.flag.emit(False),
        "Signal(int).emit(7)": lambda: sender.number.emit(7),
    }
    results = {name: measure(call) for name, call in calls.items()}
    print(
        json.dumps(
            {
                "pyside": pyside_version,
                "python": sys.version.split()[0],
                "immortal": immortal(),
                "limit": LIMIT,
                "results": results,
            }
        )
    )
    del app


if __name__ == "__main__":
    main()
