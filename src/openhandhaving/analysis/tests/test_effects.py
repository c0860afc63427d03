"""Effect of an intervention: difference-in-differences against similar areas."""

from __future__ import annotations

import numpy as np
import pytest

from openhandhaving.analysis.core.effects import intervention_effect, similar_areas
from openhandhaving.analysis.core.events import WEEK, EventsError

from .patterns_data import MONDAY, concat, events, weekly_series

BEFORE, AFTER = 16, 8
START = MONDAY + BEFORE * WEEK
END = START + AFTER * WEEK


def town(seed, *, effect=1.0, areas=12, shock=None, levels=None):
    """`areas` areas "wijk-0" … of 15–30 events a week with shared week-to-week ups and downs;
    "wijk-0" is treated: its rate is multiplied by `effect` from START. `shock` multiplies every
    area's rate after START (something city-wide)."""
    rng = np.random.default_rng(seed)
    weeks = BEFORE + AFTER
    common = rng.gamma(20, 1 / 20, weeks)
    parts = []
    for a in range(areas):
        level = levels[a] if levels is not None else rng.uniform(15, 30)
        rates = level * common
        if shock is not None:
            rates[BEFORE:] *= shock
        if a == 0:
            rates[BEFORE:] *= effect
        t = weekly_series(rng, rates)
        parts.append(events(t, area=[f"wijk-{a}"] * t.size))
    return concat(*parts)


def effect_of(data, **options):
    return intervention_effect(
        data, area="wijk-0", start=START, end=END, before_start=MONDAY, **options
    )


def test_a_planted_thirty_percent_drop_is_recovered_within_its_interval():
    result = effect_of(town(1, effect=0.7))

    assert result.low_pct <= -30 <= result.high_pct
    assert result.high_pct < 0  # and it is clearly a drop
    assert result.change_pct == pytest.approx(-30, abs=12)
    assert len(result.comparison) == 5 and "wijk-0" not in result.comparison
    assert result.weeks_before == BEFORE and result.weeks_after == AFTER


def test_no_effect_gives_an_interval_around_zero():
    result = effect_of(town(2))
    assert result.low_pct <= 0 <= result.high_pct
    assert result.p > 0.05


def test_the_interval_covers_the_truth_about_95_times_in_100():
    results = [effect_of(town(100 + seed, effect=0.7)) for seed in range(40)]
    covered = sum(r.low_pct <= -30 <= r.high_pct for r in results)
    assert covered >= 34  # 95 % of 40 is 38; below 34 would be a failing interval (p < 0.05)


def test_a_city_wide_change_cancels_out():
    result = effect_of(town(3, shock=0.5))
    assert result.low_pct <= 0 <= result.high_pct
    weekly_before = result.treated_before / BEFORE
    assert result.treated_after / AFTER < 0.6 * weekly_before  # the treated area did halve


def test_the_comparison_areas_are_the_most_similar_before():
    levels = [20, 20, 21, 19, 22, 18, 2, 3, 80, 90, 100, 60]
    result = effect_of(town(4, levels=levels), comparisons=4)
    assert set(result.comparison) <= {f"wijk-{i}" for i in range(1, 6)}


def test_similarity_counts_level_and_trend():
    before = np.array(
        [
            [10, 10, 10, 10],  # treated: flat
            [10, 10, 10, 10],  # same level, flat
            [2, 6, 14, 18],  # same level, rising
            [40, 40, 40, 40],  # flat, four times busier
        ]
    )
    assert similar_areas(before, 0, 3) == [1, 2, 3]
    assert similar_areas(before, 0, 1) == [1]


def test_an_unknown_area_is_refused_naming_the_known_ones():
    data = town(5, areas=3)
    with pytest.raises(EventsError, match=r"Gebied ‘Nergens’ komt niet voor.*wijk-0, wijk-1"):
        intervention_effect(data, area="Nergens", start=START, end=END, before_start=MONDAY)


@pytest.mark.parametrize(
    ("before_start", "end", "message"),
    [
        (START - 2 * WEEK, END, "minstens 4"),
        (MONDAY, START + 3 * 86_400, "korter dan een week"),
    ],
)
def test_periods_too_short_are_refused_in_dutch(before_start, end, message):
    with pytest.raises(EventsError, match=message):
        intervention_effect(
            town(6, areas=3), area="wijk-0", start=START, end=end, before_start=before_start
        )


def test_a_single_area_has_nothing_to_compare_with():
    with pytest.raises(EventsError, match="geen andere gebieden"):
        effect_of(town(7, areas=1))
