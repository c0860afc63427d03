"""Next week's risk per cell: our model and three baselines, from events before the start only.

Each method turns the events before `start` into a score per grid cell; the cells of the study
area (core/area.py) are then ranked, best first. Scores sum to 1 over the grid: the expected
share of the coming period's events in each cell.

- `naive`: the number of events so far in the cell ("count so far").
- `kde`: retrospective kernel density: all past events spread with a quartic kernel of 200 m.
- `prospective`: prospective hotspot (Bowers, Johnson & Pease 2004): events of the last 8 weeks,
  weighted 1/(1 + weeks ago) × 1/(1 + distance in cells) within 400 m.
- `model`: long-term concentration with time decay (half-life one year), blended with recent
  near-repeat activity (events of the last 8 weeks, decaying with 14 days, spread over the
  neighbouring cells). Ties are broken by the long-term count.

Measured on Denver, beating the naive count is hard: where a thing happened over the years
predicts most of next week. The model adds what changes: old places that went quiet, new places
and fresh bursts.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from scipy import ndimage

from .area import CELL_M, StudyArea
from .events import DAY, WEEK, Events, EventsError, moment
from .grid import Grid, disc_kernel
from .hottimes import name_peaks as peaks_named

METHODS = ("model", "naive", "kde", "prospective")
MIN_EVENTS = 10  # fewer events before the start give no ranking worth the name

# Parameters of the model, chosen on Denver 2022 (weekly forecasts for the five largest
# categories and all together, 150 m cells, hit rate at 5 % of the area) and then fixed. 2023
# is the test year in bench/analysis_backtest.py and was not used to choose them. The choice is
# flat near these values: halving or doubling any one moves the 2022 hit rates by tenths of a
# percentage point.
HALF_LIFE_DAYS = 365.0
NEAR_REPEAT_DAYS = 56.0  # recent events that take part
NEAR_REPEAT_DECAY_DAYS = 14.0  # weight exp(-age / 14 days)
NEAR_REPEAT_RADIUS_M = 225.0  # quartic kernel: the cell and its direct neighbours
NEAR_REPEAT_SHARE = 0.05  # share of the blend for the near-repeat surface

# The baselines' own settings: the prospective hotspot as published (400 m, 8 weeks); for the
# KDE the best bandwidth on Denver 2022 of 200, 250, 300 and 400 m (wider loses more).
KDE_BANDWIDTH_M = 200.0
PROSPECTIVE_BANDWIDTH_M = 400.0
PROSPECTIVE_WEEKS = 8


@dataclass(frozen=True)
class CellEvents:
    """Event times and their grid cell (−1 outside the grid), sorted by time."""

    grid: Grid
    t: np.ndarray
    cell: np.ndarray

    @classmethod
    def of(cls, events: Events, grid: Grid) -> CellEvents:
        order = np.argsort(events.t, kind="stable")
        cell = grid.cell_index(events.lat[order], events.lon[order])
        return cls(grid, events.t[order], cell)

    def __len__(self) -> int:
        return int(self.t.shape[0])

    def before(self, start: int) -> CellEvents:
        end = int(np.searchsorted(self.t, start, side="left"))
        return CellEvents(self.grid, self.t[:end], self.cell[:end])

    def between(self, start: int, end: int) -> CellEvents:
        lo, hi = np.searchsorted(self.t, [start, end], side="left")
        return CellEvents(self.grid, self.t[lo:hi], self.cell[lo:hi])

    def counts(self, weights: np.ndarray | None = None) -> np.ndarray:
        """Events (or their weights) per cell as a (ny, nx) array."""
        keep = self.cell >= 0
        w = None if weights is None else weights[keep]
        flat = np.bincount(self.cell[keep], weights=w, minlength=self.grid.size)
        return flat.astype(np.float64).reshape(self.grid.ny, self.grid.nx)


def surface(method: str, events: CellEvents, start: int) -> np.ndarray:
    """The method's score per cell (flat, summing to 1) from the events before `start`."""
    past = events.before(start)
    age_days = (start - past.t) / DAY
    grid = past.grid
    if method == "naive":
        scores = past.counts()
    elif method == "kde":
        scores = _convolve(past.counts(), disc_kernel(KDE_BANDWIDTH_M, grid.cell_m))
    elif method == "prospective":
        weeks = (start - past.t) // WEEK
        recent = weeks < PROSPECTIVE_WEEKS
        cells = CellEvents(grid, past.t[recent], past.cell[recent])
        weighted = cells.counts(1.0 / (1.0 + weeks[recent]))
        scores = _convolve(weighted, _bowers_kernel(PROSPECTIVE_BANDWIDTH_M, grid.cell_m))
    elif method == "model":
        long_term = _share(past.counts(0.5 ** (age_days / HALF_LIFE_DAYS)))
        recent = age_days < NEAR_REPEAT_DAYS
        cells = CellEvents(grid, past.t[recent], past.cell[recent])
        fresh = cells.counts(np.exp(-age_days[recent] / NEAR_REPEAT_DECAY_DAYS))
        fresh = _share(_convolve(fresh, disc_kernel(NEAR_REPEAT_RADIUS_M, grid.cell_m)))
        share = NEAR_REPEAT_SHARE if fresh.any() else 0.0
        scores = (1 - share) * long_term + share * fresh
    else:
        raise ValueError(f"unknown method {method!r}")
    return _share(scores).ravel()


def _share(scores: np.ndarray) -> np.ndarray:
    total = scores.sum()
    return scores / total if total > 0 else scores


def _convolve(counts: np.ndarray, kernel: np.ndarray) -> np.ndarray:
    return ndimage.convolve(counts, kernel, mode="constant", cval=0.0)


def _bowers_kernel(radius_m: float, cell_m: float) -> np.ndarray:
    """Weight 1/(1 + distance in cells) for cell centres within radius_m (not normalised)."""
    reach = int(radius_m // cell_m)
    yy, xx = np.mgrid[-reach : reach + 1, -reach : reach + 1]
    distance = np.hypot(xx, yy)
    return np.where(distance * cell_m <= radius_m, 1.0 / (1.0 + distance), 0.0)


def rank_cells(scores: np.ndarray, cells: np.ndarray, tiebreak: np.ndarray) -> np.ndarray:
    """`cells` ordered by score, then by `tiebreak` (both high first), then by cell number."""
    order = np.lexsort((cells, -tiebreak[cells], -scores[cells]))
    return cells[order]


@dataclass(frozen=True)
class Forecast:
    area: StudyArea
    start: int
    days: int
    method: str
    category: str | None
    cells: np.ndarray  # the area's cells, highest risk first
    scores: np.ndarray  # score of each of `cells`
    history: Events  # the events the forecast used (before start, of the category)

    @property
    def grid(self) -> Grid:
        return self.area.grid


def forecast(
    events: Events,
    *,
    start: int,
    days: int = 7,
    method: str = "model",
    category: str | None = None,
    cell_m: float = CELL_M,
) -> Forecast:
    """Risk per cell for the `days` days from `start`, from the events before `start` only."""
    if method not in METHODS:
        raise EventsError(f"Onbekende methode ‘{method}’; kies uit {', '.join(METHODS)}.")
    before = events.between(end=start)
    check_category(events, category)
    history = before.of_category(category)
    require_history(history, start, category)
    area = StudyArea.of(before, cell_m=cell_m)
    cells = CellEvents.of(history, area.grid)
    scores = surface(method, cells, start)
    ranked = rank_cells(scores, area.cells, cells.counts().ravel())
    return Forecast(area, start, days, method, category, ranked, scores[ranked], history)


def check_category(events: Events, category: str | None) -> None:
    if not category:
        return
    present = events.categories()
    if any(name == category for name, _ in present):
        return
    listed = ", ".join(f"{name} ({count})" for name, count in present[:10]) or "geen"
    raise EventsError(
        f"--category: ‘{category}’ komt niet voor in de kolom category. Wel: {listed}."
    )


def require_history(history: Events, start: int, category: str | None) -> None:
    if len(history) >= MIN_EVENTS:
        return
    what = f"van categorie ‘{category}’ " if category else ""
    raise EventsError(
        f"Te weinig gebeurtenissen {what}vóór {moment(start):%Y-%m-%d}: {len(history)}. "
        f"Een voorspelling heeft er minstens {MIN_EVENTS} nodig; kies een latere datum of een "
        "ruimere categorie."
    )


def forecast_geojson(
    result: Forecast, *, name_peaks: Callable[[Events], str] = peaks_named
) -> dict:
    """The ranked cells as a GeoJSON FeatureCollection of WGS84 polygons, rank 1 first.

    Each feature has `rank` (1 = highest risk), `score` (expected share of the period's events),
    `events` (events before the start in the cell) and `hot_times` (`name_peaks` of those events).
    """
    grid = result.grid
    history = result.history
    index = grid.cell_index(history.lat, history.lon)
    order = np.argsort(index, kind="stable")
    sorted_index = index[order]
    lo = np.searchsorted(sorted_index, result.cells, side="left")
    hi = np.searchsorted(sorted_index, result.cells, side="right")
    features = []
    for rank, (cell, score, a, b) in enumerate(
        zip(result.cells, result.scores, lo, hi, strict=True), start=1
    ):
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "Polygon", "coordinates": [_ring(grid, int(cell))]},
                "properties": {
                    "rank": rank,
                    "score": float(f"{score:.6g}"),
                    "events": int(b - a),
                    "hot_times": name_peaks(history.select(order[a:b])),
                },
            }
        )
    return {
        "type": "FeatureCollection",
        "forecast": {
            "start": f"{moment(result.start):%Y-%m-%d}",
            "days": result.days,
            "method": result.method,
            "category": result.category or None,
            "cell_m": grid.cell_m,
            "events_used": len(history),
        },
        "features": features,
    }


def _ring(grid: Grid, cell: int) -> list[list[float]]:
    """The cell's closed ring, rounded to 7 decimals (1 cm)."""
    return [[round(lon, 7), round(lat, 7)] for lon, lat in grid.cell_polygon(cell)]
