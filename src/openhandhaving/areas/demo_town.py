"""The fictional demo town, pure (no Django): outline, river, buurten and wijken in RD New metres.

How the map is made (everything drawn from one random.Random, so a seed gives one town):
1. An irregular town outline and a meandering river (De Vaart) through it.
2. About forty buurt seeds, denser towards the centre; their Voronoi edges are bent by a smooth
   displacement field, so borders look grown rather than ruled.
3. All lines (bent edges, outline, river) are noded on a 1 cm grid and polygonised: the faces form
   an exact coverage, so buurten share their borders vertex for vertex — no gaps, no overlaps.
4. Buurten grow into eight contiguous wijken: the Centrum plus seven sectors around it.
Streets, addresses and places are added by demo_streets.py; WGS84 output by demo_geojson.py.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import shapely
from shapely.geometry import LineString, MultiPoint, Point, Polygon
from shapely.geometry.base import BaseGeometry

from openhandhaving.areas import demo_names as names

# A polder in Zuidelijk Flevoland (RD New, EPSG:28992): Dutch coordinates, no real town there.
CENTRE_RD = (152_000.0, 490_000.0)
RADIUS_M = 2_400.0
BUURT_COUNT = 40
WIJK_COUNT = 8
GRID_M = 0.01
SEED_MARGIN_M = 150.0  # seeds keep this far from the outline and the river

Warp = Callable[[np.ndarray], np.ndarray]


@dataclass
class Buurt:
    index: int
    polygon: Polygon
    seed: Point
    wijk: int = -1
    code: str = ""
    name: str = ""
    postcode4: str = ""


@dataclass
class Wijk:
    index: int
    buurten: list[int]
    polygon: Polygon
    code: str = ""
    name: str = ""


@dataclass
class Street:
    name: str
    line: LineString
    buurt: int


@dataclass
class AddressPoint:
    street: str
    house_number: int
    postcode: str
    x: float
    y: float
    buurt: int
    house_letter: str = ""
    addition: str = ""

    @property
    def label(self) -> str:
        number = f"{self.house_number}{self.house_letter}"
        if self.addition:
            number += f"-{self.addition}"
        return f"{self.street} {number}"


@dataclass
class PlaceSpec:
    """A place in RD metres; `kind` is an areas.choices.PlaceKind value."""

    kind: str
    name: str
    point: Point
    buurt: int
    geometry: BaseGeometry | None = None
    address: str = ""
    weekdays: tuple[int, ...] = ()


@dataclass
class Town:
    name: str
    code: str
    centre: Point
    outline: Polygon
    river: LineString
    buurten: list[Buurt]
    wijken: list[Wijk]
    streets: list[Street] = field(default_factory=list)
    addresses: list[AddressPoint] = field(default_factory=list)
    places: list[PlaceSpec] = field(default_factory=list)

    def wijk_named(self, name: str) -> Wijk:
        return next(w for w in self.wijken if w.name == name)


def smooth_warp(rng: random.Random, amplitude: float = 36.0) -> Warp:
    """A gentle displacement field (long sine waves): continuous, so shared lines stay shared.

    Its slope stays below 0.5, so it folds nothing over and can be inverted (see unwarp).
    """
    waves = []
    for _ in range(3):
        wavelength = rng.uniform(600, 1200)
        angle = rng.uniform(0, 2 * math.pi)
        k = 2 * math.pi / wavelength
        waves.append((k * math.cos(angle), k * math.sin(angle), rng.uniform(0, 2 * math.pi)))
    per_wave = amplitude / len(waves)

    def warp(xy: np.ndarray) -> np.ndarray:
        x, y = xy[:, 0], xy[:, 1]
        dx = np.zeros_like(x)
        dy = np.zeros_like(y)
        for i, (kx, ky, phase) in enumerate(waves):
            arg = kx * x + ky * y + phase
            dx += per_wave * np.sin(arg + i)
            dy += per_wave * np.cos(arg * 0.9 - i)
        return np.column_stack([x + dx, y + dy])

    return warp


def unwarp(warp: Warp, xy: np.ndarray, rounds: int = 40) -> np.ndarray:
    """Where the warp came from: fixed-point iteration q = p - d(q) (a contraction)."""
    q = xy.copy()
    for _ in range(rounds):
        q = xy - (warp(q) - q)
    return q


def town_outline(rng: random.Random, centre: tuple[float, float]) -> Polygon:
    """A star-shaped blob: the radius wobbles with a few low harmonics."""
    harmonics = [(k, rng.uniform(0.03, 0.09), rng.uniform(0, 2 * math.pi)) for k in (2, 3, 4, 5)]
    stretch = rng.uniform(1.0, 1.25)
    turn = rng.uniform(0, math.pi)
    points = []
    for i in range(96):
        phi = 2 * math.pi * i / 96
        r = RADIUS_M * (1 + sum(a * math.cos(k * phi + p) for k, a, p in harmonics))
        x, y = r * math.cos(phi) * stretch, r * math.sin(phi) / stretch
        points.append(
            (
                centre[0] + x * math.cos(turn) - y * math.sin(turn),
                centre[1] + x * math.sin(turn) + y * math.cos(turn),
            )
        )
    return Polygon(points)


def river_line(rng: random.Random, centre: tuple[float, float]) -> LineString:
    """A meandering river right across the town, passing south of the centre."""
    offset = -rng.uniform(460, 620)
    waves = [(rng.uniform(900, 1600), rng.uniform(40, 100), rng.uniform(0, 2 * math.pi))]
    waves.append((rng.uniform(2500, 4000), rng.uniform(60, 150), rng.uniform(0, 2 * math.pi)))
    turn = rng.uniform(-0.5, 0.5)
    points = []
    for x in np.arange(-2.2 * RADIUS_M, 2.2 * RADIUS_M + 1, 50.0):
        y = offset + sum(a * math.sin(2 * math.pi * x / w + p) for w, a, p in waves)
        points.append(
            (
                centre[0] + x * math.cos(turn) - y * math.sin(turn),
                centre[1] + x * math.sin(turn) + y * math.cos(turn),
            )
        )
    return LineString(points)


def buurt_seeds(
    rng: random.Random, outline: Polygon, river: LineString, centre: Point, count: int
) -> list[Point]:
    """Dart throwing: small buurten in the centre, larger ones at the edge."""
    inner = outline.buffer(-SEED_MARGIN_M).difference(river.buffer(SEED_MARGIN_M))
    shapely.prepare(inner)
    minx, miny, maxx, maxy = inner.bounds
    seeds = [centre]
    spacing = 1.0
    tries = 0
    while len(seeds) < count:
        tries += 1
        if tries % 2000 == 0:
            spacing *= 0.95  # the town is full at this spacing: pack a little closer
        p = Point(rng.uniform(minx, maxx), rng.uniform(miny, maxy))
        if not inner.contains(p):
            continue
        needed = spacing * (300 + 420 * min(p.distance(centre) / RADIUS_M, 1.0))
        if all(p.distance(s) >= needed for s in seeds):
            seeds.append(p)
    return seeds


def noded_faces(lines: list[BaseGeometry], within: Polygon) -> list[Polygon]:
    """Polygonise line work noded on the grid; keep the faces inside `within`."""
    noded = shapely.union_all(lines, grid_size=GRID_M)
    faces = list(shapely.get_parts(shapely.polygonize(shapely.get_parts(noded))))
    points = shapely.point_on_surface(np.asarray(faces, dtype=object))
    keep = shapely.contains(within, points)
    return [f for f, k in zip(faces, keep, strict=True) if k]


def shared_lengths(
    polygons: list[Polygon], river: LineString
) -> dict[tuple[int, int], tuple[float, float]]:
    """For each touching pair (i < j): (border length off the river, border length on it)."""
    tree = shapely.STRtree(polygons)
    on_river = river.buffer(0.05)
    result = {}
    left, right = tree.query(polygons, predicate="intersects")
    for i, j in zip(left.tolist(), right.tolist(), strict=True):
        if i >= j:
            continue
        border = shapely.intersection(polygons[i].boundary, polygons[j].boundary)
        total = border.length
        if total <= 0:
            continue
        wet = shapely.intersection(border, on_river).length
        result[(i, j)] = (total - wet, wet)
    return result


def buurt_polygons(
    seeds: list[Point], outline: Polygon, river: LineString, warp: Warp
) -> list[Polygon]:
    """One polygon per seed: its bent Voronoi cell, cut by the river, fragments given away."""
    envelope = outline.envelope.buffer(600)
    edges = shapely.voronoi_polygons(MultiPoint(seeds), extend_to=envelope, only_edges=True)
    edges = shapely.transform(shapely.segmentize(edges, 40.0), warp)
    faces = noded_faces([edges, outline.boundary, river], outline)
    sides = noded_faces([outline.boundary, river], outline)
    seed_xy = np.array([(s.x, s.y) for s in seeds])
    warped_seeds = shapely.points(warp(seed_xy))

    def side_of(points) -> np.ndarray:
        hits = np.full(len(points), -1)
        for k, side in enumerate(sides):
            hits[shapely.contains(side, points)] = k
        return hits

    reps = shapely.point_on_surface(np.asarray(faces, dtype=object))
    rep_xy = shapely.get_coordinates(reps)
    origin = unwarp(warp, rep_xy)
    nearest = np.argmin(((origin[:, None, :] - seed_xy[None, :, :]) ** 2).sum(axis=2), axis=1)
    face_side = side_of(reps)
    seed_side = side_of(shapely.points(seed_xy))
    borders = shared_lengths(faces, river)
    neighbours: dict[int, list[tuple[int, float]]] = {i: [] for i in range(len(faces))}
    across: dict[int, list[tuple[int, float]]] = {i: [] for i in range(len(faces))}
    for (i, j), (dry, wet) in borders.items():
        links = neighbours if dry > 0 else across
        links[i].append((j, dry or wet))
        links[j].append((i, dry or wet))
    owner = np.full(len(faces), -1)
    tree = shapely.STRtree(faces)
    for s, point in enumerate(warped_seeds):
        (core,) = tree.query(point, predicate="within")
        stack, owner[core] = [int(core)], s
        while stack:  # the connected faces of this cell on the seed's side of the river
            f = stack.pop()
            for g, _length in neighbours[f]:
                if owner[g] == -1 and nearest[g] == s and face_side[g] == seed_side[s]:
                    owner[g] = s
                    stack.append(g)
    wet_ok = False
    while (owner == -1).any():  # fragments join the neighbour they share most border with
        changed = False
        for f in np.flatnonzero(owner == -1).tolist():
            pool = neighbours[f] + (across[f] if wet_ok else [])
            options = [(length, -owner[g]) for g, length in pool if owner[g] != -1]
            if options:
                owner[f] = -max(options)[1]
                changed = True
        if not changed:
            if wet_ok:
                raise RuntimeError("a piece of the town touches no buurt")
            wet_ok = True  # an island between two bends of the river: join across the water
    polygons = []
    for s in range(len(seeds)):
        merged = shapely.coverage_union_all([faces[f] for f in np.flatnonzero(owner == s)])
        polygons.append(merged if merged.geom_type == "Polygon" else max(merged.geoms, key=_area))
    return polygons


def _area(geometry: BaseGeometry) -> float:
    return geometry.area


def group_wijken(
    polygons: list[Polygon], river: LineString, centre: Point, count: int, rng: random.Random
) -> list[list[int]]:
    """Contiguous groups of buurten: buurt 0 (the centre) plus `count - 1` sectors around it."""
    borders = shared_lengths(polygons, river)
    dry: dict[int, set[int]] = {i: set() for i in range(len(polygons))}
    wet: dict[int, set[int]] = {i: set() for i in range(len(polygons))}
    for (i, j), (dry_len, wet_len) in borders.items():
        if dry_len > 30:
            dry[i].add(j)
            dry[j].add(i)
        elif wet_len > 30:
            wet[i].add(j)
            wet[j].add(i)
    centroids = [p.centroid for p in polygons]
    seeds = [0]
    start = rng.uniform(0, 2 * math.pi)
    for k in range(count - 1):
        angle = start + 2 * math.pi * k / (count - 1)
        target = Point(
            centre.x + 0.62 * RADIUS_M * math.cos(angle),
            centre.y + 0.62 * RADIUS_M * math.sin(angle),
        )
        free = [i for i in range(len(polygons)) if i not in seeds]
        seeds.append(min(free, key=lambda i: (centroids[i].distance(target), i)))
    owner = {b: w for w, b in enumerate(seeds)}
    groups = [[b] for b in seeds]
    for links in (dry, wet):  # grow over land first; cross the river only if nothing else can
        grown = True
        while grown and len(owner) < len(polygons):
            grown = False
            for w in sorted(range(count), key=lambda w: (len(groups[w]), w)):
                options = {n for b in groups[w] for n in links[b] if n not in owner}
                if options:
                    pick = min(
                        options, key=lambda n: (centroids[n].distance(centroids[seeds[w]]), n)
                    )
                    owner[pick] = w
                    groups[w].append(pick)
                    grown = True
                    break
    if len(owner) < len(polygons):
        raise RuntimeError("some buurten could not join a wijk")
    return groups


def name_areas(
    rng: random.Random, town: Town, groups: list[list[int]], wet_lengths: dict[int, float]
) -> None:
    """Wijk and buurt names and CBS-style codes (WK999900, BU99990001), postcodes per buurt."""
    centre = town.centre
    wijken = town.wijken
    rest = list(range(1, len(wijken)))
    haven = max(rest, key=lambda w: (sum(wet_lengths.get(b, 0) for b in groups[w]), -w))
    rest.remove(haven)
    akkers = max(rest, key=lambda w: (wijken[w].polygon.centroid.distance(centre), -w))
    rest.remove(akkers)
    wijken[0].name, wijken[haven].name, wijken[akkers].name = (
        names.CENTRUM,
        names.OUDE_HAVEN,
        names.DE_AKKERS,
    )
    for w, name in zip(rest, rng.sample(names.OTHER_WIJKEN, len(rest)), strict=True):
        wijken[w].name = name

    def bearing(point: Point) -> float:  # clockwise from north
        return math.atan2(point.x - centre.x, point.y - centre.y) % (2 * math.pi)

    order = [0, *sorted(range(1, len(wijken)), key=lambda w: bearing(wijken[w].polygon.centroid))]
    base = rng.randrange(21, 96) * 100 + rng.choice((0, 10, 20, 30, 40))
    next_postcode = base
    gm = names.MUNICIPALITY_CODE
    for number, w in enumerate(order):
        wijk = wijken[w]
        wijk.code = f"WK{gm}{number:02d}"
        members = sorted(wijk.buurten, key=lambda b: (town.buurten[b].seed.distance(centre), b))
        wijk.buurten = members
        pool = [n for n in rng.sample(names.BUURT_NAMES[wijk.name], 8) if n != "Binnenstad"]
        for k, b in enumerate(members):
            buurt = town.buurten[b]
            buurt.code = f"BU{gm}{number:02d}{k:02d}"
            if b == 0:
                buurt.name = "Binnenstad"
            else:
                buurt.name = pool.pop(0) if pool else f"{wijk.name} {k + 1}"
            buurt.postcode4 = str(next_postcode + k)
        next_postcode += 10 * math.ceil(max(len(members), 1) / 10)
    wijken.sort(key=lambda wijk: wijk.code)
    for i, wijk in enumerate(wijken):
        wijk.index = i
        for b in wijk.buurten:
            town.buurten[b].wijk = i


def town_areas(rng: random.Random) -> Town:
    """Outline, river, buurten and wijken with their names and codes (no streets yet)."""
    centre = Point(CENTRE_RD[0] + rng.uniform(-300, 300), CENTRE_RD[1] + rng.uniform(-300, 300))
    outline = town_outline(rng, (centre.x, centre.y))
    river = river_line(rng, (centre.x, centre.y))
    warp = smooth_warp(rng)
    seeds = buurt_seeds(rng, outline, river, centre, BUURT_COUNT)
    polygons = buurt_polygons(seeds, outline, river, warp)
    groups = group_wijken(polygons, river, centre, WIJK_COUNT, rng)
    buurten = [
        Buurt(index=i, polygon=p, seed=s)
        for i, (p, s) in enumerate(zip(polygons, seeds, strict=True))
    ]
    wijken = [
        Wijk(index=w, buurten=list(g), polygon=shapely.coverage_union_all([polygons[b] for b in g]))
        for w, g in enumerate(groups)
    ]
    town = Town(
        name=names.TOWN_NAME,
        code=f"GM{names.MUNICIPALITY_CODE}",
        centre=centre,
        outline=outline,
        river=river.intersection(outline),
        buurten=buurten,
        wijken=wijken,
    )
    on_river = river.buffer(1.0)
    wet = {b: shapely.intersection(p.boundary, on_river).length for b, p in enumerate(polygons)}
    name_areas(rng, town, groups, wet)
    return town
