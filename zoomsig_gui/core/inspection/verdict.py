"""The verdict and signature sentences of an inspection, for every place that shows one: the
terminal report, the window's findings and Inspect tab, and the case report."""

from __future__ import annotations

from zoomsig_gui.core.inspection.inspector import Inspection

NOT_READABLE = "This is not a token zoomsig can read."
READY = "Ready to join: no problem Zoom would reject."
NO_SIGNATURE_KINDS = ("unknown", "legacy")  # nothing signed with a secret to check


def problems(count: int) -> str:
    return f"{count} problem{'s' if count != 1 else ''}"


def verdict(inspection: Inspection) -> tuple[str, str]:
    """(state, sentence): state is "ok" or "error"."""
    if inspection.malformed:
        return "error", NOT_READABLE
    errors = len(inspection.errors)
    if errors:
        return "error", f"Zoom will reject this token: {problems(errors)} to fix."
    return "ok", READY


def case_verdict(inspection: Inspection) -> str:
    """The case report's last line: how many problems a support engineer has to look at."""
    errors = len(inspection.errors)
    if errors:
        return f"Verdict: {problems(errors)} Zoom would reject."
    return "Verdict: no problem Zoom would reject."


def signature_words(inspection: Inspection, whose: str = "") -> str:
    """How the signature compares with the secret given: "matches the secret", "does NOT
    match the secret" (each followed by ``whose``, e.g. " of “QA app”"), or "not checked"."""
    if inspection.signature_valid is True:
        return f"matches the secret{whose}"
    if inspection.signature_valid is False:
        return f"does NOT match the secret{whose}"
    return "not checked"


def signature_applies(inspection: Inspection) -> bool:
    """False for what has no secret-made signature (unreadable input, old Web SDK format)."""
    return inspection.kind not in NO_SIGNATURE_KINDS
