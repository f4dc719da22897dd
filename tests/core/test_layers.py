"""The import contract: which part may import which (docs/architecture.md's layers).

core is Qt-free and knows nothing of the CLI or the window; the CLI (cli.py, commands/)
never imports Qt or the window; the window never imports the CLI; a subcommand module never
imports another one (shared options live in commands/options.py and its siblings). Every
import is read with ``ast`` from every file, also those inside functions, so a late import
cannot slip past. Test modules import shared code from tests/helpers, never each other.
"""

from __future__ import annotations

import ast
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import zoomsig_gui.core
from tests.helpers.env import ROOT
from zoomsig_gui.commands import COMMANDS

PACKAGE = ROOT / "zoomsig_gui"
QT = ("PySide6", "shiboken6")
UI = ("zoomsig_gui.ui",)
CLI = ("zoomsig_gui.cli", "zoomsig_gui.commands")
SUBCOMMANDS = tuple(f"zoomsig_gui.commands.{name}" for name in COMMANDS)

# (the files of a part, what none of them may import)
RULES = {
    "core": (("zoomsig_gui.core",), QT + UI + CLI + ("zoomsig_gui.__main__",)),
    "the CLI": (CLI, QT + UI + ("zoomsig_gui.__main__",)),
    "the window": (UI, CLI),
}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported(path: Path) -> set[str]:
    return imports_in(path.read_text(encoding="utf-8"), module_name(path), path.name)


def imports_in(source: str, name: str, file_name: str = "") -> set[str]:
    """Every module the source of module ``name`` imports, anywhere in it. ``from a import
    b`` counts as both ``a`` and ``a.b``, since b may be a module."""
    package = name if file_name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(source, file_name or name)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join(anchor + ([base] if base else []))
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


def within(module: str, prefixes: tuple[str, ...]) -> bool:
    return any(module == p or module.startswith(p + ".") for p in prefixes)


def python_files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*.py") if "__pycache__" not in p.parts)


PACKAGE_FILES = python_files(PACKAGE)


def test_the_files_are_found_and_every_kind_of_import_is_seen() -> None:
    names = {module_name(p) for p in PACKAGE_FILES}
    assert {
        "zoomsig_gui.core.vault.facade",
        "zoomsig_gui.ui.mainwindow",
        "zoomsig_gui.cli",
    } <= names
    source = (
        "import json\n"
        "def late():\n"
        "    from zoomsig_gui.ui import mainwindow\n"
        "    from . import sibling\n"
        "    from ..store.jsonfile import read_json\n"
    )
    assert imports_in(source, "zoomsig_gui.core.vault.x") >= {
        "json",
        "zoomsig_gui.ui.mainwindow",
        "zoomsig_gui.core.vault.sibling",
        "zoomsig_gui.core.store.jsonfile",
    }


@pytest.mark.parametrize("part", RULES)
def test_each_part_imports_only_what_it_may(part: str) -> None:
    members, forbidden = RULES[part]
    broken = [
        f"{module_name(path)} imports {target}"
        for path in PACKAGE_FILES
        if within(module_name(path), members)
        for target in sorted(imported(path))
        if within(target, forbidden)
    ]
    assert broken == [], f"{part} must not import these: " + "; ".join(broken)


def test_no_subcommand_imports_another() -> None:
    broken = [
        f"{module_name(path)} imports {target}"
        for path in python_files(PACKAGE / "commands")
        for target in sorted(imported(path))
        if within(target, SUBCOMMANDS)
    ]
    assert broken == [], (
        "shared options and helpers belong in commands/options.py (or clockoptions.py, "
        "tokenoptions.py, render.py), not in a subcommand: " + "; ".join(broken)
    )


def test_test_modules_share_code_only_through_tests_helpers() -> None:
    tests = ROOT / "tests"
    broken = [
        f"{module_name(path)} imports {target}"
        for path in python_files(tests)
        for target in sorted(imported(path))
        if within(target, ("tests",)) and target != "tests"
        if not within(target, ("tests.helpers",))
    ]
    assert broken == [], "import shared test code from tests.helpers: " + "; ".join(broken)


def test_every_core_module_imports_without_qt() -> None:
    """The same for core at run time: importing all of it loads no Qt module."""
    names = [m.name for m in pkgutil.walk_packages(zoomsig_gui.core.__path__, "zoomsig_gui.core.")]
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
    assert len(names) >= 30
