"""Pure geometry for nearby reports: the H3 cells to look in, distances, likely duplicates."""

from __future__ import annotations

import math

import h3

EARTH_RADIUS_M = 6_371_008.8
# Reports this close in place and time, of the same category and still open, are probably
# about the same thing.
DUPLICATE_DISTANCE_M = 30
DUPLICATE_HOURS = 72


def distance_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in metres (haversine); within a town it is exact to centimetres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dlat, dlon = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dlat / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dlon / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(math.sqrt(min(1.0, a)))


def k_for_radius(resolution: int, radius_m: float) -> int:
    """Rings of H3 cells around a cell that surely cover a circle of radius_m around any point
    in it. Neighbouring centres are √3 × edge apart; edges vary ±30 % over the globe."""
    smallest_edge = h3.average_hexagon_edge_length(resolution, unit="m") * 0.7
    return math.ceil(radius_m / (math.sqrt(3) * smallest_edge)) + 1


def k_ring_for_radius(cell: str, radius_m: float) -> list[str]:
    return list(h3.grid_disk(cell, k_for_radius(h3.get_resolution(cell), radius_m)))


def is_likely_duplicate(*, distance_m: float, hours_apart: float, other_open: bool) -> bool:
    """Same category (the caller checks), close by, close in time and still being handled."""
    return other_open and distance_m <= DUPLICATE_DISTANCE_M and hours_apart <= DUPLICATE_HOURS
