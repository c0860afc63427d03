"""Working days over the Dutch public holidays."""

from __future__ import annotations

import datetime as dt

import pytest

from openhandhaving.core.calendar import dutch_calendar, holiday_name

D = dt.date
calendar = dutch_calendar(2025, 2027)


@pytest.mark.parametrize(
    ("start", "days", "expected", "why"),
    [
        (D(2026, 11, 23), 1, D(2026, 11, 24), "monday plus one is tuesday"),
        (D(2026, 11, 20), 1, D(2026, 11, 23), "friday plus one skips the weekend"),
        (D(2026, 11, 21), 0, D(2026, 11, 23), "zero days from a saturday is the next monday"),
        (D(2026, 12, 24), 1, D(2026, 12, 28), "christmas days are no working days"),
        (D(2026, 4, 24), 1, D(2026, 4, 28), "koningsdag on monday 27 april 2026"),
        (D(2026, 4, 2), 1, D(2026, 4, 3), "good friday is a working day (termijnenwet)"),
        (D(2026, 5, 4), 1, D(2026, 5, 6), "5 mei counts every year (termijnenwet)"),
        (D(2026, 4, 3), 1, D(2026, 4, 7), "easter monday is skipped"),
        (D(2026, 5, 13), 1, D(2026, 5, 15), "ascension day is skipped"),
        (D(2026, 11, 24), -1, D(2026, 11, 23), "negative counts go back"),
        (D(2026, 12, 31), 1, D(2027, 1, 4), "new year's day and weekend are skipped"),
        (D(2026, 11, 23), 10, D(2026, 12, 7), "two working weeks"),
    ],
)
def test_add_working_days(start, days, expected, why):
    assert calendar.add_working_days(start, days) == expected, why


def test_working_days_between_counts_both_directions():
    assert calendar.working_days_between(D(2026, 12, 24), D(2026, 12, 31)) == 4
    assert calendar.working_days_between(D(2026, 12, 31), D(2026, 12, 24)) == -4


def test_holidays_have_dutch_names():
    assert holiday_name(D(2026, 4, 27)) == "Koningsdag"
    assert holiday_name(D(2026, 5, 5)) == "Bevrijdingsdag"
    assert holiday_name(D(2026, 4, 3)) is None
    assert holiday_name(D(2026, 11, 23)) is None
