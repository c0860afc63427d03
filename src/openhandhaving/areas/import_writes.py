"""Steps of services.areas_import() that touch the database: checks against stored data, upserts."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _
from shapely.geometry import mapping
from shapely.geometry.base import BaseGeometry

from openhandhaving.areas.checks import FilesChecked
from openhandhaving.areas.geojson import AreaFeature
from openhandhaving.areas.models import District, Municipality, Neighbourhood


def point_inside(geometry: BaseGeometry) -> tuple[float, float]:
    """(lat, lon) of the centroid, or of a point surely inside when the centroid falls outside."""
    point = geometry.centroid
    if point.is_empty or not geometry.covers(point):
        point = geometry.representative_point()
    if point.is_empty:
        x, y = geometry.exterior.coords[0] if hasattr(geometry, "exterior") else (0.0, 0.0)
        return float(y), float(x)
    return float(point.y), float(point.x)


def area_fields(feature: AreaFeature) -> dict[str, Any]:
    lat, lon = point_inside(feature.geometry)
    return {
        "name": feature.name,
        "geometry": mapping(feature.geometry),
        "centroid_lat": lat,
        "centroid_lon": lon,
    }


def blocking_references(model: type[models.Model], ids: list[int]) -> dict[int, list[str]]:
    """{id: ['2 wijktoewijzingen', ...]}: other rows that deleting these areas would take along.

    Relations that only lose their link (SET_NULL, like every Located point) do not block; the
    buurten of a wijk are handled by the import itself.
    """
    found: dict[int, list[str]] = {}
    if not ids:
        return found
    for rel in model._meta.get_fields(include_hidden=True):
        if not (rel.auto_created and not rel.concrete) or rel.related_model is Neighbourhood:
            continue
        if getattr(rel.related_model._meta, "auto_created", False):
            continue  # the hidden through table of a many-to-many; counted through the rel
        if not rel.many_to_many and rel.on_delete in (
            models.SET_NULL,
            models.SET_DEFAULT,
            models.DO_NOTHING,
        ):
            continue
        rows = (
            rel.related_model._base_manager.filter(**{f"{rel.field.name}__in": ids})
            .values(rel.field.name)
            .annotate(n=Count("pk"))
        )
        opts = rel.related_model._meta
        for row in rows:
            name = opts.verbose_name if row["n"] == 1 else opts.verbose_name_plural
            found.setdefault(row[rel.field.name], []).append(f"{row['n']} {name}")
    return found


def areas_leaving(checked: FilesChecked) -> tuple[list[int], list[int]]:
    """Ids of the stored wijken and buurten that a replacing import removes.

    Without a buurten file the stored buurten stay, except those of wijken that disappear.
    """
    district_codes = {f.code for f in checked.districts}
    districts = list(District.objects.exclude(code__in=district_codes).values_list("id", flat=True))
    if checked.neighbourhoods:
        codes = {f.code for f in checked.neighbourhoods}
        neighbourhoods = Neighbourhood.objects.exclude(code__in=codes)
    else:
        neighbourhoods = Neighbourhood.objects.filter(district_id__in=districts)
    return districts, list(neighbourhoods.values_list("id", flat=True))


def database_problems(checked: FilesChecked, *, replace: bool) -> list[str]:
    """Problems that depend on what is stored already; run inside the import's transaction."""
    existing = District.objects.count()
    if existing and not replace:
        message = _(
            "Er staan al %(count)s wijken in het systeem. Kies 'Bestaande wijken en buurten "
            "vervangen' (bij het commando: --replace) om ze met deze bestanden bij te werken."
        )
        return [message % {"count": existing}]
    district_ids, neighbourhood_ids = areas_leaving(checked)
    problems = []
    blocked = blocking_references(District, district_ids)
    for district in District.objects.filter(id__in=blocked).order_by("name"):
        message = _(
            "Wijk %(name)s (code %(code)s) staat niet in het nieuwe wijkenbestand, maar er hangen "
            "nog gegevens aan: %(what)s. Geef de wijk in het bestand dezelfde code, of haal die "
            "gegevens eerst weg."
        )
        what = ", ".join(blocked[district.id])
        problems.append(message % {"name": district.name, "code": district.code, "what": what})
    blocked = blocking_references(Neighbourhood, neighbourhood_ids)
    for neighbourhood in Neighbourhood.objects.filter(id__in=blocked).order_by("name"):
        message = _(
            "Buurt %(name)s (code %(code)s) verdwijnt met deze bestanden, maar er hangen nog "
            "gegevens aan: %(what)s. Geef de buurt in het bestand dezelfde code, of haal die "
            "gegevens eerst weg."
        )
        what = ", ".join(blocked[neighbourhood.id])
        problems.append(
            message % {"name": neighbourhood.name, "code": neighbourhood.code, "what": what}
        )
    return problems


def areas_upsert(
    model: type[District] | type[Neighbourhood],
    features: list[AreaFeature],
    extra: dict[str, dict[str, Any]],
) -> tuple[dict[str, int], int, int]:
    """Create or update rows by code, so links to them stay. Returns ({code: id}, new, updated)."""
    existing = {obj.code: obj for obj in model.objects.all()}
    now = timezone.now()
    new, changed = [], []
    for feature in features:
        values = {**area_fields(feature), **extra.get(feature.code, {}), "updated_at": now}
        if model is District and feature.description:
            values["description"] = feature.description
        obj = existing.get(feature.code)
        if obj is None:
            new.append(model(code=feature.code, **values))
            continue
        for name, value in values.items():
            setattr(obj, name, value)
        changed.append(obj)
    model.objects.bulk_create(new, batch_size=200)
    if changed:
        fields = ["name", "geometry", "centroid_lat", "centroid_lon", "updated_at"]
        fields += ["description"] if model is District else ["district"]
        model.objects.bulk_update(changed, fields, batch_size=200)
    ids = dict(model.objects.values_list("code", "id"))
    return ids, len(new), len(changed)


def areas_write(checked: FilesChecked, *, replace: bool) -> dict[str, int]:
    counts = {"districts": len(checked.districts), "neighbourhoods": len(checked.neighbourhoods)}
    leaving_districts, leaving_neighbourhoods = areas_leaving(checked) if replace else ([], [])
    district_ids, counts["districts_created"], counts["districts_updated"] = areas_upsert(
        District, checked.districts, {}
    )
    links = {f.code: {"district_id": district_ids[f.parent_code]} for f in checked.neighbourhoods}
    _ids, counts["neighbourhoods_created"], counts["neighbourhoods_updated"] = areas_upsert(
        Neighbourhood, checked.neighbourhoods, links
    )
    counts["neighbourhoods_removed"] = len(leaving_neighbourhoods)
    counts["districts_removed"] = len(leaving_districts)
    Neighbourhood.objects.filter(id__in=leaving_neighbourhoods).delete()
    District.objects.filter(id__in=leaving_districts).delete()
    return counts


def municipality_save(*, name: str, code: str) -> Municipality | None:
    """The one municipality row: created or renamed when a name is known."""
    municipality = Municipality.objects.order_by("id").first()
    if not name:
        return municipality
    if municipality is None:
        return Municipality.objects.create(name=name, code=code)
    municipality.name = name
    municipality.code = code or municipality.code
    municipality.save(update_fields=["name", "code"])
    return municipality
