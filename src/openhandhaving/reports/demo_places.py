"""The demo town as the report planner sees it: addresses and places in WGS84, with spots.

A spot is a candidate location for a report at a place (near a school, inside a park, around the
market or the nightlife area), stored with its nearest address so the report gets a street.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field

import numpy as np
import shapely
from shapely.geometry import shape

METRES_PER_DEGREE = 111_320.0


@dataclass(frozen=True)
class PlaceInfo:
    """A place of the demo town as the planner needs it (WGS84)."""

    kind: str
    name: str
    lat: float
    lon: float
    geometry: dict | None = None


@dataclass
class Setting:
    """The town the reports happen in: addresses (population) and places, in WGS84."""

    address_lat: np.ndarray
    address_lon: np.ndarray
    streets: list[str]
    places: list[PlaceInfo]
    market_weekdays: tuple[int, ...] = (5,)
    pools: dict[str, list[tuple[float, float, int, str]]] = field(default_factory=dict)


def metres_to_degrees(lat: float, dx: float, dy: float) -> tuple[float, float]:
    """(dlat, dlon) for dx metres east and dy metres north at latitude `lat`."""
    return dy / METRES_PER_DEGREE, dx / (METRES_PER_DEGREE * math.cos(math.radians(lat)))


def _nearest_addresses(setting: Setting, lats: np.ndarray, lons: np.ndarray) -> np.ndarray:
    scale = math.cos(math.radians(float(np.mean(setting.address_lat))))
    tree = shapely.STRtree(shapely.points(setting.address_lon * scale, setting.address_lat))
    return tree.query_nearest(shapely.points(lons * scale, lats), all_matches=False)[1]


def _area(place: PlaceInfo, buffer_m: float):
    area = shape(place.geometry) if place.geometry else shapely.Point(place.lon, place.lat)
    if buffer_m:
        area = area.buffer(buffer_m / METRES_PER_DEGREE)
    return area


def _points_in(rng: random.Random, area, count: int) -> list[tuple[float, float]]:
    """`count` random (lat, lon) inside `area` (rejection sampling in its bounding box)."""
    west, south, east, north = area.bounds
    found: list[tuple[float, float]] = []
    while len(found) < count:
        lons = np.array([rng.uniform(west, east) for _ in range(count * 2)])
        lats = np.array([rng.uniform(south, north) for _ in range(count * 2)])
        inside = shapely.contains_xy(area, lons, lats)
        found += [(float(a), float(o)) for a, o, ok in zip(lats, lons, inside, strict=True) if ok]
    return found[:count]


def _ring(rng: random.Random, place: PlaceInfo, count: int) -> list[tuple[float, float]]:
    points = []
    for _ in range(count):
        distance = math.sqrt(rng.uniform(15**2, 120**2))
        angle = rng.uniform(0, 2 * math.pi)
        dlat, dlon = metres_to_degrees(
            place.lat, distance * math.cos(angle), distance * math.sin(angle)
        )
        points.append((place.lat + dlat, place.lon + dlon))
    return points


def pools_build(setting: Setting, rng: random.Random, size: int = 240) -> None:
    """Candidate spots per place (and per anchor kind), each with its nearest address."""
    raw: list[tuple[str, str, list[tuple[float, float]]]] = []
    for place in setting.places:
        if place.kind == "school":
            points = _ring(rng, place, size)
        else:
            buffer_m = {"park": 0, "nightlife": 40, "market": 60, "station": 50}.get(place.kind, 25)
            points = _points_in(rng, _area(place, buffer_m), size)
        raw.append((f"{place.kind}:{place.name}", place.name, points))
    for key, name, points in raw:
        lats = np.array([p[0] for p in points])
        lons = np.array([p[1] for p in points])
        nearest = _nearest_addresses(setting, lats, lons)
        pool = [
            (float(a), float(o), int(i), name) for a, o, i in zip(lats, lons, nearest, strict=True)
        ]
        setting.pools[key] = pool
        kind = key.split(":", 1)[0]
        setting.pools.setdefault(f"any:{kind}", []).extend(pool)
