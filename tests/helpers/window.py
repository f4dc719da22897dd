"""Window test helpers: the test's credentials and meeting, a clock with a chosen offset, and
the steps a person takes (add a profile, wait for the token)."""

from __future__ import annotations

import base64
import json
import time
from collections.abc import Callable

from zoomsig_gui.core.clock.check import ClockCheck, ClockReading, verdict
from zoomsig_gui.core.tokens.jwt import sign

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


def broken_token() -> str:
    """The forum thread's backend: sdkKey only, mn with spaces, a 10-minute window, expired."""
    now = int(time.time())
    payload = {
        "sdkKey": KEY,
        "mn": "811 9887 3582",
        "role": 0,
        "iat": now - 3600,
        "exp": now - 3000,
        "tokenExp": now - 3000,
    }
    return sign(payload, SECRET)


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
