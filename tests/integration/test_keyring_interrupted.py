"""kill -9 during `zoomsig profiles add`, against the real Secret Service: nothing is left
dangling (no secret without a profile), and entries left by older versions are removed."""

from __future__ import annotations

import json
import os
import secrets
import signal
import subprocess
import time
from pathlib import Path

import keyring
import pytest

from tests.helpers.keyrings import child_env, require_secret_service, zoomsig_cmd

pytestmark = pytest.mark.keyring
KEY = "interruptedKey42"


def test_kill_between_the_two_writes_leaves_a_visible_profile(tmp_path: Path) -> None:
    require_secret_service()
    env = {**child_env(tmp_path), "ZOOMSIG_TEST_PAUSE_IN_ADD": "30", "S": secrets.token_hex(16)}
    index = tmp_path / ".config" / "zoomsig" / "profiles.json"
    child = subprocess.Popen(
        zoomsig_cmd("profiles", "add", "Half", "--key", KEY, "--secret-env", "S"),
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while not (index.exists() and "Half" in index.read_text()):
            assert time.monotonic() < deadline and child.poll() is None
            time.sleep(0.05)
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
    entry = json.loads(index.read_text())["profiles"][0]["id"]
    assert keyring.get_password("zoomsig", entry) is None  # no secret without its profile
    env.pop("ZOOMSIG_TEST_PAUSE_IN_ADD")
    listed = subprocess.run(
        zoomsig_cmd("profiles", "list"), env=env, capture_output=True, text=True, timeout=60
    )
    assert listed.returncode == 0 and "Half" in listed.stdout and "MISSING" in listed.stdout


def test_an_orphaned_secret_is_removed_on_the_next_list(tmp_path: Path) -> None:
    require_secret_service()
    env = {**child_env(tmp_path), "S": secrets.token_hex(16)}
    added = subprocess.run(
        zoomsig_cmd("profiles", "add", "Kept", "--key", KEY, "--secret-env", "S"),
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert added.returncode == 0, added.stderr
    orphan = secrets.token_hex(16)
    keyring.set_password("zoomsig", orphan, "left by an older zoomsig killed mid-add")
    try:
        listed = subprocess.run(
            zoomsig_cmd("profiles", "list"), env=env, capture_output=True, text=True, timeout=60
        )
        assert listed.returncode == 0 and "Kept" in listed.stdout
        assert "Removed" in listed.stderr
        assert keyring.get_password("zoomsig", orphan) is None
        index = tmp_path / ".config" / "zoomsig" / "profiles.json"
        kept = json.loads(index.read_text())["profiles"][0]["id"]
        assert keyring.get_password("zoomsig", kept) == env["S"]
    finally:
        try:
            keyring.delete_password("zoomsig", orphan)
        except keyring.errors.PasswordDeleteError:
            pass
