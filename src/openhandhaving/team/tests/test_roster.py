"""Roster time arithmetic: local wall-clock times, night shifts, clock changes, pattern days."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from openhandhaving.team.roster import (
    day_bounds,
    iso_week_label,
    overlaps,
    parse_iso_week,
    pattern_occurrences,
    shift_window,
)

AMS = ZoneInfo("Europe/Amsterdam")
D = dt.date.fromisoformat
T = dt.time.fromisoformat


@pytest.mark.parametrize(
    ("day", "start", "end", "hours", "end_day"),
    [
        pytest.param("2026-11-24", "08:00", "16:30", 8.5, "2026-11-24", id="a day shift"),
        pytest.param(
            "2026-11-24", "22:00", "06:00", 8, "2026-11-25", id="a night shift ends the next day"
        ),
        pytest.param(
            "2026-11-24",
            "18:00",
            "00:00",
            6,
            "2026-11-25",
            id="an evening shift until midnight ends at the next day's start",
        ),
        pytest.param(
            "2026-03-28",
            "22:00",
            "06:00",
            7,
            "2026-03-29",
            id="the night the clocks go forward is an hour shorter",
        ),
        pytest.param(
            "2026-10-24",
            "22:00",
            "06:00",
            9,
            "2026-10-25",
            id="the night the clocks go back is an hour longer",
        ),
    ],
)
def test_shift_window_from_local_times(day, start, end, hours, end_day):
    begin, finish = shift_window(D(day), T(start), T(end), AMS)
    assert (finish.astimezone(dt.UTC) - begin.astimezone(dt.UTC)).total_seconds() / 3600 == hours
    assert finish.date() == D(end_day)
    assert f"{begin:%H:%M}" == start and f"{finish:%H:%M}" == end


def test_a_clock_time_skipped_in_spring_moves_forward_by_the_hour():
    begin, _ = shift_window(D("2026-03-29"), T("02:30"), T("10:00"), AMS)
    assert f"{begin:%H:%M}" == "03:30"


@pytest.mark.parametrize(
    ("day", "hours"),
    [
        pytest.param("2026-11-24", 24, id="an ordinary day has 24 hours"),
        pytest.param("2026-03-29", 23, id="the spring clock change day has 23 hours"),
        pytest.param("2026-10-25", 25, id="the autumn clock change day has 25 hours"),
    ],
)
def test_day_bounds(day, hours):
    start, end = day_bounds(D(day), AMS)
    assert (end.astimezone(dt.UTC) - start.astimezone(dt.UTC)).total_seconds() / 3600 == hours


@pytest.mark.parametrize(
    ("text", "monday"),
    [
        pytest.param("2026-W48", "2026-11-23", id="week 48 of 2026 starts on 23 November"),
        pytest.param("2026-W1", "2025-12-29", id="week 1 may start in the year before"),
        pytest.param("2026-W53", "2026-12-28", id="2026 has a week 53"),
        pytest.param("2025-W53", None, id="2025 has no week 53"),
        pytest.param("volgende week", None, id="text that is no week gives nothing"),
        pytest.param("", None, id="an empty week gives nothing"),
    ],
)
def test_parse_iso_week(text, monday):
    assert parse_iso_week(text) == (D(monday) if monday else None)


def test_iso_week_label_round_trips():
    assert iso_week_label(D("2026-11-23")) == "2026-W48"
    assert parse_iso_week(iso_week_label(D("2027-01-04"))) == D("2027-01-04")


@pytest.mark.parametrize(
    ("weekdays", "valid_from", "valid_until", "every", "days"),
    [
        pytest.param(
            [1, 3],
            "2026-11-23",
            "2026-12-06",
            1,
            ["2026-11-24", "2026-11-26", "2026-12-01", "2026-12-03"],
            id="tuesday and thursday for two weeks",
        ),
        pytest.param(
            [1, 3],
            "2026-11-23",
            "2026-12-13",
            2,
            ["2026-11-24", "2026-11-26", "2026-12-08", "2026-12-10"],
            id="every other week counts from the week of the first day",
        ),
        pytest.param(
            [0],
            "2026-11-25",
            "2026-12-08",
            2,
            ["2026-12-07"],
            id="every other monday from a wednesday: the first is in the week after next",
        ),
        pytest.param(
            [5, 6],
            "2026-11-23",
            "2026-11-27",
            1,
            [],
            id="a weekend pattern in a working week makes nothing",
        ),
        pytest.param(
            [0, 1, 2, 3, 4, 5, 6],
            "2026-11-24",
            "2026-11-24",
            1,
            ["2026-11-24"],
            id="a one-day period makes one shift",
        ),
    ],
)
def test_pattern_occurrences(weekdays, valid_from, valid_until, every, days):
    found = pattern_occurrences(
        weekdays=weekdays,
        start_time=T("08:00"),
        end_time=T("16:00"),
        valid_from=D(valid_from),
        valid_until=D(valid_until),
        every_weeks=every,
        tz=AMS,
    )
    assert [o.day for o in found] == [D(d) for d in days]


def test_a_night_pattern_makes_shifts_that_end_the_next_morning():
    (night,) = pattern_occurrences(
        weekdays=[4],
        start_time=T("22:00"),
        end_time=T("04:00"),
        valid_from=D("2026-11-23"),
        valid_until=D("2026-11-29"),
        every_weeks=1,
        tz=AMS,
    )
    assert night.start.isoformat() == "2026-11-27T22:00:00+01:00"
    assert night.end.isoformat() == "2026-11-28T04:00:00+01:00"


H = dt.datetime(2026, 11, 24, tzinfo=AMS)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        pytest.param(
            (8, 12), (12, 16), False, id="a shift ending when the next starts does not overlap"
        ),
        pytest.param((8, 12), (11, 16), True, id="one hour in common overlaps"),
        pytest.param(
            (8, None), (20, 22), True, id="an open-ended absence overlaps everything after"
        ),
        pytest.param((8, None), (6, 8), False, id="an open-ended absence does not reach back"),
        pytest.param((10, 11), (8, 16), True, id="a short absence inside a shift overlaps"),
    ],
)
def test_half_open_overlap(a, b, expected):
    def moment(hour):
        return None if hour is None else H + dt.timedelta(hours=hour)

    assert overlaps(moment(a[0]), moment(a[1]), moment(b[0]), moment(b[1])) is expected
    assert overlaps(moment(b[0]), moment(b[1]), moment(a[0]), moment(a[1])) is expected
