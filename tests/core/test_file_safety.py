"""Files: an export never replaces what is not a file of the person's choosing, reading never
hangs on a FIFO or reads a device forever, and damage is set aside, never dropped."""

from __future__ import annotations

import json
import os
import stat
import time
from pathlib import Path

import pytest

from tests.helpers.hangguard import hang_guard
from tests.helpers.keyrings import MemoryKeyring
from zoomsig_gui.core.store.jsonfile import TEMP_MARK, read_json, write_json_atomic
from zoomsig_gui.core.vault.errors import (
    ExportFileError,
    ExportFileExists,
    ImportFileError,
    KeyringSettingError,
    ProfileFileError,
)
from zoomsig_gui.core.vault.facade import Vault
from zoomsig_gui.core.vault.secrets import SecretStore, timeout_from_env

KEY = "aB3dE5fG7hI9jK1lM3nO5p"
SECRET = "Q7xWn2KpL9vRt4YbZ8sMd3FhJc6GaE1u"


class ListingKeyring(MemoryKeyring):
    """A keyring that can list its entries, as the Secret Service can; counts lookups."""

    def __init__(self) -> None:
        super().__init__()
        self.lookups = 0

    def list_entries(self, service: str) -> list[str]:
        return [user for (svc, user) in self.entries if svc == service]

    def get_password(self, service: str, username: str) -> str | None:
        self.lookups += 1
        return super().get_password(service, username)


@pytest.fixture
def keyring_backend() -> ListingKeyring:
    return ListingKeyring()


@pytest.fixture
def vault(tmp_path: Path, keyring_backend: ListingKeyring) -> Vault:
    v = Vault(path=tmp_path / "config" / "profiles.json", store=SecretStore(keyring_backend, 5))
    v.add("Prod", KEY, SECRET)
    return v


def odd_targets(tmp_path: Path) -> dict[str, Path]:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    folder = tmp_path / "folder"
    folder.mkdir()
    links = {}
    for name, target in (("to-device", Path("/dev/null")), ("to-fifo", fifo), ("to-dir", folder)):
        links[name] = tmp_path / name
        links[name].symlink_to(target)
    return {"device": Path("/dev/null"), "fifo": fifo, "folder": folder, **links}


def test_export_refuses_anything_but_a_file(vault: Vault, tmp_path: Path) -> None:
    for what, target in odd_targets(tmp_path).items():
        before = os.stat(target)
        with pytest.raises(ExportFileError, match="not a file"):
            vault.export_to(target, replace=True)
        after = os.stat(target)
        assert stat.S_IFMT(after.st_mode) == stat.S_IFMT(before.st_mode), what
        assert after.st_ino == before.st_ino, what  # not renamed over
    assert not list(tmp_path.glob(f"*{TEMP_MARK}*"))


def test_export_asks_before_replacing_and_keeps_the_mode(vault: Vault, tmp_path: Path) -> None:
    target = tmp_path / "team.json"
    target.write_text("my notes")
    target.chmod(0o640)
    with pytest.raises(ExportFileExists):
        vault.export_to(target)
    assert target.read_text() == "my notes"
    assert vault.export_to(target, replace=True) == 1
    assert json.loads(target.read_text())["profiles"][0]["name"] == "Prod"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_export_through_a_link_writes_the_file_it_points_to(vault: Vault, tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_text("{}")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    vault.export_to(link, replace=True)
    assert link.is_symlink() and "Prod" in real.read_text()


def test_export_never_creates_folders_and_new_files_follow_the_umask(
    vault: Vault, tmp_path: Path
) -> None:
    missing = tmp_path / "no" / "such" / "folder" / "out.json"
    with pytest.raises(ExportFileError, match="does not exist"):
        vault.export_to(missing)
    assert not (tmp_path / "no").exists()
    old = os.umask(0o027)
    try:
        vault.export_to(tmp_path / "new.json")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.json").stat().st_mode) == 0o640


def test_reading_a_fifo_or_a_device_does_not_hang(vault: Vault, tmp_path: Path) -> None:
    targets = odd_targets(tmp_path)
    zero = tmp_path / "zero"
    zero.symlink_to("/dev/zero")
    with hang_guard(10):
        for target in (targets["fifo"], targets["to-fifo"], zero, targets["device"]):
            with pytest.raises(ImportFileError, match="not a file"):
                vault.import_from(target)
        vault.path.unlink()
        os.mkfifo(vault.path)
        with pytest.raises(ProfileFileError, match="FIFO"):
            vault.profiles()
    assert stat.S_ISFIFO(os.stat(vault.path).st_mode)  # not ours to move


def test_profiles_that_is_not_a_list_is_set_aside(vault: Vault) -> None:
    vault.path.write_text(json.dumps({"schema": 1, "profiles": {"Prod": {"key": KEY}}}))
    assert vault.profiles() == []
    notice = " ".join(vault.pop_notices())
    assert "not a list" in notice and ".bad-" in notice
    aside = list(vault.path.parent.glob("profiles.json.bad-*"))
    assert len(aside) == 1 and '"Prod"' in aside[0].read_text()


def test_deeply_nested_files_are_set_aside(vault: Vault, tmp_path: Path) -> None:
    vault.path.write_text('{"schema": 1, "profiles": ' + "[" * 5000 + "]" * 5000 + "}")
    assert vault.profiles() == []
    assert "nested too deeply" in " ".join(vault.pop_notices())
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 5000 + "]" * 5000)
    with pytest.raises(ImportFileError, match="nested too deeply"):
        vault.import_from(deep)


def test_stale_temp_files_are_removed_fresh_ones_kept(tmp_path: Path) -> None:
    path = tmp_path / "profiles.json"
    write_json_atomic(path, {"schema": 1, "profiles": []})
    stale = tmp_path / f".profiles.json{TEMP_MARK}abc.tmp"
    fresh = tmp_path / f".profiles.json{TEMP_MARK}def.tmp"
    other = tmp_path / ".profiles.json.somebody-elses.tmp"
    for file in (stale, fresh, other):
        file.write_text("half a write")
    an_hour_ago = time.time() - 3600
    os.utime(stale, (an_hour_ago, an_hour_ago))
    os.utime(other, (an_hour_ago, an_hour_ago))
    read_json(path, 1)
    assert not stale.exists() and fresh.exists() and other.exists()


def test_orphaned_keyring_entries_are_removed(vault: Vault, keyring_backend) -> None:
    orphan = "0123456789abcdef0123456789abcdef"
    keyring_backend.set_password("zoomsig", orphan, "left by a killed add")
    keyring_backend.set_password("zoomsig", "not-one-of-ours", "kept")
    fresh = Vault(path=vault.path, store=vault.store)
    assert [v.profile.name for v in fresh.profiles()] == ["Prod"]
    assert keyring_backend.get_password("zoomsig", orphan) is None
    assert keyring_backend.get_password("zoomsig", "not-one-of-ours") == "kept"
    assert "Removed 1 secret" in " ".join(fresh.pop_notices())
    assert fresh.credentials("Prod").secret == SECRET


def test_a_long_list_does_not_ask_the_keyring_for_each(vault: Vault, keyring_backend) -> None:
    for n in range(60):
        vault.add(f"p{n}", KEY, SECRET)
    keyring_backend.lookups = 0
    views = vault.profiles()
    assert len(views) == 61 and keyring_backend.lookups == 0
    assert all("Not checked" in v.state_message for v in views)
    assert vault.view("p3").secret_state == "saved"  # one profile is still checked on demand


@pytest.mark.parametrize("value", ["-1", "0", "nan", "inf", "ten", "601", "1e309"])
def test_keyring_timeout_must_be_sane(monkeypatch, value: str) -> None:
    monkeypatch.setenv("ZOOMSIG_KEYRING_TIMEOUT", value)
    with pytest.raises(KeyringSettingError, match="ZOOMSIG_KEYRING_TIMEOUT"):
        timeout_from_env()


def test_keyring_timeout_sane_values(monkeypatch) -> None:
    monkeypatch.setenv("ZOOMSIG_KEYRING_TIMEOUT", "2.5")
    assert timeout_from_env() == 2.5
    monkeypatch.delenv("ZOOMSIG_KEYRING_TIMEOUT")
    assert timeout_from_env(7.0) == 7.0
