"""The repository keeps copies of the team's contract and vectors; while the team's folder
lies beside the checkout (as in CI), the copies must still equal it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers.env import DATA, ROOT

TEAM = ROOT.parent / "shared"
COPIES = [
    (DATA / "meeting-sdk-tokens.json", TEAM / "vectors" / "meeting-sdk-tokens.json"),
    (ROOT / "docs" / "findings.md", TEAM / "findings.md"),
]


@pytest.mark.parametrize("copy, original", COPIES, ids=lambda p: p.name)
def test_copy_equals_the_team_file(copy: Path, original: Path) -> None:
    assert copy.is_file(), f"{copy} is missing from the repository"
    if not original.is_file():
        pytest.skip(f"{original} is not beside this checkout")
    assert copy.read_bytes() == original.read_bytes(), (
        f"{copy.relative_to(ROOT)} differs from {original}: copy the new file in"
    )
