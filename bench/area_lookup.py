"""Point → wijk/buurt lookup at real scale: Amsterdam's 598 buurten, 100,000 random points.

Run: .venv/bin/python bench/area_lookup.py [--points N] [--seed S] [--repeat R]
Builds the AreaIndex (openhandhaving.areas.lookup, pure: no Django settings needed) from
../shared/data/amsterdam-areas/buurten.geojson (and wijken.geojson for each buurt's wijk), looks up
N random points in the buurten's bounding box, prints the figures and ends with one JSON line.
Target: 100,000 points in well under 1 s.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

import numpy as np
import shapely
from shapely.geometry import shape

from openhandhaving.areas.lookup import OUTSIDE, AreaIndex, h3_cells

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "amsterdam-areas"
H3_RESOLUTION = 12  # settings.H3_RESOLUTION, passed in as the lookup module expects


def polygons(path: Path) -> list[tuple[int, shapely.Geometry]]:
    features = json.loads(path.read_text(encoding="utf-8"))["features"]
    return [(i + 1, shape(f["geometry"])) for i, f in enumerate(features)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--points", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=20261123)
    parser.add_argument("--repeat", type=int, default=5, help="lookups timed; the median counts")
    args = parser.parse_args()
    buurten_file = DATA / "buurten.geojson"
    if not buurten_file.exists():
        sys.exit(f"{buurten_file} ontbreekt: deze meting heeft ../shared/data nodig.")

    buurten = polygons(buurten_file)
    wijken = polygons(DATA / "wijken.geojson") if (DATA / "wijken.geojson").exists() else []
    start = time.perf_counter()
    index = AreaIndex(districts=wijken, neighbourhoods=buurten)
    build_s = time.perf_counter() - start

    rng = np.random.default_rng(args.seed)
    minx, miny, maxx, maxy = shapely.total_bounds([g for _, g in buurten])
    lons = rng.uniform(minx, maxx, args.points)
    lats = rng.uniform(miny, maxy, args.points)

    times = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        result = index.lookup_many(lats, lons)
        times.append(time.perf_counter() - start)
    lookup_s = statistics.median(times)

    start = time.perf_counter()
    cells = h3_cells(lats, lons, H3_RESOLUTION)
    h3_s = time.perf_counter() - start

    tracemalloc.start()
    index.lookup_many(lats, lons)
    _current, traced_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss_peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux

    in_buurt = float(np.mean(result.neighbourhood_ids != OUTSIDE))
    in_wijk = float(np.mean(result.district_ids != OUTSIDE))
    orphans = int(np.sum((result.neighbourhood_ids != OUTSIDE) & (result.district_ids == OUTSIDE)))
    figures = {
        "benchmark": "area_lookup",
        "buurten": len(buurten),
        "wijken": len(wijken),
        "points": args.points,
        "seed": args.seed,
        "build_s": round(build_s, 4),
        "lookup_s": round(lookup_s, 4),
        "lookup_s_min": round(min(times), 4),
        "points_per_s": round(args.points / lookup_s),
        "h3_s": round(h3_s, 4),
        "share_in_buurt": round(in_buurt, 4),
        "share_in_wijk": round(in_wijk, 4),
        "points_in_buurt_without_wijk": orphans,
        "h3_cells_distinct": len(set(cells)),
        "lookup_traced_peak_mb": round(traced_peak / 1e6, 1),
        "process_peak_rss_mb": round(rss_peak_mb, 1),
        "target_lookup_under_1s": lookup_s < 1.0,
    }
    print(f"Index gebouwd uit {len(buurten)} buurten en {len(wijken)} wijken in {build_s:.3f} s")
    print(
        f"{args.points:,} punten opgezocht in {lookup_s:.3f} s (mediaan van {args.repeat}, "
        f"snelste {min(times):.3f} s): {args.points / lookup_s:,.0f} punten per seconde"
    )
    print(f"H3-cellen (resolutie {H3_RESOLUTION}) voor alle punten: {h3_s:.3f} s")
    print(f"In een buurt: {in_buurt:.1%}; in een wijk: {in_wijk:.1%} (rest: water, buitengebied)")
    print(
        f"Geheugen: piek {traced_peak / 1e6:.1f} MB Python-allocaties tijdens het opzoeken, "
        f"piek {rss_peak_mb:.0f} MB voor het hele proces"
    )
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
