"""A made-up town for the forecast tests: events placed in metres east and north of a corner.

Events are (day, east_m, north_m) from 2024-01-01 (a Monday); positions are turned into WGS84
around lat 52.1, lon 5.1 with the grid's own projection, so 150 m is one cell.
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import numpy as np

from openhandhaving.analysis.core.events import DAY, Events, seconds
from openhandhaving.analysis.core.grid import M_PER_DEG_LAT, M_PER_DEG_LON_EQUATOR

LAT0, LON0 = 52.1, 5.1
DAY0 = seconds(dt.date(2024, 1, 1))
M_PER_DEG_LON = M_PER_DEG_LON_EQUATOR * np.cos(np.radians(LAT0))


def place(east_m, north_m) -> tuple[np.ndarray, np.ndarray]:
    east = np.asarray(east_m, dtype=np.float64)
    north = np.asarray(north_m, dtype=np.float64)
    return LAT0 + north / M_PER_DEG_LAT, LON0 + east / M_PER_DEG_LON


def town(rows, category: str = "") -> Events:
    """Events from (day, east_m, north_m[, hour]) rows; day 0 is 2024-01-01."""
    days = np.array([r[0] for r in rows], dtype=np.float64)
    hours = np.array([r[3] if len(r) > 3 else 12 for r in rows], dtype=np.float64)
    lat, lon = place([r[1] for r in rows], [r[2] for r in rows])
    t = (DAY0 + days * DAY + hours * 3600).astype(np.int64)
    return Events(t, lat, lon, np.full(len(rows), category, dtype=object))


def joined(*parts: Events) -> Events:
    return Events(
        np.concatenate([p.t for p in parts]),
        np.concatenate([p.lat for p in parts]),
        np.concatenate([p.lon for p in parts]),
        np.concatenate([p.category for p in parts]),
    )


def noise(n: int, *, first_day: int, last_day: int, size_m: float = 3000, seed: int = 1):
    """n events spread evenly over a square of size_m and over the days."""
    rng = np.random.default_rng(seed)
    return [
        (int(rng.integers(first_day, last_day)), float(x), float(y))
        for x, y in rng.uniform(0, size_m, size=(n, 2))
    ]


def day(n: int) -> int:
    """Seconds at 00:00 of day n (day 0 = 2024-01-01)."""
    return DAY0 + n * DAY


def write_csv(path: Path, events: Events) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["time", "lat", "lon", "category"])
        for t, lat, lon, category in zip(
            events.t, events.lat, events.lon, events.category, strict=True
        ):
            moment = dt.datetime(1970, 1, 1) + dt.timedelta(seconds=int(t))
            writer.writerow([moment.isoformat(), f"{lat:.7f}", f"{lon:.7f}", category])
    return path
