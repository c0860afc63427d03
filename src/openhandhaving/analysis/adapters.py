"""Feed the pure analysis core from the database: reports as Events in local wall-clock time."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import numpy as np
from django.conf import settings

from openhandhaving.analysis.core.events import Events
from openhandhaving.reports.models import Report

CHUNK = 10_000
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


def local_seconds(utc_seconds: np.ndarray, zone: ZoneInfo) -> np.ndarray:
    """UTC seconds since 1970 → local wall-clock seconds, with the zone's offset at each moment.

    The offset changes only on the hour (all zones in use), so it is looked up once per distinct
    UTC hour rather than once per event: two years of reports have ~17,000 hours.
    """
    if utc_seconds.size == 0:
        return utc_seconds.astype(np.int64)
    hours, inverse = np.unique(utc_seconds // 3600, return_inverse=True)
    offsets = np.array(
        [
            int((_EPOCH + dt.timedelta(hours=h)).astimezone(zone).utcoffset().total_seconds())
            for h in hours.tolist()
        ],
        dtype=np.int64,
    )
    return utc_seconds + offsets[inverse.reshape(-1)]


def report_events(*, since: dt.datetime | None = None, until: dt.datetime | None = None) -> Events:
    """Reports (duplicates left out) as Events: local time, lat, lon, category slug, wijk name.

    `since` and `until` are aware moments (since included, until excluded). Duplicates of another
    report are left out: they are the same nuisance reported again, not another event.
    """
    rows = Report.objects.filter(duplicate_of__isnull=True)
    if since is not None:
        rows = rows.filter(reported_at__gte=since)
    if until is not None:
        rows = rows.filter(reported_at__lt=until)
    values = rows.order_by().values_list(
        "reported_at", "lat", "lon", "category__slug", "district__name"
    )
    times, lats, lons, cats, areas = [], [], [], [], []
    for moment, lat, lon, category, district in values.iterator(chunk_size=CHUNK):
        times.append(int(moment.timestamp()))
        lats.append(lat)
        lons.append(lon)
        cats.append(category or "")
        areas.append(district or "")
    zone = ZoneInfo(settings.TIME_ZONE)
    return Events(
        local_seconds(np.asarray(times, dtype=np.int64), zone),
        np.asarray(lats, dtype=np.float64),
        np.asarray(lons, dtype=np.float64),
        np.asarray(cats, dtype=object),
        np.asarray(areas, dtype=object),
    )
