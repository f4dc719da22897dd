"""Vault operations against an in-memory keyring: what a person sees when saving profiles."""

from __future__ import annotations

import json
from pathlib import Path

import jwt
import pytest

from tests.helpers.keyrings import MemoryKeyring
from zoomsig_gui.core.tokens.jwt import verify
from zoomsig_gui.core.tokens.request import TokenRequest, make_token
from zoomsig_gui.core.vault.errors import (
    DuplicateProfileError,
    EmptyValueError,
    InvalidValueError,
    SecretMissingError,
    UnknownProfileError,
)
from zoomsig_gui.core.vault.facade import MISSING, SAVED, SESSION, Vault
from zoomsig_gui.core.vault.secrets import SERVICE, SecretStore

SECRET = "Q7xWn2KpL9vRt4YbZ8sMd3FhJc6GaE1u"
KEY = "aB3dE5fG7hI9jK1lM3nO5p"


class Clock:
    def __init__(self, now: float = 1_790_000_000) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def backend() -> MemoryKeyring:
    return MemoryKeyring()


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def vault(tmp_path: Path, backend: MemoryKeyring, clock: Clock) -> Vault:
    return Vault(tmp_path / "profiles.json", SecretStore(backend, timeout_s=5), clock=clock)


def test_added_profile_is_listed_with_its_secret_in_the_keyring_only(vault, backend):
    outcome = vault.add("Production", KEY, SECRET, notes="main app")
    assert outcome.notices == ()
    [view] = vault.profiles()
    assert (view.profile.name, view.profile.key, view.secret_state) == ("Production", KEY, SAVED)
    assert backend.entries == {(SERVICE, view.profile.id): SECRET}
    text = vault.path.read_text(encoding="utf-8")
    assert SECRET not in text
    assert json.loads(text)["schema"] == 1


def test_a_new_vault_on_the_same_file_sees_the_profile_and_its_secret(vault, backend, tmp_path):
    vault.add("Staging", KEY, SECRET)
    again = Vault(tmp_path / "profiles.json", SecretStore(backend, timeout_s=5))
    creds = again.credentials("staging")
    assert (creds.key, creds.secret, creds.profile.name) == (KEY, SECRET, "Staging")


def test_whitespace_around_key_and_secret_is_removed_and_reported(vault):
    outcome = vault.add("Prod", f"  {KEY}\n", f"{SECRET} \r\n")
    assert outcome.profile.key == KEY
    assert vault.credentials("Prod").secret == SECRET
    assert any("around the Client ID (SDK key)" in n for n in outcome.notices)
    assert any("around the secret" in n for n in outcome.notices)


def test_space_inside_the_secret_is_kept_but_reported(vault):
    outcome = vault.add("Prod", KEY, "abc def")
    assert vault.credentials("Prod").secret == "abc def"
    assert any("inside it" in n for n in outcome.notices)


@pytest.mark.parametrize(
    "key, words",
    [
        ("someone@example.com", "e-mail address"),
        ("https://marketplace.zoom.us/app/abc", "web address"),
        ("eyJhbGciOiJIUzI1NiJ9.eyJhcHBLZXkiOiJ4In0.c2ln", "signature (JWT)"),
    ],
)
def test_a_key_that_looks_wrong_is_saved_with_a_warning(vault, key, words):
    outcome = vault.add("Odd", key, SECRET)
    assert any(words in n for n in outcome.notices)
    assert vault.get("Odd").key == key


@pytest.mark.parametrize("field", ["name", "key", "secret"])
@pytest.mark.parametrize("blank", ["", "   ", "\n\t"])
def test_empty_values_are_refused_and_nothing_is_saved(vault, backend, field, blank):
    values = {"name": "Prod", "key": KEY, "secret": SECRET, field: blank}
    with pytest.raises(EmptyValueError, match="empty"):
        vault.add(values["name"], values["key"], values["secret"])
    assert vault.profiles() == []
    assert backend.entries == {}


def test_duplicate_names_are_refused_ignoring_case_and_unicode_form(vault, backend):
    vault.add("Café Prod", KEY, SECRET)
    with pytest.raises(DuplicateProfileError, match="already exists"):
        vault.add("CAFE\u0301 PROD", "other", "other-secret")
    assert len(backend.entries) == 1
    assert vault.credentials("café prod").secret == SECRET


def test_any_unicode_name_works(vault):
    vault.add("客户 テスト 🚀", KEY, SECRET)
    assert vault.credentials("客户 テスト 🚀").key == KEY


def test_names_with_line_breaks_are_refused(vault):
    with pytest.raises(InvalidValueError, match="line breaks"):
        vault.add("two\nlines", KEY, SECRET)


def test_the_secret_is_never_allowed_into_the_plain_file(vault, backend):
    with pytest.raises(InvalidValueError, match="same"):
        vault.add("Swap", SECRET, SECRET)
    with pytest.raises(InvalidValueError, match="notes contain the secret"):
        vault.add("Notes", KEY, SECRET, notes=f"secret is {SECRET}")
    assert backend.entries == {}
    assert not vault.path.exists() or SECRET not in vault.path.read_text()


def test_unknown_profile_names_the_saved_ones(vault):
    vault.add("Prod", KEY, SECRET)
    with pytest.raises(UnknownProfileError, match='no profile named "Staging".*Prod'):
        vault.credentials("Staging")
    with pytest.raises(UnknownProfileError):
        vault.remove("Staging")


def test_rename_keeps_the_secret_and_refuses_a_taken_name(vault):
    vault.add("Prod", KEY, SECRET)
    vault.add("Test", "k2", "s2")
    with pytest.raises(DuplicateProfileError):
        vault.rename("Test", "prod")
    vault.rename("Prod", "Production")
    vault.rename("production", "PRODUCTION")  # a change of case only is fine
    assert vault.names() == ["PRODUCTION", "Test"]
    assert vault.credentials("Production").secret == SECRET


def test_checked_name_answers_as_rename_would_and_changes_nothing(vault):
    vault.add("Prod", KEY, SECRET)
    vault.add("Test", "k2", "s2")
    before = vault.path.read_bytes()
    assert vault.checked_name("Prod", "  Production ") == "Production"
    with pytest.raises(EmptyValueError, match="Give the profile a name"):
        vault.checked_name("Prod", "   ")
    with pytest.raises(DuplicateProfileError):
        vault.checked_name("Prod", "TEST")
    assert vault.path.read_bytes() == before
    assert vault.names() == ["Prod", "Test"]


def test_edit_with_a_taken_name_changes_nothing(vault):
    vault.add("Prod", KEY, SECRET)
    vault.add("Test", "k2", "s2")
    with pytest.raises(DuplicateProfileError):
        vault.edit("Prod", key="OTHERKEY", notes="n", new_name="test")
    assert vault.get("Prod").key == KEY and vault.get("Prod").notes == ""
    outcome = vault.edit("Prod", key="OTHERKEY", new_name="Production")
    assert outcome.profile.name == "Production" and vault.names() == ["Production", "Test"]
    assert vault.credentials("Production").secret == SECRET  # the keyring entry stays


def test_edit_changes_key_kind_and_notes_and_reports_hygiene(vault):
    vault.add("Prod", KEY, SECRET)
    outcome = vault.edit("Prod", key=" NEWKEY ", kind="sdk-key", notes="old app")
    profile = vault.get("Prod")
    assert (profile.key, profile.kind, profile.notes) == ("NEWKEY", "sdk-key", "old app")
    assert any("around the Client ID (SDK key)" in n for n in outcome.notices)
    with pytest.raises(InvalidValueError, match="Unknown kind"):
        vault.edit("Prod", kind="oauth")


def test_set_secret_replaces_the_secret(vault, backend):
    vault.add("Prod", KEY, SECRET)
    outcome = vault.set_secret("Prod", " new-secret\n")
    assert vault.credentials("Prod").secret == "new-secret"
    assert any("around the secret" in n for n in outcome.notices)
    assert list(backend.entries.values()) == ["new-secret"]


def test_remove_deletes_the_keyring_entry_too(vault, backend):
    vault.add("Prod", KEY, SECRET)
    vault.add("Keep", "k2", "s2")
    vault.remove("prod")
    assert vault.names() == ["Keep"]
    assert list(backend.entries.values()) == ["s2"]


def test_an_entry_deleted_behind_our_back_shows_secret_missing(vault, backend):
    vault.add("Prod", KEY, SECRET)
    backend.entries.clear()  # e.g. removed in Seahorse / Passwords and Keys
    [view] = vault.profiles()
    assert view.secret_state == MISSING
    assert "Enter it again" in view.state_message
    with pytest.raises(SecretMissingError, match="set-secret"):
        vault.credentials("Prod")
    vault.set_secret("Prod", SECRET)  # re-entering it heals the profile
    assert vault.view("Prod").secret_state == SAVED


def test_session_only_secret_is_used_but_never_stored(vault, backend, tmp_path):
    outcome = vault.add("Temp", KEY, SECRET, session_only=True)
    assert any("this session only" in n for n in outcome.notices)
    assert backend.entries == {}
    assert vault.view("Temp").secret_state == SESSION
    assert vault.credentials("Temp").secret == SECRET
    later = Vault(tmp_path / "profiles.json", SecretStore(backend, timeout_s=5))
    assert later.view("Temp").secret_state == MISSING


def test_signing_uses_the_profile_key_and_secret_and_records_last_use(vault, clock):
    vault.add("Prod", KEY, SECRET)
    assert vault.get("Prod").last_used is None
    clock.now += 3600
    creds = vault.credentials("Prod", mark_used=True)
    request = TokenRequest(key=creds.key, meeting_number="123456789", role=0)
    token = make_token(request, creds.secret, now=clock.now)
    assert verify(token, SECRET)
    payload = jwt.decode(token, SECRET, algorithms=["HS256"], options={"verify_exp": False})
    assert payload["appKey"] == payload["sdkKey"] == KEY
    assert vault.get("Prod").last_used == int(clock.now)


def test_export_has_no_secret_and_import_adds_profiles_without_secrets(vault, tmp_path, backend):
    vault.add("Prod", KEY, SECRET, kind="sdk-key", notes="ops team")
    vault.add("Test", "k2", "s2")
    out = tmp_path / "team.json"
    assert vault.export_to(out) == 2
    text = out.read_text(encoding="utf-8")
    assert SECRET not in text and "s2" not in text
    assert "last_used" not in text

    other = Vault(tmp_path / "other" / "profiles.json", SecretStore(MemoryKeyring(), 5))
    other.add("Test", "mine", "my-secret")
    result = other.import_from(out)
    assert [p.name for p in result.added] == ["Prod"]
    assert result.skipped == (("Test", "a profile with this name already exists"),)
    imported = other.view("Prod")
    assert (imported.profile.key, imported.profile.kind, imported.profile.notes) == (
        KEY,
        "sdk-key",
        "ops team",
    )
    assert imported.secret_state == MISSING
    assert other.credentials("Test").key == "mine"  # the existing profile is untouched


def test_edit_never_lets_the_secret_into_the_profile_file(vault):
    vault.add("Production", KEY, SECRET)
    before = vault.path.read_text(encoding="utf-8")
    with pytest.raises(InvalidValueError, match="notes contain the secret"):
        vault.edit("Production", notes=f"prod app, secret {SECRET}")
    with pytest.raises(InvalidValueError, match="key and the secret are the same"):
        vault.edit("Production", key=SECRET)
    assert vault.path.read_text(encoding="utf-8") == before  # nothing was written
    vault.edit("Production", notes="the main app")  # harmless notes still save
    assert "the main app" in vault.path.read_text(encoding="utf-8")


def test_edit_checks_a_session_only_secret_too(tmp_path: Path, clock: Clock):
    from keyring.backends.fail import Keyring as NoKeyring

    vault = Vault(tmp_path / "profiles.json", SecretStore(NoKeyring(), timeout_s=5), clock=clock)
    vault.add("Staging", KEY, SECRET, session_only=True)
    with pytest.raises(InvalidValueError, match="notes contain the secret"):
        vault.edit("Staging", notes=SECRET)
    assert SECRET not in vault.path.read_text(encoding="utf-8")
