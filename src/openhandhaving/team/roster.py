"""Roster time arithmetic, pure: local date + time → aware moments, ISO weeks, pattern days."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

ISO_WEEK = re.compile(r"^(\d{4})-W(\d{1,2})$")


def local_datetime(day: dt.date, clock: dt.time, tz: ZoneInfo) -> dt.datetime:
    """The aware moment of a wall-clock time on a local day, normalised through UTC.

    A clock time that does not exist (02:30 on the last Sunday of March) moves forward by the
    hour that is skipped; one that exists twice (02:30 in late October) is the first of the two.
    """
    return dt.datetime.combine(day, clock, tzinfo=tz).astimezone(dt.UTC).astimezone(tz)


def shift_window(
    day: dt.date, start: dt.time, end: dt.time, tz: ZoneInfo
) -> tuple[dt.datetime, dt.datetime]:
    """Start and end of a shift that starts on `day`; an end not after the start is the next day."""
    end_day = day if end > start else day + dt.timedelta(days=1)
    return local_datetime(day, start, tz), local_datetime(end_day, end, tz)


def day_bounds(day: dt.date, tz: ZoneInfo) -> tuple[dt.datetime, dt.datetime]:
    """[local midnight, next local midnight) of a day: 23, 24 or 25 hours long."""
    return (
        local_datetime(day, dt.time(0), tz),
        local_datetime(day + dt.timedelta(days=1), dt.time(0), tz),
    )


def week_monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def parse_iso_week(text: str) -> dt.date | None:
    """'2026-W48' → the Monday of that week; None when the text is not a real ISO week."""
    match = ISO_WEEK.match((text or "").strip())
    if not match:
        return None
    try:
        return dt.date.fromisocalendar(int(match[1]), int(match[2]), 1)
    except ValueError:
        return None


def iso_week_label(monday: dt.date) -> str:
    year, week, _ = monday.isocalendar()
    return f"{year}-W{week:02d}"


@dataclass(frozen=True)
class Occurrence:
    day: dt.date
    start: dt.datetime
    end: dt.datetime


def pattern_occurrences(
    *,
    weekdays: Iterable[int],
    start_time: dt.time,
    end_time: dt.time,
    valid_from: dt.date,
    valid_until: dt.date,
    every_weeks: int,
    tz: ZoneInfo,
) -> list[Occurrence]:
    """The shifts a repeating pattern asks for, from valid_from up to and including valid_until.

    Weeks count from the week of valid_from: with every_weeks=2 that week, the third, the fifth...
    """
    days = set(weekdays)
    first_monday = week_monday(valid_from)
    result = []
    day = valid_from
    while day <= valid_until:
        week_index = (week_monday(day) - first_monday).days // 7
        if day.weekday() in days and week_index % max(every_weeks, 1) == 0:
            start, end = shift_window(day, start_time, end_time, tz)
            result.append(Occurrence(day=day, start=start, end=end))
        day += dt.timedelta(days=1)
    return result


def overlaps(
    start: dt.datetime,
    end: dt.datetime | None,
    other_start: dt.datetime,
    other_end: dt.datetime | None,
) -> bool:
    """Half-open intervals [start, end) overlap; an end of None lasts for ever."""
    return (other_end is None or start < other_end) and (end is None or other_start < end)
