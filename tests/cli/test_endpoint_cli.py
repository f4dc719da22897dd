"""`zoomsig endpoint` refuses a wrong command line with one sentence and exit status 2, before
sending anything; a credential is never accepted as a command-line value."""

from __future__ import annotations

import pytest

from zoomsig_gui.cli import main

URL = "http://127.0.0.1:9/"


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        ([URL], "Give --meeting TEXT with --role 0 or 1, or --native."),
        ([URL, "--meeting", "81198873582"], "--meeting needs --role 0"),
        ([URL, "--native", "--role", "1"], "--native takes no --role"),
        (["127.0.0.1:4000", "--native"], "is not a web address"),
        ([URL, "--native", "--header", "Authorization"], "is not a header"),
        ([URL, "--native", "--header", "Origin: http://x"], "use --origin for Origin"),
        ([URL, "--native", "--header-env", "Authorization=UNSET_VAR_X"], "UNSET_VAR_X is not set"),
        ([URL, "--native", "--origin", "http://a/b"], "is not an origin"),
        ([URL, "--native", "--ca", "/nonexistent/ca.pem"], "The CA file /nonexistent/ca.pem"),
        ([URL, "--meeting", "12", "--role", "0"], "is not a meeting number"),
    ],
)
def test_wrong_command_lines(argv, said, capsys):
    assert main(["endpoint", *argv]) == 2
    err = capsys.readouterr().err
    assert said in err
    assert "Traceback" not in err


@pytest.mark.parametrize("argv", [["--samples", "0"], ["--timeout", "0"], ["--interval", "-1"]])
def test_out_of_range_numbers(argv, capsys):
    with pytest.raises(SystemExit) as stop:
        main(["endpoint", URL, "--native", *argv])
    assert stop.value.code == 2


def test_a_header_value_with_a_line_break_is_refused(capsys, monkeypatch):
    monkeypatch.setenv("EVIL", "x\r\nX-Injected: 1")
    assert main(["endpoint", URL, "--native", "--header-env", "X-Token=EVIL"]) == 2
    assert "line break" in capsys.readouterr().err
