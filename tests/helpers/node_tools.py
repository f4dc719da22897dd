"""node packages for cross-checks, installed with npm into the test cache on first use."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from tests.helpers.env import cache_dir, require


def npm_package(name: str, version: str) -> Path:
    """The folder holding node_modules/<name>; installs it once."""
    require(shutil.which("node") and shutil.which("npm"), "node and npm are not installed")
    folder = cache_dir(f"npm-{name}-{version}")
    if not (folder / "node_modules" / name / "package.json").exists():
        subprocess.run(
            [
                "npm",
                "install",
                "--no-audit",
                "--no-fund",
                "--prefix",
                str(folder),
                f"{name}@{version}",
            ],
            check=True,
            capture_output=True,
            timeout=300,
        )
    return folder


def run_node(folder: Path, script: str, env: dict[str, str]) -> str:
    """Run a script with NODE_PATH on the package folder; secrets travel in env, never argv."""
    result = subprocess.run(
        ["node", "-e", script],
        capture_output=True,
        text=True,
        timeout=60,
        env={
            "PATH": "/usr/bin:/bin:/usr/local/bin",
            "NODE_PATH": str(folder / "node_modules"),
            **env,
        },
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()
