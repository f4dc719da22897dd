"""History: survives restarts, restores a setup, clears, sets a corrupt file aside."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from zoomsig_gui.core.inspection.inspector import inspect
from zoomsig_gui.core.store.history import (
    History,
    HistoryError,
    default_path,
    entry_from_inspection,
)
from zoomsig_gui.core.tokens.request import TokenRequest, make_token

SECRET = "HISTORY-canary-secret-41x"
NOW = 1795996800


def _made(mn: str = "81198873582", role: int = 1, expires: int = 3600):
    token = make_token(
        TokenRequest("OurKey", mn, role, expires_s=expires, backdate_s=45), SECRET, now=NOW
    )
    report = inspect(token, secret=SECRET, now=NOW)
    entry = entry_from_inspection(report, "made", profile="qa-app", when=NOW, made_at=NOW)
    return token, entry


def test_history_survives_a_restart_and_restores_the_setup(tmp_path: Path) -> None:
    path = tmp_path / "history.json"
    _, first = _made("81198873582", 1, 3600)
    _, second = _made("9876543210", 0, 7200)
    History(path).add(first)
    History(path).add(second)
    entries = History(path).entries()  # a new object on the same file: as after a restart
    assert [e.meeting_number for e in entries] == ["9876543210", "81198873582"]
    setup = entries[1].setup()
    assert (setup.profile, setup.request.meeting_number, setup.request.role) == (
        "qa-app",
        "81198873582",
        1,
    )
    assert (setup.request.expires_s, setup.request.backdate_s) == (3600, 45)
    assert entries[1].expires_at == NOW - 45 + 3600
    assert entries[1].summary == "ok"


def test_a_new_process_reads_it_from_the_xdg_data_folder(tmp_path: Path) -> None:
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data")}
    code = (
        "from zoomsig_gui.core.store.history import History, entry_from_inspection;"
        "from zoomsig_gui.core.inspection.inspector import inspect;"
        "import sys; r = inspect(sys.argv[1], now=1795996800);"
        "History().add(entry_from_inspection(r, 'inspected', profile='p1', when=1))"
    )
    token, _ = _made("81198873582", 0)
    subprocess.run([sys.executable, "-c", code, token], env=env, check=True)
    file = tmp_path / "data" / "zoomsig" / "history.json"
    assert file.exists()
    reader = (
        "from zoomsig_gui.core.store.history import History;"
        "e = History().entries()[0]; print(e.profile, e.meeting_number, e.role)"
    )
    out = subprocess.run(
        [sys.executable, "-c", reader], env=env, check=True, capture_output=True, text=True
    ).stdout
    assert out.split() == ["p1", "81198873582", "0"]


def test_default_path_follows_xdg_data_home(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert default_path() == tmp_path / "zoomsig" / "history.json"


def test_no_token_secret_or_passcode_is_written(tmp_path: Path) -> None:
    path = tmp_path / "history.json"
    token, entry = _made()
    bad = inspect(token.replace(".", ".", 1), secret="wrong", now=NOW + 10**6)
    History(path).add(entry)
    History(path).add(entry_from_inspection(bad, "inspected", profile="qa-app", when=NOW))
    text = path.read_text()
    for part in token.split("."):
        assert part not in text
    assert SECRET not in text
    assert "pwd" not in text and "passcode" not in text
    assert "2 errors: signature-mismatch, expired" in text


def test_clear_empties_the_list_for_good(tmp_path: Path) -> None:
    path = tmp_path / "history.json"
    History(path).add(_made()[1])
    History(path).clear()
    assert History(path).entries() == []
    assert json.loads(path.read_text())["entries"] == []


@pytest.mark.parametrize(
    "content",
    [
        "{not json",
        '["a list"]',
        '{"schema": 99, "entries": []}',
        '{"schema": 1, "entries": [{"when": "yesterday", "action": "made"}]}',
        '{"schema": 1, "entries": {"x": 1}}',
    ],
)
def test_a_corrupt_file_is_set_aside_and_reported(tmp_path: Path, content: str) -> None:
    path = tmp_path / "history.json"
    path.write_text(content)
    history = History(path)
    assert history.entries() == []
    notices = history.pop_notices()
    assert len(notices) == 1 and "moved to" in notices[0]
    aside = list(tmp_path.glob("history.json.bad-*"))
    assert len(aside) == 1 and aside[0].read_text() == content
    assert str(aside[0]) in notices[0]
    history.add(_made()[1])  # a fresh history works again
    assert len(History(path).entries()) == 1
    assert history.pop_notices() == []


def test_the_list_is_capped_newest_first(tmp_path: Path) -> None:
    history = History(tmp_path / "h.json", limit=3)
    for n in range(5):
        history.add(entry_from_inspection(inspect(_made()[0], now=NOW), when=n))
    assert [e.when for e in history.entries()] == [4, 3, 2]


def test_an_unwritable_place_gives_a_plain_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(HistoryError, match="could not be saved"):
        History(blocker / "sub" / "history.json").add(_made()[1])
