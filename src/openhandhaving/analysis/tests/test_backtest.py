"""Backtest: hit rate and PAI on hand-checked examples, and no look into the future."""

from __future__ import annotations

import numpy as np
import pytest

from openhandhaving.analysis.core.backtest import (
    backtest,
    flagged_cells,
    forecast_starts,
    hits_at,
    result_lines,
)
from openhandhaving.analysis.core.events import DAY, EventsError

from .forecast_town import day, joined, noise, town

CELL = 150.0


def row_of_twenty():
    """History before day 100 in 20 cells along one street: the first cell busiest."""
    corner = [(d, 0.0, 0.0) for d in range(10, 20)]  # 10 events in the first cell
    street = [(50, (i + 0.5) * CELL, 0.0) for i in range(1, 20)]  # 1 event in each other
    return joined(town(corner), town(street))


def test_hits_count_the_events_in_the_top_cells():
    ranked = np.array([5, 2, 7, 0])
    cells = np.array([5, 5, 2, 0, -1, 9])  # −1: outside the grid, always a miss
    assert hits_at(ranked, 10, cells, {25: 1, 50: 2, 100: 4}) == {25: 2, 50: 3, 100: 4}


def test_flagged_cells_is_the_share_of_the_area_rounded_down_but_at_least_one():
    assert [flagged_cells(20, k) for k in (1, 5, 10, 20)] == [1, 1, 2, 4]
    assert [flagged_cells(10545, k) for k in (1, 5, 10, 20)] == [105, 527, 1054, 2109]


def test_hit_rate_and_pai_on_a_tiny_town():
    # Week from day 100: three events in the busiest cell, one in the last cell of the street.
    week = town([(100, 0.0, 0.0), (101, 0.0, 0.0), (102, 0.0, 0.0), (103, 19.5 * CELL, 0.0)])
    result = backtest(
        joined(row_of_twenty(), week), start=day(100), end_day=day(106), methods=("naive",)
    )
    (score,) = result.scores
    assert result.area.size == 20
    assert (score.forecasts, score.events) == (1, 4)
    assert score.flagged == {1: 1, 5: 1, 10: 2, 20: 4}
    assert [score.hit_rate(k) for k in (1, 5, 10, 20)] == [0.75, 0.75, 0.75, 0.75]
    assert score.pai(5) == pytest.approx(0.75 / (1 / 20))  # 15
    assert score.pai(20) == pytest.approx(0.75 / (4 / 20))  # 3.75
    (line,) = result_lines(result)
    assert line["hit_rate"] == {"1": 0.75, "5": 0.75, "10": 0.75, "20": 0.75}
    assert line["pai"] == {"1": 15.0, "5": 15.0, "10": 7.5, "20": 3.75}
    assert (line["from"], line["to"], line["area_cells"]) == ("2024-04-10", "2024-04-16", 20)


def test_events_outside_the_area_count_as_misses():
    week = town([(100, 0.0, 0.0), (101, 0.0, 1000.0)])  # the second: a place never seen before
    result = backtest(
        joined(row_of_twenty(), week), start=day(100), end_day=day(106), methods=("naive",)
    )
    assert result.scores[0].hit_rate(20) == 0.5


def test_each_forecast_uses_only_the_events_before_its_start():
    town_events = joined(
        row_of_twenty(), town([(100 + d, 19.5 * CELL, 0.0) for d in range(7)])
    )  # the last cell is busy in week 1
    later = town([(110, 19.5 * CELL, 0.0)] * 500)  # a huge burst in week 2 there
    one = backtest(town_events, start=day(100), end_day=day(106))
    two = backtest(joined(town_events, later), start=day(100), end_day=day(106))
    for a, b in zip(one.scores, two.scores, strict=True):
        assert (a.hits, a.events) == (b.hits, b.events)
    assert one.scores[1].hit_rate(5) == 0  # naive: the first cell, not the last


def test_the_week_after_a_burst_is_forecast_with_it():
    events = joined(
        row_of_twenty(),
        town([(100 + d % 7, 19.5 * CELL, 0.0) for d in range(30)]),  # week 1: 30 in last cell
        town([(107, 19.5 * CELL, 0.0), (108, 19.5 * CELL, 0.0)]),  # week 2: 2 more there
    )
    result = backtest(events, start=day(107), end_day=day(113), methods=("model", "naive"))
    model, naive = result.scores
    assert model.hit_rate(5) == 1.0 and naive.hit_rate(5) == 1.0


def test_weekly_starts_fill_the_period_with_whole_weeks_only():
    monday, sunday = day(0), day(363)  # 2024-01-01 … 2024-12-29: 52 weeks
    starts = forecast_starts(monday, sunday, 7)
    assert len(starts) == 52 and starts[-1] + 7 * DAY == sunday + DAY
    assert len(forecast_starts(monday, sunday - DAY, 7)) == 51
    assert forecast_starts(monday, monday + 5 * DAY, 7) == []


def test_a_period_without_events_is_refused():
    events = joined(row_of_twenty(), town(noise(5, first_day=0, last_day=90)))
    with pytest.raises(EventsError, match="geen gebeurtenissen van 2024-04-10 tot en met"):
        backtest(events, start=day(100), end_day=day(120))


def test_a_period_shorter_than_the_forecast_is_refused():
    with pytest.raises(EventsError, match="past geen periode van 7 dagen"):
        backtest(row_of_twenty(), start=day(100), end_day=day(103))
