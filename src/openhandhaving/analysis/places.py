"""Names for a spot on the analysis maps: a known place nearby, else an address, else the wijk."""

from __future__ import annotations

import math

import numpy as np

from openhandhaving.areas.models import Place
from openhandhaving.areas.services import locate_many
from openhandhaving.reports.selectors_lookup import nearest_address

PLACE_RADIUS_M = 250.0  # a school or park within this distance names the spot
ADDRESS_RADIUS_M = 120.0


class PlaceNamer:
    """Loads the municipality's places once; answers many questions during one analysis run."""

    def __init__(self) -> None:
        rows = list(Place.objects.order_by("id").values_list("name", "kind", "lat", "lon"))
        self._places = [Place(name=name, kind=kind) for name, kind, _, _ in rows]
        self._lat = np.array([row[2] for row in rows], dtype=np.float64)
        self._lon = np.array([row[3] for row in rows], dtype=np.float64)

    def _nearest_place(self, lat: float, lon: float) -> Place | None:
        if not self._places:
            return None
        dy = (self._lat - lat) * 110_574.0
        dx = (self._lon - lon) * 111_320.0 * math.cos(math.radians(lat))
        distance = np.hypot(dx, dy)
        best = int(np.argmin(distance))
        return self._places[best] if distance[best] <= PLACE_RADIUS_M else None

    def name(self, lat: float, lon: float, *, address: bool = True) -> str:
        """ "De Regenboog (School)", else "Dorpsstraat 12" (when `address`), else ""."""
        place = self._nearest_place(lat, lon)
        if place is not None:
            return str(place)
        if address:
            found = nearest_address(lat=lat, lon=lon, radius_m=ADDRESS_RADIUS_M)
            if found is not None:
                return f"{found.street} {found.house_number}{found.house_letter}"
        return ""

    def district(self, lat: float, lon: float) -> str:
        return self.districts([(lat, lon)])[0]

    def districts(self, points: list[tuple[float, float]]) -> list[str]:
        if not points:
            return []
        return [
            found["district"].name if found["district"] else "" for found in locate_many(points)
        ]
