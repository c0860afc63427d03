"""The demo's year, pure: school holidays (region Midden), school days, seasons and holiday dips.

School holidays follow the pattern of the Dutch schedule for region Midden: autumn in ISO week 43,
Christmas two weeks from the Saturday before 24 December, spring in ISO week 8, May in ISO week
18 and six summer weeks (their start rotates between the regions; known years are listed). Each
holiday runs from the Saturday before its first Monday to the Sunday after its last Friday.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

import holidays

# First ISO week of the summer holiday of region Midden (the other years: week 29).
SUMMER_FIRST_WEEK = {2023: 29, 2024: 29, 2025: 29, 2026: 30, 2027: 28, 2028: 29}
SUMMER_WEEKS = 6

# Monthly factors (January first) per season theme; 1.0 is an average month.
SEASONS: dict[str, tuple[float, ...]] = {
    "flat": (1,) * 12,
    "general": (0.85, 0.85, 0.95, 1.0, 1.05, 1.1, 1.1, 1.05, 1.05, 1.0, 0.95, 0.85),
    "summer": (0.55, 0.6, 0.75, 0.95, 1.2, 1.45, 1.6, 1.55, 1.15, 0.85, 0.65, 0.6),
    "litter": (0.7, 0.7, 0.85, 1.0, 1.15, 1.35, 1.45, 1.4, 1.1, 0.95, 0.8, 0.75),
    "leaves": (0.2, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.2, 0.8, 4.5, 4.0, 1.0),
    "growing": (0.1, 0.1, 0.3, 0.8, 1.8, 2.2, 2.2, 1.8, 1.2, 0.5, 0.2, 0.1),
    "caterpillar": (0, 0, 0, 0, 0.5, 5.0, 4.5, 1.0, 0, 0, 0, 0),
    "dark": (1.5, 1.3, 1.0, 0.8, 0.6, 0.5, 0.5, 0.6, 0.9, 1.3, 1.6, 1.6),
    "winter": (2.6, 2.2, 0.6, 0, 0, 0, 0, 0, 0, 0.2, 1.2, 2.4),
    "fireworks": (1.0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.2, 3.0),
    "storm": (1.4, 1.3, 1.1, 0.8, 0.7, 0.7, 0.8, 0.8, 0.9, 1.2, 1.4, 1.3),
    "spring_clean": (0.7, 0.8, 1.3, 1.5, 1.3, 1.0, 0.9, 0.9, 1.1, 1.1, 0.9, 0.6),
}


def _saturday_before_week(year: int, week: int) -> dt.date:
    return dt.date.fromisocalendar(year, week, 1) - dt.timedelta(days=2)


@lru_cache(maxsize=16)
def school_holidays(year: int) -> tuple[tuple[str, dt.date, dt.date], ...]:
    """(name, first day, last day) of the school holidays that start in `year`."""
    result = []
    for name, week, weeks in (
        ("voorjaarsvakantie", 8, 1),
        ("meivakantie", 18, 1),
        ("zomervakantie", SUMMER_FIRST_WEEK.get(year, 29), SUMMER_WEEKS),
        ("herfstvakantie", 43, 1),
    ):
        start = _saturday_before_week(year, week)
        result.append((name, start, start + dt.timedelta(days=7 * weeks + 1)))
    christmas_eve = dt.date(year, 12, 24)
    start = christmas_eve - dt.timedelta(days=(christmas_eve.weekday() - 5) % 7)
    result.append(("kerstvakantie", start, start + dt.timedelta(days=15)))
    return tuple(sorted(result, key=lambda holiday: holiday[1]))


@lru_cache(maxsize=4096)
def school_holiday(day: dt.date) -> str | None:
    """The name of the school holiday `day` falls in, or None."""
    for year in (day.year - 1, day.year):
        for name, first, last in school_holidays(year):
            if first <= day <= last:
                return name
    return None


@lru_cache(maxsize=16)
def _public_holidays(year: int) -> frozenset[dt.date]:
    found = holidays.country_holidays("NL", years=[year], language="nl")
    # Schools close the Friday after Ascension Day as well.
    bridge = {day + dt.timedelta(days=1) for day, name in found.items() if name == "Hemelvaartsdag"}
    return frozenset(set(found) | bridge)


@lru_cache(maxsize=4096)
def is_public_holiday(day: dt.date) -> bool:
    return day in _public_holidays(day.year)


@lru_cache(maxsize=4096)
def is_school_day(day: dt.date) -> bool:
    """Monday to Friday, no public holiday (or the Friday after Ascension), no school holiday."""
    return day.weekday() < 5 and not is_public_holiday(day) and school_holiday(day) is None


def season(theme: str, day: dt.date) -> float:
    return SEASONS[theme][day.month - 1]


@lru_cache(maxsize=4096)
def holiday_dip(day: dt.date) -> float:
    """Fewer reports when the town celebrates or is away: Christmas, New Year, summer."""
    if (day.month, day.day) in ((12, 24), (12, 25), (12, 26)):
        return 0.45
    if day.month == 12 and day.day >= 27:
        return 0.65
    if is_public_holiday(day):
        return 0.75
    if school_holiday(day) == "zomervakantie":
        return 0.85
    return 1.0


def christmas_week(day: dt.date) -> bool:
    """24 to 30 December: the week the tests expect to be quiet."""
    return day.month == 12 and 24 <= day.day <= 30
