"""The HTTP side of the endpoint check (httpx): one CORS preflight, then N samples.

Nothing here judges the answers (analysis.py does); this records what came back, with the
true time around each sample. No answer is read past MAX_BODY bytes, no request waits past
its timeout, and the whole check stops at OVERALL_LIMIT_S.
"""

from __future__ import annotations

import errno
import socket
import ssl
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from typing import Any

import httpx

from zoomsig_gui.core.endpoint.request import OVERALL_LIMIT_S, EndpointInputError, EndpointRequest

MAX_BODY = 1_000_000  # a signature answer is a few hundred bytes
MAX_TIMEOUTS_IN_A_ROW = 3  # a server that never answers: stop instead of waiting N times
USER_AGENT = "zoomsig endpoint check"
Cancel = Callable[[], bool] | threading.Event | None
Progress = Callable[[int, int], None] | None


@dataclass(frozen=True)
class Failure:
    """Why no answer came: kind is refused, name, tls, timeout, protocol or other."""

    kind: str
    text: str


@dataclass(frozen=True)
class Preflight:
    status: int | None
    allow_origin: str | None = None
    allow_headers: str | None = None
    allow_methods: str | None = None
    failure: Failure | None = None


@dataclass(frozen=True)
class Answer:
    index: int
    sent_at: float  # true time when the request left
    received_at: float  # true time when the answer (or the failure) came
    elapsed_s: float
    status: int | None = None
    body: bytes = field(default=b"", repr=False)
    truncated: bool = False
    content_type: str | None = None
    allow_origin: str | None = None
    date: float | None = None  # the server's Date header, seconds since 1970
    redirects: tuple[str, ...] = ()  # "301 → https://…" for each hop followed
    failure: Failure | None = None


@dataclass(frozen=True)
class Gathered:
    preflight: Preflight | None
    answers: tuple[Answer, ...]
    stopped: str | None = None  # interrupted, cancelled, no-answer or time-limit


def ssl_context(ca_file: str | None) -> ssl.SSLContext:
    """The system's certificates, plus a private CA when given."""
    context = ssl.create_default_context()
    if ca_file:
        try:
            context.load_verify_locations(cafile=ca_file)
        except (OSError, ssl.SSLError) as exc:
            raise EndpointInputError(
                f"The CA file {ca_file} cannot be used: {exc}. Give a PEM certificate file."
            ) from None
    return context


def _chain(exc: BaseException) -> list[BaseException]:
    out: list[BaseException] = []
    item: BaseException | None = exc
    while item is not None and item not in out and len(out) < 20:
        out.append(item)
        item = item.__cause__ or item.__context__
    return out


def describe_failure(exc: Exception, timeout_s: float) -> Failure:
    """A transport error in words: which of refused, name not found, TLS or timeout."""
    chain = _chain(exc)
    for item in chain:
        if isinstance(item, ssl.SSLCertVerificationError):
            why = item.verify_message or "not trusted"
            return Failure(
                "tls",
                f"the TLS certificate is not trusted by this computer ({why}); if the endpoint "
                "uses a private certificate authority, give its certificate (--ca FILE)",
            )
        if isinstance(item, ssl.SSLError):
            return Failure("tls", f"the TLS handshake failed ({item.reason or item})")
        if isinstance(item, socket.gaierror):
            return Failure("name", "the host name was not found (DNS)")
        if isinstance(item, ConnectionRefusedError) or getattr(item, "errno", None) == (
            errno.ECONNREFUSED
        ):
            return Failure("refused", "the connection was refused: nothing listens at that port")
    if isinstance(exc, httpx.TimeoutException):
        return Failure("timeout", f"no answer within {timeout_s:g} s")
    if isinstance(exc, httpx.TooManyRedirects):
        return Failure("protocol", "the endpoint redirects in a loop")
    if isinstance(exc, httpx.ProxyError):
        return Failure("other", f"the proxy (from the environment) failed: {exc}")
    text = str(exc)
    if "Name or service not known" in text or "nodename nor servname" in text:
        return Failure("name", "the host name was not found (DNS)")
    if "Connection refused" in text:
        return Failure("refused", "the connection was refused: nothing listens at that port")
    if isinstance(exc, httpx.RemoteProtocolError):
        return Failure("protocol", "the server closed the connection without a proper answer")
    return Failure("other", f"the request failed ({type(exc).__name__}: {text or 'no detail'})")


def _date(value: str | None) -> float | None:
    if not value:
        return None
    try:
        return parsedate_to_datetime(value).timestamp()
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def _is_set(cancel: Cancel) -> bool:
    if cancel is None:
        return False
    if isinstance(cancel, threading.Event):
        return cancel.is_set()
    return bool(cancel())


class _Sampler:
    def __init__(self, req: EndpointRequest, clock: Callable[[], float], cancel: Cancel) -> None:
        self.req = req
        self.clock = clock
        self.cancel = cancel
        self.deadline = time.monotonic() + OVERALL_LIMIT_S
        self.client = httpx.Client(
            verify=ssl_context(req.ca_file),
            trust_env=True,  # proxies from HTTP(S)_PROXY / NO_PROXY, as a browser would
            follow_redirects=True,
            headers={"User-Agent": USER_AGENT, "Origin": req.origin.rstrip("/")},
        )

    def timeout(self) -> float:
        return max(0.05, min(self.req.timeout_s, self.deadline - time.monotonic()))

    def preflight(self) -> Preflight:
        try:
            # A browser does not follow a redirect of a preflight: neither do we.
            answer = self.client.request(
                "OPTIONS",
                self.req.url,
                headers=self.req.preflight_headers(),
                timeout=self.timeout(),
                follow_redirects=False,
            )
        except httpx.HTTPError as exc:
            return Preflight(None, failure=describe_failure(exc, self.req.timeout_s))
        h = answer.headers
        return Preflight(
            answer.status_code,
            h.get("access-control-allow-origin"),
            h.get("access-control-allow-headers"),
            h.get("access-control-allow-methods"),
        )

    def sample(self, index: int) -> Answer:
        req = self.req
        sent, started = self.clock(), time.perf_counter()
        limit = self.timeout()
        kwargs: dict[str, Any] = {"headers": dict(req.headers), "timeout": limit}
        if req.method == "GET":
            kwargs["params"] = req.query()
        else:
            kwargs["json"] = req.fields()  # httpx sets Content-Type: application/json
        try:
            with self.client.stream(req.method, req.url, **kwargs) as answer:
                body, truncated = self._read(answer, started + limit)
                h = answer.headers
                return Answer(
                    index,
                    sent,
                    self.clock(),
                    time.perf_counter() - started,
                    answer.status_code,
                    body,
                    truncated,
                    h.get("content-type"),
                    h.get("access-control-allow-origin"),
                    _date(h.get("date")),
                    tuple(
                        f"{hop.status_code} → {hop.headers.get('location', '?')}"
                        for hop in answer.history
                    ),
                )
        except httpx.HTTPError as exc:
            failure = describe_failure(exc, req.timeout_s)
        except _TooSlow:
            failure = Failure("timeout", f"the answer did not arrive within {limit:g} s")
        return Answer(index, sent, self.clock(), time.perf_counter() - started, failure=failure)

    @staticmethod
    def _read(answer: httpx.Response, deadline: float) -> tuple[bytes, bool]:
        """At most MAX_BODY bytes, and not past the deadline (a server dripping bytes)."""
        chunks: list[bytes] = []
        size = 0
        for chunk in answer.iter_bytes():
            chunks.append(chunk)
            size += len(chunk)
            if size > MAX_BODY:
                return b"".join(chunks)[:MAX_BODY], True
            if time.perf_counter() > deadline:
                raise _TooSlow
        return b"".join(chunks), False

    def pause(self, seconds: float) -> bool:
        """Wait between samples; False when cancelled meanwhile."""
        end = time.monotonic() + seconds
        while (left := end - time.monotonic()) > 0:
            if _is_set(self.cancel):
                return False
            time.sleep(min(left, 0.05))
        return not _is_set(self.cancel)


class _TooSlow(Exception):
    pass


def gather(
    req: EndpointRequest,
    clock: Callable[[], float] = time.time,
    cancel: Cancel = None,
    progress: Progress = None,
) -> Gathered:
    """The preflight (when a browser would send one) and the samples. Ctrl+C or ``cancel``
    stops the sampling; what was gathered until then is returned."""
    sampler = _Sampler(req, clock, cancel)
    answers: list[Answer] = []
    preflight = None
    stopped = None
    timeouts = 0
    try:
        with sampler.client:
            preflight = sampler.preflight() if req.needs_preflight() else None
            for index in range(req.samples):
                if index and not sampler.pause(req.interval_s):
                    stopped = "cancelled"
                    break
                if _is_set(cancel):
                    stopped = "cancelled"
                    break
                if time.monotonic() >= sampler.deadline:
                    stopped = "time-limit"
                    break
                answer = sampler.sample(index)
                answers.append(answer)
                if progress is not None:
                    progress(len(answers), req.samples)
                timeouts = timeouts + 1 if _timed_out(answer) else 0
                if timeouts >= MAX_TIMEOUTS_IN_A_ROW and index + 1 < req.samples:
                    stopped = "no-answer"
                    break
    except KeyboardInterrupt:
        stopped = "interrupted"
    return Gathered(preflight, tuple(answers), stopped)


def _timed_out(answer: Answer) -> bool:
    return answer.failure is not None and answer.failure.kind == "timeout"
