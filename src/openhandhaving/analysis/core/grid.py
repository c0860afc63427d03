"""A grid of square cells in metres over a town, for counting events per place.

Positions are projected with an equirectangular projection around the grid's middle latitude:
x = Δlon · cos(φ₀) · 111,320 m, y = Δlat · 110,574 m. Over a town (tens of kilometres) that is
within half a percent of the true distance, and it works anywhere on earth without knowing the
country's own projection. Cells are numbered row by row from the south-west corner:
index = row · nx + column.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from scipy import ndimage

M_PER_DEG_LAT = 110_574.0
M_PER_DEG_LON_EQUATOR = 111_320.0


@dataclass(frozen=True)
class Grid:
    lat0: float  # south-west corner
    lon0: float
    cell_m: float
    nx: int  # columns (west → east)
    ny: int  # rows (south → north)
    lat_ref: float  # latitude of the projection

    @property
    def size(self) -> int:
        return self.nx * self.ny

    @property
    def m_per_deg_lon(self) -> float:
        return M_PER_DEG_LON_EQUATOR * math.cos(math.radians(self.lat_ref))

    @classmethod
    def covering(cls, lat: np.ndarray, lon: np.ndarray, cell_m: float, margin: int = 1) -> Grid:
        """The smallest grid over these points, with `margin` empty cells around them."""
        if len(lat) == 0:
            raise ValueError("no points to cover")
        lat_ref = float((np.min(lat) + np.max(lat)) / 2)
        m_lon = M_PER_DEG_LON_EQUATOR * math.cos(math.radians(lat_ref))
        lat0 = float(np.min(lat)) - margin * cell_m / M_PER_DEG_LAT
        lon0 = float(np.min(lon)) - margin * cell_m / m_lon
        height = (float(np.max(lat)) - lat0) * M_PER_DEG_LAT
        width = (float(np.max(lon)) - lon0) * m_lon
        ny = int(height // cell_m) + 1 + margin
        nx = int(width // cell_m) + 1 + margin
        return cls(lat0=lat0, lon0=lon0, cell_m=float(cell_m), nx=nx, ny=ny, lat_ref=lat_ref)

    def columns_rows(self, lat: np.ndarray, lon: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        x = (np.asarray(lon, dtype=np.float64) - self.lon0) * self.m_per_deg_lon
        y = (np.asarray(lat, dtype=np.float64) - self.lat0) * M_PER_DEG_LAT
        return np.floor(x / self.cell_m).astype(np.int64), np.floor(y / self.cell_m).astype(
            np.int64
        )

    def cell_index(self, lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
        """The cell of each point; -1 for points outside the grid."""
        col, row = self.columns_rows(lat, lon)
        inside = (col >= 0) & (col < self.nx) & (row >= 0) & (row < self.ny)
        return np.where(inside, row * self.nx + col, -1)

    def counts(self, lat: np.ndarray, lon: np.ndarray, weights=None) -> np.ndarray:
        """Events per cell as a (ny, nx) float array (points outside the grid left out)."""
        index = self.cell_index(lat, lon)
        keep = index >= 0
        w = None if weights is None else np.asarray(weights, dtype=np.float64)[keep]
        flat = np.bincount(index[keep], weights=w, minlength=self.size).astype(np.float64)
        return flat.reshape(self.ny, self.nx)

    def cell_bounds(self, index: int) -> tuple[float, float, float, float]:
        """(south, west, north, east) in degrees."""
        row, col = divmod(int(index), self.nx)
        south = self.lat0 + row * self.cell_m / M_PER_DEG_LAT
        west = self.lon0 + col * self.cell_m / self.m_per_deg_lon
        return (
            south,
            west,
            south + self.cell_m / M_PER_DEG_LAT,
            west + self.cell_m / self.m_per_deg_lon,
        )

    def cell_polygon(self, index: int) -> list[list[float]]:
        """The cell as a closed GeoJSON ring of [lon, lat] pairs (counter-clockwise)."""
        south, west, north, east = self.cell_bounds(index)
        return [[west, south], [east, south], [east, north], [west, north], [west, south]]

    def cell_centre(self, index: int) -> tuple[float, float]:
        south, west, north, east = self.cell_bounds(index)
        return (south + north) / 2, (west + east) / 2


def disc_kernel(radius_m: float, cell_m: float, *, shape: str = "quartic") -> np.ndarray:
    """A normalised 2-D kernel over cells within radius_m (quartic: (1 − d²/r²)², or flat)."""
    r = max(radius_m / cell_m, 0.5)
    n = math.ceil(r)
    yy, xx = np.mgrid[-n : n + 1, -n : n + 1]
    d2 = (xx**2 + yy**2) / (r * r)
    if shape == "flat":
        kernel = (d2 <= 1).astype(np.float64)
    else:
        kernel = np.where(d2 < 1, (1 - d2) ** 2, 0.0)
    return kernel / kernel.sum()


def smooth(counts: np.ndarray, radius_m: float, cell_m: float, shape: str = "quartic"):
    """Counts spread over neighbouring cells with a kernel of radius_m (zero outside the grid)."""
    if radius_m <= 0:
        return counts.astype(np.float64)
    kernel = disc_kernel(radius_m, cell_m, shape=shape)
    return ndimage.convolve(counts.astype(np.float64), kernel, mode="constant", cval=0.0)
