"""Damaged or foreign files where zoomsig keeps its JSON: set aside with a reason, never
read without bounds, never lost; a failed write leaves the old file and no temp file."""

from __future__ import annotations

import json
import os
import socket
from pathlib import Path

import pytest

from zoomsig_gui.core.store import jsonfile
from zoomsig_gui.core.store.jsonfile import read_json, write_json_atomic


def asides(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if ".bad-" in p.name)


@pytest.mark.parametrize(
    ("content", "why"),
    [
        (b"\xff\xfe not text", "is not text"),
        (b"[1, 2, 3]", "does not hold a JSON object"),
        (b'{"schema": 99}', "has an unknown schema version (99)"),
        (b"{not json", "is not valid JSON"),
    ],
)
def test_a_damaged_file_is_set_aside_with_its_reason(tmp_path, content, why):
    path = tmp_path / "profiles.json"
    path.write_bytes(content)
    loaded = read_json(path, 1)
    assert loaded.data is None and loaded.problem == why
    (aside,) = asides(tmp_path)
    assert aside == loaded.set_aside and aside.read_bytes() == content
    assert not path.exists()


def test_a_file_far_too_large_is_not_read_whole(tmp_path):
    path = tmp_path / "history.json"
    with path.open("wb") as handle:  # sparse: 60 MB long, nothing written but the start
        handle.write(b'{"schema": 1}')
        handle.truncate(60_000_000)
    loaded = read_json(path, 1)
    assert loaded.data is None and loaded.problem == "is larger than 50 MB"
    assert len(asides(tmp_path)) == 1


def test_two_damaged_files_in_one_second_keep_both_copies(tmp_path):
    path = tmp_path / "profiles.json"
    for text in ("{bad one", "{bad two"):
        path.write_text(text)
        read_json(path, 1)
    kept = asides(tmp_path)
    assert sorted(p.read_text() for p in kept) == ["{bad one", "{bad two"]


def test_a_socket_where_the_file_should_be_is_refused_not_read(tmp_path):
    path = tmp_path / "profiles.json"
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(path))
        with pytest.raises(jsonfile.NotRegularFile, match="it is a socket, not a file"):
            read_json(path, 1)
    assert asides(tmp_path) == []  # not ours to move


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temp(tmp_path):
    path = tmp_path / "profiles.json"
    write_json_atomic(path, {"schema": 1, "n": 1})
    with pytest.raises(TypeError):
        write_json_atomic(path, {"schema": 1, "n": object()})  # cannot be written as JSON
    assert json.loads(path.read_text()) == {"schema": 1, "n": 1}
    assert [p.name for p in tmp_path.iterdir()] == ["profiles.json"]


def test_stale_temps_are_removed_but_not_a_write_in_progress(tmp_path):
    path = tmp_path / "profiles.json"
    write_json_atomic(path, {"schema": 1})
    prefix = jsonfile._temp_prefix(path)
    old, fresh = tmp_path / f"{prefix}old.tmp", tmp_path / f"{prefix}new.tmp"
    old.write_text("{")
    fresh.write_text("{")
    os.utime(old, (1, 1))
    assert read_json(path, 1).data == {"schema": 1}
    assert not old.exists() and fresh.exists()
