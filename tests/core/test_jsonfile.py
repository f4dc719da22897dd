"""Our small JSON files: atomic writes; unreadable ones set aside and reported, nothing lost."""

from __future__ import annotations

import pytest

from zoomsig_gui.core.store.jsonfile import read_json, write_json_atomic


def test_round_trip_and_private_permissions(tmp_path) -> None:
    path = tmp_path / "sub" / "data.json"
    write_json_atomic(path, {"schema": 1, "items": ["ä"]})
    assert read_json(path, 1).data == {"schema": 1, "items": ["ä"]}
    assert path.stat().st_mode & 0o077 == 0
    assert [p.name for p in path.parent.iterdir()] == ["data.json"]  # no temp files left


def test_corrupt_file_is_set_aside_with_its_content(tmp_path) -> None:
    path = tmp_path / "data.json"
    path.write_text("{not json")
    loaded = read_json(path, 1)
    assert loaded.data is None and loaded.problem == "is not valid JSON"
    assert loaded.set_aside and loaded.set_aside.read_text() == "{not json"
    assert not path.exists()


def test_newer_schema_is_set_aside(tmp_path) -> None:
    path = tmp_path / "data.json"
    write_json_atomic(path, {"schema": 99})
    loaded = read_json(path, 1)
    assert loaded.set_aside and "schema" in loaded.problem


def test_unreadable_location_raises_and_moves_nothing(tmp_path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(NotADirectoryError):
        read_json(blocker / "data.json", 1)  # a file where a folder should be
    assert blocker.read_text() == "x" and [p.name for p in tmp_path.iterdir()] == ["file"]
