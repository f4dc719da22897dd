"""Every finding has a short title in plain words; codes in text become their titles."""

from __future__ import annotations

import re
from pathlib import Path

from zoomsig_gui.core.inspection.titles import TITLES, in_words, title_of

ROOT = Path(__file__).resolve().parents[2]


def test_every_code_the_rules_emit_has_a_title() -> None:
    source = "".join(
        p.read_text() for p in (ROOT / "zoomsig_gui" / "core" / "inspection").glob("*.py")
    )
    emitted = set(re.findall(r'finding\(\s*"([a-z0-9-]+)"', source))
    assert emitted and emitted <= set(TITLES), sorted(emitted - set(TITLES))


def test_codes_in_a_summary_become_titles() -> None:
    assert in_words("2 errors: appkey-missing, iat-future") == (
        "2 errors: the app's key is missing (appKey), start time in the future (iat)"
    )
    assert in_words("fixes mn-format; kept equal to exp") == (
        "fixes meeting number is not 9 to 11 digits; kept equal to exp"
    )
    assert title_of("a-code-from-later") == "a-code-from-later"  # unknown: shown as it is
