"""Time-to-window of the zoomsig window against a bare PySide6 window, and memory at idle.

Each run is a fresh Python process. The parent starts the clock just before it spawns the
child; the child prints a line once its window is exposed (mapped and painted), then
idles for a moment and prints its resident memory. zoomsig starts the way `zoomsig-gui` does
(zoomsig_gui.ui.app.start); its window paints its frame and boxes first and fills them in
right after, a step per event-loop turn, so the child also prints when every start-up step
has run ("filled in": forms, join buttons, Zoom tokens, menus; keyring and clock started).
Runs alternate between the two kinds so both see the same machine load; the table shows
medians.

    python bench/startup.py [--runs 7] [--idle 2.0]

Uses QT_QPA_PLATFORM=offscreen unless a display is set, and a throwaway HOME so no real
profile or setting is touched. The window's clock check goes to a closed loopback port
(no network), and the keyring is whatever the session offers.

zoomsig's bytecode is compiled first, as pip does when it installs a package (PySide6 and
the standard library come compiled too). Without that, under PYTHONDONTWRITEBYTECODE=1
every run would compile zoomsig from source; ``--no-compile`` (with no __pycache__ left
in zoomsig_gui) measures that case.
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time

CHILD = r"""
import sys, time
from PySide6.QtCore import QTimer
kind, idle = sys.argv[1], float(sys.argv[2])
if kind == "bare":
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle("bare")
    window.setCentralWidget(QLabel("bare PySide6 window"))
    window.resize(1240, 820)
    window.show()
else:
    from PySide6.QtWidgets import QApplication
    from zoomsig_gui.ui.app import start

    def clock():
        from zoomsig_gui.core.clock.check import check_clock
        return check_clock(servers=["127.0.0.1:9"], timeout_s=1.0, http_fallback=False)

    window = start(sys.argv[:1], clock_check=clock)
    app = QApplication.instance()
# Looked at on every turn of the event loop (a repeating 0 ms timer), so that the moment the
# window is exposed is seen on that turn, before any start-up step of the window's own runs.
poll = QTimer(interval=0)
def exposed():
    handle = window.windowHandle()
    if handle is not None and handle.isExposed():
        poll.stop()
        print("shown", flush=True)
        QTimer.singleShot(0, filled)
poll.timeout.connect(exposed)
def filled():
    if kind == "bare" or window.started_up():
        print("filled", flush=True)
        QTimer.singleShot(int(idle * 1000), report)
    else:
        QTimer.singleShot(1, filled)
def report():
    rss = 0
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                rss = int(line.split()[1])
    print(f"rss {rss}", flush=True)
    window.close()
    app.quit()
poll.start()
app.exec()
"""


def one_run(kind: str, idle: float, env: dict[str, str]) -> tuple[float, float, int]:
    """(seconds to the window, seconds to the filled-in window, resident KiB at idle)."""
    start = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, kind, str(idle)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert child.stdout is not None
    shown = filled = None
    rss = 0
    for line in child.stdout:
        if line.startswith("shown") and shown is None:
            shown = time.perf_counter() - start
        elif line.startswith("filled") and filled is None:
            filled = time.perf_counter() - start
        elif line.startswith("rss"):
            rss = int(line.split()[1])
    child.wait(timeout=60)
    if shown is None or filled is None or child.returncode != 0:
        raise SystemExit(f"the {kind} window did not start (exit status {child.returncode})")
    return shown, filled, rss


def compile_package(env: dict[str, str]) -> None:
    """Compile the zoomsig_gui the child processes will import (found the way they find it)."""
    find = "import zoomsig_gui; print(zoomsig_gui.__file__)"
    where = subprocess.run(
        [sys.executable, "-c", find], env=env, capture_output=True, text=True, check=True
    ).stdout.strip()
    if not compileall.compile_dir(os.path.dirname(where), quiet=1):
        raise SystemExit(f"could not compile {os.path.dirname(where)}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--idle", type=float, default=2.0, help="seconds idle before memory")
    parser.add_argument(
        "--no-compile", action="store_true", help="do not compile zoomsig's bytecode first"
    )
    args = parser.parse_args()
    env = dict(os.environ)
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        env["QT_QPA_PLATFORM"] = env.get("QT_QPA_PLATFORM", "offscreen")
    home = tempfile.mkdtemp(prefix="zoomsig-bench-")
    env.update(
        HOME=home,
        XDG_CONFIG_HOME=f"{home}/.config",
        XDG_DATA_HOME=f"{home}/.data",
        XDG_CACHE_HOME=f"{home}/.cache",
    )
    if not args.no_compile:
        compile_package(env)
    results: dict[str, list[tuple[float, float, int]]] = {"bare": [], "zoomsig": []}
    one_run("bare", 0.1, env)  # warm the file cache so the first measured run is not special
    one_run("zoomsig", 0.1, env)
    for _ in range(args.runs):
        for kind in results:
            results[kind].append(one_run(kind, args.idle, env))
    bare, ours = (
        tuple(statistics.median(run[i] for run in results[kind]) for i in range(3))
        for kind in ("bare", "zoomsig")
    )
    compiled = "bytecode as found" if args.no_compile else "bytecode compiled"
    print(
        f"platform {env.get('QT_QPA_PLATFORM', 'native')}, {args.runs} runs each, medians, "
        f"zoomsig {compiled}\n"
    )
    print(f"{'window':<10} {'time to window':>15} {'filled in':>10} {'idle memory (RSS)':>19}")
    for name, (shown, filled, rss) in (("bare", bare), ("zoomsig", ours)):
        print(
            f"{name:<10} {shown * 1000:>12.0f} ms {filled * 1000:>7.0f} ms {rss / 1024:>16.1f} MB"
        )
    print(
        f"{'ratio':<10} {ours[0] / bare[0]:>14.2f}× {ours[1] / bare[0]:>9.2f}× "
        f"{ours[2] / bare[2]:>17.2f}×"
    )
    print(
        "\n(filled in: every start-up step run, the Make tab's forms and the features' buttons "
        "among them; its ratio is to the bare window's time to window)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
