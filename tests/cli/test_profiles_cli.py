"""`zoomsig profiles …` and `--profile` as a user runs them, with an in-memory keyring.

The real Secret Service is exercised in tests/integration/test_keyring_*.py.
"""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import jwt
import pytest
from keyring.backends import fail

from tests.helpers.keyrings import LockedKeyring, MemoryKeyring
from zoomsig_gui.cli import main

SECRET = "Q7xWn2KpL9vRt4YbZ8sMd3FhJc6GaE1u"
KEY = "aB3dE5fG7hI9jK1lM3nO5p"
NOW = 1_790_000_000


class FakeStdin(io.StringIO):
    def __init__(self, text: str, tty: bool = False) -> None:
        super().__init__(text)
        self._tty = tty

    def isatty(self) -> bool:
        return self._tty


@pytest.fixture
def backend(monkeypatch, tmp_path: Path) -> MemoryKeyring:
    memory = MemoryKeyring()
    monkeypatch.setattr("keyring.get_keyring", lambda: memory)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setattr(sys, "stdin", FakeStdin(""))
    return memory


@pytest.fixture
def cli(capsys, monkeypatch):
    def run(*argv: str, stdin: str | None = None, tty: bool = False) -> tuple[int, str, str]:
        if stdin is not None:
            monkeypatch.setattr(sys, "stdin", FakeStdin(stdin, tty))
        code = main(list(argv))
        out, err = capsys.readouterr()
        return code, out, err

    return run


def add(cli, name: str = "Prod", key: str = KEY, secret: str = SECRET, *extra: str):
    return cli("profiles", "add", name, "--key", key, "--secret-stdin", *extra, stdin=secret + "\n")


def test_add_from_stdin_then_token_signs_with_the_saved_secret(cli, backend, tmp_path):
    code, out, err = add(cli)
    assert code == 0 and 'Saved profile "Prod"' in out and err == ""
    code, out, _ = cli(
        "token", "--profile", "Prod", "--meeting", "123456789", "--role", "0", "--now", str(NOW)
    )
    assert code == 0
    claims = jwt.decode(
        out.strip(),
        SECRET,
        algorithms=["HS256"],
        options={"verify_exp": False, "verify_iat": False},
    )
    assert claims["appKey"] == KEY
    profiles_file = tmp_path / "config" / "zoomsig" / "profiles.json"
    assert profiles_file.exists() and SECRET not in profiles_file.read_text(encoding="utf-8")


def test_list_json_is_metadata_only_and_shows_last_use(cli, backend):
    add(cli, "Prod")
    add(cli, "Staging", "stagingkey", "staging-secret")
    cli("token", "--profile", "Staging", "--native")
    code, out, _ = cli("profiles", "list", "--json")
    rows = json.loads(out)
    assert code == 0 and SECRET not in out and "staging-secret" not in out
    assert [(r["name"], r["key"], r["secret"]) for r in rows] == [
        ("Prod", KEY, "saved"),
        ("Staging", "stagingkey", "saved"),
    ]
    assert rows[0]["last_used"] is None and isinstance(rows[1]["last_used"], int)


def test_list_as_a_table_and_when_empty(cli, backend):
    code, out, _ = cli("profiles", "list")
    assert code == 0 and "No profiles saved" in out
    add(cli, "Prod ✓")
    code, out, _ = cli("profiles", "list")
    assert "Prod ✓" in out and KEY in out and "saved" in out and SECRET not in out


def test_whitespace_is_stripped_and_said(cli, backend):
    code, _, err = cli(
        "profiles", "add", "Prod", "--key", f" {KEY} ", "--secret-stdin", stdin=f"  {SECRET}\t\n"
    )
    assert code == 0
    assert "Removed spaces or line breaks around the Client ID (SDK key)" in err
    assert "Removed spaces or line breaks around the secret" in err
    assert list(backend.entries.values()) == [SECRET]


def test_the_line_end_of_piped_input_is_not_reported(cli, backend):
    _, _, err = add(cli)
    assert "Removed" not in err


def test_secret_from_environment_variable(cli, backend, monkeypatch):
    monkeypatch.setenv("MY_SECRET", SECRET)
    code, _, _ = cli("profiles", "add", "Prod", "--key", KEY, "--secret-env", "MY_SECRET")
    assert code == 0 and list(backend.entries.values()) == [SECRET]
    code, _, err = cli("profiles", "set-secret", "Prod", "--secret-env", "NOT_SET")
    assert code == 2 and "NOT_SET is not set" in err


def test_hidden_prompt_on_a_terminal(cli, backend, monkeypatch):
    prompts: list[str] = []

    def fake_getpass(prompt: str) -> str:
        prompts.append(prompt)
        return SECRET

    monkeypatch.setattr("getpass.getpass", fake_getpass)
    code, out, _ = cli("profiles", "add", "Prod", "--key", KEY, stdin="", tty=True)
    assert code == 0 and prompts == ['Secret for "Prod" (typing is hidden): ']
    assert SECRET not in out
    assert list(backend.entries.values()) == [SECRET]


def test_without_a_terminal_the_secret_is_read_from_stdin(cli, backend):
    code, _, _ = cli("profiles", "add", "Prod", "--key", KEY, stdin=SECRET + "\n")
    assert code == 0 and list(backend.entries.values()) == [SECRET]


def test_empty_secret_duplicate_and_unknown_names(cli, backend):
    code, _, err = cli("profiles", "add", "Prod", "--key", KEY, "--secret-stdin", stdin="\n")
    assert code == 2 and "secret is empty" in err
    add(cli)
    code, _, err = add(cli, "prod")
    assert code == 2 and 'A profile named "prod" already exists' in err
    code, _, err = cli("profiles", "remove", "Nope")
    assert code == 2 and 'There is no profile named "Nope"' in err and "Prod" in err
    code, _, err = cli("token", "--profile", "Nope", "--native")
    assert code == 2 and 'no profile named "Nope"' in err


def test_rename_set_secret_edit_remove(cli, backend):
    add(cli)
    assert cli("profiles", "rename", "Prod", "Production")[0] == 0
    assert (
        cli("profiles", "set-secret", "production", "--secret-stdin", stdin="fresh-secret\n")[0]
        == 0
    )
    code, _, err = cli("profiles", "edit", "Production", "--key", "newkey@example.com")
    assert code == 0 and "looks like an e-mail address" in err
    code, out, _ = cli("profiles", "show", "Production", "--json")
    shown = json.loads(out)
    assert (shown["name"], shown["key"], shown["secret"]) == (
        "Production",
        "newkey@example.com",
        "saved",
    )
    assert list(backend.entries.values()) == ["fresh-secret"]
    assert cli("profiles", "remove", "Production")[0] == 0
    assert backend.entries == {}
    assert json.loads(cli("profiles", "list", "--json")[1]) == []


def test_secret_missing_is_shown_and_token_says_how_to_fix(cli, backend):
    add(cli)
    backend.entries.clear()
    code, out, err = cli("profiles", "list")
    assert code == 0 and "MISSING" in out and "zoomsig profiles set-secret" in err
    code, _, err = cli("token", "--profile", "Prod", "--native")
    assert code == 2 and "missing from the system keyring" in err


def test_inspect_with_profile_verifies_and_reports_another_key(cli, backend):
    add(cli, "Prod")
    add(cli, "Other", "otherkey", "other-secret")
    token = cli(
        "token", "--profile", "Prod", "--meeting", "123456789", "--role", "0", "--now", str(NOW)
    )[1].strip()
    code, out, _ = cli("inspect", "--profile", "Prod", "--now", str(NOW), "--json", token)
    report = json.loads(out)
    assert code == 0 and report["signature_valid"] is True
    code, out, _ = cli("inspect", "--profile", "Other", "--now", str(NOW), "--json", token)
    codes = [f["code"] for f in json.loads(out)["findings"]]
    assert code == 1 and "key-unknown" in codes and "signature-mismatch" in codes


def test_export_and_import_between_two_people(cli, backend, tmp_path, monkeypatch):
    add(cli, "Prod", KEY, SECRET, "--kind", "sdk-key", "--notes", "ops")
    out_file = tmp_path / "team.json"
    code, out, _ = cli("profiles", "export", str(out_file))
    assert code == 0 and "Exported 1 profile" in out
    assert SECRET not in out_file.read_text(encoding="utf-8")
    assert SECRET not in cli("profiles", "export", "-")[1]

    colleague = MemoryKeyring()
    monkeypatch.setattr("keyring.get_keyring", lambda: colleague)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "colleague"))
    code, out, _ = cli("profiles", "import", str(out_file))
    assert code == 0 and "Imported 1 profile" in out and 'set-secret "Prod"' in out
    [row] = json.loads(cli("profiles", "list", "--json")[1])
    assert (row["key"], row["kind"], row["notes"], row["secret"]) == (
        KEY,
        "sdk-key",
        "ops",
        "missing",
    )
    code, _, err = cli("profiles", "import", str(tmp_path / "absent.json"))
    assert code == 2 and "does not exist" in err


def test_no_keyring_refuses_with_install_hint_and_exit_1(cli, backend, monkeypatch):
    monkeypatch.setattr("keyring.get_keyring", fail.Keyring)
    code, out, err = add(cli)
    assert code == 1 and "GNOME Keyring" in err and "KWallet" in err and out == ""
    code, out, _ = cli("profiles", "status")
    assert code == 1 and "No system keyring" in out
    assert json.loads(cli("profiles", "list", "--json")[1]) == []


def test_locked_keyring_asks_to_unlock(cli, backend, monkeypatch):
    add(cli)
    monkeypatch.setattr("keyring.get_keyring", LockedKeyring)
    code, _, err = cli("token", "--profile", "Prod", "--native")
    assert code == 2 and "keyring is locked. Unlock it" in err
    code, _, err = cli("profiles", "remove", "Prod")
    assert code == 1 and "locked" in err
    monkeypatch.setattr("keyring.get_keyring", lambda: backend)
    assert [r["name"] for r in json.loads(cli("profiles", "list", "--json")[1])] == ["Prod"]


def test_corrupt_profile_file_is_set_aside_and_reported(cli, backend, tmp_path):
    folder = tmp_path / "config" / "zoomsig"
    folder.mkdir(parents=True)
    (folder / "profiles.json").write_text("{oops", encoding="utf-8")
    code, out, err = cli("profiles", "list")
    assert code == 0 and "No profiles saved" in out
    assert "profiles.json.bad-" in err and "nothing is lost" in err
    assert len(list(folder.glob("profiles.json.bad-*"))) == 1


def test_export_asks_before_replacing_a_file(cli, backend, tmp_path):
    add(cli)
    target = tmp_path / "team.json"
    target.write_text("keep me")
    code, _, err = cli("profiles", "export", str(target), stdin="")  # not a terminal
    assert code == 2 and "--force" in err and target.read_text() == "keep me"
    code, _, err = cli("profiles", "export", str(target), stdin="n\n", tty=True)
    assert code == 2 and target.read_text() == "keep me"
    code, _, _ = cli("profiles", "export", str(target), stdin="y\n", tty=True)
    assert code == 0 and "Prod" in target.read_text()
    target.write_text("again")
    assert cli("profiles", "export", str(target), "--force")[0] == 0
    assert "Prod" in target.read_text()


def test_export_refuses_a_device_and_a_missing_folder(cli, backend, tmp_path):
    add(cli)
    code, _, err = cli("profiles", "export", "/dev/null", "--force")
    assert code == 2 and "a device, not a file" in err
    assert Path("/dev/null").is_char_device()
    code, _, err = cli("profiles", "export", str(tmp_path / "nowhere" / "x.json"))
    assert code == 2 and "does not exist" in err and not (tmp_path / "nowhere").exists()


@pytest.mark.parametrize("value", ["-5", "nan", "soon"])
def test_a_bad_keyring_timeout_gets_a_message(cli, backend, monkeypatch, value):
    monkeypatch.setenv("ZOOMSIG_KEYRING_TIMEOUT", value)
    code, _, err = cli("profiles", "list")
    assert code == 2 and "ZOOMSIG_KEYRING_TIMEOUT" in err and "Traceback" not in err
