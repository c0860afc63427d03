"""Trends and signals per area × category, with a planted rise among many flat series."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats

from openhandhaving.analysis.core.events import WEEK, Events, EventsError, read_events_csv
from openhandhaving.analysis.core.stats import binomial_tails
from openhandhaving.analysis.core.trends import find_signals

from .patterns_data import MONDAY, concat, events, weekly_series


def town(seed, *, weeks=30, series=200, rate=5.0, planted=None, season=None, spread=None):
    """`series` flat series (area wijk-i, category c-j) of `rate` events a week, plus a planted
    series "Centrum"/"parkeren" whose last 4 weeks are multiplied by `planted`. `season` gives
    a factor for the last 4 weeks of every year (all series alike); `spread` makes the weekly
    rates vary more than Poisson (gamma-distributed with that coefficient of variation)."""
    rng = np.random.default_rng(seed)
    parts = []
    for i in range(series + (planted is not None)):
        rates = np.full(weeks, rate)
        if season is not None:
            rates[weeks - 4 :] *= season
            if weeks >= 56:
                rates[weeks - 56 : weeks - 52] *= season
        if spread is not None:
            rates = rates * rng.gamma(1 / spread**2, spread**2, weeks)
        name, category = f"wijk-{i % 50}", f"c-{i // 50}"
        if i == series:
            rates[weeks - 4 :] *= planted
            name, category = "Centrum", "parkeren"
        t = weekly_series(rng, rates)
        parts.append(events(t, category=[category] * t.size, area=[name] * t.size))
    return concat(*parts), MONDAY + weeks * WEEK


def planted_signals(report):
    return [s for s in report.signals if (s.area, s.category) == ("Centrum", "parkeren")]


def test_a_planted_threefold_rise_is_signalled():
    data, at = town(1, planted=3.0)
    report = find_signals(data, at=at, weeks=4)

    [signal] = planted_signals(report)
    assert signal.direction == "rise"
    assert signal.ratio == pytest.approx(3.0, rel=0.35)
    assert signal.expected == pytest.approx(20, rel=0.25)
    assert signal.q <= 0.05
    assert len(report.signals) <= 2  # at most one false alarm besides it


def test_a_planted_fall_is_signalled_as_a_fall():
    data, at = town(2, planted=0.2, rate=10.0)
    [signal] = planted_signals(find_signals(data, at=at, weeks=4))
    assert signal.direction == "fall"
    assert signal.ratio < 0.5


def test_two_hundred_flat_series_give_no_more_false_alarms_than_the_fdr_allows():
    """Without any change, BH keeps P(any signal) at or below 5 %: over 20 towns of 200 flat
    series we expect about 1 with a false alarm; 4 or more would be a failing method."""
    towns_with_an_alarm = 0
    for seed in range(20):
        data, at = town(100 + seed)
        towns_with_an_alarm += bool(find_signals(data, at=at, weeks=4).signals)
    assert towns_with_an_alarm <= 3


def test_the_season_of_last_year_is_expected_again():
    """Every series doubles in the same four weeks each year: that is season, not a signal."""
    data, at = town(3, weeks=86, series=100, planted=3.0, season=2.0)
    report = find_signals(data, at=at, weeks=4)

    assert report.season is not None
    assert report.season["c-0"] == pytest.approx(2.0, rel=0.2)
    assert planted_signals(report)
    assert len(report.signals) <= 2  # without the season factor nearly all 100 would rise


def test_without_last_years_season_a_seasonal_bump_looks_like_a_rise():
    data, at = town(3, weeks=40, series=100, season=2.0)
    report = find_signals(data, at=at, weeks=4)
    assert report.season is None
    assert len(report.signals) > 50


def test_weekly_counts_that_vary_more_than_poisson_raise_the_dispersion_not_the_alarms():
    data, at = town(4, rate=20.0, spread=0.3)
    report = find_signals(data, at=at, weeks=4)
    assert report.dispersion > 1.5
    assert len(report.signals) <= 1


def test_too_little_history_is_refused_in_dutch():
    data, at = town(5, weeks=6, series=3)
    with pytest.raises(EventsError, match="Te weinig geschiedenis"):
        find_signals(data, at=at, weeks=4)


def test_an_empty_window_is_refused_in_dutch():
    data, at = town(5, weeks=30, series=3)
    with pytest.raises(EventsError, match="de periode is leeg"):
        find_signals(data, at=at + 20 * WEEK, weeks=4)


def test_the_exact_test_uses_the_binomial_distribution():
    k, n, p = np.array([0, 2, 5, 9]), 9, 0.3
    upper, lower = binomial_tails(k, n, p)
    assert np.allclose(upper, stats.binom.sf(k - 1, n, p))
    assert np.allclose(lower, stats.binom.cdf(k, n, p))


def test_the_area_column_is_optional_and_old_constructors_still_work(tmp_path):
    with_area = tmp_path / "a.csv"
    with_area.write_text("time,lat,lon,category,Area\n2024-01-01T08:00,52,5,x, Centrum \n")
    without = tmp_path / "b.csv"
    without.write_text("time,lat,lon\n2024-01-01T08:00,52,5\n")

    assert read_events_csv(with_area).area.tolist() == ["Centrum"]
    assert read_events_csv(without).area.tolist() == [""]
    four = Events(np.array([0]), np.array([52.0]), np.array([5.0]), np.array(["x"], dtype=object))
    assert four.area.tolist() == [""]
    assert four.select(np.array([True])).area.tolist() == [""]
