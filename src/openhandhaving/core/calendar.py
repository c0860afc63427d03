"""Working-day arithmetic over the Dutch public holidays. Pure: no database, no clock.

The holidays are those of the Algemene termijnenwet (art. 3), which governs legal deadlines:
Nieuwjaarsdag, tweede paasdag, Koningsdag, 5 mei (every year), Hemelvaartsdag, tweede pinksterdag
and both Christmas days. Goede Vrijdag is not among them. Sundays fall outside working days anyway.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

import holidays


@dataclass(frozen=True)
class WorkingCalendar:
    """Weekdays minus the given holidays. Saturday and Sunday are never working days."""

    holidays: frozenset[dt.date]

    def is_working_day(self, day: dt.date) -> bool:
        return day.weekday() < 5 and day not in self.holidays

    def add_working_days(self, start: dt.date, days: int) -> dt.date:
        """The date `days` working days after `start` (before it when negative).

        Zero days from a non-working day gives the next working day.
        """
        step = 1 if days >= 0 else -1
        day = start
        if days == 0:
            while not self.is_working_day(day):
                day += dt.timedelta(days=1)
            return day
        remaining = abs(days)
        while remaining:
            day += dt.timedelta(days=step)
            if self.is_working_day(day):
                remaining -= 1
        return day

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """Working days after `start` up to and including `end` (negative if end < start)."""
        if end < start:
            return -self.working_days_between(end, start)
        count = 0
        day = start
        while day < end:
            day += dt.timedelta(days=1)
            count += self.is_working_day(day)
        return count


@lru_cache(maxsize=8)
def _dutch_holidays(first_year: int, last_year: int) -> tuple[frozenset[dt.date], dict]:
    years = range(first_year, last_year + 1)
    found = holidays.country_holidays("NL", years=years, language="nl")
    names = {day: name for day, name in found.items() if name != "Goede vrijdag"}
    names.update({dt.date(year, 5, 5): "Bevrijdingsdag" for year in years})
    return frozenset(names), names


def dutch_calendar(first_year: int, last_year: int | None = None) -> WorkingCalendar:
    """Working days without the holidays of the Algemene termijnenwet."""
    days, _ = _dutch_holidays(first_year, last_year or first_year + 2)
    return WorkingCalendar(holidays=days)


def holiday_name(day: dt.date) -> str | None:
    """The Dutch name of the public holiday on `day`, or None."""
    _, names = _dutch_holidays(day.year, day.year)
    return names.get(day)
