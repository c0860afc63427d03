"""Per-process lookup index of the stored areas, rebuilt when their stored version moves."""

from __future__ import annotations

import threading
from dataclasses import dataclass

from shapely.geometry import shape

from openhandhaving.areas.lookup import AreaIndex
from openhandhaving.areas.models import District, Neighbourhood
from openhandhaving.areas.selectors import areas_version


@dataclass(frozen=True)
class CachedAreas:
    version: tuple
    index: AreaIndex
    districts: dict[int, District]
    neighbourhoods: dict[int, Neighbourhood]


_cached: CachedAreas | None = None
_cache_lock = threading.Lock()


def area_index_clear() -> None:
    global _cached
    _cached = None


def area_index_current() -> CachedAreas:
    """The lookup index of the stored areas; one cheap version query tells whether it is stale.

    The version (count, highest id, last change of wijken and buurten) is read from the database,
    so an import in another process is seen by this one on its next lookup.
    """
    global _cached
    version = areas_version()
    cached = _cached
    if cached is not None and cached.version == version:
        return cached
    with _cache_lock:
        if _cached is None or _cached.version != version:
            district_rows = list(District.objects.values_list("id", "geometry"))
            neighbourhood_rows = list(
                Neighbourhood.objects.values_list("id", "geometry", "district_id")
            )
            index = AreaIndex(
                districts=[(pk, shape(geometry)) for pk, geometry in district_rows],
                neighbourhoods=[(pk, shape(geometry)) for pk, geometry, _d in neighbourhood_rows],
                neighbourhood_districts={pk: d for pk, _g, d in neighbourhood_rows},
            )
            _cached = CachedAreas(
                version=version,
                index=index,
                districts={d.pk: d for d in District.objects.defer("geometry")},
                neighbourhoods={n.pk: n for n in Neighbourhood.objects.defer("geometry")},
            )
        return _cached
