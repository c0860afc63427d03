"""Areas for trends and effects: the area the input names, else a cell of a coarse grid.

An event whose area is empty gets the name of its cell in a grid of `cell_m` metres (1 km by
default) laid over all events given: "cel-R-K" for row R (south → north) and column K
(west → east), counted from 0. Pass the whole data set, not one period of it, so that the names
stay the same for every period analysed.
"""

from __future__ import annotations

import numpy as np

from .events import Events
from .grid import Grid


def with_areas(events: Events, *, cell_m: float = 1000.0) -> Events:
    """The events with every empty area filled in with its grid cell's name."""
    empty = events.area == ""
    if len(events) == 0 or not empty.any():
        return events
    grid = Grid.covering(events.lat, events.lon, cell_m, margin=0)
    columns, rows = grid.columns_rows(events.lat[empty], events.lon[empty])
    cells, inverse = np.unique(rows * grid.nx + columns, return_inverse=True)
    names = np.array([f"cel-{c // grid.nx}-{c % grid.nx}" for c in cells.tolist()], dtype=object)
    area = events.area.copy()
    area[empty] = names[inverse.reshape(-1)]
    return Events(events.t, events.lat, events.lon, events.category, area)


def codes(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(distinct values sorted, the position of each value among them) for a string array."""
    names, inverse = np.unique(values.astype(str), return_inverse=True)
    return names, inverse.reshape(-1)
