"""Reports with known patterns for the app tests, written in one go (no routing, no history).

Reference moment: Tuesday 24 November 2026, the nightly run at 02:30. In the town of
reports/tests/town.py:

- school-time parking: category `parkeren` at one school in West, every school day of the last
  12 weeks at 08:05–08:40 and 14:10–15:10 (local time), plus a few parking reports elsewhere;
- background: two `afval` reports a day over 60 weeks, at random places and hours, in both wijken;
- a rise: `geluid` in Oost, one report a week for 40 weeks, then eight a week in the last 4 weeks.
"""

from __future__ import annotations

import datetime as dt
import random

from django.utils import timezone

from openhandhaving.reports.models import Report
from openhandhaving.reports.tests.factories import ReportFactory, offset_point
from openhandhaving.reports.tests.town import IN_OOST, IN_WEST

TODAY = dt.date(2026, 11, 24)
NIGHT = timezone.make_aware(dt.datetime(2026, 11, 24, 2, 30))
SCHOOL = IN_WEST


def local(day: dt.date, hour: int, minute: int) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, minute)))


def plant(town, *, today: dt.date = TODAY) -> int:
    rng = random.Random(5)
    rows = []

    def add(category, district, centre, moment, spread_m):
        lat, lon = offset_point(
            *centre,
            north_m=rng.uniform(-spread_m, spread_m),
            east_m=rng.uniform(-spread_m, spread_m),
        )
        rows.append(
            ReportFactory.build(
                category=category, district=district, lat=lat, lon=lon, reported_at=moment
            )
        )

    for back in range(1, 12 * 7 + 1):
        day = today - dt.timedelta(days=back)
        if day.weekday() < 5:
            add(town.parkeer, town.west, SCHOOL, local(day, 8, rng.randint(5, 40)), 30)
            add(town.parkeer, town.west, SCHOOL, local(day, 14, rng.randint(10, 59)), 30)
        if back % 3 == 0:
            add(town.parkeer, town.oost, IN_OOST, local(day, rng.randint(0, 23), 0), 600)
    for back in range(1, 60 * 7 + 1):
        day = today - dt.timedelta(days=back)
        for _ in range(2):
            district, centre = rng.choice(((town.west, IN_WEST), (town.oost, IN_OOST)))
            moment = local(day, rng.randint(0, 23), rng.randint(0, 59))
            add(town.afval, district, centre, moment, 500)
    for week in range(1, 45):
        day = today - dt.timedelta(weeks=week) + dt.timedelta(days=2)
        for _ in range(8 if week <= 4 else 1):
            add(town.geluid, town.oost, IN_OOST, local(day, 23, rng.randint(0, 59)), 300)
    Report.objects.bulk_create(rows, batch_size=500)
    return len(rows)
