"""Reports as Events: local wall-clock time, category slug, wijk name; duplicates left out."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from django.utils import timezone

from openhandhaving.analysis.adapters import local_seconds, report_events
from openhandhaving.analysis.core.events import seconds
from openhandhaving.reports.tests.factories import ReportFactory

pytestmark = pytest.mark.django_db


def aware(text: str) -> dt.datetime:
    return timezone.make_aware(dt.datetime.fromisoformat(text))


def test_summer_and_winter_reports_keep_their_local_clock_time(town):
    ReportFactory(category=town.parkeer, district=town.west, reported_at=aware("2026-07-01 08:15"))
    ReportFactory(category=town.afval, district=None, reported_at=aware("2026-01-15 08:15"))
    events = report_events()
    order = np.argsort(events.t)
    assert events.hour[order].tolist() == [8, 8]
    assert (events.t[order] % 3600 // 60).tolist() == [15, 15]
    assert events.category[order].tolist() == ["afval", "parkeren"]
    assert events.area[order].tolist() == ["", "West"]
    assert events.t[order][1] == seconds(dt.datetime(2026, 7, 1, 8, 15))


def test_the_night_of_the_clock_change_is_read_as_the_clock_said():
    from zoneinfo import ZoneInfo

    zone = ZoneInfo("Europe/Amsterdam")
    # 25 October 2026: 00:30 UTC is 02:30 summer time, 01:30 UTC is 02:30 winter time.
    utc = np.array(
        [seconds(dt.datetime(2026, 10, 25, 0, 30)), seconds(dt.datetime(2026, 10, 25, 1, 30))]
    )
    local = local_seconds(utc, zone)
    assert [(t % 86400) // 60 for t in local.tolist()] == [150, 150]


def test_duplicates_and_reports_before_since_are_left_out(town):
    main = ReportFactory(category=town.afval, reported_at=aware("2026-03-02 10:00"))
    ReportFactory(category=town.afval, reported_at=aware("2026-03-02 10:05"), duplicate_of=main)
    ReportFactory(category=town.afval, reported_at=aware("2026-02-01 10:00"))
    events = report_events(since=aware("2026-03-01 00:00"))
    assert len(events) == 1
    assert events.t[0] == seconds(dt.datetime(2026, 3, 2, 10, 0))
