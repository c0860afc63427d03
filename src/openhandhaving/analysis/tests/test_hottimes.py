"""Hot times: the week profile and Dutch names for planted peak windows."""

from __future__ import annotations

import numpy as np
import pytest

from openhandhaving.analysis.core.events import DAY
from openhandhaving.analysis.core.hottimes import name_days, name_peaks, resolution, week_profile

from .patterns_data import MONDAY, events, random_times, times_in_window

WEEKDAYS = (0, 1, 2, 3, 4)


def background(rng, n=500):
    return random_times(rng, n)


def test_a_school_run_peak_on_weekdays_is_named_ma_vr_08_00_08_45():
    rng = np.random.default_rng(1)
    t = np.concatenate(
        [background(rng), times_in_window(rng, 120, days=WEEKDAYS, start="08:00", minutes=45)]
    )
    assert name_peaks(events(t)) == "ma–vr 08:00–08:45"


def test_two_windows_on_the_same_days_are_joined_with_en():
    rng = np.random.default_rng(2)
    t = np.concatenate(
        [
            background(rng),
            times_in_window(rng, 150, days=WEEKDAYS, start="08:00", minutes=45),
            times_in_window(rng, 250, days=WEEKDAYS, start="14:00", minutes=75),
        ]
    )
    assert name_peaks(events(t)) == "ma–vr 08:00–08:45 en 14:00–15:15"


def test_different_days_get_their_own_windows_separated_by_a_semicolon():
    rng = np.random.default_rng(3)
    t = np.concatenate(
        [
            background(rng),
            times_in_window(rng, 100, days=(1, 3), start="19:00", minutes=60),
            times_in_window(rng, 200, days=(5, 6), start="22:00", minutes=120),
        ]
    )
    assert name_peaks(events(t)) == "di en do 19:00–20:00; za–zo 22:00–24:00"


def test_an_evenly_spread_week_has_no_peaks():
    rng = np.random.default_rng(4)
    assert name_peaks(events(background(rng, 2000))) == "geen duidelijke piektijden"


def test_one_busy_evening_is_not_a_pattern():
    """30 reports of one party on one Friday: many events, but on a single date."""
    rng = np.random.default_rng(5)
    party = MONDAY + 4 * DAY + 22 * 3600 + rng.integers(0, 3600, 30)
    t = np.concatenate([background(rng), party])
    assert name_peaks(events(t)) == "geen duidelijke piektijden"


def test_times_rounded_to_whole_hours_are_named_in_hours():
    rng = np.random.default_rng(6)
    peak = times_in_window(rng, 150, days=WEEKDAYS, start="08:00", minutes=60)
    rounded = peak // 3600 * 3600
    data = events(np.concatenate([background(rng) // 3600 * 3600, rounded]))
    assert resolution(data) == 60
    assert name_peaks(data) == "ma–vr 08:00–09:00"


def test_too_few_events_say_so():
    assert name_peaks(events([MONDAY, MONDAY + 60])).startswith("te weinig gebeurtenissen")


@pytest.mark.parametrize(
    ("days", "name"),
    [
        ([0, 1, 2, 3, 4], "ma–vr"),
        ([5, 6], "za–zo"),
        ([1, 3], "di en do"),
        ([0, 2, 4], "ma, wo en vr"),
        ([0, 1, 3], "ma–di en do"),
        ([6], "zo"),
    ],
)
def test_weekdays_are_named_like_a_dutch_timetable(days, name):
    assert name_days(days) == name


def test_the_profile_counts_per_weekday_and_hour_of_the_wall_clock():
    monday_0810 = MONDAY + 8 * 3600 + 10 * 60
    sunday_2359 = MONDAY + 6 * DAY + 23 * 3600 + 59 * 60
    profile = week_profile(events([monday_0810, monday_0810, sunday_2359]))
    assert profile.shape == (7, 24)
    assert profile[0, 8] == 2
    assert profile[6, 23] == 1
    assert profile.sum() == 3
