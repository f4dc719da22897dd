"""The installed app carries its join page and icons (a wheel, not only the checkout)."""

from __future__ import annotations

import subprocess
import sys
import zipfile

from tests.helpers.env import ROOT


def test_wheel_ships_resources_and_entry_points(tmp_path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    wheel = next(tmp_path.glob("zoomsig-*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        entry_points = next(
            archive.read(n).decode() for n in names if n.endswith("entry_points.txt")
        )
    for needed in (
        "zoomsig_gui/resources/join/index.html",
        "zoomsig_gui/resources/join/join.js",
        "zoomsig_gui/resources/icons/zoomsig.svg",
        "zoomsig_gui/core/inspection/inspector.py",
    ):
        assert needed in names
    assert not any("meetingsdk" in n or n.endswith(".min.js") for n in names)  # never the SDK
    assert "zoomsig = zoomsig_gui.cli:main" in entry_points
    assert "zoomsig-gui = zoomsig_gui.__main__:main" in entry_points
