"""The endpoint check's cost: overhead per sample beside the endpoint's own time, and the
window's longest event-loop stall while a check runs.

The endpoint is a small signer in its own process on loopback (the answer Zoom's sample
gives, made with zoomsig's signer). "Own time" is a bare httpx POST to it; the overhead is
what the check adds per sample (preflight shared out, the inspector, the analysis).
Targets: overhead under 20 ms per sample, stall under 50 ms.
Usage: QT_QPA_PLATFORM=offscreen python bench/endpoint_bench.py [--samples N] [--runs N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time

import httpx

SERVER = r"""
import json, sys, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from zoomsig_gui.core.tokens.request import TokenRequest, make_token

KEY, SECRET = "benchKey0123456789", "benchSecret-0123456789abc"

class Signer(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # else headers and body wait for a delayed ACK (40 ms)
    def log_message(self, *args): pass
    def _send(self, status, body=b"", kind="application/json"):
        self.send_response(status)
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Access-Control-Allow-Headers", "content-type")
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
    def do_OPTIONS(self): self._send(204)
    def do_POST(self):
        asked = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        req = TokenRequest(KEY, asked["meetingNumber"], asked["role"], backdate_s=0)
        self._send(200, json.dumps({"signature": make_token(req, SECRET)}).encode())

server = ThreadingHTTPServer(("127.0.0.1", 0), Signer)
print(server.server_address[1], flush=True)
server.serve_forever()
"""


def start_server() -> tuple[subprocess.Popen, str]:
    proc = subprocess.Popen([sys.executable, "-c", SERVER], stdout=subprocess.PIPE, text=True)
    port = int(proc.stdout.readline())
    return proc, f"http://127.0.0.1:{port}/"


def own_time_ms(url: str, samples: int) -> float:
    """The endpoint's own time per answer: a bare POST on a kept-alive connection."""
    with httpx.Client() as client:
        client.post(url, json={"meetingNumber": "81198873582", "role": 0})
        start = time.perf_counter()
        for _ in range(samples):
            client.post(url, json={"meetingNumber": "81198873582", "role": 0})
        return (time.perf_counter() - start) / samples * 1000


def check_time_ms(url: str, samples: int) -> float:
    from zoomsig_gui.core.endpoint.check import run_check
    from zoomsig_gui.core.endpoint.request import EndpointRequest

    req = EndpointRequest(url, "81198873582", 0, samples=samples)
    start = time.perf_counter()
    result = run_check(req, secret="benchSecret-0123456789abc")
    elapsed = time.perf_counter() - start
    assert result.usable == samples, result.summary
    return elapsed / samples * 1000


def _longest_gap(label, done, start_ms: int = 0, action=None) -> tuple[float, str]:
    """Run the event loop with a 1 ms timer from ``start_ms`` until ``done()``: the longest
    gap between its ticks (ms) and ``label()`` at that moment. ``action`` runs 20 ms in."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    gaps: list[tuple[float, str]] = []
    last: list[float] = []

    def tick() -> None:
        now = time.perf_counter()
        if last:
            gaps.append((now - last[0], label()))
        last[:] = [now]
        if done():
            app.quit()

    timer = QTimer(interval=1)
    timer.timeout.connect(tick)
    QTimer.singleShot(start_ms, timer.start)
    if action is not None:
        QTimer.singleShot(start_ms + 20, action)
    app.exec()
    timer.stop()
    worst, where = max(gaps)
    return worst * 1000, where


def longest_stall_ms(url: str, samples: int) -> tuple[float, str]:
    """The tab's check under the 1 ms timer, from Check until the findings show."""
    from PySide6.QtWidgets import QApplication

    from zoomsig_gui.ui.endpoint.tab import EndpointTab

    QApplication.instance() or QApplication([])
    tab = EndpointTab(_no_profiles()(), time.time)
    tab.show()
    tab.url.setText(url)
    tab.meeting.setText("81198873582")
    tab.samples.setValue(min(samples, 100))

    def label() -> str:
        phase = "sampling" if tab.running() else "showing the result"
        return f"{phase}, {tab.progress.value()} answers in"

    def done() -> bool:
        return not tab.running() and tab.result is not None and tab.copy_report.isEnabled()

    # The tab's first paint is not the check's: measure from half a second after showing it.
    stall = _longest_gap(label, done, 500, tab.check)
    usable = tab.result.usable if tab.result else 0
    assert usable == tab.samples.value(), tab.summary.text()
    tab.close()
    tab.deleteLater()
    return stall


def idle_stall_ms(seconds: float = 2.0) -> float:
    """The same timer with nothing running: what the machine itself does to the event loop."""
    end = time.perf_counter() + seconds
    return _longest_gap(lambda: "idle", lambda: time.perf_counter() > end)[0]


def _no_profiles():
    from PySide6.QtCore import QObject, Signal

    class NoProfiles(QObject):
        """The tab's profile list, empty: the bench checks no signature."""

        listed = Signal()

        def names(self) -> list[str]:
            return []

    return NoProfiles


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=int, default=50)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    proc, url = start_server()
    try:
        own = statistics.median(own_time_ms(url, args.samples) for _ in range(args.runs))
        check = statistics.median(check_time_ms(url, args.samples) for _ in range(args.runs))
        idle = max(idle_stall_ms() for _ in range(2))
        stalls = [longest_stall_ms(url, args.samples) for _ in range(args.runs)]
        stall = max(ms for ms, _where in stalls)
    finally:
        proc.terminate()
        proc.wait(5)
    print(f"endpoint's own time per answer:  {own:6.2f} ms (median of {args.runs} runs)")
    print(f"check's time per sample:         {check:6.2f} ms")
    print(f"overhead per sample:             {check - own:6.2f} ms (target < 20 ms)")
    print(f"window's longest stall:          {stall:6.2f} ms (worst of {args.runs}; target < 50)")
    print(f"the same loop idle (no check):   {idle:6.2f} ms (the machine's own noise)")
    for ms, where in stalls:
        print(f"  {ms:6.1f} ms while {where}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
