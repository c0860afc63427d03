"""Writes of the areas app: import wijken/buurten from GeoJSON (checked first), locate points."""

from __future__ import annotations

import copy
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from openhandhaving.areas.checks import files_check
from openhandhaving.areas.import_writes import areas_write, database_problems, municipality_save
from openhandhaving.areas.index_cache import area_index_clear, area_index_current
from openhandhaving.areas.lookup import h3_cells
from openhandhaving.areas.models import Address, Located, Place
from openhandhaving.core.choices import AuditResult
from openhandhaving.core.services import audit_log_record


@dataclass
class ImportReport:
    """What an import found and did; `errors` not empty means nothing was stored."""

    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    municipality_name: str = ""
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self) -> str:
        if not self.ok:
            return ngettext(
                "Er is niets opgeslagen: %(count)s fout gevonden.",
                "Er is niets opgeslagen: %(count)s fouten gevonden.",
                len(self.errors),
            ) % {"count": len(self.errors)}
        c = self.counts
        text = _(
            "Ingelezen: %(districts)s wijken (%(d_new)s nieuw, %(d_upd)s bijgewerkt, %(d_del)s "
            "verwijderd) en %(neighbourhoods)s buurten (%(n_new)s nieuw, %(n_upd)s bijgewerkt, "
            "%(n_del)s verwijderd)."
        ) % {
            "districts": c.get("districts", 0),
            "d_new": c.get("districts_created", 0),
            "d_upd": c.get("districts_updated", 0),
            "d_del": c.get("districts_removed", 0),
            "neighbourhoods": c.get("neighbourhoods", 0),
            "n_new": c.get("neighbourhoods_created", 0),
            "n_upd": c.get("neighbourhoods_updated", 0),
            "n_del": c.get("neighbourhoods_removed", 0),
        }
        if self.municipality_name:
            text += " " + _("Gemeente: %(name)s.") % {"name": self.municipality_name}
        return text

    def lines(self) -> list[str]:
        """The whole report as plain Dutch text lines (for the command line)."""
        lines = []
        for title, items in (
            (_("Fouten"), self.errors),
            (_("Waarschuwingen"), self.warnings),
            (_("Opmerkingen"), self.notes),
        ):
            if items:
                lines.append(f"{title} ({len(items)}):")
                lines.extend(f"  - {item}" for item in items)
        lines.append(self.summary())
        return lines

    def as_dict(self) -> dict[str, Any]:
        return {
            "errors": self.errors,
            "warnings": self.warnings,
            "notes": self.notes,
            "municipality_name": self.municipality_name,
            "counts": self.counts,
        }


def areas_import(
    *,
    districts_geojson: dict,
    neighbourhoods_geojson: dict | None,
    municipality_name: str | None = None,
    replace: bool = False,
    actor=None,
    origin: str = "systeem",
) -> ImportReport:
    """Check both files, then (only if all is well) store wijken and buurten in one transaction.

    Areas are matched by code: an area with a known code is updated in place, so everything that
    refers to it keeps its link. With `replace`, areas that are not in the files are removed,
    unless other data still depends on them (then nothing is stored).
    """
    checked = files_check(
        districts_geojson=districts_geojson,
        neighbourhoods_geojson=neighbourhoods_geojson,
        municipality_name=municipality_name,
    )
    report = ImportReport(
        errors=checked.errors,
        warnings=checked.warnings,
        notes=checked.notes,
        municipality_name=checked.municipality_name,
    )
    if report.ok:
        with transaction.atomic():
            report.errors.extend(database_problems(checked, replace=replace))
            if report.ok:
                report.counts = areas_write(checked, replace=replace)
                municipality = municipality_save(
                    name=checked.municipality_name, code=checked.municipality_code
                )
                report.municipality_name = municipality.name if municipality else ""
                area_index_clear()
                report.counts["points_relocated"] = sum(
                    located_refresh(model=model) for model in (Address, Place)
                )
                audit_log_record(
                    actor=actor,
                    action="areas_import",
                    obj=municipality,
                    origin=origin,
                    details={"counts": report.counts, "warnings": len(report.warnings)},
                )
                transaction.on_commit(area_index_clear)
    if not report.ok:
        audit_log_record(
            actor=actor,
            action="areas_import",
            result=AuditResult.FAILED,
            origin=origin,
            details={"errors": report.errors[:20], "error_count": len(report.errors)},
        )
    return report


def locate_many(points: Iterable[tuple[float, float]]) -> list[dict[str, Any]]:
    """For each (lat, lon): {"h3_cell", "district", "neighbourhood"}, ready for a Located model.

    Raises ValueError for a point that is not a valid WGS84 latitude/longitude.
    """
    coords = np.asarray(list(points), dtype=float).reshape(-1, 2)
    lats, lons = coords[:, 0], coords[:, 1]
    with np.errstate(invalid="ignore"):
        valid = np.isfinite(coords).all(axis=1) & (np.abs(lats) <= 90) & (np.abs(lons) <= 180)
    if not valid.all():
        i = int(np.flatnonzero(~valid)[0])
        raise ValueError(
            _("Punt %(index)s heeft geen geldige breedte- en lengtegraad (%(lat)s, %(lon)s).")
            % {"index": i + 1, "lat": lats[i], "lon": lons[i]}
        )
    cells = h3_cells(lats, lons, settings.H3_RESOLUTION)
    if not len(coords):
        return []
    areas = area_index_current()
    found = areas.index.lookup_many(lats, lons)
    result = []
    for i, cell in enumerate(cells):
        district = areas.districts.get(found.district_id(i))
        neighbourhood = areas.neighbourhoods.get(found.neighbourhood_id(i))
        result.append(
            {
                "h3_cell": cell,
                # Copies: callers may change what they get without touching the shared cache.
                "district": copy.copy(district) if district else None,
                "neighbourhood": copy.copy(neighbourhood) if neighbourhood else None,
            }
        )
    return result


def locate(*, lat: float, lon: float) -> dict[str, Any]:
    """{"h3_cell", "district", "neighbourhood"} of one point: Place(**locate(lat=1, lon=2), ...)."""
    return locate_many([(lat, lon)])[0]


def located_fill(*, obj: Located) -> Located:
    """Set h3_cell, district and neighbourhood of a Located object from its lat/lon (not saved)."""
    for name, value in locate(lat=obj.lat, lon=obj.lon).items():
        setattr(obj, name, value)
    return obj


def located_refresh(*, model: type[Located], batch_size: int = 5000) -> int:
    """Re-derive wijk and buurt of every stored point of a Located model; returns rows changed."""
    rows = list(
        model._base_manager.values_list("id", "lat", "lon", "district_id", "neighbourhood_id")
    )
    if not rows:
        return 0
    table = np.asarray([(r[1], r[2]) for r in rows], dtype=float)
    found = area_index_current().index.lookup_many(table[:, 0], table[:, 1])
    changed = []
    for i, (pk, _lat, _lon, district_id, neighbourhood_id) in enumerate(rows):
        new = (found.district_id(i), found.neighbourhood_id(i))
        if new != (district_id, neighbourhood_id):
            changed.append(model(id=pk, district_id=new[0], neighbourhood_id=new[1]))
    model._base_manager.bulk_update(changed, ["district", "neighbourhood"], batch_size=batch_size)
    return len(changed)
