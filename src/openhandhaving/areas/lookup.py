"""Point → wijk/buurt lookup on shapely 2 STRtrees, vectorised; pure (no Django).

Rules:
- A point inside a buurt gets that buurt and the buurt's wijk (never a wijk it is not part of).
- A point outside every buurt but inside a wijk gets only the wijk.
- A point exactly on a shared border belongs to the area with the lowest id, so the answer is
  the same every time and in every process.
- A point in a hole of a polygon is outside that polygon.
- Points with NaN or out-of-range coordinates are outside everything.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import h3
import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

OUTSIDE = -1


@dataclass(frozen=True)
class LookupResult:
    """Per point: the wijk id and buurt id, OUTSIDE (-1) where the point lies in none."""

    district_ids: np.ndarray
    neighbourhood_ids: np.ndarray

    def district_id(self, i: int) -> int | None:
        value = int(self.district_ids[i])
        return None if value == OUTSIDE else value

    def neighbourhood_id(self, i: int) -> int | None:
        value = int(self.neighbourhood_ids[i])
        return None if value == OUTSIDE else value


def polygonal(geometry: BaseGeometry) -> BaseGeometry:
    """The area part of a geometry: invalid rings repaired, stray lines and points dropped."""
    if geometry.is_valid and geometry.geom_type in ("Polygon", "MultiPolygon"):
        return geometry
    repaired = shapely.make_valid(geometry)
    parts = [
        part
        for part in shapely.get_parts(shapely.get_parts(repaired))
        if part.geom_type == "Polygon" and not part.is_empty
    ]
    if not parts:
        return shapely.Polygon()
    return parts[0] if len(parts) == 1 else shapely.union_all(parts)


def first_match_per_point(point_idx: np.ndarray, area_ids: np.ndarray, n_points: int) -> np.ndarray:
    """For pairs (point, area id) from a tree query: the lowest area id per point, else OUTSIDE."""
    result = np.full(n_points, OUTSIDE, dtype=np.int64)
    if len(point_idx) == 0:
        return result
    order = np.lexsort((area_ids, point_idx))
    points_sorted = point_idx[order]
    first = np.concatenate(([True], points_sorted[1:] != points_sorted[:-1]))
    result[points_sorted[first]] = area_ids[order][first]
    return result


def parent_indices(children: Sequence[BaseGeometry], parents: Sequence[BaseGeometry]) -> np.ndarray:
    """Index of the parent polygon of each child (buurt → wijk), OUTSIDE when none fits.

    The parent is the one that holds the child's representative point; when that point lies on a
    border or in no parent, the parent that shares the largest area with the child wins.
    """
    result = np.full(len(children), OUTSIDE, dtype=np.int64)
    if not len(children) or not len(parents):
        return result
    tree = shapely.STRtree(list(parents))
    points = shapely.point_on_surface(np.asarray(children, dtype=object))
    child_idx, parent_idx = tree.query(points, predicate="intersects")
    counts = np.bincount(child_idx, minlength=len(children))
    single = counts[child_idx] == 1
    result[child_idx[single]] = parent_idx[single]
    for i in np.flatnonzero(counts != 1):
        candidates = tree.query(children[i], predicate="intersects")
        if len(candidates) == 0:
            continue
        areas = [shapely.intersection(children[i], parents[j]).area for j in candidates]
        best = max(range(len(candidates)), key=lambda k: (areas[k], -candidates[k]))
        result[i] = candidates[best]
    return result


class AreaIndex:
    """Wijken and buurten in two STRtrees, ready for bulk point lookups."""

    def __init__(
        self,
        *,
        districts: Iterable[tuple[int, BaseGeometry]],
        neighbourhoods: Iterable[tuple[int, BaseGeometry]] = (),
        neighbourhood_districts: Mapping[int, int] | None = None,
    ) -> None:
        """Build from (id, WGS84 geometry with x = lon, y = lat) pairs.

        neighbourhood_districts maps buurt id → wijk id; without it, each buurt's wijk is found by
        its location (see parent_indices).
        """
        district_list = [(int(i), polygonal(g)) for i, g in districts]
        neighbourhood_list = [(int(i), polygonal(g)) for i, g in neighbourhoods]
        self.district_ids = np.array([i for i, _ in district_list], dtype=np.int64)
        self.neighbourhood_ids = np.array([i for i, _ in neighbourhood_list], dtype=np.int64)
        district_geoms = [g for _, g in district_list]
        neighbourhood_geoms = [g for _, g in neighbourhood_list]
        self.district_tree = shapely.STRtree(district_geoms)
        self.neighbourhood_tree = shapely.STRtree(neighbourhood_geoms)
        # Prepared copies for the point-in-polygon tests (shapely.prepare changes objects in place).
        self.district_geoms = shapely.from_wkb(shapely.to_wkb(district_geoms))
        self.neighbourhood_geoms = shapely.from_wkb(shapely.to_wkb(neighbourhood_geoms))
        shapely.prepare(self.district_geoms)
        shapely.prepare(self.neighbourhood_geoms)
        if neighbourhood_districts is not None:
            parents = [neighbourhood_districts.get(i, OUTSIDE) for i, _ in neighbourhood_list]
        else:
            found = parent_indices(neighbourhood_geoms, district_geoms)
            parents = [int(self.district_ids[j]) if j != OUTSIDE else OUTSIDE for j in found]
        self.neighbourhood_parent = np.array(parents, dtype=np.int64)

    def __len__(self) -> int:
        return len(self.district_ids) + len(self.neighbourhood_ids)

    def lookup_many(
        self, lats: Sequence[float] | np.ndarray, lons: Sequence[float] | np.ndarray
    ) -> LookupResult:
        lats = np.asarray(lats, dtype=float)
        lons = np.asarray(lons, dtype=float)
        if lats.shape != lons.shape:
            raise ValueError("lats and lons differ in length")
        n = len(lats)
        points = shapely.points(lons, lats)
        neighbourhood_ids = np.full(n, OUTSIDE, dtype=np.int64)
        district_ids = np.full(n, OUTSIDE, dtype=np.int64)
        if len(self.neighbourhood_ids):
            point_idx, area_ids = self.hits(
                self.neighbourhood_tree,
                self.neighbourhood_geoms,
                self.neighbourhood_ids,
                points,
                lats,
                lons,
            )
            neighbourhood_ids = first_match_per_point(point_idx, area_ids, n)
            found = np.flatnonzero(neighbourhood_ids != OUTSIDE)
            order = np.argsort(self.neighbourhood_ids, kind="stable")
            positions = np.searchsorted(self.neighbourhood_ids[order], neighbourhood_ids[found])
            district_ids[found] = self.neighbourhood_parent[order][positions]
        rest = np.flatnonzero(district_ids == OUTSIDE)
        if len(rest) and len(self.district_ids):
            point_idx, area_ids = self.hits(
                self.district_tree,
                self.district_geoms,
                self.district_ids,
                points[rest],
                lats[rest],
                lons[rest],
            )
            district_ids[rest] = first_match_per_point(point_idx, area_ids, len(rest))
        return LookupResult(district_ids=district_ids, neighbourhood_ids=neighbourhood_ids)

    @staticmethod
    def hits(
        tree: shapely.STRtree,
        prepared: np.ndarray,
        ids: np.ndarray,
        points: np.ndarray,
        lats: np.ndarray,
        lons: np.ndarray,
    ) -> tuple[np.ndarray, np.ndarray]:
        """(point index, area id) for every point that lies in or on an area.

        The tree gives candidates by bounding box; the exact test runs on prepared polygons, which
        is several times faster than letting the tree evaluate the predicate.
        """
        point_idx, tree_idx = tree.query(points)
        inside = shapely.intersects_xy(prepared[tree_idx], lons[point_idx], lats[point_idx])
        return point_idx[inside], ids[tree_idx[inside]]

    def lookup(self, lat: float, lon: float) -> tuple[int | None, int | None]:
        """(wijk id, buurt id) of one point; None where it lies outside."""
        result = self.lookup_many([lat], [lon])
        return result.district_id(0), result.neighbourhood_id(0)


def valid_latlon(lat: float, lon: float) -> bool:
    return math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180


def h3_cells(
    lats: Sequence[float] | np.ndarray, lons: Sequence[float] | np.ndarray, resolution: int
) -> list[str]:
    """H3 cell (v4 string id) of each point; "" for an invalid coordinate."""
    lat_list = np.asarray(lats, dtype=float).tolist()
    lon_list = np.asarray(lons, dtype=float).tolist()
    latlng_to_cell = h3.latlng_to_cell
    return [
        latlng_to_cell(lat, lon, resolution) if valid_latlon(lat, lon) else ""
        for lat, lon in zip(lat_list, lon_list, strict=True)
    ]
