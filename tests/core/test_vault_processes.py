"""The window and the command line change profiles.json from two processes: no change is lost,
and a process that holds the list too long gets a plain message, not a hang."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.helpers.env import ROOT
from zoomsig_gui.core.vault import facade as vault_module
from zoomsig_gui.core.vault.errors import ProfileFileError, ProfilesBusyError
from zoomsig_gui.core.vault.facade import Vault
from zoomsig_gui.core.vault.secrets import SecretStore

# Adds profiles with session-only secrets: the file is shared, the keyring is not needed.
ADDER = """
import sys
from pathlib import Path
from tests.helpers.keyrings import MemoryKeyring
from zoomsig_gui.core.vault.secrets import SecretStore
from zoomsig_gui.core.vault.facade import Vault
path, prefix, count = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
vault = Vault(path, SecretStore(MemoryKeyring(), timeout_s=5))
sys.stdin.readline()  # both start together
for i in range(count):
    vault.add(f"{prefix} {i}", f"key{prefix}{i}", f"secret-{prefix}-{i}-xyz", session_only=True)
    vault.credentials(f"{prefix} {i}", mark_used=True)  # as signing does
"""

HOLDER = """
import sys, time
from pathlib import Path
from zoomsig_gui.core.store.filelock import locked
with locked(Path(sys.argv[1]), 5):
    print("holding", flush=True)
    time.sleep(float(sys.argv[2]))
"""


def spawn(code: str, *args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", code, *args],
        cwd=ROOT,
        text=True,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
    )


def test_two_processes_adding_at_once_lose_nothing(tmp_path: Path):
    path = tmp_path / "profiles.json"
    adders = [spawn(ADDER, str(path), name, "15") for name in ("Window", "Script")]
    for adder in adders:
        adder.stdin.write("go\n")
        adder.stdin.flush()
    for adder in adders:
        assert adder.wait(timeout=120) == 0
    names = Vault(path, SecretStore(None, timeout_s=5)).names()
    assert len(names) == 30
    assert {n.split()[0] for n in names} == {"Window", "Script"}


def test_a_list_held_too_long_ends_in_a_message_and_changes_nothing(tmp_path: Path, monkeypatch):
    path = tmp_path / "profiles.json"
    from tests.helpers.keyrings import MemoryKeyring

    vault = Vault(path, SecretStore(MemoryKeyring(), timeout_s=0.3))
    vault.add("Prod", "KEY123", "a-secret-value-123")
    before = path.read_bytes()
    holder = spawn(HOLDER, str(path.with_name("profiles.json.lock")), "30")
    try:
        assert holder.stdout.readline().strip() == "holding"
        monkeypatch.setattr(vault_module, "LOCK_MARGIN_S", 0.5)
        started = time.monotonic()
        with pytest.raises(ProfilesBusyError, match="Another zoomsig .* try again"):
            vault.add("Test", "KEY456", "another-secret-456")
        assert time.monotonic() - started < 5  # waited about 0.8 s, then gave up
        assert path.read_bytes() == before
        assert vault.names() == ["Prod"]  # reading needs no lock
    finally:
        holder.kill()
        holder.wait()
    vault.add("Test", "KEY456", "another-secret-456")  # free again: works
    assert vault.names() == ["Prod", "Test"]


def test_signing_does_not_wait_for_a_busy_list(tmp_path: Path):
    path = tmp_path / "profiles.json"
    from tests.helpers.keyrings import MemoryKeyring

    vault = Vault(path, SecretStore(MemoryKeyring(), timeout_s=20))
    vault.add("Prod", "KEY123", "a-secret-value-123")
    holder = spawn(HOLDER, str(path.with_name("profiles.json.lock")), "30")
    try:
        assert holder.stdout.readline().strip() == "holding"
        started = time.monotonic()
        creds = vault.credentials("Prod", mark_used=True)  # what `zoomsig token` does
        assert creds.secret == "a-secret-value-123"
        assert time.monotonic() - started < 5  # not the 30 s a change would wait
        assert any("time of use was not recorded" in n for n in vault.pop_notices())
    finally:
        holder.kill()
        holder.wait()


def test_no_lock_file_possible_fails_a_change_but_not_a_token(tmp_path: Path):
    from tests.helpers.keyrings import MemoryKeyring

    path = tmp_path / "profiles.json"
    vault = Vault(path, SecretStore(MemoryKeyring(), timeout_s=5))
    vault.add("Prod", "KEY123", "a-secret-value-123")
    path.with_name("profiles.json.lock").unlink()
    path.with_name("profiles.json.lock").mkdir()  # something in the way of the lock file
    with pytest.raises(ProfileFileError, match="Could not read the profile list"):
        vault.add("Test", "KEY456", "another-secret-456")
    creds = vault.credentials("Prod", mark_used=True)
    assert creds.secret == "a-secret-value-123"
    assert any("time of use was not recorded" in n for n in vault.pop_notices())
