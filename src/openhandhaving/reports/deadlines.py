"""Deadlines (afhandeltermijnen) of reports. Pure: the calendar and the moment are arguments.

A category promises `amount` calendar days or working days. Working days skip weekends and the
holidays of the Algemene termijnenwet; a report that arrives on a non-working day is counted from
the start of the next working day, so the team always gets `amount` whole working days.
A report is "3× te laat" when three times the promised period has passed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from openhandhaving.core.calendar import WorkingCalendar


@dataclass(frozen=True)
class Deadlines:
    due: dt.datetime
    due_3x: dt.datetime


def _add(
    reported_at: dt.datetime, amount: int, unit: str, calendar: WorkingCalendar
) -> dt.datetime:
    if unit == "calendar_days":
        return reported_at + dt.timedelta(days=amount)
    if unit != "working_days":
        raise ValueError(f"unknown deadline unit {unit!r}")
    start = reported_at
    if not calendar.is_working_day(start.date()):
        next_day = calendar.add_working_days(start.date(), 0)
        start = dt.datetime.combine(next_day, dt.time(0, 0), tzinfo=reported_at.tzinfo)
    due_date = calendar.add_working_days(start.date(), amount)
    return dt.datetime.combine(due_date, start.timetz())


def deadlines_for(
    *, reported_at: dt.datetime, amount: int, unit: str, calendar: WorkingCalendar
) -> Deadlines:
    """The deadline and the 3× deadline of a report made at `reported_at` (local, aware time)."""
    if amount < 0:
        raise ValueError("a deadline cannot be negative")
    return Deadlines(
        due=_add(reported_at, amount, unit, calendar),
        due_3x=_add(reported_at, 3 * amount, unit, calendar),
    )
