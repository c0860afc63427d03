"""Pure geometry of nearby reports: distances, the H3 rings to search, likely duplicates."""

from __future__ import annotations

import math

import h3
import pytest
from pyproj import Geod

from openhandhaving.reports.nearby import (
    distance_m,
    is_likely_duplicate,
    k_ring_for_radius,
)
from openhandhaving.reports.tests.factories import offset_point

HAARLEM = (52.3601, 4.6532)


@pytest.mark.parametrize(
    "other",
    [
        pytest.param(HAARLEM, id="the same point"),
        pytest.param((52.3605, 4.6532), id="about 45 m north"),
        pytest.param((52.3601, 4.6539), id="about 48 m east"),
        pytest.param((52.3700, 4.6700), id="about 1.6 km away"),
    ],
)
def test_distances_agree_with_the_wgs84_geodesic_to_half_a_percent(other):
    geodesic = Geod(ellps="WGS84").inv(HAARLEM[1], HAARLEM[0], other[1], other[0])[2]
    assert distance_m(*HAARLEM, *other) == pytest.approx(geodesic, rel=0.005, abs=0.01)


@pytest.mark.parametrize("radius_m", [10, 50, 100, 250])
@pytest.mark.parametrize("resolution", [11, 12])
def test_the_cells_around_a_report_cover_every_point_within_the_radius(radius_m, resolution):
    cell = h3.latlng_to_cell(*HAARLEM, resolution)
    cells = set(k_ring_for_radius(cell, radius_m))
    for bearing in range(0, 360, 15):
        north = radius_m * math.cos(math.radians(bearing))
        east = radius_m * math.sin(math.radians(bearing))
        point = offset_point(*HAARLEM, north_m=north * 0.999, east_m=east * 0.999)
        assert h3.latlng_to_cell(*point, resolution) in cells


@pytest.mark.parametrize(
    ("distance", "hours", "other_open", "duplicate"),
    [
        pytest.param(5, 2, True, True, id="same spot, same morning, open: duplicate"),
        pytest.param(30, 72, True, True, id="30 m and 3 days apart: still a duplicate"),
        pytest.param(31, 2, True, False, id="just over 30 m: a different spot"),
        pytest.param(5, 73, True, False, id="more than 3 days apart: a new occurrence"),
        pytest.param(5, 2, False, False, id="the other one is closed: not a duplicate to merge"),
    ],
)
def test_likely_duplicates(distance, hours, other_open, duplicate):
    assert (
        is_likely_duplicate(distance_m=distance, hours_apart=hours, other_open=other_open)
        is duplicate
    )
