"""The demo town's places, streets and addresses, pure (no Django); entry point generate_town().

Order matters: first the places that take up ground (market square, parks, sports parks, the
station), then streets around them, then house numbers along the streets (odd on the left, even on
the right), then the places that sit at an address (schools) or on a street (shopping streets).
"""

from __future__ import annotations

import math
import random

import numpy as np
import shapely
from shapely import affinity
from shapely.geometry import LineString, Point, Polygon
from shapely.geometry.base import BaseGeometry
from shapely.ops import polylabel

from openhandhaving.areas import demo_names as names
from openhandhaving.areas.demo_town import (
    AddressPoint,
    Buurt,
    PlaceSpec,
    Street,
    Town,
    smooth_warp,
    town_areas,
)

# Metres between house points along a street, per demo size.
HOUSE_SPACING = {"small": 90.0, "normal": 48.0, "large": 18.0}
STREET_SPACING = {"centre": 105.0, "town": 165.0}
MARKET_WEEKDAYS = (5,)  # Saturday
POSTCODE_CHUNK = 16  # house numbers on one side of a street per PC6 postcode


def largest_polygon(geometry: BaseGeometry) -> Polygon | None:
    parts = [p for p in shapely.get_parts(geometry) if p.geom_type == "Polygon" and not p.is_empty]
    return max(parts, key=lambda p: p.area) if parts else None


def blob(rng: random.Random, centre: Point, radius: float) -> Polygon:
    """A rounded, slightly irregular shape (a park)."""
    waves = [(k, rng.uniform(0.05, 0.16), rng.uniform(0, 2 * math.pi)) for k in (2, 3, 5)]
    points = []
    for i in range(48):
        phi = 2 * math.pi * i / 48
        r = radius * (1 + sum(a * math.sin(k * phi + p) for k, a, p in waves))
        points.append((centre.x + r * math.cos(phi), centre.y + r * math.sin(phi)))
    return Polygon(points)


def rectangle(centre: Point, width: float, height: float, angle_deg: float) -> Polygon:
    box = shapely.box(
        centre.x - width / 2, centre.y - height / 2, centre.x + width / 2, centre.y + height / 2
    )
    return affinity.rotate(box, angle_deg, origin=centre)


def fit(shape: Polygon, buurt: Buurt, margin: float = 25.0) -> Polygon | None:
    return largest_polygon(shape.intersection(buurt.polygon.buffer(-margin)))


def land_places(rng: random.Random, town: Town) -> list[PlaceSpec]:
    """Market square, nightlife area, station, parks and sports parks (before the streets)."""
    centre = town.centre
    centrum = town.wijk_named(names.CENTRUM)
    angle = rng.uniform(0, 180)
    places = [
        PlaceSpec(
            kind="market",
            name=names.MARKET_NAME,
            point=centre,
            buurt=0,
            geometry=rectangle(centre, 90, 55, angle),
            weekdays=MARKET_WEEKDAYS,
        )
    ]
    strip = affinity.rotate(
        LineString([(centre.x - 150, centre.y), (centre.x + 150, centre.y)]),
        angle + rng.uniform(-40, 40),
        origin=centre,
    )
    nightlife = largest_polygon(strip.buffer(85).intersection(centrum.polygon))
    places.append(
        PlaceSpec(
            kind="nightlife",
            name=names.NIGHTLIFE_NAME,
            point=nightlife.centroid,
            buurt=0,
            geometry=nightlife,
        )
    )
    # The station: 300-800 m out from the market, still in the Centrum, as far from the river
    # as that allows.
    river_point = town.river.interpolate(town.river.project(centre))
    inner = centrum.polygon.buffer(-60)
    station = inner.point_on_surface()
    for distance in (800, 700, 600, 500, 400, 300):
        ring = [
            Point(centre.x + distance * math.cos(a), centre.y + distance * math.sin(a))
            for a in np.linspace(0, 2 * math.pi, 48, endpoint=False)
        ]
        fitting = [p for p in ring if inner.contains(p)]
        if fitting:
            station = max(fitting, key=lambda p: (p.distance(river_point), p.x))
            break
    places.append(
        PlaceSpec(
            kind="station",
            name=names.STATION_NAME,
            point=station,
            buurt=buurt_at(town, station),
            geometry=station.buffer(45, quad_segs=4),
        )
    )

    taken = {0, places[-1].buurt}
    # Stadspark: in the largest buurt just outside the Centrum.
    around = [
        b.index
        for b in town.buurten
        if b.wijk != centrum.index and b.polygon.distance(centrum.polygon) < 1.0
    ]
    city_park_buurt = max(around, key=lambda b: (town.buurten[b].polygon.area, -b))
    parks = [(city_park_buurt, names.CITY_PARK, 240.0)]
    for wijk in town.wijken:
        if wijk.name not in names.PARK_NAMES:
            continue
        free = [b for b in wijk.buurten if b not in taken and b != city_park_buurt]
        if free:
            pick = max(free, key=lambda b: (town.buurten[b].polygon.area, -b))
            parks.append((pick, names.PARK_NAMES[wijk.name], rng.uniform(110, 170)))
            taken.add(pick)
    taken.add(city_park_buurt)
    for b, name, radius in parks:
        buurt = town.buurten[b]
        middle = polylabel(buurt.polygon, tolerance=5.0)
        shape = fit(blob(rng, middle, radius), buurt)
        if shape is not None:
            places.append(
                PlaceSpec(
                    kind="park",
                    name=name,
                    point=shape.representative_point(),
                    buurt=b,
                    geometry=shape,
                )
            )
    outer = sorted(
        (b for b in town.buurten if b.index not in taken and b.wijk != centrum.index),
        key=lambda b: (-b.polygon.centroid.distance(centre), b.index),
    )
    used_wijken: set[int] = set()
    for name in names.SPORTS_PARK_NAMES[:2]:
        buurt = next((b for b in outer if b.wijk not in used_wijken), None)
        if buurt is None:
            break
        used_wijken.add(buurt.wijk)
        middle = polylabel(buurt.polygon, tolerance=5.0)
        shape = fit(rectangle(middle, 360, 240, rng.uniform(0, 180)), buurt)
        if shape is not None:
            places.append(
                PlaceSpec(
                    kind="sports",
                    name=name,
                    point=shape.representative_point(),
                    buurt=buurt.index,
                    geometry=shape,
                )
            )
    return places


def buurt_at(town: Town, point: Point) -> int:
    return next((b.index for b in town.buurten if b.polygon.contains(point)), 0)


def street_lines(
    rng: random.Random, town: Town, buurt: Buurt, reserved: BaseGeometry, warp
) -> list[LineString]:
    """A bent grid of streets in one buurt, clipped to the buurt and kept out of reserved ground."""
    in_centre = buurt.wijk == town.wijk_named(names.CENTRUM).index
    spacing = STREET_SPACING["centre" if in_centre else "town"]
    minimum = 50.0 if in_centre else 80.0
    area = buurt.polygon.buffer(-14).difference(reserved.buffer(12))
    if area.is_empty:
        return []
    angle = rng.uniform(0, 180)
    middle = buurt.polygon.centroid
    upright = affinity.rotate(buurt.polygon, -angle, origin=middle)
    minx, miny, maxx, maxy = upright.bounds
    lines = []
    y = miny + rng.uniform(0.3, 0.7) * spacing
    while y < maxy:
        lines.append(LineString([(minx - 50, y), (maxx + 50, y)]))
        y += spacing * rng.uniform(0.85, 1.15)
    x = minx + rng.uniform(0.5, 1.5) * spacing
    while x < maxx:
        lines.append(LineString([(x, miny - 50), (x, maxy + 50)]))
        x += spacing * rng.uniform(2.2, 3.0)
    result = []
    for line in lines:
        line = affinity.rotate(line, angle, origin=middle)
        line = shapely.transform(shapely.segmentize(line, 25.0), warp)
        for part in shapely.get_parts(line.intersection(area)):
            if part.geom_type == "LineString" and part.length >= minimum:
                result.append(part)
    return result


def house_points(
    street: Street, spacing: float, area: BaseGeometry
) -> list[tuple[int, float, float]]:
    """(house number, x, y) along a street: odd numbers on the left, even on the right."""
    line = street.line
    distances = np.arange(10.0, line.length - 8.0, spacing)
    if not len(distances):
        return []
    here = shapely.get_coordinates(shapely.line_interpolate_point(line, distances))
    ahead = shapely.get_coordinates(shapely.line_interpolate_point(line, distances + 1.0))
    direction = ahead - here
    direction /= np.maximum(np.linalg.norm(direction, axis=1), 1e-9)[:, None]
    left = np.column_stack([-direction[:, 1], direction[:, 0]]) * 13.0
    houses = []
    for first, side in ((1, left), (2, -left)):
        spots = here + side
        inside = shapely.contains_xy(area, spots[:, 0], spots[:, 1])
        number = first
        for (x, y), ok in zip(spots.tolist(), inside.tolist(), strict=True):
            if ok:
                houses.append((number, round(x, 2), round(y, 2)))
                number += 2
    return houses


def is_main_street(town: Town, wijk: str, line: LineString) -> bool:
    """A long Centrum street that starts at (or runs past) the market square."""
    return wijk == names.CENTRUM and line.length > 150 and line.distance(town.centre) < 120


def streets_and_addresses(
    rng: random.Random, town: Town, size: str, reserved: BaseGeometry
) -> None:
    namer = names.StreetNamer(rng)
    warp = smooth_warp(rng, amplitude=24.0)
    spacing = HOUSE_SPACING[size]
    letters = names.postcode_letter_pairs()
    for wijk in town.wijken:
        for b in wijk.buurten:
            buurt = town.buurten[b]
            houses_area = buurt.polygon.buffer(-3).difference(reserved)
            shapely.prepare(houses_area)
            next_letters = 0
            lines = street_lines(rng, town, buurt, reserved, warp)
            for line in sorted(lines, key=lambda line: -line.length):
                name = None
                if is_main_street(town, wijk.name, line):
                    name = namer.main_street()
                name = name or namer.name(wijk.name, line.length)
                street = Street(name=name, line=line, buurt=b)
                town.streets.append(street)
                by_side: dict[int, list[tuple[int, float, float]]] = {1: [], 0: []}
                for number, x, y in house_points(street, spacing, houses_area):
                    by_side[number % 2].append((number, x, y))
                for side in (1, 0):
                    for start in range(0, len(by_side[side]), POSTCODE_CHUNK):
                        postcode = buurt.postcode4 + letters[next_letters % len(letters)]
                        next_letters += 1
                        for number, x, y in by_side[side][start : start + POSTCODE_CHUNK]:
                            town.addresses.extend(
                                dwellings(rng, street, number, postcode, x, y, wijk.name)
                            )


def dwellings(
    rng: random.Random, street: Street, number: int, postcode: str, x: float, y: float, wijk: str
) -> list[AddressPoint]:
    """One house, or a few homes at one number: 12A, or upstairs flats 14-1, 14-2."""
    base = AddressPoint(
        street=street.name, house_number=number, postcode=postcode, x=x, y=y, buurt=street.buurt
    )
    homes = [base]
    roll = rng.random()
    flats = {names.CENTRUM: 0.18, "Schilderswijk": 0.12}.get(wijk, 0.02)
    if roll < flats:
        for floor in range(1, rng.randint(2, 4)):
            homes.append(AddressPoint(**{**base.__dict__, "addition": str(floor)}))
    elif roll > 0.97:
        homes.append(AddressPoint(**{**base.__dict__, "house_letter": "A"}))
    return homes


def address_text(address: AddressPoint, city: str) -> str:
    """'Merelstraat 12, 3712 AB Waterdam'."""
    return f"{address.label}, {address.postcode[:4]} {address.postcode[4:]} {city}"


def address_places(rng: random.Random, town: Town) -> list[PlaceSpec]:
    """Schools at an address and shopping streets on a street."""
    places = []
    by_buurt: dict[int, list[AddressPoint]] = {}
    for address in town.addresses:
        if not address.addition and not address.house_letter:
            by_buurt.setdefault(address.buurt, []).append(address)
    primary = rng.sample(names.PRIMARY_SCHOOLS, len(names.PRIMARY_SCHOOLS))
    secondary = list(names.SECONDARY_SCHOOLS)
    biggest = sorted(town.wijken, key=lambda w: (-len(w.buurten), w.index))[:2]
    for wijk in town.wijken:
        wanted = [primary.pop(0) for _ in range(1 if wijk.name == names.CENTRUM else 2)]
        if wijk in biggest and secondary:
            wanted.append(secondary.pop(0))
        buurten = [b for b in wijk.buurten if by_buurt.get(b)]
        for k, school in enumerate(wanted):
            if not buurten:
                break
            options = by_buurt[buurten[(k * 2 + 1) % len(buurten)]]
            address = options[rng.randrange(len(options))]
            point = Point(address.x, address.y)
            places.append(
                PlaceSpec(
                    kind="school",
                    name=school,
                    point=point,
                    buurt=address.buurt,
                    address=address_text(address, town.name),
                )
            )
    centrum = town.wijk_named(names.CENTRUM)
    # The shopping streets start at the market square.
    central_streets = [s for s in town.streets if s.name in names.MAIN_STREETS]
    for street in sorted(central_streets, key=lambda s: names.MAIN_STREETS.index(s.name))[:2]:
        places.append(
            PlaceSpec(
                kind="shopping_street",
                name=street.name,
                point=street.line.interpolate(0.5, normalized=True),
                buurt=street.buurt,
                geometry=street.line,
            )
        )
    counts: dict[int, int] = {}
    for address in town.addresses:
        counts[town.buurten[address.buurt].wijk] = (
            counts.get(town.buurten[address.buurt].wijk, 0) + 1
        )
    busy = sorted(
        (w for w in town.wijken if w.index != centrum.index),
        key=lambda w: (-counts.get(w.index, 0), w.index),
    )[:2]
    for wijk in busy:
        heart = min(
            wijk.buurten,
            key=lambda b: (town.buurten[b].polygon.centroid.distance(wijk.polygon.centroid), b),
        )
        streets = [s for s in town.streets if s.buurt == heart]
        if streets:
            street = max(streets, key=lambda s: (s.line.length, s.name))
            places.append(
                PlaceSpec(
                    kind="shopping_street",
                    name=f"Winkelcentrum {town.buurten[heart].name}",
                    point=street.line.interpolate(0.5, normalized=True),
                    buurt=heart,
                    geometry=street.line,
                )
            )
    return places


def generate_town(rng: random.Random, size: str = "normal") -> Town:
    """The whole demo town for one random stream: areas, places, streets and addresses."""
    town = town_areas(rng)
    town.places = land_places(rng, town)
    reserved = shapely.union_all(
        [p.geometry for p in town.places if p.kind in ("market", "park", "sports", "station")]
        + [town.river.buffer(30)]
    )
    streets_and_addresses(rng, town, size, reserved)
    town.places += address_places(rng, town)
    return town
