"""Reads of the areas app: wijken, buurten, their map data, the municipality."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db.models import Count, Max, QuerySet

from openhandhaving.areas.models import District, Municipality, Neighbourhood


def areas_version() -> tuple:
    """Changes whenever a wijk or buurt is added, removed or changed (through save or a service)."""
    districts = District.objects.aggregate(n=Count("id"), last=Max("id"), changed=Max("updated_at"))
    neighbourhoods = Neighbourhood.objects.aggregate(
        n=Count("id"), last=Max("id"), changed=Max("updated_at")
    )
    return (*districts.values(), *neighbourhoods.values())


def areas_counts() -> dict[str, int]:
    return {
        "district_count": District.objects.count(),
        "neighbourhood_count": Neighbourhood.objects.count(),
    }


def district_list() -> QuerySet[District]:
    return (
        District.objects.defer("geometry")
        .annotate(neighbourhood_count=Count("neighbourhoods"))
        .order_by("name")
    )


def district_get(*, key: str) -> District | None:
    """A wijk by its code, or else by its id (URLs accept both)."""
    district = District.objects.filter(code=key).first()
    if district is None and key.isdigit():
        district = District.objects.filter(pk=int(key)).first()
    return district


def neighbourhood_list(*, district: District) -> QuerySet[Neighbourhood]:
    return Neighbourhood.objects.filter(district=district).defer("geometry").order_by("name")


def feature_collection(rows: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "id": row["id"],
                "geometry": row.pop("geometry"),
                "properties": row,
            }
            for row in rows
        ],
    }


def district_feature_collection(*, district_id: int | None = None) -> dict[str, Any]:
    """All wijken (or one) as GeoJSON with id, code and name."""
    districts = District.objects.order_by("name")
    if district_id is not None:
        districts = districts.filter(pk=district_id)
    return feature_collection(list(districts.values("id", "code", "name", "geometry")))


def neighbourhood_feature_collection(*, district_id: int | None = None) -> dict[str, Any]:
    """All buurten (or those of one wijk) as GeoJSON with id, code, name and wijk."""
    neighbourhoods = Neighbourhood.objects.order_by("name")
    if district_id is not None:
        neighbourhoods = neighbourhoods.filter(district_id=district_id)
    rows = neighbourhoods.values("id", "code", "name", "district_id", "geometry")
    return feature_collection(list(rows))


def municipality_current() -> Municipality | None:
    return Municipality.objects.order_by("id").first()


def municipality_name() -> str:
    """The municipality's name as stored; the MUNICIPALITY_NAME setting until areas are imported."""
    name = Municipality.objects.order_by("id").values_list("name", flat=True).first()
    return name or settings.MUNICIPALITY_NAME
