"""Back-office lists of the reports app: the queues with search and map, saved filters, dashboard.

The report page and its actions are in views_detail.py, the intake form in views_intake.py.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpRequest, HttpResponse, JsonResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from openhandhaving.reports.choices import Status
from openhandhaving.reports.display import detail_url_prefix, rows_for_list
from openhandhaving.reports.forms import ReportSearchForm, SavedFilterForm
from openhandhaving.reports.models import SavedFilter
from openhandhaving.reports.selectors import (
    MAP_LIMIT,
    Late,
    Queue,
    default_queue,
    late_overview,
    queue_counts,
    report_page,
    report_points,
    report_search,
    saved_filter_list,
    unrouted_reports,
    user_district_ids,
    user_team_ids,
)
from openhandhaving.reports.services.saved_filters import saved_filter_delete, saved_filter_save

GEOJSON = "application/geo+json"
PAGE_PARAM = "pagina"
VIEW_PARAM = "weergave"
# Parameters that change how the result is shown, not which reports it holds.
NOT_A_FILTER = (PAGE_PARAM, VIEW_PARAM, "queue")


def search(request: HttpRequest, params: QueryDict):
    """The bound search form and the filters it gives (invalid fields are left out)."""
    form = ReportSearchForm(params, user=request.user)
    form.is_valid()
    filters = form.filters(default_queue=default_queue(user=request.user))
    return form, filters


def query_without(params: QueryDict, *names: str) -> str:
    query = params.copy()
    for name in names:
        query.pop(name, None)
    return query.urlencode()


def queue_tabs(request: HttpRequest, current: str, view_mode: str) -> list[dict]:
    """The queue tabs this person has, each with its number of open reports."""
    user = request.user
    counts = queue_counts(user=user)
    codes = [Queue.MINE]
    if user_district_ids(user=user):
        codes.append(Queue.WIJK)
    if user_team_ids(user=user):
        codes.append(Queue.TEAM)
    codes += [Queue.COLLEAGUE, Queue.COORDINATORS, Queue.ALL]
    if current not in codes:
        codes.append(current)
    base = reverse("reports:queue")
    suffix = f"&{VIEW_PARAM}=kaart" if view_mode == "kaart" else ""
    return [
        {
            "code": code,
            "label": Queue.LABELS[code],
            "url": f"{base}?queue={code}{suffix}",
            "count": counts.get(code),
            "current": code == current,
        }
        for code in codes
    ]


def queue_page(
    request: HttpRequest, params: QueryDict, save_form: SavedFilterForm | None = None
) -> HttpResponse:
    form, filters = search(request, params)
    now = timezone.now()
    view_mode = "kaart" if params.get(VIEW_PARAM) == "kaart" else "lijst"
    page = None
    if view_mode == "lijst":
        number = params.get(PAGE_PARAM, "1")
        page = report_page(
            report_search(user=request.user, filters=filters),
            number=int(number) if number.isdigit() else 1,
        )
        rows_for_list(page.items, now)
    query = query_without(params, PAGE_PARAM)
    filter_query = query_without(params, *NOT_A_FILTER)
    has_filters = any(
        value for key, values in params.lists() if key not in NOT_A_FILTER for value in values
    )
    return render(
        request,
        "reports/queue.html",
        {
            "form": form,
            "filters": filters,
            "queue_label": Queue.LABELS.get(filters.queue, ""),
            "tabs": queue_tabs(request, filters.queue, view_mode),
            "page": page,
            "now": now,
            "view_mode": view_mode,
            "query": query,
            "list_url": f"?{query_without(params, VIEW_PARAM, PAGE_PARAM)}",
            "map_url": f"?{query_without(params, VIEW_PARAM, PAGE_PARAM)}&{VIEW_PARAM}=kaart",
            "points_url": f"{reverse('reports:map_data')}?{query_without(params, PAGE_PARAM)}",
            "has_filters": has_filters,
            "filters_open": has_filters
            or bool(form.errors)
            or (filters.queue == Queue.COLLEAGUE and filters.colleague is None),
            "saved_filters": saved_filter_list(user=request.user),
            "save_form": save_form
            or SavedFilterForm(initial={"query": query_without(params, PAGE_PARAM)}),
            "can_save": request.user.has_perm("reports.add_savedfilter") and filter_query != "",
            "can_create": request.user.has_perm("reports.add_report"),
            "can_dashboard": request.user.has_perm("reports.route_reports"),
            "missing_wijk": filters.queue == Queue.WIJK
            and not user_district_ids(user=request.user),
        },
    )


@login_required
@permission_required("reports.view_report", raise_exception=True)
def queue(request: HttpRequest) -> HttpResponse:
    return queue_page(request, request.GET)


@login_required
@permission_required("reports.view_report", raise_exception=True)
def map_data(request: HttpRequest) -> JsonResponse:
    """The queue's reports as GeoJSON points, with the same filters as the list."""
    _form, filters = search(request, request.GET)
    now = timezone.now()
    points = report_points(report_search(user=request.user, filters=filters, now=now), now=now)
    labels = {status.value: str(status.label) for status in Status}
    detail = detail_url_prefix()
    features = [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [round(lon, 6), round(lat, 6)]},
            "properties": {
                "number": number,
                "category": category,
                "status": labels.get(status, status),
                "late": late,
                "url": f"{detail}{number}/",
            },
        }
        for number, lat, lon, status, category, late in points
    ]
    return JsonResponse(
        {"type": "FeatureCollection", "features": features, "truncated": len(points) >= MAP_LIMIT},
        content_type=GEOJSON,
    )


@login_required
@require_POST
@permission_required("reports.add_savedfilter", raise_exception=True)
def filter_save(request: HttpRequest) -> HttpResponse:
    form = SavedFilterForm(request.POST)
    if form.is_valid():
        saved = saved_filter_save(
            user=request.user, name=form.cleaned_data["name"], query=form.cleaned_data["query"]
        )
        messages.success(request, _("Het filter ‘%(name)s’ is bewaard.") % {"name": saved.name})
        return redirect(f"{reverse('reports:queue')}?{saved.query}")
    return queue_page(request, QueryDict(request.POST.get("query", "")[:1000]), save_form=form)


@login_required
@require_POST
@permission_required("reports.delete_savedfilter", raise_exception=True)
def filter_delete(request: HttpRequest, pk: int) -> HttpResponse:
    saved = get_object_or_404(SavedFilter, pk=pk, user=request.user)
    saved_filter_delete(saved_filter=saved)
    messages.success(request, _("Het filter ‘%(name)s’ is verwijderd.") % {"name": saved.name})
    return redirect("reports:queue")


def list_link(**params) -> str:
    query = QueryDict(mutable=True)
    query["queue"] = Queue.ALL
    for key, value in params.items():
        if value not in (None, ""):
            query[key] = str(value)
    return f"{reverse('reports:queue')}?{query.urlencode()}"


@login_required
@permission_required("reports.route_reports", raise_exception=True)
def dashboard(request: HttpRequest) -> HttpResponse:
    """The coordinators' view: queue sizes, late reports per wijk and category, unrouted."""
    now = timezone.now()
    wijken, categories = late_overview(now=now)
    for row in wijken:
        row.links = row.key and {
            "open": list_link(district=row.key),
            "late": list_link(district=row.key, late=Late.LATE),
            "late_3x": list_link(district=row.key, late=Late.LATE_3X),
        }
    for row in categories:
        row.links = {
            "open": list_link(category=row.key),
            "late": list_link(category=row.key, late=Late.LATE),
            "late_3x": list_link(category=row.key, late=Late.LATE_3X),
        }
    counts = queue_counts(user=request.user)
    return render(
        request,
        "reports/dashboard.html",
        {
            "now": now,
            "wijken": wijken,
            "categories": categories,
            "totals": {
                "open": sum(r.open for r in wijken),
                "late": sum(r.late for r in wijken),
                "late_3x": sum(r.late_3x for r in wijken),
            },
            "unrouted": unrouted_reports(limit=15),
            "coordinators_count": counts.get(Queue.COORDINATORS, 0),
            "links": {
                "coordinators": f"{reverse('reports:queue')}?queue={Queue.COORDINATORS}",
                "late": list_link(late=Late.LATE),
                "late_3x": list_link(late=Late.LATE_3X),
                "open": list_link(),
            },
        },
    )
