"""The demo town in WGS84: wijken/buurten as CBS-style GeoJSON, points as (lat, lon); pure.

Every vertex goes through the same RD New → WGS84 transformation and is rounded to 7 decimals
(about a centimetre), so buurten that share a border in metres still share it vertex for vertex;
a wijk is the exact union of its buurten in WGS84.
"""

from __future__ import annotations

import json
from typing import Any

import numpy as np
import shapely
from pyproj import Transformer
from shapely.geometry import Point
from shapely.geometry.base import BaseGeometry

from openhandhaving.areas import demo_names as names
from openhandhaving.areas.demo_town import Town

DECIMALS = 7
_RD_TO_WGS84 = Transformer.from_crs("EPSG:28992", "EPSG:4326", always_xy=True)


def rd_to_lonlat(xy: np.ndarray) -> np.ndarray:
    lon, lat = _RD_TO_WGS84.transform(xy[:, 0], xy[:, 1])
    return np.round(np.column_stack([lon, lat]), DECIMALS)


def to_wgs84(geometry: BaseGeometry) -> BaseGeometry:
    """The geometry in lon/lat, rings counter-clockwise outside (RFC 7946)."""
    result = shapely.transform(geometry, rd_to_lonlat)
    if result.geom_type in ("Polygon", "MultiPolygon"):
        result = shapely.orient_polygons(result)
    return result


def latlon(point: Point) -> tuple[float, float]:
    (lon, lat), *_ = rd_to_lonlat(np.array([[point.x, point.y]])).tolist()
    return lat, lon


def latlons(xy: np.ndarray) -> np.ndarray:
    """(n, 2) RD metres → (n, 2) of (lat, lon)."""
    return rd_to_lonlat(xy)[:, ::-1]


def geojson(geometry: BaseGeometry) -> dict[str, Any]:
    return json.loads(shapely.to_geojson(geometry))


def area_geometries(town: Town) -> tuple[list[BaseGeometry], list[BaseGeometry]]:
    """(wijken, buurten) in WGS84, in the order of town.wijken and town.buurten."""
    buurten = [to_wgs84(b.polygon) for b in town.buurten]
    wijken = [
        shapely.orient_polygons(shapely.coverage_union_all([buurten[b] for b in w.buurten]))
        for w in town.wijken
    ]
    return wijken, buurten


def feature_collections(town: Town) -> tuple[dict[str, Any], dict[str, Any]]:
    """(wijken, buurten) FeatureCollections, with the property names of the CBS buurtkaart."""
    wijk_shapes, buurt_shapes = area_geometries(town)
    common = {"gemeentenaam": town.name, "gemeentecode": town.code}
    districts = [
        {
            "type": "Feature",
            "properties": {
                "wijkcode": wijk.code,
                "wijknaam": wijk.name,
                "omschrijving": names.WIJK_DESCRIPTIONS.get(wijk.name, ""),
                **common,
            },
            "geometry": geojson(shape),
        }
        for wijk, shape in zip(town.wijken, wijk_shapes, strict=True)
    ]
    neighbourhoods = [
        {
            "type": "Feature",
            "properties": {
                "buurtcode": buurt.code,
                "buurtnaam": buurt.name,
                "wijkcode": town.wijken[buurt.wijk].code,
                **common,
            },
            "geometry": geojson(buurt_shapes[buurt.index]),
        }
        for buurt in sorted(town.buurten, key=lambda b: b.code)
    ]
    return (
        {"type": "FeatureCollection", "features": districts},
        {"type": "FeatureCollection", "features": neighbourhoods},
    )
