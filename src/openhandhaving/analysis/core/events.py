"""Events: when and where something happened (a report, an observation, an incident).

Times are local wall-clock times (what an officer's watch said), stored as whole seconds since
1970-01-01 in a numpy int64 array. A time written with a UTC offset ("2024-03-01T08:15:00+01:00")
keeps its wall-clock reading; the offset is dropped. Hot times and weekdays are about the clock
on the street, not about UTC.
"""

from __future__ import annotations

import csv
import datetime as dt
import math
import warnings
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

DAY = 86_400
WEEK = 7 * DAY


class EventsError(ValueError):
    """Input that cannot be used, with a message for the analyst (Dutch) naming row or column."""


@dataclass(frozen=True)
class Events:
    t: np.ndarray  # int64, local wall-clock seconds since 1970-01-01
    lat: np.ndarray  # float64, WGS84
    lon: np.ndarray  # float64, WGS84
    category: np.ndarray  # str (object) per event; "" when the input has none
    area: np.ndarray | None = None  # str (object) per event (wijk, buurt); "" when none given

    def __post_init__(self) -> None:
        if self.area is None:
            object.__setattr__(self, "area", np.full(self.t.shape[0], "", dtype=object))

    def __len__(self) -> int:
        return int(self.t.shape[0])

    def select(self, mask: np.ndarray) -> Events:
        return Events(
            self.t[mask], self.lat[mask], self.lon[mask], self.category[mask], self.area[mask]
        )

    def between(self, start: int | None = None, end: int | None = None) -> Events:
        """Events with start <= t < end (seconds; None is open)."""
        mask = np.ones(len(self), dtype=bool)
        if start is not None:
            mask &= self.t >= start
        if end is not None:
            mask &= self.t < end
        return self.select(mask)

    def of_category(self, category: str | None) -> Events:
        if not category:
            return self
        return self.select(self.category == category)

    def categories(self) -> list[tuple[str, int]]:
        """Categories with their number of events, most first."""
        names, counts = np.unique(self.category, return_counts=True)
        order = np.argsort(-counts, kind="stable")
        return [(str(names[i]), int(counts[i])) for i in order if names[i]]

    @property
    def hour(self) -> np.ndarray:
        return (self.t % DAY) // 3600

    @property
    def weekday(self) -> np.ndarray:
        """0 = Monday ... 6 = Sunday (1970-01-01 was a Thursday)."""
        return ((self.t // DAY) + 3) % 7

    @classmethod
    def from_rows(cls, rows: Iterable[tuple[dt.datetime, float, float, str]]) -> Events:
        """Events from (time, lat, lon, category) tuples, e.g. an adapter's database rows."""
        times, lats, lons, cats = [], [], [], []
        for moment, lat, lon, category in rows:
            times.append(seconds(moment))
            lats.append(lat)
            lons.append(lon)
            cats.append(category or "")
        return cls(
            np.asarray(times, dtype=np.int64),
            np.asarray(lats, dtype=np.float64),
            np.asarray(lons, dtype=np.float64),
            np.asarray(cats, dtype=object),
        )


def seconds(moment: dt.datetime | dt.date) -> int:
    """Wall-clock seconds since 1970-01-01 (an offset, if any, is dropped)."""
    if not isinstance(moment, dt.datetime):
        moment = dt.datetime(moment.year, moment.month, moment.day)
    naive = moment.replace(tzinfo=None)
    return int((naive - dt.datetime(1970, 1, 1)).total_seconds())


def moment(value: int) -> dt.datetime:
    return dt.datetime(1970, 1, 1) + dt.timedelta(seconds=int(value))


def parse_time(text: str) -> int:
    """ISO 8601 date or date-time ("2024-03-01", "2024-03-01T08:15", "... 08:15:00+01:00", "Z")."""
    text = text.strip()
    if text.endswith(("Z", "z")):
        text = text[:-1]
    return seconds(dt.datetime.fromisoformat(text))


def parse_day(text: str, what: str) -> int:
    """A command-line date (YYYY-MM-DD) as seconds at 00:00, or EventsError naming the option."""
    try:
        return seconds(dt.date.fromisoformat(text.strip()))
    except ValueError:
        raise EventsError(
            f"{what}: ‘{text}’ is geen datum; schrijf JJJJ-MM-DD, zoals 2023-01-02."
        ) from None


REQUIRED = ("time", "lat", "lon")


def read_events_csv(path: str | Path, *, delimiter: str | None = None) -> Events:
    """Events from a CSV file with columns time, lat, lon and optionally category and area.

    Column names are matched without regard to case or surrounding spaces. Every problem is an
    EventsError that names the file's row (counting the header as row 1) and the column.
    """
    path = Path(path)
    try:
        handle = path.open(newline="", encoding="utf-8-sig")
    except OSError as error:
        message = f"Het bestand {path} kan niet worden geopend: {error.strerror}."
        raise EventsError(message) from None
    with handle:
        sample = handle.read(64 * 1024)
        handle.seek(0)
        if not sample.strip():
            raise EventsError(f"Het bestand {path} is leeg.")
        if delimiter is None:
            first_line = sample.splitlines()[0]
            delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
        reader = csv.reader(handle, delimiter=delimiter)
        header = [name.strip().lower() for name in next(reader)]
        missing = [name for name in REQUIRED if name not in header]
        if missing:
            raise EventsError(
                f"Kolom ontbreekt: {', '.join(missing)}. Nodig zijn time, lat en lon "
                f"(category en area mogen); gevonden: {', '.join(header) or 'geen kolommen'}."
            )
        optional = ("category", "area")
        at = {name: header.index(name) for name in (*REQUIRED, *optional) if name in header}
        rows, raw = [], {name: [] for name in at}
        for row_number, row in enumerate(reader, start=2):
            if not any(cell.strip() for cell in row):
                continue
            if len(row) < len(header):
                raise EventsError(
                    f"Regel {row_number}: {len(row)} kolommen, de kop heeft er {len(header)}."
                )
            rows.append(row_number)
            for name, index in at.items():
                raw[name].append(row[index])
    if not rows:
        raise EventsError(f"Het bestand {path} heeft geen gebeurtenissen (alleen een kop).")
    lines = np.asarray(rows)
    lat = _numbers(raw["lat"], lines, "lat")
    lon = _numbers(raw["lon"], lines, "lon")
    bad = np.flatnonzero(np.abs(lat) > 90)
    if bad.size:
        i = bad[0]
        hint = " Zijn lat en lon verwisseld?" if -90 <= lon[i] <= 90 else ""
        raise EventsError(
            f"Regel {lines[i]}, kolom lat: {lat[i]} ligt niet tussen -90 en 90.{hint}"
        )
    bad = np.flatnonzero(np.abs(lon) > 180)
    if bad.size:
        i = bad[0]
        raise EventsError(f"Regel {lines[i]}, kolom lon: {lon[i]} ligt niet tussen -180 en 180.")

    def texts(name: str) -> np.ndarray:
        if name not in raw:
            return np.full(len(rows), "", dtype=object)
        return np.asarray([value.strip() for value in raw[name]], dtype=object)

    return Events(_times(raw["time"], lines), lat, lon, texts("category"), texts("area"))


def _times(values: list[str], lines: np.ndarray) -> np.ndarray:
    """Wall-clock seconds; numpy parses plain ISO times at C speed, the rest one by one."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # a time with an offset: read it as written
            parsed = np.array([v.strip() for v in values], dtype="datetime64[s]")
        if not np.isnat(parsed).any():
            return parsed.astype(np.int64)
    except (ValueError, TypeError, DeprecationWarning, UserWarning):
        pass
    times = np.empty(len(values), dtype=np.int64)
    for i, value in enumerate(values):
        try:
            times[i] = parse_time(value)
        except ValueError:
            raise EventsError(
                f"Regel {lines[i]}, kolom time: ‘{value}’ is geen tijd. Gebruik ISO 8601, "
                "zoals 2024-03-01T08:15:00."
            ) from None
    return times


def _numbers(values: list[str], lines: np.ndarray, column: str) -> np.ndarray:
    try:
        numbers = np.array(values, dtype=np.float64)
    except ValueError:
        numbers = np.array(
            [_number(v, int(line), column) for v, line in zip(values, lines, strict=True)]
        )
    bad = np.flatnonzero(~np.isfinite(numbers))
    if bad.size:
        i = bad[0]
        raise EventsError(f"Regel {lines[i]}, kolom {column}: ‘{values[i]}’ is geen getal.")
    return numbers


def _number(text: str, row: int, column: str) -> float:
    try:
        value = float(text.strip().replace(",", "."))
    except ValueError:
        raise EventsError(f"Regel {row}, kolom {column}: ‘{text}’ is geen getal.") from None
    if not math.isfinite(value):
        raise EventsError(f"Regel {row}, kolom {column}: ‘{text}’ is geen getal.")
    return value
