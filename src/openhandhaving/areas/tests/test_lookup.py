"""Point → wijk/buurt lookup on synthetic squares (pure, no database)."""

from __future__ import annotations

import h3
import numpy as np
import pytest
import shapely
from shapely.geometry import shape

from openhandhaving.areas.lookup import OUTSIDE, AreaIndex, h3_cells, parent_indices
from openhandhaving.areas.tests import geo

WEST, EAST = 1, 2
NORTH, SOUTH, EAST_BUURT = 11, 12, 13


def squares_index(*, reverse: bool = False, with_parents: bool = True) -> AreaIndex:
    districts = [(WEST, shape(geo.polygon(geo.WEST))), (EAST, shape(geo.polygon(geo.EAST)))]
    neighbourhoods = [
        (NORTH, shape(geo.polygon(geo.NORTH))),
        (SOUTH, shape(geo.polygon(geo.SOUTH))),
        (EAST_BUURT, shape(geo.polygon(geo.EAST, geo.HOLE))),
    ]
    if reverse:
        districts, neighbourhoods = districts[::-1], neighbourhoods[::-1]
    parents = {NORTH: WEST, SOUTH: WEST, EAST_BUURT: EAST} if with_parents else None
    return AreaIndex(
        districts=districts, neighbourhoods=neighbourhoods, neighbourhood_districts=parents
    )


@pytest.mark.parametrize(
    ("situation", "lat", "lon", "expected"),
    [
        ("a point in buurt Noord lies in wijk West", 52.098, 5.105, (WEST, NORTH)),
        ("a point in buurt Zuid lies in wijk West", 52.092, 5.105, (WEST, SOUTH)),
        ("a point in buurt Oost lies in wijk Oost", 52.091, 5.118, (EAST, EAST_BUURT)),
        (
            "a point in the lake (a hole in buurt Oost) is only in wijk Oost",
            52.095,
            5.115,
            (EAST, None),
        ),
        ("a point outside the municipality is nowhere", 52.2, 5.3, (None, None)),
        ("a point just outside the west edge is nowhere", 52.095, 5.0999, (None, None)),
        ("on the border Noord/Zuid the lower id (Noord) wins", 52.095, 5.105, (WEST, NORTH)),
        ("on the border West/Oost the lower buurt id wins", 52.098, 5.11, (WEST, NORTH)),
        ("a corner of the municipality counts as inside", 52.09, 5.10, (WEST, SOUTH)),
        (
            "a point on the edge of the lake belongs to buurt Oost",
            52.095,
            5.114,
            (EAST, EAST_BUURT),
        ),
        ("no coordinates (NaN) is nowhere", float("nan"), float("nan"), (None, None)),
    ],
)
def test_lookup_of_one_point(situation, lat, lon, expected):
    assert squares_index().lookup(lat, lon) == expected


def test_border_answers_do_not_depend_on_the_order_the_areas_were_given_in():
    lats = [52.095, 52.098, 52.095, 52.09]
    lons = [5.105, 5.11, 5.11, 5.10]
    forward = squares_index().lookup_many(lats, lons)
    backward = squares_index(reverse=True).lookup_many(lats, lons)
    assert forward.district_ids.tolist() == backward.district_ids.tolist()
    assert forward.neighbourhood_ids.tolist() == backward.neighbourhood_ids.tolist()


def test_a_point_in_a_buurt_gets_the_buurts_wijk_even_where_the_wijk_outline_differs():
    # Buurt Noord belongs to wijk Oost in this (odd) administration; its points follow the buurt.
    index = AreaIndex(
        districts=[(WEST, shape(geo.polygon(geo.WEST))), (EAST, shape(geo.polygon(geo.EAST)))],
        neighbourhoods=[(NORTH, shape(geo.polygon(geo.NORTH)))],
        neighbourhood_districts={NORTH: EAST},
    )
    assert index.lookup(52.098, 5.105) == (EAST, NORTH)
    assert index.lookup(52.092, 5.105) == (WEST, None)


def test_without_a_parent_table_each_buurt_finds_its_wijk_by_location():
    index = squares_index(with_parents=False)
    assert index.lookup(52.098, 5.105) == (WEST, NORTH)
    assert index.lookup(52.091, 5.118) == (EAST, EAST_BUURT)


def test_bulk_lookup_agrees_with_a_point_by_point_check():
    index = squares_index()
    rng = np.random.default_rng(7)
    lons = rng.uniform(5.095, 5.125, 5_000)
    lats = rng.uniform(52.085, 52.105, 5_000)
    result = index.lookup_many(lats, lons)
    buurten = {
        NORTH: shape(geo.polygon(geo.NORTH)),
        SOUTH: shape(geo.polygon(geo.SOUTH)),
        EAST_BUURT: shape(geo.polygon(geo.EAST, geo.HOLE)),
    }
    for i in range(0, 5_000, 7):
        point = shapely.Point(lons[i], lats[i])
        inside = sorted(pk for pk, polygon in buurten.items() if polygon.intersects(point))
        assert result.neighbourhood_id(i) == (inside[0] if inside else None)
    assert (result.district_ids != OUTSIDE).sum() > (result.neighbourhood_ids != OUTSIDE).sum()


def test_an_empty_index_finds_nothing():
    result = AreaIndex(districts=[]).lookup_many([52.1], [5.1])
    assert result.district_id(0) is None and result.neighbourhood_id(0) is None


def test_h3_cells_are_the_h3_v4_cells_and_empty_for_impossible_coordinates():
    cells = h3_cells([52.095, 91.0, float("nan")], [5.105, 5.0, 5.0], 12)
    assert cells[0] == h3.latlng_to_cell(52.095, 5.105, 12)
    assert h3.get_resolution(cells[0]) == 12
    assert cells[1:] == ["", ""]


def test_parent_of_a_buurt_whose_middle_lies_outside_every_wijk_is_the_one_it_overlaps():
    wijken = [shape(geo.polygon(geo.WEST)), shape(geo.polygon(geo.EAST))]
    # Its middle (5.124) lies east of the municipality; only its west end lies in wijk Oost.
    sticking_out = shapely.box(5.118, 52.092, 5.13, 52.093)
    # Its middle lies exactly on the West/Oost border and it is split evenly: the first wijk.
    on_the_border = shapely.box(5.105, 52.092, 5.115, 52.093)
    lost = shapely.box(6.0, 53.0, 6.01, 53.01)
    result = parent_indices([sticking_out, on_the_border, lost], wijken)
    assert result.tolist() == [1, 0, OUTSIDE]
