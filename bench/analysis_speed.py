"""Forecast speed and memory: the 2023 Denver backtest of one category, one forecast over 1M events.

Run: .venv/bin/python bench/analysis_speed.py [--events 1000000] [--denver PATH]

1. Backtest: theft from motor vehicles in Denver (../shared/data/denver-crime; skipped when
   absent), 2019–2023, about 60,000 events: 52 weekly forecasts through 2023, all four methods,
   as `openhandhaving analyse backtest` does after reading the file. Target: under 20 s and 1 GB.
2. Forecast: one forecast (the model, 150 m cells) over N synthetic events (default 1,000,000),
   made here rather than by the demo (`--size large` fills a database, which is not what this
   measures): three years in a town of 12 × 10 km, 60 % around 400 street-sized hot places, the
   rest spread. Timed: the forecast itself, and with the GeoJSON of all cells with their hot
   times. Target: under 3 s.
3. Reading those N events from a CSV file (core/events.py read_events_csv), as the command does
   before the forecast; the file is written to the temporary folder and removed.
Memory: the peak of numpy and Python allocations during the step (tracemalloc, a second
run), and the process's peak resident size at the end.
The last line printed is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO / "src"), str(REPO / "bench")]

from denver import DENVER, in_city, load  # noqa: E402

from openhandhaving.analysis.core.backtest import backtest  # noqa: E402
from openhandhaving.analysis.core.events import (  # noqa: E402
    DAY,
    Events,
    parse_day,
    read_events_csv,
)
from openhandhaving.analysis.core.forecast import forecast, forecast_geojson  # noqa: E402
from openhandhaving.analysis.core.grid import M_PER_DEG_LAT, M_PER_DEG_LON_EQUATOR  # noqa: E402

CATEGORY = "theft-from-motor-vehicle"


def measured(step):
    """(seconds, peak MB of allocations) of step(): timed once, then traced once."""
    started = time.perf_counter()
    result = step()
    seconds = time.perf_counter() - started
    tracemalloc.start()
    step()
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return result, seconds, peak


def synthetic(n: int, seed: int = 7) -> Events:
    rng = np.random.default_rng(seed)
    lat0, lon0 = 52.05, 5.05
    m_lon = M_PER_DEG_LON_EQUATOR * np.cos(np.radians(lat0))
    places = rng.uniform((0, 0), (12_000, 10_000), size=(400, 2))
    weight = rng.pareto(1.5, 400) + 1
    hot = int(0.6 * n)
    which = rng.choice(400, size=hot, p=weight / weight.sum())
    xy = np.concatenate(
        [
            places[which] + rng.normal(0, 60, (hot, 2)),
            rng.uniform((0, 0), (12_000, 10_000), (n - hot, 2)),
        ]
    )
    start = parse_day("2021-01-01", "")
    t = start + rng.integers(0, 3 * 365 * DAY, n)
    return Events(
        t.astype(np.int64),
        lat0 + xy[:, 1] / M_PER_DEG_LAT,
        lon0 + xy[:, 0] / m_lon,
        np.full(n, "", dtype=object),
    )


def peak_rss() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def write_csv(path: Path, events: Events) -> None:
    times = np.datetime_as_string(events.t.astype("datetime64[s]"))
    with path.open("w", encoding="utf-8") as handle:
        handle.write("time,lat,lon,category\n")
        for chunk in range(0, len(events), 100_000):
            part = slice(chunk, chunk + 100_000)
            rows = zip(times[part], events.lat[part], events.lon[part], strict=True)
            handle.writelines(f"{t},{lat:.6f},{lon:.6f},\n" for t, lat, lon in rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--denver", type=Path, default=DENVER)
    args = parser.parse_args()
    figures: dict = {}

    if args.denver.is_file():
        raw = load(args.denver)
        events = raw.select(in_city(raw))
        through = events.between(end=parse_day("2024-01-01", ""))
        n_category = len(through.of_category(CATEGORY))
        first, last = parse_day("2023-01-02", ""), parse_day("2023-12-31", "")
        result, seconds, peak = measured(
            lambda: backtest(through, start=first, end_day=last, category=CATEGORY)
        )
        print(
            f"Backtest {CATEGORY}, 2023: {n_category:,} events 2019–2023 "
            f"({len(through):,} of all categories for the area), "
            f"{result.scores[0].forecasts} forecasts × {len(result.scores)} methods: "
            f"{seconds:.1f} s, peak allocations {peak:.0f} MB (target 20 s, 1 GB)",
            flush=True,
        )
        figures["backtest"] = {
            "category": CATEGORY,
            "events": n_category,
            "forecasts": result.scores[0].forecasts,
            "methods": len(result.scores),
            "seconds": round(seconds, 2),
            "peak_mb": round(peak),
            "target_seconds": 20,
            "target_mb": 1024,
            "process_peak_rss_mb": round(peak_rss()),
        }
        print(f"Peak resident size so far (all of Denver read): {peak_rss():.0f} MB")
    else:
        print(f"Denver backtest skipped: {args.denver} not found")

    events = synthetic(args.events)
    start = parse_day("2024-01-01", "")
    ahead, seconds, peak = measured(lambda: forecast(events, start=start))
    _, with_geojson, peak_geojson = measured(
        lambda: forecast_geojson(forecast(events, start=start))
    )
    print(
        f"Forecast over {len(events):,} synthetic events ({ahead.area.size:,} cells in the area): "
        f"{seconds:.2f} s, peak allocations {peak:.0f} MB; with the GeoJSON and hot times of all "
        f"cells {with_geojson:.2f} s, {peak_geojson:.0f} MB (target 3 s)"
    )
    figures["forecast"] = {
        "events": len(events),
        "synthetic": True,
        "area_cells": ahead.area.size,
        "seconds": round(seconds, 2),
        "seconds_with_geojson": round(with_geojson, 2),
        "peak_mb": round(peak),
        "peak_mb_with_geojson": round(peak_geojson),
        "target_seconds": 3,
    }
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "events.csv"
        write_csv(path, events)
        started = time.perf_counter()
        read = read_events_csv(path)
        reading = time.perf_counter() - started
    print(
        f"Reading the {len(read):,} events from CSV: {reading:.1f} s; with the forecast and its "
        f"GeoJSON {reading + with_geojson:.1f} s"
    )
    figures["forecast"]["csv_read_seconds"] = round(reading, 2)
    rss = peak_rss()
    print(f"Peak resident size of this process: {rss:.0f} MB")
    figures["process_peak_rss_mb"] = round(rss)
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
