"""Synthetic events with a planted truth, for the tests of hotspots, hot times, trends, effects."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import numpy as np

from openhandhaving.analysis.core.events import DAY, WEEK, Events, moment, seconds

MONDAY = seconds(dt.date(2024, 1, 1))  # a Monday
LAT, LON = 52.0, 5.0  # south-west corner of the synthetic town
M_LAT, M_LON = 1 / 110_574.0, 1 / (111_320.0 * np.cos(np.radians(52.0)))


def events(t, lat=None, lon=None, category=None, area=None) -> Events:
    t = np.asarray(t, dtype=np.int64)
    n = t.shape[0]
    return Events(
        t,
        np.full(n, LAT) if lat is None else np.asarray(lat, dtype=np.float64),
        np.full(n, LON) if lon is None else np.asarray(lon, dtype=np.float64),
        np.full(n, "", dtype=object) if category is None else np.asarray(category, dtype=object),
        None if area is None else np.asarray(area, dtype=object),
    )


def concat(*parts: Events) -> Events:
    return Events(
        np.concatenate([p.t for p in parts]),
        np.concatenate([p.lat for p in parts]),
        np.concatenate([p.lon for p in parts]),
        np.concatenate([p.category for p in parts]),
        np.concatenate([p.area for p in parts]),
    )


def uniform_field(rng, n, *, width_m=4000, height_m=3000, t=None) -> tuple[np.ndarray, ...]:
    """n points spread evenly over a width × height town."""
    lat = LAT + rng.uniform(0, height_m, n) * M_LAT
    lon = LON + rng.uniform(0, width_m, n) * M_LON
    return lat, lon


def cluster(rng, n, *, x_m, y_m, sd_m=60) -> tuple[np.ndarray, np.ndarray]:
    """n points around (x_m, y_m) metres from the south-west corner."""
    lat = LAT + (y_m + rng.normal(0, sd_m, n)) * M_LAT
    return lat, LON + (x_m + rng.normal(0, sd_m, n)) * M_LON


def random_times(rng, n, *, weeks=12) -> np.ndarray:
    return MONDAY + rng.integers(0, weeks * WEEK, n)


def times_in_window(rng, n, *, days, start, minutes, weeks=12) -> np.ndarray:
    """n times on the given weekdays (0 = Monday), from `start` ("08:00") for `minutes`."""
    hour, minute = (int(x) for x in start.split(":"))
    dates = [d for d in range(weeks * 7) if d % 7 in days]
    chosen = rng.choice(dates, n)
    return MONDAY + chosen * DAY + (hour * 60 + minute) * 60 + rng.integers(0, minutes * 60, n)


def weekly_series(rng, rates: np.ndarray, *, start=MONDAY) -> np.ndarray:
    """Event times for one series with rates[w] expected events in week w."""
    counts = rng.poisson(rates)
    week = np.repeat(np.arange(len(rates)), counts)
    return start + week * WEEK + rng.integers(0, WEEK, week.size)


def write_csv(path: Path, data: Events, *, with_area: bool = True) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["time", "lat", "lon", "category"] + (["area"] if with_area else []))
        for i in range(len(data)):
            row = [moment(int(data.t[i])).isoformat(), f"{data.lat[i]:.6f}", f"{data.lon[i]:.6f}"]
            row.append(data.category[i])
            if with_area:
                row.append(data.area[i])
            writer.writerow(row)
    return path
