"""Open311 GeoReport v2 at /open311/v2/: discovery, services and requests (JSON and XML)."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET

from openhandhaving.api import open311
from openhandhaving.api.choices import Scope
from openhandhaving.api.selectors import (
    open311_request_rows,
    open311_requests,
    reportable_categories,
    reportable_category,
)
from openhandhaving.api.services import api_client_for_key
from openhandhaving.api.services_open311 import Open311Error, request_create
from openhandhaving.core.ratelimits import limited
from openhandhaving.reports.selectors import public_point


def respond(fmt: str, root: str, document, status: int = 200) -> HttpResponse:
    body, content_type = open311.render(fmt, root, document)
    response = HttpResponse(body, content_type=content_type, status=status)
    response["Access-Control-Allow-Origin"] = "*"  # public, read-only documents and keyed posts
    return response


def error(fmt: str, status: int, description: str) -> HttpResponse:
    return respond(fmt, "errors", open311.errors((status, description)), status=status)


@require_GET
def discovery(request: HttpRequest, fmt: str) -> HttpResponse:
    base = request.build_absolute_uri(reverse("open311:root"))
    contact = getattr(settings, "DEFAULT_FROM_EMAIL", "")
    return respond(fmt, "discovery", open311.discovery(base_url=base, contact=contact))


@require_GET
@limited("RATE_PUBLIC_READ")
def services(request: HttpRequest, fmt: str) -> HttpResponse:
    return respond(fmt, "services", open311.services_list(reportable_categories()))


@require_GET
def service_definition(request: HttpRequest, code: str, fmt: str) -> HttpResponse:
    category = reportable_category(code)
    if category is None:
        return error(fmt, 404, f"service_code {code} not found")
    return respond(fmt, "service_definition", open311.service_definition(category))


def root(request: HttpRequest) -> HttpResponse:
    """The base URL: points to the discovery document."""
    return discovery(request, "xml")


# --- service requests ----------------------------------------------------------------------

MAX_PAGE_SIZE = 1000  # the specification's default upper limit
DEFAULT_DAYS = 90


def _agency() -> str:
    from openhandhaving.areas.selectors import municipality_name

    return f"Handhaving {municipality_name()}".strip()


def _requests_document(request: HttpRequest, reports) -> list[dict]:
    agency = _agency()
    reader = api_client_for_key(request.GET.get("api_key"))
    with_text = reader is not None and reader.allows(Scope.REPORTS_READ)
    return [
        open311.service_request(r, point=public_point(r), agency=agency, with_text=with_text)
        for r in open311_request_rows(reports)
    ]


def _client_or_error(request: HttpRequest, fmt: str):
    client = api_client_for_key(request.POST.get("api_key") or request.GET.get("api_key"))
    if client is None or not client.allows(Scope.OPEN311):
        return None, error(fmt, 403, "api_key ontbreekt of is ongeldig")
    return client, None


def _int(value: str | None, default: int, low: int, high: int) -> int:
    try:
        return max(low, min(high, int(value))) if value not in (None, "") else default
    except ValueError:
        raise Open311Error(400, f"geen geheel getal: {value}") from None


def _date(value: str | None, name: str):
    if not value:
        return None
    try:
        moment = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise Open311Error(400, f"{name}: geen W3C-datum/tijd: {value}") from None
    return moment if timezone.is_aware(moment) else timezone.make_aware(moment)


def _list(request: HttpRequest, fmt: str) -> HttpResponse:
    params = request.GET
    try:
        ids = [i.strip() for i in (params.get("service_request_id") or "").split(",") if i.strip()]
        page = _int(params.get("page"), 1, 1, 10**6)
        size = _int(params.get("page_size"), MAX_PAGE_SIZE, 1, MAX_PAGE_SIZE)
        if ids:
            reports = open311_requests(numbers=ids)
        else:
            codes = [c for c in (params.get("service_code") or "").split(",") if c]
            status = (params.get("status") or "").strip()
            if status and status not in {"open", "closed"}:
                raise Open311Error(400, "status moet open of closed zijn")
            end = _date(params.get("end_date"), "end_date") or timezone.now()
            start = _date(params.get("start_date"), "start_date") or end - dt.timedelta(
                days=DEFAULT_DAYS
            )
            reports = open311_requests(codes=codes, status=status, start=start, end=end)
    except Open311Error as problem:
        return error(fmt, problem.status, problem.description)
    window = reports[(page - 1) * size : page * size]
    return respond(fmt, "service_requests", _requests_document(request, window))


@csrf_exempt
@limited("RATE_PUBLIC_READ", method="GET")
@limited("RATE_API_CLIENT", key="post:api_key", method="POST")
@limited("RATE_PUBLIC_POST", method="POST")
def requests_view(request: HttpRequest, fmt: str) -> HttpResponse:
    """GET: public list of requests (90 days, 1000 at most; page/page_size). POST: a new one."""
    if request.method == "GET":
        return _list(request, fmt)
    if request.method != "POST":
        return error(fmt, 405, "alleen GET en POST")
    client, problem = _client_or_error(request, fmt)
    if problem is not None:
        return problem
    try:
        report = request_create(client=client, data=request.POST)
    except Open311Error as failure:
        return error(fmt, failure.status, failure.description)
    document = [
        {
            "service_request_id": report.number,
            "service_notice": report.category.service_promise or "",
            "account_id": "",
        }
    ]
    return respond(fmt, "service_requests", document)


@require_GET
@limited("RATE_PUBLIC_READ")
def request_detail(request: HttpRequest, number: str, fmt: str) -> HttpResponse:
    reports = open311_requests(numbers=[number])
    if not reports.exists():
        return error(fmt, 404, f"service_request_id {number} not found")
    return respond(fmt, "service_requests", _requests_document(request, reports))


@require_GET
def token(request: HttpRequest, token: str, fmt: str) -> HttpResponse:
    """Requests get their id at once, so a token is the id itself."""
    if not open311_requests(numbers=[token]).exists():
        return error(fmt, 404, f"token {token} not found")
    return respond(fmt, "service_requests", [{"service_request_id": token, "token": token}])
