"""Time-to-window of the zoomsig window against a bare PySide6 window, and memory at idle.

Each run is a fresh Python process. The parent starts the clock just before it spawns the
child; the child prints a line once its window is exposed (mapped and ready to paint), then
idles for a moment and prints its resident memory. Runs alternate between the two kinds so
both see the same machine load; the table shows medians.

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
from PySide6.QtCore import QElapsedTimer, QTimer
kind, idle = sys.argv[1], float(sys.argv[2])
if kind == "bare":
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle("bare")
    window.setCentralWidget(QLabel("bare PySide6 window"))
    window.resize(1240, 820)
else:
    from zoomsig_gui.ui.app import make_app
    from zoomsig_gui.ui.mainwindow import MainWindow

    def clock():
        from zoomsig_gui.core.clock import check_clock
        return check_clock(servers=["127.0.0.1:9"], timeout_s=1.0, http_fallback=False)

    app = make_app(sys.argv[:1])
    window = MainWindow(clock_check=clock)
window.show()
def exposed():
    handle = window.windowHandle()
    if handle is not None and handle.isExposed():
        print("shown", flush=True)
        QTimer.singleShot(int(idle * 1000), report)
    else:
        QTimer.singleShot(1, exposed)
def report():
    rss = 0
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                rss = int(line.split()[1])
    print(f"rss {rss}", flush=True)
    window.close()
    app.quit()
QTimer.singleShot(0, exposed)
app.exec()
"""


def one_run(kind: str, idle: float, env: dict[str, str]) -> tuple[float, int]:
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-c", CHILD, kind, str(idle)], env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert child.stdout is not None
    shown = None
    rss = 0
    for line in child.stdout:
        if line.startswith("shown") and shown is None:
            shown = time.perf_counter() - start
        elif line.startswith("rss"):
            rss = int(line.split()[1])
    child.wait(timeout=60)
    if shown is None or child.returncode != 0:
        raise SystemExit(f"the {kind} window did not start (exit status {child.returncode})")
    return shown, rss


def compile_package(env: dict[str, str]) -> None:
    """Compile the zoomsig_gui the child processes will import (found the way they find it)."""
    find = "import zoomsig_gui; print(zoomsig_gui.__file__)"
    where = subprocess.run([sys.executable, "-c", find], env=env, capture_output=True,
                           text=True, check=True).stdout.strip()
    if not compileall.compile_dir(os.path.dirname(where), quiet=1):
        raise SystemExit(f"could not compile {os.path.dirname(where)}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--idle", type=float, default=2.0, help="seconds idle before memory")
    parser.add_argument("--no-compile", action="store_true",
                        help="do not compile zoomsig's bytecode first")
    args = parser.parse_args()
    env = dict(os.environ)
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        env["QT_QPA_PLATFORM"] = env.get("QT_QPA_PLATFORM", "offscreen")
    home = tempfile.mkdtemp(prefix="zoomsig-bench-")
    env.update(HOME=home, XDG_CONFIG_HOME=f"{home}/.config", XDG_DATA_HOME=f"{home}/.data",
               XDG_CACHE_HOME=f"{home}/.cache")
    if not args.no_compile:
        compile_package(env)
    results: dict[str, list[tuple[float, int]]] = {"bare": [], "zoomsig": []}
    one_run("bare", 0.1, env)  # warm the file cache so the first measured run is not special
    one_run("zoomsig", 0.1, env)
    for _ in range(args.runs):
        for kind in results:
            results[kind].append(one_run(kind, args.idle, env))
    bare_t = statistics.median(t for t, _ in results["bare"])
    ours_t = statistics.median(t for t, _ in results["zoomsig"])
    bare_m = statistics.median(m for _, m in results["bare"])
    ours_m = statistics.median(m for _, m in results["zoomsig"])
    compiled = "bytecode as found" if args.no_compile else "bytecode compiled"
    print(f"platform {env.get('QT_QPA_PLATFORM', 'native')}, {args.runs} runs each, medians, "
          f"zoomsig {compiled}\n")
    print(f"{'window':<10} {'time to window':>15} {'idle memory (RSS)':>19}")
    print(f"{'bare':<10} {bare_t * 1000:>12.0f} ms {bare_m / 1024:>16.1f} MB")
    print(f"{'zoomsig':<10} {ours_t * 1000:>12.0f} ms {ours_m / 1024:>16.1f} MB")
    print(f"{'ratio':<10} {ours_t / bare_t:>14.2f}× {ours_m / bare_m:>17.2f}×")
    return 0


if __name__ == "__main__":
    sys.exit(main())
