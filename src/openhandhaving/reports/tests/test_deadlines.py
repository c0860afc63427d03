"""Deadlines in calendar and working days, over weekends and Dutch holidays."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from openhandhaving.core.calendar import dutch_calendar
from openhandhaving.reports.deadlines import deadlines_for

AMS = ZoneInfo("Europe/Amsterdam")
calendar = dutch_calendar(2025, 2028)


def at(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=AMS)


@pytest.mark.parametrize(
    ("reported", "amount", "unit", "due", "due_3x"),
    [
        pytest.param(
            "2026-11-23 10:00",
            3,
            "calendar_days",
            "2026-11-26 10:00",
            "2026-12-02 10:00",
            id="three calendar days run over the weekend",
        ),
        pytest.param(
            "2026-11-23 10:00",
            3,
            "working_days",
            "2026-11-26 10:00",
            "2026-12-04 10:00",
            id="three working days from a monday end on thursday",
        ),
        pytest.param(
            "2026-11-27 16:00",
            1,
            "working_days",
            "2026-11-30 16:00",
            "2026-12-02 16:00",
            id="one working day from a friday ends on monday",
        ),
        pytest.param(
            "2026-11-28 11:00",
            1,
            "working_days",
            "2026-12-01 00:00",
            "2026-12-03 00:00",
            id="a saturday report counts from monday morning",
        ),
        pytest.param(
            "2026-12-24 09:00",
            2,
            "working_days",
            "2026-12-29 09:00",
            "2027-01-05 09:00",
            id="christmas and new year's day are skipped",
        ),
        pytest.param(
            "2027-04-26 12:00",
            1,
            "working_days",
            "2027-04-28 12:00",
            "2027-04-30 12:00",
            id="koningsdag 2027 on tuesday is skipped",
        ),
        pytest.param(
            "2026-05-04 08:30",
            1,
            "working_days",
            "2026-05-06 08:30",
            "2026-05-08 08:30",
            id="5 mei is skipped every year",
        ),
        pytest.param(
            "2026-11-23 10:00",
            0,
            "working_days",
            "2026-11-23 10:00",
            "2026-11-23 10:00",
            id="zero days means due at once",
        ),
    ],
)
def test_deadlines(reported, amount, unit, due, due_3x):
    result = deadlines_for(reported_at=at(reported), amount=amount, unit=unit, calendar=calendar)
    assert (result.due, result.due_3x) == (at(due), at(due_3x))


def test_deadline_across_daylight_saving_keeps_the_local_time():
    result = deadlines_for(
        reported_at=at("2026-10-23 10:00"), amount=3, unit="calendar_days", calendar=calendar
    )
    assert result.due.isoformat() == "2026-10-26T10:00:00+01:00"
