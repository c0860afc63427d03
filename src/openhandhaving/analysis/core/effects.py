"""Effect of an intervention: the change in one area compared with similar areas.

Method (difference-in-differences on counts, on a multiplicative scale):

1. Periods. The after period runs from `start` to `end`, the before period from `before_start`
   to `start`; both are cut to whole weeks counted from `start` (the before period backwards),
   at least 4 weeks before and 1 week after.
2. Comparison areas. Every other area with events in the before period is a candidate. Its
   likeness to the treated area is measured on a log scale: level = log(events per week before),
   trend = log(second half of the before period / first half) (0.5 added to both counts). The
   `comparisons` (default 5) areas nearest in √(Δlevel² + Δtrend²) are the comparison group; their
   counts are added up.
3. Estimate. ratio = (treated after / treated before) / (comparison after / comparison before);
   the change is (ratio − 1) · 100 %. What happened everywhere (season, weather, a city-wide
   campaign, a change in how people report) cancels out; what remains is the treated area's own
   change. When a count is 0, 0.5 is added to all four.
4. Interval. On the log scale, Var(log ratio) = φ · (1/T₀ + 1/T₁ + 1/C₀ + 1/C₁) (the Poisson
   variance of the interaction in a log-linear model). The dispersion φ ≥ 1 comes from the weeks:
   each week the treated area's share of the week's events should equal the share of its period;
   the Pearson statistic of those weekly shares divided by its degrees of freedom (weeks − 2)
   measures how much more they vary than chance allows. The interval is
   exp(log ratio ± 1.96 · √Var) − 1 (95 %), the p-value two-sided from the normal distribution.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from scipy import special

from .events import WEEK, Events, EventsError, moment

MIN_BEFORE_WEEKS = 4


@dataclass(frozen=True)
class Effect:
    area: str
    change_pct: float  # (ratio − 1) · 100
    low_pct: float
    high_pct: float
    level: float  # confidence level of the interval, 0.95
    p: float
    comparison: tuple[str, ...]
    treated_before: int
    treated_after: int
    comparison_before: int
    comparison_after: int
    weeks_before: int
    weeks_after: int
    before_start: int  # seconds; the before period actually used
    start: int
    end: int
    dispersion: float


def intervention_effect(
    events: Events,
    *,
    area: str,
    start: int,
    end: int,
    before_start: int,
    comparisons: int = 5,
    level: float = 0.95,
) -> Effect:
    """The change in `area` from [before_start, start) to [start, end) against similar areas.

    events.area must be filled (see zones.with_areas); filter the category beforehand.
    """
    weeks_before = (start - before_start) // WEEK
    weeks_after = (end - start) // WEEK
    if weeks_before < MIN_BEFORE_WEEKS:
        raise EventsError(
            f"De periode vóór de interventie is {max(weeks_before, 0)} hele weken; nodig zijn er "
            f"minstens {MIN_BEFORE_WEEKS}. Kies een vroegere --before-from."
        )
    if weeks_after < 1:
        raise EventsError(
            "De periode na de start is korter dan een week; kies een latere --to "
            "(de periode telt in hele weken)."
        )
    before_start = start - weeks_before * WEEK
    end = start + weeks_after * WEEK
    known = sorted(set(events.area.tolist()))
    if area not in known:
        shown = ", ".join(known[:10]) + (" …" if len(known) > 10 else "")
        raise EventsError(
            f"Gebied ‘{area}’ komt niet voor in de gegevens. Bekende gebieden: {shown or 'geen'}."
        )
    used = events.between(before_start, end)
    names, code = np.unique(used.area.astype(str), return_inverse=True)
    code = code.reshape(-1)
    total_weeks = weeks_before + weeks_after
    week = (used.t - before_start) // WEEK
    weekly = np.bincount(code * total_weeks + week, minlength=names.size * total_weeks).reshape(
        names.size, total_weeks
    )
    if area not in names or weekly[names.tolist().index(area), :weeks_before].sum() == 0:
        raise EventsError(
            f"Gebied ‘{area}’ heeft geen gebeurtenissen in de periode vóór de interventie "
            f"({moment(before_start).date()} tot {moment(start).date()}); dan valt er niets te "
            "vergelijken."
        )
    treated = names.tolist().index(area)
    chosen = similar_areas(weekly[:, :weeks_before], treated, comparisons)
    if not chosen:
        raise EventsError(
            "Er zijn geen andere gebieden met gebeurtenissen in de periode vóór de interventie; "
            "zonder vergelijkingsgebieden is geen effect te schatten."
        )
    t_weeks = weekly[treated]
    c_weeks = weekly[chosen].sum(axis=0)
    t0, t1 = int(t_weeks[:weeks_before].sum()), int(t_weeks[weeks_before:].sum())
    c0, c1 = int(c_weeks[:weeks_before].sum()), int(c_weeks[weeks_before:].sum())
    half = 0.5 if min(t0, t1, c0, c1) == 0 else 0.0
    log_ratio = math.log((t1 + half) / (t0 + half)) - math.log((c1 + half) / (c0 + half))
    phi = share_dispersion(t_weeks, c_weeks, weeks_before)
    se = math.sqrt(phi * sum(1 / (x + half) for x in (t0, t1, c0, c1)))
    z = float(special.ndtri(0.5 + level / 2))
    return Effect(
        area=area,
        change_pct=100 * (math.exp(log_ratio) - 1),
        low_pct=100 * (math.exp(log_ratio - z * se) - 1),
        high_pct=100 * (math.exp(log_ratio + z * se) - 1),
        level=level,
        p=float(2 * special.ndtr(-abs(log_ratio) / se)),
        comparison=tuple(str(names[i]) for i in chosen),
        treated_before=t0,
        treated_after=t1,
        comparison_before=c0,
        comparison_after=c1,
        weeks_before=weeks_before,
        weeks_after=weeks_after,
        before_start=before_start,
        start=start,
        end=end,
        dispersion=phi,
    )


def similar_areas(before: np.ndarray, treated: int, count: int) -> list[int]:
    """The `count` areas (rows of weekly counts before) nearest in log level and log trend."""
    weeks = before.shape[1]
    half = weeks // 2
    level = np.log((before.sum(axis=1) + 0.5) / weeks)
    late, early = before[:, weeks - half :].sum(axis=1), before[:, :half].sum(axis=1)
    trend = np.log((late + 0.5) / (early + 0.5))
    distance = np.hypot(level - level[treated], trend - trend[treated])
    candidates = [i for i in np.argsort(distance, kind="stable") if i != treated]
    return [int(i) for i in candidates if before[i].sum() > 0][:count]


def share_dispersion(treated: np.ndarray, comparison: np.ndarray, weeks_before: int) -> float:
    """Pearson χ² / df of the treated area's weekly share around its period's share; at least 1."""
    chi2, used, shares = 0.0, 0, 0
    for part in (slice(0, weeks_before), slice(weeks_before, None)):
        t, c = treated[part].astype(np.float64), comparison[part].astype(np.float64)
        n = t + c
        if t.sum() == 0 or c.sum() == 0:
            continue
        share = t.sum() / n.sum()
        busy = n > 0
        chi2 += float((((t - n * share) ** 2)[busy] / (n[busy] * share * (1 - share))).sum())
        used += int(busy.sum())
        shares += 1
    df = used - shares
    return max(1.0, chi2 / df) if df > 0 else 1.0
