"""Views of the areas app: wijken on a map, one wijk with its buurten, GeoJSON, import."""

from __future__ import annotations

import json

from django.contrib.auth.decorators import login_required, permission_required
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from openhandhaving.areas import selectors
from openhandhaving.areas.forms import AreasImportForm
from openhandhaving.areas.services import areas_import
from openhandhaving.core.services import origin_of

REPORT_SESSION_KEY = "areas_import_report"
GEOJSON = "application/geo+json"


def map_layers(*layers: dict) -> str:
    """The data-layers attribute of static/js/map.js."""
    return json.dumps(list(layers))


def wijk_filter(request: HttpRequest) -> int | None:
    value = request.GET.get("wijk", "")
    if not value:
        return None
    if not value.isdigit():
        raise Http404
    return int(value)


@login_required
@permission_required("areas.view_district", raise_exception=True)
def district_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "areas/district_list.html",
        {
            "districts": selectors.district_list(),
            "can_import": request.user.has_perm("areas.add_district"),
            "map_layers": map_layers({"url": reverse("areas:district_geojson"), "link": True}),
        },
    )


@login_required
@permission_required("areas.view_district", raise_exception=True)
def district_detail(request: HttpRequest, key: str) -> HttpResponse:
    district = selectors.district_get(key=key)
    if district is None:
        raise Http404
    show_neighbourhoods = request.user.has_perm("areas.view_neighbourhood")
    outline = {
        "url": f"{reverse('areas:district_geojson')}?wijk={district.pk}",
        "style": {"color": "#154273", "weight": 3, "fillOpacity": 0.05},
        "tooltip": not show_neighbourhoods,
    }
    layers = [outline]
    if show_neighbourhoods:
        layers.append(
            {
                "url": f"{reverse('areas:neighbourhood_geojson')}?wijk={district.pk}",
                "style": {"color": "#01689b", "weight": 1.5, "fillOpacity": 0.12},
            }
        )
    return render(
        request,
        "areas/district_detail.html",
        {
            "district": district,
            "show_neighbourhoods": show_neighbourhoods,
            "neighbourhoods": (
                selectors.neighbourhood_list(district=district) if show_neighbourhoods else []
            ),
            "map_layers": map_layers(*layers),
        },
    )


@login_required
@permission_required("areas.view_district", raise_exception=True)
def district_geojson(request: HttpRequest) -> JsonResponse:
    """All wijken (or ?wijk=<id>) as a GeoJSON FeatureCollection, each with a link to its page."""
    data = selectors.district_feature_collection(district_id=wijk_filter(request))
    for feature in data["features"]:
        feature["properties"]["url"] = reverse("areas:district_detail", args=[feature["id"]])
    return JsonResponse(data, content_type=GEOJSON)


@login_required
@permission_required("areas.view_neighbourhood", raise_exception=True)
def neighbourhood_geojson(request: HttpRequest) -> JsonResponse:
    """All buurten (or those of ?wijk=<id>) as a GeoJSON FeatureCollection."""
    data = selectors.neighbourhood_feature_collection(district_id=wijk_filter(request))
    return JsonResponse(data, content_type=GEOJSON)


@login_required
@permission_required("areas.add_district", raise_exception=True)
def areas_import_upload(request: HttpRequest) -> HttpResponse:
    """Upload wijken/buurten GeoJSON; the report says what was read, or why nothing was stored."""
    report = None
    form = AreasImportForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        report = areas_import(
            districts_geojson=data["districts_file"],
            neighbourhoods_geojson=data["neighbourhoods_file"],
            municipality_name=data["municipality_name"] or None,
            replace=data["replace"],
            actor=request.user,
            origin=origin_of(request),
        )
        if report.ok:
            # Post/redirect/get: a reload must not import again; the report survives the redirect.
            request.session[REPORT_SESSION_KEY] = report.as_dict() | {"summary": report.summary()}
            return redirect("areas:import")
    done = request.session.pop(REPORT_SESSION_KEY, None) if request.method == "GET" else None
    return render(
        request,
        "areas/areas_import.html",
        {"form": form, "report": report, "done": done},
    )
