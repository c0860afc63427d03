"""The forecast methods on a made-up town where the truth is known."""

from __future__ import annotations

import numpy as np
import pytest

from openhandhaving.analysis.core.events import EventsError
from openhandhaving.analysis.core.forecast import (
    METHODS,
    CellEvents,
    forecast,
    forecast_geojson,
    surface,
)
from openhandhaving.analysis.core.grid import disc_kernel

from .forecast_town import day, joined, noise, place, town

HOTSPOT = (1000.0, 1000.0)


def cell_of(result, east_m, north_m) -> int:
    lat, lon = place([east_m], [north_m])
    return int(result.grid.cell_index(lat, lon)[0])


def steady_town():
    """Three events a week for two years at HOTSPOT, plus 300 events spread over 3 × 3 km."""
    hot = [(d, *HOTSPOT) for d in range(0, 730, 2)]
    return joined(town(hot), town(noise(300, first_day=0, last_day=730)))


@pytest.mark.parametrize("method", METHODS)
def test_a_steady_hotspot_ranks_first_by_every_method(method):
    result = forecast(steady_town(), start=day(730), method=method)
    assert result.cells[0] == cell_of(result, *HOTSPOT)
    assert result.scores[0] == max(result.scores)
    assert np.all(np.diff(result.scores) <= 0)


def test_a_fresh_burst_lifts_a_cell_over_an_old_one_with_as_many_events():
    # The same count in both cells: the old place had its events a year ago, the new one
    # this week. The naive count cannot tell them apart; the model puts the fresh one first.
    old = [(d, 300.0, 300.0) for d in range(0, 10)]
    fresh = [(d, 2000.0, 2000.0) for d in range(360, 370)]
    events = joined(town(old), town(fresh), town(noise(40, first_day=0, last_day=370)))
    model = forecast(events, start=day(370))
    naive = forecast(events, start=day(370), method="naive")
    assert model.cells[0] == cell_of(model, 2000, 2000)
    assert model.cells[1] == cell_of(model, 300, 300)
    assert set(naive.cells[:2]) == {cell_of(naive, 300, 300), cell_of(naive, 2000, 2000)}


def test_near_repeat_raises_the_neighbours_of_a_fresh_burst():
    # Two cells with the same three old events; one lies next to a burst of last week.
    quiet = [(d, x, 500.0) for d in (10, 20, 30) for x in (500.0, 2500.0)]
    burst = [(d, 2650.0, 500.0) for d in range(400, 406)]
    events = joined(town(quiet), town(burst))
    result = forecast(events, start=day(406))
    ranked = list(result.cells)
    near, far = cell_of(result, 2500, 500), cell_of(result, 500, 500)
    assert ranked[0] == cell_of(result, 2650, 500)
    assert ranked.index(near) < ranked.index(far)


def test_naive_is_the_count_so_far():
    events = town([(1, 100.0, 100.0)] * 3 + [(2, 900.0, 900.0)] + [(5, 1500.0, 100.0)] * 6)
    result = forecast(events, start=day(10), method="naive")
    cells = CellEvents.of(events, result.grid)
    scores = surface("naive", cells, day(10))
    assert scores[cell_of(result, 1500, 100)] == pytest.approx(6 / 10)
    assert scores[cell_of(result, 100, 100)] == pytest.approx(3 / 10)
    assert scores[cell_of(result, 900, 900)] == pytest.approx(1 / 10)
    assert scores.sum() == pytest.approx(1)


def test_kde_spreads_each_event_with_the_quartic_kernel():
    events = town([(1, 1000.0, 1000.0)] + [(1, 0.0, 0.0), (1, 2000.0, 2000.0)] * 5)
    result = forecast(events, start=day(10), method="kde")
    scores = surface("kde", CellEvents.of(events, result.grid), day(10))
    grid = result.grid.ny, result.grid.nx
    row, col = divmod(cell_of(result, 1000, 1000), result.grid.nx)
    kernel = disc_kernel(200, 150)
    reach = kernel.shape[0] // 2
    around = scores.reshape(grid)[row - reach : row + reach + 1, col - reach : col + reach + 1]
    assert around / around.max() == pytest.approx(kernel / kernel.max())
    assert around[reach, reach + 1] > 0  # the neighbours get some of it


def test_prospective_weighs_recent_weeks_and_forgets_after_eight():
    events = town(
        [(99, 0.0, 0.0), (78, 1500.0, 0.0)]  # 0 and 3 weeks before day 100
        + [(30, 3000.0, 0.0)] * 20  # 10 weeks before: forgotten
    )
    result = forecast(events, start=day(100), method="prospective")
    scores = surface("prospective", CellEvents.of(events, result.grid), day(100))
    now, three = scores[cell_of(result, 0, 0)], scores[cell_of(result, 1500, 0)]
    assert now / three == pytest.approx(4)  # 1/(1+0) against 1/(1+3)
    assert scores[cell_of(result, 3000, 0)] == 0


@pytest.mark.parametrize("method", METHODS)
def test_events_from_the_start_on_are_not_used(method):
    before = steady_town()
    burst = town([(731, 2500.0, 2500.0)] * 5000)  # a huge burst the day after --at
    plain = forecast(before, start=day(730), method=method)
    with_future = forecast(joined(before, burst), start=day(730), method=method)
    assert np.array_equal(plain.cells, with_future.cells)
    assert np.array_equal(plain.scores, with_future.scores)
    assert len(with_future.history) == len(before)


def test_the_area_is_where_anything_happened_before_the_start():
    events = joined(
        town([(d, 500.0, 500.0) for d in range(20)], "parkeren"),
        town([(5, 2000.0, 2000.0)], "afval"),
        town([(40, 2900.0, 100.0)], "afval"),  # after the start: not part of the area
    )
    result = forecast(events, start=day(30), category="parkeren")
    assert set(result.cells) == {cell_of(result, 500, 500), cell_of(result, 2000, 2000)}
    assert result.cells[0] == cell_of(result, 500, 500)


def test_too_few_events_is_refused_with_a_reason():
    with pytest.raises(EventsError, match="Te weinig gebeurtenissen vóór 2024-01-11: 1"):
        forecast(town([(1, 0.0, 0.0)]), start=day(10))


def test_an_unknown_category_names_the_ones_there_are():
    events = town([(d, 0.0, 0.0) for d in range(12)], "parkeren")
    with pytest.raises(EventsError, match=r"‘afval’ komt niet voor.*parkeren \(12\)"):
        forecast(events, start=day(20), category="afval")


def test_one_point_far_away_is_named():
    events = joined(
        town([(d, 0.0, 0.0) for d in range(12)]),
        town([(3, 0.0, 0.0)]),
    )
    swapped = events.lat.copy(), events.lon.copy()
    swapped[0][-1], swapped[1][-1] = events.lon[-1], events.lat[-1]
    events = type(events)(events.t, swapped[0], swapped[1], events.category)
    with pytest.raises(EventsError, match=r"lat 5\.100000, lon 52\.100000.*verwisseld"):
        forecast(events, start=day(20))


def test_geojson_has_closed_wgs84_cells_ranked_from_one():
    result = forecast(steady_town(), start=day(730))
    collection = forecast_geojson(result, name_peaks=lambda events: f"{len(events)} stuks")
    features = collection["features"]
    assert collection["type"] == "FeatureCollection"
    assert [f["properties"]["rank"] for f in features] == list(range(1, len(features) + 1))
    scores = [f["properties"]["score"] for f in features]
    assert scores == sorted(scores, reverse=True)
    assert sum(f["properties"]["events"] for f in features) == len(result.history)
    for feature in features:
        assert feature["geometry"]["type"] == "Polygon"
        (ring,) = feature["geometry"]["coordinates"]
        assert len(ring) == 5 and ring[0] == ring[-1]
        for lon, lat in ring:
            assert -180 <= lon <= 180 and -90 <= lat <= 90
            assert abs(lat - 52.1) < 0.1 and abs(lon - 5.1) < 0.1
        assert feature["properties"]["hot_times"] == f"{feature['properties']['events']} stuks"
