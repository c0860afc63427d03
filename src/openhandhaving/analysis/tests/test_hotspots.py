"""Hotspots (Getis-Ord Gi* with Benjamini–Hochberg) on synthetic towns with a known truth."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy import stats

from openhandhaving.analysis.core.events import EventsError
from openhandhaving.analysis.core.grid import Grid
from openhandhaving.analysis.core.hotspots import find_hotspots, gi_star, neighbourhood
from openhandhaving.analysis.core.stats import benjamini_hochberg, poisson_upper

from .patterns_data import LAT, LON, M_LAT, M_LON, cluster, concat, events, uniform_field


def town_with_cluster(seed: int, *, background=1500, planted=60):
    rng = np.random.default_rng(seed)
    lat, lon = uniform_field(rng, background)
    clat, clon = cluster(rng, planted, x_m=2500, y_m=1200)
    return concat(events(np.zeros(background), lat, lon), events(np.zeros(planted), clat, clon))


def test_a_planted_cluster_is_found_where_it_was_planted():
    found = find_hotspots(town_with_cluster(7), cell_m=150)

    assert len(found.hotspots) == 1
    spot = found.hotspots[0]
    north_m = (spot.centre[0] - LAT) / M_LAT
    east_m = (spot.centre[1] - LON) / M_LON
    assert math.hypot(east_m - 2500, north_m - 1200) < 75
    assert spot.count >= 55  # nearly all 60 planted events, a few background ones
    assert spot.q <= 0.05 and spot.z > 3


def test_a_hotspot_is_drawn_only_where_events_happened():
    found = find_hotspots(town_with_cluster(7), cell_m=150)

    cells = found.hotspots[0].cells
    assert all(found.counts.ravel()[c] > 0 for c in cells)
    assert set(np.flatnonzero(found.hotspot.ravel() == 1)) == set(cells)


@pytest.mark.parametrize("size", [300, 3000])
def test_a_uniform_town_has_no_more_false_hotspots_than_the_fdr_allows(size):
    """With no hotspot at all, BH keeps P(any hotspot) at or below 5 %: over 40 towns we expect
    about 2 with a false one; 6 or more would be a failing method (binomial p < 0.05)."""
    towns_with_a_hotspot = 0
    for seed in range(40):
        rng = np.random.default_rng(1000 + seed)
        lat, lon = uniform_field(rng, size)
        if find_hotspots(events(np.zeros(size), lat, lon), cell_m=150).hotspots:
            towns_with_a_hotspot += 1
    assert towns_with_a_hotspot <= 5


def test_gi_star_matches_the_textbook_formula_cell_by_cell():
    rng = np.random.default_rng(3)
    counts = rng.poisson(2.0, size=(6, 7)).astype(float)
    counts[2, 3] += 12
    weights = neighbourhood(1.5, 1.0)  # the cell and its 8 neighbours
    z, local, _ = gi_star(counts, weights)

    x = counts.ravel()
    n = x.size
    mean, spread = x.mean(), math.sqrt((x**2).mean() - x.mean() ** 2)
    rows, cols = np.divmod(np.arange(n), 7)
    for i in range(n):
        w = ((rows - rows[i]) ** 2 + (cols - cols[i]) ** 2 <= 2.25).astype(float)
        expected = (w @ x - mean * w.sum()) / (
            spread * math.sqrt((n * (w**2).sum() - w.sum() ** 2) / (n - 1))
        )
        assert z.ravel()[i] == pytest.approx(expected)
        assert local.ravel()[i] == pytest.approx(w @ x)
    assert z[2, 3] > 1  # the planted excess stands out


@pytest.mark.parametrize(
    ("distance_cells", "neighbours"),
    [(1.0, 5), (1.5, 9), (2.0, 13), (3.0, 29)],
)
def test_the_neighbourhood_holds_the_cells_within_the_distance(distance_cells, neighbours):
    assert neighbourhood(distance_cells * 150, 150).sum() == neighbours


def test_the_study_area_can_be_fixed_so_categories_share_one_grid():
    data = town_with_cluster(7)
    grid = Grid.covering(data.lat, data.lon, 150, margin=0)
    found = find_hotspots(data.select(np.arange(len(data)) % 2 == 0), cell_m=150, grid=grid)
    assert found.grid == grid
    assert found.counts.shape == (grid.ny, grid.nx)


def test_fewer_than_two_events_is_refused_in_dutch():
    with pytest.raises(EventsError, match="Te weinig gebeurtenissen voor hotspots"):
        find_hotspots(events([0]), cell_m=150)


def test_benjamini_hochberg_matches_scipy_and_ignores_missing_values():
    p = np.random.default_rng(5).uniform(size=200) ** 3
    assert np.allclose(benjamini_hochberg(p), stats.false_discovery_control(p))
    with_gap = np.array([0.01, np.nan, 0.04, 0.03])
    q = benjamini_hochberg(with_gap)
    assert np.isnan(q[1])
    assert np.allclose(q[[0, 2, 3]], stats.false_discovery_control([0.01, 0.04, 0.03]))


def test_the_poisson_tail_is_exact():
    k = np.array([0, 1, 3, 8])
    assert np.allclose(poisson_upper(k, 2.5), stats.poisson.sf(k - 1, 2.5))
