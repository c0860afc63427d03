"""Per-process lookup index of the stored areas, rebuilt when their stored version moves."""

from __future__ import annotations

from dataclasses import dataclass

from shapely.geometry import shape

from openhandhaving.areas.lookup import AreaIndex
from openhandhaving.areas.models import District, Neighbourhood
from openhandhaving.areas.selectors import areas_version
from openhandhaving.core.caching import Fresh


@dataclass(frozen=True)
class CachedAreas:
    version: tuple
    index: AreaIndex
    districts: dict[int, District]
    neighbourhoods: dict[int, Neighbourhood]


def _load(version: tuple) -> CachedAreas:
    district_rows = list(District.objects.values_list("id", "geometry"))
    neighbourhood_rows = list(Neighbourhood.objects.values_list("id", "geometry", "district_id"))
    index = AreaIndex(
        districts=[(pk, shape(geometry)) for pk, geometry in district_rows],
        neighbourhoods=[(pk, shape(geometry)) for pk, geometry, _d in neighbourhood_rows],
        neighbourhood_districts={pk: d for pk, _g, d in neighbourhood_rows},
    )
    return CachedAreas(
        version=version,
        index=index,
        districts={d.pk: d for d in District.objects.defer("geometry")},
        neighbourhoods={n.pk: n for n in Neighbourhood.objects.defer("geometry")},
    )


# The version (count, highest id, last change of wijken and buurten) is read from the database,
# so an import in another process is seen by this one within CACHE_RECHECK_SECONDS.
_areas: Fresh[CachedAreas] = Fresh(version=areas_version, load=_load)


def area_index_clear() -> None:
    _areas.clear()


def area_index_current() -> CachedAreas:
    """The lookup index of the stored areas (see core.caching for how it stays current)."""
    return _areas.get()
