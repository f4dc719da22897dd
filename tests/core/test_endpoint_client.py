"""The endpoint check's HTTP side against servers that misbehave on purpose, on loopback:
each way of failing is named in plain words, nothing is read past its limits, and a check
can be stopped."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from tests.helpers.endpoints import silent_server
from tests.helpers.loopback_http import LoopbackHttp, QuietHandler
from zoomsig_gui.core.endpoint.client import MAX_BODY, gather
from zoomsig_gui.core.endpoint.request import EndpointRequest

BODY = b'{"signature": "eyJhbGciOiJIUzI1NiJ9.e30.c2ln"}'


def request(url: str, **options: object) -> EndpointRequest:
    return EndpointRequest(url, meeting_number="81198873582", role=0, **options)


class Loop(QuietHandler):
    def do_POST(self) -> None:  # every answer sends the client back to the same place
        self.send_response(307)  # keeps the method: the loop stays a loop
        self.send_header("Location", self.path)
        self.send_header("Content-Length", "0")
        self.end_headers()


class HangUp(QuietHandler):
    def do_POST(self) -> None:  # reads the request, then closes without a word
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.close_connection = True
        self.wfile.flush()
        self.connection.shutdown(socket.SHUT_RDWR)


class Huge(QuietHandler):
    def date_time_string(self, timestamp: float | None = None) -> str:
        return "not a date at all"  # the Date header every answer carries

    def do_POST(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        chunk = b"A" * 65536
        for _ in range(MAX_BODY // len(chunk) + 4):
            try:
                self.wfile.write(chunk)
            except OSError:
                return  # the client stopped reading: as it should


class Drip(QuietHandler):
    def do_POST(self) -> None:  # headers at once, then a byte now and then
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        for _ in range(40):
            try:
                self.wfile.write(b" ")
                self.wfile.flush()
            except OSError:
                return
            time.sleep(0.05)


class Fine(QuietHandler):
    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(BODY)))
        self.end_headers()
        self.wfile.write(BODY)


@contextmanager
def serving(handler: type) -> Iterator[str]:
    with LoopbackHttp(handler) as server:
        yield server.url


def only_failure(url: str, **options: object):
    gathered = gather(request(url, samples=1, **options))
    (answer,) = gathered.answers
    assert answer.failure is not None
    return answer.failure


def test_a_redirect_loop_is_named():
    with serving(Loop) as url:
        failure = only_failure(url)
    assert (failure.kind, failure.text) == ("protocol", "the endpoint redirects in a loop")


def test_a_server_hanging_up_without_an_answer_is_named():
    with serving(HangUp) as url:
        failure = only_failure(url)
    assert failure.kind == "protocol" and "closed the connection" in failure.text


def test_a_silent_server_times_out_in_the_time_given():
    with silent_server() as url:
        started = time.monotonic()
        failure = only_failure(url, timeout_s=0.3)
    assert failure.kind == "timeout" and "0.3 s" in failure.text
    assert time.monotonic() - started < 5


def test_a_huge_answer_is_read_only_up_to_the_limit():
    with serving(Huge) as url:
        (answer,) = gather(request(url, samples=1)).answers
    assert answer.failure is None and answer.truncated and len(answer.body) == MAX_BODY
    assert answer.date is None  # an unreadable Date header is no date, not an error


def test_an_answer_dripping_past_the_timeout_is_given_up():
    with serving(Drip) as url:
        failure = only_failure(url, timeout_s=0.5)
    assert failure.kind == "timeout" and "did not arrive within" in failure.text


def test_a_check_can_be_cancelled_before_and_between_samples():
    with serving(Fine) as url:
        first = gather(request(url, samples=3), cancel=lambda: True)
        assert first.stopped == "cancelled" and first.answers == ()
        stop = threading.Event()
        timer = threading.Timer(0.3, stop.set)
        timer.start()
        try:
            second = gather(request(url, samples=5, interval_s=1.0), cancel=stop)
        finally:
            timer.cancel()
    assert second.stopped == "cancelled" and len(second.answers) == 1
    assert second.answers[0].status == 200 and second.answers[0].body == BODY
