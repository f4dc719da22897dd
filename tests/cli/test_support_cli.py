"""`zoomsig reproduce` and `zoomsig report` as a support person runs them."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from tests.helpers.env import VECTORS, require, vector_input
from zoomsig_gui.cli import main
from zoomsig_gui.core.inspection.inspector import inspect

NOW = VECTORS["now"]
OUR_KEY = "SupportTestKey0000001"
OUR_SECRET = "CLI-canary-secret-Qx81vZ"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def ours(monkeypatch) -> list[str]:
    monkeypatch.setenv("OUR_SECRET", OUR_SECRET)
    return ["--key", OUR_KEY, "--secret-env", "OUR_SECRET"]


def test_reproduce_shows_theirs_and_ours_and_prints_our_token(capsys, ours) -> None:
    forum = vector_input("the forum thread's payload: sdkKey only")
    code, out, err = run(capsys, "reproduce", forum, *ours, "--now", str(NOW))
    assert code == 0, err
    assert f'≠ sdkKey: theirs "{VECTORS["key"]}" → ours "{OUR_KEY}"' in out
    assert "Findings, ours:   appkey-missing   (the same)" in out
    token = out.strip().splitlines()[-1]
    check = inspect(token, secret=OUR_SECRET, now=NOW)
    assert check.signature_valid is True and "appKey" not in check.payload
    assert OUR_SECRET not in out + err


def test_reproduce_json_keeps_the_quirk_and_the_relation_to_now(capsys, ours) -> None:
    code, out, _ = run(
        capsys,
        "reproduce",
        vector_input("iat in milliseconds"),
        *ours,
        "--now",
        str(NOW + 600),
        "--their-now",
        str(NOW),
        "--json",
    )
    data = json.loads(out)
    assert code == 0 and set(data) == {"theirs", "ours", "shift_s", "diff", "notes"}
    assert data["ours"]["payload"]["iat"] == data["theirs"]["payload"]["iat"] + 600_000
    assert "iat-milliseconds" in [f["code"] for f in data["ours"]["findings"]]
    assert data["ours"]["signature_valid"] is True
    changed = {r["claim"] for r in data["diff"] if r["status"] != "same"}
    assert changed == {"appKey", "sdkKey", "iat", "exp", "tokenExp"}


def test_fix_prints_the_fixed_token_and_the_minimal_change(capsys, ours) -> None:
    code, out, _ = run(
        capsys,
        "reproduce",
        vector_input("meeting number with spaces"),
        *ours,
        "--now",
        str(NOW),
        "--fix",
    )
    assert code == 0
    assert '≠ mn: theirs "811 9887 3582" → fixed "81198873582"   [fixes mn-format]' in out
    assert "No error finding: Zoom should accept this token." in out
    fixed = out.strip().splitlines()[-1]
    assert inspect(fixed, secret=OUR_SECRET, now=NOW).errors == []


def test_fix_json_and_a_refusal_for_a_video_token(capsys, ours) -> None:
    code, out, err = run(
        capsys,
        "reproduce",
        vector_input("Video SDK token"),
        *ours,
        "--now",
        str(NOW),
        "--fix",
        "--json",
    )
    data = json.loads(out)
    assert code == 1
    assert data["fixed"] is None and "Video SDK token" in data["fix_error"]
    assert "cannot fix" in err
    code, out, _ = run(
        capsys, "reproduce", vector_input("expired"), *ours, "--now", str(NOW), "--fix", "--json"
    )
    fixed = json.loads(out)["fixed"]
    assert code == 0 and not [f for f in fixed["findings"] if f["severity"] == "error"]
    assert {c["claim"] for c in fixed["changes"]} >= {"iat", "exp", "tokenExp"}


def test_reproduce_reads_a_json_response_from_stdin(capsys, monkeypatch, ours) -> None:
    pasted = json.dumps({"signature": vector_input("role 2")})
    monkeypatch.setattr(sys, "stdin", io.StringIO(pasted))
    code, out, _ = run(capsys, "reproduce", *ours, "--now", str(NOW))
    assert code == 0 and "role-invalid" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["hello.world", "--key", OUR_KEY, "--secret-env", "OUR_SECRET"], "nothing to reproduce"),
        ([vector_input("expired"), "--key", OUR_KEY], "No secret given"),
        ([vector_input("expired")], "--profile"),
        (["-", "--key", OUR_KEY, "--secret-stdin"], "Standard input cannot hold both"),
    ],
)
def test_reproduce_mistakes_are_one_plain_line(capsys, ours, argv, message) -> None:
    code, out, err = run(capsys, "reproduce", *argv, "--now", str(NOW))
    assert code == 2 and out == ""
    assert message in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


@pytest.mark.parametrize("fmt", ["md", "json"])
def test_report_has_no_secret_and_no_signature(capsys, ours, fmt) -> None:
    token = vector_input("exp only 1000 s after iat")
    code, out, err = run(
        capsys,
        "report",
        token,
        "--secret-env",
        "OUR_SECRET",
        "--now",
        str(NOW),
        "--format",
        fmt,
        "--sdk-version",
        "6.2.0",
    )
    assert code == 0
    assert token.split(".")[2] not in out and OUR_SECRET not in out + err
    assert "<redacted>" in out and "exp-window-short" in out and "6.2.0" in out
    if fmt == "json":
        assert json.loads(out)["signature"] == "<redacted>"


def test_report_include_token_says_what_it_exposes(capsys) -> None:
    token = vector_input("valid web token, jsrsasign")
    code, out, err = run(
        capsys, "report", token, "--include-token", "--now", str(NOW), "--format", "json"
    )
    data = json.loads(out)
    assert code == 0 and data["token"] == token
    assert "Anyone who reads it" in data["token_exposure"]
    assert "Anyone who reads it" in err


SECRET_SERVICE_CHECK = """
import keyring
from keyring.backends.SecretService import Keyring
backend = keyring.get_keyring()
print("ok" if isinstance(backend, Keyring) else f"keyring chose {backend!r}")
"""


@pytest.mark.keyring
def test_reproduce_and_report_with_a_saved_profile(tmp_path: Path) -> None:
    # Checked in a child: importing tests.helpers.keyrings here would register its in-memory
    # backends and make keyring pick a chainer in this process.
    from tests.helpers.keyrings import child_env, zoomsig_cmd

    env = child_env(tmp_path)
    probe = subprocess.run(
        [sys.executable, "-c", SECRET_SERVICE_CHECK], env=env, capture_output=True, text=True
    )
    require(
        probe.stdout.strip() == "ok",
        f"no Secret Service for the CLI: {probe.stdout.strip() or probe.stderr[-200:]}",
    )
    name = f"support-{uuid.uuid4().hex[:8]}"
    subprocess.run(
        zoomsig_cmd("profiles", "add", name, "--key", OUR_KEY, "--secret-stdin"),
        input=OUR_SECRET + "\n",
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    try:
        repro = subprocess.run(
            zoomsig_cmd(
                "reproduce",
                vector_input("mn without role"),
                "--profile",
                name,
                "--now",
                str(NOW),
                "--fix",
                "--json",
            ),
            env=env,
            capture_output=True,
            text=True,
        )
        assert repro.returncode == 0, repro.stderr
        data = json.loads(repro.stdout)
        assert data["ours"]["payload"]["appKey"] == OUR_KEY
        assert data["ours"]["signature_valid"] is True
        assert inspect(data["fixed"]["token"], secret=OUR_SECRET, now=NOW).errors == []
        report = subprocess.run(
            zoomsig_cmd("report", data["ours"]["token"], "--profile", name, "--now", str(NOW)),
            env=env,
            capture_output=True,
            text=True,
        )
        assert report.returncode == 0, report.stderr
        assert f"matches the secret of the saved credentials “{name}”" in report.stdout
        assert OUR_SECRET not in report.stdout + report.stderr
        assert data["ours"]["token"].split(".")[2] not in report.stdout
    finally:
        subprocess.run(zoomsig_cmd("profiles", "remove", name), env=env, capture_output=True)


@pytest.mark.parametrize("when", ["nan", "inf"])
def test_reproduce_refuses_a_their_now_that_is_no_time(capsys, ours, when: str) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["reproduce", vector_input(VECTORS["cases"][0]["name"]), *ours, f"--their-now={when}"])
    err = capsys.readouterr().err
    assert exited.value.code == 2 and "not a usable number of seconds" in err


def test_fix_refuses_an_oauth_access_token_with_the_reason(capsys, ours) -> None:
    from zoomsig_gui.core.tokens.jwt import sign

    claims = {"aud": "https://oauth.zoom.us", "uid": "u", "iss": "zm:cid:abc", "exp": NOW + 60}
    token = sign(claims, "their-secret", {"alg": "HS512", "sv": "00000", "kid": "k"})
    code, out, err = run(capsys, "reproduce", token, *ours, "--now", str(NOW), "--fix", "--json")
    data = json.loads(out)
    assert code == 1 and data["fixed"] is None
    assert "OAuth access token" in data["fix_error"] and "nothing to fix" in data["fix_error"]
