"""The vault against the real Secret Service (gnome-keyring on the session D-Bus).

Run inside `dbus-run-session` with an unlocked gnome-keyring (scripts/test.sh does this);
in CI a missing Secret Service fails these tests instead of skipping them.
"""

from __future__ import annotations

import os
import secrets
import signal
from contextlib import closing
from pathlib import Path

import pytest

from tests.helpers.keyrings import (
    gnome_collection,
    require_secret_service,
    secret_service_pid,
)
from zoomsig_gui.core.tokens.jwt import verify
from zoomsig_gui.core.tokens.request import TokenRequest, make_token
from zoomsig_gui.core.vault.errors import KeyringLockedError, KeyringTimeoutError
from zoomsig_gui.core.vault.facade import MISSING, SAVED, Vault
from zoomsig_gui.core.vault.secrets import SERVICE, SecretStore

pytestmark = pytest.mark.keyring


@pytest.fixture
def vault(tmp_path: Path):
    require_secret_service()
    v = Vault(tmp_path / "profiles.json", SecretStore(timeout_s=15))
    yield v
    for name in v.names():  # leave nothing behind in the keyring
        v.remove(name)


def delete_behind_our_back(entry: str) -> None:
    """Delete an item with secretstorage directly, as Seahorse or `secret-tool clear` would."""
    import secretstorage

    with closing(secretstorage.dbus_init()) as conn:
        items = list(
            secretstorage.get_default_collection(conn).search_items(
                {"service": SERVICE, "username": entry}
            )
        )
        assert items, "the entry should exist before it is deleted"
        for item in items:
            item.delete()


def test_status_names_the_secret_service(vault):
    status = vault.storage_status()
    assert status.persistent
    assert "Secret Service" in status.message


def test_saved_secret_lives_in_the_secret_service_and_signs(vault):
    secret = secrets.token_urlsafe(24)
    profile = vault.add("Real ✓", "realKey123", secret).profile
    import keyring

    assert keyring.get_password(SERVICE, profile.id) == secret  # really in the keyring
    assert secret not in vault.path.read_text(encoding="utf-8")
    creds = vault.credentials("real ✓", mark_used=True)
    request = TokenRequest(key=creds.key, meeting_number="123456789", role=1)
    token = make_token(request, creds.secret)
    assert verify(token, secret)
    vault.remove("Real ✓")
    assert keyring.get_password(SERVICE, profile.id) is None


def test_entry_deleted_behind_our_back_shows_missing_and_can_be_reentered(vault):
    secret = secrets.token_urlsafe(24)
    profile = vault.add("Gone", "goneKey", secret).profile
    assert vault.view("Gone").secret_state == SAVED
    delete_behind_our_back(profile.id)
    assert vault.view("Gone").secret_state == MISSING
    vault.set_secret("Gone", secret)
    assert vault.credentials("Gone").secret == secret


def test_locked_collection_asks_to_unlock_then_works_after_unlocking(tmp_path):
    require_secret_service()
    with gnome_collection("zoomsig lock test") as collection:
        vault = Vault(tmp_path / "profiles.json", SecretStore(collection.backend(), timeout_s=15))
        secret = secrets.token_urlsafe(24)
        vault.add("Locked", "lockedKey", secret)
        collection.lock()
        # gnome-keyring asks its prompter to unlock; with no display the prompt fails
        with pytest.raises(KeyringLockedError, match="locked. Unlock it"):
            vault.credentials("Locked")
        with pytest.raises(KeyringLockedError):
            vault.remove("Locked")
        assert vault.names() == ["Locked"]
        collection.unlock()
        assert vault.credentials("Locked").secret == secret


def test_a_hung_secret_service_ends_in_a_timeout_message(tmp_path):
    require_secret_service()
    with gnome_collection("zoomsig hang test") as collection:  # orphans go with it
        vault = Vault(tmp_path / "profiles.json", SecretStore(collection.backend(), timeout_s=1.5))
        pid = secret_service_pid()
        os.kill(pid, signal.SIGSTOP)  # the daemon stops answering D-Bus, as when it hangs
        try:
            with pytest.raises(KeyringTimeoutError, match="did not answer within 1.5 seconds"):
                vault.add("Hung", "hungKey", secrets.token_urlsafe(24))
        finally:
            os.kill(pid, signal.SIGCONT)
        assert vault.names() == []  # nothing half-saved in the profile list
