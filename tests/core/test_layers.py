"""zoomsig_gui.core is a Qt-free zone: the CLI and scripts must never pull in PySide6."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import zoomsig_gui.core


def test_every_core_module_imports_without_qt() -> None:
    names = [f"zoomsig_gui.core.{m.name}" for m in pkgutil.iter_modules(zoomsig_gui.core.__path__)]
    probe = (
        "import importlib, sys\n"
        f"for name in {names!r}: importlib.import_module(name)\n"
        "qt = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6'))\n"
        "print(','.join(qt))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"core imported Qt: {result.stdout}"
    assert len(names) >= 8
