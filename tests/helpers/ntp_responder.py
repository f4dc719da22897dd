"""A loopback NTP server for tests: its clock is off by a chosen amount, or it misbehaves.

It runs on a thread, answers on 127.0.0.1 and stops by itself after ``lifetime_s`` even if a
test forgets to stop it.
"""

from __future__ import annotations

import os
import select
import socket
import struct
import threading
import time
from typing import Literal

NTP_EPOCH_DELTA = 2208988800

Behaviour = Literal[
    "answer",
    "garbage",
    "short",
    "kod",
    "wrong-address",
    "wrong-origin",
    "unsynchronised",
    "client-mode",
    "silent",
]


def ntp_timestamp(epoch: float) -> bytes:
    value = epoch + NTP_EPOCH_DELTA
    seconds = int(value)
    fraction = int((value - seconds) * 2**32) & 0xFFFFFFFF
    return struct.pack("!II", seconds & 0xFFFFFFFF, fraction)  # wraps into the next era


class NtpResponder:
    """``with NtpResponder(offset_s=47) as server: server.address`` → "127.0.0.1:PORT"."""

    def __init__(
        self,
        offset_s: float = 0.0,
        behaviour: Behaviour = "answer",
        stratum: int = 2,
        kod_code: bytes = b"RATE",
        lifetime_s: float = 30.0,
        latency_s: float = 0.0,
        hold_s: float = 0.0,
        transmit: bytes | None = None,
    ) -> None:
        self.transmit = transmit  # 8 raw bytes for the transmit timestamp (e.g. all 0xFF)
        # latency_s: a slow network (counts in the round-trip delay); hold_s: time between
        # the server's receive and transmit timestamps (does not count in the delay).
        self.latency_s = latency_s
        self.hold_s = hold_s
        self.offset_s = offset_s
        self.behaviour = behaviour
        self.stratum = stratum
        self.kod_code = kod_code
        self.lifetime_s = lifetime_s
        self.requests = 0
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self._sock.bind(("127.0.0.1", 0))
        self.port = self._sock.getsockname()[1]
        self._other: socket.socket | None = None
        if behaviour == "wrong-address":
            self._other = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
            try:  # Linux routes all of 127/8 to loopback; elsewhere use another port
                self._other.bind(("127.0.0.2", 0))
            except OSError:
                self._other.bind(("127.0.0.1", 0))
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, name="ntp-responder", daemon=True)

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.port}"

    def __enter__(self) -> NtpResponder:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(5)
        self._sock.close()
        if self._other:
            self._other.close()

    def _serve(self) -> None:
        end = time.monotonic() + self.lifetime_s
        while not self._stop.is_set() and time.monotonic() < end:
            if not select.select([self._sock], [], [], 0.05)[0]:
                continue
            try:
                request, client = self._sock.recvfrom(1024)
            except OSError:
                return
            self.requests += 1
            reply = self._reply(request)
            if reply is not None:
                (self._other or self._sock).sendto(reply, client)

    def _reply(self, request: bytes) -> bytes | None:
        time.sleep(self.latency_s)
        received = time.time() + self.offset_s
        time.sleep(self.hold_s)
        if self.behaviour == "silent":
            return None
        if self.behaviour == "garbage":
            return os.urandom(48)
        if self.behaviour == "short":
            return b"not an NTP packet"
        leap, stratum, ref_id = 0, self.stratum, b"GPS\x00"
        mode = 3 if self.behaviour == "client-mode" else 4
        if self.behaviour == "kod":
            stratum, ref_id = 0, self.kod_code
        if self.behaviour == "unsynchronised":
            leap = 3
        origin = request[40:48] if len(request) >= 48 else bytes(8)
        if self.behaviour == "wrong-origin":
            origin = ntp_timestamp(time.time() - 100)
        head = struct.pack("!BBbb", leap << 6 | 4 << 3 | mode, stratum, 6, -20)
        return (
            head
            + struct.pack("!II", 0, 0)
            + ref_id
            + ntp_timestamp(received - 10)
            + origin
            + ntp_timestamp(received)
            + (self.transmit or ntp_timestamp(time.time() + self.offset_s))
        )
