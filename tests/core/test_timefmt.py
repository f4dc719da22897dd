"""Times for people: UTC, which Zoom and logs use, with the machine's local time beside it."""

from __future__ import annotations

import time

import pytest

from zoomsig_gui.core.inspection.claims import claim_rows
from zoomsig_gui.core.timefmt import when_text

NOON = 1_796_212_800  # 2026-12-02 12:00:00 UTC


@pytest.fixture
def zone(monkeypatch):
    """Run with the machine's time zone set to a POSIX TZ rule (no tz database needed)."""

    def use(rule: str) -> None:
        monkeypatch.setenv("TZ", rule)
        time.tzset()

    yield use
    monkeypatch.undo()
    time.tzset()


def test_local_time_stands_beside_utc(zone):
    zone("CET-1")  # one hour east of UTC
    assert when_text(NOON) == "2026-12-02 12:00:00 UTC (13:00:00 local time)"


def test_local_date_is_given_when_it_is_another_day(zone):
    zone("IST-5:30")
    assert when_text(NOON + 11 * 3600) == "2026-12-02 23:00:00 UTC (2026-12-03 04:30:00 local time)"


def test_only_utc_where_the_machine_keeps_utc(zone):
    zone("UTC0")
    assert when_text(NOON) == "2026-12-02 12:00:00 UTC"


def test_a_value_that_is_no_date_says_so(zone):
    zone("CET-1")
    assert when_text(10**30).endswith("(not a date)")


def test_the_decoded_tables_read_times_in_both(zone):
    zone("CET-1")
    rows = {r.name: r for r in claim_rows({"iat": NOON, "exp": NOON + 7200}, NOON)}
    assert rows["exp"].reading == "2026-12-02 14:00:00 UTC (15:00:00 local time) · in 2 h"
