"""node packages for cross-checks and test backends, installed with npm into the test cache on
first use; node servers started on a free loopback port."""

from __future__ import annotations

import contextlib
import json
import os
import selectors
import shutil
import signal
import subprocess
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from tests.helpers.env import cache_dir, require

NODE_ENV_PATH = "/usr/bin:/bin:/usr/local/bin"


def npm_packages(*specs: str) -> Path:
    """The folder holding node_modules/ with every "name@version" in ``specs``; installs once."""
    require(shutil.which("node") and shutil.which("npm"), "node and npm are not installed")
    folder = cache_dir("npm-" + "+".join(specs).replace("@", "-").lstrip("-").replace("/", "_"))
    names = [spec.rsplit("@", 1)[0] for spec in specs]
    if not all((folder / "node_modules" / name / "package.json").exists() for name in names):
        subprocess.run(
            ["npm", "install", "--no-audit", "--no-fund", "--prefix", str(folder), *specs],
            check=True,
            capture_output=True,
            timeout=300,
        )
    return folder


def npm_package(name: str, version: str) -> Path:
    """The folder holding node_modules/<name>; installs it once."""
    return npm_packages(f"{name}@{version}")


def run_node(folder: Path, script: str, env: dict[str, str]) -> str:
    """Run a script with NODE_PATH on the package folder; secrets travel in env, never argv."""
    result = subprocess.run(
        ["node", "-e", script],
        capture_output=True,
        text=True,
        timeout=60,
        env={"PATH": NODE_ENV_PATH, "NODE_PATH": str(folder / "node_modules"), **env},
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def _first_line(proc: subprocess.Popen, timeout_s: float) -> str:
    selector = selectors.DefaultSelector()
    selector.register(proc.stdout, selectors.EVENT_READ)
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if selector.select(timeout=0.1):
            line = proc.stdout.readline()
            if line:
                return line
        if proc.poll() is not None:
            break
    proc.kill()
    raise AssertionError(f"the node server did not start: {proc.stderr.read()}")


def _stop_group(proc: subprocess.Popen) -> None:
    """End the process and all it started: a wrapper such as faketime leaves node running."""
    try:
        os.killpg(proc.pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    with contextlib.suppress(subprocess.TimeoutExpired):
        proc.wait(5)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)  # whatever of the group did not stop
    proc.wait(5)


@contextmanager
def node_server(
    folder: Path, script: Path, env: dict[str, str], prefix: Sequence[str] = ()
) -> Iterator[int]:
    """Start ``node script`` (under ``prefix``, e.g. faketime) and yield the port it prints."""
    proc = subprocess.Popen(
        [*prefix, "node", str(script)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={"PATH": NODE_ENV_PATH, "NODE_PATH": str(folder / "node_modules"), **env},
        start_new_session=True,  # its own process group: a wrapper's child (faketime's) ends too
    )
    try:
        yield int(json.loads(_first_line(proc, 30))["port"])
    finally:
        _stop_group(proc)
        for stream in (proc.stdout, proc.stderr):
            stream.close()
