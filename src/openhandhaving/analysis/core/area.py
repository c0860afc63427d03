"""The study area of a forecast or backtest: the grid cells where anything ever happened.

Every method is ranked over the same cells, so "the top 5 % of the area" means the same number of
cells for the model and for each baseline. The area is fixed before the first forecast: the
cells of a grid of `cell_m` metres that hold at least one event, of any category in the input,
before that moment. Empty land (fields, water, an airport apron) never enters, so hit rates are
not flattered by cells where nothing can happen. Events that later fall outside these cells still
count in the denominator of the hit rate, as misses.

Cell size 150 m: about one street block, a stretch that an officer covers on foot in a few
minutes. On the Denver data it also catches more of next week's events in 5 % of the area than
250 m cells (docs/analysis.md).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from .events import Events, EventsError, moment
from .grid import M_PER_DEG_LAT, Grid

CELL_M = 150.0
# 4 million cells is 300 × 300 km at 150 m: a town or a region fits many times over; more means
# a few points lie far from the rest (swapped lat/lon, a default position) and the arrays would
# not fit in memory.
MAX_CELLS = 4_000_000


@dataclass(frozen=True)
class StudyArea:
    grid: Grid
    inside: np.ndarray  # bool per grid cell (flat): part of the area

    @property
    def cells(self) -> np.ndarray:
        return np.flatnonzero(self.inside)

    @property
    def size(self) -> int:
        return int(self.inside.sum())

    @classmethod
    def of(cls, events: Events, *, cell_m: float = CELL_M) -> StudyArea:
        """The area of these events (all events before the first forecast, any category)."""
        grid = study_grid(events, cell_m=cell_m)
        index = grid.cell_index(events.lat, events.lon)
        inside = np.bincount(index[index >= 0], minlength=grid.size) > 0
        return cls(grid, inside)


def study_grid(events: Events, *, cell_m: float = CELL_M) -> Grid:
    """The grid over these events, or EventsError when they lie too far apart for one grid."""
    if len(events) == 0:
        raise EventsError("Er zijn geen gebeurtenissen om een gebied van te maken.")
    if not cell_m > 0:
        raise EventsError(f"--cell: {cell_m} is geen geldige grootte; kies bijvoorbeeld 150.")
    grid = Grid.covering(events.lat, events.lon, cell_m)
    if grid.size <= MAX_CELLS:
        return grid
    far = _farthest(events)
    width = grid.nx * cell_m / 1000
    height = grid.ny * cell_m / 1000
    raise EventsError(
        f"De gebeurtenissen liggen te ver uit elkaar voor cellen van {cell_m:g} m "
        f"({width:,.0f} bij {height:,.0f} km). De verste ligt op lat {events.lat[far]:.6f}, "
        f"lon {events.lon[far]:.6f} (tijd {moment(events.t[far]):%Y-%m-%d %H:%M}), ver van de "
        f"rest (midden: lat {np.median(events.lat):.4f}, lon {np.median(events.lon):.4f}). "
        "Zijn lat en lon daar verwisseld? Verbeter of verwijder die regel, of kies grotere "
        "cellen met --cell."
    )


def _farthest(events: Events) -> int:
    lat0, lon0 = float(np.median(events.lat)), float(np.median(events.lon))
    dy = (events.lat - lat0) * M_PER_DEG_LAT
    dx = (events.lon - lon0) * M_PER_DEG_LAT * math.cos(math.radians(lat0))
    return int(np.argmax(dx * dx + dy * dy))
