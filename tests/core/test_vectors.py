"""The token vectors: tokens signed by independent JavaScript signers, used as they are."""

from __future__ import annotations

import pytest

from tests.helpers.env import VECTORS
from zoomsig_gui.core.inspection.inspector import inspect


@pytest.mark.parametrize("case", VECTORS["cases"], ids=lambda case: case["name"])
def testvector_input(case: dict) -> None:
    report = inspect(case["input"], secret=case["secret"], now=case["now"])
    codes = report.codes()
    for code in case["must"]:
        assert code in codes, f"{code} missing from {codes}"
    if case.get("must_not_errors"):
        assert report.errors == [], [f.code for f in report.errors]
    if case["exit"] is not None:
        assert report.exit_status() == case["exit"], codes
    if "signature_valid" in case:
        assert report.signature_valid is case["signature_valid"]
    assert report.now == case["now"]
