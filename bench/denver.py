"""The Denver crime incidents (../shared/data/denver-crime) as analysis Events, for the benches.

Columns used: FIRST_OCCURRENCE_DATE (`7/26/2020 4:00:00 PM`, local time), GEO_LAT, GEO_LON,
OFFENSE_CATEGORY_ID. Rows without coordinates, or with 0, are skipped; `in_city` drops the few
placed far outside Denver. The data stays in ../shared: nothing is copied into the repository.
"""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import sys
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from openhandhaving.analysis.core.events import Events  # noqa: E402

DENVER = REPO.parent / "shared" / "data" / "denver-crime" / "denver_crime_dev.csv.gz"
EPOCH_ORDINAL = dt.date(1970, 1, 1).toordinal()
CITY = {"lat": (39.5, 40.1), "lon": (-105.3, -104.5)}  # a box well around the city


def _seconds(text: str) -> int:
    """`7/26/2020 4:00:00 PM` as wall-clock seconds since 1970 (fast: no strptime)."""
    day, clock, half = text.split()
    month, mday, year = day.split("/")
    hour, minute, second = clock.split(":")
    h = int(hour) % 12 + (12 if half.upper() == "PM" else 0)
    days = dt.date(int(year), int(month), int(mday)).toordinal() - EPOCH_ORDINAL
    return days * 86_400 + h * 3600 + int(minute) * 60 + int(second)


def load(path: Path = DENVER) -> Events:
    times, lats, lons, cats = [], [], [], []
    with gzip.open(path, "rt", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        at = {name: header.index(name) for name in header}
        i_t, i_lat, i_lon = at["FIRST_OCCURRENCE_DATE"], at["GEO_LAT"], at["GEO_LON"]
        i_cat = at["OFFENSE_CATEGORY_ID"]
        for row in reader:
            lat, lon = row[i_lat], row[i_lon]
            if not lat or not lon or float(lat) == 0 or float(lon) == 0:
                continue
            times.append(_seconds(row[i_t]))
            lats.append(float(lat))
            lons.append(float(lon))
            cats.append(row[i_cat])
    order = np.argsort(np.asarray(times, dtype=np.int64), kind="stable")
    return Events(
        np.asarray(times, dtype=np.int64)[order],
        np.asarray(lats, dtype=np.float64)[order],
        np.asarray(lons, dtype=np.float64)[order],
        np.asarray(cats, dtype=object)[order],
    )


def in_city(events: Events) -> np.ndarray:
    """Events inside the city's box (a few are placed elsewhere: Las Vegas, near 0/0)."""
    (south, north), (west, east) = CITY["lat"], CITY["lon"]
    return (events.lat > south) & (events.lat < north) & (events.lon > west) & (events.lon < east)


def write_csv(events: Events, path: Path) -> int:
    """The events as the CSV that `openhandhaving analyse` reads (time, lat, lon, category)."""
    from openhandhaving.analysis.core.events import moment

    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["time", "lat", "lon", "category"])
        for t, lat, lon, category in zip(
            events.t, events.lat, events.lon, events.category, strict=True
        ):
            writer.writerow([f"{moment(t):%Y-%m-%dT%H:%M:%S}", lat, lon, category])
    return len(events)


if __name__ == "__main__":
    # .venv/bin/python bench/denver.py /tmp/denver.csv — for the command line (docs/analysis.md);
    # write it outside the repository: the data is not ours to ship.
    if len(sys.argv) != 2:
        sys.exit("Gebruik: bench/denver.py UIT.csv")
    if not DENVER.exists():
        sys.exit(f"De Denver-gegevens ontbreken: {DENVER}")
    denver = load()
    n = write_csv(denver.select(in_city(denver)), Path(sys.argv[1]))
    print(f"{n:,} gebeurtenissen geschreven naar {sys.argv[1]}")
