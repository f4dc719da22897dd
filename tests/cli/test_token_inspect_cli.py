"""`zoomsig token` and `zoomsig inspect` as a user runs them."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys

import jwt
import pytest

from tests.helpers.tokens import KEY, NOW, SECRET
from zoomsig_gui.cli import main

LINK = "https://us02web.zoom.us/j/81198873582?pwd=abc123"


def run(capsys, *argv: str, stdin: str | None = None, monkeypatch=None) -> tuple[int, str, str]:
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def secret_env(monkeypatch):
    monkeypatch.setenv("ZOOM_SECRET", SECRET)
    return ["--key", KEY, "--secret-env", "ZOOM_SECRET"]


@pytest.mark.parametrize(
    "meeting",
    ["81198873582", "811 9887 3582", LINK, "zoommtg://zoom.us/join?confno=81198873582&pwd=abc123"],
)
def test_token_from_any_meeting_form(capsys, secret_env, meeting: str) -> None:
    code, out, _ = run(
        capsys, "token", *secret_env, "--meeting", meeting, "--role", "0", "--now", str(NOW)
    )
    assert code == 0
    claims = jwt.decode(
        out.strip(),
        SECRET,
        algorithms=["HS256"],
        options={"verify_exp": False, "verify_iat": False},
    )
    assert claims["mn"] == "81198873582" and claims["iat"] == NOW - 30


def test_token_json_has_findings_and_decoded_parts(capsys, secret_env) -> None:
    code, out, _ = run(
        capsys,
        "token",
        *secret_env,
        "--native",
        "--expires",
        "30m",
        "--backdate",
        "0",
        "--now",
        str(NOW),
        "--json",
    )
    data = json.loads(out)
    assert code == 0 and set(data) == {"token", "header", "payload", "findings"}
    assert data["payload"]["exp"] - data["payload"]["iat"] == 1800
    assert [f["code"] for f in data["findings"]] == ["native-token"]


def test_secret_from_stdin(capsys, monkeypatch) -> None:
    code, out, _ = run(
        capsys,
        "token",
        "--key",
        KEY,
        "--secret-stdin",
        "--meeting",
        "81198873582",
        "--role",
        "1",
        stdin=SECRET + "\n",
        monkeypatch=monkeypatch,
    )
    assert code == 0
    jwt.decode(out.strip(), SECRET, algorithms=["HS256"])


def test_secret_is_never_a_command_line_value(capsys) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["token", "--key", KEY, "--secret", SECRET, "--meeting", "81198873582", "--role", "0"])
    assert caught.value.code == 2


@pytest.mark.parametrize(
    ("extra", "words"),
    [
        (["--meeting", "81198873582"], "--role 0 (attendee) or --role 1 (host)"),
        (["--meeting", "123", "--role", "0"], "9 to 11 digits"),
        (["--meeting", "81198873582", "--role", "0", "--expires", "soon"], "not a duration"),
        (["--meeting", "81198873582", "--role", "0", "--expires", "10m"], "between 30 min"),
        (["--meeting", "81198873582", "--role", "0", "--backdate", "900"], "0 to 300"),
    ],
)
def test_refusals_are_plain_messages(capsys, secret_env, extra, words) -> None:
    code, out, err = run(capsys, "token", *secret_env, *extra)
    assert code == 2 and out == "" and words in err and "Traceback" not in err


def test_missing_secret_env_is_named(capsys) -> None:
    code, _, err = run(capsys, "token", "--key", KEY, "--secret-env", "NOPE_NOT_SET", "--native")
    assert code == 2 and "NOPE_NOT_SET is not set" in err


def _vector_token() -> str:
    from zoomsig_gui.core.tokens.request import TokenRequest, make_token

    return make_token(TokenRequest(KEY, "81198873582", 0), SECRET, now=NOW)


def test_inspect_readable_report_with_dates(capsys, monkeypatch) -> None:
    monkeypatch.setenv("ZOOM_SECRET", SECRET)
    code, out, _ = run(
        capsys, "inspect", _vector_token(), "--secret-env", "ZOOM_SECRET", "--now", str(NOW + 3600)
    )
    assert code == 0
    assert "matches the secret" in out and "Ready to join" in out
    assert "2026-11-30 01:59:30 UTC" in out and "in 59 min" in out and "1 h ago" in out
    assert "\033[" not in out  # no colour codes when not on a terminal


def test_inspect_json_and_exit_statuses(capsys, monkeypatch) -> None:
    token = _vector_token()
    code, out, _ = run(capsys, "inspect", token, "--now", str(NOW + 7200), "--json")
    data = json.loads(out)
    assert code == 1 and "expired" in [f["code"] for f in data["findings"]]
    assert set(data) == {"kind", "header", "payload", "signature_valid", "now", "findings"}
    assert set(data["findings"][0]) == {"code", "severity", "claim", "message", "fix", "sdk_error"}
    code, out, _ = run(
        capsys, "inspect", "-", "--json", stdin="not a token", monkeypatch=monkeypatch
    )
    assert code == 2 and json.loads(out)["kind"] == "unknown"


def test_inspect_clock_offset_shifts_now(capsys) -> None:
    token = _vector_token()  # iat = NOW - 30
    import time

    offset = NOW - time.time() - 60  # the true time is a minute before iat
    code, out, _ = run(capsys, "inspect", token, "--clock-offset", str(offset), "--json")
    assert code == 1 and "iat-future" in [f["code"] for f in json.loads(out)["findings"]]


def test_console_script_reads_stdin_and_never_imports_qt(tmp_path) -> None:
    probe = (
        "import sys; sys.argv=['zoomsig','inspect','--json'];"
        "from zoomsig_gui.cli import main;"
        "code=main(sys.argv[1:]);"
        "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt imported';"
        "sys.exit(code)"
    )
    from zoomsig_gui.core.tokens.request import TokenRequest, make_token

    fresh = make_token(TokenRequest(KEY, "81198873582", 0), SECRET)
    result = subprocess.run(
        [sys.executable, "-c", probe],
        input=fresh,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "NO_COLOR": "1"},
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["kind"] == "meeting-web"


def test_three_days_is_refused_as_too_long_not_as_gibberish(capsys, secret_env) -> None:
    code, _, err = run(capsys, "token", *secret_env, "--native", "--expires", "3d")
    assert code == 2 and "between 30 min and 48 h" in err and "259200 s" in err


@pytest.mark.parametrize(
    "option",
    [["--now", "nan"], ["--now", "inf"], ["--clock-offset", "nan"], ["--clock-offset=-inf"]],
)
@pytest.mark.parametrize("command", ["token", "inspect", "report"])
def test_non_finite_times_are_refused_with_a_message(capsys, secret_env, command, option) -> None:
    args = [*secret_env, "--native"] if command == "token" else ["eyJ.x.y"]
    with pytest.raises(SystemExit) as exited:
        main([command, *args, *option])
    err = capsys.readouterr().err
    assert exited.value.code == 2 and "not a usable number of seconds" in err
    assert "Traceback" not in err


def test_inspect_several_tokens_in_one_text(capsys) -> None:
    from tests.helpers.tokens import payload
    from zoomsig_gui.core.tokens.jwt import sign

    rest = sign({"iss": "AbCdEfGhIjKlMnOp", "aud": None, "exp": NOW + 3600, "iat": NOW}, SECRET)
    ours = sign(payload(), SECRET)
    text = f"curl -H 'Authorization: Bearer {rest}' -d '{{\"signature\": \"{ours}\"}}'"
    code, out, _ = run(capsys, "inspect", text, "--now", str(NOW))
    assert "The text holds 2 different tokens" in out
    assert "Token 1 of 2" in out and "JWT-app REST API token" in out
    assert "Token 2 of 2" in out and "Meeting SDK signature for the web" in out
    assert code == 1  # the first token's status, as for one token
    code, out, _ = run(capsys, "inspect", text, "--now", str(NOW), "--json")
    shown = json.loads(out)
    assert shown["kind"] == "rest" and [o["kind"] for o in shown["others"]] == ["meeting-web"]


@pytest.mark.parametrize(
    ("claims", "kind", "code"),
    [
        (
            {"iss": "AbCdEfGhIjKlMnOp", "aud": None, "exp": NOW + 60, "iat": NOW},
            "rest",
            "rest-api-token",
        ),
        (
            {"aud": "clientsm", "sty": 100, "wcd": "aw1", "exp": NOW + 60, "iat": NOW},
            "zak",
            "zak-token",
        ),
    ],
)
def test_inspect_names_other_tokens(capsys, claims, kind, code) -> None:
    from zoomsig_gui.core.tokens.jwt import sign

    rc, out, _ = run(capsys, "inspect", sign(claims, SECRET), "--now", str(NOW), "--json")
    shown = json.loads(out)
    assert rc == 1 and shown["kind"] == kind
    assert [f["code"] for f in shown["findings"] if f["severity"] == "error"] == [code]


def test_link_refuses_fields_the_sdk_would_refuse(capsys, secret_env) -> None:
    base = ["link", *secret_env, "--meeting", "81198873582", "--role", "0", "--now", str(NOW)]
    code, out, err = run(capsys, *base, "--name", "N" * 129)
    assert code == 2 and out == "" and "over 128" in err and "4003" in err
    code, out, err = run(capsys, *base, "--name", "Tester", "--email", "nope")
    assert code == 2 and out == "" and "not an e-mail address" in err
    code, out, err = run(capsys, *base, "--name", "Tester", "--passcode", "p" * 33)
    assert code == 2 and "over 32" in err
    code, out, _ = run(capsys, *base, "--name", "Tester", "--passcode", "p" * 32)
    assert code == 0 and out.startswith("http")


def test_inspect_of_a_join_link_warns_about_its_fields(capsys) -> None:
    from tests.helpers.tokens import payload
    from zoomsig_gui.core.join.link import JoinParams, build_link
    from zoomsig_gui.core.tokens.jwt import sign

    link = build_link(
        "http://127.0.0.1:53712/",
        JoinParams(
            name="Tester",
            meeting_number="81198873582",
            signature=sign(payload(), SECRET),
            email="not-an-address",
        ),
    )
    code, out, err = run(capsys, "inspect", link, "--now", str(NOW), "--json")
    assert code == 0 and json.loads(out)["kind"] == "meeting-web"  # the JSON stays as it is
    assert "Warning:" in err and "not an e-mail address" in err and "4003" in err
