"""Finding the files zoomsig ships; a broken installation says so instead of failing later."""

from __future__ import annotations

import importlib.resources
from pathlib import Path

import pytest

from zoomsig_gui.core import resources


def shipped(folder: Path, with_page: bool = True) -> Path:
    (folder / "join").mkdir(parents=True)
    if with_page:
        (folder / "join" / "index.html").write_text("<!doctype html>")
    return folder


def test_the_installed_package_comes_before_the_repository(tmp_path, monkeypatch):
    installed = shipped(tmp_path / "installed")
    monkeypatch.setattr(resources, "_package_locations", lambda: [tmp_path / "none", installed])
    monkeypatch.setattr(resources, "_REPO_RESOURCES", shipped(tmp_path / "repo"))
    assert resources.resources_dir() == installed
    assert resources.join_page_dir() == installed / "join"


def test_the_repository_folder_serves_an_editable_install(tmp_path, monkeypatch):
    monkeypatch.setattr(resources, "_package_locations", lambda: [])
    monkeypatch.setattr(resources, "_REPO_RESOURCES", shipped(tmp_path / "repo"))
    assert resources.resources_dir() == tmp_path / "repo"


def test_no_resources_at_all_asks_for_a_reinstall(tmp_path, monkeypatch):
    monkeypatch.setattr(resources, "_package_locations", lambda: [])
    monkeypatch.setattr(resources, "_REPO_RESOURCES", tmp_path / "gone")
    with pytest.raises(resources.ResourceMissing, match="reinstall zoomsig"):
        resources.resources_dir()


def test_a_join_folder_without_its_page_is_named(tmp_path, monkeypatch):
    monkeypatch.setattr(resources, "_package_locations", lambda: [])
    monkeypatch.setattr(resources, "_REPO_RESOURCES", shipped(tmp_path / "repo", with_page=False))
    with pytest.raises(resources.ResourceMissing, match="The join page is missing from"):
        resources.join_page_dir()


def test_no_resources_package_means_no_package_locations(monkeypatch):
    def missing(name: str):
        raise ModuleNotFoundError(name)

    monkeypatch.setattr(importlib.resources, "files", missing)
    assert resources._package_locations() == []


def test_the_real_installation_has_its_join_page():
    assert (resources.join_page_dir() / "index.html").is_file()
