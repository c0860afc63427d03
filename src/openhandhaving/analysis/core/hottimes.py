"""Hot times: when in the week events happen, and the peak windows named in Dutch.

The profile counts events per weekday (0 = Monday) and time-of-day bin of the local wall clock:
7 × 24 for hours, 7 × 96 for quarters of an hour.

Peak rule (per quarter of an hour by default). With m the mean count over all 7 × 96 bins, a bin
is a peak when all of these hold:

- its count is at least twice the mean (`factor` = 2): well above an ordinary moment;
- the count is unlikely by chance: the Poisson tail P(N ≥ count) with mean m, corrected for the
  672 bins tested with Benjamini–Hochberg, has q ≤ 0.05;
- its events fall on at least 3 different dates, and the rules above are applied to the count
  with its busiest date cut down to the next busiest date: a pattern that recurs, not one busy
  evening with 30 reports.

A single quiet bin between two peak bins of the same day still counts as peak when its count is
above the mean, so 14:00–15:15 is not split by one slow quarter. Adjacent peak bins of a day form
a window.

One weekday alone has few events, so its windows have ragged edges (Monday 08:00–08:30, Tuesday
08:15–08:45). Weekdays whose peaks lie at most two bins apart are therefore pooled: the same rule
on their summed counts (against the mean times the number of days) gives the shared windows, and
each of those days keeps the shared windows that it shows on its own (window count at least twice
its mean and Poisson p ≤ 0.05); a day that shows none keeps its own. A day without peaks of its
own takes the windows of another day when it shows all of them. Weekdays that end with the same
windows are named together ("ma–vr", "za–zo", "di en do"). Windows end at the end of their last
bin; a window that runs to midnight ends at 24:00 and a night that continues after midnight
shows as a window on the next day.

Rounded times. Where many times were written down as a whole hour ("around eight"), the quarter
from :00 collects the events of the whole hour and every hour seems to peak at :00. When more than
1 in 20 times fall exactly on the hour (1 in 3,600 would if times were exact to the second) and
that is more than twice as many as on :15, :30 or :45 on average, `name_peaks` uses bins of an
hour and names windows like 08:00–09:00. Times rounded to quarters keep quarter bins.
"""

from __future__ import annotations

import numpy as np

from .events import DAY, Events
from .stats import benjamini_hochberg, poisson_upper

DAY_NAMES = ("ma", "di", "wo", "do", "vr", "za", "zo")
MIN_EVENTS = 10
MIN_DATES = 3
ROUNDED_SHARE = 0.05


def week_profile(events: Events, *, bin_minutes: int = 60) -> np.ndarray:
    """Counts per weekday × time-of-day bin, shape (7, 1440 // bin_minutes)."""
    if 1440 % bin_minutes:
        raise ValueError("bin_minutes must divide a day")
    bins = 1440 // bin_minutes
    slot = (events.t % DAY) // 60 // bin_minutes
    flat = np.bincount(events.weekday * bins + slot, minlength=7 * bins)
    return flat.reshape(7, bins)


def recurring(events: Events, *, bin_minutes: int) -> tuple[np.ndarray, np.ndarray]:
    """Per weekday × bin: the count with its busiest date cut to the next busiest, and the
    number of dates. One party or one incident with many reports then does not look like a
    weekly pattern.
    """
    bins = 1440 // bin_minutes
    slot = (events.t % DAY) // 60 // bin_minutes
    keys, per_date = np.unique((events.t // DAY) * bins + slot, return_counts=True)
    day, slot = np.divmod(keys, bins)
    cell = ((day + 3) % 7) * bins + slot
    order = np.lexsort((per_date, cell))
    cell, per_date = cell[order], per_date[order]
    last = np.flatnonzero(np.r_[cell[1:] != cell[:-1], True])  # the busiest date of each bin
    runner_up = np.where(
        (last > 0) & (cell[np.maximum(last - 1, 0)] == cell[last]),
        per_date[np.maximum(last - 1, 0)],
        0,
    )
    excess = np.zeros(7 * bins, dtype=np.int64)
    excess[cell[last]] = per_date[last] - runner_up
    total = np.bincount(cell, weights=per_date, minlength=7 * bins).astype(np.int64)
    dates = np.bincount(cell, minlength=7 * bins)
    return (total - excess).reshape(7, bins), dates.reshape(7, bins)


def _peaks(counts, mean, dates, *, factor: float, alpha: float) -> np.ndarray:
    """The peak rule on counts (any shape) against `mean` per bin, with the one-bin gap bridge."""
    q = benjamini_hochberg(poisson_upper(counts, mean))
    peak = (counts >= factor * mean) & (q <= alpha) & (dates >= MIN_DATES)
    gap = np.zeros_like(peak)
    gap[..., 1:-1] = peak[..., :-2] & peak[..., 2:] & ~peak[..., 1:-1] & (counts[..., 1:-1] > mean)
    return peak | gap


def runs(row: np.ndarray) -> tuple[tuple[int, int], ...]:
    """The runs of True in a 1-D boolean array as (first, last + 1) bin numbers."""
    edges = np.diff(np.concatenate(([0], row.astype(np.int8), [0])))
    starts, ends = np.flatnonzero(edges == 1), np.flatnonzero(edges == -1)
    return tuple((int(s), int(e)) for s, e in zip(starts, ends, strict=True))


def shows(row: np.ndarray, windows, mean: float, *, factor: float, alpha: float) -> bool:
    """Whether one weekday on its own is busy in each of the windows (bins (first, last + 1))."""
    for first, end in windows:
        count, expected = row[first:end].sum(), mean * (end - first)
        if count < factor * expected or poisson_upper(count, expected) > alpha:
            return False
    return True


def _linked_days(seeds: np.ndarray) -> list[list[int]]:
    """Weekdays with peaks, grouped when their peaks lie at most two bins apart."""
    days = [d for d in range(7) if seeds[d].any()]
    near = seeds.copy()
    near[:, 1:] |= seeds[:, :-1]
    near[:, :-1] |= seeds[:, 1:]
    parent = {d: d for d in days}

    def root(d: int) -> int:
        while parent[d] != d:
            d = parent[d]
        return d

    for i, a in enumerate(days):
        for b in days[i + 1 :]:
            if np.any(near[a] & near[b]):
                parent[root(b)] = root(a)
    groups: dict[int, list[int]] = {}
    for d in days:
        groups.setdefault(root(d), []).append(d)
    return list(groups.values())


def peak_groups(
    events: Events, *, bin_minutes: int = 15, factor: float = 2.0, alpha: float = 0.05
) -> list[tuple[list[int], tuple[tuple[int, int], ...]]]:
    """Weekdays that share peak windows: [(days, ((start, end) minutes, …)), …] by first day."""
    if len(events) < MIN_EVENTS:
        return []
    mean = float(week_profile(events, bin_minutes=bin_minutes).mean())
    profile, dates = recurring(events, bin_minutes=bin_minutes)
    rule = {"factor": factor, "alpha": alpha}
    seeds = _peaks(profile, mean, dates, **rule)
    windows: dict[int, tuple[tuple[int, int], ...]] = {}
    for group in _linked_days(seeds):
        shared = ()
        if len(group) > 1:
            pooled = _peaks(
                profile[group].sum(axis=0), mean * len(group), dates[group].sum(axis=0), **rule
            )
            shared = runs(pooled)
        for day in group:
            own = tuple(w for w in shared if shows(profile[day], (w,), mean, **rule))
            windows[day] = own or runs(seeds[day])
    for day in range(7):
        if day not in windows:
            for candidate in sorted(set(windows.values())):
                if shows(profile[day], candidate, mean, **rule):
                    windows[day] = candidate
                    break
    grouped: dict[tuple, list[int]] = {}
    for day in sorted(windows):
        grouped.setdefault(windows[day], []).append(day)
    scale = bin_minutes
    return sorted(
        ((days, tuple((a * scale, b * scale) for a, b in w)) for w, days in grouped.items()),
        key=lambda item: item[0][0],
    )


def peak_bins(
    events: Events, *, bin_minutes: int = 15, factor: float = 2.0, alpha: float = 0.05
) -> np.ndarray:
    """Boolean (7, bins): the bins inside the named peak windows."""
    peak = np.zeros((7, 1440 // bin_minutes), dtype=bool)
    for days, windows in peak_groups(events, bin_minutes=bin_minutes, factor=factor, alpha=alpha):
        for start, end in windows:
            peak[days, start // bin_minutes : end // bin_minutes] = True
    return peak


def name_days(days: list[int]) -> str:
    """Weekdays in Dutch, runs of two or more with a dash: [0..4] → "ma–vr", [1, 3] → "di en do"."""
    parts, run = [], [days[0]]
    for day in days[1:]:
        if day == run[-1] + 1:
            run.append(day)
        else:
            parts.append(run)
            run = [day]
    parts.append(run)
    names = [
        DAY_NAMES[r[0]] if len(r) == 1 else f"{DAY_NAMES[r[0]]}–{DAY_NAMES[r[-1]]}" for r in parts
    ]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " en " + names[-1]


def clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def name_windows(windows: tuple[tuple[int, int], ...]) -> str:
    texts = [f"{clock(start)}–{clock(end)}" for start, end in windows]
    return texts[0] if len(texts) == 1 else ", ".join(texts[:-1]) + " en " + texts[-1]


def resolution(events: Events) -> int:
    """15 minutes, or 60 when the times look rounded to whole hours (see the module text)."""
    if len(events) == 0:
        return 15
    within = events.t % 3600
    on_the_hour = float(np.mean(within == 0))
    on_quarters = float(np.mean(np.isin(within, (900, 1800, 2700)))) / 3
    return 60 if on_the_hour > max(ROUNDED_SHARE, 2 * on_quarters) else 15


def name_peaks(events: Events, *, bin_minutes: int | None = None) -> str:
    """The peak windows in Dutch, e.g. "ma–vr 08:00–08:45 en 14:00–15:15; za 22:00–24:00"."""
    if len(events) < MIN_EVENTS:
        return "te weinig gebeurtenissen om piektijden te noemen"
    groups = peak_groups(events, bin_minutes=bin_minutes or resolution(events))
    if not groups:
        return "geen duidelijke piektijden"
    return "; ".join(f"{name_days(days)} {name_windows(w)}" for days, w in groups)
