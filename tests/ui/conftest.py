"""Window tests: offscreen, in a throwaway HOME, with a vault and a clock the test chooses."""

from __future__ import annotations

import base64
import json
import os
import time
from collections.abc import Callable
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings

from zoomsig_gui.core.clock.check import ClockCheck, ClockReading, verdict
from zoomsig_gui.core.vault.facade import Vault
from zoomsig_gui.core.vault.secrets import SecretStore

KEY = "AbCdEfGhIjKlMnOpQr12"
SECRET = "q1W2e3R4t5Y6u7I8o9P0aSdFgHjKlZx"
INVITE = "https://us02web.zoom.us/j/81198873582?pwd=Xy7Zq9LmNpQrStUv"
NUMBER = "81198873582"
PASSCODE = "Xy7Zq9LmNpQrStUv"


def fake_clock(offset_s: float | None, server: str = "pool.ntp.org") -> Callable[[], ClockCheck]:
    """A clock source with a chosen offset; status and message come from the core's verdict."""

    def check() -> ClockCheck:
        now = time.time()
        reading = None if offset_s is None else ClockReading(offset_s, 0.02, server, 2, "ntp", now)
        status, message = verdict(reading)
        return ClockCheck(status, message, reading, (), now)

    return check


def payload_of(token: str) -> dict:
    body = token.split(".")[1]
    return json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))


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


def add_profile(qtbot, window, name: str = "Staging", key: str = KEY, secret: str = SECRET) -> None:
    """Fill the Add dialog the way a person would and wait for the list to show the profile."""
    dialog = window.make.credentials.add_profile()
    qtbot.waitUntil(dialog.isVisible)
    dialog.name.setText(name)
    dialog.key.setText(key)
    dialog.secret.setText(secret)
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=15_000)
    qtbot.waitUntil(lambda: window.make.credentials.current() == name, timeout=15_000)


def wait_token(qtbot, window) -> str:
    qtbot.waitUntil(lambda: bool(window.make.token_view.token()), timeout=15_000)
    return window.make.token_view.token()
