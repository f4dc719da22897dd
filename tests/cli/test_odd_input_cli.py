"""Odd input through the whole command (real process, real output encoding): a plain message
or a finding, never a traceback, and an exit status from the findings contract."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys

import pytest

from tests.helpers.tokens import KEY, NOW, SECRET, payload
from zoomsig_gui.core.tokens.jwt import b64url_encode, hmac_signature

HEADER = b64url_encode(b'{"alg":"HS256","typ":"JWT"}')


def raw_token(payload_json: str) -> str:
    """A token whose payload is exactly this JSON text (escapes kept as written)."""
    body = b64url_encode(payload_json.encode("utf-8"))
    return f"{HEADER}.{body}.{b64url_encode(hmac_signature(f'{HEADER}.{body}', SECRET))}"


GOOD = json.dumps(payload())
ODD = {
    "lone surrogate": raw_token(GOOD[:-1] + ', "sdkKey": "\\ud800"}'),
    "nested 900 levels": raw_token(GOOD[:-1] + ', "x": ' + "[" * 900 + "]" * 900 + "}"),
    "400-digit exp": raw_token(GOOD.replace(f'"exp": {NOW - 30 + 7200}', '"exp": ' + "9" * 400)),
    "5000-digit exp": raw_token(GOOD.replace(f'"exp": {NOW - 30 + 7200}', '"exp": ' + "9" * 5000)),
    "control character in iat": raw_token(
        GOOD.replace(f'"iat": {NOW - 30}', '"iat": "17\\u00019"')
    ),
    "video_webrtc_mode 1.0": raw_token(GOOD[:-1] + ', "video_webrtc_mode": 1.0}'),
}
COMMANDS = {
    "inspect": ["inspect", "--secret-env", "ZS"],
    "inspect --json": ["inspect", "--json", "--secret-env", "ZS"],
    "report": ["report"],
    "report json": ["report", "--format", "json"],
    "reproduce --fix": ["reproduce", "--fix", "--key", KEY, "--secret-env", "ZS"],
    "reproduce --fix --json": ["reproduce", "--fix", "--json", "--key", KEY, "--secret-env", "ZS"],
}


def zoomsig(
    tmp_path, *argv: str | bytes, stdin: bytes = b"", **env: str
) -> subprocess.CompletedProcess:
    environ = {**os.environ, "HOME": str(tmp_path), "ZS": SECRET, **env}
    return subprocess.run(
        [sys.executable, "-m", "zoomsig_gui.cli", *argv],
        input=stdin,
        capture_output=True,
        env=environ,
        timeout=120,
    )


def assert_plain(result: subprocess.CompletedProcess, json_out: bool = False) -> None:
    assert b"Traceback" not in result.stderr, result.stderr.decode(errors="replace")
    assert result.returncode in (0, 1, 2), result.stderr.decode(errors="replace")
    text = result.stdout.decode("utf-8")  # strict: what is printed is UTF-8
    result.stderr.decode("utf-8")
    if json_out and result.returncode != 2:
        json.loads(text)


@pytest.mark.parametrize("odd", list(ODD))
@pytest.mark.parametrize("command", list(COMMANDS))
def test_odd_token_through_each_command(tmp_path, odd: str, command: str) -> None:
    argv = [*COMMANDS[command], "--now", str(NOW), ODD[odd]]
    assert_plain(zoomsig(tmp_path, *argv), json_out="json" in command)


@pytest.mark.parametrize("locale", ["C.UTF-8", "C"])
def test_bytes_that_are_not_utf8(tmp_path, locale: str) -> None:
    env = {"LC_ALL": locale, "LANG": locale}
    assert_plain(zoomsig(tmp_path, "inspect", os.fsdecode(b"eyJ\xff.\xfe.x"), **env))
    assert_plain(zoomsig(tmp_path, "inspect", "--json", stdin=b"eyJ\xff\xfe.x.y\n", **env))
    bad = zoomsig(
        tmp_path,
        "inspect",
        "--secret-env",
        "BAD",
        ODD["lone surrogate"],
        **env,
        BAD=os.fsdecode(b"s\xff\xfe"),
    )
    assert bad.returncode == 2 and b"not UTF-8" in bad.stderr
    typed = zoomsig(
        tmp_path,
        "profiles",
        "add",
        "p",
        "--key",
        KEY,
        "--secret-stdin",
        stdin=b"s\xffcret\n",
        **env,
    )
    assert_plain(typed)
    assert typed.returncode == 2 and b"not UTF-8" in typed.stderr


def test_absurd_durations_and_folders(tmp_path) -> None:
    for digits in (400, 5000):
        result = zoomsig(
            tmp_path,
            "token",
            "--key",
            KEY,
            "--secret-env",
            "ZS",
            "--meeting",
            "81198873582",
            "--role",
            "0",
            "--expires",
            "9" * digits,
        )
        assert_plain(result)
        assert result.returncode == 2 and b"too long for a duration" in result.stderr
    result = zoomsig(tmp_path, "serve", "--port", "0", "--sdk-dir", "a" * 300)
    assert result.returncode == 2 and b"cannot be read" in result.stderr


def _small_memory() -> None:
    limit = 1 << 30  # 1 GB of address space: the old parse of a 10 MB link needed ~800 MB
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def test_a_10_mb_signature_link_in_small_memory(tmp_path) -> None:
    link = b"https://example.com/meeting.html?signature=" + b"%41" * 3_500_000
    result = subprocess.run(
        [sys.executable, "-m", "zoomsig_gui.cli", "inspect"],
        input=link,
        capture_output=True,
        env={**os.environ, "HOME": str(tmp_path)},
        timeout=120,
        preexec_fn=_small_memory,
    )
    assert_plain(result)
    assert result.returncode == 2 and b"were searched" in result.stdout


def test_an_internal_error_has_its_own_status(tmp_path, monkeypatch, capsys) -> None:
    from zoomsig_gui import cli
    from zoomsig_gui.commands import inspect as inspect_command

    def broken(_args: object) -> int:
        raise RuntimeError("a bug")

    monkeypatch.setattr(inspect_command, "run", broken)  # register() picks it up
    assert cli.main(["inspect", "x"]) == cli.INTERNAL_ERROR == 70
    assert "internal error" in capsys.readouterr().err
