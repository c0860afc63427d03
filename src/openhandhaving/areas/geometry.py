"""Geometry checks of one wijk or buurt: WGS84, validity, safe repair, area in m² (no database)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import shapely
from django.utils.translation import gettext as _
from pyproj import Transformer
from shapely.geometry import shape
from shapely.geometry.base import BaseGeometry

from openhandhaving.areas.lookup import polygonal

POLYGON_TYPES = ("Polygon", "MultiPolygon")
# Two areas of one level overlap only when the shared area is BOTH more than 1 % of the smaller
# area AND more than 100 m². Real boundary files (Amsterdam: up to 418 m² between large wijken,
# or a third of a 42 m² sliver) never reach both; two areas that really lie on top of each other
# always do. The same tolerance decides whether an invalid polygon may be repaired automatically.
TOLERANCE_SHARE = 0.01
TOLERANCE_M2 = 100.0
TINY_M2 = 1.0
RD_BOUNDS = (0.0, 280_000.0, 300_000.0, 630_000.0)


def validity_reason_dutch(reason: str) -> str:
    """GEOS's explain_validity ('Self-intersection[4.91 52.32]') in plain Dutch, with the spot."""
    reasons = {
        "self-intersection": _("de rand snijdt zichzelf"),
        "ring self-intersection": _("een rand raakt zichzelf"),
        "hole lies outside shell": _("een gat ligt buiten de buitenrand"),
        "holes are nested": _("een gat ligt in een ander gat"),
        "interior is disconnected": _("de binnenkant valt in losse stukken uiteen"),
        "nested shells": _("een vlak ligt in een ander vlak"),
        "duplicate rings": _("een rand komt twee keer voor"),
        "too few points in geometry component": _("een rand heeft te weinig punten"),
        "invalid coordinate": _("een coördinaat is ongeldig"),
        "ring is not closed": _("een rand is niet gesloten"),
    }
    kind, _sep, where = reason.partition("[")
    text = reasons.get(kind.strip().lower(), kind.strip())
    point = where.rstrip("]").split()
    if len(point) == 2:
        try:
            lon, lat = (float(v) for v in point)
        except ValueError:
            return text
        return _("%(reason)s bij %(lat).6f, %(lon).6f") % {"reason": text, "lat": lat, "lon": lon}
    return text


def dutch_number(value: float) -> str:
    return f"{value:,.0f}".replace(",", ".")


class Projector:
    """WGS84 → Lambert equal-area centred on the first geometry it sees: areas in m².

    One municipality spans a few tens of kilometres, so one centre serves every feature.
    """

    def __init__(self) -> None:
        self.transformer: Transformer | None = None

    def metres(self, geometry: BaseGeometry) -> BaseGeometry:
        if self.transformer is None:
            centre = geometry.envelope.centroid
            self.transformer = Transformer.from_crs(
                "EPSG:4326",
                f"+proj=laea +lat_0={centre.y:.4f} +lon_0={centre.x:.4f} +datum=WGS84 +units=m",
                always_xy=True,
            )
        transformer = self.transformer

        def project(coords: np.ndarray) -> np.ndarray:
            x, y = transformer.transform(coords[:, 0], coords[:, 1])
            return np.column_stack([x, y])

        return shapely.transform(geometry, project)

    def area(self, geometry: BaseGeometry) -> float:
        return 0.0 if geometry.is_empty else float(self.metres(geometry).area)


def exceeds_tolerance(shared_m2: float, smaller_m2: float) -> bool:
    return shared_m2 > TOLERANCE_M2 and shared_m2 > TOLERANCE_SHARE * smaller_m2


@dataclass
class GeometryRead:
    """One feature's geometry after the checks: repaired, or None with the error."""

    geometry: BaseGeometry | None = None
    area_m2: float = 0.0
    error: str = ""
    warnings: list[str] = field(default_factory=list)
    not_wgs84: bool = False


def not_wgs84_message(label: str, x: np.ndarray, y: np.ndarray) -> str:
    minx, miny, maxx, maxy = RD_BOUNDS
    looks_rd = bool(((x >= minx) & (x <= maxx) & (y >= miny) & (y <= maxy)).all())
    message = (
        _(
            "%(label)s heeft coördinaten als %(x)s, %(y)s: dat zijn geen lengte- en "
            "breedtegraden maar RD-coördinaten (EPSG:28992). Zet het bestand om naar WGS84 "
            "(EPSG:4326)."
        )
        if looks_rd
        else _(
            "%(label)s heeft coördinaten als %(x)s, %(y)s: dat zijn geen lengte- en "
            "breedtegraden (WGS84). Zet het bestand om naar WGS84 (EPSG:4326)."
        )
    )
    return message % {"label": label, "x": f"{x[0]:.0f}", "y": f"{y[0]:.0f}"}


def geometry_read(raw: Any, label: str, projector: Projector) -> GeometryRead:
    """Check one feature's geometry; repair small defects (with a warning), refuse the rest."""
    if not isinstance(raw, dict) or not raw.get("type"):
        return GeometryRead(error=_("%(label)s heeft geen geometrie.") % {"label": label})
    kind = str(raw.get("type"))
    if kind not in POLYGON_TYPES:
        message = _(
            "%(label)s is een %(type)s; alleen vlakken (Polygon of MultiPolygon) kunnen een "
            "gebied zijn."
        )
        return GeometryRead(error=message % {"label": label, "type": kind})
    try:
        geometry = shape(raw)
        coords = shapely.get_coordinates(geometry)
    except Exception as error:  # shapely raises many kinds for broken coordinate lists
        message = _(
            "%(label)s: de coördinaten zijn onleesbaar of de vorm heeft te weinig punten "
            "(%(detail)s)."
        )
        return GeometryRead(error=message % {"label": label, "detail": error})
    if geometry.is_empty or not len(coords):
        return GeometryRead(error=_("%(label)s heeft een lege vorm.") % {"label": label})
    if not np.isfinite(coords).all():
        message = _("%(label)s heeft coördinaten die geen getal zijn.")
        return GeometryRead(error=message % {"label": label})
    x, y = coords[:, 0], coords[:, 1]
    if (np.abs(x) > 180).any() or (np.abs(y) > 90).any():
        return GeometryRead(error=not_wgs84_message(label, x, y), not_wgs84=True)
    result = GeometryRead(geometry=geometry, area_m2=projector.area(geometry))
    if not geometry.is_valid:
        reason = validity_reason_dutch(shapely.is_valid_reason(geometry))
        repaired = polygonal(geometry)
        repaired_area = projector.area(repaired)
        change = abs(repaired_area - result.area_m2)
        if repaired.is_empty or exceeds_tolerance(change, max(result.area_m2, repaired_area)):
            message = _(
                "%(label)s heeft een ongeldige vorm (%(reason)s). Automatisch herstellen zou de "
                "oppervlakte %(m2)s m² veranderen; pas de vorm aan in een GIS-programma."
            )
            values = {"label": label, "reason": reason, "m2": dutch_number(change)}
            return GeometryRead(error=message % values)
        message = _(
            "%(label)s had een kleine fout in de vorm (%(reason)s) en is automatisch hersteld."
        )
        result.warnings.append(message % {"label": label, "reason": reason})
        result.geometry, result.area_m2 = repaired, repaired_area
    if result.area_m2 < TINY_M2:
        message = _("%(label)s is kleiner dan 1 m²; kijk na of dat klopt.")
        result.warnings.append(message % {"label": label})
    return result
