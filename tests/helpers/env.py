"""The test run's surroundings: the repository, its test data, required components and the
download cache.

ZOOMSIG_REQUIRE_ALL=1 (set by scripts/test.sh, so by CI) turns a missing real component
into a failure instead of a skip.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
# Token vectors signed by independent JavaScript signers, used as they are.
VECTORS_FILE = DATA / "meeting-sdk-tokens.json"
VECTORS = json.loads(VECTORS_FILE.read_text())


def vector_input(name: str) -> str:
    """The pasted input of the vector case called ``name``."""
    return next(case["input"] for case in VECTORS["cases"] if case["name"] == name)


def require(condition: object, why: str) -> None:
    """Skip when a real component is missing, or fail when the run demands all of them."""
    if condition:
        return
    if os.environ.get("ZOOMSIG_REQUIRE_ALL") == "1":
        pytest.fail(f"required component missing: {why}")
    pytest.skip(why)


def cache_dir(name: str) -> Path:
    """A folder for large test downloads that outlives the throwaway HOME."""
    base = Path(os.environ.get("ZOOMSIG_TEST_CACHE", "/tmp/zoomsig-test-cache"))
    path = base / name
    path.mkdir(parents=True, exist_ok=True)
    return path
