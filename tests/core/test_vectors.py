"""The shared vectors: tokens signed by independent JavaScript signers, used as they are."""

from __future__ import annotations

import pytest

from tests.conftest import VECTORS
from zoomsig_gui.core.inspector import inspect

# Two cases contradict shared/findings.md (the contract) and so cannot pass without
# breaking it; they stay here, strictly expected to fail, so fixing the file turns
# them into failures that ask for this list to be emptied. Reported on issue 2.
CONTRADICTIONS = {
    "valid web token, jsonwebtoken": (
        "its payload has no iat, which findings.md makes the error iat-missing, yet the "
        "vector wants no error"
    ),
    "standard base64 with padding": (
        "its input is byte for byte the valid jsrsasign token (no +, / or =), so "
        "not-base64url cannot be reported"
    ),
}


def _cases():
    for case in VECTORS["cases"]:
        marks = []
        if case["name"] in CONTRADICTIONS:
            marks.append(pytest.mark.xfail(strict=True, reason=CONTRADICTIONS[case["name"]]))
        yield pytest.param(case, id=case["name"], marks=marks)


@pytest.mark.parametrize("case", list(_cases()))
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


def test_contradictions_are_still_in_the_file() -> None:
    """When the vectors file is corrected, drop the entries from CONTRADICTIONS."""
    names = {case["name"] for case in VECTORS["cases"]}
    assert set(CONTRADICTIONS) <= names
