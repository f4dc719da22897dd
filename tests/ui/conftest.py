"""Window tests: offscreen, in a throwaway HOME, with a vault and a clock the test chooses."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings

from tests.helpers.window import fake_clock
from zoomsig_gui.core.vault.facade import Vault
from zoomsig_gui.core.vault.secrets import SecretStore


@pytest.fixture(autouse=True)
def throwaway_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    for sub in (".config", ".local/share", ".cache"):
        (home / sub).mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local/share"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    return home


@pytest.fixture
def settings_path(throwaway_home: Path) -> Path:
    return throwaway_home / ".config" / "zoomsig" / "zoomsig.ini"


@pytest.fixture
def make_window(qtbot, throwaway_home: Path, settings_path: Path):
    """Build a shown window; ``backend`` None means the system keyring."""
    from zoomsig_gui.ui.mainwindow import MainWindow

    def build(backend=None, clock=None, wait_loaded: bool = True):
        vault_path = throwaway_home / ".config" / "zoomsig" / "profiles.json"
        window = MainWindow(
            settings=QSettings(str(settings_path), QSettings.Format.IniFormat),
            vault_factory=lambda: Vault(path=vault_path, store=SecretStore(backend, 10)),
            clock_check=clock or fake_clock(0.03),
        )
        qtbot.addWidget(window)
        window.show()
        if wait_loaded:
            qtbot.waitUntil(lambda: window.profiles.loaded, timeout=15_000)
        return window

    return build
