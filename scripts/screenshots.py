"""Render the real zoomsig window offscreen in a few states and save PNGs for the README.

    python scripts/screenshots.py [--out docs/screenshots] [--sdk-dir DIR]

Runs in a throwaway HOME. When no D-Bus session is running and gnome-keyring is installed,
it re-runs itself inside `dbus-run-session` with a fresh, unlocked keyring, so the window
shows the real "saved in your system keyring" state; otherwise the credentials are kept
for the session only (and the window says so). The clock reading is made up (no network):
the banner's text still comes from the core's verdict. Secrets here are throwaway values.

The join page shot uses the real Meeting SDK from a local folder (--sdk-dir, the `dist` of an
unpacked @zoom/meetingsdk package; else the test cache's copy when present) with every
non-loopback request blocked, so the join fails offline as the tests' does. Without an SDK
folder that shot is skipped with a note.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
KEY = "Zs3mPl3CL13nt1D"
SECRET = "demo-secret-not-real-0123456789"
INVITE = "https://us02web.zoom.us/j/81198873582?pwd=bXlNZWV0aW5nUGFzcw"


def default_sdk_dir() -> Path | None:
    """The SDK the tests fetched with npm pack (tests/helpers/sdk.py), if any."""
    base = Path(os.environ.get("ZOOMSIG_TEST_CACHE", "/tmp/zoomsig-test-cache"))
    found = sorted((base / "meetingsdk").glob("*/package/dist/zoom-meeting-*.min.js"))
    return found[-1].parent if found else None


def relaunch_with_keyring(out: Path, sdk_dir: Path | None) -> int | None:
    """Re-run inside a private D-Bus with gnome-keyring; None when that is not possible."""
    if os.environ.get("DBUS_SESSION_BUS_ADDRESS") or os.environ.get("ZOOMSIG_SHOTS_INNER"):
        return None
    if not (shutil.which("dbus-run-session") and shutil.which("gnome-keyring-daemon")):
        return None
    env = dict(os.environ, ZOOMSIG_SHOTS_INNER="1")
    inner = (
        f"echo screenshots | gnome-keyring-daemon --unlock --components=secrets >/dev/null;"
        f' exec "{sys.executable}" "{Path(__file__).resolve()}" --out "{out}"'
        + (f' --sdk-dir "{sdk_dir}"' if sdk_dir else "")
    )
    return subprocess.call(["dbus-run-session", "--", "sh", "-c", inner], env=env)


def isolate() -> Path:
    """A throwaway HOME for the run, made before the keyring daemon starts so that its
    keyring is a throwaway one too (the inner run keeps it)."""
    if os.environ.get("ZOOMSIG_SHOTS_INNER"):
        return Path(os.environ["HOME"])
    home = Path(tempfile.mkdtemp(prefix="zoomsig-shots-"))
    os.environ.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_DATA_HOME=str(home / ".data"),
        XDG_CACHE_HOME=str(home / ".cache"),
    )
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")  # Chromium refuses root
    return home


def fake_clock(offset_s: float):
    """A made-up reading; status and message come from the core's own verdict."""
    from zoomsig_gui.core.clock.check import ClockCheck, ClockReading, verdict

    def check() -> ClockCheck:
        now = time.time()
        reading = ClockReading(offset_s, 0.02, "pool.ntp.org", 2, "ntp", now)
        status, message = verdict(reading)
        return ClockCheck(status, message, reading, (), now)

    return check


CUSTOMER_SECRET = "customer"  # what a customer might send with a ticket, for the screenshot


def customer_token() -> str:
    """A failing token as a customer's backend makes it: sdkKey only, mn with spaces,
    a 10-minute window, already expired."""
    from zoomsig_gui.core.tokens.jwt import sign

    now = int(time.time())
    return sign(
        {
            "sdkKey": "CUSTOMERk3y",
            "mn": "811 9887 3582",
            "role": 0,
            "iat": now - 1500,
            "exp": now - 900,
            "tokenExp": now - 900,
        },
        CUSTOMER_SECRET,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument(
        "--sdk-dir",
        type=Path,
        default=None,
        help="the dist folder of an unpacked @zoom/meetingsdk package",
    )
    args = parser.parse_args()
    out = args.out.resolve()
    sdk_dir = args.sdk_dir.resolve() if args.sdk_dir else default_sdk_dir()
    home = isolate()
    code = relaunch_with_keyring(out, sdk_dir)
    if code is not None:
        return code
    out.mkdir(parents=True, exist_ok=True)
    sys.path.insert(0, str(ROOT))

    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QColor, QPalette
    from PySide6.QtWidgets import QApplication

    from zoomsig_gui.ui.app import make_app
    from zoomsig_gui.ui.mainwindow import MainWindow

    app = make_app([sys.argv[0]])
    app.setStyle("Fusion")

    def settle(ms: int = 400) -> None:
        end = time.monotonic() + ms / 1000
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.01)

    def wait(condition, what: str, seconds: float = 20) -> None:
        end = time.monotonic() + seconds
        while not condition():
            if time.monotonic() > end:
                raise SystemExit(f"screenshots: timed out waiting for {what}")
            app.processEvents()
            time.sleep(0.01)

    def window(clock_offset: float, name: str) -> MainWindow:
        settings = QSettings(str(home / f"{name}.ini"), QSettings.Format.IniFormat)
        win = MainWindow(settings=settings, clock_check=fake_clock(clock_offset))
        win.resize(1240, 860)
        win.show()
        wait(lambda: win.profiles.loaded, "the profile list")
        wait(lambda: win.banner.state not in ("idle", "checking"), "the clock banner")
        return win

    def add_profile(win: MainWindow) -> None:
        if "Staging app" in win.profiles.names():
            win.make.credentials.select("Staging app")
            return
        dialog = win.make.credentials.add_profile()
        dialog.name.setText("Staging app")
        dialog.key.setText(KEY)
        dialog.secret.setText(SECRET)
        dialog.save()
        wait(lambda: not dialog.isVisible(), "the profile to be saved")

    def shoot(win, name: str) -> None:
        settle()
        path = out / f"{name}.png"
        if not win.grab().save(str(path)):
            raise SystemExit(f"screenshots: could not write {path}")
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)

    win = window(0.03, "empty")
    shoot(win, "01-empty")

    add_profile(win)
    win.make.form.meeting.setPlainText(INVITE)
    win.make.form.name.setText("QA desk")
    wait(lambda: bool(win.make.token_view.token()), "a token")
    shoot(win, "02-token-from-invite-link")  # the staff path: details folded away

    win.details.setChecked(True)  # what QA sees: the decoded tables and advanced options
    win.make.form.advanced_button.setChecked(True)
    shoot(win, "07-details-for-qa")
    win.make.form.advanced_button.setChecked(False)

    win.open_settings()  # where copied links point, and a local SDK folder
    win.settings_dialog.base.setText("https://zoom-tests.example.com/join/")
    shoot(win.settings_dialog, "08-settings-join-page")
    win.settings_dialog.reject()

    win.tabs.setCurrentWidget(win.inspect_page)
    win.inspect.paste.setPlainText('{"signature": "' + customer_token() + '"}')
    wait(lambda: win.inspect.inspection is not None, "the inspection")
    shoot(win, "03-inspect-customer-token")

    # Support: their secret typed in checks their signature; ours re-makes the token.
    tab = win.inspect
    from zoomsig_gui.ui.inspect.tab import THEIRS

    tab.profile.setCurrentIndex(tab.profile.findData(THEIRS))
    tab.their_secret.setText(CUSTOMER_SECRET)
    wait(lambda: win.support.panel is not None, "the support panel")
    tab.support_box.setChecked(True)
    ours = win.support.panel.ours
    ours.setCurrentIndex(ours.findData("Staging app"))
    wait(lambda: win.support.panel.reproduction is not None, "the reproduction")
    shoot(win, "09-inspect-check-and-reproduce")

    win.tabs.setCurrentWidget(win.make)
    if sdk_dir is None:
        print(
            "screenshots: no Meeting SDK folder (give --sdk-dir DIR, or run the join tests "
            "once to fetch it): skipping 06-join-page-offline"
        )
    else:
        win.join.view_options = {"sdk_dir": sdk_dir, "allow_zoom": False}  # offline, as tested
        win.join.button.click()
        view = win.join.view
        if view is None:
            raise SystemExit("screenshots: the join page did not open (see the message above)")
        view.resize(1240, 860)
        wait(lambda: view.state in ("failed", "joined", "sdk-missing"), "the join result", 240)
        shoot(view, "06-join-page-offline")
    win.close()

    warn = window(12.0, "warning")
    warn.details.setChecked(True)  # the corrected token times are in the tables
    add_profile(warn)
    warn.make.form.meeting.setPlainText(INVITE)
    wait(lambda: bool(warn.make.token_view.token()), "a token")
    shoot(warn, "04-clock-warning")
    warn.close()

    palette = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, "#202327"),
        (QPalette.ColorRole.WindowText, "#e8e8e8"),
        (QPalette.ColorRole.Base, "#16181b"),
        (QPalette.ColorRole.AlternateBase, "#25282d"),
        (QPalette.ColorRole.Text, "#e8e8e8"),
        (QPalette.ColorRole.Button, "#2c3036"),
        (QPalette.ColorRole.ButtonText, "#e8e8e8"),
        (QPalette.ColorRole.PlaceholderText, "#9aa0a6"),
        (QPalette.ColorRole.Highlight, "#3d6fd1"),
        (QPalette.ColorRole.HighlightedText, "#ffffff"),
    ):
        palette.setColor(role, QColor(colour))
    QApplication.setPalette(palette)
    dark = window(0.03, "dark")
    add_profile(dark)
    dark.make.form.meeting.setPlainText(INVITE)
    dark.make.form.role.setCurrentIndex(1)
    wait(lambda: bool(dark.make.token_view.token()), "a token")
    shoot(dark, "05-dark-palette-host")
    dark.close()
    dark.profiles.workers.wait()
    return 0


if __name__ == "__main__":
    sys.exit(main())
