"""`zoomsig endpoint` against real signature backends on loopback (node/Express, jsrsasign),
each as a user would run it: the codes, counts, sentence and exit status they see."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time

import pytest

from tests.helpers.endpoints import (
    KEY,
    MEETING,
    SECRET,
    faketime,
    refused_url,
    round_robin,
    silent_server,
)
from zoomsig_gui.cli import main

pytestmark = pytest.mark.node


def endpoint(capsys, url: str, *extra: str) -> tuple[int, dict]:
    """Run `zoomsig endpoint URL --meeting … --role 0 --json …`: (exit status, JSON)."""
    status = main(["endpoint", url, "--meeting", MEETING, "--role", "0", "--json", *extra])
    out = capsys.readouterr().out
    return status, json.loads(out)


def codes(result: dict) -> dict[str, tuple[int, int]]:
    return {f["code"]: (f["count"], f["of"]) for f in result["findings"]}


def test_zooms_sample_endpoint_gives_usable_tokens(backend, capsys, monkeypatch):
    monkeypatch.setenv("THE_SECRET", SECRET)
    with backend("sample") as url:
        status, result = endpoint(capsys, url, "--secret-env", "THE_SECRET", "--key", KEY)
    assert status == 0
    assert (result["samples"], result["answered"], result["usable"]) == (10, 10, 10)
    assert result["cors"] == {"origin": "http://127.0.0.1:53712", "allowed": True}
    assert result["findings"] == []
    assert -2 <= result["iat_offset_s"]["min"] <= result["iat_offset_s"]["max"] <= 0
    assert result["summary"].startswith("All 10 answers give a usable token")


def test_forum_backend_is_appkey_missing_in_10_of_10(backend, capsys):
    with backend("forum") as url:
        status, result = endpoint(capsys, url)
    assert status == 1
    assert codes(result)["appkey-missing"] == (10, 10)
    assert codes(result)["signature-unchecked"] == (10, 10)
    assert "appKey missing in 10 of 10" in result["summary"]
    assert result["usable"] == 0
    assert -31 <= result["iat_offset_s"]["median"] <= -29  # its iat = round(now) - 30


def test_forum_backend_readable_report(backend, capsys):
    with backend("forum") as url:
        status = main(["endpoint", url, "--meeting", MEETING, "--role", "0", "--samples", "3"])
    out = capsys.readouterr().out
    assert status == 1
    assert out.splitlines()[0] == "3 of 3 answers would be rejected: appKey missing in 3 of 3."
    assert "no: appkey-missing" in out
    assert re.search(r"  -(29|30|31) s  ", out)  # iat = round(now) - 30
    assert "appkey-missing [appKey] (3 of 3)" in out


def test_standard_base64_backend_is_intermittent(backend, capsys):
    # Tokens differ only from one second to the next: sample across seconds.
    with backend("std64") as url:
        status, result = endpoint(capsys, url, "--samples", "6", "--interval", "1")
    rows = result["answers"]
    failing = sum(row["encoding"] == "standard base64" for row in rows)
    assert failing >= 1  # a 43-character HMAC has + or / in 3 of 4 tokens: 0.26**6 ≈ 0.03 %
    assert codes(result)["endpoint-encoding-intermittent"] == (failing, 6)
    assert result["usable"] == 6 - failing
    assert status == 1
    assert "works after retrying" in result["summary"]
    assert f"{failing} of 6 tokens carry + or /" in result["summary"]


def test_standard_base64_with_padding_fails_every_time(backend, capsys):
    with backend("std64pad") as url:
        status, result = endpoint(capsys, url, "--samples", "4")
    assert status == 1
    assert codes(result)["endpoint-encoding-intermittent"] == (4, 4)
    assert codes(result)["not-base64url"] == (4, 4)
    assert {row["encoding"] for row in result["answers"]} == {"standard base64 with = padding"}


def test_pool_with_one_clock_ahead(backend, node_packages, capsys):
    with backend("sample") as good, backend("sample", prefix=faketime("+90s")) as fast:
        with round_robin(node_packages, [good, fast]) as url:
            status, result = endpoint(capsys, url)
    assert status == 1
    assert codes(result)["endpoint-clock-ahead"] == (5, 10)
    assert codes(result)["endpoint-clock-spread"] == (5, 10)
    assert codes(result)["iat-future"] == (5, 10)
    assert 88 <= result["iat_offset_s"]["max"] <= 91
    assert result["usable"] == 5
    assert "clock runs ahead in 5 of 10" in result["summary"]


def test_one_instance_with_another_secret(backend, node_packages, capsys, monkeypatch):
    monkeypatch.setenv("THE_SECRET", SECRET)
    with backend("sample") as good, backend("sample", SDK_SECRET="Other" + SECRET[5:]) as bad:
        with round_robin(node_packages, [good, bad]) as url:
            status, result = endpoint(capsys, url, "--secret-env", "THE_SECRET")
    assert status == 1
    assert codes(result)["signature-mismatch"] == (5, 10)
    assert "signature-unchecked" not in codes(result)
    assert "5 of 10 signed with another secret" in result["summary"]
    assert SECRET not in json.dumps(result)


def test_credential_header_comes_from_the_environment(backend, capsys, monkeypatch):
    credential = "Bearer s3cr3t-value"
    monkeypatch.setenv("ENDPOINT_AUTH", credential)
    with backend("sample", AUTHORIZATION=credential) as url:
        without_status, without = endpoint(capsys, url, "--samples", "2")
        with_status, with_auth = endpoint(
            capsys, url, "--samples", "2", "--header-env", "Authorization=ENDPOINT_AUTH"
        )
    assert without_status == 1
    assert codes(without)["endpoint-http-error"] == (2, 2)
    assert "--header-env" in without["findings"][0]["fix"]
    assert with_status == 0 and with_auth["usable"] == 2
    assert "s3cr3t" not in json.dumps(with_auth)


def test_endpoint_without_cors(backend, capsys):
    with backend("nocors") as url:
        status, result = endpoint(capsys, url, "--samples", "3")
    assert status == 1
    assert result["cors"]["allowed"] is False
    assert codes(result)["endpoint-cors-blocked"] == (3, 3)
    assert result["usable"] == 3  # the tokens are fine: the page just cannot read them
    assert "cannot read the answers (CORS)" in result["summary"]


def test_body_sent_as_text_is_ignored(backend, capsys):
    # Zoom's sample reads the body with express.json(): without the JSON Content-Type it signs
    # a native token, silently.
    with backend("sample") as url:
        status, result = endpoint(
            capsys, url, "--samples", "3", "--header", "Content-Type: text/plain"
        )
    assert status == 1
    assert codes(result)["endpoint-ignored-meeting"] == (3, 3)
    assert codes(result)["native-token"] == (3, 3)
    assert result["usable"] == 0


def test_get_backend_with_method_get(backend, capsys):
    with backend("get") as url:
        post_status, posted = endpoint(capsys, url, "--samples", "2")
        get_status, got = endpoint(capsys, url, "--samples", "2", "--method", "GET")
    assert post_status == 0  # the same app also signs POSTs
    assert get_status == 0 and got["usable"] == 2
    assert got["cors"]["allowed"] is True


def test_redirects_are_reported(backend, capsys):
    with backend("sample") as url:
        kept_status, kept = endpoint(capsys, url + "moved", "--samples", "2")
        lost_status, lost = endpoint(capsys, url + "old", "--samples", "2")
        main(["endpoint", url + "old", "--meeting", MEETING, "--role", "0", "--samples", "1"])
    readable = capsys.readouterr().out
    # 308 keeps the POST and its body: the tokens are fine, the redirect is said.
    assert kept_status == 0
    assert kept["answers"][0]["redirects"] == ["308 → /"]
    # 301 turns the POST into a GET, as browsers do: Zoom's sample then answers 404.
    assert lost_status == 1
    assert codes(lost)["endpoint-http-error"] == (2, 2)
    assert lost["answers"][0]["redirects"] == ["301 → /"]
    assert "The endpoint redirects: 301 → /." in readable
    assert "404 (redirected)" in readable


def test_some_answers_http_500(backend, capsys):
    with backend("flaky") as url:
        status, result = endpoint(capsys, url, "--samples", "9")
    assert status == 1
    assert codes(result)["endpoint-http-error"] == (3, 9)
    assert result["usable"] == 6
    assert "HTTP 500" in next(f["message"] for f in result["findings"])


def test_https_self_signed_without_and_with_ca(backend, self_signed, capsys):
    cert, key = self_signed
    with backend("sample", scheme="https", TLS_CERT=str(cert), TLS_KEY=str(key)) as url:
        refused_status, refused = endpoint(capsys, url, "--samples", "2")
        trusted_status, trusted = endpoint(capsys, url, "--samples", "2", "--ca", str(cert))
    assert refused_status == 3
    message = codes(refused) and refused["findings"][0]["message"]
    assert refused["findings"][0]["code"] == "endpoint-unreachable"
    assert "TLS certificate is not trusted" in message and "self-signed" in message
    assert trusted_status == 0
    assert trusted["usable"] == 2


def test_server_that_never_answers_times_out(capsys):
    started = time.monotonic()
    with silent_server() as url:
        status, result = endpoint(capsys, url, "--timeout", "0.5")
    assert time.monotonic() - started < 5  # stops after three timeouts in a row
    assert status == 3
    assert result["stopped"] == "no-answer"
    assert codes(result)["endpoint-unreachable"] == (3, 3)
    assert "no answer within 0.5 s" in result["findings"][0]["message"]


def test_connection_refused(capsys):
    status, result = endpoint(capsys, refused_url(), "--samples", "4")
    assert status == 3
    assert codes(result) == {"endpoint-unreachable": (4, 4)}
    assert "connection was refused" in result["summary"]


def test_ctrl_c_prints_what_was_gathered(backend):
    with backend("sample") as url:
        proc = subprocess.Popen(
            [sys.executable, "-m", "zoomsig_gui.cli", "endpoint", url, "--native",
             "--samples", "50", "--interval", "0.3", "--json"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )  # fmt: skip
        time.sleep(2.5)
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=20)
    result = json.loads(out)
    assert result["stopped"] == "interrupted"
    assert 1 <= result["samples"] < 50
    assert "stopped with Ctrl+C" in result["summary"]
    assert proc.returncode == 0, err  # every answer gathered was usable
