"""Trends and signals: which area × category rose or fell in the last weeks, beyond chance.

Method, for every series (one area, one category) at the analysis moment `at`:

1. Windows. The test window is the last `weeks` weeks before `at` (default 4). The baseline is
   the K weeks before that (default 26; fewer when the data start later, at least 4).
2. Season. When the data reach back a year before the baseline, each category gets a season
   factor from last year: s = (A + 10) / (B · weeks / K + 10), where A and B count that
   category (all areas together) in the same test window and baseline 52 weeks earlier. It says
   how much busier the test weeks were than the weeks before them last year (summer, fireworks,
   start of the school year). The 10 pseudo-events pull a factor from few events towards 1.
   Without a year of history s = 1 and the signals ignore the season.
3. Expected. The series' baseline count scaled to the window and the season:
   expected = baseline · weeks / K · s; ratio = observed / expected.
4. Test, for rises and falls alike. If nothing changed, each of the series' n = observed +
   baseline events falls in the window with probability π = weeks · s / (weeks · s + K); so
   observed ~ Binomial(n, π). This conditional test of two Poisson rates (Przyborowski &
   Wilenski 1940) is exact and takes the uncertainty of the baseline into account; the two-sided
   p is twice the smaller tail. Weekly counts usually vary more than Poisson allows; the
   dispersion φ (the Pearson statistic of the baseline weeks around each series' mean, pooled
   over series with at least 5 baseline events, at least 1) scales the counts down to n / φ and
   observed / φ before the test, as a quasi-Poisson model would.
5. False alarms. Series whose smallest possible p (all or none of their events in the window)
   exceeds α cannot give a signal and are left out (Tarone 1990). Benjamini–Hochberg over the
   rest gives q; a signal is a series with q ≤ α (default 0.05): among all signals at most about
   5 % are expected to be chance.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import numpy as np

from .events import DAY, WEEK, Events, EventsError, moment
from .stats import benjamini_hochberg, binomial_tails
from .zones import codes

MIN_BASELINE_WEEKS = 4
SEASON_PRIOR = 10.0
YEAR = 52 * WEEK  # whole weeks, so weekdays line up with last year's


@dataclass(frozen=True)
class SeriesTest:
    area: str
    category: str
    observed: int  # events in the test window
    baseline: int  # events in the baseline weeks
    expected: float  # baseline · weeks / K · season
    ratio: float | None  # observed / expected; None when nothing was expected
    direction: str  # "rise", "fall" or "flat"
    p: float
    q: float  # NaN when the series was left out (step 5)


@dataclass(frozen=True)
class TrendReport:
    at: int
    weeks: int
    baseline_weeks: int
    alpha: float
    dispersion: float
    season: dict[str, float] | None  # factor per category; None without a year of history
    tests: list[SeriesTest] = field(default_factory=list)

    @property
    def signals(self) -> list[SeriesTest]:
        found = [s for s in self.tests if s.q <= self.alpha]
        return sorted(found, key=lambda s: (s.q, -_strength(s)))

    @property
    def window(self) -> tuple[dt.date, dt.date]:
        """First and last day of the test window."""
        start = moment(self.at - self.weeks * WEEK).date()
        return start, moment(self.at - DAY).date()


def find_signals(
    events: Events,
    *,
    at: int,
    weeks: int = 4,
    baseline_weeks: int = 26,
    alpha: float = 0.05,
) -> TrendReport:
    """Test every area × category series (events.area must be filled, see zones.with_areas)."""
    if weeks < 1:
        raise EventsError("--weeks moet minstens 1 zijn.")
    if len(events) == 0:
        raise EventsError("Geen gebeurtenissen om trends in te zoeken.")
    start = at - weeks * WEEK
    first_day = int(events.t.min()) // DAY * DAY
    k = min(baseline_weeks, (start - first_day) // WEEK)
    if k < MIN_BASELINE_WEEKS:
        raise EventsError(
            f"Te weinig geschiedenis: vóór {moment(start).date()} liggen {max(k, 0)} hele weken "
            f"aan gegevens (vanaf {moment(first_day).date()}); nodig zijn er minstens "
            f"{MIN_BASELINE_WEEKS}. Kies een latere --at of minder --weeks."
        )
    base = start - k * WEEK
    in_window = (events.t >= start) & (events.t < at)
    if not in_window.any():
        last = moment(int(events.t.max())).date()
        raise EventsError(
            f"Geen gebeurtenissen in de {weeks} weken vóór {moment(at).date()}: de periode is "
            f"leeg. De gegevens lopen van {moment(first_day).date()} tot en met {last}."
        )
    season = _season(events, start=start, at=at, k=k, weeks=weeks, first_day=first_day)
    recent = events.between(base, at)
    areas, area_code = codes(recent.area)
    cats, cat_code = codes(recent.category)
    series, series_code = np.unique(area_code * len(cats) + cat_code, return_inverse=True)
    series_code = series_code.reshape(-1)
    window = recent.t >= start
    observed = np.bincount(series_code[window], minlength=series.size)
    week = (recent.t[~window] - base) // WEEK
    weekly = np.bincount(series_code[~window] * k + week, minlength=series.size * k).reshape(
        series.size, k
    )
    baseline = weekly.sum(axis=1)
    phi = dispersion(weekly)
    factor = np.array([(season or {}).get(str(cats[s % len(cats)]), 1.0) for s in series])
    share = weeks * factor / (weeks * factor + k)
    total = observed + baseline
    upper, lower = binomial_tails(observed / phi, total / phi, share)
    p = np.minimum(1.0, 2 * np.minimum(upper, lower))
    best = np.minimum(1.0, 2 * np.minimum(share, 1 - share) ** (total / phi))
    testable = best <= alpha
    q = np.full(p.shape, np.nan)
    q[testable] = benjamini_hochberg(p[testable])
    expected = baseline * weeks / k * factor
    tests = []
    for i, code in enumerate(series.tolist()):
        o, e = int(observed[i]), float(expected[i])
        tests.append(
            SeriesTest(
                area=str(areas[code // len(cats)]),
                category=str(cats[code % len(cats)]),
                observed=o,
                baseline=int(baseline[i]),
                expected=e,
                ratio=o / e if e > 0 else None,
                direction="rise" if o > e else "fall" if o < e else "flat",
                p=float(p[i]),
                q=float(q[i]),
            )
        )
    return TrendReport(
        at=at,
        weeks=weeks,
        baseline_weeks=k,
        alpha=alpha,
        dispersion=phi,
        season=season,
        tests=tests,
    )


def _strength(test: SeriesTest) -> float:
    """How far observed is from expected, on a log scale (infinite from or to nothing)."""
    if not test.ratio:
        return float("inf")
    return abs(float(np.log(test.ratio)))


def dispersion(weekly: np.ndarray, *, min_events: int = 5) -> float:
    """Pooled Pearson χ² / df of weekly counts around each series' own mean; at least 1."""
    rows = weekly[weekly.sum(axis=1) >= min_events].astype(np.float64)
    if rows.shape[0] == 0 or rows.shape[1] < 2:
        return 1.0
    mean = rows.mean(axis=1, keepdims=True)
    chi2 = float((((rows - mean) ** 2) / mean).sum())
    return max(1.0, chi2 / (rows.shape[0] * (rows.shape[1] - 1)))


def _season(
    events: Events, *, start: int, at: int, k: int, weeks: int, first_day: int
) -> dict[str, float] | None:
    """Season factor per category from the same weeks a year earlier (step 2), or None."""
    if start - k * WEEK - YEAR < first_day:
        return None
    before = events.between(start - k * WEEK - YEAR, start - YEAR)
    during = events.between(start - YEAR, at - YEAR)
    names = sorted(set(events.category.tolist()))
    b, a = _per_category(before, names), _per_category(during, names)
    return {name: (a[name] + SEASON_PRIOR) / (b[name] * weeks / k + SEASON_PRIOR) for name in names}


def _per_category(events: Events, names: list[str]) -> dict[str, int]:
    found, counts = np.unique(events.category.astype(str), return_counts=True)
    return dict.fromkeys(names, 0) | dict(zip(found.tolist(), counts.tolist(), strict=True))
