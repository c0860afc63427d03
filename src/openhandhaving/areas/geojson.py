"""Reading wijken/buurten GeoJSON files feature by feature, before anything is stored (no database).

Accepted: a FeatureCollection in WGS84 of Polygons or MultiPolygons, with the property names of the
CBS wijk- en buurtkaart (wijknaam/WK_NAAM, wijkcode/WK_CODE, buurtnaam/BU_NAAM, buurtcode/BU_CODE,
gemeentenaam/GM_NAAM, statnaam/statcode) or a plain `name` with an optional `code`. Every problem
becomes one Dutch sentence that names the feature (docs/areas.md). Geometry checks: geometry.py;
checks across features: checks.py.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import shapely
from django.utils.text import slugify
from django.utils.translation import gettext as _
from shapely.geometry.base import BaseGeometry

from openhandhaving.areas.geometry import Projector, geometry_read

DISTRICT = "district"
NEIGHBOURHOOD = "neighbourhood"
NAME_KEYS = {
    DISTRICT: ("wijknaam", "wk_naam", "statnaam", "name", "naam"),
    NEIGHBOURHOOD: ("buurtnaam", "bu_naam", "statnaam", "name", "naam"),
}
CODE_KEYS = {
    DISTRICT: ("wijkcode", "wk_code", "statcode", "code"),
    NEIGHBOURHOOD: ("buurtcode", "bu_code", "statcode", "code"),
}
PARENT_CODE_KEYS = ("wijkcode", "wk_code")
MUNICIPALITY_NAME_KEYS = ("gemeentenaam", "gm_naam")
MUNICIPALITY_CODE_KEYS = ("gemeentecode", "gm_code")
DESCRIPTION_KEYS = ("description", "omschrijving")
WGS84_CRS_NAMES = ("crs84", "epsg:4326", "epsg::4326", "4326")
NAME_MAX = 100
CODE_MAX = 20
# Roughly the Netherlands; coordinates outside it are suspicious, not wrong.
NL_BOUNDS = (3.0, 50.5, 7.5, 54.0)


class GeoJSONFileError(Exception):
    """A file that is not readable JSON; the message is the Dutch explanation."""


@dataclass
class AreaFeature:
    """One wijk or buurt as read from a file: checked, geometry repaired, code filled in."""

    index: int
    name: str
    code: str
    geometry: BaseGeometry
    area_m2: float = 0.0
    code_generated: bool = False
    description: str = ""
    parent_code: str = ""
    municipality_name: str = ""
    municipality_code: str = ""


@dataclass
class Checked:
    features: list[AreaFeature] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def level_word(level: str, *, plural: bool = False, capital: bool = True) -> str:
    words = {
        (DISTRICT, False): _("wijk"),
        (DISTRICT, True): _("wijken"),
        (NEIGHBOURHOOD, False): _("buurt"),
        (NEIGHBOURHOOD, True): _("buurten"),
    }
    word = words[(level, plural)]
    return word[:1].upper() + word[1:] if capital else word


def file_word(level: str) -> str:
    return _("wijkenbestand") if level == DISTRICT else _("buurtenbestand")


def feature_label(level: str, index: int, name: str = "", *, capital: bool = True) -> str:
    """'Wijk 3 (Centrum)': the feature's place in the file and its name."""
    return _("%(level)s %(index)s (%(name)s)") % {
        "level": level_word(level, capital=capital),
        "index": index,
        "name": name or _("zonder naam"),
    }


def geojson_load(raw: bytes | str, *, level: str) -> Any:
    """Parse uploaded or read bytes as JSON; GeoJSONFileError with a Dutch reason otherwise."""
    what = file_word(level)
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise GeoJSONFileError(
                _("Het %(file)s is geen tekstbestand in UTF-8. Kies een GeoJSON-bestand.")
                % {"file": what}
            ) from None
    try:
        return json.loads(raw)
    except json.JSONDecodeError as error:
        raise GeoJSONFileError(
            _(
                "Het %(file)s is geen geldige JSON: de fout zit in regel %(line)s, kolom "
                "%(column)s. Kies een GeoJSON-bestand."
            )
            % {"file": what, "line": error.lineno, "column": error.colno}
        ) from None


def text_property(properties: dict[str, Any], keys: Sequence[str]) -> str:
    for key in keys:
        value = properties.get(key)
        if value is not None and str(value).strip():
            return str(value).strip()
    return ""


def generated_code(name: str) -> str:
    """A stable code from a name for files without codes: 'Oude Pijp' → 'oude-pijp'."""
    slug = slugify(name) or "gebied"
    if len(slug) <= CODE_MAX:
        return slug
    return f"{slug[: CODE_MAX - 5]}-{zlib.crc32(slug.encode()) & 0xFFFF:04x}"


def crs_problem(collection: dict[str, Any], level: str) -> str | None:
    crs = collection.get("crs")
    if not isinstance(crs, dict):
        return None
    name = str((crs.get("properties") or {}).get("name", "")).lower()
    if not name or any(name.endswith(ok) for ok in WGS84_CRS_NAMES):
        return None
    return _(
        "Het %(file)s gebruikt coördinatenstelsel %(crs)s. Lever het aan in WGS84 (EPSG:4326, "
        "lengte- en breedtegraden), bijvoorbeeld met QGIS of ogr2ogr -t_srs EPSG:4326."
    ) % {"file": file_word(level), "crs": crs["properties"]["name"]}


def is_feature_collection(collection: Any) -> bool:
    return (
        isinstance(collection, dict)
        and collection.get("type") == "FeatureCollection"
        and isinstance(collection.get("features"), list)
    )


def feature_rows(
    collection: dict[str, Any], level: str, checked: Checked
) -> list[tuple[int, dict[str, Any], dict[str, Any]]]:
    """(1-based index, feature, lower-cased properties) of each well-formed feature."""
    rows = []
    for index, raw in enumerate(collection["features"], start=1):
        if not isinstance(raw, dict) or raw.get("type") != "Feature":
            message = _("%(level)s %(index)s is geen GeoJSON Feature.")
            checked.errors.append(message % {"level": level_word(level), "index": index})
            continue
        properties = raw.get("properties")
        properties = properties if isinstance(properties, dict) else {}
        rows.append((index, raw, {str(k).lower(): v for k, v in properties.items()}))
    return rows


def municipality_filter(
    rows: list[tuple[int, dict[str, Any], dict[str, Any]]],
    level: str,
    municipality: str | None,
    checked: Checked,
) -> list[tuple[int, dict[str, Any], dict[str, Any]]]:
    """Keep the features of one municipality when a CBS file holds several (or a whole country)."""
    names = {text_property(props, MUNICIPALITY_NAME_KEYS) for _i, _f, props in rows} - {""}
    if not names:
        return rows
    if municipality:
        wanted = municipality.strip().casefold()
        kept = [
            row
            for row in rows
            if wanted
            in (
                text_property(row[2], MUNICIPALITY_NAME_KEYS).casefold(),
                text_property(row[2], MUNICIPALITY_CODE_KEYS).casefold(),
            )
        ]
        if not kept:
            message = _(
                "Het %(file)s bevat geen %(areas)s van gemeente %(name)s (wel van: %(found)s)."
            )
            checked.errors.append(
                message
                % {
                    "file": file_word(level),
                    "areas": level_word(level, plural=True, capital=False),
                    "name": municipality,
                    "found": ", ".join(sorted(names)[:5]) + (" …" if len(names) > 5 else ""),
                }
            )
        return kept
    if len(names) > 1:
        message = _(
            "Het %(file)s bevat %(areas)s van %(count)s gemeenten (%(found)s). Geef de naam van "
            "de gemeente op; dan worden alleen haar %(areas)s ingelezen."
        )
        checked.errors.append(
            message
            % {
                "file": file_word(level),
                "areas": level_word(level, plural=True, capital=False),
                "count": len(names),
                "found": ", ".join(sorted(names)[:5]) + (" …" if len(names) > 5 else ""),
            }
        )
        return []
    return rows


def features_read(
    collection: Any, *, level: str, projector: Projector, municipality: str | None = None
) -> Checked:
    """Every feature of one file, each checked on its own."""
    checked = Checked()
    if not is_feature_collection(collection):
        message = _(
            "Het %(file)s is geen GeoJSON FeatureCollection: verwacht wordt een object met "
            '"type": "FeatureCollection" en een lijst "features".'
        )
        checked.errors.append(message % {"file": file_word(level)})
        return checked
    if problem := crs_problem(collection, level):
        checked.errors.append(problem)
        return checked
    rows = municipality_filter(
        feature_rows(collection, level, checked), level, municipality, checked
    )
    not_wgs84 = []
    for index, raw, props in rows:
        name = text_property(props, NAME_KEYS[level])
        label = feature_label(level, index, name)
        errors = []
        if not name:
            message = _(
                '%(label)s heeft geen naam. Zet de naam in de eigenschap "name" (of "%(key)s").'
            )
            errors.append(message % {"label": label, "key": NAME_KEYS[level][0]})
        elif len(name) > NAME_MAX:
            message = _("%(label)s heeft een naam van meer dan %(max)s tekens.")
            errors.append(message % {"label": label, "max": NAME_MAX})
        code = text_property(props, CODE_KEYS[level])
        generated = not code
        if generated:
            code = generated_code(name) if name else ""
        elif len(code) > CODE_MAX:
            message = _("%(label)s heeft een code van meer dan %(max)s tekens (%(code)s).")
            errors.append(message % {"label": label, "max": CODE_MAX, "code": code})
        read = geometry_read(raw.get("geometry"), label, projector)
        if read.error:
            errors.append(read.error)
        if read.not_wgs84:
            not_wgs84.append(read.error)
        checked.errors.extend(errors)
        checked.warnings.extend(read.warnings)
        if errors:
            continue
        checked.features.append(
            AreaFeature(
                index=index,
                name=name,
                code=code,
                code_generated=generated,
                geometry=read.geometry,
                area_m2=read.area_m2,
                description=text_property(props, DESCRIPTION_KEYS),
                parent_code=text_property(props, PARENT_CODE_KEYS)
                if level == NEIGHBOURHOOD
                else "",
                municipality_name=text_property(props, MUNICIPALITY_NAME_KEYS),
                municipality_code=text_property(props, MUNICIPALITY_CODE_KEYS),
            )
        )
    if len(not_wgs84) > 3 and len(not_wgs84) == len(rows):
        # The whole file is in another coordinate system: say so once, not per feature.
        checked.errors = [e for e in checked.errors if e not in not_wgs84]
        message = _(
            "Alle %(count)s %(areas)s in het %(file)s hebben andere coördinaten dan WGS84. Eerste:"
        )
        checked.errors.insert(
            0,
            message
            % {
                "count": len(rows),
                "areas": level_word(level, plural=True, capital=False),
                "file": file_word(level),
            }
            + " "
            + not_wgs84[0],
        )
    if not rows and not checked.errors:
        message = _("Het %(file)s bevat geen %(areas)s.")
        checked.errors.append(
            message
            % {"file": file_word(level), "areas": level_word(level, plural=True, capital=False)}
        )
    if checked.features and not checked.errors:
        minx, miny, maxx, maxy = shapely.total_bounds([f.geometry for f in checked.features])
        nl_minx, nl_miny, nl_maxx, nl_maxy = NL_BOUNDS
        if maxx < nl_minx or minx > nl_maxx or maxy < nl_miny or miny > nl_maxy:
            message = _(
                "De %(areas)s liggen niet in Nederland (rond %(lat).2f, %(lon).2f). Staan "
                "lengte- en breedtegraad misschien omgedraaid?"
            )
            checked.warnings.append(
                message
                % {
                    "areas": level_word(level, plural=True, capital=False),
                    "lat": (miny + maxy) / 2,
                    "lon": (minx + maxx) / 2,
                }
            )
    return checked
