"""Signature endpoints on loopback for the endpoint-check tests: real node/Express backends
(tests/helpers/backends/signer.js), a round-robin proxy in front of two of them, and
a self-signed certificate made with openssl."""

from __future__ import annotations

import shutil
import socket
import subprocess
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

import pytest

from tests.helpers.env import require
from tests.helpers.node_tools import node_server, npm_packages
from zoomsig_gui.core.endpoint.client import Answer, Preflight
from zoomsig_gui.core.tokens.jwt import sign

BACKENDS = Path(__file__).parent / "backends"
# Versions as Zoom's meetingsdk-auth-endpoint-sample pins them (package.json, 2026-02).
PACKAGES = ("express@4.21.2", "cors@2.8.5", "jsrsasign@11.1.0")
KEY = "abcDEFghiJKLmnoPQRst"
# Mixed case and letters beyond f: jsrsasign would read a hex-looking secret as hex.
SECRET = "Zq7pLmN3xR8vT2wK9yB4cD6fG1hJ5sQa"
MEETING = "81198873582"

Backend = Callable[..., AbstractContextManager[str]]

# Answers built without a network, for the analysis and report tests.
NOW = 1_800_000_000
OPEN = Preflight(204, "*", "content-type")


def answer(body: bytes, status: int = 200, index: int = 0) -> Answer:
    return Answer(index, NOW, NOW + 0.01, 0.01, status, body, allow_origin="*", date=NOW)


def token(**claims: object) -> str:
    """A web token as Zoom's sample makes it, with ``claims`` changed (None: left out)."""
    payload: dict[str, object] = {"appKey": "k", "sdkKey": "k", "mn": MEETING, "role": 0}
    payload |= {"iat": NOW - 5, "exp": NOW + 7200, "tokenExp": NOW + 7200} | claims
    return sign({k: v for k, v in payload.items() if v is not None}, "secret")


@pytest.fixture(scope="session")
def node_packages() -> Path:
    return npm_packages(*PACKAGES)


@pytest.fixture
def backend(node_packages: Path) -> Iterator[Backend]:
    """``with backend("forum") as url:`` a signer in that MODE; extra keywords go to its env."""

    @contextmanager
    def start(mode: str, prefix: tuple[str, ...] = (), scheme: str = "http", **env: str):
        full = {"MODE": mode, "SDK_KEY": KEY, "SDK_SECRET": SECRET, **env}
        with node_server(node_packages, BACKENDS / "signer.js", full, prefix) as port:
            yield f"{scheme}://127.0.0.1:{port}/"

    yield start


@contextmanager
def round_robin(node_packages: Path, urls: list[str]) -> Iterator[str]:
    ports = ",".join(url.rstrip("/").rsplit(":", 1)[1] for url in urls)
    with node_server(node_packages, BACKENDS / "roundrobin.js", {"BACKENDS": ports}) as port:
        yield f"http://127.0.0.1:{port}/"


def faketime(offset: str) -> tuple[str, ...]:
    """The command prefix that runs a process with its clock moved (Debian's faketime)."""
    require(shutil.which("faketime"), "faketime is not installed (Debian package faketime)")
    # Monotonic time stays true: node's event loop and timers keep working.
    return ("faketime", "-f", offset)


@pytest.fixture
def self_signed(tmp_path: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 signed by itself, and its key."""
    require(shutil.which("openssl"), "openssl is not installed")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        [
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
            "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
            "-keyout", str(key), "-out", str(cert),
        ],
        check=True,
        capture_output=True,
        timeout=60,
    )  # fmt: skip
    return cert, key


@contextmanager
def silent_server() -> Iterator[str]:
    """Accepts connections (the kernel's backlog does) and never answers."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(64)
        yield f"http://127.0.0.1:{sock.getsockname()[1]}/"


def refused_url() -> str:
    """A loopback port where nothing listens (bound, then closed)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/"
