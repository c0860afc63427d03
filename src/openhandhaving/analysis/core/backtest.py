"""Backtest: rolling forecasts over a past period, scored by hit rate and PAI per method.

From `start`, every `days` days a forecast is made for the next `days` days from the events
before it, by each method, until the last full period that ends on or before `end` (inclusive
day). All methods rank the same study area (core/area.py), fixed before the first forecast.

For a coverage of k % of the area, the top n = ⌊k/100 · area cells⌋ cells (at least 1) of each
forecast are "flagged". Over all forecasts together:

- hit rate = events in flagged cells / all events in the forecast periods (events outside the
  area count as misses);
- PAI (predictive accuracy index) = hit rate / (n / area cells), the hit rate per share of area.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from .area import CELL_M, StudyArea
from .events import DAY, Events, EventsError, moment
from .forecast import METHODS, CellEvents, check_category, rank_cells, require_history, surface

COVERAGES = (1, 5, 10, 20)


@dataclass
class MethodScore:
    method: str
    coverages: tuple[int, ...]
    flagged: dict[int, int]  # cells flagged at each coverage
    area_cells: int
    forecasts: int = 0
    events: int = 0
    hits: dict[int, int] = field(default_factory=dict)

    def hit_rate(self, k: int) -> float:
        return self.hits.get(k, 0) / self.events if self.events else 0.0

    def pai(self, k: int) -> float:
        return self.hit_rate(k) / (self.flagged[k] / self.area_cells)


@dataclass(frozen=True)
class Backtest:
    start: int
    end: int  # exclusive: the end of the last forecast period
    days: int
    category: str | None
    area: StudyArea
    scores: list[MethodScore]


def flagged_cells(area_cells: int, k: float) -> int:
    return max(1, int(k * area_cells // 100))


def hits_at(ranked: np.ndarray, size: int, cells: np.ndarray, flagged: dict[int, int]) -> dict:
    """Events (their cells, −1 outside the grid) that fall in the top n of `ranked`, per k."""
    position = np.full(size + 1, np.iinfo(np.int64).max, dtype=np.int64)
    position[ranked] = np.arange(len(ranked))
    where = position[np.where(cells >= 0, cells, size)]
    return {k: int(np.count_nonzero(where < n)) for k, n in flagged.items()}


def forecast_starts(start: int, end_day: int, days: int) -> list[int]:
    """Starts of the periods of `days` days from `start` that end by the end of `end_day`."""
    step = days * DAY
    last_end = end_day + DAY
    return list(range(start, last_end - step + 1, step))


def backtest(
    events: Events,
    *,
    start: int,
    end_day: int,
    days: int = 7,
    category: str | None = None,
    methods: tuple[str, ...] = METHODS,
    coverages: tuple[int, ...] = COVERAGES,
    cell_m: float = CELL_M,
    area: StudyArea | None = None,
) -> Backtest:
    """Rolling forecasts from `start` through `end_day` (a day, inclusive) for each method.

    `area` replaces the study area (e.g. a whole bounding box, to compare with published figures).
    """
    if days < 1:
        raise EventsError("--days: kies 1 dag of meer.")
    starts = forecast_starts(start, end_day, days)
    if not starts:
        raise EventsError(
            f"Van {moment(start):%Y-%m-%d} tot en met {moment(end_day):%Y-%m-%d} past geen "
            f"periode van {days} dagen; kies --to later of --days kleiner."
        )
    check_category(events, category)
    before = events.between(end=start)
    require_history(before.of_category(category), start, category)
    if area is None:
        area = StudyArea.of(before, cell_m=cell_m)
    cells = CellEvents.of(events.of_category(category), area.grid)
    period_end = starts[-1] + days * DAY
    in_periods = len(cells.between(start, period_end))
    if in_periods == 0:
        what = f"van categorie ‘{category}’ " if category else ""
        raise EventsError(
            f"Er zijn geen gebeurtenissen {what}van {moment(start):%Y-%m-%d} tot en met "
            f"{moment(period_end - DAY):%Y-%m-%d}: de hit rate is dan niet te berekenen."
        )
    area_cells = area.cells
    flagged = {k: flagged_cells(len(area_cells), k) for k in coverages}
    scores = [MethodScore(m, coverages, flagged, len(area_cells)) for m in methods]
    for moment_start in starts:
        window = cells.between(moment_start, moment_start + days * DAY)
        tiebreak = cells.before(moment_start).counts().ravel()
        for score in scores:
            ranked = rank_cells(surface(score.method, cells, moment_start), area_cells, tiebreak)
            for k, hits in hits_at(ranked, area.grid.size, window.cell, flagged).items():
                score.hits[k] = score.hits.get(k, 0) + hits
            score.forecasts += 1
            score.events += len(window)
    return Backtest(start, period_end, days, category, area, scores)


def result_lines(result: Backtest) -> list[dict]:
    """One plain dict per method, for JSON lines."""
    lines = []
    for score in result.scores:
        lines.append(
            {
                "method": score.method,
                "category": result.category or None,
                "from": f"{moment(result.start):%Y-%m-%d}",
                "to": f"{moment(result.end - DAY):%Y-%m-%d}",
                "days": result.days,
                "forecasts": score.forecasts,
                "events": score.events,
                "cell_m": result.area.grid.cell_m,
                "area_cells": score.area_cells,
                "hit_rate": {str(k): round(score.hit_rate(k), 4) for k in score.coverages},
                "pai": {str(k): round(score.pai(k), 2) for k in score.coverages},
            }
        )
    return lines
