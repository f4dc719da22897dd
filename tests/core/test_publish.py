"""`zoomsig publish`: the join page as static files, never over files that are not ours;
the check of an uploaded copy against a static host on loopback."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest

from tests.helpers.linkcli import LINK, zoomsig
from tests.helpers.static_host import StaticHost
from zoomsig_gui.core.join.errors import errors_json
from zoomsig_gui.core.join.pagecheck import check_page
from zoomsig_gui.core.join.publish import MARKER, PublishError, publish
from zoomsig_gui.core.resources import join_page_dir


def test_publish_writes_the_page_the_table_and_header_files(tmp_path: Path) -> None:
    site = tmp_path / "site"
    done = publish(site, sdk_version="6.1.5")
    names = {p.name for p in site.iterdir()}
    assert names == set(done.files)
    for page_file in ("index.html", "join.js", "join.css"):
        assert (site / page_file).read_bytes() == (join_page_dir() / page_file).read_bytes()
    assert (site / "errors.json").read_bytes() == errors_json()
    # The SDK from Zoom's CDN by version: never a copy of it in the folder.
    assert json.loads((site / "config.json").read_text()) == {
        "sdkVersion": "6.1.5",
        "sdkRoot": None,
        "china": False,
    }
    assert not any("zoom-meeting" in n for n in names)
    headers = (site / "_headers").read_text()
    assert "Cross-Origin-Opener-Policy: same-origin" in headers
    assert "Cross-Origin-Embedder-Policy: require-corp" in headers
    vercel = json.loads((site / "vercel.json").read_text())
    assert {"key": "Cross-Origin-Opener-Policy", "value": "same-origin"} in (
        vercel["headers"][0]["headers"]
    )
    azure = json.loads((site / "staticwebapp.config.json").read_text())
    assert azure["globalHeaders"]["Cross-Origin-Embedder-Policy"] == "require-corp"
    assert 'Header always set Cross-Origin-Opener-Policy "same-origin"' in (
        (site / ".htaccess").read_text()
    )
    assert "Netlify" in (site / "HOSTING.md").read_text()


def test_a_folder_with_other_files_is_refused_and_left_alone(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text("my own page")
    with pytest.raises(PublishError, match="did not write"):
        publish(tmp_path)
    assert (tmp_path / "index.html").read_text() == "my own page"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["index.html"]


def test_an_earlier_publish_is_updated_and_added_files_stay(tmp_path: Path) -> None:
    site = tmp_path / "site"
    publish(site, sdk_version="6.1.5")
    (site / "robots.txt").write_text("mine")
    publish(site, sdk_version="6.2.0")
    assert json.loads((site / "config.json").read_text())["sdkVersion"] == "6.2.0"
    assert (site / "robots.txt").read_text() == "mine"
    # A file under one of our names that the marker does not list is not ours.
    marker = json.loads((site / MARKER).read_text())
    marker["files"].remove("HOSTING.md")
    (site / MARKER).write_text(json.dumps(marker))
    with pytest.raises(PublishError, match="HOSTING.md"):
        publish(site)


def test_check_finds_the_page_on_a_host_that_applies_the_headers(tmp_path: Path) -> None:
    publish(tmp_path / "site")
    with StaticHost(tmp_path / "site") as host:
        result = check_page(host.url)
    assert result.ok, result.summary()
    assert result.sdk_version == "6.2.0"
    assert result.notes == ()
    assert "answers with zoomsig's join page" in result.summary()


def test_check_notes_a_host_without_the_headers(tmp_path: Path) -> None:
    publish(tmp_path / "site")
    with StaticHost(tmp_path / "site", apply_headers=False) as host:
        result = check_page(host.url)
    assert result.ok
    assert "without gallery view" in result.summary()
    assert "Cross-Origin-Opener-Policy" in result.summary()


def test_check_says_when_it_is_not_the_page(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text("<html>someone else's</html>")
    with StaticHost(tmp_path) as host:
        result = check_page(host.url)
        missing = check_page(host.url + "nothing/")
    assert not result.ok and "not with zoomsig's join page" in result.summary()
    assert not missing.ok and "HTTP 404" in missing.summary()


def test_check_says_when_nothing_answers() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    result = check_page(f"http://127.0.0.1:{port}/")
    assert not result.ok and "could not be reached" in result.summary()


def test_publish_and_check_on_the_command_line(tmp_path: Path) -> None:
    site = tmp_path / "site"
    made = zoomsig("publish", str(site), home=tmp_path)
    assert made.returncode == 0, made.stderr
    assert made.stdout.strip() == str(site.resolve())
    assert "zoomsig link --base" in made.stderr
    again = zoomsig("publish", str(tmp_path), home=tmp_path)
    assert again.returncode != 0 and "never replaces" in again.stderr
    with StaticHost(site) as host:
        ok = zoomsig("publish", "--check", host.url, home=tmp_path)
        nothing_saved = zoomsig("publish", "--check", home=tmp_path)
        base = host.url + "index.html"
        made = zoomsig(
            *LINK, "--meeting", "811 9887 3582", "--base", base, "--save-base", home=tmp_path
        )
        saved = zoomsig("publish", "--check", home=tmp_path)
    assert ok.returncode == 0 and "answers with zoomsig's join page" in ok.stdout
    assert nothing_saved.returncode != 0 and "--base URL --save-base" in nothing_saved.stderr
    assert made.returncode == 0, made.stderr
    assert saved.returncode == 0 and base in saved.stdout, saved.stderr
    with StaticHost(tmp_path / "site" / "..") as other:
        bad = zoomsig("publish", "--check", other.url, home=tmp_path)
    assert bad.returncode == 1 and "will not work" in bad.stderr
