"""Every keyring and file failure gives its own message, and nothing is lost or leaked."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from keyring.backends import fail

from tests.helpers.keyrings import (
    BlockingKeyring,
    BrokenKeyring,
    LockedKeyring,
    MemoryKeyring,
    SlowKeyring,
)
from zoomsig_gui.core.vault.errors import (
    ImportFileError,
    KeyringFailedError,
    KeyringLockedError,
    KeyringTimeoutError,
    NoKeyringError,
    ProfileFileError,
)
from zoomsig_gui.core.vault.facade import MISSING, SESSION, UNKNOWN, Vault
from zoomsig_gui.core.vault.secrets import SecretStore

SECRET = "Q7xWn2KpL9vRt4YbZ8sMd3FhJc6GaE1u"
KEY = "aB3dE5fG7hI9jK1lM3nO5p"


def make(tmp_path: Path, backend, timeout_s: float = 5) -> Vault:
    return Vault(tmp_path / "profiles.json", SecretStore(backend, timeout_s=timeout_s))


# -- no keyring ---------------------------------------------------------------------------


def test_no_keyring_refuses_to_save_and_names_what_to_install(tmp_path):
    vault = make(tmp_path, fail.Keyring())
    with pytest.raises(NoKeyringError) as info:
        vault.add("Prod", KEY, SECRET)
    message = str(info.value)
    assert "GNOME Keyring" in message and "KWallet" in message
    assert "never writes secrets to a file" in message
    assert vault.profiles() == []
    assert not any(
        SECRET in p.read_text(errors="replace") for p in tmp_path.rglob("*") if p.is_file()
    )


def test_no_keyring_status_is_honest(tmp_path):
    status = make(tmp_path, fail.Keyring()).storage_status()
    assert not status.persistent
    assert "No system keyring" in status.message and "not saved" in status.message
    memory_status = make(tmp_path, MemoryKeyring()).storage_status()
    assert memory_status.persistent
    assert memory_status.message.startswith("Secrets are saved in your system keyring")


def test_without_keyring_a_session_only_secret_still_signs(tmp_path):
    vault = make(tmp_path, fail.Keyring())
    outcome = vault.add("Prod", KEY, SECRET, session_only=True)
    assert any("not saved" in n for n in outcome.notices)
    assert vault.credentials("Prod").secret == SECRET
    assert vault.view("Prod").secret_state == SESSION
    assert SECRET not in vault.path.read_text(encoding="utf-8")


def test_without_keyring_the_list_still_shows_profiles_and_says_why(tmp_path):
    make(tmp_path, MemoryKeyring()).add("Prod", KEY, SECRET)
    [view] = make(tmp_path, fail.Keyring()).profiles()
    assert view.secret_state == UNKNOWN
    assert "No system keyring" in view.state_message


def test_a_keyring_failure_does_not_hide_a_later_session_only_secret(tmp_path):
    make(tmp_path, MemoryKeyring()).add("Saved", KEY, SECRET)  # listed first: its check fails
    vault = make(tmp_path, fail.Keyring())
    vault.add("Session", KEY, "session-secret-123456", session_only=True)
    views = {v.profile.name: v for v in vault.profiles()}
    assert views["Saved"].secret_state == UNKNOWN
    assert views["Session"].secret_state == SESSION
    assert "this session only" in views["Session"].state_message
    assert vault.profiles(check_secrets=False)[1].secret_state == SESSION


def test_plain_file_backends_are_refused(tmp_path):
    class PlaintextKeyring(MemoryKeyring):
        pass

    PlaintextKeyring.__module__ = "keyrings.alt.file"  # as the keyrings.alt package names it
    backend = PlaintextKeyring()
    vault = make(tmp_path, backend)
    with pytest.raises(NoKeyringError, match="keeps secrets in a file"):
        vault.add("Prod", KEY, SECRET)
    assert backend.entries == {}
    assert not make(tmp_path, backend).storage_status().persistent


# -- locked, hung and broken keyrings ----------------------------------------------------


def test_locked_keyring_asks_to_unlock_and_keeps_everything(tmp_path):
    memory = MemoryKeyring()
    make(tmp_path, memory).add("Prod", KEY, SECRET)
    locked = make(tmp_path, LockedKeyring())
    with pytest.raises(KeyringLockedError, match="locked. Unlock it"):
        locked.credentials("Prod")
    with pytest.raises(KeyringLockedError):
        locked.remove("Prod")
    with pytest.raises(KeyringLockedError):
        locked.add("Other", KEY, "another-secret")
    assert locked.names() == ["Prod"]  # neither removed nor half-added
    assert make(tmp_path, memory).credentials("Prod").secret == SECRET


def test_a_hung_keyring_call_ends_with_a_timeout_message(tmp_path):
    backend = BlockingKeyring()
    vault = make(tmp_path, backend, timeout_s=0.3)
    try:
        with pytest.raises(KeyringTimeoutError, match="did not answer within 0.3 seconds"):
            vault.add("Prod", KEY, SECRET)
        assert vault.names() == []  # the profile was not saved half-way
        make(tmp_path, MemoryKeyring()).add("Prod", KEY, SECRET)
        [view] = vault.profiles()
        assert view.secret_state == UNKNOWN and "did not answer" in view.state_message
    finally:
        backend.release.set()


def test_a_secret_the_keyring_writes_after_the_timeout_is_not_left_behind(tmp_path):
    backend = SlowKeyring()
    vault = make(tmp_path, backend, timeout_s=0.3)
    try:
        with pytest.raises(KeyringTimeoutError):
            vault.add("Prod", KEY, SECRET)
    finally:
        backend.release.set()  # the keyring answers now: it wrote the secret after all
    assert backend.written.wait(5)
    deadline = time.monotonic() + 5
    while backend.entries and time.monotonic() < deadline:
        time.sleep(0.01)
    assert backend.entries == {}  # undone: no profile refers to that entry
    assert vault.names() == []


def test_a_replaced_secret_written_late_is_kept(tmp_path):
    backend = SlowKeyring()
    backend.release.set()
    vault = make(tmp_path, backend, timeout_s=0.3)
    vault.add("Prod", KEY, SECRET)
    backend.release.clear()
    backend.written.clear()
    try:
        with pytest.raises(KeyringTimeoutError):
            vault.set_secret("Prod", "the-new-secret-456")
    finally:
        backend.release.set()
    assert backend.written.wait(5)
    time.sleep(0.1)
    # The profile refers to this entry: the late write is what the person asked for.
    assert list(backend.entries.values()) == ["the-new-secret-456"]


def test_unexpected_backend_errors_are_reported_without_the_secret(tmp_path):
    vault = make(tmp_path, BrokenKeyring())
    with pytest.raises(KeyringFailedError) as info:
        vault.add("Prod", KEY, SECRET)
    assert "NoReply" in str(info.value)
    assert SECRET not in str(info.value)
    assert vault.names() == []


def test_remove_without_keyring_says_the_old_secret_may_remain(tmp_path):
    make(tmp_path, MemoryKeyring()).add("Prod", KEY, SECRET)
    outcome = make(tmp_path, fail.Keyring()).remove("Prod")
    assert any("still in that keyring" in n for n in outcome.notices)


# -- the profile file -------------------------------------------------------------------


def test_corrupt_profile_file_is_set_aside_and_the_list_starts_empty(tmp_path):
    path = tmp_path / "profiles.json"
    path.write_text('{"schema": 1, "profiles": [', encoding="utf-8")
    vault = make(tmp_path, MemoryKeyring())
    assert vault.profiles() == []
    [notice] = vault.pop_notices()
    assert "is not valid JSON" in notice and "profiles.json.bad-" in notice
    [aside] = tmp_path.glob("profiles.json.bad-*")
    assert aside.read_text(encoding="utf-8") == '{"schema": 1, "profiles": ['
    vault.add("Prod", KEY, SECRET)  # starts afresh
    assert vault.names() == ["Prod"]


def test_unreadable_entries_are_copied_aside_and_the_rest_kept(tmp_path):
    path = tmp_path / "profiles.json"
    good = {
        "id": "abc",
        "name": "Prod",
        "key": KEY,
        "kind": "meeting-sdk",
        "notes": "",
        "created": 1,
        "last_used": None,
    }
    path.write_text(json.dumps({"schema": 1, "profiles": [good, {"name": 5}]}), "utf-8")
    backend = MemoryKeyring()
    vault = make(tmp_path, backend)
    assert [v.secret_state for v in vault.profiles()] == [MISSING]
    [notice] = vault.pop_notices()
    assert "1 unreadable entry" in notice
    [aside] = tmp_path.glob("profiles.json.bad-*")
    assert '"name": 5' in aside.read_text(encoding="utf-8")
    vault.profiles()
    assert vault.pop_notices() == []  # copied once, not on every read


@pytest.mark.parametrize("field", ["created", "last_used"])
def test_a_time_too_large_for_a_number_is_an_unreadable_entry_not_a_crash(tmp_path, field):
    # 1e400 is valid JSON that Python reads as infinity, which int() cannot take.
    good = f'{{"id": "abc", "name": "Prod", "key": "{KEY}", "created": 1, "last_used": null}}'
    bad = f'{{"id": "def", "name": "Odd", "key": "{KEY}", "{field}": 1e400}}'
    path = tmp_path / "profiles.json"
    path.write_text(f'{{"schema": 1, "profiles": [{good}, {bad}]}}', encoding="utf-8")
    vault = make(tmp_path, MemoryKeyring())
    assert [v.profile.name for v in vault.profiles()] == ["Prod"]
    [notice] = vault.pop_notices()
    assert "1 unreadable entry" in notice
    [aside] = tmp_path.glob("profiles.json.bad-*")
    assert "1e400" in aside.read_text(encoding="utf-8")


def test_a_newer_schema_is_set_aside_not_overwritten(tmp_path):
    path = tmp_path / "profiles.json"
    path.write_text('{"schema": 99, "profiles": []}', encoding="utf-8")
    vault = make(tmp_path, MemoryKeyring())
    assert vault.names() == []
    assert "unknown schema version" in vault.pop_notices()[0]
    assert len(list(tmp_path.glob("profiles.json.bad-*"))) == 1


def test_a_file_in_place_of_the_config_folder_gives_a_message(tmp_path):
    (tmp_path / "zoomsig").write_text("not a folder", encoding="utf-8")
    backend = MemoryKeyring()
    vault = Vault(tmp_path / "zoomsig" / "profiles.json", SecretStore(backend, timeout_s=5))
    with pytest.raises(ProfileFileError, match="Could not read the profile list"):
        vault.add("Prod", KEY, SECRET)
    with pytest.raises(ProfileFileError, match="Not a directory"):
        vault.profiles()
    assert backend.entries == {}


def test_file_write_failure_removes_the_just_stored_secret(tmp_path, monkeypatch):
    backend = MemoryKeyring()
    vault = make(tmp_path, backend)

    def disk_full(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("zoomsig_gui.core.vault.index.write_json_atomic", disk_full)
    with pytest.raises(ProfileFileError, match="No space left on device"):
        vault.add("Prod", KEY, SECRET)
    assert backend.entries == {}


# -- import files -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "content, why",
    [
        ("not json", "not valid JSON"),
        ('{"profiles": [' + "1" * 5000 + "]}", "a number too long"),
        ('{"profiles": 3}', "not a zoomsig profile export"),
        ('{"format": "other", "profiles": []}', 'format is "other"'),
        ('{"schema": 7, "profiles": []}', "newer zoomsig"),
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),  # json's parser recurses
    ],
)
def test_bad_import_files_import_nothing(tmp_path, content, why):
    source = tmp_path / "in.json"
    source.write_text(content, encoding="utf-8")
    vault = make(tmp_path, MemoryKeyring())
    with pytest.raises(ImportFileError, match=why):
        vault.import_from(source)
    assert vault.names() == []


def test_missing_import_file(tmp_path):
    with pytest.raises(ImportFileError, match="does not exist"):
        make(tmp_path, MemoryKeyring()).import_from(tmp_path / "nope.json")


def test_import_entries_with_fields_that_are_not_text_are_skipped_in_plain_words(tmp_path):
    source = tmp_path / "in.json"
    source.write_text(
        json.dumps(
            {
                "profiles": [
                    {"name": 5, "key": KEY},
                    {"name": "A", "key": ["x"]},
                    {"name": "B", "key": KEY, "notes": 3},
                    {"name": "C", "key": KEY, "kind": 7},
                    {"name": "Ok", "key": KEY},
                ]
            }
        ),
        encoding="utf-8",
    )
    result = make(tmp_path, MemoryKeyring()).import_from(source)
    assert [p.name for p in result.added] == ["Ok"]
    assert result.skipped == (
        ("5", 'its "name" is not text'),
        ("A", 'its "key" is not text'),
        ("B", 'its "notes" is not text'),
        ("C", 'its "kind" is not text'),
    )


def test_secrets_in_an_import_file_are_ignored_and_reported(tmp_path):
    source = tmp_path / "in.json"
    source.write_text(
        json.dumps(
            {
                "profiles": [
                    {"name": "Prod", "key": KEY, "secret": SECRET},
                    {"name": "", "key": "x"},
                    {"name": "prod", "key": "dup"},
                ]
            }
        ),
        encoding="utf-8",
    )
    backend = MemoryKeyring()
    vault = make(tmp_path, backend)
    result = vault.import_from(source)
    assert [p.name for p in result.added] == ["Prod"]
    assert any("ignored" in n for n in result.notices)
    assert [why for _, why in result.skipped] == [
        "The profile name is empty. Give the profile a name.",
        "the name appears twice in the file",
    ]
    assert backend.entries == {}
    assert vault.view("Prod").secret_state == MISSING
    assert SECRET not in vault.path.read_text(encoding="utf-8")
