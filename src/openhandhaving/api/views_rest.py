"""REST API v1 (/api/v1/): reports (same filters as the back office), categories, wijken.

A vakapplicatie or enforcement app reads work and sends status back with its API key; personal
data of reporters only with the `reports:personal` scope, and every such read is logged.
"""

from __future__ import annotations

from django.db.models import Prefetch
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, status
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response
from rest_framework.views import APIView

from openhandhaving.api.authentication import client_of
from openhandhaving.api.choices import Scope
from openhandhaving.api.serializers import (
    CategorySerializer,
    DistrictSerializer,
    NoteSerializer,
    ReportCreateSerializer,
    ReportDetailSerializer,
    ReportSerializer,
    StatusChangeSerializer,
)
from openhandhaving.areas.models import District
from openhandhaving.core.services import audit_log_record
from openhandhaving.reports.exceptions import ConcurrentEditError, ReportRuleError
from openhandhaving.reports.models import Category, Report, ReportEvent
from openhandhaving.reports.selectors import Late, Queue, ReportFilters, report_search
from openhandhaving.reports.services import (
    report_create,
    report_note_add,
    report_status_change,
)


class Pages(PageNumberPagination):
    page_size = 100
    page_size_query_param = "page_size"
    max_page_size = 500


def rule_error(error: ReportRuleError) -> ValidationError:
    field = (error.field or "non_field_errors").replace("location", "lat")
    return ValidationError({field: [error.message]})


FILTER_PARAMETERS = [
    OpenApiParameter("status", OpenApiTypes.STR, description="status (mag vaker); leeg: open"),
    OpenApiParameter("category", OpenApiTypes.STR, description="categorie (slug), ook hoofdcat."),
    OpenApiParameter("wijk", OpenApiTypes.INT, description="wijk-id"),
    OpenApiParameter("owner", OpenApiTypes.STR, description="gebruikersnaam van de eigenaar"),
    OpenApiParameter("q", OpenApiTypes.STR, description="woord in de omschrijving"),
    OpenApiParameter("address", OpenApiTypes.STR, description="deel van het adres"),
    OpenApiParameter("number", OpenApiTypes.STR, description="meldingnummer (negeert de rest)"),
    OpenApiParameter("date_from", OpenApiTypes.DATE),
    OpenApiParameter("date_to", OpenApiTypes.DATE),
    OpenApiParameter("late", OpenApiTypes.STR, enum=[Late.LATE, Late.LATE_3X]),
    OpenApiParameter("sort", OpenApiTypes.STR, enum=["deadline", "-reported_at", "reported_at"]),
]


def filters_from(params) -> ReportFilters:
    """The back office's search (reports.selectors.ReportFilters) from query parameters."""
    import datetime as dt

    from openhandhaving.core.models import User

    problems: dict[str, list[str]] = {}

    def day(name: str):
        value = params.get(name)
        if not value:
            return None
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            problems[name] = [f"Geen datum (JJJJ-MM-DD): {value}"]
            return None

    filters = ReportFilters(
        queue=Queue.ALL,
        number=params.get("number", ""),
        address=params.get("address", ""),
        keyword=params.get("q", ""),
        statuses=params.getlist("status"),
        date_from=day("date_from"),
        date_to=day("date_to"),
        late=params.get("late", ""),
        sort=params.get("sort", "deadline"),
    )
    from openhandhaving.reports.choices import Status

    unknown = [s for s in filters.statuses if s not in Status.values]
    if unknown:
        problems["status"] = [f"Onbekende status: {', '.join(unknown)}"]
    if filters.late not in ("", Late.LATE, Late.LATE_3X):
        problems["late"] = [f"Kies {Late.LATE} of {Late.LATE_3X}."]
    if filters.sort not in ("deadline", "-reported_at", "reported_at"):
        problems["sort"] = ["Kies deadline, -reported_at of reported_at."]
    if slug := params.get("category"):
        filters.category = Category.objects.filter(slug=slug).first()
        if filters.category is None:
            problems["category"] = [f"Onbekende categorie: {slug}"]
    if wijk := params.get("wijk"):
        filters.district = District.objects.filter(pk=wijk).first() if wijk.isdigit() else None
        if filters.district is None:
            problems["wijk"] = [f"Onbekende wijk: {wijk}"]
    if username := params.get("owner"):
        filters.owner = User.objects.filter(username=username).first()
        if filters.owner is None:
            problems["owner"] = [f"Onbekende gebruiker: {username}"]
    if problems:
        raise ValidationError(problems)
    return filters


class ReportList(generics.GenericAPIView):
    required_scopes = {"GET": Scope.REPORTS_READ, "POST": Scope.REPORTS_WRITE}
    pagination_class = Pages
    serializer_class = ReportSerializer

    @extend_schema(parameters=FILTER_PARAMETERS, responses=ReportSerializer(many=True))
    def get(self, request):
        reports = report_search(user=None, filters=filters_from(request.query_params))
        page = self.paginate_queryset(reports)
        return self.get_paginated_response(ReportSerializer(page, many=True).data)

    @extend_schema(request=ReportCreateSerializer, responses={201: ReportDetailSerializer})
    def post(self, request):
        data = ReportCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        try:
            report = report_create(**values)
        except ReportRuleError as error:
            raise rule_error(error) from None
        audit_log_record(
            actor=None,
            action="api_report_create",
            obj=report,
            details={"api_client": client_of(request).name},
        )
        return Response(
            ReportDetailSerializer(report_with_history(report.number)).data,
            status=status.HTTP_201_CREATED,
        )


def history_rows():
    return ReportEvent.objects.select_related("actor").order_by("time", "id")


def report_with_history(number: str) -> Report:
    report = (
        Report.objects.select_related(
            "category", "district", "neighbourhood", "owner", "owner_team", "contact"
        )
        .prefetch_related(
            Prefetch(
                "events", queryset=ReportEvent.objects.select_related("actor").order_by("time")
            )
        )
        .filter(number=number)
        .first()
    )
    if report is None:
        raise NotFound(f"Melding {number} bestaat niet.")
    return report


class ReportDetail(APIView):
    required_scopes = {"GET": Scope.REPORTS_READ}

    @extend_schema(responses=ReportDetailSerializer)
    def get(self, request, number: str):
        report = report_with_history(number)
        client = client_of(request)
        with_contact = client.allows(Scope.PERSONAL_DATA)
        if with_contact and getattr(report, "contact", None) is not None:
            audit_log_record(
                actor=None,
                action="report_contact_view",
                obj=report,
                details={"number": report.number, "via": "api", "api_client": client.name},
            )
        context = {"with_contact": with_contact}
        return Response(ReportDetailSerializer(report, context=context).data)


class ReportStatus(APIView):
    required_scopes = {"POST": Scope.REPORTS_WRITE}

    @extend_schema(request=StatusChangeSerializer, responses=ReportSerializer)
    def post(self, request, number: str):
        data = StatusChangeSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        report = report_with_history(number)
        try:
            report = report_status_change(
                report=report,
                to_status=data.validated_data["status"],
                actor=None,
                text=data.validated_data["text"],
                expected_version=data.validated_data.get("version"),
            )
        except ConcurrentEditError as error:
            return Response({"version": [error.message]}, status=status.HTTP_409_CONFLICT)
        except ReportRuleError as error:
            raise rule_error(error) from None
        return Response(ReportSerializer(report).data)


class ReportNotes(APIView):
    required_scopes = {"POST": Scope.REPORTS_WRITE}

    @extend_schema(request=NoteSerializer, responses={201: None})
    def post(self, request, number: str):
        data = NoteSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        report = report_with_history(number)
        text = f"{data.validated_data['text']}\n(via {client_of(request).name})"
        try:
            report_note_add(report=report, actor=None, text=text)
        except ReportRuleError as error:
            raise rule_error(error) from None
        return Response(status=status.HTTP_201_CREATED)


class CategoryList(generics.ListAPIView):
    required_scopes: dict = {}
    serializer_class = CategorySerializer
    pagination_class = None

    def get_queryset(self):
        return Category.objects.select_related("parent").order_by("parent__name", "order", "name")


class DistrictList(generics.ListAPIView):
    required_scopes: dict = {}
    serializer_class = DistrictSerializer
    pagination_class = None

    def get_queryset(self):
        return District.objects.defer("geometry").order_by("name")
