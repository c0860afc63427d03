"""The public map of open reports (M10): no login, no personal data, sensitive places vague."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import formats, timezone
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from openhandhaving.areas.selectors import district_feature_collection
from openhandhaving.core.ratelimits import limited
from openhandhaving.reports.choices import Status
from openhandhaving.reports.selectors import (
    PUBLIC_MAP_LIMIT,
    public_open_counts,
    public_open_reports,
    public_point,
)

GEOJSON = "application/geo+json"


def _label(report, labels: dict[str, str]) -> str:
    category = report.category.public_name or report.category.name
    day = formats.date_format(timezone.localtime(report.reported_at), "j M")
    return f"{category} · {labels.get(report.status, '')} · {day}"


@require_GET
@limited("RATE_PUBLIC_READ")
@cache_control(public=True, max_age=60)
def public_map_data(request: HttpRequest) -> JsonResponse:
    """Open reports of public categories as GeoJSON points: category, status and day only."""
    reports = public_open_reports()
    labels = {s.value: str(s.label).lower() for s in Status}
    features = []
    for report in reports:
        lat, lon = public_point(report)
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [lon, lat]},
                "properties": {"name": _label(report, labels)},
            }
        )
    return JsonResponse(
        {
            "type": "FeatureCollection",
            "features": features,
            "truncated": len(reports) >= PUBLIC_MAP_LIMIT,
        },
        content_type=GEOJSON,
    )


@require_GET
@cache_control(public=True, max_age=3600)
def public_outlines(request: HttpRequest) -> JsonResponse:
    """The wijken as outlines (public data: the municipality's own area division)."""
    data = district_feature_collection()
    for feature in data["features"]:
        feature["properties"] = {"name": feature["properties"].get("name", "")}
    return JsonResponse(data, content_type=GEOJSON)


@require_GET
def public_map(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "reports/public_map.html",
        {
            "points_url": reverse("reports_public:map_data"),
            "outlines_url": reverse("reports_public:outlines"),
            "counts": public_open_counts(),
        },
    )
