"""Hotspots: cells where events concentrate more than chance allows (Getis-Ord Gi*, with FDR).

Method, for the events of one category in one period, counted per cell of a square grid:

1. Neighbourhood. Cell j is a neighbour of cell i when their centres are at most `distance_m`
   apart (default 1.5 cells: the cell itself and its 8 surrounding cells). Weights are binary,
   w_ij = 1 for neighbours (the cell itself included, the "star" in Gi*) and 0 otherwise.
2. Gi* (Ord & Getis 1995). With x_j the count in cell j, n cells, mean x̄ and
   s = √(Σx_j²/n − x̄²):

       z_i = (Σ_j w_ij x_j − x̄ Σ_j w_ij) / (s · √((n Σ_j w_ij² − (Σ_j w_ij)²) / (n − 1)))

   The study area is the whole grid, empty cells included; cells at its edge have fewer
   neighbours, which the formula accounts for.
3. p-value, one-sided (we look for hot spots, not cold ones). The normal tail P(Z ≥ z_i) is the
   textbook Gi* p-value, but with sparse counts (most cells 0 or 1) it is far too optimistic: the
   neighbourhood sum is then skewed, not normal. We therefore also compute the exact Poisson tail
   P(N ≥ Σ_j w_ij x_j) with mean x̄ Σ_j w_ij (where the neighbourhood would be under complete
   spatial randomness) and take the larger of the two. Each guards the other's weakness: the
   Poisson tail is exact for sparse counts, the Gi* normal tail uses the observed spread of the
   counts and so does not call a place hot merely because events in general come in clumps.
4. False discoveries. Benjamini–Hochberg over all cells gives q; a cell is significant when
   q ≤ α (default 0.05) and z > 0: of all cells called hot, at most about 5 % are expected to be
   chance. Overlapping neighbourhoods are positively dependent, for which BH remains valid.
5. Hotspots. Significant cells that touch (also diagonally) are merged into one hotspot. Gi*
   also marks an empty cell beside a busy one; such cells join neighbours into one hotspot but
   are left out of its cells, so a hotspot is drawn only where events happened. A group whose
   own cells hold fewer than `min_events` (default 5) events is not reported: that is a quiet
   cell in the middle of a busy neighbourhood, not a place to go to. Hotspots are numbered
   1, 2, … by their number of events, most first.

For the map a smoothed count per cell is also given (quartic kernel over `distance_m`): it shows
the shape of the concentration; significance comes only from Gi*.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from scipy import ndimage, special

from .events import Events, EventsError
from .grid import Grid, smooth
from .stats import benjamini_hochberg, poisson_upper

MIN_EVENTS = 2


@dataclass(frozen=True)
class Hotspot:
    id: int
    cells: tuple[int, ...]  # grid cell indices (row · nx + column), with at least one event each
    count: int  # events in these cells
    centre: tuple[float, float]  # (lat, lon), the mean position of those events
    z: float  # the highest Gi* z among its cells
    p: float  # the lowest p among its cells
    q: float  # the lowest q among its cells


@dataclass(frozen=True)
class HotspotMap:
    grid: Grid
    distance_m: float
    alpha: float
    counts: np.ndarray  # (ny, nx) events per cell
    smoothed: np.ndarray  # (ny, nx) smoothed events per cell
    z: np.ndarray  # (ny, nx) Gi* z-score
    p: np.ndarray  # (ny, nx) one-sided p-value (see step 3)
    q: np.ndarray  # (ny, nx) Benjamini–Hochberg q-value
    hotspot: np.ndarray  # (ny, nx) hotspot id per cell, 0 for none
    hotspots: list[Hotspot]

    def hotspot_of(self, events: Events) -> np.ndarray:
        """The hotspot id of each event (0 when it lies in no hotspot)."""
        index = self.grid.cell_index(events.lat, events.lon)
        flat = self.hotspot.ravel()
        return np.where(index >= 0, flat[np.maximum(index, 0)], 0)


def neighbourhood(distance_m: float, cell_m: float) -> np.ndarray:
    """Binary weights: 1 for cells whose centre lies within distance_m of the middle cell."""
    reach = math.floor(distance_m / cell_m + 1e-9)
    yy, xx = np.mgrid[-reach : reach + 1, -reach : reach + 1]
    return ((xx**2 + yy**2) * cell_m**2 <= distance_m**2 * (1 + 1e-9)).astype(np.float64)


def gi_star(counts: np.ndarray, weights: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Gi* z-scores per cell, with the neighbourhood sums Σ w_ij x_j and weights Σ w_ij."""
    x = counts.astype(np.float64)
    n = x.size
    mean = x.mean()
    spread = math.sqrt(max((x * x).mean() - mean * mean, 0.0))
    local = ndimage.convolve(x, weights, mode="constant", cval=0.0)
    w_sum = ndimage.convolve(np.ones_like(x), weights, mode="constant", cval=0.0)
    w_sq = ndimage.convolve(np.ones_like(x), weights * weights, mode="constant", cval=0.0)
    if spread == 0 or n < 2:
        return np.zeros_like(x), local, w_sum
    denominator = spread * np.sqrt(np.maximum(n * w_sq - w_sum**2, 0.0) / (n - 1))
    with np.errstate(divide="ignore", invalid="ignore"):
        z = np.where(denominator > 0, (local - mean * w_sum) / denominator, 0.0)
    return z, local, w_sum


def find_hotspots(
    events: Events,
    *,
    cell_m: float = 150.0,
    distance_m: float | None = None,
    alpha: float = 0.05,
    min_events: int = 5,
    grid: Grid | None = None,
) -> HotspotMap:
    """Hotspots among `events` (one category, one period), by the method in the module text.

    `grid` fixes the study area (for instance the same grid for every category); by default it
    is the smallest grid over the events with one empty cell around them.
    """
    if len(events) < MIN_EVENTS:
        raise EventsError(
            f"Te weinig gebeurtenissen voor hotspots: {len(events)}; nodig zijn er minstens "
            f"{MIN_EVENTS}, en pas vanaf enkele tientallen zegt de uitkomst iets."
        )
    grid = grid or Grid.covering(events.lat, events.lon, cell_m, margin=0)
    distance_m = 1.5 * grid.cell_m if distance_m is None else float(distance_m)
    counts = grid.counts(events.lat, events.lon)
    weights = neighbourhood(distance_m, grid.cell_m)
    z, local, w_sum = gi_star(counts, weights)
    p_normal = special.ndtr(-z)  # P(Z ≥ z)
    p_count = poisson_upper(local, counts.mean() * w_sum)
    p = np.maximum(p_normal, p_count)
    q = benjamini_hochberg(p)
    significant = (q <= alpha) & (z > 0)
    labels, found = ndimage.label(significant, structure=np.ones((3, 3), dtype=int))
    hotspot = np.zeros(counts.shape, dtype=np.int64)
    cell_of_event = grid.cell_index(events.lat, events.lon)
    candidates = []
    for label in range(1, found + 1):
        member = (labels == label) & (counts > 0)
        if counts[member].sum() >= min_events:
            candidates.append((int(counts[member].sum()), label, member))
    candidates.sort(key=lambda item: (-item[0], item[1]))
    hotspots = []
    for number, (count, _label, member) in enumerate(candidates, start=1):
        hotspot[member] = number
        cells = np.flatnonzero(member.ravel())
        inside = np.isin(cell_of_event, cells)
        hotspots.append(
            Hotspot(
                id=number,
                cells=tuple(int(c) for c in cells),
                count=count,
                centre=(float(events.lat[inside].mean()), float(events.lon[inside].mean())),
                z=float(z[member].max()),
                p=float(p[member].min()),
                q=float(q[member].min()),
            )
        )
    return HotspotMap(
        grid=grid,
        distance_m=distance_m,
        alpha=alpha,
        counts=counts,
        smoothed=smooth(counts, distance_m, grid.cell_m),
        z=z,
        p=p,
        q=q,
        hotspot=hotspot,
        hotspots=hotspots,
    )
