"""A long session with the real window, run by tests/ui/test_long_use.py in its own process:
`python -m tests.ui.long_use_session ROUNDS SETTINGS_FILE PROFILES_FILE`.

The window is started as `zoomsig-gui` starts it (zoomsig_gui.ui.app.start, then the event
loop), credentials are added through the Add dialog, and then, ROUNDS times: the meeting field
is typed into, pasted into or cleared, the role and the expiry change, the token is remade;
every few rounds a token, a join link or junk is pasted into the Inspect tab, the clipboard
is inspected, and the About, Add-credentials and case-report dialogs open and close. At the
end the window is closed, the event loop returns, and the process exits the way `zoomsig-gui`
does. It prints one line "long use: …" when all of that is done.

A binding that drops references (to None on every void Qt call, say) makes this process abort
with "Fatal Python error: …" on CPython 3.11 long before the end.
"""

from __future__ import annotations

import os
import sys
import time
import traceback
from collections.abc import Callable, Generator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from tests.helpers.keyrings import MemoryKeyring
from tests.helpers.window import INVITE, KEY, NUMBER, SECRET, fake_clock
from zoomsig_gui.core.vault.facade import Vault
from zoomsig_gui.core.vault.secrets import SecretStore
from zoomsig_gui.ui.app import start
from zoomsig_gui.ui.make.form import EXPIRY_CHOICES

PROFILE = "Staging"
MEETING_TEXTS = (
    INVITE,
    "811 9887 3582",
    "https://zoom.us/wc/join/81198873582",
    "not a meeting",
    "",
    f"Join Zoom Meeting\n{INVITE}\nMeeting ID: 811 9887 3582\nPasscode: x",
)
EXPIRIES = (*EXPIRY_CHOICES, "90m", "5 min", "1h30m")  # "5 min" is refused: an error shown
JUNK = ("hello", "eyJhbGciOiJIUzI1NiJ9.e30.", '{"signature": "abc"}', "Bearer   ")


Steps = Generator[None, None, None]


def wait(until: Callable[[], bool], what: str, timeout_s: float = 20.0) -> Steps:
    """Give the event loop turns until ``until()`` holds."""
    end = time.monotonic() + timeout_s
    while not until():
        if time.monotonic() > end:
            raise TimeoutError(f"long use: timed out waiting for {what}")
        yield


def add_credentials(window) -> Steps:
    dialog = window.make.credentials.add_profile()
    yield from wait(dialog.isVisible, "the Add dialog")
    dialog.name.setText(PROFILE)
    dialog.key.setText(KEY)
    dialog.secret.setText(SECRET)
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    yield from wait(lambda: not dialog.isVisible(), "the Add dialog to close")
    yield from wait(lambda: window.make.credentials.current() == PROFILE, "the new credentials")


def open_and_close_dialogs(window) -> Steps:
    window.about()
    about = window.findChild(QMessageBox, "aboutDialog")
    yield from wait(about.isVisible, "the About box")
    about.close()
    about.deleteLater()
    yield from wait(
        lambda: window.findChild(QMessageBox, "aboutDialog") is None, "the About box to go"
    )
    dialog = window.make.credentials.add_profile()
    yield from wait(dialog.isVisible, "the Add dialog")
    dialog.name.setText("never saved")
    dialog.reject()
    panel = window.support.panel if window.support is not None else None
    if panel is not None and panel.case is not None:
        report = panel.open_report()
        yield from wait(report.isVisible, "the case report")
        report.format.setCurrentIndex(1)
        report.include_token.setChecked(report.include_token.isEnabled())
        report.include_token.setChecked(False)
        report.reject()
    yield


def session(window, rounds: int, done: dict[str, int]) -> Steps:
    """The whole session, one event-loop turn at a time (widgets replaced on the way are
    deleted by the event loop, as in real use)."""
    yield from wait(window.make.is_built, "the Make tab")
    yield from wait(lambda: window.profiles.loaded, "the profile list")
    yield from add_credentials(window)
    make, form = window.make, window.make.form
    inspect = window.inspect
    inspect.set_profile(PROFILE)
    edits = tokens = inspected = dialogs = 0
    for i in range(rounds):
        text = MEETING_TEXTS[i % len(MEETING_TEXTS)]
        if i % 3 == 0:  # typing the number, one character at a time, then a typo
            form.meeting.clear()
            for digit in NUMBER:
                form.meeting.insertPlainText(digit)
            form.meeting.insertPlainText(str(i % 10))
            edits += len(NUMBER) + 2
        else:  # pasting
            form.meeting.setPlainText(text)
            edits += 1
        form.role.setCurrentIndex(i % 2)
        form.expiry.setCurrentText(EXPIRIES[i % len(EXPIRIES)])
        if i % 7 == 0:
            form.name.setText(f"Tester {i}")
        make.regenerate()  # as the debounce timer would, without waiting for it
        tokens += bool(make.shown_token())
        if i % 5 == 0:
            token = make.shown_token()
            pasted = (
                token,
                f"https://example.test/meeting.html?mn={NUMBER}&signature={token}",
                JUNK[i % len(JUNK)],
                f'{{"signature": "{token}"}}',
            )[i // 5 % 4]
            inspect.paste.setPlainText(pasted)
            inspect.run()
            inspected += 1
        if i % 50 == 0:
            QGuiApplication.clipboard().setText(make.shown_token() or "nothing to see")
            window.inspect_clipboard()
            window.tabs.setCurrentIndex(i // 50 % 2)  # Make and Inspect; History at the end
        if i % 150 == 0:
            yield from open_and_close_dialogs(window)
            dialogs += 1
        yield
    if window.history is not None:
        window.tabs.setCurrentWidget(window.history.holder)
        yield from wait(lambda: window.history.panel is not None, "the History tab")
    yield from wait(
        lambda: (
            not any(w.isVisible() for w in QApplication.topLevelWidgets() if isinstance(w, QDialog))
        ),
        "the dialogs to close",
    )
    done.update(
        rounds=rounds, meeting_edits=edits, tokens=tokens, inspected=inspected, dialogs=dialogs
    )


def main() -> int:
    rounds, settings_file, profiles_file = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    none_at_start = sys.getrefcount(None)
    window = start(
        sys.argv[:1],
        settings=QSettings(settings_file, QSettings.Format.IniFormat),
        vault_factory=lambda: Vault(
            path=Path(profiles_file), store=SecretStore(MemoryKeyring(), 5)
        ),
        clock_check=fake_clock(0.03),
    )
    done: dict[str, int] = {}
    steps = session(window, rounds, done)
    ticker = QTimer(window, interval=0)  # one step per turn of the event loop

    def step() -> None:
        try:
            next(steps)
        except StopIteration:
            pass
        except BaseException:
            traceback.print_exc()
        else:
            return
        ticker.stop()
        window.close()  # the last window: the event loop returns

    ticker.timeout.connect(step)
    ticker.start()
    status = QApplication.instance().exec()
    if not done:
        return 1
    print(
        "long use: "
        + ", ".join(f"{k} {v}" for k, v in done.items())
        + f"; references to None {none_at_start} at start, {sys.getrefcount(None)} at the end",
        flush=True,
    )
    return status


if __name__ == "__main__":
    sys.exit(main())
