"""The demo town generator (pure): areas that fit together, streets, addresses, places, seeds."""

from __future__ import annotations

import hashlib
import random
import re
from collections import defaultdict

import numpy as np
import pytest
import shapely
from shapely.geometry import Point, shape

from openhandhaving.areas import demo_names as names
from openhandhaving.areas.demo_geojson import feature_collections
from openhandhaving.areas.demo_streets import generate_town
from openhandhaving.areas.demo_town import Town

POSTCODE = re.compile(r"^[1-9]\d{3}[ABCDEGHJKLMNPRSTVWXZ]{2}$")


@pytest.fixture(scope="module")
def town() -> Town:
    return generate_town(random.Random(11))


@pytest.fixture(scope="module")
def collections(town):
    return feature_collections(town)


def town_digest(town: Town) -> str:
    parts = [f"{w.code} {w.name} {w.polygon.wkt}" for w in town.wijken]
    parts += [f"{b.code} {b.name} {b.polygon.wkt}" for b in town.buurten]
    parts += [f"{a.label} {a.postcode} {a.x:.2f} {a.y:.2f}" for a in town.addresses]
    parts += [f"{p.kind} {p.name} {p.point.wkt} {p.address}" for p in town.places]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def test_the_town_has_eight_wijken_of_forty_buurten(town):
    assert len(town.wijken) == 8
    assert len(town.buurten) == 40
    assert sorted(w.name for w in town.wijken) == sorted(
        [names.CENTRUM, names.OUDE_HAVEN, names.DE_AKKERS, *names.OTHER_WIJKEN]
    )
    assert all(len(w.buurten) >= 2 for w in town.wijken)
    assert sum(len(w.buurten) for w in town.wijken) == 40


def test_buurten_cover_the_town_without_gaps_or_overlaps(town):
    polygons = [b.polygon for b in town.buurten]
    assert all(p.is_valid and p.geom_type == "Polygon" for p in polygons)
    assert shapely.coverage_is_valid(polygons)
    assert sum(p.area for p in polygons) == pytest.approx(town.outline.area, rel=1e-5)
    assert shapely.union_all(polygons).symmetric_difference(town.outline).area < 50  # m²


def test_each_wijk_is_one_piece_made_of_its_own_buurten(town):
    for wijk in town.wijken:
        assert wijk.polygon.is_valid and wijk.polygon.geom_type == "Polygon", wijk.name
        for b in wijk.buurten:
            buurt = town.buurten[b]
            assert buurt.wijk == wijk.index
            assert buurt.polygon.difference(wijk.polygon).area < 1.0, buurt.name


def test_codes_follow_cbs_and_names_are_unique(town):
    assert [w.code for w in town.wijken] == [f"WK9999{i:02d}" for i in range(8)]
    assert town.wijken[0].name == names.CENTRUM
    for buurt in town.buurten:
        assert re.fullmatch(r"BU9999\d{4}", buurt.code)
        assert buurt.code[2:8] == town.wijken[buurt.wijk].code[2:]
    assert len({b.name for b in town.buurten}) == 40
    assert len({b.code for b in town.buurten}) == 40


def test_geojson_is_valid_wgs84_in_the_netherlands(collections):
    districts, neighbourhoods = collections
    wijken = [shape(f["geometry"]) for f in districts["features"]]
    buurten = [shape(f["geometry"]) for f in neighbourhoods["features"]]
    assert all(g.is_valid for g in wijken + buurten)
    minx, miny, maxx, maxy = shapely.union_all(wijken).bounds
    assert 3.3 < minx < maxx < 7.3 and 50.7 < miny < maxy < 53.6
    assert shapely.coverage_is_valid(buurten)
    assert shapely.coverage_is_valid(wijken)
    codes = {
        f["properties"]["wijkcode"]: g for f, g in zip(districts["features"], wijken, strict=True)
    }
    for feature, buurt in zip(neighbourhoods["features"], buurten, strict=True):
        props = feature["properties"]
        assert set(props) >= {"buurtcode", "buurtnaam", "wijkcode"}
        wijk = codes[props["wijkcode"]]
        assert buurt.difference(wijk).area < 1e-12, props["buurtnaam"]  # degrees²: ~1 cm²


def test_street_names_are_unique_dutch_names(town):
    street_names = [s.name for s in town.streets]
    assert len(street_names) == len(set(street_names)) > 200
    centrum = town.wijk_named(names.CENTRUM).index
    assert any(
        s.name == "Hoogstraat" for s in town.streets if town.buurten[s.buurt].wijk == centrum
    )


def test_odd_numbers_on_the_left_even_on_the_right(town):
    streets = {s.name: s for s in town.streets}
    for address in town.addresses[::7]:
        line = streets[address.street].line
        along = line.project(Point(address.x, address.y))
        here = np.array(line.interpolate(along).coords[0])
        ahead = np.array(line.interpolate(min(along + 1.0, line.length)).coords[0])
        if along + 1.0 > line.length:
            here, ahead = np.array(line.interpolate(along - 1.0).coords[0]), here
        to_house = np.array([address.x, address.y]) - here
        direction = ahead - here
        left = direction[0] * to_house[1] - direction[1] * to_house[0] > 0
        assert left == (address.house_number % 2 == 1), address.label


def test_house_numbers_rise_along_each_side_of_a_street(town):
    streets = {s.name: s for s in town.streets}
    sides = defaultdict(list)
    for a in town.addresses:
        if not a.addition and not a.house_letter:
            along = streets[a.street].line.project(Point(a.x, a.y))
            sides[(a.street, a.house_number % 2)].append((a.house_number, along))
    for (street, _side), houses in sides.items():
        positions = [along for _number, along in sorted(houses)]
        assert positions == sorted(positions), street
        assert sorted(houses)[0][0] in (1, 2), street


def test_postcodes_are_dutch_and_consistent_per_area(town):
    pc4_of_buurt = defaultdict(set)
    streets_of_pc6 = defaultdict(set)
    for a in town.addresses:
        assert POSTCODE.match(a.postcode), a.postcode
        pc4_of_buurt[a.buurt].add(a.postcode[:4])
        streets_of_pc6[a.postcode].add(a.street)
    assert all(len(pc4s) == 1 for pc4s in pc4_of_buurt.values())
    assert len({next(iter(p)) for p in pc4_of_buurt.values()}) == len(pc4_of_buurt)
    assert all(len(s) == 1 for s in streets_of_pc6.values())


def test_addresses_lie_in_their_buurt_and_not_in_parks_or_the_market(town):
    assert 3000 < len(town.addresses) < 12000
    keep_clear = shapely.union_all(
        [p.geometry for p in town.places if p.kind in ("park", "sports", "market")]
    )
    for a in town.addresses[::5]:
        point = Point(a.x, a.y)
        assert town.buurten[a.buurt].polygon.contains(point), a.label
        assert not keep_clear.contains(point), a.label


def test_the_places_that_later_report_patterns_need(town):
    kinds = defaultdict(list)
    for place in town.places:
        kinds[place.kind].append(place)
    assert len(kinds["school"]) >= 12
    assert len(kinds["park"]) >= 6 and len(kinds["sports"]) >= 2
    assert all(
        p.geometry.geom_type == "Polygon" and p.geometry.area > 10_000 for p in kinds["park"]
    )
    assert [p.weekdays for p in kinds["market"]] == [(5,)]
    assert len(kinds["nightlife"]) == 1 and len(kinds["station"]) == 1
    shops = kinds["shopping_street"]
    assert len(shops) >= 3 and all(p.geometry.geom_type == "LineString" for p in shops)
    centrum = town.wijk_named(names.CENTRUM).polygon
    for place in kinds["nightlife"] + kinds["market"] + kinds["station"]:
        assert centrum.contains(place.point), place.name
    labels = {f"{a.label}, {a.postcode[:4]} {a.postcode[4:]} {town.name}" for a in town.addresses}
    for school in kinds["school"]:
        assert school.address in labels, school.name
        assert town.buurten[school.buurt].polygon.contains(school.point)


def test_the_same_seed_gives_the_same_town_and_another_seed_another(town):
    assert town_digest(generate_town(random.Random(11))) == town_digest(town)
    other = generate_town(random.Random(12))
    assert town_digest(other) != town_digest(town)
    assert other.buurten[5].polygon.wkt != town.buurten[5].polygon.wkt


@pytest.mark.parametrize(
    ("size", "fewer_than_normal"),
    [("small", True), ("large", False)],
)
def test_size_changes_the_number_of_addresses(town, size, fewer_than_normal):
    other = generate_town(random.Random(11), size=size)
    assert (len(other.addresses) < len(town.addresses)) == fewer_than_normal
    assert [b.polygon.wkt for b in other.buurten] == [b.polygon.wkt for b in town.buurten]
