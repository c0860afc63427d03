"""Synthetic wijken and buurten as GeoJSON: squares near Utrecht, easy to reason about.

Layout (lon 5.10–5.12, lat 52.09–52.10, each wijk about 680 × 1,110 m):

    +-----------+-----------+
    | Noord     |  Oost     |      wijk West = buurten Noord + Zuid
    +-----------+  (hole)   |      wijk Oost = buurt Oost, which has a hole (a lake)
    | Zuid      |           |
    +-----------+-----------+
    5.10      5.11        5.12
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[4]
AMSTERDAM = REPO_ROOT.parent / "shared" / "data" / "amsterdam-areas"

WEST = (5.10, 52.09, 5.11, 52.10)
EAST = (5.11, 52.09, 5.12, 52.10)
NORTH = (5.10, 52.095, 5.11, 52.10)
SOUTH = (5.10, 52.09, 5.11, 52.095)
HOLE = (5.114, 52.094, 5.116, 52.096)


def ring(box: tuple[float, float, float, float]) -> list[list[float]]:
    minx, miny, maxx, maxy = box
    return [[minx, miny], [maxx, miny], [maxx, maxy], [minx, maxy], [minx, miny]]


def polygon(box: tuple[float, float, float, float], *holes) -> dict[str, Any]:
    rings = [ring(box)] + [list(reversed(ring(h))) for h in holes]
    return {"type": "Polygon", "coordinates": rings}


def feature(geometry: dict[str, Any] | None, **properties) -> dict[str, Any]:
    return {"type": "Feature", "properties": properties, "geometry": geometry}


def collection(*features: dict[str, Any]) -> dict[str, Any]:
    return {"type": "FeatureCollection", "features": list(features)}


def cbs_wijken() -> dict[str, Any]:
    """Wijken as the CBS wijk- en buurtkaart names them (upper-case shapefile columns)."""
    return collection(
        feature(
            polygon(WEST), WK_CODE="WK034401", WK_NAAM="West", GM_NAAM="Utrecht", GM_CODE="GM0344"
        ),
        feature(
            polygon(EAST), WK_CODE="WK034402", WK_NAAM="Oost", GM_NAAM="Utrecht", GM_CODE="GM0344"
        ),
    )


def cbs_buurten() -> dict[str, Any]:
    """Buurten with their wijk code, in the lower-case names of the PDOK download."""
    return collection(
        feature(polygon(NORTH), buurtcode="BU03440101", buurtnaam="Noord", wijkcode="WK034401"),
        feature(polygon(SOUTH), buurtcode="BU03440102", buurtnaam="Zuid", wijkcode="WK034401"),
        feature(polygon(EAST, HOLE), buurtcode="BU03440201", buurtnaam="Oost", wijkcode="WK034402"),
    )


def named_wijken() -> dict[str, Any]:
    """A municipality's own file: only a name per feature."""
    return collection(feature(polygon(WEST), name="West"), feature(polygon(EAST), name="Oost"))


def named_buurten() -> dict[str, Any]:
    return collection(
        feature(polygon(NORTH), name="Noord"),
        feature(polygon(SOUTH), name="Zuid"),
        feature(polygon(EAST, HOLE), name="Oost"),
    )
