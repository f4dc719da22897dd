"""The real Meeting SDK for tests: `npm pack @zoom/meetingsdk@6.2.0`, cached, never committed.

Zoom's licence forbids bundling the SDK, so each machine fetches its own copy from npm.
"""

from __future__ import annotations

import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path

from tests.helpers.env import cache_dir, require

SDK_VERSION = "6.2.0"
# Every name outside loopback fails to resolve: the browser never reaches the network.
OFFLINE_RESOLVER = "MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"


def meeting_sdk_dist(version: str = SDK_VERSION) -> Path:
    """The dist folder of the unpacked package; packs and unpacks it on first use."""
    folder = cache_dir("meetingsdk")
    dist = folder / version / "package" / "dist"
    if (dist / f"zoom-meeting-{version}.min.js").is_file():
        return dist
    require(shutil.which("npm"), "npm is not installed (needed to fetch @zoom/meetingsdk)")
    with tempfile.TemporaryDirectory(dir=folder) as tmp:
        result = subprocess.run(
            ["npm", "pack", f"@zoom/meetingsdk@{version}", "--pack-destination", tmp],
            cwd=tmp,
            capture_output=True,
            text=True,
            timeout=900,
        )
        require(
            result.returncode == 0,
            f"npm pack @zoom/meetingsdk@{version} failed: {result.stderr.strip()[-300:]}",
        )
        tarball = next(Path(tmp).glob("*.tgz"))
        unpacked = Path(tmp) / "unpacked"
        with tarfile.open(tarball) as tar:
            tar.extractall(unpacked, filter="data")
        target = folder / version
        if not (dist / f"zoom-meeting-{version}.min.js").is_file():  # another run may win
            shutil.rmtree(target, ignore_errors=True)
            (unpacked).rename(target)
    return dist
