"""The `zoomsig` command in separate processes against the real Secret Service: a profile
survives a restart, and a full round never leaves the secret in a file or in any output."""

from __future__ import annotations

import json
import os
import secrets
import subprocess
from pathlib import Path

import jwt
import pytest

from tests.helpers.keyrings import (
    child_env,
    files_containing,
    require_secret_service,
    zoomsig_cmd,
)
from zoomsig_gui.commands import COMMANDS
from zoomsig_gui.core.tokens.jwt import verify

pytestmark = pytest.mark.keyring

KEY = "roundTripKey42"


class Runner:
    def __init__(self, home: Path) -> None:
        self.env = child_env(home)
        self.outputs: list[str] = []

    def __call__(self, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
        done = subprocess.run(
            zoomsig_cmd(*args),
            input=stdin,
            capture_output=True,
            text=True,
            env=self.env,
            timeout=120,
        )
        self.outputs += [done.stdout, done.stderr]
        assert done.returncode == 0, f"zoomsig {' '.join(args)} failed: {done.stderr}"
        return done

    def remove_quietly(self, name: str) -> None:
        subprocess.run(
            zoomsig_cmd("profiles", "remove", name), capture_output=True, env=self.env, timeout=60
        )


@pytest.fixture
def zoomsig(tmp_path: Path):
    require_secret_service()
    runner = Runner(tmp_path / "home")
    yield runner
    for name in ("Restart ✓", "Full round"):
        runner.remove_quietly(name)


def test_profile_saved_in_one_process_signs_in_the_next(zoomsig):
    secret = secrets.token_urlsafe(24)
    zoomsig("profiles", "add", "Restart ✓", "--key", KEY, "--secret-stdin", stdin=secret + "\n")
    token = zoomsig(
        "token", "--profile", "Restart ✓", "--meeting", "123456789", "--role", "0"
    ).stdout.strip()
    assert verify(token, secret)
    claims = jwt.decode(token, secret, algorithms=["HS256"])  # PyJWT agrees, times valid
    assert claims["appKey"] == KEY and claims["mn"] == "123456789"
    [row] = json.loads(zoomsig("profiles", "list", "--json").stdout)
    assert (row["name"], row["secret"]) == ("Restart ✓", "saved")
    assert isinstance(row["last_used"], int)


def test_full_round_leaves_the_secret_only_in_the_keyring(zoomsig, tmp_path):
    secret = secrets.token_urlsafe(24)
    zoomsig(
        "profiles",
        "add",
        "Full round",
        "--key",
        KEY,
        "--notes",
        "team A",
        "--secret-stdin",
        stdin=secret + "\n",
    )
    token = zoomsig("token", "--profile", "Full round", "--native").stdout.strip()
    assert verify(token, secret)
    inspected = json.loads(zoomsig("inspect", "--profile", "Full round", "--json", token).stdout)
    assert inspected["signature_valid"] is True

    assert "link" in COMMANDS, "zoomsig link is part of the round"
    link = zoomsig(
        "link",
        "--profile",
        "Full round",
        "--meeting",
        "123456789",
        "--role",
        "0",
        "--name",
        "Tester",
    ).stdout
    assert "signature=" in link

    export = tmp_path / "home" / "team-profiles.json"
    zoomsig("profiles", "export", str(export))
    assert json.loads(export.read_text(encoding="utf-8"))["profiles"][0]["key"] == KEY
    zoomsig("profiles", "list", "--json")
    zoomsig("profiles", "show", "Full round")

    home = Path(os.environ.get("HOME", "~")).expanduser()
    keyring_stores = [home / ".local" / "share" / "keyrings"]
    if os.environ.get("XDG_DATA_HOME"):
        keyring_stores.append(Path(os.environ["XDG_DATA_HOME"]) / "keyrings")
    assert any(p.is_dir() and any(p.iterdir()) for p in keyring_stores), (
        "the keyring's own store should exist (that is where the secret went)"
    )

    roots = [tmp_path, home]
    probe = tmp_path / "probe.txt"  # the scan must be able to find what it looks for
    probe.write_text(f"x{secret}x", encoding="utf-8")
    assert files_containing(secret, roots, keyring_stores) == [probe.resolve()]
    probe.unlink()

    assert files_containing(secret, roots, keyring_stores) == []
    assert [out for out in zoomsig.outputs if secret in out] == []
