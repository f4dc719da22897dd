"""Input hygiene and the profile file format."""

from __future__ import annotations

import json

import pytest

from zoomsig_gui.core.vault.errors import EmptyValueError, InvalidValueError
from zoomsig_gui.core.vault.hygiene import Cleaned, clean_key, clean_name, clean_value
from zoomsig_gui.core.vault.index import Profile, default_path, read_index, write_index


@pytest.mark.parametrize("key", ["aB3dE5fG7hI9jK1lM3nO5p", "Wk8zQ2xV", "ABCDEF-123_xyz"])
def test_ordinary_keys_get_no_warning(key):
    assert clean_key(key) == Cleaned(key, ())


@pytest.mark.parametrize(
    "raw, words",
    [
        ("dev@corp.example", "e-mail"),
        ("http://example.com/key", "web address"),
        ("www.zoom.us", "web address"),
        ("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJhcHBLZXkiOiJrIn0.abc_DEF-123", "JWT"),
    ],
)
def test_keys_that_look_like_something_else_are_flagged(raw, words):
    [notice] = clean_key(raw).notices
    assert words in notice


def test_stripping_is_said_once_and_only_when_something_was_stripped():
    assert clean_value("abc", "secret").notices == ()
    cleaned = clean_value("\n abc \r\n", "secret")
    assert cleaned.value == "abc"
    assert cleaned.notices == ("Removed spaces or line breaks around the secret.",)


def test_empty_and_bad_names():
    with pytest.raises(EmptyValueError, match="Give the profile a name"):
        clean_name("  ")
    with pytest.raises(InvalidValueError, match="control characters"):
        clean_name("a\u0000b")
    with pytest.raises(InvalidValueError, match="at most 200"):
        clean_name("x" * 201)
    assert clean_name("  Ünïcødé 名前  ") == "Ünïcødé 名前"


def test_default_location_follows_xdg_config_home(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    assert default_path() == tmp_path / "zoomsig" / "profiles.json"


def test_index_round_trip_is_versioned_and_private(tmp_path):
    path = tmp_path / "profiles.json"
    profile = Profile(id="abc", name="Prod", key="k", notes="n", created=5, last_used=7)
    write_index(path, [profile])
    assert json.loads(path.read_text(encoding="utf-8"))["schema"] == 1
    assert path.stat().st_mode & 0o077 == 0  # only the owner can read it
    assert read_index(path).profiles == (profile,)


def test_an_empty_client_id_is_named_as_on_the_form() -> None:
    with pytest.raises(EmptyValueError, match="The Client ID \\(SDK key\\) is empty"):
        clean_key("  \n")
